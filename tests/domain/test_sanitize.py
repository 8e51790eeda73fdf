"""Reader text becomes safe HTML: no payload survives as markup, whatever its trick."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from service.sanitize import clean, render

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">click</a>',
    "<a href='jav&#x09;ascript:alert(1)'>x</a>",
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</p><script>alert(1)</script><p>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><img src=x onerror=alert(1)></template>",
    "<textarea></textarea><img src=x onerror=alert(1)>",
    "<title><img src=x onerror=alert(1)></title>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
    "<base href=javascript:alert(1)//>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    'https://example.nl/"onmouseover="alert(1)',
    "https://example.nl/'><script>alert(1)</script>",
    "https://example.nl/<img/src=x/onerror=alert(1)>",
    "http://x.nl/?a=<svg/onload=alert(1)>",
    "https://example.nl/javascript:alert(1)",
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    "<p onmouseover=alert(1)>hover</p>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)>",
    "<isindex action=javascript:alert(1) type=image>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    '<a href="\x01javascript:alert(1)">x</a>',
    "`><img src=x onerror=alert(1)>",
    '<img src="x` `<script>alert(1)</script>"` `>',
]

SAFE_TAGS = {"p", "br", "a"}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def structure(markup: str) -> _Collect:
    parser = _Collect()
    parser.feed(markup)
    parser.close()
    return parser


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives_as_markup(payload: str) -> None:
    html = render(payload)
    parsed = structure(html)
    assert not parsed.comments
    for tag, attrs in parsed.tags:
        assert tag in SAFE_TAGS, (payload, html)
        names = {name for name, _ in attrs}
        if tag == "a":
            assert names == {"href", "rel"}, html
            href = dict(attrs)["href"] or ""
            assert href.startswith(("http://", "https://")), html
            assert not any(c in href for c in "<>\"' `"), html
            assert dict(attrs)["rel"] == "nofollow ugc noopener"
        else:
            assert not names, html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitising_is_stable(payload: str) -> None:
    html = render(payload)
    assert clean(html) == html
    assert clean(clean(html)) == html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_reader_text_is_kept_as_text(payload: str) -> None:
    """Escaping, not deleting: what the reader typed is still readable."""
    # bleach shows a control character as "?"; intake refuses them before this point anyway.
    assert _text(render(payload)) == payload.replace("\x01", "?")


def _text(markup: str) -> str:
    chunks: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            chunks.append(data)

    parser = Text(convert_charrefs=True)
    parser.feed(markup)
    parser.close()
    return "".join(chunks)


def test_paragraphs_line_breaks_and_links_are_built() -> None:
    html = render("Eerste regel\ntweede regel\n\n\nNieuwe alinea: https://example.nl/a?b=1&c=2.")
    assert html == (
        "<p>Eerste regel<br>tweede regel</p>"
        '<p>Nieuwe alinea: <a href="https://example.nl/a?b=1&amp;c=2" '
        'rel="nofollow ugc noopener">https://example.nl/a?b=1&amp;c=2</a>.</p>'
    )


def test_link_in_parentheses_keeps_its_own_closing_parenthesis() -> None:
    html = render("(zie https://nl.wikipedia.org/wiki/Magnesium_(element))")
    assert 'href="https://nl.wikipedia.org/wiki/Magnesium_(element)"' in html
    assert html.endswith("</a>)</p>")


def test_sanitiser_is_quick_on_hostile_input() -> None:
    """Thousands of nested tags or entities are just text; this must not blow up."""
    html = render("<div>" * 5000 + "&#x41;" * 5000 + "<" * 4999)
    assert "<div>" not in html and html.startswith("<p>&lt;div&gt;")

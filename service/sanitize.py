"""Turn a reader's plain text into the small, safe HTML the widget and feeds show.

Threat: stored XSS. Reader text is never trusted as markup. We escape all of it first, then build
the only elements we allow ourselves (paragraphs, line breaks and links to http(s) addresses), and
finally pass the result through bleach with a tight allow-list as a second gate. Nothing changes
the HTML after bleach has seen it. This is the only module that imports bleach, so replacing it
(for example with nh3) touches one file.
"""

from __future__ import annotations

import html
import re
import threading

from bleach.sanitizer import Cleaner

from service.domain.validation import LINK

ALLOWED_TAGS = frozenset({"p", "br", "a"})
ALLOWED_ATTRIBUTES = {"a": ["href", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https"})
LINK_REL = "nofollow ugc noopener"
_TRAILING = ".,;:!?)]}'\""
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def _link(match: re.Match[str]) -> str:
    url = match.group(0)
    trail = ""
    while url and url[-1] in _TRAILING:
        trail = url[-1] + trail
        url = url[:-1]
    if url.count("(") > url.count(")") and trail.startswith(")"):
        url, trail = url + ")", trail[1:]
    text = html.escape(url, quote=True)
    return f'<a href="{text}" rel="{LINK_REL}">{text}</a>{html.escape(trail, quote=True)}'


def _linkify(line: str) -> str:
    """Escape one line of plain text and link its bare http(s) addresses."""
    out, last = [], 0
    # Quotes need no escaping in text (only in attributes): leaving them as they are keeps an
    # apostrophe-rich story from costing the second gate one entity per quote.
    for match in LINK.finditer(line):
        out.append(html.escape(line[last : match.start()], quote=False))
        out.append(_link(match))
        last = match.end()
    out.append(html.escape(line[last:], quote=False))
    return "".join(out)


def render(text: str) -> str:
    """Plain text to HTML: blank lines make paragraphs, single newlines make <br>."""
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(text.strip())]
    built = "".join(
        "<p>" + "<br>".join(_linkify(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
        if p.strip()
    )
    return clean(built)


_cleaners = threading.local()


def _cleaner() -> Cleaner:
    """This thread's bleach Cleaner (one is not safe to share between threads).

    `bleach.clean` builds a new Cleaner, and with it an HTML parser, for every call: a third of
    the sanitiser's time and almost a tenth of a comment's intake.
    """
    cleaner: Cleaner | None = getattr(_cleaners, "cleaner", None)
    if cleaner is None:
        cleaner = _cleaners.cleaner = Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            strip_comments=True,
        )
    return cleaner


def clean(markup: str) -> str:
    """The second gate: drop anything outside the allow-list."""
    cleaned: str = _cleaner().clean(markup)
    return cleaned

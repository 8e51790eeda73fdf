"""The widgets and the demo site over HTTP: the minified build, caching, versions, size budget."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import settings
from service import assets, text
from service.assets import minify_css
from service.web import widgets

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["comments", "testimonials"]


def build(name: str, lang: str | None = None) -> bytes:
    """What the service should send for a widget: its sources on disk, minified."""
    return assets.build(ROOT / "widget" / f"{name}.js", lang)


DEMO_PAGES = [
    ("/demo/", "nl", "testimonials"),
    ("/demo/magnesium-en-slaap", "nl", "comments"),
    ("/demo/en/", "en", "testimonials"),
    ("/demo/en/magnesium-and-sleep", "en", "comments"),
]


@pytest.mark.parametrize("name", NAMES)
def test_plain_widget_url_is_javascript_with_a_short_revalidated_cache(
    sqlite_client: TestClient, name: str
) -> None:
    response = sqlite_client.get(f"/widget/{name}.js")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["cache-control"] == "public, max-age=300, must-revalidate"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cross-origin-resource-policy"] == "cross-origin"
    assert response.content == build(name)
    again = sqlite_client.get(
        f"/widget/{name}.js", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize("name", NAMES)
def test_versioned_widget_url_is_cached_for_a_year(sqlite_client: TestClient, name: str) -> None:
    url = widgets.widget_url(name)
    digest = url.split(".")[-2]
    body = build(name)
    assert re.fullmatch(rf"/widget/{name}\.[0-9a-f]{{8}}\.js", url)
    assert digest == hashlib.sha256(body).hexdigest()[:8]
    response = sqlite_client.get(url)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.content == body


def test_a_stale_version_gets_the_current_file_without_the_long_cache(
    sqlite_client: TestClient,
) -> None:
    response = sqlite_client.get("/widget/comments.00000000.js")
    assert response.status_code == 200
    assert response.headers["cache-control"].startswith("public, max-age=300")
    assert response.content == build("comments")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_a_widget_named_with_a_language_carries_only_that_languages_words(
    sqlite_client: TestClient, name: str, lang: str
) -> None:
    built = assets.build(ROOT / "widget" / f"{name}.js", lang)
    words = {code: text.section(code, f"widget.{name}") for code in text.LANGUAGES}
    for address in (f"/widget/{name}.js?lang={lang}", f"/widget/{name}.{lang}.js"):
        response = sqlite_client.get(address)
        assert response.status_code == 200
        assert response.headers["cache-control"] == "public, max-age=300, must-revalidate"
        assert response.content == built
    served = built.decode()
    for code, table in words.items():
        shown = json.dumps(table["title"], ensure_ascii=False)
        assert (shown in served) == (code == lang), code


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_versioned_address_of_one_language_is_cached_for_a_year(
    sqlite_client: TestClient, lang: str
) -> None:
    url = widgets.widget_url("comments", lang)
    assert re.fullmatch(rf"/widget/comments\.{lang}\.[0-9a-f]{{8}}\.js", url)
    assert url != widgets.widget_url("comments", None)
    response = sqlite_client.get(url)
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.content == assets.build(ROOT / "widget" / "comments.js", lang)


def test_a_language_chorus_does_not_speak_gets_every_language(sqlite_client: TestClient) -> None:
    assert "xx" not in text.LANGUAGES
    for address in ("/widget/comments.js?lang=xx", "/widget/comments.xx.js"):
        response = sqlite_client.get(address)
        assert response.status_code == 200
        assert response.content == build("comments")


def test_the_build_with_every_language_puts_the_fallback_first() -> None:
    table = assets.strings("comments")
    assert next(iter(table)) == text.FALLBACK
    assert sorted(table) == sorted(text.LANGUAGES)


def test_widgets_are_sent_gzipped_to_clients_that_accept_it(sqlite_client: TestClient) -> None:
    plain = sqlite_client.get("/widget/comments.js", headers={"Accept-Encoding": "identity"})
    zipped = sqlite_client.get("/widget/comments.js", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["vary"] == "Accept-Encoding"
    assert zipped.content == plain.content  # the client decoded it
    assert plain.headers["etag"] != zipped.headers["etag"]


@pytest.mark.parametrize(
    "path", ["/widget/admin.js", "/widget/comments.css", "/widget/comments.a.b.js", "/widget/..js"]
)
def test_only_the_two_widgets_are_served(sqlite_client: TestClient, path: str) -> None:
    response = sqlite_client.get(path)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("name", NAMES)
def test_the_served_build_is_the_current_source_minified(
    sqlite_client: TestClient, name: str
) -> None:
    source = (ROOT / "widget" / f"{name}.js").read_bytes()
    served = sqlite_client.get(f"/widget/{name}.js", headers={"Accept-Encoding": "gzip"})
    assert served.content == build(name)
    assert served.headers["etag"] == f'"{hashlib.sha256(served.content).hexdigest()[:8]}-gz"'
    # Minified for real: no comments, no indentation, local names shortened.
    assert len(served.content) < len(source) / 1.5
    assert b"\n  " not in served.content and b"/*" not in served.content
    assert b"const element=" not in served.content
    assert served.content.startswith(b'(()=>{"use strict";')


def test_an_edited_widget_is_served_fresh(
    sqlite_client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("comments.js", "comments.css"):
        shutil.copy(ROOT / "widget" / name, tmp_path / name)
    monkeypatch.setattr(widgets, "WIDGET_DIR", tmp_path)
    monkeypatch.setattr(widgets, "_assets", {})
    before = widgets.widget_url("comments")
    (tmp_path / "comments.js").write_text('/* changed */\nconsole.log( "changed" );\n')
    os.utime(tmp_path / "comments.js", (1, 1))
    assert widgets.widget_url("comments") != before
    assert sqlite_client.get("/widget/comments.js").text == 'console.log("changed")'


@pytest.mark.parametrize(("path", "lang", "name"), DEMO_PAGES)
def test_demo_pages_load_the_versioned_widget_in_their_language(
    sqlite_client: TestClient, path: str, lang: str, name: str
) -> None:
    response = sqlite_client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert f'<html lang="{lang}">' in response.text
    assert f'<div id="chorus-{name}"></div>' in response.text
    assert f'<script src="{widgets.widget_url(name, lang)}"' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy


def test_the_dutch_demo_post_ends_by_inviting_stories(sqlite_client: TestClient) -> None:
    html = sqlite_client.get("/demo/magnesium-en-slaap").text
    article = html[html.index("<article>") : html.index("</article>")]
    assert "Deel je verhaal hieronder" in article
    assert article.rindex("<h2>") == article.index("<h2>Deel je verhaal hieronder</h2>")
    assert html.index("</article>") < html.index('id="chorus-comments"')
    assert "/admin/" in html


def test_demo_pages_escape_the_site_name(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "SITE_NAME", "<script>alert(1)</script>")
    html = sqlite_client.get("/demo/").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_the_carousel_is_chosen_only_by_a_known_value(sqlite_client: TestClient) -> None:
    assert 'data-layout="carousel"' in sqlite_client.get("/demo/?layout=carousel").text
    assert 'data-layout="grid"' in sqlite_client.get('/demo/?layout="><script>').text


def test_ratings_off_hides_the_rating_in_the_demo(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert 'data-ratings="false"' not in sqlite_client.get("/demo/magnesium-en-slaap").text
    monkeypatch.setattr(settings, "RATINGS", False)
    assert 'data-ratings="false"' in sqlite_client.get("/demo/magnesium-en-slaap").text


@pytest.mark.parametrize("name", NAMES)
def test_each_widget_as_served_stays_under_its_gzipped_budget(
    sqlite_client: TestClient, name: str
) -> None:
    served = sqlite_client.get(f"/widget/{name}.js", headers={"Accept-Encoding": "gzip"})
    size = len(gzip.compress(served.content, 9))
    assert size < 5120, f"{name}.js is {size} bytes gzipped"


def test_the_own_comment_tools_load_as_a_second_script_within_their_budget(
    sqlite_client: TestClient,
) -> None:
    served = sqlite_client.get("/widget/mine.js")
    assert served.status_code == 200 and "export" in served.text
    assert served.headers["access-control-allow-origin"] == "*"  # imported from other sites
    assert len(gzip.compress(served.content, 9)) <= 4096


def test_both_widgets_as_served_stay_within_the_total_budget(sqlite_client: TestClient) -> None:
    sizes = [len(gzip.compress(sqlite_client.get(f"/widget/{n}.js").content, 9)) for n in NAMES]
    assert sum(sizes) <= 8192, f"the widgets are {sum(sizes)} bytes gzipped together"


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_each_languages_own_build_stays_within_the_budgets(
    sqlite_client: TestClient, lang: str
) -> None:
    sizes = [
        len(gzip.compress(sqlite_client.get(f"/widget/{n}.js?lang={lang}").content, 9))
        for n in NAMES
    ]
    assert max(sizes) < 5120 and sum(sizes) <= 8192, f"lang={lang}: {sizes} bytes gzipped"


# Room the comments widget keeps below its limit in every build, so the next feature need not
# squeeze it (issue 25): bytes gzipped.
COMMENTS_HEADROOM = 400


@pytest.mark.parametrize("lang", [None, *text.LANGUAGES])
def test_every_build_of_the_comments_widget_keeps_its_headroom(
    sqlite_client: TestClient, lang: str | None
) -> None:
    address = "/widget/comments.js" + (f"?lang={lang}" if lang else "")
    size = len(gzip.compress(sqlite_client.get(address).content, 9))
    assert 5120 - size >= COMMENTS_HEADROOM, f"{address} is {size} bytes gzipped"


def test_the_size_check_prints_figures_and_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "widget_size.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert "comments.js" in result.stdout and "testimonials.js" in result.stdout
    assert "first loads" in result.stdout and "mine.js" in result.stdout
    assert all(f"lang={lang}" in result.stdout for lang in text.LANGUAGES)


def test_the_size_check_fails_over_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("widget_size", ROOT / "bench" / "widget_size.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # Random hex digits do not minify and gzip only to half: 12,000 stay above 5120 bytes.
    (tmp_path / "heavy.js").write_text(f'console.log("{os.urandom(6000).hex()}");\n')
    monkeypatch.setattr(module, "WIDGET_DIR", tmp_path)
    assert module.main() == 1


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("name", NAMES)
def test_widgets_and_their_builds_parse_as_javascript(name: str, tmp_path: Path) -> None:
    (tmp_path / f"{name}.min.js").write_bytes(build(name))
    for path in (ROOT / "widget" / f"{name}.js", tmp_path / f"{name}.min.js"):
        result = subprocess.run(
            ["node", "--check", str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", NAMES)
def test_widgets_keep_to_the_house_rules(name: str) -> None:
    source = (ROOT / "widget" / f"{name}.js").read_text()
    assert source.splitlines()[2].strip() == '"use strict";'
    assert "document.cookie" not in source
    assert "eval(" not in source and "new Function" not in source
    assert "currentScript" in source and 'attachShadow({ mode: "open" })' in source
    # The only HTML ever assigned is the service's sanitised html field.
    assignments = re.findall(r"\.(?:innerHTML|outerHTML)\s*=\s*([^;]+);", source)
    assert assignments and all(re.fullmatch(r"[a-z]+\.html", v.strip()) for v in assignments)
    assert "insertAdjacentHTML" not in source and "document.write" not in source
    assert not re.search(r"https?://(?!schema\.org)[a-z]", source.split("*/", 1)[1])


@pytest.mark.parametrize("name", NAMES)
def test_each_widget_carries_its_readable_stylesheet_minified(
    sqlite_client: TestClient, name: str
) -> None:
    stylesheet = (ROOT / "widget" / f"{name}.css").read_text()
    source = (ROOT / "widget" / f"{name}.js").read_text()
    served = sqlite_client.get(f"/widget/{name}.js").text
    # The source names its stylesheet; the served script carries it, with no second request.
    assert f'"@include {name}.css"' in source and "@include" not in served
    css = minify_css(stylesheet)
    assert css in served and len(css) < len(stylesheet) / 1.5
    assert "/*" not in css and "\n" not in css
    # Real class names, in the stylesheet and in the script that sets them.
    assert ".widget{" in css and 'class:"widget"' in served


def test_an_edited_stylesheet_is_served_fresh(
    sqlite_client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(ROOT / "widget" / "comments.js", tmp_path / "comments.js")
    (tmp_path / "comments.css").write_text(".widget {\n  color: red;\n}\n")
    monkeypatch.setattr(widgets, "WIDGET_DIR", tmp_path)
    monkeypatch.setattr(widgets, "_assets", {})
    assert '".widget{color:red}"' in sqlite_client.get("/widget/comments.js").text
    (tmp_path / "comments.css").write_text(".widget {\n  color: blue;\n}\n")
    os.utime(tmp_path / "comments.css", (1, 1))
    assert '".widget{color:blue}"' in sqlite_client.get("/widget/comments.js").text


@pytest.mark.parametrize("name", ["comments", "testimonials", "send", "mine", "summary"])
def test_each_widget_carries_its_words_from_the_catalogs(name: str) -> None:
    source = (ROOT / "widget" / f"{name}.js").read_text()
    served = build(name).decode()
    # No table in the source: the build writes it from service/text, every language (a
    # first-load widget: the bundled ones, the others in a build of their own).
    assert 'const STRINGS = "@include strings";' in source and '"@include' not in served
    assert "nl: {" not in source and "en: {" not in source
    first_load = '"@include languages"' in source
    for lang in text.LANGUAGES:
        words = text.section(lang, f"widget.{name}")
        carried = lang in assets.BUNDLED or not first_load
        own = build(name, lang).decode()
        assert words and all(json.dumps(w, ensure_ascii=False) in own for w in words.values())
        assert all(json.dumps(w, ensure_ascii=False) in served for w in words.values()) == carried


@pytest.mark.parametrize("name", ["comments", "testimonials"])
def test_a_first_load_widget_leaves_only_the_unbundled_languages_to_their_own_build(
    name: str,
) -> None:
    served = build(name).decode()
    others = [code for code in text.LANGUAGES if code not in assets.BUNDLED]
    assert {"de", "fr"} <= set(others) and json.dumps(others, separators=(",", ":")) in served
    assert "[]" in build(name, "de").decode()  # a one-language build loads no other


@pytest.mark.parametrize("name", ["mine", "pow", "send", "summary"])
def test_second_scripts_insert_no_html_and_parse_as_modules(name: str, tmp_path: Path) -> None:
    source = (ROOT / "widget" / f"{name}.js").read_text()
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source
    assert "document.cookie" not in source and "eval(" not in source
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    for code, file in ((source.encode(), "source.mjs"), (build(name), "build.mjs")):
        (tmp_path / file).write_bytes(code)
        result = subprocess.run(
            ["node", "--check", str(tmp_path / file)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr

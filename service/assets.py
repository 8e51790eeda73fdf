"""The minified build of the widgets, made in the process that serves them.

The sources in widget/ are written for people: real names, one statement a line, comments, and
each widget's styles in a readable `.css` file beside it. Readers download the widgets on every
site that embeds them, so the service sends a minified build instead, made here from the sources
on disk. Building at serve time rather than keeping a built file in the repo means the build can
never be stale: what is served always follows from the source.

A widget must stay one file for the host page (no second request before it can draw), so the
build puts what a source names with a string literal `"@include <file>"` into the script itself:
`"@include comments.css"` becomes the minified stylesheet as a JavaScript string, and
`"@include strings"` the widget's words (service/text, the keys under `widget.<name>.`) as an
object literal by language. The source still parses as it is.

Each widget is built once with every language of the catalogs (the fallback first, which the
widget takes for a language it was not given) and once per language (`lang`), so a page that
names its language in the script's address downloads only that language's words.

The minifier is tdewolff/minify (Go, through its own Python bindings, `tdewolff-minify`): one
wheel from PyPI, no Node.js and no network; it minifies CSS as well as JavaScript, and it renames
local variables, which whitespace removal alone does not; the size budget (bench/widget_size.py)
counts on that. It leaves strings and template literals as they are, which is why the styles are
minified on their own before they go in.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import minify

from service import text

JAVASCRIPT = "text/javascript"
CSS = "text/css"
# "@include comments.css" as a whole string literal, in double quotes as the formatter writes it.
_INCLUDE = re.compile(r'"@include ([\w-]+\.css|strings|languages)"')
# The language the build without `?lang=` carries: the fallback, what a page that names no
# language gets. Each language costs a first-load widget some 330 bytes gzipped, so even two left
# the widgets together 33 bytes over their budget once invitations and server-rendered comments
# came in; a page in another language loads that language's own build instead (one request more:
# the embed code in the README, the demo and the WordPress plugin name the language in the URL).
BUNDLED = (text.FALLBACK,)


@functools.lru_cache(maxsize=8)
def minify_js(source: bytes) -> bytes:
    """The minified build of one widget's UTF-8 source.

    Cached by content, so a file that is touched but not changed is not minified again. Raises
    ValueError (`minify.MinifyError`) when the source is not valid JavaScript.
    """
    minified: str = minify.string(JAVASCRIPT, source.decode("utf-8"))
    return minified.encode("utf-8")


@functools.lru_cache(maxsize=8)
def minify_css(source: str) -> str:
    """A stylesheet without its comments and spaces, for a widget to carry inside its script."""
    minified: str = minify.string(CSS, source)
    return minified


def strings(widget: str, lang: str | None = None) -> dict[str, dict[str, str]]:
    """The string table of `widget` (comments, mine, ...): its words in `lang`, or in each
    language with the fallback first, by key."""
    langs = [lang] if lang else sorted(text.LANGUAGES, key=lambda code: code != text.FALLBACK)
    return {code: text.section(code, f"widget.{widget}") for code in langs}


def elsewhere(lang: str | None = None) -> list[str]:
    """The languages a first-load widget's build leaves to a build of their own: none when it
    is built for one language, else those not BUNDLED."""
    return [] if lang else [code for code in text.LANGUAGES if code not in BUNDLED]


def included(path: Path) -> list[Path]:
    """The files the widget source at `path` includes, which its build depends on too."""
    names = _INCLUDE.findall(path.read_text("utf-8"))
    return [path.parent / name for name in names if name not in ("strings", "languages")]


def build(path: Path, lang: str | None = None) -> bytes:
    """What the service sends for the widget source at `path`: its includes in, then minified;
    with the words of `lang` only when it is given (one of `text.LANGUAGES`). A first-load
    widget (one that includes `languages`) built for no language carries the BUNDLED ones."""
    source = path.read_text("utf-8")
    first_load = '"@include languages"' in source

    def include(match: re.Match[str]) -> str:
        if match[1] == "strings":
            table = strings(path.stem, lang)
            if lang is None and first_load:
                table = {code: words for code, words in table.items() if code in BUNDLED}
            return json.dumps(table, ensure_ascii=False)
        if match[1] == "languages":
            return json.dumps(elsewhere(lang))
        css = minify_css((path.parent / match[1]).read_text("utf-8"))
        return json.dumps(css, ensure_ascii=False)

    return minify_js(_INCLUDE.sub(include, source).encode("utf-8"))

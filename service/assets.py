"""The minified build of the widgets, made in the process that serves them.

The sources in widget/ are written for people: real names, one statement a line, comments. Readers
download the widgets on every site that embeds them, so the service sends a minified build instead,
made here from the source on disk. Building at serve time rather than keeping a built file in the
repo means the build can never be stale: what is served always follows from the source.

The minifier is tdewolff/minify (Go, through its own Python bindings, `tdewolff-minify`): one
wheel from PyPI, no Node.js and no network, and it renames local variables, which whitespace
removal alone does not; the size budget (bench/widget_size.py) counts on that. It leaves strings
and template literals as they are, so the CSS inside the widgets is written compact by hand.
"""

from __future__ import annotations

import functools

import minify

JAVASCRIPT = "text/javascript"


@functools.lru_cache(maxsize=8)
def minify_js(source: bytes) -> bytes:
    """The minified build of one widget's UTF-8 source.

    Cached by content, so a file that is touched but not changed is not minified again. Raises
    ValueError (`minify.MinifyError`) when the source is not valid JavaScript.
    """
    minified: str = minify.string(JAVASCRIPT, source.decode("utf-8"))
    return minified.encode("utf-8")

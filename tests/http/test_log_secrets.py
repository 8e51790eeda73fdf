"""The log filter: which paths hold tokens, and Chorus's own lines about a request."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator

import pytest
from starlette.routing import Route

from service.app import create_app
from service.web import logs


@pytest.fixture
def root_log() -> Iterator[io.StringIO]:
    """A stream handler on the root logger, as `serve`'s basicConfig sets one up."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield stream
    finally:
        root.removeHandler(handler)


def test_every_route_with_a_token_is_hidden_in_the_log(sqlite_url: str) -> None:
    app = create_app(sqlite_url)
    tokened = {
        route.path.split("/{")[0]
        for route in app.routes
        if isinstance(route, Route) and re.search(r"\{(token|key|secret)\b", route.path)
    }
    assert tokened and tokened <= set(logs.TOKENED)


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("GET /manage/abc.DEF-_123?lang=nl", "GET /manage/…?lang=nl"),
        ("POST /replies/confirm/eyJ.x.y", "POST /replies/confirm/…"),
        ("/replies/unsubscribe/Zm9v HTTP/1.1", "/replies/unsubscribe/… HTTP/1.1"),
        ("/admin/mail/tok3n", "/admin/mail/…"),
        ("GET /s/WzEsImFiYyJd.sig?lang=en HTTP/1.1", "GET /s/…?lang=en HTTP/1.1"),
        ("/admin/static/admin.css", "/admin/static/admin.css"),
        ("/admin/privacy?email=anna%40example.nl&x=1", "/admin/privacy?email=…&x=1"),
        ("/x?lang=nl&EMAIL=anna@example.nl", "/x?lang=nl&EMAIL=…"),
        ("/api/comments?page=/manage", "/api/comments?page=/manage"),
        ("/admin/comments/12", "/admin/comments/12"),
    ],
)
def test_scrub_hides_tokens_and_addresses_only(line: str, shown: str) -> None:
    assert logs.scrub(line) == shown


def test_chorus_lines_about_a_tokened_path_hide_the_token(root_log: io.StringIO) -> None:
    logs.install()
    logging.getLogger("chorus.notify").warning("on %s: %d tries", "/manage/SeCrEt123", 3)
    logging.getLogger("chorus").error("unexpected error on GET /admin/mail/SeCrEt456")
    written = root_log.getvalue()
    assert "on /manage/…: 3 tries" in written
    assert "unexpected error on GET /admin/mail/…" in written
    assert "SeCrEt" not in written


def test_a_traceback_quoting_a_token_hides_it(root_log: io.StringIO) -> None:
    logs.install()
    try:
        raise ValueError("no route for /replies/confirm/SeCrEt789")
    except ValueError:
        logging.getLogger("chorus").exception("unexpected error")
    written = root_log.getvalue()
    assert "ValueError: no route for /replies/confirm/…" in written
    assert "SeCrEt" not in written


def test_installing_twice_adds_one_filter() -> None:
    logs.install()
    logs.install()
    access = logging.getLogger("uvicorn.access")
    assert sum(isinstance(f, logs.HideSecrets) for f in access.filters) == 1

"""`POST /api/manage` tells nobody whether an address is known, by its answer or by its work.

The request runs the same statements for a known and an unknown address and answers the same
bytes; whether the address has comments is looked up by the sender, after the answer. Real
loopback SMTP, on both databases. (bench/manage_oracle.py compares the times, as a ratio.)
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from service.store import limits
from tests.helpers import post
from tests.http.test_mail_caps import _settled, to
from tests.http.test_notify import Inbox, inbox  # noqa: F401  (the SMTP fixture)

KNOWN = "anna@example.nl"
UNKNOWN = "nobody-here@example.nl"
_CALLS = ("execute", "fetch_all", "fetch_one", "fetch_val")


@pytest.fixture
def statements(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The SQL each request runs (not the outbox's background task), in order."""
    seen: list[str] = []
    db = client.app.state.store.database  # type: ignore[attr-defined]
    # A counter's occasional purge would otherwise run on one request and not the other.
    monkeypatch.setattr(limits, "PURGE_ONE_IN", 1)

    def spy(name: str) -> Callable[..., Any]:
        real = getattr(db, name)

        async def call(query: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                task = asyncio.current_task()
            except RuntimeError:  # a transaction's body, run in SQLite's writer thread
                task = None
            if task is not None and not task.get_name().startswith("chorus-"):
                seen.append(" ".join(str(query).split()))
            return await real(query, *args, **kwargs)

        return call

    for name in _CALLS:
        monkeypatch.setattr(db, name, spy(name))
    yield seen


def _ask(client: TestClient, seen: list[str], email: str) -> tuple[Any, list[str]]:
    seen.clear()
    answer = client.post("/api/manage", json={"email": email, "lang": "en"})
    return answer, list(seen)


def test_a_known_and_an_unknown_address_cost_the_request_the_same_statements(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
    statements: list[str],
) -> None:
    post(client, email=KNOWN)
    _settled(client)
    known, known_sql = _ask(client, statements, KNOWN)
    unknown, unknown_sql = _ask(client, statements, UNKNOWN)
    assert known_sql and known_sql == unknown_sql
    assert not any("FROM comments" in sql for sql in known_sql)  # no look-up before the answer
    assert known.status_code == unknown.status_code == 202
    assert known.content == unknown.content
    drop = {"date", "content-length"}
    assert {k: v for k, v in known.headers.items() if k not in drop} == {
        k: v for k, v in unknown.headers.items() if k not in drop
    }
    # The sender finishes with the mail server before the test stops it: a server stopped
    # mid-session leaves an open transport that a later test would be blamed for.
    _settled(client)
    assert len(to(inbox, KNOWN)) == 1


def test_only_the_known_address_gets_a_link_once_the_sender_looked(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    post(client, email=KNOWN)
    _settled(client)
    before = len(inbox.messages)
    for email in (UNKNOWN, KNOWN):
        assert client.post("/api/manage", json={"email": email}).status_code == 202
    _settled(client)
    inbox.received(before + 1)
    assert len(to(inbox, KNOWN)) == 1 and "/manage/" in str(to(inbox, KNOWN)[0].get_payload())
    assert to(inbox, UNKNOWN) == []

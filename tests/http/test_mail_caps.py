"""What a flood can make Chorus mail, against a real loopback SMTP server, on both databases.

A post naming an address queues a confirmation to it; the caps decide what goes out: a few mails
per address per day, a budget per hour for all readers together, the owner's own replies apart,
and the owner's notices past the hour's budget folded into one digest.
"""

from __future__ import annotations

import email.header
import threading
import time
from collections.abc import Callable
from email.message import Message

import pytest
from starlette.testclient import TestClient

import settings
from service import notify, signing
from service.store import later
from service.store import outbox as outbox_store
from tests.helpers import OWNER, act, post, subscription_token
from tests.http.test_notify import Inbox, _free_port, inbox  # noqa: F401  (the SMTP fixture)


def _until(predicate: Callable[[], bool], within: float = 20.0) -> bool:
    """Poll a readiness condition (not a timing assumption) until it holds or `within` passes."""
    pause = threading.Event()
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if predicate():
            return True
        pause.wait(0.05)
    return False


def _waiting(client: TestClient, kind: str = "") -> int:
    """Outbox rows still to send: of `kind`, or every kind but the digest's."""

    async def count() -> int:
        db = client.app.state.store.database  # type: ignore[attr-defined]
        where = "kind = :kind" if kind else "kind <> :kind"
        sql = f"SELECT COUNT(*) FROM outbox WHERE {where}"
        return int(await db.fetch_val(sql, {"kind": kind or outbox_store.DIGEST}))

    return client.portal.call(count)  # type: ignore[union-attr]


def _settled(client: TestClient) -> None:
    """Wait until every mail but the digest has been sent or dropped."""
    assert _until(lambda: _waiting(client) == 0)


def subject(message: Message) -> str:
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


def to(box: Inbox, address: str) -> list[Message]:
    return [m for m in box.messages if str(m["To"]).lower() == address.lower()]


@pytest.fixture
def flood(monkeypatch: pytest.MonkeyPatch) -> None:
    """One client may post as often as it likes: only the mail caps stand in the way."""
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 10_000)


def test_many_posts_naming_one_address_send_it_at_most_the_cap(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    flood: None,
) -> None:
    monkeypatch.setattr(settings, "READER_MAIL_PER_ADDRESS", 3)
    for n in range(12):
        victim = "Victim@Example.org" if n % 2 else "victim@example.org"
        post(client, notify_replies=True, email=victim, body=f"Verhaal nummer {n}.")
    manage = client.post("/api/manage", json={"email": "VICTIM@example.org"})
    assert manage.status_code == 202
    _settled(client)
    assert len(to(inbox, "victim@example.org")) == 3  # however the address is written


def test_all_readers_together_get_at_most_the_hours_budget(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    flood: None,
) -> None:
    monkeypatch.setattr(settings, "READER_MAIL_PER_HOUR", 4)
    for n in range(10):
        post(client, notify_replies=True, email=f"reader{n}@example.org", body=f"Verhaal {n}.")
    _settled(client)
    readers = [m for m in inbox.messages if str(m["To"]).startswith("reader")]
    assert len(readers) == 4
    # The owner's notices are no reader mail: the readers' budget held none of them back.
    assert len(to(inbox, "sanne@massage.example")) == settings.OWNER_NOTICES_PER_HOUR


def test_the_owners_reply_reaches_a_subscriber_past_the_readers_cap(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "READER_MAIL_PER_ADDRESS", 1)
    first = post(client, notify_replies=True)
    assert _until(lambda: len(to(inbox, "anna@example.nl")) == 1)  # the confirmation: cap used
    token = subscription_token(client, first["id"], signing.CONFIRM)
    assert client.post(f"/replies/confirm/{token}").status_code == 200
    act(client, first["id"], "approve")
    for words in ("Dank je!", "En nog iets."):  # twice within the hour, past the cap
        answer = client.post(
            f"/admin/api/comments/{first['id']}/reply", headers=OWNER, json={"body": words}
        )
        assert answer.status_code == 201, answer.text
    assert _until(lambda: len(to(inbox, "anna@example.nl")) == 3)
    # A reader's reply is held to the caps (and to the thread's hour): it sends nothing.
    reader = post(client, parent=first["id"], author="Bram", email="bram@example.nl", body="Ja!")
    act(client, reader["id"], "approve")
    _settled(client)
    replies = [subject(m) for m in to(inbox, "anna@example.nl")[1:]]
    assert replies == ["Nieuw antwoord op je reactie op Chorus"] * 2
    bodies = [m.get_payload(decode=True).decode() for m in to(inbox, "anna@example.nl")[1:]]  # type: ignore[union-attr]
    assert "> Dank je!" in bodies[0] and "> En nog iets." in bodies[1]


def test_a_flood_of_owner_notices_folds_into_one_digest(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    flood: None,
) -> None:
    monkeypatch.setattr(settings, "OWNER_NOTICES_PER_HOUR", 3)
    for n in range(9):
        post(client, author=f"Schrijver {n}", body=f"Reactie nummer {n}.")
    _settled(client)
    assert len(inbox.messages) == 3  # the hour's budget; the rest wait for the digest
    assert _waiting(client, outbox_store.DIGEST) == 6
    an_hour_on = later(3601)
    monkeypatch.setattr(outbox_store, "now", lambda: an_hour_on)  # the hour is over
    client.portal.call(notify.wake)  # type: ignore[union-attr]
    assert _until(lambda: len(inbox.messages) == 4)
    assert _until(lambda: _waiting(client, outbox_store.DIGEST) == 0)
    digest = inbox.messages[3]
    assert subject(digest) == "Nog 6 nieuwe reacties in één bericht"
    words = digest.get_payload(decode=True).decode()  # type: ignore[union-attr]
    for n in range(3, 9):
        assert f"- Schrijver {n} onder “Magnesium en slaap” (wacht op jou)" in words
    assert "Schrijver 2" not in words
    assert "http://testserver/admin/" in words
    assert len(inbox.messages) == 4

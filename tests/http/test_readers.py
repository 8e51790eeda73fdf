"""Readers in control: edit within the window, manage by a mailed link, reply notices, erasure."""

from __future__ import annotations

import email
import re
import threading
import time
from collections.abc import Callable
from email.message import Message

import pytest
from starlette.testclient import TestClient

import settings
from service import notify, signing
from service.app import create_app
from tests.helpers import (
    ERASED_TRACES,
    OWNER,
    act,
    every_view,
    mail_link_token,
    post,
    published,
    reader_with_history,
    story,
    subscription_token,
)
from tests.http.test_notify import ClosingController, Inbox, _free_port, inbox  # noqa: F401  (the SMTP fixture)


def text_of(message: Message) -> str:
    return message.get_payload(decode=True).decode().replace("\r\n", "\n")  # type: ignore[union-attr]


def link(message: Message, path: str) -> str:
    """The path of the first absolute link to `path` on the service in a mail's text."""
    found = re.search(rf"http://testserver({path}/\S+)", text_of(message))
    assert found, text_of(message)
    return found[1]


def owner_view(client: TestClient, comment_id: int) -> dict[str, object]:
    response = client.get(f"/admin/api/comments/{comment_id}", headers=OWNER)
    assert response.status_code == 200
    data: dict[str, object] = response.json()
    return data


# -- edit ----------------------------------------------------------------------------------------


def test_an_edit_of_a_published_comment_goes_back_to_the_queue(client: TestClient) -> None:
    answer = post(client)
    act(client, answer["id"], "approve")
    response = client.post(
        f"/api/comments/{answer['id']}/edit",
        json={"author_token": answer["author_token"], "body": "Ik slaap nu echt beter."},
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"id": answer["id"], "status": "pending"}
    assert published(client) == []
    seen = owner_view(client, answer["id"])
    assert seen["body"] == "Ik slaap nu echt beter."
    assert seen["previous_body"] == "Sinds ik magnesium neem slaap ik veel rustiger."
    assert seen["status"] == "pending" and seen["edited_at"]


def test_an_edit_under_moderation_none_stays_published(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "none")
    answer = post(client)
    response = client.post(
        f"/api/comments/{answer['id']}/edit",
        json={"author_token": answer["author_token"], "body": "Aangepast."},
    )
    assert response.json()["status"] == "approved"
    assert "Aangepast." in published(client)[0]["html"]


def test_an_edit_after_the_window_is_refused(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = post(client)
    monkeypatch.setattr(settings, "EDIT_WINDOW", 0)
    response = client.post(
        f"/api/comments/{answer['id']}/edit",
        json={"author_token": answer["author_token"], "body": "Te laat."},
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "edit_window_closed"
    assert owner_view(client, answer["id"])["previous_body"] is None


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        ({"author_token": "forged", "body": "x"}, 403, "author_token"),
        ({"body": "x"}, 422, "author_token"),
        ({"author_token": "T", "body": ""}, 422, "body"),
        ({"author_token": "T", "body": 5}, 422, "body"),
        ({"author_token": "T", "body": "x" * 6000}, 422, "body"),
        ({"author_token": "T", "body": "x", "author": "y"}, 422, "author"),
    ],
)
def test_invalid_edits_name_the_field(
    client: TestClient, payload: dict[str, object], status: int, field: str
) -> None:
    answer = post(client)
    if payload.get("author_token") == "T":
        payload = {**payload, "author_token": answer["author_token"]}
    response = client.post(f"/api/comments/{answer['id']}/edit", json=payload)
    assert response.status_code == status, response.text
    assert response.json()["error"]["field"] == field


def test_nobody_edits_someone_elses_comment(client: TestClient) -> None:
    mine = post(client)
    theirs = post(client, body="Een ander verhaal.", author_token=None)
    assert theirs["author_token"] != mine["author_token"]
    response = client.post(
        f"/api/comments/{theirs['id']}/edit",
        json={"author_token": mine["author_token"], "body": "Gekaapt."},
    )
    assert response.status_code == 404
    assert owner_view(client, theirs["id"])["body"] == "Een ander verhaal."


# -- manage from another device -------------------------------------------------------------------


def test_manage_answers_the_same_for_known_and_unknown_addresses(client: TestClient) -> None:
    post(client)
    known = client.post("/api/manage", json={"email": "anna@example.nl"})
    unknown = client.post("/api/manage", json={"email": "nobody@example.nl"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "email"),
        ({"email": "not-an-address"}, "email"),
        ({"email": "a@b.nl", "x": 1}, "x"),
        ({"email": "a@b.nl", "lang": "es"}, "lang"),
    ],
)
def test_manage_refuses_bad_requests_naming_the_field(
    client: TestClient, payload: dict[str, object], field: str
) -> None:
    response = client.post("/api/manage", json=payload)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


def test_a_manage_link_from_a_real_mail_shows_acts_once_and_hands_on(
    sqlite_client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    client = sqlite_client
    first = post(client)
    post(client, body="Tweede verhaal, zonder toestemming.", consent=False)
    assert (
        client.post("/api/manage", json={"email": "anna@example.nl", "lang": "en"}).status_code
        == 202
    )
    mails = inbox.received(3)  # two owner notices, then the reader's link
    [mail] = [m for m in mails if m["To"] == "anna@example.nl"]
    assert "Manage your comments" in str(mail["Subject"])
    path = link(mail, "/manage")
    for _ in range(2):  # looking uses nothing up
        page = client.get(path)
        assert page.status_code == 200
        assert "Sinds ik magnesium neem slaap ik veel rustiger." in page.text
        assert (
            "Tweede verhaal" in page.text
            and "default-src 'none'" in page.headers["content-security-policy"]
        )
    done = client.post(path, data={"comment": str(first["id"]), "action": "withdraw_consent"})
    assert done.status_code == 200
    assert "Your consent is withdrawn" in done.text
    assert owner_view(client, first["id"])["consent"] is False
    assert client.get(path).status_code == 403  # the mailed link is used up
    again = client.post(
        path, data={"comment": str(first["id"]), "action": "delete", "confirm": "yes"}
    )
    assert again.status_code == 403
    fresh = re.search(r'action="(/manage/[^"?]+)', done.text)
    assert fresh
    unconfirmed = client.post(fresh[1], data={"comment": str(first["id"]), "action": "delete"})
    assert unconfirmed.status_code == 422
    assert client.get(f"/admin/api/comments/{first['id']}", headers=OWNER).status_code == 200


def test_a_manage_link_deletes_and_edits_only_that_addresses_comments(client: TestClient) -> None:
    mine = post(client)
    other = post(client, email="bram@example.nl", body="Bram zijn verhaal.", author_token=None)
    store = client.app.state.store  # type: ignore[attr-defined]
    from service import notify

    token = client.portal.call(notify.manage_link, store, "anna@example.nl")  # type: ignore[union-attr]
    page = client.post(
        f"/manage/{token}", data={"comment": str(other["id"]), "action": "delete", "confirm": "yes"}
    )
    assert page.status_code == 409
    assert client.get(f"/admin/api/comments/{other['id']}", headers=OWNER).status_code == 200
    fresh = re.search(r'action="/manage/([^"?]+)', page.text)
    assert fresh
    edited = client.post(
        f"/manage/{fresh[1]}",
        data={"comment": str(mine["id"]), "action": "edit", "body": "Via de link aangepast."},
    )
    assert edited.status_code == 200
    assert owner_view(client, mine["id"])["body"] == "Via de link aangepast."


@pytest.mark.parametrize("kind", ["tampered", "foreign_purpose", "expired"])
def test_forged_or_expired_manage_links_show_nothing(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    answer = post(client)
    from service import notify

    store = client.app.state.store  # type: ignore[attr-defined]
    token = client.portal.call(notify.manage_link, store, "anna@example.nl")  # type: ignore[union-attr]
    token = {
        "tampered": token[:-3] + "abc",
        "foreign_purpose": mail_link_token(client, answer["id"], "approve", ""),
        "expired": token,
    }[kind]
    if kind == "expired":
        monkeypatch.setattr(signing, "MANAGE_LINK_MAX_AGE", -1)
    for method in ("GET", "POST"):
        response = client.request(method, f"/manage/{token}")
        assert response.status_code == 403
        assert "anna@example.nl" not in response.text


# -- reply notifications ------------------------------------------------------------------------


def test_notify_replies_needs_an_email(client: TestClient) -> None:
    response = client.post("/api/comments", json=story(email=..., notify_replies=True))
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "email"


def test_reply_notices_are_double_opt_in_and_one_click_unsubscribed(
    sqlite_client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    client = sqlite_client
    first = post(client, notify_replies=True, lang="en")
    mails = inbox.received(2)
    [confirm] = [m for m in mails if m["To"] == "anna@example.nl"]
    assert "Confirm" in str(confirm["Subject"])
    assert confirm["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(
        r"<http://testserver(/replies/unsubscribe/\S+)>",
        "".join(confirm["List-Unsubscribe"].split()),
    )
    assert unsubscribe, confirm["List-Unsubscribe"]
    assert unsubscribe[1] in text_of(confirm), text_of(confirm)
    confirm_path = link(confirm, "/replies/confirm")
    act(client, first["id"], "approve")
    # Not confirmed yet: the owner's reply tells nobody.
    client.post(f"/admin/api/comments/{first['id']}/reply", headers=OWNER, json={"body": "Eerst"})
    assert client.get(confirm_path).status_code == 200  # only asks
    assert client.post(confirm_path).status_code == 200
    client.post(f"/admin/api/comments/{first['id']}/reply", headers=OWNER, json={"body": "Fijn!"})
    mails = inbox.received(3)
    [notice] = [m for m in mails[2:] if m["To"] == "anna@example.nl"]
    assert "New reply" in str(notice["Subject"])
    text = text_of(notice)
    assert "> Fijn!" in text and "Eerst" not in text
    assert "https://www.massage.example/blog/magnesium-en-slaap#chorus-comment-" in text
    assert notice["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = client.post(unsubscribe[1], data={"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    assert client.app.state.store is not None  # type: ignore[attr-defined]
    found = client.post("/admin/api/readers", json={"email": "anna@example.nl"}, headers=OWNER)
    assert found.json()["subscriptions"] == []


@pytest.mark.anyio
async def test_one_reply_notice_per_thread_per_hour(database_url: str) -> None:
    """The hour slot is held while a notice is sent, let go when it fails, kept once it went."""
    from service.store import later, open_store

    store = open_store(database_url)
    await store.connect()
    await store.migrate()
    try:
        for comment_id, thread_id in ((1, 1), (2, 2)):
            await store.database.execute(
                "INSERT INTO subscriptions (comment_id, thread_id, email, lang, created_at, "
                "confirmed_at) VALUES (:c, :t, 'a@b.nl', 'nl', 'x', 'x')",
                {"c": comment_id, "t": thread_id},
                public=True,
            )
        subscriptions = store.subscriptions
        since = later(-3600)
        hold = await subscriptions.hold_notice("a@b.nl", 1, since)
        assert hold is not None
        assert await subscriptions.hold_notice("a@b.nl", 1, since) is None  # being sent now
        await subscriptions.release_notice("a@b.nl", 1, hold)  # the send failed
        assert (await subscriptions.get(1)).notified_at is None  # type: ignore[union-attr]
        assert await subscriptions.hold_notice("a@b.nl", 1, since) is not None  # the retry
        await subscriptions.notice_sent("a@b.nl", 1)
        assert (await subscriptions.get(1)).notified_at is not None  # type: ignore[union-attr]
        assert await subscriptions.hold_notice("a@b.nl", 1, since) is None  # sent this hour
        assert await subscriptions.hold_notice("a@b.nl", 2, since) is not None  # other thread
    finally:
        await store.disconnect()


class RefusingOnce(Inbox):
    """A mail server that refuses the first reply notice (451, try later) and takes the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.refused = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        subject = str(email.message_from_bytes(envelope.content)["Subject"])  # type: ignore[attr-defined]
        if "New reply" in subject and not self.refused:
            self.refused += 1
            return "451 4.3.0 Try again later"
        return await super().handle_DATA(server, session, envelope)


def _reply_mails(box: Inbox) -> list[Message]:
    return [m for m in box.messages if "New reply" in str(m["Subject"])]


def _until(predicate: Callable[[], bool], within: float = 20.0) -> bool:
    """Poll a readiness condition (not a timing assumption) until it holds or `within` passes."""
    pause = threading.Event()
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if predicate():
            return True
        pause.wait(0.05)
    return False


def _outbox_empty(client: TestClient) -> bool:
    async def waiting() -> int:
        return int(await client.app.state.store.outbox.waiting())  # type: ignore[attr-defined]

    return client.portal.call(waiting) == 0  # type: ignore[union-attr]


def _owner_replies_to_a_subscriber(client: TestClient) -> int:
    """A confirmed reply subscriber on an approved comment, and the owner's reply to it."""
    first = post(client, notify_replies=True, lang="en")
    token = subscription_token(client, first["id"], signing.CONFIRM)
    assert client.post(f"/replies/confirm/{token}").status_code == 200
    act(client, first["id"], "approve")
    answer = client.post(
        f"/admin/api/comments/{first['id']}/reply", headers=OWNER, json={"body": "Fijn!"}
    )
    assert answer.status_code == 201, answer.text
    reply_id: int = answer.json()["id"]
    return reply_id


def _mail_to(port: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "SMTP_HOST", "127.0.0.1")
    monkeypatch.setattr(settings, "SMTP_PORT", port)
    monkeypatch.setattr(settings, "SMTP_STARTTLS", False)
    monkeypatch.setattr(settings, "SMTP_USERNAME", "")
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "sanne@massage.example")
    monkeypatch.setattr(settings, "MAIL_FROM", "chorus@massage.example")


def test_a_refused_reply_notice_is_retried_and_arrives_once(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = RefusingOnce()
    port = _free_port()
    controller = ClosingController(box, hostname="127.0.0.1", port=port)
    controller.start()
    _mail_to(port, monkeypatch)
    monkeypatch.setattr(notify.sender, "RETRY_AFTER", (0,))  # try again at once, not in 30 s
    try:
        with TestClient(create_app(sqlite_url)) as client:
            _owner_replies_to_a_subscriber(client)
            assert _until(lambda: bool(_reply_mails(box)))
            assert _until(lambda: _outbox_empty(client))
    finally:
        controller.stop()
    assert box.refused == 1
    [notice] = _reply_mails(box)
    assert notice["To"] == "anna@example.nl"


def test_a_reply_notice_waits_out_a_mail_server_that_is_down(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    port = _free_port()  # nothing listens there yet
    _mail_to(port, monkeypatch)
    with TestClient(create_app(sqlite_url)) as client:
        reply_id = _owner_replies_to_a_subscriber(client)
        assert _until(lambda: f"notice for comment {reply_id} not sent" in caplog.text)

    box = Inbox()
    controller = ClosingController(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:  # a restart sends every waiting notice at once
        with TestClient(create_app(sqlite_url)) as client:
            assert _until(lambda: bool(_reply_mails(box)))
            assert _until(lambda: _outbox_empty(client))
            found = client.post(
                "/admin/api/readers", json={"email": "anna@example.nl"}, headers=OWNER
            )
    finally:
        controller.stop()
    [notice] = _reply_mails(box)
    assert notice["To"] == "anna@example.nl"
    [subscription] = found.json()["subscriptions"]
    assert subscription["notified_at"]


# -- the owner's privacy tools ------------------------------------------------------------------


def test_the_owner_finds_and_exports_everything_of_an_address(
    client: TestClient,
    inbox: Inbox,  # noqa: F811  (a mail server: the reply subscription needs one)
) -> None:
    cid = reader_with_history(client)
    found = client.post("/admin/api/readers", json={"email": "anna@example.nl"}, headers=OWNER)
    assert found.status_code == 200
    data = found.json()
    [comment] = data["comments"]
    assert comment["id"] == cid and comment["consent"] == 1
    assert comment["consent_version"] == "2026-11" and comment["consent_at"]
    assert comment["consent_withdrawn_at"] is None
    assert [s["comment_id"] for s in data["subscriptions"]] == [cid]
    assert {e["action"] for e in data["moderation_log"]} == {"approve", "promote"}
    export = client.post(
        "/admin/api/readers/export", json={"email": "anna@example.nl"}, headers=OWNER
    )
    assert "attachment" in export.headers["content-disposition"]
    assert export.json()["comments"][0]["body"] == "Mijn rugpijn is weg."
    assert client.post("/admin/api/readers", json={"email": "anna@example.nl"}).status_code == 401
    bad = client.post("/admin/api/readers", json={"email": "nope"}, headers=OWNER)
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "email"


@pytest.mark.parametrize("keep", [False, True])
def test_an_erased_reader_is_gone_from_every_view(
    client: TestClient,
    keep: bool,
    inbox: Inbox,  # noqa: F811  (a mail server: the reply subscription needs one)
) -> None:
    cid = reader_with_history(client)
    assert "Anna Geheim" in every_view(client)
    response = client.post(
        "/admin/api/readers/erase",
        json={"email": "anna@example.nl", "keep_anonymised": keep},
        headers=OWNER,
    )
    assert response.status_code == 200
    assert response.json() == {
        "erased": True,
        "comments": 1,
        "anonymised": keep,
        "subscriptions": 1,
        "moderation_log": 2,
    }
    seen = every_view(client)
    # Kept anonymised, the story's words stay (as "een lezer"); deleted, they go too.
    for trace in ERASED_TRACES[:3] if keep else ERASED_TRACES:
        assert trace not in seen
    assert "Ik ook!" in seen  # other readers are untouched
    entries = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [e["comment_id"] for e in entries if e["comment_id"] == cid] == []
    assert entries[0]["action"] == "erase" and "anna" not in entries[0]["detail"]
    after = client.post("/admin/api/readers", json={"email": "anna@example.nl"}, headers=OWNER)
    assert after.json()["comments"] == after.json()["subscriptions"] == []
    kept = client.get(f"/admin/api/comments/{cid}", headers=OWNER)
    if keep:
        assert kept.json()["author"] == "een lezer" and kept.json()["email"] is None
        assert kept.json()["testimonial"] is False
    else:
        assert kept.status_code == 404


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "x"}, "email"),
        ({"email": "a@b.nl", "keep_anonymised": "yes"}, "keep_anonymised"),
        ({"email": "a@b.nl", "extra": 1}, "extra"),
    ],
)
def test_erase_refuses_bad_requests(
    client: TestClient, payload: dict[str, object], field: str
) -> None:
    response = client.post("/admin/api/readers/erase", json=payload, headers=OWNER)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


def test_a_withdrawn_consent_is_found_with_its_time(client: TestClient) -> None:
    answer = post(client)
    response = client.post(
        f"/api/comments/{answer['id']}/withdraw-consent",
        json={"author_token": answer["author_token"]},
    )
    assert response.status_code == 200, response.text
    found = client.post("/admin/api/readers", json={"email": "anna@example.nl"}, headers=OWNER)
    [comment] = found.json()["comments"]
    assert comment["consent"] == 0 and comment["consent_withdrawn_at"]
    assert comment["consent_version"] == "2026-11"  # what was agreed to, and when, stays on file


def test_an_erasure_ends_the_undo_that_held_cut_words(client: TestClient) -> None:
    """A redaction's cut words live in its undo row; erasing must not leave them to be restored."""
    answer = post(client, body="Fijne massage. Bel me op 06-12345678 als je wilt weten hoe.")
    act(client, answer["id"], "approve")
    cut = act(client, answer["id"], "redact", body="Fijne massage. […]")
    assert cut.status_code == 200, cut.text
    client.post(
        "/admin/api/readers/erase",
        json={"email": "anna@example.nl", "keep_anonymised": True},
        headers=OWNER,
    )
    undone = client.post("/admin/api/undo", json={"batch": cut.json()["undo"]}, headers=OWNER)
    assert undone.status_code == 409
    assert "06-12345678" not in owner_view(client, answer["id"])["body"]
    assert "06-12345678" not in every_view(client)


def test_without_a_mail_server_reply_mails_are_neither_offered_nor_recorded(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "SMTP_HOST", "")
    assert client.get("/api/form").json()["reply_mail"] is False
    post(client, notify_replies=True)  # still taken in: only the wish has nowhere to go
    found = client.post("/admin/api/readers", json={"email": "anna@example.nl"}, headers=OWNER)
    assert found.json()["subscriptions"] == []


def test_with_a_mail_server_the_form_offers_reply_mails(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    assert client.get("/api/form").json()["reply_mail"] is True

"""The owner's e-mail notice about new comments, delivered to a real SMTP server on loopback."""

from __future__ import annotations

import email
import re
import socket
import threading
from collections.abc import Iterator
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
from starlette.testclient import TestClient

import settings
from service import notify, signing
from tests.helpers import OWNER, counts, mail_link_token, post


class Inbox:
    """Keeps every message the SMTP server accepts, with the login that sent it."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.raw: list[bytes] = []  # as received, for parsers with a stricter policy
        self.logins: list[str] = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        with self.arrived:
            self.messages.append(email.message_from_bytes(envelope.content))  # type: ignore[attr-defined]
            self.raw.append(envelope.content)  # type: ignore[attr-defined]
            self.arrived.notify_all()
        return "250 OK"

    def received(self, count: int = 1, within: float = 10.0) -> list[Message]:
        """The messages once `count` have arrived (notices leave through the outbox, later)."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.messages) >= count, within)
        return self.messages

    def authenticate(self, server, session, envelope, mechanism, data):  # type: ignore[no-untyped-def]
        assert isinstance(data, LoginPassword)
        self.logins.append(data.login.decode())
        return AuthResult(success=data.password == b"smtp-secret")


class ClosingController(Controller):
    """aiosmtpd's controller stops its loop with clients still connected (an outbox send in
    flight as a test ends); their sockets then warn, unclosed, in whichever test runs next.
    This one closes every connection before it stops."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.connections: list[SMTP] = []

    def factory(self) -> SMTP:
        server = super().factory()
        self.connections.append(server)
        return server

    def stop(self, no_assert: bool = False) -> None:
        closed = threading.Event()

        def close_all() -> None:
            for server in self.connections:
                if server.transport is not None:
                    server.transport.close()
            # After the callbacks those closes scheduled (their connection_lost), not before.
            self.loop.call_soon(closed.set)

        if self.loop.is_running():
            self.loop.call_soon_threadsafe(close_all)
            closed.wait(5)
        super().stop(no_assert)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    """An SMTP server on a free loopback port, and the settings that point Chorus at it."""
    box = Inbox()
    port = _free_port()
    controller = ClosingController(
        box,
        hostname="127.0.0.1",
        port=port,
        authenticator=box.authenticate,
        auth_require_tls=False,
        auth_required=True,
    )
    controller.start()  # AUTH without TLS: fine on loopback only
    monkeypatch.setattr(settings, "SMTP_HOST", "127.0.0.1")
    monkeypatch.setattr(settings, "SMTP_PORT", port)
    monkeypatch.setattr(settings, "SMTP_STARTTLS", False)
    monkeypatch.setattr(settings, "SMTP_USERNAME", "chorus")
    monkeypatch.setattr(settings, "SMTP_PASSWORD", "smtp-secret")
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "sanne@massage.example")
    monkeypatch.setattr(settings, "MAIL_FROM", "chorus@massage.example")
    try:
        yield box
    finally:
        controller.stop()


def test_owner_is_told_about_a_new_comment(sqlite_client: TestClient, inbox: Inbox) -> None:
    post(sqlite_client, author="Zoë Ümit", body="Ik slaap beter.\nDank je!")
    [message] = inbox.received()
    assert inbox.logins == ["chorus"]
    assert message["To"] == "sanne@massage.example"
    assert message["From"] == "chorus@massage.example"
    subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
    assert subject == "Nieuwe reactie van Zoë Ümit om te beoordelen"
    assert message.get_content_type() == "text/plain"
    text = message.get_payload(decode=True).decode().replace("\r\n", "\n")  # type: ignore[union-attr]
    # A waiting comment does not name its page: the notice says where by the page's key.
    assert "Zoë Ümit schreef onder “Magnesium en slaap”:" in text
    assert "> Ik slaap beter.\n> Dank je!" in text
    assert "http://testserver/admin/" in text
    assert set(message.keys()) >= {"Message-ID"}
    assert not {"Bcc", "Cc"} & set(message.keys())


def test_markup_in_a_comment_stays_plain_text_in_the_mail(
    sqlite_client: TestClient, inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    post(sqlite_client, body="<b>Bold</b> <script>alert(1)</script>")
    [message] = inbox.received()
    assert message.get_content_type() == "text/plain" and not message.is_multipart()
    assert str(message["Subject"]) == "New comment from Anna de Vries to review"
    assert "> <b>Bold</b> <script>alert(1)</script>" in message.get_payload(decode=True).decode()  # type: ignore[union-attr]


def test_spam_sends_no_mail(sqlite_client: TestClient, inbox: Inbox) -> None:
    post(sqlite_client, hp="http://spam.example")
    assert inbox.messages == []


def test_a_mail_server_that_is_down_costs_the_reader_nothing(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(settings, "SMTP_HOST", "127.0.0.1")
    monkeypatch.setattr(settings, "SMTP_PORT", _free_port())  # nothing listens there
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "sanne@massage.example")
    answer = post(sqlite_client)
    assert answer["status"] == "pending"
    assert counts(sqlite_client)["pending"] == 1
    seen = threading.Event()
    for _ in range(200):  # the outbox sender tries after the answer; wait for its log line
        if "notice for comment 1 not sent: ConnectionRefusedError" in caplog.text:
            seen.set()
            break
        seen.wait(0.05)
    assert seen.is_set()


def test_notices_are_off_until_both_host_and_address_are_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "SMTP_HOST", "smtp.example")
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "")
    assert not notify.enabled()
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "owner@example.nl")
    assert notify.enabled()


# -- one-click links in the notice (SECURITY.md S-09) ----------------------------------------


def links(message: Message) -> dict[str, str]:
    """The notice's one-click links by action, as paths on the service."""
    text = message.get_payload(decode=True).decode().replace("\r\n", "\n")  # type: ignore[union-attr]
    found = re.findall(r"^(\w+): http://testserver(/admin/mail/\S+)$", text, re.MULTILINE)
    return {label.lower(): path for label, path in found}


def statuses(client: TestClient) -> list[tuple[str, str]]:
    entries = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    return [(e["action"], e["actor"]) for e in entries]


def test_notice_links_ask_first_then_act_exactly_once(
    sqlite_client: TestClient, inbox: Inbox
) -> None:
    cid = post(sqlite_client)["id"]
    found = links(inbox.received()[0])
    assert set(found) == {"goedkeuren", "afwijzen", "spam"}
    page = sqlite_client.get(found["goedkeuren"])
    assert page.status_code == 200
    assert "Wil je deze reactie van Anna de Vries goedkeuren?" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert counts(sqlite_client)["pending"] == 1  # following the link changes nothing
    done = sqlite_client.post(found["goedkeuren"])
    assert done.status_code == 200 and "Goedgekeurd." in done.text
    assert sqlite_client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()["status"] == (
        "approved"
    )
    again = sqlite_client.post(found["goedkeuren"])
    other = sqlite_client.post(found["spam"])
    assert again.status_code == other.status_code == 409
    assert "al beoordeeld" in again.text
    assert statuses(sqlite_client) == [("approve", "mail")]


def test_published_comments_get_a_notice_without_action_links(
    sqlite_client: TestClient, inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "none")
    post(sqlite_client)
    [message] = inbox.received()
    assert links(message) == {}
    assert (
        str(email.header.make_header(email.header.decode_header(message["Subject"])))
        == "Nieuwe reactie van Anna de Vries"
    )


@pytest.mark.parametrize("kind", ["tampered", "foreign_purpose", "unknown_action", "expired"])
def test_forged_or_expired_links_do_nothing(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    answer = post(sqlite_client)
    cid = answer["id"]
    token = {
        "tampered": mail_link_token(sqlite_client, cid, "approve", "")[:-3] + "abc",
        "foreign_purpose": answer["author_token"],
        "unknown_action": mail_link_token(sqlite_client, cid, "delete", ""),
        "expired": mail_link_token(sqlite_client, cid, "approve", ""),
    }[kind]
    if kind == "expired":
        monkeypatch.setattr(signing, "MAIL_LINK_MAX_AGE", -1)
    for method in ("GET", "POST"):
        response = sqlite_client.request(method, f"/admin/mail/{token}")
        assert response.status_code == 403
        assert "ongeldig of verlopen" in response.text
    assert counts(sqlite_client)["pending"] == 1 and statuses(sqlite_client) == []


def test_a_link_for_another_comment_acts_only_on_that_one(sqlite_client: TestClient) -> None:
    first = post(sqlite_client, body="eerste")["id"]
    second = post(sqlite_client, body="tweede")["id"]
    sqlite_client.post(f"/admin/mail/{mail_link_token(sqlite_client, second, 'spam', '')}")
    listing = sqlite_client.get("/admin/api/comments", headers=OWNER).json()["comments"]
    assert {c["id"]: c["status"] for c in listing} == {first: "pending", second: "spam"}


def test_a_cross_site_post_of_a_link_is_refused(sqlite_client: TestClient) -> None:
    cid = post(sqlite_client)["id"]
    path = f"/admin/mail/{mail_link_token(sqlite_client, cid, 'approve', '')}"
    response = sqlite_client.post(path, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert counts(sqlite_client)["pending"] == 1


# -- mail that holds (issue 8) ---------------------------------------------------------------


def test_a_link_is_dead_after_any_status_change(client: TestClient, inbox: Inbox) -> None:
    """Runs on SQLite and PostgreSQL: rejected, then back in the queue, the old link is dead."""
    cid = post(client)["id"]
    found = links(inbox.received()[0])
    assert client.post(f"/admin/api/comments/{cid}/reject", headers=OWNER).status_code == 200
    assert client.post(f"/admin/api/comments/{cid}/restore", headers=OWNER).status_code == 200
    assert counts(client)["pending"] == 1  # waiting again, as when the notice was made
    page = client.get(found["goedkeuren"])
    assert page.status_code == 409 and "veranderd sinds de e-mail" in page.text
    assert 'action="/admin/mail/' not in page.text
    for action in ("goedkeuren", "afwijzen", "spam"):
        assert client.post(found[action]).status_code == 409
    assert counts(client)["pending"] == 1
    assert [a for a, _ in statuses(client)] == ["restore", "reject"]


def test_a_mail_approval_names_the_hints_and_carries_the_confirmation(
    client: TestClient, inbox: Inbox
) -> None:
    cid = post(client, body="Bel me op 06-12345678, het genas mijn rug.")["id"]
    found = links(inbox.received()[0])
    page = client.get(found["goedkeuren"])
    assert "Bevat een telefoonnummer" in page.text and "Gezondheidsclaim" in page.text
    assert 'name="confirm_hints" value="phone"' in page.text
    bare = client.post(found["goedkeuren"])  # a POST that does not come from that page
    assert bare.status_code == 409 and counts(client)["pending"] == 1
    done = client.post(found["goedkeuren"], data={"confirm_hints": ["phone", "health_claim"]})
    assert done.status_code == 200 and "Goedgekeurd." in done.text
    assert client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()["status"] == "approved"


def test_every_notice_has_date_message_id_and_auto_submitted(
    sqlite_client: TestClient, inbox: Inbox
) -> None:
    post(sqlite_client)
    [message] = inbox.received()
    assert email.utils.parsedate_to_datetime(message["Date"]) is not None
    assert re.fullmatch(r"<[^<>@\s]+@testserver>", message["Message-ID"])
    assert message["Auto-Submitted"] == "auto-generated"


def test_a_notice_that_cannot_be_built_is_logged_with_the_comment_id(
    sqlite_client: TestClient,
    inbox: Inbox,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(settings, "MAIL_FROM", "chorus@massage.example\nBcc: x@evil.example")
    cid = post(sqlite_client)["id"]
    seen = threading.Event()
    for _ in range(200):  # the outbox sender builds the notice after the answer; wait for its log
        if f"notice for comment {cid} not built: ValueError" in caplog.text:
            seen.set()
            break
        seen.wait(0.05)
    assert seen.is_set()
    assert inbox.messages == []
    assert counts(sqlite_client)["pending"] == 1


def test_the_notice_carries_what_the_owner_needs_to_decide(
    sqlite_client: TestClient, inbox: Inbox
) -> None:
    post(sqlite_client, body="Bel me op 06-12345678, mijn rugpijn is genezen!", rating=4)
    [message] = inbox.received()
    text = message.get_payload(decode=True).decode().replace("\r\n", "\n")  # type: ignore[union-attr]
    facts = text[: text.index("Goedkeuren:")]  # all of it above the one-click links
    assert "Beoordeling: ★★★★☆ (4 van 5)" in facts
    assert "Toestemming voor gebruik als aanbeveling: ja (versie 2026-11)" in facts
    assert "E-mail van de schrijver: anna@example.nl" in facts
    assert "Pagina: Magnesium en slaap" in facts  # the title the post offered, to the owner
    assert "Let op: Bevat een telefoonnummer" in facts


def test_a_notice_without_consent_or_rating_says_so_in_english(
    sqlite_client: TestClient, inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    post(sqlite_client, consent=False, rating=..., email=...)
    text = inbox.received()[0].get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert "Rating: none" in text and "Consent to testimonial use: no" in text
    assert "Author's e-mail: not given" in text and "Check:" not in text


def test_an_outbox_row_of_a_kind_no_builder_knows_is_logged_and_dropped(
    sqlite_client: TestClient, inbox: Inbox, caplog: pytest.LogCaptureFixture
) -> None:
    """One table names the builder of each kind; a row it does not name sends nothing."""
    store = sqlite_client.app.state.store  # type: ignore[attr-defined]

    async def waiting() -> int:
        return int(await store.database.fetch_val("SELECT COUNT(*) FROM outbox"))

    sqlite_client.portal.call(store.outbox.queue, "mystery", "anna@example.nl", "nl")  # type: ignore[union-attr]
    sqlite_client.portal.call(notify.wake)  # type: ignore[union-attr]
    dropped = threading.Event()
    for _ in range(200):  # the sender runs in the background; wait until the row is gone
        if sqlite_client.portal.call(waiting) == 0:  # type: ignore[union-attr]
            dropped.set()
            break
        dropped.wait(0.05)
    assert dropped.is_set()
    assert "not built: KeyError (mystery mail)" in caplog.text
    assert inbox.messages == []

"""The owner's e-mail notice about new comments, delivered to a real SMTP server on loopback."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from starlette.testclient import TestClient

import settings
from service import notify
from tests.helpers import counts, post


class Inbox:
    """Keeps every message the SMTP server accepts, with the login that sent it."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.logins: list[str] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(email.message_from_bytes(envelope.content))  # type: ignore[attr-defined]
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, data):  # type: ignore[no-untyped-def]
        assert isinstance(data, LoginPassword)
        self.logins.append(data.login.decode())
        return AuthResult(success=data.password == b"smtp-secret")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    """An SMTP server on a free loopback port, and the settings that point Chorus at it."""
    box = Inbox()
    port = _free_port()
    controller = Controller(
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
    [message] = inbox.messages
    assert inbox.logins == ["chorus"]
    assert message["To"] == "sanne@massage.example"
    assert message["From"] == "chorus@massage.example"
    subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
    assert subject == "Nieuwe reactie om te beoordelen: Zoë Ümit"
    assert message.get_content_type() == "text/plain"
    text = message.get_payload(decode=True).decode().replace("\r\n", "\n")  # type: ignore[union-attr]
    assert "Zoë Ümit schreef onder “Magnesium en slaap”:" in text
    assert "> Ik slaap beter.\n> Dank je!" in text
    assert "http://testserver/admin/" in text
    assert "anna@example.nl" not in text and set(message.keys()) >= {"Message-ID"}
    assert not {"Bcc", "Cc"} & set(message.keys())


def test_markup_in_a_comment_stays_plain_text_in_the_mail(
    sqlite_client: TestClient, inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    post(sqlite_client, body="<b>Bold</b> <script>alert(1)</script>")
    [message] = inbox.messages
    assert message.get_content_type() == "text/plain" and not message.is_multipart()
    assert "New comment to review" in str(message["Subject"])
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
    assert "notification not sent: ConnectionRefusedError" in caplog.text


def test_notices_are_off_until_both_host_and_address_are_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "SMTP_HOST", "smtp.example")
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "")
    assert not notify.enabled()
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "owner@example.nl")
    assert notify.enabled()

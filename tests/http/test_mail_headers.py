"""Every kind of mail Chorus sends, as a strict parser reads it off a real loopback SMTP server.

Python's `email` parser with `email.policy.default` (the RFC 5322 one) reads the bytes the
server took; each mail must have a Date, a Message-ID under PUBLIC_URL's host, the mail's
language, `Auto-Submitted`, a subject that is one phrase, and no header defects.
"""

from __future__ import annotations

import email
import email.policy
import re
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import pytest
from starlette.testclient import TestClient

import settings
from service import notify, signing
from tests.helpers import act, post, subscription_token
from tests.http.test_notify import Inbox, _free_port, inbox  # noqa: F401  (the SMTP fixture)


def parsed(box: Inbox) -> list[EmailMessage]:
    """Every mail the server took, read with the standard's policy."""
    return [
        email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[misc]
        for raw in box.raw
    ]


def text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def assert_well_formed(message: EmailMessage, lang: str) -> None:
    """The headers every receiver expects, each without a defect."""
    assert message.defects == []
    for name in message:
        assert message[name].defects == (), (name, message[name].defects)
    sent = email.utils.parsedate_to_datetime(str(message["Date"]))
    assert sent.tzinfo is not None
    assert abs(datetime.now(UTC) - sent) < timedelta(minutes=5)
    assert re.fullmatch(r"<[^<>@\s]+@testserver>", str(message["Message-ID"]))
    assert message["Content-Language"] == lang
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    subject = str(message["Subject"])
    assert subject and ":" not in subject, subject  # one phrase, not "Site: Thing: more"
    assert message["From"] == "chorus@massage.example"


def test_every_kind_of_mail_carries_the_headers_receivers_expect(
    sqlite_client: TestClient,
    inbox: Inbox,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = sqlite_client
    monkeypatch.setattr(settings, "SITE_NAME", "Massage Manon")
    first = post(client, notify_replies=True, lang="en")  # owner notice, confirmation (en)
    inbox.received(2)  # before it is confirmed, when it would have nothing left to say
    act(client, first["id"], "approve")
    token = subscription_token(client, first["id"], signing.CONFIRM)
    assert client.post(f"/replies/confirm/{token}").status_code == 200
    reply = post(
        client, parent=first["id"], author="Bram", email="bram@example.nl", body="Bij mij ook!"
    )  # owner notice about a reply
    act(client, reply["id"], "approve")  # reply notice to Anna (en)
    manage = client.post("/api/manage", json={"email": "anna@example.nl", "lang": "nl"})
    assert manage.status_code == 202  # manage link (nl)
    inbox.received(5)
    assert notify.send(notify.test_message())  # the settings page's test mail
    mails = parsed(inbox)
    assert len(mails) == 6, [str(m["Subject"]) for m in mails]

    by_subject = {str(m["Subject"]): m for m in mails}
    expected = {
        "Nieuwe reactie van Anna de Vries om te beoordelen": "nl",
        "Confirm mail about replies on Massage Manon": "en",
        "Nieuwe reactie van Bram om te beoordelen": "nl",
        "New reply to your comment on Massage Manon": "en",
        "Je reacties op Massage Manon beheren": "nl",
        "Testmail van Massage Manon": "nl",
    }
    assert set(by_subject) == set(expected)
    for subject, lang in expected.items():
        assert_well_formed(by_subject[subject], lang)
    ids = {str(m["Message-ID"]) for m in mails}
    assert len(ids) == len(mails)  # each its own
    for subject in ("Confirm mail about replies on Massage Manon", "Je reacties op Massage Manon"):
        reader = next(m for s, m in by_subject.items() if s.startswith(subject))
        assert reader["To"] == "anna@example.nl"


def test_the_notice_about_a_reply_says_whom_it_answers_and_claims_no_consent(
    sqlite_client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    client = sqlite_client
    first = post(client)
    act(client, first["id"], "approve")
    post(client, parent=first["id"], author="Bram", email="bram@example.nl", body="Ik ook!")
    inbox.received(2)
    about_reply = next(m for m in parsed(inbox) if "Bram" in str(m["Subject"]))
    words = text(about_reply)
    assert "Antwoord op de reactie van Anna de Vries" in words
    assert "Toestemming voor gebruik als aanbeveling" not in words and "Beoordeling" not in words
    assert "E-mail van de schrijver: bram@example.nl" in words
    story = next(m for m in parsed(inbox) if "Anna" in str(m["Subject"]))
    assert "Toestemming voor gebruik als aanbeveling: ja (versie 2026-11)" in text(story)
    assert "Antwoord op" not in text(story)


def test_a_confirmation_quotes_nothing_the_poster_wrote(
    sqlite_client: TestClient,
    inbox: Inbox,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whoever types a stranger's address gets no words of theirs into the site's mail."""
    monkeypatch.setattr(settings, "SITE_NAME", "Massage Manon")
    planted = {
        "page_title": "Cheap pills at pills-cheap example",
        "page": "/buy-now-cheap-pills",
        "page_url": "https://www.massage.example/buy-now-cheap-pills",
        "author": "Winner Notice",
        "body": "You won a prize, call 0900-123456 now.",
    }
    post(sqlite_client, notify_replies=True, email="victim@example.org", **planted)
    inbox.received(2)
    [confirm] = [m for m in parsed(inbox) if m["To"] == "victim@example.org"]
    whole = confirm.as_string()
    for value in planted.values():
        assert value not in whole
    for word in ("pills", "prize", "Winner", "0900"):
        assert word not in whole
    assert "Massage Manon" in text(confirm)

"""Statements of reasons (DSA art. 17) and report acknowledgements, read off a loopback SMTP server.

When the owner rejects, unpublishes or deletes a comment with a reason, its author (if they left
an address) is told in the comment's language what was decided, why, that a person decided it
and how to answer. Without a reason nothing is sent. A reporter hears back only at an address
they have confirmed. On both databases.
"""

from __future__ import annotations

import email.policy
from email.message import EmailMessage
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import signing
from tests.helpers import OWNER, act, post, subscription_token
from tests.http.test_mail_headers import assert_well_formed
from tests.http.test_notify import Inbox, _free_port, inbox  # noqa: F401  (the SMTP fixture)
from tests.http.test_reports import approved, decide, first_report, report


def mails_to(box: Inbox, address: str, count: int = 1) -> list[EmailMessage]:
    """The mails to `address` once `count` of them have arrived (they leave through the outbox)."""

    def arrived() -> list[EmailMessage]:
        return [
            m
            for m in (
                email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[misc]
                for raw in box.raw
            )
            if str(m["To"]).lower() == address
        ]

    with box.arrived:
        box.arrived.wait_for(lambda: len(arrived()) >= count, 10.0)
    return arrived()


def text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def count(client: TestClient, sql: str) -> int:
    async def run() -> int:
        db = client.app.state.store.database  # type: ignore[attr-defined]
        return int(await db.fetch_val(sql))

    return client.portal.call(run)  # type: ignore[union-attr, no-any-return]


STATEMENTS: list[tuple[str, str, dict[str, Any], list[str]]] = [
    (
        "nl",
        "reject",
        {"reason": "privacy", "reason_note": "Je noemt de achternaam van je collega."},
        [
            "Over je reactie op",
            "is niet gepubliceerd.",
            "Waarom: ze noemt persoonlijke gegevens, van de schrijver of van een ander.",
            "Toelichting: Je noemt de achternaam van je collega.",
            "Dit besluit heeft een mens genomen",
            "Antwoord dan op deze mail",
            "/reviews/policy?lang=nl",
        ],
    ),
    (
        "en",
        "reject",
        {"reason": "health_claim"},
        [
            "About your comment on",
            "was not published.",
            "Why: it says that a treatment or product cures or treats an illness",
            "A person made this decision",
            "Reply to this mail",
            "/reviews/policy?lang=en",
        ],
    ),
]


@pytest.mark.parametrize(("lang", "action", "grounds", "phrases"), STATEMENTS)
def test_a_rejection_with_a_reason_sends_the_author_a_statement_in_their_language(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
    lang: str,
    action: str,
    grounds: dict[str, Any],
    phrases: list[str],
) -> None:
    comment_id = int(post(client, lang=lang, email="anna@example.nl")["id"])
    assert act(client, comment_id, action, **grounds).status_code == 200
    [mail] = mails_to(inbox, "anna@example.nl")
    assert_well_formed(mail, lang)
    assert mail["Reply-To"] == settings.NOTIFY_EMAIL
    seen = f"{mail['Subject']}\n{text(mail)}"
    for phrase in phrases:
        assert phrase in seen, (phrase, seen)
    # It names the comment by its date and quotes none of it.
    assert "magnesium" not in seen


def test_unpublishing_and_deleting_say_what_was_decided(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    shown = approved(client, email="anna@example.nl", body="Eerste verhaal.")
    assert act(client, shown, "reject", reason="off_topic").status_code == 200
    gone = approved(client, email="bram@example.nl", body="Tweede verhaal.", lang="en")
    deleted = client.request(
        "DELETE", f"/admin/api/comments/{gone}", headers=OWNER, json={"reason": "illegal"}
    )
    assert deleted.status_code == 200
    [unpublished] = mails_to(inbox, "anna@example.nl")
    assert "is offline gehaald." in text(unpublished)
    assert "ze gaat niet over het onderwerp" in text(unpublished)
    [removed] = mails_to(inbox, "bram@example.nl")
    assert "was deleted." in text(removed) and "it is against the law." in text(removed)


def test_a_report_decision_with_a_reason_sends_the_statement(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    comment_id = approved(client, email="anna@example.nl")
    client.post("/api/reports", json=report(comment_id))
    answer = decide(client, first_report(client), "unpublish", reason="privacy")
    assert answer.status_code == 200
    [mail] = mails_to(inbox, "anna@example.nl")
    assert "is offline gehaald." in text(mail)


def test_without_a_reason_no_statement_is_sent(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    rejected = int(post(client)["id"])
    assert act(client, rejected, "reject").status_code == 200
    deleted = approved(client, body="Een ander verhaal.")
    assert client.delete(f"/admin/api/comments/{deleted}", headers=OWNER).status_code == 200
    spam = int(post(client, body="Nog een verhaal.")["id"])
    assert act(client, spam, "spam").status_code == 200
    assert count(client, "SELECT COUNT(*) FROM statements") == 0
    assert count(client, "SELECT COUNT(*) FROM outbox WHERE kind = 'statement'") == 0


def test_an_author_without_an_address_or_the_owner_gets_no_statement(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    comment_id = int(post(client, email="")["id"])
    assert act(client, comment_id, "reject", reason="spam").status_code == 200
    assert count(client, "SELECT COUNT(*) FROM statements") == 0


def test_statements_meet_the_caps_on_reader_mail(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "READER_MAIL_PER_ADDRESS", 1)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 100)
    for n in range(3):
        comment_id = int(post(client, email="anna@example.nl", body=f"Verhaal {n}.")["id"])
        assert act(client, comment_id, "reject", reason="spam").status_code == 200
    # A last mail to someone else shows the outbox got past the three.
    other = int(post(client, email="bram@example.nl", body="Laatste.")["id"])
    assert act(client, other, "reject", reason="spam").status_code == 200
    assert mails_to(inbox, "bram@example.nl")
    assert len(mails_to(inbox, "anna@example.nl")) == 1


# -- the acknowledgement to a reporter ------------------------------------------------------------


def test_a_reporter_with_a_confirmed_address_is_told_the_report_arrived(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    own = int(post(client, email="kees@example.nl", notify_replies=True, body="Mijn vraag.")["id"])
    confirmed = client.post(f"/replies/confirm/{subscription_token(client, own, signing.CONFIRM)}")
    assert confirmed.status_code == 200
    comment_id = approved(client)
    sent = client.post("/api/reports", json=report(comment_id, email="kees@example.nl", lang="en"))
    assert sent.status_code == 202
    mails = mails_to(inbox, "kees@example.nl", 2)
    [ack] = [m for m in mails if "report" in str(m["Subject"])]
    assert_well_formed(ack, "en")
    assert "A person will look at it" in text(ack)
    assert "buurvrouw" not in text(ack)  # nothing the reporter wrote comes back


def test_a_report_naming_an_unconfirmed_address_sends_no_mail(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    comment_id = approved(client)
    sent = client.post("/api/reports", json=report(comment_id, email="victim@example.org"))
    assert sent.status_code == 202
    assert count(client, "SELECT COUNT(*) FROM reports") == 1
    assert count(client, "SELECT COUNT(*) FROM outbox WHERE kind = 'report_ack'") == 0
    assert mails_to(inbox, "victim@example.org", 0) == []

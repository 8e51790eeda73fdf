"""Invitations through the owner API: create, paste many, list, withdraw; and their mail, sent
to a real SMTP server on loopback: the invitation and at most one reminder, never after an
answer or a withdrawal. Expiry and reminders follow the store's clock, moved by the tests."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import invites, notify, signing
from service.store import Store, clock
from service.store.invites import shifted
from tests.helpers import OWNER
from tests.http.test_notify import Inbox, inbox  # noqa: F401  (the SMTP server fixture)

DAY = 86400.0
Move = Callable[[float], None]


@pytest.fixture
def moved(monkeypatch: pytest.MonkeyPatch) -> Move:
    """Move the store's clock: `moved(seconds)` puts it that far past the real now."""
    real = clock.now

    def move(seconds: float) -> None:
        monkeypatch.setattr(clock, "now", lambda: shifted(real(), seconds))

    return move


def invite(client: TestClient, **fields: Any) -> dict[str, Any]:
    response = client.post("/admin/api/invites", json=fields, headers=OWNER)
    assert response.status_code == 201, response.text
    answer: dict[str, Any] = response.json()
    return answer


def listed(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/admin/api/invites", params=params, headers=OWNER)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def sweep(client: TestClient) -> None:
    """One round of the periodic work, on the app's own event loop."""
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    assert client.portal is not None
    client.portal.call(invites.sweep, store)


def waiting_mail(client: TestClient) -> int:
    """Mail in the outbox, once what was already sent has left it (a readiness poll)."""
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    assert client.portal is not None
    deadline = time.monotonic() + 10
    while (waiting := client.portal.call(store.outbox.waiting)) and time.monotonic() < deadline:
        if not notify.reader_mail_enabled():
            break
        time.sleep(0.02)
    return waiting


def test_an_invitation_answers_with_its_personal_link_and_expiry(client: TestClient) -> None:
    made = invite(client, name="Joost", lang="en")
    assert set(made) >= {"id", "url", "expires_at", "status"}
    assert made["status"] == "created"
    assert made["url"].startswith(f"{settings.PUBLIC_URL}/s/")
    token = made["url"].rsplit("/", 1)[1]
    assert signing.read_invite_token(token) is not None
    assert made["expires_at"] == shifted(made["created_at"], settings.INVITE_DAYS * DAY)
    assert (made["name"], made["lang"], made["email"]) == ("Joost", "en", None)


def test_an_invitation_needs_no_field_at_all(client: TestClient) -> None:
    response = client.post("/admin/api/invites", headers=OWNER)
    assert response.status_code == 201
    assert response.json()["lang"] == "nl"


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({"email": "niet-een-adres"}, "email", "invalid_email"),
        ({"email": "a@b.nl?bcc=x@y.nl"}, "email", "invalid_email"),
        ({"lang": "es"}, "lang", "unsupported"),
        ({"name": "x" * 61}, "name", "too_long"),
        ({"name": "Jo\nost"}, "name", "control_character"),
        ({"name": 5}, "name", "not_a_string"),
        ({"phone": "0612345678"}, "phone", "unknown_field"),
    ],
)
def test_invalid_invitations_are_refused_naming_the_field(
    sqlite_client: TestClient, body: dict[str, Any], field: str, code: str
) -> None:
    response = sqlite_client.post("/admin/api/invites", json=body, headers=OWNER)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == field
    assert response.json()["error"]["code"] == code


def test_invitations_are_for_the_owner_only(sqlite_client: TestClient) -> None:
    assert sqlite_client.post("/admin/api/invites", json={}).status_code == 401
    assert sqlite_client.get("/admin/api/invites").status_code == 401
    assert sqlite_client.post("/admin/api/invites/1/withdraw").status_code == 401


def test_an_address_with_an_open_invitation_is_not_invited_twice(client: TestClient) -> None:
    invite(client, email="joost@example.nl")
    again = client.post("/admin/api/invites", json={"email": "Joost@example.nl"}, headers=OWNER)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "already_invited"


def _counts(sent: int, invalid: int = 0, already_invited: int = 0) -> dict[str, int]:
    return {"sent": sent, "invalid": invalid, "already_invited": already_invited}


# What a paste comes to, with eerder@example.nl invited before it: one case for each way of
# reading it, then all of them in one paste.
MIXED = [
    "anna@example.nl",
    "  bram@example.nl  ",
    "",
    "geen-adres",
    "eerder@example.nl",  # invited before
    "ANNA@example.nl",  # twice in the list
    "cees@example.nl; dirk@example.nl",
]


@pytest.mark.parametrize(
    ("pasted", "counts"),
    [
        pytest.param(["anna@example.nl", "  bram@example.nl  "], _counts(2), id="spaces"),
        pytest.param(["anna@example.nl", "", ""], _counts(1), id="blank-lines"),
        pytest.param(["geen-adres"], _counts(0, invalid=1), id="not-an-address"),
        pytest.param(["eerder@example.nl"], _counts(0, already_invited=1), id="invited-before"),
        pytest.param(
            ["anna@example.nl", "ANNA@example.nl"], _counts(1, already_invited=1), id="twice"
        ),
        pytest.param(["cees@example.nl; dirk@example.nl"], _counts(2), id="two-on-a-line"),
        pytest.param(MIXED, _counts(4, invalid=1, already_invited=2), id="all-at-once"),
    ],
)
def test_paste_many_counts_what_was_sent_and_what_was_refused(
    client: TestClient, pasted: list[str], counts: dict[str, int]
) -> None:
    invite(client, email="eerder@example.nl")
    response = client.post(
        "/admin/api/invites/batch",
        json={"emails": "\n".join(pasted), "lang": "en"},
        headers=OWNER,
    )
    assert response.status_code == 200, response.text
    assert response.json() == counts
    found = listed(client)
    assert found["total"] == counts["sent"] + 1
    assert [i["lang"] for i in found["invites"][: counts["sent"]]] == ["en"] * counts["sent"]


def test_paste_many_takes_at_most_200_addresses(sqlite_client: TestClient) -> None:
    def paste(count: int) -> Any:
        emails = "\n".join(f"klant{n}@example.nl" for n in range(count))
        return sqlite_client.post(
            "/admin/api/invites/batch", json={"emails": emails}, headers=OWNER
        )

    response = paste(201)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "emails"
    assert listed(sqlite_client)["total"] == 0
    assert paste(200).json()["sent"] == 200


def test_the_list_is_newest_first_paged_and_searchable(client: TestClient) -> None:
    for name in ("Anna", "Bram", "Cees"):
        invite(client, name=name)
    page = listed(client, limit=2)
    assert [i["name"] for i in page["invites"]] == ["Cees", "Bram"]
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 0)
    assert [i["name"] for i in listed(client, limit=2, offset=2)["invites"]] == ["Anna"]
    assert [i["name"] for i in listed(client, q="bra")["invites"]] == ["Bram"]
    bad = client.get("/admin/api/invites", params={"limit": "veel"}, headers=OWNER)
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "limit"


def test_withdrawing_ends_the_invitation_and_its_link(client: TestClient) -> None:
    made = invite(client, email="joost@example.nl")
    response = client.post(f"/admin/api/invites/{made['id']}/withdraw", headers=OWNER)
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    assert response.json()["email"] is None
    assert response.json()["url"] is None
    again = client.post(f"/admin/api/invites/{made['id']}/withdraw", headers=OWNER)
    assert again.status_code == 409
    assert client.post("/admin/api/invites/999/withdraw", headers=OWNER).status_code == 404


def test_an_invitation_past_its_days_is_expired_and_forgets_its_address(
    client: TestClient, moved: Move
) -> None:
    made = invite(client, email="joost@example.nl")
    moved(settings.INVITE_DAYS * DAY + 60)
    # Shown as expired at once, and written down by the periodic work.
    assert listed(client)["invites"][0]["status"] == "expired"
    sweep(client)
    [found] = listed(client)["invites"]
    assert (found["id"], found["status"], found["email"], found["url"]) == (
        made["id"],
        "expired",
        None,
        None,
    )


# -- mail ---------------------------------------------------------------------------------------


@pytest.fixture
def mail_box(inbox: Inbox) -> Iterator[Inbox]:  # noqa: F811
    """The loopback SMTP server, named for what these tests read from it."""
    yield inbox


def test_the_invitation_and_one_reminder_are_mailed_and_nothing_more(
    sqlite_client: TestClient, mail_box: Inbox, moved: Move, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "SITE_NAME", "Praktijk Zacht")
    made = invite(sqlite_client, name="Joost", email="joost@example.nl")
    [first] = mail_box.received(1)
    assert first["To"] == "joost@example.nl"
    assert first["Subject"] == "Hoe was je behandeling bij Praktijk Zacht?"
    assert first["Date"] and first["Message-ID"] and first["Auto-Submitted"] == "auto-generated"
    assert first["Content-Language"] == "nl"
    words = first.get_payload(decode=True).decode()
    assert "Hallo Joost," in words
    assert made["url"] in words
    assert listed(sqlite_client)["invites"][0]["status"] == "mailed"

    sweep(sqlite_client)  # not yet: the reminder waits INVITE_REMINDER_DAYS
    assert waiting_mail(sqlite_client) == 0
    assert len(mail_box.messages) == 1
    moved(settings.INVITE_REMINDER_DAYS * DAY + 60)
    sweep(sqlite_client)
    messages = mail_box.received(2)
    assert len(messages) == 2
    assert messages[1]["Subject"] == "Nog even: hoe was je behandeling bij Praktijk Zacht?"
    assert made["url"] in messages[1].get_payload(decode=True).decode()
    moved(10 * DAY)
    sweep(sqlite_client)
    assert waiting_mail(sqlite_client) == 0  # one reminder, never a second
    assert len(mail_box.messages) == 2
    assert listed(sqlite_client)["invites"][0]["reminded_at"] is not None


def test_no_reminder_once_withdrawn(
    sqlite_client: TestClient, mail_box: Inbox, moved: Move
) -> None:
    made = invite(sqlite_client, email="joost@example.nl", lang="en")
    [first] = mail_box.received(1)
    assert first["Subject"] == f"How was your treatment at {settings.SITE_NAME}?"
    sqlite_client.post(f"/admin/api/invites/{made['id']}/withdraw", headers=OWNER)
    moved(settings.INVITE_REMINDER_DAYS * DAY + 60)
    sweep(sqlite_client)
    assert waiting_mail(sqlite_client) == 0
    assert len(mail_box.messages) == 1


def test_no_reminder_when_reminders_are_off(
    sqlite_client: TestClient, mail_box: Inbox, moved: Move, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "INVITE_REMINDER_DAYS", 0.0)
    invite(sqlite_client, email="joost@example.nl")
    mail_box.received(1)
    moved(20 * DAY)
    sweep(sqlite_client)
    assert waiting_mail(sqlite_client) == 0
    assert len(mail_box.messages) == 1


def test_a_reminder_delay_in_decimals_is_honoured(
    sqlite_client: TestClient, mail_box: Inbox, moved: Move, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "INVITE_REMINDER_DAYS", 0.5)
    invite(sqlite_client, email="joost@example.nl")
    mail_box.received(1)
    moved(0.4 * DAY)
    sweep(sqlite_client)
    assert waiting_mail(sqlite_client) == 0
    assert len(mail_box.messages) == 1
    moved(0.5 * DAY + 60)
    sweep(sqlite_client)
    assert len(mail_box.received(2)) == 2


# -- the privacy tools --------------------------------------------------------------------------


def test_the_privacy_tools_find_export_and_erase_invitations_by_address(
    client: TestClient,
) -> None:
    made = invite(client, name="Joost", email="Joost@Example.nl")
    invite(client, email="anna@example.nl")
    found = client.post("/admin/api/readers", json={"email": "joost@example.nl"}, headers=OWNER)
    assert [i["id"] for i in found.json()["invitations"]] == [made["id"]]
    exported = client.post(
        "/admin/api/readers/export", json={"email": "JOOST@example.nl"}, headers=OWNER
    )
    assert exported.json()["invitations"][0]["email"] == "Joost@example.nl"  # domain lowered
    erased = client.post(
        "/admin/api/readers/erase",
        json={"email": "joost@example.nl", "keep_anonymised": False},
        headers=OWNER,
    )
    assert erased.status_code == 200
    assert [i["email"] for i in listed(client)["invites"]] == ["anna@example.nl"]
    assert client.get(str(made["url"]).removeprefix(settings.PUBLIC_URL)).status_code == 404
    again = client.post("/admin/api/readers", json={"email": "joost@example.nl"}, headers=OWNER)
    assert again.json()["invitations"] == []


def test_an_ended_invitation_holds_no_address_for_the_privacy_tools(
    client: TestClient,
) -> None:
    made = invite(client, email="joost@example.nl")
    client.post(f"/admin/api/invites/{made['id']}/withdraw", headers=OWNER)
    found = client.post("/admin/api/readers", json={"email": "joost@example.nl"}, headers=OWNER)
    assert found.json()["invitations"] == []

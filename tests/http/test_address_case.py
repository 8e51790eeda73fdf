"""A reader typed with other capitals is the same reader: privacy screen, owner API, manage link."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords, signing
from tests.helpers import OWNER, every_view, post
from tests.http.test_admin import PASSWORD, login
from tests.http.test_admin_privacy import find, text_of
from tests.http.test_notify import Inbox, inbox  # noqa: F401  (the SMTP fixture)
from tests.http.test_readers import link
from tests.http.test_readers import text_of as mail_text

POSTED = "sanne.jansen@example.nl"
TYPED = "Sanne.Jansen@Example.NL"


def as_shown(typed: str) -> str:
    """The address as typed; only the domain is written small (domains have no case)."""
    local, _, domain = typed.rpartition("@")
    return f"{local}@{domain.lower()}"


_HASH = passwords.hash_password(PASSWORD)


@pytest.fixture(autouse=True)
def owner_password(
    monkeypatch: pytest.MonkeyPatch,
    inbox: Inbox,  # noqa: F811  (a mail server: reply subscriptions and manage links need one)
) -> Iterator[None]:
    """The owner's password is known and the pages speak Dutch."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    monkeypatch.setattr(settings, "ADMIN_LANG", "nl")
    yield


def sanne(client: TestClient) -> int:
    """Sanne's comment with a reply subscription, posted in small letters, beside Bram's."""
    answer = post(
        client, author="Sanne Geheim", email=POSTED, body="Mijn nek is soepel.", notify_replies=True
    )
    post(client, email="bram@example.nl", author="Bram", body="Ik ook!", author_token=None)
    return int(answer["id"])


@pytest.mark.parametrize("typed", [TYPED, POSTED.upper()])
def test_the_privacy_screen_finds_a_reader_typed_with_capitals(
    client: TestClient, typed: str
) -> None:
    cid = sanne(client)
    login(client)
    words = text_of(find(client, typed))
    assert f"Gevonden bij {as_shown(typed)}" in words  # what the owner typed
    assert f"#{cid} Sanne Geheim" in words and "Mijn nek is soepel." in words
    assert "Bram" not in words


def test_the_owner_api_finds_and_exports_a_reader_typed_with_capitals(client: TestClient) -> None:
    cid = sanne(client)
    for path in ("/admin/api/readers", "/admin/api/readers/export"):
        found = client.post(path, json={"email": TYPED}, headers=OWNER)
        assert found.status_code == 200, found.text
        data = found.json()
        assert data["email"] == as_shown(TYPED)
        assert [c["id"] for c in data["comments"]] == [cid], path
        assert data["comments"][0]["email"] == POSTED  # as the reader wrote it
        assert [s["comment_id"] for s in data["subscriptions"]] == [cid], path


def test_erasing_a_reader_typed_with_capitals_leaves_nothing(client: TestClient) -> None:
    cid = sanne(client)
    response = client.post(
        "/admin/api/readers/erase",
        json={"email": POSTED.upper(), "keep_anonymised": False},
        headers=OWNER,
    )
    assert response.status_code == 200, response.text
    assert response.json()["comments"] == 1 and response.json()["subscriptions"] == 1
    assert client.get(f"/admin/api/comments/{cid}", headers=OWNER).status_code == 404
    found = client.post("/admin/api/readers", json={"email": POSTED}, headers=OWNER).json()
    assert found["comments"] == [] and found["subscriptions"] == []
    assert "Sanne Geheim" not in every_view(client) and "Ik ook!" in every_view(client)


def test_the_privacy_page_erases_a_reader_typed_with_capitals(client: TestClient) -> None:
    cid = sanne(client)
    csrf = login(client)
    response = client.post(
        "/admin/privacy/erase",
        data={"email": TYPED, "keep_anonymised": "false", "confirm": "yes", "csrf": csrf},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "1 reactie verwijderd" in text_of(client.get(response.headers["location"]).text)
    assert client.get(f"/admin/api/comments/{cid}", headers=OWNER).status_code == 404


def test_a_manage_link_asked_for_with_capitals_arrives_and_shows_the_comments(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    post(client, email="kees@example.com", author="Kees", body="Mijn schouder is beter.")
    asked = client.post("/api/manage", json={"email": "Kees@Example.com", "lang": "en"})
    assert asked.status_code == 202
    mails = inbox.received(2)  # the owner's notice, then the reader's link
    [mail] = [m for m in mails if "Manage your comments" in str(m["Subject"])]
    assert mail["To"] == "Kees@example.com"  # to the address as the reader typed it
    page = client.get(link(mail, "/manage"))
    assert page.status_code == 200, mail_text(mail)
    assert "Mijn schouder is beter." in page.text


def test_manage_links_share_one_budget_however_the_address_is_typed(client: TestClient) -> None:
    post(client, email="kees@example.com", author="Kees", body="Mijn schouder is beter.")
    for typed in ("kees@example.com", "Kees@Example.com", "KEES@EXAMPLE.COM"):
        assert client.post("/api/manage", json={"email": typed}).status_code == 202
    store = client.app.state.store  # type: ignore[attr-defined]
    budget = signing.digest("kees@example.com", "manage-address")
    counted = client.portal.call(store.counters.peek, "manage-address", budget, 3600)  # type: ignore[union-attr]
    assert counted == 3

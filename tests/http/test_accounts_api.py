"""The owner API's accounts: the same list and the same actions as the Accounts page, through the
same use cases, with the API's error shape; a moderator is refused every one of them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords
from service.web import roles
from tests.helpers import MODERATOR_PASSWORD, OWNER, OWNER_PASSWORD, join, moderator, sign_in

_HASH = passwords.hash_password(OWNER_PASSWORD)
MANON = "manon@example.nl"
API = "/admin/api/accounts"


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The owner's password is the configured one; the pages speak English."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    yield


def _invite(client: TestClient, email: str = MANON, **more: Any) -> dict[str, Any]:
    answer = client.post(f"{API}/invitations", json={"email": email, **more}, headers=OWNER)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def _link(invitation: dict[str, Any]) -> str:
    return str(invitation["url"]).removeprefix(settings.PUBLIC_URL)


def _accounts(client: TestClient) -> dict[str, Any]:
    answer = client.get(API, headers=OWNER)
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    return dict(answer.json())


def _manon(client: TestClient) -> int:
    """Manon joins through an invitation made by the API; her account's id."""
    join(client, _link(_invite(client, name="Manon")))
    return next(int(a["id"]) for a in _accounts(client)["accounts"] if a["email"] == MANON)


def test_the_list_names_each_account_and_never_a_secret(client: TestClient) -> None:
    manon = _manon(client)
    sign_in(client, MODERATOR_PASSWORD, MANON)
    listed = _accounts(client)
    first, second = listed["accounts"]
    assert first["id"] == 1 and first["role"] == "owner" and first["email"] is None
    assert second == {
        "id": manon,
        "name": "Manon",
        "email": MANON,
        "role": "moderator",
        "status": "enabled",
        "second_factor": False,
        "created_at": second["created_at"],
        "last_seen_at": second["last_seen_at"],
    }
    assert second["last_seen_at"] >= second["created_at"]  # she has a session open
    assert listed["invitations"] == []  # hers was used
    assert not re.search(r"argon2|password|secret|totp", client.get(API, headers=OWNER).text)


def test_an_invitation_made_by_the_api_opens_the_same_page(client: TestClient) -> None:
    made = _invite(client, role="owner", name="  Kees   de Vries ")
    assert made["role"] == "owner" and made["name"] == "Kees de Vries"
    assert made["expires_at"] > made["created_at"]
    assert client.get(_link(made)).status_code == 200
    [waiting] = _accounts(client)["invitations"]
    assert waiting == {k: v for k, v in made.items() if k != "url"}  # the link only once


@pytest.mark.parametrize(
    ("body", "status", "field", "code"),
    [
        ({"email": "nobody"}, 422, "email", "invalid_email"),
        ({"email": MANON, "role": "admin"}, 422, "role", "invalid"),
        ({"email": MANON, "role": 3}, 422, "role", "invalid"),
        ({"email": 7}, 422, "email", "invalid"),
        ({"email": MANON, "password": "x"}, 422, "password", "unknown_field"),
    ],
)
def test_an_invalid_invitation_is_refused_naming_the_field(
    client: TestClient, body: dict[str, Any], status: int, field: str, code: str
) -> None:
    answer = client.post(f"{API}/invitations", json=body, headers=OWNER)
    assert answer.status_code == status
    assert answer.json()["error"]["field"] == field and answer.json()["error"]["code"] == code


def test_an_address_with_an_account_cannot_be_invited_again(client: TestClient) -> None:
    _manon(client)
    again = client.post(f"{API}/invitations", json={"email": MANON.upper()}, headers=OWNER)
    assert again.status_code == 409 and again.json()["error"]["code"] == "email_taken"


def test_a_withdrawn_invitation_is_gone_from_the_list_and_its_link_dead(
    client: TestClient,
) -> None:
    made = _invite(client)
    done = client.post(f"{API}/invitations/{made['id']}/withdraw", headers=OWNER)
    assert done.status_code == 200 and done.json() == {"id": made["id"], "withdrawn": True}
    assert _accounts(client)["invitations"] == []
    assert client.get(_link(made)).status_code == 403
    twice = client.post(f"{API}/invitations/{made['id']}/withdraw", headers=OWNER)
    assert twice.status_code == 404 and twice.json()["error"]["field"] == "invitation"


def test_the_owner_changes_a_role_and_the_account_signs_in_again(client: TestClient) -> None:
    manon = _manon(client)
    sign_in(client, MODERATOR_PASSWORD, MANON)
    answer = client.post(f"{API}/{manon}/role", json={"role": "owner"}, headers=OWNER)
    assert answer.status_code == 200 and answer.json() == {"id": manon, "role": "owner"}
    assert client.get("/admin/account", follow_redirects=False).status_code == 303
    assert _accounts(client)["accounts"][1]["role"] == "owner"
    bad = client.post(f"{API}/{manon}/role", json={"role": "boss"}, headers=OWNER)
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "role"


def test_disable_enable_and_remove_through_the_api(client: TestClient) -> None:
    manon = _manon(client)
    sign_in(client, MODERATOR_PASSWORD, MANON)
    off = client.post(f"{API}/{manon}/disable", headers=OWNER)
    assert off.json() == {"id": manon, "status": "disabled"}
    assert client.get("/admin/account", follow_redirects=False).status_code == 303
    refused = client.post("/admin/login", data={"email": MANON, "password": MODERATOR_PASSWORD})
    assert refused.status_code == 403
    assert _accounts(client)["accounts"][1]["status"] == "disabled"
    on = client.post(f"{API}/{manon}/enable", headers=OWNER)
    assert on.json() == {"id": manon, "status": "enabled"}
    sign_in(client, MODERATOR_PASSWORD, MANON)
    gone = client.delete(f"{API}/{manon}", headers=OWNER)
    assert gone.json() == {"id": manon, "deleted": True}
    assert [a["id"] for a in _accounts(client)["accounts"]] == [1]
    assert client.get("/admin/account", follow_redirects=False).status_code == 303


def test_the_owner_ends_an_accounts_sessions(client: TestClient) -> None:
    manon = _manon(client)
    sign_in(client, MODERATOR_PASSWORD, MANON)
    ended = client.post(f"{API}/{manon}/sessions/end", headers=OWNER)
    assert ended.json() == {"id": manon, "sessions_ended": True}
    assert client.get("/admin/account", follow_redirects=False).status_code == 303
    assert _accounts(client)["accounts"][1]["last_seen_at"] is None
    sign_in(client, MODERATOR_PASSWORD, MANON)  # still enabled


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/1/role", {"role": "moderator"}),
        ("POST", "/1/disable", None),
        ("DELETE", "/1", None),
    ],
)
def test_the_last_owner_is_kept_through_the_api(
    client: TestClient, method: str, path: str, body: dict[str, str] | None
) -> None:
    answer = client.request(method, API + path, json=body, headers=OWNER)
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "last_owner"
    assert _accounts(client)["accounts"][0]["status"] == "enabled"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/999999/role"),
        ("POST", "/999999/disable"),
        ("POST", "/999999/enable"),
        ("DELETE", "/999999"),
        ("POST", "/999999/sessions/end"),
        ("POST", "/x1/disable"),
        ("POST", "/invitations/999999/withdraw"),
    ],
)
def test_an_unknown_id_is_404(client: TestClient, method: str, path: str) -> None:
    body = {"role": "owner"} if path.endswith("/role") else None
    answer = client.request(method, API + path, json=body, headers=OWNER)
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"


def test_a_session_needs_its_csrf_token_for_a_change(client: TestClient) -> None:
    csrf = sign_in(client)
    assert client.get(API).status_code == 200
    without = client.post(f"{API}/invitations", json={"email": MANON})
    assert without.status_code == 403 and without.json()["error"]["code"] == "csrf"
    made = client.post(f"{API}/invitations", json={"email": MANON}, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201


def test_a_moderator_may_not_use_the_accounts_api(client: TestClient) -> None:
    csrf = moderator(client)
    keys = sorted(k for k in roles.OWNER if " /admin/api/accounts" in k)
    assert len(keys) == 8
    for key in keys:
        method, _, path = key.partition(" ")
        url = path.replace("{account_id}", "1").replace("{invitation_id}", "1")
        answer = client.request(method, url, json={}, headers={"X-CSRF-Token": csrf})
        assert answer.status_code == 403, key
        assert answer.json()["error"]["code"] == "forbidden_role", key
    assert client.get("/admin/accounts").status_code == 200  # the page, with invitations only

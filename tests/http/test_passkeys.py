"""Passkey endpoints over HTTP (the ceremonies themselves run in Chromium's virtual
authenticator: tests/browser/test_passkeys_browser.py): the relying party is PUBLIC_URL's host,
an answer needs this browser's challenge, forged answers and cross-site calls are refused."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords
from tests.helpers import OWNER, OWNER_PASSWORD, sign_in

_HASH = passwords.hash_password(OWNER_PASSWORD)
FORGED = {
    "id": "AAAA",
    "rawId": "AAAA",
    "type": "public-key",
    "response": {"clientDataJSON": "e30", "authenticatorData": "AAAA", "signature": "AAAA"},
}


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    yield


def test_sign_in_options_name_this_host_and_ask_for_user_verification(
    client: TestClient,
) -> None:
    answer = client.post("/admin/login/passkey/options")
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    options = json.loads(answer.text)
    assert options["rpId"] == "testserver" and options["userVerification"] == "required"
    assert len(options["challenge"]) >= 40
    assert "chorus_passkey" in answer.headers["set-cookie"]


def test_an_answer_without_this_browsers_challenge_is_refused(client: TestClient) -> None:
    answer = client.post("/admin/login/passkey", json={"credential": FORGED})
    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "passkey_expired"


def test_a_forged_answer_opens_nothing(client: TestClient) -> None:
    client.post("/admin/login/passkey/options")
    answer = client.post("/admin/login/passkey", json={"credential": FORGED})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "passkey_refused"
    assert client.get("/admin/", follow_redirects=False).status_code == 303


def test_sign_in_from_another_site_is_refused(client: TestClient) -> None:
    cross = {"Origin": "http://evil.example"}
    assert client.post("/admin/login/passkey/options", headers=cross).status_code == 403
    answer = client.post("/admin/login/passkey", headers=cross, json={"credential": FORGED})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "csrf"


def test_adding_a_passkey_needs_the_session_and_its_token(client: TestClient) -> None:
    assert client.post("/admin/account/passkeys/options").status_code == 401
    api = client.post("/admin/account/passkeys/options", headers=OWNER)
    assert api.status_code == 403  # the API token is the owner's, but has no passkeys
    csrf = sign_in(client)
    assert client.post("/admin/account/passkeys/options").status_code == 403  # no token
    made = client.post("/admin/account/passkeys/options", headers={"X-CSRF-Token": csrf})
    options = json.loads(made.text)
    assert options["rp"]["id"] == "testserver"
    assert options["authenticatorSelection"]["residentKey"] == "required"
    forged = client.post(
        "/admin/account/passkeys",
        headers={"X-CSRF-Token": csrf},
        json={"credential": FORGED, "name": "Laptop"},
    )
    assert forged.status_code == 403 and forged.json()["error"]["code"] == "passkey_refused"

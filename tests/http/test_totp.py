"""The second factor: set up with a QR code and a first code, asked for after the password,
each code good once, recovery codes single-use, counted like passwords, and required for every
account with ADMIN_REQUIRE_2FA; `reset-2fa` takes factors off and ends every session."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from starlette.testclient import TestClient

import settings
from service import passwords
from tests.helpers import MODERATOR_PASSWORD, OWNER_PASSWORD, csrf_of, moderator, sign_in

_HASH = passwords.hash_password(OWNER_PASSWORD)
ROOT = Path(__file__).resolve().parents[2]
LOGIN = {"email": "", "password": OWNER_PASSWORD, "next": "/admin/"}


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The owner's password is known; the pages speak English."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    yield


def _next_code(secret: str) -> str:
    """A code for a later time step than any spent so far (the server accepts one step ahead)."""
    return pyotp.TOTP(secret).at(time.time() + 30)


def enrol(client: TestClient) -> tuple[str, list[str]]:
    """Set up TOTP for the signed-in account: its secret and the recovery codes shown once."""
    page = client.get("/admin/account/2fa").text
    assert 'src="data:image/svg+xml' in page  # the QR code, allowed by the CSP as data:
    secret = re.search(r'<code id="totp-secret">([A-Z2-7]+)</code>', page)
    assert secret
    form = {"csrf": csrf_of(page), "code": pyotp.TOTP(secret.group(1)).now()}
    done = client.post("/admin/account/2fa", data=form)
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", done.text)
    return secret.group(1), codes


def _password(client: TestClient) -> str:
    """The password step; where it sends the browser."""
    client.cookies.clear()
    response = client.post("/admin/login", data=LOGIN, follow_redirects=False)
    assert response.status_code == 303
    return str(response.headers["location"])


def _code(client: TestClient, code: str) -> int:
    data = {"code": code, "next": "/admin/"}
    return client.post("/admin/login/code", data=data, follow_redirects=False).status_code


def test_setup_shows_ten_recovery_codes_once(client: TestClient) -> None:
    sign_in(client)
    _, codes = enrol(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    again = client.get("/admin/account/2fa").text
    assert not any(code in again for code in codes)
    assert "10 recovery codes left" in client.get("/admin/account").text


def test_a_wrong_first_code_does_not_turn_the_factor_on(client: TestClient) -> None:
    csrf = sign_in(client)
    client.get("/admin/account/2fa")
    wrong = client.post("/admin/account/2fa", data={"csrf": csrf, "code": "000000"})
    assert wrong.status_code == 422
    assert _password(client) == "/admin/"  # still password-only


def test_sign_in_asks_for_the_code_after_the_password(client: TestClient) -> None:
    sign_in(client)
    secret, _ = enrol(client)
    assert _password(client).startswith("/admin/login/code")
    assert client.get("/admin/", follow_redirects=False).status_code == 303  # not in yet
    assert _code(client, _next_code(secret)) == 303
    assert client.get("/admin/").status_code == 200


def test_a_code_is_good_once(client: TestClient) -> None:
    sign_in(client)
    secret, _ = enrol(client)
    code = _next_code(secret)
    _password(client)
    assert _code(client, code) == 303
    _password(client)
    assert _code(client, code) == 403
    assert client.get("/admin/", follow_redirects=False).status_code == 303


def test_a_recovery_code_works_once(client: TestClient) -> None:
    sign_in(client)
    _, codes = enrol(client)
    _password(client)
    assert _code(client, codes[0].upper()) == 303
    assert "9 recovery codes left" in client.get("/admin/account").text
    _password(client)
    assert _code(client, codes[0]) == 403
    assert _code(client, codes[1]) == 303


def test_the_code_step_needs_the_password_first(client: TestClient) -> None:
    sign_in(client)
    secret, _ = enrol(client)
    client.cookies.clear()
    response = client.post(
        "/admin/login/code", data={"code": _next_code(secret)}, follow_redirects=False
    )
    assert response.headers["location"].startswith("/admin/login?")
    assert client.get("/admin/", follow_redirects=False).status_code == 303


def test_wrong_codes_are_counted_like_wrong_passwords(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(client)
    secret, _ = enrol(client)
    _password(client)
    monkeypatch.setattr(settings, "LOGIN_MAX_ATTEMPTS", 3)
    statuses = [_code(client, "123456") for _ in range(3)]
    assert statuses[-1] == 429
    assert _code(client, _next_code(secret)) == 429  # even the right one waits


def test_required_second_factor_sends_an_account_without_one_to_set_it_up(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    moderator(client)
    monkeypatch.setattr(settings, "ADMIN_REQUIRE_2FA", True)
    queue = client.get("/admin/", follow_redirects=False)
    assert queue.status_code == 303 and queue.headers["location"] == "/admin/account/2fa"
    api = client.get("/admin/api/comments")
    assert api.status_code == 403 and api.json()["error"]["code"] == "second_factor_required"
    client.cookies.clear()
    form = {"email": "manon@example.nl", "password": MODERATOR_PASSWORD, "next": "/admin/"}
    signed = client.post("/admin/login", data=form, follow_redirects=False)
    assert signed.headers["location"] == "/admin/account/2fa"
    assert "asks every account for a second factor" in client.get("/admin/account/2fa").text
    enrol(client)
    assert client.get("/admin/").status_code == 200


def test_required_second_factor_is_recommended_until_set(client: TestClient) -> None:
    sign_in(client)
    assert "ADMIN_REQUIRE_2FA=true" in client.get("/admin/settings").text
    from service import banner

    assert any("ADMIN_REQUIRE_2FA=true" in line for line in banner.lines())


def test_reset_2fa_takes_every_factor_off_and_ends_every_session(
    sqlite_client: TestClient, sqlite_url: str
) -> None:
    client = sqlite_client
    sign_in(client)
    enrol(client)
    env = {**os.environ, "DATABASE_URL": sqlite_url, "ADMIN_PASSWORD_HASH": _HASH}
    result = subprocess.run(
        [sys.executable, "-m", "service", "reset-2fa"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert client.get("/admin/", follow_redirects=False).status_code == 303  # session ended
    assert _password(client) == "/admin/"  # the password alone again

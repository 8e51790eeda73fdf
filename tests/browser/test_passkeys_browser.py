"""Passkeys in real headless Chromium with its virtual authenticator (the DevTools protocol's
WebAuthn domain): add one, sign in with it alone, use it after a password as the second step,
and once removed, the same passkey is refused. nl and en.

Passkeys need a host name as the relying party, so the service runs with
PUBLIC_URL=http://localhost:PORT and the browser goes there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

import settings
from service import passwords
from tests.conftest import LiveServer

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)


@pytest.fixture
def site(
    live_server: LiveServer, page: Page, page_problems: list[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The live server under its host name, and a virtual platform authenticator in the tab."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    url = f"http://localhost:{urlsplit(live_server.url).port}"
    monkeypatch.setattr(settings, "PUBLIC_URL", url)
    page.set_default_timeout(10_000)
    devtools: Any = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    yield url


def _sign_out(page: Page, words: dict[str, str]) -> None:
    page.get_by_role("button", name=words["logout"]).click()
    expect(page.get_by_role("heading", name=words["title_login"])).to_be_visible()


def test_a_passkey_signs_in_alone_and_is_refused_once_removed(
    site: str, page: Page, words: dict[str, str]
) -> None:
    page.goto(f"{site}/admin/account")
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["login"]).click()
    page.get_by_label(words["passkey_name"]).fill("Laptop")
    page.get_by_role("button", name=words["passkey_add"]).click()
    expect(page.get_by_role("status")).to_have_text(words["account_done_passkey_added"])
    expect(page.get_by_role("cell", name="Laptop")).to_be_visible()

    # A passkey alone signs in.
    _sign_out(page, words)
    page.get_by_role("button", name=words["passkey_sign_in"]).click()
    expect(page).to_have_url(f"{site}/admin/")

    # After a password, the passkey is the second step; the password alone is not enough.
    _sign_out(page, words)
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["login"]).click()
    expect(page.get_by_role("heading", name=words["title_login_code"])).to_be_visible()
    expect(page.get_by_label(words["login_code"])).to_have_count(0)  # no code app set up
    page.get_by_role("button", name=words["passkey_sign_in"]).click()
    expect(page).to_have_url(f"{site}/admin/")

    # Removed from the account, the passkey (still in the authenticator) opens nothing.
    page.goto(f"{site}/admin/account")
    page.get_by_role("button", name=words["passkey_remove"]).click()
    expect(page.get_by_role("status")).to_have_text(words["account_done_passkey_removed"])
    _sign_out(page, words)
    page.get_by_role("button", name=words["passkey_sign_in"]).click()
    expect(page.get_by_role("alert")).to_have_text(words["passkey_refused"])
    expect(page.get_by_role("heading", name=words["title_login"])).to_be_visible()
    page.goto(f"{site}/admin/")
    expect(page.get_by_role("heading", name=words["title_login"])).to_be_visible()  # not in

"""Signing in with a second factor in real headless Chromium, nl and en: the owner sets up a
code app from the QR page, keeps her recovery codes, signs out, and signs in with her password
and then a code computed here with pyotp; a moderator's menu has none of the owner's tools."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pyotp
import pytest
from playwright.sync_api import Page, expect

import settings
from service import passwords
from tests.conftest import LiveServer, save_screenshot

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)


@pytest.fixture
def admin(
    live_server: LiveServer, page: Page, page_problems: list[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    """The live server with a known password; the page reports any CSP violation or script error."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    page.set_default_timeout(10_000)
    yield live_server


def _password_step(page: Page, words: dict[str, str]) -> None:
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["login"]).click()


def test_the_owner_sets_up_a_code_app_and_signs_in_with_it(
    admin: LiveServer, page: Page, words: dict[str, str], lang: str
) -> None:
    page.goto(f"{admin.url}/admin/account")
    _password_step(page, words)
    expect(page.get_by_role("heading", name=words["title_account"])).to_be_visible()
    page.get_by_role("link", name=words["account_factor_add"]).click()

    qr = page.get_by_role("img", name=words["totp_qr_alt"])
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth") > 0  # the SVG data: URI drew, CSP allowed it
    save_screenshot(page, f"totp-setup-{lang}")
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label(words["totp_first_code"]).fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name=words["totp_confirm"]).click()
    expect(page.get_by_role("status")).to_have_text(words["totp_done"])
    expect(page.locator("ul.codes li")).to_have_count(10)

    page.get_by_role("button", name=words["logout"]).click()
    page.goto(f"{admin.url}/admin/")
    _password_step(page, words)
    expect(page.get_by_role("heading", name=words["title_login_code"])).to_be_visible()
    page.get_by_label(words["login_code"]).fill("000000")
    page.get_by_role("button", name=words["login"]).click()
    expect(page.get_by_role("alert")).to_have_text(words["login_code_wrong"])
    # A later step's code than the one spent on setting up (the service allows one step ahead).
    page.get_by_label(words["login_code"]).fill(pyotp.TOTP(secret).at(time.time() + 30))
    page.get_by_role("button", name=words["login"]).click()
    expect(page).to_have_url(f"{admin.url}/admin/")
    expect(page.get_by_role("link", name=words["nav_privacy"])).to_be_visible()


def test_a_moderators_menu_has_none_of_the_owners_tools(
    admin: LiveServer, page: Page, words: dict[str, str]
) -> None:
    page.goto(f"{admin.url}/admin/accounts")
    _password_step(page, words)
    page.get_by_label(words["accounts_email"]).fill("manon@example.nl")
    page.get_by_role("button", name=words["invite_send"]).click()
    link = page.get_by_label(words["invite_link"]).input_value()
    page.get_by_role("button", name=words["logout"]).click()

    page.goto(link)
    page.get_by_label(words["invitation_password"]).fill("manon's own long password")
    page.get_by_label(words["invitation_again"]).fill("manon's own long password")
    page.get_by_role("button", name=words["invitation_accept"]).click()
    expect(page.get_by_role("status")).to_have_text(words["login_joined"])
    page.get_by_label(words["login_email"]).fill("manon@example.nl")
    page.get_by_label(words["password"]).fill("manon's own long password")
    page.get_by_role("button", name=words["login"]).click()

    menu = page.get_by_role("navigation", name=words["nav"])
    expect(menu.get_by_role("link", name=words["nav_queue"])).to_be_visible()
    for hidden in ("nav_privacy", "nav_settings", "nav_move", "nav_rules"):
        expect(menu.get_by_role("link", name=words[hidden])).to_have_count(0)
    page.goto(f"{admin.url}/admin/privacy")
    expect(page.get_by_role("alert")).to_have_text(words["error_forbidden_role"])


def test_the_owner_withdraws_an_invitation_and_renames_herself(
    admin: LiveServer, page: Page, words: dict[str, str], lang: str
) -> None:
    page.goto(f"{admin.url}/admin/accounts")
    _password_step(page, words)
    for email in ("manon@example.nl", "kees@example.nl"):
        page.get_by_label(words["accounts_email"]).fill(email)
        page.get_by_role("button", name=words["invite_send"]).click()
    link = page.get_by_label(words["invite_link"]).input_value()  # Kees's
    open_ones = page.locator("table.invitations tbody tr")
    expect(open_ones).to_have_count(2)
    save_screenshot(page, f"accounts-invitations-{lang}")
    page.get_by_role("button", name=f"{words['invitations_withdraw']} kees@example.nl").click()
    expect(page.get_by_role("status")).to_have_text(words["accounts_done_withdrawn"])
    expect(open_ones).to_have_count(1)
    expect(open_ones).to_contain_text("manon@example.nl")

    page.goto(f"{admin.url}/admin/account")
    page.get_by_label(words["account_name_label"]).fill("Marieke de Vries")
    page.get_by_role("button", name=words["account_name_save"]).click()
    expect(page.get_by_role("status")).to_have_text(words["account_done_name"])
    expect(page.get_by_label(words["account_name_label"])).to_have_value("Marieke de Vries")
    save_screenshot(page, f"account-{lang}")

    page.goto(link)
    expect(page.get_by_role("heading", name=words["title_invitation"])).to_have_count(0)
    expect(page.get_by_text(words["error_invalid_link"])).to_be_visible()

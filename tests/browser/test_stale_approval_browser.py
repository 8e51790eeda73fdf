"""In real Chromium: an author's edit after the queue was loaded is never approved by the click
on the old card; the owner is told in words and sees the new text, with and without script.

Every wait is one of Playwright's expectations; nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

import settings
from service import signing, text
from tests.browser.test_moderation_browser import _HASH, call, card, log_in, status_of, toast
from tests.conftest import ServedApp

pytestmark = pytest.mark.browser

ADMIN_NL = text.section("nl", "admin")  # the moderation pages' words in Dutch
NEW_TEXT = "Eigenlijk viel de massage tegen, jammer."


@pytest.fixture
def admin(
    live_server: ServedApp, page_problems: list[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[ServedApp]:
    """The live server with a known password; any script error or CSP violation fails the test."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    yield live_server


def _post(server: ServedApp, body: str, author: str = "Marieke de Vries") -> dict[str, Any]:
    """A reader's comment; the answer keeps the author token, for her edit."""
    payload = {
        "page": "/blog/slapen",
        "page_title": "Beter slapen na een massage",
        "page_url": "https://www.massage.example/blog/slapen",
        "author": author,
        "email": "marieke@example.nl",
        "body": body,
        "consent": True,
        "form_token": signing.form_token(),
    }
    answer: dict[str, Any] = call(server, "/api/comments", payload)
    return answer


def _edit(server: ServedApp, answer: dict[str, Any], body: str) -> None:
    payload = {"author_token": answer["author_token"], "body": body}
    call(server, f"/api/comments/{answer['id']}/edit", payload)


def test_an_edit_after_the_queue_loaded_is_not_approved_and_the_card_shows_it(
    admin: ServedApp, page: Page, lang: str, words: dict[str, str]
) -> None:
    answer = _post(admin, "Wat een fijne massage was dat.")
    log_in(page, admin, lang)
    this = card(page, answer["id"])
    expect(this.locator("[data-text]")).to_contain_text("fijne massage")
    _edit(admin, answer, NEW_TEXT)  # the author, while the owner reads the old text

    this.get_by_role("button", name=words["approve"]).click()
    expect(toast(page)).to_have_text(words["error_changed_since"])
    expect(card(page, answer["id"]).locator("[data-text]")).to_contain_text(NEW_TEXT)
    assert status_of(admin, answer["id"]) == "pending"
    assert call(admin, "/api/comments?page=/blog/slapen")["comments"] == []

    # The redrawn card shows the new text: approving it now approves what she read.
    card(page, answer["id"]).get_by_role("button", name=words["approve"]).click()
    expect(toast(page)).to_have_text(words["done_approve"])
    assert status_of(admin, answer["id"]) == "approved"


def test_bulk_approval_leaves_the_card_that_changed_and_says_so(
    admin: ServedApp, page: Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", "nl")
    kept = _post(admin, "Rustige praktijk, aanrader.", author="Joost")
    moved = _post(admin, "Wat een fijne massage was dat.")
    log_in(page, admin)
    expect(card(page, moved["id"])).to_be_visible()
    _edit(admin, moved, NEW_TEXT)

    page.get_by_label(ADMIN_NL["select_all"]).check()
    page.get_by_role("button", name=ADMIN_NL["bulk_approve"]).click()
    said = f"{ADMIN_NL['done_bulk_one']} {ADMIN_NL['bulk_changed_since_one']}"
    expect(toast(page)).to_have_text(said)
    expect(card(page, kept["id"])).to_have_count(0)  # approved: it left the waiting tab
    expect(card(page, moved["id"]).locator("[data-text]")).to_contain_text(NEW_TEXT)
    assert (status_of(admin, kept["id"]), status_of(admin, moved["id"])) == ("approved", "pending")


def test_without_script_the_page_says_the_text_changed_and_shows_it(
    admin: ServedApp, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", "nl")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        answer = _post(admin, "Wat een fijne massage was dat.")
        log_in(page, admin)
        _edit(admin, answer, NEW_TEXT)
        card(page, answer["id"]).get_by_role("button", name=ADMIN_NL["approve"]).click()
        expect(page.get_by_role("alert")).to_have_text(ADMIN_NL["error_changed_since"])
        expect(card(page, answer["id"]).locator("[data-text]")).to_contain_text(NEW_TEXT)
        assert status_of(admin, answer["id"]) == "pending"
    finally:
        context.close()

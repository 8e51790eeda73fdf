"""What a person sees, in real Chromium: the queue once its last card is handled, and the
reader's manage page with its dates in words and its links back.
"""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import Page, expect

from service import notify
from service.store import open_store
from tests.browser.test_moderation_browser import admin, log_in, post  # noqa: F401  (fixture)
from tests.conftest import ServedApp, save_screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def lang() -> str:
    """The queue in Dutch; the manage page names its own language in each test."""
    return "nl"


def test_handling_the_last_card_leaves_the_empty_state_alone(admin: ServedApp, page: Page) -> None:  # noqa: F811
    post(admin, "Fijne massage, ik sliep als een roos.")
    log_in(page, admin)
    expect(page.locator("[data-showing]")).to_have_text("1–1 van 1")
    expect(page.locator("article.card:focus")).to_have_count(1)
    page.keyboard.press("a")
    expect(page.locator("article.card")).to_have_count(0)
    expect(page.locator("[data-empty]")).to_be_visible()
    expect(page.locator("[data-empty]")).to_contain_text("Niets te beoordelen.")
    expect(page.locator("#bulk")).to_be_hidden()
    expect(page.locator("nav.pager")).to_be_hidden()
    expect(page.locator("[data-showing]")).to_be_hidden()  # no "0–0 van 0"
    save_screenshot(page, "admin-empty-queue")


def _manage_token(server: ServedApp, email: str) -> str:
    async def make() -> str:
        store = open_store(server.database_url)
        await store.connect()
        try:
            return await notify.manage_link(store, email)
        finally:
            await store.disconnect()

    # Playwright's own event loop runs in this thread; the store gets a loop of its own.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, make()).result()


@pytest.mark.parametrize(
    ("lang", "month", "back"),
    [("nl", r"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
             r"november|december)", "Terug naar Chorus"),
     ("en", r"(January|February|March|April|May|June|July|August|September|October|"
             r"November|December)", "Back to Chorus")],
)  # fmt: skip
def test_the_manage_page_reads_as_a_person_reads_it(
    admin: ServedApp,  # noqa: F811
    page: Page,
    lang: str,
    month: str,
    back: str,
) -> None:
    post(admin, "Sinds de massage slaap ik veel rustiger.")
    page.goto(f"{admin.url}/manage/{_manage_token(admin, 'marieke@example.nl')}?lang={lang}")
    when = page.locator("article time")
    expect(when).to_have_text(re.compile(rf"^\d{{1,2}} {month} \d{{4}}$"))
    to_page = page.get_by_role("link", name="Beter slapen na een massage")
    expect(to_page).to_have_attribute("href", "https://www.massage.example/blog/slapen")
    expect(page.get_by_role("link", name=back)).to_have_attribute(
        "href", "https://www.massage.example/"
    )
    save_screenshot(page, f"reader-manage-dates-{lang}")

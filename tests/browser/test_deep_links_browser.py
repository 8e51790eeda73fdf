"""Links that land: a feed's link to PAGE#chorus-comment-N opens the post with comment N focused.

The comments live in the widget's shadow root, where the browser's own jump to an id cannot
reach; the widget has to find the comment, scroll to it, mark it and focus it. Real Chromium
against the service on a free port; every wait is one of Playwright's expectations.
"""

from __future__ import annotations

from typing import Any

import httpx2 as httpx
import pytest
from playwright.sync_api import Page, expect

import settings
from service import signing
from tests.conftest import save_screenshot

pytestmark = pytest.mark.browser

POST = "/demo/magnesium-en-slaap"
STORY = (
    "Ik sliep al maanden slecht en las dit stuk over magnesium. Na twee weken merkte ik dat ik "
    "rustiger werd in de avond. Nu slaap ik meestal door tot de wekker. Dank voor het delen!"
)
# Polled from the page's start, so before the widget's script has made its shadow root too.
FOCUSED = """() => {
  const active = document.querySelector("#chorus-comments").shadowRoot?.activeElement;
  return active ? active.parentElement.id : null;
}"""


@pytest.fixture(autouse=True)
def many_readers(monkeypatch: pytest.MonkeyPatch, page: Page) -> None:
    """Twelve stories from one address in a second; people do not post that fast."""
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    page.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)


def seed(live_server: Any, owner: dict[str, str]) -> tuple[list[int], str]:
    """Twelve approved stories on the demo post, the eleventh a testimonial; its feed link."""
    ids = []
    with httpx.Client(base_url=live_server.url, timeout=10) as client:
        for n in range(12):
            data = {
                "page": POST,
                "page_title": "Magnesium en slaap",
                "page_url": live_server.url + POST,
                "author": f"Lezer {n}",
                "body": f"Verhaal {n}. {STORY}",
                "consent": True,
                "lang": "nl",
                "form_token": signing.form_token(),  # single-use: one per post
            }
            answer = client.post("/api/comments", json=data)
            assert answer.status_code == 202, answer.text
            ids.append(int(answer.json()["id"]))
            done = client.post(f"/admin/api/comments/{ids[-1]}/approve", headers=owner)
            assert done.status_code == 200, done.text
        excerpt = {"excerpt": "Nu slaap ik meestal door tot de wekker."}
        promoted = client.post(
            f"/admin/api/comments/{ids[10]}/promote", headers=owner, json=excerpt
        )
        assert promoted.status_code == 200, promoted.text
        [item] = client.get("/feeds/testimonials.json").json()["items"]
    return ids, item["url"]


def test_a_feed_link_opens_the_post_with_the_comment_focused(
    page: Page, live_server: Any, owner: dict[str, str]
) -> None:
    ids, link = seed(live_server, owner)
    assert link == f"{live_server.url}{POST}#chorus-comment-{ids[10]}"
    page.goto(link)
    target = page.locator(f"#chorus-comments li#c{ids[10]} > article")
    expect(target).to_have_class("linked")
    expect(target).to_be_in_viewport()
    page.wait_for_function(f"() => ({FOCUSED})() === 'c{ids[10]}'")
    expect(page.locator(f"#chorus-comments li#c{ids[0]} > article")).not_to_be_in_viewport()
    expect(page.locator("#chorus-comments article.linked")).to_have_count(1)
    save_screenshot(page, "deep-link-focused-comment")

    # Another comment's link on the same page moves the focus there too.
    page.evaluate(f"location.hash = '#chorus-comment-{ids[2]}'")
    page.wait_for_function(f"() => ({FOCUSED})() === 'c{ids[2]}'")
    expect(page.locator(f"#chorus-comments li#c{ids[2]} > article")).to_be_in_viewport()


def test_the_homepage_testimonial_links_to_the_whole_story(
    page: Page, live_server: Any, owner: dict[str, str]
) -> None:
    ids, link = seed(live_server, owner)
    page.goto(live_server.url + "/demo/")
    card = page.locator("#chorus-testimonials figure")
    card.scroll_into_view_if_needed()
    expect(card.locator("blockquote")).to_have_text("… Nu slaap ik meestal door tot de wekker. …")
    whole = card.get_by_role("link", name="Lees het hele verhaal")
    expect(whole).to_have_attribute("href", link)
    save_screenshot(page, "testimonial-passage-with-link")
    whole.click()
    page.wait_for_function(f"() => ({FOCUSED})() === 'c{ids[10]}'")

"""The host page does not jump: the widgets cause no layout shift on the demo site.

A shift that moves what a reader is looking at is counted by the browser as cumulative layout
shift (CLS), which search engines weigh in the owner's own ranking. These tests sum the page's
`layout-shift` entries in real Chromium, from the first paint until the comments (or the
testimonials) are shown and the reader has scrolled to them, on a phone and on a desktop. The
service's answer is held back until the page has been drawn, as on a slow connection, so it
arrives after the form is already on screen: the moment a careless widget makes the page jump.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx2 as httpx
import pytest
from playwright.sync_api import Page, Route, expect

import settings
from service import signing

pytestmark = pytest.mark.browser

POST = "/demo/en/magnesium-and-sleep"
# Google's "good" is CLS <= 0.1; the widget's own share should be nothing at all.
MOST = 0.01
# Every layout-shift entry since the page began, except those right after the reader's input.
COUNT_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }
}).observe({ type: "layout-shift", buffered: true });
"""
# Two animation frames: whatever changed has been laid out and painted, and its shift reported.
PAINTED = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
# By the page's clock, in animation frames: the page's CSP allows no eval for a waiting function.
WAIT_A_SECOND = """new Promise((done) => {
  const until = performance.now() + 1000;
  const tick = () => (performance.now() > until ? done() : requestAnimationFrame(tick));
  tick();
})"""
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1350, "height": 940}}
Held = Callable[[], None]


@pytest.fixture(autouse=True)
def quick_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seeding posts many comments from one address in milliseconds; a person does not."""
    monkeypatch.setattr(settings, "FORM_MIN_SECONDS", 0)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)


@dataclass(frozen=True)
class Site:
    post: str  # the demo post's address, with the thread on it
    home: str  # the demo homepage's, with the testimonials widget
    last: int  # the id of the last comment in the thread


@pytest.fixture
def site(live_server: Any, owner: dict[str, str]) -> Iterator[Site]:
    """A post with several approved comments, a reply, an owner's answer and four testimonials."""
    with httpx.Client(base_url=live_server.url, timeout=10) as client:

        def approved(author: str, body: str, **fields: Any) -> int:
            data = {"page": POST, "author": author, "body": body, "lang": "en", **fields}
            data["form_token"] = signing.form_token()
            answer = client.post("/api/comments", json=data)
            assert answer.status_code == 202, answer.text
            comment_id = int(answer.json()["id"])
            done = client.post(f"/admin/api/comments/{comment_id}/approve", headers=owner)
            assert done.status_code == 200, done.text
            return comment_id

        story = "Three weeks of magnesium and I sleep through until the alarm. " * 4
        first = approved("Marieke", story, consent=True, rating=5)
        second = approved("Joost", "Nothing changed for me, but the routine helped. " * 3)
        fourth = approved(
            "Lotte", "Magnesium in the evening and no coffee after eight.", consent=True
        )
        approved("Anna", "Same here: the phone out of the bedroom did most of it.", parent=second)
        third = approved("Sanne", story + "My calves stopped cramping, too.", consent=True)
        fifth = approved(
            "Ruud", "Oats in the evening, and I sleep deeper. " * 3, consent=True, rating=4
        )
        last = approved("Kees", "Bisglycinate was easier on my stomach than citrate. " * 2)
        for comment_id in (first, third, fourth, fifth):
            promoted = client.post(f"/admin/api/comments/{comment_id}/promote", headers=owner)
            assert promoted.status_code == 200, promoted.text
        reply = client.post(
            f"/admin/api/comments/{second}/reply", headers=owner, json={"body": "Thank you!"}
        )
        assert reply.status_code in (200, 201), reply.text
        yield Site(live_server.url + POST, live_server.url + "/demo/en/", last)


@contextmanager
def device_page(browser: Any, device: dict[str, Any], held: str) -> Iterator[tuple[Page, Held]]:
    """A page on `device` that counts layout shifts, with the answers to `held` held back."""
    context = browser.new_context(**device)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.add_init_script(COUNT_SHIFTS)
    routes: list[Route] = []
    page.route(held, lambda route: routes.append(route))

    def release() -> None:
        """Let the held answer through, once it was asked for, a second from now."""
        while not routes:
            page.wait_for_event("request")
        # A shift within half a second of the reader's scrolling is not counted on a phone:
        # it looks like their own doing. A slow network takes longer than that.
        page.evaluate(WAIT_A_SECOND)
        routes.pop().continue_()

    try:
        yield page, release
    finally:
        page.unroute_all(behavior="ignoreErrors")
        context.close()


def shifted(page: Page) -> list[float]:
    page.evaluate(PAINTED)
    return list(page.evaluate("window.__shifts"))


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_comments_arriving_move_nothing_on_the_page(
    browser: Any, site: Site, device: dict[str, Any]
) -> None:
    with device_page(browser, device, "**/api/comments?page=*") as (page, release):
        page.goto(site.post, wait_until="load")
        page.evaluate(PAINTED)
        widget = page.locator("#chorus-comments")
        # The reader scrolls until the top of the widget is near the top of the screen, and
        # looks at the form while the comments are on their way.
        page.evaluate(f"scrollTo(0, {widget.evaluate('host => host.offsetTop')} - 80)")
        expect(widget.get_by_label("Name", exact=True)).to_be_in_viewport()
        page.evaluate(PAINTED)
        release()
        expect(widget.get_by_text("My calves stopped cramping")).to_be_attached()
        page.evaluate(PAINTED)
        # Then on, to read them.
        widget.locator("article", has_text="Kees").scroll_into_view_if_needed()
        expect(widget.get_by_text("Thank you!")).to_be_visible()
        shifts = shifted(page)
        assert sum(shifts) <= MOST, shifts


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_link_to_a_comment_scrolls_to_it_without_moving_the_page(
    browser: Any, site: Site, device: dict[str, Any]
) -> None:
    with device_page(browser, device, "**/api/comments?page=*") as (page, release):
        page.goto(f"{site.post}#chorus-comment-{site.last}", wait_until="load")
        page.evaluate(PAINTED)
        release()
        linked = page.locator(f"#chorus-comments li#c{site.last} > article")
        expect(linked).to_be_focused()
        expect(linked).to_be_in_viewport()
        shifts = shifted(page)
        assert sum(shifts) <= MOST, shifts


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_testimonials_arriving_move_nothing_on_the_homepage(
    browser: Any, site: Site, device: dict[str, Any]
) -> None:
    with device_page(browser, device, "**/api/testimonials*") as (page, release):
        page.goto(site.home, wait_until="load")
        page.evaluate(PAINTED)
        release()
        expect(page.locator("#chorus-testimonials figure")).to_have_count(4)
        shifts = shifted(page)
        assert sum(shifts) <= MOST, shifts

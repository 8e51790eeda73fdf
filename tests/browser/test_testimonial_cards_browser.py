"""Homepage testimonial cards people trust: initials, date, quotation mark, rating and a link to
the whole story under its post, in the grid, the carousel and the JSON-LD; both languages,
light and dark, desktop and phone, with screenshots for a person to look at.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_widget_browser import (  # noqa: F401 (fixtures used by name)
    TESTIMONIALS,
    Service,
    quick_readers,
    service,
    visit,
    widget,
)
from tests.conftest import save_screenshot

pytestmark = pytest.mark.browser

STORY = {
    "nl": "Sinds de massages slaap ik weer hele nachten door. Sanne neemt echt de tijd.",
    "en": "Since the massages I sleep through the night again. Sanne really takes her time.",
}
POST_URL = "https://www.massage.example/blog/slapen"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1100, 375])
def test_cards_show_initials_date_quote_rating_and_the_whole_story(
    page: Page,
    service: Service,  # noqa: F811 (the fixture imported above)
    lang: str,
    scheme: str,
    width: int,
) -> None:
    home = "/demo/" if lang == "nl" else "/demo/en/"
    first = service.testimonial(
        author="Marieke de Vries",
        body=STORY[lang],
        rating=5,
        page_url=POST_URL,
        page_title="Beter slapen",
    )
    second = service.testimonial(
        "/demo/elders", author="Joost", body=STORY[lang].split(". ")[0] + "!", rating=4
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    visit(page, service.url + home, TESTIMONIALS)
    t = widget(page, TESTIMONIALS)
    cards = t.locator("figure")
    expect(cards).to_have_count(2)
    marieke = cards.nth(1)  # newest first
    expect(marieke.locator("i")).to_have_text("MV")
    expect(marieke.locator("i")).to_have_attribute("aria-hidden", "true")
    expect(cards.nth(0).locator("i")).to_have_text("J")
    expect(marieke.locator("img")).to_have_count(0)  # never a third-party avatar
    expect(marieke.locator("time")).to_have_attribute("datetime", re.compile("^20"))
    expect(marieke.locator("time")).not_to_be_empty()
    stars = {"nl": "5 van 5 sterren", "en": "5 out of 5 stars"}[lang]
    expect(marieke.get_by_role("img", name=stars)).to_be_visible()
    mark = marieke.locator("blockquote").evaluate(
        "node => getComputedStyle(node, '::before').content"
    )
    assert mark == '"“"'
    read = {"nl": "Lees het hele verhaal", "en": "Read the whole story"}[lang]
    link = marieke.get_by_role("link", name=read)
    expect(link).to_have_attribute("href", f"{POST_URL}#chorus-comment-{first}")
    expect(cards.nth(0).get_by_role("link", name=read)).to_have_count(0)  # no post address
    # Every story can be reported; only the report link is left where there is no post.
    report = {"nl": "Meld het verhaal van Joost", "en": "Report the story by Joost"}[lang]
    expect(cards.nth(0).get_by_role("link")).to_have_count(1)
    expect(cards.nth(0).get_by_role("link", name=report)).to_have_attribute(
        "href", re.compile(rf"/report/{second}\?lang={lang}$")
    )
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width
    suffix = f"{lang}-{scheme}-{'phone' if width < 600 else 'desktop'}"
    save_screenshot(t, f"testimonial-cards-{suffix}")

    data = json.loads(
        page.locator('script[type="application/ld+json"]').last.text_content() or "[]"
    )
    by_author = {review["author"]["name"]: review for review in data}  # display names
    assert by_author["Marieke V."]["url"] == f"{POST_URL}#chorus-comment-{first}"
    assert by_author["Marieke V."]["reviewRating"]["ratingValue"] == 5
    assert "url" not in by_author["Joost"] and second

    visit(page, service.url + home + "?layout=carousel", TESTIMONIALS)
    slide = widget(page, TESTIMONIALS).get_by_role("group")
    expect(slide.locator("i")).to_have_text("J")
    widget(page, TESTIMONIALS).get_by_role(
        "button", name={"nl": "Volgende", "en": "Next"}[lang]
    ).click()
    expect(
        widget(page, TESTIMONIALS).get_by_role("group").get_by_role("link", name=read)
    ).to_be_visible()
    save_screenshot(widget(page, TESTIMONIALS), f"testimonial-carousel-{suffix}")

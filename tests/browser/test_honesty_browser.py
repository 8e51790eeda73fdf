"""The honesty line and the policy link under the testimonial wall, in real Chromium.

The wall sits on a page of the owner's (served here by the browser itself, on the service's
origin: Chromium keeps a public origin from loading scripts off the loopback address). With
data-summary the widget fetches its second module and says what became of every story received,
numbers written as each language writes them; without it, that module is never fetched. The link
under the wall always leads to the review policy in the page's language.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

import settings
from tests.browser.test_widget_browser import (  # noqa: F401 (fixtures used by name)
    TESTIMONIALS,
    Service,
    quick_readers,
    service,
    widget,
)

pytestmark = pytest.mark.browser


def owners_home(page: Page, service: Service, lang: str, summary: bool) -> list[str]:  # noqa: F811
    """Open the owner's homepage with the wall on it; returns the widget files the page fetched."""
    option = ' data-summary="true"' if summary else ""
    html = (
        f'<!doctype html><html lang="{lang}"><head><title>Praktijk</title></head><body>'
        f'<div id="chorus-testimonials"></div><script src="{service.url}/widget/testimonials.js"'
        f' data-lazy="false"{option}></script></body></html>'
    )

    def fulfil(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    home = f"{service.url}/owners-home"
    page.route(home, fulfil)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(home)
    return fetched


def seed(service: Service) -> None:  # noqa: F811
    for body, rating in (
        ("De massage was heerlijk ontspannend.", 5),
        ("Ik vond het te duur voor wat het was.", 4),
        ("Een fijne plek om tot rust te komen.", 5),
    ):
        service.testimonial(body=body, rating=rating)
    private = service.post(body="Bel mijn buurvrouw op 06 12345678.", consent=True)
    service.act(private, "reject")


@pytest.fixture(autouse=True)
def small_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "TESTIMONIAL_MIN_COUNT", 3)


@pytest.mark.parametrize(
    ("lang", "line", "link"),
    [
        (
            "nl",
            "4 ervaringen ontvangen · 3 gepubliceerd · gemiddeld 4,7 van 5 uit 3 beoordelingen",
            "Zo gaan we om met ervaringen",
        ),
        (
            "en",
            "4 stories received · 3 published · average 4.7 out of 5 from 3 ratings",
            "How we handle stories",
        ),
    ],
)
def test_the_summary_line_counts_every_story_and_links_to_the_policy(
    page: Page,
    service: Service,  # noqa: F811
    lang: str,
    line: str,
    link: str,
) -> None:
    seed(service)
    fetched = owners_home(page, service, lang, summary=True)
    wall = widget(page, TESTIMONIALS)
    expect(wall.locator("figure")).to_have_count(3)
    footer = wall.locator("p.honesty")
    expect(footer).to_have_text(f"{line} · {link}")
    assert any(url.endswith("/widget/summary.js") for url in fetched)
    footer.get_by_role("link", name=link).click()
    expect(page).to_have_url(f"{service.url}/reviews/policy?lang={lang}")
    expect(page.get_by_role("heading", level=1)).to_have_text(link)


def test_without_data_summary_only_the_policy_link_shows(
    page: Page,
    service: Service,  # noqa: F811
) -> None:
    seed(service)
    fetched = owners_home(page, service, "nl", summary=False)
    wall = widget(page, TESTIMONIALS)
    expect(wall.locator("figure")).to_have_count(3)
    expect(wall.locator("p.honesty")).to_have_text("Zo gaan we om met ervaringen")
    assert not any("summary" in url for url in fetched)


def test_below_the_minimum_the_line_shows_no_average(
    page: Page,
    service: Service,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "TESTIMONIAL_MIN_COUNT", 4)
    seed(service)
    owners_home(page, service, "nl", summary=True)
    footer = widget(page, TESTIMONIALS).locator("p.honesty")
    expect(footer).to_have_text(
        "4 ervaringen ontvangen · 3 gepubliceerd · Zo gaan we om met ervaringen"
    )

"""The testimonials widget's JSON-LD as a search engine reads it: parsed as JSON and held to the
schema.org shape of a Review, published only for stars the page shows.

The host page is an owner's page of her own, embedding the widget from the live service with
its data-* options, as a real site would.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.test_widget_browser import (  # noqa: F401 (fixtures used by name)
    TESTIMONIALS,
    Service,
    quick_readers,
    service,
    widget,
)

pytestmark = pytest.mark.browser

# Routed by the browser, never asked of the service: Chromium keeps a page on a public address
# from loading the widget from a loopback one (Private Network Access), so the owner's page
# stands on the live server's origin.
HOST_PAGE = "/praktijk-sanne/"
# schema.org's properties of Review and Rating that the widget may use (each one's domain
# includes the type); anything else is a typo or a property that type does not have.
REVIEW = {
    "@context",
    "@type",
    "itemReviewed",
    "author",
    "url",
    "reviewBody",
    "datePublished",
    "reviewRating",
}
RATING = {"@type", "ratingValue", "bestRating", "worstRating"}


def host(page: Page, served: Service, **options: str) -> None:
    """Open the owner's page with the testimonials widget configured by `options`."""
    attributes = " ".join(f'data-{name}="{value}"' for name, value in options.items())
    html = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        "<title>Praktijk Sanne</title></head><body><h1>Praktijk Sanne</h1>"
        '<div id="chorus-testimonials"></div>'
        f'<script src="{served.url}/widget/testimonials.js" data-lazy="false" '
        f"{attributes}></script></body></html>"
    )

    def answer(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    page.route(served.url + HOST_PAGE, answer)
    page.goto(served.url + HOST_PAGE)
    expect(widget(page, TESTIMONIALS).locator("figure")).to_have_count(2)


def structured_data(page: Page) -> list[Any]:
    blocks = page.locator('script[type="application/ld+json"]')
    return [json.loads(text) for text in blocks.all_text_contents()]


def assert_review_shape(review: dict[str, Any]) -> None:
    assert set(review) <= REVIEW and review["@context"] == "https://schema.org"
    assert review["@type"] == "Review"
    assert review["itemReviewed"]["@type"] == "Organization"
    assert review["itemReviewed"]["name"] == "Praktijk Sanne"
    assert review["author"]["@type"] == "Person" and review["author"]["name"]
    assert isinstance(review["reviewBody"], str) and review["reviewBody"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
    rating = review["reviewRating"]
    assert set(rating) <= RATING and rating["@type"] == "Rating"
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"] == 5


def test_only_stories_that_show_stars_become_reviews(
    page: Page,
    service: Service,  # noqa: F811 (the fixture imported above)
) -> None:
    service.testimonial(author="Marieke", body="Eindelijk slaap ik door.", rating=4)
    service.testimonial(author="Joost", body="Een fijne, rustige praktijk.")
    host(page, service, jsonld="true")
    stars = widget(page, TESTIMONIALS).get_by_role("img", name="4 van 5 sterren")
    expect(stars).to_be_visible()
    [reviews] = structured_data(page)
    assert [r["author"]["name"] for r in reviews] == ["Marieke"]  # Joost gave no stars
    assert_review_shape(reviews[0])
    assert reviews[0]["reviewRating"]["ratingValue"] == 4


def test_hidden_stars_are_not_published(
    page: Page,
    service: Service,  # noqa: F811 (the fixture imported above)
) -> None:
    service.testimonial(author="Marieke", body="Eindelijk slaap ik door.", rating=4)
    service.testimonial(author="Joost", body="Een fijne, rustige praktijk.", rating=5)
    host(page, service, jsonld="true", ratings="false")
    expect(widget(page, TESTIMONIALS).locator(".stars")).to_have_count(0)
    assert structured_data(page) == []
    assert "ratingValue" not in page.content()

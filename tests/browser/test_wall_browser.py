"""The owner's control of the wall and the health-claim second look, in real Chromium.

On an owner's page (served by the browser itself, on the service's origin) the testimonials
widget keeps one language's or one post's stories, puts the owner's pins first, takes its
heading from `data-heading` or from its own language, and its honesty line counts every story
whatever it shows. On the moderation page a testimonial's card pins and unpins it; a seventh pin
is refused in words that name the limit; promoting a story with a health claim says why and
offers the sentences without it; a reply with a claim asks once more. Nothing sleeps.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Dialog, Page, Route, expect

import settings
from tests.browser.test_moderation_browser import admin, card, log_in, post, toast  # noqa: F401
from tests.browser.test_widget_browser import (  # noqa: F401 (fixtures used by name)
    TESTIMONIALS,
    Service,
    quick_readers,
    service,
    widget,
)
from tests.conftest import ServedApp, save_screenshot

pytestmark = pytest.mark.browser

BACK_POST = "/demo/en/magnesium-and-sleep"


@pytest.fixture
def lang() -> str:
    return "nl"


@pytest.fixture(autouse=True)
def small_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "TESTIMONIAL_MIN_COUNT", 3)


def owners_home(page: Page, service: Service, lang: str, options: str = "") -> None:  # noqa: F811
    html = (
        f'<!doctype html><html lang="{lang}"><head><title>Praktijk</title></head><body>'
        f'<div id="chorus-testimonials"></div><script src="{service.url}/widget/testimonials.js"'
        f' data-lazy="false" data-summary="true" {options}></script></body></html>'
    )

    def fulfil(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    home = f"{service.url}/owners-home"
    page.route(home, fulfil)
    page.goto(home)


def seed(service: Service) -> dict[str, int]:  # noqa: F811
    return {
        "nl_old": service.testimonial(body="Ik slaap weer hele nachten door.", rating=5),
        "en": service.testimonial(
            page=BACK_POST, body="I sleep through the night again.", rating=4, lang="en"
        ),
        "nl_new": service.testimonial(body="Een rustige plek, fijne mensen.", rating=5),
    }


def quotes(wall: Any) -> list[str]:
    return [text.strip() for text in wall.locator("blockquote").all_inner_texts()]


@pytest.mark.parametrize(
    ("lang", "options", "heading", "shown", "line"),
    [
        (
            "nl",
            'data-lang="nl"',
            "Wat lezers vertellen",
            ["Een rustige plek, fijne mensen.", "Ik slaap weer hele nachten door."],
            "3 ervaringen ontvangen · 3 gepubliceerd · gemiddeld 4,7 van 5 uit 3 beoordelingen",
        ),
        (
            "en",
            'data-lang="en"',
            "What readers say",
            ["I sleep through the night again."],
            "3 stories received · 3 published · average 4.7 out of 5 from 3 ratings",
        ),
        (
            "en",
            f'data-page="{BACK_POST}" data-heading="From our clients"',
            "From our clients",
            ["I sleep through the night again."],
            "3 stories received · 3 published · average 4.7 out of 5 from 3 ratings",
        ),
    ],
)
def test_the_wall_keeps_one_language_or_post_and_still_counts_every_story(
    page: Page,
    service: Service,  # noqa: F811
    lang: str,
    options: str,
    heading: str,
    shown: list[str],
    line: str,
) -> None:
    seed(service)
    owners_home(page, service, lang, options)
    wall = widget(page, TESTIMONIALS)
    expect(wall.locator("figure")).to_have_count(len(shown))
    expect(wall.get_by_role("heading", level=2)).to_have_text(heading)
    assert quotes(wall) == shown
    expect(wall.locator("p.honesty")).to_contain_text(line)


@pytest.mark.parametrize("value", ["", "none"])
def test_data_heading_empty_or_none_leaves_the_heading_out(
    page: Page,
    service: Service,  # noqa: F811
    value: str,
) -> None:
    seed(service)
    owners_home(page, service, "nl", f'data-heading="{value}"')
    wall = widget(page, TESTIMONIALS)
    expect(wall.locator("figure")).to_have_count(3)
    expect(wall.get_by_role("heading")).to_have_count(0)


def test_the_owners_pins_come_first_on_the_wall(
    page: Page,
    service: Service,  # noqa: F811
) -> None:
    ids = seed(service)
    service.act(ids["nl_old"], "pin")
    owners_home(page, service, "nl")
    wall = widget(page, TESTIMONIALS)
    expect(wall.locator("figure")).to_have_count(3)
    assert quotes(wall) == [
        "Ik slaap weer hele nachten door.",
        "Een rustige plek, fijne mensen.",
        "I sleep through the night again.",
    ]
    save_screenshot(wall, "wall-pinned-first")


# -- the moderation page -------------------------------------------------------------------------


def promoted(server: ServedApp, body: str, **fields: Any) -> int:
    from tests.browser.test_moderation_browser import call

    cid = post(server, body, **fields)
    call(server, f"/admin/api/comments/{cid}/approve", {}, owner=True)
    call(server, f"/admin/api/comments/{cid}/promote", {}, owner=True)
    return cid


def public_order(server: ServedApp) -> list[int]:
    from tests.browser.test_moderation_browser import call

    return [t["id"] for t in call(server, "/api/testimonials")["testimonials"]]


def test_a_testimonial_card_pins_and_unpins(admin: ServedApp, page: Page) -> None:  # noqa: F811
    older = promoted(admin, "Ik slaap weer hele nachten door na de massages.")
    newer = promoted(admin, "Een rustige plek, fijne mensen.", author="Joost")
    log_in(page, admin, path="/admin/?status=testimonials")
    story = card(page, older)
    story.get_by_role("button", name="Vastzetten bovenaan").click()
    expect(toast(page)).to_have_text("Vastgezet bovenaan.")
    story = card(page, older)
    expect(story.locator("[data-pinned]")).to_have_text("Vastgezet")
    expect(story.get_by_role("button", name="Niet meer vastzetten")).to_be_visible()
    assert public_order(admin) == [older, newer]
    save_screenshot(story, "moderation-card-pinned")
    story.get_by_role("button", name="Niet meer vastzetten").click()
    expect(toast(page)).to_have_text("Niet meer vastgezet.")
    expect(card(page, older).locator("[data-pinned]")).to_have_count(0)
    assert public_order(admin) == [newer, older]


def test_a_seventh_pin_is_refused_in_words_naming_the_limit(
    admin: ServedApp,  # noqa: F811
    page: Page,
) -> None:
    from tests.browser.test_moderation_browser import call

    ids = [promoted(admin, f"Verhaal {n}: ik slaap weer door.") for n in range(7)]
    for cid in ids[:6]:
        call(admin, f"/admin/api/comments/{cid}/pin", {}, owner=True)
    log_in(page, admin, path="/admin/?status=testimonials")
    card(page, ids[6]).get_by_role("button", name="Vastzetten bovenaan").click()
    expect(toast(page)).to_have_text(
        "Er kunnen hooguit 6 aanbevelingen vastgezet zijn. Zet er eerst een los."
    )
    expect(card(page, ids[6]).locator("[data-pinned]")).to_have_count(0)


def test_promoting_a_claim_offers_the_sentences_without_it(
    admin: ServedApp,  # noqa: F811
    page: Page,
) -> None:
    from tests.browser.test_moderation_browser import call

    body = (
        "Ik kwam binnen met een stijve nek. Na drie behandelingen is mijn migraine genezen. "
        "De praktijk is rustig en de therapeut neemt echt de tijd voor je."
    )
    cid = post(admin, body)
    call(admin, f"/admin/api/comments/{cid}/approve", {"confirm_hints": ["health_claim"]}, True)
    asked: list[str] = []

    def answer(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    log_in(page, admin, path="/admin/?status=approved")
    story = card(page, cid)
    story.get_by_text("Aanbeveling maken").click()
    story.get_by_role("button", name="Maak aanbeveling").click()
    expect(toast(page)).to_have_text(
        "Passage zonder de claim gekozen. Kijk hem na en kies ‘Maak aanbeveling’."
    )
    assert len(asked) == 1
    assert "mag je praktijk dat niet als reclame herhalen" in asked[0]
    assert "1924/2006" in asked[0]
    excerpt = story.get_by_label("Passage voor de aanbeveling")
    expect(excerpt).to_have_value(
        "De praktijk is rustig en de therapeut neemt echt de tijd voor je."
    )
    assert public_order(admin) == []
    story.get_by_role("button", name="Maak aanbeveling").click()
    expect(toast(page)).to_have_text("Aanbeveling gemaakt.")
    assert public_order(admin) == [cid]
    shown = call(admin, "/api/testimonials")["testimonials"][0]
    assert "genezen" not in shown["html"]


def test_a_reply_with_a_claim_asks_once_more_before_it_goes_out(
    admin: ServedApp,  # noqa: F811
    page: Page,
) -> None:
    from tests.browser.test_moderation_browser import call

    cid = post(admin, "Fijne massage, ik slaap beter.")
    call(admin, f"/admin/api/comments/{cid}/approve", {}, owner=True)
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    log_in(page, admin, path="/admin/?status=approved")
    story = card(page, cid)
    story.get_by_text("Antwoorden").click()
    story.get_by_label("Je antwoord").fill("Fijn dat je migraine is genezen!")
    story.get_by_role("button", name="Antwoord plaatsen").click()
    expect(toast(page)).to_contain_text("gezondheidsclaim")
    assert asked == [
        "Je antwoord bevat: Gezondheidsclaim: controleer voor gebruik als "
        "aanbeveling. Toch plaatsen?"
    ]
    replies = [c for c in call(admin, "/api/comments?page=/blog/slapen")["comments"] if c["owner"]]
    assert replies == []


def test_without_javascript_the_second_look_offers_the_passage_without_the_claim(
    admin: ServedApp,  # noqa: F811
    browser: Any,
) -> None:
    """The plain-form path: the promote form leads to a page that says why, and offers it."""
    from tests.browser.test_moderation_browser import call

    body = (
        "Ik kwam binnen met een stijve nek. Na drie behandelingen is mijn migraine genezen. "
        "De praktijk is rustig en de therapeut neemt echt de tijd voor je."
    )
    cid = post(admin, body)
    call(admin, f"/admin/api/comments/{cid}/approve", {"confirm_hints": ["health_claim"]}, True)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 900, "height": 900})
    try:
        page = context.new_page()
        log_in(page, admin, path="/admin/?status=approved")
        story = card(page, cid)
        story.get_by_text("Aanbeveling maken").click()
        story.get_by_role("button", name="Maak aanbeveling").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Nog één keer kijken")
        expect(page.locator("[data-why=health_claim]")).to_contain_text("1924/2006")
        offer = page.locator("[data-without-claim]")
        expect(offer).to_contain_text(
            "De praktijk is rustig en de therapeut neemt echt de tijd voor je."
        )
        save_screenshot(page.locator(".panel"), "second-look-health-claim")
        offer.get_by_role("button", name="Alleen deze zinnen als aanbeveling").click()
        expect(page.get_by_text("Aanbeveling gemaakt.")).to_be_visible()
        assert public_order(admin) == [cid]
    finally:
        context.close()

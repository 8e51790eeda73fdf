"""The story page as a client sees it on her phone (390 px wide) with JavaScript off: the whole
form fits, works by keyboard and mouse alone, in light and dark; and the wall then marks her
story as a verified client's."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

import settings
from service import text
from tests.browser.test_moderation_browser import call
from tests.conftest import ServedApp, save_screenshot

PHONE = {"width": 390, "height": 844}


def _phone(browser: Any, **options: Any) -> tuple[Any, Page]:
    context = browser.new_context(
        viewport=PHONE, java_script_enabled=False, is_mobile=True, has_touch=True, **options
    )
    return context, context.new_page()


def _fits(page: Page) -> None:
    """Nothing sticks out sideways: no horizontal scrolling on a phone."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width


def test_a_client_sends_her_story_on_a_phone_without_script(
    live_server: ServedApp, browser: Any
) -> None:
    made = call(live_server, "/admin/api/invites", {"name": "Joost", "lang": "nl"}, owner=True)
    context, page = _phone(browser)
    try:
        page.goto(made["url"])
        expect(page.get_by_role("heading", level=1)).to_have_text(
            f"Hoe was je behandeling bij {settings.SITE_NAME}?"
        )
        expect(page.get_by_label("Je naam")).to_have_value("Joost")
        _fits(page)
        save_screenshot(page, "story-page-phone")
        page.get_by_label("Je naam").fill("Joost de Vries")
        page.get_by_label("4 van 5 sterren").check()
        page.get_by_label("Je verhaal").fill("Rustige praktijk, goede uitleg en fijne handen.")
        page.get_by_label("Mijn verhaal mag met mijn naam als aanbeveling").check()
        page.get_by_label("Alleen mijn voorletters").check()
        page.get_by_role("button", name="Verstuur mijn verhaal").click()
        expect(page.get_by_role("status")).to_contain_text("Dank je wel voor je verhaal!")
        _fits(page)
        page.goto(made["url"])  # the link is used up now, and says so kindly
        expect(page.get_by_role("status")).to_contain_text("al een verhaal verstuurd")
        page.get_by_role("link", name="Naar de pagina voor verhalen").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Vertel over je behandeling")
    finally:
        context.close()
    [story] = call(live_server, "/admin/api/comments?status=all", owner=True)["comments"]
    assert (story["source"], story["verified"], story["rating"]) == ("invite", True, 4)


def test_a_french_client_sends_her_story_and_can_switch_to_any_other_language(
    live_server: ServedApp, browser: Any
) -> None:
    names = {"site": settings.SITE_NAME, "owner": settings.OWNER_NAME}
    say = lambda key: text.message("fr", key).format(**names)  # noqa: E731
    made = call(live_server, "/admin/api/invites", {"name": "Camille", "lang": "fr"}, owner=True)
    context, page = _phone(browser)
    try:
        page.goto(made["url"])
        expect(page.get_by_role("heading", level=1)).to_have_text(say("story.title"))
        switch = page.get_by_role("navigation", name=text.message("fr", "language.switch"))
        expect(switch.get_by_role("link")).to_have_text(
            ["Nederlands", "Deutsch", "English", "Français"]
        )
        expect(switch.get_by_role("link", name="Français")).to_have_attribute(
            "aria-current", "page"
        )
        tops = {
            round(box["y"])
            for box in (a.bounding_box() for a in switch.get_by_role("link").all())
            if box
        }
        assert len(tops) == 1, "the languages wrap onto a second line"
        _fits(page)
        save_screenshot(page, "story-page-fr-phone")
        page.get_by_label(say("story.body")).fill("Des mains expertes, je me sens bien mieux.")
        page.get_by_label(say("story.name_style_initials")).check()
        page.get_by_role("button", name=say("story.send")).click()
        expect(page.get_by_role("status")).to_contain_text(say("story.thanks")[:20])
        page.goto(f"{live_server.url}/vertel?lang=fr")
        page.get_by_role("navigation").get_by_role("link", name="Deutsch").click()
        expect(page.locator("html")).to_have_attribute("lang", "de")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Erzähl uns von")
    finally:
        context.close()
    [story] = call(live_server, "/admin/api/comments?status=all", owner=True)["comments"]
    assert (story["source"], story["lang"]) == ("invite", "fr")


def test_a_refused_story_keeps_what_the_client_typed(live_server: ServedApp, browser: Any) -> None:
    made = call(live_server, "/admin/api/invites", {"lang": "en"}, owner=True)
    context, page = _phone(browser)
    try:
        page.goto(made["url"])
        expect(page.get_by_role("heading", level=1)).to_contain_text("How was your treatment")
        page.get_by_label("Your name").fill("Joost")
        page.get_by_label("Your story").fill("Lovely.")
        page.get_by_label("Your e-mail address (optional)").fill("not-an-address@")
        # The browser's own check stops an invalid address first: skip it, as a bot would.
        page.locator("form").evaluate("form => form.setAttribute('novalidate', '')")
        page.get_by_role("button", name="Send my story").click()
        expect(page.get_by_role("alert")).to_contain_text("That did not work")
        expect(page.get_by_label("Your story")).to_have_value("Lovely.")
        expect(page.get_by_label("Your name")).to_have_value("Joost")
    finally:
        context.close()


@pytest.mark.parametrize(
    ("scheme", "background"), [("light", "rgb(255, 255, 255)"), ("dark", "rgb(29, 35, 44)")]
)
def test_the_story_page_follows_the_phones_light_or_dark_setting(
    live_server: ServedApp, browser: Any, scheme: str, background: str
) -> None:
    context, page = _phone(browser, color_scheme=scheme)
    try:
        page.goto(f"{live_server.url}/tell")
        panel = page.locator(".panel")
        assert panel.evaluate("node => getComputedStyle(node).backgroundColor") == background
        _fits(page)
        page.get_by_role("link", name="Nederlands").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Vertel over je behandeling")
    finally:
        context.close()


def test_the_wall_marks_an_invited_story_as_a_verified_client(
    live_server: ServedApp, browser: Any
) -> None:
    made = call(live_server, "/admin/api/invites", {"name": "Joost"}, owner=True)
    context, page = _phone(browser)
    try:
        page.goto(made["url"])
        page.get_by_label("Je naam").fill("Joost de Vries")
        page.get_by_label("Je verhaal").fill("Een warme, rustige praktijk.")
        page.get_by_label("Mijn verhaal mag met mijn naam als aanbeveling").check()
        page.get_by_role("button", name="Verstuur mijn verhaal").click()
        expect(page.get_by_role("status")).to_be_visible()
    finally:
        context.close()
    [story] = call(live_server, "/admin/api/comments?status=all", owner=True)["comments"]
    for step in ("approve", "promote"):
        call(live_server, f"/admin/api/comments/{story['id']}/{step}", {}, owner=True)
    context = browser.new_context(viewport=PHONE)  # the wall is the widget: script on
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/demo/")
        expect(page.locator("#chorus-testimonials figure")).to_have_count(1)
        expect(page.locator("#chorus-testimonials figcaption")).to_contain_text(
            "geverifieerde cliënt"
        )
    finally:
        context.close()

"""Consent both ways and the name a testimonial shows, in real Chromium, in Dutch and English.

Withdrawing from the widget asks once; "no" keeps the story on the homepage. Consent can then be
given again from the same tools. On the moderation page the owner shortens the name a testimonial
shows, with a quick choice or by typing, and every channel follows.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Dialog, Page, expect

from tests.browser import test_moderation_browser as moderation
from tests.browser import test_widget_browser as widget_tests
from tests.browser.test_reader_tools_browser import WORDS, post_from_widget, published_testimonials
from tests.browser.test_widget_browser import Service, visit, widget
from tests.conftest import ServedApp, save_screenshot

pytestmark = pytest.mark.browser

quick_readers = widget_tests.quick_readers
service = widget_tests.service
admin = moderation.admin
lang = moderation.lang

ASKS = {
    "nl": "Je verhaal verdwijnt van de voorpagina. Zeker?",
    "en": "Your story leaves the homepage. Sure?",
}
GIVE = {
    "nl": ("Geef opnieuw toestemming om dit als aanbeveling te tonen", "Dank je! Je verhaal mag"),
    "en": ("Give your consent again to show this as a testimonial", "Thank you! Your story may"),
}


def consent_of(service: Service, comment_id: int) -> dict[str, Any]:
    found: dict[str, Any] = service.client.get(
        f"/admin/api/comments/{comment_id}", headers=service.owner
    ).json()
    return found


@pytest.mark.parametrize("reader_lang", ["nl", "en"])
def test_withdrawing_asks_once_and_consent_can_be_given_again(
    page: Page, service: Service, reader_lang: str
) -> None:
    words = WORDS[reader_lang]
    comment_id = post_from_widget(page, service, reader_lang, "Ik slaap veel beter.", consent=True)
    service.act(comment_id, "approve")
    service.act(comment_id, "promote")
    visit(page, service.url + words["post"])
    mine = widget(page).locator(f"li#c{comment_id} > article")
    asked: list[str] = []

    def say_no(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", say_no)
    mine.get_by_role("button", name=words["withdraw"]).click()
    expect(mine.get_by_role("button", name=words["withdraw"])).to_be_visible()
    assert asked == [ASKS[reader_lang]]
    assert comment_id in published_testimonials(service)  # "no" keeps it on the homepage

    page.once("dialog", lambda dialog: dialog.accept())
    mine.get_by_role("button", name=words["withdraw"]).click()
    expect(widget(page).get_by_role("status").first).to_have_text(words["withdrawn"])
    assert comment_id not in published_testimonials(service)

    label, thanks = GIVE[reader_lang]
    mine.get_by_role("button", name=label).click()
    expect(widget(page).get_by_role("status").first).to_contain_text(thanks)
    expect(mine.get_by_role("button", name=words["withdraw"])).to_be_visible()
    found = consent_of(service, comment_id)
    assert found["consent"] is True and found["consent_withdrawn_at"] is None
    # Given again, it waits for the owner: the homepage shows it only once she promotes it.
    assert comment_id not in published_testimonials(service)
    save_screenshot(page, f"reader-gave-consent-again-{reader_lang}")


NAME_WORDS = {
    "nl": {"drawer": "Naam bij de aanbeveling", "save": "Naam opslaan", "other": "Of typ"},
    "en": {"drawer": "Name shown", "save": "Save name", "other": "Or type"},
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_owner_shortens_the_name_on_the_moderation_page(
    admin: ServedApp, page: Page, lang: str
) -> None:
    words = NAME_WORDS[lang]
    cid = moderation.post(admin, "Een heel rustige behandeling.")  # by "Marieke de Vries"
    moderation.call(admin, f"/admin/api/comments/{cid}/approve", {}, owner=True)
    moderation.call(admin, f"/admin/api/comments/{cid}/promote", {}, owner=True)
    moderation.log_in(page, admin, lang, "/admin/?status=testimonials")
    card = moderation.card(page, cid)
    card.get_by_text(words["drawer"]).click()
    card.get_by_role("radio", name="M. D. V.").check()
    card.get_by_role("button", name=words["save"]).click()
    shown = moderation.call(admin, "/api/testimonials")["testimonials"][0]["author"]
    assert shown == "M. D. V."

    card = moderation.card(page, cid)
    card.get_by_text(words["drawer"]).click()
    card.get_by_label(words["other"]).fill("Marieke")
    save_screenshot(page, f"admin-display-name-{lang}")
    card.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_role("status").first).to_be_visible()
    assert moderation.call(admin, "/api/testimonials")["testimonials"][0]["author"] == "Marieke"

    # A name that is not hers is refused, and the testimonial keeps the one it had.
    card = moderation.card(page, cid)
    card.get_by_text(words["drawer"]).click()
    card.get_by_label(words["other"]).fill("Piet Jansen")
    card.get_by_role("button", name=words["save"]).click()
    expect(
        page.get_by_text({"nl": "alleen een inkorting", "en": "only a shortening"}[lang])
    ).to_be_visible()
    assert moderation.call(admin, "/api/testimonials")["testimonials"][0]["author"] == "Marieke"

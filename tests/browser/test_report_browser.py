"""The report flow in real Chromium: a reader reports a story from the wall, the owner answers.

The Meld link under a testimonial is reached with the keyboard and named for screen readers;
following it loads the report form (a second module) in place; the service takes the report
(202); the owner finds it in the Reported tab and dismisses it. Nothing sleeps.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

import settings
from service import passwords
from tests.browser.test_honesty_browser import owners_home
from tests.browser.test_widget_browser import (  # noqa: F401 (fixtures used by name)
    EN_POST,
    NL_POST,
    Service,
    quick_readers,
    service,
    visit,
    widget,
)
from tests.conftest import save_screenshot

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "nl",
            {
                "link": "Meld het verhaal van Anna",
                "reason": "Het gaat over iemand anders zonder toestemming (privacy)",
                "message": "Uitleg",
                "send": "Melding versturen",
                "thanks": "Dank je. Je melding is ontvangen.",
            },
        ),
        (
            "en",
            {
                "link": "Report the story by Anna",
                "reason": "It is about someone else without their consent (privacy)",
                "message": "Explanation",
                "send": "Send report",
                "thanks": "Thank you. Your report was received.",
            },
        ),
    ],
)
def test_a_reader_reports_a_story_and_the_owner_dismisses_the_report(
    page: Page,
    page_problems: list[str],
    service: Service,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    words: dict[str, str],
) -> None:
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    story = service.testimonial(
        body="Mijn collega Piet Jansen kwam ook mee, en hij was blij.", confirm=("full_name",)
    )
    fetched = owners_home(page, service, lang, summary=False)
    link = page.get_by_role("link", name=words["link"])
    expect(link).to_be_visible()
    assert not any(url.endswith("/widget/report.js") for url in fetched)  # not before it is used

    # With the keyboard alone: focus the link, open the form, choose, explain, send.
    link.press("Enter")
    expect(link).to_have_attribute("aria-expanded", "true")
    page.get_by_label(words["reason"]).check()
    page.get_by_label(words["message"]).fill("Hier staat de naam en de kwaal van mijn collega.")
    save_screenshot(page.locator("#chorus-testimonials"), f"report-form-{lang}")
    with page.expect_response(lambda r: r.url.endswith("/api/reports")) as sent:
        page.get_by_role("button", name=words["send"]).click()
    assert sent.value.status == 202
    expect(page.get_by_text(words["thanks"])).to_be_visible()

    # The owner sees it in the Reported tab, with its reason and the reported text.
    page.goto(service.url + "/admin/reports")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(service.url + "/admin/reports")
    tab = page.get_by_role("link", name="Gemeld 1")
    expect(tab).to_have_attribute("aria-current", "page")
    # The seventh tab may not fit the row: the open one is scrolled into sight.
    row = page.locator(".tabs ul").bounding_box()
    shown = tab.bounding_box()
    assert row and shown and shown["x"] + shown["width"] <= row["x"] + row["width"] + 1
    reported = page.locator("[data-report]")
    expect(reported).to_have_count(1)
    expect(reported).to_contain_text("Mijn collega Piet Jansen kwam ook")
    expect(reported).to_contain_text("Privacy van een ander")
    expect(reported).to_contain_text("Hier staat de naam en de kwaal van mijn collega.")
    save_screenshot(page, f"report-tab-{lang}")
    reported.get_by_role("button", name="Melding afwijzen").click()
    expect(page.get_by_role("status")).to_contain_text("Melding afgewezen")
    expect(page.locator("[data-report]")).to_have_count(0)
    expect(page.get_by_role("link", name="Gemeld 0")).to_be_visible()

    # The same form as a page of its own, for a browser without JavaScript.
    page.goto(f"{service.url}/report/{story}?lang={lang}")
    expect(page.get_by_role("button", name=words["send"])).to_be_visible()
    expect(page.get_by_label(words["reason"])).to_be_visible()
    save_screenshot(page, f"report-page-{lang}")


@pytest.mark.parametrize(
    ("lang", "link_name", "reason", "send", "thanks"),
    [
        (
            "nl",
            "Meld de reactie van Anna",
            "Het is spam of reclame",
            "Melding versturen",
            "Dank je.",
        ),
        (
            "en",
            "Report the comment by Anna",
            "It is spam or advertising",
            "Send report",
            "Thank you.",
        ),
    ],
)
def test_a_reader_reports_a_comment_from_the_comments_widget(
    page: Page,
    service: Service,  # noqa: F811
    lang: str,
    link_name: str,
    reason: str,
    send: str,
    thanks: str,
) -> None:
    post = NL_POST if lang == "nl" else EN_POST
    service.approved(page=post, author="Anna", body="Koop nu goedkope pillen op mijn site.")
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    visit(page, service.url + post)
    link = widget(page).get_by_role("link", name=link_name)
    expect(link).to_be_visible()
    assert not any(url.endswith("/widget/report.js") for url in fetched)
    link.press("Enter")
    expect(link).to_have_attribute("aria-expanded", "true")
    widget(page).get_by_label(reason).check()
    explanation = "Uitleg" if lang == "nl" else "Explanation"
    widget(page).get_by_label(explanation).fill("Reclame voor pillen, geen ervaring.")
    save_screenshot(widget(page), f"report-comment-form-{lang}")
    with page.expect_response(lambda r: r.url.endswith("/api/reports")) as sent:
        widget(page).get_by_role("button", name=send).click()
    assert sent.value.status == 202
    expect(widget(page).get_by_text(thanks)).to_be_visible()
    # Without JavaScript the same link leads to the report page of that comment.
    reported = sent.value.request.post_data_json["comment_id"]
    assert link.get_attribute("href") == f"{service.url}/report/{reported}?lang={lang}"

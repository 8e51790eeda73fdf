"""A privacy request in real headless Chromium: find a reader, download the JSON, erase; nl and en.

The owner logs in, looks the address up, saves the export, erases (deleting in Dutch, keeping
the comments as "a reader" in English), and then the homepage's testimonials and their JSON-LD
no longer name the reader. Screenshots at desktop and phone width, light and dark.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx2 as httpx
import pytest
from playwright.sync_api import Page, expect

import settings
from service import passwords, signing, text
from tests.conftest import ADMIN_TOKEN, LiveServer, save_screenshot
from tests.http.test_notify import Inbox, inbox  # noqa: F401  (the SMTP fixture)

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)
OWNER = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
ANNA = "anna.geheim@example.nl"
PAGE = "/blog/slapen"


@pytest.fixture
def admin(
    live_server: LiveServer,
    page: Page,
    page_problems: list[str],
    monkeypatch: pytest.MonkeyPatch,
    inbox: Inbox,  # noqa: F811  (a mail server: Anna's reply subscription needs one)
) -> Iterator[Any]:
    """The live server with a known password; the page reports any CSP violation or script error."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    page.set_default_timeout(10_000)
    page.emulate_media(color_scheme="light")
    yield live_server


def _testimonial(api: httpx.Client, **fields: Any) -> int:
    """A reader's story, approved and promoted by the owner through the API."""
    data = {
        "form_token": signing.form_token(),
        "page": PAGE,
        "page_title": "Beter slapen",
        "page_url": "https://www.massage.example/blog/slapen",
        "body": "Sinds de massages slaap ik weer hele nachten door.",
        "consent": True,
        "rating": 5,
        "lang": "nl",
        **fields,
    }
    answer = api.post("/api/comments", json=data)
    assert answer.status_code == 202, answer.text
    cid = int(answer.json()["id"])
    for step in ("approve", "promote"):
        assert api.post(f"/admin/api/comments/{cid}/{step}", headers=OWNER).status_code == 200
    return cid


def _seed(server: LiveServer) -> tuple[int, int]:
    """Anna, who asks for her data, with a reply subscription; Bram, who stays."""
    with httpx.Client(base_url=server.url, timeout=10) as api:
        anna = _testimonial(
            api,
            author="Anna Geheim",
            email=ANNA,
            website="https://anna-geheim.example",
            body="Na drie behandelingen slaap ik weer door. Sanne neemt echt de tijd.",
            notify_replies=True,
        )
        bram = _testimonial(api, author="Bram Blijft", email="bram@example.nl")
    return anna, bram


def _homepage_reviewers(browser: Any, server: LiveServer, lang: str) -> list[str]:
    """The authors the homepage's testimonials widget names in its JSON-LD, for a new visitor.

    A new browser each time: a returning visitor's browser may keep the public answer for its
    max-age (60 s), as the cache headers allow.
    """
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url + ("/demo/" if lang == "nl" else "/demo/en/"))
        page.locator("#chorus-testimonials").scroll_into_view_if_needed()
        data = page.locator('head script[type="application/ld+json"]')
        expect(data).to_have_count(1)
        reviews = json.loads(data.text_content() or "[]")
    finally:
        context.close()
    return sorted(review["author"]["name"] for review in reviews)


def _fits(page: Page) -> None:
    """Nothing sticks out sideways: the page never scrolls horizontally."""
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_owner_finds_exports_and_erases_a_reader(
    admin: LiveServer,
    browser: Any,
    page: Page,
    words: dict[str, str],
    lang: str,
    tmp_path: Path,
) -> None:
    anna, bram = _seed(admin)
    # The wall shows each name shortened (their display names): the full ones never leave.
    assert _homepage_reviewers(browser, admin, lang) == ["Anna G.", "Bram B."]

    page.goto(admin.url + "/admin/privacy")
    expect(page).to_have_url(f"{admin.url}/admin/login?next={quote('/admin/privacy', safe='')}")
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["login"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title_privacy"])
    expect(page.get_by_role("link", name=words["nav_privacy"])).to_have_attribute(
        "aria-current", "page"
    )

    # Find: everything tied to the address, and nothing of Bram.
    page.get_by_label(words["privacy_email"]).fill(ANNA)
    page.get_by_role("button", name=words["privacy_find"]).click()
    expect(
        page.get_by_role("heading", name=words["privacy_found"].format(email=ANNA))
    ).to_be_visible()
    # The search was posted: the address is in no URL (nor in the history or an access log).
    expect(page).to_have_url(admin.url + "/admin/privacy")
    comments = page.locator("#privacy-comments tbody tr")
    expect(comments).to_have_count(1)
    expect(comments).to_contain_text(f"#{anna} Anna Geheim")
    expect(comments).to_contain_text(words["status_approved"])
    expect(page.locator("#privacy-consents tbody tr")).to_contain_text(words["consent_in_force"])
    expect(page.locator("#privacy-subscriptions tbody tr")).to_contain_text(
        words["subscription_unconfirmed"]
    )
    expect(page.locator("#privacy-log tbody tr")).to_have_count(2)
    expect(page.get_by_text("Bram Blijft")).to_have_count(0)
    _fits(page)
    save_screenshot(page, f"privacy-{lang}-found-desktop")

    # Export: one JSON file, as the owner API gives it.
    with page.expect_download() as download_info:
        page.get_by_role("button", name=words["privacy_export"]).click()
    download = download_info.value
    assert download.suggested_filename == "chorus-reader.json"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    exported = json.loads(saved.read_text())
    assert exported["email"] == ANNA and [c["id"] for c in exported["comments"]] == [anna]
    assert exported["comments"][0]["consent_version"] and exported["subscriptions"]

    # Erase: a choice and a ticked box first; the browser holds the form back without them.
    keep = lang == "en"
    erase = page.get_by_role("button", name=words["privacy_erase_button"])
    erase.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title_privacy"])
    assert page.locator("#erase-form input[name=keep_anonymised]").first.evaluate(
        "input => input.validity.valueMissing"
    )
    choice = words["privacy_keep_anonymised" if keep else "privacy_keep_delete"]
    page.get_by_role("radio", name=choice).check()
    confirm = page.get_by_label(words["privacy_confirm"])
    assert confirm.evaluate("input => input.validity.valueMissing")
    confirm.check()
    save_screenshot(page, f"privacy-{lang}-erase-ready")
    erase.click()

    done = page.get_by_role("status").filter(has_text=words["privacy_erased"])
    expect(done).to_be_visible()
    how = "anonymised" if keep else "deleted"
    expect(done.locator("li")).to_have_text(
        [
            text.section(lang, "admin")[f"privacy_erased_{how}_one"],
            text.section(lang, "admin")["privacy_erased_subscriptions_one"],
            text.section(lang, "admin")["privacy_erased_log_other"].format(n=2),
        ]
    )
    assert "anna" not in page.url.lower()
    save_screenshot(page, f"privacy-{lang}-erased")

    # Nothing of her is left to find, and the homepage names only Bram.
    page.get_by_label(words["privacy_email"]).fill(ANNA)
    page.get_by_role("button", name=words["privacy_find"]).click()
    expect(page.locator("#privacy-nothing")).to_have_text(
        words["privacy_nothing"].format(email=ANNA)
    )
    page.goto(admin.url + "/admin/activity")
    expect(page.locator("table.log tbody tr").first).to_contain_text(words["log_erase"])
    expect(page.get_by_text("Anna Geheim")).to_have_count(0)
    assert _homepage_reviewers(browser, admin, lang) == ["Bram B."]
    with httpx.Client(base_url=admin.url, timeout=10) as api:
        kept = api.get(f"/admin/api/comments/{anna}", headers=OWNER)
        assert api.get(f"/admin/api/comments/{bram}", headers=OWNER).json()["author"] == (
            "Bram Blijft"
        )
    if keep:
        assert kept.json()["author"] == "a reader" and kept.json()["testimonial"] is False
    else:
        assert kept.status_code == 404


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_privacy_page_at_phone_width_in_light_and_dark(
    admin: LiveServer, page: Page, words: dict[str, str], lang: str, scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    _seed(admin)
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(admin.url + "/admin/privacy")
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["login"]).click()
    page.get_by_label(words["privacy_email"]).fill(ANNA)
    page.get_by_role("button", name=words["privacy_find"]).click()
    expect(page.locator("#privacy-comments")).to_be_visible()
    _fits(page)
    save_screenshot(page, f"privacy-{lang}-found-phone-{scheme}")
    tags = {"runOnly": ["wcag2a", "wcag2aa", "wcag22aa"]}
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in Axe().run(page, options=tags).response["violations"]
    ]
    assert violations == []

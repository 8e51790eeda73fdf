"""The finished moderation page in real Chromium: the keyboard count, undo of every kind of
change, one way to select, dark mode, and the words in both languages, on desktop and phone.

Every wait is one of Playwright's expectations; nothing sleeps.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

import settings
from service import passwords, signing, text
from tests.browser.test_widget_browser import ONE_LANGUAGE
from tests.conftest import ADMIN_TOKEN, ServedApp, save_screenshot
from tests.helpers import english_in

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)
WORDS = {
    "nl": {"password": "Wachtwoord", "login": "Inloggen", "title": "Reacties beoordelen"},
    "en": {"password": "Password", "login": "Log in", "title": "Review comments"},
    **{
        lang: {
            "password": text.message(lang, "admin.password"),
            "login": text.message(lang, "admin.login"),
            "title": text.message(lang, "admin.title_queue"),
        }
        for lang in ("de", "fr")
    },
}


@pytest.fixture
def lang() -> str:
    """The admin language; tests that show words run in both."""
    return "nl"


@pytest.fixture
def admin(
    live_server: ServedApp,
    page: Page,
    page_problems: list[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> Iterator[ServedApp]:
    """The live server with a known password; any script error or CSP violation fails the test."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    yield live_server


def call(server: ServedApp, path: str, payload: Any = None, owner: bool = False) -> Any:
    headers = {"Content-Type": "application/json"}
    if owner:
        headers["Authorization"] = f"Bearer {ADMIN_TOKEN}"
    data = json.dumps(payload).encode() if payload is not None else None
    method = "POST" if payload is not None else "GET"
    request = urllib.request.Request(server.url + path, data, headers, method=method)
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def post(server: ServedApp, body: str, **fields: Any) -> int:
    payload = {
        "page": "/blog/slapen",
        "page_title": "Beter slapen na een massage",
        "page_url": "https://www.massage.example/blog/slapen",
        "author": "Marieke de Vries",
        "email": "marieke@example.nl",
        "body": body,
        "consent": True,
        "rating": 5,
        "form_token": signing.form_token(),  # single-use, as the widget fetches one per post
        **fields,
    }
    return int(call(server, "/api/comments", payload)["id"])


def status_of(server: ServedApp, comment_id: int) -> str:
    return str(call(server, f"/admin/api/comments/{comment_id}", owner=True)["status"])


def log_in(page: Page, server: ServedApp, lang: str = "nl", path: str = "/admin/") -> None:
    words = WORDS[lang]
    page.goto(server.url + path)
    expect(page).to_have_url(f"{server.url}/admin/login?next={quote(path, safe='')}")
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["login"], exact=True).click()
    if path.startswith("/admin/activity"):
        expect(page).to_have_url(server.url + path)
    else:
        expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    # The page script is deferred: keys pressed before DOMContentLoaded would reach no handler.
    page.wait_for_load_state("domcontentloaded")


def card(page: Page, comment_id: int) -> Any:
    return page.locator(f"#c{comment_id}")


def toast(page: Page) -> Any:
    return page.locator("#toast-text")


def undo_from_toast(page: Page) -> None:
    page.locator("#toast-undo").click()
    expect(toast(page)).to_have_text("Ongedaan gemaakt.")


# -- fewer presses ---------------------------------------------------------------------------


def test_twenty_approvals_take_twenty_presses(admin: ServedApp, page: Page) -> None:
    ids = [
        post(admin, f"Ervaring nummer {n}: fijne massage.", author=f"Lezer {n}") for n in range(20)
    ]
    log_in(page, admin)
    cards = page.locator("article.card")
    expect(cards).to_have_count(20)
    presses = 0
    for left in range(19, -1, -1):
        expect(page.locator("article.card:focus")).to_have_count(1)  # a card is ready for "a"
        page.keyboard.press("a")
        presses += 1
        expect(cards).to_have_count(left)
    assert presses == 20
    expect(page.locator("[data-empty]")).to_be_visible()
    assert {status_of(admin, i) for i in ids} == {"approved"}


# -- undo for every kind of change ---------------------------------------------------------------


def test_every_kind_of_change_is_undone_from_the_toast(admin: ServedApp, page: Page) -> None:
    story = "Fijne massage bij Sanne. Bel me op 06-12345678 als je wilt weten hoe."
    cid = post(admin, story)
    other = post(admin, "Rustige praktijk, aanrader.", author="Joost")
    # The phone number asks for a second look before approving: the owner says yes.
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, admin, path="/admin/?status=all")
    this = card(page, cid)

    # status
    this.get_by_role("button", name="Goedkeuren").click()
    expect(toast(page)).to_have_text("Goedgekeurd.")
    undo_from_toast(page)
    assert status_of(admin, cid) == "pending"
    card(page, cid).get_by_role("button", name="Goedkeuren").click()
    expect(toast(page)).to_have_text("Goedgekeurd.")

    # redaction: the cut comes back within the window
    this = card(page, cid)
    this.get_by_text("Inkorten", exact=True).click()
    area = this.get_by_label("Ingekorte tekst")
    area.evaluate(
        """(node) => { const s = node.value.indexOf("06-12345678");
                       node.focus(); node.setSelectionRange(s, s + 11); }"""
    )
    this.get_by_role("button", name="Selectie wegknippen").click()
    this.get_by_role("button", name="Inkorten opslaan").click()
    expect(toast(page)).to_have_text("Ingekort.")
    expect(card(page, cid).locator("[data-text]")).not_to_contain_text("06-12345678")
    undo_from_toast(page)
    expect(card(page, cid).locator("[data-text]")).to_contain_text("06-12345678")

    # promote, then demote
    card(page, cid).get_by_text("Aanbeveling maken", exact=True).click()
    card(page, cid).get_by_role("button", name="Maak aanbeveling").click()
    expect(toast(page)).to_have_text("Aanbeveling gemaakt.")
    expect(card(page, cid).locator(".st-testimonial")).to_be_visible()
    undo_from_toast(page)
    expect(card(page, cid).locator(".st-testimonial")).to_have_count(0)
    assert call(admin, "/api/testimonials")["testimonials"] == []
    card(page, cid).get_by_text("Aanbeveling maken", exact=True).click()
    card(page, cid).get_by_role("button", name="Maak aanbeveling").click()
    expect(toast(page)).to_have_text("Aanbeveling gemaakt.")
    card(page, cid).get_by_role("button", name="Geen aanbeveling meer").click()
    expect(toast(page)).to_have_text("Geen aanbeveling meer.")
    undo_from_toast(page)
    expect(card(page, cid).locator(".st-testimonial")).to_be_visible()

    # reply
    card(page, cid).get_by_text("Antwoorden", exact=True).click()
    card(page, cid).get_by_label("Je antwoord").fill("Dank je wel, Marieke!")
    card(page, cid).get_by_role("button", name="Antwoord plaatsen").click()
    expect(toast(page)).to_have_text("Antwoord geplaatst.")
    replies = call(admin, "/api/comments?page=/blog/slapen")["comments"]
    assert [c["owner"] for c in replies] == [False, True]
    undo_from_toast(page)
    assert [c["id"] for c in call(admin, "/api/comments?page=/blog/slapen")["comments"]] == [cid]

    # bulk
    page.goto(admin.url + "/admin/")
    expect(card(page, other)).to_be_visible()
    page.get_by_label("Alles op deze pagina selecteren").check()
    page.get_by_role("button", name="Selectie naar spam").click()
    expect(toast(page)).to_have_text("1 reactie bijgewerkt.")
    undo_from_toast(page)
    expect(card(page, other)).to_be_visible()
    assert status_of(admin, other) == "pending"

    # the undo offer stays (no timer took it away) until the next change replaces it
    page.get_by_role("button", name="Selectie naar spam").click()  # nothing selected now
    card(page, other).get_by_role("button", name="Spam").click()
    expect(page.locator("#toast-undo")).to_be_visible()
    save_screenshot(page, "moderation-undo-toast-nl")


def test_the_activity_log_undoes_the_latest_change_in_words(admin: ServedApp, page: Page) -> None:
    cid = post(admin, "Heerlijk ontspannen, dank je.")
    call(admin, f"/admin/api/comments/{cid}/approve", {}, owner=True)
    call(admin, f"/admin/api/comments/{cid}/reply", {"body": "Graag gedaan!"}, owner=True)
    log_in(page, admin, path="/admin/activity")
    rows = page.locator("table.log tbody tr")
    expect(rows.first).to_contain_text(f"antwoordde op #{cid}")
    expect(rows.nth(1)).to_contain_text(f"keurde #{cid} goed")
    expect(rows.nth(1).get_by_role("button")).to_have_count(0)  # no longer the latest change
    rows.first.get_by_role("button", name="Ongedaan maken").click()
    expect(page.get_by_role("status").first).to_contain_text("Ongedaan gemaakt.")
    expect(rows.first).to_contain_text(f"haalde het antwoord op #{cid} weg")
    assert [c["id"] for c in call(admin, "/api/comments?page=/blog/slapen")["comments"]] == [cid]


# -- one way to select -------------------------------------------------------------------------


def test_both_tools_take_a_selection_from_the_text_or_their_field(
    admin: ServedApp, page: Page
) -> None:
    story = "Ik sliep al maanden slecht. Na drie massages slaap ik weer door. Bel 06-12345678."
    cid = post(admin, story)
    call(admin, f"/admin/api/comments/{cid}/approve", {"confirm_hints": ["phone"]}, owner=True)
    log_in(page, admin, path="/admin/?status=approved")
    this = card(page, cid)

    # the excerpt picker, with a selection in its own field
    this.get_by_text("Aanbeveling maken", exact=True).click()
    excerpt = this.get_by_label("Passage voor de aanbeveling")
    excerpt.evaluate(
        """(node, words) => { const s = node.value.indexOf(words);
                              node.focus(); node.setSelectionRange(s, s + words.length); }""",
        "Na drie massages slaap ik weer door.",
    )
    this.get_by_role("button", name="Selectie gebruiken").click()
    expect(excerpt).to_have_value("Na drie massages slaap ik weer door.")
    previews = this.locator("[data-preview-text]")
    expect(previews.first).to_have_text("“Na drie massages slaap ik weer door.”")

    # the redact tool, with a selection in the displayed text
    this.get_by_text("Inkorten", exact=True).click()
    page.evaluate(
        """(id) => {
            const text = document.querySelector(`#c${id} [data-text] p`).firstChild;
            const start = text.data.indexOf("06-12345678");
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, start + 11);
            document.getSelection().removeAllRanges();
            document.getSelection().addRange(range);
        }""",
        cid,
    )
    this.get_by_role("button", name="Selectie wegknippen").click()
    redacted = story.replace("06-12345678", "[…]")
    expect(this.get_by_label("Ingekorte tekst")).to_have_value(redacted)
    expect(previews.nth(1)).to_have_text(redacted)
    save_screenshot(page, "moderation-select-preview-nl")
    this.get_by_role("button", name="Inkorten opslaan").click()
    expect(toast(page)).to_have_text("Ingekort.")
    assert call(admin, f"/admin/api/comments/{cid}", owner=True)["body"] == redacted


# -- dark mode, words, time zone: nl and en, light and dark, desktop and phone ----------------


def _seed(server: ServedApp) -> None:
    post(
        server,
        "Na drie behandelingen was mijn migraine helemaal verdwenen! Bel me op 06 12345678.",
    )
    post(server, "Fijne praktijk en Sanne neemt echt de tijd.", author="Joost", rating=4)
    posted = call(
        server,
        "/api/comments",
        {
            "page": "/blog/nek",
            "page_title": "Nekklachten en werkhouding",
            "author": "Ingrid",
            "body": "Ik heb mijn toestemming later ingetrokken.",
            "consent": True,
            "form_token": signing.form_token(),
        },
    )
    call(
        server,
        f"/api/comments/{posted['id']}/withdraw-consent",
        {"author_token": posted["author_token"]},
    )


@pytest.mark.parametrize("lang", ["nl", "en"], indirect=False)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1100, 375])
def test_the_page_in_each_language_scheme_and_width(
    admin: ServedApp, page: Page, lang: str, scheme: str, width: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    _seed(admin)
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    log_in(page, admin, lang)
    expect(page.locator("article.card")).to_have_count(3)
    expect(page.locator("article.card").first).to_be_focused()
    withdrawn = {"nl": "Toestemming ingetrokken door de schrijver", "en": "Consent withdrawn"}
    expect(page.locator("[data-consent=withdrawn]")).to_contain_text(withdrawn[lang])
    toggle = page.get_by_role("button", name={"nl": "Donker", "en": "Dark"}[lang])
    expect(toggle).to_have_attribute("aria-pressed", "true" if scheme == "dark" else "false")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(20, 24, 31)") is (scheme == "dark"), background
    assert "UTC" not in page.locator("article.card time").first.inner_text()
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page scrolls sideways: {overflow}px wide"
    if width >= 1100:  # the eight sections on one line, the owner's own controls by the name
        sections = page.locator("header nav").get_by_role("link")
        expect(sections).to_have_count(8)
        tops = {round(box["y"]) for box in (link.bounding_box() for link in sections.all()) if box}
        assert len(tops) == 1, f"the sections wrap onto {len(tops)} lines"
        brand = page.locator(".brand").bounding_box()
        logout = page.get_by_role("button", name={"nl": "Uitloggen", "en": "Log out"}[lang])
        out = logout.bounding_box()
        assert brand and out and abs(brand["y"] - out["y"]) < brand["height"]
    name = f"moderation-{lang}-{scheme}-{'phone' if width < 600 else 'desktop'}"
    save_screenshot(page, name)
    result = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag22aa"]})
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]
    ]
    assert violations == []

    page.locator("article.card").first.get_by_role(
        "button", name={"nl": "Goedkeuren", "en": "Approve"}[lang]
    ).click()
    expect(toast(page)).to_have_text({"nl": "Goedgekeurd.", "en": "Approved."}[lang])
    page.goto(admin.url + "/admin/activity")
    expect(page.locator("table.log tbody tr").first).to_contain_text(
        {"nl": "keurde #3 goed", "en": "approved #3"}[lang]
    )
    save_screenshot(page, name.replace("moderation-", "activity-"))


@pytest.mark.parametrize("lang", ["de", "fr"], indirect=False)
@pytest.mark.parametrize("width", [1100, 375])
def test_the_owner_moderates_in_german_or_french(
    admin: ServedApp, page: Page, lang: str, width: int
) -> None:
    say = lambda key: text.message(lang, key)  # noqa: E731
    _seed(admin)
    body = {
        "de": "Nach drei Wochen schlafe ich endlich wieder durch.",
        "fr": "Après trois semaines, je dors enfin à nouveau d'une traite.",
    }[lang]
    story = post(admin, body, author="Lena", lang=lang)
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, admin, lang)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("article.card")).to_have_count(4)
    withdrawn = say("admin.consent_withdrawn").split("{")[0].rstrip(" (")
    expect(page.locator("[data-consent=withdrawn]")).to_contain_text(withdrawn)
    expect(page.get_by_text(say("hint.phone")).first).to_be_visible()
    # What the owner sees (the script's own words included) holds no English sentence.
    assert english_in(page.locator("body").inner_text(), lang) == []
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page scrolls sideways: {overflow}px wide"
    # Long German words stay inside their buttons.
    spilled = page.locator("article.card button:visible, header button:visible").evaluate_all(
        "bs => bs.filter(b => b.scrollWidth > b.clientWidth + 1).map(b => b.textContent.trim())"
    )
    assert spilled == []
    # Every status tab in sight, not scrolled out of its row.
    row = page.locator("nav.tabs ul").bounding_box()
    assert row
    cut = [
        tab.inner_text()
        for tab in page.locator("nav.tabs a").all()
        if (box := tab.bounding_box()) and box["x"] + box["width"] > row["x"] + row["width"] + 1
    ]
    assert cut == []
    # With script the times keep the months the page writes in short elsewhere (8. Dez. 2026).
    time = card(page, story).locator("time")
    written = datetime.fromisoformat(str(time.get_attribute("datetime")).replace("Z", "+00:00"))
    local = written.astimezone(ZoneInfo(settings.OWNER_TIMEZONE))
    expect(time).to_contain_text(text.date(lang, local.day, local.month, local.year, short=True))
    save_screenshot(page, f"moderation-{lang}-{'phone' if width < 600 else 'desktop'}")

    card(page, story).get_by_role("button", name=say("admin.approve"), exact=True).click()
    expect(toast(page)).to_have_text(say("admin.done_approve"))
    assert status_of(admin, story) == "approved"
    # The reader's page in that language now shows it.
    host = ONE_LANGUAGE.format(page_lang=lang, script="comments.js")
    page.route(
        admin.url + "/blog/slapen",
        lambda route: route.fulfill(body=host, content_type="text/html"),
    )
    page.goto(admin.url + "/blog/slapen")
    shown = page.locator("#chorus-comments").get_by_text(body)
    expect(shown).to_be_visible()


def test_the_dark_toggle_is_remembered_in_this_browser(admin: ServedApp, page: Page) -> None:
    page.emulate_media(color_scheme="light")
    log_in(page, admin)
    toggle = page.get_by_role("button", name="Donker")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    expect(page.get_by_role("button", name="Donker")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Donker").click()
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-theme", "light")


def test_without_script_times_are_in_the_owners_zone_and_dark_follows_the_system(
    admin: ServedApp, browser: Any
) -> None:
    post(admin, "Werkt dit ook zonder script?")
    context = browser.new_context(java_script_enabled=False, color_scheme="dark")
    page = context.new_page()
    try:
        log_in(page, admin)
        shown = page.locator("article.card time").first.inner_text()
        assert shown.endswith(("CET", "CEST")), shown
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(20, 24, 31)"
    finally:
        context.close()

"""The moderation page in real headless Chromium: what the owner sees and does, keyboard first."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

import settings
from service import passwords, signing
from tests.conftest import (
    ADMIN_TOKEN,
    ServedApp,
    save_screenshot,
)

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)


@pytest.fixture
def admin(
    live_server: ServedApp, page: Page, page_problems: list[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    """The live server with a known password; the page reports any CSP violation or script error."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "ADMIN_LANG", "nl")
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    yield live_server


def post(server: ServedApp, body: str, **fields: Any) -> int:
    """A reader's comment through the public API, as a widget on the blog sends it."""
    payload = {
        "form_token": signing.form_token(),
        "page": "/blog/slapen",
        "page_title": "Beter slapen na een massage",
        "page_url": "https://www.massage.example/blog/slapen",
        "author": "Marieke de Vries",
        "email": "marieke@example.nl",
        "body": body,
        "consent": True,
        "rating": 5,
        **fields,
    }
    request = urllib.request.Request(
        f"{server.url}/api/comments",
        json.dumps(payload).encode(),
        {"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        return int(json.load(response)["id"])


def get_json(server: ServedApp, path: str, owner: bool = False) -> Any:
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"} if owner else {}
    with urllib.request.urlopen(urllib.request.Request(server.url + path, headers=headers)) as r:
        return json.load(r)


def log_in(page: Page, server: ServedApp, path: str = "/admin/") -> None:
    page.goto(server.url + path)
    expect(page).to_have_url(f"{server.url}/admin/login?next={quote(path, safe='')}")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reacties beoordelen")
    # The page script is deferred: keys pressed before DOMContentLoaded would reach no handler.
    page.wait_for_load_state("domcontentloaded")


def card(page: Page, comment_id: int) -> Any:
    return page.locator(f"#c{comment_id}")


def test_owner_approves_by_keyboard_promotes_an_excerpt_and_logs_out(
    admin: ServedApp, page: Page
) -> None:
    story = (
        "Ik sliep al maanden slecht. Na drie massages slaap ik weer hele nachten door. "
        "Sanne neemt echt de tijd."
    )
    comment_id = post(admin, story)
    log_in(page, admin)
    expect(card(page, comment_id)).to_contain_text("Na drie massages slaap ik weer")
    expect(page.locator('[data-count="pending"]')).to_have_text("1")

    expect(card(page, comment_id)).to_be_focused()  # the first card has focus on open
    page.keyboard.press("a")
    expect(page.locator("#toast-text")).to_have_text("Goedgekeurd.")
    expect(card(page, comment_id)).to_have_count(0)
    expect(page.locator('[data-count="approved"]')).to_have_text("1")
    expect(page.locator('[data-count="pending"]')).to_have_text("0")
    assert get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)["status"] == "approved"

    page.get_by_role("link", name="Goedgekeurd").click()
    page.get_by_text("Aanbeveling maken", exact=True).click()
    passage = "Na drie massages slaap ik weer hele nachten door."
    page.evaluate(
        """([id, passage]) => {
            const text = document.querySelector(`#c${id} [data-text] p`).firstChild;
            const start = text.data.indexOf(passage);
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, start + passage.length);
            document.getSelection().removeAllRanges();
            document.getSelection().addRange(range);
        }""",
        [comment_id, passage],
    )
    page.get_by_role("button", name="Selectie gebruiken").click()
    excerpt = page.get_by_label("Passage voor de aanbeveling")
    expect(excerpt).to_have_value(passage)
    page.get_by_role("button", name="Maak aanbeveling").click()
    expect(page.locator("#toast-text")).to_have_text("Aanbeveling gemaakt.")
    expect(card(page, comment_id).locator(".excerpt")).to_contain_text(passage)

    testimonials = get_json(admin, "/api/testimonials")["testimonials"]
    assert [(t["id"], t["excerpt"]) for t in testimonials] == [(comment_id, f"… {passage} …")]

    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_text("Je bent uitgelogd.")).to_be_visible()
    page.goto(admin.url + "/admin/?status=approved")
    expect(page.get_by_label("Wachtwoord")).to_be_visible()
    assert page.request.get(admin.url + "/admin/api/comments").status == 401


def test_approving_a_phone_number_asks_once_more_naming_the_hints(
    admin: ServedApp, page: Page
) -> None:
    comment_id = post(admin, "Bel me op 06-12345678. Deze massage genas mijn rugpijn.")
    log_in(page, admin)
    questions: list[str] = []

    def answer(accept: bool) -> None:
        def handle(dialog: Any) -> None:
            questions.append(dialog.message)
            dialog.accept() if accept else dialog.dismiss()

        page.once("dialog", handle)

    page.keyboard.press("j")
    answer(False)
    page.keyboard.press("a")
    expect(page.locator("#toast-text")).to_contain_text("persoonsgegevens of een gezondheidsclaim")
    expect(card(page, comment_id)).to_be_focused()
    assert get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)["status"] == "pending"
    assert "Bevat een telefoonnummer" in questions[0] and "Gezondheidsclaim" in questions[0]

    answer(True)
    page.keyboard.press("a")
    expect(page.locator("#toast-text")).to_have_text("Goedgekeurd.")
    assert len(questions) == 2
    assert get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)["status"] == "approved"


def test_excerpt_picker_refuses_rewritten_words(admin: ServedApp, page: Page) -> None:
    comment_id = post(admin, "De massage was prima, maar de koffie was koud.")
    get_json_post(admin, f"/admin/api/comments/{comment_id}/approve")
    log_in(page, admin, "/admin/?status=approved")
    page.get_by_text("Aanbeveling maken", exact=True).click()
    excerpt = page.get_by_label("Passage voor de aanbeveling")
    excerpt.fill("De massage was geweldig")
    expect(page.get_by_text("Dit is geen passage uit de tekst.")).to_be_visible()
    expect(excerpt).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Maak aanbeveling").click()
    expect(excerpt).to_be_focused()
    page.get_by_role("button", name="Hele tekst").click()
    expect(page.get_by_text("Dit is geen passage uit de tekst.")).to_be_hidden()
    assert get_json(admin, "/api/testimonials")["testimonials"] == []


def select_in(area: Any, text: str) -> None:
    """Select a passage inside a textarea, as the owner does by dragging or with shift+arrows."""
    area.evaluate(
        """(node, text) => {
            const start = node.value.indexOf(text);
            node.focus();
            node.setSelectionRange(start, start + text.length);
        }""",
        text,
    )


@pytest.mark.parametrize(
    ("name", "width"), [("queue-redact-nl", 1100), ("queue-redact-phone-nl", 375)]
)
def test_owner_cuts_a_phone_number_from_a_comment(
    admin: ServedApp, page: Page, name: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    story = "Fijne massage bij Sanne.\nBel me op 06-12345678 als je wilt weten hoe."
    comment_id = post(admin, story)
    log_in(page, admin)
    this = card(page, comment_id)
    expect(this.locator(".hints")).to_contain_text("Bevat een telefoonnummer")

    this.get_by_text("Inkorten", exact=True).click()
    area = this.get_by_label("Ingekorte tekst")
    expect(area).to_have_value(story)
    expect(this.get_by_text("typ zelf [...] op die plek")).to_be_visible()
    select_in(area, "06-12345678")
    this.get_by_role("button", name="Selectie wegknippen").click()
    redacted = "Fijne massage bij Sanne.\nBel me op […] als je wilt weten hoe."
    expect(area).to_have_value(redacted)
    expect(area).to_be_focused()
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page scrolls sideways: {overflow}px wide"
    save_screenshot(page, name)
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag22aa"]})
    assert [v["id"] for v in result.response["violations"]] == []

    this.get_by_role("button", name="Inkorten opslaan").click()
    expect(page.locator("#toast-text")).to_have_text("Ingekort.")
    expect(this.locator("[data-text]")).to_contain_text("Bel me op […] als je wilt weten hoe.")
    expect(this.locator("[data-text]")).not_to_contain_text("06-12345678")
    expect(this.locator(".hints")).to_have_count(0)
    expect(this).to_be_focused()
    shown = get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)
    assert (shown["body"], shown["status"]) == (redacted, "pending")


def test_refused_redaction_is_explained_beside_the_text(admin: ServedApp, page: Page) -> None:
    story = "Fijne massage bij Sanne. Bel me op 06-12345678."
    comment_id = post(admin, story)
    log_in(page, admin)
    this = card(page, comment_id)
    this.get_by_text("Inkorten", exact=True).click()
    area = this.get_by_label("Ingekorte tekst")
    this.get_by_role("button", name="Selectie wegknippen").click()
    expect(page.locator("#toast-text")).to_have_text(
        "Selecteer eerst wat weg moet, in de reactie of in het tekstvak."
    )
    area.fill("Geweldige massage bij Sanne. […]")
    this.get_by_role("button", name="Inkorten opslaan").click()
    error = this.locator(f"#rd{comment_id}-error")
    expect(error).to_have_text(re.compile("^Je kunt alleen stukken weghalen"))
    expect(area).to_have_attribute("aria-invalid", "true")
    expect(area).to_be_focused()
    area.fill("Fijne massage bij Sanne. [...]")
    expect(error).to_be_hidden()
    this.get_by_role("button", name="Inkorten opslaan").click()
    expect(this.locator("[data-text]")).to_have_text("Fijne massage bij Sanne. […]")
    assert get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)["body"] == (
        "Fijne massage bij Sanne. […]"
    )


def get_json_post(server: ServedApp, path: str) -> Any:
    request = urllib.request.Request(
        server.url + path, b"", {"Authorization": f"Bearer {ADMIN_TOKEN}"}, method="POST"
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def test_undo_brings_the_comment_back_and_focus_moves_to_the_next_pending(
    admin: ServedApp, page: Page
) -> None:
    older = post(admin, "Fijne praktijk, rustige sfeer.", author="Joost")
    newer = post(admin, "Koop goedkope pillen op http://spam.example", author="Bot")
    log_in(page, admin)
    expect(card(page, newer)).to_be_focused()
    page.keyboard.press("s")
    expect(page.locator("#toast-text")).to_have_text("Naar spam verplaatst.")
    expect(card(page, older)).to_be_focused()  # the next card waiting for review
    expect(page.locator('[data-count="spam"]')).to_have_text("1")
    expect(page.locator("[data-showing]")).to_have_text("1–1 van 1")

    page.get_by_role("button", name="Ongedaan maken").click()
    expect(page.locator("#toast-text")).to_have_text("Ongedaan gemaakt.")
    expect(card(page, newer)).to_be_visible()
    expect(page.locator('[data-count="spam"]')).to_have_text("0")
    expect(page.locator("[data-showing]")).to_have_text("1–2 van 2")
    assert get_json(admin, f"/admin/api/comments/{newer}", owner=True)["status"] == "pending"
    entries = get_json(admin, "/admin/api/activity", owner=True)["entries"]
    assert [e["action"] for e in entries] == ["undo", "spam"]


def test_shortcuts_help_and_no_shortcuts_while_typing(admin: ServedApp, page: Page) -> None:
    comment_id = post(admin, "Heeft u ook avondafspraken?")
    log_in(page, admin)
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Sneltoetsen")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Volgende reactie")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    search = page.get_by_label("Zoeken in naam, tekst, e-mail en pagina")
    search.click()
    page.keyboard.type("avond")  # contains an "a": typing must not approve anything
    expect(search).to_have_value("avond")
    page.keyboard.press("Enter")
    expect(card(page, comment_id)).to_be_visible()
    assert get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)["status"] == "pending"


def test_select_all_then_one_bulk_request(admin: ServedApp, page: Page) -> None:
    ids = [
        post(admin, f"Ervaring nummer {n} met de massage.", author=f"Lezer {n}") for n in range(3)
    ]
    log_in(page, admin)
    bulk_requests: list[str] = []
    page.on(
        "request",
        lambda r: bulk_requests.append(r.url) if r.url.endswith("/admin/api/bulk") else None,
    )
    page.get_by_label("Alles op deze pagina selecteren").check()
    expect(page.get_by_text("3 geselecteerd")).to_be_visible()
    page.get_by_role("button", name="Selectie goedkeuren").click()
    expect(page.locator("#toast-text")).to_have_text("3 reacties bijgewerkt.")
    expect(page.get_by_text("Niets te beoordelen.")).to_be_visible()
    assert len(bulk_requests) == 1
    for comment_id in ids:
        assert get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)["status"] == (
            "approved"
        )


def test_delete_asks_in_a_dialog_first(admin: ServedApp, page: Page) -> None:
    keep = post(admin, "Dank voor de tips!", author="Sara")
    drop = post(admin, "Gratis geld http://spam.example", author="Bot")
    log_in(page, admin)
    card(page, drop).get_by_role("link", name="Verwijderen").click()
    dialog = page.get_by_role("dialog", name="Reactie verwijderen?")
    dialog.get_by_role("button", name="Annuleren").click()
    expect(card(page, drop)).to_be_visible()
    card(page, drop).get_by_role("link", name="Verwijderen").click()
    dialog.get_by_role("button", name="Ja, verwijderen").click()
    expect(page.locator("#toast-text")).to_have_text("Verwijderd.")
    expect(card(page, drop)).to_have_count(0)
    expect(card(page, keep)).to_be_focused()
    with pytest.raises(urllib.error.HTTPError):
        get_json(admin, f"/admin/api/comments/{drop}", owner=True)


def test_works_without_javascript(admin: ServedApp, browser: Any) -> None:
    comment_id = post(admin, "Werkt dit ook zonder script?")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, admin)
        card(page, comment_id).get_by_role("button", name="Goedkeuren").click()
        expect(page.get_by_role("status")).to_contain_text("Goedgekeurd.")
        page.get_by_role("button", name="Ongedaan maken").click()
        expect(page.get_by_role("status")).to_contain_text("Ongedaan gemaakt.")
        expect(card(page, comment_id)).to_be_visible()
    finally:
        context.close()
    assert get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)["status"] == "pending"


def test_without_javascript_a_confirmation_step_names_the_hints(
    admin: ServedApp, browser: Any
) -> None:
    comment_id = post(admin, "Bel me op 06-12345678. Deze massage genas mijn rugpijn.")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, admin)
        card(page, comment_id).get_by_role("button", name="Goedkeuren").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Nog één keer kijken")
        hints = page.get_by_role("list", name="Let op")
        expect(hints).to_contain_text("Bevat een telefoonnummer")
        expect(hints).to_contain_text("Gezondheidsclaim")
        save_screenshot(page, "admin-confirm-hints-no-js")
        assert get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)["status"] == (
            "pending"
        )
        page.get_by_role("button", name="Toch goedkeuren").click()
        expect(page.get_by_role("status")).to_contain_text("Goedgekeurd.")

        page.get_by_role("link", name="Pagina's").click()
        title = page.get_by_label("Titel")
        expect(title).to_have_value("Beter slapen na een massage")
        title.fill("Slapen na een massage")
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_role("status")).to_contain_text("Pagina opgeslagen.")
        expect(page.get_by_label("Titel")).to_have_value("Slapen na een massage")
        save_screenshot(page, "admin-pages")
    finally:
        context.close()
    assert get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)["status"] == "approved"


def test_redaction_works_without_javascript(admin: ServedApp, browser: Any) -> None:
    comment_id = post(admin, "Fijne massage. Groet, Marieke de Vries uit Utrecht.")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, admin)
        this = card(page, comment_id)
        this.get_by_text("Inkorten", exact=True).click()
        expect(this.get_by_role("button", name="Selectie wegknippen")).to_be_hidden()
        area = this.get_by_label("Ingekorte tekst")
        area.fill("Fijne massage. Groet, Marieke van Dijk [...]")
        this.get_by_role("button", name="Inkorten opslaan").click()
        expect(page.locator(f"#rd{comment_id}-error")).to_contain_text("Je kunt alleen stukken")
        expect(page.get_by_label("Ingekorte tekst")).to_have_value(
            "Fijne massage. Groet, Marieke van Dijk [...]"
        )
        save_screenshot(page, "comment-redact-refused-nl")
        page.get_by_label("Ingekorte tekst").fill("Fijne massage. Groet, Marieke [...]")
        page.get_by_role("button", name="Inkorten opslaan").click()
        expect(page.get_by_role("status")).to_contain_text("Ingekort.")
        expect(card(page, comment_id)).to_contain_text("Groet, Marieke […]")
    finally:
        context.close()
    body = get_json(admin, f"/admin/api/comments/{comment_id}", owner=True)["body"]
    assert body == "Fijne massage. Groet, Marieke […]"


def _seed_queue(server: ServedApp) -> None:
    post(
        server,
        "Na drie behandelingen was mijn migraine helemaal verdwenen! Ik slaap weer als een "
        "roos.\n\nBel me gerust op 06 12345678 als je vragen hebt.",
        website="https://marieke.example",
    )
    post(server, "Fijne praktijk en Sanne neemt echt de tijd. Aanrader!", author="Joost", rating=4)
    post(
        server,
        "Ik gebruik slaappillen van de huisarts, helpt massage ook daarbij?",
        author="Ingrid",
        consent=False,
        rating=None,
        page="/blog/nek",
        page_title="Nekklachten en werkhouding",
    )


@pytest.mark.parametrize(
    ("name", "viewport"),
    [("queue-desktop-nl", (1100, 900)), ("queue-phone-nl", (375, 812))],
)
def test_queue_fits_the_screen_and_passes_axe(
    admin: ServedApp, page: Page, name: str, viewport: tuple[int, int]
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    _seed_queue(admin)
    width, height = viewport
    page.set_viewport_size({"width": width, "height": height})
    axe = Axe()
    tags = {"runOnly": ["wcag2a", "wcag2aa", "wcag22aa"]}
    page.goto(admin.url + "/admin/login")
    assert axe.run(page, options=tags).response["violations"] == []
    log_in(page, admin)
    expect(page.locator("article.card")).to_have_count(3)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page scrolls sideways: {overflow}px wide"
    save_screenshot(page, name)
    result = axe.run(page, options=tags)
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]
    ]
    assert violations == []


def test_owner_keeps_rules_that_hold_matching_comments_as_spam(
    admin: ServedApp, page: Page
) -> None:
    log_in(page, admin)
    page.get_by_role("link", name="Regels").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eigen regels")
    expect(page.get_by_text("Nog geen eigen regels.")).to_be_visible()

    page.get_by_label("Soort").select_option("domain")
    page.get_by_label("Tekst of domein").fill("geen domein")
    page.get_by_role("button", name="Regel toevoegen").click()
    expect(page.get_by_role("alert")).to_have_text("Geef een domein zoals spam.example.")
    expect(page.get_by_label("Tekst of domein")).to_have_value("geen domein")
    save_screenshot(page, "admin-rules-refused")

    page.get_by_label("Soort").select_option("word")
    page.get_by_label("Tekst of domein").fill("Casino")
    page.get_by_label("Dan").select_option("spam")
    page.get_by_role("button", name="Regel toevoegen").click()
    page.get_by_label("Soort").select_option("domain")
    page.get_by_label("Tekst of domein").fill("https://www.pillen.example/")
    page.get_by_label("Dan").select_option("queue")
    page.get_by_role("button", name="Regel toevoegen").click()
    rows = page.locator("table.rules tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("pillen.example")
    expect(rows.nth(1)).to_contain_text("casino")
    save_screenshot(page, "admin-rules")

    spam_id = post(admin, "Speel nu in het CA\u200bSINO en win")
    assert get_json(admin, f"/admin/api/comments/{spam_id}", owner=True)["status"] == "spam"
    page.get_by_role("link", name="Activiteit").click()
    expect(page.locator("table.log")).to_contain_text("Tegengehouden door regel")
    expect(page.locator("table.log")).to_contain_text("regel (woord): casino")

    page.get_by_role("link", name="Regels").click()
    page.get_by_role("button", name="Verwijderen casino").click()
    expect(rows).to_have_count(1)
    kept = post(admin, "Het casino in Scheveningen was leuk")
    assert get_json(admin, f"/admin/api/comments/{kept}", owner=True)["status"] == "pending"

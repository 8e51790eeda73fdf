"""Readers in control, in real Chromium: their own comments' tools, mail links, remembered details.

Each action is tried as a reader does it, in Dutch and in English: through the widget on the
demo posts, and through the links in mails caught by an SMTP server on loopback.
"""

from __future__ import annotations

import http.server
import re
import sqlite3
import threading
from collections.abc import Callable
from email.message import Message
from typing import Any

import httpx2 as httpx
import pytest
from playwright.sync_api import Page, Response, Route, expect

import settings
from service import text
from tests.browser import test_widget_browser as widget_tests
from tests.browser.test_widget_browser import (
    EN_POST,
    NL_POST,
    Service,
    fill_story,
    visit,
    widget,
)
from tests.conftest import save_screenshot
from tests.http.test_notify import Inbox, inbox  # noqa: F401  (the SMTP fixture)

pytestmark = pytest.mark.browser

# The widget tests' own fixtures: quick readers (for every test here) and the live service.
quick_readers = widget_tests.quick_readers
service = widget_tests.service

# What each language shows; the same flow runs with each.
WORDS = {
    "nl": {
        "post": NL_POST,
        "send": "Verstuur",
        "edit": "Bewerk je reactie",
        "save": "Bewaar",
        "withdraw": "Trek je toestemming in om dit als aanbeveling te tonen",
        "remove": "Verwijder je reactie",
        "edited": "Je wijziging verschijnt na goedkeuring.",
        "withdrawn": "Je verhaal staat niet meer als aanbeveling op deze website.",
        "removed": "Je reactie is verwijderd.",
        "too_late": "De tijd om dit te bewerken is voorbij.",
        "manage": "Mijn reacties beheren",
        "address": "Het e-mailadres bij je reacties",
        "link": "Stuur mij een link",
        "sent": "Als er reacties bij dit adres horen",
        "notify": "Mail mij als iemand op mij reageert.",
        "remember": "Onthoud mijn naam en e-mail op dit apparaat.",
        "consent": "Mijn verhaal mag met mijn naam als aanbeveling op deze website staan.",
        "reply": "Reageer op Anna",
        "wait": "Even geduld: probeer het over ",
        "unavailable": "Reacties zijn hier niet beschikbaar.",
        "loading": "Reacties laden…",
        "thanks": "Dank je wel!",
    },
    "en": {
        "post": EN_POST,
        "send": "Send",
        "edit": "Edit your comment",
        "save": "Save",
        "withdraw": "Withdraw your consent to show this as a testimonial",
        "remove": "Delete your comment",
        "edited": "Your change will appear after review.",
        "withdrawn": "Your story is no longer shown as a testimonial on this website.",
        "removed": "Your comment was deleted.",
        "too_late": "The time to edit this has passed.",
        "manage": "Manage my comments",
        "address": "The email address you gave with your comments",
        "link": "Send me a link",
        "sent": "If comments belong to this address",
        "notify": "Email me when someone replies to me.",
        "remember": "Remember my name and email on this device.",
        "consent": "My story may be shown with my name as a testimonial on this website.",
        "reply": "Reply to Anna",
        "wait": "Please wait: try again in ",
        "unavailable": "Comments are not available here.",
        "loading": "Loading comments…",
        "thanks": "Thank you!",
    },
}
LANGS = list(WORDS)


def _translated(lang: str) -> dict[str, str]:
    """What the widget shows a reader of `lang`, from its catalog, for the journey below."""
    say = lambda key: text.message(lang, key)  # noqa: E731
    return {
        "post": f"/taal/{lang}",  # a host page of that language (`host_pages` serves it)
        "send": say("widget.comments.send"),
        "edit": say("widget.mine.editLabel"),
        "save": say("widget.mine.save"),
        "withdraw": say("widget.mine.withdrawLabel"),
        "remove": say("widget.mine.removeLabel"),
        "edited": say("widget.mine.editedPending"),
        "withdrawn": say("widget.mine.withdrawn"),
        "removed": say("widget.mine.removed"),
        "too_late": say("refusal.edit_window_closed"),
        "manage": say("widget.comments.manage"),
        "address": say("widget.mine.email"),
        "link": say("widget.mine.send"),
        "sent": say("widget.mine.sent").split(",")[0],
        "consent": say("widget.comments.consent"),
        "thanks": say("widget.send.thanks").split("!")[0] + "!",  # whether it waits or is live
    }


WORDS |= {lang: _translated(lang) for lang in ("de", "fr")}
# The reader's journey (post, edit, withdraw, delete, manage by mail) in every language.
JOURNEY = list(WORDS)


@pytest.fixture
def host_pages(page: Page, service: Service) -> None:
    """A German and a French post on the host site, each with the widget in its language."""
    for lang in ("de", "fr"):
        page.route(service.url + f"/taal/{lang}", _host_page(lang))


def _host_page(lang: str) -> Callable[[Route], None]:
    host = widget_tests.ONE_LANGUAGE.format(page_lang=lang, script="comments.js")
    return lambda route: route.fulfill(body=host, content_type="text/html")


def stored(response: Response) -> bool:
    """The answer that took a post in (the widget may first fetch a fresh form token and retry)."""
    return (
        response.request.method == "POST"
        and response.url.endswith("/api/comments")
        and response.status == 202
    )


def send(page: Page, lang: str) -> Response:
    """Press Send and wait until the widget has finished with the answer.

    The 202 reaches the browser before the widget has stored what it keeps (the author token, the
    remembered reader) and thanked the reader; a reload in between would lose both.
    """
    with page.expect_response(stored) as answer:
        widget(page).get_by_role("button", name=WORDS[lang]["send"], exact=True).click()
    expect(widget(page).get_by_role("status").first).to_contain_text(WORDS[lang]["thanks"])
    return answer.value


def post_from_widget(
    page: Page, service: Service, lang: str, body: str, consent: bool = False
) -> int:
    """Post a story through the widget (so this browser holds the author token); its id."""
    words = WORDS[lang]
    visit(page, service.url + words["post"])
    fill_story(page, "Anna", body)
    if consent:
        widget(page).get_by_role("checkbox", name=words["consent"]).check()
    return int(send(page, lang).json()["id"])


def published_testimonials(service: Service) -> list[int]:
    return [t["id"] for t in service.client.get("/api/testimonials").json()["testimonials"]]


def text_of(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode().replace("\r\n", "\n")


def link_in(message: Message, path: str) -> str:
    found = re.search(r"https?://\S+?" + re.escape(path) + r"\S*", text_of(message))
    assert found, text_of(message)
    return found[0]


# -- tools on the reader's own comments ---------------------------------------------------------


@pytest.mark.parametrize("lang", JOURNEY)
def test_a_reader_withdraws_consent_and_the_story_leaves_the_testimonials(
    page: Page, host_pages: None, service: Service, lang: str
) -> None:
    words = WORDS[lang]
    comment_id = post_from_widget(page, service, lang, "Magnesium hielp mij echt.", consent=True)
    service.act(comment_id, "approve")
    service.act(comment_id, "promote")
    assert comment_id in published_testimonials(service)
    visit(page, service.url + words["post"])
    mine = widget(page).locator(f"li#c{comment_id} > article")
    page.once("dialog", lambda dialog: dialog.accept())  # it asks once (test_consent_browser.py)
    mine.get_by_role("button", name=words["withdraw"]).click()
    expect(widget(page).get_by_role("status").first).to_have_text(words["withdrawn"])
    assert comment_id not in published_testimonials(service)
    # The comment stays under the post; only the button that no longer applies is gone.
    expect(mine).to_contain_text("Magnesium hielp mij echt.")
    expect(mine.get_by_role("button", name=words["withdraw"])).to_have_count(0)
    save_screenshot(page, f"reader-withdrew-consent-{lang}")


@pytest.mark.parametrize("lang", JOURNEY)
def test_a_reader_deletes_a_comment_only_after_saying_yes(
    page: Page, host_pages: None, service: Service, lang: str
) -> None:
    words = WORDS[lang]
    comment_id = post_from_widget(page, service, lang, "Dit wil ik later weghalen.")
    mine = widget(page).locator(f"li#c{comment_id} > article")
    page.once("dialog", lambda dialog: dialog.dismiss())
    mine.get_by_role("button", name=words["remove"]).click()
    expect(mine).to_be_visible()  # "no" keeps it
    page.once("dialog", lambda dialog: dialog.accept())
    mine.get_by_role("button", name=words["remove"]).click()
    expect(widget(page).get_by_role("status").first).to_have_text(words["removed"])
    expect(widget(page).locator(f"li#c{comment_id}")).to_have_count(0)
    gone = service.client.get(f"/admin/api/comments/{comment_id}", headers=service.owner)
    assert gone.status_code == 404
    # The focus was on the button that went away; it lands on the message, not on nothing.
    focused = "document.querySelector('#chorus-comments').shadowRoot.activeElement?.textContent"
    assert page.evaluate(focused) == words["removed"]


@pytest.mark.parametrize("lang", JOURNEY)
def test_a_reader_edits_within_the_window_and_is_told_when_it_has_passed(
    page: Page,
    host_pages: None,
    service: Service,
    lang: str,
    live_server: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "all")
    words = WORDS[lang]
    comment_id = post_from_widget(page, service, lang, "Eerste versie van mijn verhaal.")
    service.act(comment_id, "approve")
    visit(page, service.url + words["post"])
    mine = widget(page).locator(f"li#c{comment_id} > article")
    mine.get_by_role("button", name=words["edit"]).click()
    area = mine.get_by_role("textbox", name=words["edit"])
    expect(area).to_be_focused()
    expect(area).to_have_value("Eerste versie van mijn verhaal.")
    area.fill("Tweede versie van mijn verhaal.")
    mine.get_by_role("button", name=words["save"]).click()
    # Published and edited under MODERATION=all: back to the queue, and the reader is told so.
    expect(widget(page).get_by_role("status").first).to_have_text(words["edited"])
    expect(mine).to_contain_text("Tweede versie van mijn verhaal.")
    queued = service.client.get(f"/admin/api/comments/{comment_id}", headers=service.owner)
    assert queued.json()["status"] == "pending"

    # The window closes while the page is open: the service refuses, in the reader's words.
    mine.get_by_role("button", name=words["edit"]).click()
    with sqlite3.connect(live_server.database_url.split("///", 1)[1]) as db:
        db.execute(
            "UPDATE comments SET created_at = '2020-01-01T00:00:00.000000Z' WHERE id = ?",
            (comment_id,),
        )
    mine.get_by_role("textbox", name=words["edit"]).fill("Te laat.")
    mine.get_by_role("button", name=words["save"]).click()
    expect(widget(page).get_by_role("status").first).to_have_text(words["too_late"])
    # Drawn again after the window, the comment offers no edit at all.
    visit(page, service.url + words["post"])
    expect(mine).to_contain_text("Tweede versie van mijn verhaal.")
    expect(mine.get_by_role("button", name=words["remove"])).to_be_visible()
    expect(mine.get_by_role("button", name=words["edit"])).to_have_count(0)


def test_other_readers_comments_get_no_tools(page: Page, service: Service) -> None:
    someone = service.approved(author="Piet", body="Van iemand anders.")
    mine = post_from_widget(page, service, "nl", "Van mij.")
    # Edit, give consent (a story posted without it may get it later) and delete.
    expect(widget(page).locator(f"li#c{mine} .tools button")).to_have_count(3)
    expect(widget(page).locator(f"li#c{someone} .tools")).to_have_count(0)


# -- from another device: the link by mail ------------------------------------------------------


@pytest.mark.parametrize("lang", JOURNEY)
def test_the_manage_link_from_a_real_mail_lists_and_deletes_the_readers_comments(
    page: Page,
    host_pages: None,
    service: Service,
    lang: str,
    inbox: Inbox,  # noqa: F811
) -> None:
    words = WORDS[lang]
    comment_id = service.approved(
        page=words["post"], email="anna@example.nl", body="Mijn verhaal over slapen.", lang=lang
    )
    inbox.received(1)  # the owner's notice about it
    visit(page, service.url + words["post"])
    widget(page).get_by_role("button", name=words["manage"]).click()
    address = widget(page).get_by_role("textbox", name=words["address"])
    expect(address).to_be_focused()
    address.fill("anna@example.nl")
    widget(page).get_by_role("button", name=words["link"]).click()
    expect(widget(page).locator(".widget > form .status")).to_contain_text(words["sent"])
    [mail] = [m for m in inbox.received(2) if m["To"] == "anna@example.nl"]
    page.goto(link_in(mail, "/manage/"))
    expect(page.locator("html")).to_have_attribute("lang", lang)  # the mail's link keeps it
    expect(page.locator("article .text")).to_have_text("Mijn verhaal over slapen.")
    save_screenshot(page, f"reader-manage-page-{lang}")
    card = page.locator("article", has_text="Mijn verhaal over slapen.")
    card.get_by_role("checkbox").check()
    card.locator("button.danger").click()
    # The page's own form works in a real browser (which sends its true Origin with it).
    expect(page.get_by_role("status")).to_be_visible()
    assert (
        service.client.get(f"/admin/api/comments/{comment_id}", headers=service.owner).status_code
        == 404
    )


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    page: Page,
    service: Service,
    inbox: Inbox,  # noqa: F811
) -> None:
    words = WORDS["en"]
    visit(page, service.url + words["post"])
    widget(page).get_by_role("button", name=words["manage"]).click()
    widget(page).get_by_role("textbox", name=words["address"]).fill("nobody@example.nl")
    widget(page).get_by_role("button", name=words["link"]).click()
    expect(widget(page).locator(".widget > form .status")).to_contain_text(
        "If comments belong to this address"
    )
    assert [m for m in inbox.messages if m["To"] == "nobody@example.nl"] == []


# -- reply notices: subscribe, confirm, hear back, unsubscribe ----------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_reader_subscribes_confirms_hears_of_a_reply_and_unsubscribes_in_one_click(
    page: Page,
    service: Service,
    lang: str,
    inbox: Inbox,  # noqa: F811
) -> None:
    words = WORDS[lang]
    visit(page, service.url + words["post"])
    notify = widget(page).get_by_role("checkbox", name=words["notify"])
    expect(notify).to_be_hidden()  # only for a reader who gives an address
    widget(page).locator("#email").fill("anna@example.nl")
    expect(notify).not_to_be_checked()  # off unless the reader asks
    notify.check()
    fill_story(page, "Anna", "Wie heeft dit ook gehad?")
    comment_id = int(send(page, lang).json()["id"])

    [confirm] = [m for m in inbox.received(2) if m["To"] == "anna@example.nl"]
    assert confirm["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    page.goto(link_in(confirm, "/replies/confirm/"))
    page.locator("button.ok").click()
    expect(page.locator("main")).to_be_visible()

    service.act(comment_id, "approve")
    service.act(comment_id, "reply", {"body": "Ja, ik herken dit."})
    [notice] = [m for m in inbox.received(3)[2:] if m["To"] == "anna@example.nl"]
    assert "> Ja, ik herken dit." in text_of(notice)
    unsubscribe = re.search(r"<(\S+)>", "".join(notice["List-Unsubscribe"].split()))
    assert unsubscribe
    # What a mail program does for the one-click button (RFC 8058): a POST, no login.
    one_click = httpx.post(unsubscribe[1], data={"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    found = service.client.post(
        "/admin/api/readers", json={"email": "anna@example.nl"}, headers=service.owner
    )
    assert found.json()["subscriptions"] == []


# -- the form: remembered details, replies, waiting, loading, a site that is not allowed ---------


@pytest.mark.parametrize("lang", LANGS)
def test_remember_me_fills_in_name_and_address_on_the_next_visit(
    page: Page, service: Service, lang: str
) -> None:
    words = WORDS[lang]
    visit(page, service.url + words["post"])
    fill_story(page, "Anna", "Onthoud mij.", email="anna@example.nl")
    widget(page).get_by_role("checkbox", name=words["remember"]).check()
    send(page, lang)
    page.reload()
    visit(page, service.url + words["post"])
    expect(widget(page).locator("#author")).to_have_value("Anna")
    expect(widget(page).locator("#email")).to_have_value("anna@example.nl")
    expect(widget(page).get_by_role("checkbox", name=words["remember"])).to_be_checked()
    # Unticked and sent again: forgotten.
    widget(page).get_by_role("checkbox", name=words["remember"]).uncheck()
    widget(page).locator("#body").fill("Vergeet mij nu.")
    send(page, lang)
    page.reload()
    visit(page, service.url + words["post"])
    expect(widget(page).locator("#author")).to_have_value("")


@pytest.mark.parametrize("lang", LANGS)
def test_a_reply_form_asks_neither_stars_nor_testimonial_consent(
    page: Page, service: Service, lang: str
) -> None:
    words = WORDS[lang]
    service.approved(page=words["post"], author="Anna", body="Een verhaal.")
    visit(page, service.url + words["post"])
    consent = widget(page).get_by_role("checkbox", name=words["consent"])
    expect(consent).to_be_visible()
    expect(widget(page).locator("#rating")).to_be_visible()
    widget(page).get_by_role("button", name=words["reply"]).click()
    expect(consent).to_be_hidden()
    expect(widget(page).locator("#rating")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_a_rate_limited_reader_is_told_how_long_to_wait(
    page: Page, service: Service, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = WORDS[lang]
    post_from_widget(page, service, lang, "Het eerste verhaal.")
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1)
    widget(page).locator("#body").fill("Het tweede, te snel erna.")
    widget(page).get_by_role("button", name=words["send"], exact=True).click()
    expect(widget(page).locator(".actions .status")).to_contain_text(words["wait"])


def test_the_list_says_it_is_loading_until_the_comments_arrive(
    page: Page, service: Service
) -> None:
    held: list[Route] = []
    page.route(re.compile(r"/api/comments\?page="), lambda route: held.append(route))
    visit(page, service.url + NL_POST)
    list_area = widget(page).locator("[aria-busy]")
    expect(list_area).to_have_text(WORDS["nl"]["loading"])
    for _ in range(100):  # readiness poll: each call lets the browser's events through
        if held:
            break
        page.evaluate("0")
    assert held, "the list was not requested"
    held[0].continue_()
    expect(widget(page).locator("[aria-busy]")).to_have_count(0)
    expect(widget(page).locator("h2")).to_have_text("Reacties (0)")


def test_on_a_site_that_is_not_allowed_readers_see_a_plain_sentence_and_the_owner_the_setting(
    page: Page, service: Service
) -> None:
    # A real blog on another loopback port: another origin, which ALLOWED_ORIGINS does not name.
    html = (
        '<!doctype html><html lang="en"><title>x</title><div id="chorus-comments"></div>'
        f'<script src="{service.url}/widget/comments.js" data-lazy="false"></script>'
    ).encode()

    class Blog(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            pass

    blog = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Blog)
    threading.Thread(target=blog.serve_forever, daemon=True).start()
    host = f"http://127.0.0.1:{blog.server_address[1]}"
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(host + "/post")
    try:
        expect(widget(page).get_by_text(WORDS["en"]["unavailable"])).to_be_visible()
        expect(widget(page).locator("form")).to_have_count(0)
        assert any(f"ALLOWED_ORIGINS={host}" in line for line in console), console
        save_screenshot(page, "widget-on-a-site-not-allowed")
    finally:
        blog.shutdown()
        blog.server_close()

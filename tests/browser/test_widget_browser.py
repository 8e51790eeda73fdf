"""The widgets as a reader sees them: real Chromium against the service on a free port.

Locators pierce the widgets' open shadow roots, so `page.locator("#chorus-comments label")` finds
the labels inside the widget. Nothing here sleeps: every wait is one of Playwright's expectations.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx2 as httpx
import pytest
from playwright.sync_api import Page, Request, expect

import settings
from service import assets, signing, text
from tests.conftest import ARTIFACTS, save_screenshot

ROOT = ARTIFACTS.parent

pytestmark = pytest.mark.browser

NL_POST = "/demo/magnesium-en-slaap"
EN_POST = "/demo/en/magnesium-and-sleep"
COMMENTS = "#chorus-comments"
TESTIMONIALS = "#chorus-testimonials"
# Records every dialog the page tries to open; XSS tests assert it stays empty.
DIALOG_TRAP = """
window.__dialogs = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__dialogs.push([name, String(args[0])]); };
}
"""


@pytest.fixture(autouse=True)
def quick_readers(monkeypatch: pytest.MonkeyPatch, page: Page) -> None:
    """A test types a story in milliseconds and posts many from one address; a person does not."""
    monkeypatch.setattr(settings, "FORM_MIN_SECONDS", 0)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    page.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)


@pytest.fixture
def service(live_server: Any, owner: dict[str, str]) -> Iterator[Service]:
    """The live server's public and owner APIs, for seeding and moderating."""
    with httpx.Client(base_url=live_server.url, timeout=10) as client:
        yield Service(client, owner)


class Service:
    def __init__(self, client: httpx.Client, owner: dict[str, str]) -> None:
        self.client = client
        self.owner = owner
        self.url = str(client.base_url).rstrip("/")

    def post(self, page: str = NL_POST, **fields: Any) -> int:
        data = {"page": page, "author": "Anna", "body": "Ik slaap beter.", "lang": "nl", **fields}
        data.setdefault("form_token", signing.form_token())
        response = self.client.post("/api/comments", json=data)
        assert response.status_code == 202, response.text
        return int(response.json()["id"])

    def act(self, comment_id: int, action: str, body: dict[str, Any] | None = None) -> Any:
        response = self.client.post(
            f"/admin/api/comments/{comment_id}/{action}", headers=self.owner, json=body
        )
        assert response.status_code in (200, 201), response.text
        return response.json()

    def approved(self, page: str = NL_POST, confirm: tuple[str, ...] = (), **fields: Any) -> int:
        """Posted and approved; `confirm` names the hints the owner confirmed on the way."""
        comment_id = self.post(page, **fields)
        self.act(comment_id, "approve", {"confirm_hints": list(confirm)} if confirm else None)
        return comment_id

    def testimonial(
        self,
        page: str = NL_POST,
        excerpt: str | None = None,
        confirm: tuple[str, ...] = (),
        **fields: Any,
    ) -> int:
        comment_id = self.approved(page, confirm, consent=True, **fields)
        body: dict[str, Any] = {"excerpt": excerpt} if excerpt else {}
        if confirm:  # the second look before promoting asks for the same hints again
            body["confirm_hints"] = list(confirm)
        self.act(comment_id, "promote", body or None)
        return comment_id


def widget(page: Page, selector: str = COMMENTS) -> Any:
    return page.locator(selector)


def visit(page: Page, url: str, selector: str = COMMENTS) -> None:
    """Open a page and scroll to the widget, which loads lazily when it comes near."""
    page.goto(url)
    widget(page, selector).scroll_into_view_if_needed()


def fill_story(page: Page, name: str, body: str, **extra: str) -> None:
    """Fill the comment form by field id, so it works in either language."""
    fields = {"author": name, "body": body, **extra}
    for field, value in fields.items():
        widget(page).locator(f"#{field}").fill(value)


def posted(request: Request) -> dict[str, Any]:
    return dict(json.loads(request.post_data or "{}"))


# -- the whole journey: reader, owner, homepage ---------------------------------------------


def test_story_goes_from_pending_to_testimonial_on_the_homepage(
    page: Page, service: Service
) -> None:
    visit(page, service.url + NL_POST)
    w = widget(page)
    expect(w.get_by_text("Nog geen reacties.")).to_be_visible()
    fill_story(page, "Marieke", "Na drie weken magnesium slaap ik eindelijk door tot de wekker.")
    w.get_by_label("E-mail (optioneel)").fill("marieke@example.nl")
    w.get_by_label("4 van 5 sterren").check()
    consent = w.get_by_label("Mijn verhaal mag met mijn naam als aanbeveling")
    expect(consent).not_to_be_checked()
    consent.check()
    with page.expect_request("**/api/comments") as sent:
        w.get_by_role("button", name="Verstuur").click()
    data = posted(sent.value)
    answer = sent.value.response()
    assert answer is not None and answer.status == 202
    comment_id = answer.json()["id"]
    assert data["rating"] == 4 and data["consent"] is True and data["lang"] == "nl"
    assert data["consent_version"] and data["form_token"]
    assert "hp" not in data and data.get("parent") is None
    assert data["page"] == NL_POST and data["page_url"] == service.url + NL_POST

    status = w.get_by_role("status")
    expect(status).to_have_text("Dank je wel! Je verhaal verschijnt na goedkeuring.")
    mine = w.locator("article", has_text="eindelijk door tot de wekker")
    expect(mine.get_by_text("Wacht op goedkeuring")).to_be_visible()
    expect(w.locator("textarea")).to_have_value("")
    expect(w.get_by_label("Naam", exact=True)).to_have_value("Marieke")

    page.reload()
    expect(mine.get_by_text("Wacht op goedkeuring")).to_be_visible()

    service.act(comment_id, "approve")
    service.act(comment_id, "promote", {"excerpt": "eindelijk door tot de wekker."})
    page.reload()
    expect(mine).to_be_visible()
    expect(mine.get_by_text("Wacht op goedkeuring")).to_have_count(0)
    expect(mine.get_by_role("img", name="4 van 5 sterren")).to_be_visible()
    expect(mine.get_by_role("button", name="Reageer op Marieke")).to_be_visible()

    visit(page, service.url + "/demo/", TESTIMONIALS)
    card = widget(page, TESTIMONIALS).locator("figure")
    expect(card).to_have_count(1)
    # Only the passage, marked where the story goes on; the link leads to the whole story.
    expect(card.locator("blockquote")).to_have_text("… eindelijk door tot de wekker.")
    expect(card.get_by_text("Marieke")).to_be_visible()
    link = card.get_by_role("link", name="Lees het hele verhaal")
    expect(link).to_have_attribute("href", f"{service.url}{NL_POST}#chorus-comment-{comment_id}")
    review = json.loads(page.locator('head script[type="application/ld+json"]').text_content())
    assert review[0]["@type"] == "Review"
    assert review[0]["reviewBody"] == "… eindelijk door tot de wekker."
    assert review[0]["url"] == f"{service.url}{NL_POST}#chorus-comment-{comment_id}"
    assert review[0]["author"]["name"] == "Marieke"
    assert review[0]["reviewRating"]["ratingValue"] == 4


def test_replies_sit_under_their_parent_and_the_owner_has_a_badge(
    page: Page, service: Service
) -> None:
    parent = service.approved(author="Joost", body="Magnesium hielp mij niet, wandelen wel.")
    service.act(parent, "reply", {"body": "Dank je Joost, goed om te horen."})
    service.approved(author="Ilse", body="Een losse reactie.")
    visit(page, service.url + NL_POST)
    thread = widget(page).locator(f"li#c{parent}")
    owner_reply = thread.locator("ol article", has_text="goed om te horen")
    expect(owner_reply.get_by_text("Eigenaar", exact=True)).to_be_visible()
    expect(thread.locator(":scope > article").get_by_text("Eigenaar")).to_have_count(0)
    expect(widget(page).locator("h2")).to_have_text(
        "Reacties (3)"
    )  # the count of published comments

    thread.get_by_role("button", name="Reageer op Joost").first.click()
    expect(widget(page).get_by_role("heading", name="Reageer op Joost")).to_be_visible()
    expect(widget(page).get_by_label("Naam", exact=True)).to_be_focused()
    fill_story(page, "Sanne", "Wandelen helpt mij ook, vooral ’s avonds.")
    with page.expect_request("**/api/comments") as sent:
        widget(page).get_by_role("button", name="Verstuur").click()
    assert posted(sent.value)["parent"] == parent
    pending = thread.locator("ol article", has_text="vooral ’s avonds")
    expect(pending.get_by_text("Wacht op goedkeuring")).to_be_visible()
    # The form went back below the list, out of the thread.
    expect(widget(page).get_by_role("heading", name="Deel je verhaal")).to_be_visible()
    expect(thread.locator("form")).to_have_count(0)


def test_cancel_returns_the_reply_form_and_focus(page: Page, service: Service) -> None:
    service.approved(author="Joost")
    visit(page, service.url + NL_POST)
    w = widget(page)
    w.get_by_role("button", name="Reageer op Joost").click()
    w.get_by_role("button", name="Annuleer").click()
    expect(w.get_by_role("heading", name="Deel je verhaal")).to_be_visible()
    expect(w.get_by_role("button", name="Reageer op Joost")).to_be_focused()
    expect(w.get_by_role("button", name="Annuleer")).to_be_hidden()


# -- errors in the reader's language ----------------------------------------------------------

ERRORS = {
    "nl": (NL_POST, "Verstuur", "Vul dit veld in.", "Geen geldig webadres.", "Naam"),
    "en": (EN_POST, "Send", "Please fill in this field.", "Not a valid web address.", "Name"),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_field_errors_are_shown_next_to_the_field_in_the_page_language(
    page: Page, service: Service, lang: str
) -> None:
    path, send, required, bad_url, name = ERRORS[lang]
    visit(page, service.url + path)
    w = widget(page)
    w.get_by_role("button", name=send).click()
    expect(w.locator("#eauthor")).to_have_text(required)
    expect(w.locator("#ebody")).to_have_text(required)
    expect(w.get_by_label(name, exact=True)).to_be_focused()
    expect(w.get_by_label(name, exact=True)).to_have_attribute("aria-invalid", "true")
    expect(w.get_by_label(name, exact=True)).to_have_accessible_description(re_contains(required))

    fill_story(page, "Tom", "A story.", website="javascript:alert(1)")
    with page.expect_response("**/api/comments") as answer:
        w.get_by_role("button", name=send).click()
    assert answer.value.status == 422
    expect(w.locator("#ewebsite")).to_have_text(bad_url)
    expect(w.locator("#website")).to_be_focused()
    expect(w.locator("#eauthor")).to_be_hidden()
    expect(w.get_by_role("status")).to_have_text("")
    expect(w.get_by_role("button", name=send)).to_be_enabled()


def re_contains(text: str) -> Any:
    import re

    return re.compile(re.escape(text))


# What the service says to an English reader whose form expired twice in a row.
EXPIRED = text.message("en", "refusal.expired")


def test_an_expired_form_asks_to_send_again_and_fetches_a_new_token(
    page: Page, service: Service
) -> None:
    visit(page, service.url + EN_POST)
    w = widget(page)
    fill_story(page, "Tom", "A story about sleep.")
    page.route(
        "**/api/comments",
        lambda route: (
            route.fulfill(
                status=422,
                json={"error": {"code": "expired", "field": "form_token", "message": EXPIRED}},
            )
            if route.request.method == "POST"
            else route.continue_()
        ),
    )
    with page.expect_request("**/api/form"):
        w.get_by_role("button", name="Send").click()
    expect(w.get_by_role("status")).to_have_text(EXPIRED)
    expect(w.locator("textarea")).to_have_value("A story about sleep.")


# -- spam defences, invisible to readers ----------------------------------------------------------


def _pending(service: Service) -> list[dict[str, Any]]:
    listed = service.client.get("/admin/api/comments?status=pending", headers=service.owner)
    comments: list[dict[str, Any]] = listed.json()["comments"]
    return comments


def test_a_spent_form_token_is_replaced_and_the_story_sent_without_a_word(
    page: Page, service: Service
) -> None:
    """Someone (another tab, a replay) spent the form's token: the reader never hears of it."""
    tokens: list[str] = []

    def remember(route: Any) -> None:
        response = route.fetch()
        tokens.append(response.json()["form_token"])
        route.fulfill(response=response)

    page.route("**/api/form", remember)
    # The send button is usable before the form's token arrives: wait for the token itself.
    with page.expect_response("**/api/form"):
        visit(page, service.url + EN_POST)
    w = widget(page)
    fill_story(page, "Tom", "A story about sleep, sent once.")
    expect(w.get_by_role("button", name="Send")).to_be_enabled()
    assert tokens
    service.post(EN_POST, body="Someone else used this form.", form_token=tokens[-1])

    answers: list[int] = []
    page.on(
        "response",
        lambda r: answers.append(r.status) if r.url.endswith("/api/comments") else None,
    )
    w.get_by_role("button", name="Send").click()
    expect(w.get_by_role("status")).to_have_text("Thank you! Your story will appear after review.")
    assert answers == [422, 202]
    expect(w.locator("[aria-invalid=true]")).to_have_count(0)
    bodies = {c["body"] for c in _pending(service)}
    assert "A story about sleep, sent once." in bodies


def test_with_proof_of_work_the_widget_solves_the_puzzle_and_posts(
    page: Page, service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """POW=on: the solver loads only now, hashes with crypto.subtle, and the post is accepted."""
    monkeypatch.setattr(settings, "POW", "on")
    monkeypatch.setattr(settings, "POW_BITS", 10)
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url) if "/widget/pow" in r.url else None)
    visit(page, service.url + EN_POST)
    w = widget(page)
    fill_story(page, "Puzzle Solver", "Solved in the browser, no third party.")
    assert not loaded  # the first load does not carry the solver
    with page.expect_request("**/api/comments") as sent:
        w.get_by_role("button", name="Send").click()
    expect(w.get_by_role("status")).to_have_text("Thank you! Your story will appear after review.")
    assert loaded and loaded[0].endswith("/widget/pow.js")
    data = posted(sent.value)
    from service.domain.abuse import pow_solved

    assert pow_solved(data["form_token"], data["pow"], 10)
    assert "Solved in the browser, no third party." in {c["body"] for c in _pending(service)}
    save_screenshot(page, "widget-after-proof-of-work")


# -- isolation and safety ------------------------------------------------------------------------

HOSTILE = """<!doctype html><html lang="nl"><head><title>Vijandig</title><style>
* { display: none !important; color: red !important; font: italic 40px/3 serif !important;
    background: yellow !important; border: 9px dotted red !important; visibility: hidden; }
html, body { display: block !important; visibility: visible; }
div, form, input, textarea, button, label { all: unset; opacity: .1 !important; }
#chorus-comments { width: 10px; height: 10px; overflow: hidden; }
</style></head><body><h1>Vijandige pagina</h1>
<div id="chorus-comments"></div>
<script src="/widget/comments.js" data-page="/hostile" data-lazy="false"></script>
</body></html>"""


def test_hostile_page_css_does_not_reach_inside_the_widget(page: Page, service: Service) -> None:
    page.route(
        service.url + "/hostile",
        lambda route: route.fulfill(body=HOSTILE, content_type="text/html"),
    )
    page.goto(service.url + "/hostile")
    w = widget(page)
    name = w.get_by_label("Naam", exact=True)
    expect(name).to_be_visible()
    expect(w.get_by_role("button", name="Verstuur")).to_be_visible()
    expect(w.get_by_text("Nog geen reacties.")).to_be_visible()
    label = w.locator("label[for=author]")
    assert label.evaluate("e => getComputedStyle(e).color") != "rgb(255, 0, 0)"
    assert label.evaluate("e => getComputedStyle(e).fontStyle") == "normal"
    box = w.locator(".widget").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 300
    fill_story(page, "Vera", "Zelfs hier werkt het.")
    w.get_by_role("button", name="Verstuur").click()
    expect(w.get_by_role("status")).to_have_text(
        "Dank je wel! Je verhaal verschijnt na goedkeuring."
    )
    save_screenshot(page, "widget-hostile-css")


CONFIGURED = """<!doctype html><html lang="nl"><head><title>Eigen titel</title>
<link rel="canonical" href="https://blog.example/posts/slaap?utm=x"></head><body>
<div id="chorus-comments"></div>
<script src="/widget/comments.js" data-lang="en" data-theme="dark" data-ratings="false"
  data-t-send="Post it" data-t-required="Needed." data-lazy="false"></script>
</body></html>"""


def test_data_attributes_configure_the_widget(page: Page, service: Service) -> None:
    page.route(
        service.url + "/configured",
        lambda route: route.fulfill(body=CONFIGURED, content_type="text/html"),
    )
    page.goto(service.url + "/configured")
    w = widget(page)
    expect(w.get_by_label("Name", exact=True)).to_be_visible()  # data-lang beats <html lang>
    expect(w.get_by_role("group", name="Rating (optional)")).to_be_hidden()
    background = w.locator(".widget").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background != "rgb(255, 255, 255)"  # dark, although the page is light
    accent = w.get_by_role("button", name="Post it").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert accent == "rgb(114, 214, 179)"  # the dark theme's accent, #72d6b3
    w.get_by_role("button", name="Post it").click()
    expect(w.locator("#eauthor")).to_have_text("Needed.")
    fill_story(page, "Ria", "Over de canonieke pagina.")
    with page.expect_request("**/api/comments") as sent:
        w.get_by_role("button", name="Post it").click()
    data = posted(sent.value)
    assert data["page"] == "/posts/slaap"  # the canonical link's path is the page key
    assert data["page_url"] == "https://blog.example/posts/slaap?utm=x"
    assert data["page_title"] == "Eigen titel" and data["lang"] == "en"
    assert "rating" not in data


ONE_LANGUAGE = """<!doctype html><html lang="{page_lang}"><head><title>Taal</title></head><body>
<div id="chorus-comments"></div>
<script src="/widget/{script}" data-lazy="false"></script>
</body></html>"""


@pytest.mark.parametrize(
    ("page_lang", "script", "lang"),
    [
        ("nl", "comments.js?lang=en", "en"),  # the address's one language wins
        ("en", "comments.nl.js", "nl"),
        ("nl-BE", "comments.js", "nl"),  # the practice's two: the page's own
        ("de", "comments.js", "de"),  # another language Chorus speaks: its own build
        ("fr-BE", "comments.js", "fr"),
        ("es", "comments.js", "en"),  # a language Chorus lacks falls back
    ],
)
def test_the_widget_speaks_the_language_its_build_and_page_give(
    page: Page, service: Service, page_lang: str, script: str, lang: str
) -> None:
    host = ONE_LANGUAGE.format(page_lang=page_lang, script=script)
    page.route(
        service.url + "/taal", lambda route: route.fulfill(body=host, content_type="text/html")
    )
    page.goto(service.url + "/taal")
    w = widget(page)
    label = text.message(lang, "widget.comments.email")
    expect(w.get_by_label(label, exact=True)).to_be_visible()
    expect(
        w.get_by_role("heading", name=text.message(lang, "widget.comments.form"))
    ).to_be_visible()
    assert w.locator(".widget").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_widgets_write_the_short_months_the_pages_and_mails_write(
    page: Page, lang: str
) -> None:
    """The widgets date a comment with the browser's Intl (CLDR's months); the moderation pages
    with the catalog's `month_short.*`. Both must say "dec" (Dutch CLDR has no period there),
    "Dez.", "déc.", and "mei", "Juni", "juin" in full."""
    page.set_content("<!doctype html><title>Maanden</title>")
    months = page.evaluate(
        """(lang) => Array.from({ length: 12 }, (_, month) =>
             new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", year: "numeric",
                                              timeZone: "UTC" })
               .formatToParts(new Date(Date.UTC(2026, month, 7, 12)))
               .find((part) => part.type === "month").value)""",
        lang,
    )
    assert months == [text.message(lang, f"month_short.{month}") for month in range(1, 13)]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("de", "Nach drei Wochen Magnesium schlafe ich endlich durch."),
        ("fr", "Après trois semaines de magnésium, je dors enfin d'une traite."),
    ],
)
def test_a_reader_posts_in_german_or_french_and_is_answered_in_that_language(
    page: Page, service: Service, lang: str, body: str
) -> None:
    host = ONE_LANGUAGE.format(page_lang=lang, script="comments.js")
    page.route(
        service.url + "/taal", lambda route: route.fulfill(body=host, content_type="text/html")
    )
    page.goto(service.url + "/taal")
    w = widget(page)
    say = lambda key: text.message(lang, key)  # noqa: E731
    w.get_by_role("button", name=say("widget.comments.send")).click()
    expect(w.get_by_text(say("widget.send.required")).first).to_be_visible()  # checked first
    fill_story(page, "Lena", body)
    w.get_by_label(say("widget.comments.consent")).check()
    with page.expect_request("**/api/comments") as sent:
        w.get_by_role("button", name=say("widget.comments.send")).click()
    assert posted(sent.value)["lang"] == lang
    expect(w.get_by_text(say("widget.send.thanks"))).to_be_visible()


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_the_testimonials_on_a_german_or_french_page_speak_its_language(
    page: Page, service: Service, lang: str
) -> None:
    host = (
        f'<!doctype html><html lang="{lang}"><head><title>Stimmen</title></head><body>'
        '<div id="chorus-testimonials"></div>'
        '<script src="/widget/testimonials.js" data-lazy="false"></script></body></html>'
    )
    page.route(
        service.url + "/stimmen", lambda route: route.fulfill(body=host, content_type="text/html")
    )
    page.goto(service.url + "/stimmen")
    title = text.message(lang, "widget.testimonials.title")
    expect(page.locator("#chorus-testimonials").get_by_text(title)).to_be_visible()


def test_data_api_points_the_widget_at_the_service_wherever_the_script_comes_from(
    page: Page, service: Service
) -> None:
    """A script copied to another host (a CDN) still talks to the service named in data-api.

    Without data-api the widget would call the CDN's origin, which has no API at all.
    """
    service.approved(page="/posts/slaap", author="Bram", body="Via een andere herkomst.")
    # The copy on the CDN is what the service serves: the build, with its words and styles in.
    script = assets.build(ROOT / "widget" / "comments.js")
    host = f"""<!doctype html><html lang="nl"><body><div id="chorus-comments"></div>
<script src="http://127.0.0.3:8999/widget/comments.js" data-api="{service.url}"
  data-page="/posts/slaap" data-lazy="false"></script></body></html>"""
    page.route(
        "http://127.0.0.3:8999/widget/comments.js",
        lambda route: route.fulfill(body=script, content_type="text/javascript"),
    )
    page.route(
        service.url + "/posts/slaap",
        lambda route: route.fulfill(body=host, content_type="text/html"),
    )
    page.goto(service.url + "/posts/slaap")
    w = widget(page)
    expect(w.get_by_text("Via een andere herkomst.")).to_be_visible()
    fill_story(page, "Ria", "Vanaf het blog zelf.")
    with page.expect_request(f"{service.url}/api/comments") as sent:
        w.get_by_role("button", name="Verstuur").click()
    assert posted(sent.value)["page"] == "/posts/slaap"
    expect(w.get_by_role("status")).to_have_text(
        "Dank je wel! Je verhaal verschijnt na goedkeuring."
    )


XSS = [
    '<img src=x onerror="alert(1)">',
    "<script>alert(2)</script>",
    '"><svg onload=alert(3)>',
    "javascript:alert(4)",
    '<a href="javascript:alert(5)">klik</a> [x](javascript:alert(6)) {{7*7}} ${alert(8)}',
]


def test_xss_payloads_render_as_text_and_run_nothing(page: Page, service: Service) -> None:
    body = "\n\n".join(XSS)
    service.approved(author=XSS[0], body=body)
    service.approved(author=XSS[2], body="https://example.com/?q=<script>alert(9)</script>")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.add_init_script(DIALOG_TRAP)
    visit(page, service.url + NL_POST)
    w = widget(page)
    expect(w.locator(".author", has_text=XSS[0])).to_have_text(XSS[0])
    expect(w.locator(".author", has_text=XSS[2])).to_have_text(XSS[2])
    expect(w.locator("article").first).to_contain_text("<script>alert(2)</script>")
    # A reader's own payload, shown back to them while it waits for review.
    fill_story(page, XSS[1], XSS[0] + " " + XSS[4])
    w.get_by_role("button", name="Verstuur").click()
    expect(w.locator(".pending .author")).to_have_text(XSS[1])
    assert w.locator("img, script, svg, iframe, [onerror], [onload]").count() == 0
    # The readers' own links (the report links lead to this service's own report page).
    links = w.locator("article a:not(.report)")
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert all(h.startswith("https://") for h in hrefs), hrefs
    assert page.evaluate("window.__dialogs") == []
    assert dialogs == []


def test_website_links_are_nofollow_ugc(page: Page, service: Service) -> None:
    service.approved(author="Pieter", website="https://pieter.example/")
    visit(page, service.url + NL_POST)
    link = widget(page).get_by_role("link", name="Pieter", exact=True)
    expect(link).to_have_attribute("href", "https://pieter.example/")
    expect(link).to_have_attribute("rel", re_contains("nofollow ugc"))


def test_the_widget_loads_only_when_scrolled_near(page: Page, service: Service) -> None:
    service.approved(author="Lotte", body="Lui geladen.")
    calls: list[str] = []
    page.on("request", lambda r: calls.append(r.url) if "/api/" in r.url else None)
    page.set_viewport_size({"width": 1100, "height": 500})
    page.goto(service.url + NL_POST)
    expect(widget(page).get_by_label("Naam", exact=True)).to_be_attached()
    # Two frames let the observer report its first, not-intersecting entry.
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert calls == []
    widget(page).scroll_into_view_if_needed()
    expect(widget(page).get_by_text("Lui geladen.")).to_be_visible()
    assert any("/api/comments?page=" in url for url in calls)
    assert any(url.endswith("/api/form") for url in calls)


# -- keyboard and accessibility -------------------------------------------------------------------


def active_id(page: Page) -> str:
    return str(
        page.evaluate(
            "() => { const r = document.querySelector('#chorus-comments').shadowRoot;"
            " return document.activeElement.id === 'chorus-comments' && r.activeElement"
            " ? r.activeElement.id : document.activeElement.tagName }"
        )
    )


def test_a_reader_can_post_with_the_keyboard_alone(page: Page, service: Service) -> None:
    visit(page, service.url + EN_POST)
    expect(widget(page).get_by_label("Name", exact=True)).to_be_attached()
    for _ in range(30):
        if active_id(page) == "author":
            break
        page.keyboard.press("Tab")
    assert active_id(page) == "author"
    outline = "e => getComputedStyle(e).outlineStyle"
    assert widget(page).get_by_label("Name", exact=True).evaluate(outline) == "solid"
    page.keyboard.type("Kees")
    page.keyboard.press("Tab")
    assert active_id(page) == "email"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Typed with the keyboard only.")
    page.keyboard.press("Tab")
    assert active_id(page) == "r1"
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert active_id(page) == "r3"
    # Chosen stars change shape, not only colour.
    expect(widget(page).locator("label[for=r3] [aria-hidden]")).to_have_text("★")
    expect(widget(page).locator("label[for=r4] [aria-hidden]")).to_have_text("☆")
    focused_star = widget(page).locator("label[for=r3]")
    assert focused_star.evaluate(outline) == "solid"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # "remember me" (the reply-mail box shows only with an address)
    page.keyboard.press("Tab")
    assert (
        page.evaluate(
            "document.querySelector('#chorus-comments').shadowRoot.activeElement.className"
        )
        == "primary"
    )
    with page.expect_request("**/api/comments") as sent:
        page.keyboard.press("Enter")
    data = posted(sent.value)
    assert data["rating"] == 3 and data["consent"] is True and data["author"] == "Kees"
    expect(widget(page).get_by_role("status")).to_have_text(
        "Thank you! Your story will appear after review."
    )
    expect(widget(page).get_by_text("Awaiting review")).to_be_visible()


def axe_audit(page: Page, host: str) -> dict[str, Any]:
    """Run axe-core over one widget host, shadow tree included; return its raw results."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page, context={"include": [[host]]}, options={"resultTypes": ["violations", "passes"]}
    )
    return dict(results.response)


def assert_accessible(results: dict[str, Any], *expected_shadow_targets: str) -> None:
    bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], json.dumps(bad, indent=1)[:3000]
    # Proof that axe looked inside the shadow root: targets there are [host, inner] pairs.
    seen = {
        node["target"][0][-1]
        for rule in results["passes"]
        for node in rule["nodes"]
        if isinstance(node["target"][0], list)
    }
    for target in expected_shadow_targets:
        assert target in seen, sorted(seen)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_widgets_pass_the_accessibility_audit(
    page: Page, service: Service, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    # Published with its page's address, so the card links to the whole story (a waiting
    # post never names a page).
    parent = service.testimonial(
        author="Eva", body="Ik slaap als een roos.", rating=5, page_url=service.url + NL_POST
    )
    service.act(parent, "reply", {"body": "Wat fijn om te lezen!"})
    visit(page, service.url + NL_POST)
    w = widget(page)
    expect(w.get_by_text("Wat fijn om te lezen!")).to_be_visible()
    fill_story(page, "Bram", "Mijn eigen verhaal.")
    w.get_by_role("button", name="Verstuur").click()
    expect(w.get_by_text("Wacht op goedkeuring")).to_be_visible()
    fill_story(page, "Bram", "Mijn eigen verhaal.")
    w.get_by_role("button", name="Verstuur").click()  # a duplicate: an error is on screen
    expect(w.locator("#ebody")).to_have_text("Dit verhaal staat er al.")
    assert_accessible(axe_audit(page, COMMENTS), "#author", "#body", "#r1")

    visit(page, service.url + "/demo/", TESTIMONIALS)
    expect(widget(page, TESTIMONIALS).locator("figure")).to_have_count(1)
    assert_accessible(
        axe_audit(page, TESTIMONIALS),
        "h2",
        'a[aria-label="Meld het verhaal van Eva"]',
        ".honesty > a",
    )
    visit(page, service.url + "/demo/?layout=carousel", TESTIMONIALS)
    expect(widget(page, TESTIMONIALS).get_by_role("button", name="Volgende")).to_be_visible()
    assert_accessible(
        axe_audit(page, TESTIMONIALS),
        "h2",
        'a[aria-label="Meld het verhaal van Eva"]',
        ".honesty > a",
    )


def test_the_carousel_works_with_buttons_and_arrow_keys(page: Page, service: Service) -> None:
    for name in ("Ann", "Bo", "Cor"):
        service.testimonial(author=name, body=f"Het verhaal van {name}.", rating=4)
    visit(page, service.url + "/demo/?layout=carousel", TESTIMONIALS)
    w = widget(page, TESTIMONIALS)
    carousel = w.locator("[aria-roledescription=carrousel]")
    expect(carousel).to_have_attribute("aria-label", "Verhalen van lezers")
    slides = w.get_by_role("group")
    expect(slides).to_have_count(1)  # hidden slides are out of the accessibility tree
    expect(slides).to_have_accessible_name("1 van 3")
    expect(slides).to_contain_text("verhaal van Cor")  # newest first
    w.get_by_role("button", name="Volgende").click()
    expect(w.get_by_role("group")).to_have_accessible_name("2 van 3")
    page.keyboard.press("ArrowRight")
    expect(w.get_by_role("group")).to_have_accessible_name("3 van 3")
    page.keyboard.press("ArrowRight")
    expect(w.get_by_role("group")).to_have_accessible_name("1 van 3")
    w.get_by_role("button", name="Vorige").click()
    expect(w.get_by_role("group")).to_contain_text("verhaal van Ann")


# -- screenshots for a person to look at ------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_both_widgets(page: Page, service: Service, lang: str, scheme: str) -> None:
    path, home = (NL_POST, "/demo/") if lang == "nl" else (EN_POST, "/demo/en/")
    text = {
        "nl": [
            "Sinds ik ’s avonds magnesium neem, val ik sneller in slaap en word ik minder vaak"
            " wakker.",
            "Bij mij hielp vooral minder koffie. Magnesium merkte ik weinig van.",
            "Dank voor het delen! Goed om te horen dat het ook zonder kan.",
        ],
        "en": [
            "Since I take magnesium in the evening, I fall asleep faster and wake up less often.",
            "For me it was mostly less coffee. I noticed little from magnesium.",
            "Thanks for sharing! Good to hear it works without, too.",
        ],
    }[lang]
    first = service.testimonial(
        path, author="Marieke Jansen", body=text[0], rating=5, website="https://marieke.example/"
    )
    second = service.approved(path, author="Tom", body=text[1], rating=3)
    service.act(second, "reply", {"body": text[2]})
    service.testimonial(path, author="Eva", body=text[1] + " " + text[0], rating=4)
    assert first
    page.emulate_media(color_scheme=scheme)
    visit(page, service.url + path)
    w = widget(page)
    expect(w.get_by_text(text[2])).to_be_visible()
    name = "Naam" if lang == "nl" else "Name"
    w.get_by_label(name, exact=True).fill("Lezer")
    w.locator("textarea").fill(text[0][:40])
    w.get_by_role("button", name="Verstuur" if lang == "nl" else "Send").click()
    expect(w.locator(".pending")).to_be_visible()
    save_screenshot(page, f"comments-{lang}-{scheme}-page")
    save_screenshot(w, f"comments-{lang}-{scheme}")

    visit(page, service.url + home, TESTIMONIALS)
    t = widget(page, TESTIMONIALS)
    expect(t.locator("figure")).to_have_count(2)
    save_screenshot(page, f"testimonials-{lang}-{scheme}-page")
    save_screenshot(t, f"testimonials-{lang}-{scheme}")
    visit(page, service.url + home + "?layout=carousel", TESTIMONIALS)
    expect(t.locator("figure").first).to_be_visible()
    save_screenshot(t, f"testimonials-carousel-{lang}-{scheme}")


# -- after sending, and near the limit ------------------------------------------------------


def test_after_sending_the_focus_lands_on_the_thank_you(page: Page, service: Service) -> None:
    visit(page, service.url + NL_POST)
    fill_story(page, "Marieke", "Na drie weken magnesium slaap ik eindelijk door.")
    widget(page).get_by_role("button", name="Verstuur").press("Enter")
    status = widget(page).get_by_role("status")
    expect(status).to_have_text("Dank je wel! Je verhaal verschijnt na goedkeuring.")
    expect(status).to_be_focused()


def test_a_reply_sent_also_leaves_the_focus_on_the_thank_you(page: Page, service: Service) -> None:
    service.approved(author="Joost", body="Bij mij hielp het niet.")
    visit(page, service.url + NL_POST)
    widget(page).get_by_role("button", name="Reageer op Joost").click()
    fill_story(page, "Anna", "Bij mij wel, na een paar weken.")
    widget(page).get_by_role("button", name="Verstuur").press("Enter")
    status = widget(page).get_by_role("status")
    expect(status).to_have_text("Dank je wel! Je verhaal verschijnt na goedkeuring.")
    expect(status).to_be_focused()


@pytest.mark.parametrize(
    ("path", "send", "too_long"),
    [
        (NL_POST, "Verstuur", "Maximaal 5000 tekens."),
        (EN_POST, "Send", "At most 5000 characters."),
    ],
    ids=["nl", "en"],
)
def test_a_counter_shows_near_the_limit_and_too_long_names_the_limit(
    page: Page, service: Service, path: str, send: str, too_long: str
) -> None:
    # The limit comes with the form's rules, as the reader starts reading the comments.
    with page.expect_response("**/api/form"):
        visit(page, service.url + path)
    w = widget(page)
    story = w.locator("#body")
    counter = w.locator("#hbody")
    story.fill("x" * 4499)
    expect(counter).to_have_text("")
    story.fill("é" * 4512)
    expect(counter).to_have_text("4512 / 5000")
    assert counter.locator("[aria-live=polite]").count() == 1
    expect(story).to_have_accessible_description("4512 / 5000")
    fill_story(page, "Anna", "😴" * 5001)  # characters, not UTF-16 units: 5001 of them
    expect(counter).to_have_text("5001 / 5000")
    with page.expect_request("**/api/comments") as sent:
        story.fill("😴" * 5000)
        w.get_by_role("button", name=send).click()
    assert sent.value is not None
    expect(w.get_by_role("status")).to_be_focused()  # the thank-you: that one went out
    expect(w.locator("#ebody")).to_have_text("")
    story.fill("y" * 5001)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    w.get_by_role("button", name=send).click()
    expect(w.locator("#ebody")).to_have_text(too_long)
    expect(story).to_be_focused()
    expect(story).to_have_attribute("aria-invalid", "true")
    assert not [url for url in requests if url.endswith("/api/comments")]

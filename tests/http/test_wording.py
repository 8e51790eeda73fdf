"""What owners and readers read: limits named, log rows and counts in words, one word for one thing.

A new owner and her readers stumbled on each of these; every test reads what a person sees.
"""

from __future__ import annotations

import ast
import html
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import settings
from service import notify, passwords, text
from service.domain.accounts import FIRST_OWNER, Account, Role
from service.domain.comments import TRANSITIONS
from service.web import admin_text, reader_pages, reader_text
from tests.helpers import act, mail_link_token, post, story

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ADMIN_NL = text.section("nl", "admin")  # the moderation pages' words in Dutch


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The owner's password is known, readers may post freely, and the pages speak Dutch."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    monkeypatch.setattr(settings, "ADMIN_LANG", "nl")
    yield


def login(client: TestClient) -> str:
    """Log in through the form and return the page's CSRF token."""
    response = client.post(
        "/admin/login", data={"password": PASSWORD, "next": "/admin/"}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    found = re.search(r'<meta name="csrf-token" content="([^"]+)"', client.get("/admin/").text)
    assert found
    return found[1]


def visible(page: str) -> str:
    """The text a person reads: no tags, no attributes, no script."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.DOTALL)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


# -- the limit, in the refusal ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "Dit is te lang: maximaal 5000 tekens."),
        ("en", "This is too long: at most 5000 characters."),
    ],
)
def test_a_too_long_story_is_told_the_limit(client: TestClient, lang: str, expected: str) -> None:
    response = client.post(
        "/api/comments", json=story(body="x" * 5001), headers={"Accept-Language": lang}
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert (error["field"], error["code"], error["message"]) == ("body", "too_long", expected)
    assert error["max_length"] == 5000  # for the widget's own counter


def test_the_limit_told_is_the_configured_one(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MAX_BODY_LENGTH", 300)
    monkeypatch.setattr(settings, "MAX_NAME_LENGTH", 40)
    body = sqlite_client.post(
        "/api/comments", json=story(body="x" * 301), headers={"Accept-Language": "nl-NL"}
    )
    assert body.json()["error"]["message"] == "Dit is te lang: maximaal 300 tekens."
    name = sqlite_client.post(
        "/api/comments", json=story(author="A" * 41), headers={"Accept-Language": "en"}
    )
    assert name.json()["error"]["message"] == "This is too long: at most 40 characters."
    # A caller that names no language keeps the developer's message.
    plain = sqlite_client.post("/api/comments", json=story(body="x" * 301))
    assert plain.json()["error"]["message"] == "body must be at most 300 characters"


def test_a_long_limit_is_grouped_as_each_language_writes_numbers() -> None:
    assert reader_text._count(5000, "nl") == "5000"
    assert reader_text._count(20000, "nl") == "20.000"
    assert reader_text._count(20000, "en") == "20,000"


# -- the activity log in words ---------------------------------------------------------------------


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def logged_by_the_code() -> tuple[set[str], set[str]]:
    """Every action and actor the service can write to the moderation log, read from its source.

    write_log(db, comment_id, ACTION, ACTOR, ...) with literal strings; status changes take their
    action from TRANSITIONS; the actors of owner requests are named where the request is let in.
    """
    actions, actors = set(TRANSITIONS), set()
    for path in (ROOT / "service").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "write_log" and len(node.args) >= 4:
                actions |= {a for a in [_literal(node.args[2])] if a}
                actors |= {a for a in [_literal(node.args[3])] if a}
            if name == "Owner":
                actors |= {
                    a for k in node.keywords if k.arg == "actor" and (a := _literal(k.value))
                }
            if name == "change_status" and len(node.args) >= 4:
                actors |= {a for a in [_literal(node.args[3])] if a}
    # A session acts as its account's `actor`: "owner" for the first owner, as before accounts.
    actors.add(Account(FIRST_OWNER, "", "", Role.OWNER, False, False, "").actor)
    return actions, actors


UNDO_KINDS = ("status", "promote", "demote", "reply", "redact")


def test_the_source_scan_finds_what_the_code_logs() -> None:
    actions, actors = logged_by_the_code()
    assert {"approve", "edit", "intake", "edit_page", "erase", "withdraw_consent"} <= actions
    assert {"owner", "api", "mail", "author", "rules"} <= actors


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_kind_the_code_logs_reads_as_words(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    words = admin_text.current()
    actions, actors = logged_by_the_code()
    fallback = words["log_other"].split("(")[0]
    for action in sorted(actions):
        what, _ = admin_text.describe(action, 8, "")
        assert f"log_{action}" in words, action
        assert what != action and "_" not in what and fallback not in what, (action, what)
    for kind in UNDO_KINDS:
        assert f"log_undo_{kind}" in words, kind
    for name in sorted(actors):
        said = admin_text.actor(name)
        assert f"actor_{name}" in words and said != name, (name, said)


def test_an_unknown_actor_from_an_import_is_marked_as_unknown() -> None:
    assert admin_text.actor("wp-import") == "Onbekend (wp-import)"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nl", "regel (woord): casino"), ("en", "rule (word): casino")],
)
def test_the_rule_that_held_a_comment_is_named_in_words(
    lang: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    assert admin_text.describe("intake", 3, "rule word: casino")[1] == expected


def test_activity_names_a_readers_edit_and_a_mailed_approval(client: TestClient) -> None:
    edited = post(client)
    answer = client.post(
        f"/api/comments/{edited['id']}/edit",
        json={"author_token": edited["author_token"], "body": "Ik slaap nu echt beter."},
    )
    assert answer.status_code == 200, answer.text
    mailed = post(client, body="Een tweede, ander verhaal.", author_token=None)["id"]
    token = mail_link_token(client, mailed, "approve", "")
    assert client.post(f"/admin/mail/{token}").status_code == 200
    login(client)
    page = visible(client.get("/admin/activity").text)
    assert f"De schrijver bewerkte #{edited['id']}" in page
    assert f"Jij, via e-mail keurde #{mailed} goed" in page
    assert "deed ‘" not in page and " mail " not in page and " author " not in page


# -- the empty queue -------------------------------------------------------------------------------


def test_an_empty_queue_shows_an_empty_state_and_no_bulk_bar_or_pager(
    client: TestClient,
) -> None:
    login(client)
    page = client.get("/admin/").text
    text = visible(page)
    assert "Niets te beoordelen. Alles is bijgewerkt." in text
    assert "Nieuwe reacties verschijnen hier zodra lezers ze plaatsen." in text
    assert "0–0" not in text and 'id="bulk"' not in page and 'class="pager"' not in page
    filtered = visible(client.get("/admin/?status=approved&q=niets").text)
    assert "Geen reacties gevonden." in filtered and "wis het filter" in filtered


def test_a_queue_with_comments_has_the_bulk_bar_and_pager_the_script_can_hide(
    client: TestClient,
) -> None:
    post(client)
    login(client)
    page = client.get("/admin/").text
    assert re.search(r'<form id="bulk"[^>]*data-with-cards', page)
    assert re.search(r'<nav class="pager"[^>]*data-with-cards', page)
    assert re.search(r"<div class=\"empty\" data-empty hidden>", page)


# -- counts in the right number --------------------------------------------------------------------

# Strings with a count that reads the same for any number ("3 geselecteerd", "4 van 5 sterren").
COUNT_NEUTRAL = {
    "selected",
    "rating",
    "showing",
    "import_skipped",
    "import_status",
    "import_writing",
}
COUNTS = {"n", "minutes", "found", "total", "count"}


def slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(ADMIN_NL))
def test_every_count_bearing_message_has_a_singular_and_a_plural(key: str) -> None:
    if key in COUNT_NEUTRAL or key.endswith(("_one", "_other")):
        return
    assert not (slots(ADMIN_NL[key]) & COUNTS), f"{key} needs _one and _other forms"


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("nl", 1, "1 overgeslagen: deze bevat persoonsgegevens"),
        ("nl", 2, "2 overgeslagen: deze bevatten persoonsgegevens"),
        ("en", 1, "1 skipped: it holds personal data"),
        ("en", 3, "3 skipped: they hold personal data"),
    ],
)
def test_skipped_comments_are_counted_in_the_right_number(
    lang: str, n: int, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    assert admin_text.plural("bulk_skipped", n).startswith(expected)


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("nl", 1, "over 1 minuut opnieuw"),
        ("nl", 5, "over 5 minuten opnieuw"),
        ("en", 1, "in 1 minute."),
        ("en", 5, "in 5 minutes."),
    ],
)
def test_a_lockout_names_its_minutes_in_the_right_number(
    lang: str, n: int, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    assert expected in admin_text.plural("login_locked", n)


def test_a_reader_told_to_wait_one_second_reads_one_second() -> None:
    assert reader_text._wait(1, "nl") == "over 1 seconde"
    assert reader_text._wait(1, "en") == "in 1 second"
    assert reader_text._wait(2, "en") == "in 2 seconds"


def test_the_bulk_notice_counts_one_skipped_comment_in_the_singular(client: TestClient) -> None:
    plain = post(client)["id"]
    hinted = post(client, body="Bel me gerust op 06-12345678.", author_token=None)["id"]
    csrf = login(client)
    done = client.post(
        "/admin/bulk",
        data={"csrf": csrf, "back": "/admin/", "action": "approve", "ids": [plain, hinted]},
        follow_redirects=True,
    )
    text = visible(done.text)
    assert "1 reactie bijgewerkt. 1 overgeslagen: deze bevat persoonsgegevens" in text
    assert "keur haar apart goed" in text


# -- one word for one thing: "aanbeveling" ---------------------------------------------------------


def dutch_tables() -> dict[str, list[str]]:
    return {
        "admin": list(ADMIN_NL.values()),
        "mails": list(text.section("nl", "mail").values()),
        # the widgets, reader pages and refusals, the hints: service/text
        "catalog": list(text.catalog("nl").values()),
    }


@pytest.mark.parametrize("where", sorted(dutch_tables()))
def test_dutch_says_aanbeveling_never_testimonial(where: str) -> None:
    for words in dutch_tables()[where]:
        assert "testimonial" not in words.lower(), (where, words)


def test_the_dutch_admin_pages_say_aanbeveling(client: TestClient) -> None:
    cid = post(client)["id"]
    act(client, cid, "approve")
    assert act(client, cid, "promote", excerpt="Sinds ik magnesium neem").is_success
    login(client)
    for path in ("/admin/?status=testimonials", "/admin/activity", f"/admin/comments/{cid}"):
        text = visible(client.get(path).text)
        assert "Aanbeveling" in text or "aanbeveling" in text, path
        assert "testimonial" not in text.lower(), (path, text)


# -- the reader's manage page ----------------------------------------------------------------------


def manage_page(client: TestClient, lang: str) -> str:
    store = client.app.state.store  # type: ignore[attr-defined]
    token = client.portal.call(notify.manage_link, store, "anna@example.nl")  # type: ignore[union-attr]
    response = client.get(f"/manage/{token}?lang={lang}")
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize(
    ("stamp", "lang", "expected"),
    [
        ("2026-12-07T10:00:00.000000Z", "nl", "7 december 2026"),
        ("2026-12-07T10:00:00.000000Z", "en", "7 December 2026"),
        # 23:30 in Amsterdam is already the next day there.
        ("2026-03-01T23:30:00.000000Z", "nl", "2 maart 2026"),
        ("2026-07-31T12:00:00.000000Z", "en", "31 July 2026"),
    ],
)
def test_a_manage_page_date_reads_as_a_person_writes_it(
    stamp: str, lang: str, expected: str
) -> None:
    assert reader_pages.day(stamp, lang) == expected


@pytest.mark.parametrize(
    ("lang", "months", "back"),
    [
        ("nl", [text.message("nl", f"month.{m}") for m in range(1, 13)], "Terug naar Chorus"),
        ("en", [text.message("en", f"month.{m}") for m in range(1, 13)], "Back to Chorus"),
    ],
)
def test_the_manage_page_shows_dates_in_words_and_links_back(
    client: TestClient, lang: str, months: list[str], back: str
) -> None:
    published = post(client)["id"]
    act(client, published, "approve")
    waiting = post(client, body="Nog een verhaal.", author_token=None, page="/blog/ander")
    page = manage_page(client, lang)
    text = visible(page)
    assert not ISO_DATE.search(text), "an ISO date is shown"
    assert re.search(rf"\b\d{{1,2}} ({'|'.join(months)}) \d{{4}}\b", text)
    # A published comment links to its place on its page; a waiting one to the page itself.
    assert (
        'href="https://www.massage.example/blog/magnesium-en-slaap'
        f'#chorus-comment-{published}">Magnesium en slaap</a>'
    ) in page
    assert f"#chorus-comment-{waiting['id']}" not in page
    assert back in text
    assert 'href="https://www.massage.example/"' in page


def test_without_a_page_address_the_site_is_the_first_embedding_one(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    post(client, page_url=...)
    monkeypatch.setattr(settings, "ALLOWED_ORIGINS", [])
    page = manage_page(client, "nl")
    assert "<strong>Magnesium en slaap</strong>" in page  # no address: the title, no link
    assert "Terug naar" not in visible(page)  # no site known: no link rather than a wrong one
    monkeypatch.setattr(settings, "ALLOWED_ORIGINS", ["https://blog.example"])
    page = manage_page(client, "en")
    assert '<a class="btn" href="https://blog.example/">Back to Chorus</a>' in page

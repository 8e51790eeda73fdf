"""German and French wherever a reader or the owner reads Chorus: the pages Chorus serves itself
speak the language `?lang=` names, else the one the browser asks for, with a switch to the
others; nothing served in German or French falls back to an English sentence; the moderation
pages speak ADMIN_LANG; the policy's version does not move when a translation is added.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from starlette.testclient import TestClient

import settings
from service import notify, signing, text
from service.notify import owner_mail
from service.web import policy
from service.web.reader_pages import day
from service.web.reader_text import preferred
from tests.helpers import act, english_in, post, subscription_token
from tests.http.test_invites import invite
from tests.http.test_notify import Inbox, _free_port, inbox  # noqa: F401  (the SMTP fixture)
from tests.http.test_statements import mails_to
from tests.http.test_statements import text as mail_text

TRANSLATED = ["de", "fr"]


def test_the_check_finds_english_where_it_is(client: TestClient) -> None:
    english = client.get("/reviews/policy?lang=en").text
    found = english_in(english, "de")
    assert "Withdrawing your consent" in found and len(found) > 10
    assert english_in(client.get("/reviews/policy?lang=de").text, "de") == []


@pytest.fixture(autouse=True)
def free_posting(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Readers may post as often as the tests need."""
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    yield


def _manage_token(client: TestClient, email: str = "anna@example.nl") -> str:
    store = client.app.state.store  # type: ignore[attr-defined]
    token: str = client.portal.call(notify.manage_link, store, email)  # type: ignore[union-attr]
    return token


def reader_pages(client: TestClient, lang: str) -> dict[str, str]:
    """Every page a reader of `lang` reaches, by name, as served."""
    shown = post(client, lang=lang, notify_replies=True)
    act(client, shown["id"], "approve")
    token = _manage_token(client)
    manage = f"/manage/{token}?lang={lang}"
    story = str(invite(client, name="Joost", lang=lang)["url"]).removeprefix(settings.PUBLIC_URL)
    pages = {
        "policy": client.get(f"/reviews/policy?lang={lang}").text,
        "report": client.get(f"/report/{shown['id']}?lang={lang}").text,
        "manage": client.get(manage).text,
        "manage_done": client.post(
            manage, data={"comment": str(shown["id"]), "action": "withdraw_consent"}
        ).text,
        "manage_invalid": client.get(f"/manage/forged?lang={lang}").text,
        "story": client.get(f"{story}?lang={lang}").text,
        "collect": client.get(f"/vertel?lang={lang}").text,
        "confirm": client.get(
            f"/replies/confirm/{subscription_token(client, shown['id'], signing.CONFIRM)}"
            f"?lang={lang}"
        ).text,
        "unsubscribe": client.get(
            f"/replies/unsubscribe/{subscription_token(client, shown['id'], signing.UNSUBSCRIBE)}"
            f"?lang={lang}"
        ).text,
    }
    sent = client.post(f"/report/{shown['id']}?lang={lang}", data={"reason": "spam"})
    pages["report_refused"] = sent.text  # no form token and no message: refused, in words
    return pages


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_reader_page_in_german_or_french_holds_an_english_sentence(
    client: TestClient, lang: str
) -> None:
    for name, page in reader_pages(client, lang).items():
        assert f'<html lang="{lang}">' in page, name
        assert english_in(page, lang) == [], name


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("name", ["comments", "testimonials"])
def test_no_widget_built_in_german_or_french_holds_an_english_sentence(
    sqlite_client: TestClient, lang: str, name: str
) -> None:
    served = sqlite_client.get(f"/widget/{name}.js?lang={lang}").text
    assert text.message(lang, f"widget.{name}.title") in served
    assert english_in(served, lang) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_mail_to_a_german_or_french_reader_holds_an_english_sentence(
    sqlite_client: TestClient,
    inbox: Inbox,  # noqa: F811
    lang: str,
) -> None:
    client = sqlite_client
    address = "anna@example.nl"
    asked = post(client, lang=lang, notify_replies=True)  # the confirmation mail
    assert client.post("/api/manage", json={"email": address, "lang": lang}).status_code == 202
    rejected = post(client, lang=lang, body="Een tweede verhaal.")
    act(client, rejected["id"], "reject", reason="health_claim")  # the statement of reasons
    mails: list[EmailMessage] = mails_to(inbox, address, 3)
    assert len(mails) == 3 and asked
    for mail in mails:
        seen = f"{mail['Subject']}\n{mail_text(mail)}"
        assert english_in(seen, lang) == [], seen
    statement = next(m for m in mails if "/reviews/policy" in mail_text(m))
    # The comment is named by its day, written as the reader writes a date.
    month = r"[^\W\d]+\.?"
    assert re.search(rf"\b\d{{1,2}}\.? {month} 20\d\d\b", mail_text(statement)), mail_text(
        statement
    )


@pytest.mark.parametrize(("lang", "link"), [("de", "Freigeben: "), ("fr", "Approuver : ")])
def test_no_mail_to_the_owner_in_german_or_french_holds_an_english_sentence(
    sqlite_client: TestClient,
    inbox: Inbox,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    link: str,
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    client = sqlite_client
    post(client, body="Ruf mich an: 0171 1234567, mein Rücken ist geheilt!", rating=4)
    parent = post(client, body="Merci pour tout.", consent=False, rating=..., email=...)
    assert act(client, parent["id"], "approve").status_code == 200
    post(client, parent=parent["id"], author="Bram", email="bram@example.nl", body="Ich auch!")
    notices: list[EmailMessage] = mails_to(inbox, settings.NOTIFY_EMAIL, 3)
    assert len(notices) == 3
    # The digest a flood folds into, and the settings page's test mail, as they are built.
    digest = owner_mail.digest_message(
        99, [("Anna", "Magnesium", status) for status in ("pending", "approved", "spam")] * 20
    )
    for mail in [*notices, digest, owner_mail.test_message()]:
        seen = f"{mail['Subject']}\n{mail_text(mail)}"
        assert english_in(seen, lang) == [], seen
    waiting = mail_text(notices[0])
    # A one-click link is labelled as the language writes a label (French spaces its colon).
    assert f"\n{link}http://testserver/admin/mail/" in waiting, waiting
    # The hints are listed with the language's own punctuation (French spaces its semicolon).
    hints = [text.message(lang, f"hint.{code}") for code in ("phone", "health_claim")]
    assert text.listing(lang, hints) in waiting, waiting
    assert ("\u202f; " in waiting) == (lang == "fr")


@pytest.mark.parametrize(
    ("lang", "title"), [("de", "Kommentare prüfen"), ("fr", "Relire les commentaires")]
)
def test_the_moderation_pages_speak_admin_lang(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, lang: str, title: str
) -> None:
    from tests.http import test_admin

    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", test_admin._HASH)
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    post(client, body="Ruf mich an: 0171 1234567")
    test_admin.login(client)
    for path in ("/admin/", "/admin/activity", "/admin/rules", "/admin/settings"):
        page = client.get(path).text
        assert f'<html lang="{lang}"' in page, path
        assert english_in(page, lang) == [], path
    assert title in client.get("/admin/").text
    assert text.message(lang, "hint.phone") in client.get("/admin/").text


# -- which language a page speaks ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("de-DE,de;q=0.9,en;q=0.8", "de"),
        ("fr-BE", "fr"),
        ("en;q=0.5, fr;q=0.9", "fr"),  # by q-value, not by place
        ("es, de;q=0.3", "de"),  # a language Chorus lacks is passed over
        ("nl;q=0, en", "en"),  # q=0 means "not this one"
        ("*", None),
        ("es-ES", None),
        ("de;q=nonsense, fr", "fr"),
        ("", None),
    ],
)
def test_the_browsers_first_language_that_chorus_speaks_is_chosen(
    header: str, lang: str | None
) -> None:
    assert preferred(header) == lang


@pytest.mark.parametrize(
    ("header", "query", "lang"),
    [
        ("de-DE,de;q=0.9", "", "de"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "", "fr"),
        ("fr-FR", "?lang=de", "de"),  # an explicit ?lang= wins
        ("es-ES", "", "nl"),  # else the practice's own language
        ("", "", "nl"),
    ],
)
def test_the_pages_speak_the_browsers_language_unless_the_address_names_one(
    client: TestClient, header: str, query: str, lang: str
) -> None:
    shown = post(client)
    act(client, shown["id"], "approve")
    headers = {"Accept-Language": header} if header else {}
    for path in ("/reviews/policy", f"/report/{shown['id']}", "/manage/forged"):
        response = client.get(path + query, headers=headers)
        assert f'<html lang="{lang}">' in response.text, path
        assert "accept-language" in response.headers["vary"].lower(), path
        assert f'aria-label="{text.message(lang, "language.switch")}"' in response.text, path


def test_every_page_links_to_itself_in_each_language(client: TestClient) -> None:
    page = client.get("/reviews/policy?lang=fr", headers={"Accept-Language": "de"}).text
    switch = re.search(r'<nav class="langs[^"]*" aria-label="([^"]+)">(.*?)</nav>', page, re.S)
    assert switch and switch[1] == "Langue"
    link = r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+"( aria-current="page")?>([^<]+)</a>'
    links = re.findall(link, switch[2])
    assert [(href, code, name) for href, code, _, name in links] == [
        ("/reviews/policy?lang=nl", "nl", "Nederlands"),
        ("/reviews/policy?lang=de", "de", "Deutsch"),
        ("/reviews/policy?lang=en", "en", "English"),
        ("/reviews/policy?lang=fr", "fr", "Français"),
    ]
    assert [code for _, code, current, _ in links if current] == ["fr"]


def test_each_language_writes_a_readers_date_its_own_way() -> None:
    stamp = "2026-12-07T10:00:00.000000Z"
    assert [day(stamp, lang) for lang in ("nl", "en", "de", "fr")] == [
        "7 december 2026",
        "7 December 2026",
        "7. Dezember 2026",
        "7 décembre 2026",
    ]


# -- the review policy's version ---------------------------------------------------------------


def test_a_translation_does_not_move_the_policys_version(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = policy.version_of(False)
    for lang in TRANSLATED:
        monkeypatch.setitem(text.catalog(lang), "policy.who.heading", "Anders gesagt")  # type: ignore[arg-type]
    assert policy.version_of(False) == before
    monkeypatch.setitem(text.catalog("nl"), "policy.who.heading", "Anders gezegd")  # type: ignore[arg-type]
    assert policy.version_of(False) != before  # the Dutch and English wording does move it


def test_the_policy_reads_the_same_version_in_every_language(client: TestClient) -> None:
    versions = {
        re.search(r'data-version="(\w+)"', client.get(f"/reviews/policy?lang={lang}").text)[1]  # type: ignore[index]
        for lang in text.LANGUAGES
    }
    assert len(versions) == 1

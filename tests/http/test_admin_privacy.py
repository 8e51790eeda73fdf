"""The privacy-request page: find, export and erase a reader by e-mail address, on both backends."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords, text
from tests.helpers import ERASED_TRACES, OWNER, every_view, post, reader_with_history
from tests.http.test_admin import PASSWORD, csrf_of, login
from tests.http.test_notify import Inbox, inbox  # noqa: F401  (the SMTP fixture)

ADMIN_NL = text.section("nl", "admin")  # the moderation pages' words in Dutch
ANNA = "anna@example.nl"
_HASH = passwords.hash_password(PASSWORD)


@pytest.fixture(autouse=True)
def owner_password(
    monkeypatch: pytest.MonkeyPatch,
    inbox: Inbox,  # noqa: F811  (a mail server: readers' reply subscriptions need one)
) -> Iterator[None]:
    """The owner's password is known and the pages speak Dutch unless a test says otherwise."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    monkeypatch.setattr(settings, "ADMIN_LANG", "nl")
    yield


def search(client: TestClient, email: str) -> Any:
    """The search form posted as the page sends it, with the page's CSRF token."""
    csrf = csrf_of(client.get("/admin/privacy").text)
    return client.post("/admin/privacy", data={"csrf": csrf, "email": email})


def find(client: TestClient, email: str) -> str:
    response = search(client, email)
    assert response.status_code == 200, response.text
    return response.text


def text_of(page: str) -> str:
    """What a person reads: the page without its tags, entities resolved, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def erase(client: TestClient, csrf: str | None, **fields: str) -> Any:
    data = {"email": ANNA, "keep_anonymised": "false", "confirm": "yes", **fields}
    if csrf is not None:
        data["csrf"] = csrf
    return client.post("/admin/privacy/erase", data=data, follow_redirects=False)


def owner_html_views(client: TestClient) -> str:
    """Every moderation page that lists readers, as the logged-in owner sees them."""
    pages = [f"/admin/?status={tab}" for tab in ("pending", "approved", "testimonials", "all")]
    pages += ["/admin/?status=all&q=Anna", "/admin/?status=all&q=Geheim", "/admin/activity"]
    return "\n".join(client.get(path).text for path in pages)


# -- access -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/admin/privacy", f"/admin/privacy?email={ANNA}"])
def test_the_page_is_for_the_logged_in_owner_only(client: TestClient, path: str) -> None:
    reader_with_history(client)
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/admin/login?next=%2Fadmin%2Fprivacy")
    assert "Anna Geheim" not in response.text


def test_erase_without_a_session_changes_nothing(client: TestClient) -> None:
    cid = reader_with_history(client)
    response = erase(client, None)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/admin/login")
    assert client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()["author"] == (
        "Anna Geheim"
    )


@pytest.mark.parametrize(
    ("headers", "token"),
    [({}, None), ({}, "not-the-token"), ({"Origin": "https://evil.example"}, "valid")],
    ids=["missing token", "wrong token", "foreign origin"],
)
def test_erase_needs_the_csrf_token_and_our_origin(
    client: TestClient, headers: dict[str, str], token: str | None
) -> None:
    cid = reader_with_history(client)
    csrf = login(client)
    data = {"email": ANNA, "keep_anonymised": "false", "confirm": "yes"}
    if token is not None:
        data["csrf"] = csrf if token == "valid" else token
    response = client.post(
        "/admin/privacy/erase", data=data, headers=headers, follow_redirects=False
    )
    assert response.status_code == 403
    assert "Dit verzoek kwam niet van de moderatiepagina" in response.text
    assert client.get(f"/admin/api/comments/{cid}", headers=OWNER).status_code == 200


def test_the_menu_leads_to_the_page(client: TestClient) -> None:
    login(client)
    queue = client.get("/admin/").text
    assert '<a href="/admin/privacy">Privacyverzoek</a>' in queue
    page = client.get("/admin/privacy").text
    assert '<a href="/admin/privacy" aria-current="page">Privacyverzoek</a>' in page
    assert 'name="email"' in page and "found-title" not in page  # only the form, before a search


# -- find and export ----------------------------------------------------------------------------


def test_find_shows_comments_consents_subscriptions_and_log_rows(client: TestClient) -> None:
    cid = reader_with_history(client)
    login(client)
    page = find(client, ANNA)
    words = text_of(page)
    assert f"Gevonden bij {ANNA}" in words
    comments = text_of(page.split('id="privacy-comments"')[1].split("</table>")[0])
    assert f"#{cid} Anna Geheim" in comments and "Magnesium en slaap" in comments
    assert "Goedgekeurd" in comments and "Aanbeveling" in comments
    assert "Mijn rugpijn is weg." in comments
    consents = text_of(page.split('id="privacy-consents"')[1].split("</table>")[0])
    assert "2026-11" in consents and "Geldig" in consents
    subscriptions = text_of(page.split('id="privacy-subscriptions"')[1].split("</table>")[0])
    assert f"#{cid}" in subscriptions and "Niet bevestigd" in subscriptions
    log = text_of(page.split('id="privacy-log"')[1].split("</table>")[0])
    assert f"keurde #{cid} goed" in log and f"maakte een aanbeveling van #{cid}" in log
    assert "Bram" not in words and "Ik ook!" not in words  # another reader's comment
    assert 'action="/admin/privacy/export"' in page
    assert 'action="/admin/privacy/erase"' in page and f'value="{csrf_of(page)}"' in page


def test_find_shows_a_withdrawn_consent_with_its_date(client: TestClient) -> None:
    answer = post(client)
    client.post(
        f"/api/comments/{answer['id']}/withdraw-consent",
        json={"author_token": answer["author_token"]},
    )
    login(client)
    consents = find(client, ANNA).split('id="privacy-consents"')[1].split("</table>")[0]
    assert "Ingetrokken op" in text_of(consents) and "Geldig" not in text_of(consents)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_unknown_address_finds_nothing_and_says_so(
    client: TestClient, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    reader_with_history(client)
    login(client)
    page = find(client, "nobody@example.nl")
    nothing = text.section(lang, "admin")["privacy_nothing"].format(email="nobody@example.nl")
    assert nothing in text_of(page)
    assert "/admin/privacy/erase" not in page and "Anna" not in page


@pytest.mark.parametrize("email", ["nope", "a@", "x" * 300 + "@example.nl"])
def test_an_invalid_address_is_refused_naming_the_field(client: TestClient, email: str) -> None:
    login(client)
    response = search(client, email)
    assert response.status_code == 422
    assert 'data-field="email"' in response.text and 'aria-invalid="true"' in response.text
    assert ADMIN_NL["privacy_error_email"] in text_of(response.text)


def test_export_downloads_the_same_json_as_the_owner_api(client: TestClient) -> None:
    cid = reader_with_history(client)
    login(client)
    found = find(client, ANNA)
    form = re.search(
        r'<form method="post" action="([^"]+)" class="row export-row">(.*?)</form>', found, re.S
    )
    assert form, "the result has no export form"
    fields = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(2))
    )
    download = client.post(form.group(1), data={k: html.unescape(v) for k, v in fields.items()})
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/json"
    assert download.headers["content-disposition"] == 'attachment; filename="chorus-reader.json"'
    assert download.headers["cache-control"] == "no-store"
    data = download.json()
    by_api = client.post("/admin/api/readers/export", json={"email": ANNA}, headers=OWNER).json()
    assert {k: v for k, v in data.items() if k != "exported_at"} == {
        k: v for k, v in by_api.items() if k != "exported_at"
    }
    assert data["email"] == ANNA and [c["id"] for c in data["comments"]] == [cid]
    assert data["comments"][0]["consent_version"] == "2026-11"
    assert [s["comment_id"] for s in data["subscriptions"]] == [cid]
    assert len(data["moderation_log"]) == 2


# -- erase --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"confirm": ""}, "confirm"),
        ({"keep_anonymised": ""}, "keep_anonymised"),
        ({"keep_anonymised": "maybe"}, "keep_anonymised"),
        ({"email": "nope"}, "email"),
    ],
)
def test_erase_asks_for_a_choice_and_a_confirmation_first(
    client: TestClient, fields: dict[str, str], field: str
) -> None:
    cid = reader_with_history(client)
    csrf = login(client)
    response = erase(client, csrf, **fields)
    assert response.status_code == 422
    page = response.text
    assert f'data-field="{field}"' in page
    assert ADMIN_NL[f"privacy_error_{field}"] in text_of(page)
    assert client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()["author"] == (
        "Anna Geheim"
    )


@pytest.mark.parametrize("keep", [False, True])
def test_erase_removes_the_reader_from_every_public_and_owner_view(
    client: TestClient, keep: bool
) -> None:
    cid = reader_with_history(client)
    csrf = login(client)
    assert "Anna Geheim" in every_view(client) and "Anna Geheim" in owner_html_views(client)
    response = erase(client, csrf, keep_anonymised="true" if keep else "false")
    assert response.status_code == 303
    location = response.headers["location"]
    assert "anna" not in location.lower()  # the address is never put in a URL after erasing
    shown = text_of(client.get(location).text)
    done = "1 reactie gehouden als ‘een lezer’" if keep else "1 reactie verwijderd"
    assert done in shown
    assert "1 melding bij antwoorden gestopt" in shown and "2 logregels gewist" in shown
    seen = every_view(client) + owner_html_views(client)
    for trace in ERASED_TRACES[:3] if keep else ERASED_TRACES:
        assert trace not in seen, trace
    assert "Ik ook!" in seen  # another reader is untouched
    # Views that echo the address the owner typed: nothing but the echo.
    searched = client.get("/admin/", params={"status": "all", "q": ANNA}).text
    assert "Geen reacties gevonden." in text_of(searched) and "Anna Geheim" not in searched
    assert "Niets gevonden bij" in text_of(find(client, ANNA))
    found = client.post("/admin/api/readers", json={"email": ANNA}, headers=OWNER).json()
    assert found == {
        "email": ANNA,
        "comments": [],
        "subscriptions": [],
        "moderation_log": [],
        "reports": [],
        "statements": [],
        "invitations": [],
    }
    activity = text_of(client.get("/admin/activity").text)
    assert "wiste de gegevens van een lezer" in activity
    assert f"#{cid}" not in activity  # only that an erasure happened
    kept = client.get(f"/admin/api/comments/{cid}", headers=OWNER)
    if keep:
        assert kept.json()["author"] == "een lezer" and kept.json()["email"] is None
        assert "een lezer" in owner_html_views(client)
    else:
        assert kept.status_code == 404


def test_erase_in_english_keeps_comments_as_a_reader(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    cid = reader_with_history(client)
    csrf = login(client)
    response = erase(client, csrf, keep_anonymised="true")
    shown = text_of(client.get(response.headers["location"]).text)
    assert "1 comment kept as ‘a reader’" in shown and "2 log rows erased" in shown
    assert client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()["author"] == "a reader"
    assert "erased a reader's data" in text_of(client.get("/admin/activity").text)


# -- the address stays out of URLs ------------------------------------------------------------


def test_the_search_is_a_post_and_a_get_with_an_address_shows_nothing(client: TestClient) -> None:
    reader_with_history(client)
    login(client)
    shown = client.get("/admin/privacy", params={"email": ANNA})
    assert shown.status_code == 200
    assert "Anna Geheim" not in shown.text and ANNA not in shown.text
    page = find(client, ANNA)
    assert "Anna Geheim" in page
    # No link on the result carries the address (a click would put it in a logged URL).
    assert not re.search(r'href="[^"]*(anna|%40|email=)', page)


def test_the_search_needs_the_csrf_token(client: TestClient) -> None:
    reader_with_history(client)
    login(client)
    response = client.post("/admin/privacy", data={"email": ANNA})
    assert response.status_code == 403
    assert "Anna Geheim" not in response.text


@pytest.mark.parametrize("path", ["/admin/api/readers", "/admin/api/readers/export"])
def test_the_owner_api_takes_the_address_in_the_body_only(client: TestClient, path: str) -> None:
    reader_with_history(client)
    assert client.get(path, params={"email": ANNA}, headers=OWNER).status_code == 405
    assert client.post(path, json={"email": ANNA}, headers=OWNER).json()["email"] == ANNA
    missing = client.post(path, json={}, headers=OWNER)
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "email"

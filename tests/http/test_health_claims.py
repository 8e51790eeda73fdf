"""Health claims at the step that matters: promoting a story, and the owner's own replies.

A story may say a treatment cured someone; the practice may not repeat that as advertising (EU
regulation 1924/2006, the Dutch advertising codes). So the second look before promoting says so
in plain words, in Dutch and English, and offers the sentences without the claim as the excerpt;
and the owner's replies get the same hints before they go out. Over the owner API and the no-JS
pages, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords
from tests.helpers import PAGE, act, post

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)
CLAIMED = (
    "Ik kwam binnen met een stijve nek. "
    "Na drie behandelingen is mijn migraine genezen. "
    "De praktijk is rustig en de therapeut neemt echt de tijd voor je."
)
WITHOUT_CLAIM = "De praktijk is rustig en de therapeut neemt echt de tijd voor je."


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    monkeypatch.setattr(settings, "ADMIN_LANG", "nl")
    yield


def approved(client: TestClient, body: str) -> int:
    cid: int = post(client, body=body)["id"]
    answer = act(client, cid, "approve", confirm_hints=["health_claim", "phone", "medical"])
    assert answer.status_code == 200, answer.text
    return cid


def login(client: TestClient) -> str:
    response = client.post(
        "/admin/login", data={"password": PASSWORD, "next": "/admin/"}, follow_redirects=False
    )
    assert response.status_code == 303
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', client.get("/admin/").text)
    assert match
    return match.group(1)


def form(client: TestClient, url: str, csrf: str, **fields: Any) -> Any:
    return client.post(
        url, data={"back": "/admin/", "csrf": csrf, **fields}, follow_redirects=False
    )


def page_comments(client: TestClient) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = client.get("/api/comments", params={"page": PAGE}).json()[
        "comments"
    ]
    return found


def wall_ids(client: TestClient) -> list[int]:
    return [t["id"] for t in client.get("/api/testimonials").json()["testimonials"]]


# -- promoting a story with a claim --------------------------------------------------------------


def test_the_api_names_the_rule_and_offers_the_sentences_without_the_claim(
    client: TestClient,
) -> None:
    cid = approved(client, CLAIMED)
    refused = act(client, cid, "promote")
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert error["code"] == "confirm_hints" and error["hints"] == ["health_claim"]
    assert error["excerpt_without_claim"] == WITHOUT_CLAIM
    assert "1924/2006" in error["message"]
    assert wall_ids(client) == []
    # The offer is a passage that needs no second look: promoting it is one request.
    taken = act(client, cid, "promote", excerpt=error["excerpt_without_claim"])
    assert taken.status_code == 200, taken.text
    shown = client.get("/api/testimonials").json()["testimonials"]
    assert [(t["id"], t["excerpt"]) for t in shown] == [(cid, f"… {WITHOUT_CLAIM}")]
    assert "genezen" not in shown[0]["html"]


def test_a_story_that_is_all_claim_is_offered_nothing(client: TestClient) -> None:
    cid = approved(client, "Mijn migraine is genezen. Gegarandeerd resultaat!")
    error = act(client, cid, "promote").json()["error"]
    assert error["excerpt_without_claim"] is None
    # Confirming the claim is still the owner's choice.
    assert act(client, cid, "promote", confirm_hints=["health_claim"]).status_code == 200


def test_hints_other_than_a_claim_get_no_offer(client: TestClient) -> None:
    cid = approved(client, "Bel me gerust op 06 12345678, de praktijk is fijn.")
    error = act(client, cid, "promote").json()["error"]
    assert error["hints"] == ["phone"] and "excerpt_without_claim" not in error


@pytest.mark.parametrize(
    ("lang", "says", "offers", "button"),
    [
        (
            "nl",
            "mag je praktijk dat niet als reclame herhalen",
            "De zinnen zonder de claim, als passage:",
            "Alleen deze zinnen als aanbeveling",
        ),
        (
            "en",
            "your practice may not repeat that as advertising",
            "The sentences without the claim, as the passage:",
            "Use only these sentences as the testimonial",
        ),
    ],
)
def test_the_second_look_page_says_why_and_offers_the_clean_passage(
    client: TestClient,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    says: str,
    offers: str,
    button: str,
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    cid = approved(client, CLAIMED)
    csrf = login(client)
    page = form(client, f"/admin/comments/{cid}/promote", csrf, excerpt="")
    assert page.status_code == 409
    text = html.unescape(page.text)
    assert says in text and "1924/2006" in text
    assert offers in text and button in text
    assert f'name="excerpt" value="{WITHOUT_CLAIM}"' in text
    assert wall_ids(client) == []
    # The offered form promotes the passage without the claim.
    done = form(client, f"/admin/comments/{cid}/promote", csrf, excerpt=WITHOUT_CLAIM)
    assert done.status_code == 303 and "done=promote" in done.headers["location"]
    assert wall_ids(client) == [cid]


# -- the owner's own replies ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "hints"),
    [
        ("Fijn dat de behandeling je migraine heeft genezen!", ["health_claim"]),
        ("Bel me gerust op 06 12345678 voor een afspraak.", ["phone"]),
        ("Mail gerust naar praktijk@example.nl.", ["email"]),
        ("Overleg dit eerst met je huisarts.", ["medical"]),
    ],
)
def test_a_reply_with_a_hint_asks_once_more_through_the_api(
    client: TestClient, reply: str, hints: list[str]
) -> None:
    cid = approved(client, "Ik slaap weer beter, dank je.")
    refused = act(client, cid, "reply", body=reply)
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert (error["code"], error["field"], error["hints"]) == (
        "confirm_hints",
        "confirm_hints",
        hints,
    )
    assert [c for c in page_comments(client) if c["owner"]] == []
    done = act(client, cid, "reply", body=reply, confirm_hints=hints)
    assert done.status_code == 201, done.text


def test_a_reply_without_hints_goes_out_at_once(client: TestClient) -> None:
    cid = approved(client, "Ik slaap weer beter, dank je.")
    done = act(client, cid, "reply", body="Dank je wel, fijn om te horen!")
    assert done.status_code == 201


def test_an_unknown_confirmation_is_refused_naming_the_field(client: TestClient) -> None:
    cid = approved(client, "Ik slaap weer beter, dank je.")
    refused = act(client, cid, "reply", body="Dank je!", confirm_hints=["nonsense"])
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "confirm_hints"


@pytest.mark.parametrize(
    ("lang", "asks", "submit"),
    [
        ("nl", "Je antwoord verschijnt meteen onder de reactie", "Toch antwoord plaatsen"),
        ("en", "Your reply appears under the comment at once", "Post the reply anyway"),
    ],
)
def test_the_reply_form_shows_a_second_look_with_the_draft(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, lang: str, asks: str, submit: str
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    cid = approved(client, "Ik slaap weer beter, dank je.")
    csrf = login(client)
    draft = "Fijn dat je migraine genezen is!\nTot de volgende keer."
    page = form(client, f"/admin/comments/{cid}/reply", csrf, body=draft)
    assert page.status_code == 409
    text = html.unescape(page.text)
    assert asks in text and submit in text and "1924/2006" in text
    assert "Fijn dat je migraine genezen is!" in text
    assert 'name="confirm_hints" value="health_claim"' in text
    sent = re.search(r'name="body" value="([^"]*)"', page.text)
    assert sent is not None and html.unescape(sent.group(1)) == draft
    done = form(
        client, f"/admin/comments/{cid}/reply", csrf, body=draft, confirm_hints="health_claim"
    )
    assert done.status_code == 303 and "done=reply" in done.headers["location"]
    assert any("Tot de volgende keer." in c["html"] for c in page_comments(client) if c["owner"])

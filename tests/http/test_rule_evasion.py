"""Disguised posts meet the owner's rules, duplicate detection and reserved names as plain ones do,
on SQLite and PostgreSQL; ordinary Dutch and names in other scripts pass untouched.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from tests.helpers import OWNER, counts, post, story


def _add_rule(client: TestClient, kind: str, value: str, action: str = "spam") -> dict[str, Any]:
    added = client.post(
        "/admin/api/rules", headers=OWNER, json={"kind": kind, "value": value, "action": action}
    )
    assert added.status_code == 201, added.text
    rule: dict[str, Any] = added.json()
    return rule


def _error(response: Any) -> tuple[int, str, str]:
    error = response.json()["error"]
    return response.status_code, error["field"], error["code"]


@pytest.fixture
def unmoderated(monkeypatch: pytest.MonkeyPatch) -> None:
    """MODERATION=none: whatever no rule holds goes live at once."""
    monkeypatch.setattr(settings, "MODERATION", "none")


@pytest.mark.usefixtures("unmoderated")
@pytest.mark.parametrize(
    "body",
    [
        "Speel nu in het cas\u034fino",  # combining grapheme joiner
        "Speel nu in het casino\u3164",  # Hangul filler
        "Speel nu in het саsіnо",  # Cyrillic look-alikes
        "Speel nu in het cas\U000e0100in0",  # variation selector and a zero for o
    ],
)
def test_a_word_rule_holds_a_disguised_word_as_the_plain_one(client: TestClient, body: str) -> None:
    _add_rule(client, "word", "casino")
    assert post(client, body="Speel vandaag in het casino")["status"] == "pending"
    assert post(client, body=body)["status"] == "pending"
    assert post(client, body="Gewoon een mooi verhaal")["status"] == "approved"
    assert counts(client)["spam"] == 2


@pytest.mark.usefixtures("unmoderated")
@pytest.mark.parametrize(
    ("body", "website"),
    [
        ("Kijk op https://casino%2eexample/deal", ""),
        ("Kijk op https://casino.example\\@good.example/", ""),
        ("Kijk op https://shop.casino\u3002example./deal", ""),
        ("Gewoon een verhaal", "https://casino\uff0eexample/"),
    ],
)
def test_a_domain_rule_holds_a_link_a_browser_would_follow_there(
    client: TestClient, body: str, website: str
) -> None:
    _add_rule(client, "domain", "casino.example", "queue")
    assert post(client, body="Kijk op https://casino.example/")["status"] == "pending"
    assert post(client, body=body, website=website)["status"] == "pending"
    log = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    reasons = [e["detail"] for e in log if e["action"] == "intake"]
    assert reasons == ["rule domain: casino.example"] * 2


@pytest.mark.usefixtures("unmoderated")
def test_a_rule_on_a_unicode_domain_holds_its_punycode_and_back(client: TestClient) -> None:
    rule = _add_rule(client, "domain", "bücher.example")
    assert rule["value"] == "xn--bcher-kva.example"
    assert post(client, body="Zie https://xn--bcher-kva.example/")["status"] == "pending"
    assert post(client, body="Zie https://BÜCHER.example/")["status"] == "pending"
    again = client.post(
        "/admin/api/rules",
        headers=OWNER,
        json={"kind": "domain", "value": "https://www.xn--bcher-kva.example/", "action": "queue"},
    )
    assert _error(again) == (409, "value", "rule_exists")
    assert counts(client)["spam"] == 2


@pytest.mark.parametrize(
    "variant",
    [
        "Sinds ik magnesium neem slaap ik veel rus\u034ftiger.",  # combining grapheme joiner
        "Sinds\u2800ik\u2800magnesium neem slaap ik veel rustiger.",  # braille blanks
        "Sindѕ іk magnеsium nееm slаap ik veel rustiger.",  # Cyrillic look-alikes
        "Sinds ik magnesium neem s1aap ik vee1 rustiger.",  # ones for ells
    ],
)
def test_a_disguised_repeat_is_refused_as_a_duplicate(client: TestClient, variant: str) -> None:
    post(client, body="Sinds ik magnesium neem slaap ik veel rustiger.")
    response = client.post("/api/comments", json=story(body=variant))
    assert _error(response) == (409, "body", "duplicate")
    assert counts(client)["all"] == 1


@pytest.mark.parametrize(
    "name", ["Sanne\u2800", "Ѕаnnе\u2800", "\u2800Massagepraktijk\u28000ntspan"]
)
def test_a_disguised_owner_name_is_refused(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setattr(settings, "OWNER_NAME", "Sanne")
    monkeypatch.setattr(settings, "SITE_NAME", "Massagepraktijk Ontspan")
    response = client.post("/api/comments", json=story(author=name))
    assert _error(response) == (422, "author", "reserved_name")
    assert counts(client)["all"] == 0


# -- what must not be caught --------------------------------------------------------------------


@pytest.mark.usefixtures("unmoderated")
def test_dutch_with_diacritics_and_names_in_other_scripts_pass(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "OWNER_NAME", "Sanne")
    for word in ("een", "cafe", "ideeen", "geinteresseerd"):
        _add_rule(client, "word", word)
    _add_rule(client, "domain", "casino.example")
    posts = [
        ("Саша Иванова", "Eén keer per week, en de ideeën voor thuis zijn geweldig."),
        ("Σοφία Παπαδοπούλου", "Het café naast de praktijk; ik ben nu echt geïnteresseerd."),
        ("李娜", "Zie https://casino.example.org/ voor de coördinatie van de cursus."),
        ("Zoë Ümit", "Naïef misschien, maar mijn rug is dankbaar."),
    ]
    statuses = [post(client, author=a, body=b)["status"] for a, b in posts]
    assert statuses == ["approved", "approved", "approved", "approved"]
    # The rules still work: the plain "een" they name is held.
    assert post(client, body="Een keer per week was genoeg.")["status"] == "pending"
    assert counts(client)["spam"] == 1

"""The review policy page says what Chorus really does, from the live settings.

Over HTTP on SQLite and PostgreSQL: the text follows the moderation mode and the other settings
it describes, its version and date move exactly when that text does, the owner's paragraph is
added (escaped) and cannot replace the generated parts, and the figures are today's.
"""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

import settings
from service.web import policy
from tests.helpers import act, post


def page(client: TestClient, lang: str | None = None) -> str:
    response = client.get("/reviews/policy", params={"lang": lang} if lang else None)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def version(html: str) -> str:
    found = re.search(r'data-version="([0-9a-f]+)"', html)
    assert found
    return found.group(1)


def changed_on(html: str) -> str:
    found = re.search(r'data-since="([^"]+)"', html)
    assert found
    return found.group(1)


def test_the_policy_is_dutch_by_default_and_english_on_request(client: TestClient) -> None:
    dutch = page(client)
    assert '<html lang="nl">' in dutch and "Zo gaan we om met ervaringen" in dutch
    english = page(client, "en")
    assert '<html lang="en">' in english and "How we handle stories" in english
    assert '<html lang="nl">' in page(client, "es")  # an unknown language falls back to Dutch
    assert version(dutch) == version(english)  # one policy, in every language


def test_the_moderation_mode_changes_the_text_the_version_and_the_date(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "all")
    strict = page(client)
    assert "Elke reactie wordt door een mens gelezen voordat ze verschijnt" in strict
    assert "Every comment is read by a person before it appears" in page(client, "en")
    monkeypatch.setattr(settings, "MODERATION", "first")
    first = page(client)
    assert "Elke reactie wordt door een mens gelezen" not in first
    assert "De eerste reactie van iemand wordt door een mens gelezen" in first
    assert version(first) != version(strict)
    assert changed_on(first) > changed_on(strict)
    monkeypatch.setattr(settings, "MODERATION", "none")
    assert "zonder dat iemand ze eerst leest" in page(client)
    # Back to the first text: its version and the date it first appeared come back with it.
    monkeypatch.setattr(settings, "MODERATION", "all")
    again = page(client)
    assert version(again) == version(strict) and changed_on(again) == changed_on(strict)


def test_new_figures_change_neither_the_version_nor_the_date(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "TESTIMONIAL_MIN_COUNT", 1)
    before = page(client)
    assert "Ontvangen ervaringen: 0 · gepubliceerd: 0" in before
    cid = post(client, body="Heerlijk ontspannen na de behandeling.", rating=2)["id"]
    assert act(client, cid, "approve").status_code == 200
    assert act(client, cid, "promote").status_code == 200
    after = page(client)
    assert "Ontvangen ervaringen: 1 · gepubliceerd: 1" in after
    assert "Gemiddelde beoordeling: 2,0 van 5 (aantal beoordelingen: 1)" in after
    assert "Average rating: 2.0 out of 5 (number of ratings: 1)" in page(client, "en")
    assert version(after) == version(before) and changed_on(after) == changed_on(before)


def test_the_average_and_its_minimum_are_stated(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "TESTIMONIAL_MIN_COUNT", 5)
    html = page(client)
    assert "vanaf 5 beoordelingen" in html
    assert "nog niet getoond (aantal beoordelingen: 0; we tonen het vanaf 5)" in html
    assert "net zo behandeld als een verhaal met vijf" in html  # low ratings like high ones
    monkeypatch.setattr(settings, "TESTIMONIAL_MIN_COUNT", 8)
    assert version(page(client)) != version(html)


def test_reports_go_to_the_owners_mail_or_else_to_the_site(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "sanne@massage.example")
    assert "via sanne@massage.example" in page(client)
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "")
    monkeypatch.setattr(settings, "SITE_URL", "https://www.massage.example")
    assert "via https://www.massage.example" in page(client)


def test_the_owners_paragraph_is_added_escaped_after_the_generated_parts(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = page(client)
    monkeypatch.setattr(settings, "OWNER_NAME", "Sanne")
    named = page(client)
    monkeypatch.setattr(
        settings, "REVIEW_POLICY_EXTRA", "Vragen? Bel me <script>alert(1)</script> gerust."
    )
    html = page(client)
    assert "<script>alert(1)</script>" not in html
    assert "Bel me &lt;script&gt;alert(1)&lt;/script&gt; gerust." in html
    assert "Van Sanne" in html
    # Every generated section is still there, before the owner's own.
    for section in policy.sections("nl", imported=False):
        assert section.heading.replace("'", "&#39;") in html
        assert html.index(section.heading) < html.index("Van Sanne")
    assert len({version(plain), version(named), version(html)}) == 3


def test_imports_are_mentioned_only_once_there_were_any(client: TestClient) -> None:
    assert "overgezet" not in page(client)
    assert "moved over" not in page(client, "en")
    assert policy.version_of(True) != policy.version_of(False)
    assert "overgezet" in " ".join(
        p for s in policy.sections("nl", imported=True) for p in s.paragraphs
    )


def test_without_ratings_the_policy_promises_no_average(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATINGS", False)
    html = page(client)
    assert "geen sterren gegeven" in html and "vanaf 5 beoordelingen" not in html

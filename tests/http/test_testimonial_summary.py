"""The honesty line under the testimonial wall: every story received, and what became of it.

Over HTTP on SQLite and PostgreSQL: low ratings count like high ones, spam and stories held back
for someone's privacy are counted apart, and the average waits for TESTIMONIAL_MIN_COUNT ratings.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from tests.helpers import OWNER, act, post


@pytest.fixture(autouse=True)
def many_posts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)


def summary(client: TestClient) -> dict[str, Any]:
    response = client.get("/api/testimonials")
    assert response.status_code == 200
    result: dict[str, Any] = response.json()["summary"]
    return result


def published_story(client: TestClient, body: str, rating: int | None) -> int:
    cid: int = post(client, body=body, rating=rating)["id"]
    assert act(client, cid, "approve").status_code == 200
    answer = act(client, cid, "promote")
    assert answer.status_code == 200, answer.text
    return cid


def test_an_empty_wall_says_nothing_was_received(client: TestClient) -> None:
    assert summary(client) == {
        "received": 0,
        "published": 0,
        "not_published_privacy": 0,
        "spam": 0,
        "rating_count": 0,
        "rating_average": None,
    }


def test_every_story_counts_low_ratings_like_high_ones(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "TESTIMONIAL_MIN_COUNT", 3)
    published_story(client, "De massage was heerlijk ontspannend.", 5)
    published_story(client, "Ik vond de ruimte te koud en het te duur.", 1)
    published_story(client, "Prima afspraak, vriendelijk ontvangen.", 4)
    published_story(client, "Een fijne plek om tot rust te komen.", None)  # no stars: no rating
    # Approved under its post but not chosen for the wall: received, not published.
    plain = post(client, body="Leuk stuk over slapen, dank je.")["id"]
    assert act(client, plain, "approve").status_code == 200
    # Held back because it names someone's phone number.
    private = post(client, body="Bel mijn zus gerust op 06 12345678, zij was er ook.")["id"]
    assert act(client, private, "reject").status_code == 200
    # Rejected for another reason: received, not published, not counted as privacy.
    other = post(client, body="Niets met massage te maken.")["id"]
    assert act(client, other, "reject").status_code == 200
    spam = post(client, body="Koop goedkope horloges bij ons.")["id"]
    assert act(client, spam, "spam").status_code == 200
    # A comment without consent is no story, and the owner's reply is not one either.
    post(client, body="Alleen een reactie, geen aanbeveling.", consent=False)
    assert summary(client) == {
        "received": 7,
        "published": 4,
        "not_published_privacy": 1,
        "spam": 1,
        "rating_count": 3,
        "rating_average": 3.3,  # (5 + 1 + 4) / 3, the one-star story included
    }


def test_the_average_waits_for_the_minimum_number_of_ratings(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "TESTIMONIAL_MIN_COUNT", 3)
    published_story(client, "Heel fijn, ik kom zeker terug.", 5)
    published_story(client, "Goed, maar de wachttijd was lang.", 2)
    below = summary(client)
    assert below["rating_count"] == 2 and below["rating_average"] is None
    published_story(client, "Rustige sfeer en goede uitleg.", 5)
    reached = summary(client)
    assert reached["rating_count"] == 3 and reached["rating_average"] == 4.0


def test_the_default_minimum_is_five_ratings() -> None:
    assert settings.TESTIMONIAL_MIN_COUNT == 5


def test_a_withdrawn_consent_leaves_the_published_count_at_once(client: TestClient) -> None:
    answer = post(client, body="Na afloop voelde ik me ontspannen.", rating=4)
    assert act(client, answer["id"], "approve").status_code == 200
    assert act(client, answer["id"], "promote").status_code == 200
    assert summary(client)["published"] == 1  # and that answer is now cached
    withdrawn = client.post(
        f"/api/comments/{answer['id']}/withdraw-consent",
        json={"author_token": answer["author_token"]},
    )
    assert withdrawn.status_code == 200, withdrawn.text
    after = summary(client)
    assert after["received"] == 1 and after["published"] == 0 and after["rating_count"] == 0


def test_an_edit_that_turns_a_story_into_spam_updates_the_cached_summary(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "none")
    rule = {"kind": "word", "value": "casino", "action": "spam"}
    assert client.post("/admin/api/rules", headers=OWNER, json=rule).status_code == 201
    answer = post(client, body="Rustig en vriendelijk ontvangen.")  # a story, not on the wall
    before = summary(client)  # and now the cached answer
    assert (before["received"], before["spam"]) == (1, 0)
    edit = {"author_token": answer["author_token"], "body": "Speel nu in het beste casino!"}
    assert client.post(f"/api/comments/{answer['id']}/edit", json=edit).status_code == 200
    after = summary(client)
    assert (after["received"], after["spam"]) == (0, 1)

"""Who names a page over HTTP, on SQLite and PostgreSQL: a published comment or the owner (R-01).

And the owner's page list: pages that only a flood of waiting or spam posts made stay off it.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from tests.helpers import OWNER, PAGE, act, post, story


def _pages(client: TestClient) -> list[dict[str, Any]]:
    response = client.get("/admin/api/pages", headers=OWNER)
    assert response.status_code == 200
    pages: list[dict[str, Any]] = response.json()["pages"]
    return pages


def _title(client: TestClient, comment_id: int) -> tuple[str, str]:
    found = client.get(f"/admin/api/comments/{comment_id}", headers=OWNER).json()
    return found["page_title"], found["page_url"] or ""


FAKE = {"page_title": "Koop goedkope pillen", "page_url": "https://www.massage.example/pillen"}


def test_a_honeypot_post_does_not_name_the_page(client: TestClient) -> None:
    bot = post(client, hp="http://spam.example", **FAKE)
    real = post(client, body="Een echte lezer.", author_token=None)
    assert act(client, real["id"], "approve").status_code == 200
    assert _title(client, real["id"]) == (
        "Magnesium en slaap",
        "https://www.massage.example/blog/magnesium-en-slaap",
    )
    assert _title(client, bot["id"])[0] == "Magnesium en slaap"


def test_a_waiting_post_does_not_fill_an_empty_title(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "none")
    first = post(client, page_title="", page_url=...)
    assert _title(client, first["id"]) == ("", "")
    monkeypatch.setattr(settings, "MODERATION", "all")
    later = post(client, body="Later, en nog niet beoordeeld.", author_token=None, **FAKE)
    assert _title(client, first["id"]) == ("", "")
    assert act(client, later["id"], "spam").status_code == 200
    assert _title(client, first["id"]) == ("", "")


def test_pages_with_only_unpublished_posts_stay_off_the_owners_pages_list(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 100)
    for n in range(5):
        response = client.post("/api/comments", json=story(page=f"/flood/{n}", body=f"flood {n}"))
        assert response.status_code == 202
    assert _pages(client) == []
    real = post(client, body="Een echte lezer.")
    act(client, real["id"], "approve")
    assert [p["page"] for p in _pages(client)] == [PAGE]


# -- the owner's screens under a flood ----------------------------------------------------------


@pytest.fixture
def signed_in(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    """The owner, logged in through the form; readers may post freely."""
    from tests.http.test_admin import _HASH, login

    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    login(client)
    return client


def test_the_pages_screen_and_the_queue_filter_leave_out_flooded_pages(
    signed_in: TestClient,
) -> None:
    client = signed_in
    for n in range(30):
        answer = client.post("/api/comments", json=story(page=f"/flood/{n}", body=f"flood {n}"))
        assert answer.status_code == 202
    real = post(client, body="Een echte lezer.")
    act(client, real["id"], "approve")
    screen = client.get("/admin/pages")
    assert screen.status_code == 200
    assert PAGE in screen.text and "/flood/" not in screen.text
    queue = client.get("/admin/")
    assert queue.status_code == 200
    assert 'value="/flood/' not in queue.text  # the page filter lists published pages only


def test_the_queue_page_holds_at_most_one_page_of_cards_whatever_is_asked(
    signed_in: TestClient,
) -> None:
    from service.web.admin import PAGE_SIZE

    client = signed_in
    for n in range(PAGE_SIZE + 5):
        assert client.post("/api/comments", json=story(body=f"wacht {n}")).status_code == 202
    for query in ("", "?limit=1000", "?limit=1000&offset=0"):
        page = client.get(f"/admin/{query}")
        assert page.status_code == 200
        assert page.text.count('name="ids"') == PAGE_SIZE, query

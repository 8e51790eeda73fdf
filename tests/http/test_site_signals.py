"""Site-wide signals one client cannot move, on SQLite and PostgreSQL (R-15)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

import settings
from tests.helpers import story


def _from(client: TestClient, address: str, body: str) -> int:
    response = client.post(
        "/api/comments", json=story(body=body), headers={"X-Forwarded-For": address}
    )
    return response.status_code


def test_one_client_over_its_limit_does_not_raise_the_puzzle_for_everyone(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "TRUSTED_PROXIES", ["testclient"])
    monkeypatch.setattr(settings, "POW", "auto")
    monkeypatch.setattr(settings, "POW_BITS", 4)
    monkeypatch.setattr(settings, "POW_NORMAL_POSTS", 3)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 2)
    answers = [_from(client, "198.51.100.9", f"verhaal {n}") for n in range(12)]
    assert answers[:2] == [202, 202] and set(answers[2:]) == {429}
    # Ten refused attempts are not posts: the site's rate is still that of a quiet day.
    assert client.get("/api/form").json()["pow"] == 0
    assert _from(client, "203.0.113.5", "een ander") == 202
    assert client.get("/api/form").json()["pow"] == 0  # three posts: a normal rate
    # Posts from several clients still raise it (this one came without the puzzle solved).
    _from(client, "203.0.113.6", "nog een ander")
    assert client.get("/api/form").json()["pow"] == 4

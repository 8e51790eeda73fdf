"""Trust under MODERATION=first over HTTP, on SQLite and PostgreSQL: bound and revocable."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

import settings
from tests.helpers import act, post


@pytest.fixture
def first(monkeypatch: pytest.MonkeyPatch) -> None:
    """MODERATION=first: an author with an approved comment goes live."""
    monkeypatch.setattr(settings, "MODERATION", "first")


def test_a_shared_author_token_does_not_carry_trust_to_another_author(
    client: TestClient, first: None
) -> None:
    anna = post(client)
    act(client, anna["id"], "approve")
    again = post(client, body="Nog een verhaal van Anna.", author_token=anna["author_token"])
    assert again["status"] == "approved"
    other = post(
        client,
        author="Casino Bob",
        email="bob@spam.example",
        body="Speel nu!",
        author_token=anna["author_token"],
    )
    assert other["status"] == "pending"


@pytest.mark.parametrize("judgement", ["spam", "reject"])
def test_the_owner_judging_any_comment_of_the_author_revokes_trust(
    client: TestClient, first: None, judgement: str
) -> None:
    anna = post(client)
    act(client, anna["id"], "approve")
    live = post(client, body="Tweede, meteen zichtbaar.", author_token=anna["author_token"])
    assert live["status"] == "approved"
    assert act(client, live["id"], judgement).status_code == 200
    later = post(client, body="Derde verhaal.", author_token=anna["author_token"])
    assert later["status"] == "pending"

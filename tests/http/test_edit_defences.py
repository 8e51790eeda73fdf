"""An author's edit is a second door for a reader's words: it passes the same intake (R-13).

On SQLite and PostgreSQL: the client's post limit, the render bounds, the owner's rules, fresh
hints, and mail links that die with the text they were made for.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from tests.helpers import OWNER, act, mail_link_token, post, published


def _edit(client: TestClient, answer: dict[str, Any], body: str) -> Any:
    return client.post(
        f"/api/comments/{answer['id']}/edit",
        json={"author_token": answer["author_token"], "body": body},
    )


def _owner_view(client: TestClient, comment_id: int) -> dict[str, Any]:
    response = client.get(f"/admin/api/comments/{comment_id}", headers=OWNER)
    assert response.status_code == 200
    found: dict[str, Any] = response.json()
    return found


def test_edits_count_toward_the_clients_post_limit(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 3)
    answer = post(client)
    assert _edit(client, answer, "Eerste aanpassing.").status_code == 200
    assert _edit(client, answer, "Tweede aanpassing.").status_code == 200
    refused = _edit(client, answer, "Derde aanpassing.")
    assert refused.status_code == 429 and refused.headers["Retry-After"]
    assert _owner_view(client, answer["id"])["body"] == "Tweede aanpassing."


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("regel\n" * 150, "too_many_lines"),
        ("<>" * 300, "too_much_markup"),
    ],
)
def test_an_edit_intake_would_refuse_is_refused_naming_the_body(
    client: TestClient, body: str, code: str
) -> None:
    answer = post(client)
    response = _edit(client, answer, body)
    assert response.status_code == 422, response.text
    assert (response.json()["error"]["field"], response.json()["error"]["code"]) == ("body", code)
    assert _owner_view(client, answer["id"])["previous_body"] is None


@pytest.mark.parametrize("moderation", ["none", "first"])
def test_an_edit_that_turns_into_spam_leaves_the_page(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, moderation: str
) -> None:
    monkeypatch.setattr(settings, "MODERATION", moderation)
    rule = {"kind": "word", "value": "casino", "action": "spam"}
    assert client.post("/admin/api/rules", headers=OWNER, json=rule).status_code == 201
    answer = post(client)
    if moderation == "first":
        act(client, answer["id"], "approve")
    assert len(published(client)) == 1
    response = _edit(client, answer, "Speel nu in het beste casino!")
    # The author is told what any sender of spam is told; the public no longer sees it.
    assert response.status_code == 200 and response.json()["status"] == "pending"
    assert published(client) == []
    assert _owner_view(client, answer["id"])["status"] == "spam"


def test_an_edit_that_a_queue_rule_holds_goes_back_to_the_queue(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "none")
    rule = {"kind": "domain", "value": "pillen.example", "action": "queue"}
    assert client.post("/admin/api/rules", headers=OWNER, json=rule).status_code == 201
    answer = post(client)
    assert _edit(client, answer, "Kijk op https://pillen.example/").json()["status"] == "pending"
    assert published(client) == []


def test_an_edit_gets_the_hints_of_its_new_text(client: TestClient) -> None:
    answer = post(client)
    assert _owner_view(client, answer["id"])["hints"] == []
    assert (
        _edit(client, answer, "Mail me op anna@example.nl of bel 06 1234 5678.").status_code == 200
    )
    assert set(_owner_view(client, answer["id"])["hints"]) >= {"email", "phone"}
    # The second look is asked for the new text: approving without confirming it is refused.
    refused = act(client, answer["id"], "approve")
    assert refused.status_code == 409 and refused.json()["error"]["field"] == "confirm_hints"


def test_a_mail_link_made_for_the_old_text_is_dead_after_an_edit(client: TestClient) -> None:
    answer = post(client)
    link = f"/admin/mail/{mail_link_token(client, answer['id'], 'approve', '')}"
    assert client.get(link).status_code == 200  # good until the text changes
    assert _edit(client, answer, "Iets heel anders dan de eigenaar las.").status_code == 200
    assert client.get(link).status_code == 409
    assert client.post(link).status_code == 409
    assert _owner_view(client, answer["id"])["status"] == "pending"
    assert published(client) == []


def test_an_edit_never_publishes_a_waiting_comment(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = {"kind": "word", "value": "pillen", "action": "queue"}
    assert client.post("/admin/api/rules", headers=OWNER, json=rule).status_code == 201
    monkeypatch.setattr(settings, "MODERATION", "none")
    answer = post(client, body="Ik slik pillen.")
    assert answer["status"] == "pending"
    assert _edit(client, answer, "Ik slik niets.").json()["status"] == "pending"
    assert published(client) == []


def test_an_edit_through_the_manage_page_passes_the_same_rules(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "none")
    rule = {"kind": "word", "value": "casino", "action": "spam"}
    assert client.post("/admin/api/rules", headers=OWNER, json=rule).status_code == 201
    mine = post(client)
    edited = client.post(
        f"/manage/{_manage_token(client)}",
        data={"comment": str(mine["id"]), "action": "edit", "body": "Het beste casino!"},
    )
    assert edited.status_code == 200
    assert _owner_view(client, mine["id"])["status"] == "spam"
    assert published(client) == []
    refused = client.post(
        f"/manage/{_manage_token(client)}",
        data={"comment": str(mine["id"]), "action": "edit", "body": "regel\n" * 150},
    )
    assert refused.status_code == 409
    assert _owner_view(client, mine["id"])["body"] == "Het beste casino!"


def _manage_token(client: TestClient) -> str:
    from service import notify

    store = client.app.state.store  # type: ignore[attr-defined]
    token: str = client.portal.call(notify.manage_link, store, "anna@example.nl")  # type: ignore[union-attr]
    return token


# -- an edit forgets only what it changed ---------------------------------------------------------


def _renderings(client: TestClient) -> set[str]:
    keys: set[str] = set(client.app.state.renderings._items)  # type: ignore[attr-defined]
    return keys


def test_an_edit_forgets_only_its_own_pages_cached_answers(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "none")
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 100)
    # Without testimonial consent: a story's edit also forgets the testimonial lists, whose
    # summary counts it (tests/http/test_testimonial_summary.py).
    mine = post(client, page="/blog/een", body="Mijn verhaal.", consent=False)
    post(client, page="/blog/twee", body="Een ander verhaal.", author_token=None)
    for page in ("/blog/een", "/blog/twee"):
        assert client.get("/api/comments", params={"page": page}).status_code == 200
    assert client.get("/api/testimonials").status_code == 200
    kept = {"comments:/blog/een", "comments:/blog/twee", "testimonials:10:None"}
    assert kept <= _renderings(client)
    assert _edit(client, mine, "Mijn verhaal, aangepast.").status_code == 200
    assert _renderings(client) >= {"comments:/blog/twee", "testimonials:10:None"}
    assert "comments:/blog/een" not in _renderings(client)
    fresh = client.get("/api/comments", params={"page": "/blog/een"}).json()
    assert "aangepast" in fresh["comments"][0]["html"]
    # A refused edit forgets nothing at all.
    assert client.get("/api/comments", params={"page": "/blog/een"}).status_code == 200
    before = _renderings(client)
    assert _edit(client, mine, "regel\n" * 150).status_code == 422
    assert _renderings(client) == before


def test_editing_a_testimonial_forgets_the_testimonial_lists_and_feeds(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "none")
    mine = post(client, body="Een mooi verhaal over slapen.")
    assert act(client, mine["id"], "promote").status_code == 200
    assert client.get("/api/testimonials").json()["testimonials"]
    assert client.get("/feeds/testimonials.atom").status_code == 200
    assert client.get("/api/testimonials").status_code == 200  # from the cache, or the edge
    assert _edit(client, mine, "Een ander verhaal over slapen.").status_code == 200
    assert not any(k.startswith(("testimonials:", "atom:")) for k in _renderings(client))
    assert client.get("/api/testimonials").json()["testimonials"] == []


def test_other_workers_on_postgresql_forget_only_the_edited_page(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two apps on one PostgreSQL database, as two workers: the notice carries the scope."""
    import time

    from service.app import create_app
    from service.store.connection import pending_files
    from tests.conftest import _EMPTY_POSTGRES, _postgres

    _postgres(postgres_url, _EMPTY_POSTGRES.format(migrations=len(pending_files("postgresql"))))
    monkeypatch.setattr(settings, "MODERATION", "none")
    with TestClient(create_app(postgres_url), base_url="http://testserver") as one:
        mine = post(one, page="/blog/een", body="Mijn verhaal.")
        post(one, page="/blog/twee", body="Een ander verhaal.", author_token=None)
        # The second worker starts after the posts: no notice of theirs is still on its way.
        with TestClient(create_app(postgres_url), base_url="http://testserver") as two:
            deadline = time.monotonic() + 10
            while _listeners(postgres_url) < 2:  # both workers' change channels are open
                assert time.monotonic() < deadline, "the workers never listened for changes"
                time.sleep(0.01)
            for page in ("/blog/een", "/blog/twee"):
                assert two.get("/api/comments", params={"page": page}).status_code == 200
            assert {"comments:/blog/een", "comments:/blog/twee"} <= _renderings(two)
            assert _edit(one, mine, "Mijn verhaal, aangepast.").status_code == 200
            deadline = time.monotonic() + 10
            while "comments:/blog/een" in _renderings(two):  # until the notice arrives
                assert time.monotonic() < deadline, "the other worker never heard of the edit"
                time.sleep(0.01)
            assert "comments:/blog/twee" in _renderings(two)
            fresh = two.get("/api/comments", params={"page": "/blog/een"}).json()
            assert "aangepast" in fresh["comments"][0]["html"]


def _listeners(url: str) -> int:
    """How many connections to this database are listening for change notices."""
    import asyncio

    import asyncpg

    async def count() -> int:
        connection = await asyncpg.connect(url)
        try:
            found = await connection.fetchval(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND query ILIKE 'LISTEN%'"
            )
        finally:
            await connection.close()
        return int(found)

    return asyncio.run(count())

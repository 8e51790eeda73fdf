"""The rendering cache reuses work only while the database says nothing changed."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from service.cache import ENTRY_OVERHEAD, Renderings, make_rendering
from tests.helpers import PAGE, act, post, published

pytestmark = pytest.mark.anyio


def test_the_cache_is_capped_in_bytes_and_drops_the_least_recent() -> None:
    cache = Renderings(max_bytes=3 * (1000 + ENTRY_OVERHEAD))
    for key in "abc":
        assert cache.put(key, make_rendering(b"x" * 1000, "application/json", 0), 0)
    cache.get("a")
    cache.put("d", make_rendering(b"y" * 1000, "application/json", 0), 0)
    assert cache.get("b") is None and cache.get("a") is not None
    assert cache.bytes <= cache.max_bytes and len(cache) == 3
    assert not cache.put("huge", make_rendering(b"z" * 10**5, "application/json", 0), 0)


def test_a_rendering_begun_before_a_change_is_not_kept() -> None:
    cache = Renderings(max_bytes=10**6)
    generation = cache.generation
    cache.invalidate()  # a write committed while the old rendering was being made
    assert not cache.put("a", make_rendering(b"old", "application/json", 0), generation)
    assert cache.get("a") is None


def test_a_cached_read_does_not_touch_the_database(client: TestClient) -> None:
    cid = post(client)["id"]
    act(client, cid, "approve")
    first = client.get("/api/comments", params={"page": PAGE})
    store = client.app.state.store  # type: ignore[attr-defined]
    calls: list[str] = []
    original = store.database.fetch_all

    async def counting(*args: object, **kwargs: object) -> object:
        calls.append("fetch_all")
        return await original(*args, **kwargs)

    store.database.fetch_all = counting
    again = client.get("/api/comments", params={"page": PAGE})
    assert again.content == first.content and calls == []
    etag = again.headers["etag"]
    assert (
        client.get(
            "/api/comments", params={"page": PAGE}, headers={"If-None-Match": etag}
        ).status_code
        == 304
    )


def test_made_up_cursors_are_answered_but_never_cached(client: TestClient) -> None:
    cache = client.app.state.renderings  # type: ignore[attr-defined]
    for before in range(1000, 1050):
        assert client.get("/api/testimonials", params={"before": before}).status_code == 200
    client.get("/api/testimonials")
    assert len(cache) == 1


def test_cached_comment_list_follows_every_change(client: TestClient) -> None:
    cid = post(client)["id"]
    assert published(client) == []
    act(client, cid, "approve")
    assert [c["id"] for c in published(client)] == [cid]
    act(client, cid, "reject")
    assert published(client) == []
    act(client, cid, "approve")
    client.delete(
        f"/admin/api/comments/{cid}",
        headers={"Authorization": "Bearer test-admin-token-0123456789abcdef"},
    )
    assert published(client) == []

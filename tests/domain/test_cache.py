"""The rendering cache reuses work only while the database says nothing changed."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from service.cache import Renderings
from tests.helpers import act, post, published

pytestmark = pytest.mark.anyio


async def test_rendering_is_reused_for_the_same_version_only() -> None:
    cache = Renderings(size=2)
    calls: list[str] = []

    def renderer(text: str):  # type: ignore[no-untyped-def]
        async def render() -> bytes:
            calls.append(text)
            return text.encode()

        return render

    assert await cache.get("a", "v1", renderer("one")) == b"one"
    assert await cache.get("a", "v1", renderer("two")) == b"one"
    assert await cache.get("a", "v2", renderer("three")) == b"three"
    await cache.get("b", "v1", renderer("b"))
    await cache.get("c", "v1", renderer("c"))
    assert await cache.get("a", "v2", renderer("again")) == b"again"  # evicted: least recent
    assert calls == ["one", "three", "b", "c", "again"]


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

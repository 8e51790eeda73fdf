"""The lean path for cached reads: answers kept whole at the edge, and never one that is wrong.

The speed is measured by `make bench` (ratios against a bare app); these tests say what the edge
may and may not answer.
"""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

import settings
from service.web.edge import EdgeCache
from tests.helpers import PAGE, act, post

LIST = f"/api/comments?page={PAGE}"
BLOG = "http://blog.example"  # in the test settings' ALLOWED_ORIGINS


def edge_of(client: TestClient) -> EdgeCache:
    """The app's edge layer, found in its middleware stack."""
    layer = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, EdgeCache):
        layer = layer.app
    return layer


def published(client: TestClient, body: str) -> int:
    comment_id = int(post(client, body=body)["id"])
    act(client, comment_id, "approve")
    return comment_id


def test_a_repeated_read_is_answered_whole_from_the_edge(client: TestClient) -> None:
    published(client, "Eerste verhaal.")
    first = client.get(LIST, headers={"Origin": BLOG})
    gzip_ok = True  # the test client asks for gzip, as browsers do
    key = (LIST.split("?")[0], LIST.split("?")[1].encode(), BLOG.encode(), gzip_ok)
    assert key in edge_of(client).answers
    again = client.get(LIST, headers={"Origin": BLOG})
    assert again.status_code == 200
    assert again.content == first.content
    # The same headers the full stack adds: CORS for this origin, security headers, validators.
    for name in ("access-control-allow-origin", "vary", "x-content-type-options", "etag"):
        assert again.headers[name] == first.headers[name], name


def test_each_origin_gets_its_own_cors_answer(client: TestClient) -> None:
    published(client, "Een verhaal.")
    client.get(LIST, headers={"Origin": BLOG})
    without = client.get(LIST)
    assert "access-control-allow-origin" not in without.headers
    refused = client.get(LIST, headers={"Origin": "https://elders.example"})
    assert refused.status_code == 403
    assert client.get(LIST, headers={"Origin": BLOG}).headers["access-control-allow-origin"] == BLOG


def test_a_known_etag_gets_304_from_the_edge_with_the_headers_and_no_body(
    client: TestClient,
) -> None:
    published(client, "Een verhaal.")
    etag = client.get(LIST).headers["etag"]
    client.get(LIST)
    unchanged = client.get(LIST, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["etag"] == etag
    assert unchanged.headers["x-content-type-options"] == "nosniff"
    assert "content-length" not in unchanged.headers or unchanged.headers["content-length"] == "0"


def test_a_write_clears_the_edge_before_the_next_read(client: TestClient) -> None:
    published(client, "Eerste verhaal.")
    client.get(LIST)
    client.get(LIST)
    published(client, "Tweede verhaal.")
    after = client.get(LIST).json()
    assert [c["html"] for c in after["comments"]][-1].find("Tweede verhaal.") >= 0
    assert after["count"] == 2


def test_pages_the_stack_did_not_take_from_its_cache_are_never_kept(client: TestClient) -> None:
    client.get("/api/comments?page=/never-posted-here")
    client.get("/healthz")
    client.get("/api/form")
    assert edge_of(client).answers == {}


def test_the_edge_keeps_no_more_than_the_cache_budget(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    published(client, "Een verhaal.")
    monkeypatch.setattr(settings, "CACHE_MAX_BYTES", 10)
    client.get(LIST)
    client.get(LIST)
    assert edge_of(client).answers == {}

"""Compression: text answers over 1 KB in gzip when the client asks, compressed once when cached.

What a client gets (encoding, Vary, ETags, 304s) and what a cached read costs (no compression);
the speed of a compressed cached read against a bare app is in `make bench`.
"""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.testclient import TestClient

import settings
from service import cache
from service.cache import accepts_gzip
from service.web import middleware
from tests.helpers import PAGE, act, post

LIST = f"/api/comments?page={PAGE}"
GZIP = {"Accept-Encoding": "gzip"}
IDENTITY = {"Accept-Encoding": "identity"}


@pytest.fixture(autouse=True)
def _posts_unlimited(monkeypatch: pytest.MonkeyPatch) -> None:
    """One test client posts every comment of a long list."""
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)


def long_list(client: TestClient, n: int = 12) -> None:
    """`n` published comments on PAGE, testimonials too: their list is several KB."""
    for i in range(n):
        body = f"Verhaal {i}: sinds de massage slaap ik veel rustiger, en dat merk ik elke ochtend."
        comment_id = int(post(client, body=body, author=f"Lezer {i}")["id"])
        assert act(client, comment_id, "approve").status_code == 200
        assert act(client, comment_id, "promote").status_code == 200


def raw(
    client: TestClient, path: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and the body exactly as sent (the client would decode gzip)."""
    with client.stream("GET", path, headers=headers) as answer:
        return answer.status_code, dict(answer.headers), b"".join(answer.iter_raw())


@pytest.fixture
def compressions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every body Chorus compresses, in order, wherever it compresses."""
    seen: list[int] = []
    real = cache.gzipped

    def counted(body: bytes) -> bytes:
        seen.append(len(body))
        return real(body)

    monkeypatch.setattr(cache, "gzipped", counted)
    monkeypatch.setattr(middleware, "gzipped", counted)
    return seen


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (b"gzip", True),
        (b"gzip, deflate, br, zstd", True),
        (b"deflate, gzip;q=0.5", True),
        (b"GZIP", True),
        (b"x-gzip", True),
        (b"*", True),
        (b"br;q=1.0, *;q=0.1", True),
        (b"", False),
        (b"identity", False),
        (b"br", False),
        (b"gzip;q=0", False),
        (b"gzip; q=0.000", False),
        (b"*, gzip;q=0", False),
        (b"*;q=0", False),
        (b"gzip;q=nonsense", False),
    ],
)
def test_accept_encoding_is_read_with_its_q_values(header: bytes, expected: bool) -> None:
    assert accepts_gzip(header) is expected


def test_a_long_list_is_sent_gzipped_to_a_client_that_asks(client: TestClient) -> None:
    long_list(client)
    status, plain_headers, plain = raw(client, LIST, IDENTITY)
    assert status == 200 and len(plain) > cache.COMPRESS_FROM
    assert "content-encoding" not in plain_headers
    status, headers, packed = raw(client, LIST, GZIP)
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert int(headers["content-length"]) == len(packed) < len(plain)
    assert gzip.decompress(packed) == plain
    for sent in (headers, plain_headers):
        assert "accept-encoding" in sent["vary"].lower()
    assert headers["etag"] != plain_headers["etag"]


def test_each_encoding_revalidates_with_its_own_etag(sqlite_client: TestClient) -> None:
    long_list(sqlite_client)
    for asked in (GZIP, IDENTITY):
        etag = sqlite_client.get(LIST, headers=asked).headers["etag"]
        for _ in range(3):  # rendered, from the rendering cache, from the edge
            again = sqlite_client.get(LIST, headers={**asked, "If-None-Match": etag})
            assert again.status_code == 304 and again.content == b""
            assert again.headers["etag"] == etag
            assert "accept-encoding" in again.headers["vary"].lower()
            assert "content-encoding" not in again.headers
    gz_etag = sqlite_client.get(LIST, headers=GZIP).headers["etag"]
    # The identity form's validator does not stand for the gzip bytes, nor the other way round.
    assert (
        sqlite_client.get(LIST, headers={**IDENTITY, "If-None-Match": gz_etag}).status_code == 200
    )


def test_a_cached_read_costs_no_compression(
    sqlite_client: TestClient, compressions: list[int]
) -> None:
    long_list(sqlite_client)
    first = raw(sqlite_client, LIST, GZIP)
    assert len(compressions) == 1  # once, when the list was rendered
    for _ in range(3):
        again = raw(sqlite_client, LIST, GZIP)
        assert again[2] == first[2] and again[1]["content-encoding"] == "gzip"
    assert len(compressions) == 1
    plain = raw(sqlite_client, LIST, IDENTITY)
    assert gzip.decompress(first[2]) == plain[2] and "content-encoding" not in plain[1]


@pytest.mark.parametrize("path", ["/feeds/testimonials.atom", "/feeds/testimonials.json"])
def test_feeds_are_compressed_through_the_rendering_cache(
    sqlite_client: TestClient, compressions: list[int], path: str
) -> None:
    long_list(sqlite_client)
    _, plain_headers, plain = raw(sqlite_client, path, IDENTITY)
    before = len(compressions)
    _, headers, packed = raw(sqlite_client, path, GZIP)
    assert headers["content-encoding"] == "gzip" and gzip.decompress(packed) == plain
    assert "accept-encoding" in headers["vary"].lower()
    assert headers["etag"] != plain_headers["etag"]
    raw(sqlite_client, path, GZIP)
    assert len(compressions) == before  # compressed when rendered, not when read


def test_a_page_that_is_not_cached_is_compressed_per_request(sqlite_client: TestClient) -> None:
    _, plain_headers, plain = raw(sqlite_client, "/admin/login", IDENTITY)
    assert len(plain) > cache.COMPRESS_FROM and "content-encoding" not in plain_headers
    _, headers, packed = raw(sqlite_client, "/admin/login", GZIP)
    assert headers["content-encoding"] == "gzip"
    assert int(headers["content-length"]) == len(packed)
    assert "accept-encoding" in headers["vary"].lower()
    # The page carries a fresh CSRF token each time, so only its shape can be compared.
    assert gzip.decompress(packed).startswith(plain[:200])


def test_small_answers_and_refused_gzip_stay_as_they_are(sqlite_client: TestClient) -> None:
    _, headers, _ = raw(sqlite_client, "/healthz", GZIP)
    assert "content-encoding" not in headers
    long_list(sqlite_client, n=12)
    _, headers, body = raw(sqlite_client, LIST, {"Accept-Encoding": "gzip;q=0, br"})
    assert "content-encoding" not in headers and body.startswith(b"{")


def _app(*routes: Route) -> TestClient:
    return TestClient(
        Starlette(routes=list(routes), middleware=[Middleware(middleware.Compression)])
    )


BIG = b"<p>" + b"Sinds de massage slaap ik beter. " * 100 + b"</p>"


def test_a_strong_etag_becomes_weak_when_the_middleware_compresses() -> None:
    """The bytes differ from the identity form's; If-None-Match still matches (weakly)."""

    async def page(request: Request) -> Response:
        etag = '"abc"'
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers={"ETag": etag})
        return Response(BIG, media_type="text/html", headers={"ETag": etag})

    client = _app(Route("/", page))
    answer = client.get("/", headers=GZIP)
    assert answer.headers["content-encoding"] == "gzip" and answer.content == BIG
    assert answer.headers["etag"] == 'W/"abc"'
    again = client.get("/", headers={**GZIP, "If-None-Match": answer.headers["etag"]})
    assert again.status_code == 304
    assert client.get("/", headers=IDENTITY).headers["etag"] == '"abc"'


def test_streamed_and_binary_answers_pass_untouched() -> None:
    async def stream(request: Request) -> Response:
        async def chunks() -> AsyncIterator[bytes]:
            yield BIG
            yield BIG

        return StreamingResponse(chunks(), media_type="text/csv")

    async def image(request: Request) -> Response:
        return Response(BIG, media_type="image/png")

    client = _app(Route("/stream", stream), Route("/image", image))
    for path in ("/stream", "/image"):
        status, headers, body = raw(client, path, GZIP)
        assert status == 200 and "content-encoding" not in headers, path
        assert body.startswith(b"<p>"), path

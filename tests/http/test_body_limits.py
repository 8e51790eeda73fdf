"""Request size limits over a real socket: a body too large is a JSON 413 naming the field.

Chunked bodies travel as real `Transfer-Encoding: chunked` through uvicorn, so the limit is
checked while the bytes arrive and not only against a declared Content-Length.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx2 as httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

import settings
from tests.conftest import LiveServer
from tests.helpers import OWNER

UPLOAD_LIMIT = 1000  # bytes; small, so the test sends little


def _chunks(total: int) -> Iterator[bytes]:
    """`total` bytes as a generator, which httpx sends chunked, without Content-Length."""
    sent = 0
    while sent < total:
        piece = min(4096, total - sent)
        sent += piece
        yield b"x" * piece


ENDPOINTS = [
    pytest.param(
        "/api/comments", {"content-type": "application/json"}, "request", id="json-comment"
    ),
    pytest.param(
        "/admin/api/import?source=wordpress",
        {**OWNER, "content-type": "application/octet-stream"},
        "file",
        id="import-upload",
    ),
]


@pytest.fixture
def small_upload_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Uploads are capped at UPLOAD_LIMIT bytes."""
    monkeypatch.setattr(settings, "IMPORT_MAX_BYTES", UPLOAD_LIMIT)


def _limit(field: str) -> int:
    return UPLOAD_LIMIT if field == "file" else settings.MAX_REQUEST_BYTES


@pytest.mark.usefixtures("small_upload_limit")
@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
@pytest.mark.parametrize(("path", "headers", "field"), ENDPOINTS)
def test_a_body_over_the_limit_gets_a_json_413_naming_the_field(
    live_server: LiveServer, path: str, headers: dict[str, str], field: str, declared: bool
) -> None:
    size = _limit(field) + 1
    content = b"x" * size if declared else _chunks(size)
    response = httpx.post(live_server.url + path, content=content, headers=headers, timeout=10)
    sent = response.request.headers
    assert ("content-length" in sent) is declared
    assert ("transfer-encoding" in sent) is not declared
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"] == {
        "code": "too_large",
        "field": field,
        "message": response.json()["error"]["message"],
    }
    assert str(_limit(field)) in response.json()["error"]["message"]


@pytest.mark.usefixtures("small_upload_limit")
def test_a_chunked_upload_at_the_limit_is_read_whole(live_server: LiveServer) -> None:
    response = httpx.post(
        live_server.url + "/admin/api/import?source=wordpress",
        content=_chunks(UPLOAD_LIMIT),
        headers={**OWNER, "content-type": "application/octet-stream"},
        timeout=10,
    )
    # Not a 413: the whole file arrived and was judged (as a file that is not WordPress XML).
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == "file"


def test_starlette_max_body_size_still_answers_a_declared_length_in_plain_text() -> None:
    """Why read_body keeps its own limit: revisit it when this starts to fail."""

    async def json_refusal(request: Request) -> Response:
        return JSONResponse({"error": {"code": "too_large", "field": "request"}}, 413)

    app = Starlette(routes=[Route("/", json_refusal, methods=["POST"], max_body_size=10)])
    with TestClient(app) as client:
        response = client.post("/", content=b"x" * 11)
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/plain")

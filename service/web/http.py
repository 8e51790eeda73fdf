"""Request helpers both sides of the web edge share: one error shape, careful body reading,
conditional answers, and the table from the domain's refusal kinds to HTTP statuses.

Threat: hostile request bodies. A body is read in chunks and refused with 413 as soon as it
passes MAX_REQUEST_BYTES (or at once when Content-Length says so); bytes must be UTF-8; JSON may
not contain NaN/Infinity, duplicate keys, unpaired surrogates or absurd nesting. Every refusal is
a 4xx JSON error that names the field, never a 500.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response

import settings
from service.cache import Rendering, Renderings, accepts_gzip, make_rendering
from service.domain.comments import ChangeScope
from service.domain.errors import Kind, Refusal
from service.store import Store
from service.web.edge import mark_from_cache

log = logging.getLogger("chorus")
MAX_DEPTH = 20  # nesting levels a JSON body may use
BODY_TIMEOUT = 10.0  # seconds a client may take to send a request body


# The one place a refusal's kind becomes a status code.
STATUS: dict[Kind, int] = {
    Kind.INVALID: 422,
    Kind.MALFORMED: 400,
    Kind.FORBIDDEN: 403,
    Kind.NOT_FOUND: 404,
    Kind.CONFLICT: 409,
    Kind.RATE_LIMITED: 429,
}


class RequestError(Refusal):
    """A refusal about the HTTP request itself (size, media type, pace), with its own status."""

    def __init__(self, status: int, field: str | None, code: str, message: str) -> None:
        super().__init__(field, code, message, Kind.MALFORMED)
        self.status = status


def status_for(refusal: Refusal) -> int:
    return refusal.status if isinstance(refusal, RequestError) else STATUS[refusal.kind]


def refused(refusal: Refusal, message: str | None = None) -> JSONResponse:
    """The JSON answer to a refusal, with Retry-After when the caller must wait.

    The wait is in the body too (`retry_after`, seconds): a page on another site cannot read the
    header, and the widget tells the reader how long to wait.
    """
    details = refusal.details
    headers = None
    if refusal.retry_after:
        headers = {"Retry-After": str(refusal.retry_after)}
        details = {**(details or {}), "retry_after": refusal.retry_after}
    text = refusal.message if message is None else message
    return error(status_for(refusal), refusal.code, text, refusal.field, headers, details)


def error(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
    details: dict[str, Any] | None = None,
) -> JSONResponse:
    """The one error shape of the whole API; `details` add keys such as the hints to confirm."""
    shape = {"code": code, "field": field[:100] if field else None, "message": message}
    body = {"error": {**(details or {}), **shape}}
    return JSONResponse(body, status_code=status, headers=headers)


def _malformed(field: str, code: str, message: str) -> Refusal:
    return Refusal(field, code, message, Kind.MALFORMED)


def _reject_constant(name: str) -> Any:
    raise _malformed("request", "invalid_json", f"{name} is not valid JSON")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _malformed(key, "duplicate_key", f"{key} appears twice in the request")
        result[key] = value
    return result


def _depth(text: str) -> int:
    deepest = level = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            level += 1
            deepest = max(deepest, level)
        elif char in "]}":
            level -= 1
    return deepest


async def read_body(request: Request, media_type: str) -> bytes:
    """The raw body of a request of `media_type`, refused past MAX_REQUEST_BYTES.

    A declared Content-Length over the limit is refused before anything is read; a body
    without one is read in chunks and refused as soon as it passes the limit.

    Why our own check and not Starlette's `max_body_size=` (Starlette 1.10,
    `starlette/middleware/body_limit.py`): for a body sent without Content-Length its
    middleware raises an HTTPException(413) from `receive`, which we could turn into our error,
    but for a declared Content-Length over the limit it swaps whatever the endpoint answers for
    `PlainTextResponse("Content Too Large")` at `http.response.start`, so no handler of ours can
    keep the JSON error that names the field. No route of ours parses multipart (the import
    upload is a raw body, see admin_move._spool), so `max_part_size` does not apply either.
    tests/http/test_body_limits.py notices when Starlette stops doing this.
    """
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != media_type:
        raise RequestError(
            415, "content-type", "unsupported_media_type", f"send the request as {media_type}"
        )
    limit = settings.MAX_REQUEST_BYTES
    too_large = RequestError(
        413, "request", "too_large", f"the request body must be at most {limit} bytes"
    )
    declared = request.headers.get("content-length")
    if declared is not None and (
        not (declared.isascii() and declared.isdigit()) or int(declared) > limit
    ):
        raise too_large
    chunks, size = [], 0
    try:
        # uvicorn has no body read timeout: a client trickling bytes must not hold us forever.
        async with asyncio.timeout(BODY_TIMEOUT):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise too_large
                chunks.append(chunk)
    except TimeoutError:
        raise RequestError(
            408, "request", "timeout", "the request body arrived too slowly"
        ) from None
    return b"".join(chunks)


async def read_json(request: Request) -> Any:
    """The request's JSON value, or a refusal that says what is wrong with it."""
    raw = await read_body(request, "application/json")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _malformed("request", "invalid_encoding", "the request body must be UTF-8") from None
    if _depth(text) > MAX_DEPTH:
        raise _malformed("request", "invalid_json", "the JSON is nested too deeply")
    try:
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except Refusal:
        raise
    except UnicodeEncodeError:
        raise _malformed(
            "request", "invalid_json", "the JSON holds an unpaired surrogate"
        ) from None
    except (ValueError, RecursionError):
        raise _malformed("request", "invalid_json", "the request body is not valid JSON") from None
    return value


async def read_object(
    request: Request, allowed: set[str], *, empty_ok: bool = False
) -> dict[str, Any]:
    """A JSON object with no fields but `allowed`; `empty_ok` also takes an empty body as {}."""
    if empty_ok and request.headers.get("content-length", "0") == "0":
        return {}
    data = await read_json(request)
    if not isinstance(data, dict):
        raise _malformed("request", "not_an_object", "the request body must be a JSON object")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise Refusal(unknown[0], "unknown_field", f"{unknown[0]} is not a field this API takes")
    return data


def json_bytes(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


STALE_HEADER = "Chorus-Stale"  # on a cached answer served while the database is out of reach


class _Prepared(Response):
    """A cached rendering as a response: nothing computed per request but the header copy."""

    def __init__(self, rendering: Rendering, *, stale: bool) -> None:
        self.status_code = 200
        self.body = rendering.body
        self.background = None
        self.raw_headers = list(rendering.raw_headers)
        if stale:
            self.raw_headers.append((STALE_HEADER.lower().encode(), b"database-unavailable"))


def _answer(request: Request, rendering: Rendering, kept: bool, key: str) -> Response:
    stale = not store_of(request).available
    asked = request.headers.get("accept-encoding", "").encode("latin-1")
    chosen = rendering.encoded_for(accepts_gzip(asked))
    if chosen.etag in request.headers.get("if-none-match", ""):
        headers = {"ETag": chosen.etag, "Cache-Control": chosen.cache_control}
        if rendering.vary:
            headers["Vary"] = "Accept-Encoding"
        if stale:
            headers[STALE_HEADER] = "database-unavailable"
        return Response(status_code=304, headers=headers)
    if kept and not stale:
        # The edge keeps what the cache keeps, named by the uncompressed rendering it came from.
        mark_from_cache(request.scope, key, rendering)
    return _Prepared(chosen, stale=stale)


async def cached(
    request: Request,
    key: str,
    render: Callable[[], Awaitable[tuple[bytes, bool]]],
    media_type: str = "application/json",
    max_age: int = 0,
) -> Response:
    """The rendering under `key` from memory, or rendered now (and kept if it says canonical).

    `render` returns the body and whether `key` is canonical (built only from things that
    exist); made-up keys are answered but never kept. While the database is out of reach a
    cached answer is still served, marked with the Chorus-Stale header.
    """
    cache = renderings(request)
    hit = cache.get(key)
    kept = hit is not None
    if hit is None:
        generation = cache.generation
        body, canonical = await render()
        hit = make_rendering(body, media_type, max_age)
        if canonical:
            kept = cache.put(key, hit, generation)
    return _answer(request, hit, kept, key)


def int_param(request: Request, name: str, default: int | None, low: int, high: int) -> int | None:
    """A whole-number query parameter clamped to low..high; absent or empty gives `default`."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        raise Refusal(name, "not_an_integer", f"{name} must be a whole number")
    return max(low, min(high, int(raw)))


_ID = re.compile(r"[0-9]{1,19}")
MAX_ID = 2**63 - 1  # the largest id either database can store


def parse_id(raw: str) -> int | None:
    """An id as ASCII digits within 1..2^63-1, or None (`str.isdigit` also takes '１' and '٣')."""
    if not _ID.fullmatch(raw):
        return None
    value = int(raw)
    return value if 0 < value <= MAX_ID else None


def path_comment_id(request: Request, name: str = "comment_id") -> int:
    """The id in the path; anything that is not one is simply a missing record, field `id`."""
    value = parse_id(request.path_params[name])
    if value is None:
        raise Refusal("id", "not_found", "no such comment", Kind.NOT_FOUND)
    return value


def allowed_origins() -> set[str]:
    """Origins that may call the comment API from a browser: the setting plus our own.

    Our own is PUBLIC_URL only: the request's Host header (Starlette's `base_url`) is whatever
    the client sends, so trusting it would let any page name itself as us.
    """
    own = urlsplit(settings.PUBLIC_URL)
    return {*settings.ALLOWED_ORIGINS, f"{own.scheme}://{own.netloc}"}


def store_of(request: HTTPConnection) -> Store:
    """The app's store; handlers pass it to the use cases and never touch SQL themselves."""
    store: Store = request.app.state.store
    return store


TESTIMONIAL_KEYS = ("testimonials:", "atom:", "json:")  # the lists and the feeds


def forget_changed(cache: Renderings, scope: ChangeScope | None) -> None:
    """Forget the renderings a committed change can have touched: all, unless it said which.

    A page's list is cached under `comments:{page}`; the testimonial lists and feeds under
    `TESTIMONIAL_KEYS`.
    """
    if scope is None:
        cache.invalidate()
        return
    pages = {f"comments:{page}" for page in scope.pages}
    cache.invalidate_where(
        lambda key: key in pages or (scope.testimonials and key.startswith(TESTIMONIAL_KEYS))
    )


def renderings(request: HTTPConnection) -> Renderings:
    cache: Renderings = request.app.state.renderings
    return cache

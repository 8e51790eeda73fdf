"""HTTP plumbing shared by the JSON endpoints: one error shape, careful body reading, CORS.

Threat: hostile request bodies. A body is read in chunks and refused with 413 as soon as it
passes MAX_REQUEST_BYTES (or at once when Content-Length says so); bytes must be UTF-8; JSON may
not contain NaN/Infinity, duplicate keys, unpaired surrogates or absurd nesting. Every refusal is
a 4xx JSON error that names the field, never a 500.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import settings
from service.comments import Invalid

log = logging.getLogger("chorus")
MAX_DEPTH = 20  # nesting levels a JSON body may use
BODY_TIMEOUT = 10.0  # seconds a client may take to send a request body


def error(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The one error shape of the whole API."""
    body = {"error": {"code": code, "field": field[:100] if field else None, "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


def _reject_constant(name: str) -> Any:
    raise Invalid("request", "invalid_json", f"{name} is not valid JSON", 400)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise Invalid(key, "duplicate_key", f"{key} appears twice in the request", 400)
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
    """
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != media_type:
        raise Invalid(
            "content-type", "unsupported_media_type", f"send the request as {media_type}", 415
        )
    limit = settings.MAX_REQUEST_BYTES
    too_large = Invalid(
        "request", "too_large", f"the request body must be at most {limit} bytes", 413
    )
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
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
        raise Invalid("request", "timeout", "the request body arrived too slowly", 408) from None
    return b"".join(chunks)


async def read_json(request: Request) -> Any:
    """The request's JSON value, or raise Invalid with the status that fits."""
    raw = await read_body(request, "application/json")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Invalid(
            "request", "invalid_encoding", "the request body must be UTF-8", 400
        ) from None
    if _depth(text) > MAX_DEPTH:
        raise Invalid("request", "invalid_json", "the JSON is nested too deeply", 400)
    try:
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except Invalid:
        raise
    except UnicodeEncodeError:
        raise Invalid(
            "request", "invalid_json", "the JSON holds an unpaired surrogate", 400
        ) from None
    except (ValueError, RecursionError):
        raise Invalid(
            "request", "invalid_json", "the request body is not valid JSON", 400
        ) from None
    return value


def path_comment_id(request: Request) -> int:
    """The comment id in the path; anything that is not one is simply a missing comment."""
    raw = request.path_params["comment_id"]
    if not raw.isdigit() or len(raw) > 18:
        raise Invalid("id", "not_found", "no such comment", 404)
    return int(raw)


def allowed_origins(request: Request | None = None) -> set[str]:
    """Origins that may call the comment API from a browser: the setting plus our own."""
    own = settings.PUBLIC_URL
    origins = {*settings.ALLOWED_ORIGINS, own}
    if request is not None:
        origins.add(str(request.base_url).rstrip("/"))
    return origins


class PublicCORS:
    """CORS for the public API only: comments for ALLOWED_ORIGINS, testimonials and feeds for all.

    The owner API never gets CORS headers, so other sites' pages can never read it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(("/api/", "/feeds/")):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        open_to_all = path.startswith(("/feeds/", "/api/testimonials"))
        allow = "*" if open_to_all else None
        if origin and not open_to_all and origin in allowed_origins(Request(scope)):
            allow = origin
        if scope["method"] == "OPTIONS" and headers.get("access-control-request-method"):
            preflight = JSONResponse(None, status_code=204 if allow else 403)
            if allow:
                preflight.headers.update(
                    {
                        "Access-Control-Allow-Origin": allow,
                        "Access-Control-Allow-Methods": "GET, POST",
                        "Access-Control-Allow-Headers": "Content-Type",
                        "Access-Control-Max-Age": "600",
                        "Vary": "Origin",
                    }
                )
            await preflight(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                if allow:
                    out["Access-Control-Allow-Origin"] = allow
                out.add_vary_header("Origin")
            await send(message)

        await self.app(scope, receive, send_with_cors)


class SecurityHeaders:
    """Headers every response carries; admin pages add a stricter policy of their own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                out.setdefault("X-Content-Type-Options", "nosniff")
                out.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
                if settings.PUBLIC_URL.startswith("https://"):
                    out.setdefault("Strict-Transport-Security", "max-age=31536000")
            await send(message)

        await self.app(scope, receive, send_with_headers)

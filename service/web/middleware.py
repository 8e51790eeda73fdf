"""Middleware every response passes: CORS for the public API, the baseline security headers,
and gzip for text answers when the client asks for it.

Threat: other sites' pages reading the owner API (it never gets CORS headers) or posting as a
reader from a site that is not allowed (ALLOWED_ORIGINS, plus PUBLIC_URL: never the request's
own Host header, which any client sets as it likes); sniffing and downgrade (nosniff, HSTS).
"""

from __future__ import annotations

import logging
import re

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import settings
from service.cache import COMPRESS_FROM, accepts_gzip, compressible, gzipped
from service.web.http import allowed_origins, error

log = logging.getLogger("chorus.cors")
MAX_REMEMBERED_ORIGINS = 1000  # refused origins logged so far; a flood of made-up ones stops here
_refused_origins: set[str] = set()


def log_refused_origin(origin: str, method: str, path: str) -> None:
    """Say once per origin which setting lets that site's pages post comments."""
    if origin in _refused_origins or len(_refused_origins) >= MAX_REMEMBERED_ORIGINS:
        return
    _refused_origins.add(origin)
    log.warning(
        "refused a cross-origin %s %s from %s: if that is your site, add it to ALLOWED_ORIGINS "
        "(comma-separated, e.g. ALLOWED_ORIGINS=%s) and restart; logged once per origin",
        method,
        path,
        origin[:200],
        origin[:200],
    )


# A web origin as browsers send it; only such a value is ever echoed back in a header.
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?")


def _refuse_origin(origin: str) -> JSONResponse:
    """The answer to a page on a site that may not use the comments: readable by that page.

    It carries no data, only the refusal, so it may be shown to the refused origin: the widget
    then tells readers "comments are not available here" and the site owner, in the browser's
    console, which setting to change, instead of failing with a generic network error.
    """
    refusal = error(
        403,
        "forbidden_origin",
        f"{origin[:200]} may not use the comments of this service; its owner adds it to "
        f"ALLOWED_ORIGINS (e.g. ALLOWED_ORIGINS={origin[:200]}) and restarts",
        "origin",
    )
    refusal.headers.update({"Access-Control-Allow-Origin": origin, "Vary": "Origin"})
    refusal.headers["Cache-Control"] = "no-store"
    return refusal


def _preflight(allow: str | None, origin: str | None) -> Response:
    """The answer to a CORS preflight: 204 with no body at all, or the error shape."""
    if allow is None:
        refusal = error(
            403,
            "forbidden_origin",
            f"{(origin or 'a page')[:200]} is not in ALLOWED_ORIGINS",
            "origin",
        )
        refusal.headers["Vary"] = "Origin"
        return refusal
    # A 204 carries no body (RFC 9110 15.3.5); uvicorn drops the connection when one comes.
    return Response(
        status_code=204,
        headers={
            "Access-Control-Allow-Origin": allow,
            "Access-Control-Allow-Methods": "GET, POST",
            "Access-Control-Allow-Headers": "Content-Type",
            "Access-Control-Max-Age": "600",
            "Vary": "Origin",
        },
    )


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
        if origin and not open_to_all:
            if origin in allowed_origins():
                allow = origin
            else:
                log_refused_origin(origin, scope["method"], path)
        if scope["method"] == "OPTIONS" and headers.get("access-control-request-method"):
            await _preflight(allow, origin)(scope, receive, send)
            return
        if origin and allow is None and _ORIGIN.fullmatch(origin):
            await _refuse_origin(origin)(scope, receive, send)
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


class Compression:
    """Gzip for text answers over COMPRESS_FROM bytes (pages, lists), when the client asks.

    Renderings from the cache arrive compressed already (they carry Content-Encoding) and pass
    untouched, so a cached read costs no compression; so do streamed answers (downloads, static
    files), which are never whole in one message. A compressed answer says `Vary:
    Accept-Encoding`, and a strong ETag becomes weak: the bytes differ from the identity form's,
    while a conditional request naming it still matches (If-None-Match compares weakly).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        asked = b""
        for name, value in scope["headers"]:
            if name == b"accept-encoding":
                asked = value
        if not accepts_gzip(asked):
            await self.app(scope, receive, send)
            return
        held: Message | None = None

        async def send_compressed(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                held = message  # until the body shows whether the answer is whole
                return
            if held is None:
                await send(message)
                return
            start, held = held, None
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                start, message = _compressed(start, message)
            await send(start)
            await send(message)

        await self.app(scope, receive, send_compressed)


def _compressed(start: Message, body: Message) -> tuple[Message, Message]:
    """The whole answer gzipped, or as it was when it is not text worth compressing."""
    content = body.get("body", b"")
    headers = MutableHeaders(scope=start)
    if (
        start["status"] in (204, 206, 304)
        or len(content) <= COMPRESS_FROM
        or "content-encoding" in headers
        or not compressible(headers.get("content-type", ""))
    ):
        return start, body
    packed = gzipped(content)
    if len(packed) >= len(content):
        return start, body
    headers["Content-Encoding"] = "gzip"
    headers["Content-Length"] = str(len(packed))
    headers.add_vary_header("Accept-Encoding")
    etag = headers.get("etag")
    if etag and not etag.startswith("W/"):
        headers["ETag"] = "W/" + etag
    return start, {**body, "body": packed}

"""The lean path for cached reads: a repeated public GET answered from memory, before routing.

A cached list or feed is already rendered once (`service.web.http.cached`), but every hit still
walked the whole stack: both middlewares, the router's route table, the handler's parameter
checks. This layer, the first one a request meets after Starlette's error guard, keeps the
complete answer the stack gave (status, every header, the body) for requests that stack marked as
served from the rendering cache, and sends it again for the same request: same path and query,
same Origin (CORS headers depend on it), and whether the client takes gzip (the cache keeps
both forms of a large answer; each is kept here as it was sent). An `If-None-Match` naming
the ETag gets a 304.

It forgets everything when the renderings do (a write that can change anything: in this process
at once, from other workers through the change listener), and an answer whose rendering was
forgotten on its own (a write that changed one page, an eviction) is not sent again: each kept
answer names the rendering it came from and is sent only while that very rendering is still
kept. It steps aside while the database is away, so the stack marks what it serves as stale.
Settings are read once per process, so headers that follow from them cannot change under an
entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

import settings
from service.cache import Rendering, Renderings, accepts_gzip

MARK = "chorus.from_cache"  # set in the scope by the stack when it answered from the cache
_DROPPED_FOR_304 = {b"content-length", b"content-type", b"content-encoding"}
_Key = tuple[str, bytes, bytes, bool]  # path, query, Origin, whether gzip is accepted


@dataclass(frozen=True)
class _Answer:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    source: str  # the key of the rendering it came from
    rendering: Rendering  # that rendering itself: the answer holds while it is still kept


def mark_from_cache(scope: Scope, key: str, rendering: Rendering) -> None:
    """Tell the edge that this answer came whole from `rendering`, kept under `key`."""
    scope[MARK] = (key, rendering)


class EdgeCache:
    """Answers repeated cached GETs with the bytes and headers the full stack gave them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.answers: dict[_Key, _Answer] = {}
        self.bytes = 0
        self.generation = -1

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        state = scope["app"].state
        renderings = state.renderings
        if renderings.cleared != self.generation:
            self.answers.clear()
            self.bytes = 0
            self.generation = renderings.cleared
        origin = b""
        if_none_match = b""
        accept_encoding = b""
        for name, value in scope["headers"]:
            if name == b"origin":
                origin = value
            elif name == b"if-none-match":
                if_none_match = value
            elif name == b"accept-encoding":
                accept_encoding = value
        key = (scope["path"], scope["query_string"], origin, accepts_gzip(accept_encoding))
        answer = self.answers.get(key)
        if answer is not None and not _still_kept(renderings, answer):
            del self.answers[key]
            self.bytes -= len(answer.body)
            answer = None
        if answer is not None and state.store.available:
            if if_none_match and answer.etag in if_none_match:
                headers = [h for h in answer.headers if h[0] not in _DROPPED_FOR_304]
                await send({"type": "http.response.start", "status": 304, "headers": headers})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({"type": "http.response.start", "status": 200, "headers": answer.headers})
            await send({"type": "http.response.body", "body": answer.body})
            return
        await self._through(scope, receive, send, key)

    async def _through(self, scope: Scope, receive: Receive, send: Send, key: _Key) -> None:
        """Pass the request to the stack, keeping its answer when the stack marks it cacheable."""
        generation = self.generation
        start: Message | None = None
        body: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        store = scope["app"].state.store
        if (
            start is None
            or start["status"] != 200
            or not scope.get(MARK)
            or not store.available
            or generation != scope["app"].state.renderings.cleared
        ):
            return
        content = b"".join(body)
        headers = list(start.get("headers", []))
        etag = next((value for name, value in headers if name == b"etag"), None)
        if key in self.answers or etag is None:
            return
        if self.bytes + len(content) > settings.CACHE_MAX_BYTES:
            return
        source, rendering = scope[MARK]
        self.answers[key] = _Answer(headers, content, etag, source, rendering)
        self.bytes += len(content)


def _still_kept(renderings: Renderings, answer: _Answer) -> bool:
    """Whether the rendering an answer came from is still the one kept under its key."""
    return renderings.peek(answer.source) is answer.rendering

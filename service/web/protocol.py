"""Bounds on a request's head, before Chorus sees the request.

Threat: a client that sends an endless request head (headers that never end, or one byte a
minute) holds memory and a connection for as long as it likes. uvicorn's h11 parser bounds
the head's size (`h11_max_incomplete_event_size`) but its faster httptools parser, the one
`uvicorn[standard]` picks, buffers every header it is sent, and neither bounds the time a
head may take. This protocol is uvicorn's httptools protocol with both bounds, through the
parser callbacks httptools defines: a head over `MAX_HEAD_BYTES` is refused with 400 (the
parser's own refusal), and a head not complete within `HEAD_TIMEOUT` closes the connection.
Behind nginx or Caddy the proxy's own limits apply first (README, Deploying).
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

MAX_HEAD_BYTES = 16 * 1024  # the request line and headers together, as h11's default
HEAD_TIMEOUT = 10.0  # seconds from the first byte of a request to the end of its headers


class HeadTooLarge(Exception):
    """Raised in a parser callback; httptools turns it into its parse error (a 400)."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, with the request head bounded in size and in time."""

    _head_bytes = 0
    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_timer()  # a connection that never sends a byte is bounded too

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes = 0
        self._start_timer()

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)  # ": " and CRLF
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._stop_timer()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_timer()
        super().connection_lost(exc)

    def _count(self, size: int) -> None:
        self._head_bytes += size
        if self._head_bytes > MAX_HEAD_BYTES:
            self._stop_timer()
            raise HeadTooLarge

    def _start_timer(self) -> None:
        self._stop_timer()
        self._head_timer = asyncio.get_running_loop().call_later(HEAD_TIMEOUT, self._head_late)

    def _stop_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_late(self) -> None:
        self._head_timer = None
        if self.transport is not None and not self.transport.is_closing():
            self.logger.info("closed a connection whose request head took over %ss", HEAD_TIMEOUT)
            self.transport.close()

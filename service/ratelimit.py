"""Who is asking, and how often: client keys and bounded in-memory rate limits.

Threat: floods of comments or password guesses, and evasion by forged forwarding headers.
`X-Forwarded-For` is believed only when the direct peer is one of TRUSTED_PROXIES. IPv6 clients are
keyed by their /64, since one household or VM owns the whole block. Raw addresses are never stored:
the database sees only a keyed hash.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections import OrderedDict, deque

from starlette.requests import HTTPConnection

import settings
from service import signing

MAX_TRACKED = 100_000  # clients remembered per limiter; the oldest are forgotten first


def client_ip(request: HTTPConnection) -> str:
    """The client's address, taking the forwarding header only from a trusted proxy."""
    peer = request.client.host if request.client else ""
    if peer in settings.TRUSTED_PROXIES:
        forwarded = request.headers.get("x-forwarded-for", "")
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        # The last hop not added by one of our own proxies is the real client.
        for hop in reversed(hops):
            if hop not in settings.TRUSTED_PROXIES:
                return hop
    return peer


def client_key(request: HTTPConnection) -> str:
    """A keyed hash of the client's address (IPv6 by /64), safe to store."""
    raw = client_ip(request)
    try:
        address = ipaddress.ip_address(raw)
        if address.version == 6:
            raw = str(ipaddress.ip_network(f"{raw}/64", strict=False))
    except ValueError:
        pass
    return signing.digest(raw, "client")[:32]


class Limiter:
    """At most `limit` events per `window` seconds for each key, in bounded memory."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._events: OrderedDict[str, deque[float]] = OrderedDict()

    def _recent(self, key: str, now: float) -> deque[float]:
        events = self._events.get(key)
        if events is None:
            events = deque()
            self._events[key] = events
            if len(self._events) > MAX_TRACKED:
                self._events.popitem(last=False)
        self._events.move_to_end(key)
        while events and events[0] <= now - self.window:
            events.popleft()
        return events

    def retry_after(self, key: str) -> int:
        """Seconds until `key` may act again; 0 when it may act now."""
        now = time.monotonic()
        events = self._recent(key, now)
        if len(events) < self.limit:
            return 0
        return max(1, math.ceil(events[0] + self.window - now))

    def hit(self, key: str) -> None:
        self._recent(key, time.monotonic()).append(time.monotonic())

    def reset(self, key: str) -> None:
        self._events.pop(key, None)

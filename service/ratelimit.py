"""How often: bounded in-memory rate limits per client key (see `service.web.clients`).

Threat: floods of comments or password guesses. Memory stays bounded however many clients come.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque

MAX_TRACKED = 100_000  # clients remembered per limiter; the oldest are forgotten first


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

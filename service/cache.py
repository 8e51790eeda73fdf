"""A small in-process cache of rendered public answers, checked against the database each time.

Every request still asks the database for a cheap version stamp (a count and the latest change
time of the rows involved); only when the stamp is unchanged is the stored rendering reused. So
the cache is never stale, also with several worker processes, and it saves the row decoding and
rendering that dominate the cost of lists and feeds.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable

MAX_ENTRIES = 512  # renderings kept; the least recently used go first


class Renderings:
    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        self._items: OrderedDict[str, tuple[str, bytes]] = OrderedDict()

    async def get(self, key: str, version: str, render: Callable[[], Awaitable[bytes]]) -> bytes:
        """The rendering for `key` at `version`, rendering it only when the version moved on."""
        hit = self._items.get(key)
        if hit is not None and hit[0] == version:
            self._items.move_to_end(key)
            return hit[1]
        body = await render()
        self._items[key] = (version, body)
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return body

    def clear(self) -> None:
        self._items.clear()

"""Rendered public answers kept in memory, so a cached read never touches the database.

A rendering is stored with its ETag and response headers worked out once. It stays until a write
invalidates the cache: in this process at once (the store calls `invalidate` after the commit),
from other workers within the store's change-check interval (PostgreSQL LISTEN/NOTIFY, SQLite
`PRAGMA data_version`). A rendering started before an invalidation is never stored after it (the
generation check), so a slow render cannot put an old answer back.

Threat: a client filling memory or evicting everyone else's answers with made-up keys. Callers
store only canonical keys (ids that exist), and the whole cache is capped in bytes.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

ENTRY_OVERHEAD = 512  # bytes counted per entry beyond its body (key, headers, bookkeeping)


@dataclass(frozen=True)
class Rendering:
    """A finished answer: the body, its ETag and the raw headers, computed once."""

    body: bytes
    etag: str
    raw_headers: tuple[tuple[bytes, bytes], ...]

    @property
    def size(self) -> int:
        return len(self.body) + ENTRY_OVERHEAD


def make_rendering(body: bytes, media_type: str, max_age: int) -> Rendering:
    etag = '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
    headers = (
        (b"content-length", str(len(body)).encode()),
        (b"content-type", media_type.encode("latin-1")),
        (b"etag", etag.encode()),
        (b"cache-control", f"public, max-age={max_age}, must-revalidate".encode()),
    )
    return Rendering(body, etag, headers)


class Renderings:
    """Least-recently-used renderings, at most `max_bytes` in all."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.generation = 0  # moves on with every invalidation, whole or in part
        self.cleared = 0  # moves on only when everything is forgotten
        self._items: OrderedDict[str, Rendering] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: str) -> Rendering | None:
        hit = self._items.get(key)
        if hit is not None:
            self._items.move_to_end(key)
        return hit

    def put(self, key: str, rendering: Rendering, generation: int) -> bool:
        """Keep `rendering` unless the data changed since `generation` or it cannot fit."""
        if generation != self.generation or rendering.size > self.max_bytes:
            return False
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._items[key] = rendering
        self.bytes += rendering.size
        while self.bytes > self.max_bytes:
            _, evicted = self._items.popitem(last=False)
            self.bytes -= evicted.size
        return True

    def peek(self, key: str) -> Rendering | None:
        """The rendering under `key`, if kept, without counting it as used."""
        return self._items.get(key)

    def invalidate(self) -> None:
        """Forget every rendering: something they may show has changed."""
        self.generation += 1
        self.cleared += 1
        self._items.clear()
        self.bytes = 0

    def invalidate_where(self, stale: Callable[[str], bool]) -> None:
        """Forget the renderings whose keys are `stale`; keep the rest.

        The generation still moves on, so no rendering started before this is stored after it
        (one that is not stale is simply rendered again on its next request).
        """
        self.generation += 1
        for key in [k for k in self._items if stale(k)]:
            self.bytes -= self._items.pop(key).size

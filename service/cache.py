"""Rendered public answers kept in memory, so a cached read never touches the database.

A rendering is stored with its ETag and response headers worked out once. It stays until a write
invalidates the cache: in this process at once (the store calls `invalidate` after the commit),
from other workers within the store's change-check interval (PostgreSQL LISTEN/NOTIFY, SQLite
`PRAGMA data_version`). A rendering started before an invalidation is never stored after it (the
generation check), so a slow render cannot put an old answer back.

A text answer of more than COMPRESS_FROM bytes is also kept gzipped, compressed once when it is
rendered: a client that asks for gzip gets those bytes, with an ETag of their own (`"…-gz"`, as
the widget's), and both forms say `Vary: Accept-Encoding`. The answers that are not cached are
compressed per request by `service.web.middleware.Compression`, with the same rules from here.

Threat: a client filling memory or evicting everyone else's answers with made-up keys. Callers
store only canonical keys (ids that exist), and the whole cache is capped in bytes.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

ENTRY_OVERHEAD = 512  # bytes counted per entry beyond its body (key, headers, bookkeeping)
COMPRESS_FROM = 1024  # bytes: smaller answers fit a packet or two, and gzip gains little on them
# Level 6, zlib's default: within a few per cent of 9 on JSON and HTML, at a third of its time
# (it matters for the answers compressed per request; a cached one is compressed once).
COMPRESS_LEVEL = 6
_TEXT_TYPES = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "application/atom+xml",
    "application/feed+json",
    "application/problem+json",
    "image/svg+xml",
)


def compressible(media_type: str) -> bool:
    """Whether answers of this Content-Type are text that gzip makes smaller."""
    return media_type.lower().lstrip().startswith(_TEXT_TYPES)


def gzipped(body: bytes) -> bytes:
    """`body` as gzip, the same bytes for the same input (no timestamp or file name)."""
    packer = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, 31)  # 31: a gzip wrapper
    return packer.compress(body) + packer.flush()


@functools.lru_cache(maxsize=256)  # a few distinct header values per browser; bounded anyway
def accepts_gzip(accept_encoding: bytes) -> bool:
    """Whether an Accept-Encoding header value lets us answer in gzip (RFC 9110 12.5.3).

    `gzip` (or `x-gzip`) with a non-zero q-value, or `*` with one when gzip is not named.
    """
    star = False
    for item in accept_encoding.decode("latin-1").lower().split(","):
        coding, _, params = item.partition(";")
        coding = coding.strip()
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding in ("gzip", "x-gzip"):
            return quality > 0
        if coding == "*":
            star = quality > 0
    return star


@dataclass(frozen=True)
class Rendering:
    """A finished answer: the body, its ETag and the raw headers, computed once.

    `gzip` is the same answer compressed, when it is text large enough to be worth it.
    """

    body: bytes
    etag: str
    raw_headers: tuple[tuple[bytes, bytes], ...]
    cache_control: str
    gzip: Rendering | None = None

    @property
    def size(self) -> int:
        both = len(self.body) + (len(self.gzip.body) if self.gzip else 0)
        return both + ENTRY_OVERHEAD

    @property
    def vary(self) -> bool:
        """Whether the answer depends on Accept-Encoding (it has a gzip form)."""
        return self.gzip is not None

    def encoded_for(self, gzip_ok: bool) -> Rendering:
        """The form to send a client that does (or does not) accept gzip."""
        return self.gzip if gzip_ok and self.gzip is not None else self


def _headers(
    body: bytes, media_type: str, etag: str, cache_control: str, encoding: str | None, vary: bool
) -> tuple[tuple[bytes, bytes], ...]:
    headers = [
        (b"content-length", str(len(body)).encode()),
        (b"content-type", media_type.encode("latin-1")),
        (b"etag", etag.encode()),
        (b"cache-control", cache_control.encode()),
    ]
    if encoding:
        headers.append((b"content-encoding", encoding.encode()))
    if vary:
        headers.append((b"vary", b"Accept-Encoding"))
    return tuple(headers)


def make_rendering(body: bytes, media_type: str, max_age: int) -> Rendering:
    digest = hashlib.blake2b(body, digest_size=16).hexdigest()
    etag = f'"{digest}"'
    cache_control = f"public, max-age={max_age}, must-revalidate"
    packed = gzipped(body) if len(body) > COMPRESS_FROM and compressible(media_type) else None
    if packed is None or len(packed) >= len(body):
        return Rendering(
            body, etag, _headers(body, media_type, etag, cache_control, None, False), cache_control
        )
    gz_etag = f'"{digest}-gz"'
    gz = Rendering(
        packed,
        gz_etag,
        _headers(packed, media_type, gz_etag, cache_control, "gzip", True),
        cache_control,
    )
    headers = _headers(body, media_type, etag, cache_control, None, True)
    return Rendering(body, etag, headers, cache_control, gz)


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

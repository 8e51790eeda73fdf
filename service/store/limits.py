"""Shared counters for rate limits and spent form tokens: in the database, or in Redis.

Threat: floods that walk around limits. Check and count are one atomic statement (an upsert
that returns the new count, or Redis INCR), so N simultaneous attempts from one client are
counted N times and at most `limit` of them pass; refused attempts count too. The counters live
where every worker and process sees them. Windows are fixed (a counter starts over after
`window` seconds), so a client gets at most twice its limit across one window boundary.

Both backends offer the same small API (`Counters`); `Store` picks one. `hit` runs on the
store's connection, so a caller that holds a transaction (`async with db.transaction()`) counts
inside it.

Threat: an outage of Redis. Without the counters no post, login or manage request may pass (a
limit that fails open is no limit), so each Redis failure becomes `CountersUnavailable`, which
the web edge answers 503 with Retry-After, and a Redis that hangs is given up on within
REDIS_TIMEOUT seconds instead of holding every request.
"""

from __future__ import annotations

import contextlib
import math
import random
import time
from collections.abc import Iterator
from typing import Protocol

from service.store.engine import Database


def clock() -> float:
    """Seconds since the epoch; one place to read the time, so a test can move it on."""
    return time.time()


PURGE_ONE_IN = 200  # forget expired counters and tokens on about one call in this many
REDIS_TIMEOUT = 2  # seconds to connect to Redis, and for each answer

MAX_REMEMBERED_OVER = 10_000  # clients remembered as over their limit, per process


class CountersUnavailable(ConnectionError):
    """The shared counters (Redis, REDIS_URL) cannot be reached: try again shortly.

    A ConnectionError, so whatever already waits out an unreachable database (the outbox's
    loop) waits this out too.
    """


class Counters(Protocol):
    async def hit(self, name: str, key: str, limit: int, window: int) -> int:
        """Count one attempt; return 0 when it is within `limit`, else seconds to wait."""

    async def peek(self, name: str, key: str, window: int) -> int:
        """The attempts counted in the current window, without counting one."""

    def known_over(self, name: str, key: str) -> bool:
        """Whether a `hit` of this process found `key` over its limit in a window not yet over.

        No I/O: it lets a use case count and refuse a flood before doing any other work, while
        the counting itself can wait for the use case's own transaction.
        """

    async def refund(self, name: str, key: str) -> None:
        """Give one attempt back (a success that should not count against a budget)."""

    async def forget(self, name: str, key: str) -> None:
        """Start the counter over."""

    async def spend_token(self, nonce: str, ttl: int) -> bool:
        """Mark a form token spent; False when it was spent before."""

    async def ping(self) -> None:
        """Raise CountersUnavailable when the counters cannot be reached."""

    async def close(self) -> None: ...

    @property
    def where(self) -> str:
        """Where the counters live: "database" or "redis"."""


async def waiting(counters: Counters, name: str, key: str, limit: int, window: int) -> int:
    """Seconds until `key` may try again once it has used up `limit` in this window; else 0."""
    now = clock()
    if await counters.peek(name, key, window) < limit:
        return 0
    return _wait(_window_start(window, now), window, now)


def _window_start(window: int, now: float) -> int:
    return int(now // window * window)


def _wait(start: int, window: int, now: float) -> int:
    return max(1, math.ceil(start + window - now))


class DatabaseCounters:
    """Counters in the `rate_counts` and `used_form_tokens` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # "name:key" -> when (clock seconds) the window that found it over its limit ends.
        self._over: dict[str, float] = {}

    def known_over(self, name: str, key: str) -> bool:
        until = self._over.get(f"{name}:{key}")
        if until is None:
            return False
        if until > clock():
            return True
        del self._over[f"{name}:{key}"]
        return False

    def _remember_over(self, name: str, key: str, wait: int) -> None:
        if len(self._over) >= MAX_REMEMBERED_OVER:
            self._over.clear()  # a memory only: the counts themselves are in the table
        self._over[f"{name}:{key}"] = clock() + wait

    async def _purge(self, now: float) -> None:
        if random.randrange(PURGE_ONE_IN) == 0:
            # Counters of windows that ended over a day ago; a day is the longest window we use.
            await self.db.execute(
                "DELETE FROM rate_counts WHERE window_start < :old",
                {"old": int(now) - 86400},
                public=False,
            )
            await self.db.execute(
                "DELETE FROM used_form_tokens WHERE expires_at < :now",
                {"now": int(now)},
                public=False,
            )

    async def hit(self, name: str, key: str, limit: int, window: int) -> int:
        now = clock()
        start = _window_start(window, now)
        hits = await self.db.fetch_val(
            """
            INSERT INTO rate_counts (key, window_start, hits) VALUES (:key, :start, 1)
            ON CONFLICT (key) DO UPDATE SET
                hits = CASE WHEN rate_counts.window_start = excluded.window_start
                       THEN rate_counts.hits + 1 ELSE 1 END,
                window_start = excluded.window_start
            RETURNING hits
            """,
            {"key": f"{name}:{key}", "start": start},
            public=False,
        )
        await self._purge(now)
        if int(hits) <= limit:
            return 0
        wait = _wait(start, window, now)
        self._remember_over(name, key, wait)
        return wait

    async def peek(self, name: str, key: str, window: int) -> int:
        start = _window_start(window, clock())
        hits = await self.db.fetch_val(
            "SELECT hits FROM rate_counts WHERE key = :key AND window_start = :start",
            {"key": f"{name}:{key}", "start": start},
        )
        return int(hits or 0)

    async def refund(self, name: str, key: str) -> None:
        await self.db.execute(
            "UPDATE rate_counts SET hits = hits - 1 WHERE key = :key AND hits > 0",
            {"key": f"{name}:{key}"},
            public=False,
        )

    async def forget(self, name: str, key: str) -> None:
        await self.db.execute(
            "DELETE FROM rate_counts WHERE key = :key", {"key": f"{name}:{key}"}, public=False
        )

    async def spend_token(self, nonce: str, ttl: int) -> bool:
        now = clock()
        spent = await self.db.fetch_val(
            "INSERT INTO used_form_tokens (nonce, expires_at) VALUES (:nonce, :expires) "
            "ON CONFLICT (nonce) DO NOTHING RETURNING nonce",
            {"nonce": nonce, "expires": int(now) + ttl},
            public=False,
        )
        await self._purge(now)
        return spent is not None

    async def ping(self) -> None:
        return None  # the database's own health check covers these tables

    async def close(self) -> None:
        return None

    @property
    def where(self) -> str:
        return "database"


@contextlib.contextmanager
def _reachable() -> Iterator[None]:
    """Turn any failure to talk to Redis into CountersUnavailable."""
    from redis.exceptions import RedisError

    try:
        yield
    except RedisError as exc:
        raise CountersUnavailable(f"Redis: {type(exc).__name__}") from exc


class RedisCounters:
    """The same counters in Redis (REDIS_URL): INCR with an expiry, SET NX for tokens."""

    def __init__(self, url: str, prefix: str = "chorus:") -> None:
        from redis.asyncio import Redis

        self.redis = Redis.from_url(
            url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT
        )
        self.prefix = prefix

    @property
    def where(self) -> str:
        return "redis"

    def _key(self, name: str, key: str, window: int, now: float) -> str:
        return f"{self.prefix}{name}:{key}:{_window_start(window, now)}"

    async def hit(self, name: str, key: str, limit: int, window: int) -> int:
        with _reachable():
            now = clock()
            counter = self._key(name, key, window, now)
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.incr(counter)
                pipe.expire(counter, window + 1, nx=True)
                hits, _ = await pipe.execute()
            await self.redis.set(f"{self.prefix}last:{name}:{key}", counter, ex=window + 1)
            return 0 if int(hits) <= limit else _wait(_window_start(window, now), window, now)

    async def peek(self, name: str, key: str, window: int) -> int:
        with _reachable():
            value = await self.redis.get(self._key(name, key, window, clock()))
            return int(value or 0)

    async def refund(self, name: str, key: str) -> None:
        with _reachable():
            counter = await self.redis.get(f"{self.prefix}last:{name}:{key}")
            if counter:
                await self.redis.eval(
                    "if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then "
                    "return redis.call('DECR', KEYS[1]) end return 0",
                    1,
                    counter,
                )

    async def forget(self, name: str, key: str) -> None:
        with _reachable():
            counter = await self.redis.get(f"{self.prefix}last:{name}:{key}")
            if counter:
                await self.redis.delete(counter)

    def known_over(self, name: str, key: str) -> bool:
        return False  # each attempt is counted in Redis first, before any other work

    async def spend_token(self, nonce: str, ttl: int) -> bool:
        with _reachable():
            return bool(await self.redis.set(f"{self.prefix}token:{nonce}", 1, nx=True, ex=ttl))

    async def close(self) -> None:
        await self.redis.aclose()

    async def ping(self) -> None:
        with _reachable():
            await self.redis.ping()

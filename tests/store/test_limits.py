"""The shared counters behind every limit, in the database (both backends) and in Redis."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator

import pytest

from service.store import Store, limits
from service.store.limits import Counters, RedisCounters, waiting
from tests.conftest import IN_CI

pytestmark = pytest.mark.anyio
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


async def redis_counters() -> RedisCounters:
    """Counters in the test Redis under a prefix of their own; a skip (a failure in CI) without."""
    counters = RedisCounters(REDIS_URL, prefix=f"chorus-test-{uuid.uuid4().hex}:")
    try:
        await counters.redis.ping()
    except Exception as exc:
        await counters.close()
        reason = f"Redis at {REDIS_URL} is not reachable ({type(exc).__name__})"
        if IN_CI:
            pytest.fail(f"{reason}; CI must run the Redis tests")
        pytest.skip(reason)
    return counters


@pytest.fixture(params=["database", "redis"])
async def counters(request: pytest.FixtureRequest, db: Store) -> AsyncIterator[Counters]:
    """The counters in the database under test, or in Redis (once per database backend)."""
    if request.param == "database":
        yield db.counters
        return
    found = await redis_counters()
    try:
        yield found
    finally:
        await found.close()


async def test_simultaneous_attempts_pass_at_most_up_to_the_limit(counters: Counters) -> None:
    waits = await asyncio.gather(*(counters.hit("post", "client-a", 5, 600) for _ in range(40)))
    assert sum(1 for wait in waits if wait == 0) == 5
    assert all(0 < wait <= 600 for wait in waits if wait)
    assert await counters.peek("post", "client-a", 600) == 40  # refused attempts count too


async def test_clients_and_limiters_are_counted_apart(counters: Counters) -> None:
    for _ in range(3):
        await counters.hit("post", "client-a", 3, 600)
    assert await counters.hit("post", "client-a", 3, 600) > 0
    assert await counters.hit("post", "client-b", 3, 600) == 0
    assert await counters.hit("login", "client-a", 3, 600) == 0


async def test_a_new_window_starts_over(
    counters: Counters, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):
        await counters.hit("post", "c", 2, 600)
    assert await waiting(counters, "post", "c", 2, 600) > 0
    later = limits.clock() + 600
    monkeypatch.setattr(limits, "clock", lambda: later)
    assert await waiting(counters, "post", "c", 2, 600) == 0
    assert await counters.hit("post", "c", 2, 600) == 0


async def test_refund_and_forget(counters: Counters) -> None:
    for _ in range(3):
        await counters.hit("login-site", "site", 3, 300)
    await counters.refund("login-site", "site")
    assert await counters.peek("login-site", "site", 300) == 2
    await counters.forget("login-site", "site")
    assert await counters.peek("login-site", "site", 300) == 0


async def test_a_form_token_is_spent_once_even_when_sent_twice_at_once(
    counters: Counters,
) -> None:
    spent = await asyncio.gather(*(counters.spend_token("nonce-1", 60) for _ in range(10)))
    assert spent.count(True) == 1
    assert await counters.spend_token("nonce-2", 60)

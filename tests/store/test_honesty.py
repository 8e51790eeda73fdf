"""The testimonial summary's counts come from one indexed pass, on each backend."""

from __future__ import annotations

import pytest

from service.store import Store, open_store
from service.store.honesty import SUMMARY

pytestmark = pytest.mark.anyio


async def test_the_summary_reads_only_its_covering_index(sqlite_url: str) -> None:
    """SQLite's plan shows a search of comments_stories, never a scan of the comments table."""
    store = open_store(sqlite_url)
    await store.connect()
    await store.migrate()
    plan = " | ".join(
        str(r[3]) for r in await store.database.fetch_all(f"EXPLAIN QUERY PLAN {SUMMARY}")
    )
    await store.disconnect()
    assert "COVERING INDEX comments_stories" in plan, plan


async def test_a_policy_version_keeps_the_date_it_first_appeared(db: Store) -> None:
    first = await db.honesty.policy_since("aaaa")
    assert await db.honesty.policy_since("aaaa") == first
    assert await db.honesty.policy_since("bbbb") > first
    # Another worker (a fresh store over the same database) reads the recorded date.
    fresh = Store(db.database)
    assert await fresh.honesty.policy_since("aaaa") == first

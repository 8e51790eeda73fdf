"""The owner's rules, held in memory between changes, on both backends."""

from __future__ import annotations

import asyncio

import pytest

from service.domain.abuse import RuleAction, RuleKind
from service.store import Store, open_store

pytestmark = pytest.mark.anyio


async def test_a_rule_holds_at_once_in_the_process_that_added_it(db: Store) -> None:
    assert await db.rules.list_all() == []  # read, and now held
    rule_id = await db.rules.add(RuleKind.WORD, "casino", RuleAction.SPAM)
    assert [rule.value for rule in await db.rules.list_all()] == ["casino"]
    assert await db.rules.delete(rule_id)
    assert await db.rules.list_all() == []


async def test_a_rule_added_by_another_process_holds_once_it_is_heard(
    db: Store, database_url: str
) -> None:
    """Another worker's store holds the rules it read; the change reaches it through its watch."""
    other = open_store(database_url)
    await other.connect()
    watching = asyncio.create_task(other.watch())
    try:
        assert await other.rules.list_all() == []  # read, and now held
        added: list[str] = []
        async with asyncio.timeout(10):
            # A rule at a time until the watch (which may still be starting) hears of one.
            while not await other.rules.list_all():
                added.append(f"casino{len(added)}")
                await db.rules.add(RuleKind.WORD, added[-1], RuleAction.SPAM)
                await asyncio.sleep(0.05)
        assert [rule.value for rule in await other.rules.list_all()] == sorted(added)
    finally:
        watching.cancel()
        await asyncio.gather(watching, return_exceptions=True)
        await other.disconnect()

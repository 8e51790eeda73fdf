"""The queue's totals: from kept counts, or for a search counted only so far."""

from __future__ import annotations

import pytest

from service.domain.comments import Query
from service.store import Store
from service.store import queue as queue_store
from tests.store.test_store import new

pytestmark = pytest.mark.anyio


async def test_a_search_is_counted_only_a_bounded_way_past_the_page(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twelve matches, a page of 3 and counting 4 beyond it: 'at least 7', not a full count."""
    monkeypatch.setattr(queue_store, "SEARCH_TOTAL_BEYOND", 4)
    for n in range(12):
        await db.comments.insert(new(f"Rozenolie nummer {n}"))
    await db.comments.insert(new("Iets anders"))
    counts = await db.queue.counts()
    found, total, exact = await db.queue.page(Query(search="rozen", limit=3), counts)
    assert len(found) == 3 and total == 7 and not exact
    found, total, exact = await db.queue.page(Query(search="rozen", limit=3, offset=9), counts)
    assert len(found) == 3 and total == 12 and exact


async def test_a_search_with_few_matches_has_an_exact_total(db: Store) -> None:
    for n in range(3):
        await db.comments.insert(new(f"Rozenolie nummer {n}"))
    counts = await db.queue.counts()
    _, total, exact = await db.queue.page(Query(search="rozen", limit=20), counts)
    assert total == 3 and exact

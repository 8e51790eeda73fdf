"""The owner's pins in the store, on SQLite and PostgreSQL: the limit holds even for pins made at
once, a pin is logged once, and whatever takes a story off the testimonials takes its pin too."""

from __future__ import annotations

import asyncio

import pytest

from service.domain.comments import Author
from service.domain.wall import Wall
from service.store import Pinned, Store, open_store
from tests.store.test_store import approve, new

pytestmark = pytest.mark.anyio


async def _testimonial(db: Store, body: str, **fields: object) -> int:
    cid = await db.comments.insert(new(body, **fields))
    await approve(db, cid)
    assert await db.comments.promote(cid, "", "owner")
    return cid


async def _pin_rows(db: Store) -> list[tuple[str, int]]:
    return [(r.action, r.comment_id) for r in await db.log.recent(50) if "pin" in r.action]


async def test_two_pins_at_once_for_the_last_place_take_it_once(
    db: Store, database_url: str
) -> None:
    """As two workers would: each its own store (connections) on the same database."""
    first = await _testimonial(db, "Het eerste verhaal over slapen.")
    rivals = [await _testimonial(db, f"Verhaal {n} dat bovenaan wil.") for n in range(6)]
    assert await db.pins.pin(first, "owner", limit=2) == Pinned.DONE
    workers = [open_store(database_url) for _ in rivals]
    for worker in workers:
        await worker.connect()
    try:
        outcomes = await asyncio.gather(
            *(
                worker.pins.pin(cid, "owner", limit=2)
                for worker, cid in zip(workers, rivals, strict=True)
            )
        )
    finally:
        for worker in workers:
            await worker.disconnect()
    assert sorted(outcomes) == sorted([Pinned.DONE] + [Pinned.FULL] * (len(rivals) - 1))
    assert await db.pins.count() == 2
    assert len(await _pin_rows(db)) == 2


async def test_a_pin_is_logged_once_and_an_unpin_once(db: Store) -> None:
    cid = await _testimonial(db, "Een mooi verhaal over slapen.")
    assert await db.pins.pin(cid, "owner", limit=6) == Pinned.DONE
    assert await db.pins.pin(cid, "owner", limit=6) == Pinned.ALREADY
    assert await db.pins.unpin(cid, "owner") == Pinned.DONE
    assert await db.pins.unpin(cid, "owner") == Pinned.ALREADY
    assert await _pin_rows(db) == [("unpin", cid), ("pin", cid)]


async def test_a_comment_that_is_no_testimonial_takes_no_pin(db: Store) -> None:
    waiting = await db.comments.insert(new("Wacht nog op de eigenaar."))
    assert await db.pins.pin(waiting, "owner", limit=6) == Pinned.NOT_SHOWN
    assert await db.pins.unpin(waiting, "owner") == Pinned.NOT_SHOWN
    assert await db.pins.pin(404_404, "owner", limit=6) == Pinned.NOT_SHOWN
    assert await _pin_rows(db) == []


@pytest.mark.parametrize("how", ["demote", "withdraw", "edit", "erase"])
async def test_whatever_ends_a_testimonial_ends_its_pin(db: Store, how: str) -> None:
    cid = await _testimonial(db, "Een mooi verhaal over slapen.", author_key="k1")
    assert await db.pins.pin(cid, "owner", limit=6) == Pinned.DONE
    if how == "demote":
        assert await db.comments.demote(cid, "owner")
    elif how == "withdraw":
        assert await db.comments.withdraw_consent(cid, Author(key="k1"))
    elif how == "edit":
        edited = await db.comments.edit_own(
            cid,
            Author(key="k1"),
            "Een ander verhaal.",
            "<p>Een ander verhaal.</p>",
            since="2000-01-01T00:00:00.000000Z",
            decide=lambda status: status,
            hints="",
        )
        assert edited is not None
    else:
        await db.privacy.erase("anna@example.nl", "een lezer", "owner")
    assert await db.pins.count() == 0
    found = await db.comments.get(cid)
    assert found is None or found.pinned_at is None


async def test_the_wall_filters_by_language_and_page_and_puts_pins_first(db: Store) -> None:
    dutch = await _testimonial(db, "Ik slaap weer door.", lang="nl")
    english = await _testimonial(db, "I sleep through the night.", lang="en")
    other = await _testimonial(db, "Mijn rug is soepeler.", lang="nl", page_key="/blog/rug")
    assert await db.pins.pin(dutch, "owner", limit=6) == Pinned.DONE
    ids = [c.id for c in await db.comments.list_testimonials(10)]
    assert ids == [dutch, other, english]
    dutch_wall = await db.comments.list_testimonials(10, wall=Wall(lang="nl"))
    assert [c.id for c in dutch_wall] == [dutch, other]
    rug = await db.comments.list_testimonials(10, wall=Wall(page_key="/blog/rug"))
    assert [c.id for c in rug] == [other]
    after_pin = await db.comments.list_testimonials(10, before=dutch)
    assert [c.id for c in after_pin] == [other, english]

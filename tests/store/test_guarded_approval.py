"""The guarded updates behind an approval and a promotion, on SQLite and PostgreSQL: each
changes the row only while it is still as the caller read it, and logs only when it did."""

from __future__ import annotations

import dataclasses

import pytest

from service.domain.comments import Status
from service.store import Store
from service.store.comments import Changed
from tests.store.test_store import approve, new

pytestmark = pytest.mark.anyio


async def _promote_rows(db: Store, comment_id: int) -> int:
    rows = await db.log.recent(50)
    return sum(1 for r in rows if r.comment_id == comment_id and r.action == "promote")


async def test_an_approval_bound_to_another_text_changes_nothing(db: Store) -> None:
    cid = await db.comments.insert(new("De tekst die de eigenaar las."))
    old = await db.comments.set_status(
        cid,
        Status.APPROVED,
        allowed_from=[Status.PENDING],
        action="approve",
        actor="t",
        body="De tekst die de eigenaar las, nu anders.",
    )
    found = await db.comments.get(cid)
    assert old is None and found is not None and found.status == Status.PENDING
    assert (
        await db.comments.set_status(
            cid,
            Status.APPROVED,
            allowed_from=[Status.PENDING],
            action="approve",
            actor="t",
            body="De tekst die de eigenaar las.",
        )
        == Status.PENDING
    )


async def test_a_promotion_of_a_comment_read_before_another_one_is_refused(db: Store) -> None:
    cid = await db.comments.insert(new("Een mooi verhaal over slapen."))
    await approve(db, cid)
    read = await db.comments.get(cid)
    assert read is not None and not read.testimonial
    assert await db.comments.promote(cid, "", "owner", seen=read) is True
    with pytest.raises(Changed):  # the same reading, a second time: the row moved on
        await db.comments.promote(cid, "", "owner", seen=read)
    assert await _promote_rows(db, cid) == 1


async def test_a_promotion_of_an_older_text_is_refused(db: Store) -> None:
    cid = await db.comments.insert(new("Een mooi verhaal over slapen."))
    await approve(db, cid)
    read = await db.comments.get(cid)
    assert read is not None
    older = dataclasses.replace(read, body="Een ander verhaal.")
    with pytest.raises(Changed):
        await db.comments.promote(cid, "", "owner", seen=older)
    found = await db.comments.get(cid)
    assert found is not None and not found.testimonial
    assert await _promote_rows(db, cid) == 0

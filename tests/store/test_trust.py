"""Trust under MODERATION=first, on SQLite and PostgreSQL: bound to the author, revocable."""

from __future__ import annotations

import pytest

from service.domain.comments import Status
from service.store import Store
from tests.store.test_store import approve, new

pytestmark = pytest.mark.anyio

ANNA = ("Anna", "anna@example.nl")


async def test_trust_holds_only_for_the_approved_author_not_for_whoever_holds_the_token(
    db: Store,
) -> None:
    await approve(db, await db.comments.insert(new(author_key="browser-a")))
    assert await db.comments.author_is_trusted("browser-a", *ANNA)
    assert await db.comments.author_is_trusted("browser-a", "Anna", "ANNA@example.nl")
    assert not await db.comments.author_is_trusted("browser-a", "Casino Bob", "anna@example.nl")
    assert not await db.comments.author_is_trusted("browser-a", "Anna", "bob@spam.example")


async def test_marking_any_comment_spam_or_rejecting_it_revokes_trust(db: Store) -> None:
    for action, status in (("spam", Status.SPAM), ("reject", Status.REJECTED)):
        key = f"browser-{action}"
        good = await db.comments.insert(new(f"goed {action}", author_key=key))
        await approve(db, good)
        bad = await db.comments.insert(new(f"slecht {action}", author_key=key))
        assert await db.comments.author_is_trusted(key, *ANNA)
        await db.comments.set_status(
            bad, status, allowed_from=[Status.PENDING], action=action, actor="owner"
        )
        assert not await db.comments.author_is_trusted(key, *ANNA)


async def test_deleting_the_judged_comment_does_not_give_trust_back(db: Store) -> None:
    good = await db.comments.insert(new("goed", author_key="browser-a"))
    await approve(db, good)
    bad = await db.comments.insert(new("slecht", author_key="browser-a"))
    await db.comments.set_status(
        bad, Status.SPAM, allowed_from=[Status.PENDING], action="spam", actor="owner"
    )
    await db.comments.delete(bad, "owner")
    assert not await db.comments.author_is_trusted("browser-a", *ANNA)

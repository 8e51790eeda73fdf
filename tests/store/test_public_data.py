"""Each write says whether it changes public data; the caches hear of exactly those, on both
databases. Nothing reads the SQL to find out, so a statement's shape cannot hide a change."""

from __future__ import annotations

import pytest

from service.domain.comments import ChangeScope
from service.store import Store, open_store
from service.store.engine import UndeclaredWrite
from tests.store.test_store import new

pytestmark = pytest.mark.anyio

# A common table expression ahead of the UPDATE: the old SQL-text rule took it for a read.
WITH_UPDATE = (
    "WITH chosen AS (SELECT id FROM comments WHERE id = :id) "
    "UPDATE comments SET rating = 4 WHERE id IN (SELECT id FROM chosen)"
)


def heard(db: Store) -> list[ChangeScope | None]:
    """What the store's change listeners are told, in order."""
    told: list[ChangeScope | None] = []
    db.on_change(told.append)
    return told


async def test_a_with_update_on_a_public_table_empties_the_caches(db: Store) -> None:
    comment_id = await db.comments.insert(new())
    told = heard(db)
    await db.database.execute(WITH_UPDATE, {"id": comment_id}, public=True)
    assert told == [None]
    assert (
        await db.database.fetch_val(
            "SELECT rating FROM comments WHERE id = :id", {"id": comment_id}
        )
        == 4
    )


async def test_a_public_write_inside_a_transaction_is_heard_once_at_commit(db: Store) -> None:
    comment_id = await db.comments.insert(new())
    told = heard(db)
    async with db.database.transaction():
        await db.database.execute(WITH_UPDATE, {"id": comment_id}, public=True)
        await db.database.execute(WITH_UPDATE, {"id": comment_id}, public=True)
        assert told == []  # not before it is visible
    assert told == [None]


async def test_a_rolled_back_public_write_is_not_heard(db: Store) -> None:
    comment_id = await db.comments.insert(new())
    told = heard(db)
    with pytest.raises(ValueError, match="changed my mind"):
        async with db.database.transaction():
            await db.database.execute(WITH_UPDATE, {"id": comment_id}, public=True)
            raise ValueError("changed my mind")
    assert told == []


async def test_a_bookkeeping_write_leaves_the_caches_alone(db: Store) -> None:
    told = heard(db)
    await db.sessions.create("a-session-hash", "csrf")
    await db.database.execute(
        "WITH old AS (SELECT id FROM admin_sessions) DELETE FROM admin_sessions "
        "WHERE id IN (SELECT id FROM old)",
        public=False,
    )
    assert told == []


async def test_a_scoped_write_tells_its_scope(db: Store) -> None:
    from service.store.engine import scoped_changes

    comment_id = await db.comments.insert(new())
    told = heard(db)
    scope = ChangeScope(("/blog/magnesium",))
    with scoped_changes(scope):
        await db.database.execute(WITH_UPDATE, {"id": comment_id}, public=True)
    assert told == [scope]


async def test_a_write_that_does_not_say_is_refused_on_sqlite(sqlite_url: str) -> None:
    """A read says nothing; a statement that changed rows without saying so is a bug, caught.

    (SQLite counts the rows a connection changed; PostgreSQL runs the very same calls.)
    """
    db = open_store(sqlite_url)
    await db.connect()
    try:
        comment_id = await db.comments.insert(new())
        told = heard(db)
        with pytest.raises(UndeclaredWrite, match="public data"):
            async with db.database.transaction():
                await db.database.fetch_val(WITH_UPDATE + " RETURNING id", {"id": comment_id})
        assert told == []
        rating = await db.database.fetch_val(
            "SELECT rating FROM comments WHERE id = :id", {"id": comment_id}
        )
        assert rating == 5  # rolled back with its transaction
    finally:
        await db.disconnect()

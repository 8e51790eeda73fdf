"""A connection that dies around COMMIT: a stored comment is never reported as a failure."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest

from service.store import Store, engine
from service.store import comments as comments_store
from service.store.engine import postgres as postgres_engine
from service.store.engine import sqlite as sqlite_engine
from tests.store.test_store import new

pytestmark = pytest.mark.anyio


def _break_commit(
    db: Store, monkeypatch: pytest.MonkeyPatch, failure: Exception, *, committed: bool
) -> Any:
    """Make the next commit raise `failure`, after committing or instead of it; returns an undo.

    On SQLite a comment is stored by a group commit, on PostgreSQL by a transaction.
    """
    if isinstance(db.database, engine.SqliteDatabase):
        group = sqlite_engine._commit_group

        def commit_group(connection: Any, jobs: Any) -> None:
            if committed:
                group(connection, jobs)
            raise failure

        monkeypatch.setattr(sqlite_engine, "_commit_group", commit_group)
        return lambda: monkeypatch.setattr(sqlite_engine, "_commit_group", group)
    kind = postgres_engine._PostgresTransaction
    original = kind.__aexit__

    async def commit_and_fail(self: Any, *exc: Any) -> None:
        if committed:
            await original(self, *exc)
            if exc[0] is None:
                raise failure
        else:
            await original(self, type(failure), failure, None)  # rolls back
            raise failure

    monkeypatch.setattr(kind, "__aexit__", commit_and_fail)
    return lambda: monkeypatch.setattr(kind, "__aexit__", original)


def _lost(db: Store) -> Exception:
    if isinstance(db.database, engine.SqliteDatabase):
        import sqlite3

        return sqlite3.OperationalError("disk I/O error")
    return asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed in the middle")


async def test_a_commit_whose_answer_was_lost_still_returns_the_stored_id(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server committed, then the connection died before saying so: the id comes back."""
    restore = _break_commit(db, monkeypatch, _lost(db), committed=True)
    comment_id = await db.comments.insert(new("Het antwoord op COMMIT ging verloren."))
    restore()
    stored = await db.comments.get(comment_id)
    assert stored is not None and stored.body == "Het antwoord op COMMIT ging verloren."


async def test_a_commit_that_failed_is_still_an_error(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing was stored: the failure reaches the caller (and becomes a 503 at the edge)."""
    failure = _lost(db)
    restore = _break_commit(db, monkeypatch, failure, committed=False)
    monkeypatch.setattr(comments_store, "LOOKUP_PAUSE", 0.0)
    with pytest.raises(type(failure)):
        await db.comments.insert(new("Dit werd nooit opgeslagen."))
    restore()
    assert await db.database.fetch_val("SELECT COUNT(*) FROM comments") == 0

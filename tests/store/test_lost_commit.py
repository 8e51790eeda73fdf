"""A connection that dies around COMMIT: a stored comment is never reported as a failure."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest

from service.store import Store, engine
from service.store import comments as comments_store
from tests.store.test_store import new

pytestmark = pytest.mark.anyio


def _transaction_class(db: Store) -> Any:
    if isinstance(db.database, engine.SqliteDatabase):
        return engine._SqliteTransaction
    return engine._PostgresTransaction


def _lost(db: Store) -> Exception:
    if isinstance(db.database, engine.SqliteDatabase):
        import sqlite3

        return sqlite3.OperationalError("disk I/O error")
    return asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed in the middle")


async def test_a_commit_whose_answer_was_lost_still_returns_the_stored_id(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server committed, then the connection died before saying so: the id comes back."""
    kind = _transaction_class(db)
    original = kind.__aexit__

    async def commit_then_lose(self: Any, *exc: Any) -> None:
        await original(self, *exc)
        if exc[0] is None:
            raise _lost(db)

    monkeypatch.setattr(kind, "__aexit__", commit_then_lose)
    comment_id = await db.comments.insert(new("Het antwoord op COMMIT ging verloren."))
    monkeypatch.setattr(kind, "__aexit__", original)
    stored = await db.comments.get(comment_id)
    assert stored is not None and stored.body == "Het antwoord op COMMIT ging verloren."


async def test_a_commit_that_failed_is_still_an_error(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing was stored: the failure reaches the caller (and becomes a 503 at the edge)."""
    kind = _transaction_class(db)
    original = kind.__aexit__
    failure = _lost(db)

    async def lose_before_commit(self: Any, *exc: Any) -> None:
        await original(self, type(failure), failure, None)  # rolls back
        raise failure

    monkeypatch.setattr(kind, "__aexit__", lose_before_commit)
    monkeypatch.setattr(comments_store, "LOOKUP_PAUSE", 0.0)
    with pytest.raises(type(failure)):
        await db.comments.insert(new("Dit werd nooit opgeslagen."))
    monkeypatch.setattr(kind, "__aexit__", original)
    assert await db.database.fetch_val("SELECT COUNT(*) FROM comments") == 0

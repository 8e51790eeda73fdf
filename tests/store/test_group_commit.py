"""SQLite's group commit: writes queued together commit together, and each keeps its own fate."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from typing import Any

import pytest

from service.store import Store, engine, open_store
from service.store.engine import sqlite as sqlite_engine
from tests.store.test_store import new

pytestmark = pytest.mark.anyio


@pytest.fixture
async def store(sqlite_url: str) -> AsyncIterator[Store]:
    opened = open_store(sqlite_url)
    await opened.connect()
    await opened.database.execute(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT UNIQUE)", public=True
    )
    try:
        yield opened
    finally:
        await opened.disconnect()


@pytest.fixture
def groups(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every group the writer commits, in order."""
    sizes: list[int] = []
    commit_group = sqlite_engine._commit_group

    def counted(connection: Any, jobs: list[Any]) -> None:
        sizes.append(len(jobs))
        commit_group(connection, jobs)

    monkeypatch.setattr(sqlite_engine, "_commit_group", counted)
    return sizes


async def notes(store: Store) -> list[str]:
    rows = await store.database.fetch_all("SELECT text FROM notes ORDER BY id")
    return [row["text"] for row in rows]


def note(store: Store, text: str) -> Any:
    return store.database.execute(
        "INSERT INTO notes (text) VALUES (:text)", {"text": text}, public=True
    )


async def test_comments_posted_together_commit_together_each_with_its_own_id(
    store: Store, groups: list[int]
) -> None:
    ids = await asyncio.gather(
        *(store.comments.insert(new(f"Verhaal nummer {n} over beter slapen.")) for n in range(20))
    )
    assert sorted(ids) == list(range(1, 21))
    for n, comment_id in enumerate(ids):
        stored = await store.comments.get(comment_id)
        assert stored is not None and stored.body == f"Verhaal nummer {n} over beter slapen."
    assert sum(groups) == 20 and groups[0] > 1  # one fsync for many posts


async def test_a_failing_write_is_undone_alone_and_its_error_reaches_its_caller(
    store: Store, groups: list[int]
) -> None:
    await note(store, "taken")
    results = await asyncio.gather(
        note(store, "first"), note(store, "taken"), note(store, "last"), return_exceptions=True
    )
    assert isinstance(results[1], sqlite3.IntegrityError)
    assert not isinstance(results[0], BaseException) and not isinstance(results[2], BaseException)
    assert await notes(store) == ["taken", "first", "last"]
    assert groups[-1] == 3


async def test_an_atomic_body_is_all_or_nothing(store: Store) -> None:
    async def half_then_fail() -> None:
        await note(store, "half")
        raise ValueError("changed my mind")

    with pytest.raises(ValueError, match="changed my mind"):
        await engine.atomically(store.database, half_then_fail)
    assert await notes(store) == []


async def test_a_transaction_inside_an_atomic_body_is_a_savepoint(store: Store) -> None:
    async def body() -> str:
        await note(store, "kept")
        with pytest.raises(sqlite3.IntegrityError):
            async with store.database.transaction():
                await note(store, "undone")
                await note(store, "kept")  # the unique text: rolls back to the savepoint
        return "done"

    assert await engine.atomically(store.database, body) == "done"
    assert await notes(store) == ["kept"]


async def test_an_atomic_body_may_wait_only_for_the_database(store: Store) -> None:
    async def sleeps() -> None:
        await note(store, "before the nap")
        await asyncio.sleep(0)

    with pytest.raises(RuntimeError, match="other than the database"):
        await engine.atomically(store.database, sleeps)
    assert await notes(store) == []


async def test_a_group_waits_out_another_process_that_holds_the_file_for_a_while(
    store: Store, sqlite_url: str
) -> None:
    other = sqlite3.connect(
        sqlite_url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False
    )
    other.execute("BEGIN IMMEDIATE")
    # Held for a moment, far less than the busy timeout.
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        await asyncio.gather(note(store, "one"), note(store, "two"))
    finally:
        release.join()
        other.close()
    assert await notes(store) == ["one", "two"]


async def test_a_group_that_cannot_commit_fails_every_write_in_it_and_stores_none(
    store: Store, sqlite_url: str
) -> None:
    # Another connection (another worker, say) holds the file's write lock past the busy timeout.
    await store.database.execute("PRAGMA busy_timeout = 50", public=False)
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        results = await asyncio.gather(
            note(store, "one"), note(store, "two"), return_exceptions=True
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [type(result) for result in results] == [sqlite3.OperationalError] * 2
    assert "locked" in str(results[0])
    assert await notes(store) == []
    await note(store, "after")  # the writer is fine once the lock is gone
    assert await notes(store) == ["after"]


async def test_a_caller_that_gives_up_leaves_the_others_answered_and_its_write_stands(
    store: Store,
) -> None:
    waiting = asyncio.ensure_future(note(store, "abandoned"))
    answered = asyncio.ensure_future(note(store, "answered"))
    await asyncio.sleep(0)  # both are queued
    waiting.cancel()
    await answered
    assert await notes(store) == ["abandoned", "answered"]


async def test_a_write_queued_while_the_change_check_reads_is_not_refused(
    store: Store, sqlite_url: str
) -> None:
    """The cross-worker change check and a group commit share the writer's thread.

    Another process commits just as our group begins; a read statement of ours still open at
    that moment would pin an old snapshot, and BEGIN IMMEDIATE would be refused outright.
    """
    await store.database.execute("PRAGMA busy_timeout = 500", public=False)
    other = sqlite3.connect(
        sqlite_url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False
    )
    other.execute("CREATE TABLE IF NOT EXISTS elsewhere (n INTEGER)")
    writer = store.database.writer  # type: ignore[attr-defined]

    def commit_elsewhere(statement: str) -> None:
        if statement.startswith("BEGIN IMMEDIATE"):
            other.execute("INSERT INTO elsewhere VALUES (1)")

    await writer.run(sqlite3.Connection.set_trace_callback, commit_elsewhere)
    try:
        for n in range(20):
            await asyncio.gather(store.database.poll_changes(), note(store, f"note {n}"))
    finally:
        await writer.run(sqlite3.Connection.set_trace_callback, None)
        other.close()
    assert len(await notes(store)) == 20

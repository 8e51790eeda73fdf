"""Ids are never handed out twice, on either database: a log row, an undo key, a mailed link or a
subscription made for a deleted row never follows its id to another. SQLite reuses the id of a
deleted newest row unless the table counts with AUTOINCREMENT, which migration 016 gives it.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from service.domain.abuse import RuleAction, RuleKind
from service.domain.comments import Author, Query
from service.domain.undo import StatusUndo, UndoTicket
from service.store import Store, open_store
from service.store.connection import _statements, is_sqlite, pending_files
from service.store.log import write_log
from service.store.outbox import queue_mail
from service.store.undo import forget, write_undo
from tests.store.test_store import approve, new

pytestmark = pytest.mark.anyio

REBUILT = 16  # the migration that gives SQLite's id tables AUTOINCREMENT


@pytest.mark.parametrize("how", ["owner", "author", "erase"])
async def test_a_deleted_newest_comments_id_is_never_given_again(db: Store, how: str) -> None:
    await db.comments.insert(new("Blijft staan."))
    newest = await db.comments.insert(new("Wordt verwijderd.", email="weg@example.nl"))
    if how == "owner":
        assert await db.comments.delete(newest, "owner")
    elif how == "author":
        assert await db.comments.delete_own(newest, Author(key="k1"))
    else:
        await db.privacy.erase("weg@example.nl", None, "owner")
    assert await db.comments.insert(new("Komt erna.")) > newest


async def test_an_erased_readers_log_rows_ids_are_never_given_again(db: Store) -> None:
    """The erasure's own log row must not take the id an undo by log row could still name."""
    other = await db.comments.insert(new("Van iemand anders.", email="ander@example.nl"))
    await approve(db, other)
    mine = await db.comments.insert(new("Van mij.", email="weg@example.nl"))
    await approve(db, mine)
    newest = max(e.id for e in await db.log.recent())
    await db.privacy.erase("weg@example.nl", None, "owner")
    (erased,) = [e for e in await db.log.recent() if e.action == "erase"]
    assert erased.id > newest


async def test_a_deleted_newest_rules_id_is_never_given_again(db: Store) -> None:
    await db.rules.add(RuleKind("word"), "casino", RuleAction("spam"))
    newest = await db.rules.add(RuleKind("word"), "viagra", RuleAction("spam"))
    assert await db.rules.delete(newest)
    assert await db.rules.add(RuleKind("word"), "loterij", RuleAction("queue")) > newest


async def test_a_sent_newest_mails_id_is_never_given_again(db: Store) -> None:
    await queue_mail(db.database, "manage", 0, recipient="a@example.nl")
    await queue_mail(db.database, "manage", 0, recipient="b@example.nl")
    newest = max(n.id for n in await db.outbox.claim_due(all_waiting=True))
    await db.outbox.sent(newest)
    await queue_mail(db.database, "manage", 0, recipient="c@example.nl")
    assert max(n.id for n in await db.outbox.claim_due(all_waiting=True)) > newest


async def test_a_forgotten_newest_undo_rows_id_is_never_given_again(db: Store) -> None:
    comment_id = await db.comments.insert(new())
    log_id = await write_log(db.database, comment_id, "approve", "t", "pending", "approved")
    ticket = UndoTicket("b1", 600)
    await write_undo(db.database, ticket, comment_id, log_id, StatusUndo("pending", "approved"))
    newest = await db.database.fetch_val("SELECT MAX(id) FROM undo_changes")
    await forget(db.database, comment_id)
    await write_undo(db.database, ticket, comment_id, log_id, StatusUndo("pending", "approved"))
    assert await db.database.fetch_val("SELECT MAX(id) FROM undo_changes") > newest


async def test_every_sqlite_table_with_a_row_id_counts_past_deleted_rows(db: Store) -> None:
    """A guard for tables to come: an INTEGER PRIMARY KEY without AUTOINCREMENT reuses ids."""
    if not is_sqlite(db.database):
        assert await db.database.fetch_val(
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'public' "
            "AND column_name = 'id' AND is_identity = 'YES'"
        )
        return  # PostgreSQL's identities never go back
    shadow = {  # the search index's own tables, which SQLite keeps
        r["name"] for r in await db.database.fetch_all("PRAGMA table_list") if r["type"] == "shadow"
    }
    reusing = []
    for row in await db.database.fetch_all(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%INTEGER PRIMARY%'"
    ):
        if row["name"] in shadow:
            continue
        single_row = "CHECK (id = 1)" in row["sql"]  # comment_search_state: one row, for ever
        if "AUTOINCREMENT" not in row["sql"] and not single_row:
            reusing.append(row["name"])
    assert reusing == []


# -- migration 016 on a database that has lived ---------------------------------------------------


def _before_rebuild(path: Path) -> sqlite3.Connection:
    """A SQLite file migrated up to just before the rebuild, recorded as the runner records it."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for migration in pending_files("sqlite"):
        if migration.number >= REBUILT:
            break
        for statement in _statements(migration.path.read_text()):
            connection.execute(statement)
        connection.execute("INSERT INTO schema_migrations VALUES (?, 'then')", (migration.name,))
    return connection


async def _lived_in(sqlite_url: str) -> None:
    """Comments, replies, a promotion, an undo row, rules, mail, a search: then the newest
    comment is deleted, as SQLite would then give its id to the next."""
    db = open_store(sqlite_url)
    await db.connect()
    try:
        first = await db.comments.insert(new("Magnesium hielp mij.", email="Anna@Example.nl"))
        await approve(db, first)
        reply = await db.comments.insert(new("Bij mij ook.", parent_id=first, author_key="k2"))
        await approve(db, reply)
        assert await db.comments.promote(first, "Magnesium hielp mij.", "t", UndoTicket("b", 600))
        await db.rules.add(RuleKind("word"), "casino", RuleAction("spam"))
        await db.outbox.queue("manage", "anna@example.nl", "nl")
        newest = await db.comments.insert(new("Wordt verwijderd.", author_key="k3"))
        await db.search.index()
        # This release's delete also clears the statements of reasons (migration 022), which a
        # file from before the rebuild does not have yet: a stand-in for the moment of the delete.
        raw = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
        raw.execute("CREATE TABLE statements (comment_id INTEGER)")
        try:
            assert await db.comments.delete(newest, "owner")
        finally:
            raw.execute("DROP TABLE statements")
            raw.close()
    finally:
        await db.disconnect()


def _schema(connection: sqlite3.Connection) -> dict[str, object]:
    """Every table's columns (generated ones too) and constraints, every index and trigger."""

    def table_text(sql: str) -> str:
        text = re.sub(r"\s+", " ", sql.replace('"', "").replace(" AUTOINCREMENT", ""))
        return re.sub(r" ([,)])", r"\1", re.sub(r"\( ", "(", text))

    shape: dict[str, object] = {}
    for kind, name, sql in connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name <> 'sqlite_sequence' ORDER BY name"
    ):
        if kind == "table":
            columns = connection.execute(f'PRAGMA table_xinfo("{name}")').fetchall()
            shape[name] = (columns, table_text(sql or ""))
        else:
            shape[name] = (kind, sql)
    return shape


def _rows(connection: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    names = [
        r[0]
        for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT IN ('sqlite_sequence', 'schema_migrations')"
        )
    ]
    return {n: connection.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}


async def test_the_rebuild_keeps_every_column_index_trigger_and_row(tmp_path: Path) -> None:
    path = tmp_path / "lived.db"
    _before_rebuild(path).close()
    await _lived_in(f"sqlite:///{path}")
    before = sqlite3.connect(path)
    newest = before.execute("SELECT MAX(comment_id) FROM moderation_log").fetchone()[0]
    # What to expect: the same file with only the migrations after the rebuild applied, so a
    # later migration's own tables and indexes are expected too, and the rebuild is compared
    # with exactly what it replaced.
    expected_path = tmp_path / "expected.db"
    before.backup(expected := sqlite3.connect(expected_path, isolation_level=None))
    before.close()
    for migration in pending_files("sqlite"):
        if migration.number > REBUILT:
            for statement in _statements(migration.path.read_text()):
                expected.execute(statement)
    shape, rows = _schema(expected), _rows(expected)
    expected.close()
    db = open_store(f"sqlite:///{path}")
    await db.connect()
    try:
        assert "016_ids_never_reused" in await db.migrate()
        after = sqlite3.connect(path)
        try:
            assert _rows(after) == rows
            assert after.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert after.execute("PRAGMA foreign_key_check").fetchall() == []
            after.execute("INSERT INTO comment_search (comment_search) VALUES ('integrity-check')")
            # The same columns, constraints, indexes and triggers; only the counting differs.
            assert _schema(after) == shape
            assert (
                "AUTOINCREMENT"
                in after.execute(
                    "SELECT sql FROM sqlite_master WHERE name = 'comments'"
                ).fetchone()[0]
            )
        finally:
            after.close()
        # The deleted newest comment's id is named by its log row: it is not given again.
        again = await db.comments.insert(new("Komt ervoor in de plaats.", author_key="k4"))
        assert again > newest
        await db.search.index()
        found, _ = await db.queue.read(Query(search="plaats"))
        assert [c.id for c in found] == [again]
    finally:
        await db.disconnect()

"""Deleting a comment, or erasing its author, reaches every copy of the author's words and address:
the moderation log's details, undo rows, queued mail, subscriptions and the search index, on both
databases. Each test scans every text column of every table for a word only the author wrote.
"""

from __future__ import annotations

import pytest

from service.domain.comments import Author, Query
from service.domain.undo import UndoTicket
from service.store import Store, open_store
from service.store.connection import is_sqlite
from tests.store.test_store import approve, new, post

pytestmark = pytest.mark.anyio

MARKER = "Zwoelfkruid"  # a word only the author wrote, in the body and so in the excerpt
ADDRESS = "Geheim.Adres@Example.NL"
TICKET = UndoTicket("batch-1", 600)


async def _text_columns(db: Store) -> list[tuple[str, str]]:
    """(table, column) for every text column of every table, search index tables included."""
    if is_sqlite(db.database):
        tables = [
            r["name"]
            for r in await db.database.fetch_all(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'comment_search'"
            )
        ]
        found: list[tuple[str, str]] = []
        for table in tables:
            for column in await db.database.fetch_all(f'PRAGMA table_xinfo("{table}")'):
                if column["type"].upper() in ("TEXT", "") and column["name"] != "":
                    found.append((table, column["name"]))
        return found
    rows = await db.database.fetch_all(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')"
    )
    return [(r["table_name"], r["column_name"]) for r in rows]


async def holders(db: Store, *needles: str) -> set[str]:
    """Every `table.column` holding any of `needles`, in any case."""
    held: set[str] = set()
    for table, column in await _text_columns(db):
        for needle in needles:
            hit = await db.database.fetch_val(
                f'SELECT COUNT(*) FROM "{table}" '
                f'WHERE LOWER(CAST("{column}" AS TEXT)) LIKE :needle',
                {"needle": f"%{needle.lower()}%"},
            )
            if hit:
                held.add(f"{table}.{column}")
    return held


async def _author_with_copies(db: Store) -> int:
    """The author's promoted testimonial, with every kind of copy a comment leaves behind.

    The excerpt in the log and in an undo row, a confirmed subscription and a reply notice
    queued to it, the owner's notice, a reason from an owner's rule, and the search index.
    """
    body = f"Na drie behandelingen met {MARKER} slaap ik weer door."
    comment_id = await post(
        db, new(body, email=ADDRESS, author_key="k-author", notify_replies=True, reason="word: x")
    )
    await approve(db, comment_id)
    assert await db.comments.promote(comment_id, f"met {MARKER} slaap ik", "owner", TICKET)
    assert await db.subscriptions.confirm(comment_id)
    reply = await post(
        db,
        new(
            "Fijn om te horen!",
            parent_id=comment_id,
            email="bram@example.nl",
            author="Bram",
            author_key="k-bram",
        ),
    )
    await approve(db, reply)  # queues the reply notice to the author's address
    await db.queue.read(Query(search=MARKER.lower()))  # SQLite indexes it now
    assert {"comments.body", "moderation_log.detail", "undo_changes.after"} <= await holders(
        db, MARKER
    )
    assert {"subscriptions.email", "outbox.recipient"} <= await holders(db, ADDRESS)
    return comment_id


async def test_an_authors_delete_leaves_no_copy_of_their_words_or_address(db: Store) -> None:
    comment_id = await _author_with_copies(db)
    assert await db.comments.delete_own(comment_id, Author(key="k-author"))
    assert await holders(db, MARKER, ADDRESS) == set()
    # What happened stays on record, without the words.
    actions = [e.action for e in await db.log.recent(comment_id=comment_id)]
    assert "promote" in actions and actions[0] == "delete"


async def test_an_owners_delete_leaves_no_copy_of_the_words_or_address(db: Store) -> None:
    comment_id = await _author_with_copies(db)
    assert await db.comments.delete(comment_id, "owner")
    assert await holders(db, MARKER, ADDRESS) == set()


async def test_erasing_the_reader_leaves_no_copy_of_their_words_or_address(db: Store) -> None:
    await _author_with_copies(db)
    await db.privacy.erase(ADDRESS.lower(), None, "owner")
    assert await holders(db, MARKER, ADDRESS) == set()


async def test_anonymising_the_reader_leaves_their_words_only_in_the_comment(db: Store) -> None:
    comment_id = await _author_with_copies(db)
    await db.privacy.erase(ADDRESS, "Een lezer", "owner")
    assert await holders(db, ADDRESS) == set()
    assert await holders(db, MARKER) <= {"comments.body", "comments.html"}
    remaining = await db.comments.get(comment_id)
    assert remaining is not None and remaining.excerpt == "" and remaining.author == "Een lezer"


@pytest.mark.parametrize("remove", ["author", "owner", "erase", "redact"])
async def test_removed_words_leave_the_search_index_pages_too(sqlite_url: str, remove: str) -> None:
    """SQLite's FTS5 only marks a deleted row's entries (trigrams enough to read the words back)
    and keeps them in its pages until its segments are merged: removing a comment, or words
    from it, merges them, so the index is one segment again, without the removed entries."""
    db = open_store(sqlite_url)
    await db.connect()
    try:
        comment_id = await _author_with_copies(db)
        assert await _segments(db) == 1
        if remove == "author":
            assert await db.comments.delete_own(comment_id, Author(key="k-author"))
        elif remove == "owner":
            assert await db.comments.delete(comment_id, "owner")
        elif remove == "erase":
            await db.privacy.erase(ADDRESS, None, "owner")
        else:
            cut = "Na drie behandelingen met [...] slaap ik weer door."
            assert await db.comments.redact(comment_id, cut, f"<p>{cut}</p>", "", 1, "owner")
        assert await _segments(db) == 1
        assert await db.queue.read(Query(search=MARKER.lower())) == ([], 0)
    finally:
        await db.disconnect()


async def _segments(db: Store) -> int:
    return int(
        await db.database.fetch_val("SELECT COUNT(DISTINCT segid) FROM comment_search_idx") or 0
    )

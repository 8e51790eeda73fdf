"""The owner's queue search: any part of a name, text, e-mail address or page, in either case,
found through a trigram index that follows every change to a comment, on both databases.
"""

from __future__ import annotations

import pytest

from service.domain.comments import Query
from service.store import Store
from service.store.comments import queue_select
from service.store.connection import is_sqlite
from tests.store.test_store import new

pytestmark = pytest.mark.anyio


async def found(db: Store, search: str) -> list[int]:
    comments, _ = await db.comments.list_queue(Query(search=search))
    return [c.id for c in comments]


async def test_any_part_of_a_name_text_or_address_is_found_in_either_case(db: Store) -> None:
    marieke = await db.comments.insert(
        new(
            'Magnesium hielp mij, "echt" 100%_zeker.',
            author="Marieke de Vries",
            email="marieke@example.nl",
        )
    )
    other = await db.comments.insert(
        new(
            "Iets anders.",
            author="Piet",
            email="piet@elders.be",
            page_key="/blog/rug",
            page_title="Rug",
            page_url="https://www.massage.example/blog/rug",
        )
    )
    for search in ("nesium", "MARIEKE", "de vr", "example.nl", "hielp mij", '"echt"', "100%_"):
        assert await found(db, search) == [marieke], search
    assert await found(db, "0%") == [marieke]  # shorter than a trigram: still found
    assert await found(db, "e") == [other, marieke]
    assert await found(db, "magnesium zeker") == []  # words apart are not one phrase
    assert await found(db, "100%x") == [] and await found(db, "10_%") == []


async def test_a_page_is_found_by_its_key_title_and_address_and_a_new_title(db: Store) -> None:
    cid = await db.comments.insert(new())
    assert await found(db, "/blog/magn") == [cid]
    assert await found(db, "en slaap") == [cid]
    assert await found(db, "massage.example/blog") == [cid]
    thread = await db.threads.get("/blog/magnesium")
    assert thread is not None
    await db.threads.update(thread.id, "Beter slapen", "", "owner")
    assert await found(db, "beter slapen") == [cid]
    assert await found(db, "en slaap") == []


async def test_the_search_follows_redaction_erasure_and_deletion(db: Store) -> None:
    cid = await db.comments.insert(
        new("Bel me op 06-12345678, groet Anna.", author="Anna Jansen", email="anna@jansen.nl")
    )
    redacted = "Bel me op […], groet Anna."
    await db.comments.redact(cid, redacted, f"<p>{redacted}</p>", "", 1, "owner")
    assert await found(db, "12345678") == []
    assert await found(db, "groet anna") == [cid]

    await db.privacy.erase("anna@jansen.nl", "Een lezer", "owner")
    assert await found(db, "jansen") == []
    assert await found(db, "een lezer") == [cid]

    await db.comments.delete(cid, "owner")
    assert await found(db, "groet") == []


async def test_a_search_reads_the_trigram_index_not_every_comment(db: Store) -> None:
    """The plan of a queue search uses the index (SQLite's FTS5 table, PostgreSQL's pg_trgm).

    PostgreSQL's planner prefers a scan on a table this small, so it is told not to, and the
    plan must then name the indexes: without them it could only scan.
    """
    sqlite = is_sqlite(db.database)
    sql, values = queue_select(Query(search="magnesium"), sqlite=sqlite)
    inline = sql
    for name, value in values.items():
        literal = str(value) if isinstance(value, int) else "'" + value.replace("'", "''") + "'"
        inline = inline.replace(f":{name}", literal)
    async with db.database.transaction():
        if sqlite:
            rows = await db.database.fetch_all(f"EXPLAIN QUERY PLAN {inline}")
            plan = " | ".join(str(row[3]) for row in rows)
            assert "comment_search VIRTUAL TABLE INDEX" in plan, plan
        else:
            await db.database.execute("SET LOCAL enable_seqscan = off")
            rows = await db.database.fetch_all(f"EXPLAIN {inline}")
            plan = " | ".join(str(row[0]) for row in rows)
            for index in (
                "comments_author_search",
                "comments_body_search",
                "comments_email_search",
            ):
                assert f"Index Scan on {index}" in plan, plan
    assert "SCAN comments" not in plan and "Seq Scan on comments" not in plan, plan

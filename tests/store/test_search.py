"""The owner's queue search: any part of a name, text, e-mail address or page, in either case,
found through a trigram index that follows every change to a comment, on both databases.
"""

from __future__ import annotations

from typing import Any

import pytest

from service.domain.comments import Query, Status
from service.store import Store, open_store
from service.store import queue as queue_store
from service.store import search as search_store
from service.store.connection import is_sqlite
from service.store.queue import queue_select
from tests.store.test_store import new

pytestmark = pytest.mark.anyio


@pytest.fixture
def postgres_only_url(postgres_url: str) -> str:
    """An empty, migrated PostgreSQL database, for what only PostgreSQL plans."""
    from service.store.connection import pending_files
    from tests.conftest import _EMPTY_POSTGRES, _postgres

    _postgres(postgres_url, _EMPTY_POSTGRES.format(migrations=len(pending_files("postgresql"))))
    return postgres_url


async def found(db: Store, search: str) -> list[int]:
    comments, _ = await db.queue.read(Query(search=search))
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
    cid = await db.comments.insert(new(status=Status.APPROVED))  # published: it names the page
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
    assert await found(db, "12345678") == [cid]  # indexed now, so the changes below are edits
    redacted = "Bel me op […], groet Anna."
    await db.comments.redact(cid, redacted, f"<p>{redacted}</p>", "", 1, "owner")
    assert await found(db, "12345678") == []
    assert await found(db, "groet anna") == [cid]

    await db.privacy.erase("anna@jansen.nl", "Een lezer", "owner")
    assert await found(db, "jansen") == []
    assert await found(db, "een lezer") == [cid]

    await db.comments.delete(cid, "owner")
    assert await found(db, "groet") == []


async def test_a_comment_changed_before_any_search_is_found_as_it_is_now(db: Store) -> None:
    cid = await db.comments.insert(new("Bel me op 06-12345678.", author="Anna Jansen"))
    redacted = "Bel me op […]."
    await db.comments.redact(cid, redacted, f"<p>{redacted}</p>", "", 1, "owner")
    assert await found(db, "12345678") == []
    assert await found(db, "bel me op") == [cid]
    gone = await db.comments.insert(new("Verdwijnt voor iemand zoekt."))
    await db.comments.delete(gone, "owner")
    assert await found(db, "verdwijnt") == []


async def test_the_next_search_indexes_what_was_posted_since_in_one_batch(db: Store) -> None:
    first = await db.comments.insert(new("Eerste verhaal over slapen."))
    assert await found(db, "verhaal") == [first]
    later = [await db.comments.insert(new(f"Verhaal nummer {n}.")) for n in range(3)]
    if is_sqlite(db.database):
        assert await db.search.index() == 3
        assert await db.search.index() == 0
    assert await found(db, "verhaal") == [*reversed(later), first]


async def test_a_comment_after_a_deleted_newest_one_is_found_and_the_deleted_one_not(
    db: Store,
) -> None:
    """The next comment after a deleted newest one takes a new id, and is searchable at once."""
    keep = await db.comments.insert(new("Blijft staan."))
    newest = await db.comments.insert(new("Wordt verwijderd."))
    assert await found(db, "wordt") == [newest]
    await db.comments.delete(newest, "owner")
    again = await db.comments.insert(new("Komt ervoor in de plaats."))
    assert again > newest  # ids are never given twice
    assert await found(db, "in de plaats") == [again]
    assert await found(db, "wordt") == [] and await found(db, "blijft") == [keep]


async def explain(db: Store, sql: str, values: dict[str, Any]) -> str:
    """The database's plan for `sql`, one line per step."""
    for name, value in sorted(values.items(), key=lambda item: -len(item[0])):
        literal = str(value) if isinstance(value, int) else "'" + value.replace("'", "''") + "'"
        sql = sql.replace(f":{name}", literal)
    if is_sqlite(db.database):
        rows = await db.database.fetch_all(f"EXPLAIN QUERY PLAN {sql}")
        return " | ".join(str(row[3]) for row in rows)
    rows = await db.database.fetch_all(f"EXPLAIN {sql}")
    return " | ".join(str(row[0]) for row in rows)


async def test_on_sqlite_a_search_walks_the_trigram_index_in_the_queues_order(
    sqlite_url: str,
) -> None:
    """The FTS5 table drives the query in id order, so a search stops after the page it shows.

    No full scan of the comments, and no sort of all matches: a word in every comment costs
    what a rare one does.
    """
    db = open_store(sqlite_url)
    await db.connect()
    try:
        for oldest_first in (False, True):
            query = Query(search="magnesium", status=Status.PENDING, oldest_first=oldest_first)
            plan = await explain(db, *queue_select(query, sqlite=True))
            assert "SCAN s VIRTUAL TABLE INDEX" in plan, plan
            assert "SCAN c " not in plan + " " and "TEMP B-TREE" not in plan, plan
        # With pages that match too, the index still finds the comments' own matches.
        plan = await explain(db, *queue_select(Query(search="magnesium"), sqlite=True, pages=[1]))
        assert "comment_search VIRTUAL TABLE INDEX" in plan and "SCAN c " not in plan + " ", plan
    finally:
        await db.disconnect()


async def test_on_postgresql_the_trigram_indexes_serve_a_search(postgres_only_url: str) -> None:
    """With scans of the whole table ruled out, the plan must read the three trigram indexes.

    (The planner itself picks them when it expects few matches, and a walk in id order when it
    expects many: on a table this small it would always walk.)
    """
    db = open_store(postgres_only_url)
    await db.connect()
    await db.migrate()
    sql, values = queue_select(Query(search="magnesium"), sqlite=False)
    try:
        async with db.database.transaction():
            await db.database.execute("SET LOCAL enable_seqscan = off", public=False)
            await db.database.execute("SET LOCAL enable_indexscan = off", public=False)
            plan = await explain(db, sql, values)
    finally:
        await db.disconnect()
    for index in ("comments_author_search", "comments_body_search", "comments_email_search"):
        assert f"Bitmap Index Scan on {index}" in plan, plan
    assert "Seq Scan on comments" not in plan, plan


@pytest.mark.parametrize("counted_beyond", [0, 1000])
async def test_every_page_of_a_search_is_in_order_wherever_the_matches_lie(
    db: Store, monkeypatch: pytest.MonkeyPatch, counted_beyond: int
) -> None:
    """Matches bunched at the far end of the queue's order, and one on their own, come out in
    order on every page, either way round and with a status filter.

    On PostgreSQL the walk from the near end is cut to four comments here, so most pages need
    the second step through the trigram indexes, as a million comments would. Counting no
    further than the page shown makes most searches look like "many matches" (the walk comes
    first); counting 1,000 past it makes them all "few" (the indexes only).
    """
    monkeypatch.setattr(search_store, "SEARCH_WALK", 4)
    monkeypatch.setattr(queue_store, "SEARCH_TOTAL_BEYOND", counted_beyond)
    ids: list[int] = []
    for n in range(30):
        words = "lavendel hielp mij" if n < 9 or n == 20 else "iets anders"
        status = Status.APPROVED if n % 3 == 0 else Status.PENDING
        ids.append(await db.comments.insert(new(f"Verhaal {n}: {words}.", status=status)))
    matching = [(i, n % 3 == 0) for n, i in enumerate(ids) if n < 9 or n == 20]
    for oldest_first in (False, True):
        for status in (None, Status.APPROVED):
            chosen = [i for i, approved in matching if status is None or approved]
            expected = sorted(chosen, reverse=not oldest_first)
            for limit in (1, 3, 5):
                for offset in range(12):
                    query = Query(
                        search="Lavendel",
                        status=status,
                        oldest_first=oldest_first,
                        limit=limit,
                        offset=offset,
                    )
                    comments, total = await db.queue.read(query)
                    assert [c.id for c in comments] == expected[offset : offset + limit], query
                    assert total == min(len(chosen), offset + limit + counted_beyond)

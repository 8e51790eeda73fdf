"""The store, run once against SQLite and once against PostgreSQL."""

from __future__ import annotations

import pytest
from databases import Database

from service import db as dbmod
from service import store
from service.comments import Status

pytestmark = pytest.mark.anyio


def new(body: str = "Magnesium hielp mij beter slapen.", **fields: object) -> store.NewComment:
    values: dict[str, object] = {
        "page_key": "/blog/magnesium",
        "page_title": "Magnesium en slaap",
        "page_url": "https://www.massage.example/blog/magnesium",
        "parent_id": None,
        "author": "Anna",
        "email": "anna@example.nl",
        "website": "",
        "body": body,
        "html": f"<p>{body}</p>",
        "status": Status.PENDING,
        "consent": True,
        "consent_version": "2026-11",
        "rating": 5,
        "lang": "nl",
        "client_hash": "c1",
        "author_key": "k1",
    }
    values.update(fields)
    return store.NewComment(**values)  # type: ignore[arg-type]


async def approve(db: Database, comment_id: int) -> None:
    await store.set_status(
        db, comment_id, Status.APPROVED, allowed_from=[Status.PENDING], action="approve", actor="t"
    )


async def test_migrations_are_recorded_and_safe_to_run_twice(db: Database) -> None:
    assert await dbmod.migrate(db) == []
    names = [r["name"] for r in await db.fetch_all("SELECT name FROM schema_migrations")]
    assert "001_initial" in names and "002_indexes" in names


async def test_insert_returns_the_new_rows_own_id(db: Database) -> None:
    first = await store.insert_comment(db, new("one"))
    second = await store.insert_comment(db, new("two"))
    assert second != first
    got = await store.get_comment(db, second)
    assert got is not None and got.body == "two" and got.page_title == "Magnesium en slaap"
    assert got.consent and got.consent_at and got.consent_version == "2026-11"


async def test_same_text_twice_on_one_page_is_a_duplicate(db: Database) -> None:
    await store.insert_comment(db, new("same"))
    with pytest.raises(store.Duplicate):
        await store.insert_comment(db, new("same"))
    assert (await store.count_by_status(db))["all"] == 1


async def test_pending_comments_are_not_listed_as_approved(db: Database) -> None:
    cid = await store.insert_comment(db, new())
    assert await store.list_approved(db, "/blog/magnesium") == []
    await approve(db, cid)
    assert [c.id for c in await store.list_approved(db, "/blog/magnesium")] == [cid]


async def test_status_change_is_guarded_and_logged(db: Database) -> None:
    cid = await store.insert_comment(db, new())
    old = await store.set_status(
        db, cid, Status.SPAM, allowed_from=[Status.PENDING], action="spam", actor="owner"
    )
    assert old == Status.PENDING
    again = await store.set_status(
        db, cid, Status.SPAM, allowed_from=[Status.PENDING], action="spam", actor="owner"
    )
    assert again is None
    log = await store.list_log(db)
    assert [(e.action, e.from_status, e.to_status) for e in log] == [("spam", "pending", "spam")]


async def test_reply_to_unpublished_or_foreign_comment_is_refused(db: Database) -> None:
    parent = await store.insert_comment(db, new("parent"))
    with pytest.raises(store.ParentRefused):
        await store.insert_comment(db, new("reply", parent_id=parent))
    await approve(db, parent)
    with pytest.raises(store.ParentRefused):
        await store.insert_comment(db, new("elsewhere", parent_id=parent, page_key="/other"))
    reply = await store.insert_comment(db, new("reply", parent_id=parent))
    got = await store.get_comment(db, reply)
    assert got is not None and got.parent_id == parent


async def test_promote_needs_consent_and_approval(db: Database) -> None:
    no_consent = await store.insert_comment(db, new("nee", consent=False))
    await approve(db, no_consent)
    with pytest.raises(store.NoConsent):
        await store.promote(db, no_consent, "", "owner")
    pending = await store.insert_comment(db, new("wacht"))
    assert await store.promote(db, pending, "", "owner") is False
    await approve(db, pending)
    assert await store.promote(db, pending, "wacht", "owner") is True
    testimonials = await store.list_testimonials(db, 10)
    assert [(t.id, t.excerpt) for t in testimonials] == [(pending, "wacht")]
    assert await store.demote(db, pending, "owner") is True
    assert await store.list_testimonials(db, 10) == []


async def test_testimonials_page_by_id_cursor(db: Database) -> None:
    ids = []
    for n in range(5):
        cid = await store.insert_comment(db, new(f"story {n}"))
        await approve(db, cid)
        await store.promote(db, cid, "", "owner")
        ids.append(cid)
    first = await store.list_testimonials(db, 2)
    assert [t.id for t in first] == ids[::-1][:2]
    rest = await store.list_testimonials(db, 10, before=first[-1].id)
    assert [t.id for t in rest] == ids[::-1][2:]


async def test_queue_filters_search_and_counts(db: Database) -> None:
    a = await store.insert_comment(db, new("Ik slaap als een roos", author="Bram"))
    b = await store.insert_comment(db, new("100% beter_nu", page_key="/blog/rug"))
    await approve(db, a)
    found, total = await store.list_comments(db, store.Query(search="ROOS"))
    assert total == 1 and found[0].id == a
    found, total = await store.list_comments(db, store.Query(search="100%"))
    assert [c.id for c in found] == [b]
    found, total = await store.list_comments(db, store.Query(search="%"))
    assert [c.id for c in found] == [b]
    found, total = await store.list_comments(db, store.Query(page_key="/blog/rug"))
    assert [c.id for c in found] == [b]
    found, total = await store.list_comments(db, store.Query(status=Status.PENDING))
    assert [c.id for c in found] == [b]
    counts = await store.count_by_status(db)
    assert counts == {
        "pending": 1,
        "approved": 1,
        "rejected": 0,
        "spam": 0,
        "testimonials": 0,
        "all": 2,
    }
    newest, _ = await store.list_comments(db, store.Query(limit=1))
    oldest, _ = await store.list_comments(db, store.Query(limit=1, oldest_first=True))
    assert (newest[0].id, oldest[0].id) == (b, a)


async def test_delete_keeps_replies_at_top_level(db: Database) -> None:
    parent = await store.insert_comment(db, new("parent"))
    await approve(db, parent)
    reply = await store.insert_comment(db, new("reply", parent_id=parent))
    assert await store.delete_comment(db, parent, "owner") is True
    assert await store.get_comment(db, parent) is None
    kept = await store.get_comment(db, reply)
    assert kept is not None and kept.parent_id is None
    assert await store.delete_comment(db, parent, "owner") is False
    assert (await store.list_log(db))[0].action == "delete"


async def test_trust_comes_only_from_an_approved_comment_with_the_same_key(db: Database) -> None:
    cid = await store.insert_comment(db, new(author_key="browser-a"))
    assert not await store.author_is_trusted(db, "browser-a")
    await approve(db, cid)
    assert await store.author_is_trusted(db, "browser-a")
    assert not await store.author_is_trusted(db, "browser-b")
    assert not await store.author_is_trusted(db, "")


async def test_own_pending_comments_are_found_by_author_key(db: Database) -> None:
    mine = await store.insert_comment(db, new("mine", author_key="me"))
    await store.insert_comment(db, new("theirs", author_key="them"))
    assert [c.id for c in await store.list_own_pending(db, "/blog/magnesium", "me")] == [mine]


async def test_every_served_list_uses_an_index(sqlite_url: str) -> None:
    """SQLite's query plan shows no full scan of comments or threads for the public lists.

    (PostgreSQL's planner prefers scans on tiny tables, so the plan is checked on SQLite; the
    indexes come from the same migration on both.)
    """
    db = dbmod.make_database(sqlite_url)
    await db.connect()
    await dbmod.migrate(db)
    queries = [
        "SELECT c.id FROM comments c JOIN threads t ON t.id = c.thread_id "
        "WHERE t.page_key = 'x' AND c.status = 'approved' ORDER BY c.id",
        "SELECT c.id FROM comments c WHERE c.status = 'approved' AND c.consent = 1 "
        "AND c.testimonial = 1 ORDER BY c.id DESC LIMIT 10",
        "SELECT c.id FROM comments c WHERE c.status = 'pending' ORDER BY c.id DESC LIMIT 20",
        "SELECT 1 FROM comments WHERE author_key = 'k' AND status = 'approved' LIMIT 1",
    ]
    for query in queries:
        plan = " | ".join(str(r[3]) for r in await db.fetch_all(f"EXPLAIN QUERY PLAN {query}"))
        assert "SCAN c " not in plan + " " and "SCAN comments" not in plan, (query, plan)
        assert "SCAN t " not in plan + " ", (query, plan)
    await db.disconnect()

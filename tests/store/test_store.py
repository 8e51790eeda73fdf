"""The store, run once against SQLite and once against PostgreSQL."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from service.domain.comments import NewComment, Query, Status
from service.store import Duplicate, NoConsent, ParentRefused, Store, open_store
from service.store.comments import body_hash
from service.store.connection import pending_files
from tests.conftest import _postgres

pytestmark = pytest.mark.anyio


def new(body: str = "Magnesium hielp mij beter slapen.", **fields: object) -> NewComment:
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
    return NewComment(**values)  # type: ignore[arg-type]


async def approve(db: Store, comment_id: int) -> None:
    """Publish a comment as the owner's use case does: the change and the reply notices it owes."""

    async def publish() -> None:
        await db.comments.set_status(
            comment_id, Status.APPROVED, allowed_from=[Status.PENDING], action="approve", actor="t"
        )
        await db.subscriptions.queue_reply_notices(comment_id)

    await db.atomically(publish)


async def post(db: Store, comment: NewComment, *, notice: bool = False) -> int:
    """Store a reader's comment with what the intake use case writes beside it, in one unit of
    work: the owner's notice, the intake log's reason, the reply subscription, and the notice a
    reply published at once owes its parent's subscriber."""

    async def take() -> int:
        added = await db.comments.add(comment, body_hash(comment.parent_id, comment.body))
        assert added is not None
        if notice:
            await db.outbox.queue_notice(added.comment_id, comment.status.value)
        if comment.reason:
            await db.log.write(
                added.comment_id, "intake", "rules", None, comment.status.value, comment.reason
            )
        if comment.notify_replies and comment.email:
            await db.subscriptions.subscribe(
                added.comment_id, added.thread_id, comment.email, comment.lang
            )
        if comment.parent_id is not None and comment.status == Status.APPROVED:
            await db.subscriptions.queue_reply_notices(added.comment_id)
        return added.comment_id

    return await db.atomically(take)


async def test_migrations_are_recorded_and_safe_to_run_twice(db: Store) -> None:
    assert await db.migrate() == []
    names = [r["name"] for r in await db.database.fetch_all("SELECT name FROM schema_migrations")]
    assert "001_initial" in names and "002_indexes" in names


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_workers_starting_together_on_an_empty_database_migrate_it_once(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """`serve --workers N` on a new database: every worker migrates at start, at the same time.

    Each file must run exactly once and no worker may fail (PostgreSQL's CREATE TABLE IF NOT
    EXISTS is not safe against itself: two at once can collide in the catalogue).
    """
    if backend == "postgresql":
        url: str = request.getfixturevalue("postgres_url")
    else:
        url = f"sqlite:///{tmp_path / 'new.db'}"

    async def start_together() -> list[list[str]]:
        stores = [open_store(url) for _ in range(4)]
        for store in stores:
            await store.connect()
        try:
            return await asyncio.gather(*(store.migrate() for store in stores))
        finally:
            for store in stores:
                await store.disconnect()

    for _ in range(3):  # a collision needs the race; give it several chances
        if backend == "postgresql":
            _postgres(url, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
        else:
            for old in tmp_path.glob("new.db*"):
                old.unlink()
        applied = asyncio.run(start_together())
        files = [m.name for m in pending_files(backend)]
        assert sorted(name for names in applied for name in names) == sorted(files)


async def test_insert_returns_the_new_rows_own_id(db: Store) -> None:
    first = await db.comments.insert(new("one"))
    second = await db.comments.insert(new("two", status=Status.APPROVED))
    assert second != first
    got = await db.comments.get(second)
    assert got is not None and got.body == "two" and got.page_title == "Magnesium en slaap"
    assert got.consent and got.consent_at and got.consent_version == "2026-11"


async def test_same_text_twice_on_one_page_is_a_duplicate(db: Store) -> None:
    await db.comments.insert(new("same"))
    with pytest.raises(Duplicate):
        await db.comments.insert(new("same"))
    assert (await db.queue.counts())["all"] == 1


async def test_pending_comments_are_not_listed_as_approved(db: Store) -> None:
    cid = await db.comments.insert(new())
    assert await db.comments.list_approved("/blog/magnesium") == []
    await approve(db, cid)
    assert [c.id for c in await db.comments.list_approved("/blog/magnesium")] == [cid]


async def test_status_change_is_guarded_and_logged(db: Store) -> None:
    cid = await db.comments.insert(new())
    old = await db.comments.set_status(
        cid, Status.SPAM, allowed_from=[Status.PENDING], action="spam", actor="owner"
    )
    assert old == Status.PENDING
    again = await db.comments.set_status(
        cid, Status.SPAM, allowed_from=[Status.PENDING], action="spam", actor="owner"
    )
    assert again is None
    log = await db.log.recent()
    assert [(e.action, e.from_status, e.to_status) for e in log] == [("spam", "pending", "spam")]


async def test_reply_to_unpublished_or_foreign_comment_is_refused(db: Store) -> None:
    parent = await db.comments.insert(new("parent"))
    with pytest.raises(ParentRefused):
        await db.comments.insert(new("reply", parent_id=parent))
    await approve(db, parent)
    with pytest.raises(ParentRefused):
        await db.comments.insert(new("elsewhere", parent_id=parent, page_key="/other"))
    reply = await db.comments.insert(new("reply", parent_id=parent))
    got = await db.comments.get(reply)
    assert got is not None and got.parent_id == parent


async def test_promote_needs_consent_and_approval(db: Store) -> None:
    no_consent = await db.comments.insert(new("nee", consent=False))
    await approve(db, no_consent)
    with pytest.raises(NoConsent):
        await db.comments.promote(no_consent, "", "owner")
    pending = await db.comments.insert(new("wacht"))
    assert await db.comments.promote(pending, "", "owner") is False
    await approve(db, pending)
    assert await db.comments.promote(pending, "wacht", "owner") is True
    testimonials = await db.comments.list_testimonials(10)
    assert [(t.id, t.excerpt) for t in testimonials] == [(pending, "wacht")]
    assert await db.comments.demote(pending, "owner") is True
    assert await db.comments.list_testimonials(10) == []


async def test_testimonials_page_by_id_cursor(db: Store) -> None:
    ids = []
    for n in range(5):
        cid = await db.comments.insert(new(f"story {n}"))
        await approve(db, cid)
        await db.comments.promote(cid, "", "owner")
        ids.append(cid)
    first = await db.comments.list_testimonials(2)
    assert [t.id for t in first] == ids[::-1][:2]
    rest = await db.comments.list_testimonials(10, before=first[-1].id)
    assert [t.id for t in rest] == ids[::-1][2:]


async def test_queue_filters_search_and_counts(db: Store) -> None:
    a = await db.comments.insert(new("Ik slaap als een roos", author="Bram"))
    b = await db.comments.insert(new("100% beter_nu", page_key="/blog/rug"))
    await approve(db, a)
    found, total = await db.queue.read(Query(search="ROOS"))
    assert total == 1 and found[0].id == a
    found, total = await db.queue.read(Query(search="100%"))
    assert [c.id for c in found] == [b]
    found, total = await db.queue.read(Query(search="%"))
    assert [c.id for c in found] == [b]
    found, total = await db.queue.read(Query(page_key="/blog/rug"))
    assert [c.id for c in found] == [b]
    found, total = await db.queue.read(Query(status=Status.PENDING))
    assert [c.id for c in found] == [b]
    counts = await db.queue.counts()
    assert counts == {
        "pending": 1,
        "approved": 1,
        "rejected": 0,
        "spam": 0,
        "testimonials": 0,
        "all": 2,
    }
    newest, _ = await db.queue.read(Query(limit=1))
    oldest, _ = await db.queue.read(Query(limit=1, oldest_first=True))
    assert (newest[0].id, oldest[0].id) == (b, a)


async def test_delete_keeps_replies_at_top_level(db: Store) -> None:
    parent = await db.comments.insert(new("parent"))
    await approve(db, parent)
    reply = await db.comments.insert(new("reply", parent_id=parent))
    assert await db.comments.delete(parent, "owner") is True
    assert await db.comments.get(parent) is None
    kept = await db.comments.get(reply)
    assert kept is not None and kept.parent_id is None
    assert await db.comments.delete(parent, "owner") is False
    assert (await db.log.recent())[0].action == "delete"


async def test_trust_comes_only_from_an_approved_comment_with_the_same_key(db: Store) -> None:
    cid = await db.comments.insert(new(author_key="browser-a"))
    anna = ("Anna", "anna@example.nl")
    assert not await db.comments.author_is_trusted("browser-a", *anna)
    await approve(db, cid)
    assert await db.comments.author_is_trusted("browser-a", *anna)
    assert not await db.comments.author_is_trusted("browser-b", *anna)
    assert not await db.comments.author_is_trusted("", *anna)


async def test_own_comments_on_a_page_are_found_by_author_key_waiting_or_published(
    db: Store,
) -> None:
    mine = await db.comments.insert(new("mine", author_key="me"))
    published = await db.comments.insert(new("mine too", author_key="me"))
    await approve(db, published)
    held = await db.comments.insert(new("mine, held", author_key="me", status=Status.SPAM))
    await db.comments.insert(new("theirs", author_key="them"))
    found = await db.comments.list_own_on_page("/blog/magnesium", "me")
    assert [c.id for c in found] == [mine, published]
    assert held not in [c.id for c in found]  # a sender never learns their post was held
    assert await db.comments.list_own_on_page("/elders", "me") == []


async def test_every_served_list_uses_an_index(sqlite_url: str) -> None:
    """SQLite's query plan shows no full scan of comments or threads for the public lists.

    (PostgreSQL's planner prefers scans on tiny tables, so the plan is checked on SQLite; the
    indexes come from the same migration on both.)
    """
    store = open_store(sqlite_url)
    await store.connect()
    await store.migrate()
    db = store.database
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
    await store.disconnect()


async def test_a_later_comment_never_changes_a_pages_title_or_url(db: Store) -> None:
    published = Status.APPROVED
    first = await db.comments.insert(new("one", page_title="", page_url="", status=published))
    await db.comments.insert(new("two", status=published))  # fills what the first left empty
    await db.comments.insert(
        new(
            "three",
            page_title="Koop pillen",
            page_url="https://www.massage.example/elders",
            status=published,
        )
    )
    got = await db.comments.get(first)
    assert got is not None and got.page_title == "Magnesium en slaap"
    assert got.page_url == "https://www.massage.example/blog/magnesium"
    thread = await db.threads.get("/blog/magnesium")
    assert thread is not None
    assert await db.threads.update(thread.id, "Slapen", "", "owner")
    got = await db.comments.get(first)
    assert got is not None and (got.page_title, got.page_url) == ("Slapen", "")
    [entry] = await db.log.recent()
    assert (entry.action, entry.comment_id, entry.detail) == ("edit_page", first, "Slapen")
    assert not await db.threads.update(thread.id + 99, "x", "", "owner")


async def test_a_status_change_bound_to_a_state_acts_only_in_that_state(db: Store) -> None:
    cid = await db.comments.insert(new())
    pending = [Status.PENDING]
    await db.comments.set_status(cid, Status.REJECTED, allowed_from=pending, action="x", actor="t")
    await db.comments.set_status(
        cid, Status.PENDING, allowed_from=[Status.REJECTED], action="restore", actor="t"
    )
    stale = await db.comments.set_status(
        cid, Status.APPROVED, allowed_from=pending, action="approve", actor="mail", state=""
    )
    assert stale is None
    got = await db.comments.get(cid)
    assert got is not None and got.status == Status.PENDING and got.moderated_at
    fresh = await db.comments.set_status(
        cid,
        Status.APPROVED,
        allowed_from=pending,
        action="approve",
        actor="mail",
        state=got.moderated_at,
    )
    assert fresh == Status.PENDING

"""One reader whatever capitals they type: every match on an address, on both backends."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from service.domain.addresses import address_key
from service.domain.comments import Author, Status
from service.store import Store, open_store
from service.store import connection as store_connection
from service.store.connection import is_sqlite
from tests.store.test_store import approve, new, post

pytestmark = pytest.mark.anyio

POSTED = "sanne.jansen@example.nl"
TYPED = "Sanne.Jansen@Example.NL"


async def _column(db: Store, sql: str) -> list[str]:
    return [r[0] for r in await db.database.fetch_all(sql)]


@pytest.mark.parametrize(
    "address",
    [
        "Sanne.Jansen@Example.NL",
        "KEES@EXAMPLE.COM",
        "already.small@example.nl",
        "Ünal.Öz@example.de",  # imported rows may hold letters we never accept ourselves
        "\u212aees@example.com",  # the Kelvin sign: no look-alike of "k" becomes "k"
        "",
    ],
)
async def test_the_database_keys_every_address_as_the_domain_does(db: Store, address: str) -> None:
    """The `*_key` columns and `address_key` are two spellings of one rule; they must agree."""
    cid = await post(db, new(email=address, notify_replies=bool(address)))
    await db.links.create("hash", address, "9999-01-01T00:00:00Z")
    await db.outbox.queue("manage", address, "nl")
    assert await _column(db, f"SELECT email_key FROM comments WHERE id = {cid}") == [
        address_key(address)
    ]
    assert await _column(db, "SELECT email_key FROM reader_links") == [address_key(address)]
    keys = await _column(db, "SELECT recipient_key FROM outbox WHERE kind = 'manage'")
    assert keys == [address_key(address)]
    if address:
        assert await _column(db, "SELECT email_key FROM subscriptions") == [address_key(address)]


async def test_privacy_finds_a_reader_typed_with_other_capitals(db: Store) -> None:
    cid = await post(db, new(email=POSTED, notify_replies=True))
    await post(db, new("Een ander.", email="bram@example.nl", author_key="k2"))
    for typed in (TYPED, POSTED.upper(), POSTED):
        found = await db.privacy.find(typed)
        assert [c["id"] for c in found["comments"]] == [cid], typed
        assert found["comments"][0]["email"] == POSTED  # shown as the reader wrote it
        assert [s["comment_id"] for s in found["subscriptions"]] == [cid], typed
        assert await db.privacy.comment_ids(typed) == [cid]
    assert await db.privacy.find("sanne.jansen@example.com") == {
        "comments": [],
        "subscriptions": [],
        "moderation_log": [],
        "reports": [],
        "statements": [],
        "invitations": [],
    }


@pytest.mark.parametrize("keep", [False, True])
async def test_erasure_removes_everything_tied_to_the_address_however_typed(
    db: Store, keep: bool
) -> None:
    cid = await post(db, new(email=POSTED, notify_replies=True))
    other = await post(db, new("Een ander.", email="bram@example.nl", author_key="k2"))
    await db.links.create("link-1", "SANNE.jansen@example.nl", "9999-01-01T00:00:00Z")
    await db.outbox.queue("manage", "Sanne.Jansen@example.nl", "nl")
    done = await db.privacy.erase(TYPED, "een lezer" if keep else None, "owner")
    assert (done.comments, done.subscriptions) == (1, 1)
    left = await db.comments.get(cid)
    assert (left is not None and left.email == "") if keep else left is None
    assert await _column(db, "SELECT email FROM reader_links") == []
    assert await _column(db, "SELECT recipient FROM outbox WHERE recipient <> ''") == []
    assert await _column(db, "SELECT email FROM subscriptions") == []
    assert await db.comments.get(other) is not None


async def test_a_manage_link_acts_on_the_comments_of_the_address_however_typed(
    db: Store,
) -> None:
    mine = await post(db, new(email="kees@example.com"))
    other = await post(db, new("Een ander.", email="bram@example.nl", author_key="k2"))
    who = Author(email="Kees@Example.com")
    assert [c.id for c in await db.comments.list_own(who)] == [mine]
    assert await db.comments.withdraw_consent(mine, who)
    assert not await db.comments.delete_own(other, who)
    assert await db.comments.delete_own(mine, Author(email="KEES@example.com"))
    assert await db.comments.get(mine) is None


async def test_reply_subscriptions_are_one_reader_however_typed(db: Store) -> None:
    first = await post(db, new(email=POSTED, notify_replies=True))
    second = await post(db, new("Nog een.", email=TYPED, notify_replies=True))
    for cid in (first, second):
        await db.subscriptions.confirm(cid)
    subscribed = await db.subscriptions.for_email("SANNE.JANSEN@example.nl")
    assert [s.comment_id for s in subscribed] == [first, second]
    assert subscribed[1].email == TYPED  # mail goes to what the reader typed
    thread = subscribed[0].thread_id
    # One notice per reader and thread per hour, whichever spelling the notice carries.
    hold = await db.subscriptions.hold_notice(POSTED, thread, "0000")
    assert hold is not None
    assert await db.subscriptions.hold_notice(TYPED, thread, "0000") is None
    await db.subscriptions.notice_sent(TYPED, thread)
    assert all(s.notified_at for s in await db.subscriptions.for_email(POSTED))


async def test_a_reader_answering_their_own_comment_is_not_told_about_it(db: Store) -> None:
    first = await post(db, new(email=POSTED, notify_replies=True))
    await approve(db, first)
    await db.subscriptions.confirm(first)
    await post(db, new("Aanvulling.", email=TYPED, parent_id=first, status=Status.APPROVED))
    assert await _column(db, "SELECT recipient FROM outbox WHERE kind = 'reply'") == []
    await post(
        db, new("Van Bram.", email="bram@example.nl", parent_id=first, status=Status.APPROVED)
    )
    assert await _column(db, "SELECT recipient FROM outbox WHERE kind = 'reply'") == [POSTED]


async def test_a_match_by_address_reads_an_index(db: Store) -> None:
    """The key columns are indexed: finding a reader never reads every comment or subscription."""
    queries = [
        ("comments", "SELECT id FROM comments WHERE email_key = 'x' AND owner = 0"),
        ("subscriptions", "SELECT comment_id FROM subscriptions WHERE email_key = 'x'"),
        ("reader_links", "DELETE FROM reader_links WHERE email_key = 'x'"),
        ("outbox", "DELETE FROM outbox WHERE recipient_key = 'x'"),
    ]
    async with db.database.transaction():
        if not is_sqlite(db.database):
            # The planner scans tiny tables by choice; with scans ruled out it must find an index.
            await db.database.execute("SET LOCAL enable_seqscan = off", public=False)
        for table, query in queries:
            prefix = "EXPLAIN QUERY PLAN" if is_sqlite(db.database) else "EXPLAIN"
            rows = await db.database.fetch_all(f"{prefix} {query}")
            plan = " | ".join(str(r[3] if is_sqlite(db.database) else r[0]) for r in rows)
            assert f"{table}_" in plan and "_key" in plan, (query, plan)
            assert f"SCAN {table}" not in plan and "Seq Scan" not in plan, (query, plan)


# -- rows stored before migration 012 -------------------------------------------------------------

_OLD = "'2026-01-01T00:00:00Z'"


async def _store_old_rows(db: Store) -> int:
    """Sanne's comment, subscription, link and queued mail, as rows before 012 hold them."""
    run = functools.partial(db.database.fetch_val, public=True)
    thread = await run(
        f"INSERT INTO threads (page_key, created_at) VALUES ('/blog/slapen', {_OLD}) RETURNING id"
    )
    cid = await run(
        "INSERT INTO comments (thread_id, author, email, body, body_hash, html, status, "
        f"created_at, updated_at) VALUES ({thread}, 'Sanne', 'Sanne.Jansen@Example.nl', "
        f"'Oud verhaal.', 'h1', '<p>Oud verhaal.</p>', 'approved', {_OLD}, {_OLD}) RETURNING id"
    )
    await run(
        "INSERT INTO subscriptions (comment_id, thread_id, email, lang, created_at, confirmed_at) "
        f"VALUES ({cid}, {thread}, 'SANNE.JANSEN@example.nl', 'nl', {_OLD}, {_OLD})"
    )
    await run(
        "INSERT INTO reader_links (token_hash, email, expires_at, created_at) "
        f"VALUES ('old-link', 'Sanne.JANSEN@example.nl', '9999-01-01T00:00:00Z', {_OLD})"
    )
    await run(
        "INSERT INTO outbox (comment_id, status, attempts, due_at, created_at, kind, recipient, "
        f"lang) VALUES (0, '', 0, {_OLD}, {_OLD}, 'manage', 'Sanne.Jansen@EXAMPLE.nl', 'nl')"
    )
    return int(cid)


async def test_rows_stored_with_capitals_before_012_are_found_after_it(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if database_url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(database_url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
        dialect = "sqlite"
    else:
        dialect = "postgresql"
    every = store_connection.pending_files
    monkeypatch.setattr(
        store_connection, "pending_files", lambda d: [m for m in every(d) if m.number < 12]
    )
    store = open_store(database_url)
    await store.connect()
    try:
        if dialect == "postgresql":
            await store.database.execute("DROP SCHEMA public CASCADE", public=True)
            await store.database.execute("CREATE SCHEMA public", public=True)
        assert (await store.migrate())[-1].startswith("011_")
        cid = await _store_old_rows(store)
        monkeypatch.undo()  # the runner sees every migration again
        assert await store.migrate() == [m.name for m in every(dialect) if m.number >= 12]
        found = await store.privacy.find("sanne.jansen@example.nl")
        assert [c["id"] for c in found["comments"]] == [cid]
        assert found["comments"][0]["email"] == "Sanne.Jansen@Example.nl"  # display kept
        assert [s["comment_id"] for s in found["subscriptions"]] == [cid]
        own = await store.comments.list_own(Author(email="sanne.jansen@example.nl"))
        assert [c.id for c in own] == [cid]
        done = await store.privacy.erase("SANNE.jansen@example.NL", None, "owner")
        assert (done.comments, done.subscriptions) == (1, 1)
        for table in ("comments", "subscriptions", "reader_links"):
            assert await _column(store, f"SELECT email FROM {table}") == [], table
        assert await _column(store, "SELECT recipient FROM outbox") == []
    finally:
        await store.disconnect()

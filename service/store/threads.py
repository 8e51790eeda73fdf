"""Threads: one per page that has comments, with the page's title and address.

Threat: anonymous input changing shared facts (R-01). A post's form offers a title and address,
but only a published comment (or the owner's own) names the page, and only while its title or
address is still empty; a honeypot, spam or waiting post names nothing. After that only the owner
changes them (`Threads.update`, logged), so no anonymous post can rename a page or point its link
elsewhere.
"""

from __future__ import annotations

from service.domain.comments import Thread
from service.store.clock import now
from service.store.engine import Database
from service.store.log import write_log

PAGES_SHOWN = 500  # pages listed at most on one admin screen (newest first)


async def upsert_thread(db: Database, page_key: str, title: str, url: str, *, names: bool) -> int:
    """The page's thread, created if it is new; with `names`, its empty title and URL filled.

    `names` is for a published comment or the owner's own: anything else creates the thread
    unnamed. A title or URL once set is never changed here.
    """
    title, url = (title, url) if names else ("", "")
    return int(
        await db.fetch_val(
            """
            INSERT INTO threads (page_key, title, url, created_at)
            VALUES (:page_key, :title, :url, :now)
            ON CONFLICT (page_key) DO UPDATE SET
                title = CASE WHEN threads.title = '' THEN excluded.title ELSE threads.title END,
                url = CASE WHEN threads.url = '' THEN excluded.url ELSE threads.url END
            RETURNING id
            """,
            {"page_key": page_key, "title": title, "url": url, "now": now()},
            public=True,
        )
    )


async def name_from_comment(db: Database, comment_id: int) -> None:
    """A comment just published fills its page's empty title and URL with what its form offered."""
    await db.execute(
        """
        UPDATE threads SET
            title = CASE WHEN title = '' THEN
                (SELECT offered_title FROM comments WHERE id = :id) ELSE title END,
            url = CASE WHEN url = '' THEN
                (SELECT offered_url FROM comments WHERE id = :id) ELSE url END
        WHERE id = (SELECT thread_id FROM comments WHERE id = :id)
          AND (title = '' OR url = '')
        """,
        {"id": comment_id},
        public=True,
    )


class Threads:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, page_key: str) -> Thread | None:
        row = await self.db.fetch_one(
            "SELECT id, page_key, title, url FROM threads WHERE page_key = :page_key",
            {"page_key": page_key},
        )
        if row is None:
            return None
        return Thread(int(row["id"]), row["page_key"], row["title"], row["url"])

    async def list_all(self) -> list[Thread]:
        rows = await self.db.fetch_all(
            "SELECT id, page_key, title, url FROM threads ORDER BY page_key"
        )
        return [Thread(int(r["id"]), r["page_key"], r["title"], r["url"]) for r in rows]

    async def list_published(self, limit: int = PAGES_SHOWN) -> list[Thread]:
        """Pages with at least one published comment, most recently started first, at most `limit`.

        A flood of waiting or spam posts leaves thread rows behind; they stay out of the owner's
        screens, so thousands of them cannot make those pages megabytes heavy.
        """
        rows = await self.db.fetch_all(
            "SELECT t.id, t.page_key, t.title, t.url FROM threads t "
            "WHERE EXISTS (SELECT 1 FROM comments c "
            "WHERE c.thread_id = t.id AND c.status = 'approved') "
            "ORDER BY t.id DESC LIMIT :limit",
            {"limit": limit},
        )
        found = [Thread(int(r["id"]), r["page_key"], r["title"], r["url"]) for r in rows]
        return sorted(found, key=lambda t: t.page_key)

    async def get_by_id(self, thread_id: int) -> Thread | None:
        row = await self.db.fetch_one(
            "SELECT id, page_key, title, url FROM threads WHERE id = :id", {"id": thread_id}
        )
        if row is None:
            return None
        return Thread(int(row["id"]), row["page_key"], row["title"], row["url"])

    async def update(self, thread_id: int, title: str, url: str, actor: str) -> bool:
        """The owner's title and address for a page, logged against its first comment."""
        async with self.db.transaction():
            changed = await self.db.fetch_val(
                "UPDATE threads SET title = :title, url = :url WHERE id = :id RETURNING id",
                {"title": title, "url": url, "id": thread_id},
                public=True,
            )
            if changed is None:
                return False
            first = await self.db.fetch_val(
                "SELECT MIN(id) FROM comments WHERE thread_id = :id", {"id": thread_id}
            )
            detail = f"{title} <{url}>" if url else title
            await write_log(self.db, int(first or 0), "edit_page", actor, None, None, detail)
        return True

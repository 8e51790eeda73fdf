"""Threads: one per page that has comments, with the page's title and address.

The first comment names the page (a later one may only fill in what is still empty); after that
only the owner changes its title and address (`Threads.update`, logged), so no anonymous post
can rename a page or point its link elsewhere.
"""

from __future__ import annotations

from databases import Database

from service.domain.comments import Thread
from service.store.clock import now
from service.store.log import write_log


async def upsert_thread(db: Database, page_key: str, title: str, url: str) -> int:
    """The page's thread, created with this title and URL if it is new.

    A title or URL, once set, is never changed here: a later post may only fill in one that no
    comment gave yet (a page first reached through the bare API has no address).
    """
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
        )
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
            )
            if changed is None:
                return False
            first = await self.db.fetch_val(
                "SELECT MIN(id) FROM comments WHERE thread_id = :id", {"id": thread_id}
            )
            detail = f"{title} <{url}>" if url else title
            await write_log(self.db, int(first or 0), "edit_page", actor, None, None, detail)
        return True

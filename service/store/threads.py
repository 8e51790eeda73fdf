"""Threads: one per page that has comments, with the page's title and address."""

from __future__ import annotations

from databases import Database

from service.domain.comments import Thread
from service.store.clock import now


async def upsert_thread(db: Database, page_key: str, title: str, url: str) -> int:
    """Create the page's thread or refresh its title and URL; the first statement writes."""
    return int(
        await db.fetch_val(
            """
            INSERT INTO threads (page_key, title, url, created_at)
            VALUES (:page_key, :title, :url, :now)
            ON CONFLICT (page_key) DO UPDATE SET
                title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE threads.title END,
                url = CASE WHEN excluded.url <> '' THEN excluded.url ELSE threads.url END
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

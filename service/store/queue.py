"""The owner's queue: one page of comments under a filter, its total, and the tabs' counts.

The filter and the search are planned in `service.store.search`; here the page is read, and
the total comes from the counts that triggers keep, or for a search is counted only so far.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from service.domain.comments import Comment, Query, Status
from service.store.comments import COMMENT_COLUMNS, FROM_COMMENTS, comment_from_row
from service.store.connection import is_sqlite
from service.store.engine import Database
from service.store.search import INDEXED_SEARCH, Search, selection

# A filtered total is counted this far past the page shown, then given as "at least".
SEARCH_TOTAL_BEYOND = 1000


def queue_select(
    query: Query, *, sqlite: bool, pages: Sequence[int] = ()
) -> tuple[str, dict[str, Any]]:
    """The statement for one page of the owner's queue, and its values.

    `pages` are the ids of the pages a search matches (`Search.pages_matching`).
    """
    chosen = selection(query, sqlite, pages)
    direction = "ASC" if query.oldest_first else "DESC"
    sql = (
        f"SELECT {COMMENT_COLUMNS} {chosen.source} WHERE {chosen.where} "
        f"ORDER BY {chosen.order} {direction} LIMIT :limit OFFSET :offset"
    )
    return sql, {**chosen.values, "limit": query.limit, "offset": query.offset}


class Queue:
    """The owner's queue; one instance per database."""

    def __init__(self, db: Database, search: Search) -> None:
        self.db = db
        self.search = search

    async def read(self, query: Query) -> tuple[list[Comment], int]:
        """One page of the queue and the number of comments the filter matches (see `page`)."""
        comments, total, _ = await self.page(query, await self.counts(query.page_key))
        return comments, total

    async def page(self, query: Query, counts: dict[str, int]) -> tuple[list[Comment], int, bool]:
        """One page of the queue, the number of comments the filter matches, and whether exact.

        `counts` are `counts(query.page_key)`, which the caller shows anyway. Without a search
        or a testimonial filter the total comes from them; otherwise matches are counted, but
        only up to SEARCH_TOTAL_BEYOND past the page shown, so a search never counts the whole
        table.
        """
        sqlite = is_sqlite(self.db)
        if not query.search or sqlite:
            return await self._page(query, counts, sqlite)
        # PostgreSQL plans a statement it has run a few times once for all values, but the best
        # plan for a search depends on its words: the trigram indexes for a rare one, a walk in
        # id order for one in every comment. So a search is planned for its own words.
        async with self.db.transaction():
            await self.db.execute("SET LOCAL plan_cache_mode = force_custom_plan", public=False)
            return await self._page(query, counts, sqlite)

    async def _page(
        self, query: Query, counts: dict[str, int], sqlite: bool
    ) -> tuple[list[Comment], int, bool]:
        if sqlite and len(query.search) >= INDEXED_SEARCH:
            await self.search.index()
        pages = await self.search.pages_matching(query.search) if query.search else []
        cap = query.offset + query.limit + SEARCH_TOTAL_BEYOND
        total: int | None = None
        if query.search and not sqlite:
            # Counted first: how many comments match decides how their page is found.
            total = await self.search.count_matching(query, pages, cap)
            ids = await self.search.searched_ids(query, pages, few=total < cap)
            direction = "ASC" if query.oldest_first else "DESC"
            rows = await self.db.fetch_all(
                f"SELECT {COMMENT_COLUMNS} {FROM_COMMENTS} WHERE c.id = ANY(:ids) "
                f"ORDER BY c.id {direction}",
                {"ids": ids},
            )
        else:
            sql, values = queue_select(query, sqlite=sqlite, pages=pages)
            rows = await self.db.fetch_all(sql, values)
        comments = [comment_from_row(r) for r in rows]
        if not query.search:
            if query.testimonial and query.status in (None, Status.APPROVED):
                return comments, counts["testimonials"], True
            if query.testimonial is None:
                return comments, counts[query.status.value if query.status else "all"], True
        if total is None:
            total = await self.search.count_matching(query, pages, cap)
        return comments, total, total < cap

    async def counts(self, page_key: str = "") -> dict[str, int]:
        """Counts for each status, plus `testimonials` and `all`, for the queue's tabs.

        Read from `comment_counts`, which triggers keep as comments change: the cost does not
        grow with the number of comments.
        """
        where = "WHERE k.thread_id = (SELECT id FROM threads WHERE page_key = :page_key)"
        values = {"page_key": page_key} if page_key else {}
        rows = await self.db.fetch_all(
            "SELECT k.status, SUM(k.n) AS n, SUM(k.testimonials) AS t FROM comment_counts k "
            f"{where if page_key else ''} GROUP BY k.status",
            values,
        )
        counts = {status.value: 0 for status in Status}
        testimonials = 0
        for row in rows:
            counts[row["status"]] = int(row["n"])
            testimonials += int(row["t"] or 0)
        counts["testimonials"] = testimonials
        counts["all"] = sum(counts[s.value] for s in Status)
        return counts

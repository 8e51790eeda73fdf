"""The owner's search: which comments a queue filter selects, and the index that finds them.

A search looks in the name, text and e-mail address through the trigram indexes of migration
011 (SQLite FTS5, PostgreSQL pg_trgm) and takes every comment on the pages whose key, title or
address hold it. This module plans those statements; `service.store.queue` reads the pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from service.domain.comments import Query
from service.store.comments import FROM_COMMENTS, THREAD_JOIN
from service.store.connection import is_sqlite
from service.store.engine import Database

# Three characters make a trigram: a shorter search cannot use the trigram indexes.
INDEXED_SEARCH = 3
# On PostgreSQL a search first walks this many of the newest (or oldest) comments in the
# queue's order, then takes the rest from the trigram indexes (`Search.searched_ids`).
SEARCH_WALK = 5_000


def _like(*fields: str) -> str:
    return " OR ".join(f"LOWER({field}) LIKE :search ESCAPE '\\'" for field in fields)


def _search_values(term: str) -> dict[str, Any]:
    pattern = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return {"search": f"%{pattern}%"}


# The pages (one row each, few) whose key, title or address hold a search.
_PAGES_MATCHING = f"SELECT id FROM threads WHERE {_like('page_key', 'title', 'url')}"


@dataclass(frozen=True)
class Selection:
    """Which comments a queue filter selects: where from, on what, in which column's order."""

    source: str
    where: str
    order: str
    values: dict[str, Any]


def selection(query: Query, sqlite: bool, pages: Sequence[int]) -> Selection:
    """The queue's filter: status, testimonial, page, and a search.

    A search looks in the name, text and e-mail address through the trigram indexes of
    migration 011, and takes every comment on the `pages` whose key, title or address hold it
    (`Search.pages_matching`, read first: pages are few, and within one statement the
    planner would have to guess how many comments they hold). On SQLite the FTS5 table drives
    the query, in id order, so a search stops after the page it shows whether its word is rare
    or in every comment. On PostgreSQL the words are LIKE conditions on the comments, which
    pg_trgm's indexes serve when the planner expects few matches, and a walk in id order
    serves when it expects many (`Search.searched_ids` bounds that walk). A search shorter
    than a trigram is matched by LIKE.
    """
    source, order = FROM_COMMENTS, "c.id"
    clauses: list[str] = []
    values: dict[str, Any] = {}
    if query.status is not None:
        clauses.append("c.status = :status")
        values["status"] = query.status.value
    if query.testimonial is not None:
        clauses.append("c.testimonial = :testimonial")
        values["testimonial"] = int(query.testimonial)
    if query.page_key:
        clauses.append("t.page_key = :page_key")
        values["page_key"] = query.page_key
    if query.search:
        values.update(_search_values(query.search))
        on_pages = ""
        if pages:
            names = {f"page{n}": page for n, page in enumerate(pages)}
            values.update(names)
            on_pages = f" OR c.thread_id IN (:{', :'.join(names)})"
        if sqlite and len(query.search) >= INDEXED_SEARCH:
            # A quoted FTS5 phrase: its trigrams in a row, so any substring, case folded.
            values["phrase"] = '"' + query.search.replace('"', '""') + '"'
            if on_pages:
                found = "SELECT rowid FROM comment_search WHERE comment_search MATCH :phrase"
                clauses.append(f"(c.id IN ({found}){on_pages})")
            else:
                source = f"FROM comment_search s JOIN comments c ON c.id = s.rowid {THREAD_JOIN}"
                order = "s.rowid"
                clauses.append("comment_search MATCH :phrase")
        else:
            clauses.append(f"({_like('c.author', 'c.body', 'c.email')}{on_pages})")
    return Selection(source, " AND ".join(clauses) or "1 = 1", order, values)


class Search:
    """The search index and the reads a search plans before its page; one per database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def index(self) -> int:
        """On SQLite, add the comments posted since the last search to its index; how many.

        One batch here instead of one index write per post (migration 011 says why); the
        comments already indexed are kept current by triggers.
        """
        behind = await self.db.fetch_val(
            "SELECT COUNT(*) FROM comments "
            "WHERE id > (SELECT indexed_upto FROM comment_search_state)"
        )
        if not behind:
            return 0
        async with self.db.transaction():
            await self.db.execute(
                "INSERT INTO comment_search (rowid, author, body, email) "
                "SELECT id, author, body, email FROM comments "
                "WHERE id > (SELECT indexed_upto FROM comment_search_state)",
                public=False,
            )
            await self.db.execute(
                "UPDATE comment_search_state SET indexed_upto = (SELECT MAX(id) FROM comments) "
                "WHERE (SELECT MAX(id) FROM comments) > indexed_upto",
                public=False,
            )
        return int(behind)

    async def pages_matching(self, search: str) -> list[int]:
        """The ids of the pages whose key, title or address hold `search`, in either case."""
        rows = await self.db.fetch_all(_PAGES_MATCHING, _search_values(search))
        return [int(row["id"]) for row in rows]

    async def count_matching(self, query: Query, pages: Sequence[int], cap: int) -> int:
        """How many comments the filter selects, counted no further than `cap`."""
        chosen = selection(query, is_sqlite(self.db), pages)
        found = await self.db.fetch_val(
            f"SELECT COUNT(*) FROM (SELECT 1 {chosen.source} WHERE {chosen.where} LIMIT :cap) "
            "AS found",
            {**chosen.values, "cap": cap},
        )
        return int(found or 0)

    async def searched_ids(self, query: Query, pages: Sequence[int], *, few: bool) -> list[int]:
        """On PostgreSQL, the ids of one page of a search, at a cost that no spread of the
        matches makes grow with the table.

        One statement leaves the planner a guess: it walks the comments in id order when it
        expects many matches, and if they all lie far back (a name from one season, a phrase
        in old comments only) that walk reads most of the table, a second at a million. So:
        when `few` match (the count stopped short of its cap), they are taken from the trigram
        indexes alone, sorted; when many do, the walk is bounded to the SEARCH_WALK comments
        nearest the start of the queue's order, where a common word fills the page, and
        whatever that leaves comes from the indexes. Index-only reads cost what the matches
        number, not the table. Runs inside `Queue.page`'s transaction, where SET LOCAL ends.
        """
        chosen = selection(query, False, pages)
        direction = "ASC" if query.oldest_first else "DESC"
        wanted = query.offset + query.limit
        step = (
            f"SELECT c.id {chosen.source} WHERE ({chosen.where}) AND {{part}} "
            f"ORDER BY c.id {direction} LIMIT :wanted"
        )
        ids: list[int] = []
        far, values = "TRUE", dict(chosen.values)
        if not few:
            if query.oldest_first:
                edge_sql, near, far = "MIN(id) + :walk", "c.id < :edge", "c.id >= :edge"
            else:
                edge_sql, near, far = "MAX(id) - :walk", "c.id > :edge", "c.id <= :edge"
            edge = await self.db.fetch_val(
                f"SELECT {edge_sql} FROM comments", {"walk": SEARCH_WALK}
            )
            if edge is None:
                return []
            values["edge"] = int(edge)
            rows = await self.db.fetch_all(step.format(part=near), {**values, "wanted": wanted})
            ids = [int(row["id"]) for row in rows]
        if len(ids) < wanted:
            if len(query.search) >= INDEXED_SEARCH:  # shorter ones cannot use the indexes
                await self.db.fetch_val(
                    "SELECT set_config('enable_seqscan', 'off', true), "
                    "set_config('enable_indexscan', 'off', true)"
                )
            rows = await self.db.fetch_all(
                step.format(part=far), {**values, "wanted": wanted - len(ids)}
            )
            ids += [int(row["id"]) for row in rows]
        return ids[query.offset :]

"""Writing imported comments: all of one file in ONE transaction, or nothing.

Each comment carries its import key (unique), so a second import of the same file finds every
comment already there and adds nothing. A dry run does all the same writes and rolls back, so
its counts are exactly what a real import would do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from service.domain.imports import Imported
from service.store.comments import body_hash
from service.store.engine import Database
from service.store.threads import upsert_thread

Progress = Callable[[int], Awaitable[None]]
PROGRESS_EVERY = 50  # comments between two progress reports


class _DryRun(Exception):
    """Raised at the end of a dry run, so the transaction rolls back what it wrote."""


class Imports:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def _existing(self, item: Imported) -> int | None:
        found = await self.db.fetch_val(
            "SELECT id FROM comments WHERE import_key = :key", {"key": item.key}
        )
        for key in item.also_keys:
            if found is not None:
                break
            # The key an earlier importer gave it (before site addresses were normalised).
            found = await self.db.fetch_val(
                "SELECT id FROM comments WHERE import_key = :key", {"key": key}
            )
        if found is None and item.same_as_id is not None:
            # A Chorus export brought back home: the very comment is still here.
            found = await self.db.fetch_val(
                "SELECT id FROM comments WHERE id = :id AND created_at = :created AND body = :body",
                {"id": item.same_as_id, "created": item.created_at, "body": item.body},
            )
        return int(found) if found is not None else None

    async def _insert(self, item: Imported, html: str, thread_id: int, parent: int | None) -> int:
        values: dict[str, Any] = {
            "thread_id": thread_id,
            "parent_id": parent,
            "author": item.author,
            "email": item.email,
            "website": item.website,
            "body": item.body,
            # Keyed by the import key: two old "Dank je!" on one page are two comments.
            "body_hash": body_hash(None, f"import\n{item.key}\n{item.body}"),
            "html": html,
            "status": item.status.value,
            "owner": int(item.owner),
            "consent": int(item.consent),
            "consent_at": item.consent_at,
            "consent_version": item.consent_version,
            "testimonial": int(item.testimonial),
            "excerpt": item.excerpt,
            "promoted_at": item.promoted_at,
            "rating": item.rating,
            "lang": item.lang,
            "created_at": item.created_at,
            "updated_at": item.updated_at,
            "moderated_at": item.moderated_at,
            "import_key": item.key,
        }
        return int(
            await self.db.fetch_val(
                """
                INSERT INTO comments (
                    thread_id, parent_id, author, email, website, body, body_hash, html,
                    status, owner, consent, consent_at, consent_version, testimonial, excerpt,
                    promoted_at, rating, lang, created_at, updated_at, moderated_at, import_key
                ) VALUES (
                    :thread_id, :parent_id, :author, :email, :website, :body, :body_hash, :html,
                    :status, :owner, :consent, :consent_at, :consent_version, :testimonial,
                    :excerpt, :promoted_at, :rating, :lang, :created_at, :updated_at,
                    :moderated_at, :import_key
                )
                RETURNING id
                """,
                values,
                public=True,
            )
        )

    async def add(
        self,
        comments: list[Imported],
        render: Callable[[str], str],
        *,
        dry_run: bool,
        progress: Progress | None = None,
    ) -> Counter[str]:
        """Store the comments (parents first) in one transaction; count what happened.

        Returns counts: "imported" and, per status, "status_<name>"; "already_imported" for
        comments a previous import brought in. Any error rolls everything back.
        """
        counts: Counter[str] = Counter()
        ids: dict[str, int] = {}
        threads: dict[str, int] = {}
        try:
            async with self.db.transaction():
                for done, item in enumerate(comments, start=1):
                    existing = await self._existing(item)
                    if existing is not None:
                        ids[item.key] = existing
                        counts["already_imported"] += 1
                    else:
                        if item.page_key not in threads:
                            threads[item.page_key] = await upsert_thread(
                                self.db, item.page_key, item.page_title, item.page_url, names=True
                            )
                        parent = ids.get(item.parent_key) if item.parent_key else None
                        new_id = await self._insert(
                            item, render(item.body), threads[item.page_key], parent
                        )
                        ids[item.key] = new_id
                        for entry in item.log:
                            await self._log(new_id, entry.__dict__)
                        counts["imported"] += 1
                        counts[f"status_{item.status.value}"] += 1
                    if progress is not None and (
                        done % PROGRESS_EVERY == 0 or done == len(comments)
                    ):
                        await progress(done)
                if dry_run:
                    raise _DryRun  # leaves the transaction, undoing every write
        except _DryRun:
            pass
        return counts

    async def _log(self, comment_id: int, entry: dict[str, Any]) -> None:
        await self.db.execute(
            "INSERT INTO moderation_log "
            "(comment_id, action, actor, from_status, to_status, detail, created_at) "
            "VALUES (:comment_id, :action, :actor, :from_status, :to_status, :detail, "
            ":created_at)",
            {"comment_id": comment_id, **entry},
            public=True,
        )

    async def counts(self) -> dict[str, int]:
        """How many threads, comments and log rows there are: what a refusal must not change."""
        result = {}
        for table in ("threads", "comments", "moderation_log"):
            result[table] = int(await self.db.fetch_val(f"SELECT COUNT(*) FROM {table}"))
        return result

"""Everything tied to one reader's e-mail address: found, exported and erased in one place.

Threat: an erasure that leaves a trace. Erasing removes (or anonymises) the comments, their
moderation-log rows and undo rows (where a redaction's cut words and a promotion's excerpt
live), subscriptions, one-time links, queued mail about the comments or to the address, the
reports the address filed and those about its comments (a report may quote them), the
statements of reasons sent to it, the invitations to it and the search index's old entries, in
one transaction, and writes one log row saying only that an erasure happened.

Threat: a request that finds nothing because the reader typed capitals. Every match is on the
address's key (`address_key`, kept by the database in the `*_key` columns), never on the
address as typed.
"""

from __future__ import annotations

from typing import Any

from service.domain.addresses import address_key
from service.domain.privacy import Erasure
from service.store.comments import drop_copies, forget_search
from service.store.engine import Database
from service.store.invites import erase_invites, find_invites
from service.store.log import write_log

_COMMENTS = (
    "SELECT c.id, c.parent_id, c.author, c.email, c.website, c.body, c.previous_body, c.status, "
    "c.consent, c.consent_at, c.consent_version, c.consent_withdrawn_at, c.testimonial, "
    "c.excerpt, c.rating, c.lang, "
    "c.created_at, c.updated_at, c.edited_at, t.page_key, t.title AS page_title, t.url AS page_url "
    "FROM comments c JOIN threads t ON t.id = c.thread_id "
    "WHERE c.email_key = :key AND c.email_key <> '' AND c.owner = 0 ORDER BY c.id"
)


class Privacy:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def comment_ids(self, email: str) -> list[int]:
        rows = await self.db.fetch_all(
            "SELECT id FROM comments WHERE email_key = :key AND email_key <> '' AND owner = 0",
            {"key": address_key(email)},
        )
        return [int(r["id"]) for r in rows]

    async def find(self, email: str) -> dict[str, list[dict[str, Any]]]:
        """The address's comments (with consents), subscriptions and moderation-log rows."""
        comments = [
            dict(r._mapping)
            for r in await self.db.fetch_all(_COMMENTS, {"key": address_key(email)})
        ]
        ids = [c["id"] for c in comments]
        log: list[dict[str, Any]] = []
        if ids:
            names = {f"id{i}": v for i, v in enumerate(ids)}
            rows = await self.db.fetch_all(
                "SELECT id, comment_id, action, actor, from_status, to_status, detail, created_at "
                f"FROM moderation_log WHERE comment_id IN ({', '.join(':' + n for n in names)}) "
                "ORDER BY id",
                names,
            )
            log = [dict(r._mapping) for r in rows]
        subscriptions = [
            dict(r._mapping)
            for r in await self.db.fetch_all(
                "SELECT comment_id, email, lang, created_at, confirmed_at, notified_at "
                "FROM subscriptions WHERE email_key = :key ORDER BY comment_id",
                {"key": address_key(email)},
            )
        ]
        key = {"key": address_key(email)}
        reports = [
            dict(r._mapping)
            for r in await self.db.fetch_all(
                "SELECT id, comment_id, reason, message, email, lang, status, created_at, "
                "decided_at FROM reports WHERE email_key = :key ORDER BY id",
                key,
            )
        ]
        statements = [
            dict(r._mapping)
            for r in await self.db.fetch_all(
                "SELECT id, comment_id, decision, reason, note, email, lang, created_at "
                "FROM statements WHERE email_key = :key ORDER BY id",
                key,
            )
        ]
        return {
            "comments": comments,
            "subscriptions": subscriptions,
            "moderation_log": log,
            "reports": reports,
            "statements": statements,
            "invitations": await find_invites(self.db, email),
        }

    async def _delete(self, sql: str, values: dict[str, Any]) -> int:
        """Run a DELETE ... RETURNING and say how many rows it removed."""
        return len(await self.db.fetch_all(sql + " RETURNING 1", values, public=True))

    async def erase(self, email: str, anonymous_name: str | None, actor: str) -> Erasure:
        """Erase what is tied to `email`; keep the comments as `anonymous_name` when given."""
        subscriptions = log_rows = 0
        async with self.db.transaction():
            ids = await self.comment_ids(email)
            names = {f"id{i}": v for i, v in enumerate(ids)}
            inside = ", ".join(":" + n for n in names)
            if ids:
                subscriptions = len(
                    await self.db.fetch_all(
                        f"SELECT 1 FROM subscriptions WHERE comment_id IN ({inside})", names
                    )
                )
                log_rows = await self._delete(
                    f"DELETE FROM moderation_log WHERE comment_id IN ({inside})", names
                )
                await drop_copies(self.db, ids)
                for table in ("reports", "statements"):
                    await self.db.execute(
                        f"DELETE FROM {table} WHERE comment_id IN ({inside})", names, public=False
                    )
                if anonymous_name is None:
                    await self.db.execute(
                        f"UPDATE comments SET parent_id = NULL WHERE parent_id IN ({inside})",
                        names,
                        public=True,
                    )
                    await self.db.execute(
                        f"DELETE FROM comments WHERE id IN ({inside})", names, public=True
                    )
                else:
                    await self.db.execute(
                        "UPDATE comments SET author = :anon, email = '', website = '', "
                        "author_key = '', client_hash = '', previous_body = NULL, consent = 0, "
                        "consent_at = NULL, consent_version = NULL, consent_withdrawn_at = NULL, "
                        "testimonial = 0, pinned_at = NULL, excerpt = '', display_name = NULL "
                        f"WHERE id IN ({inside})",
                        {**names, "anon": anonymous_name},
                        public=True,
                    )
            await forget_search(self.db, ids)
            key = {"key": address_key(email)}
            subscriptions += await self._delete(
                "DELETE FROM subscriptions WHERE email_key = :key", key
            )
            for table, column in (
                ("reader_links", "email_key"),
                ("outbox", "recipient_key"),
                ("reports", "email_key"),
                ("statements", "email_key"),
            ):
                await self.db.execute(
                    f"DELETE FROM {table} WHERE {column} = :key",
                    key,
                    public=table == "reader_links",
                )
            await erase_invites(self.db, email)
            how = "anonymised" if anonymous_name is not None else "deleted"
            await write_log(self.db, 0, "erase", actor, None, None, f"{len(ids)} comment(s) {how}")
        return Erasure(len(ids), anonymous_name is not None, subscriptions, log_rows)

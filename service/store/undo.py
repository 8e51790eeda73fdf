"""Undo rows: what one owner change replaced, kept only for the undo window.

Threat: a redaction must remove a reader's words for good. Its undo row is the only place the
removed words live, it is owner-only (never in an export, a feed or a public answer), and it is
deleted when the window ends, when the comment changes again or when the comment is deleted.
Taking a change back is guarded: it happens only while the comment still shows that change.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from service.domain.undo import Undone, UndoTicket
from service.store.clock import later, now
from service.store.engine import Database
from service.store.log import write_log
from service.store.outbox import drop_mail_about


async def write_undo(
    db: Database,
    ticket: UndoTicket,
    comment_id: int,
    log_id: int,
    kind: str,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    """Keep what a change replaced; the comment's earlier undo ends here (the next change)."""
    await forget(db, comment_id)
    await db.execute(
        "INSERT INTO undo_changes "
        "(batch, comment_id, log_id, kind, before, after, created_at, expires_at) "
        "VALUES (:batch, :comment_id, :log_id, :kind, :before, :after, :now, :expires)",
        {
            "batch": ticket.batch,
            "comment_id": comment_id,
            "log_id": log_id,
            "kind": kind,
            "before": json.dumps(before),
            "after": json.dumps(after),
            "now": now(),
            "expires": later(ticket.seconds),
        },
        public=False,
    )


async def forget(db: Database, comment_id: int) -> None:
    """Drop a comment's undo rows (and with them any words a redaction removed)."""
    await db.execute(
        "DELETE FROM undo_changes WHERE comment_id = :id", {"id": comment_id}, public=False
    )


async def forget_all(db: Database, comment_ids: Sequence[int]) -> None:
    """Drop the undo rows of comments that are gone (a redaction's cut words, an excerpt)."""
    if comment_ids:
        names = {f"id{n}": comment_id for n, comment_id in enumerate(comment_ids)}
        await db.execute(
            f"DELETE FROM undo_changes WHERE comment_id IN (:{', :'.join(names)})",
            names,
            public=False,
        )


class UndoLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def purge(self) -> None:
        """Erase every undo row whose window has ended; a redaction's cut words go with it."""
        await self.db.execute(
            "DELETE FROM undo_changes WHERE expires_at <= :now", {"now": now()}, public=False
        )

    async def take_back(
        self,
        actor: str,
        *,
        batch: str | None = None,
        log_id: int | None = None,
        comment_id: int | None = None,
    ) -> list[Undone]:
        """Put back what the named change replaced, for each comment it still shows on."""
        await self.purge()
        values: dict[str, Any]
        if batch is not None:
            where, values = "batch = :key", {"key": batch}
        elif log_id is not None:
            where, values = "log_id = :key", {"key": log_id}
        else:
            where, values = "comment_id = :key", {"key": comment_id}
        rows = await self.db.fetch_all(
            f"SELECT id, comment_id, kind, before, after FROM undo_changes WHERE {where} "
            "ORDER BY id",
            values,
        )
        done = []
        for row in rows:
            async with self.db.transaction():
                # Only one undo may take a row: deleting it first settles a race between two.
                taken = await self.db.fetch_val(
                    "DELETE FROM undo_changes WHERE id = :id RETURNING id",
                    {"id": row["id"]},
                    public=False,
                )
                if taken is None:
                    continue
                target = int(row["comment_id"])
                kind = row["kind"]
                if await _restore(
                    self.db,
                    target,
                    kind,
                    json.loads(row["before"]),
                    json.loads(row["after"]),
                    actor,
                ):
                    moved = kind == "status"
                    done.append(
                        Undone(
                            target,
                            kind,
                            json.loads(row["before"])["status"] if moved else "",
                            json.loads(row["after"])["status"] if moved else "",
                        )
                    )
        return done


async def _restore(
    db: Database,
    comment_id: int,
    kind: str,
    before: dict[str, Any],
    after: dict[str, Any],
    actor: str,
) -> bool:
    """Put back `before` if the comment still shows `after`; log it. False when it changed."""
    stamp = now()
    values: dict[str, Any] = {"id": comment_id, "now": stamp}
    if kind == "status":
        status = await db.fetch_val(
            "UPDATE comments SET status = :old, previous_status = status, moderated_at = :now, "
            "updated_at = :now WHERE id = :id AND status = :new RETURNING status",
            {**values, "old": before["status"], "new": after["status"]},
            public=True,
        )
        if status is None:
            return False
        await write_log(db, comment_id, "undo", actor, after["status"], status, kind)
        return True
    if kind == "promote":
        status = await db.fetch_val(
            "UPDATE comments SET testimonial = :testimonial, excerpt = :excerpt, "
            "promoted_at = :promoted_at, updated_at = :now "
            "WHERE id = :id AND testimonial = 1 AND excerpt = :shown RETURNING status",
            {**values, **before, "shown": after["excerpt"]},
            public=True,
        )
    elif kind == "demote":
        status = await db.fetch_val(
            "UPDATE comments SET testimonial = 1, updated_at = :now "
            "WHERE id = :id AND testimonial = 0 AND consent = 1 RETURNING status",
            values,
            public=True,
        )
    elif kind == "reply":
        reply_id = int(before["reply_id"])
        await db.execute(
            "UPDATE comments SET parent_id = NULL WHERE parent_id = :reply",
            {"reply": reply_id},
            public=True,
        )
        gone = await db.fetch_val(
            "DELETE FROM comments WHERE id = :reply AND owner = 1 AND parent_id = :id RETURNING id",
            {"reply": reply_id, "id": comment_id},
            public=True,
        )
        status = None
        if gone is not None:
            # The reply notice it set off has nothing left to say, and names its subscriber.
            await drop_mail_about(db, [reply_id])
            status = (
                await db.fetch_val("SELECT status FROM comments WHERE id = :id", {"id": comment_id})
                or ""
            )
    else:  # redact
        status = await db.fetch_val(
            "UPDATE comments SET body = :body, body_hash = :body_hash, html = :html, "
            "excerpt = :excerpt, updated_at = :now WHERE id = :id AND body = :shown "
            "RETURNING status",
            {**values, **before, "shown": after["body"]},
            public=True,
        )
    if status is None:
        return False
    await write_log(db, comment_id, "undo", actor, status or None, status or None, kind)
    return True

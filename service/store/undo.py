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

from service.domain.undo import (
    DemoteUndo,
    DisplayNameUndo,
    PromoteUndo,
    RedactUndo,
    ReplyUndo,
    StatusUndo,
    Undone,
    UndoRecord,
    UndoTicket,
    read_undo,
)
from service.store.clock import later, now
from service.store.engine import Database
from service.store.log import write_log
from service.store.outbox import drop_mail_about


async def write_undo(
    db: Database,
    ticket: UndoTicket,
    comment_id: int,
    log_id: int,
    record: UndoRecord,
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
            "kind": record.kind,
            "before": json.dumps(record.before()),
            "after": json.dumps(record.after()),
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
                record = read_undo(row["kind"], json.loads(row["before"]), json.loads(row["after"]))
                if await _restore(self.db, target, record, actor):
                    if isinstance(record, StatusUndo):
                        done.append(Undone(target, record.kind, record.was, record.became))
                    else:
                        done.append(Undone(target, record.kind))
        return done


async def _restore(db: Database, comment_id: int, record: UndoRecord, actor: str) -> bool:
    """Put back what `record` replaced if the comment still shows the change; log it."""
    stamp = now()
    values: dict[str, Any] = {"id": comment_id, "now": stamp}
    status: str | None
    match record:
        case StatusUndo(was=was, became=became):
            status = await db.fetch_val(
                "UPDATE comments SET status = :old, previous_status = status, "
                "moderated_at = :now, updated_at = :now "
                "WHERE id = :id AND status = :new RETURNING status",
                {**values, "old": was, "new": became},
                public=True,
            )
            if status is None:
                return False
            await write_log(db, comment_id, "undo", actor, became, status, record.kind)
            return True
        case PromoteUndo():
            status = await db.fetch_val(
                "UPDATE comments SET testimonial = :testimonial, excerpt = :excerpt, "
                "promoted_at = :promoted_at, updated_at = :now "
                "WHERE id = :id AND testimonial = 1 AND excerpt = :shown RETURNING status",
                {**values, **record.before(), "shown": record.shown},
                public=True,
            )
        case DemoteUndo():
            status = await db.fetch_val(
                "UPDATE comments SET testimonial = 1, updated_at = :now "
                "WHERE id = :id AND testimonial = 0 AND consent = 1 RETURNING status",
                values,
                public=True,
            )
        case DisplayNameUndo(was=was, chosen=chosen):
            # Only while the name is still the one this change set ("" stands for the default).
            status = await db.fetch_val(
                "UPDATE comments SET display_name = :old, updated_at = :now "
                "WHERE id = :id AND COALESCE(display_name, '') = :shown RETURNING status",
                {**values, "old": was, "shown": chosen or ""},
                public=True,
            )
        case ReplyUndo(reply_id=reply_id):
            await db.execute(
                "UPDATE comments SET parent_id = NULL WHERE parent_id = :reply",
                {"reply": reply_id},
                public=True,
            )
            gone = await db.fetch_val(
                "DELETE FROM comments WHERE id = :reply AND owner = 1 AND parent_id = :id "
                "RETURNING id",
                {"reply": reply_id, "id": comment_id},
                public=True,
            )
            status = None
            if gone is not None:
                # The reply notice it set off has nothing left to say, and names its subscriber.
                await drop_mail_about(db, [reply_id])
                status = (
                    await db.fetch_val(
                        "SELECT status FROM comments WHERE id = :id", {"id": comment_id}
                    )
                    or ""
                )
        case RedactUndo():
            status = await db.fetch_val(
                "UPDATE comments SET body = :body, body_hash = :body_hash, html = :html, "
                "excerpt = :excerpt, updated_at = :now WHERE id = :id AND body = :shown "
                "RETURNING status",
                {**values, **record.before(), "shown": record.shown},
                public=True,
            )
    if status is None:
        return False
    await write_log(db, comment_id, "undo", actor, status or None, status or None, record.kind)
    return True

"""The moderation log: who did what to which comment, written with the change it records."""

from __future__ import annotations

from collections.abc import Sequence

from service.domain.comments import LogEntry
from service.domain.undo import ReplyUndo, UndoTicket
from service.store.clock import now
from service.store.engine import Database


async def write_log(
    db: Database,
    comment_id: int,
    action: str,
    actor: str,
    from_status: str | None,
    to_status: str | None,
    detail: str = "",
) -> int:
    """Write one log row; return its id (an undo row points at it)."""
    return int(
        await db.fetch_val(
            "INSERT INTO moderation_log "
            "(comment_id, action, actor, from_status, to_status, detail, created_at) "
            "VALUES (:comment_id, :action, :actor, :from_status, :to_status, :detail, :now) "
            "RETURNING id",
            {
                "comment_id": comment_id,
                "action": action,
                "actor": actor,
                "from_status": from_status,
                "to_status": to_status,
                "detail": detail,
                "now": now(),
            },
            public=True,
        )
    )


async def forget_words(db: Database, comment_ids: Sequence[int]) -> None:
    """The comments are gone: their log rows keep what was done and when, not what was said.

    A row's detail can quote its comment (a promotion's excerpt, the reason an owner's rule gave
    for holding it), so it is emptied; the rows themselves stay, as the owner's record.
    """
    if comment_ids:
        names = {f"id{n}": comment_id for n, comment_id in enumerate(comment_ids)}
        await db.execute(
            f"UPDATE moderation_log SET detail = '' WHERE comment_id IN (:{', :'.join(names)})",
            names,
            public=True,
        )


class ModerationLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def write(
        self,
        comment_id: int,
        action: str,
        actor: str,
        from_status: str | None,
        to_status: str | None,
        detail: str = "",
    ) -> int:
        """One log row, in the caller's unit of work; its id."""
        return await write_log(self.db, comment_id, action, actor, from_status, to_status, detail)

    async def record_reply(
        self, reply_id: int, parent_id: int, actor: str, undo: UndoTicket | None = None
    ) -> None:
        """Record an owner reply in the moderation log, against the comment it answers."""
        # Imported here: the undo module writes log rows too.
        from service.store.undo import write_undo

        async with self.db.transaction():
            log_id = await write_log(
                self.db, parent_id, "reply", actor, None, None, f"reply {reply_id}"
            )
            if undo is not None:
                await write_undo(self.db, undo, parent_id, log_id, ReplyUndo(reply_id))

    async def recent(
        self, limit: int = 50, before: int | None = None, comment_id: int | None = None
    ) -> list[LogEntry]:
        """The moderation log, newest first, with the author and page of comments still there."""
        clauses: list[str] = ["1 = 1"]
        values: dict[str, object] = {"limit": limit, "now": now()}
        if before is not None:
            clauses.append("l.id < :before")
            values["before"] = before
        if comment_id is not None:
            clauses.append("l.comment_id = :comment_id")
            values["comment_id"] = comment_id
        rows = await self.db.fetch_all(
            "SELECT l.id, l.comment_id, l.action, l.actor, l.from_status, l.to_status, l.detail, "
            "l.created_at, c.author, t.title AS page_title, "
            "CASE WHEN u.id IS NULL THEN 0 ELSE 1 END AS undoable FROM moderation_log l "
            "LEFT JOIN comments c ON c.id = l.comment_id LEFT JOIN threads t ON t.id = c.thread_id "
            "LEFT JOIN undo_changes u ON u.log_id = l.id AND u.expires_at > :now "
            f"WHERE {' AND '.join(clauses)} ORDER BY l.id DESC LIMIT :limit",
            values,
        )
        return [
            LogEntry(
                id=int(r["id"]),
                comment_id=int(r["comment_id"]),
                action=r["action"],
                actor=r["actor"],
                from_status=r["from_status"],
                to_status=r["to_status"],
                detail=r["detail"],
                created_at=r["created_at"],
                author=r["author"],
                page_title=r["page_title"],
                undoable=bool(r["undoable"]),
            )
            for r in rows
        ]

"""The moderation log: who did what to which comment, written with the change it records."""

from __future__ import annotations

from databases import Database

from service.domain.comments import LogEntry
from service.store.clock import now


async def write_log(
    db: Database,
    comment_id: int,
    action: str,
    actor: str,
    from_status: str | None,
    to_status: str | None,
    detail: str = "",
) -> None:
    await db.execute(
        "INSERT INTO moderation_log "
        "(comment_id, action, actor, from_status, to_status, detail, created_at) "
        "VALUES (:comment_id, :action, :actor, :from_status, :to_status, :detail, :now)",
        {
            "comment_id": comment_id,
            "action": action,
            "actor": actor,
            "from_status": from_status,
            "to_status": to_status,
            "detail": detail,
            "now": now(),
        },
    )


class ModerationLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def record_reply(self, reply_id: int, parent_id: int, actor: str) -> None:
        """Record an owner reply in the moderation log, against the comment it answers."""
        await write_log(self.db, parent_id, "reply", actor, None, None, f"reply {reply_id}")

    async def recent(
        self, limit: int = 50, before: int | None = None, comment_id: int | None = None
    ) -> list[LogEntry]:
        """The moderation log, newest first, with the author and page of comments still there."""
        clauses, values = ["1 = 1"], {"limit": limit}
        if before is not None:
            clauses.append("l.id < :before")
            values["before"] = before
        if comment_id is not None:
            clauses.append("l.comment_id = :comment_id")
            values["comment_id"] = comment_id
        rows = await self.db.fetch_all(
            "SELECT l.id, l.comment_id, l.action, l.actor, l.from_status, l.to_status, l.detail, "
            "l.created_at, c.author, t.title AS page_title FROM moderation_log l "
            "LEFT JOIN comments c ON c.id = l.comment_id LEFT JOIN threads t ON t.id = c.thread_id "
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
            )
            for r in rows
        ]

"""The name a testimonial shows (`comments.display_name`), as the owner changes it.

Only a reader's comment has one (NULL: the default shortening, computed when shown). A change is
logged with the name it leaves shown, and can be undone like the owner's other edits. The name
appears only on testimonial lists and feeds, so that is all a change can have made stale.
"""

from __future__ import annotations

from service.domain.comments import ChangeScope
from service.domain.undo import DisplayNameUndo, UndoTicket
from service.store.clock import now
from service.store.engine import Database, scoped_changes
from service.store.log import write_log
from service.store.undo import write_undo

_WALL = ChangeScope((), testimonials=True)


class DisplayNames:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def set(
        self,
        comment_id: int,
        name: str | None,
        shown: str,
        actor: str,
        undo: UndoTicket | None = None,
    ) -> bool:
        """Record `name` (None: back to the default) for a reader's comment; False if none.

        `shown` is the name the testimonial shows afterwards, for the log.
        """
        with scoped_changes(_WALL):
            async with self.db.transaction():
                was = await self.db.fetch_one(
                    "SELECT display_name FROM comments WHERE id = :id AND owner = 0",
                    {"id": comment_id},
                )
                if was is None:
                    return False
                status = await self.db.fetch_val(
                    "UPDATE comments SET display_name = :name, updated_at = :now "
                    "WHERE id = :id AND owner = 0 RETURNING status",
                    {"name": name, "now": now(), "id": comment_id},
                    public=True,
                )
                if status is None:
                    return False
                log_id = await write_log(
                    self.db, comment_id, "display_name", actor, status, status, shown
                )
                if undo is not None:
                    record = DisplayNameUndo(was["display_name"], name)
                    await write_undo(self.db, undo, comment_id, log_id, record)
        return True

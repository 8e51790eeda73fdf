"""The owner's pins on the testimonial wall: which testimonials stay at the top.

A pin is the time it was made (`comments.pinned_at`); only a published testimonial can carry
one, and pinning checks the limit in the same transaction that writes it (on PostgreSQL under
a lock, so two pins at once cannot both take the last place). Each change is logged.
"""

from __future__ import annotations

import enum

from service.domain.comments import ChangeScope
from service.store.clock import now
from service.store.connection import is_sqlite
from service.store.engine import Database, scoped_changes
from service.store.log import write_log

_SHOWN = "status = 'approved' AND consent = 1 AND testimonial = 1"
_PIN_LOCK = 7243121  # pg_advisory_xact_lock key: pins are counted and written one at a time
# A pin moves testimonials in their lists and feeds, and nothing else that is public.
_WALL = ChangeScope((), testimonials=True)


class Pinned(enum.StrEnum):
    """What a pin or unpin did."""

    DONE = "done"
    ALREADY = "already"  # it already was (or was not) pinned: nothing written or logged
    FULL = "full"  # the limit is reached: nothing written
    NOT_SHOWN = "not_shown"  # not a published testimonial (or no such comment)


class Pins:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def count(self) -> int:
        """Pins on testimonials that are shown; a pin left on a hidden one holds no place."""
        found = await self.db.fetch_val(
            f"SELECT COUNT(*) FROM comments WHERE pinned_at IS NOT NULL AND {_SHOWN}"
        )
        return int(found or 0)

    async def pin(self, comment_id: int, actor: str, limit: int) -> Pinned:
        """Pin a published testimonial to the top, unless `limit` testimonials already are."""
        with scoped_changes(_WALL):
            return await self._pin(comment_id, actor, limit)

    async def _pin(self, comment_id: int, actor: str, limit: int) -> Pinned:
        async with self.db.transaction():
            if not is_sqlite(self.db):
                await self.db.execute(f"SELECT pg_advisory_xact_lock({_PIN_LOCK})", public=False)
            was = await self.db.fetch_one(
                f"SELECT pinned_at FROM comments WHERE id = :id AND {_SHOWN}", {"id": comment_id}
            )
            if was is None:
                return Pinned.NOT_SHOWN
            if was["pinned_at"] is not None:
                return Pinned.ALREADY
            if await self.count() >= limit:
                return Pinned.FULL
            changed = await self.db.fetch_val(
                "UPDATE comments SET pinned_at = :now "
                f"WHERE id = :id AND pinned_at IS NULL AND {_SHOWN} RETURNING id",
                {"id": comment_id, "now": now()},
                public=True,
            )
            if changed is None:
                return Pinned.NOT_SHOWN
            await write_log(self.db, comment_id, "pin", actor, "approved", "approved")
        return Pinned.DONE

    async def unpin(self, comment_id: int, actor: str) -> Pinned:
        """Let a testimonial take its place by date again."""
        with scoped_changes(_WALL):
            return await self._unpin(comment_id, actor)

    async def _unpin(self, comment_id: int, actor: str) -> Pinned:
        async with self.db.transaction():
            status = await self.db.fetch_val(
                "UPDATE comments SET pinned_at = NULL "
                "WHERE id = :id AND pinned_at IS NOT NULL AND testimonial = 1 RETURNING status",
                {"id": comment_id},
                public=True,
            )
            if status is None:
                shown = await self.db.fetch_val(
                    f"SELECT 1 FROM comments WHERE id = :id AND {_SHOWN}", {"id": comment_id}
                )
                return Pinned.ALREADY if shown else Pinned.NOT_SHOWN
            await write_log(self.db, comment_id, "unpin", actor, status, status)
        return Pinned.DONE

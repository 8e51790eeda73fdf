"""Invitations: their rows, their guarded state changes, and the mail they set off.

Every change of state is guarded (`WHERE status IN (...)`) and says whether it happened, so an
invitation is answered once, and never after it expired or was withdrawn. Whatever ends an
invitation drops its address and any mail about it still waiting in the outbox.

Time comes from `clock.now()`, looked up on each call, so the tests can move it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from service.domain.addresses import address_key
from service.domain.invites import OPEN_STATUSES, Invite, InviteStatus, NewInvite
from service.store import clock
from service.store.engine import Database
from service.store.outbox import queue_mail

INVITE_MAIL = "invite"  # the outbox kind of an invitation; `status` holds the invitation's id
REMINDER_MAIL = "invite_reminder"  # the one reminder, the same way
_COLUMNS = (
    "id, token_key, name, email, lang, status, created_at, expires_at, mailed_at, reminded_at, "
    "opened_at, answered_at, comment_id"
)
_OPEN = "('created', 'mailed', 'opened')"
_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
assert {s.value for s in OPEN_STATUSES} == {"created", "mailed", "opened"}


def shifted(moment: str, seconds: float) -> str:
    """`moment` (the clock's text form) moved by `seconds`, in the same form."""
    parsed = datetime.strptime(moment, _FORMAT)
    return (parsed + timedelta(seconds=seconds)).strftime(_FORMAT)


def _invite(row: Any) -> Invite:
    return Invite(
        id=int(row["id"]),
        token_key=row["token_key"],
        name=row["name"],
        email=row["email"],
        lang=row["lang"],
        status=InviteStatus(row["status"]),
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        mailed_at=row["mailed_at"],
        reminded_at=row["reminded_at"],
        opened_at=row["opened_at"],
        answered_at=row["answered_at"],
        comment_id=int(row["comment_id"]) if row["comment_id"] is not None else None,
    )


def _like(search: str) -> str:
    escaped = search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def _drop_mail(db: Database, invite_ids: list[int]) -> None:
    """No invitation or reminder waits in the outbox for an invitation that has ended."""
    if not invite_ids:
        return
    names = {f"id{n}": str(invite_id) for n, invite_id in enumerate(invite_ids)}
    await db.execute(
        f"DELETE FROM outbox WHERE kind IN ('{INVITE_MAIL}', '{REMINDER_MAIL}') "
        f"AND status IN (:{', :'.join(names)})",
        names,
        public=False,
    )


class Invites:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, new: NewInvite, token_key: str, lifetime: float, *, mail: bool) -> Invite:
        """Store an invitation open for `lifetime` seconds; with `mail`, queue its mail with it.

        In the caller's unit of work.
        """
        stamp = clock.now()
        row = await self.db.fetch_one(
            "INSERT INTO invites (token_key, name, email, lang, status, created_at, expires_at) "
            "VALUES (:token_key, :name, :email, :lang, 'created', :now, :expires) "
            f"RETURNING {_COLUMNS}",
            {
                "token_key": token_key,
                "name": new.name,
                "email": new.email or None,
                "lang": new.lang,
                "now": stamp,
                "expires": shifted(stamp, lifetime),
            },
            public=False,
        )
        invite = _invite(row)
        if mail and new.email:
            await queue_mail(
                self.db, INVITE_MAIL, 0, status=str(invite.id), recipient=new.email, lang=new.lang
            )
        return invite

    async def get(self, invite_id: int) -> Invite | None:
        row = await self.db.fetch_one(
            f"SELECT {_COLUMNS} FROM invites WHERE id = :id", {"id": invite_id}
        )
        return _invite(row) if row else None

    async def page(self, search: str, limit: int, offset: int) -> tuple[list[Invite], int]:
        """A page of invitations, newest first, matching `search` in the name or address."""
        where, values = "", {}
        if search:
            where = "WHERE lower(name) LIKE :q ESCAPE '\\' OR email_key LIKE :q ESCAPE '\\'"
            values = {"q": _like(search)}
        rows = await self.db.fetch_all(
            f"SELECT {_COLUMNS} FROM invites {where} ORDER BY id DESC LIMIT :limit OFFSET :offset",
            {**values, "limit": limit, "offset": offset},
        )
        total = await self.db.fetch_val(f"SELECT COUNT(*) FROM invites {where}", values)
        return [_invite(r) for r in rows], int(total or 0)

    async def recently_invited(self, email: str, since: str) -> bool:
        """Whether an open invitation made after `since` already goes to `email`."""
        found = await self.db.fetch_val(
            f"SELECT 1 FROM invites WHERE email_key = :key AND status IN {_OPEN} "
            "AND created_at >= :since LIMIT 1",
            {"key": address_key(email), "since": since},
        )
        return found is not None

    async def mark_mailed(self, invite_id: int) -> bool:
        """The invitation's mail is on its way (a created one only)."""
        found = await self.db.fetch_val(
            "UPDATE invites SET status = 'mailed', mailed_at = :now "
            "WHERE id = :id AND status = 'created' RETURNING id",
            {"id": invite_id, "now": clock.now()},
            public=False,
        )
        return found is not None

    async def mark_opened(self, invite_id: int) -> bool:
        """The client saw the story page (the first time, while the invitation is open)."""
        stamp = clock.now()
        found = await self.db.fetch_val(
            "UPDATE invites SET status = 'opened', opened_at = :now "
            "WHERE id = :id AND status IN ('created', 'mailed') AND expires_at > :now "
            "RETURNING id",
            {"id": invite_id, "now": stamp},
            public=False,
        )
        return found is not None

    async def answer(self, invite_id: int, comment_id: int) -> str | None:
        """Use the invitation up for `comment_id`; its `created_at`, or None when it was not open.

        In the caller's unit of work, after the comment's INSERT: a None there undoes both.
        """
        stamp = clock.now()
        created = await self.db.fetch_val(
            "UPDATE invites SET status = 'answered', answered_at = :now, comment_id = :comment, "
            f"email = NULL WHERE id = :id AND status IN {_OPEN} AND expires_at > :now "
            "RETURNING created_at",
            {"id": invite_id, "comment": comment_id, "now": stamp},
            public=False,
        )
        if created is None:
            return None
        await _drop_mail(self.db, [invite_id])
        return str(created)

    async def withdraw(self, invite_id: int) -> bool:
        """The owner takes an open invitation back: its link is dead, its address gone."""
        async with self.db.transaction():
            found = await self.db.fetch_val(
                "UPDATE invites SET status = 'withdrawn', email = NULL "
                f"WHERE id = :id AND status IN {_OPEN} RETURNING id",
                {"id": invite_id},
                public=False,
            )
            if found is None:
                return False
            await _drop_mail(self.db, [invite_id])
        return True

    async def expire_due(self) -> int:
        """Mark every open invitation past its expiry as expired, dropping its address; how many."""
        async with self.db.transaction():
            rows = await self.db.fetch_all(
                "UPDATE invites SET status = 'expired', email = NULL "
                f"WHERE status IN {_OPEN} AND expires_at <= :now RETURNING id",
                {"now": clock.now()},
                public=False,
            )
            ids = [int(r["id"]) for r in rows]
            await _drop_mail(self.db, ids)
        return len(ids)

    async def queue_reminders(self, after: float) -> int:
        """Queue the one reminder of every mailed, unanswered invitation mailed `after` seconds
        ago or longer; how many. Each is claimed by setting `reminded_at`, so never twice."""
        stamp = clock.now()
        async with self.db.transaction():
            rows = await self.db.fetch_all(
                "UPDATE invites SET reminded_at = :now WHERE status IN ('mailed', 'opened') "
                "AND reminded_at IS NULL AND email IS NOT NULL AND mailed_at IS NOT NULL "
                "AND mailed_at <= :before AND expires_at > :now RETURNING id, email, lang",
                {"now": stamp, "before": shifted(stamp, -after)},
                public=False,
            )
            for row in rows:
                await queue_mail(
                    self.db,
                    REMINDER_MAIL,
                    0,
                    status=str(row["id"]),
                    recipient=row["email"],
                    lang=row["lang"],
                )
        return len(rows)

    async def find(self, email: str) -> list[dict[str, Any]]:
        return await find_invites(self.db, email)

    async def erase(self, email: str) -> int:
        return await erase_invites(self.db, email)


# -- the privacy tools (called by `privacy.py` too, in its erasure's transaction) ---------------


async def find_invites(db: Database, email: str) -> list[dict[str, Any]]:
    """The invitations that still hold `email` (open ones: ended ones hold no address)."""
    rows = await db.fetch_all(
        "SELECT id, name, email, lang, status, created_at, expires_at, mailed_at, reminded_at, "
        "opened_at FROM invites WHERE email_key = :key ORDER BY id",
        {"key": address_key(email)},
    )
    return [dict(r._mapping) for r in rows]


async def erase_invites(db: Database, email: str) -> int:
    """Delete the invitations to `email` and their waiting mail; how many."""
    rows = await db.fetch_all(
        "DELETE FROM invites WHERE email_key = :key RETURNING id",
        {"key": address_key(email)},
        public=False,
    )
    ids = [int(r["id"]) for r in rows]
    await _drop_mail(db, ids)
    return len(ids)

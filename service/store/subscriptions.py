"""Reply subscriptions: a reader asked to hear about replies to one comment (double opt-in).

A row is written with its comment; it sends nothing until the reader follows the confirmation
link. Notices are queued in the transaction that publishes a reply, and `notified_at` keeps them
to one per address and thread per hour. It records a mail the server took, never an attempt: a
sender holds the slot (`notice_held_until`) while it sends and lets it go when the send fails,
so a failed notice is retried and two workers never both send.

An address is matched by its key (`address_key`, kept in the `email_key` column), so the hour
and "never to the reply's own author" hold however the reader capitalised it.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.domain.addresses import address_key
from service.store.clock import later, now
from service.store.engine import Database
from service.store.outbox import LEASE, queue_mail


@dataclass(frozen=True)
class Subscription:
    comment_id: int
    thread_id: int
    email: str
    lang: str
    created_at: str
    confirmed_at: str | None
    notified_at: str | None


async def subscribe(db: Database, comment_id: int, thread_id: int, email: str, lang: str) -> None:
    """Record the wish and queue the confirmation mail; inside the comment's transaction."""
    await db.execute(
        "INSERT INTO subscriptions (comment_id, thread_id, email, lang, created_at) "
        "VALUES (:id, :thread, :email, :lang, :now)",
        {"id": comment_id, "thread": thread_id, "email": email, "lang": lang, "now": now()},
        public=True,
    )
    await queue_mail(db, "confirm", comment_id, recipient=email, lang=lang)


async def queue_reply_notices(db: Database, reply_id: int) -> None:
    """A reply was just published: queue a notice to the confirmed subscriber of its parent.

    Never to the reply's own author (same address). Inside the publishing transaction.
    """
    rows = await db.fetch_all(
        "SELECT s.email, s.lang FROM comments r JOIN subscriptions s ON s.comment_id = r.parent_id "
        "WHERE r.id = :id AND r.status = 'approved' AND s.confirmed_at IS NOT NULL "
        "AND s.email_key <> r.email_key",
        {"id": reply_id},
    )
    for row in rows:
        await queue_mail(db, "reply", reply_id, recipient=row["email"], lang=row["lang"])


def _subscription(row: object) -> Subscription:
    m = row._mapping  # type: ignore[attr-defined]
    return Subscription(
        int(m["comment_id"]),
        int(m["thread_id"]),
        m["email"],
        m["lang"],
        m["created_at"],
        m["confirmed_at"],
        m["notified_at"],
    )


_COLUMNS = "comment_id, thread_id, email, lang, created_at, confirmed_at, notified_at"


class Subscriptions:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def subscribe(self, comment_id: int, thread_id: int, email: str, lang: str) -> None:
        """Record the wish for reply mails and queue its confirmation (in a unit of work)."""
        await subscribe(self.db, comment_id, thread_id, email, lang)

    async def queue_reply_notices(self, reply_id: int) -> None:
        """Queue the notices a reply just published sets off (in the publishing unit of work)."""
        await queue_reply_notices(self.db, reply_id)

    async def get(self, comment_id: int) -> Subscription | None:
        row = await self.db.fetch_one(
            f"SELECT {_COLUMNS} FROM subscriptions WHERE comment_id = :id", {"id": comment_id}
        )
        return _subscription(row) if row else None

    async def for_email(self, email: str) -> list[Subscription]:
        rows = await self.db.fetch_all(
            f"SELECT {_COLUMNS} FROM subscriptions WHERE email_key = :key ORDER BY comment_id",
            {"key": address_key(email)},
        )
        return [_subscription(r) for r in rows]

    async def confirm(self, comment_id: int) -> bool:
        """Confirm the subscription; False when there is none (or it was ended)."""
        changed = await self.db.fetch_val(
            "UPDATE subscriptions SET confirmed_at = COALESCE(confirmed_at, :now) "
            "WHERE comment_id = :id RETURNING comment_id",
            {"id": comment_id, "now": now()},
            public=True,
        )
        return changed is not None

    async def end(self, comment_id: int) -> bool:
        """Unsubscribe: the row goes; False when there was none."""
        gone = await self.db.fetch_val(
            "DELETE FROM subscriptions WHERE comment_id = :id RETURNING comment_id",
            {"id": comment_id},
            public=True,
        )
        return gone is not None

    async def hold_notice(self, email: str, thread_id: int, since: str) -> str | None:
        """Hold the slot for a notice to `email` about `thread_id`; None when it is taken.

        Taken: a notice went out after `since`, or another sender holds it now. One guarded
        UPDATE, so two workers cannot both win; the answer is the hold, for `notice_sent` or
        `release_notice`. A sender that died loses its hold after the outbox's LEASE.
        """
        stamp, until = now(), later(LEASE)
        rows = await self.db.fetch_all(
            "UPDATE subscriptions SET notice_held_until = :until "
            "WHERE email_key = :key AND thread_id = :thread AND confirmed_at IS NOT NULL "
            "AND (notified_at IS NULL OR notified_at <= :since) "
            "AND (notice_held_until IS NULL OR notice_held_until <= :now) "
            "AND NOT EXISTS (SELECT 1 FROM subscriptions o WHERE o.email_key = :key "
            "AND o.thread_id = :thread AND (o.notified_at > :since OR o.notice_held_until > :now)) "
            "RETURNING comment_id",
            {
                "until": until,
                "key": address_key(email),
                "thread": thread_id,
                "since": since,
                "now": stamp,
            },
            public=True,
        )
        return until if rows else None

    async def notice_sent(self, email: str, thread_id: int) -> None:
        """The mail server took the notice: the hour starts now and the hold ends."""
        await self.db.execute(
            "UPDATE subscriptions SET notified_at = :now, notice_held_until = NULL "
            "WHERE email_key = :key AND thread_id = :thread AND confirmed_at IS NOT NULL",
            {"key": address_key(email), "thread": thread_id, "now": now()},
            public=True,
        )

    async def release_notice(self, email: str, thread_id: int, hold: str) -> None:
        """The send failed: let our hold go (only ours) so the retry can take the slot."""
        await self.db.execute(
            "UPDATE subscriptions SET notice_held_until = NULL "
            "WHERE email_key = :key AND thread_id = :thread AND notice_held_until = :hold",
            {"key": address_key(email), "thread": thread_id, "hold": hold},
            public=True,
        )

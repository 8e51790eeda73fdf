"""The outbox: mail waiting to be sent, written in the transaction of the change it tells about.

Kinds: 'owner' (the owner's notice about a new comment), and to a reader: 'manage' (a one-time
link to their comments), 'confirm' (confirm a reply subscription), 'reply' (a reply appeared),
'statement' (a statement of reasons; `status` holds the statement's id), 'report_ack' (a
report was received; to a confirmed address only) and 'ask_consent' (the owner asks an author
to consent again, with a manage link; to a confirmed address only). An owner notice over the
hour's budget becomes 'digest': it waits for the end of the hour, when every digest row then
due goes out as one mail.

A row is claimed before sending (its due time moved past a lease), so two workers never send the
same notice at once, and deleted once the mail server took it; a failure moves the due time on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from service.store.clock import later, now
from service.store.engine import Database
from service.store.log import write_log

ASK_CONSENT = "ask_consent"  # the owner asks an author to consent (again) to testimonial use
LEASE = 120  # seconds a claimed notice is left to its sender before another may try
DIGEST = "digest"


@dataclass(frozen=True)
class Notice:
    id: int
    comment_id: int
    status: str
    attempts: int
    kind: str = "owner"
    recipient: str = ""  # a reader's address; the owner's comes from the settings
    lang: str = ""


def _notice(row: Any) -> Notice:
    return Notice(
        int(row["id"]),
        int(row["comment_id"]),
        row["status"],
        row["attempts"],
        row["kind"],
        row["recipient"],
        row["lang"],
    )


def _later(seconds: float) -> str:
    # The clock's own format, so due times compare as text on every backend.
    return (datetime.now(UTC) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


async def queue_notice(db: Database, comment_id: int, status: str) -> None:
    """Add a notice for a new comment; called inside the comment's transaction."""
    await queue_mail(db, "owner", comment_id, status=status)


async def queue_mail(
    db: Database,
    kind: str,
    comment_id: int,
    *,
    status: str = "",
    recipient: str = "",
    lang: str = "",
) -> None:
    """Add a mail of `kind` about `comment_id` (0 for none) to the outbox."""
    stamp = now()
    await db.execute(
        "INSERT INTO outbox (comment_id, status, attempts, due_at, created_at, kind, recipient, "
        "lang) VALUES (:comment_id, :status, 0, :now, :now, :kind, :recipient, :lang)",
        {
            "comment_id": comment_id,
            "status": status,
            "now": stamp,
            "kind": kind,
            "recipient": recipient,
            "lang": lang,
        },
        public=False,
    )


async def drop_mail_about(db: Database, comment_ids: Sequence[int]) -> None:
    """The comments are going: no queued mail about them stays, nor any to their subscribers.

    That is the owner's notice (or digest line) about each, its confirmation mail, a reply
    notice it set off, and the reply notices waiting for its own subscriber, whose address would
    otherwise outlive it. Called before the comments' replies lose their parent.
    """
    if comment_ids:
        names = {f"id{n}": comment_id for n, comment_id in enumerate(comment_ids)}
        inside = f"(:{', :'.join(names)})"
        await db.execute(
            f"DELETE FROM outbox WHERE comment_id IN {inside} OR (kind = 'reply' AND comment_id "
            f"IN (SELECT id FROM comments WHERE parent_id IN {inside}))",
            names,
            public=False,
        )


class Outbox:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def ask_consent(self, comment_id: int, email: str, lang: str, actor: str) -> None:
        """Queue the owner's request for consent to `email`, logged in the same transaction."""
        async with self.db.transaction():
            await queue_mail(self.db, ASK_CONSENT, comment_id, recipient=email, lang=lang)
            await write_log(self.db, comment_id, ASK_CONSENT, actor, None, None)

    async def claim_due(self, limit: int = 10, *, all_waiting: bool = False) -> list[Notice]:
        """Notices due now (all waiting ones when `all_waiting`), each claimed for LEASE seconds."""
        due = _later(10**8) if all_waiting else now()
        rows = await self.db.fetch_all(
            "SELECT id, comment_id, status, attempts, due_at, kind, recipient, lang FROM outbox "
            "WHERE due_at <= :due "
            "ORDER BY due_at, id LIMIT :limit",
            {"due": due, "limit": limit},
        )
        claimed: list[Notice] = []
        for row in rows:
            won = await self.db.fetch_val(
                "UPDATE outbox SET due_at = :lease WHERE id = :id AND due_at = :seen RETURNING id",
                {"lease": _later(LEASE), "id": row["id"], "seen": row["due_at"]},
                public=False,
            )
            if won is not None:
                claimed.append(_notice(row))
        return claimed

    async def fold_into_digest(self, notice_id: int, seconds: float) -> None:
        """Turn an owner notice into a line of the digest that goes out in `seconds`."""
        await self.db.execute(
            "UPDATE outbox SET kind = :digest, due_at = :due WHERE id = :id",
            {"digest": DIGEST, "due": later(seconds), "id": notice_id},
            public=False,
        )

    async def claim_digest(self) -> list[Notice]:
        """Every digest row due now, claimed in one statement (so no two senders share one)."""
        rows = await self.db.fetch_all(
            "UPDATE outbox SET due_at = :lease WHERE kind = :digest AND due_at <= :now "
            "RETURNING id, comment_id, status, attempts, kind, recipient, lang",
            {"lease": _later(LEASE), "digest": DIGEST, "now": now()},
            public=False,
        )
        found = [_notice(row) for row in rows]
        return sorted(found, key=lambda n: n.id)

    async def release(self, notice_ids: list[int]) -> None:
        """Hand back claimed notices this sender will not settle (it is stopping): due now, so
        the next process sends them at once instead of waiting out the lease."""
        if not notice_ids:
            return
        names = {f"n{i}": notice_id for i, notice_id in enumerate(notice_ids)}
        inside = "(" + ", ".join(f":{name}" for name in names) + ")"
        await self.db.execute(
            f"UPDATE outbox SET due_at = :now WHERE id IN {inside}",
            {"now": now(), **names},
            public=False,
        )

    async def sent(self, notice_id: int) -> None:
        await self.db.execute("DELETE FROM outbox WHERE id = :id", {"id": notice_id}, public=False)

    async def retry_later(self, notice_id: int, seconds: float) -> None:
        await self.db.execute(
            "UPDATE outbox SET attempts = attempts + 1, due_at = :due WHERE id = :id",
            {"due": _later(seconds), "id": notice_id},
            public=False,
        )

    async def queue_notice(self, comment_id: int, status: str) -> None:
        """The owner's notice of a new comment, queued in the comment's unit of work."""
        await queue_notice(self.db, comment_id, status)

    async def queue(self, kind: str, recipient: str, lang: str, comment_id: int = 0) -> None:
        """Queue a mail to a reader outside any other change (a manage link)."""
        await queue_mail(self.db, kind, comment_id, recipient=recipient, lang=lang)

    async def waiting(self) -> int:
        return int(await self.db.fetch_val("SELECT COUNT(*) FROM outbox") or 0)

"""Reports about published comments, and the statements of reasons sent to their authors.

Threat: a report as a way to reach a comment that is not public. A report is stored only while
its comment is published (checked in the INSERT itself), so nobody learns from the answer
whether a waiting, rejected or deleted comment exists.

A report is kept after its comment is deleted: it is the owner's record of what she was told
and what she decided. Everything with an address in it is found, exported and erased by the
privacy store through the `email_key` columns.
"""

from __future__ import annotations

from typing import Any

from service.domain.addresses import address_key
from service.domain.reports import Grounds, NewReport, Report, ReportStatus, Statement
from service.store.clock import now
from service.store.engine import Database
from service.store.log import write_log
from service.store.outbox import queue_mail

STATEMENT = "statement"  # the outbox kind of a statement of reasons; `status` holds its id
REPORT_ACK = "report_ack"  # the outbox kind of the acknowledgement to a confirmed reporter
_REPORT_COLUMNS = "id, comment_id, reason, message, email, lang, status, created_at, decided_at"


def _report(row: Any) -> Report:
    return Report(
        id=int(row["id"]),
        comment_id=int(row["comment_id"]),
        reason=row["reason"],
        message=row["message"],
        email=row["email"],
        lang=row["lang"],
        status=ReportStatus(row["status"]),
        created_at=row["created_at"],
        decided_at=row["decided_at"],
    )


class Reports:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, report: NewReport, client: str, *, acknowledge: bool) -> int | None:
        """Store a report about a published comment; None when the comment is not published.

        With `acknowledge`, the reporter's acknowledgement is queued in the same transaction.
        """
        async with self.db.transaction():
            report_id = await self.db.fetch_val(
                "INSERT INTO reports (comment_id, reason, message, email, lang, client_hash, "
                "status, created_at) SELECT c.id, :reason, :message, :email, :lang, :client, "
                "'open', :now FROM comments c WHERE c.id = :comment_id AND c.status = 'approved' "
                "RETURNING id",
                {
                    "comment_id": report.comment_id,
                    "reason": report.reason,
                    "message": report.message,
                    "email": report.email,
                    "lang": report.lang,
                    "client": client,
                    "now": now(),
                },
                public=False,
            )
            if report_id is None:
                return None
            if acknowledge and report.email:
                await queue_mail(
                    self.db,
                    REPORT_ACK,
                    report.comment_id,
                    recipient=report.email,
                    lang=report.lang,
                )
        return int(report_id)

    async def address_confirmed(self, email: str) -> bool:
        """Whether the reader behind `email` has confirmed it (a confirmed reply subscription)."""
        found = await self.db.fetch_val(
            "SELECT 1 FROM subscriptions WHERE email_key = :key AND confirmed_at IS NOT NULL "
            "LIMIT 1",
            {"key": address_key(email)},
        )
        return found is not None

    async def get(self, report_id: int) -> Report | None:
        row = await self.db.fetch_one(
            f"SELECT {_REPORT_COLUMNS} FROM reports WHERE id = :id", {"id": report_id}
        )
        return _report(row) if row else None

    async def open_reports(self) -> list[Report]:
        """Every open report whose comment still exists, oldest first."""
        rows = await self.db.fetch_all(
            f"SELECT {', '.join('r.' + c for c in _REPORT_COLUMNS.split(', '))} FROM reports r "
            "JOIN comments c ON c.id = r.comment_id WHERE r.status = 'open' ORDER BY r.id"
        )
        return [_report(r) for r in rows]

    async def count_open(self) -> int:
        """How many comments wait for the owner's answer to a report."""
        return int(
            await self.db.fetch_val(
                "SELECT COUNT(DISTINCT r.comment_id) FROM reports r "
                "JOIN comments c ON c.id = r.comment_id WHERE r.status = 'open'"
            )
            or 0
        )

    async def settle(self, comment_id: int, status: ReportStatus, actor: str) -> int:
        """Close every open report about a comment with the owner's decision, logged; how many."""
        async with self.db.transaction():
            rows = await self.db.fetch_all(
                "UPDATE reports SET status = :status, decided_at = :now "
                "WHERE comment_id = :id AND status = 'open' RETURNING id",
                {"status": status.value, "now": now(), "id": comment_id},
                public=False,
            )
            if rows:
                await write_log(
                    self.db,
                    comment_id,
                    f"report_{status.value}",
                    actor,
                    None,
                    None,
                    f"{len(rows)} report(s)",
                )
        return len(rows)

    async def add_statement(
        self,
        comment_id: int,
        decision: str,
        grounds: Grounds,
        email: str,
        lang: str,
        written_at: str,
    ) -> int:
        """Keep a statement of reasons and queue its mail to the author, in one transaction."""
        async with self.db.transaction():
            statement_id = int(
                await self.db.fetch_val(
                    "INSERT INTO statements (comment_id, decision, reason, note, email, lang, "
                    "written_at, created_at) VALUES (:comment_id, :decision, :reason, :note, "
                    ":email, :lang, :written_at, :now) RETURNING id",
                    {
                        "comment_id": comment_id,
                        "decision": decision,
                        "reason": grounds.reason,
                        "note": grounds.note,
                        "email": email,
                        "lang": lang,
                        "written_at": written_at,
                        "now": now(),
                    },
                    public=False,
                )
            )
            await queue_mail(
                self.db,
                STATEMENT,
                comment_id,
                status=str(statement_id),
                recipient=email,
                lang=lang,
            )
        return statement_id

    async def statement(self, statement_id: int) -> Statement | None:
        row = await self.db.fetch_one(
            "SELECT id, comment_id, decision, reason, note, email, lang, written_at "
            "FROM statements WHERE id = :id",
            {"id": statement_id},
        )
        if row is None:
            return None
        return Statement(
            id=int(row["id"]),
            comment_id=int(row["comment_id"]),
            decision=row["decision"],
            reason=row["reason"],
            note=row["note"],
            email=row["email"],
            lang=row["lang"],
            written_at=row["written_at"],
        )

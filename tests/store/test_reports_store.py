"""The reports store on both databases: a report only about a published comment, decisions
closing every open report about it, and statements kept with their address's key."""

from __future__ import annotations

import pytest

from service.domain.comments import Status
from service.domain.reports import Grounds, NewReport, ReportStatus
from service.store import Store
from tests.store.test_store import new

pytestmark = pytest.mark.anyio


def report(comment_id: int, **fields: str) -> NewReport:
    values = {
        "reason": "privacy",
        "message": "Hier staat mijn naam in.",
        "email": "",
        "lang": "nl",
        "form_token": "t",
        "honeypot": "",
        **fields,
    }
    return NewReport(comment_id=comment_id, **values)  # type: ignore[arg-type]


async def test_a_report_is_stored_only_about_a_published_comment(db: Store) -> None:
    waiting = await db.comments.insert(new())
    assert await db.reports.add(report(waiting), "c1", acknowledge=False) is None
    published = await db.comments.insert(new("Een ander verhaal.", status=Status.APPROVED))
    report_id = await db.reports.add(report(published), "c1", acknowledge=False)
    assert report_id is not None
    found = await db.reports.get(report_id)
    assert found is not None and found.status == ReportStatus.OPEN
    assert [r.id for r in await db.reports.open_reports()] == [report_id]
    assert await db.reports.count_open() == 1


async def test_settling_closes_every_open_report_about_the_comment_once(db: Store) -> None:
    comment_id = await db.comments.insert(new(status=Status.APPROVED))
    for _ in range(2):
        await db.reports.add(report(comment_id), "c1", acknowledge=False)
    assert await db.reports.settle(comment_id, ReportStatus.DISMISSED, "owner") == 2
    assert await db.reports.settle(comment_id, ReportStatus.DELETED, "owner") == 0
    assert await db.reports.open_reports() == []
    [entry] = [e for e in await db.log.recent(10) if e.action.startswith("report_")]
    assert (entry.action, entry.detail) == ("report_dismissed", "2 report(s)")


async def test_an_acknowledgement_is_queued_with_the_report_only_when_asked(db: Store) -> None:
    comment_id = await db.comments.insert(new(status=Status.APPROVED))
    await db.reports.add(report(comment_id, email="kees@example.nl"), "c1", acknowledge=False)
    await db.reports.add(report(comment_id, email="kees@example.nl"), "c1", acknowledge=True)
    kinds = [r["kind"] for r in await db.database.fetch_all("SELECT kind FROM outbox")]
    assert kinds.count("report_ack") == 1


async def test_a_statement_written_after_a_deletion_is_kept_and_found_by_its_address_key(
    db: Store,
) -> None:
    comment_id = await db.comments.insert(new(status=Status.APPROVED))
    assert await db.comments.delete(comment_id, "owner")
    statement_id = await db.reports.add_statement(
        comment_id, "deleted", Grounds("spam", ""), "Anna@Example.nl", "nl", "2026-12-07T10:00Z"
    )
    statement = await db.reports.statement(statement_id)
    assert statement is not None and statement.decision == "deleted"
    found = await db.privacy.find("anna@example.nl")
    assert [s["id"] for s in found["statements"]] == [statement_id]
    await db.privacy.erase("ANNA@example.nl", None, "owner")
    assert await db.reports.statement(statement_id) is None


async def test_an_earlier_statement_goes_with_its_comment(db: Store) -> None:
    comment_id = await db.comments.insert(new())
    statement_id = await db.reports.add_statement(
        comment_id, "rejected", Grounds("privacy", ""), "anna@example.nl", "nl", "2026-12-07"
    )
    assert await db.comments.delete(comment_id, "owner")
    assert await db.reports.statement(statement_id) is None

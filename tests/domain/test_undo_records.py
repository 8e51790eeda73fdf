"""Undo records: each kind of change is one type, stored and read back as that same type."""

from __future__ import annotations

import json

import pytest

from service.domain.undo import (
    DemoteUndo,
    DisplayNameUndo,
    PromoteUndo,
    RedactUndo,
    ReplyUndo,
    StatusUndo,
    UndoRecord,
    read_undo,
)

RECORDS: list[UndoRecord] = [
    StatusUndo("pending", "approved"),
    PromoteUndo(0, "", None, "Sinds ik magnesium neem slaap ik beter."),
    PromoteUndo(1, "Eerste excerpt.", "2026-12-01T10:00:00+00:00", "Tweede excerpt."),
    DemoteUndo(),
    ReplyUndo(42),
    RedactUndo("Bel me op 0612345678.", "abc123", "<p>Bel me op 0612345678.</p>", "", "Bel me."),
    DisplayNameUndo(None, "Joost V."),
    DisplayNameUndo("J. V.", None),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: type(record).__name__)
def test_every_record_reads_back_as_itself_through_the_stored_json(record: UndoRecord) -> None:
    before = json.loads(json.dumps(record.before()))
    after = json.loads(json.dumps(record.after()))
    assert read_undo(record.kind, before, after) == record


def test_each_kind_has_its_own_name() -> None:
    kinds = {type(record).kind for record in RECORDS}
    assert kinds == {"status", "promote", "demote", "reply", "redact", "display_name"}


def test_rows_written_by_an_earlier_release_still_read() -> None:
    # The shape the rows had before the records were typed: an upgrade inside an undo window.
    assert read_undo("status", {"status": "pending"}, {"status": "spam"}) == StatusUndo(
        "pending", "spam"
    )
    assert read_undo("reply", {"reply_id": 7}, {}) == ReplyUndo(7)


def test_a_kind_this_release_does_not_know_is_refused() -> None:
    with pytest.raises(ValueError, match="pin"):
        read_undo("pin", {}, {})

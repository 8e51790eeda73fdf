"""The rules of reports and statements of reasons, called with values."""

from __future__ import annotations

import pytest

from service.domain.errors import Refusal
from service.domain.reports import (
    DECISION_REASONS,
    Grounds,
    decision_for,
    parse_grounds,
    parse_report,
)


def test_a_report_keeps_its_fields_trimmed_and_its_address_domain_small() -> None:
    found = parse_report(
        {
            "comment_id": 7,
            "reason": "other",
            "message": "  Dit klopt niet.\r\nEcht niet.  ",
            "email": "Kees@Example.NL",
            "form_token": "t",
        }
    )
    assert (found.comment_id, found.reason, found.message, found.email) == (
        7,
        "other",
        "Dit klopt niet.\nEcht niet.",
        "Kees@example.nl",
    )


@pytest.mark.parametrize("data", [None, [], "x"])
def test_a_report_must_be_an_object(data: object) -> None:
    with pytest.raises(Refusal) as refused:
        parse_report(data)
    assert refused.value.field == "request"


@pytest.mark.parametrize(
    ("reason", "note", "expected"),
    [
        (None, None, None),
        ("", "", None),
        ("spam", None, Grounds("spam", "")),
        ("illegal", "  Een bedreiging.  ", Grounds("illegal", "Een bedreiging.")),
    ],
)
def test_grounds_are_a_known_reason_and_an_optional_line(
    reason: object, note: object, expected: Grounds | None
) -> None:
    assert parse_grounds(reason, note) == expected


@pytest.mark.parametrize(("reason", "note"), [("rude", ""), (3, ""), ("", "alleen uitleg")])
def test_an_unknown_or_missing_reason_is_refused_naming_it(reason: object, note: str) -> None:
    with pytest.raises(Refusal) as refused:
        parse_grounds(reason, note)
    assert refused.value.field == "reason"


def test_the_decision_reasons_include_the_policys_own() -> None:
    assert {"privacy", "spam", "off_topic", "health_claim"} <= set(DECISION_REASONS)


@pytest.mark.parametrize(
    ("previous", "action", "decision"),
    [
        ("pending", "reject", "rejected"),
        ("spam", "reject", "rejected"),
        ("approved", "reject", "unpublished"),
        ("approved", "delete", "deleted"),
        ("pending", "delete", "deleted"),
        ("pending", "approve", None),
        ("approved", "spam", None),
    ],
)
def test_a_statement_names_the_decision_as_the_writer_sees_it(
    previous: str, action: str, decision: str | None
) -> None:
    assert decision_for(previous, action) == decision

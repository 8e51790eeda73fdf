"""Reports and statements of reasons: what the Digital Services Act asks of a comment section.

Art. 16: anyone can tell the host that a published comment should not be there, and why.
Art. 17: a writer whose comment the host takes down (or does not publish) is told what was
decided, on which ground, that a person decided it, and how to answer.

Pure: the reasons are fixed lists here; the use cases decide who is told.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from service.domain.errors import Kind, Refusal
from service.domain.validation import LANGUAGES, MAX_ID, clean_body, clean_email, clean_line

# What a reader may say is wrong with a comment.
REPORT_REASONS = ("illegal", "privacy", "spam", "other")
# Why the owner took a comment down: the review policy's reasons for not publishing a story
# (service.web.policy), and unlawful content, the ground a report of illegal content gives.
DECISION_REASONS = ("privacy", "spam", "off_topic", "health_claim", "illegal")
MAX_MESSAGE = 2000  # characters of a reporter's explanation
MAX_REPORT_LINKS = 5  # links in it: enough to point at a source, too few for a spam run
MAX_NOTE = 300  # characters of the owner's own line in a statement of reasons
REPORT_FIELDS = {"comment_id", "reason", "message", "email", "form_token", "hp", "lang"}


class ReportStatus(enum.StrEnum):
    OPEN = "open"
    DISMISSED = "dismissed"
    UNPUBLISHED = "unpublished"
    DELETED = "deleted"


# The owner's answer to a report -> the status its reports get.
REPORT_DECISIONS = {
    "dismiss": ReportStatus.DISMISSED,
    "unpublish": ReportStatus.UNPUBLISHED,
    "delete": ReportStatus.DELETED,
}


@dataclass(frozen=True)
class NewReport:
    """A reader's report that passed validation, not yet checked against the form token."""

    comment_id: int
    reason: str
    message: str
    email: str
    lang: str
    form_token: str
    honeypot: str


@dataclass(frozen=True)
class Report:
    id: int
    comment_id: int
    reason: str
    message: str
    email: str
    lang: str
    status: ReportStatus
    created_at: str
    decided_at: str | None = None


@dataclass(frozen=True)
class Grounds:
    """Why the owner took a comment down: one of DECISION_REASONS and her optional line."""

    reason: str
    note: str = ""


@dataclass(frozen=True)
class Statement:
    """A statement of reasons as stored for its mail: the decision, the grounds, to whom."""

    id: int
    comment_id: int
    decision: str  # "rejected", "unpublished" or "deleted"
    reason: str
    note: str
    email: str
    lang: str
    written_at: str  # when the comment was written: names it without quoting it


def parse_report(data: Any) -> NewReport:
    """A report from a reader's request: known fields only, each checked and bounded."""
    if not isinstance(data, dict):
        raise Refusal(
            "request", "not_an_object", "the request body must be a JSON object", Kind.MALFORMED
        )
    unknown = sorted(set(data) - REPORT_FIELDS)
    if unknown:
        raise Refusal(unknown[0], "unknown_field", f"{unknown[0]} is not a field this API takes")
    comment_id = data.get("comment_id")
    if (
        not isinstance(comment_id, int)
        or isinstance(comment_id, bool)
        or not 0 < comment_id <= MAX_ID
    ):
        raise Refusal("comment_id", "out_of_range", "comment_id must be the id of a comment")
    reason = data.get("reason")
    if reason not in REPORT_REASONS:
        raise Refusal("reason", "invalid", f"reason must be one of {', '.join(REPORT_REASONS)}")
    message = clean_body(data, MAX_MESSAGE, MAX_REPORT_LINKS, name="message")
    lang = data.get("lang", "")
    if lang not in ("", *LANGUAGES):
        raise Refusal("lang", "unsupported", f"lang must be one of {', '.join(LANGUAGES)}")
    return NewReport(
        comment_id=comment_id,
        reason=reason,
        message=message,
        email=clean_email(data),
        lang=lang,
        form_token=clean_line(data, "form_token", 400, required=True),
        honeypot=clean_line(data, "hp", 400),
    )


def parse_grounds(reason: Any, note: Any) -> Grounds | None:
    """The grounds the owner gave with a decision; None when she gave none (no statement)."""
    line = clean_line({"reason_note": note}, "reason_note", MAX_NOTE)
    if reason is None or reason == "":
        if line:
            raise Refusal("reason", "required", "give a reason with reason_note")
        return None
    if reason not in DECISION_REASONS:
        raise Refusal("reason", "invalid", f"reason must be one of {', '.join(DECISION_REASONS)}")
    return Grounds(reason, line)


def decision_for(previous: str, action: str) -> str | None:
    """What a statement calls the owner's decision: a rejection of a comment that was published
    is an unpublishing. None for a change that takes nothing down."""
    if action == "delete":
        return "deleted"
    if action == "reject":
        return "unpublished" if previous == "approved" else "rejected"
    return None

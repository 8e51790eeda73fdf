"""Undo: what one owner change replaced, kept for a short window so the owner can take it back.

Pure: no I/O. The use case hands the store an `UndoTicket` with each change; the store keeps the
replaced state under the ticket's batch until the window ends or the comment changes again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class UndoTicket:
    """One owner action (a bulk action is one, over many comments) and how long it may be undone."""

    batch: str
    seconds: int


@dataclass(frozen=True)
class Undone:
    """What an undo put back: per comment, the kind of change taken back."""

    comment_id: int
    kind: str
    status: str = ""  # for a status change: the status put back ...
    undone_status: str = ""  # ... and the one taken back


# -- what each kind of change replaced: one typed record per kind, written and read as one ------
#
# The rows keep the shape they always had (`kind`, a `before` and an `after` JSON object), so undo
# rows written by an older release still read back during an upgrade's undo window.


@dataclass(frozen=True)
class StatusUndo:
    """A status change: put `was` back while the comment still has status `became`."""

    was: str
    became: str
    kind: ClassVar[str] = "status"

    def before(self) -> dict[str, Any]:
        return {"status": self.was}

    def after(self) -> dict[str, Any]:
        return {"status": self.became}


@dataclass(frozen=True)
class PromoteUndo:
    """A promotion (or a new excerpt): the testimonial state before, while `shown` is shown."""

    testimonial: int
    excerpt: str
    promoted_at: str | None
    shown: str
    kind: ClassVar[str] = "promote"

    def before(self) -> dict[str, Any]:
        return {
            "testimonial": self.testimonial,
            "excerpt": self.excerpt,
            "promoted_at": self.promoted_at,
        }

    def after(self) -> dict[str, Any]:
        return {"excerpt": self.shown}


@dataclass(frozen=True)
class DemoteUndo:
    """A testimonial taken off the wall: it goes back while the author's consent holds."""

    kind: ClassVar[str] = "demote"

    def before(self) -> dict[str, Any]:
        return {}

    def after(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class ReplyUndo:
    """An owner reply: taking it back deletes reply `reply_id`."""

    reply_id: int
    kind: ClassVar[str] = "reply"

    def before(self) -> dict[str, Any]:
        return {"reply_id": self.reply_id}

    def after(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class RedactUndo:
    """A redaction: the words it cut, put back while the comment still shows `shown`."""

    body: str
    body_hash: str
    html: str
    excerpt: str
    shown: str
    kind: ClassVar[str] = "redact"

    def before(self) -> dict[str, Any]:
        return {
            "body": self.body,
            "body_hash": self.body_hash,
            "html": self.html,
            "excerpt": self.excerpt,
        }

    def after(self) -> dict[str, Any]:
        return {"body": self.shown}


@dataclass(frozen=True)
class DisplayNameUndo:
    """A testimonial's shown name: `was` back while it still shows `chosen` (None: the default)."""

    was: str | None
    chosen: str | None
    kind: ClassVar[str] = "display_name"

    def before(self) -> dict[str, Any]:
        return {"display_name": self.was}

    def after(self) -> dict[str, Any]:
        return {"display_name": self.chosen}


UndoRecord = StatusUndo | PromoteUndo | DemoteUndo | ReplyUndo | RedactUndo | DisplayNameUndo


def read_undo(kind: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> UndoRecord:
    """The typed record of a stored undo row; ValueError for a kind this release does not know."""
    if kind == StatusUndo.kind:
        return StatusUndo(str(before["status"]), str(after["status"]))
    if kind == PromoteUndo.kind:
        return PromoteUndo(
            int(before["testimonial"]),
            str(before["excerpt"]),
            before.get("promoted_at"),
            str(after["excerpt"]),
        )
    if kind == DemoteUndo.kind:
        return DemoteUndo()
    if kind == ReplyUndo.kind:
        return ReplyUndo(int(before["reply_id"]))
    if kind == RedactUndo.kind:
        return RedactUndo(
            str(before["body"]),
            str(before["body_hash"]),
            str(before["html"]),
            str(before["excerpt"]),
            str(after["body"]),
        )
    if kind == DisplayNameUndo.kind:
        return DisplayNameUndo(before.get("display_name"), after.get("display_name"))
    raise ValueError(f"unknown undo kind {kind!r}")

"""Undo: what one owner change replaced, kept for a short window so the owner can take it back.

Pure: no I/O. The use case hands the store an `UndoTicket` with each change; the store keeps the
replaced state under the ticket's batch until the window ends or the comment changes again.
"""

from __future__ import annotations

from dataclasses import dataclass


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

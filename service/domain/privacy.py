"""A reader's privacy request: what an erasure removed, so the owner can tell the reader.

Pure: no I/O. The store counts while it erases; the owner's pages and API show the counts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Erasure:
    """What one erasure removed; `anonymised` says the comments were kept as "a reader"."""

    comments: int
    anonymised: bool
    subscriptions: int
    log_rows: int

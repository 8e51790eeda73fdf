"""The one clock the store writes with."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> str:
    """UTC time as fixed-width ISO 8601 text, so it sorts the same on every backend."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

"""The one clock the store writes with."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def now() -> str:
    """UTC time as fixed-width ISO 8601 text, so it sorts the same on every backend."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def later(seconds: float) -> str:
    """`now()` plus `seconds`, in the same format, so expiries compare as text."""
    return (datetime.now(UTC) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

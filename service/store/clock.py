"""The one clock the store writes with."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def now() -> str:
    """UTC time as fixed-width ISO 8601 text, so it sorts the same on every backend."""
    return datetime.now(UTC).strftime(_FORMAT)


def later(seconds: float) -> str:
    """UTC time `seconds` from now, in the same text form as `now()`."""
    return (datetime.now(UTC) + timedelta(seconds=seconds)).strftime(_FORMAT)

"""The one error the domain and the use cases raise: what went wrong, about which field.

It carries a kind, never an HTTP status: the web edge maps kinds to statuses in one table
(`service.web.http.STATUS`), so the same rule answers the same way on every channel.
"""

from __future__ import annotations

import enum
from typing import Any


class Kind(enum.StrEnum):
    INVALID = "invalid"  # a field breaks a rule
    MALFORMED = "malformed"  # the request as a whole is not of the expected shape
    FORBIDDEN = "forbidden"  # the caller may not do this
    NOT_FOUND = "not_found"  # the thing named does not exist (for this caller)
    CONFLICT = "conflict"  # the thing is not in a state that allows this
    RATE_LIMITED = "rate_limited"  # too many attempts; see retry_after


class Refusal(Exception):
    """A request the domain refuses, naming the field, a machine code and a readable message."""

    def __init__(
        self,
        field: str | None,
        code: str,
        message: str,
        kind: Kind = Kind.INVALID,
        *,
        retry_after: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message
        self.kind = kind
        self.retry_after = retry_after
        self.details = details or {}  # more for the caller, e.g. the hints to confirm


def not_found(message: str = "no such comment", field: str = "id") -> Refusal:
    return Refusal(field, "not_found", message, Kind.NOT_FOUND)

"""What the owner read: a short version of a comment's text that any change to it moves.

An approval or a promotion carries the version of the text on the owner's screen, so an
author's edit (or a redaction in another tab) between loading the page and clicking never
publishes words she has not seen. Exact, not normalised like the duplicate key: a change of
case or punctuation is a change she has not read either.
"""

from __future__ import annotations

import hashlib
from typing import Any

from service.domain.errors import Refusal

VERSION_LENGTH = 32  # hex characters: 128 bits of SHA-256


def text_version(body: str) -> str:
    """The version of `body` the owner's page and the owner API call `seen`."""
    return hashlib.sha256(body.encode()).hexdigest()[:VERSION_LENGTH]


def _is_version(value: Any) -> bool:
    return (
        isinstance(value, str)
        and len(value) == VERSION_LENGTH
        and all(c in "0123456789abcdef" for c in value)
    )


def parse_seen(value: Any, field: str = "seen") -> str | None:
    """The version of the text the owner read: absent (None), or a comment's `seen`."""
    if value is None:
        return None
    if not _is_version(value):
        raise Refusal(field, "invalid", f"{field} must be the comment's seen, as the API gives it")
    return str(value)


def parse_seen_map(value: Any, limit: int) -> dict[int, str]:
    """For a bulk action: the version read of each comment, `{"12": "<seen>", ...}`."""
    if value is None:
        return {}
    if not isinstance(value, dict) or len(value) > limit:
        raise Refusal("seen", "invalid", f"seen must map up to {limit} comment ids to their seen")
    versions: dict[int, str] = {}
    for key, version in value.items():
        if not (isinstance(key, str) and key.isascii() and key.isdigit() and 0 < len(key) < 19):
            raise Refusal("seen", "invalid", "seen must be keyed by comment ids")
        if not _is_version(version):
            raise Refusal("seen", "invalid", f"seen for {key} must be that comment's seen")
        versions[int(key)] = version
    return versions

"""Readers' names: plain visible text that can travel in a mail header, never the owner's name.

Threat: a reader who posts as the owner ("Sanne", "Ѕаnnе" in Cyrillic, "San\u200bne" with a
zero-width space, a direction mark) to put words in the owner's mouth; and a name with a line or
paragraph separator (U+2028/2029) or another format character that breaks or hides in the
owner's notice. Look-alikes are compared by `normalise.skeleton`, the Unicode confusables
skeleton (UTS #39) as ICU computes it after every invisible character is gone and case and
compatibility forms are folded: the same one the owner's rules and duplicates use.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from service.domain.errors import Refusal
from service.domain.normalise import skeleton

__all__ = ["refuse_hidden_characters", "refuse_impersonation", "skeleton"]

# Other (control, format) and the line and paragraph separators: never part of a name.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


def refuse_hidden_characters(field: str, value: str) -> None:
    """A name may hold no control, format, line or paragraph separator character."""
    for char in value:
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise Refusal(
                field,
                "control_character",
                f"{field} contains an invisible or control character (U+{ord(char):04X})",
            )


def refuse_impersonation(field: str, name: str, protected: Iterable[str]) -> None:
    """Refuse a name that looks like one of `protected` (the owner's and the site's)."""
    shape = skeleton(name)
    for reserved in protected:
        if reserved and skeleton(reserved) == shape:
            raise Refusal(
                field,
                "reserved_name",
                f"{field} looks like the name of this site's owner; please use your own name",
            )

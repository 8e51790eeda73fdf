"""Readers' names: plain visible text that can travel in a mail header, never the owner's name.

Threat: a reader who posts as the owner ("Sanne", "Ѕаnnе" in Cyrillic, "San\u200bne" with a
zero-width space, a direction mark) to put words in the owner's mouth; and a name with a line or
paragraph separator (U+2028/2029) or another format character that breaks or hides in the
owner's notice. Look-alikes are compared by the Unicode confusables skeleton (UTS #39) as ICU
computes it, after case folding and removing format characters; no hand-made table.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any

import icu

from service.domain.errors import Refusal

# Other (control, format) and the line and paragraph separators: never part of a name.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


@cache
def _checker() -> Any:
    return icu.SpoofChecker()


def refuse_hidden_characters(field: str, value: str) -> None:
    """A name may hold no control, format, line or paragraph separator character."""
    for char in value:
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise Refusal(
                field,
                "control_character",
                f"{field} contains an invisible or control character (U+{ord(char):04X})",
            )


def skeleton(name: str) -> str:
    """What a name looks like: format characters gone, compatibility and case folded, confusables
    folded. Only for comparing names, never shown or stored."""
    visible = "".join(c for c in name if unicodedata.category(c) not in _REFUSED_CATEGORIES)
    # NFKC here only for comparing (fullwidth "Ｓ" is "S"); stored names are never changed.
    folded = " ".join(unicodedata.normalize("NFKC", visible).casefold().split())
    # getSkeleton(0, ...) is UTS #39's skeleton for any script mix; it may yield capitals.
    shape: str = _checker().getSkeleton(0, folded)
    return " ".join(unicodedata.normalize("NFC", shape).casefold().split())


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

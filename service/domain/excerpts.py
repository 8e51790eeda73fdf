"""Owner cuts of a reader's words: the excerpt shown as a testimonial, and redactions.

Both may only take words away, never add or reword: what stays must be the author's own.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from service.domain.errors import Refusal
from service.domain.validation import clean_body


def parse_excerpt(body: str, excerpt: Any) -> str:
    """An owner-chosen excerpt must be the author's own words: a passage of the text."""
    if excerpt is None or excerpt == "":
        return ""
    if not isinstance(excerpt, str):
        raise Refusal("excerpt", "not_a_string", "excerpt must be a string")
    passage = " ".join(unicodedata.normalize("NFC", excerpt).split())
    if passage not in " ".join(body.split()):
        raise Refusal("excerpt", "not_in_text", "excerpt must be a passage of the comment's text")
    return passage


REDACTION_MARK = "[…]"


def parse_redaction(original: str, data: Any, max_length: int, max_links: int) -> str:
    """The owner's redacted text: the author's words with passages cut, each cut marked [...].

    Nothing may be added or reworded: every piece between the marks must stand, in order, in the
    original. So a phone number or a surname can go, but the story stays the author's own.
    """
    if not isinstance(data, dict) or set(data) != {"body"}:
        raise Refusal("body", "required", 'send {"body": "..."}')
    draft = data["body"]
    if not isinstance(draft, str):
        raise Refusal("body", "not_a_string", "body must be a string")
    text = clean_body({"body": draft.replace("[...]", REDACTION_MARK)}, max_length, max_links)
    if REDACTION_MARK not in text:
        raise Refusal("body", "no_cut", f"mark each removed passage with {REDACTION_MARK}")
    source = " ".join(original.split())
    position = 0
    for piece in text.split(REDACTION_MARK):
        words = " ".join(piece.split())
        if not words:
            continue
        found = source.find(words, position)
        if found < 0:
            raise Refusal(
                "body", "not_a_redaction", "only remove words; everything left must be the author's"
            )
        position = found + len(words)
    return text

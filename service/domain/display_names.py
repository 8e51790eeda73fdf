"""The name a testimonial shows: only ever a shortening of what the author typed.

Why: a client's full name next to "slapeloosheid" on a practice's homepage says more than she
chose to say. The default shows the first name and the initial of the last word ("Joost de
Vries" → "Joost V."); the client (on the story page) or the owner may pick a shorter form, or
"a client". The owner may never put new words in the author's mouth, so a display name is
accepted only when `is_shortening` says it is made of the author's own words: words dropped,
words cut to their initial, or the anonymous word of one of Chorus's languages.
"""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = [
    "NAME_STYLES",
    "default_display_name",
    "display_name",
    "is_shortening",
    "styled_name",
]

# How a client may ask to be named, in the order the story page offers them.
NAME_STYLES: tuple[str, ...] = ("full", "first_initial", "initials", "client")

_INITIAL = re.compile(r"^(\w)\.?$", re.UNICODE)


def _words(name: str) -> list[str]:
    return [word for word in name.split() if word]


def _initial(word: str) -> str:
    return f"{word[0].upper()}."


def styled_name(author: str, style: str, client_word: str) -> str:
    """The author's name in one of NAME_STYLES; `client_word` is "een cliënt" or "a client"."""
    words = _words(author)
    if style == "client" or not words:
        return client_word
    if style == "full":
        return " ".join(words)
    if style == "initials":
        return " ".join(_initial(word) for word in words)
    if len(words) == 1:
        return words[0]
    return f"{words[0]} {_initial(words[-1])}"


def default_display_name(author: str, client_word: str) -> str:
    """First name and the initial of the last word: "Joost de Vries" → "Joost V."."""
    return styled_name(author, "first_initial", client_word)


def display_name(author: str, chosen: str | None, client_word: str) -> str:
    """What a testimonial shows: the chosen name when one was recorded, else the default."""
    return chosen if chosen else default_display_name(author, client_word)


def is_shortening(author: str, candidate: str, client_words: Collection[str]) -> bool:
    """Whether `candidate` is the author's own name with words dropped or cut to an initial.

    The words must keep their order; each is either one of the author's words exactly (case
    kept, as the author wrote it) or its initial, with or without a full stop. "a client" in
    any of Chorus's languages (`client_words`) is always a shortening.
    """
    candidate = " ".join(_words(candidate))
    if not candidate:
        return False
    if candidate.casefold() in {word.casefold() for word in client_words}:
        return True
    remaining = _words(author)
    for part in _words(candidate):
        while remaining:
            word = remaining.pop(0)
            if part == word:
                break
            initial = _INITIAL.match(part)
            if initial and initial.group(1).casefold() == word[0].casefold():
                break
        else:
            return False
    return True

"""Owner cuts of a reader's words: the excerpt shown as a testimonial, and redactions.

Both may only take words away, never add or reword: what stays must be the author's own. And a
cut must not turn the meaning around: "it did not cure my insomnia" may not become "cure my
insomnia". So a cut that drops a negation (nl: niet, geen, nooit ...; en: not, no, never, n't
...) from a sentence whose other words stay is refused; the owner can cut the whole sentence.
An excerpt is shown with "…" wherever the author's text goes on before or after it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from service.domain.errors import Refusal
from service.domain.validation import clean_body

# The negations whose loss turns a sentence around, in the languages readers write in.
NEGATIONS = frozenset(
    {
        # Dutch
        "niet",
        "geen",
        "nooit",
        "niemand",
        "niets",
        "nergens",
        "niks",
        "noch",
        "nimmer",
        "geenszins",
        # English (and "n't" in any contraction: don't, can't, won't, isn't ...)
        "not",
        "no",
        "never",
        "nothing",
        "none",
        "nobody",
        "nowhere",
        "neither",
        "nor",
        "cannot",
        # German
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "nie",
        "niemals",
        "nichts",
        "nirgends",
        "nirgendwo",
        "weder",
        # French (and "n'" before any verb: n'ai, n'est ...); "personne" and "plus" mean a
        # person and "more" as often as "nobody" and "no longer", and "ne" stays beside them
        "ne",
        "pas",
        "jamais",
        "rien",
        "aucun",
        "aucune",
        "nullement",
        "ni",
    }
)
ELLIPSIS = "…"
# A word: letters and digits, with inner apostrophes ("didn't", "zo'n"); bounded, so linear.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def is_negation(word: str) -> bool:
    folded = word.casefold().replace("’", "'")
    return folded in NEGATIONS or folded.endswith("n't") or folded.startswith("n'")


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int
    sentence: int


def flatten(text: str) -> str:
    """The text as one line with single spaces: the form excerpts and cuts are matched in."""
    return " ".join(text.split())


def _words(text: str) -> list[_Word]:
    """The words of `flatten(text)` with their places and the sentence each belongs to.

    Sentences end at . ! ? … followed by a space, and at every line break of the original.
    """
    words: list[_Word] = []
    offset = 0
    sentence = 0
    for line in text.splitlines():
        flat = flatten(line)
        if not flat:
            continue
        for part in _SENTENCE_END.split(flat):
            for match in _WORD.finditer(part):
                words.append(
                    _Word(match.group(), offset + match.start(), offset + match.end(), sentence)
                )
            offset += len(part) + 1
            sentence += 1
    return words


def dropped_negation(text: str, kept: list[tuple[int, int]]) -> str | None:
    """The first negation a cut drops from a sentence that keeps other words, else None.

    `kept` are the (start, end) ranges of `flatten(text)` that stay. A negation that stays only
    in part ("did" kept of "didn't") counts as dropped.
    """

    def inside(word: _Word) -> bool:
        return any(start <= word.start and word.end <= end for start, end in kept)

    def touched(word: _Word) -> bool:
        return any(start < word.end and word.start < end for start, end in kept)

    words = _words(text)
    kept_sentences = {w.sentence for w in words if touched(w)}
    for word in words:
        if word.sentence in kept_sentences and is_negation(word.text) and not inside(word):
            return word.text
    return None


def _refuse_dropped(field: str, word: str) -> Refusal:
    return Refusal(
        field,
        "drops_negation",
        f'this cut drops "{word}" from a sentence whose other words stay, which can turn its '
        f'meaning around; keep "{word}" or cut the whole sentence',
    )


def _at_word_edges(source: str, start: int, end: int) -> bool:
    """Whether no word of `source` runs across `start` or `end` ("Zo" of "Zo'n" does)."""
    return not any(
        word.start() < edge < word.end() for word in _WORD.finditer(source) for edge in (start, end)
    )


def sentences(text: str) -> list[str]:
    """The sentences of `flatten(text)`, in order: joined by single spaces they are that text.

    Sentences end as for `dropped_negation`: at . ! ? … followed by a space, and at line breaks.
    """
    found: list[str] = []
    for line in text.splitlines():
        flat = flatten(line)
        if flat:
            found.extend(_SENTENCE_END.split(flat))
    return found


def passage_without(text: str, unwanted: Callable[[str], bool]) -> str:
    """The longest run of whole sentences of `text` none of which is `unwanted`.

    For a story with a health claim: the sentences the practice may quote (a passage of the
    text, so a valid excerpt). "" when every sentence is unwanted, or none is (then the whole
    text is no cut at all). Of two runs as long, the first.
    """
    parts = sentences(text)
    best: list[str] = []
    run: list[str] = []
    for part in parts:
        if unwanted(part):
            run = []
            continue
        run.append(part)
        if len(" ".join(run)) > len(" ".join(best)):
            best = list(run)
    return "" if len(best) == len(parts) else " ".join(best)


def parse_excerpt(body: str, excerpt: Any) -> str:
    """An owner-chosen excerpt must be the author's own words: a passage of the text.

    It starts and ends at word edges, and may not drop a negation from a sentence it keeps.
    """
    if excerpt is None or excerpt == "":
        return ""
    if not isinstance(excerpt, str):
        raise Refusal("excerpt", "not_a_string", "excerpt must be a string")
    passage = flatten(unicodedata.normalize("NFC", excerpt))
    source = flatten(body)
    start = source.find(passage) if passage else -1
    if start < 0:
        raise Refusal("excerpt", "not_in_text", "excerpt must be a passage of the comment's text")
    end = start + len(passage)
    if not _at_word_edges(source, start, end):
        raise Refusal("excerpt", "partial_word", "excerpt must start and end with whole words")
    word = dropped_negation(body, [(start, end)])
    if word is not None:
        raise _refuse_dropped("excerpt", word)
    return passage


def shown_excerpt(body: str, excerpt: str) -> str:
    """The excerpt as the public sees it: "…" wherever the author's text goes on beyond it."""
    source = flatten(body)
    start = source.find(excerpt)
    if not excerpt or start < 0:
        return excerpt
    lead = f"{ELLIPSIS} " if start > 0 else ""
    trail = f" {ELLIPSIS}" if start + len(excerpt) < len(source) else ""
    return f"{lead}{excerpt}{trail}"


REDACTION_MARK = "[…]"


def parse_redaction(original: str, data: Any, max_length: int, max_links: int) -> str:
    """The owner's redacted text: the author's words with passages cut, each cut marked [...].

    Nothing may be added or reworded: every piece between the marks must stand, in order, in the
    original. So a phone number or a surname can go, but the story stays the author's own, and
    no cut may drop a negation from a sentence whose other words stay.
    """
    if not isinstance(data, dict) or set(data) != {"body"}:
        raise Refusal("body", "required", 'send {"body": "..."}')
    draft = data["body"]
    if not isinstance(draft, str):
        raise Refusal("body", "not_a_string", "body must be a string")
    text = clean_body({"body": draft.replace("[...]", REDACTION_MARK)}, max_length, max_links)
    if REDACTION_MARK not in text:
        raise Refusal("body", "no_cut", f"mark each removed passage with {REDACTION_MARK}")
    source = flatten(original)
    position = 0
    kept: list[tuple[int, int]] = []
    for piece in text.split(REDACTION_MARK):
        words = flatten(piece)
        if not words:
            continue
        found = source.find(words, position)
        if found < 0:
            raise Refusal(
                "body", "not_a_redaction", "only remove words; everything left must be the author's"
            )
        position = found + len(words)
        kept.append((found, position))
    word = dropped_negation(original, kept)
    if word is not None:
        raise _refuse_dropped("body", word)
    return text

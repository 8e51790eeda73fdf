"""Excerpts at their edges: blank lines, later sentences, word ends, and cuts inside a sentence."""

from __future__ import annotations

from typing import Any

import pytest

from service.domain.errors import Refusal
from service.domain.excerpts import (
    dropped_negation,
    flatten,
    is_negation,
    parse_excerpt,
    parse_redaction,
    shown_excerpt,
)

STORY = "Fijne plek. De thee was lekker. Ik sliep er niet beter. Wel rustig."


def refusal_code(body: str, excerpt: Any) -> str:
    with pytest.raises(Refusal) as caught:
        parse_excerpt(body, excerpt)
    assert caught.value.field == "excerpt"
    return caught.value.code


# (body, excerpt, the code it is refused with, or None when it is the author's words intact)
CUTS = [
    # A blank line ends a sentence, and what follows it is read all the same.
    ("Fijne plek.\n\nIk sliep er niet beter.", "Ik sliep er", "drops_negation"),
    ("Fijne plek.\n\nIk sliep er niet beter.", "Ik sliep er niet beter.", None),
    ("Fijne plek.\n\n\nIk sliep niet.\n\nWel rustig.", "Wel rustig.", None),
    ("Fijne plek\n\nniet beter geslapen", "Fijne plek", None),
    ("Fijne plek\n  \nnooit meer pijn", "meer pijn", "drops_negation"),
    # A negation in the third sentence guards that sentence, and that sentence only.
    (STORY, "Ik sliep er", "drops_negation"),
    (STORY, "er niet beter.", None),
    (STORY, "beter. Wel rustig.", "drops_negation"),
    (STORY, "De thee was lekker.", None),
    (STORY, "Wel rustig.", None),
    (STORY, "lekker. Ik sliep er niet beter. Wel", None),
    ("Een. Twee. Drie niet. Vier. Vijf.", "Vier.", None),
    ("Een. Twee. Drie. Vier niet. Vijf.", "Drie.", None),
    ("Een. Twee. Drie. Vier niet goed. Vijf.", "Vier", "drops_negation"),
    ("Een! Twee? Drie… Vier niet goed.", "Vier", "drops_negation"),
    ("Een! Twee? Drie… Vier niet goed.", "Drie…", None),
    # German and French negations guard their sentence the same way.
    ("Schöner Ort. Ich schlief dort nicht besser.", "Ich schlief dort", "drops_negation"),
    ("Schöner Ort. Ich schlief dort nicht besser.", "Ich schlief dort nicht besser.", None),
    ("Bel endroit. Je n'ai pas mieux dormi.", "mieux dormi.", "drops_negation"),
    ("Bel endroit. Je n'ai jamais eu mal depuis.", "Je n'ai jamais eu mal depuis.", None),
    # An excerpt ends where a word ends, and starts where one starts.
    ("Ik sliep als een roos.", "Ik sliep als een ro", "partial_word"),
    ("Ik sliep als een roos.", "Ik sli", "partial_word"),
    ("Ik sliep als een roos.", "sliep als een roos", None),  # the full stop may go
    ("Ik sliep als een roos.", "Ik sliep", None),
    ("Ik sliep als een roos.", "s een", "partial_word"),
    ("Zo'n fijne plek.", "Zo", "partial_word"),  # an apostrophe inside a word keeps it whole
    ("Zo'n fijne plek.", "n fijne plek.", "partial_word"),
    ("It didn't help.", "It did", "partial_word"),  # half a negation is half a word
    ("I can’t say it helped.", "I can", "partial_word"),
    ("Rust, ruimte.", "Rust,", None),
    ("Rust, ruimte.", ", ruimte.", None),
    # Cuts inside a sentence keep its meaning only while they keep its negation.
    ("Het hielp niet meteen, maar na drie weken sliep ik goed.", "Het hielp niet meteen,", None),
    (
        "Het hielp niet meteen, maar na drie weken sliep ik goed.",
        "na drie weken sliep ik goed.",
        "drops_negation",
    ),
    ("I was not sure, yet it helped.", "I was not sure,", None),
    ("I was not sure, yet it helped.", "yet it helped.", "drops_negation"),
    ("Geen pijn meer en ik slaap door.", "Geen pijn meer", None),
    ("Geen pijn meer en ik slaap door.", "ik slaap door.", "drops_negation"),
    # Not the author's words at all.
    ("Fijne plek.", "Mooie plek.", "not_in_text"),
    ("Fijne plek.", "plek. Fijne", "not_in_text"),
    ("Fijne plek.", "   ", "not_in_text"),
]


@pytest.mark.parametrize(("body", "excerpt", "code"), CUTS)
def test_an_excerpt_keeps_whole_words_and_every_negation_of_the_sentences_it_keeps(
    body: str, excerpt: str, code: str | None
) -> None:
    if code is None:
        assert parse_excerpt(body, excerpt) == excerpt
    else:
        assert refusal_code(body, excerpt) == code


def test_an_excerpt_that_stands_twice_is_judged_where_it_first_stands() -> None:
    body = "goed. Ik sliep niet goed."
    assert parse_excerpt(body, "goed.") == "goed."
    assert refusal_code("Ik sliep niet goed. goed.", "goed.") == "drops_negation"


def test_an_excerpt_across_lines_is_matched_in_the_texts_flat_form() -> None:
    body = "Fijne   plek.\nIk  sliep\tgoed."
    assert parse_excerpt(body, "plek.\n Ik sliep goed.") == "plek. Ik sliep goed."


def test_an_excerpt_is_matched_after_unicode_normalisation() -> None:
    assert parse_excerpt("Café Noir.", "Cafe\u0301 Noir.") == "Café Noir."


@pytest.mark.parametrize("excerpt", [None, ""])
def test_no_excerpt_is_the_whole_text(excerpt: Any) -> None:
    assert parse_excerpt("Fijne plek.", excerpt) == ""


@pytest.mark.parametrize("excerpt", [5, ["Fijne"], {"x": 1}, True])
def test_an_excerpt_is_a_string(excerpt: Any) -> None:
    assert refusal_code("Fijne plek.", excerpt) == "not_a_string"


def test_a_refusal_names_the_negation_and_how_to_keep_the_meaning() -> None:
    with pytest.raises(Refusal) as caught:
        parse_excerpt(STORY, "Ik sliep er")
    assert caught.value.message.startswith('this cut drops "niet" from a sentence')
    assert 'keep "niet" or cut the whole sentence' in caught.value.message


@pytest.mark.parametrize(
    ("word", "negation"),
    [
        ("niet", True),
        ("NOOIT", True),
        ("Don't", True),
        ("won’t", True),
        ("cannot", True),
        ("knot", False),
        ("nothingness", False),
        ("nee", False),
        ("n't", True),
        ("on", False),
        ("nicht", True),
        ("Keine", True),
        ("niemals", True),
        ("nichtig", False),
        ("pas", True),
        ("jamais", True),
        ("n'ai", True),
        ("N’est", True),
        ("nous", False),
    ],
)
def test_negations_are_known_words_and_every_nt_contraction(word: str, negation: bool) -> None:
    assert is_negation(word) is negation


def test_the_first_dropped_negation_is_named() -> None:
    text = "Ik sliep niet en at nooit. Goed."
    flat = flatten(text)
    start = flat.index("en at")
    assert dropped_negation(text, [(start, start + len("en at"))]) == "niet"
    assert dropped_negation(text, [(flat.index("Goed."), len(flat))]) is None
    assert dropped_negation(text, []) is None


def test_a_word_partly_kept_counts_as_a_kept_sentence() -> None:
    text = "Ik sliep niet. Goed."
    assert dropped_negation(text, [(0, 4)]) == "niet"  # "Ik s": the sentence is touched


def test_ranges_next_to_a_word_do_not_touch_it() -> None:
    text = "Niet goed. Wel fijn."
    flat = flatten(text)
    assert dropped_negation(text, [(flat.index(". Wel"), len(flat))]) is None  # from goed's end
    after = "Goed. Niet slecht."
    assert dropped_negation(after, [(0, flatten(after).index("Niet"))]) is None  # to Niet's start


SHOWN = [
    (STORY, "Ik sliep er niet beter.", "… Ik sliep er niet beter. …"),
    (STORY, STORY, STORY),
    ("Fijne plek.\n\nGoed.", "plek. Goed.", "… plek. Goed."),
    ("Fijne plek.", "", ""),
    ("Fijne plek.", "elders", "elders"),  # not in the text (the text changed): shown as it is
    ("Goed. Slecht. Goed.", "Goed.", "Goed. …"),  # the first place it stands
    ("(Goed).", "Goed).", "… Goed)."),
]


@pytest.mark.parametrize(("body", "excerpt", "shown"), SHOWN)
def test_a_shown_excerpt_is_marked_only_where_the_text_goes_on(
    body: str, excerpt: str, shown: str
) -> None:
    assert shown_excerpt(body, excerpt) == shown


# -- redactions ---------------------------------------------------------------------------------

ORIGINAL = "Ik sliep niet goed.\n\nBel Anna op 0612345678. Nu slaap ik wel."


@pytest.mark.parametrize(
    ("draft", "code"),
    [
        ("Ik sliep niet goed.\n\nBel […] Nu slaap ik wel.", None),
        ("Ik sliep niet goed.\n\nBel [...] Nu slaap ik wel.", None),  # three dots are the mark too
        ("[…] Nu slaap ik wel.", None),
        ("Ik sliep […] goed. […]", "drops_negation"),
        ("Ik sliep niet goed.", "no_cut"),
        ("Ik sliep heel goed. […]", "not_a_redaction"),
        ("Nu slaap ik wel. […] Ik sliep niet goed.", "not_a_redaction"),  # order kept
        ("[…]", None),
        ("   ", "required"),
    ],
)
def test_a_redaction_only_takes_words_away(draft: str, code: str | None) -> None:
    if code is None:
        assert parse_redaction(ORIGINAL, {"body": draft}, 5000, 5) == draft.replace("[...]", "[…]")
        return
    with pytest.raises(Refusal) as caught:
        parse_redaction(ORIGINAL, {"body": draft}, 5000, 5)
    assert (caught.value.field, caught.value.code) == ("body", code)
    if code != "required":  # an empty text is refused by the body's own rules
        assert caught.value.message == REDACTION_MESSAGES.get(code, caught.value.message)


# What the owner is told, word for word, where the redaction rules speak for themselves.
REDACTION_MESSAGES = {
    "no_cut": "mark each removed passage with […]",
    "not_a_redaction": "only remove words; everything left must be the author's",
    "not_a_string": "body must be a string",
    "required": 'send {"body": "..."}',
}


@pytest.mark.parametrize("data", [None, [], {}, {"body": "x", "extra": 1}, {"text": "x"}])
def test_a_redaction_is_sent_as_an_object_with_only_a_body(data: Any) -> None:
    with pytest.raises(Refusal) as caught:
        parse_redaction(ORIGINAL, data, 5000, 5)
    assert (caught.value.field, caught.value.code) == ("body", "required")
    assert caught.value.message == REDACTION_MESSAGES["required"]


def test_a_redaction_body_is_a_string_within_the_limits() -> None:
    with pytest.raises(Refusal) as caught:
        parse_redaction(ORIGINAL, {"body": 5}, 5000, 5)
    assert (caught.value.field, caught.value.code) == ("body", "not_a_string")
    assert caught.value.message == REDACTION_MESSAGES["not_a_string"]
    with pytest.raises(Refusal) as caught:
        parse_redaction(ORIGINAL, {"body": "Ik sliep niet goed. […]"}, 10, 5)
    assert caught.value.code == "too_long"


def test_a_redaction_keeps_the_same_word_only_where_it_stands_after_the_last_one() -> None:
    original = "Goed. Slecht. Goed."
    assert parse_redaction(original, {"body": "Goed. […] Goed."}, 5000, 5) == "Goed. […] Goed."
    with pytest.raises(Refusal):
        parse_redaction(original, {"body": "Goed. Goed. Goed. […]"}, 5000, 5)

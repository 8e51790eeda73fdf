"""Cuts that keep the meaning: excerpts and redactions never drop a negation from kept words."""

from __future__ import annotations

import pytest

from service.domain.errors import Refusal
from service.domain.excerpts import parse_excerpt, parse_redaction, shown_excerpt

EN = "It did not cure my insomnia and I would not recommend it. The room was lovely."
NL = "Het heeft mijn slapeloosheid niet genezen. Ik heb nooit zo goed gelegen! Aanrader."

# (body, excerpt, the negation it drops or None when the excerpt is fine)
EXCERPTS = [
    (EN, "cure my insomnia and I would", "not"),
    (EN, "I would not recommend it.", "not"),  # "It did not cure" goes: the sentence is split
    (EN, "recommend it.", "not"),
    (EN, "It did not cure my insomnia and I would not recommend it.", None),
    (EN, "The room was lovely.", None),
    ("I don't regret a single session.", "regret a single session.", "don't"),
    ("I can’t say it helped.", "say it helped.", "can’t"),
    ("Nothing helped until now. Now I sleep.", "helped until now.", "Nothing"),
    ("No pain anymore, never again pills.", "pain anymore,", "No"),
    ("Never felt better.", "felt better.", "Never"),
    ("I cannot recommend it enough.", "recommend it enough.", "cannot"),
    ("None of it worked for me.", "of it worked for me.", "None"),
    (NL, "mijn slapeloosheid", "niet"),
    (NL, "genezen.", "niet"),
    (NL, "Het heeft mijn slapeloosheid niet genezen.", None),
    (NL, "zo goed gelegen!", "nooit"),
    (NL, "Aanrader.", None),
    ("Ik had geen pijn meer na de massage.", "pijn meer na de massage.", "geen"),
    ("Niemand hielp me zo goed als zij.", "hielp me zo goed als zij.", "Niemand"),
    ("Ik merkte er niets van, echt waar.", "Ik merkte er", "niets"),
    ("Ik voel nergens meer last van.", "meer last van.", "nergens"),
    ("Niks werkte zo goed als dit.", "werkte zo goed als dit.", "Niks"),
]


@pytest.mark.parametrize(("body", "excerpt", "dropped"), EXCERPTS)
def test_an_excerpt_may_not_drop_a_negation_from_a_kept_sentence(
    body: str, excerpt: str, dropped: str | None
) -> None:
    if dropped is None:
        assert parse_excerpt(body, excerpt) == excerpt
        return
    with pytest.raises(Refusal) as refused:
        parse_excerpt(body, excerpt)
    assert refused.value.code == "drops_negation"
    assert refused.value.field == "excerpt"
    assert f'"{dropped}"' in refused.value.message
    assert "whole sentence" in refused.value.message


# (original, the owner's redaction, the negation it drops or None when it is fine)
REDACTIONS = [
    (EN, "It did not cure my insomnia and I would […] recommend it. The room was lovely.", "not"),
    (EN, "[…] cure my insomnia and I would not recommend it. The room was lovely.", "not"),
    (EN, "[…] The room was lovely.", None),
    (EN, "It did not cure my insomnia and I would not recommend it. […]", None),
    ("I did not feel worse after it.", "I did […] feel worse after it.", "not"),
    ("I didn't sleep at all, call me on 0612345678.", "I didn't sleep at all, […]", None),
    (
        NL,
        "Het heeft mijn slapeloosheid […] genezen. Ik heb nooit zo goed gelegen! Aanrader.",
        "niet",
    ),
    (NL, "[…] Ik heb nooit zo goed gelegen! Aanrader.", None),
    (
        NL,
        "Het heeft mijn slapeloosheid niet genezen. Ik heb […] zo goed gelegen! Aanrader.",
        "nooit",
    ),
    ("Geen pijn meer. Bel 0612345678.", "Geen pijn meer. […]", None),
    ("Ik had geen last, bel Anna Jansen.", "Ik had […] last, bel Anna […]", "geen"),
]


@pytest.mark.parametrize(("original", "draft", "dropped"), REDACTIONS)
def test_a_redaction_may_not_drop_a_negation_from_a_kept_sentence(
    original: str, draft: str, dropped: str | None
) -> None:
    if dropped is None:
        assert parse_redaction(original, {"body": draft}, 5000, 5) == draft
        return
    with pytest.raises(Refusal) as refused:
        parse_redaction(original, {"body": draft}, 5000, 5)
    assert refused.value.code == "drops_negation"
    assert refused.value.field == "body"
    assert f'"{dropped}"' in refused.value.message


@pytest.mark.parametrize(
    ("body", "excerpt"),
    [("Ik sliep als een roos.", "k sliep"), ("Incurable optimism.", "curable optimism.")],
)
def test_an_excerpt_starts_and_ends_with_whole_words(body: str, excerpt: str) -> None:
    with pytest.raises(Refusal) as refused:
        parse_excerpt(body, excerpt)
    assert refused.value.code == "partial_word"


SHOWN = [
    ("Eerste zin. Tweede zin. Derde zin.", "Tweede zin.", "… Tweede zin. …"),
    ("Eerste zin. Tweede zin.", "Eerste zin.", "Eerste zin. …"),
    ("Eerste zin. Tweede zin.", "Tweede zin.", "… Tweede zin."),
    ("I slept well after the massage", "slept well", "… slept well …"),
    ("Short and sweet.", "Short and sweet.", "Short and sweet."),
    ("Lines\nof text here.", "of text", "… of text …"),
]


@pytest.mark.parametrize(("body", "excerpt", "shown"), SHOWN)
def test_an_excerpt_is_marked_where_the_text_goes_on(body: str, excerpt: str, shown: str) -> None:
    assert shown_excerpt(body, excerpt) == shown


def test_a_line_break_ends_a_sentence() -> None:
    body = "Ik had geen pijn\nmeer slapen kon ik niet"
    assert parse_excerpt(body, "meer slapen kon ik niet") == "meer slapen kon ik niet"
    with pytest.raises(Refusal):
        parse_excerpt(body, "pijn meer")


# -- the sentences without a health claim --------------------------------------------------------


def _claims(sentence: str) -> bool:
    return "cure" in sentence or "genezen" in sentence


@pytest.mark.parametrize(
    ("body", "offered"),
    [
        # The claim in the middle: the longer run of claim-free sentences is offered.
        (
            "Lovely room. It cured my insomnia. The therapist listened and took her time. Thanks!",
            "The therapist listened and took her time. Thanks!",
        ),
        # Of two runs as long, the first.
        ("Fijn. Het heeft mijn rug genezen. Fijn.", "Fijn."),
        # Sentences end at line breaks too.
        ("Rustige praktijk\nMijn hoofdpijn is genezen", "Rustige praktijk"),
        # Every sentence claims: nothing to offer.
        ("It cured me. It will cure you.", ""),
        # No sentence claims: the whole text needs no cut.
        ("A calm place. Friendly people.", ""),
    ],
)
def test_passage_without_offers_the_longest_run_of_clean_sentences(body: str, offered: str) -> None:
    from service.domain.excerpts import passage_without

    assert passage_without(body, _claims) == offered


def test_the_offered_passage_is_a_valid_excerpt() -> None:
    from service.domain.excerpts import passage_without

    body = "Ik sliep slecht.\n\nNa drie massages is mijn slapeloosheid genezen. Ik kom graag terug!"
    offered = passage_without(body, _claims)
    assert offered == "Ik kom graag terug!"
    assert parse_excerpt(body, offered) == offered


def test_sentences_join_back_into_the_flattened_text() -> None:
    from service.domain.excerpts import flatten, sentences

    body = "Een.  Twee?\n\nDrie!  Vier…\nVijf"
    assert sentences(body) == ["Een.", "Twee?", "Drie!", "Vier…", "Vijf"]
    assert " ".join(sentences(body)) == flatten(body)

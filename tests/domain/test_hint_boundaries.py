"""Hints at their edges: how many digits make a phone number, what is shouting, what to confirm."""

from __future__ import annotations

from typing import Any

import pytest

from service.domain.errors import Kind, Refusal
from service.domain.hints import (
    CONFIRM_CODES,
    codes,
    for_text,
    from_codes,
    of,
    parse_confirmations,
    refuse_unconfirmed,
    to_confirm,
)


def hint_codes(text: str) -> list[str]:
    return [h.code for h in for_text(text)]


PHONES = [
    ("Bel 123456789", True),  # exactly nine digits
    ("Bel 12345678", False),  # eight: a date or an amount, not a number to call
    ("Bel 123 456 789", True),
    ("Bel 12-34-56-789.", True),  # the closing dot is not part of the number
    ("Bel (020) 123 4567", True),
    ("Bel +31 6 1234 5678", True),
    ("Bel 0612345678 -", True),
    ("Bel 1234 5678 -", False),
    ("code abc123456789", False),  # glued to a word: an id, not a number
    ("code 123456789abc", False),
    ("code _123456789", False),
    ("code 123456789_", False),
    ("123456789", True),  # at the very start and end of the text
    ("Op 12-11-2024 sliep ik 8 uur", False),
    ("Zie https://e.nl/123456789012", False),  # digits in a link are the link's
    ("Zie https://e.nl/x of bel 123456789", True),
    ("Bestelnummer 12.345.678", False),
    ("1 2 3 4 5 6 7 8 9", True),
    ("id abc123456789 of bel 0612345678", True),  # a glued run does not end the search
    ("id 123456789abc of bel 0612345678", True),
    ("Bel 123456789https://e.nl", True),  # a link right after the number is not a letter
]


@pytest.mark.parametrize(("text", "phone"), PHONES)
def test_a_phone_number_is_nine_or_more_digits_not_glued_to_a_word(text: str, phone: bool) -> None:
    assert ("phone" in hint_codes(text)) is phone


EMAILS = [
    ("mail a@b.nl", True),
    ("mail anna.de-vries+slaap@mail.example.nl", True),
    ("mail @b.nl", False),  # nobody before the @
    ("mail a@b", False),  # no domain after it
    ("tag @anna op insta", False),
    ("mail a@b.nl.", True),
    ("zie https://user@example.nl/x", False),  # inside a link: the link's hint, not this one
]


@pytest.mark.parametrize(("text", "email"), EMAILS)
def test_an_email_address_is_a_local_part_an_at_and_a_dotted_domain(text: str, email: bool) -> None:
    assert ("email" in hint_codes(text)) is email


def test_a_link_gets_the_link_hint_and_not_the_others() -> None:
    assert hint_codes("zie https://user@example.nl/123456789") == ["links"]


SHOUTING = [
    ("A" * 13 + "b" * 7, True),  # 13 of 20 letters upper: more than 60 %
    ("A" * 12 + "b" * 8, False),  # exactly 60 %
    ("A" * 19, False),  # under 20 letters is a short word, not shouting
    ("A" * 20, True),
    ("AB 12 " * 4 + "CDEFGHIJKLMN", True),  # digits and spaces are not letters
    ("Goed!!!!!", True),  # five exclamation marks
    ("Goed!!!!", False),
    ("Goed! Echt! Top! Ja! Wow!", True),  # anywhere in the text
]


@pytest.mark.parametrize(("text", "shouting"), SHOUTING)
def test_shouting_is_mostly_capitals_or_five_exclamation_marks(text: str, shouting: bool) -> None:
    assert ("shouting" in hint_codes(text)) is shouting


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Het heeft me genezen", True),
        ("Dit is een wondermiddel", True),
        ("100% beter", True),
        ("100 % beter", True),
        ("Nooit meer pijn", True),
        ("Mijn hoofdpijn is weg", True),
        ("It cures everything", True),
        ("guaranteed results", True),
        ("No more insomnia", True),
        ("Ongenezen wond", False),  # a whole word only
        ("secured my bike", False),
        ("Nooit meer naar die winkel", False),
    ],
)
def test_health_claims_are_whole_words_and_phrases(text: str, claim: bool) -> None:
    assert ("health_claim" in hint_codes(text)) is claim


def test_hints_come_in_their_stable_order_whatever_the_order_in_the_text() -> None:
    text = "!!!!! https://e.nl huisarts genezen a@b.nl 123456789"
    assert hint_codes(text) == ["phone", "email", "health_claim", "medical", "links", "shouting"]


def test_stored_codes_are_read_back_in_stable_order_and_unknown_ones_ignored() -> None:
    assert [h.code for h in from_codes("links,phone,gone")] == ["phone", "links"]
    assert from_codes("") == []
    assert codes([]) == ""
    assert codes(for_text("genezen, bel 123456789")) == "phone,health_claim"
    assert [h.code for h in of("email", "Bel 123456789")] == ["email"]


# -- what the owner confirms --------------------------------------------------------------------


def test_only_personal_data_and_health_hints_need_confirming() -> None:
    assert CONFIRM_CODES == ("phone", "email", "health_claim", "medical", "full_name")
    assert to_confirm("!!!!! zie https://e.nl") == []
    assert to_confirm("genezen door de huisarts, bel 123456789") == [
        "phone",
        "health_claim",
        "medical",
    ]


@pytest.mark.parametrize(
    ("value", "confirmed"),
    [
        (None, frozenset()),
        ([], frozenset()),
        (["phone"], frozenset({"phone"})),
        (["medical", "email", "medical"], frozenset({"medical", "email"})),
    ],
)
def test_confirmations_are_a_list_of_hint_codes(value: Any, confirmed: frozenset[str]) -> None:
    assert parse_confirmations(value) == confirmed


@pytest.mark.parametrize("value", ["phone", {"phone": True}, [1], ["phone", None], 5])
def test_confirmations_of_another_shape_are_invalid(value: Any) -> None:
    with pytest.raises(Refusal) as caught:
        parse_confirmations(value)
    assert (caught.value.field, caught.value.code) == ("confirm_hints", "invalid")
    assert caught.value.message.startswith("confirm_hints must be a list")


@pytest.mark.parametrize("value", [["links"], ["phone", "shouting"], ["x" * 100]])
def test_a_hint_that_needs_no_confirming_is_named_with_those_that_do(value: list[str]) -> None:
    with pytest.raises(Refusal) as caught:
        parse_confirmations(value)
    assert (caught.value.field, caught.value.code) == ("confirm_hints", "invalid")
    unknown = sorted(set(value) - set(CONFIRM_CODES))[0]
    assert caught.value.message.startswith(unknown[:40] + " is not a hint to confirm")
    assert "x" * 41 not in caught.value.message
    assert "phone, email, health_claim, medical" in caught.value.message


def test_publishing_asks_once_more_naming_each_unconfirmed_hint() -> None:
    text = "genezen, bel 123456789"
    with pytest.raises(Refusal) as caught:
        refuse_unconfirmed(text, frozenset({"health_claim"}))
    refusal = caught.value
    assert (refusal.field, refusal.code, refusal.kind) == (
        "confirm_hints",
        "confirm_hints",
        Kind.CONFLICT,
    )
    assert refusal.details == {"hints": ["phone"]}
    assert refusal.message.startswith("this comment has phone: confirm with")


def test_every_unconfirmed_hint_is_named_and_how_to_confirm_them() -> None:
    with pytest.raises(Refusal) as caught:
        refuse_unconfirmed("bel 123456789 of mail a@b.nl", frozenset())
    assert caught.value.details == {"hints": ["phone", "email"]}
    assert caught.value.message.startswith("this comment has phone, email: confirm with ")
    assert caught.value.message.endswith('{"confirm_hints": [...]} naming each to publish it')


def test_publishing_goes_ahead_when_every_hint_was_confirmed_or_there_are_none() -> None:
    refuse_unconfirmed("genezen, bel 123456789", frozenset({"phone", "health_claim"}))
    refuse_unconfirmed("Fijne plek", frozenset())
    refuse_unconfirmed("!!!!! https://e.nl", frozenset())  # nothing here needs confirming

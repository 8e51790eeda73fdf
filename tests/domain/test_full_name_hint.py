"""The full-name hint: "Joost de Vries" next to "slapeloosheid" is worth a second look."""

from __future__ import annotations

import pytest

from service.domain.hints import CONFIRM_CODES, for_text, to_confirm
from service.text import message

NAMES_SOMEONE = [
    "Joost de Vries heeft me enorm geholpen.",
    "Ik werd behandeld door Anna Bakker en sliep daarna beter.",
    "Gisteren Anna Bakker gesproken, wat een rust.",
    "Groetjes, Marieke van der Berg",
    "Thanks to Mary Jones my back feels better.",
    "Jan-Willem Smit raadde het me aan",
    "Mijn masseur, Peter van 't Hof, is top.",
    "Ik sprak met Zoë Müller over mijn slaap",
]

NAMES_NO_ONE = [
    "Mooi stuk, dank je wel voor de uitleg.",
    "Anna was erg vriendelijk.",  # a first name alone
    "De Vries hielp me.",  # a surname alone, after the sentence's own capital
    "Ik slaap beter. Anna heeft gelijk.",  # a full stop between the words
    "Fijn. Bakker is een goede naam.",
    "Sinds ik magnesium neem slaap ik veel rustiger.",
    "Gisteren Anna gezien.",  # a sentence opener before a first name
    "Daarna Sliep ik beter",  # an opener, then a capital that names no one
    "I slept better on Monday.",
    "Since March I sleep through",
    "Thanks Anna!",
    "GEWELDIG GEWELDIG ECHT",  # capitals everywhere are shouting, not a name
    "Anna\nBakker",  # a line between: two lines, not one name
]


@pytest.mark.parametrize("story", NAMES_SOMEONE)
def test_a_full_name_in_the_story_is_a_hint(story: str) -> None:
    assert "full_name" in [hint.code for hint in for_text(story)]


@pytest.mark.parametrize("story", NAMES_NO_ONE)
def test_no_full_name_no_hint(story: str) -> None:
    assert "full_name" not in [hint.code for hint in for_text(story)]


def test_a_full_name_asks_for_the_second_look_like_a_phone_number() -> None:
    assert "full_name" in CONFIRM_CODES
    assert to_confirm("Bel Anna Bakker op 06-12345678") == ["phone", "full_name"]


def test_a_full_name_in_a_link_is_no_hint() -> None:
    assert "full_name" not in [h.code for h in for_text("Zie https://example.nl/anna Bakker")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_hint_has_words_in_each_language(lang: str) -> None:
    assert message(lang, "hint.full_name")

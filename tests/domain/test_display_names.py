"""A testimonial's name is the author's own, shortened: never a word she did not write."""

from __future__ import annotations

import pytest

from service.domain.display_names import (
    NAME_STYLES,
    default_display_name,
    display_name,
    is_shortening,
    styled_name,
)

CLIENT = "een cliënt"
CLIENT_WORDS = ("een cliënt", "a client")


def test_the_default_is_the_first_name_and_the_initial_of_the_last_word() -> None:
    assert default_display_name("Joost de Vries", CLIENT) == "Joost V."
    assert default_display_name("Joost d. V.", CLIENT) == "Joost V."
    assert default_display_name("Sanne", CLIENT) == "Sanne"


def test_an_empty_name_shows_as_a_client() -> None:
    assert default_display_name("   ", CLIENT) == CLIENT


@pytest.mark.parametrize(
    ("style", "shown"),
    [
        ("full", "Joost de Vries"),
        ("first_initial", "Joost V."),
        ("initials", "J. D. V."),
        ("client", CLIENT),
    ],
)
def test_each_style_the_client_can_choose(style: str, shown: str) -> None:
    assert style in NAME_STYLES
    assert styled_name("Joost  de Vries", style, CLIENT) == shown


def test_a_chosen_name_wins_over_the_default() -> None:
    assert display_name("Joost de Vries", "J. V.", CLIENT) == "J. V."
    assert display_name("Joost de Vries", None, CLIENT) == "Joost V."


@pytest.mark.parametrize(
    "candidate",
    [
        "Joost V.",
        "Joost",
        "J. d. V.",
        "Joost de Vries",
        "de Vries",
        "J V",
        "a client",
        "Een Cliënt",
    ],
)
def test_shortenings_of_the_authors_own_name_are_accepted(candidate: str) -> None:
    assert is_shortening("Joost de Vries", candidate, CLIENT_WORDS)


@pytest.mark.parametrize(
    "candidate",
    ["Piet V.", "Joost Jansen", "Vries Joost", "JoostV.", "K.", "", "   ", "Joost de Vries jr."],
)
def test_new_words_or_another_order_are_refused(candidate: str) -> None:
    assert not is_shortening("Joost de Vries", candidate, CLIENT_WORDS)

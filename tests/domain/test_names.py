"""Readers' names: no hidden characters, and never the owner's or the site's name."""

from __future__ import annotations

import pytest

from service.domain.errors import Refusal
from service.domain.names import refuse_hidden_characters, refuse_impersonation, skeleton
from service.domain.pages import own_page_url

PROTECTED = ["Sanne", "Massagepraktijk Ontspan"]

LOOKALIKES = [
    "Sanne",
    "sanne",
    "SANNE",
    "  Sanne ",
    "Ѕаnnе",  # Cyrillic Dze, a and ie
    "San\u200bne",  # zero-width space
    "S\u200eanne",  # left-to-right mark
    "\u2066Sanne\u2069",  # isolates
    "Sanne\u00ad",  # soft hyphen
    "Ｓａｎｎｅ",  # fullwidth
    "Massagepraktijk 0ntspan",  # digit zero for O
    "rnassagepraktijk ontspan",  # r n for m
    "MASSAGEPRAKTIJK  ONTSPAN",
]


@pytest.mark.parametrize("name", LOOKALIKES)
def test_a_name_that_looks_like_the_owners_is_refused(name: str) -> None:
    with pytest.raises(Refusal) as refused:
        refuse_impersonation("author", name, PROTECTED)
    assert refused.value.code == "reserved_name"
    assert refused.value.field == "author"


@pytest.mark.parametrize("name", ["Sanna", "Sanne de Vries", "Anna", "Ontspan", "Zoë Ümit"])
def test_other_names_are_fine(name: str) -> None:
    refuse_impersonation("author", name, PROTECTED)


def test_the_skeleton_is_idempotent() -> None:
    assert skeleton(skeleton("Ѕаnnе")) == skeleton("Ѕаnnе") == "sanne"


@pytest.mark.parametrize(
    "name",
    ["Anna\u2028Bcc: x", "Anna\u2029", "Anna\u200b", "Anna\u200e", "Anna\u2066", "Anna\ufeff"],
)
def test_line_separators_and_format_characters_are_refused(name: str) -> None:
    with pytest.raises(Refusal) as refused:
        refuse_hidden_characters("author", name)
    assert refused.value.code == "control_character"


def test_visible_names_pass_the_character_check() -> None:
    refuse_hidden_characters("author", "Zoë Ümit-O'Neil 李")


PAGE_URLS = [
    ("https://www.massage.example/blog/x", "https://www.massage.example/blog/x"),
    ("http://www.massage.example:8080/x", "http://www.massage.example:8080/x"),
    ("https://blog.example/a", "https://blog.example/a"),
    ("https://evil.example/a", ""),
    ("https://blog.example.evil.example/a", ""),
    ("http://blog.example/a", ""),  # another origin: the scheme differs
    ("", ""),
]


@pytest.mark.parametrize(("url", "kept"), PAGE_URLS)
def test_a_page_url_must_be_on_the_sites_host_or_an_allowed_origin(url: str, kept: str) -> None:
    assert own_page_url(url, "https://www.massage.example", ["https://blog.example"]) == kept

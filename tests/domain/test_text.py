"""The catalogs (service/text): every language says everything, with the same placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest

from service import text

TEXT_DIR = Path(text.__file__).parent


def test_every_catalog_module_is_a_language() -> None:
    # Adding a language is adding one file: nothing else lists the languages.
    files = sorted(p.stem for p in TEXT_DIR.glob("*.py") if p.stem != "__init__")
    assert list(text.LANGUAGES) == files
    assert {"nl", "en"} <= set(text.LANGUAGES) and text.FALLBACK in text.LANGUAGES


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_language_has_every_key(lang: str) -> None:
    keys = {key for other in text.LANGUAGES for key in text.catalog(other)}
    assert sorted(keys - set(text.catalog(lang))) == []


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_message_has_the_placeholders_of_the_fallback(lang: str) -> None:
    fallback = text.catalog(text.FALLBACK)
    different = {
        key: (sorted(text.placeholders(words)), sorted(text.placeholders(fallback[key])))
        for key, words in text.catalog(lang).items()
        if text.placeholders(words) != text.placeholders(fallback.get(key, ""))
    }
    assert different == {}


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_no_message_is_empty_or_padded(lang: str) -> None:
    assert [
        k for k, words in text.catalog(lang).items() if not words or words != words.strip()
    ] == []


def test_placeholders_are_the_names_in_braces() -> None:
    assert text.placeholders("{n} van {m}") == {"n", "m"}
    assert text.placeholders("geen") == frozenset()


def test_a_message_is_filled_in_and_counted() -> None:
    assert text.message("nl", "widget.comments.tooLong", n=5) == "Maximaal 5 tekens."
    assert text.plural("en", "wait.seconds", 1) == "in 1 second"
    assert text.plural("en", "wait.seconds", 30) == "in 30 seconds"


def test_an_unknown_language_gets_the_fallback_and_an_unknown_key_fails() -> None:
    assert text.message("xx", "owner.anonymous") == text.message(text.FALLBACK, "owner.anonymous")
    with pytest.raises(KeyError):
        text.message("nl", "no.such.key")


def test_a_section_is_its_keys_without_the_prefix() -> None:
    words = text.section("nl", "widget.send")
    assert words["thanks"] == text.message("nl", "widget.send.thanks")
    assert all("." not in key for key in words)

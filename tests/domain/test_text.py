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


def _allowed(key: str, fallback: str) -> frozenset[str]:
    """The fallback's placeholders; a `_one` message may also name its count (French says
    "0 commentaire" with the singular, so its `_one` cannot write out a 1)."""
    names = text.placeholders(fallback)
    return names | {"n"} if key.endswith("_one") else names


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_message_has_the_placeholders_of_the_fallback(lang: str) -> None:
    fallback = text.catalog(text.FALLBACK)
    different = {
        key: (sorted(text.placeholders(words)), sorted(text.placeholders(fallback[key])))
        for key, words in text.catalog(lang).items()
        if not text.placeholders(fallback.get(key, ""))
        <= text.placeholders(words)
        <= _allowed(key, fallback.get(key, ""))
    }
    assert different == {}


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_a_singular_that_also_covers_zero_names_its_count(lang: str) -> None:
    # Where 0 takes the `_one` form, a `_one` message with a 1 written out would say "1".
    if text.plural(lang, "admin.done_bulk", 0) != text.plural(lang, "admin.done_bulk", 1):
        return
    words = text.catalog(lang)
    assert [k for k in words if k.endswith("_one") and "{n}" not in words[k]] == []


def test_german_and_french_are_spoken() -> None:
    assert {"de", "fr"} <= set(text.LANGUAGES)


@pytest.mark.parametrize(
    ("lang", "zero", "one", "two"),
    [
        ("nl", "0 reacties bijgewerkt.", "1 reactie bijgewerkt.", "2 reacties bijgewerkt."),
        ("en", "0 comments updated.", "1 comment updated.", "2 comments updated."),
        (
            "de",
            "0 Kommentare aktualisiert.",
            "1 Kommentar aktualisiert.",
            "2 Kommentare aktualisiert.",
        ),
        (
            "fr",
            "0 commentaire mis à jour.",
            "1 commentaire mis à jour.",
            "2 commentaires mis à jour.",
        ),
    ],
)
def test_each_language_counts_by_its_own_plural_rule(
    lang: str, zero: str, one: str, two: str
) -> None:
    assert [text.plural(lang, "admin.done_bulk", n) for n in (0, 1, 2)] == [zero, one, two]


# CLDR's abbreviated months (format context), as Babel and Chromium's Intl write them: a short
# month keeps its whole name where it is short already (mei, Mai, mai), and Dutch takes no period.
@pytest.mark.parametrize(
    ("lang", "month", "long", "short"),
    [
        ("nl", 12, "7 december 2026", "7 dec 2026"),
        ("nl", 5, "7 mei 2026", "7 mei 2026"),
        ("nl", 3, "7 maart 2026", "7 mrt 2026"),
        ("en", 12, "7 December 2026", "7 Dec 2026"),
        ("en", 5, "7 May 2026", "7 May 2026"),
        ("en", 9, "7 September 2026", "7 Sep 2026"),
        ("de", 12, "7. Dezember 2026", "7. Dez. 2026"),
        ("de", 5, "7. Mai 2026", "7. Mai 2026"),
        ("de", 6, "7. Juni 2026", "7. Juni 2026"),
        ("de", 3, "7. März 2026", "7. März 2026"),
        ("de", 9, "7. September 2026", "7. Sept. 2026"),
        ("fr", 12, "7 décembre 2026", "7 déc. 2026"),
        ("fr", 5, "7 mai 2026", "7 mai 2026"),
        ("fr", 7, "7 juillet 2026", "7 juil. 2026"),
        ("fr", 2, "7 février 2026", "7 févr. 2026"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(
    lang: str, month: int, long: str, short: str
) -> None:
    assert text.date(lang, 7, month, 2026) == long
    assert text.date(lang, 7, month, 2026, short=True) == short


@pytest.mark.parametrize(
    ("lang", "average", "count"),
    [
        ("nl", "4,8", "12.345"),
        ("en", "4.8", "12,345"),
        ("de", "4,8", "12.345"),
        ("fr", "4,8", "12\u202f345"),
    ],
)
def test_numbers_are_written_as_each_language_writes_them(
    lang: str, average: str, count: str
) -> None:
    assert text.number(lang, 4.8, 1) == average
    assert text.number(lang, 12345) == count
    assert text.number(lang, 999) == "999"


@pytest.mark.parametrize(
    ("lang", "listed"),
    [
        ("nl", "telefoon; e-mail; claim"),
        ("en", "telefoon; e-mail; claim"),
        ("de", "telefoon; e-mail; claim"),
        ("fr", "telefoon\u202f; e-mail\u202f; claim"),
    ],
)
def test_lists_are_joined_as_each_language_punctuates_them(lang: str, listed: str) -> None:
    assert text.listing(lang, ["telefoon", "e-mail", "claim"]) == listed
    assert text.listing(lang, ["telefoon"]) == "telefoon"
    assert text.listing(lang, []) == ""


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

"""The moderation page's words: every key in both languages, translated, with the same slots."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import settings
from service import text
from service.domain.comments import TRANSITIONS
from service.web import admin_text

ROOT = Path(__file__).resolve().parents[2]
# Every action the code writes to the moderation log (owner, author and undo).
LOGGED = {
    *TRANSITIONS,
    "promote",
    "demote",
    "delete",
    "reply",
    "redact",
    "undo",
    "withdraw_consent",
}


def slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# Words that are the same in both languages on purpose; any other equal pair is untranslated.
SAME_IN_BOTH = {
    "tabs",
    "spam",
    "tab_spam",
    "status_spam",
    "key_spam",
    "report_reason_spam",
    # Names and a bare placeholder pair read the same in Dutch and English.
    "source_isso",
    "import_status",
    "settings_database",
    "settings_mail",
    "role_moderator",
    "sessions_browser",
    "actor_account",
    "passkeys_title",
    "import_detail",
    "skip_pingback",
    "skip_trackback",
    "integrations_format_slack",
    "integrations_format_mattermost",
    "integrations_format_discord",
    "integrations_col_status",
    "col_status",
}
NL = text.section("nl", "admin")
EN = text.section("en", "admin")


def test_the_pages_words_come_from_the_catalogs() -> None:
    assert len(NL) > 400  # every admin.* message of service/text, keyed without the prefix
    assert admin_text.for_language("nl") == {"lang": "nl", **NL}
    assert admin_text.for_language("en") == {"lang": "en", **EN}


def test_every_key_exists_in_both_languages() -> None:
    assert set(NL) - set(EN) == set(), "missing in English"
    assert set(EN) - set(NL) == set(), "missing in Dutch"


@pytest.mark.parametrize("key", sorted(NL))
def test_every_key_is_translated_with_the_same_placeholders(key: str) -> None:
    nl, en = NL[key], EN[key]
    assert nl.strip() and en.strip(), f"{key} is empty"
    assert slots(nl) == slots(en), f"{key} has different placeholders"
    if key not in SAME_IN_BOTH:
        assert nl != en, f"{key} is not translated"


def test_only_words_that_are_the_same_are_listed_as_the_same() -> None:
    assert sorted(k for k in SAME_IN_BOTH if k not in NL or NL[k] != EN[k]) == []


def test_templates_and_script_use_only_keys_that_exist() -> None:
    used: set[str] = set()
    for path in (ROOT / "service/templates/admin").glob("*.html"):
        used |= set(re.findall(r"\bt\.([a-z_]+)", path.read_text()))
    script = (ROOT / "service/static/admin.js").read_text()
    used |= set(re.findall(r"\bT\.([a-z_]+)", script))
    used |= {
        f"{k}_{form}"
        for k in re.findall(r'plural\("([a-z_]+)"', script)
        for form in ("one", "other")
    }
    assert used - set(admin_text.current()) == set()


@pytest.mark.parametrize("action", sorted(LOGGED))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_logged_action_reads_as_words(
    action: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    what, _ = admin_text.describe(action, 8, "")
    assert "#8" in what and what != action and "‘" not in what  # not the fallback
    assert f"log_{action}" in admin_text.current()


@pytest.mark.parametrize(
    ("lang", "action", "detail", "expected"),
    [
        ("nl", "reply", "reply 9", ("antwoordde op #8", "jouw antwoord is #9")),
        ("en", "reply", "reply 9", ("replied to #8", "your reply is #9")),
        ("nl", "redact", "1 cut(s)", ("kortte #8 in", "1 stuk weggeknipt")),
        ("nl", "redact", "3 cut(s)", ("kortte #8 in", "3 stukken weggeknipt")),
        ("en", "redact", "1 cut(s)", ("redacted #8", "1 passage cut")),
        ("nl", "undo", "reply", ("haalde het antwoord op #8 weg", "")),
        ("en", "undo", "promote", ("undid the testimonial of #8", "")),
        ("nl", "import", "", ("een onbekende handeling (import) bij #8", "")),
        (
            "nl",
            "erase",
            "2 comment(s) deleted",
            ("wiste de gegevens van een lezer", "2 reacties verwijderd"),
        ),
        (
            "en",
            "erase",
            "1 comment(s) anonymised",
            ("erased a reader's data", "1 comment kept as ‘a reader’"),
        ),
        ("en", "erase", "", ("erased a reader's data", "")),
    ],
)
def test_log_rows_in_words(
    lang: str,
    action: str,
    detail: str,
    expected: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    assert admin_text.describe(action, 8, detail) == expected


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("nl", 1, "1 reactie bijgewerkt."),
        ("nl", 0, "0 reacties bijgewerkt."),
        ("nl", 2, "2 reacties bijgewerkt."),
        ("en", 1, "1 comment updated."),
        ("en", 20, "20 comments updated."),
    ],
)
def test_plurals_through_one_helper(
    lang: str, n: int, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    assert admin_text.plural("done_bulk", n) == expected

"""The moderation pages' words, read from the catalogs (service/text, `admin.*` keys).

`settings.ADMIN_LANG` picks the language. The pages and their script get the same table, keyed
without the `admin.` prefix (`t.approve` in a template, `T.approve` in admin.js), so the script
shows exactly the words the page does. Placeholders are str.format names; a limit such as
`{max_pins}` is filled in here, where it is used.
"""

from __future__ import annotations

import settings
from service import text
from service.domain.wall import MAX_PINS

# The language the moderation pages speak when ADMIN_LANG names none the catalogs have.
_DEFAULT = "nl"


def lang() -> str:
    """The moderation pages' language, read per request so tests can switch."""
    return settings.ADMIN_LANG if settings.ADMIN_LANG in text.LANGUAGES else _DEFAULT


def for_language(language: str) -> dict[str, str]:
    """Every admin message of `language` keyed without its prefix, and `lang` for the page."""
    return {"lang": language, **text.section(language, "admin")}


def current() -> dict[str, str]:
    """The moderation pages' words in the configured language."""
    return for_language(lang())


def day(day: int, month: int, year: int) -> str:
    """A date as the pages write it, months in short: "7 dec 2026", "7. Dez. 2026"."""
    return text.date(lang(), day, month, year, short=True)


def plural(key: str, n: int, **values: object) -> str:
    """`key_one` or `key_other` by the language's plural rule (French's singular covers 0)."""
    return text.plural(lang(), "admin." + key, n, **values)


def describe(action: str, comment_id: int, detail: str) -> tuple[str, str]:
    """A log row in words: what was done ("antwoordde op #8") and a detail, if any."""
    words = current()
    if action == "undo" and f"log_undo_{detail}" in words:
        return words[f"log_undo_{detail}"].format(id=comment_id), ""
    key = f"log_{action}"
    if key not in words:
        return words["log_other"].format(action=action, id=comment_id), ""
    what = words[key].format(id=comment_id)
    head = detail.split(" ")
    if action == "reply" and len(head) == 2 and head[1].isdigit():
        return what, words["log_reply_detail"].format(reply=head[1])
    if action == "redact":
        cuts = head[0] if head[0].isascii() and head[0].isdigit() else ""
        return what, plural("log_redact_cuts", int(cuts)) if cuts else ""
    if action in ("promote", "display_name") and detail:
        return what, f"“{detail}”"
    if action == "erase":
        count, _, how = detail.partition(" comment(s) ")
        known = count.isascii() and count.isdigit() and how in ("deleted", "anonymised")
        return what, plural(f"privacy_erased_{how}", int(count)) if known else ""
    if action == "intake" and detail:
        return what, _rule(detail, words)
    if action.startswith("report_"):
        count = head[0] if head[0].isascii() and head[0].isdigit() else ""
        return what, plural("log_reports", int(count)) if count else ""
    if action == "edit_page" and detail:
        return what, detail  # the page's new title and address, as the owner typed them
    return what, ""


def _rule(detail: str, words: dict[str, str]) -> str:
    """The rule that held a comment ("rule word: casino") in the owner's words."""
    head, sep, value = detail.partition(": ")
    kind = head.removeprefix("rule ")
    if not sep or not head.startswith("rule ") or f"rule_kind_{kind}" not in words:
        return detail
    return words["log_intake_rule"].format(kind=words[f"rule_kind_{kind}"].lower(), value=value)


def actor(name: str, names: dict[str, str] | None = None) -> str:
    """Who did it, in words: "Jij", "De schrijver", "Manon"; unknown names marked.

    `names` holds the accounts' names ("account:2" -> "Manon"), for the activity page.
    """
    words = current()
    if names and name in names:
        return words["actor_account"].format(name=names[name])
    return words.get(f"actor_{name}") or words["actor_other"].format(actor=name)


def error_message(code: str) -> str:
    """A refusal's code as a sentence the owner understands."""
    words = current()
    message = words.get(f"error_{code}", words["error_generic"])
    return message.replace("{max_pins}", str(MAX_PINS))

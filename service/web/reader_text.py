"""What a reader is told when the public API refuses a request, in Dutch or English.

The widget asks for its page's language with `Accept-Language` (a header every browser may send
across origins without a preflight of its own), and shows the `message` of an error as it comes.
So the words live here, next to the rules that refuse, and not in every copy of the widget that
readers download. A caller that asks for no language (a script, a test, curl) keeps the message
written for developers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request

# code -> (nl, en). "{wait}" is filled in with how long to wait, in words; "{max}" with the limit
# the refusal names (a setting such as MAX_BODY_LENGTH), so the reader knows how much to cut.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("Vul dit veld in.", "Please fill in this field."),
    "too_long": (
        "Dit is te lang: maximaal {max} tekens.",
        "This is too long: at most {max} characters.",
    ),
    "too_many_lines": ("Dit heeft te veel regels.", "This has too many lines."),
    "too_many_links": ("Te veel links.", "Too many links."),
    "invalid_email": ("Geen geldig e-mailadres.", "Not a valid email address."),
    "invalid_domain": ("Dit e-maildomein bestaat niet.", "This email domain does not exist."),
    "invalid_url": ("Geen geldig webadres.", "Not a valid web address."),
    "control_character": ("Bevat ongeldige tekens.", "Contains characters that are not allowed."),
    "bidi_control": ("Bevat ongeldige tekens.", "Contains characters that are not allowed."),
    "reserved_name": (
        "Deze naam is voor de eigenaar van de site.",
        "This name belongs to the owner of the site.",
    ),
    "duplicate": ("Dit verhaal staat er al.", "This was already posted."),
    "expired": (
        "Het formulier was verlopen; verstuur het opnieuw.",
        "The form had expired; please send it again.",
    ),
    "rate_limited": ("Even geduld: probeer het {wait} opnieuw.", "Please wait: try again {wait}."),
    "edit_window_closed": (
        "De tijd om dit te bewerken is voorbij.",
        "The time to edit this has passed.",
    ),
    "not_found": ("Deze reactie bestaat niet (meer).", "This comment no longer exists."),
    "forbidden_origin": (
        "Reacties zijn hier niet beschikbaar.",
        "Comments are not available here.",
    ),
    "unavailable": (
        "Het lukt nu even niet. Probeer het over een paar minuten opnieuw.",
        "This is not possible right now. Please try again in a few minutes.",
    ),
}
TOO_LONG = ("Dit is te lang.", "This is too long.")
ABOUT_A_FIELD = ("Controleer dit veld.", "Please check this field.")
ANYTHING_ELSE = (
    "Er ging iets mis. Probeer het later opnieuw.",
    "Something went wrong. Please try again later.",
)


def asked_language(request: Request) -> str | None:
    """ "nl" or "en" when a caller of the public API names a language, else None.

    The first choice decides. The owner API keeps its own messages: they name owner-side rules.
    """
    if not request.url.path.startswith("/api/"):
        return None
    header = request.headers.get("accept-language", "").strip()
    if not header:
        return None
    return "nl" if header.lower().startswith("nl") else "en"


def _wait(seconds: int, lang: str) -> str:
    if seconds == 1:
        return "over 1 seconde" if lang == "nl" else "in 1 second"
    if seconds < 90:
        return f"over {seconds} seconden" if lang == "nl" else f"in {seconds} seconds"
    minutes = math.ceil(seconds / 60)
    if minutes < 90:
        return f"over {minutes} minuten" if lang == "nl" else f"in {minutes} minutes"
    hours = math.ceil(minutes / 60)
    return f"over {hours} uur" if lang == "nl" else f"in {hours} hours"


def _count(n: int, lang: str) -> str:
    """A limit as a reader reads it: 5000, or 10.000 / 10,000 from five digits on."""
    if n < 10000:
        return str(n)
    grouped = f"{n:,}"
    return grouped.replace(",", ".") if lang == "nl" else grouped


def for_reader(
    request: Request,
    code: str,
    field: str | None,
    message: str,
    retry_after: int | None = None,
    details: Mapping[str, Any] | None = None,
) -> str:
    """The message to send: in the language the caller asked for, or `message` as it is."""
    lang = asked_language(request)
    if lang is None:
        return message
    both = MESSAGES.get(code) or (ABOUT_A_FIELD if field else ANYTHING_ELSE)
    text = both[0] if lang == "nl" else both[1]
    limit = (details or {}).get("max_length")
    if "{max}" in text:
        if not isinstance(limit, int):  # a refusal that names no limit: say only what is wrong
            return TOO_LONG[0] if lang == "nl" else TOO_LONG[1]
        text = text.replace("{max}", _count(limit, lang))
    return text.replace("{wait}", _wait(retry_after or 60, lang))

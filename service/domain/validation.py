"""The rules a reader's submission must meet: plain, bounded, visible text and sane addresses.

Threat: hostile input in every field (controls, direction overrides, invisible names, huge
texts, javascript: URLs). Each rule that refuses raises `Refusal` naming the field and a code.
Limits come in as `IntakeRules`, so the rules stay pure and the use case passes the settings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from service import text
from service.domain.errors import Kind, Refusal
from service.domain.normalise import browser_host


@dataclass(frozen=True)
class IntakeRules:
    """The site's limits for a submission."""

    max_body: int = 5000  # characters of comment text
    max_name: int = 100  # characters of author name
    max_links: int = 5  # links in one comment
    ratings: bool = True  # whether readers may give stars
    consent_version: str = ""  # the wording readers agree to when none is named


@dataclass(frozen=True)
class Submission:
    """A reader's comment after validation and normalisation, ready to sanitise and store."""

    page: str
    author: str
    body: str
    page_title: str = ""
    page_url: str = ""
    parent: int | None = None
    email: str = ""
    website: str = ""
    consent: bool = False
    consent_version: str = ""
    rating: int | None = None
    lang: str = ""
    form_token: str = ""
    author_token: str = ""
    honeypot: str = ""
    pow: str = ""
    notify_replies: bool = False


SUBMISSION_FIELDS = {
    "page",
    "page_title",
    "page_url",
    "parent",
    "author",
    "email",
    "website",
    "body",
    "consent",
    "consent_version",
    "rating",
    "lang",
    "form_token",
    "author_token",
    "hp",
    "pow",
    "notify_replies",
}
MAX_ID = 2**63 - 1  # the largest id either database can store
LANGUAGES = text.LANGUAGES  # one catalog module a language (service/text)

# C0 controls but TAB, LF, CR; DEL and the C1 block; XML's non-characters and surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAK = re.compile("[\r\n\t]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Default-ignorable characters that make a name or text look empty.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u2060-\u2064\u206a-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\\s]"
)
# The local part takes no ?, &, =, % or /: in a mailto: link they start headers (`a?bcc=...`),
# escapes or paths, and no reader's address needs them. `_STORED_EMAIL` still finds an address
# taken before that rule, so a privacy request can reach it.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$'*+^_`{|}~-]{1,64}@([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$")
_STORED_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$"
)
_URL_FORBIDDEN = re.compile(
    r"[\s\"<>\\^`{|}\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]"
)
_TOKEN_CHARS = re.compile(r"^[A-Za-z0-9._:-]*$")
LINK = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def _text(data: dict[str, Any], name: str, *, required: bool = False) -> str:
    value = data.get(name)
    if value is None:
        if required:
            raise Refusal(name, "required", f"{name} is required")
        return ""
    if not isinstance(value, str):
        raise Refusal(name, "not_a_string", f"{name} must be a string")
    return unicodedata.normalize("NFC", value)


def _check_chars(name: str, value: str, *, multiline: bool) -> None:
    if _CONTROL.search(value) or (not multiline and _LINE_BREAK.search(value)):
        raise Refusal(name, "control_character", f"{name} contains a control character")


def _visible(value: str) -> bool:
    return bool(_INVISIBLE.sub("", value))


def _limit(name: str, value: str, maximum: int) -> None:
    if len(value) > maximum:
        raise Refusal(
            name,
            "too_long",
            f"{name} must be at most {maximum} characters",
            details={"max_length": maximum},  # the reader is told the limit, in words
        )


def clean_line(data: dict[str, Any], name: str, maximum: int, *, required: bool = False) -> str:
    """A single line of plain text: NFC, trimmed, no controls or bidi overrides."""
    value = _text(data, name, required=required).strip()
    _check_chars(name, value, multiline=False)
    if _BIDI.search(value):
        raise Refusal(name, "bidi_control", f"{name} contains a text-direction override")
    if required and not _visible(value):
        raise Refusal(name, "required", f"{name} must not be empty")
    _limit(name, value, maximum)
    return value


def clean_body(data: dict[str, Any], max_length: int, max_links: int, name: str = "body") -> str:
    """Comment text: NFC, LF line ends, no controls, bidi overrides removed, bounded."""
    value = _text(data, name, required=True).replace("\r\n", "\n").replace("\r", "\n")
    _check_chars(name, value, multiline=True)
    value = _BIDI.sub("", value).strip()
    if not _visible(value):
        raise Refusal(name, "required", f"{name} must not be empty")
    _limit(name, value, max_length)
    if len(LINK.findall(value)) > max_links:
        raise Refusal(name, "too_many_links", f"{name} may hold at most {max_links} links")
    return value


def clean_url(name: str, value: str) -> str:
    """An absolute http(s) URL with a host, scheme and host lower-cased; '' stays ''."""
    if not value:
        return ""
    if len(value) > 2048:
        raise Refusal(
            name,
            "too_long",
            f"{name} must be at most 2048 characters",
            details={"max_length": 2048},
        )
    if _URL_FORBIDDEN.search(value):
        raise Refusal(name, "invalid_url", f"{name} contains characters a web address cannot have")
    if "://" not in value and re.match(r"^[a-z0-9.-]+\.[a-z]{2,}(/|$)", value, re.IGNORECASE):
        value = "https://" + value
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise Refusal(name, "invalid_url", f"{name} is not a valid web address") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise Refusal(name, "invalid_url", f"{name} must be an http:// or https:// address")
    if parts.username or parts.password:
        raise Refusal(name, "invalid_url", f"{name} must not contain a user name or password")
    # The host a browser goes to ("%2e" decoded, "。" a dot, Unicode in Punycode), so what is
    # stored, shown and matched against the owner's rules is where the link really leads.
    # An IPv6 literal keeps its brackets (browser_host gives them), or it names another host.
    host = browser_host(value)
    if host is None or not host.isascii():
        raise Refusal(name, "invalid_url", f"{name} is not a valid web address")
    netloc = host + (f":{port}" if port else "")
    return urlunsplit(
        (parts.scheme.lower(), netloc, parts.path or "/", parts.query, parts.fragment)
    )


def clean_email(data: dict[str, Any], *, stored: bool = False) -> str:
    """The address, its domain in small letters; `stored` also takes one from before the rules."""
    value = _text(data, "email").strip()
    if not value:
        return ""
    _limit("email", value, 254)
    if not (_STORED_EMAIL if stored else _EMAIL).match(value):
        raise Refusal("email", "invalid_email", "email is not a valid e-mail address")
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def _optional_int(data: dict[str, Any], name: str) -> int | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refusal(name, "not_an_integer", f"{name} must be a whole number")
    return value


def _optional_bool(data: dict[str, Any], name: str) -> bool:
    value = data.get(name, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise Refusal(name, "not_a_boolean", f"{name} must be true or false")
    return value


def parse_submission(data: Any, rules: IntakeRules) -> Submission:
    """Validate a reader's JSON submission; raise `Refusal` on the first problem found."""
    if not isinstance(data, dict):
        raise Refusal(
            "request", "not_an_object", "the request body must be a JSON object", Kind.MALFORMED
        )
    unknown = sorted(set(data) - SUBMISSION_FIELDS)
    if unknown:
        raise Refusal(unknown[0], "unknown_field", f"{unknown[0]} is not a field this API takes")

    page = clean_line(data, "page", 500, required=True)
    author = clean_line(data, "author", rules.max_name, required=True)
    body = clean_body(data, rules.max_body, rules.max_links)
    parent = _optional_int(data, "parent")
    if parent is not None and not 0 < parent <= MAX_ID:
        raise Refusal("parent", "out_of_range", "parent must be the id of a comment")
    rating = _optional_int(data, "rating")
    if rating is not None:
        if not rules.ratings:
            raise Refusal("rating", "ratings_disabled", "ratings are turned off on this site")
        if not 1 <= rating <= 5:
            raise Refusal("rating", "out_of_range", "rating must be between 1 and 5")
    lang = clean_line(data, "lang", 8).lower()
    if lang and lang not in LANGUAGES:
        raise Refusal("lang", "unsupported", f"lang must be one of {', '.join(LANGUAGES)}")
    consent = _optional_bool(data, "consent")
    consent_version = clean_line(data, "consent_version", 40)
    if not _TOKEN_CHARS.match(consent_version):
        raise Refusal("consent_version", "invalid", "consent_version has characters it cannot have")
    tokens = {name: clean_line(data, name, 400) for name in ("author_token", "hp", "pow")}
    tokens["form_token"] = clean_line(data, "form_token", 400, required=True)
    email = clean_email(data)
    notify_replies = _optional_bool(data, "notify_replies")
    if notify_replies and not email:
        raise Refusal("email", "required", "email is required to be told about replies")
    return Submission(
        page=page,
        author=author,
        body=body,
        page_title=clean_line(data, "page_title", 300),
        page_url=clean_url("page_url", clean_line(data, "page_url", 2048)),
        parent=parent,
        email=email,
        website=clean_url("website", clean_line(data, "website", 2048)),
        consent=consent,
        consent_version=(consent_version or rules.consent_version) if consent else "",
        rating=rating,
        lang=lang,
        form_token=tokens["form_token"],
        author_token=tokens["author_token"],
        honeypot=tokens["hp"],
        pow=tokens["pow"],
        notify_replies=notify_replies,
    )

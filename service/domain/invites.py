"""Invitations: a personal, single-use link to the story page, and the rules of its life.

Threat: a link that outlives its purpose. An invitation is usable while it is created, mailed
or opened and its expiry lies ahead; answering, expiry and withdrawal end it for good. Opening
the page never uses it up (mail scanners follow links), only an answer does.

Threat: a client list. The address is needed only while the invitation is open; the store drops
it once the invitation ends, so Chorus holds no list of who was a client.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from service.domain.errors import Kind, Refusal
from service.domain.validation import LANGUAGES, clean_email, clean_line

MAX_NAME = 60  # characters of a client's first name
MAX_PASTED = 200  # addresses in one paste-many list
MAX_PASTED_CHARS = 200 * 256  # characters of that list
INVITE_FIELDS = {"name", "email", "lang"}


class InviteStatus(enum.StrEnum):
    CREATED = "created"
    MAILED = "mailed"
    OPENED = "opened"
    ANSWERED = "answered"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


OPEN_STATUSES = (InviteStatus.CREATED, InviteStatus.MAILED, InviteStatus.OPENED)


@dataclass(frozen=True)
class Invite:
    """One invitation as the store holds it; `email` is None once it has ended."""

    id: int
    token_key: str
    name: str
    email: str | None
    lang: str
    status: InviteStatus
    created_at: str
    expires_at: str
    mailed_at: str | None = None
    reminded_at: str | None = None
    opened_at: str | None = None
    answered_at: str | None = None
    comment_id: int | None = None

    def status_at(self, moment: str) -> InviteStatus:
        """The status as it stands at `moment`: an open one past its expiry has expired,
        whether or not the periodic sweep has written that down yet."""
        if self.status in OPEN_STATUSES and self.expires_at <= moment:
            return InviteStatus.EXPIRED
        return self.status

    def usable_at(self, moment: str) -> bool:
        return self.status_at(moment) in OPEN_STATUSES


class Source(enum.StrEnum):
    """How a story reached Chorus: under a post, from an invitation, on the collection page."""

    COMMENT = "comment"
    INVITE = "invite"
    COLLECT = "collect"


@dataclass(frozen=True)
class Origin:
    """Where a story sent from one of Chorus's own pages came from, beside its words.

    `invite_id` and `invited_at` name the invitation an invited story answers (its `created_at`);
    `display_name` is the name the writer chose to be shown under (None: the default).
    """

    source: Source
    invite_id: int | None = None
    invited_at: str | None = None
    display_name: str | None = None


@dataclass(frozen=True)
class NewInvite:
    """What the owner asked for: a first name and an address, both optional, and a language."""

    name: str = ""
    email: str = ""
    lang: str = "nl"


def parse_invite(data: Any, default_lang: str) -> NewInvite:
    """The owner's invitation request, every field checked; `Refusal` names the field."""
    if not isinstance(data, dict):
        raise Refusal("request", "not_an_object", "the body must be a JSON object", Kind.MALFORMED)
    unknown = sorted(set(data) - INVITE_FIELDS)
    if unknown:
        raise Refusal(unknown[0], "unknown_field", f"{unknown[0]} is not a field this API takes")
    name = clean_line(data, "name", MAX_NAME)
    email = clean_email(data)
    lang = clean_line(data, "lang", 8).lower() or default_lang
    if lang not in LANGUAGES:
        raise Refusal("lang", "unsupported", f"lang must be one of {', '.join(LANGUAGES)}")
    return NewInvite(name=name, email=email, lang=lang)


@dataclass(frozen=True)
class Pasted:
    """A pasted list of addresses: the valid ones, in order (repeats too), and how many were not."""

    addresses: list[str]
    invalid: int


def parse_pasted(pasted: Any) -> Pasted:
    """One address a line (commas and semicolons also separate), at most MAX_PASTED of them."""
    if not isinstance(pasted, str):
        raise Refusal("emails", "not_a_string", "emails must be text, one address a line")
    if len(pasted) > MAX_PASTED_CHARS:
        raise Refusal(
            "emails",
            "too_long",
            f"emails must be at most {MAX_PASTED_CHARS} characters",
            details={"max_length": MAX_PASTED_CHARS},
        )
    lines = [part.strip() for part in pasted.replace(",", "\n").replace(";", "\n").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise Refusal("emails", "required", "paste at least one address")
    if len(lines) > MAX_PASTED:
        raise Refusal("emails", "too_many", f"paste at most {MAX_PASTED} addresses at once")
    addresses: list[str] = []
    invalid = 0
    for line in lines:
        try:
            addresses.append(clean_email({"email": line}))
        except Refusal:
            invalid += 1
    return Pasted(addresses, invalid)


# The practice-wide collection page: its own address in Dutch and English.
COLLECT_PAGES = {"nl": "/vertel", "en": "/tell"}


def collect_path(lang: str) -> str:
    """The collection page in `lang`: its own address in Dutch and English, else by `?lang=`."""
    return COLLECT_PAGES.get(lang) or f"{COLLECT_PAGES['nl']}?lang={lang}"

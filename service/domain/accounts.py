"""Accounts and what they may do: the owner and the moderators she invites (pure, no I/O)."""

from __future__ import annotations

import enum
import ipaddress
import re
from dataclasses import dataclass

from service.domain.errors import Refusal

FIRST_OWNER = 1  # the account made from the password the service had before accounts existed
RECOVERY_CODES = 10  # single-use codes shown once when a second factor is confirmed
MAX_NAME = 80  # characters of a display name
MAX_EMAIL = 254  # characters of an address (RFC 5321)


class Role(enum.StrEnum):
    OWNER = "owner"
    MODERATOR = "moderator"


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    display_name: str
    role: Role
    disabled: bool
    has_totp: bool
    created_at: str
    has_passkey: bool = False

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER

    @property
    def has_factor(self) -> bool:
        """A second factor exists: a password alone no longer signs this account in."""
        return self.has_totp or self.has_passkey

    @property
    def actor(self) -> str:
        """The name the activity log keeps: "owner" for the first owner (as before accounts)."""
        return "owner" if self.id == FIRST_OWNER else f"account:{self.id}"

    def shown_name(self, owner_name: str) -> str:
        """The name replies are signed with: the display name, or OWNER_NAME for the owner."""
        if self.display_name:
            return self.display_name
        return owner_name if self.is_owner else self.email


@dataclass(frozen=True)
class Passkey:
    """A WebAuthn credential: its id and public key (base64url), counter and the owner's name."""

    id: int
    account_id: int
    credential_id: str
    public_key: str
    sign_count: int
    name: str
    created_at: str
    last_used_at: str


@dataclass(frozen=True)
class Invitation:
    """An invitation not used yet: who is asked in, with which role, by whom and when."""

    id: int
    email: str
    display_name: str
    role: Role
    invited_by: int
    created_at: str


def parse_display_name(value: object) -> str:
    """The name one gives oneself: spaces collapsed, not empty, at most MAX_NAME characters."""
    if not isinstance(value, str):
        raise Refusal("name", "invalid", "the name must be text")
    name = " ".join(value.split())
    if not name:
        raise Refusal("name", "required", "give a name")
    if len(name) > MAX_NAME:
        raise Refusal(
            "name", "too_long", f"at most {MAX_NAME} characters", details={"max_length": MAX_NAME}
        )
    return name


def may_invite(inviter: Role, role: Role) -> bool:
    """A moderator may bring in moderators; only an owner may make another owner."""
    return inviter == Role.OWNER or role == Role.MODERATOR


_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}")


def valid_email(value: str) -> bool:
    return len(value) <= MAX_EMAIL and _EMAIL.fullmatch(value) is not None


def ip_prefix(address: str) -> str:
    """An approximate place only: the first two bytes of IPv4, the first 32 bits of IPv6."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if isinstance(ip, ipaddress.IPv4Address):
        first, second, *_ = str(ip).split(".")
        return f"{first}.{second}.x.x"
    groups = ip.exploded.split(":")
    return ":".join(groups[:2]) + "::"


_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"))
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def browser_of(user_agent: str) -> str:
    """ "Firefox on Linux" from a User-Agent header: a name a person recognises, nothing more."""
    browser = next((name for mark, name in _BROWSERS if mark in user_agent), "")
    if not browser and "Safari/" in user_agent:
        browser = "Safari"
    system = next((name for mark, name in _SYSTEMS if mark in user_agent), "")
    if browser and system:
        return f"{browser} / {system}"
    return browser or system or "?"

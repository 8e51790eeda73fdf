"""Webhooks, pure: the events, what an endpoint may be, the payload and its signature.

Threat: server-side request forgery through the owner page. An endpoint is a URL Chorus will
POST to from inside the owner's network, so a URL must not reach anything private: https to a
public address only, unless the owner allowed local endpoints, and then plain http only to an
address that is local too. The addresses are checked here as values; the use case resolves the
name (at creation and again at every try, so a name re-pointed later is caught) and connects to
the address it checked. Link-local addresses (the cloud metadata service at 169.254.169.254)
are never allowed, nor multicast or unspecified ones.

Signatures follow the Standard Webhooks specification: `v1,` and the base64 HMAC-SHA256 of
`id.timestamp.body` under the secret's bytes (the secret is `whsec_` and their base64).
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import ipaddress
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from service.domain.errors import Refusal

SECRET_PREFIX = "whsec_"  # noqa: S105 (a prefix, not a secret)
SECRET_BYTES = 24  # of randomness in a new secret
MAX_URL = 2000  # characters
PREVIEW_WORDS = 12  # words of a comment in a chat message or a push notice


class Event(enum.StrEnum):
    COMMENT_CREATED = "comment.created"
    COMMENT_STATUS_CHANGED = "comment.status_changed"
    TESTIMONIAL_PUBLISHED = "testimonial.published"
    TESTIMONIAL_WITHDRAWN = "testimonial.withdrawn"
    REPORT_CREATED = "report.created"
    INVITE_ANSWERED = "invite.answered"  # sent once invitations exist
    TEST = "webhook.test"  # the owner's "Send a test event"; always delivered


# What an endpoint gets when the owner names no events.
DEFAULT_EVENTS = tuple(e for e in Event if e is not Event.TEST)


class Format(enum.StrEnum):
    STANDARD = "standard"  # signed JSON {type, timestamp, data}
    SLACK = "slack"  # {"text": ...}
    MATTERMOST = "mattermost"  # {"text": ...}, as Slack
    DISCORD = "discord"  # {"content": ...}


@dataclass(frozen=True)
class EndpointDraft:
    url: str
    events: tuple[Event, ...]
    format: Format
    own_system: bool
    include_spam: bool


def _flag(data: Mapping[str, Any], name: str) -> bool:
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise Refusal(name, "not_a_boolean", f"{name} must be true or false")
    return value


def parse_endpoint(data: Any, *, allow_local: bool) -> EndpointDraft:
    """An endpoint as the owner asked for it; the address it names is checked apart."""
    if not isinstance(data, dict):
        raise Refusal(None, "not_an_object", "send a JSON object")
    url = data.get("url")
    if not isinstance(url, str):
        raise Refusal("url", "required", "url is required")
    check_url(url, allow_local=allow_local)
    names = data.get("events", list(DEFAULT_EVENTS))
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise Refusal("events", "invalid", "events must be a list of event names")
    known = {e.value for e in DEFAULT_EVENTS}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise Refusal("events", "unknown_event", f"no such event: {unknown[0]}")
    shape = data.get("format", Format.STANDARD.value)
    if not isinstance(shape, str) or shape not in {f.value for f in Format}:
        raise Refusal("format", "invalid", "format is one of " + ", ".join(Format))
    return EndpointDraft(
        url=url,
        events=tuple(Event(n) for n in dict.fromkeys(names)),
        format=Format(shape),
        own_system=_flag(data, "own_system"),
        include_spam=_flag(data, "include_spam"),
    )


def check_url(url: str, *, allow_local: bool) -> tuple[str, str, int]:
    """The scheme, host and port of an endpoint URL, or a refusal naming `url`."""
    if len(url) > MAX_URL:
        raise Refusal("url", "too_long", f"url is longer than {MAX_URL} characters")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise Refusal("url", "invalid", "not a URL Chorus can post to")
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        raise Refusal("url", "invalid", "the port is not a number") from None
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise Refusal("url", "invalid", "the URL must start with https://")
    if parts.scheme == "http" and not allow_local:
        raise Refusal("url", "not_https", "the URL must start with https://")
    if parts.username or parts.password:
        raise Refusal("url", "invalid", "put no user name or password in the URL")
    if parts.fragment:
        raise Refusal("url", "invalid", "a URL with # is not posted to")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def _local(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_loopback or ip.is_private


def address_refusal(addresses: Iterable[str], scheme: str, *, allow_local: bool) -> str | None:
    """Why a host that resolved to `addresses` may not be posted to, or None when it may.

    Every address must pass (the connection may go to any of them).
    """
    found = False
    for address in addresses:
        found = True
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return "the host's address is not understood"
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        never = ip.is_link_local or ip.is_multicast or ip.is_unspecified
        if never or (ip.is_reserved and not ip.is_loopback):
            return "the host resolves to an address that is never posted to"
        if ip.is_global:
            if scheme != "https":
                return "plain http goes only to a local address"
            continue
        if not allow_local or not _local(ip):
            return "the host resolves to a private address (local endpoints are not allowed)"
    return None if found else "the host name does not resolve"


def wants(events: Iterable[str], include_spam: bool, event: Event, status: str) -> bool:
    """Whether an endpoint that asked for `events` is sent `event` about a comment in `status`."""
    if event is Event.TEST:
        return True
    if event not in set(events):
        return False
    return include_spam or status != "spam"


def payload(event: str, timestamp: str, data: Mapping[str, Any], *, own_system: bool) -> bytes:
    """The JSON body of a standard delivery: the reader's address only to the owner's own system."""
    shown = dict(data)
    if not own_system:
        shown.pop("email", None)
    return json.dumps(
        {"type": event, "timestamp": timestamp, "data": shown},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()


def chat_body(shape: Format, message: str) -> bytes:
    """An incoming-webhook message for a chat: Slack and Mattermost take text, Discord content."""
    key = "content" if shape is Format.DISCORD else "text"
    return json.dumps({key: message}, ensure_ascii=False).encode()


def first_words(body: str, n: int = PREVIEW_WORDS) -> str:
    """The first `n` words of a comment, on one line, with … when there were more."""
    words = body.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def secret_from(random: bytes) -> str:
    """A secret as the specification writes it, from fresh random bytes."""
    return SECRET_PREFIX + base64.b64encode(random).decode()


def sign(secret: str, webhook_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header value for one try."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


# Seconds before each further try: about a day and a quarter in all, as the specification
# suggests (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then the endpoint is paused.
RETRY_AFTER = (5, 300, 1800, 7200, 18000, 36000, 36000)


def retry_delay(attempts: int) -> int | None:
    """Seconds until the next try after `attempts` failed ones; None: give up."""
    return RETRY_AFTER[attempts - 1] if 0 < attempts <= len(RETRY_AFTER) else None

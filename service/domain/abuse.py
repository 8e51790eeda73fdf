"""Spam and abuse rules a bot cannot walk around: meaning-level duplicates, the owner's own word,
phrase and link-domain rules, the proof-of-work check, and bounds on what the renderer must do.

Threat: spammers who vary invisible details to repeat themselves or to slip past a rule (case,
invisible characters, look-alike letters, a host a browser reads otherwise: all compared through
`service.domain.normalise`, the one normalisation of every matcher), cheap bots (a hashcash
puzzle makes each post cost CPU), and crafted texts that make rendering super-linear. Pure: every
limit comes in as an argument, and every function here runs in time linear in its input.
"""

from __future__ import annotations

import enum
import hashlib
import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from service.domain.errors import Refusal
from service.domain.normalise import browser_host, domain_to_ascii, shape, skeleton, visible
from service.domain.validation import LINK

# -- who is one client ---------------------------------------------------------------------------


def unmapped(raw: str) -> str:
    """An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) as the IPv4 address it carries."""
    try:
        address = ipaddress.ip_address(raw.strip())
    except ValueError:
        return raw
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def limiter_address(raw: str) -> str:
    """The address a client is limited under: IPv4 as it is, IPv6 by its /64.

    A dual-stack listener (`--host ::`) sees IPv4 clients as `::ffff:a.b.c.d`; keyed by /64
    they would all share `::/64`, so one client could lock everyone out. Mapped (and the old
    compatible) forms become the IPv4 address they carry before keying.
    """
    try:
        address = ipaddress.ip_address(raw.strip())
    except ValueError:
        return raw  # not an address (a test client, a unix socket): kept as it came
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


# -- duplicates by meaning -----------------------------------------------------------------------


def _untrailed(text: str) -> str:
    """Trailing punctuation and symbols off ("Great!" and "great"), unless that is all there is.

    A loop from the end rather than a regular expression anchored at `$`, which would be tried
    (and fail) at every run of spaces in the text."""
    end = len(text)
    while end and not text[end - 1].isalnum():
        end -= 1
    return text[:end] or text


@lru_cache(maxsize=64)
def duplicate_key(text: str) -> str:
    """The text as a reader would read it: what two posts share when they say the same thing.

    The confusables skeleton (`normalise.skeleton`: invisible characters gone, compatibility
    forms, case and look-alike letters folded, white space collapsed) with trailing punctuation
    dropped, before and after folding (a look-alike of "!" is punctuation only once folded).
    Cached: one post is keyed several times (rules, the duplicate look-up, the insert).
    """
    return _untrailed(shape(_untrailed(visible(text))))


def duplicate_hash(parent_id: int | None, body: str) -> str:
    """The duplicate key of a post: the same words in the same place, however they are written."""
    return hashlib.sha256(f"{parent_id or 0}\n{duplicate_key(body)}".encode()).hexdigest()


# -- bounded rendering ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RenderBounds:
    """How much structure one text may ask the renderer to build."""

    max_lines: int = 200  # line breaks in one comment
    max_markup: int = 1000  # characters that become entities or tags: < > & " '


def check_renderable(name: str, text: str, bounds: RenderBounds) -> None:
    """Refuse, naming the field, a text whose rendering would be far costlier than its length."""
    if text.count("\n") > bounds.max_lines:
        raise Refusal(name, "too_many_lines", f"{name} may have at most {bounds.max_lines} lines")
    markup = sum(text.count(c) for c in "<>&\"'")
    if markup > bounds.max_markup:
        raise Refusal(
            name,
            "too_much_markup",
            f"{name} may hold at most {bounds.max_markup} of the characters < > & \" '",
        )


# -- the owner's rules ---------------------------------------------------------------------------


class RuleKind(enum.StrEnum):
    WORD = "word"
    PHRASE = "phrase"
    DOMAIN = "domain"


class RuleAction(enum.StrEnum):
    SPAM = "spam"
    QUEUE = "queue"


@dataclass(frozen=True)
class Rule:
    id: int
    kind: RuleKind
    value: str
    action: RuleAction

    @property
    def reason(self) -> str:
        """What the moderation log says when this rule holds a comment."""
        return f"rule {self.kind.value}: {self.value}"


MAX_RULE_LENGTH = 200  # characters of one word, phrase or domain
_DOMAIN = re.compile(r"^(?=.{1,253}$)[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+$")
_WORDS = re.compile(r"\w+")


def _rule_domain(value: str) -> str:
    """A domain rule's value as hosts are compared: the browser's ASCII host, "www." off."""
    text = value.strip()
    url = text if "://" in text else "http://" + text
    return (browser_host(url) or "").removeprefix("www.")


def parse_rule(kind: object, value: object, action: object) -> tuple[RuleKind, str, RuleAction]:
    """An owner's new rule, checked and normalised; a refusal names the field at fault.

    Words and phrases are stored as a reader sees them (`normalise.visible`, readable in the
    owner's list) and compared by skeleton; a domain is stored as the browser's ASCII host, so
    "bücher.example" and "xn--bcher-kva.example" are one rule.
    """
    if not isinstance(kind, str) or kind not in RuleKind.__members__.values():
        raise Refusal("kind", "invalid", "kind must be word, phrase or domain")
    if not isinstance(action, str) or action not in RuleAction.__members__.values():
        raise Refusal("action", "invalid", "action must be spam or queue")
    if not isinstance(value, str):
        raise Refusal("value", "not_a_string", "value must be a string")
    if len(value) > MAX_RULE_LENGTH:
        raise Refusal("value", "too_long", f"value must be at most {MAX_RULE_LENGTH} characters")
    rule_kind = RuleKind(kind)
    if rule_kind == RuleKind.DOMAIN:
        text = _rule_domain(value)
        if not _DOMAIN.match(text):
            raise Refusal("value", "invalid_domain", "value must be a domain such as spam.example")
    else:
        text = _untrailed(visible(value))
        if not text:
            raise Refusal("value", "required", "value must not be empty")
        if rule_kind == RuleKind.WORD and _WORDS.fullmatch(text) is None:
            raise Refusal("value", "not_a_word", "a word rule takes one word; use a phrase rule")
    return rule_kind, text, RuleAction(action)


def link_hosts(text: str, website: str = "") -> set[str]:
    """The hosts a reader's links go to, as a browser reads them, "www." off."""
    hosts = set()
    for url in [*LINK.findall(text), website]:
        host = browser_host(url) if url else None
        if host:
            hosts.add(host.removeprefix("www."))
    return hosts


@lru_cache(maxsize=1024)
def _compared(kind: RuleKind, value: str) -> str:
    """A stored rule's value as it is compared (rules stored before this normalisation too)."""
    if kind == RuleKind.DOMAIN:
        return domain_to_ascii(value)
    return " ".join(_WORDS.findall(skeleton(value)))


def matching_rule(rules: Iterable[Rule], text: str, website: str = "") -> Rule | None:
    """The first rule that holds this comment, spam rules before queue rules, or None.

    Words and phrases are compared by skeleton (`duplicate_key`), so case, look-alike letters
    and invisible characters do not slip past; link hosts as a browser reads them, and a domain
    rule also holds its subdomains.
    """
    ordered = sorted(rules, key=lambda r: (r.action != RuleAction.SPAM, r.id))
    if not ordered:
        return None
    meaning = duplicate_key(text)
    words = set(_WORDS.findall(meaning))
    spaced = f" {' '.join(_WORDS.findall(meaning))} "
    hosts = link_hosts(text, website)
    for rule in ordered:
        value = _compared(rule.kind, rule.value)
        if not value:
            continue
        if rule.kind == RuleKind.WORD and value in words:
            return rule
        if rule.kind == RuleKind.PHRASE and f" {value} " in spaced:
            return rule
        if rule.kind == RuleKind.DOMAIN and any(
            h == value or h.endswith("." + value) for h in hosts
        ):
            return rule
    return None


# -- proof of work -------------------------------------------------------------------------------

MAX_POW_BITS = 26  # beyond this a phone would work for minutes


def pow_solved(challenge: str, answer: str, bits: int) -> bool:
    """Whether SHA-256(challenge ":" answer) starts with `bits` zero bits (hashcash)."""
    if bits <= 0:
        return True
    if not answer or len(answer) > 32 or not answer.isascii() or not answer.isalnum():
        return False
    digest = hashlib.sha256(f"{challenge}:{answer}".encode()).digest()
    return int.from_bytes(digest, "big") >> (256 - bits) == 0


def pow_bits(mode: str, base: int, recent_posts: int, normal_posts: int) -> int:
    """The puzzle's difficulty in bits now.

    "off": none. "on": always `base`. "auto": none while the site-wide count of posts in the
    window is at most `normal_posts`; above it, `base` plus one bit for every doubling.
    """
    if mode == "on":
        return min(base, MAX_POW_BITS)
    if mode != "auto" or recent_posts <= normal_posts:
        return 0
    extra = (recent_posts // max(normal_posts, 1)).bit_length() - 1
    return min(base + extra, MAX_POW_BITS)

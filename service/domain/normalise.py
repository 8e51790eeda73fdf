"""How a reader's eye sees a text and how a browser reads a link: the one normalisation every
matcher (the owner's rules, duplicates, reserved names) compares by.

Threat: a spammer or impersonator who writes what looks like a held word, a repeat or the owner's
name with invisible characters (any default-ignorable code point: zero-width characters, the
combining grapheme joiner, variation selectors, Hangul fillers, tags; and the braille blank),
with look-alike letters (Cyrillic and Greek, fullwidth forms, mathematical alphanumerics), or
who links a held domain by a host that a browser reads differently from `urllib` (a trailing
dot, `%2e`, ideographic full stops, a backslash before an `@`, an IDNA or Unicode spelling).
Texts are compared by their Unicode confusables skeleton (UTS #39, as ICU computes it), hosts
by the WHATWG URL Standard's host parser (percent-decoding, then UTS #46 to ASCII). Pure, and
linear in the input.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import cache, lru_cache
from typing import Any
from urllib.parse import unquote_to_bytes

import icu


def _pattern(unicode_set: str) -> re.Pattern[str]:
    """A regular expression character class with the code points of an ICU UnicodeSet."""
    found = icu.UnicodeSet(unicode_set)
    ranges = (
        (str(found.getRangeStart(i)), str(found.getRangeEnd(i)))
        for i in range(found.getRangeCount())
    )
    return re.compile("[" + "".join(f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges) + "]")


# Drawn as nothing: every default-ignorable code point (Unicode's own list, which covers the
# combining grapheme joiner, variation selectors, Hangul fillers and tags) and every format
# character. Taken from ICU's Unicode data, so a newer Unicode brings its new ones along.
_INVISIBLE = _pattern("[[:Default_Ignorable_Code_Point:][:Cf:]]")
# Drawn as blank space but neither white space nor ignorable: the braille blank.
_BLANK = re.compile("[\u2800]")


@cache
def _checker() -> Any:
    return icu.SpoofChecker()


def visible(text: str) -> str:
    """The text as drawn: invisible characters gone, blanks as spaces, NFKC (fullwidth and
    mathematical letters plain), case folded, white space collapsed. Readable, so fit to show
    (an owner's rule is stored this way)."""
    if not text.isascii():  # no ASCII character is invisible: plain text skips the scan
        text = _BLANK.sub(" ", _INVISIBLE.sub("", text))
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        # NFKC can make a format character of a compatibility form: remove once more after it.
        folded = _INVISIBLE.sub("", folded)
    return " ".join(folded.split())


def shape(seen: str) -> str:
    """The confusables skeleton of a text that is already `visible`."""
    # getSkeleton(0, ...) is UTS #39's skeleton for any script mix; it may yield capitals.
    folded: str = _checker().getSkeleton(0, seen)
    return " ".join(unicodedata.normalize("NFC", folded).casefold().split())


@lru_cache(maxsize=256)
def skeleton(text: str) -> str:
    """What the text looks like: `visible`, then look-alikes folded (UTS #39 skeleton), so
    "Ѕаnnе" in Cyrillic, "𝐒𝐚𝐧𝐧𝐞" and "Sanne" are one. Only for comparing, never shown or stored.

    Linear in the text (a few milliseconds for 5,000 characters, most of it ICU's); cached, as
    the same names and rule values come back with every post.
    """
    return shape(visible(text))


# -- hosts as a browser reads them ---------------------------------------------------------------

_SPECIAL_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
# Where a special URL's authority ends: "\" counts as "/".
_AUTHORITY_END = re.compile(r"[/\\?#]")
# The WHATWG URL Standard's forbidden domain code points: a host holding one (after
# percent-decoding, so "%40" is "@") is no host, and must never become one's user info.
_FORBIDDEN_IN_DOMAIN = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")


@cache
def _uts46() -> Any:
    # The WHATWG URL Standard's domain-to-ASCII: nontransitional, joiners and bidi checked.
    return icu.IDNA(
        icu.IDNA.CHECK_BIDI | icu.IDNA.CHECK_CONTEXTJ | icu.IDNA.CHECK_NONTRANSITIONAL_TO_ASCII
    )


def domain_to_ascii(domain: str) -> str:
    """A domain as DNS sees it: UTS #46 mapping (dot look-alikes such as "。" become ".", case
    and width folded, ignorables dropped), Punycode for Unicode labels, one trailing dot off.

    Lenient where a browser would refuse: a name with an IDNA error keeps its mapped form, so a
    rule still compares it (holding a link that goes nowhere costs nothing).
    """
    mapped = str(_uts46().nameToASCII(domain, icu.IDNAInfo())).lower()
    return mapped.removesuffix(".")


def _ipv4_number(part: str) -> int | None:
    if part[:2].lower() == "0x":
        digits, base = part[2:], 16
    elif len(part) > 1 and part.startswith("0"):
        digits, base = part[1:], 8
    else:
        digits, base = part, 10
    if not digits:
        return 0  # "0x" alone is zero
    try:
        return int(digits, base) if digits.isascii() and digits.isalnum() else None
    except ValueError:
        return None


def _ipv4(host: str) -> str | None:
    """The WHATWG IPv4 parser: "0x7f.1", "2130706433" and "127.0.0.1." are one address."""
    parts = host.split(".")
    if len(parts) > 4:
        return None
    numbers = [_ipv4_number(p) for p in parts]
    if any(n is None for n in numbers):
        return None
    values = [n for n in numbers if n is not None]
    if any(n > 255 for n in values[:-1]) or values[-1] >= 256 ** (5 - len(values)):
        return None
    address = values[-1]
    for index, value in enumerate(values[:-1]):
        address += value * 256 ** (3 - index)
    return str(ipaddress.IPv4Address(address))


def _ends_in_a_number(host: str) -> bool:
    last = host.split(".")[-1]
    return bool(last) and (
        (last.isascii() and last.isdigit())
        or (last[:2].lower() == "0x" and all(c in "0123456789abcdefABCDEF" for c in last[2:]))
    )


def browser_host(url: str) -> str | None:
    """The host a browser would connect to for `url`, in ASCII, or None when it has none.

    The WHATWG URL Standard's way, for special schemes (http, https, ...): tabs and newlines
    dropped, any run of "/" and "\\" after the scheme skipped, the authority ending at "/", "\\",
    "?" or "#", user info up to the last "@" dropped, the port dropped, then the host
    percent-decoded, mapped to ASCII by UTS #46 (a forbidden code point such as "@" or "/" in
    it means no host) and, if it ends in a number, read as IPv4.
    """
    url = _TAB_OR_NEWLINE.sub("", url.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08 "))
    scheme = _SCHEME.match(url)
    if scheme is None or scheme.group(1).lower() not in _SPECIAL_SCHEMES:
        return None
    rest = url[scheme.end() :].lstrip("/\\")
    end = _AUTHORITY_END.search(rest)
    authority = rest[: end.start()] if end else rest
    host = authority.rpartition("@")[2]
    if host.startswith("["):
        literal = host[1:].partition("]")[0]
        try:
            return f"[{ipaddress.IPv6Address(literal).compressed}]"
        except ValueError:
            return None
    host = host.partition(":")[0]
    try:
        decoded = unquote_to_bytes(host).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not decoded:
        return None
    ascii_host = domain_to_ascii(decoded)
    if _FORBIDDEN_IN_DOMAIN.search(ascii_host):
        return None
    if _ends_in_a_number(ascii_host):
        return _ipv4(ascii_host)
    return ascii_host or None

"""The reader's language: what the public API says when it refuses, and which language the
pages Chorus serves itself speak (`?lang=`, else the browser's `Accept-Language`).

The widget asks for its page's language with `Accept-Language` (a header every browser may send
across origins without a preflight of its own), and shows the `message` of an error as it comes.
So the words live in the catalogs (service/text, `refusal.<code>`), not in every copy of the
widget that readers download. A caller that asks for no language (a script, a test, curl) keeps
the message written for developers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request

from service import text


def asked_language(request: Request) -> str | None:
    """A language of the catalogs when a caller of the public API names one, else None.

    The first choice decides. The owner API keeps its own messages: they name owner-side rules.
    """
    if not request.url.path.startswith("/api/"):
        return None
    header = request.headers.get("accept-language", "").strip()
    if not header:
        return None
    first = header.lower()
    return next((lang for lang in text.LANGUAGES if first.startswith(lang)), text.FALLBACK)


def preferred(header: str) -> str | None:
    """The catalog language an `Accept-Language` header ranks highest (RFC 9110 12.5.4: by
    q-value, then by order), or None when it names none of them. `de-CH` counts as `de`."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        code = tag.strip().lower().split("-")[0]
        if q > 0 and code in text.LANGUAGES:
            ranked.append((-q, position, code))
    return min(ranked)[2] if ranked else None


def page_language(request: Request, default: str = "nl") -> str:
    """The language of a page Chorus serves itself: an explicit `?lang=` wins, then what the
    browser asks for, then `default` (the practice's own language)."""
    asked = request.query_params.get("lang", "")
    if asked in text.LANGUAGES:
        return asked
    return preferred(request.headers.get("accept-language", "")) or default


@dataclass(frozen=True)
class Switch:
    """The links to the same page in each language, for the switch at its top."""

    label: str
    links: tuple[tuple[str, str, str], ...]  # (code, the language's own name, address)


def switch(request: Request, lang: str) -> Switch:
    """Links to this page in every language: the query as it is, with `lang` set."""
    others = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    links = tuple(
        (
            code,
            text.message(code, "language.name"),
            f"{request.url.path}?{urlencode([*others, ('lang', code)])}",
        )
        for code in sorted(text.LANGUAGES, key=lambda code: code != "nl")
    )
    return Switch(text.message(lang, "language.switch"), links)


def _wait(seconds: int, lang: str) -> str:
    if seconds < 90:
        return text.plural(lang, "wait.seconds", seconds)
    minutes = math.ceil(seconds / 60)
    if minutes < 90:
        return text.message(lang, "wait.minutes_other", n=minutes)
    hours = math.ceil(minutes / 60)
    return text.message(lang, "wait.hours_other", n=hours)


def _count(n: int, lang: str) -> str:
    """A limit as a reader reads it: 5000, or 10.000 / 10,000 from five digits on."""
    return str(n) if n < 10000 else text.number(lang, n)


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
    return in_language(lang, code, field, retry_after, details)


def in_language(
    lang: str,
    code: str,
    field: str | None,
    retry_after: int | None = None,
    details: Mapping[str, Any] | None = None,
) -> str:
    """A refusal's message in `lang`, for pages that know their reader's language."""
    words = text.catalog(lang)
    key = f"refusal.{code}"
    if key not in words:
        key = "refusal.about_a_field" if field else "refusal.anything_else"
    needs = text.placeholders(words[key])
    limit = (details or {}).get("max_length")
    if "max" in needs and not isinstance(limit, int):
        # A refusal that names no limit: say only what is wrong.
        return words["refusal.too_long_no_limit"]
    values = {
        "max": _count(limit, lang) if isinstance(limit, int) else "",
        "wait": _wait(retry_after or 60, lang) if "wait" in needs else "",
    }
    return text.message(lang, key, **{name: values[name] for name in needs})

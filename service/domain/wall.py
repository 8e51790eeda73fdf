"""The testimonial wall's shape: which stories a wall shows, and the owner's pins on top.

A wall may show only the stories written in one language (the language the author wrote in,
kept with each comment) or only those from one post. The owner pins a few testimonials to the
top, at most MAX_PINS, so a widget showing its default six can show every pin; the rest follow
newest first. Pure: the web edge parses, the store orders.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from service.domain.errors import Kind, Refusal
from service.domain.validation import LANGUAGES, clean_line

MAX_PINS = 6  # pinned testimonials at most; the testimonials widget shows six by default
MAX_PAGE_KEY = 500  # characters, as a comment's `page`


@dataclass(frozen=True)
class Wall:
    """Which testimonials a list shows: all (the default), or one language's, or one post's."""

    lang: str = ""
    page_key: str = ""

    @property
    def key(self) -> str:
        """The filter as a cache key's tail: "" for the whole wall, so its keys stay as they were.

        A page key may hold any character but a newline, which parts the two.
        """
        return f":{self.lang}\n{self.page_key}" if self.lang or self.page_key else ""


def parse_wall(params: Mapping[str, str]) -> Wall:
    """A wall filter from query parameters: `lang` one of LANGUAGES, `page` a page key."""
    lang = params.get("lang", "")
    if lang and lang not in LANGUAGES:
        raise Refusal("lang", "unsupported", f"lang must be one of {', '.join(LANGUAGES)}")
    page_key = clean_line(dict(params), "page", MAX_PAGE_KEY) if params.get("page") else ""
    return Wall(lang, page_key)


def too_many_pins() -> Refusal:
    """A pin past the limit: the owner unpins one first."""
    return Refusal(
        "pinned",
        "too_many_pins",
        f"at most {MAX_PINS} testimonials can be pinned; unpin one first",
        Kind.CONFLICT,
        details={"max_pins": MAX_PINS},
    )

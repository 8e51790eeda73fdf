"""A page's facts (title and address) belong to the owner.

Threat: an anonymous post that renames a page or points its link elsewhere, so published
testimonials and feeds show a stranger's title and link. The first comment names a page; after
that only the owner changes it. A reader-sent address must be on the site's own host or an
allowed origin, else it is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from service.domain.errors import Refusal
from service.domain.normalise import browser_host
from service.domain.validation import clean_line, clean_url


def own_page_url(url: str, public_url: str, origins: Iterable[str]) -> str:
    """`url` when it is on `public_url`'s host or one of `origins`, else ""."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = browser_host(url)  # as `clean_url` stored it; PUBLIC_URL may spell it in Unicode
    if host and host == browser_host(public_url):
        return url
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    return url if origin in {o.lower().rstrip("/") for o in origins} else ""


@dataclass(frozen=True)
class PageFacts:
    title: str
    url: str


def parse_page_facts(data: Any) -> PageFacts:
    """The owner's title and address for a page; both must be sent, the address may be ''."""
    if not isinstance(data, dict) or not {"title", "url"} <= set(data):
        raise Refusal("title", "required", 'send {"title": "...", "url": "https://..."}')
    title = clean_line(data, "title", 300, required=True)
    url = clean_url("url", clean_line(data, "url", 2048))
    return PageFacts(title, url)

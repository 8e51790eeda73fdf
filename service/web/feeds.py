"""The testimonials feeds: Atom 1.0 and JSON Feed 1.1.

Only approved, consented and promoted comments appear, each as `shapes.public_testimonial` shows
it: a testimonial with an excerpt carries the excerpt's words only, never the text cut away.
An entry's `updated` (`date_modified`) is the time its shown text last changed, so a reader
fetches a redaction; the feed's `updated` is its latest change, removals included, so it never
moves back. Home links lead to the owner's site (`SITE_URL`), not to this service.
Every stored text is valid XML 1.0 characters (the intake rules refuse the rest), and
ElementTree escapes it, so a comment can never break or inject into the feed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import Response

import settings
from service import readers
from service.domain.comments import Comment
from service.domain.wall import Wall, parse_wall
from service.web.http import cached, json_bytes, store_of
from service.web.shapes import public_testimonial

FEED_SIZE = 50  # newest testimonials in a feed
ATOM = "http://www.w3.org/2005/Atom"


EPOCH = "1970-01-01T00:00:00Z"  # the `updated` of a feed that never held anything


def _base() -> str:
    return settings.PUBLIC_URL


def _site() -> str:
    return (settings.SITE_URL or settings.PUBLIC_URL) + "/"


def _tag_id(comment_id: int) -> str:
    host = urlsplit(_base()).hostname or "localhost"
    return f"tag:{host},2026:testimonial:{comment_id}"


def _link(shown: dict[str, Any]) -> str:
    url: str | None = shown["url"]
    return url or _site()


def _modified(comment: Comment) -> str:
    """Promoting sets both stamps; any later change to the text (redacted, undone) only
    `updated_at`. An import may bring a `promoted_at` later than its `updated_at`."""
    return max(comment.updated_at, comment.promoted_at or "")


def _title(comment: Comment, shown: dict[str, Any]) -> str:
    name: str = shown["author"]
    return f"{name} — {comment.page_title}" if comment.page_title else name


def _feed_url(path: str, wall: Wall | None) -> str:
    """The feed's own address, with its filter: a filtered feed is a feed of its own."""
    if wall is None or wall == Wall():
        return _base() + path
    query = urlencode({k: v for k, v in (("lang", wall.lang), ("page", wall.page_key)) if v})
    return f"{_base()}{path}?{query}"


def render_atom(
    comments: list[Comment], changed_at: str | None = None, wall: Wall | None = None
) -> bytes:
    """The feed; `changed_at` is the latest change to the testimonials, removals included."""
    feed = ET.Element("feed", xmlns=ATOM)
    own = _feed_url("/feeds/testimonials.atom", wall)
    ET.SubElement(feed, "title").text = f"{settings.SITE_NAME}: testimonials"
    ET.SubElement(feed, "id").text = own
    ET.SubElement(feed, "link", rel="self", href=own)
    ET.SubElement(feed, "link", rel="alternate", href=_site())
    ET.SubElement(feed, "updated").text = max(
        [changed_at or EPOCH, *(_modified(c) for c in comments)]
    )
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = settings.SITE_NAME
    for comment in comments:
        shown = public_testimonial(comment)
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = _tag_id(comment.id)
        ET.SubElement(entry, "title").text = _title(comment, shown)
        ET.SubElement(entry, "link", rel="alternate", href=_link(shown))
        ET.SubElement(entry, "published").text = comment.created_at
        ET.SubElement(entry, "updated").text = _modified(comment)
        ET.SubElement(ET.SubElement(entry, "author"), "name").text = shown["author"]
        if shown["excerpt"]:
            ET.SubElement(entry, "summary").text = shown["excerpt"]
        ET.SubElement(entry, "content", type="html").text = shown["html"]
        if comment.rating:
            ET.SubElement(
                entry, "category", term=f"rating-{comment.rating}", label=f"{comment.rating}/5"
            )
    document: bytes = ET.tostring(feed, encoding="utf-8")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + document


def _json_item(comment: Comment) -> dict[str, Any]:
    shown = public_testimonial(comment)
    item: dict[str, Any] = {
        "id": str(comment.id),
        "url": _link(shown),
        "title": _title(comment, shown),
        "content_html": shown["html"],
        "date_published": comment.created_at,
        "date_modified": _modified(comment),
        "authors": [{"name": shown["author"]}],
        "_chorus": {
            "rating": comment.rating,
            "page_title": comment.page_title,
            "excerpt": shown["excerpt"],
            "passage": shown["passage"],
        },
    }
    # JSON Feed's optional fields are strings: one without a value is left out, never null.
    if shown["excerpt"]:
        item["summary"] = shown["excerpt"]
    return item


def render_json_feed(comments: list[Comment], wall: Wall | None = None) -> dict[str, Any]:
    """JSON Feed 1.1 has no feed-wide `updated`: each item's `date_modified` says it."""
    return {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{settings.SITE_NAME}: testimonials",
        "home_page_url": _site(),
        "feed_url": _feed_url("/feeds/testimonials.json", wall),
        "items": [_json_item(c) for c in comments],
    }


async def _feed(
    request: Request,
    kind: str,
    render: Callable[[list[Comment], str | None, Wall], bytes],
    media_type: str,
) -> Response:
    store = store_of(request)
    wall = parse_wall(request.query_params)

    async def build() -> tuple[bytes, bool]:
        comments = await readers.testimonials(store, FEED_SIZE, None, wall)
        changed_at = await readers.testimonials_changed_at(store)
        return render(comments, changed_at, wall), await readers.is_known_wall(store, wall)

    key = f"{kind}:{_base()}:{_site()}{wall.key}"
    return await cached(request, key, build, media_type, max_age=300)


async def atom_feed(request: Request) -> Response:
    """The testimonials as Atom 1.0, the owner's pins first; `lang` and `page` filter."""
    return await _feed(request, "atom", render_atom, "application/atom+xml; charset=utf-8")


async def json_feed(request: Request) -> Response:
    """The testimonials as JSON Feed 1.1, the owner's pins first; `lang` and `page` filter."""
    return await _feed(
        request,
        "json",
        lambda c, _, wall: json_bytes(render_json_feed(c, wall)),
        "application/feed+json",
    )

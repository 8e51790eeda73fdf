"""What each audience may see of a comment: the public, a testimonial's reader, the owner.

One place decides, so a private field can never leak through one channel and not another.
Each shape's JSON Schema stands beside it (`SCHEMAS`, keyed by the name the API document gives
it); a test checks that every key a shape gives is declared, and schemathesis checks the
answers against them.
"""

from __future__ import annotations

from typing import Any

import settings
from service import sanitize, text
from service.domain import hints
from service.domain.comments import Comment, Status
from service.domain.display_names import display_name
from service.domain.excerpts import shown_excerpt
from service.domain.honesty import Summary
from service.domain.seen import text_version

_ID = {"type": "integer", "minimum": 1}
_TEXT = {"type": "string"}
_TIME = {"type": "string", "description": "UTC, ISO 8601"}
_MAYBE_TEXT = {"type": ["string", "null"]}
_MAYBE_TIME = {**_TIME, "type": ["string", "null"]}
_RATING = {"type": ["integer", "null"], "minimum": 1, "maximum": 5}


def _object(properties: dict[str, Any], description: str) -> dict[str, Any]:
    """A schema that names every key a shape gives, and no more."""
    return {
        "type": "object",
        "description": description,
        "required": sorted(properties),
        "additionalProperties": False,
        "properties": properties,
    }


def to_second(moment: str) -> str:
    """A stored time (to the microsecond) to the second, in UTC: what readers' pages show, and
    what an HTML `datetime` attribute accepts (at most three digits of a second)."""
    return moment[:19] + "Z" if len(moment) > 20 else moment


def public_comment(comment: Comment, published: set[int] | None = None) -> dict[str, Any]:
    """The fields anyone may see: never email, hashes, keys or moderation data."""
    parent = comment.parent_id
    if published is not None and parent not in published:
        parent = None  # its parent is no longer shown: show the reply at the top level
    return {
        "id": comment.id,
        "parent": parent,
        "author": comment.author,
        "website": comment.website or None,
        "html": comment.html,
        "rating": comment.rating,
        "created_at": to_second(comment.created_at),
        "owner": comment.owner,
    }


PUBLIC_COMMENT = _object(
    {
        "id": _ID,
        "parent": {**_ID, "type": ["integer", "null"], "description": "the published parent"},
        "author": _TEXT,
        "website": _MAYBE_TEXT,
        "html": {**_TEXT, "description": "sanitised HTML of the text"},
        "rating": _RATING,
        "created_at": {**_TIME, "description": "UTC, to the second"},
        "owner": {"type": "boolean", "description": "a reply by the site's owner"},
    },
    "A published comment as anyone may see it",
)


def story_url(comment: Comment) -> str | None:
    """Where the whole story stands: the post, with the comments widget focused on it."""
    return f"{comment.page_url}#chorus-comment-{comment.id}" if comment.page_url else None


def testimonial_name(comment: Comment) -> str:
    """The name a testimonial shows: the one chosen for it, else "Joost V." for "Joost de Vries".

    "a client" is in the testimonial's own language (the site's, for one without).
    """
    word = text.client_word(comment.lang or settings.ADMIN_LANG)
    return display_name(comment.author, comment.display_name, word)


def public_testimonial(comment: Comment) -> dict[str, Any]:
    """A testimonial as every channel shows it (API, feeds, widget, JSON-LD).

    With an excerpt, only the excerpt's words leave: `text` and `html` are the passage, marked
    with "…" where the author's text goes on, and `url` leads to the whole story under its post.
    `author` is the display name, never the name as typed (which only its own post shows).
    """
    passage = shown_excerpt(comment.body, comment.excerpt) if comment.excerpt else ""
    return {
        "id": comment.id,
        "author": testimonial_name(comment),
        "html": sanitize.render(passage) if passage else comment.html,
        "excerpt": passage or None,
        "passage": bool(passage),
        "rating": comment.rating,
        "page_title": comment.page_title,
        "page_url": comment.page_url or None,
        "url": story_url(comment),
        "created_at": comment.created_at,
        **origin(comment),
    }


def origin(comment: Comment) -> dict[str, Any]:
    """How a story reached Chorus; `verified` only for an invited client (Chorus mailed or
    handed her a personal link, so she really was asked as a client) and since when."""
    invited = comment.source == "invite"
    return {
        "source": comment.source,
        "verified": invited,
        "invited_at": comment.invited_at if invited else None,
    }


_ORIGIN = {
    "source": {
        "enum": ["comment", "invite", "collect"],
        "description": "comment: under a post; invite: an invitation's story page; "
        "collect: the collection page",
    },
    "verified": {"type": "boolean", "description": "a verified client: true for invite only"},
    "invited_at": {**_MAYBE_TIME, "description": "when the client was invited"},
}


def public_summary(summary: Summary, min_count: int) -> dict[str, Any]:
    """The honesty line: every story received and its fate; no average below `min_count`."""
    return {
        "received": summary.received,
        "published": summary.published,
        "not_published_privacy": summary.not_published_privacy,
        "spam": summary.spam,
        "rating_count": summary.rating_count,
        "rating_average": summary.rating_average(min_count),
    }


TESTIMONIAL = _object(
    {
        "id": _ID,
        "author": {**_TEXT, "description": "the display name: a shortening of the author's"},
        "html": {**_TEXT, "description": "the excerpt's words, else the whole text, as HTML"},
        "excerpt": _MAYBE_TEXT,
        "passage": {"type": "boolean", "description": "whether only an excerpt is shown"},
        "rating": _RATING,
        "page_title": _MAYBE_TEXT,
        "page_url": _MAYBE_TEXT,
        "url": {**_MAYBE_TEXT, "description": "the whole story, under its post"},
        "created_at": _TIME,
        **_ORIGIN,
    },
    "A testimonial as every channel shows it",
)


def owner_comment(comment: Comment) -> dict[str, Any]:
    """Everything the owner may see about a comment, email included."""
    return {
        **public_comment(comment),
        "created_at": comment.created_at,  # to the microsecond, as every other owner time
        "email": comment.email or None,
        "body": comment.body,
        "seen": text_version(comment.body),  # send it back with approve or promote
        "status": comment.status.value,
        "consent": comment.consent,
        "consent_at": comment.consent_at,
        "consent_version": comment.consent_version,
        "consent_withdrawn_at": comment.consent_withdrawn_at,
        "testimonial": comment.testimonial,
        "excerpt": comment.excerpt or None,
        "promoted_at": comment.promoted_at,
        # Set while the owner keeps this testimonial at the top of the wall.
        "pinned_at": comment.pinned_at if comment.testimonial else None,
        # What a testimonial shows of the author's name; null: the default is not overridden.
        "display_name": comment.display_name,
        "shown_name": testimonial_name(comment),
        "lang": comment.lang or None,
        "page": comment.page_key,
        "page_title": comment.page_title,
        "page_url": comment.page_url or None,
        "updated_at": comment.updated_at,
        "moderated_at": comment.moderated_at,
        "edited_at": comment.edited_at,
        "previous_body": comment.previous_body,
        "hints": [h.code for h in hints.of(comment.hints, comment.body)],
        **origin(comment),
    }


OWNER_COMMENT = _object(
    {
        **PUBLIC_COMMENT["properties"],
        "created_at": {**_TIME, "description": "UTC, to the microsecond"},
        "email": _MAYBE_TEXT,
        "body": {**_TEXT, "description": "the reader's plain text"},
        "seen": {
            **_TEXT,
            "description": "the text's version: send it back with approve or promote",
        },
        "status": {"enum": [s.value for s in Status]},
        "consent": {"type": "boolean"},
        "consent_at": _MAYBE_TIME,
        "consent_version": _MAYBE_TEXT,
        "consent_withdrawn_at": _MAYBE_TIME,
        "testimonial": {"type": "boolean"},
        "excerpt": _MAYBE_TEXT,
        "promoted_at": _MAYBE_TIME,
        "pinned_at": {**_MAYBE_TIME, "description": "when it was pinned to the top; null: not"},
        "display_name": {
            **_MAYBE_TEXT,
            "description": "the name chosen for the testimonial; null: the default",
        },
        "shown_name": {**_TEXT, "description": "the name the testimonial shows"},
        "lang": _MAYBE_TEXT,
        "page": {**_TEXT, "description": "the page key"},
        "page_title": _MAYBE_TEXT,
        "page_url": _MAYBE_TEXT,
        "updated_at": _TIME,
        "moderated_at": _MAYBE_TIME,
        "edited_at": _MAYBE_TIME,
        "previous_body": _MAYBE_TEXT,
        "hints": {"type": "array", "items": _TEXT, "description": "hint codes for a second look"},
        **_ORIGIN,
    },
    "Everything the owner may see about a comment",
)

_COUNT = {"type": "integer", "minimum": 0}
SUMMARY = _object(
    {
        "received": {**_COUNT, "description": "stories (comments with consent) not spam"},
        "published": {**_COUNT, "description": "stories on the wall now"},
        "not_published_privacy": {**_COUNT, "description": "rejected, naming a phone or e-mail"},
        "spam": {**_COUNT, "description": "stories marked spam"},
        "rating_count": {**_COUNT, "description": "published stories with stars"},
        "rating_average": {
            "type": ["number", "null"],
            "minimum": 1,
            "maximum": 5,
            "description": "mean of every published rating; null below TESTIMONIAL_MIN_COUNT",
        },
    },
    "Every story received and what became of it, over all time",
)

SCHEMAS: dict[str, dict[str, Any]] = {
    "PublicComment": PUBLIC_COMMENT,
    "Testimonial": TESTIMONIAL,
    "TestimonialSummary": SUMMARY,
    "OwnerComment": OWNER_COMMENT,
}

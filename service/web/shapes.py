"""What each audience may see of a comment: the public, a testimonial's reader, the owner.

One place decides, so a private field can never leak through one channel and not another.
"""

from __future__ import annotations

from typing import Any

from service.domain.comments import Comment
from service.domain.hints import for_text


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
        "created_at": comment.created_at,
        "owner": comment.owner,
    }


def public_testimonial(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.id,
        "author": comment.author,
        "html": comment.html,
        "excerpt": comment.excerpt or None,
        "rating": comment.rating,
        "page_title": comment.page_title,
        "page_url": comment.page_url or None,
        "created_at": comment.created_at,
    }


def owner_comment(comment: Comment) -> dict[str, Any]:
    """Everything the owner may see about a comment, email included."""
    return {
        **public_comment(comment),
        "email": comment.email or None,
        "body": comment.body,
        "status": comment.status.value,
        "consent": comment.consent,
        "consent_at": comment.consent_at,
        "consent_version": comment.consent_version,
        "testimonial": comment.testimonial,
        "excerpt": comment.excerpt or None,
        "promoted_at": comment.promoted_at,
        "lang": comment.lang or None,
        "page": comment.page_key,
        "page_title": comment.page_title,
        "page_url": comment.page_url or None,
        "updated_at": comment.updated_at,
        "moderated_at": comment.moderated_at,
        "edited_at": comment.edited_at,
        "previous_body": comment.previous_body,
        "hints": [h.code for h in for_text(comment.body)],
    }

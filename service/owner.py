"""The owner's use cases: every moderation action, written once.

The admin form pages, the owner JSON API and the one-click links in the owner's e-mail all call
these functions; none of them holds a business rule of its own. Each action checks what it needs,
changes the store (which writes the moderation-log row in the same transaction) and returns a
result, or raises `Refusal` saying why not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import settings
from service import sanitize
from service.domain.comments import (
    BULK_ACTIONS,
    TRANSITIONS,
    Comment,
    LogEntry,
    NewComment,
    Query,
    Status,
    Thread,
)
from service.domain.errors import Kind, Refusal, not_found
from service.domain.excerpts import REDACTION_MARK, parse_excerpt, parse_redaction
from service.domain.validation import clean_body
from service.notify import MAIL_ACTIONS
from service.store import Duplicate, NoConsent, Store, now

__all__ = ["MAIL_ACTIONS"]

MAX_BULK = 200  # comments in one bulk action


@dataclass(frozen=True)
class StatusChange:
    comment_id: int
    status: Status
    previous: Status


@dataclass(frozen=True)
class BulkResult:
    action: str
    changed: list[int]
    unchanged: list[int]


@dataclass(frozen=True)
class QueuePage:
    comments: list[Comment]
    total: int
    counts: dict[str, int]
    total_exact: bool = True  # False: at least `total` match (a search is counted only so far)


@dataclass(frozen=True)
class Card:
    """One comment as the moderation page shows it, with what the owner may do to it."""

    comment: Comment
    parent: Comment | None
    parent_missing: bool
    promote_blocked: str  # key of the reason promotion is impossible, or ""


# -- reading -------------------------------------------------------------------------------------


async def comment(store: Store, comment_id: int) -> Comment:
    """The comment, or a not-found refusal."""
    found = await store.comments.get(comment_id)
    if found is None:
        raise not_found()
    return found


async def queue(store: Store, query: Query) -> QueuePage:
    """One page of the queue, the number the filter matches, and the counts for the tabs."""
    counts = await store.comments.count_by_status(query.page_key)
    comments, total, exact = await store.comments.queue_page(query, counts)
    return QueuePage(comments, total, counts, exact)


def _promote_blocked(comment: Comment) -> str:
    if comment.owner or comment.testimonial:
        return "owner" if comment.owner else ""
    if not comment.consent:
        return "promote_no_consent"
    if comment.status != Status.APPROVED:
        return "promote_not_approved"
    return ""


async def cards(store: Store, comments: list[Comment]) -> list[Card]:
    """The comments with what the page shows beside them: the parent, hints, promotability."""
    parents: dict[int, Comment | None] = {}
    result = []
    for item in comments:
        pid = item.parent_id
        if pid is not None and pid not in parents:
            parents[pid] = await store.comments.get(pid)
        parent = parents.get(pid) if pid is not None else None
        missing = pid is not None and parent is None
        result.append(Card(item, parent, missing, _promote_blocked(item)))
    return result


async def threads(store: Store) -> list[Thread]:
    return await store.threads.list_all()


async def activity(store: Store, limit: int, before: int | None = None) -> list[LogEntry]:
    """The moderation log, newest first."""
    return await store.log.recent(limit, before)


async def export(store: Store) -> dict[str, Any]:
    """Everything, as one document: the owner's data stays the owner's."""
    return {"version": 1, "exported_at": now(), **await store.comments.export_all()}


# -- status changes ------------------------------------------------------------------------------


async def change_status(
    store: Store,
    comment_id: int,
    action: str,
    actor: str,
    *,
    only_from: tuple[Status, ...] | None = None,
) -> StatusChange:
    """Approve, reject, mark as spam or restore one comment.

    `only_from` narrows where the comment may come from (a mail link acts only on a comment
    that still waits). A comment in another state is a conflict, a missing one is not found.
    """
    if action not in TRANSITIONS:
        raise Refusal("action", "not_found", "no such action", Kind.NOT_FOUND)
    new, allowed = TRANSITIONS[action]
    old = await store.comments.set_status(
        comment_id, new, allowed_from=only_from or allowed, action=action, actor=actor
    )
    if old is None:
        current = await comment(store, comment_id)
        raise Refusal(
            "status", "conflict", f"the comment is already {current.status.value}", Kind.CONFLICT
        )
    return StatusChange(comment_id, new, old)


def _comment_ids(value: Any) -> list[int]:
    """A list of 1 to MAX_BULK comment ids, each a whole number in the store's id range."""
    if (
        not isinstance(value, list)
        or not 0 < len(value) <= MAX_BULK
        or not all(isinstance(i, int) and not isinstance(i, bool) and 0 < i < 2**63 for i in value)
    ):
        raise Refusal("ids", "invalid", f"ids must be a list of 1 to {MAX_BULK} comment ids")
    return value


async def bulk(store: Store, ids: Any, action: Any, actor: str) -> BulkResult:
    """Approve, reject or mark as spam many comments; report which ones changed."""
    if action not in BULK_ACTIONS:
        raise Refusal("action", "invalid", "action must be approve, reject or spam")
    new, allowed = TRANSITIONS[action]
    ids = _comment_ids(ids)
    changed: list[int] = []
    unchanged: list[int] = []
    for comment_id in dict.fromkeys(ids):
        old = await store.comments.set_status(
            comment_id, new, allowed_from=allowed, action=action, actor=actor
        )
        (changed if old is not None else unchanged).append(comment_id)
    return BulkResult(action, changed, unchanged)


async def undo(store: Store, comment_ids: list[int], expected: Status, actor: str) -> list[int]:
    """Put comments back to the status before their last change, if each is still `expected`.

    Returns the ids that were put back; one that changed since is left alone.
    """
    restored = []
    for comment_id in comment_ids[:MAX_BULK]:
        if await store.comments.undo_status(comment_id, expected, actor) is not None:
            restored.append(comment_id)
    return restored


async def undo_one(store: Store, comment_id: int, expected: Status, actor: str) -> Status:
    """Undo one comment's last status change; a conflict when it changed since."""
    restored = await store.comments.undo_status(comment_id, expected, actor)
    if restored is None:
        raise Refusal(
            "status", "conflict", "the comment changed since; nothing to undo", Kind.CONFLICT
        )
    return restored


async def delete(store: Store, comment_id: int, actor: str) -> None:
    """Delete a comment for good; its replies stay, moved up to the top level."""
    if not await store.comments.delete(comment_id, actor):
        raise not_found()


# -- testimonials --------------------------------------------------------------------------------


async def promote(store: Store, comment_id: int, excerpt: Any, actor: str) -> str:
    """Make a consented, approved comment a testimonial, optionally with a passage as excerpt.

    Returns the excerpt kept ("" for the whole text).
    """
    found = await comment(store, comment_id)
    passage = parse_excerpt(found.body, excerpt)
    if passage == " ".join(found.body.split()):
        passage = ""  # the whole text: no excerpt needed
    try:
        promoted = await store.comments.promote(comment_id, passage, actor)
    except NoConsent:
        raise Refusal(
            "consent", "no_consent", "the author did not agree to testimonial use", Kind.CONFLICT
        ) from None
    if not promoted:
        raise Refusal(
            "status", "not_approved", "only approved comments can be testimonials", Kind.CONFLICT
        )
    return passage


async def demote(store: Store, comment_id: int, actor: str) -> None:
    """Take a comment off the testimonials."""
    if not await store.comments.demote(comment_id, actor):
        await comment(store, comment_id)
        raise Refusal("testimonial", "conflict", "the comment is not a testimonial", Kind.CONFLICT)


# -- the owner's own words -----------------------------------------------------------------------


async def reply(store: Store, parent_id: int, body: Any, actor: str) -> int:
    """The owner's reply under an approved comment, published at once, marked and logged."""
    text = clean_body({"body": body}, settings.MAX_BODY_LENGTH, settings.MAX_LINKS)
    parent = await comment(store, parent_id)
    if parent.status != Status.APPROVED:
        raise Refusal(
            "parent", "not_published", "approve the comment before replying to it", Kind.CONFLICT
        )
    new = NewComment(
        page_key=parent.page_key,
        page_title="",
        page_url="",
        parent_id=parent.id,
        author=settings.OWNER_NAME,
        email="",
        website="",
        body=text,
        html=sanitize.render(text),
        status=Status.APPROVED,
        consent=False,
        consent_version="",
        rating=None,
        lang="",
        client_hash="",
        author_key="",
        owner=True,
    )
    try:
        reply_id = await store.comments.insert(new)
    except Duplicate:
        raise Refusal("body", "duplicate", "you already posted this reply", Kind.CONFLICT) from None
    await store.log.record_reply(reply_id, parent.id, actor)
    return reply_id


@dataclass(frozen=True)
class Redaction:
    comment_id: int
    body: str
    html: str


async def redact(store: Store, comment_id: int, draft: Any, actor: str) -> Redaction:
    """Cut passages (a phone number, a surname) from a reader's text; never add a word.

    An excerpt stays only while its words are still all there.
    """
    found = await comment(store, comment_id)
    if found.owner:
        raise not_found("no such reader comment")
    body = parse_redaction(
        found.body, {"body": draft}, settings.MAX_BODY_LENGTH, settings.MAX_LINKS
    )
    kept = found.excerpt if found.excerpt and found.excerpt in " ".join(body.split()) else ""
    cuts = body.count(REDACTION_MARK) - found.body.count(REDACTION_MARK)
    html = sanitize.render(body)
    if not await store.comments.redact(found.id, body, html, kept, max(cuts, 0), actor):
        raise not_found("no such reader comment")
    return Redaction(found.id, body, html)

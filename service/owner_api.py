"""The owner's JSON API under /admin/api/: the moderation page and automation both use it.

Every call needs the owner: a session cookie (plus its CSRF token for changes) or the
`Authorization: Bearer ADMIN_API_TOKEN` header. Unauthenticated calls get 401 and no data.
Every change writes a moderation-log row (in the store, in the same transaction).
"""

from __future__ import annotations

from typing import Any

from databases import Database
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from service import auth, hints, sanitize, store
from service.api import database, public_comment
from service.comments import (
    REDACTION_MARK,
    Comment,
    Invalid,
    Status,
    clean_body,
    clean_line,
    parse_excerpt,
    parse_redaction,
)
from service.http import error, path_comment_id, read_json

# action -> (new status, the statuses it may come from)
TRANSITIONS: dict[str, tuple[Status, tuple[Status, ...]]] = {
    "approve": (Status.APPROVED, (Status.PENDING, Status.REJECTED, Status.SPAM)),
    "reject": (Status.REJECTED, (Status.PENDING, Status.APPROVED, Status.SPAM)),
    "spam": (Status.SPAM, (Status.PENDING, Status.APPROVED, Status.REJECTED)),
    "restore": (Status.PENDING, (Status.APPROVED, Status.REJECTED, Status.SPAM)),
}
MAX_PAGE = 100  # comments per page of the owner's list
MAX_BULK = 200  # comments in one bulk action


class Refused(Exception):
    """A response to send instead of running the handler (401, 403)."""

    def __init__(self, response: Response) -> None:
        self.response = response


async def require_owner(request: Request) -> auth.Owner:
    """The owner behind the request; for changes by session, also a valid CSRF token."""
    owner = await auth.owner_from(database(request), request)
    if owner is None:
        raise Refused(error(401, "unauthorized", "log in or send the API token"))
    changes = request.method not in auth.SAFE_METHODS
    if changes and not auth.csrf_ok(owner, request, request.headers.get("x-csrf-token")):
        raise Refused(error(403, "csrf", "the request did not come from the admin page"))
    return owner


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
        "hints": [h.code for h in hints.for_text(comment.body)],
    }


def parse_query(params: dict[str, str]) -> store.Query:
    """The owner's list filter from query parameters, every value checked or clamped."""
    status_name = params.get("status", "")
    testimonial: bool | None = None
    status: Status | None = None
    if status_name == "testimonials":
        status, testimonial = Status.APPROVED, True
    elif status_name not in ("", "all"):
        try:
            status = Status(status_name)
        except ValueError:
            raise Invalid("status", "invalid", "status is not a known status") from None
    order = params.get("order", "newest")
    if order not in ("newest", "oldest"):
        raise Invalid("order", "invalid", "order must be newest or oldest")

    def number(name: str, default: int, high: int) -> int:
        raw = params.get(name, "")
        if raw == "":
            return default
        if not raw.isdigit() or len(raw) > 9:
            raise Invalid(name, "not_an_integer", f"{name} must be a whole number")
        return min(int(raw), high)

    return store.Query(
        status=status,
        testimonial=testimonial,
        page_key=clean_line(params, "page", 500),
        search=clean_line(params, "q", 200),
        oldest_first=order == "oldest",
        limit=max(1, number("limit", 20, MAX_PAGE)),
        offset=number("offset", 0, 10**9),
    )


async def list_queue(request: Request) -> Response:
    await require_owner(request)
    query = parse_query(dict(request.query_params))
    db = database(request)
    comments, total = await store.list_comments(db, query)
    return JSONResponse(
        {
            "comments": [owner_comment(c) for c in comments],
            "total": total,
            "limit": query.limit,
            "offset": query.offset,
            "counts": await store.count_by_status(db, query.page_key),
        },
        headers={"Cache-Control": "no-store"},
    )


async def get_comment(request: Request) -> Response:
    await require_owner(request)
    comment = await store.get_comment(database(request), path_comment_id(request))
    if comment is None:
        raise Invalid("id", "not_found", "no such comment", 404)
    return JSONResponse(owner_comment(comment), headers={"Cache-Control": "no-store"})


async def apply_action(request: Request, action: str, comment_id: int, actor: str) -> Response:
    """Run one status action and answer with the comment's new state."""
    db = database(request)
    new, allowed = TRANSITIONS[action]
    old = await store.set_status(
        db, comment_id, new, allowed_from=allowed, action=action, actor=actor
    )
    if old is None:
        comment = await store.get_comment(db, comment_id)
        if comment is None:
            raise Invalid("id", "not_found", "no such comment", 404)
        return error(409, "conflict", f"the comment is already {comment.status.value}", "status")
    return JSONResponse({"id": comment_id, "status": new.value, "previous": old.value})


async def moderate(request: Request) -> Response:
    owner = await require_owner(request)
    action = request.path_params["action"]
    if action not in TRANSITIONS:
        raise Invalid("action", "not_found", "no such action", 404)
    return await apply_action(request, action, path_comment_id(request), owner.actor)


async def undo(request: Request) -> Response:
    """Undo the last status change, given the status the page last saw."""
    owner = await require_owner(request)
    data = await read_json(request)
    expected = data.get("status") if isinstance(data, dict) else None
    try:
        current = Status(str(expected))
    except ValueError:
        raise Invalid("status", "invalid", "status must be the comment's current status") from None
    comment_id = path_comment_id(request)
    restored = await store.undo_status(database(request), comment_id, current, owner.actor)
    if restored is None:
        return error(409, "conflict", "the comment changed since; nothing to undo", "status")
    return JSONResponse({"id": comment_id, "status": restored.value})


async def delete(request: Request) -> Response:
    owner = await require_owner(request)
    comment_id = path_comment_id(request)
    if not await store.delete_comment(database(request), comment_id, owner.actor):
        raise Invalid("id", "not_found", "no such comment", 404)
    return JSONResponse({"id": comment_id, "deleted": True})


async def promote(request: Request) -> Response:
    """Make a consented, approved comment a testimonial, optionally with an excerpt."""
    owner = await require_owner(request)
    db = database(request)
    comment_id = path_comment_id(request)
    data = await read_json(request) if request.headers.get("content-length", "0") != "0" else {}
    if not isinstance(data, dict) or set(data) - {"excerpt"}:
        raise Invalid("excerpt", "invalid", 'send at most {"excerpt": "..."}')
    comment = await store.get_comment(db, comment_id)
    if comment is None:
        raise Invalid("id", "not_found", "no such comment", 404)
    excerpt = parse_excerpt(comment.body, data.get("excerpt"))
    try:
        promoted = await store.promote(db, comment_id, excerpt, owner.actor)
    except store.NoConsent:
        return error(409, "no_consent", "the author did not agree to testimonial use", "consent")
    if not promoted:
        return error(409, "not_approved", "only approved comments can be testimonials", "status")
    return JSONResponse({"id": comment_id, "testimonial": True, "excerpt": excerpt or None})


async def redact(request: Request) -> Response:
    """Cut passages (a phone number, a surname) from a reader's text before it goes live."""
    owner = await require_owner(request)
    db = database(request)
    comment = await store.get_comment(db, path_comment_id(request))
    if comment is None or comment.owner:
        raise Invalid("id", "not_found", "no such reader comment", 404)
    body = parse_redaction(comment.body, await read_json(request))
    html = await save_redaction(db, comment, body, owner.actor)
    return JSONResponse({"id": comment.id, "body": body, "html": html})


async def save_redaction(db: Database, comment: Comment, body: str, actor: str) -> str:
    """Store a checked redaction and return its HTML; an excerpt stays only while still there."""
    kept = comment.excerpt if comment.excerpt and comment.excerpt in " ".join(body.split()) else ""
    cuts = body.count(REDACTION_MARK) - comment.body.count(REDACTION_MARK)
    html = sanitize.render(body)
    if not await store.redact(db, comment.id, body, html, kept, max(cuts, 0), actor):
        raise Invalid("id", "not_found", "no such reader comment", 404)
    return html


async def demote(request: Request) -> Response:
    owner = await require_owner(request)
    comment_id = path_comment_id(request)
    if not await store.demote(database(request), comment_id, owner.actor):
        if await store.get_comment(database(request), comment_id) is None:
            raise Invalid("id", "not_found", "no such comment", 404)
        return error(409, "conflict", "the comment is not a testimonial", "testimonial")
    return JSONResponse({"id": comment_id, "testimonial": False})


async def reply(request: Request) -> Response:
    """Publish the owner's reply under a comment at once, marked as the owner's."""
    owner = await require_owner(request)
    db = database(request)
    data = await read_json(request)
    if not isinstance(data, dict) or set(data) - {"body"}:
        raise Invalid("body", "invalid", 'send {"body": "..."}')
    body = clean_body(data)
    parent_id = path_comment_id(request)
    reply_id = await publish_reply(db, parent_id, body, owner.actor)
    return JSONResponse({"id": reply_id, "parent": parent_id, "owner": True}, status_code=201)


async def publish_reply(db: Database, parent_id: int, body: str, actor: str) -> int:
    """The owner's reply under an approved comment, published at once and logged."""
    parent = await store.get_comment(db, parent_id)
    if parent is None:
        raise Invalid("id", "not_found", "no such comment", 404)
    if parent.status != Status.APPROVED:
        raise Invalid("parent", "not_published", "approve the comment before replying to it", 409)
    new = store.NewComment(
        page_key=parent.page_key,
        page_title="",
        page_url="",
        parent_id=parent.id,
        author=auth.owner_name(),
        email="",
        website="",
        body=body,
        html=sanitize.render(body),
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
        reply_id = await store.insert_comment(db, new)
    except store.Duplicate:
        raise Invalid("body", "duplicate", "you already posted this reply", 409) from None
    await store.log_reply(db, reply_id, parent.id, actor)
    return reply_id


async def bulk(request: Request) -> Response:
    """Approve, reject or mark as spam many comments at once; report each one's outcome."""
    owner = await require_owner(request)
    data = await read_json(request)
    if not isinstance(data, dict) or set(data) - {"ids", "action"}:
        raise Invalid("request", "invalid", 'send {"ids": [...], "action": "approve"}')
    action = data.get("action")
    if action not in ("approve", "reject", "spam"):
        raise Invalid("action", "invalid", "action must be approve, reject or spam")
    ids = data.get("ids")
    if (
        not isinstance(ids, list)
        or not ids
        or len(ids) > MAX_BULK
        or not all(isinstance(i, int) and not isinstance(i, bool) and i > 0 for i in ids)
    ):
        raise Invalid("ids", "invalid", f"ids must be a list of 1 to {MAX_BULK} comment ids")
    new, allowed = TRANSITIONS[action]
    changed: list[int] = []
    unchanged: list[int] = []
    for comment_id in dict.fromkeys(ids):
        old = await store.set_status(
            database(request),
            comment_id,
            new,
            allowed_from=allowed,
            action=action,
            actor=owner.actor,
        )
        (changed if old is not None else unchanged).append(comment_id)
    return JSONResponse({"action": action, "changed": changed, "unchanged": unchanged})


async def activity(request: Request) -> Response:
    await require_owner(request)
    raw = request.query_params.get("before", "")
    if raw and (not raw.isdigit() or len(raw) > 18):
        raise Invalid("before", "not_an_integer", "before must be a whole number")
    entries = await store.list_log(database(request), 50, int(raw) if raw else None)
    return JSONResponse(
        {
            "entries": [e.__dict__ for e in entries],
            "next": entries[-1].id if len(entries) == 50 else None,
        },
        headers={"Cache-Control": "no-store"},
    )


async def export(request: Request) -> Response:
    """Everything, as one JSON document: the owner's data stays the owner's."""
    await require_owner(request)
    data = await store.export_all(database(request))
    return JSONResponse(
        {"version": 1, "exported_at": store.now(), **data},
        headers={
            "Cache-Control": "no-store",
            "Content-Disposition": 'attachment; filename="chorus-export.json"',
        },
    )

"""The owner's JSON API under /admin/api/: thin handlers over `service.owner`.

Every call needs the owner: a session cookie (plus its CSRF token for changes) or the
`Authorization: Bearer ADMIN_API_TOKEN` header. Unauthenticated calls get 401 and no data.
The moderation page's script and any automation use this API; the form pages and the mail
links call the same use cases.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from service import owner
from service.domain.comments import Query, Status
from service.domain.errors import Refusal
from service.domain.validation import clean_line
from service.web import auth
from service.web.http import error, path_comment_id, read_object, store_of
from service.web.shapes import owner_comment

MAX_PAGE = 100  # comments per page of the owner's list
LOG_PAGE = 50  # entries per page of the activity log
NO_STORE = {"Cache-Control": "no-store"}


class Unauthorised(Exception):
    """A response to send instead of running the handler (401, 403)."""

    def __init__(self, response: Response) -> None:
        self.response = response


async def require_owner(request: Request) -> auth.Owner:
    """The owner behind the request; for changes by session, also a valid CSRF token."""
    found = await auth.owner_from(store_of(request), request)
    if found is None:
        raise Unauthorised(error(401, "unauthorized", "log in or send the API token"))
    changes = request.method not in auth.SAFE_METHODS
    if changes and not auth.csrf_ok(found, request, request.headers.get("x-csrf-token")):
        raise Unauthorised(error(403, "csrf", "the request did not come from the admin page"))
    return found


def parse_query(params: dict[str, str], max_limit: int = MAX_PAGE) -> Query:
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
            raise Refusal("status", "invalid", "status is not a known status") from None
    order = params.get("order", "newest")
    if order not in ("newest", "oldest"):
        raise Refusal("order", "invalid", "order must be newest or oldest")

    def number(name: str, default: int, high: int) -> int:
        raw = params.get(name, "")
        if raw == "":
            return default
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
            raise Refusal(name, "not_an_integer", f"{name} must be a whole number")
        return min(int(raw), high)

    return Query(
        status=status,
        testimonial=testimonial,
        page_key=clean_line(params, "page", 500),
        search=clean_line(params, "q", 200),
        oldest_first=order == "oldest",
        limit=max(1, number("limit", 20, max_limit)),
        offset=number("offset", 0, 10**9),
    )


def _before(request: Request) -> int | None:
    raw = request.query_params.get("before", "")
    if raw and (not (raw.isascii() and raw.isdigit()) or len(raw) > 18):
        raise Refusal("before", "not_an_integer", "before must be a whole number")
    return int(raw) if raw else None


async def list_queue(request: Request) -> Response:
    await require_owner(request)
    query = parse_query(dict(request.query_params))
    found = await owner.queue(store_of(request), query)
    return JSONResponse(
        {
            "comments": [owner_comment(c) for c in found.comments],
            "total": found.total,
            "total_exact": found.total_exact,
            "limit": query.limit,
            "offset": query.offset,
            "counts": found.counts,
        },
        headers=NO_STORE,
    )


async def get_comment(request: Request) -> Response:
    await require_owner(request)
    found = await owner.comment(store_of(request), path_comment_id(request))
    return JSONResponse(owner_comment(found), headers=NO_STORE)


async def moderate(request: Request) -> Response:
    """Approve, reject, spam or restore one comment."""
    who = await require_owner(request)
    action = request.path_params["action"]
    comment_id = path_comment_id(request)
    change = await owner.change_status(store_of(request), comment_id, action, who.actor)
    return JSONResponse(
        {"id": comment_id, "status": change.status.value, "previous": change.previous.value}
    )


async def undo(request: Request) -> Response:
    """Undo the last status change, given the status the page last saw."""
    who = await require_owner(request)
    data = await read_object(request, {"status"})
    try:
        current = Status(str(data.get("status")))
    except ValueError:
        raise Refusal("status", "invalid", "status must be the comment's current status") from None
    comment_id = path_comment_id(request)
    restored = await owner.undo_one(store_of(request), comment_id, current, who.actor)
    return JSONResponse({"id": comment_id, "status": restored.value})


async def delete(request: Request) -> Response:
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    await owner.delete(store_of(request), comment_id, who.actor)
    return JSONResponse({"id": comment_id, "deleted": True})


async def promote(request: Request) -> Response:
    """Make a consented, approved comment a testimonial, optionally with an excerpt."""
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    data = await read_object(request, {"excerpt"}, empty_ok=True)
    excerpt = await owner.promote(store_of(request), comment_id, data.get("excerpt"), who.actor)
    return JSONResponse({"id": comment_id, "testimonial": True, "excerpt": excerpt or None})


async def demote(request: Request) -> Response:
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    await owner.demote(store_of(request), comment_id, who.actor)
    return JSONResponse({"id": comment_id, "testimonial": False})


async def redact(request: Request) -> Response:
    """Cut passages (a phone number, a surname) from a reader's text before it goes live."""
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    data = await read_object(request, {"body"})
    if "body" not in data:
        raise Refusal("body", "required", 'send {"body": "..."}')
    done = await owner.redact(store_of(request), comment_id, data["body"], who.actor)
    return JSONResponse({"id": done.comment_id, "body": done.body, "html": done.html})


async def reply(request: Request) -> Response:
    """Publish the owner's reply under a comment at once, marked as the owner's."""
    who = await require_owner(request)
    parent_id = path_comment_id(request)
    data = await read_object(request, {"body"})
    reply_id = await owner.reply(store_of(request), parent_id, data.get("body"), who.actor)
    return JSONResponse({"id": reply_id, "parent": parent_id, "owner": True}, status_code=201)


async def bulk(request: Request) -> Response:
    """Approve, reject or mark as spam many comments at once; report each one's outcome."""
    who = await require_owner(request)
    data = await read_object(request, {"ids", "action"})
    result = await owner.bulk(store_of(request), data.get("ids"), data.get("action"), who.actor)
    return JSONResponse(
        {"action": result.action, "changed": result.changed, "unchanged": result.unchanged}
    )


async def activity(request: Request) -> Response:
    await require_owner(request)
    entries = await owner.activity(store_of(request), LOG_PAGE, _before(request))
    return JSONResponse(
        {
            "entries": [e.__dict__ for e in entries],
            "next": entries[-1].id if len(entries) == LOG_PAGE else None,
        },
        headers=NO_STORE,
    )


async def export(request: Request) -> Response:
    """Everything, as one JSON document: the owner's data stays the owner's."""
    await require_owner(request)
    data = await owner.export(store_of(request))
    return JSONResponse(
        data,
        headers={**NO_STORE, "Content-Disposition": 'attachment; filename="chorus-export.json"'},
    )

"""The owner's JSON API under /admin/api/: thin handlers over `service.owner`.

Every call needs the owner: a session cookie (plus its CSRF token for changes) or the
`Authorization: Bearer ADMIN_API_TOKEN` header. Unauthenticated calls get 401 and no data.
The moderation page's script and any automation use this API; the form pages and the mail
links call the same use cases.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from service import owner, webhooks
from service.domain.abuse import Rule
from service.domain.comments import Query, Status, Thread
from service.domain.errors import Kind, Refusal
from service.domain.hints import parse_confirmations
from service.domain.reports import Report, parse_grounds
from service.domain.seen import parse_seen, parse_seen_map
from service.domain.validation import clean_line
from service.store.webhooks import Delivery, Endpoint
from service.web import auth
from service.web.http import error, parse_id, path_comment_id, read_object, store_of
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
    value = parse_id(raw) if raw else None
    if raw and value is None:
        raise Refusal("before", "not_an_integer", "before must be an id")
    return value


async def list_queue(request: Request) -> Response:
    """The moderation queue, filtered and paged, with the number of comments in each status."""
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
    """One comment with its private fields (e-mail, consent, hints)."""
    await require_owner(request)
    found = await owner.comment(store_of(request), path_comment_id(request))
    return JSONResponse(owner_comment(found), headers=NO_STORE)


async def moderate(request: Request) -> Response:
    """Approve, reject, spam or restore one comment; approving may need `confirm_hints`.

    With `seen` (the comment's `seen` as the caller read it) an approval goes through only
    while the text is still that one; else 409 `changed_since`, with the new `seen`.
    """
    who = await require_owner(request)
    action = request.path_params["action"]
    comment_id = path_comment_id(request)
    data = await read_object(
        request, {"confirm_hints", "seen", "reason", "reason_note"}, empty_ok=True
    )
    confirmed = parse_confirmations(data.get("confirm_hints"))
    seen = parse_seen(data.get("seen"))
    grounds = parse_grounds(data.get("reason"), data.get("reason_note"))
    change = await owner.change_status(
        store_of(request),
        comment_id,
        action,
        who.actor,
        confirmed=confirmed,
        seen=seen,
        grounds=grounds,
    )
    return JSONResponse(
        {
            "id": comment_id,
            "status": change.status.value,
            "previous": change.previous.value,
            "undo": change.undo,
        }
    )


async def undo(request: Request) -> Response:
    """Undo the comment's latest change, given the status the page last saw."""
    who = await require_owner(request)
    data = await read_object(request, {"status"})
    try:
        if not isinstance(data.get("status"), str):
            raise ValueError
        current = Status(data["status"])
    except ValueError:
        raise Refusal("status", "invalid", "status must be the comment's current status") from None
    comment_id = path_comment_id(request)
    store = store_of(request)
    await owner.undo(store, who.actor, comment_id=comment_id, expected=current)
    restored = await owner.comment(store, comment_id)
    return JSONResponse({"id": comment_id, "status": restored.status.value})


async def undo_change(request: Request) -> Response:
    """Take back one owner action, named by its undo key (`batch`) or its log row (`log`)."""
    who = await require_owner(request)
    data = await read_object(request, {"batch", "log"})
    log_id = data.get("log")
    if log_id is not None and (
        not isinstance(log_id, int) or isinstance(log_id, bool) or not 0 < log_id < 2**63
    ):
        raise Refusal("log", "invalid", "log must be the id of an activity row")
    if data.get("batch") is None and log_id is None:
        raise Refusal("batch", "required", 'send {"batch": "..."} or {"log": 123}')
    done = await owner.undo(store_of(request), who.actor, batch=data.get("batch"), log_id=log_id)
    return JSONResponse({"undone": [{"id": u.comment_id, "kind": u.kind} for u in done]})


async def delete(request: Request) -> Response:
    """Delete a comment for good; its replies move to the top level.

    With `reason` (and `reason_note`), its author is sent a statement of reasons.
    """
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    data = await read_object(request, {"reason", "reason_note"}, empty_ok=True)
    grounds = parse_grounds(data.get("reason"), data.get("reason_note"))
    await owner.delete(store_of(request), comment_id, who.actor, grounds)
    return JSONResponse({"id": comment_id, "deleted": True})


def _report(report: Report) -> dict[str, Any]:
    return {
        "id": report.id,
        "reason": report.reason,
        "message": report.message,
        "email": report.email or None,
        "lang": report.lang or None,
        "created_at": report.created_at,
    }


async def list_reports(request: Request) -> Response:
    """The published comments readers reported, each with its open reports, oldest first."""
    await require_owner(request)
    found = await owner.reported(store_of(request))
    return JSONResponse(
        {
            "count": len(found),
            "reported": [
                {
                    "comment": owner_comment(item.card.comment),
                    "reasons": item.reasons,
                    "reports": [_report(r) for r in item.reports],
                }
                for item in found
            ],
        },
        headers=NO_STORE,
    )


async def decide_report(request: Request) -> Response:
    """Dismiss a report, or unpublish or delete its comment; closes every report about it.

    Unpublishing and deleting take an optional `reason` (and `reason_note`): with one, the
    comment's author is sent a statement of reasons.
    """
    who = await require_owner(request)
    data = await read_object(request, {"reason", "reason_note"}, empty_ok=True)
    grounds = parse_grounds(data.get("reason"), data.get("reason_note"))
    report_id = path_comment_id(request, "report_id")
    done = await owner.decide_report(
        store_of(request), report_id, request.path_params["decision"], who.actor, grounds
    )
    return JSONResponse(
        {
            "id": done.report_id,
            "comment_id": done.comment_id,
            "decision": done.decision,
            "settled": done.settled,
            "undo": done.undo or None,
        }
    )


async def promote(request: Request) -> Response:
    """Make a consented, approved comment a testimonial, optionally with an excerpt.

    `seen`, when given, binds it to the text the caller read, as for approve.
    """
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    data = await read_object(request, {"excerpt", "confirm_hints", "seen"}, empty_ok=True)
    confirmed = parse_confirmations(data.get("confirm_hints"))
    seen = parse_seen(data.get("seen"))
    done = await owner.promote(
        store_of(request), comment_id, data.get("excerpt"), who.actor, confirmed, seen
    )
    answer = {"id": comment_id, "testimonial": True, "excerpt": done.excerpt or None}
    # `changed: false` says it already was this testimonial: nothing was logged, nothing to undo.
    return JSONResponse({**answer, "changed": done.changed, "undo": done.undo or None})


async def demote(request: Request) -> Response:
    """Take a testimonial off the testimonials; the comment stays published."""
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    batch = await owner.demote(store_of(request), comment_id, who.actor)
    return JSONResponse({"id": comment_id, "testimonial": False, "undo": batch})


async def pin(request: Request) -> Response:
    """Keep a testimonial at the top of the wall (at most six; 409 `too_many_pins` past that)."""
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    changed = await owner.pin(store_of(request), comment_id, who.actor)
    return JSONResponse({"id": comment_id, "pinned": True, "changed": changed})


async def unpin(request: Request) -> Response:
    """Let a testimonial take its place by date again."""
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    changed = await owner.unpin(store_of(request), comment_id, who.actor)
    return JSONResponse({"id": comment_id, "pinned": False, "changed": changed})


async def set_display_name(request: Request) -> Response:
    """Change the name a testimonial shows: a shortening of the author's own, or "a client"."""
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    data = await read_object(request, {"display_name"})
    if "display_name" not in data:
        raise Refusal("display_name", "required", 'send {"display_name": "..."} (null: default)')
    done = await owner.set_display_name(
        store_of(request), comment_id, data["display_name"], who.actor
    )
    return JSONResponse(
        {
            "id": comment_id,
            "display_name": done.display_name,
            "shown_name": done.shown,
            "undo": done.undo,
        }
    )


async def ask_consent(request: Request) -> Response:
    """Mail the author a request to consent again (only to a confirmed address: 409 otherwise)."""
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    await owner.ask_consent(store_of(request), comment_id, who.actor)
    return JSONResponse({"id": comment_id, "asked": True}, status_code=202)


async def redact(request: Request) -> Response:
    """Cut passages (a phone number, a surname) from a reader's text before it goes live."""
    who = await require_owner(request)
    comment_id = path_comment_id(request)
    data = await read_object(request, {"body"})
    if "body" not in data:
        raise Refusal("body", "required", 'send {"body": "..."}')
    done = await owner.redact(store_of(request), comment_id, data["body"], who.actor)
    return JSONResponse(
        {"id": done.comment_id, "body": done.body, "html": done.html, "undo": done.undo}
    )


async def reply(request: Request) -> Response:
    """Publish the owner's reply under a comment at once, marked as the owner's.

    A reply with personal data or a health claim needs `confirm_hints`, as an approval does.
    """
    who = await require_owner(request)
    parent_id = path_comment_id(request)
    data = await read_object(request, {"body", "confirm_hints"})
    confirmed = parse_confirmations(data.get("confirm_hints"))
    done = await owner.reply(
        store_of(request), parent_id, data.get("body"), who.actor, confirmed, who.author_name
    )
    return JSONResponse(
        {"id": done.id, "parent": parent_id, "owner": True, "undo": done.undo}, status_code=201
    )


async def bulk(request: Request) -> Response:
    """Approve, reject or mark as spam many comments at once; report each one's outcome.

    Approving skips comments whose hints need a second look unless `confirm_hints` names them;
    `skipped` lists those with their hint codes. `seen` (`{"<id>": "<seen>"}`) binds each
    approval to the text read; `changed_since` lists the comments whose text moved on.
    """
    who = await require_owner(request)
    data = await read_object(request, {"ids", "action", "confirm_hints", "seen"})
    confirmed = parse_confirmations(data.get("confirm_hints"))
    seen = parse_seen_map(data.get("seen"), owner.MAX_BULK)
    result = await owner.bulk(
        store_of(request), data.get("ids"), data.get("action"), who.actor, confirmed, seen
    )
    return JSONResponse(
        {
            "action": result.action,
            "changed": result.changed,
            "unchanged": result.unchanged,
            "skipped": [{"id": i, "hints": codes} for i, codes in result.skipped.items()],
            "changed_since": result.changed_since,
            "undo": result.undo or None,
        }
    )


def _page(thread: Thread) -> dict[str, Any]:
    return {"id": thread.id, "page": thread.page_key, "title": thread.title, "url": thread.url}


async def list_pages(request: Request) -> Response:
    """Every page with a published comment, with the title and address its testimonials link to."""
    await require_owner(request)
    pages = await owner.threads(store_of(request))
    return JSONResponse({"pages": [_page(t) for t in pages]}, headers=NO_STORE)


async def edit_page(request: Request) -> Response:
    """Set a page's title and address: after its first comment, only the owner changes them."""
    who = await require_owner(request)
    raw = request.path_params["page_id"]
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise Refusal("page", "not_found", "no such page", Kind.NOT_FOUND)
    data = await read_object(request, {"title", "url"})
    changed = await owner.edit_page(store_of(request), int(raw), data, who.actor)
    return JSONResponse(_page(changed))


async def activity(request: Request) -> Response:
    """The moderation log, newest first, a page at a time (`before` is the last page's `next`)."""
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


def _rule(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.id,
        "kind": rule.kind.value,
        "value": rule.value,
        "action": rule.action.value,
    }


async def list_rules(request: Request) -> Response:
    """The owner's words, phrases and link domains that hold comments at intake."""
    await require_owner(request)
    found = await owner.rules(store_of(request))
    return JSONResponse({"rules": [_rule(r) for r in found]}, headers=NO_STORE)


async def add_rule(request: Request) -> Response:
    """Add a rule that sends matching new comments to spam or to the queue; 201 with it stored."""
    await require_owner(request)
    data = await read_object(request, {"kind", "value", "action"})
    rule = await owner.add_rule(
        store_of(request), data.get("kind"), data.get("value"), data.get("action")
    )
    return JSONResponse(_rule(rule), status_code=201)


async def delete_rule(request: Request) -> Response:
    """Delete one of the owner's rules."""
    await require_owner(request)
    rule_id = parse_id(request.path_params["rule_id"])
    if rule_id is None:
        raise Refusal("id", "not_found", "no such rule", Kind.NOT_FOUND)
    await owner.delete_rule(store_of(request), rule_id)
    return JSONResponse({"id": rule_id, "deleted": True})


# -- a reader's privacy request ------------------------------------------------------------------


async def find_reader(request: Request) -> Response:
    """Everything tied to one e-mail address, named in the body (never in a logged URL)."""
    await require_owner(request)
    data = await read_object(request, {"email"})
    email = owner.reader_email(data.get("email"))
    return JSONResponse(await owner.find_reader(store_of(request), email), headers=NO_STORE)


async def export_reader(request: Request) -> Response:
    """Everything tied to one e-mail address, as a JSON download for the reader."""
    await require_owner(request)
    data = await read_object(request, {"email"})
    email = owner.reader_email(data.get("email"))
    found = await owner.export_reader(store_of(request), email)
    return JSONResponse(
        found,
        headers={**NO_STORE, "Content-Disposition": 'attachment; filename="chorus-reader.json"'},
    )


async def erase_reader(request: Request) -> Response:
    """Erase one address's data; `keep_anonymised` keeps the comments as "a reader"."""
    who = await require_owner(request)
    data = await read_object(request, {"email", "keep_anonymised"})
    email = owner.reader_email(data.get("email"))
    done = await owner.erase_reader(
        store_of(request), email, data.get("keep_anonymised", False), who.actor
    )
    return JSONResponse(
        {
            "erased": True,
            "comments": done.comments,
            "anonymised": done.anonymised,
            "subscriptions": done.subscriptions,
            "moderation_log": done.log_rows,
        }
    )


# -- webhooks ------------------------------------------------------------------------------------


def _delivery(delivery: Delivery) -> dict[str, Any]:
    return {
        "id": delivery.webhook_id,
        "event": delivery.event,
        "state": delivery.state,
        "attempts": delivery.attempts,
        "last_status": delivery.last_status,
        "last_error": delivery.last_error,
        "occurred_at": delivery.occurred_at,
        "last_try_at": delivery.last_try_at,
    }


def _endpoint(endpoint: Endpoint, deliveries: list[Delivery] | None = None) -> dict[str, Any]:
    """An endpoint as the owner sees it: never its secret (shown once, when it is made)."""
    return {
        "id": endpoint.id,
        "url": endpoint.url,
        "events": list(endpoint.events),
        "format": endpoint.format,
        "own_system": endpoint.own_system,
        "include_spam": endpoint.include_spam,
        "created_at": endpoint.created_at,
        "paused_at": endpoint.paused_at,
        "deliveries": [_delivery(d) for d in deliveries or []],
    }


def _endpoint_id(request: Request) -> int:
    endpoint_id = parse_id(request.path_params["endpoint_id"])
    if endpoint_id is None:
        raise Refusal("id", "not_found", "no such webhook endpoint", Kind.NOT_FOUND)
    return endpoint_id


async def list_webhooks(request: Request) -> Response:
    """The owner's webhook endpoints, each with its latest deliveries."""
    await require_owner(request)
    found = await webhooks.endpoints(store_of(request))
    return JSONResponse({"webhooks": [_endpoint(e, d) for e, d in found]}, headers=NO_STORE)


async def add_webhook(request: Request) -> Response:
    """Add an endpoint; 201 with it and its signing secret, which is never shown again."""
    await require_owner(request)
    data = await read_object(request, {"url", "events", "format", "own_system", "include_spam"})
    created = await webhooks.create(store_of(request), data)
    answer = {**_endpoint(created.endpoint), "secret": created.secret}
    return JSONResponse(answer, status_code=201, headers=NO_STORE)


async def delete_webhook(request: Request) -> Response:
    """Delete an endpoint and its deliveries."""
    await require_owner(request)
    endpoint_id = _endpoint_id(request)
    await webhooks.delete(store_of(request), endpoint_id)
    return JSONResponse({"id": endpoint_id, "deleted": True})


async def test_webhook(request: Request) -> Response:
    """Queue a test event for one endpoint; 202, it goes out from the background sender."""
    await require_owner(request)
    endpoint_id = _endpoint_id(request)
    await webhooks.send_test(store_of(request), endpoint_id)
    return JSONResponse({"id": endpoint_id, "queued": True}, status_code=202)


async def resume_webhook(request: Request) -> Response:
    """Resume a paused endpoint: what waited for it goes out now."""
    await require_owner(request)
    endpoint_id = _endpoint_id(request)
    await webhooks.resume(store_of(request), endpoint_id)
    return JSONResponse({"id": endpoint_id, "resumed": True})

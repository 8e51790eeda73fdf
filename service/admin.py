"""The owner's moderation pages: login, the queue, one comment, delete confirmation, activity.

Threat: these pages show hostile reader input to the one person who can change the site. So:
everything is autoescaped except a comment's `html`, which was sanitised on intake; pages run
under a CSP with no inline script or style and cannot be framed; every state change is a POST
that carries the session's CSRF token from a same-origin page (`auth.csrf_ok`); pages are never
cached; logins are throttled per client; `next=` after login may only point inside /admin.

The pages work without JavaScript (plain forms, redirect after POST); admin.js makes them faster
through the owner JSON API, which checks the same session and token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from databases import Database
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from service import admin_text, auth, notify, owner_api, signing, store
from service.admin_web import (
    DEFAULT_NEXT,
    STATIC_DIR,
    action,
    existing_comment,
    form_value,
    page,
    read_form,
    redirect,
    refusal,
    render,
    safe_next,
    session_owner,
    with_notice,
)
from service.api import database
from service.comments import Comment, Invalid, Status, clean_body, parse_excerpt, parse_redaction
from service.http import path_comment_id
from service.ratelimit import client_key

PAGE_SIZE = 20  # comments per page of the queue
LOG_PAGE = 50  # entries per page of the activity log
MAX_PASSWORD = 1024  # characters; longer is never a real password and costs argon2 time
TABS = ("pending", "approved", "testimonials", "spam", "rejected", "all")
CARD_ACTIONS = (*owner_api.TRANSITIONS, "demote")
BULK_ACTIONS = ("approve", "reject", "spam")

# -- login and logout --------------------------------------------------------------------------


def _login_page(request: Request, next_url: str, status: int = 200, **notes: Any) -> Response:
    headers = {"Retry-After": str(notes["locked"])} if notes.get("locked") else None
    context = {
        "next": next_url,
        "minutes": max(1, -(-int(notes.get("locked") or 0) // 60)),
        "no_password": not auth.password_hash(),
        **notes,
    }
    return render(request, "admin/login.html", context, status, headers=headers)


async def login_form(request: Request) -> Response:
    next_url = safe_next(request.query_params.get("next"))
    if await session_owner(request) is not None:
        return redirect(next_url)
    locked = auth.login_failures.retry_after(client_key(request))
    out = request.query_params.get("out") == "1"
    return _login_page(request, next_url, locked=locked, logged_out=out)


async def login(request: Request) -> Response:
    """Check the password (throttled per client) and start a fresh session."""
    if not auth.same_origin(request):
        return refusal(request, None, 403, "csrf")
    try:
        form = await read_form(request)
    except Invalid as exc:
        return refusal(request, None, exc.status, exc.code)
    next_url = safe_next(form_value(form, "next"))
    client = client_key(request)
    wait = auth.login_failures.retry_after(client)
    if wait:
        return _login_page(request, next_url, 429, locked=wait)
    password = form_value(form, "password")
    if len(password) > MAX_PASSWORD or not auth.verify_password(password):
        auth.login_failures.hit(client)
        wait = auth.login_failures.retry_after(client)
        if wait:
            return _login_page(request, next_url, 429, locked=wait)
        return _login_page(request, next_url, 403, wrong=True)
    auth.login_failures.reset(client)
    response = redirect(next_url)
    await auth.start_session(database(request), response)
    return response


@action
async def logout(request: Request, owner: auth.Owner, form: dict[str, list[str]]) -> Response:
    response = redirect("/admin/login?out=1")
    await auth.end_session(database(request), request, response)
    return response


# -- the queue ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """One comment as the queue shows it, with what the owner may do to it."""

    comment: Comment
    parent: Comment | None
    parent_missing: bool
    promote_blocked: str  # key of the reason promotion is impossible, or ""


def _promote_blocked(comment: Comment) -> str:
    if comment.owner or comment.testimonial:
        return "owner" if comment.owner else ""
    if not comment.consent:
        return "promote_no_consent"
    if comment.status != Status.APPROVED:
        return "promote_not_approved"
    return ""


async def _cards(db: Database, comments: list[Comment]) -> list[Card]:
    parents: dict[int, Comment | None] = {}
    cards = []
    for comment in comments:
        pid = comment.parent_id
        if pid is not None and pid not in parents:
            parents[pid] = await store.get_comment(db, pid)
        parent = parents.get(pid) if pid is not None else None
        missing = pid is not None and parent is None
        cards.append(Card(comment, parent, missing, _promote_blocked(comment)))
    return cards


def _queue_params(request: Request) -> dict[str, str]:
    params = {k: v for k, v in request.query_params.items() if k in ("status", "page", "q")}
    params["status"] = params.get("status") or "pending"
    params["order"] = request.query_params.get("order") or "newest"
    params["offset"] = request.query_params.get("offset", "")
    params["limit"] = str(PAGE_SIZE)
    if params["status"] not in TABS:
        raise Invalid("status", "invalid", "no such tab", 400)
    return params


def _href(params: dict[str, str], **changes: str | int) -> str:
    merged = {**params, **{k: str(v) for k, v in changes.items()}}
    keep = {
        k: v
        for k, v in merged.items()
        if v and k != "limit" and (k, v) not in {("order", "newest"), ("offset", "0")}
    }
    return "/admin/?" + urlencode(keep) if keep else "/admin/"


def _notice(request: Request) -> dict[str, Any] | None:
    """The confirmation after a no-JS action, with an undo form for status changes."""
    done = request.query_params.get("done", "")
    words = admin_text.current()
    if f"done_{done}" not in words:
        return None
    undo = [i for i in request.query_params.get("undo", "").split(",") if i.isdigit()][:200]
    was = request.query_params.get("was", "")
    count = request.query_params.get("n", "")
    text = words[f"done_{done}"]
    if done == "bulk" and count.isdigit():
        text = words["done_bulk"].format(n=int(count))
    return {
        "text": text,
        "undo": ",".join(undo),
        "status": was if was in {s.value for s in Status} else "",
    }


@page
async def queue(request: Request, owner: auth.Owner) -> Response:
    """The queue: tabs with counts, filters, one page of comment cards."""
    params = _queue_params(request)
    query = owner_api.parse_query(params)
    db = database(request)
    comments, total = await store.list_comments(db, query)
    counts = await store.count_by_status(db, query.page_key)
    here = _href(params, offset=query.offset)
    offset = query.offset
    context = {
        "params": params,
        "tabs": [(tab, counts.get(tab, 0), _href(params, status=tab, offset=0)) for tab in TABS],
        "threads": await store.list_threads(db),
        "cards": await _cards(db, comments),
        "total": total,
        "first": offset + 1 if comments else 0,
        "last": offset + len(comments),
        "prev_href": _href(params, offset=max(0, offset - PAGE_SIZE)) if offset > 0 else "",
        "next_href": _href(params, offset=offset + PAGE_SIZE) if offset + PAGE_SIZE < total else "",
        "back": here,
        "notice": _notice(request),
    }
    return render(request, "admin/queue.html", context, owner=owner)


@page
async def show_comment(request: Request, owner: auth.Owner) -> Response:
    """One comment on its own; the script also fetches it to refresh a card in place."""
    db = database(request)
    comment = await existing_comment(db, path_comment_id(request))
    back = safe_next(request.query_params.get("back"))
    cards = await _cards(db, [comment])
    selectable = request.query_params.get("pick") == "1"
    context = {"card": cards[0], "back": back, "notice": _notice(request), "selectable": selectable}
    return render(request, "admin/comment.html", context, owner=owner)


@page
async def confirm_delete(request: Request, owner: auth.Owner) -> Response:
    """The no-JS confirmation step before deleting: GET only shows the question."""
    db = database(request)
    comment = await existing_comment(db, path_comment_id(request))
    back = safe_next(request.query_params.get("back"))
    cards = await _cards(db, [comment])
    return render(request, "admin/delete.html", {"card": cards[0], "back": back}, owner=owner)


# -- actions from forms (the no-JS path; the script uses /admin/api/ instead) -----------------


@action
async def moderate(request: Request, owner: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Approve, reject, spam, restore or demote one comment, then return to the queue."""
    comment_id = path_comment_id(request)
    name = form_value(form, "action")
    if name not in CARD_ACTIONS:
        raise Invalid("action", "invalid", "no such action", 400)
    back = form_value(form, "back")
    if name == "demote":
        if not await store.demote(database(request), comment_id, owner.actor):
            await existing_comment(database(request), comment_id)
            raise Invalid("testimonial", "conflict", "not a testimonial", 409)
        return redirect(with_notice(back, done="demote"))
    result = await owner_api.apply_action(request, name, comment_id, owner.actor)
    if result.status_code != 200:
        raise Invalid("status", "conflict", "the comment changed", result.status_code)
    new = owner_api.TRANSITIONS[name][0].value
    return redirect(with_notice(back, done=name, undo=str(comment_id), was=new))


@action
async def bulk(request: Request, owner: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Approve, reject or spam every selected comment in one request."""
    name = form_value(form, "action")
    if name not in BULK_ACTIONS:
        raise Invalid("action", "invalid", "no such action", 400)
    ids = [int(i) for i in dict.fromkeys(form.get("ids", [])) if i.isdigit() and len(i) < 19]
    if not ids:
        raise Invalid("ids", "required", "select at least one comment", 400)
    new, allowed = owner_api.TRANSITIONS[name]
    changed = []
    for comment_id in ids:
        old = await store.set_status(
            database(request), comment_id, new, allowed_from=allowed, action=name, actor=owner.actor
        )
        if old is not None:
            changed.append(str(comment_id))
    notice = {"done": "bulk", "n": str(len(changed)), "undo": ",".join(changed), "was": new.value}
    return redirect(with_notice(form_value(form, "back"), **notice))


@action
async def undo(request: Request, owner: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Put the comments of the last action back to their previous status."""
    try:
        current = Status(form_value(form, "status"))
    except ValueError:
        raise Invalid("status", "invalid", "unknown status", 400) from None
    ids = [int(i) for i in form_value(form, "ids").split(",") if i.isdigit() and len(i) < 19]
    if not ids:
        raise Invalid("ids", "required", "nothing to undo", 400)
    for comment_id in ids[: owner_api.MAX_BULK]:
        await store.undo_status(database(request), comment_id, current, owner.actor)
    return redirect(with_notice(form_value(form, "back"), done="undo"))


@action
async def promote(request: Request, owner: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Make a testimonial of a passage the owner chose; the passage must be the author's words."""
    db = database(request)
    comment = await existing_comment(db, path_comment_id(request))
    excerpt = parse_excerpt(comment.body, form_value(form, "excerpt"))
    if excerpt == " ".join(comment.body.split()):
        excerpt = ""  # the whole text: no excerpt needed
    try:
        promoted = await store.promote(db, comment.id, excerpt, owner.actor)
    except store.NoConsent:
        raise Invalid("consent", "no_consent", "no consent", 409) from None
    if not promoted:
        raise Invalid("status", "not_approved", "not approved", 409)
    return redirect(with_notice(form_value(form, "back"), done="promote"))


@action
async def reply(request: Request, owner: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Publish the owner's reply under an approved comment, marked as the owner's."""
    db = database(request)
    body = clean_body({"body": form_value(form, "body")})
    await owner_api.publish_reply(db, path_comment_id(request), body, owner.actor)
    return redirect(with_notice(form_value(form, "back"), done="reply"))


@action
async def redact(request: Request, owner: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Cut passages from a reader's text; a refusal shows the card again with the owner's draft."""
    db = database(request)
    comment = await existing_comment(db, path_comment_id(request))
    if comment.owner:
        raise Invalid("id", "not_found", "no such reader comment", 404)
    draft = form_value(form, "body")
    try:
        body = parse_redaction(comment.body, {"body": draft})
    except Invalid as exc:
        back = safe_next(form_value(form, "back"))
        cards = await _cards(db, [comment])
        failed = {"id": comment.id, "text": draft, "error": admin_text.error_message(exc.code)}
        context = {"card": cards[0], "back": back, "notice": None, "redaction": failed}
        return render(request, "admin/comment.html", context, exc.status, owner=owner)
    await owner_api.save_redaction(db, comment, body, owner.actor)
    return redirect(with_notice(form_value(form, "back"), done="redact"))


@action
async def delete(request: Request, owner: auth.Owner, form: dict[str, list[str]]) -> Response:
    comment_id = path_comment_id(request)
    if not await store.delete_comment(database(request), comment_id, owner.actor):
        raise Invalid("id", "not_found", "no such comment", 404)
    return redirect(with_notice(form_value(form, "back"), done="delete"))


# -- one-click links from the e-mail notice (the signed token is the credential) ----------------


async def _mail_link(request: Request) -> tuple[Comment, str]:
    """The comment and action a notice's link names; refused when forged or expired."""
    found = signing.read_mail_link_token(request.path_params["token"])
    if found is None or found[1] not in notify.MAIL_ACTIONS:
        raise Invalid("token", "invalid_link", "this link is invalid or has expired", 403)
    comment = await existing_comment(database(request), found[0])
    return comment, found[1]


def _mail_page(
    request: Request, comment: Comment, action: str, status: int = 200, **state: bool
) -> Response:
    context = {"comment": comment, "action": action, "token": request.path_params["token"]}
    return render(request, "admin/mail_action.html", {**context, **state}, status)


async def mail_action_form(request: Request) -> Response:
    """GET only asks: a mail client or scanner that follows the link changes nothing."""
    try:
        comment, action = await _mail_link(request)
    except Invalid as exc:
        return refusal(request, None, exc.status, exc.code)
    if comment.status != Status.PENDING:
        return _mail_page(request, comment, action, 409, handled=True)
    return _mail_page(request, comment, action)


async def mail_action(request: Request) -> Response:
    """Carry out the link's action once: only while the comment still waits for review."""
    try:
        comment, action = await _mail_link(request)
    except Invalid as exc:
        return refusal(request, None, exc.status, exc.code)
    if not auth.same_origin(request):
        return refusal(request, None, 403, "csrf")
    new, _ = owner_api.TRANSITIONS[action]
    changed = await store.set_status(
        database(request),
        comment.id,
        new,
        allowed_from=[Status.PENDING],
        action=action,
        actor="mail",
    )
    if changed is None:
        return _mail_page(request, comment, action, 409, handled=True)
    comment = await existing_comment(database(request), comment.id)
    return _mail_page(request, comment, action, done=True)


# -- activity ----------------------------------------------------------------------------------


@page
async def activity(request: Request, owner: auth.Owner) -> Response:
    """The moderation log: who did what, when, to which comment."""
    raw = request.query_params.get("before", "")
    if raw and (not raw.isdigit() or len(raw) > 18):
        raise Invalid("before", "invalid", "before must be a whole number", 400)
    entries = await store.list_log(database(request), LOG_PAGE, int(raw) if raw else None)
    older = f"/admin/activity?before={entries[-1].id}" if len(entries) == LOG_PAGE else ""
    return render(request, "admin/activity.html", {"entries": entries, "older": older}, owner=owner)


async def admin_root(request: Request) -> Response:
    return redirect(DEFAULT_NEXT)


routes: list[BaseRoute] = [
    Route("/admin", admin_root, methods=["GET"]),
    Route("/admin/", queue, methods=["GET"], name="admin_queue"),
    Route("/admin/login", login_form, methods=["GET"], name="admin_login_form"),
    Route("/admin/login", login, methods=["POST"], name="admin_login"),
    Route("/admin/logout", logout, methods=["POST"], name="admin_logout"),
    Route("/admin/activity", activity, methods=["GET"], name="admin_activity"),
    Route("/admin/bulk", bulk, methods=["POST"], name="admin_bulk"),
    Route("/admin/undo", undo, methods=["POST"], name="admin_undo"),
    Route("/admin/comments/{comment_id}", show_comment, methods=["GET"], name="admin_comment"),
    Route("/admin/comments/{comment_id}/delete", confirm_delete, methods=["GET"]),
    Route("/admin/comments/{comment_id}/delete", delete, methods=["POST"], name="admin_delete"),
    Route("/admin/comments/{comment_id}/moderate", moderate, methods=["POST"]),
    Route("/admin/comments/{comment_id}/promote", promote, methods=["POST"]),
    Route("/admin/comments/{comment_id}/reply", reply, methods=["POST"]),
    Route("/admin/comments/{comment_id}/redact", redact, methods=["POST"]),
    Route("/admin/mail/{token}", mail_action_form, methods=["GET"], name="admin_mail_form"),
    Route("/admin/mail/{token}", mail_action, methods=["POST"], name="admin_mail_action"),
    Mount("/admin/static", StaticFiles(directory=STATIC_DIR), name="admin_static"),
]

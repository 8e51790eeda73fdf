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

import contextlib
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from service import accounts, owner, passwords, signing
from service.domain.comments import BULK_ACTIONS, TRANSITIONS, Comment, Status, Thread
from service.domain.errors import Kind, Refusal
from service.domain.hints import parse_confirmations, to_confirm
from service.domain.reports import Grounds, parse_grounds
from service.domain.seen import parse_seen
from service.web import admin_text, auth
from service.web.admin_accounts import ask_second_step, signed_in
from service.web.admin_kit import (
    DEFAULT_NEXT,
    STATIC_DIR,
    action,
    form_value,
    page,
    read_form,
    read_sign_in_form,
    redirect,
    refusal,
    render,
    safe_next,
    session_owner,
    with_notice,
)
from service.web.clients import client_key
from service.web.http import parse_id, path_comment_id, status_for, store_of
from service.web.owner_api import parse_query

PAGE_SIZE = 20  # comments per page of the queue
LOG_PAGE = 50  # entries per page of the activity log
MAX_PASSWORD = 1024  # characters; longer is never a real password and costs argon2 time
TABS = ("pending", "approved", "testimonials", "spam", "rejected", "all")
CARD_ACTIONS = (*TRANSITIONS, "demote", "pin", "unpin")

# -- login and logout --------------------------------------------------------------------------


def _login_page(request: Request, next_url: str, status: int = 200, **notes: Any) -> Response:
    headers = {"Retry-After": str(notes["locked"])} if notes.get("locked") else None
    context = {
        "next": next_url,
        "minutes": max(1, -(-int(notes.get("locked") or 0) // 60)),
        "no_password": not passwords.password_hash(),
        **notes,
    }
    return render(request, "admin/login.html", context, status, headers=headers)


async def login_form(request: Request) -> Response:
    next_url = safe_next(request.query_params.get("next"))
    if await session_owner(request) is not None:
        return redirect(next_url)
    locked = await auth.login_locked(store_of(request), client_key(request))
    out = request.query_params.get("out") == "1"
    joined = request.query_params.get("joined") == "1"
    return _login_page(request, next_url, locked=locked, logged_out=out, joined=joined)


async def login(request: Request) -> Response:
    """Check the password (counted per client and site-wide first) and start a fresh session."""
    opened = await read_sign_in_form(request)
    if isinstance(opened, Response):
        return opened
    form, next_url = opened
    client = client_key(request)
    store = store_of(request)
    wait = await auth.count_login(store, client)
    if wait:
        return _login_page(request, next_url, 429, locked=wait)
    password = form_value(form, "password")
    account = None
    if len(password) <= MAX_PASSWORD:
        account = await accounts.sign_in(store, form_value(form, "email"), password)
    if account is None:
        wait = await auth.login_locked(store, client)
        if wait:
            return _login_page(request, next_url, 429, locked=wait)
        return _login_page(request, next_url, 403, wrong=True)
    await auth.login_succeeded(store, client)
    if account.has_factor:
        return ask_second_step(account, next_url)
    return await signed_in(request, account, next_url)


@action
async def logout(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    response = redirect("/admin/login?out=1")
    await auth.end_session(store_of(request), request, response)
    return response


# -- the queue ---------------------------------------------------------------------------------


def _queue_params(request: Request) -> dict[str, str]:
    params = {k: v for k, v in request.query_params.items() if k in ("status", "page", "q")}
    params["status"] = params.get("status") or "pending"
    params["order"] = request.query_params.get("order") or "newest"
    params["offset"] = request.query_params.get("offset", "")
    params["limit"] = str(PAGE_SIZE)
    if params["status"] not in TABS:
        raise Refusal("status", "invalid", "no such tab", Kind.MALFORMED)
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
    if f"done_{done}" not in words and done != "bulk":
        return None
    batch = request.query_params.get("undo", "")
    count = request.query_params.get("n", "")
    known = count.isascii() and count.isdigit() and len(count) < 5
    text = admin_text.plural("done_bulk", int(count) if known else 0) if done == "bulk" else ""
    text = text or words[f"done_{done}"]
    skipped = request.query_params.get("skipped", "")
    if done == "bulk" and skipped.isascii() and skipped.isdigit() and 0 < len(skipped) < 5:
        text += " " + admin_text.plural("bulk_skipped", int(skipped))
    stale = request.query_params.get("stale", "")
    if done == "bulk" and stale.isascii() and stale.isdigit() and 0 < len(stale) < 5:
        text += " " + admin_text.plural("bulk_changed_since", int(stale))
    ok = batch.isascii() and 0 < len(batch) <= 64 and all(c.isalnum() or c in "-_" for c in batch)
    return {"text": text, "undo": batch if ok else ""}


@page
async def queue(request: Request, who: auth.Owner) -> Response:
    """The queue: tabs with counts, filters, one page of comment cards."""
    params = _queue_params(request)
    query = parse_query(params, PAGE_SIZE)
    store = store_of(request)
    found = await owner.queue(store, query)
    here = _href(params, offset=query.offset)
    offset, total = query.offset, found.total
    context = {
        "params": params,
        "tabs": [
            (tab, found.counts.get(tab, 0), _href(params, status=tab, offset=0)) for tab in TABS
        ],
        "threads": _page_choices(await owner.threads(store), params.get("page", "")),
        "cards": await owner.cards(store, found.comments),
        "total": total if found.total_exact else f"{total}+",
        "first": offset + 1 if found.comments else 0,
        "last": offset + len(found.comments),
        "prev_href": _href(params, offset=max(0, offset - PAGE_SIZE)) if offset > 0 else "",
        "next_href": _href(params, offset=offset + PAGE_SIZE) if offset + PAGE_SIZE < total else "",
        "back": here,
        "notice": _notice(request),
        "reported_count": await owner.count_reported(store),
    }
    return render(request, "admin/queue.html", context, owner=who)


def _page_choices(threads: list[Thread], chosen: str) -> list[Thread]:
    """The queue's page filter: the published pages, and the page filtered by if it is not one.

    Pages that only waiting or spam posts made stay off the list (a flood would make it
    megabytes long), but the one the owner is looking at is always shown as chosen.
    """
    if chosen and all(t.page_key != chosen for t in threads):
        return [*threads, Thread(0, chosen, "", "")]
    return threads


async def _card(request: Request) -> owner.Card:
    store = store_of(request)
    found = await owner.comment(store, path_comment_id(request))
    return (await owner.cards(store, [found]))[0]


@page
async def show_comment(request: Request, who: auth.Owner) -> Response:
    """One comment on its own; the script also fetches it to refresh a card in place."""
    card = await _card(request)
    back = safe_next(request.query_params.get("back"))
    selectable = request.query_params.get("pick") == "1"
    context = {"card": card, "back": back, "notice": _notice(request), "selectable": selectable}
    return render(request, "admin/comment.html", context, owner=who)


@page
async def confirm_delete(request: Request, who: auth.Owner) -> Response:
    """The no-JS confirmation step before deleting: GET only shows the question."""
    card = await _card(request)
    back = safe_next(request.query_params.get("back"))
    return render(request, "admin/delete.html", {"card": card, "back": back}, owner=who)


# -- actions from forms (the no-JS path; the script uses /admin/api/ instead) -----------------


def _ids(form: dict[str, list[str]], name: str = "ids") -> list[int]:
    values = form.get(name, [])
    if len(values) == 1 and "," in values[0]:
        values = values[0].split(",")
    return [found for i in dict.fromkeys(values) if (found := parse_id(i)) is not None]


def _confirmed(form: dict[str, list[str]]) -> frozenset[str]:
    return parse_confirmations(form.get("confirm_hints", []))


def _seen(form: dict[str, list[str]], name: str = "seen") -> str | None:
    """The version of the text the page showed the owner (absent from an older page)."""
    return parse_seen(form_value(form, name) or None, name)


def _seen_by_card(form: dict[str, list[str]], ids: list[int]) -> dict[int, str]:
    """For the bulk form: each selected card's `seen_<id>`."""
    found = {i: _seen(form, f"seen_{i}") for i in ids}
    return {i: version for i, version in found.items() if version is not None}


async def _changed_since(
    request: Request, who: auth.Owner, form: dict[str, list[str]], stale: owner.Stale
) -> Response:
    """The comment's text moved on since the owner read it: say so, and show the new text."""
    card = (await owner.cards(store_of(request), [stale.current]))[0]
    back = safe_next(form_value(form, "back"))
    context = {"card": card, "back": back, "notice": None, "stale": True}
    return render(request, "admin/comment.html", context, 409, owner=who)


async def _second_look(
    request: Request, who: auth.Owner, form: dict[str, list[str]], asked: Refusal, target: str
) -> Response:
    """The no-JS confirmation step: name the hints, and offer the same action once more."""
    card = await _card(request)
    confirmed = sorted(_confirmed(form))
    context = {
        "card": card,
        "back": safe_next(form_value(form, "back")),
        "target": target,
        "action": form_value(form, "action"),
        "excerpt": form_value(form, "excerpt"),
        "reply_body": form_value(form, "body") if target == "reply" else "",
        "hints": [*confirmed, *asked.details.get("hints", [])],
        "asked": asked.details.get("hints", []),
        # For a promotion with a health claim: the passage without it, offered as the excerpt.
        "without_claim": asked.details.get("excerpt_without_claim") or "",
        "confirmed": confirmed,
    }
    return render(request, "admin/confirm_hints.html", context, 409, owner=who)


@action
async def moderate(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Approve, reject, spam, restore, demote, pin or unpin one comment, then return to the queue.

    Approving a comment with personal data or a health claim first shows a confirmation step.
    """
    comment_id = path_comment_id(request)
    name = form_value(form, "action")
    if name not in CARD_ACTIONS:
        raise Refusal("action", "invalid", "no such action", Kind.MALFORMED)
    back = form_value(form, "back")
    if name == "demote":
        batch = await owner.demote(store_of(request), comment_id, who.actor)
        return redirect(with_notice(back, done="demote", undo=batch))
    if name in ("pin", "unpin"):
        toggle = owner.pin if name == "pin" else owner.unpin
        await toggle(store_of(request), comment_id, who.actor)
        return redirect(with_notice(back, done=name))
    try:
        change = await owner.change_status(
            store_of(request),
            comment_id,
            name,
            who.actor,
            confirmed=_confirmed(form),
            seen=_seen(form),
            grounds=_grounds(form) if name == "reject" else None,
        )
    except owner.Stale as exc:
        return await _changed_since(request, who, form, exc)
    except Refusal as exc:
        if exc.code != "confirm_hints":
            raise
        return await _second_look(request, who, form, exc, "moderate")
    return redirect(with_notice(back, done=name, undo=change.undo))


def _grounds(form: dict[str, list[str]]) -> Grounds | None:
    """The reason picked on a card (or the delete page), for the author's statement of reasons."""
    return parse_grounds(form_value(form, "reason"), form_value(form, "reason_note"))


@action
async def bulk(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Approve, reject or spam every selected comment in one request."""
    name = form_value(form, "action")
    if name not in BULK_ACTIONS:
        raise Refusal("action", "invalid", "no such action", Kind.MALFORMED)
    ids = _ids(form)
    if not ids:
        raise Refusal("ids", "required", "select at least one comment", Kind.MALFORMED)
    ids = ids[: owner.MAX_BULK]
    result = await owner.bulk(
        store_of(request), ids, name, who.actor, _confirmed(form), _seen_by_card(form, ids)
    )
    notice = {"done": "bulk", "n": str(len(result.changed)), "undo": result.undo}
    if result.skipped:
        notice["skipped"] = str(len(result.skipped))
    if result.changed_since:
        notice["stale"] = str(len(result.changed_since))
    return redirect(with_notice(form_value(form, "back"), **notice))


@action
async def undo(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Take back one action: by its undo key (the notice), its log row (the activity page),
    or the latest change of the given comments while they still have `status`."""
    store = store_of(request)
    back = form_value(form, "back")
    batch, log = form_value(form, "batch"), form_value(form, "log")
    if batch:
        await owner.undo(store, who.actor, batch=batch)
    elif log:
        if not (log.isascii() and log.isdigit() and len(log) < 19):
            raise Refusal("log", "invalid", "log must be the id of an activity row", Kind.MALFORMED)
        await owner.undo(store, who.actor, log_id=int(log))
    else:
        try:
            current = Status(form_value(form, "status"))
        except ValueError:
            raise Refusal("status", "invalid", "unknown status", Kind.MALFORMED) from None
        ids = _ids(form)
        if not ids:
            raise Refusal("ids", "required", "nothing to undo", Kind.MALFORMED)
        for comment_id in ids[: owner.MAX_BULK]:
            with contextlib.suppress(Refusal):
                await owner.undo(store, who.actor, comment_id=comment_id, expected=current)
    return redirect(with_notice(back, done="undo"))


@action
async def promote(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Make a testimonial of a passage the owner chose; the passage must be the author's words."""
    excerpt = form_value(form, "excerpt")
    try:
        done = await owner.promote(
            store_of(request),
            path_comment_id(request),
            excerpt,
            who.actor,
            _confirmed(form),
            _seen(form),
        )
    except owner.Stale as exc:
        return await _changed_since(request, who, form, exc)
    except Refusal as exc:
        if exc.code != "confirm_hints":
            raise
        return await _second_look(request, who, form, exc, "promote")
    return redirect(with_notice(form_value(form, "back"), done="promote", undo=done.undo))


@action
async def reply(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Publish the owner's reply under an approved comment, marked as the owner's.

    A reply with personal data or a health claim first shows the same confirmation step.
    """
    body = form_value(form, "body")
    try:
        done = await owner.reply(
            store_of(request),
            path_comment_id(request),
            body,
            who.actor,
            _confirmed(form),
            author=who.author_name,
        )
    except Refusal as exc:
        if exc.code != "confirm_hints":
            raise
        return await _second_look(request, who, form, exc, "reply")
    return redirect(with_notice(form_value(form, "back"), done="reply", undo=done.undo))


@action
async def redact(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Cut passages from a reader's text; a refusal shows the card again with the owner's draft."""
    draft = form_value(form, "body")
    try:
        done = await owner.redact(store_of(request), path_comment_id(request), draft, who.actor)
    except Refusal as exc:
        if exc.kind == Kind.NOT_FOUND:
            raise
        back = safe_next(form_value(form, "back"))
        card = await _card(request)
        failed = {"id": card.comment.id, "text": draft, "error": admin_text.error_message(exc.code)}
        context = {"card": card, "back": back, "notice": None, "redaction": failed}
        return render(request, "admin/comment.html", context, status_for(exc), owner=who)
    return redirect(with_notice(form_value(form, "back"), done="redact", undo=done.undo))


@action
async def set_display_name(
    request: Request, who: auth.Owner, form: dict[str, list[str]]
) -> Response:
    """The name a testimonial shows: a quick choice, or a shortening typed in (which wins)."""
    typed = form_value(form, "display_name").strip()
    chosen = typed or form_value(form, "choice")
    done = await owner.set_display_name(
        store_of(request), path_comment_id(request), chosen, who.actor
    )
    return redirect(with_notice(form_value(form, "back"), done="display_name", undo=done.undo))


@action
async def ask_consent(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Mail the author a request to consent again; a refusal says why (no confirmed address)."""
    await owner.ask_consent(store_of(request), path_comment_id(request), who.actor)
    return redirect(with_notice(form_value(form, "back"), done="ask_consent"))


@action
async def delete(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    grounds = _grounds(form)
    await owner.delete(store_of(request), path_comment_id(request), who.actor, grounds)
    return redirect(with_notice(form_value(form, "back"), done="delete"))


# -- one-click links from the e-mail notice (the signed token is the credential) ----------------


def _mail_token(request: Request) -> signing.MailLink:
    """The comment, action and state a notice's link names; refused when forged or expired."""
    found = signing.read_mail_link_token(request.path_params["token"])
    if found is None or found.action not in owner.MAIL_ACTIONS:
        raise Refusal(
            "token", "invalid_link", "this link is invalid or has expired", Kind.FORBIDDEN
        )
    return found


def _mail_page(
    request: Request, comment: Comment, action: str, status: int = 200, **state: bool
) -> Response:
    context = {
        "comment": comment,
        "action": action,
        "token": request.path_params["token"],
        "to_confirm": to_confirm(comment.body) if action == "approve" else [],
    }
    return render(request, "admin/mail_action.html", {**context, **state}, status)


def _dead_link(request: Request, action: str, stale: owner.Stale) -> Response:
    """Why the link does nothing any more, in words, with the comment as it is now."""
    why = "handled" if stale.code == "already_handled" else "changed"
    return _mail_page(request, stale.current, action, 409, **{why: True})


async def mail_action_form(request: Request) -> Response:
    """GET only asks: a mail client or scanner that follows the link changes nothing."""
    try:
        link = _mail_token(request)
    except Refusal as exc:
        return refusal(request, None, status_for(exc), exc.code)
    name = link.action
    try:
        comment = await owner.mail_link(store_of(request), link)
    except owner.Stale as exc:
        return _dead_link(request, name, exc)
    except Refusal as exc:
        return refusal(request, None, status_for(exc), exc.code)
    return _mail_page(request, comment, name)


async def mail_action(request: Request) -> Response:
    """Carry out the link's action once: only while the comment is as the notice saw it.

    Approving a comment with personal data or a health claim needs the hints the page named,
    and the page's form says which text it showed (`seen`).
    """
    try:
        link = _mail_token(request)
        name = link.action
        if not auth.same_origin(request):
            return refusal(request, None, 403, "csrf")
        # The page's form sends the hints it named; a bare POST (no form at all) confirms none.
        form = await read_form(request) if request.headers.get("content-type") else {}
        confirmed = parse_confirmations(form.get("confirm_hints", []))
        seen = _seen(form)
    except Refusal as exc:
        return refusal(request, None, status_for(exc), exc.code)
    store = store_of(request)
    comment: Comment | None = None
    try:
        comment = await owner.mail_link(store, link)
        done = await owner.act_from_mail(
            store, comment, name, link.state, confirmed=confirmed, seen=seen
        )
    except owner.Stale as exc:
        return _dead_link(request, name, exc)
    except Refusal as exc:
        if exc.code == "confirm_hints" and comment is not None:
            return _mail_page(request, comment, name, 409)
        return refusal(request, None, status_for(exc), exc.code)
    return _mail_page(request, done, name, done=True)


# -- pages: their title and address belong to the owner ----------------------------------------


@page
async def pages(request: Request, who: auth.Owner) -> Response:
    """Every page with comments, each with a form for its title and address."""
    threads = await owner.threads(store_of(request))
    context = {"pages": threads, "notice": _notice(request), "failed": None}
    return render(request, "admin/pages.html", context, owner=who)


@action
async def edit_page(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Save a page's title and address; a refusal shows the form again with the owner's draft."""
    raw = request.path_params["page_id"]
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise Refusal("page", "not_found", "no such page", Kind.NOT_FOUND)
    data = {"title": form_value(form, "title"), "url": form_value(form, "url")}
    try:
        await owner.edit_page(store_of(request), int(raw), data, who.actor)
    except Refusal as exc:
        if exc.kind == Kind.NOT_FOUND:
            raise
        failed = {"id": int(raw), **data, "field": exc.field, "error": exc.message}
        threads = await owner.threads(store_of(request))
        context = {"pages": threads, "notice": None, "failed": failed}
        return render(request, "admin/pages.html", context, status_for(exc), owner=who)
    return redirect(with_notice("/admin/pages", done="page"))


# -- activity ----------------------------------------------------------------------------------


@page
async def activity(request: Request, who: auth.Owner) -> Response:
    """The moderation log: who did what, when, to which comment."""
    raw = request.query_params.get("before", "")
    before = parse_id(raw) if raw else None
    if raw and before is None:
        raise Refusal("before", "invalid", "before must be an id", Kind.MALFORMED)
    entries = await owner.activity(store_of(request), LOG_PAGE, before)
    older = f"/admin/activity?before={entries[-1].id}" if len(entries) == LOG_PAGE else ""
    context = {
        "entries": entries,
        "names": await accounts.actor_names(store_of(request), who.account),
        "older": older,
        "notice": _notice(request),
        "back": "/admin/activity",
    }
    return render(request, "admin/activity.html", context, owner=who)


# -- the owner's own rules ---------------------------------------------------------------------


async def _rules_page(
    request: Request, who: auth.Owner, status: int = 200, **failed: Any
) -> Response:
    context = {"rules": await owner.rules(store_of(request)), **failed}
    return render(request, "admin/rules.html", context, status, owner=who)


@page
async def rules(request: Request, who: auth.Owner) -> Response:
    """Words, phrases and link domains that send new comments to spam or the queue."""
    return await _rules_page(request, who)


@action
async def add_rule(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Add a rule; a refusal shows the page again with the owner's draft and the reason."""
    draft = {name: form_value(form, name) for name in ("kind", "value", "action")}
    try:
        await owner.add_rule(store_of(request), draft["kind"], draft["value"], draft["action"])
    except Refusal as exc:
        error = admin_text.error_message(exc.code)
        return await _rules_page(request, who, status_for(exc), draft=draft, error=error)
    return redirect("/admin/rules")


@action
async def delete_rule(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    await owner.delete_rule(store_of(request), path_comment_id(request, "rule_id"))
    return redirect("/admin/rules")


async def admin_root(request: Request) -> Response:
    """`/admin` and the service's own root lead to the queue (readers never come here)."""
    return redirect(DEFAULT_NEXT)


routes: list[BaseRoute] = [
    Route("/", admin_root, methods=["GET"]),
    Route("/admin", admin_root, methods=["GET"]),
    Route("/admin/", queue, methods=["GET"], name="admin_queue"),
    Route("/admin/login", login_form, methods=["GET"], name="admin_login_form"),
    Route("/admin/login", login, methods=["POST"], name="admin_login"),
    Route("/admin/logout", logout, methods=["POST"], name="admin_logout"),
    Route("/admin/activity", activity, methods=["GET"], name="admin_activity"),
    Route("/admin/pages", pages, methods=["GET"], name="admin_pages"),
    Route("/admin/pages/{page_id}", edit_page, methods=["POST"], name="admin_edit_page"),
    Route("/admin/bulk", bulk, methods=["POST"], name="admin_bulk"),
    Route("/admin/rules", rules, methods=["GET"], name="admin_rules"),
    Route("/admin/rules", add_rule, methods=["POST"], name="admin_add_rule"),
    Route("/admin/rules/{rule_id}/delete", delete_rule, methods=["POST"]),
    Route("/admin/undo", undo, methods=["POST"], name="admin_undo"),
    Route("/admin/comments/{comment_id}", show_comment, methods=["GET"], name="admin_comment"),
    Route("/admin/comments/{comment_id}/delete", confirm_delete, methods=["GET"]),
    Route("/admin/comments/{comment_id}/delete", delete, methods=["POST"], name="admin_delete"),
    Route("/admin/comments/{comment_id}/moderate", moderate, methods=["POST"]),
    Route("/admin/comments/{comment_id}/promote", promote, methods=["POST"]),
    Route("/admin/comments/{comment_id}/reply", reply, methods=["POST"]),
    Route("/admin/comments/{comment_id}/redact", redact, methods=["POST"]),
    Route("/admin/comments/{comment_id}/display-name", set_display_name, methods=["POST"]),
    Route("/admin/comments/{comment_id}/ask-consent", ask_consent, methods=["POST"]),
    Route("/admin/mail/{token}", mail_action_form, methods=["GET"], name="admin_mail_form"),
    Route("/admin/mail/{token}", mail_action, methods=["POST"], name="admin_mail_action"),
    Mount("/admin/static", StaticFiles(directory=STATIC_DIR), name="admin_static"),
]

"""The small pages a reader reaches from a mail: manage my comments, confirm replies, unsubscribe.

Threat: mail scanners and forged links. Every page is reached by a signed link; GET only shows
(a scanner that follows the link changes nothing) and POST acts. A manage link is used up by the
action it carries, and the page answers with a fresh one that expires when the mailed one would.
Unsubscribing is one POST without a login (RFC 8058), so mail clients can do it for the reader.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.templating import Jinja2Templates

import settings
from service import readers, text
from service.domain.comments import Comment, Status
from service.domain.errors import Refusal
from service.web.auth import same_origin
from service.web.clients import client_key
from service.web.http import read_body, status_for, store_of
from service.web.reader_text import page_language, switch
from service.web.shapes import to_second

_HERE = Path(__file__).resolve().parents[1]
templates = Jinja2Templates(directory=_HERE / "templates")
templates.env.filters["machine"] = to_second  # a `datetime` attribute takes at most 3 digits
templates.env.globals["language_switch"] = switch
HEADERS = {
    "Cache-Control": "no-store",
    # The pages speak the language the browser asks for, unless ?lang= names one.
    "Vary": "Accept-Language",
    # img-src data: lets the page's empty icon (href="data:,") spare the browser a favicon fetch.
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src data:; "
    "form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'; object-src 'none'",
    # Not "no-referrer": with it, browsers send `Origin: null` with the page's own forms, which
    # the same-origin check rightly refuses. "same-origin" keeps the link's token on our server.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


def day(stamp: str, lang: str) -> str:
    """A stored UTC timestamp as a reader reads a date: "7 december 2026", "7. Dezember 2026".

    In the site's time zone (OWNER_TIMEZONE): a comment posted at 23:30 in Amsterdam is from that
    day there, not from the next day in UTC.
    """
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:10]
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(settings.OWNER_TIMEZONE))
    return text.date(lang, moment.day, moment.month, moment.year)


def _web(url: str) -> str:
    """Only http(s) addresses with a host become links, whatever the store holds."""
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else ""


def page_link(comment: Comment) -> str:
    """Where the comment is read: its place on the page once published, else the page itself."""
    page = _web(comment.page_url)
    if page and comment.status == Status.APPROVED:
        return f"{page.split('#')[0]}#chorus-comment-{comment.id}"
    return page


def site_link(comments: list[Comment]) -> str:
    """The site the reader came from: the home of the newest page, else the first embedding site."""
    for comment in comments:
        parts = urlsplit(_web(comment.page_url))
        if parts.netloc:
            return f"{parts.scheme}://{parts.netloc}/"
    origins = [o for o in settings.ALLOWED_ORIGINS if _web(o)]
    return origins[0].rstrip("/") + "/" if origins else ""


def _lang(request: Request) -> str:
    return page_language(request)


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    lang = _lang(request)
    full = {"t": text.section(lang, "reader_page"), "lang": lang, **context}
    response = templates.TemplateResponse(request, f"reader/{name}", full, status_code=status)
    response.headers.update(HEADERS)
    return response


def _invalid(request: Request, status: int = 403) -> Response:
    return _page(request, "message.html", {"title": "manage_title", "message": "invalid"}, status)


async def read_form(request: Request) -> dict[str, str]:
    """A small urlencoded form (the reader pages' own), first value of each field."""
    raw = await read_body(request, "application/x-www-form-urlencoded")
    try:
        fields = parse_qs(raw.decode("utf-8"), max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        raise Refusal("request", "invalid_form", "the form could not be read") from None
    return {name: values[0] for name, values in fields.items()}


def _manage(request: Request, managed: readers.Managed, status: int = 200) -> Response:
    lang = _lang(request)
    context = {
        "title": "manage_title",
        "managed": managed,
        "editable": {c.id for c in managed.comments if readers.edit_deadline(c.created_at)},
        "days": {c.id: day(c.created_at, lang) for c in managed.comments},
        "links": {c.id: page_link(c) for c in managed.comments},
        "site": site_link(managed.comments),
        "site_name": settings.SITE_NAME,
    }
    return _page(request, "manage.html", context, status)


async def manage_page(request: Request) -> Response:
    """Show the address's comments with what the reader may do; nothing is used up."""
    try:
        managed = await readers.open_manage_link(store_of(request), request.path_params["token"])
    except Refusal:
        return _invalid(request)
    return _manage(request, managed)


async def manage_action(request: Request) -> Response:
    """Withdraw consent, delete or edit one comment; the link is used up, a fresh one shown."""
    if not same_origin(request) or not readers.genuine_link(request.path_params["token"]):
        return _invalid(request)
    try:
        form = await read_form(request)
        raw_id = form.get("comment", "")
        comment_id = (
            int(raw_id) if raw_id.isascii() and raw_id.isdigit() and len(raw_id) < 18 else 0
        )
        action = form.get("action", "")
        if action == "delete" and form.get("confirm") != "yes":
            raise Refusal("confirm", "required", "confirm the deletion")
        managed = await readers.act_by_link(
            store_of(request),
            request.path_params["token"],
            action,
            comment_id,
            form.get("body"),
            client=client_key(request),  # an edit here counts toward the same limit
        )
    except Refusal as exc:
        if exc.code == "invalid_link":
            return _invalid(request, status_for(exc))
        return _page(
            request,
            "message.html",
            {"title": "manage_title", "message": "refused_other"},
            status_for(exc),
        )
    return _manage(request, managed, 200 if not managed.refused else 409)


async def confirm_form(request: Request) -> Response:
    return _page(
        request,
        "subscription.html",
        {"title": "confirm_title", "ask": "confirm_ask", "button": "confirm_button"},
    )


async def confirm(request: Request) -> Response:
    if not await readers.confirm_replies(store_of(request), request.path_params["token"]):
        return _invalid(request)
    return _page(request, "message.html", {"title": "confirm_title", "message": "confirmed"})


async def unsubscribe_form(request: Request) -> Response:
    if not await readers.check_unsubscribe(store_of(request), request.path_params["token"]):
        return _page(request, "message.html", {"title": "unsub_title", "message": "unsubscribed"})
    return _page(
        request,
        "subscription.html",
        {"title": "unsub_title", "ask": "unsub_ask", "button": "unsub_button"},
    )


async def unsubscribe(request: Request) -> Response:
    """One click, no login: a mail client's RFC 8058 POST or the page's button."""
    if not await readers.unsubscribe(store_of(request), request.path_params["token"]):
        return _invalid(request)
    return _page(request, "message.html", {"title": "unsub_title", "message": "unsubscribed"})


routes: list[BaseRoute] = [
    Route("/manage/{token}", manage_page, methods=["GET"], name="manage_page"),
    Route("/manage/{token}", manage_action, methods=["POST"], name="manage_action"),
    Route("/replies/confirm/{token}", confirm_form, methods=["GET"], name="confirm_form"),
    Route("/replies/confirm/{token}", confirm, methods=["POST"], name="confirm_replies"),
    Route("/replies/unsubscribe/{token}", unsubscribe_form, methods=["GET"]),
    Route("/replies/unsubscribe/{token}", unsubscribe, methods=["POST"], name="unsubscribe"),
]

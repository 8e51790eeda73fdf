"""The admin pages' plumbing: templates, security headers, form reading and the login guards.

Threat: these pages show hostile reader input to the one person who can change the site, so
every admin response carries a strict CSP (no inline script or style), cannot be framed or
cached, and every form action passes `action`: a logged-in owner, a size-capped form, the
session's CSRF token and a same-origin request.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit
from zoneinfo import ZoneInfo

from jinja2 import pass_context
from jinja2.runtime import Context
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

import settings
from service import text
from service.domain import hints
from service.domain.comments import Comment
from service.domain.display_names import NAME_STYLES, styled_name
from service.domain.errors import Kind, Refusal
from service.domain.hints import TO_CONFIRM
from service.domain.reports import DECISION_REASONS
from service.domain.seen import text_version
from service.owner import MAX_BULK, MAX_PINS, UNDO_SECONDS
from service.web import admin_text, auth
from service.web.http import read_body, status_for, store_of
from service.web.shapes import testimonial_name

_HERE = Path(__file__).resolve().parents[1]  # service/, where templates and static live
STATIC_DIR = _HERE / "static"
MAX_FORM_FIELDS = MAX_BULK + 10  # the bulk form's ids plus a few fixed fields
DEFAULT_NEXT = "/admin/"

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
    "object-src 'none'"
)
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

templates = Jinja2Templates(directory=_HERE / "templates")


def _asset_versions() -> dict[str, str]:
    """A content hash per static file, so a new release is never served from a stale cache."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:10]
        for p in STATIC_DIR.glob("*")
        if p.is_file()
    }


_VERSIONS = _asset_versions()


def _static(name: str) -> str:
    return f"/admin/static/{name}?v={_VERSIONS.get(name, '0')}"


def _fmt(template: str, **values: Any) -> str:
    """Fill a translated string; the result is plain text, so autoescaping still applies."""
    return template.format(**values)


def _parsed(stamp: str | None) -> datetime | None:
    """A stored timestamp as an aware datetime; None when it is missing or has no zone."""
    try:
        moment = datetime.fromisoformat((stamp or "").replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _local(stamp: str | None) -> datetime | None:
    """A stored UTC timestamp in the owner's time zone (OWNER_TIMEZONE)."""
    moment = _parsed(stamp)
    return moment.astimezone(ZoneInfo(settings.OWNER_TIMEZONE)) if moment else None


def _machine(stamp: str | None) -> str:
    """A stored timestamp for a `datetime` attribute: UTC, to the second.

    HTML allows at most three digits of a second there; the store keeps six.
    """
    moment = _parsed(stamp)
    return f"{moment.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}" if moment else ""


def _when(stamp: str | None) -> str:
    """A stored UTC timestamp as '12 nov 2026 15:05 CET', in the owner's zone, without script."""
    moment = _local(stamp)
    if moment is None:
        return ""
    return f"{_day(stamp)} {moment:%H:%M} {moment.tzname()}"


def _day(stamp: str | None) -> str:
    moment = _local(stamp)
    if moment is None:
        return ""
    return admin_text.day(moment.day, moment.month, moment.year)


def _http_url(url: str | None) -> str:
    """Only http(s) addresses become links, whatever the store holds."""
    return url if url and url.lower().startswith(("http://", "https://")) else ""


@pass_context
def _hints(context: Context, comment: Comment) -> list[str]:
    """The hints stored with the comment at intake (computed now only for older comments)."""
    lang = context["t"]["lang"]
    return [text.message(lang, "hint." + h.code) for h in hints.of(comment.hints, comment.body)]


@pass_context
def _hint_label(context: Context, code: str) -> str:
    """A hint's words in the page's language, from its code (as the owner API names it)."""
    hint = next((h for h in TO_CONFIRM if h.code == code), None)
    if hint is None:
        return code
    return text.message(context["t"]["lang"], "hint." + hint.code)


@pass_context
def _hint_why(context: Context, code: str) -> str:
    """What a hint protects, in the page's language ("" for a hint that says it all itself)."""
    if not any(h.code == code for h in TO_CONFIRM):
        return ""
    return text.catalog(context["t"]["lang"]).get("hint_why." + code, "")


@pass_context
def _hint_labels(context: Context) -> dict[str, str]:
    """Every hint that needs a second look, code to words: the reply form names them from it."""
    return {hint.code: _hint_label(context, hint.code) for hint in TO_CONFIRM}


def _seen_of(comment: Comment) -> str:
    """The version of the text a card shows: its approve and promote forms send it back."""
    return text_version(comment.body)


def _name_choices(comment: Comment) -> list[tuple[str, str]]:
    """The styles a testimonial's name can take, each as (style, the name it gives), once each."""
    word = text.client_word(comment.lang or settings.ADMIN_LANG)
    choices: dict[str, str] = {}
    for style in NAME_STYLES:
        choices.setdefault(styled_name(comment.author, style, word), style)
    return [(style, name) for name, style in choices.items()]


templates.env.filters["fmt"] = _fmt
templates.env.filters["when"] = _when
templates.env.filters["day"] = _day
templates.env.filters["machine"] = _machine
templates.env.filters["http_url"] = _http_url
templates.env.globals["static"] = _static
templates.env.globals["hints_for"] = _hints
templates.env.globals["hint_label"] = _hint_label
templates.env.globals["hint_why"] = _hint_why
templates.env.globals["hint_labels"] = _hint_labels
templates.env.globals["seen_of"] = _seen_of
templates.env.globals["name_choices"] = _name_choices
templates.env.globals["shown_name"] = testimonial_name
templates.env.globals["describe"] = admin_text.describe
templates.env.globals["actor"] = admin_text.actor
templates.env.globals["plural"] = admin_text.plural
templates.env.globals["decision_reasons"] = DECISION_REASONS  # the reason picker's choices


# -- responses ---------------------------------------------------------------------------------


def secure(response: Response) -> Response:
    response.headers.update(HEADERS)
    return response


def redirect(url: str) -> Response:
    return secure(RedirectResponse(url, status_code=303))


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    status: int = 200,
    owner: auth.Owner | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Render a template with the words, the CSRF token and the admin headers."""
    session = owner.session if owner else None
    full = {
        "t": admin_text.current(),
        "csrf": session.csrf_token if session else "",
        "logged_in": session is not None,
        "is_owner": owner.is_owner if owner else False,
        "site_name": settings.SITE_NAME,
        "timezone": settings.OWNER_TIMEZONE,
        "undo_seconds": UNDO_SECONDS,
        "max_pins": MAX_PINS,
        **context,
    }
    response = templates.TemplateResponse(request, name, full, status_code=status)
    if headers:
        response.headers.update(headers)
    return secure(response)


def refusal(request: Request, owner: auth.Owner | None, status: int, code: str) -> Response:
    message = admin_text.error_message(code)
    context = {"message": message, "back": DEFAULT_NEXT}
    return render(request, "admin/error.html", context, status, owner)


def safe_next(value: str | None) -> str:
    """Where to go after login: a path inside /admin on this site, never anywhere else."""
    if not value or len(value) > 2000 or not value.startswith("/admin"):
        return DEFAULT_NEXT
    if value.startswith(("//", "/\\")) or any(c in value for c in "\\\r\n\t"):
        return DEFAULT_NEXT
    if any(unicodedata.category(c)[0] in "CZ" and c != " " for c in value) or " " in value:
        return DEFAULT_NEXT
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return DEFAULT_NEXT
    if parts.path != "/admin" and not parts.path.startswith("/admin/"):
        return DEFAULT_NEXT
    return value


def with_notice(back: str, **notice: str) -> str:
    """The page to return to after an action, carrying the notice to show there."""
    parts = urlsplit(safe_next(back))
    kept = [
        (k, v)
        for k, v in parse_qs(parts.query, keep_blank_values=True).items()
        if k not in ("done", "undo", "was", "n", "skipped")
    ]
    query = [(k, item) for k, values in kept for item in values] + list(notice.items())
    return f"{parts.path}?{urlencode(query)}" if query else parts.path


# -- reading forms (python-multipart is not installed on purpose) -----------------------------


async def read_form(request: Request) -> dict[str, list[str]]:
    """An urlencoded form body, read in chunks and refused past MAX_REQUEST_BYTES."""
    raw = await read_body(request, "application/x-www-form-urlencoded")
    try:
        return parse_qs(
            raw.decode("ascii"),
            keep_blank_values=True,
            max_num_fields=MAX_FORM_FIELDS,
            errors="strict",
        )
    except ValueError:  # non-ASCII bytes, bad percent-escapes or too many fields
        raise Refusal("request", "invalid", "the form could not be read", Kind.MALFORMED) from None


def form_value(form: dict[str, list[str]], name: str) -> str:
    values = form.get(name)
    return values[0] if values else ""


async def read_sign_in_form(request: Request) -> tuple[dict[str, list[str]], str] | Response:
    """The opening of every sign-in step: a same-origin request, a readable form, and where to
    go after it (`safe_next`). The form and that place, or the refusal page to answer with.

    Nobody is signed in yet, so the origin stands in for the CSRF token.
    """
    if not auth.same_origin(request):
        return refusal(request, None, 403, "csrf")
    try:
        form = await read_form(request)
    except Refusal as exc:
        return refusal(request, None, status_for(exc), exc.code)
    return form, safe_next(form_value(form, "next"))


# -- guards: thin handlers get an authenticated owner (and for actions, a checked form) --------

PageHandler = Callable[[Request, auth.Owner], Awaitable[Response]]
ActionHandler = Callable[[Request, auth.Owner, dict[str, list[str]]], Awaitable[Response]]


async def session_owner(request: Request) -> auth.Owner | None:
    found = await auth.owner_from(store_of(request), request)
    return found if found is not None and found.session is not None else None


def to_login(request: Request) -> Response:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    target = here if request.method == "GET" else DEFAULT_NEXT
    return redirect("/admin/login?" + urlencode({"next": safe_next(target)}))


def page(handler: PageHandler) -> Callable[[Request], Awaitable[Response]]:
    """A page only the logged-in owner may see; anyone else is sent to the login page."""

    async def guarded(request: Request) -> Response:
        owner = await session_owner(request)
        if owner is None:
            return to_login(request)
        try:
            return await handler(request, owner)
        except Refusal as exc:
            return refusal(request, owner, status_for(exc), exc.code)

    guarded.__name__ = handler.__name__
    guarded.__doc__ = handler.__doc__
    return guarded


def action(handler: ActionHandler) -> Callable[[Request], Awaitable[Response]]:
    """A state change from a form: logged in, a readable form, a valid CSRF token, same origin."""

    async def guarded(request: Request) -> Response:
        owner = await session_owner(request)
        if owner is None:
            return to_login(request)
        try:
            form = await read_form(request)
            if not auth.csrf_ok(owner, request, form_value(form, "csrf")):
                return refusal(request, owner, 403, "csrf")
            return await handler(request, owner, form)
        except Refusal as exc:
            return refusal(request, owner, status_for(exc), exc.code)

    guarded.__name__ = handler.__name__
    guarded.__doc__ = handler.__doc__
    return guarded

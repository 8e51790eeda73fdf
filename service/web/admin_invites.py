"""The moderation page's Invite tab: ask clients for their story, and the collection page's QR.

The owner invites one client (a first name, an address, a language) or pastes up to 200
addresses, sees every invitation with its state, copies a link to send herself, and withdraws
one. The QR code of the collection page comes as SVG and PNG, ready to print.
Threat: the tab handles clients' addresses. Every change is a CSRF-checked POST; the pages are
autoescaped and carry the admin headers. Works without JavaScript: plain forms, redirect after
POST (the link of a new invitation is shown on the page it returns to).
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

import settings
from service import invites, owner, qr
from service.domain.invites import MAX_PASTED, OPEN_STATUSES, InviteStatus, collect_path
from service.domain.validation import LANGUAGES, clean_line
from service.web import auth
from service.web.admin import TABS, _href
from service.web.admin_kit import action, form_value, page, redirect, render, secure
from service.web.http import parse_id, path_comment_id, store_of
from service.web.owner_api import parse_query

PAGE = "/admin/invites"
PAGE_SIZE = 25  # invitations on one page of the list


def collect_url(lang: str) -> str:
    """The collection page's address, the one a QR code at the desk leads to."""
    return f"{settings.PUBLIC_URL}{collect_path(lang)}"


def _offset(request: Request) -> int:
    raw = request.query_params.get("offset", "")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else 0


def _made_link(request: Request) -> str:
    """The link of the invitation just made, to copy (shown once, after the redirect)."""
    made = parse_id(request.query_params.get("made", ""))
    return "" if made is None else str(made)


@page
async def invites_page(request: Request, who: auth.Owner) -> Response:
    """The invitations, newest first and searchable, with the forms to invite more."""
    store = store_of(request)
    counts = (await owner.queue(store, parse_query({"limit": "1"}))).counts
    search = clean_line(dict(request.query_params), "q", 200)
    offset = _offset(request)
    found, total = await invites.listed(store, search, PAGE_SIZE, offset)
    made_id = _made_link(request)
    made = None
    if made_id:
        invite = await store.invites.get(int(made_id))
        made = invite if invite is not None and invite.status in OPEN_STATUSES else None

    def here(**changes: str | int) -> str:
        query = {"q": search, "offset": str(offset), **{k: str(v) for k, v in changes.items()}}
        kept = {k: v for k, v in query.items() if v and (k, v) != ("offset", "0")}
        return f"{PAGE}?{urlencode(kept)}" if kept else PAGE

    context = {
        "tabs": [(tab, counts.get(tab, 0), _href({}, status=tab)) for tab in TABS],
        "reported_count": await owner.count_reported(store),
        "invites": found,
        "urls": {i.id: invites.url_of(i) for i in found if i.status in OPEN_STATUSES},
        "total": total,
        "search": search,
        "previous": here(offset=max(0, offset - PAGE_SIZE)) if offset > 0 else "",
        "next": here(offset=offset + PAGE_SIZE) if offset + PAGE_SIZE < total else "",
        "languages": LANGUAGES,
        "default_lang": settings.ADMIN_LANG,
        "max_pasted": MAX_PASTED,
        "made": made,
        "made_url": invites.url_of(made) if made else "",
        "sent": _sent(request),
        "withdrawn": request.query_params.get("done") == "invite_withdrawn",
        "collect": {lang: collect_url(lang) for lang in LANGUAGES},
        "mail_on": invites.mails(),
        "invite_days": settings.INVITE_DAYS,
        "open_statuses": OPEN_STATUSES,
        "statuses": InviteStatus,
    }
    return render(request, "admin/invites.html", context, owner=who)


def _sent(request: Request) -> dict[str, int] | None:
    """The counts of a paste-many request, carried back in the address after it."""
    names = ("sent", "invalid", "already")
    raw = {name: request.query_params.get(name, "") for name in names}
    if not all(v.isascii() and v.isdigit() and len(v) < 5 for v in raw.values()):
        return None
    return {name: int(value) for name, value in raw.items()}


@action
async def create_invite(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Invite one client; back to the list, with the new link to copy."""
    data = {
        name: form_value(form, name) for name in ("name", "email", "lang") if form_value(form, name)
    }
    invite = await invites.create(store_of(request), data)
    return redirect(f"{PAGE}?made={invite.id}")


@action
async def create_invites(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Invite every pasted address; back to the list with the counts."""
    sent = await invites.create_many(
        store_of(request), form_value(form, "emails"), form_value(form, "lang")
    )
    query = {"sent": sent.sent, "invalid": sent.invalid, "already": sent.already_invited}
    return redirect(f"{PAGE}?{urlencode(query)}")


@action
async def withdraw_invite(
    request: Request, who: auth.Owner, form: dict[str, list[str]]
) -> Response:
    """Withdraw one open invitation."""
    await invites.withdraw(store_of(request), path_comment_id(request, "invite_id"))
    return redirect(f"{PAGE}?done=invite_withdrawn")


def _qr_lang(request: Request) -> str:
    lang = request.query_params.get("lang", "")
    return lang if lang in LANGUAGES else "nl"


def _download(body: bytes, media: str, name: str) -> Response:
    response = Response(body, media_type=media)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return secure(response)


@page
async def qr_svg(request: Request, who: auth.Owner) -> Response:
    """The collection page's QR code as SVG, to print (`lang` picks /vertel or /tell)."""
    lang = _qr_lang(request)
    return _download(qr.svg(collect_url(lang)), "image/svg+xml", f"chorus-qr-{lang}.svg")


@page
async def qr_png(request: Request, who: auth.Owner) -> Response:
    """The collection page's QR code as PNG, to print."""
    lang = _qr_lang(request)
    return _download(qr.png(collect_url(lang)), "image/png", f"chorus-qr-{lang}.png")


routes: list[BaseRoute] = [
    Route(PAGE, invites_page, methods=["GET"], name="admin_invites"),
    Route(PAGE, create_invite, methods=["POST"], name="admin_create_invite"),
    Route(f"{PAGE}/batch", create_invites, methods=["POST"], name="admin_create_invites"),
    Route(f"{PAGE}/qr.svg", qr_svg, methods=["GET"], name="admin_qr_svg"),
    Route(f"{PAGE}/qr.png", qr_png, methods=["GET"], name="admin_qr_png"),
    Route(
        f"{PAGE}/{{invite_id}}/withdraw",
        withdraw_invite,
        methods=["POST"],
        name="admin_withdraw_invite",
    ),
]

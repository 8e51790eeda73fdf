"""A reader's privacy request on the moderation page: find, export and erase by e-mail address.

Threat: the page gathers one person's data in one place, so it is the owner's alone (logged in,
never cached), and erasing is a CSRF-checked POST that asks for a ticked confirmation first,
without JavaScript too. The address never sits in a URL, where access logs, proxies and the
browser's history keep it: finding and exporting are CSRF-checked POSTs too, the page's links
back to it carry no address, and after an erasure the page's address carries only counts.
Find, export and erase are the owner API's use cases, called here.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from service import accounts, owner
from service.domain.errors import Refusal
from service.domain.privacy import Erasure
from service.web import auth
from service.web.admin_kit import action, form_value, page, redirect, render, secure
from service.web.http import status_for, store_of

PAGE = "/admin/privacy"
# The erase form's two choices, as the owner API spells keep_anonymised.
KEEP = {"true": True, "false": False}


def _erasure(request: Request) -> Erasure | None:
    """The counts an erasure redirected with, when the page shows what was erased."""
    params = request.query_params
    if params.get("done") != "erase":
        return None
    counts = [params.get(name, "") for name in ("comments", "subscriptions", "log")]
    if not all(c.isascii() and c.isdigit() and len(c) < 10 for c in counts):
        return None
    comments, subscriptions, log_rows = (int(c) for c in counts)
    return Erasure(comments, params.get("how") == "anonymised", subscriptions, log_rows)


async def _privacy_page(
    request: Request,
    who: auth.Owner,
    email: str,
    status: int = 200,
    error: Refusal | None = None,
    draft: dict[str, str] | None = None,
) -> Response:
    """The search form, and for a valid address everything tied to it and the erase form."""
    context: dict[str, Any] = {
        "email": email,
        "found": None,
        "error_field": error.field if error else "",
        "draft": draft or {},
        "erased": _erasure(request),
    }
    if email and (error is None or error.field != "email"):
        found = await owner.find_reader(store_of(request), email)
        context.update(
            found=found,
            consents=[c for c in found["comments"] if c["consent_at"] or c["consent_withdrawn_at"]],
            names=await accounts.actor_names(store_of(request), who.account),
            anything=any(
                found[k] for k in ("comments", "subscriptions", "moderation_log", "invitations")
            ),
            # Back to the search form, not to this result: a link would put the address in a URL.
            back=urlencode({"back": PAGE}),
        )
    return render(request, "admin/privacy.html", context, status, owner=who)


@page
async def privacy(request: Request, who: auth.Owner) -> Response:
    """The search form (and what an erasure removed); an address in the URL is not looked at."""
    return await _privacy_page(request, who, "")


@action
async def find_reader(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Find everything tied to the posted `email`."""
    raw = form_value(form, "email").strip()
    if not raw:
        return await _privacy_page(request, who, "")
    try:
        email = owner.reader_email(raw)
    except Refusal as exc:
        return await _privacy_page(request, who, raw, status_for(exc), exc)
    return await _privacy_page(request, who, email)


@action
async def export_reader(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Everything tied to the posted `email`, as the JSON download to hand to the reader."""
    try:
        email = owner.reader_email(form_value(form, "email"))
    except Refusal as exc:
        return await _privacy_page(request, who, "", status_for(exc), exc)
    found = await owner.export_reader(store_of(request), email)
    disposition = 'attachment; filename="chorus-reader.json"'
    return secure(JSONResponse(found, headers={"Content-Disposition": disposition}))


@action
async def erase_reader(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Erase an address's data once the owner chose what happens to the comments and confirmed."""
    raw = form_value(form, "email")
    choice = form_value(form, "keep_anonymised")
    draft = {"keep_anonymised": choice, "confirm": form_value(form, "confirm")}
    try:
        email = owner.reader_email(raw)
    except Refusal as exc:
        return await _privacy_page(request, who, raw, status_for(exc), exc)
    try:
        if choice not in KEEP:
            raise Refusal("keep_anonymised", "required", "choose delete or keep anonymised")
        if draft["confirm"] != "yes":
            raise Refusal("confirm", "required", "confirm that erasing cannot be undone")
        done = await owner.erase_reader(store_of(request), email, KEEP[choice], who.actor)
    except Refusal as exc:
        return await _privacy_page(request, who, email, status_for(exc), exc, draft)
    counts = {
        "done": "erase",
        "how": "anonymised" if done.anonymised else "deleted",
        "comments": done.comments,
        "subscriptions": done.subscriptions,
        "log": done.log_rows,
    }
    return redirect(f"{PAGE}?{urlencode(counts)}")


routes: list[BaseRoute] = [
    Route(PAGE, privacy, methods=["GET"], name="admin_privacy"),
    Route(PAGE, find_reader, methods=["POST"], name="admin_find_reader"),
    Route(f"{PAGE}/export", export_reader, methods=["POST"], name="admin_export_reader"),
    Route(f"{PAGE}/erase", erase_reader, methods=["POST"], name="admin_erase_reader"),
]

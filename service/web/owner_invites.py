"""The owner API's invitations: create one, paste many, list them, withdraw one.

Thin handlers over `service.invites`; the owner is checked as for every /admin/api/ call.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from service import invites
from service.domain.errors import Refusal
from service.domain.invites import OPEN_STATUSES, Invite
from service.domain.validation import clean_line
from service.web.http import path_comment_id, read_object, store_of
from service.web.owner_api import NO_STORE, require_owner

MAX_SEARCH = 200  # characters of a search in the invitations


def invite_shape(invite: Invite) -> dict[str, Any]:
    """An invitation as the owner sees it; `url` only while the link can still be used."""
    return {
        "id": invite.id,
        "name": invite.name,
        "email": invite.email,
        "lang": invite.lang,
        "status": invite.status.value,
        "url": invites.url_of(invite) if invite.status in OPEN_STATUSES else None,
        "created_at": invite.created_at,
        "expires_at": invite.expires_at,
        "mailed_at": invite.mailed_at,
        "reminded_at": invite.reminded_at,
        "opened_at": invite.opened_at,
        "answered_at": invite.answered_at,
        "comment_id": invite.comment_id,
    }


def _number(params: dict[str, str], name: str, default: int, high: int) -> int:
    raw = params.get(name, "")
    if raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
        raise Refusal(name, "not_an_integer", f"{name} must be a whole number")
    return min(int(raw), high)


async def create_invite(request: Request) -> Response:
    """Invite a client: `{name?, email?, lang?}`; mailed when it has an address and mail is set.

    Answers 201 with the invitation and its personal link; 409 `already_invited` when the
    address has an open invitation from the last INVITE_DAYS days.
    """
    await require_owner(request)
    data = await read_object(request, {"name", "email", "lang"}, empty_ok=True)
    invite = await invites.create(store_of(request), data)
    return JSONResponse(invite_shape(invite), status_code=201, headers=NO_STORE)


async def create_invites(request: Request) -> Response:
    """Invite every address of a pasted list (`emails`, one a line, at most 200) in `lang`.

    Counts what was sent and what was refused: invalid addresses, and addresses with an open
    invitation from the last INVITE_DAYS days (an address given twice counts there once).
    """
    await require_owner(request)
    data = await read_object(request, {"emails", "lang"})
    sent = await invites.create_many(store_of(request), data.get("emails"), data.get("lang"))
    return JSONResponse(
        {"sent": sent.sent, "invalid": sent.invalid, "already_invited": sent.already_invited},
        headers=NO_STORE,
    )


async def list_invites(request: Request) -> Response:
    """The invitations, newest first, paged like the queue; `q` searches names and addresses."""
    await require_owner(request)
    params = dict(request.query_params)
    search = clean_line(params, "q", MAX_SEARCH)
    limit = max(1, _number(params, "limit", 20, invites.MAX_LIST))
    offset = _number(params, "offset", 0, 10**9)
    found, total = await invites.listed(store_of(request), search, limit, offset)
    return JSONResponse(
        {
            "invites": [invite_shape(i) for i in found],
            "total": total,
            "limit": limit,
            "offset": offset,
        },
        headers=NO_STORE,
    )


async def withdraw_invite(request: Request) -> Response:
    """Withdraw an open invitation: its link stops working and its address is forgotten."""
    await require_owner(request)
    invite_id = path_comment_id(request, "invite_id")
    invite = await invites.withdraw(store_of(request), invite_id)
    return JSONResponse(invite_shape(invite), headers=NO_STORE)

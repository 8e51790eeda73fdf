"""The owner API's accounts: list them with their invitations, invite, change a role, disable,
enable, remove, end an account's sessions, withdraw an invitation.

Thin handlers over `service.accounts`, the same use cases the Accounts page calls. The owner is
checked as for every /admin/api/ call, and `roles` keeps every one of these from a moderator.
Nothing here ever answers with a password hash, a second factor's secret or a session.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from service import accounts
from service.domain.accounts import Invitation
from service.web.admin_accounts import path_id
from service.web.http import read_object, store_of
from service.web.owner_api import NO_STORE, require_owner


def account_shape(listed: accounts.Listed) -> dict[str, Any]:
    """An account as the owner sees it: who, which role, whether on, since and last seen when."""
    account = listed.account
    return {
        "id": account.id,
        "name": account.display_name,
        "email": account.email or None,
        "role": account.role.value,
        "status": "disabled" if account.disabled else "enabled",
        "second_factor": account.has_factor,
        "created_at": account.created_at,
        "last_seen_at": listed.last_seen,
    }


def invitation_shape(invitation: Invitation) -> dict[str, Any]:
    """An open invitation; never its link (shown once, when it is made)."""
    return {
        "id": invitation.id,
        "email": invitation.email,
        "name": invitation.display_name,
        "role": invitation.role.value,
        "created_at": invitation.created_at,
        "expires_at": accounts.expires_at(invitation),
    }


async def list_accounts(request: Request) -> Response:
    """Every account, and the invitations whose links still work."""
    await require_owner(request)
    store = store_of(request)
    listed = await accounts.accounts_seen(store)
    pending = await accounts.pending_invitations(store)
    return JSONResponse(
        {
            "accounts": [account_shape(a) for a in listed],
            "invitations": [invitation_shape(i) for i in pending],
        },
        headers=NO_STORE,
    )


async def invite_account(request: Request) -> Response:
    """Invite someone to an account: `{email, role?, name?}`; 201 with the one-time link.

    The link is mailed as well when mail is set up; it is good for a week, once. 409
    `email_taken` when an account has the address.
    """
    who = await require_owner(request)
    data = await read_object(request, {"email", "role", "name"})
    made = await accounts.invite(
        store_of(request), who.account, data.get("email"), data.get("name"), data.get("role")
    )
    answer = {**invitation_shape(made), "url": accounts.invitation_url(made)}
    return JSONResponse(answer, status_code=201, headers=NO_STORE)


async def withdraw_account_invitation(request: Request) -> Response:
    """Withdraw an invitation nobody has used: its link then answers as an expired one."""
    await require_owner(request)
    invitation_id = path_id(request, "invitation_id", "invitation")
    await accounts.withdraw_invitation(store_of(request), invitation_id)
    return JSONResponse({"id": invitation_id, "withdrawn": True})


async def change_account_role(request: Request) -> Response:
    """Give an account another role (`owner` or `moderator`); its sessions end.

    409 `last_owner` when no enabled owner would remain.
    """
    await require_owner(request)
    account_id = path_id(request)
    data = await read_object(request, {"role"})
    await accounts.change_role(store_of(request), account_id, data.get("role"))
    return JSONResponse({"id": account_id, "role": data["role"]})


async def disable_account(request: Request) -> Response:
    """Disable an account: its sessions end at once and it cannot sign in.

    409 `last_owner` when no enabled owner would remain.
    """
    await require_owner(request)
    account_id = path_id(request)
    await accounts.set_disabled(store_of(request), account_id, True)
    return JSONResponse({"id": account_id, "status": "disabled"})


async def enable_account(request: Request) -> Response:
    """Enable a disabled account again."""
    await require_owner(request)
    account_id = path_id(request)
    await accounts.set_disabled(store_of(request), account_id, False)
    return JSONResponse({"id": account_id, "status": "enabled"})


async def remove_account(request: Request) -> Response:
    """Remove an account and end its sessions; what it did stays in the activity log.

    409 `last_owner` for the last enabled owner.
    """
    await require_owner(request)
    account_id = path_id(request)
    await accounts.remove(store_of(request), account_id)
    return JSONResponse({"id": account_id, "deleted": True})


async def end_account_sessions(request: Request) -> Response:
    """End every session of an account; it stays enabled and may sign in again."""
    await require_owner(request)
    account_id = path_id(request)
    await accounts.end_sessions_of(store_of(request), account_id)
    return JSONResponse({"id": account_id, "sessions_ended": True})

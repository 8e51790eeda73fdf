"""Accounts in the admin pages: the second sign-in step, invitations, one's own account and
sessions, the second factor, and the owner's list of accounts.

Threat: a password guessed or phished (the second step asks for a TOTP or recovery code, counted
with the same limits as passwords, within a few minutes of the right password, proven by a
signed cookie), an invitation link used twice (it is spent on use), and sessions nobody
notices (each account sees its own, with browser and approximate place, and can end them; a new
browser is mailed about). What a role may do is decided before these handlers run (`roles`).
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

import settings
from service import accounts, signing, totp
from service.domain.accounts import MAX_NAME, Account, browser_of
from service.domain.errors import Kind, Refusal
from service.store import Session
from service.web import auth
from service.web.admin_kit import (
    action,
    form_value,
    page,
    read_form,
    read_sign_in_form,
    redirect,
    refusal,
    render,
    safe_next,
)
from service.web.clients import client_key
from service.web.http import parse_id, status_for, store_of

SECOND_STEP_COOKIE = "chorus_second_step"
SETUP = "/admin/account/2fa"


# -- signing in: what follows a right password ---------------------------------------------------


async def signed_in(request: Request, account: Account, next_url: str) -> Response:
    """Start the account's session (and remember the browser); where it goes next.

    With ADMIN_REQUIRE_2FA, an account without a second factor is sent to set one up.
    """
    store = store_of(request)
    needs_setup = settings.ADMIN_REQUIRE_2FA and not account.has_factor
    response = redirect(SETUP if needs_setup else next_url)
    await auth.start_session(store, response, account.id, request)
    browser = auth.browser_id(request) or secrets.token_hex(16)
    await accounts.note_browser(store, account, browser, request.headers.get("user-agent", ""))
    auth.keep_browser_id(response, browser)
    response.delete_cookie(SECOND_STEP_COOKIE, path="/admin/login")
    return response


def ask_second_step(account: Account, next_url: str) -> Response:
    """The password was right and a second factor exists: ask for the code next."""
    response = redirect("/admin/login/code?" + _next_query(next_url))
    response.set_cookie(
        SECOND_STEP_COOKIE,
        signing.second_step_cookie(account.id),
        max_age=signing.SECOND_STEP_MAX_AGE,
        path="/admin/login",
        secure=auth.secure_cookies(),
        httponly=True,
        samesite="strict",
    )
    return response


def _next_query(next_url: str) -> str:
    return urlencode({"next": next_url})


async def _stepping(request: Request) -> Account | None:
    """The account whose password this browser gave in the last few minutes, or None."""
    account_id = signing.read_second_step_cookie(request.cookies.get(SECOND_STEP_COOKIE, ""))
    if account_id is None:
        return None
    account = await store_of(request).accounts.get(account_id)
    return account if account is not None and not account.disabled else None


def _code_page(
    request: Request, account: Account, next_url: str, status: int = 200, **notes: Any
) -> Response:
    headers = {"Retry-After": str(notes["locked"])} if notes.get("locked") else None
    minutes = max(1, -(-int(notes.get("locked") or 0) // 60))
    context = {"next": next_url, "minutes": minutes, "totp": account.has_totp, **notes}
    return render(request, "admin/login_code.html", context, status, headers=headers)


async def code_form(request: Request) -> Response:
    next_url = safe_next(request.query_params.get("next"))
    account = await _stepping(request)
    if account is None:
        return redirect("/admin/login?" + _next_query(next_url))
    return _code_page(request, account, next_url)


async def check_code(request: Request) -> Response:
    """The second step: a code from the app or a recovery code, counted like a password."""
    opened = await read_sign_in_form(request)
    if isinstance(opened, Response):
        return opened
    form, next_url = opened
    account = await _stepping(request)
    if account is None:
        return redirect("/admin/login?" + _next_query(next_url))
    store, client = store_of(request), client_key(request)
    wait = await auth.count_login(store, client)
    if wait:
        return _code_page(request, account, next_url, 429, locked=wait)
    if not await accounts.check_second_factor(store, account, form_value(form, "code")[:40]):
        wait = await auth.login_locked(store, client)
        if wait:
            return _code_page(request, account, next_url, 429, locked=wait)
        return _code_page(request, account, next_url, 403, wrong=True)
    await auth.login_succeeded(store, client)
    return await signed_in(request, account, next_url)


# -- invitations -------------------------------------------------------------------------------


async def invitation_form(request: Request) -> Response:
    try:
        _, email, name, role = await accounts.invitation(
            store_of(request), request.path_params["token"]
        )
    except Refusal as exc:
        return refusal(request, None, status_for(exc), exc.code)
    context = {
        "email": email,
        "name": name,
        "role": role.value,
        "token": request.path_params["token"],
    }
    return render(request, "admin/invitation.html", context)


async def accept_invitation(request: Request) -> Response:
    """Make the invited account with its own password; then sign in as usual."""
    token = request.path_params["token"]
    if not auth.same_origin(request):
        return refusal(request, None, 403, "csrf")
    try:
        form = await read_form(request)
        _, email, name, role = await accounts.invitation(store_of(request), token)
    except Refusal as exc:
        return refusal(request, None, status_for(exc), exc.code)
    try:
        await accounts.accept_invitation(
            store_of(request), token, form_value(form, "password"), form_value(form, "again")
        )
    except Refusal as exc:
        if exc.kind == Kind.FORBIDDEN:
            return refusal(request, None, status_for(exc), exc.code)
        context = {"email": email, "name": name, "role": role.value, "token": token}
        return render(request, "admin/invitation.html", {**context, "error": exc.code}, 422)
    return redirect("/admin/login?joined=1")


# -- one's own account: sessions and the second factor ------------------------------------------


def _session_rows(found: list[Session], current: str) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "account_id": s.account_id,
            "browser": browser_of(s.user_agent),
            "place": s.ip_prefix or "?",
            "first": s.created_at,
            "last": s.last_seen,
            "current": s.id == current,
        }
        for s in found
    ]


async def _account_page(
    request: Request, who: auth.Owner, status: int = 200, **more: Any
) -> Response:
    assert who.account is not None and who.session is not None
    store = store_of(request)
    found = await store.sessions.of_account(who.account.id, auth.idle_since())
    context = {
        "section": "account",
        "account": who.account,
        "shown_name": who.account.shown_name(settings.OWNER_NAME),
        "sessions": _session_rows(found, who.session.id),
        "codes_left": await store.accounts.recovery_codes_left(who.account.id),
        "passkeys": await accounts.passkeys_of(store, who.account),
        "require_2fa": settings.ADMIN_REQUIRE_2FA,
        "max_name": MAX_NAME,
        "min_password": accounts.MIN_PASSWORD,
        **more,
    }
    return render(request, "admin/account.html", context, status, owner=who)


@page
async def account_page(request: Request, who: auth.Owner) -> Response:
    """One's own account: name, role, password, second factor, and every open session."""
    return await _account_page(request, who, done=request.query_params.get("done", ""))


@action
async def rename(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Change the name one's replies are signed with."""
    assert who.account is not None
    try:
        await accounts.rename(store_of(request), who.account, form_value(form, "name"))
    except Refusal as exc:
        draft = form_value(form, "name")
        return await _account_page(request, who, status_for(exc), name_error=exc.code, draft=draft)
    return redirect("/admin/account?done=name")


@action
async def change_password(
    request: Request, who: auth.Owner, form: dict[str, list[str]]
) -> Response:
    """A new password, given the current one (counted like a sign-in); other sessions end."""
    assert who.account is not None and who.session is not None
    store, client = store_of(request), client_key(request)
    wait = await auth.count_login(store, client)
    if wait:
        return await _account_page(request, who, 429, change_error="rate_limited")
    try:
        await accounts.change_password(
            store,
            who.account,
            who.session.id,
            form_value(form, "current"),
            form_value(form, "password"),
            form_value(form, "again"),
        )
    except Refusal as exc:
        if exc.code == "wrong_password" and await auth.login_locked(store, client):
            return await _account_page(request, who, 429, change_error="rate_limited")
        return await _account_page(request, who, status_for(exc), change_error=exc.code)
    await auth.login_succeeded(store, client)
    return redirect("/admin/account?done=password")


@action
async def end_session(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """End one of one's sessions (an owner: anyone's); ending the current one signs out."""
    session_id = form_value(form, "session")[:100]
    await accounts.end_session(store_of(request), who.account, session_id)
    back = safe_next(form_value(form, "back") or "/admin/account")
    if who.session is not None and session_id == who.session.id:
        return redirect("/admin/login?out=1")
    return redirect(back)


@page
async def totp_page(request: Request, who: auth.Owner) -> Response:
    """Set up a second factor: the QR code and the secret, confirmed by a first code."""
    assert who.account is not None
    return await _totp_page(request, who, who.account)


async def _totp_page(
    request: Request, who: auth.Owner, account: Account, status: int = 200, **more: Any
) -> Response:
    context: dict[str, Any] = {"section": "account", "account": account, **more}
    if not account.has_totp and "codes" not in more:
        secret = await accounts.begin_totp(store_of(request), account)
        uri = accounts.setup_uri(account, secret)
        context.update(secret=secret, qr=totp.qr_data_uri(uri))
    context["required"] = settings.ADMIN_REQUIRE_2FA and not account.has_factor
    return render(request, "admin/totp.html", context, status, owner=who)


@action
async def confirm_totp(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """The first code proves the app has the secret; the recovery codes are shown once."""
    assert who.account is not None
    try:
        codes = await accounts.confirm_totp(
            store_of(request), who.account, form_value(form, "code")
        )
    except Refusal as exc:
        return await _totp_page(request, who, who.account, status_for(exc), wrong=True)
    return await _totp_page(request, who, who.account, codes=codes)


# -- the accounts list: invitations for everyone, the rest for the owner -------------------------


async def _accounts_page(
    request: Request, who: auth.Owner, status: int = 200, **more: Any
) -> Response:
    store = store_of(request)
    everyone = await store.sessions.of_account(None, auth.idle_since()) if who.is_owner else []
    context = {
        "section": "accounts",
        "accounts": await accounts.accounts(store),
        "invitations": await accounts.pending_invitations(store),
        "open_sessions": {s.account_id for s in everyone},
        "me": who.account.id if who.account else 0,
        "owner_name": settings.OWNER_NAME,
        **more,
    }
    return render(request, "admin/accounts.html", context, status, owner=who)


@page
async def accounts_page(request: Request, who: auth.Owner) -> Response:
    """Who has an account, and the invitation form."""
    return await _accounts_page(request, who, done=request.query_params.get("done", ""))


@action
async def invite(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Invite someone: the link is shown to copy, and mailed when mail is set up."""
    draft = {k: form_value(form, k) for k in ("email", "name", "role")}
    try:
        made = await accounts.invite(
            store_of(request), who.account, draft["email"], draft["name"], draft["role"]
        )
    except Refusal as exc:
        return await _accounts_page(request, who, status_for(exc), draft=draft, error=exc.code)
    link = accounts.invitation_url(made)
    return await _accounts_page(request, who, link=link, invited=draft["email"])


@action
async def withdraw_invitation(
    request: Request, who: auth.Owner, form: dict[str, list[str]]
) -> Response:
    """Take back an invitation nobody has used: its link stops working."""
    invitation_id = path_id(request, "invitation_id", "invitation")
    await accounts.withdraw_invitation(store_of(request), invitation_id)
    return redirect("/admin/accounts?done=withdrawn")


def path_id(request: Request, name: str = "account_id", field: str = "account") -> int:
    """An account's (or an invitation's) id in the path; anything else is a missing one."""
    found = parse_id(request.path_params[name])
    if found is None:
        raise Refusal(field, "not_found", f"no such {field}", Kind.NOT_FOUND)
    return found


def _account_id(request: Request) -> int:
    return path_id(request)


@action
async def change_role(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    await accounts.change_role(store_of(request), _account_id(request), form_value(form, "role"))
    return redirect("/admin/accounts?done=role")


@action
async def disable(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    await accounts.set_disabled(store_of(request), _account_id(request), True)
    return redirect("/admin/accounts?done=disabled")


@action
async def enable(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    await accounts.set_disabled(store_of(request), _account_id(request), False)
    return redirect("/admin/accounts?done=enabled")


@action
async def remove(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    await accounts.remove(store_of(request), _account_id(request))
    return redirect("/admin/accounts?done=removed")


@action
async def end_sessions_of(
    request: Request, who: auth.Owner, form: dict[str, list[str]]
) -> Response:
    """The owner ends every session of an account."""
    await accounts.end_sessions_of(store_of(request), _account_id(request))
    return redirect("/admin/accounts?done=sessions")


routes: list[BaseRoute] = [
    Route("/admin/login/code", code_form, methods=["GET"], name="admin_code_form"),
    Route("/admin/login/code", check_code, methods=["POST"], name="admin_check_code"),
    Route("/admin/invite/{token}", invitation_form, methods=["GET"], name="admin_invitation"),
    Route("/admin/invite/{token}", accept_invitation, methods=["POST"], name="admin_accept"),
    Route("/admin/account", account_page, methods=["GET"], name="admin_account"),
    Route("/admin/account/sessions/end", end_session, methods=["POST"], name="admin_end_session"),
    Route("/admin/account/name", rename, methods=["POST"], name="admin_rename"),
    Route("/admin/account/password", change_password, methods=["POST"], name="admin_password"),
    Route(SETUP, totp_page, methods=["GET"], name="admin_totp"),
    Route(SETUP, confirm_totp, methods=["POST"], name="admin_confirm_totp"),
    Route("/admin/accounts", accounts_page, methods=["GET"], name="admin_accounts"),
    Route("/admin/accounts/invite", invite, methods=["POST"], name="admin_invite"),
    Route("/admin/accounts/{account_id}/role", change_role, methods=["POST"]),
    Route("/admin/accounts/{account_id}/disable", disable, methods=["POST"]),
    Route("/admin/accounts/{account_id}/enable", enable, methods=["POST"]),
    Route("/admin/accounts/{account_id}/remove", remove, methods=["POST"]),
    Route("/admin/accounts/{account_id}/sessions/end", end_sessions_of, methods=["POST"]),
    Route(
        "/admin/accounts/invitations/{invitation_id}/withdraw",
        withdraw_invitation,
        methods=["POST"],
    ),
]

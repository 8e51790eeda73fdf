"""Passkeys in the admin: add and remove them on one's account page, sign in with one.

The browser side is service/static/passkeys.js (the WebAuthn calls need script); these
endpoints speak JSON to it. Threat: a challenge answered by another browser or replayed (the
challenge travels in a signed, five-minute, HttpOnly cookie of this browser and the answer must
sign exactly it), cross-site calls (sign-in needs a same-origin request, and adding a passkey
the session's CSRF token), and guessing (sign-in attempts count like passwords).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from service import accounts, signing
from service.domain.errors import Kind, Refusal
from service.web import auth
from service.web.admin_accounts import signed_in
from service.web.admin_kit import action, redirect, safe_next
from service.web.clients import client_key
from service.web.http import error, read_object, store_of
from service.web.owner_api import require_owner

COOKIE = "chorus_passkey"
REGISTER, SIGN_IN = "register", "sign-in"
NO_STORE = {"Cache-Control": "no-store"}


def _with_challenge(options: str, purpose: str, account_id: int, challenge: str) -> Response:
    response = Response(options, media_type="application/json", headers=NO_STORE)
    response.set_cookie(
        COOKIE,
        signing.passkey_cookie(purpose, account_id, challenge),
        max_age=signing.PASSKEY_MAX_AGE,
        path="/admin",
        secure=auth.secure_cookies(),
        httponly=True,
        samesite="strict",
    )
    return response


def _challenge(request: Request, purpose: str) -> tuple[int, str]:
    found = signing.read_passkey_cookie(request.cookies.get(COOKIE, ""), purpose)
    if found is None:
        raise Refusal("credential", "passkey_expired", "ask the browser again", Kind.FORBIDDEN)
    return found


async def _account_of(request: Request) -> auth.Owner:
    who = await require_owner(request)
    if who.account is None:  # the API token has no passkeys of its own
        raise Refusal("account", "forbidden_role", "sign in to manage passkeys", Kind.FORBIDDEN)
    return who


async def passkey_options(request: Request) -> Response:
    """Options for creating a passkey for the signed-in account."""
    who = await _account_of(request)
    assert who.account is not None
    options, challenge = await accounts.begin_passkey(store_of(request), who.account)
    return _with_challenge(options, REGISTER, who.account.id, challenge)


async def add_passkey(request: Request) -> Response:
    """Keep the passkey the browser made for this account's challenge."""
    who = await _account_of(request)
    assert who.account is not None
    data = await read_object(request, {"credential", "name"})
    account_id, challenge = _challenge(request, REGISTER)
    if account_id != who.account.id:
        raise Refusal("credential", "passkey_expired", "ask the browser again", Kind.FORBIDDEN)
    store = store_of(request)
    await accounts.add_passkey(
        store, who.account, data.get("credential"), challenge, data.get("name") or ""
    )
    response = JSONResponse({"added": True}, status_code=201, headers=NO_STORE)
    response.delete_cookie(COOKIE, path="/admin")
    return response


@action
async def remove_passkey(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    raw = request.path_params["passkey_id"]
    if who.account is None or not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise Refusal("passkey", "not_found", "no such passkey", Kind.NOT_FOUND)
    await accounts.remove_passkey(store_of(request), who.account, int(raw))
    return redirect("/admin/account?done=passkey_removed")


async def sign_in_options(request: Request) -> Response:
    """Options for signing in with any passkey of this site."""
    if not auth.same_origin(request):
        return error(403, "csrf", "the request did not come from the sign-in page")
    options, challenge = accounts.begin_passkey_sign_in()
    return _with_challenge(options, SIGN_IN, 0, challenge)


async def sign_in(request: Request) -> Response:
    """Sign in with a passkey's answer: the session starts, and the browser is sent on."""
    if not auth.same_origin(request):
        return error(403, "csrf", "the request did not come from the sign-in page")
    data = await read_object(request, {"credential", "next"})
    _, challenge = _challenge(request, SIGN_IN)
    store, client = store_of(request), client_key(request)
    wait = await auth.count_login(store, client)
    if wait:
        return error(429, "rate_limited", "too many attempts", headers={"Retry-After": str(wait)})
    account = await accounts.passkey_sign_in(store, data.get("credential"), challenge)
    if account is None:
        return error(403, "passkey_refused", "this passkey does not open an account here")
    await auth.login_succeeded(store, client)
    next_url = safe_next(data.get("next") if isinstance(data.get("next"), str) else None)
    response = await signed_in(request, account, next_url)
    response.delete_cookie(COOKIE, path="/admin")
    return response


routes: list[BaseRoute] = [
    Route("/admin/login/passkey/options", sign_in_options, methods=["POST"]),
    Route("/admin/login/passkey", sign_in, methods=["POST"], name="admin_passkey_sign_in"),
    Route("/admin/account/passkeys/options", passkey_options, methods=["POST"]),
    Route("/admin/account/passkeys", add_passkey, methods=["POST"], name="admin_add_passkey"),
    Route("/admin/account/passkeys/{passkey_id}/remove", remove_passkey, methods=["POST"]),
]

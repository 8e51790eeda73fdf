"""What each role may do, written once: every admin route is listed below, and `RoleGate`
checks the list before any handler runs.

Threat: a moderator's account (an assistant's, or a stolen one) reaching what only the owner
may touch: the privacy tools (every reader's address), imports and exports, settings, the
spam rules, accounts. The rule fails closed: an admin route missing from these lists is the
owner's alone, and tests/http/test_roles.py walks every route of the app so a new one cannot
go unlisted. Routes outside /admin are the readers' and carry credentials of their own.

With ADMIN_REQUIRE_2FA an account without a second factor may only set one up (or sign out).
"""

from __future__ import annotations

import enum

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

import settings
from service.web import admin_kit, auth
from service.web.http import error, store_of


class Rule(enum.StrEnum):
    OPEN = "open"  # no account: signing in, invitation links, mail links (their own credential)
    MODERATOR = "moderator"  # any signed-in account: the owner and moderators
    OWNER = "owner"  # the owner alone (and the API token, her credential)


ADMIN = "/admin"

# Admin routes anyone may reach; each checks its own credential.
OPEN = frozenset(
    {
        "GET /admin",
        "GET /admin/login",
        "POST /admin/login",
        "GET /admin/login/code",
        "POST /admin/login/code",
        "POST /admin/login/passkey/options",
        "POST /admin/login/passkey",
        "GET /admin/invite/{token}",
        "POST /admin/invite/{token}",
        "GET /admin/mail/{token}",
        "POST /admin/mail/{token}",
        "MOUNT /admin/static",
    }
)

# What a moderator may do: the queue, replies, excerpts (testimonials), redaction, reports,
# the pages' titles, the activity log, her own account and sessions, invitations.
MODERATOR = frozenset(
    {
        "GET /admin/",
        "POST /admin/logout",
        "GET /admin/activity",
        "GET /admin/pages",
        "POST /admin/pages/{page_id}",
        "POST /admin/bulk",
        "POST /admin/undo",
        "GET /admin/comments/{comment_id}",
        "GET /admin/comments/{comment_id}/delete",
        "POST /admin/comments/{comment_id}/delete",
        "POST /admin/comments/{comment_id}/moderate",
        "POST /admin/comments/{comment_id}/promote",
        "POST /admin/comments/{comment_id}/reply",
        "POST /admin/comments/{comment_id}/redact",
        "POST /admin/comments/{comment_id}/display-name",
        "POST /admin/comments/{comment_id}/ask-consent",
        "GET /admin/reports",
        "POST /admin/reports/{report_id}",
        "GET /admin/api/comments",
        "GET /admin/api/comments/{comment_id}",
        "DELETE /admin/api/comments/{comment_id}",
        "POST /admin/api/comments/{comment_id}/promote",
        "POST /admin/api/comments/{comment_id}/demote",
        "POST /admin/api/comments/{comment_id}/pin",
        "POST /admin/api/comments/{comment_id}/unpin",
        "POST /admin/api/comments/{comment_id}/reply",
        "POST /admin/api/comments/{comment_id}/undo",
        "POST /admin/api/comments/{comment_id}/redact",
        "POST /admin/api/comments/{comment_id}/display-name",
        "POST /admin/api/comments/{comment_id}/ask-consent",
        "POST /admin/api/comments/{comment_id}/{action}",
        "GET /admin/api/reports",
        "POST /admin/api/reports/{report_id}/{decision}",
        "POST /admin/api/bulk",
        "GET /admin/api/pages",
        "POST /admin/api/pages/{page_id}",
        "POST /admin/api/undo",
        "GET /admin/api/activity",
        "GET /admin/account",
        "POST /admin/account/sessions/end",
        "POST /admin/account/name",
        "POST /admin/account/password",
        "GET /admin/account/2fa",
        "POST /admin/account/2fa",
        "POST /admin/account/passkeys/options",
        "POST /admin/account/passkeys",
        "POST /admin/account/passkeys/{passkey_id}/remove",
        "GET /admin/accounts",
        "POST /admin/accounts/invite",
        "GET /admin/invites",
        "POST /admin/invites",
        "POST /admin/invites/batch",
        "GET /admin/invites/qr.svg",
        "GET /admin/invites/qr.png",
        "POST /admin/invites/{invite_id}/withdraw",
        "GET /admin/api/invites",
        "POST /admin/api/invites",
        "POST /admin/api/invites/batch",
        "POST /admin/api/invites/{invite_id}/withdraw",
    }
)

# The owner's alone: privacy tools, imports, exports, settings and integrations, rules, accounts.
OWNER = frozenset(
    {
        "GET /admin/privacy",
        "POST /admin/privacy",
        "POST /admin/privacy/export",
        "POST /admin/privacy/erase",
        "POST /admin/api/readers",
        "POST /admin/api/readers/export",
        "POST /admin/api/readers/erase",
        "GET /admin/move",
        "POST /admin/api/import",
        "GET /admin/api/export",
        "GET /admin/api/export/testimonials.csv",
        "GET /admin/settings",
        "POST /admin/settings/test-mail",
        "GET /admin/rules",
        "POST /admin/rules",
        "POST /admin/rules/{rule_id}/delete",
        "GET /admin/api/rules",
        "POST /admin/api/rules",
        "DELETE /admin/api/rules/{rule_id}",
        "POST /admin/accounts/{account_id}/role",
        "POST /admin/accounts/{account_id}/disable",
        "POST /admin/accounts/{account_id}/enable",
        "POST /admin/accounts/{account_id}/remove",
        "POST /admin/accounts/{account_id}/sessions/end",
        "POST /admin/accounts/invitations/{invitation_id}/withdraw",
        "GET /admin/api/accounts",
        "POST /admin/api/accounts/invitations",
        "POST /admin/api/accounts/invitations/{invitation_id}/withdraw",
        "POST /admin/api/accounts/{account_id}/role",
        "POST /admin/api/accounts/{account_id}/disable",
        "POST /admin/api/accounts/{account_id}/enable",
        "DELETE /admin/api/accounts/{account_id}",
        "POST /admin/api/accounts/{account_id}/sessions/end",
        "GET /admin/api/webhooks",
        "POST /admin/api/webhooks",
        "DELETE /admin/api/webhooks/{endpoint_id}",
        "POST /admin/api/webhooks/{endpoint_id}/test",
        "POST /admin/api/webhooks/{endpoint_id}/resume",
        "GET /admin/integrations",
        "POST /admin/integrations",
        "POST /admin/integrations/{endpoint_id}/test",
        "POST /admin/integrations/{endpoint_id}/resume",
        "POST /admin/integrations/{endpoint_id}/delete",
    }
)

# What an account without a second factor may still do when ADMIN_REQUIRE_2FA asks for one.
SETTING_UP = frozenset(
    {
        "GET /admin/account",
        "GET /admin/account/2fa",
        "POST /admin/account/2fa",
        "POST /admin/account/passkeys/options",
        "POST /admin/account/passkeys",
        "POST /admin/logout",
    }
)


def keys_of(route: BaseRoute) -> list[str]:
    """The names a route has in the lists above: "METHOD /path" (HEAD rides with GET)."""
    if isinstance(route, Mount):
        return [f"MOUNT {route.path}"]
    if isinstance(route, Route):
        return [f"{m} {route.path}" for m in sorted(route.methods or ()) if m != "HEAD"]
    return [repr(route)]


def rule_of(key: str) -> Rule:
    """The rule for one route key; an unlisted admin route is the owner's (fail closed)."""
    if key in OPEN:
        return Rule.OPEN
    if key in MODERATOR:
        return Rule.MODERATOR
    path = key.partition(" ")[2]
    if path != ADMIN and not path.startswith(ADMIN + "/"):
        return Rule.OPEN  # the readers' side: public, or a signed link of its own
    return Rule.OWNER


def _route_key(routes: list[BaseRoute], scope: Scope) -> str | None:
    """The key of the route the router will pick for this request, or None for a 404 or 405."""
    for route in routes:
        matched, _ = route.matches(scope)
        if matched is Match.FULL:
            method = scope["method"]
            if isinstance(route, Mount):
                return f"MOUNT {route.path}"
            assert isinstance(route, Route)
            return f"{'GET' if method == 'HEAD' else method} {route.path}"
    return None


class RoleGate:
    """Refuses a signed-in account what its role may not do: 403, a page or the error shape."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path == ADMIN or path.startswith(ADMIN + "/")):
            await self.app(scope, receive, send)
            return
        key = _route_key(scope["app"].routes, scope)
        rule = rule_of(key) if key else Rule.OPEN
        if rule is not Rule.OPEN:
            answer = await _refusal(HTTPConnection(scope), rule, key or "")
            if answer is not None:
                await answer(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def _refusal(connection: HTTPConnection, rule: Rule, key: str) -> Response | None:
    who = await auth.owner_from(store_of(connection), connection)
    if who is None:
        return None  # the handler asks for a sign-in (a page) or answers 401 (the API)
    api = connection.url.path.startswith(ADMIN + "/api/")
    if rule is Rule.OWNER and not who.is_owner:
        if api:
            return _api_refusal("forbidden_role", "only the owner may do this")
        request = Request(connection.scope)
        return admin_kit.refusal(request, who, 403, "forbidden_role")
    needs_factor = who.account is not None and not who.account.has_factor
    if settings.ADMIN_REQUIRE_2FA and needs_factor and key not in SETTING_UP:
        if api:
            return _api_refusal("second_factor_required", "set up a second factor first")
        return admin_kit.redirect("/admin/account/2fa")
    return None


def _api_refusal(code: str, message: str) -> Response:
    answer = error(403, code, message, "account")
    answer.headers["Cache-Control"] = "no-store"
    return answer

"""Wiring only: routes, middleware, error handlers and the lifespan (connect, migrate)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Match, Route

import settings
from service import invites, notify, owner, supervision, webhooks
from service.cache import Renderings
from service.domain.errors import Refusal
from service.store import (
    UNAVAILABLE,
    DatabaseSettingError,
    Store,
    describe_failure,
    open_store,
)
from service.store.limits import CountersUnavailable
from service.web import (
    admin,
    admin_accounts,
    admin_integrations,
    admin_invites,
    admin_move,
    admin_passkeys,
    admin_privacy,
    admin_reports,
    feeds,
    logs,
    openapi,
    owner_accounts,
    owner_api,
    owner_invites,
    policy,
    public,
    reader_pages,
    report_pages,
    story_pages,
    widgets,
)
from service.web.edge import EdgeCache
from service.web.http import error, forget_changed, refused
from service.web.middleware import Compression, PublicCORS, SecurityHeaders
from service.web.reader_text import for_reader
from service.web.roles import RoleGate
from service.web.shapes import owner_comment

log = logging.getLogger("chorus")
# Seconds a thread holding the GIL may run before one waiting for it gets a turn (Python's
# default is 0.005). The database's threads give the GIL up around every statement and then
# wait for it back while the event loop computes: at 5 ms a turn, a comment's few statements
# waited longer than they ran. README, Performance, has the measurement.
GIL_SWITCH_INTERVAL = 0.0005
UNDO_SWEEP = 10  # seconds between sweeps that erase undo data past its window


async def _sweep_undo(store: Store) -> None:
    """Erase expired undo data even while nobody uses the page (a redaction's cut words), and
    expire invitations and queue their reminders on the same rounds."""
    while True:
        try:
            await owner.forget_expired(store)
        except Exception:  # a busy or restarting database: try again next round
            log.warning("could not erase expired undo data", exc_info=True)
        try:
            await invites.sweep(store)
        except Exception:  # the same: the next round tries again
            log.warning("could not expire invitations or queue reminders", exc_info=True)
        await asyncio.sleep(UNDO_SWEEP)


def _refusal(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refusal)
    message = for_reader(request, exc.code, exc.field, exc.message, exc.retry_after, exc.details)
    answer = refused(exc, message)
    # The wording follows Accept-Language (for_reader), so a cache must key on it too.
    answer.headers.append("Vary", "Accept-Language")
    return answer


def _unauthorised(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, owner_api.Unauthorised)
    # A refusal to the owner API is about this request's credentials: no cache may keep it.
    exc.response.headers["Cache-Control"] = "no-store"
    return exc.response


def _allowed_methods(request: Request) -> str:
    """Every method some route on this path takes (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.routes:
        if isinstance(route, Route) and route.methods:
            matched, _ = route.matches(request.scope)
            if matched is not Match.NONE:
                methods |= route.methods
    return ", ".join(sorted(methods))


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    codes = {404: ("not_found", "path"), 405: ("method_not_allowed", "method")}
    code, field = codes.get(exc.status_code, ("http_error", "request"))
    message = str(exc.detail).lower()
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request)
    return error(exc.status_code, code, message, field, headers=headers)


def _database_busy(request: Request, exc: Exception) -> Response:
    log.warning(
        "database unavailable on %s %s: %s", request.method, request.url.path, describe_failure(exc)
    )
    message = for_reader(
        request, "unavailable", None, "the service is busy; please try again shortly"
    )
    return error(
        503, "unavailable", message, headers={"Retry-After": "5", "Vary": "Accept-Language"}
    )


def _counters_down(request: Request, exc: Exception) -> Response:
    """Redis (the shared counters) is out of reach: nothing that must be counted may pass."""
    log.warning("Redis (REDIS_URL) unavailable on %s %s: %s", request.method, request.url.path, exc)
    message = for_reader(
        request, "unavailable", None, "the service is busy; please try again shortly"
    )
    return error(
        503,
        "unavailable",
        message,
        "request",
        headers={"Retry-After": "5", "Vary": "Accept-Language"},
    )


def _client_gone(request: Request, exc: Exception) -> Response:
    """A client that hung up before its request body was in: one line, not a traceback."""
    route = request.scope.get("route")
    # The route's template, not the path: a manage or confirm path carries a token.
    where = getattr(route, "path", "") or "an unrouted path"
    log.info("client went away before sending its whole request: %s %s", request.method, where)
    return Response(status_code=400)  # nobody reads it; uvicorn drops it


def _internal(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error(500, "internal", "something went wrong on our side")


ROUTES = [
    Route("/api/comments", public.submit_comment, methods=["POST"], name="submit_comment"),
    Route("/api/comments", public.list_comments, methods=["GET"], name="list_comments"),
    Route("/api/counts", public.count_comments, methods=["GET"], name="count_comments"),
    Route("/api/comments/mine", public.list_own_pending, methods=["POST"], name="list_own_pending"),
    Route(
        "/api/comments/{comment_id}/withdraw-consent",
        public.withdraw_consent,
        methods=["POST"],
        name="withdraw_consent",
    ),
    Route(
        "/api/comments/{comment_id}/give-consent",
        public.give_consent,
        methods=["POST"],
        name="give_consent",
    ),
    Route(
        "/api/comments/{comment_id}/delete",
        public.delete_own_comment,
        methods=["POST"],
        name="delete_own_comment",
    ),
    Route(
        "/api/comments/{comment_id}/edit",
        public.edit_own_comment,
        methods=["POST"],
        name="edit_own_comment",
    ),
    Route("/api/reports", public.submit_report, methods=["POST"], name="submit_report"),
    Route("/api/manage", public.request_manage_link, methods=["POST"], name="request_manage_link"),
    Route("/api/form", public.comment_form, methods=["GET"], name="comment_form"),
    Route("/api/testimonials", public.list_testimonials, methods=["GET"], name="list_testimonials"),
    Route("/feeds/testimonials.atom", feeds.atom_feed, methods=["GET"], name="atom_feed"),
    Route("/feeds/testimonials.json", feeds.json_feed, methods=["GET"], name="json_feed"),
    Route("/healthz", public.health, methods=["GET"], name="health"),
    Route("/openapi.json", openapi.schema, methods=["GET"], name="openapi"),
    Route("/admin/api/readers", owner_api.find_reader, methods=["POST"], name="owner_readers"),
    Route("/admin/api/readers/export", owner_api.export_reader, methods=["POST"]),
    Route("/admin/api/readers/erase", owner_api.erase_reader, methods=["POST"]),
    Route("/admin/api/comments", owner_api.list_queue, methods=["GET"], name="owner_list"),
    Route("/admin/api/comments/{comment_id}", owner_api.get_comment, methods=["GET"]),
    Route("/admin/api/comments/{comment_id}", owner_api.delete, methods=["DELETE"]),
    Route("/admin/api/comments/{comment_id}/promote", owner_api.promote, methods=["POST"]),
    Route("/admin/api/comments/{comment_id}/demote", owner_api.demote, methods=["POST"]),
    Route("/admin/api/comments/{comment_id}/pin", owner_api.pin, methods=["POST"]),
    Route("/admin/api/comments/{comment_id}/unpin", owner_api.unpin, methods=["POST"]),
    Route("/admin/api/comments/{comment_id}/reply", owner_api.reply, methods=["POST"]),
    Route("/admin/api/comments/{comment_id}/undo", owner_api.undo, methods=["POST"]),
    Route("/admin/api/comments/{comment_id}/redact", owner_api.redact, methods=["POST"]),
    Route(
        "/admin/api/comments/{comment_id}/display-name",
        owner_api.set_display_name,
        methods=["POST"],
    ),
    Route("/admin/api/comments/{comment_id}/ask-consent", owner_api.ask_consent, methods=["POST"]),
    Route("/admin/api/comments/{comment_id}/{action}", owner_api.moderate, methods=["POST"]),
    Route("/admin/api/reports", owner_api.list_reports, methods=["GET"], name="owner_reports"),
    Route(
        "/admin/api/reports/{report_id}/{decision}",
        owner_api.decide_report,
        methods=["POST"],
        name="owner_decide_report",
    ),
    Route(
        "/admin/api/invites",
        owner_invites.create_invite,
        methods=["POST"],
        name="owner_create_invite",
    ),
    Route("/admin/api/invites", owner_invites.list_invites, methods=["GET"], name="owner_invites"),
    Route("/admin/api/invites/batch", owner_invites.create_invites, methods=["POST"]),
    Route(
        "/admin/api/invites/{invite_id}/withdraw",
        owner_invites.withdraw_invite,
        methods=["POST"],
        name="owner_withdraw_invite",
    ),
    Route("/admin/api/accounts", owner_accounts.list_accounts, methods=["GET"]),
    Route("/admin/api/accounts/invitations", owner_accounts.invite_account, methods=["POST"]),
    Route(
        "/admin/api/accounts/invitations/{invitation_id}/withdraw",
        owner_accounts.withdraw_account_invitation,
        methods=["POST"],
    ),
    Route(
        "/admin/api/accounts/{account_id}/role",
        owner_accounts.change_account_role,
        methods=["POST"],
    ),
    Route(
        "/admin/api/accounts/{account_id}/disable",
        owner_accounts.disable_account,
        methods=["POST"],
    ),
    Route(
        "/admin/api/accounts/{account_id}/enable", owner_accounts.enable_account, methods=["POST"]
    ),
    Route("/admin/api/accounts/{account_id}", owner_accounts.remove_account, methods=["DELETE"]),
    Route(
        "/admin/api/accounts/{account_id}/sessions/end",
        owner_accounts.end_account_sessions,
        methods=["POST"],
    ),
    Route("/admin/api/bulk", owner_api.bulk, methods=["POST"], name="owner_bulk"),
    Route("/admin/api/pages", owner_api.list_pages, methods=["GET"], name="owner_pages"),
    Route("/admin/api/pages/{page_id}", owner_api.edit_page, methods=["POST"], name="owner_page"),
    Route("/admin/api/undo", owner_api.undo_change, methods=["POST"], name="owner_undo"),
    Route("/admin/api/activity", owner_api.activity, methods=["GET"], name="owner_activity"),
    Route("/admin/api/export", owner_api.export, methods=["GET"], name="owner_export"),
    Route("/admin/api/rules", owner_api.list_rules, methods=["GET"], name="owner_rules"),
    Route("/admin/api/rules", owner_api.add_rule, methods=["POST"], name="owner_add_rule"),
    Route("/admin/api/rules/{rule_id}", owner_api.delete_rule, methods=["DELETE"]),
    Route("/admin/api/webhooks", owner_api.list_webhooks, methods=["GET"], name="owner_webhooks"),
    Route("/admin/api/webhooks", owner_api.add_webhook, methods=["POST"], name="owner_add_webhook"),
    Route("/admin/api/webhooks/{endpoint_id}", owner_api.delete_webhook, methods=["DELETE"]),
    Route("/admin/api/webhooks/{endpoint_id}/test", owner_api.test_webhook, methods=["POST"]),
    Route("/admin/api/webhooks/{endpoint_id}/resume", owner_api.resume_webhook, methods=["POST"]),
]


def _failing_start(problem: DatabaseSettingError) -> Starlette:
    """An app whose start-up fails, saying why DATABASE_URL cannot be used.

    Failing in the lifespan rather than at import matters under `uvicorn --workers N`: its
    supervisor starts a new worker again and again when the import fails, but stops when a
    worker's start-up fails (uvicorn's STARTUP_FAILURE exit status).
    """

    class Refused(contextlib.AbstractAsyncContextManager[None]):
        async def __aenter__(self) -> None:
            log.critical("DATABASE_URL cannot be opened: %s", problem)
            supervision.report_failed_start()
            raise problem

        async def __aexit__(self, *_exc: object) -> None:
            return None

    return Starlette(debug=False, lifespan=lambda _app: Refused())


def create_app(database_url: str | None = None) -> Starlette:
    """The Chorus application on `database_url` (default: the DATABASE_URL setting)."""
    # Here too, for workers and for runners other than `serve`: they configure logging first.
    logs.install()
    try:
        store = open_store(database_url or settings.DATABASE_URL, settings.REDIS_URL)
    except DatabaseSettingError as problem:
        return _failing_start(problem)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        sys.setswitchinterval(GIL_SWITCH_INTERVAL)
        try:
            await store.connect()
            await store.migrate()
            await store.accounts.ensure_first_owner()
        except Exception as exc:
            # Raising here makes every runner stop with a non-zero status (see serve).
            log.critical("DATABASE_URL cannot be opened: %s", describe_failure(exc))
            await store.disconnect()
            supervision.report_failed_start()
            raise
        tasks = [
            asyncio.create_task(store.watch(), name="chorus-watch"),
            asyncio.create_task(notify.deliver(store), name="chorus-outbox"),
            asyncio.create_task(webhooks.deliver(store, owner_comment), name="chorus-webhooks"),
            asyncio.create_task(_sweep_undo(store), name="chorus-undo-sweep"),
        ]
        supervisor = supervision.supervisor_pid()
        if supervisor is not None:
            orphaned = supervision.stop_when_orphaned(supervisor)
            tasks.append(asyncio.create_task(orphaned, name="chorus-orphan-check"))
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            # Bounded: shutdown must finish whatever the database or mail server does.
            await asyncio.wait(tasks, timeout=2)
            await store.disconnect()

    app = Starlette(
        debug=False,
        routes=[
            *ROUTES,
            *admin.routes,
            *admin_accounts.routes,
            *admin_passkeys.routes,
            *admin_invites.routes,
            *admin_integrations.routes,
            *admin_move.routes,
            *admin_privacy.routes,
            *admin_reports.routes,
            *reader_pages.routes,
            *report_pages.routes,
            *story_pages.routes,
            *policy.routes,
            *widgets.routes,
        ],
        middleware=[
            Middleware(EdgeCache),
            Middleware(SecurityHeaders),
            Middleware(PublicCORS),
            Middleware(Compression),
            Middleware(RoleGate),
        ],
        exception_handlers={
            Refusal: _refusal,
            owner_api.Unauthorised: _unauthorised,
            HTTPException: _http_error,
            ClientDisconnect: _client_gone,
            CountersUnavailable: _counters_down,
            **dict.fromkeys(UNAVAILABLE, _database_busy),
            Exception: _internal,
        },
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.renderings = renderings = Renderings(settings.CACHE_MAX_BYTES)
    store.on_change(lambda scope: forget_changed(renderings, scope))
    return app


app = create_app()

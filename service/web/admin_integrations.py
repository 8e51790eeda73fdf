"""The moderation page's Integrations tab: the owner's webhook endpoints and their deliveries.

Threat: an endpoint is a URL Chorus posts to and a secret that signs what it sends. Adding,
testing, resuming and deleting are CSRF-checked POSTs of the logged-in owner, through the same
use cases as the owner API (which check every address). The secret is shown once, in the answer
to the form that made it and never in a URL, where logs and the browser's history would keep
it: that one answer is a page, not a redirect, and like every admin page it is never cached.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from service import webhooks
from service.domain.errors import Refusal
from service.domain.webhooks import DEFAULT_EVENTS, Format
from service.store import Store
from service.web import auth
from service.web.admin import _notice
from service.web.admin_kit import action, form_value, page, redirect, render, with_notice
from service.web.http import path_comment_id, status_for, store_of

PAGE = "/admin/integrations"


async def _integrations_page(
    request: Request,
    who: auth.Owner,
    status: int = 200,
    **shown: Any,
) -> Response:
    context: dict[str, Any] = {
        "endpoints": await webhooks.endpoints(store_of(request)),
        "events": [e.value for e in DEFAULT_EVENTS],
        "formats": [f.value for f in Format],
        "notice": _notice(request),
        "back": PAGE,
        "draft": {},
        "error_field": "",
        "created": None,
        **shown,
    }
    return render(request, "admin/integrations.html", context, status, owner=who)


@page
async def integrations(request: Request, who: auth.Owner) -> Response:
    """The add form and every endpoint with its state and latest deliveries."""
    return await _integrations_page(request, who)


def _draft(form: dict[str, list[str]]) -> dict[str, Any]:
    """The form as the use case reads an endpoint (the owner API's JSON shape)."""
    return {
        "url": form_value(form, "url").strip(),
        "events": form.get("events", []),
        "format": form_value(form, "format"),
        "own_system": form_value(form, "own_system") == "yes",
    }


@action
async def add_integration(
    request: Request, who: auth.Owner, form: dict[str, list[str]]
) -> Response:
    """Add an endpoint and show its secret this once; a refusal shows the draft and why."""
    draft = _draft(form)
    try:
        created = await webhooks.create(store_of(request), draft)
    except Refusal as exc:
        field = exc.field if exc.field in ("url", "events", "format") else "url"
        return await _integrations_page(
            request, who, status_for(exc), draft=draft, error_field=field
        )
    return await _integrations_page(request, who, 201, created=created)


# What each button of an endpoint does: the use case it calls with the endpoint's id, and the
# notice the page shows afterwards. Each has a route of its own, made from this table, so a new
# button is one line here (and its path in web/roles.py).
_ON_ENDPOINT: dict[str, tuple[Callable[[Store, int], Awaitable[None]], str]] = {
    "test": (webhooks.send_test, "webhook_test"),  # queue a test event
    "resume": (webhooks.resume, "webhook_resume"),  # what waited for it goes out now
    "delete": (webhooks.delete, "webhook_delete"),  # the endpoint and its deliveries
}


@action
async def act_on_integration(
    request: Request, who: auth.Owner, form: dict[str, list[str]]
) -> Response:
    """Test, resume or delete one endpoint: the last step of the path says which."""
    use_case, done = _ON_ENDPOINT[request.url.path.rsplit("/", 1)[1]]
    await use_case(store_of(request), path_comment_id(request, "endpoint_id"))
    return redirect(with_notice(PAGE, done=done))


routes: list[BaseRoute] = [
    Route(PAGE, integrations, methods=["GET"], name="admin_integrations"),
    Route(PAGE, add_integration, methods=["POST"], name="admin_add_integration"),
    *(
        Route(
            f"{PAGE}/{{endpoint_id}}/{step}",
            act_on_integration,
            methods=["POST"],
            name=f"admin_{step}_integration",
        )
        for step in _ON_ENDPOINT
    ),
]

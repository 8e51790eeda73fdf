"""The moderation page's Reported tab: what readers reported, and the owner's answer to each.

Threat: a report is hostile input twice over, the reported comment and the report's own words,
shown to the one person who can change the site. Both are autoescaped (the comment's `html` was
sanitised on intake); every decision is a CSRF-checked POST, logged by the use case. Works
without JavaScript: plain forms, redirect after POST.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from service import owner
from service.domain.reports import DECISION_REASONS, REPORT_DECISIONS, parse_grounds
from service.web import auth
from service.web.admin import TABS, _href, _notice
from service.web.admin_kit import action, form_value, page, redirect, render, with_notice
from service.web.http import path_comment_id, store_of
from service.web.owner_api import parse_query

PAGE = "/admin/reports"


@page
async def reports(request: Request, who: auth.Owner) -> Response:
    """The reported comments, the longest-waiting first, each with its reports and decisions."""
    store = store_of(request)
    counts = (await owner.queue(store, parse_query({"limit": "1"}))).counts
    params = {"status": "reported", "order": "newest"}
    found = await owner.reported(store)
    context = {
        "tabs": [(tab, counts.get(tab, 0), _href(params, status=tab)) for tab in TABS],
        "reported": found,
        "reported_count": len(found),
        "decisions": tuple(REPORT_DECISIONS),
        "reasons": DECISION_REASONS,
        "back": PAGE,
        "notice": _notice(request),
    }
    return render(request, "admin/reports.html", context, owner=who)


@action
async def decide_report(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Dismiss the report, or unpublish or delete its comment, with an optional reason."""
    report_id = path_comment_id(request, "report_id")
    decision = form_value(form, "decision")
    reason = form_value(form, "reason")
    # Dismissing takes nothing down, so a reason picked beside it is simply not used.
    grounds = (
        None if decision == "dismiss" else parse_grounds(reason, form_value(form, "reason_note"))
    )
    done = await owner.decide_report(store_of(request), report_id, decision, who.actor, grounds)
    return redirect(with_notice(PAGE, done=f"report_{decision}", undo=done.undo))


routes: list[BaseRoute] = [
    Route(PAGE, reports, methods=["GET"], name="admin_reports"),
    Route(f"{PAGE}/{{report_id}}", decide_report, methods=["POST"], name="admin_decide_report"),
]

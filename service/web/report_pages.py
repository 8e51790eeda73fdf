"""The report page (`/report/{comment_id}`): the widgets' report form as a page of its own.

It works without JavaScript, so anyone can report a published comment (DSA art. 16) whatever
their browser runs. GET shows the form with a fresh form token; POST sends it through the same
use case as `POST /api/reports`, with the same defences, and answers with a thank-you page.
Threat: a cross-site form. The POST must come from this page (Fetch Metadata, then Origin).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from service import readers, text
from service.domain.errors import Kind, Refusal
from service.domain.reports import MAX_MESSAGE, REPORT_REASONS
from service.web.auth import same_origin
from service.web.clients import client_key
from service.web.http import parse_id, status_for, store_of
from service.web.reader_pages import HEADERS, day, read_form, templates
from service.web.reader_text import in_language, page_language


def _lang(request: Request) -> str:
    return page_language(request)


def _page(request: Request, context: dict[str, Any], status: int = 200) -> Response:
    lang = _lang(request)
    full = {
        "t": text.section(lang, "reader_page"),
        "lang": lang,
        "title": "report_title",
        "reasons": REPORT_REASONS,
        "max_message": MAX_MESSAGE,
        **context,
    }
    response = templates.TemplateResponse(request, "reader/report.html", full, status_code=status)
    response.headers.update(HEADERS)
    return response


def _refusal_text(refusal: Refusal, lang: str) -> str:
    return in_language(lang, refusal.code, refusal.field, refusal.retry_after, refusal.details)


async def _shown(request: Request, context: dict[str, Any], status: int = 200) -> Response:
    """The form for a published comment, or the page saying there is nothing to report."""
    comment_id = parse_id(request.path_params["comment_id"])
    store = store_of(request)
    found = await readers.reported_comment(store, comment_id) if comment_id else None
    if found is None:
        return _page(request, {"gone": True}, 404)
    context = {
        "comment": found,
        "written": day(found.created_at, _lang(request)),
        "form_token": readers.report_form_token(),
        **context,
    }
    return _page(request, context, status)


async def report_form(request: Request) -> Response:
    """Show the report form for one published comment; GET changes nothing."""
    return await _shown(request, {"chosen": {}})


async def send_report(request: Request) -> Response:
    """Send the form through the report use case; thank the reader, or show the form again."""
    lang = _lang(request)
    form: dict[str, str] = {}
    try:
        if not same_origin(request):
            raise Refusal(
                "request", "forbidden_origin", "send the form from its own page", Kind.FORBIDDEN
            )
        form = await read_form(request)
        comment_id = parse_id(request.path_params["comment_id"]) or 0
        data = {
            "comment_id": comment_id,
            "reason": form.get("reason", ""),
            "message": form.get("message", ""),
            "email": form.get("email", ""),
            "form_token": form.get("form_token", ""),
            "hp": form.get("hp", ""),
            "lang": lang,
        }
        await readers.submit_report(store_of(request), data, client_key(request))
    except Refusal as exc:
        if exc.field == "comment_id":
            return _page(request, {"gone": True}, 404)
        problem = text.message(lang, "reader_page.report_refused", message=_refusal_text(exc, lang))
        context = {"problem": problem, "field": exc.field or "", "chosen": form}
        return await _shown(request, context, status_for(exc))
    return _page(request, {"thanks": True})


routes: list[BaseRoute] = [
    Route("/report/{comment_id}", report_form, methods=["GET"], name="report_form"),
    Route("/report/{comment_id}", send_report, methods=["POST"], name="send_report"),
]

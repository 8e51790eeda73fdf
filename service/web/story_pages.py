"""The story page of an invitation (`/s/{token}`) and the collection page (`/vertel`, `/tell`).

Pages of Chorus's own, for a client after a treatment: no host site, no JavaScript, phone first.
The story goes through the readers' intake like a widget comment (validation, sanitising, hints,
duplicate and spam defences, the moderation queue), on a page of its own ("Ervaringen").

Threat: mail scanners. They follow the link in an invitation: GET only shows the form (and notes
that the invitation was opened); only a POST uses the invitation up.
Threat: a cross-site form. The POST must come from our own page (Fetch Metadata, then Origin)
and carries a signed, single-use form token, as the widget's posts do.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

import settings
from service import invites, readers, signing, text
from service.domain.display_names import NAME_STYLES, styled_name
from service.domain.errors import Kind, Refusal
from service.domain.invites import (
    COLLECT_PAGES,
    OPEN_STATUSES,
    Invite,
    InviteStatus,
    Origin,
    Source,
    collect_path,
)
from service.web.auth import same_origin
from service.web.clients import client_key
from service.web.http import status_for, store_of
from service.web.reader_pages import HEADERS, read_form, templates
from service.web.reader_text import in_language

STORIES_PAGE = "/ervaringen"  # the thread every story from these pages belongs to
DEFAULT_STYLE = "first_initial"


def _lang(request: Request, default: str) -> str:
    lang = request.query_params.get("lang", "")
    return lang if lang in text.LANGUAGES else default


def _words(lang: str) -> dict[str, str]:
    """The page's words, with the site's and the owner's names filled in."""
    names = _Names(site=settings.SITE_NAME, owner=settings.OWNER_NAME)
    return {key: value.format_map(names) for key, value in text.section(lang, "story").items()}


class _Names(dict[str, str]):
    """The names every page fills in; any other placeholder is kept for the template's own."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _page(request: Request, lang: str, context: dict[str, Any], status: int = 200) -> Response:
    full = {
        "t": _words(lang),
        "lang": lang,
        "collect": collect_path(lang),
        "ratings": settings.RATINGS,
        "styles": NAME_STYLES,
        "consent": text.message(lang, "widget.comments.consent"),
        "consent_version": settings.CONSENT_VERSION,
        "max_body": settings.MAX_BODY_LENGTH,
        "max_name": settings.MAX_NAME_LENGTH,
        "chosen": {},
        **context,
    }
    response = templates.TemplateResponse(request, "reader/story.html", full, status_code=status)
    response.headers.update(HEADERS)
    return response


def _form(request: Request, lang: str, context: dict[str, Any], status: int = 200) -> Response:
    """The form, with a fresh single-use form token."""
    return _page(request, lang, {"form_token": signing.form_token(), **context}, status)


def _ended(request: Request, invite: Invite | None) -> Response:
    """A link that can no longer be used says so kindly and offers the practice's page."""
    lang = _lang(request, invite.lang if invite else "nl")
    if invite is None:
        return _page(request, lang, {"ended": "unknown"}, 404)
    reason = {InviteStatus.ANSWERED: "used", InviteStatus.WITHDRAWN: "withdrawn"}
    return _page(request, lang, {"ended": reason.get(invite.status, "expired")}, 410)


def _data(form: dict[str, str], lang: str) -> dict[str, Any]:
    """The posted form as the intake's JSON would carry it."""
    rating_text = form.get("rating", "")
    rating: Any = None
    if rating_text:
        rating = int(rating_text) if rating_text in ("1", "2", "3", "4", "5") else rating_text
    return {
        "page": STORIES_PAGE,
        "page_title": text.message(lang, "story.page_title"),
        "author": form.get("author", ""),
        "body": form.get("body", ""),
        "email": form.get("email", ""),
        "consent": form.get("consent") == "yes",
        "consent_version": form.get("consent_version", ""),
        "rating": rating,
        "lang": lang,
        "form_token": form.get("form_token", ""),
        "hp": form.get("hp", ""),
    }


def _display_name(form: dict[str, str], lang: str) -> str:
    style = form.get("name_style", DEFAULT_STYLE)
    style = style if style in NAME_STYLES else DEFAULT_STYLE
    return styled_name(form.get("author", ""), style, text.message(lang, "story.client_word"))


async def _send(
    request: Request, lang: str, source: Source, invite: Invite | None, context: dict[str, Any]
) -> Response:
    """Send the posted story through the intake; thank the writer, or show the form again."""
    form: dict[str, str] = {}
    try:
        if not same_origin(request):
            raise Refusal(
                "request", "forbidden_origin", "send the form from its own page", Kind.FORBIDDEN
            )
        form = await read_form(request)
        origin = Origin(
            source=source,
            invite_id=invite.id if invite else None,
            invited_at=invite.created_at if invite else None,
            display_name=_display_name(form, lang),
        )
        await readers.submit(store_of(request), _data(form, lang), client_key(request), origin)
    except Refusal as exc:
        if exc.field == "invite":
            return _page(request, lang, {"ended": "used"}, 410)
        message = in_language(lang, exc.code, exc.field, exc.retry_after, exc.details)
        problem = text.message(lang, "story.refused", message=message)
        chosen = {k: v for k, v in form.items() if k not in ("form_token", "hp")}
        again = {"problem": problem, "field": exc.field or "", "chosen": chosen, **context}
        return _form(request, lang, again, status_for(exc))
    return _page(request, lang, {"thanks": True, **context})


async def story_form(request: Request) -> Response:
    """An invitation's story page; GET uses nothing up (it notes the invitation was opened)."""
    invite = await invites.opened(store_of(request), request.path_params["token"])
    if invite is None or invite.status not in OPEN_STATUSES:
        return _ended(request, invite)
    lang = _lang(request, invite.lang)
    return _form(request, lang, {"invite": invite, "chosen": {"author": invite.name}})


async def send_story(request: Request) -> Response:
    """Send an invitation's story: the same intake as a widget comment, marked as invited."""
    invite = await invites.by_token(store_of(request), request.path_params["token"])
    if invite is None or invite.status not in OPEN_STATUSES:
        return _ended(request, invite)
    lang = _lang(request, invite.lang)
    return await _send(request, lang, Source.INVITE, invite, {"invite": invite})


def _collect_lang(request: Request) -> str:
    default = "en" if request.url.path == COLLECT_PAGES["en"] else "nl"
    return _lang(request, default)


async def collect_form(request: Request) -> Response:
    """The practice-wide collection page (for a link on the website or a QR code at the desk)."""
    return _form(request, _collect_lang(request), {})


async def send_collected(request: Request) -> Response:
    """Send a story from the collection page, with the widget's form token and spam defences."""
    return await _send(request, _collect_lang(request), Source.COLLECT, None, {})


routes: list[BaseRoute] = [
    Route("/s/{token}", story_form, methods=["GET"], name="story_form"),
    Route("/s/{token}", send_story, methods=["POST"], name="send_story"),
    *(
        route
        for path in COLLECT_PAGES.values()
        for route in (
            Route(path, collect_form, methods=["GET"]),
            Route(path, send_collected, methods=["POST"]),
        )
    ),
]

"""The public JSON API the widgets and homepages call.

Thin handlers: parse, validate (service.comments), sanitise (service.sanitize), store
(service.store), respond. Nothing pending, rejected or private ever leaves through here.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from databases import Database
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

import settings
from service import notify, sanitize, signing, store
from service.cache import Renderings
from service.comments import Comment, Invalid, Status, clean_line, parse_submission
from service.http import allowed_origins, error, path_comment_id, read_json
from service.ratelimit import Limiter, client_key

posting = Limiter(settings.RATE_LIMIT_POSTS, settings.RATE_LIMIT_WINDOW)
MAX_TESTIMONIALS = 50  # per page of /api/testimonials


def database(request: Request) -> Database:
    db: Database = request.app.state.database
    return db


def public_comment(comment: Comment, published: set[int] | None = None) -> dict[str, Any]:
    """The fields anyone may see: never email, hashes, keys or moderation data."""
    parent = comment.parent_id
    if published is not None and parent not in published:
        parent = None  # its parent is no longer shown: show the reply at the top level
    return {
        "id": comment.id,
        "parent": parent,
        "author": comment.author,
        "website": comment.website or None,
        "html": comment.html,
        "rating": comment.rating,
        "created_at": comment.created_at,
        "owner": comment.owner,
    }


def public_testimonial(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.id,
        "author": comment.author,
        "html": comment.html,
        "excerpt": comment.excerpt or None,
        "rating": comment.rating,
        "page_title": comment.page_title,
        "page_url": comment.page_url or None,
        "created_at": comment.created_at,
    }


def renderings(request: Request) -> Renderings:
    cache: Renderings = request.app.state.renderings
    return cache


def json_bytes(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def conditional(
    request: Request, body: bytes, media_type: str = "application/json", max_age: int = 0
) -> Response:
    """The body with a strong ETag, or 304 when the client already has it."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}, must-revalidate"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def _page_param(request: Request) -> str:
    return clean_line(dict(request.query_params), "page", 500, required=True)


def _int_param(request: Request, name: str, default: int | None, low: int, high: int) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or len(raw) > 12:
        raise Invalid(name, "not_an_integer", f"{name} must be a whole number")
    return max(low, min(high, int(raw)))


def _check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin is not None and origin not in allowed_origins(request):
        raise Invalid("origin", "forbidden_origin", "this site may not post comments here", 403)


async def submit_comment(request: Request) -> Response:
    """Take a reader's comment: validate, sanitise, decide its status, store, then answer."""
    _check_origin(request)
    sub = parse_submission(await read_json(request))
    client = client_key(request)
    wait = posting.retry_after(client)
    if wait:
        return error(
            429,
            "rate_limited",
            f"too many comments from here; try again in {wait} seconds",
            headers={"Retry-After": str(wait)},
        )
    spam = bool(sub.honeypot)
    if sub.form_token:
        age = signing.form_token_age(sub.form_token)
        if age is None:
            raise Invalid("form_token", "expired", "the form has expired; please send it again")
        spam = spam or age < signing.FORM_MIN_AGE

    db = database(request)
    author_key = signing.read_author_token(sub.author_token) or signing.new_key()
    if spam:
        status = Status.SPAM
    elif settings.MODERATION == "none" or (
        settings.MODERATION == "first" and await store.author_is_trusted(db, author_key)
    ):
        status = Status.APPROVED
    else:
        status = Status.PENDING

    new = store.NewComment(
        page_key=sub.page,
        page_title=sub.page_title,
        page_url=sub.page_url,
        parent_id=sub.parent,
        author=sub.author,
        email=sub.email,
        website=sub.website,
        body=sub.body,
        html=sanitize.render(sub.body),
        status=status,
        consent=sub.consent,
        consent_version=sub.consent_version,
        rating=sub.rating,
        lang=sub.lang,
        client_hash=client,
        author_key=author_key,
    )
    try:
        comment_id = await store.insert_comment(db, new)
    except store.Duplicate:
        return error(409, "duplicate", "this text was already posted here", "body")
    except store.ParentRefused as exc:
        raise Invalid("parent", "not_found", str(exc)) from None
    posting.hit(client)
    shown = Status.PENDING if status == Status.SPAM else status
    # The comment is stored; the owner's notice goes out after the reader has the answer.
    notice = None
    if status != Status.SPAM and notify.enabled():
        notice = BackgroundTask(
            notify.new_comment, comment_id, sub.author, sub.page_title or sub.page, sub.body, status
        )
    return JSONResponse(
        {"id": comment_id, "status": shown.value, "author_token": signing.author_token(author_key)},
        status_code=202,
        background=notice,
    )


async def list_comments(request: Request) -> Response:
    """A page's approved comments, oldest first, each with its parent's id."""
    page = _page_param(request)
    db = database(request)

    async def render() -> bytes:
        comments = await store.list_approved(db, page)
        published = {c.id for c in comments}
        return json_bytes(
            {
                "page": page,
                "count": len(comments),
                "comments": [public_comment(c, published) for c in comments],
            }
        )

    version = await store.page_version(db, page)
    body = await renderings(request).get(f"comments:{page}", version, render)
    return conditional(request, body)


async def list_own_pending(request: Request) -> Response:
    """The caller's own comments on a page that still wait for review (by author token)."""
    data = await read_json(request)
    if not isinstance(data, dict):
        raise Invalid("request", "not_an_object", "the request body must be a JSON object", 400)
    unknown = sorted(set(data) - {"page", "author_token"})
    if unknown:
        raise Invalid(unknown[0], "unknown_field", f"{unknown[0]} is not a field this API takes")
    page = clean_line(data, "page", 500, required=True)
    key = signing.read_author_token(clean_line(data, "author_token", 400, required=True))
    if key is None:
        raise Invalid("author_token", "invalid", "author_token is not valid", 403)
    mine = await store.list_own_pending(database(request), page, key)
    comments = [{**public_comment(c), "status": c.status.value} for c in mine]
    return JSONResponse({"page": page, "comments": comments}, headers={"Cache-Control": "no-store"})


async def _author_request(request: Request) -> tuple[int, str]:
    """The comment id from the path and the author key from a valid author token."""
    comment_id = path_comment_id(request)
    data = await read_json(request)
    if not isinstance(data, dict) or set(data) != {"author_token"}:
        raise Invalid("author_token", "required", 'send {"author_token": "..."}')
    key = signing.read_author_token(clean_line(data, "author_token", 400, required=True))
    if key is None:
        raise Invalid("author_token", "invalid", "author_token is not valid", 403)
    return comment_id, key


async def withdraw_consent(request: Request) -> Response:
    """The author takes back testimonial consent; the story leaves every testimonial list."""
    comment_id, key = await _author_request(request)
    if not await store.withdraw_consent(database(request), comment_id, key):
        raise Invalid("id", "not_found", "no comment of yours with consent to withdraw", 404)
    return JSONResponse({"id": comment_id, "consent": False})


async def delete_own_comment(request: Request) -> Response:
    """The author deletes their own comment, whatever its status."""
    comment_id, key = await _author_request(request)
    if not await store.delete_own_comment(database(request), comment_id, key):
        raise Invalid("id", "not_found", "no comment of yours with this id", 404)
    return JSONResponse({"id": comment_id, "deleted": True})


async def comment_form(request: Request) -> Response:
    """What a comment form needs from the service: a fresh form token and the current rules."""
    return JSONResponse(
        {
            "form_token": signing.form_token(),
            "consent_version": settings.CONSENT_VERSION,
            "ratings": settings.RATINGS,
            "moderation": settings.MODERATION,
            "max_body_length": settings.MAX_BODY_LENGTH,
        },
        headers={"Cache-Control": "no-store"},
    )


async def list_testimonials(request: Request) -> Response:
    """Approved comments whose authors consented and which the owner promoted, newest first."""
    limit = _int_param(request, "limit", 10, 1, MAX_TESTIMONIALS) or 10
    before = _int_param(request, "before", None, 1, 2**62)
    db = database(request)

    async def render() -> bytes:
        rows = await store.list_testimonials(db, limit + 1, before)
        more = len(rows) > limit
        rows = rows[:limit]
        return json_bytes(
            {
                "testimonials": [public_testimonial(c) for c in rows],
                "next": rows[-1].id if more and rows else None,
            }
        )

    version = await store.testimonials_version(db)
    body = await renderings(request).get(f"testimonials:{limit}:{before}", version, render)
    return conditional(request, body, max_age=60)


async def health(request: Request) -> Response:
    """200 when the database answers, 503 when it does not."""
    try:
        await store.ping(database(request))
    except Exception:
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"}, headers={"Cache-Control": "no-store"})

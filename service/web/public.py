"""The public JSON API the widgets and homepages call: thin handlers over `service.readers`.

Each handler parses the request, calls one use case and shapes the answer. Nothing pending,
rejected or private ever leaves through here (`service.web.shapes` decides what is public).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

import settings
from service import readers
from service.domain.comments import Status
from service.domain.errors import Kind, Refusal
from service.domain.validation import clean_line
from service.domain.wall import parse_wall
from service.web.clients import client_key
from service.web.http import (
    allowed_origins,
    cached,
    int_param,
    json_bytes,
    path_comment_id,
    read_json,
    read_object,
    store_of,
)
from service.web.shapes import public_comment, public_summary, public_testimonial


def _check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin is not None and origin not in allowed_origins():
        raise Refusal(
            "origin", "forbidden_origin", "this site may not post comments here", Kind.FORBIDDEN
        )


async def submit_comment(request: Request) -> Response:
    """Take a reader's comment; 202 once it is stored (with the owner's notice, in the outbox)."""
    _check_origin(request)
    data = await read_json(request)
    result = await readers.submit(store_of(request), data, client_key(request))
    return JSONResponse(
        {
            "id": result.comment_id,
            "status": result.status.value,
            "author_token": result.author_token,
        },
        status_code=202,
    )


async def submit_report(request: Request) -> Response:
    """Take a reader's report about a published comment; 202 once the owner can see it."""
    _check_origin(request)
    data = await read_json(request)
    await readers.submit_report(store_of(request), data, client_key(request))
    return JSONResponse({"status": "accepted"}, status_code=202)


async def list_comments(request: Request) -> Response:
    """A page's approved comments, oldest first, each with its parent's id."""
    page = clean_line(dict(request.query_params), "page", 500, required=True)
    store = store_of(request)

    async def render() -> tuple[bytes, bool]:
        comments = await readers.published(store, page)
        shown = {c.id for c in comments}
        body = json_bytes(
            {
                "page": page,
                "count": len(comments),
                "comments": [public_comment(c, shown) for c in comments],
            }
        )
        return body, bool(comments) or await readers.page_exists(store, page)

    return await cached(request, f"comments:{page}", render)


def _page_keys(request: Request) -> list[str]:
    """`pages=k1,k2,...`: distinct page keys in the order asked, at most MAX_COUNT_PAGES."""
    raw = request.query_params.get("pages", "")
    keys = list(dict.fromkeys(k.strip() for k in raw.split(",") if k.strip()))
    if not keys:
        raise Refusal("pages", "required", "pages must name at least one page key")
    if len(keys) > readers.MAX_COUNT_PAGES:
        raise Refusal(
            "pages", "too_many", f"pages may name at most {readers.MAX_COUNT_PAGES} page keys"
        )
    for key in keys:
        clean_line({"pages": key}, "pages", 500, required=True)
    return keys


async def count_comments(request: Request) -> Response:
    """How many approved comments each of up to 100 pages has, in one call (post lists)."""
    pages = _page_keys(request)
    store = store_of(request)

    async def render() -> tuple[bytes, bool]:
        counts, known = await readers.approved_counts(store, pages)
        return json_bytes({"counts": counts}), known

    return await cached(request, "counts:" + ",".join(pages), render)


async def list_own_pending(request: Request) -> Response:
    """The caller's own comments on a page (by author token).

    `comments` are the ones still waiting for review, which the published list does not show;
    `own` names every one of them, waiting or published, with what the author may still do.
    """
    data = await read_object(request, {"page", "author_token"})
    page = clean_line(data, "page", 500, required=True)
    token = clean_line(data, "author_token", 400, required=True)
    mine = await readers.own_on_page(store_of(request), page, token)
    waiting = [
        {**public_comment(c), "status": c.status.value} for c in mine if c.status == Status.PENDING
    ]
    own = [
        {
            "id": c.id,
            "body": c.body,
            "consent": c.consent,
            # A story (no reply) may carry testimonial consent, so it can be given again.
            "story": c.parent_id is None,
            "edit_until": readers.edit_until(c),
        }
        for c in mine
    ]
    return JSONResponse(
        {"page": page, "comments": waiting, "own": own}, headers={"Cache-Control": "no-store"}
    )


async def _author_token(request: Request) -> str:
    data = await read_json(request)
    if not isinstance(data, dict) or set(data) != {"author_token"}:
        raise Refusal("author_token", "required", 'send {"author_token": "..."}')
    return clean_line(data, "author_token", 400, required=True)


async def withdraw_consent(request: Request) -> Response:
    """The author takes back testimonial consent; the story leaves every testimonial list."""
    comment_id = path_comment_id(request)
    who = readers.by_token(await _author_token(request))
    await readers.withdraw_consent(store_of(request), comment_id, who)
    return JSONResponse({"id": comment_id, "consent": False})


async def give_consent(request: Request) -> Response:
    """The author agrees again to testimonial use; the owner may then promote the story again."""
    comment_id = path_comment_id(request)
    who = readers.by_token(await _author_token(request))
    await readers.give_consent(store_of(request), comment_id, who)
    return JSONResponse({"id": comment_id, "consent": True})


async def delete_own_comment(request: Request) -> Response:
    """The author deletes their own comment, whatever its status."""
    comment_id = path_comment_id(request)
    who = readers.by_token(await _author_token(request))
    await readers.delete_own(store_of(request), comment_id, who)
    return JSONResponse({"id": comment_id, "deleted": True})


async def edit_own_comment(request: Request) -> Response:
    """The author rewrites their comment within EDIT_WINDOW minutes of posting it."""
    _check_origin(request)
    comment_id = path_comment_id(request)
    data = await read_object(request, {"author_token", "body"})
    who = readers.by_token(clean_line(data, "author_token", 400, required=True))
    status = await readers.edit_own(
        store_of(request), comment_id, who, data.get("body"), client_key(request)
    )
    return JSONResponse({"id": comment_id, "status": status.value})


async def request_manage_link(request: Request) -> Response:
    """Mail a one-time link to an address's comments; always 202, known address or not."""
    _check_origin(request)
    data = await read_json(request)
    await readers.request_manage_link(store_of(request), data, client_key(request))
    return JSONResponse({"status": "accepted"}, status_code=202)


async def comment_form(request: Request) -> Response:
    """What a comment form needs from the service: a fresh form token and the current rules."""
    return JSONResponse(
        await readers.form_rules(store_of(request)), headers={"Cache-Control": "no-store"}
    )


async def list_testimonials(request: Request) -> Response:
    """Promoted stories: the owner's pins first, then newest first; `lang` and `page` filter."""
    limit = int_param(request, "limit", 10, 1, readers.MAX_TESTIMONIALS) or 10
    before = int_param(request, "before", None, 1, 2**62)
    wall = parse_wall(request.query_params)
    store = store_of(request)

    async def render() -> tuple[bytes, bool]:
        rows = await readers.testimonials(store, limit + 1, before, wall)
        summary = await readers.testimonial_summary(store)
        more = len(rows) > limit
        rows = rows[:limit]
        body = json_bytes(
            {
                "testimonials": [public_testimonial(c) for c in rows],
                "next": rows[-1].id if more and rows else None,
                # Over every story ever received, whatever this page or filter of the list shows.
                "summary": public_summary(summary, settings.TESTIMONIAL_MIN_COUNT),
            }
        )
        # Only cursors we could have handed out (ids of testimonials) and pages that exist
        # become cache keys.
        known = await readers.is_known_wall(store, wall)
        return body, known and (before is None or await readers.is_testimonial(store, before))

    # max-age=0: a story whose author withdrew consent or asked to be erased leaves every
    # homepage at once; a repeat view costs one conditional request, answered 304 from memory.
    key = f"testimonials:{limit}:{before}{wall.key}"
    return await cached(request, key, render, max_age=0)


async def health(request: Request) -> Response:
    """200 when the database (and Redis, with REDIS_URL) answers, 503 when one does not."""
    store = store_of(request)
    try:
        await store.ping()
    except Exception:
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    answer: dict[str, str] = {"status": "ok", "database": "ok"}
    headers = {"Cache-Control": "no-store"}
    if store.counters.where == "redis":
        try:
            await store.counters.ping()
            answer["redis"] = "ok"
        except Exception:
            # Posts, logins and manage requests answer 503 until it is back (see app.py).
            answer.update(status="degraded", redis="unavailable")
            return JSONResponse(answer, status_code=503, headers={**headers, "Retry-After": "5"})
    return JSONResponse(answer, headers=headers)

"""The OpenAPI description of the public and owner API, served at /openapi.json, derived from code.

Each part comes from where it is decided, so the document cannot drift from the service:
paths, methods and path parameters from the app's routes (Starlette's `get_endpoints`); each
operation's summary and description from its handler's docstring; request limits from the
validators (asked with a text longer than any request can carry, they name their limit) and the
settings; the shapes of comments and testimonials from `shapes.SCHEMAS`; the session cookie's
name from `auth`. What no code states (which body a handler reads, what it answers, which
refusals it can give beyond those every request can get) is declared below, once per handler in
`OPERATIONS`. Tests check that every API route has an entry here and every limit is the
validator's; schemathesis checks the service's answers against the document.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.schemas import BaseSchemaGenerator

import settings
from service import invites, owner, readers
from service.domain.abuse import MAX_RULE_LENGTH, RuleAction, RuleKind
from service.domain.accounts import Role
from service.domain.comments import BULK_ACTIONS, TRANSITIONS, Status
from service.domain.errors import Refusal
from service.domain.hints import CONFIRM_CODES
from service.domain.imports import FORMATS
from service.domain.invites import MAX_NAME as MAX_INVITE_NAME
from service.domain.invites import MAX_PASTED, MAX_PASTED_CHARS, InviteStatus
from service.domain.pages import parse_page_facts
from service.domain.reports import (
    DECISION_REASONS,
    MAX_MESSAGE,
    MAX_NOTE,
    REPORT_DECISIONS,
    REPORT_REASONS,
)
from service.domain.seen import VERSION_LENGTH
from service.domain.validation import LANGUAGES, MAX_ID, clean_email, parse_submission
from service.domain.webhooks import DEFAULT_EVENTS, MAX_URL, Format
from service.web import (
    admin_move,
    auth,
    feeds,
    owner_accounts,
    owner_api,
    owner_invites,
    public,
    shapes,
    widgets,
)
from service.web.http import json_bytes

# The routes that answer programs; the rest of the app is pages for people.
API_PREFIXES = ("/api/", "/admin/api/", "/feeds/", "/widget/")
API_PATHS = ("/healthz", "/openapi.json")
OWNER_PREFIX = "/admin/api/"
JSON = "application/json"

# -- limits, as the validators state them ---------------------------------------------------------


def max_length(check: Callable[[str], object]) -> int | None:
    """The longest text `check` takes, as its `too_long` refusal says; None if it takes any.

    The probe is one character longer than a whole request body may be, so a limit above it is
    no limit a client can meet.
    """
    try:
        check("x" * (settings.MAX_REQUEST_BYTES + 1))
    except Refusal as refusal:
        if refusal.code == "too_long" and refusal.details and "max_length" in refusal.details:
            return int(refusal.details["max_length"])
        raise
    return None


_MINIMAL_SUBMISSION = {"page": "p", "author": "a", "body": "b", "form_token": "t"}


def _submit(name: str, value: str) -> object:
    return parse_submission({**_MINIMAL_SUBMISSION, name: value}, readers.intake_rules())


def submission_limit(name: str) -> int | None:
    """The limit `parse_submission` puts on field `name`, with the site's settings."""
    return max_length(partial(_submit, name))


def _text(limit: int | None, description: str = "", **extra: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", **extra}
    if limit is not None:
        schema["maxLength"] = limit
    if description:
        schema["description"] = description
    return schema


def _id(description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
    return {**schema, "description": description} if description else schema


def _object(
    properties: dict[str, Any], required: tuple[str, ...] = (), **extra: Any
) -> dict[str, Any]:
    """A request body: the handlers refuse any field they do not take."""
    schema: dict[str, Any] = {"type": "object", "additionalProperties": False}
    schema["properties"] = properties
    if required:
        schema["required"] = list(required)
    return {**schema, **extra}


def _answer(properties: dict[str, Any]) -> dict[str, Any]:
    """An answer's body: every key is always there."""
    return {
        "type": "object",
        "required": sorted(properties),
        "additionalProperties": False,
        "properties": properties,
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _list(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


_CONFIRM = {
    "type": "array",
    "items": {"enum": list(CONFIRM_CODES)},
    "description": "the hints the owner has looked at; else 409 confirm_hints naming them",
}
_SEEN = {
    "type": "string",
    "pattern": f"^[0-9a-f]{{{VERSION_LENGTH}}}$",
    "description": "the comment's `seen` as the caller read it; else 409 changed_since",
}
_MAYBE_ID = {"type": ["integer", "null"], "minimum": 1}
_MAYBE_TEXT = {"type": ["string", "null"]}
_STATUS = {"enum": [s.value for s in Status]}
_UNDO = {"type": "string", "description": "the undo key for POST /admin/api/undo"}
_MAYBE_UNDO = {**_UNDO, "type": ["string", "null"]}
_INT = {"type": "integer"}
_BOOL = {"type": "boolean"}


def _submission() -> dict[str, Any]:
    limit = submission_limit
    return _object(
        {
            "page": _text(limit("page"), "the page key"),
            "page_title": _text(limit("page_title")),
            "page_url": _text(limit("page_url"), format="uri"),
            "parent": _id("id of the approved comment replied to"),
            "author": _text(limit("author")),
            "email": _text(limit("email"), "never published", format="email"),
            "website": _text(limit("website"), format="uri"),
            "body": _text(limit("body"), "plain text"),
            "consent": {**_BOOL, "description": "may be shown as a testimonial"},
            "consent_version": _text(limit("consent_version")),
            "rating": {"type": "integer", "minimum": 1, "maximum": 5},
            "lang": {"enum": list(LANGUAGES)},
            "form_token": _text(limit("form_token"), "from GET /api/form; good for one post"),
            "pow": _text(
                limit("pow"),
                "when the form asks for a puzzle: an answer such that SHA-256 of "
                "'form_token:pow' starts with `pow` zero bits",
            ),
            "author_token": _text(limit("author_token"), "from an earlier submission"),
            "hp": _text(limit("hp"), "honeypot: must stay empty"),
            "notify_replies": {
                **_BOOL,
                "description": "mail the author about replies, after they confirm (needs email)",
            },
        },
        required=tuple(_MINIMAL_SUBMISSION),
    )


def _page_key() -> dict[str, Any]:
    return _text(submission_limit("page"), "the page key")


def _author_token() -> dict[str, Any]:
    return _text(submission_limit("author_token"), "from the author's submission")


def _email() -> dict[str, Any]:
    return _text(max_length(lambda v: clean_email({"email": v})), format="email")


def _comment_body() -> dict[str, Any]:
    return _text(settings.MAX_BODY_LENGTH, "plain text")


def _query_limit(name: str) -> int | None:
    return max_length(lambda v: owner_api.parse_query({name: v}))


def _page_limit(name: str) -> int | None:
    return max_length(lambda v: parse_page_facts({"title": "t", "url": "", name: v}))


# -- what each handler takes and answers --------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    """What the routes do not say about a handler: its body, its answer and its refusals.

    `answer` is the success body's schema; `errors` the statuses beyond those every request of
    its kind can get (see `_errors`); `cached` answers 304 to a matching If-None-Match.
    """

    answer: Callable[[], dict[str, Any]] | dict[str, Any]
    status: int = 200
    media: str = JSON
    body: Callable[[], dict[str, Any]] | None = None
    body_media: str = JSON
    body_optional: bool = False
    query: Callable[[], list[dict[str, Any]]] | None = None
    errors: tuple[int, ...] = ()
    cached: bool = False
    database: bool = True


def _q(name: str, schema: dict[str, Any], required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": schema}


def _wall_query() -> list[dict[str, Any]]:
    """The testimonial lists' and feeds' filters: the story's language, one post's stories."""
    return [
        _q(
            "lang",
            {"enum": list(LANGUAGES), "description": "the language the story was written in"},
        ),
        _q("page", {**_page_key(), "description": "only the stories from this post"}),
    ]


_PAGE = _answer({"id": _INT, "page": {"type": "string"}, "title": _MAYBE_TEXT, "url": _MAYBE_TEXT})
_RULE = _answer(
    {
        "id": _INT,
        "kind": {"enum": [k.value for k in RuleKind]},
        "value": {"type": "string"},
        "action": {"enum": [a.value for a in RuleAction]},
    }
)
_ROWS = _list({"type": "object"})
_READER = {
    "email": {"type": "string"},
    "comments": _ROWS,
    "subscriptions": _ROWS,
    "reports": _ROWS,
    "statements": _ROWS,
    "invitations": _ROWS,
}
_EXPORTED = {"version": _INT, "exported_at": {"type": "string"}}
_PIN_CHANGED = {**_BOOL, "description": "false: it already was (or was not) pinned"}
_DELETED = _answer({"id": _INT, "deleted": {"const": True}})
_DELIVERY = _answer(
    {
        "id": {"type": "string", "description": "the webhook-id, the same on every try"},
        "event": {"type": "string"},
        "state": {"enum": ["waiting", "sending", "delivered", "failed"]},
        "attempts": _INT,
        "last_status": {"type": ["integer", "null"], "description": "the HTTP status answered"},
        "last_error": {"type": "string"},
        "occurred_at": {"type": "string"},
        "last_try_at": _MAYBE_TEXT,
    }
)
_WEBHOOK = _answer(
    {
        "id": _INT,
        "url": {"type": "string"},
        "events": _list({"type": "string"}),
        "format": {"enum": [f.value for f in Format]},
        "own_system": _BOOL,
        "include_spam": _BOOL,
        "created_at": {"type": "string"},
        "paused_at": {**_MAYBE_TEXT, "description": "set while it is paused after failing"},
        "deliveries": _list(_DELIVERY),
    }
)
_SECRET = {"type": "string", "description": "whsec_...: shown only in this answer"}
_GROUNDS = {
    "reason": {
        "enum": list(DECISION_REASONS),
        "description": "why: the author is sent a statement of reasons; without one, nothing",
    },
    "reason_note": _text(MAX_NOTE, "the owner's own line in the statement (needs reason)"),
}


def _report_body() -> dict[str, Any]:
    return _object(
        {
            "comment_id": _id("the published comment reported"),
            "reason": {"enum": list(REPORT_REASONS)},
            "message": _text(MAX_MESSAGE, "why it should not be there; plain text"),
            "email": _text(254, "for an answer; mailed only once confirmed", format="email"),
            "lang": {"enum": ["", *LANGUAGES]},
            "form_token": _text(400, "from GET /api/form; good for one report"),
            "hp": _text(400, "honeypot: must stay empty"),
        },
        required=("comment_id", "reason", "message", "form_token"),
    )


def _invite() -> dict[str, Any]:
    maybe_time = _MAYBE_TEXT
    return _answer(
        {
            "id": _INT,
            "name": {"type": "string"},
            "email": {**_MAYBE_TEXT, "description": "null once the invitation has ended"},
            "lang": {"enum": list(LANGUAGES)},
            "status": {"enum": [s.value for s in InviteStatus]},
            "url": {**_MAYBE_TEXT, "description": "the personal link, while it can be used"},
            "created_at": {"type": "string"},
            "expires_at": {"type": "string"},
            "mailed_at": maybe_time,
            "reminded_at": maybe_time,
            "opened_at": maybe_time,
            "answered_at": maybe_time,
            "comment_id": _MAYBE_ID,
        }
    )


def _new_invite() -> dict[str, Any]:
    return _object(
        {
            "name": _text(MAX_INVITE_NAME, "the client's first name"),
            "email": {**_email(), "description": "mailed when set and mail is configured"},
            "lang": {"enum": list(LANGUAGES)},
        }
    )


_ROLE = {"enum": [r.value for r in Role]}
_ACCOUNT = _answer(
    {
        "id": _INT,
        "name": {"type": "string", "description": "the display name; '' for none"},
        "email": {**_MAYBE_TEXT, "description": "null for the first owner, who has none"},
        "role": _ROLE,
        "status": {"enum": ["enabled", "disabled"]},
        "second_factor": {**_BOOL, "description": "a code app or a passkey is set up"},
        "created_at": {"type": "string"},
        "last_seen_at": {
            **_MAYBE_TEXT,
            "description": "the last request of its sessions still kept; null: none open",
        },
    }
)
_INVITATION = {
    "id": _INT,
    "email": {"type": "string"},
    "name": {"type": "string"},
    "role": _ROLE,
    "created_at": {"type": "string"},
    "expires_at": {"type": "string", "description": "the link stops working then"},
}


def _reported() -> dict[str, Any]:
    report = _answer(
        {
            "id": _INT,
            "reason": {"enum": list(REPORT_REASONS)},
            "message": {"type": "string"},
            "email": _MAYBE_TEXT,
            "lang": _MAYBE_TEXT,
            "created_at": {"type": "string"},
        }
    )
    item = _answer(
        {
            "comment": _ref("OwnerComment"),
            "reasons": _list({"enum": list(REPORT_REASONS)}),
            "reports": _list(report),
        }
    )
    return _answer({"count": _INT, "reported": _list(item)})


def _own_pending() -> dict[str, Any]:
    waiting = dict(shapes.PUBLIC_COMMENT)
    waiting["properties"] = {**waiting["properties"], "status": _STATUS}
    waiting["required"] = sorted(waiting["properties"])
    own = _answer(
        {
            "id": _INT,
            "body": {"type": "string"},
            "consent": _BOOL,
            "story": {**_BOOL, "description": "no reply: it may carry testimonial consent"},
            "edit_until": _MAYBE_TEXT,
        }
    )
    return _answer({"page": {"type": "string"}, "comments": _list(waiting), "own": _list(own)})


def _json_feed() -> dict[str, Any]:
    item = {
        "type": "object",
        "required": ["id", "url", "title", "content_html", "date_published", "date_modified"],
        "properties": {"id": {"type": "string"}, "summary": {"type": "string"}},
    }
    return {
        "type": "object",
        "required": ["version", "title", "home_page_url", "feed_url", "items"],
        "properties": {
            "version": {"const": "https://jsonfeed.org/version/1.1"},
            "items": _list(item),
        },
    }


OPERATIONS: dict[Callable[..., Any], Operation] = {
    # -- the public API
    public.submit_comment: Operation(
        _answer({"id": _INT, "status": _STATUS, "author_token": {"type": "string"}}),
        status=202,
        body=_submission,
        errors=(403, 409, 429),
    ),
    public.submit_report: Operation(
        _answer({"status": {"const": "accepted"}}),
        status=202,
        body=_report_body,
        errors=(403, 404, 429),
    ),
    public.list_comments: Operation(
        _answer(
            {"page": {"type": "string"}, "count": _INT, "comments": _list(_ref("PublicComment"))}
        ),
        query=lambda: [_q("page", _page_key(), required=True)],
        cached=True,
    ),
    public.count_comments: Operation(
        _answer(
            {"counts": {"type": "object", "additionalProperties": _INT}},
        ),
        query=lambda: [
            _q(
                "pages",
                {
                    "type": "string",
                    "description": f"up to {readers.MAX_COUNT_PAGES} page keys, comma-separated",
                },
                required=True,
            )
        ],
        cached=True,
    ),
    public.list_own_pending: Operation(
        _own_pending,
        body=lambda: _object(
            {"page": _page_key(), "author_token": _author_token()}, ("page", "author_token")
        ),
        errors=(403,),
    ),
    public.withdraw_consent: Operation(
        _answer({"id": _INT, "consent": {"const": False}}),
        body=lambda: _object({"author_token": _author_token()}, ("author_token",)),
        errors=(403,),
    ),
    public.give_consent: Operation(
        _answer({"id": _INT, "consent": {"const": True}}),
        body=lambda: _object({"author_token": _author_token()}, ("author_token",)),
        errors=(403,),
    ),
    public.delete_own_comment: Operation(
        _DELETED,
        body=lambda: _object({"author_token": _author_token()}, ("author_token",)),
        errors=(403,),
    ),
    public.edit_own_comment: Operation(
        _answer({"id": _INT, "status": _STATUS}),
        body=lambda: _object(
            {"author_token": _author_token(), "body": _comment_body()}, ("author_token", "body")
        ),
        errors=(403, 409, 429),
    ),
    public.request_manage_link: Operation(
        _answer({"status": {"const": "accepted"}}),
        status=202,
        body=lambda: _object({"email": _email(), "lang": {"enum": ["", *LANGUAGES]}}, ("email",)),
        errors=(403, 429),
    ),
    public.comment_form: Operation(
        _answer(
            {
                "form_token": {"type": "string"},
                "pow": {**_INT, "description": "zero bits the puzzle asks for; 0: no puzzle"},
                "min_seconds": _INT,
                "consent_version": {"type": "string"},
                "ratings": _BOOL,
                "moderation": {"type": "string"},
                "max_body_length": _INT,
                "reply_mail": _BOOL,
            }
        )
    ),
    public.list_testimonials: Operation(
        _answer(
            {
                "testimonials": _list(_ref("Testimonial")),
                "next": _MAYBE_ID,
                "summary": _ref("TestimonialSummary"),
            }
        ),
        query=lambda: [
            _q("limit", {"type": "integer", "minimum": 1, "maximum": readers.MAX_TESTIMONIALS}),
            _q("before", _id("the `next` of the page before")),
            *_wall_query(),
        ],
        cached=True,
    ),
    public.health: Operation(
        {
            "type": "object",
            "required": ["status", "database"],
            "additionalProperties": False,
            "properties": {
                "status": {"enum": ["ok", "degraded", "unavailable"]},
                "database": {"enum": ["ok", "unreachable"]},
                "redis": {"enum": ["ok", "unavailable"], "description": "with REDIS_URL only"},
            },
        },
        database=False,  # its 503 is its own answer, below
    ),
    feeds.atom_feed: Operation(
        {"type": "string"},
        media="application/atom+xml; charset=utf-8",
        query=_wall_query,
        cached=True,
    ),
    feeds.json_feed: Operation(
        _json_feed, media="application/feed+json", query=_wall_query, cached=True
    ),
    widgets.serve_widget: Operation(
        {"type": "string"},
        media="text/javascript; charset=utf-8",
        errors=(404,),
        cached=True,
        database=False,
    ),
    # -- the owner API
    owner_api.list_queue: Operation(
        _answer(
            {
                "comments": _list(_ref("OwnerComment")),
                "total": _INT,
                "total_exact": _BOOL,
                "limit": _INT,
                "offset": _INT,
                "counts": {"type": "object", "additionalProperties": _INT},
            }
        ),
        query=lambda: [
            _q("status", {"enum": ["", "all", "testimonials", *(s.value for s in Status)]}),
            _q("page", _text(_query_limit("page"), "the page key")),
            _q("q", _text(_query_limit("q"), "words to search for")),
            _q("order", {"enum": ["newest", "oldest"]}),
            _q("limit", {"type": "integer", "minimum": 1, "maximum": owner_api.MAX_PAGE}),
            _q("offset", {"type": "integer", "minimum": 0}),
        ],
    ),
    owner_api.get_comment: Operation(_ref("OwnerComment")),
    owner_api.delete: Operation(_DELETED, body=lambda: _object(_GROUNDS), body_optional=True),
    owner_invites.create_invite: Operation(
        _invite, status=201, body=_new_invite, body_optional=True, errors=(409,)
    ),
    owner_invites.create_invites: Operation(
        _answer({"sent": _INT, "invalid": _INT, "already_invited": _INT}),
        body=lambda: _object(
            {
                "emails": _text(MAX_PASTED_CHARS, f"one address a line, at most {MAX_PASTED}"),
                "lang": {"enum": list(LANGUAGES)},
            },
            ("emails",),
        ),
    ),
    owner_invites.list_invites: Operation(
        _answer({"invites": _list(_invite()), "total": _INT, "limit": _INT, "offset": _INT}),
        query=lambda: [
            _q("q", _text(owner_invites.MAX_SEARCH, "words in the name or address")),
            _q("limit", {"type": "integer", "minimum": 1, "maximum": invites.MAX_LIST}),
            _q("offset", {"type": "integer", "minimum": 0}),
        ],
    ),
    owner_invites.withdraw_invite: Operation(_invite, errors=(409,)),
    owner_accounts.list_accounts: Operation(
        _answer({"accounts": _list(_ACCOUNT), "invitations": _list(_answer(_INVITATION))})
    ),
    owner_accounts.invite_account: Operation(
        _answer({**_INVITATION, "url": {"type": "string", "description": "the one-time link"}}),
        status=201,
        body=lambda: _object(
            {
                "email": {"type": "string", "format": "email"},
                "role": {**_ROLE, "description": "moderator when left out"},
                "name": {"type": "string", "description": "a display name; cut to 80 characters"},
            },
            ("email",),
        ),
        errors=(409,),
    ),
    owner_accounts.withdraw_account_invitation: Operation(
        _answer({"id": _INT, "withdrawn": {"const": True}})
    ),
    owner_accounts.change_account_role: Operation(
        _answer({"id": _INT, "role": _ROLE}),
        body=lambda: _object({"role": _ROLE}, ("role",)),
        errors=(409,),
    ),
    owner_accounts.disable_account: Operation(
        _answer({"id": _INT, "status": {"const": "disabled"}}), errors=(409,)
    ),
    owner_accounts.enable_account: Operation(_answer({"id": _INT, "status": {"const": "enabled"}})),
    owner_accounts.remove_account: Operation(_DELETED, errors=(409,)),
    owner_accounts.end_account_sessions: Operation(
        _answer({"id": _INT, "sessions_ended": {"const": True}})
    ),
    owner_api.list_reports: Operation(_reported),
    owner_api.decide_report: Operation(
        _answer(
            {
                "id": _INT,
                "comment_id": _INT,
                "decision": {"enum": list(REPORT_DECISIONS)},
                "settled": {**_INT, "description": "the open reports this decision closed"},
                "undo": _MAYBE_UNDO,
            }
        ),
        body=lambda: _object(_GROUNDS),
        body_optional=True,
        errors=(409,),
    ),
    owner_api.moderate: Operation(
        _answer({"id": _INT, "status": _STATUS, "previous": _STATUS, "undo": _UNDO}),
        body=lambda: _object({"confirm_hints": _CONFIRM, "seen": _SEEN, **_GROUNDS}),
        body_optional=True,
        errors=(409,),
    ),
    owner_api.promote: Operation(
        _answer(
            {
                "id": _INT,
                "testimonial": {"const": True},
                "excerpt": _MAYBE_TEXT,
                "changed": {**_BOOL, "description": "false: it already was this testimonial"},
                "undo": _MAYBE_UNDO,
            }
        ),
        body=lambda: _object(
            {
                "excerpt": _text(None, "a passage of the author's words"),
                "confirm_hints": _CONFIRM,
                "seen": _SEEN,
            }
        ),
        body_optional=True,
        errors=(409,),
    ),
    owner_api.demote: Operation(
        _answer({"id": _INT, "testimonial": {"const": False}, "undo": _MAYBE_UNDO}),
        errors=(409,),
    ),
    owner_api.pin: Operation(
        _answer({"id": _INT, "pinned": {"const": True}, "changed": _PIN_CHANGED}), errors=(409,)
    ),
    owner_api.unpin: Operation(
        _answer({"id": _INT, "pinned": {"const": False}, "changed": _PIN_CHANGED}), errors=(409,)
    ),
    owner_api.reply: Operation(
        _answer({"id": _INT, "parent": _INT, "owner": {"const": True}, "undo": _UNDO}),
        status=201,
        body=lambda: _object({"body": _comment_body(), "confirm_hints": _CONFIRM}, ("body",)),
        errors=(409,),
    ),
    owner_api.redact: Operation(
        _answer(
            {"id": _INT, "body": {"type": "string"}, "html": {"type": "string"}, "undo": _UNDO}
        ),
        body=lambda: _object({"body": _comment_body()}, ("body",)),
        errors=(409,),
    ),
    owner_api.set_display_name: Operation(
        _answer(
            {
                "id": _INT,
                "display_name": {
                    **_MAYBE_TEXT,
                    "description": "the name chosen; null: the default shortening",
                },
                "shown_name": {"type": "string", "description": "the name the testimonial shows"},
                "undo": _UNDO,
            }
        ),
        body=lambda: _object(
            {
                "display_name": {
                    "type": ["string", "null"],
                    "description": 'a shortening of the author\'s name, or "a client"; '
                    "empty or null: the default",
                }
            },
            ("display_name",),
        ),
    ),
    owner_api.ask_consent: Operation(
        _answer({"id": _INT, "asked": {"const": True}}), status=202, errors=(409,)
    ),
    owner_api.undo: Operation(
        _answer({"id": _INT, "status": _STATUS}),
        body=lambda: _object({"status": _STATUS}, ("status",)),
        errors=(409,),
    ),
    owner_api.bulk: Operation(
        _answer(
            {
                "action": {"enum": list(BULK_ACTIONS)},
                "changed": _list(_INT),
                "unchanged": _list(_INT),
                "skipped": _list(_answer({"id": _INT, "hints": _list({"type": "string"})})),
                "changed_since": _list(_INT),
                "undo": _MAYBE_UNDO,
            }
        ),
        body=lambda: _object(
            {
                "ids": {**_list(_id()), "minItems": 1, "maxItems": owner.MAX_BULK},
                "action": {"enum": list(BULK_ACTIONS)},
                "confirm_hints": _CONFIRM,
                "seen": {
                    "type": "object",
                    "description": "each comment's `seen` as read, by its id",
                    "propertyNames": {"pattern": "^[0-9]{1,18}$"},
                    "additionalProperties": _SEEN,
                    "maxProperties": owner.MAX_BULK,
                },
            },
            ("ids", "action"),
        ),
        errors=(409,),
    ),
    owner_api.list_pages: Operation(_answer({"pages": _list(_PAGE)})),
    owner_api.edit_page: Operation(
        _PAGE,
        body=lambda: _object(
            {
                "title": _text(_page_limit("title")),
                "url": _text(_page_limit("url"), "'' for none", format="uri"),
            },
            ("title", "url"),
        ),
    ),
    owner_api.undo_change: Operation(
        _answer({"undone": _list(_answer({"id": _INT, "kind": {"type": "string"}}))}),
        body=lambda: _object(
            {"batch": {"type": "string"}, "log": _id("an activity row's id")},
            anyOf=[{"required": ["batch"]}, {"required": ["log"]}],
        ),
        errors=(409,),
    ),
    owner_api.activity: Operation(
        _answer({"entries": _ROWS, "next": _MAYBE_ID}),
        query=lambda: [_q("before", _id("the `next` of the page before"))],
    ),
    owner_api.export: Operation(
        {
            "type": "object",
            "required": [*_EXPORTED, "threads", "comments", "moderation_log"],
            "properties": {**_EXPORTED, "threads": _ROWS, "comments": _ROWS},
        }
    ),
    owner_api.list_rules: Operation(_answer({"rules": _list(_RULE)})),
    owner_api.add_rule: Operation(
        _RULE,
        status=201,
        body=lambda: _object(
            {
                "kind": {"enum": [k.value for k in RuleKind]},
                "value": _text(MAX_RULE_LENGTH),
                "action": {"enum": [a.value for a in RuleAction]},
            },
            ("kind", "value", "action"),
        ),
        errors=(409,),
    ),
    owner_api.delete_rule: Operation(_DELETED),
    owner_api.list_webhooks: Operation(_answer({"webhooks": _list(_WEBHOOK)})),
    owner_api.add_webhook: Operation(
        _answer({**_WEBHOOK["properties"], "secret": _SECRET}),
        status=201,
        body=lambda: _object(
            {
                "url": _text(
                    MAX_URL, "https, or http to a local address when allowed", format="uri"
                ),
                "events": {
                    "type": "array",
                    "items": {"enum": [e.value for e in DEFAULT_EVENTS]},
                    "minItems": 1,
                },
                "format": {"enum": [f.value for f in Format]},
                "own_system": {**_BOOL, "description": "the payload names the reader's e-mail"},
                "include_spam": {**_BOOL, "description": "comment.created for spam as well"},
            },
            ("url",),
        ),
    ),
    owner_api.delete_webhook: Operation(_DELETED),
    owner_api.test_webhook: Operation(_answer({"id": _INT, "queued": {"const": True}}), status=202),
    owner_api.resume_webhook: Operation(_answer({"id": _INT, "resumed": {"const": True}})),
    owner_api.find_reader: Operation(
        _answer({**_READER, "moderation_log": _ROWS}),
        body=lambda: _object({"email": _email()}, ("email",)),
    ),
    owner_api.export_reader: Operation(
        _answer({**_EXPORTED, **_READER, "moderation_log": _ROWS}),
        body=lambda: _object({"email": _email()}, ("email",)),
    ),
    owner_api.erase_reader: Operation(
        _answer(
            {
                "erased": {"const": True},
                "comments": _INT,
                "anonymised": _BOOL,
                "subscriptions": _INT,
                "moderation_log": _INT,
            }
        ),
        body=lambda: _object({"email": _email(), "keep_anonymised": _BOOL}, ("email",)),
    ),
    admin_move.import_upload: Operation(
        {"type": "string", "description": "one JSON object a line: progress, then the summary"},
        media="application/x-ndjson",
        body=lambda: {"type": "string", "format": "binary"},
        body_media="application/octet-stream",
        query=lambda: [
            _q("source", {"enum": list(FORMATS)}, required=True),
            _q("dry_run", {"enum": ["", "0", "1", "true", "false"]}),
            _q("page_map", _list({"type": "string"})),
        ],
    ),
    admin_move.export_testimonials: Operation({"type": "string"}, media="text/csv; charset=utf-8"),
}


# -- the document ------------------------------------------------------------------------------


def api_endpoints(routes: list[BaseRoute]) -> list[tuple[str, str, Callable[..., Any]]]:
    """(path, method, handler) of every API route, in the app's order."""
    found = BaseSchemaGenerator().get_endpoints(routes)
    return [
        (e.path, e.http_method, e.func)
        for e in found
        if e.path.startswith(API_PREFIXES) or e.path in API_PATHS
    ]


def _summary(func: Callable[..., Any]) -> tuple[str, str]:
    """The docstring's first paragraph as the summary, the rest as the description."""
    doc = inspect.getdoc(func) or ""
    first, _, rest = doc.partition("\n\n")
    return " ".join(first.split()), rest.strip()


def _path_parameter(name: str) -> dict[str, Any]:
    if name == "action":
        # Every status change the {action} route takes; the other actions have routes of their own.
        schema: dict[str, Any] = {"enum": list(TRANSITIONS)}
    elif name == "decision":
        schema = {"enum": list(REPORT_DECISIONS)}
    elif name == "file":
        names = "|".join(widgets.WIDGETS)
        schema = {"type": "string", "pattern": rf"^({names})(\.[0-9a-f]{{8}})?\.js$"}
    else:
        schema = _id() if name.endswith("_id") else {"type": "string"}
    return {"name": name, "in": "path", "required": True, "schema": schema}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": _ref("Error")}}}


# Why each status can come; `_errors` decides which an operation gets.
WHY = {
    400: "the body is not valid JSON, or not an object",
    401: "no owner session or API token",
    403: "refused: a foreign origin, a CSRF token missing, or not the author's",
    404: "no such record",
    408: "the body arrived too slowly",
    409: "the record is not in a state that allows this",
    413: "the body is larger than MAX_REQUEST_BYTES",
    415: "the body is not of the media type the operation takes",
    422: "a field is invalid; `field` names it",
    429: "too many requests; wait Retry-After seconds",
    503: "the database or Redis is out of reach; try again after Retry-After seconds",
}


def _errors(path: str, op: Operation) -> set[int]:
    """Every error status the operation can answer: its own, and those of its kind."""
    statuses = set(op.errors)
    if op.body is not None:
        statuses |= {400, 408, 413, 415, 422}
    if op.query is not None:
        statuses.add(422)
    if "{" in path:
        statuses.add(404)
    if path.startswith(OWNER_PREFIX):
        statuses |= {401, 403}
    if op.database:
        statuses.add(503)
    return statuses


def _operation(path: str, func: Callable[..., Any]) -> dict[str, Any]:
    op = OPERATIONS.get(func)
    if op is None:
        raise LookupError(f"{path}: describe {func.__qualname__} in openapi.OPERATIONS")
    summary, description = _summary(func)
    answer = op.answer() if callable(op.answer) else op.answer
    responses: dict[str, Any] = {
        str(op.status): {"description": "success", "content": {op.media: {"schema": answer}}}
    }
    if op.cached:
        responses["304"] = {"description": "not modified: the client's copy (If-None-Match)"}
    for status in sorted(_errors(path, op)):
        responses[str(status)] = _error(WHY[status])
    if func is public.health:
        responses["503"] = {
            "description": "the database is out of reach",
            "content": {JSON: {"schema": answer}},
        }
    document: dict[str, Any] = {"summary": summary, "operationId": func.__name__}
    if description:
        document["description"] = description
    parameters = [_path_parameter(n) for n in re.findall(r"{(\w+)}", path)]
    parameters += op.query() if op.query else []
    if parameters:
        document["parameters"] = parameters
    if op.body is not None:
        document["requestBody"] = {
            "required": not op.body_optional,
            "content": {op.body_media: {"schema": op.body()}},
        }
    if path.startswith(OWNER_PREFIX):
        document["security"] = [{"bearer": []}, {"session": []}]
    document["responses"] = responses
    return document


def _error_schema() -> dict[str, Any]:
    inner = {
        "type": "object",
        "required": ["code", "field", "message"],
        "properties": {
            "code": {"type": "string"},
            "field": {"type": ["string", "null"], "maxLength": 100},
            "message": {"type": "string"},
            "retry_after": {"type": "integer", "description": "seconds to wait, with 429 and 503"},
        },
    }
    return {"type": "object", "required": ["error"], "properties": {"error": inner}}


def document(routes: list[BaseRoute]) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the API routes among `routes`."""
    paths: dict[str, dict[str, Any]] = {}
    for path, method, func in api_endpoints(routes):
        paths.setdefault(path, {})[method] = _operation(path, func)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Chorus", "version": "1.0"},
        "servers": [{"url": settings.PUBLIC_URL}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "ADMIN_API_TOKEN"},
                "session": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": auth.cookie_name(),
                    "description": "the admin page's session; changes also need X-CSRF-Token",
                },
            },
            "schemas": {"Error": _error_schema(), **shapes.SCHEMAS},
        },
    }


async def schema(request: Request) -> Response:
    """This description of the API, derived from the routes and the validators."""
    state = request.app.state
    if not hasattr(state, "openapi"):  # once per app: asking the validators takes ~50 ms
        state.openapi = json_bytes(document(request.app.routes))
    return Response(state.openapi, media_type=JSON)


OPERATIONS[schema] = Operation({"type": "object", "required": ["openapi", "paths"]}, database=False)

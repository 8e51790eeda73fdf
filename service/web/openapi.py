"""The OpenAPI description of the public and owner API, served at /openapi.json.

Kept by hand beside the routes; a test checks that every API route is described here and in
the README, so the three never drift apart.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

import settings

_ERROR = {"$ref": "#/components/schemas/Error"}


def _op(
    summary: str,
    *,
    ok: str = "200",
    body: dict[str, Any] | None = None,
    params: list[dict[str, Any]] | None = None,
    owner: bool = False,
    errors: tuple[str, ...] = (),
) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": summary, "responses": {ok: {"description": "success"}}}
    for status in errors + (("401", "403") if owner else ()):
        op["responses"][status] = {
            "description": "error",
            "content": {"application/json": {"schema": _ERROR}},
        }
    if body:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    if params:
        op["parameters"] = params
    if owner:
        op["security"] = [{"bearer": []}, {"session": []}]
    return op


def _q(name: str, kind: str = "string", required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": {"type": kind}}


_ID = {
    "name": "comment_id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
}
_RULE_ID = {**_ID, "name": "rule_id"}
_CONFIRM = {
    "type": "array",
    "items": {"enum": ["phone", "email", "health_claim", "medical"]},
    "description": "the hints the owner has looked at; else 409 confirm_hints naming them",
}
_SEEN = {
    "type": "string",
    "pattern": "^[0-9a-f]{32}$",
    "description": "the comment's `seen` as read; else 409 changed_since",
}
_SUBMISSION = {
    "type": "object",
    "required": ["page", "author", "body", "form_token"],
    "additionalProperties": False,
    "properties": {
        "page": {"type": "string", "maxLength": 500, "description": "the page key"},
        "page_title": {"type": "string", "maxLength": 300},
        "page_url": {"type": "string", "format": "uri"},
        "parent": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2**63 - 1,
            "description": "id of the approved comment replied to",
        },
        "author": {"type": "string"},
        "email": {"type": "string", "format": "email", "description": "never published"},
        "website": {"type": "string", "format": "uri"},
        "body": {"type": "string", "description": "plain text"},
        "consent": {"type": "boolean", "description": "may be shown as a testimonial"},
        "consent_version": {"type": "string"},
        "rating": {"type": "integer", "minimum": 1, "maximum": 5},
        "lang": {"type": "string", "enum": ["nl", "en"]},
        "form_token": {"type": "string", "description": "from GET /api/form; good for one post"},
        "pow": {
            "type": "string",
            "maxLength": 32,
            "description": "when the form asks for a puzzle: an answer such that SHA-256 of "
            "'form_token:pow' starts with `pow` zero bits",
        },
        "author_token": {"type": "string", "description": "from an earlier submission"},
        "hp": {"type": "string", "description": "honeypot: must stay empty"},
        "notify_replies": {
            "type": "boolean",
            "description": "mail the author about replies, after they confirm (needs email)",
        },
    },
}

PATHS: dict[str, dict[str, Any]] = {
    "/api/comments": {
        "post": _op(
            "Submit a comment; it waits for review unless MODERATION says otherwise",
            ok="202",
            body=_SUBMISSION,
            errors=("400", "403", "408", "409", "413", "415", "422", "429"),
        ),
        "get": _op(
            "A page's approved comments", params=[_q("page", required=True)], errors=("422",)
        ),
    },
    "/api/comments/mine": {
        "post": _op(
            "The caller's own comments on a page: `comments` still waiting for review, and `own`"
            " naming every one (waiting or published) with `consent` and `edit_until`",
            body={
                "type": "object",
                "properties": {"page": {"type": "string"}, "author_token": {"type": "string"}},
            },
            errors=("400", "403", "422"),
        )
    },
    "/api/comments/{comment_id}/withdraw-consent": {
        "post": {
            **_op(
                "The author takes back testimonial consent (by author token)",
                body={"type": "object", "properties": {"author_token": {"type": "string"}}},
                errors=("403", "404", "422"),
            ),
            "parameters": [_ID],
        }
    },
    "/api/comments/{comment_id}/delete": {
        "post": {
            **_op(
                "The author deletes their own comment (by author token)",
                body={"type": "object", "properties": {"author_token": {"type": "string"}}},
                errors=("403", "404", "422"),
            ),
            "parameters": [_ID],
        }
    },
    "/api/comments/{comment_id}/edit": {
        "post": {
            **_op(
                "The author rewrites their comment within EDIT_WINDOW minutes (by author token)",
                body={
                    "type": "object",
                    "properties": {"author_token": {"type": "string"}, "body": {"type": "string"}},
                },
                errors=("403", "404", "409", "422", "429"),
            ),
            "parameters": [_ID],
        }
    },
    "/api/manage": {
        "post": _op(
            "Mail a one-time link to an address's comments; always 202",
            ok="202",
            body={
                "type": "object",
                "properties": {"email": {"type": "string"}, "lang": {"type": "string"}},
            },
            errors=("400", "422"),
        )
    },
    "/api/form": {"get": _op("A form token and the form's current rules")},
    "/api/testimonials": {
        "get": _op(
            "Approved, consented, promoted comments, newest first",
            params=[_q("limit", "integer"), _q("before", "integer")],
            errors=("422",),
        )
    },
    "/feeds/testimonials.atom": {"get": _op("The testimonials as Atom 1.0")},
    "/feeds/testimonials.json": {"get": _op("The testimonials as JSON Feed 1.1")},
    "/healthz": {"get": _op("Service and database health; 503 when the database is down")},
    "/openapi.json": {"get": _op("This description")},
    "/admin/api/comments": {
        "get": _op(
            "The moderation queue with counts per status",
            params=[
                _q("status"),
                _q("page"),
                _q("q"),
                _q("order"),
                _q("limit", "integer"),
                _q("offset", "integer"),
            ],
            owner=True,
            errors=("422",),
        )
    },
    "/admin/api/comments/{comment_id}": {
        "get": {
            **_op("One comment, with private fields", owner=True, errors=("404",)),
            "parameters": [_ID],
        },
        "delete": {
            **_op("Delete a comment for good", owner=True, errors=("404",)),
            "parameters": [_ID],
        },
    },
    "/admin/api/comments/{comment_id}/{action}": {
        "post": {
            **_op(
                "approve, reject, spam or restore (to pending)",
                body={"type": "object", "properties": {"confirm_hints": _CONFIRM, "seen": _SEEN}},
                owner=True,
                errors=("404", "409", "422"),
            ),
            "parameters": [
                _ID,
                {
                    "name": "action",
                    "in": "path",
                    "required": True,
                    "schema": {"enum": ["approve", "reject", "spam", "restore"]},
                },
            ],
        }
    },
    "/admin/api/comments/{comment_id}/promote": {
        "post": {
            **_op(
                "Make a testimonial, with an optional excerpt of the author's words",
                body={
                    "type": "object",
                    "properties": {
                        "excerpt": {"type": "string"},
                        "confirm_hints": _CONFIRM,
                        "seen": _SEEN,
                    },
                },
                owner=True,
                errors=("404", "409", "422"),
            ),
            "parameters": [_ID],
        }
    },
    "/admin/api/comments/{comment_id}/demote": {
        "post": {
            **_op("Take off the testimonials", owner=True, errors=("404", "409")),
            "parameters": [_ID],
        }
    },
    "/admin/api/comments/{comment_id}/reply": {
        "post": {
            **_op(
                "Reply as the owner; published at once",
                ok="201",
                body={"type": "object", "properties": {"body": {"type": "string"}}},
                owner=True,
                errors=("404", "409", "422"),
            ),
            "parameters": [_ID],
        }
    },
    "/admin/api/comments/{comment_id}/redact": {
        "post": {
            **_op(
                "Cut passages from a reader's text, each marked […]; nothing may be added",
                body={"type": "object", "properties": {"body": {"type": "string"}}},
                owner=True,
                errors=("404", "409", "422"),
            ),
            "parameters": [_ID],
        }
    },
    "/admin/api/comments/{comment_id}/undo": {
        "post": {
            **_op(
                "Undo the comment's latest change while it still has this status",
                owner=True,
                body={"type": "object", "properties": {"status": {"type": "string"}}},
                errors=("409", "422"),
            ),
            "parameters": [_ID],
        }
    },
    "/admin/api/bulk": {
        "post": _op(
            "Approve, reject or mark as spam many comments",
            owner=True,
            body={
                "type": "object",
                "properties": {
                    "ids": {"type": "array"},
                    "action": {"enum": ["approve", "reject", "spam"]},
                    "confirm_hints": _CONFIRM,
                    "seen": {"type": "object", "additionalProperties": _SEEN},
                },
            },
            errors=("422",),
        )
    },
    "/admin/api/pages": {
        "get": _op("Every page with a published comment, with its title and address", owner=True)
    },
    "/admin/api/pages/{page_id}": {
        "post": {
            **_op(
                "Set a page's title and address (only the owner changes them)",
                body={
                    "type": "object",
                    "required": ["title", "url"],
                    "properties": {"title": {"type": "string"}, "url": {"type": "string"}},
                },
                owner=True,
                errors=("404", "422"),
            ),
            "parameters": [
                {"name": "page_id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
        }
    },
    "/admin/api/undo": {
        "post": _op(
            "Take back one change (its undo key from any change's answer, or an activity row)",
            owner=True,
            body={
                "type": "object",
                "properties": {"batch": {"type": "string"}, "log": {"type": "integer"}},
            },
            errors=("409", "422"),
        )
    },
    "/admin/api/export": {"get": _op("Every thread, comment and log entry as JSON", owner=True)},
    "/admin/api/rules": {
        "get": _op("The owner's word, phrase and link-domain rules", owner=True),
        "post": _op(
            "Add a rule that sends matching new comments to spam or the queue",
            ok="201",
            owner=True,
            body={
                "type": "object",
                "required": ["kind", "value", "action"],
                "properties": {
                    "kind": {"enum": ["word", "phrase", "domain"]},
                    "value": {"type": "string", "maxLength": 200},
                    "action": {"enum": ["spam", "queue"]},
                },
            },
            errors=("409", "422"),
        ),
    },
    "/admin/api/rules/{rule_id}": {
        "delete": {**_op("Delete a rule", owner=True, errors=("404",)), "parameters": [_RULE_ID]}
    },
    "/admin/api/readers": {
        "get": _op(
            "Everything tied to an e-mail address",
            params=[_q("email", required=True)],
            owner=True,
        )
    },
    "/admin/api/readers/export": {
        "get": _op(
            "Everything tied to an e-mail address, as a JSON download",
            params=[_q("email", required=True)],
            owner=True,
        )
    },
    "/admin/api/readers/erase": {
        "post": _op(
            "Erase an address's data (comments deleted or kept anonymised)",
            body={
                "type": "object",
                "properties": {
                    "email": {"type": "string"},
                    "keep_anonymised": {"type": "boolean"},
                },
            },
            owner=True,
        )
    },
    "/admin/api/activity": {
        "get": _op("The moderation log, newest first", params=[_q("before", "integer")], owner=True)
    },
}


def document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Chorus", "version": "1.0"},
        "servers": [{"url": settings.PUBLIC_URL}],
        "paths": PATHS,
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "ADMIN_API_TOKEN"},
                "session": {"type": "apiKey", "in": "cookie", "name": "chorus_admin"},
            },
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {
                        "error": {
                            "type": "object",
                            "properties": {
                                "code": {"type": "string"},
                                "field": {"type": ["string", "null"]},
                                "message": {"type": "string"},
                            },
                        }
                    },
                }
            },
        },
    }


async def schema(request: Request) -> Response:
    return JSONResponse(document())

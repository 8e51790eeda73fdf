"""The API document is derived from the code: it names every API route, every limit as the
validators enforce it, every field a handler reads, and the README lists the same routes."""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

import settings
from service.app import app
from service.domain.comments import Comment, Status
from service.domain.validation import SUBMISSION_FIELDS
from service.web import auth, openapi, public, shapes
from tests.helpers import OWNER, PAGE, act, post

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
DOCUMENT = openapi.document(app.routes)


def app_api_routes() -> set[tuple[str, str]]:
    """(method, path) of every route of the app that answers programs, walked without Starlette's
    schema helper, so the document's own walk is checked against an independent one."""
    found = set()
    for route in app.routes:
        if not isinstance(route, Route):
            continue
        if not (route.path.startswith(openapi.API_PREFIXES) or route.path in openapi.API_PATHS):
            continue
        for method in route.methods or ():
            if method != "HEAD":
                found.add((method.lower(), route.path))
    return found


def documented() -> set[tuple[str, str]]:
    return {(m, p) for p, ops in DOCUMENT["paths"].items() for m in ops}


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [(p, m, op) for p, ops in DOCUMENT["paths"].items() for m, op in ops.items()]


def test_every_api_route_of_the_app_is_described_with_its_methods() -> None:
    assert app_api_routes() == documented()


def test_every_owner_operation_is_documented_as_needing_the_owner_and_does(
    sqlite_client: TestClient,
) -> None:
    for path, method, op in operations():
        owner_only = path.startswith("/admin/api/")
        assert ("security" in op) is owner_only and ("401" in op["responses"]) is owner_only
        if owner_only:
            answer = sqlite_client.request(method, re.sub(r"{\w+}", "1", path))
            assert answer.status_code == 401, f"{method} {path}"


def test_the_readme_lists_every_api_route() -> None:
    listed = set(re.findall(r"^\| `([A-Z]+) (/[^` ?]*)", README, re.MULTILINE))
    assert {(m.lower(), p) for m, p in listed} == documented()


def test_openapi_document_is_served_as_built(sqlite_client: TestClient) -> None:
    assert sqlite_client.get("/openapi.json").json() == DOCUMENT


def test_every_operation_has_its_handlers_docstring_as_summary() -> None:
    for path, method, op in operations():
        assert op["summary"], f"{method} {path}: its handler needs a docstring"
    assert DOCUMENT["paths"]["/api/form"]["get"]["summary"] == " ".join(
        (inspect.getdoc(public.comment_form) or "").split("\n\n")[0].split()
    )


def test_every_path_parameter_is_declared() -> None:
    for path, method, op in operations():
        names = set(re.findall(r"{(\w+)}", path))
        declared = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
        assert names == declared, f"{method} {path}"


def test_every_success_has_a_body_schema_and_every_error_the_error_shape() -> None:
    for path, method, op in operations():
        successes = [s for s in op["responses"] if s.startswith("2")]
        assert len(successes) == 1, f"{method} {path}"
        for status, answer in op["responses"].items():
            if status == "304":
                assert "content" not in answer
                continue
            (content,) = answer["content"].values()
            assert content["schema"], f"{method} {path} {status}"
            if status >= "400" and path != "/healthz":
                assert content["schema"] == {"$ref": "#/components/schemas/Error"}


@pytest.mark.parametrize(
    ("path", "method", "statuses"),
    [
        ("/api/comments", "post", {"202", "400", "403", "408", "409", "413", "415", "422", "429"}),
        ("/api/comments", "get", {"200", "304", "422", "503"}),
        ("/admin/api/comments/{comment_id}", "delete", {"200", "401", "403", "404", "503"}),
        ("/healthz", "get", {"200", "503"}),
    ],
)
def test_the_answers_the_service_gives_are_documented(
    path: str, method: str, statuses: set[str]
) -> None:
    assert statuses <= set(DOCUMENT["paths"][path][method]["responses"])


@pytest.mark.parametrize(("public_url", "cookie"), [("http://x", False), ("https://x", True)])
def test_the_session_cookie_is_the_one_the_admin_page_sets(
    monkeypatch: pytest.MonkeyPatch, public_url: str, cookie: bool
) -> None:
    monkeypatch.setattr(settings, "PUBLIC_URL", public_url)
    scheme = openapi.document(app.routes)["components"]["securitySchemes"]["session"]
    assert scheme["name"] == auth.cookie_name()
    assert scheme["name"].startswith("__Host-") is cookie


# -- limits and fields, as the handlers and validators have them -------------------------------


def _fields_read(func: Any) -> set[str] | None:
    """The fields a handler passes to `read_object`, read from its source; None if it reads none."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "read_object":
            allowed = node.args[1]
            assert isinstance(allowed, ast.Set)
            return {e.value for e in allowed.elts if isinstance(e, ast.Constant)}
    return None


def test_every_field_a_handler_takes_is_documented_and_no_other() -> None:
    for path, _method, func in openapi.api_endpoints(app.routes):
        op = openapi.OPERATIONS[func]
        schema = op.body() if op.body else None
        fields = _fields_read(func)
        if func is public.submit_comment:
            fields = set(SUBMISSION_FIELDS)
        if fields is not None:
            assert schema is not None and set(schema["properties"]) == fields, path


def _request_strings() -> list[tuple[str, str, str, str, int]]:
    """(path, method, where, field, maxLength) of every bounded text a request carries."""
    found = []
    for path, method, op in operations():
        for parameter in op.get("parameters", []):
            limit = parameter["schema"].get("maxLength")
            if limit:
                found.append((path, method, "query", parameter["name"], limit))
        body = op.get("requestBody", {}).get("content", {}).get("application/json")
        for name, field in (body["schema"]["properties"] if body else {}).items():
            if field.get("maxLength"):
                found.append((path, method, "body", name, field["maxLength"]))
    return found


def test_the_limits_are_documented_where_the_drift_was() -> None:
    bounded = {(p, m, f): n for p, m, _, f, n in _request_strings()}
    assert bounded["/api/comments", "post", "pow"] == 400
    assert bounded["/api/comments", "post", "author"] == settings.MAX_NAME_LENGTH
    assert bounded["/api/comments", "post", "body"] == settings.MAX_BODY_LENGTH


def _filled(schema: dict[str, Any], author_token: str, comment_id: int = 1) -> dict[str, Any]:
    """A body with a plain valid value in every required field."""
    values: dict[str, Any] = {
        "comment_id": comment_id,
        "page": "/p",
        "author": "Anna",
        "body": "Fijn.",
        "url": "",
        "email": "a@example.nl",
        "author_token": author_token,
    }
    fields = schema["properties"]
    return {
        name: fields[name]["enum"][0] if "enum" in fields[name] else values.get(name, "x")
        for name in schema.get("required", [])
    }


@pytest.mark.parametrize(
    ("path", "method", "where", "name", "limit"),
    _request_strings(),
    ids=lambda v: str(v).strip("/").replace("/", "_") if isinstance(v, str) else None,
)
def test_every_documented_limit_is_the_one_the_service_enforces(
    sqlite_client: TestClient, path: str, method: str, where: str, name: str, limit: int
) -> None:
    posted = post(sqlite_client)
    comment_id = posted["id"]
    act(sqlite_client, comment_id, "approve", confirm_hints=["phone", "email"])
    url = path.replace("{comment_id}", str(comment_id)).replace("{page_id}", "1")
    op = DOCUMENT["paths"][path][method]

    def send(value: str) -> Any:
        if where == "query":
            params = {p["name"]: "a@example.nl" for p in op["parameters"] if p["required"]}
            return sqlite_client.request(method, url, params={**params, name: value}, headers=OWNER)
        schema = op["requestBody"]["content"]["application/json"]["schema"]
        body = {**_filled(schema, posted["author_token"], comment_id), name: value}
        return sqlite_client.request(method, url, json=body, headers=OWNER)

    over = send("y" * (limit + 1)).json()
    assert over["error"]["field"] == name and over["error"]["code"] == "too_long", over
    # A rule's refusal names its limit in words only (service.domain.abuse).
    assert (
        over["error"].get("max_length", limit) == limit and str(limit) in over["error"]["message"]
    )
    at = send("y" * limit)
    assert at.status_code < 300 or at.json()["error"]["code"] != "too_long", at.text


# -- the shapes' schemas -----------------------------------------------------------------------


def _comment(**fields: Any) -> Comment:
    base: dict[str, Any] = dict(
        id=7,
        thread_id=1,
        parent_id=None,
        author="Anna",
        email="anna@example.nl",
        website="",
        body="Fijn.\n\nEcht fijn.",
        html="<p>Fijn.</p>",
        status=Status.APPROVED,
        owner=False,
        consent=True,
        consent_at="2026-12-01T10:00:00.000001Z",
        consent_version="v1",
        testimonial=True,
        excerpt="",
        promoted_at="2026-12-01T10:00:00.000001Z",
        rating=None,
        lang="nl",
        created_at="2026-12-01T10:00:00.000001Z",
        updated_at="2026-12-01T10:00:00.000001Z",
        moderated_at=None,
        page_key="/p",
        page_title="Een post",
        page_url="https://blog.example/p",
    )
    return Comment(**{**base, **fields})


@pytest.mark.parametrize(
    ("shape", "name"),
    [
        (shapes.public_comment, "PublicComment"),
        (shapes.public_testimonial, "Testimonial"),
        (shapes.owner_comment, "OwnerComment"),
    ],
)
@pytest.mark.parametrize(
    "comment",
    [_comment(), _comment(rating=4, excerpt="Echt fijn.", parent_id=3, website="https://a.nl/")],
)
def test_every_shape_gives_exactly_what_its_schema_declares(
    shape: Any, name: str, comment: Comment
) -> None:
    schema = shapes.SCHEMAS[name]
    given = shape(comment)
    jsonschema_rs.validate(schema, given)
    assert set(given) == set(schema["properties"]) == set(schema["required"])


def _answer_schema(path: str, method: str, status: int) -> dict[str, Any]:
    answer = DOCUMENT["paths"][path][method]["responses"][str(status)]
    (content,) = answer["content"].values()
    return {**content["schema"], "components": DOCUMENT["components"]}


def test_the_answers_schemathesis_cannot_reach_match_their_schemas(
    sqlite_client: TestClient,
) -> None:
    """A submission needs a fresh form token and passes the rate limit only a few times, so
    generated requests seldom get a 202: check one, and the author's own list, here."""
    posted = post(sqlite_client)
    jsonschema_rs.validate(_answer_schema("/api/comments", "post", 202), posted)
    mine = sqlite_client.post(
        "/api/comments/mine", json={"page": PAGE, "author_token": posted["author_token"]}
    )
    assert mine.json()["comments"] and mine.json()["own"]
    jsonschema_rs.validate(_answer_schema("/api/comments/mine", "post", 200), mine.json())

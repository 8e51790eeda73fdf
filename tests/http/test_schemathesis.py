"""The service answers as its API document says: schemathesis against the live app.

Every operation of the public and the owner API is sent generated requests, valid and invalid
(the owner's with the API token), and every answer is checked: no 5xx, a documented status,
the documented content type, a body that matches the documented schema. Bounded and
deterministic: a fixed number of examples per operation, derandomised.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service import signing
from service.app import app
from service.domain.hints import CONFIRM_CODES
from service.web.openapi import document
from tests.conftest import LiveServer
from tests.helpers import OWNER, story

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# The document as the service builds it; the live server must serve this very one.
schema = schemathesis.openapi.from_dict(document(app.routes))
# What `_seed` makes in a fresh database: comments 1-3 (1 a testimonial) and the owner's reply 4
# on page 1, and rule 1. Deletions may find only comment 3 and the rule, so that the operations
# after them still find the rest; the authors' own actions get the tokens of comments 2 and 3.
KEPT = {"comment_id": [1, 2, 4], "page_id": [1]}
DELETABLE = {"comment_id": [3], "rule_id": [1]}
AUTHOR_TOKENS: list[str] = []  # filled in by `_seed`


def _deletes(operation: Any) -> bool:
    return bool(operation.method == "delete" or operation.path.endswith("/delete"))


@schema.hook
def flatmap_path_parameters(context: Any, path_parameters: dict[str, Any]) -> Any:
    """Now and then a record that exists, so the success answers are checked too."""
    if not path_parameters:
        return st.just(path_parameters)
    if _deletes(context.operation):
        # A generated id of a kept record (ids start at 1) is moved out of the way.
        elsewhere = {
            k: v + 10**6 if v in KEPT.get(k, ()) else v for k, v in path_parameters.items()
        }
        choices = DELETABLE
    else:
        elsewhere, choices = path_parameters, KEPT
    known = {k: st.sampled_from(choices[k]) for k in path_parameters if k in choices}
    return st.one_of(
        st.just(elsewhere), st.fixed_dictionaries(known).map(lambda k: {**path_parameters, **k})
    )


@schema.hook
def flatmap_body(context: Any, body: Any) -> Any:
    """A fresh form token in a submission, and now and then an author token that exists."""
    if not isinstance(body, dict):
        return st.just(body)
    if context.operation.path == "/api/comments" and "form_token" in body:
        body = {**body, "form_token": signing.form_token()}
    if "author_token" not in body or not AUTHOR_TOKENS:
        return st.just(body)
    return st.one_of(
        st.just(body), st.sampled_from(AUTHOR_TOKENS).map(lambda t: {**body, "author_token": t})
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, _migrated_sqlite: Path) -> Iterator[str]:
    """Chorus served over loopback on a database of its own (SQLite); its base URL."""
    path = tmp_path_factory.mktemp("schemathesis") / "chorus.db"
    shutil.copyfile(_migrated_sqlite, path)
    with LiveServer(f"sqlite:///{path}") as live:
        with httpx.Client(base_url=live.url, headers=OWNER) as client:
            assert client.get("/openapi.json").json() == schema.raw_schema
            _seed(client)
        yield live.url


def _seed(client: httpx.Client) -> None:
    """Records for the generated ids to find: a testimonial, a reply, a waiting comment, a rule."""
    ids = []
    for number in range(3):
        answer = client.post("/api/comments", json=story(body=f"Een fijne plek, bezoek {number}."))
        assert answer.status_code == 202, answer.text
        ids.append(answer.json()["id"])
        if number:
            AUTHOR_TOKENS.append(answer.json()["author_token"])
    first = ids[0]
    for path in ("approve", "promote"):
        answer = client.post(
            f"/admin/api/comments/{first}/{path}", json={"confirm_hints": list(CONFIRM_CODES)}
        )
        assert answer.status_code == 200, answer.text
    reply = client.post(f"/admin/api/comments/{first}/reply", json={"body": "Dank je wel!"})
    assert reply.status_code == 201, reply.text
    rule = client.post(
        "/admin/api/rules", json={"kind": "word", "value": "casino", "action": "spam"}
    )
    assert rule.status_code == 201, rule.text
    pages = client.get("/admin/api/pages").json()["pages"]
    comments = sorted([*ids, reply.json()["id"]])
    assert comments == sorted(KEPT["comment_id"] + DELETABLE["comment_id"])
    assert [p["id"] for p in pages] == KEPT["page_id"] and [rule.json()["id"]] == DELETABLE[
        "rule_id"
    ]


@schema.parametrize()
@settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_is_as_documented(server: str, case: schemathesis.Case) -> None:
    case.call_and_validate(base_url=server, headers=OWNER, checks=CHECKS)

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

import httpx2 as httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

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

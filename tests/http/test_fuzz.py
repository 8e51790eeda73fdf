"""Whatever a client sends, the answer is never a 500: generated inputs against the real app."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

import settings as chorus_settings
from tests.helpers import OWNER, story

FIELDS = [*sorted(story()), "parent", "website", "form_token", "author_token", "hp", "extra"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=300),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=6)
submissions = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8).map(
    lambda changes: {**story(), **changes}
)


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One app for many generated requests; a generous rate limit so limits are not the answer."""
    from service.app import create_app

    path = tmp_path_factory.mktemp("fuzz") / "chorus.db"
    limit = pytest.MonkeyPatch()
    limit.setattr(chorus_settings, "RATE_LIMIT_POSTS", 10**6)
    try:
        with TestClient(create_app(f"sqlite:///{path}")) as client:
            yield client
    finally:
        limit.undo()


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(submission=submissions)
def test_generated_submissions_get_a_clear_answer(app_client: TestClient, submission: Any) -> None:
    response = app_client.post("/api/comments", json=submission)
    assert response.status_code in (202, 400, 403, 409, 413, 422), response.text
    if response.status_code != 202:
        error = response.json()["error"]
        assert error["field"] and error["code"] and error["message"]


@FUZZ
@given(raw=st.binary(max_size=400))
def test_generated_bytes_get_a_clear_answer(app_client: TestClient, raw: bytes) -> None:
    response = app_client.post(
        "/api/comments", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code in (202, 400, 409, 413, 422), response.text
    assert response.json()


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["page", "limit", "before", "status", "q", "order", "offset", "callback"]),
        st.text(max_size=40),
        max_size=5,
    )
)
def test_generated_query_strings_get_a_clear_answer(
    app_client: TestClient, params: dict[str, str]
) -> None:
    for path, headers in [
        ("/api/comments", {}),
        ("/api/testimonials", {}),
        ("/admin/api/comments", OWNER),
        ("/admin/api/activity", OWNER),
    ]:
        response = app_client.get(path, params=params, headers=headers)
        assert response.status_code in (200, 304, 422), (path, params, response.text)
        json.loads(response.text)

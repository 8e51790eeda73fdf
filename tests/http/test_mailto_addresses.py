"""A reader's address can never become a mailto: link with headers of its own, on both backends."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords
from service.domain.imports import _email as imported_email
from tests.helpers import OWNER, post, story
from tests.http.test_admin import PASSWORD, login

HOSTILE = [
    "a?bcc=victim@example.nl",
    "a&cc=victim@example.nl",
    "a=b@example.nl",
    "a%3Fbcc%3Dx@example.nl",
    "a/b@example.nl",
]


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The owner can log in, and posting is not rate limited."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", passwords.hash_password(PASSWORD))
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    yield


@pytest.mark.parametrize("email", HOSTILE)
def test_a_post_with_a_query_or_path_in_the_local_part_is_refused(
    client: TestClient, email: str
) -> None:
    response = client.post("/api/comments", json=story(email=email))
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == "email"


@pytest.mark.parametrize("email", HOSTILE)
def test_a_manage_request_for_such_an_address_is_refused(client: TestClient, email: str) -> None:
    response = client.post("/api/manage", json={"email": email})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "email"


@pytest.mark.parametrize("email", ["anna.de-vries+blog@example.nl", "o'brien_{x}~@example.nl"])
def test_ordinary_addresses_are_still_taken(client: TestClient, email: str) -> None:
    assert post(client, email=email)["id"]


@pytest.mark.parametrize("email", HOSTILE)
def test_importers_drop_such_an_address(email: str) -> None:
    assert imported_email(email) == ""
    assert imported_email("anna@example.nl") == "anna@example.nl"


def test_an_address_stored_before_the_rule_is_an_encoded_mailto_in_the_admin_card(
    client: TestClient,
) -> None:
    cid = int(post(client)["id"])
    store = client.app.state.store  # type: ignore[attr-defined]
    client.portal.call(  # type: ignore[union-attr]
        functools.partial(store.database.execute, public=True),
        "UPDATE comments SET email = :email WHERE id = :id",
        {"email": HOSTILE[0], "id": cid},
    )
    login(client)
    for path in ("/admin/?status=all", f"/admin/comments/{cid}"):
        page = client.get(path).text
        hrefs = [html.unescape(h) for h in re.findall(r'href="(mailto:[^"]*)"', page)]
        assert hrefs == ["mailto:a%3Fbcc%3Dvictim@example.nl"], path
    # The owner can still find and erase that reader.
    found = client.post("/admin/api/readers", json={"email": HOSTILE[0]}, headers=OWNER)
    assert [c["id"] for c in found.json()["comments"]] == [cid]

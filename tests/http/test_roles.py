"""Roles: every route of the app is classified, every owner-only route refuses a moderator and
every moderator route lets one in. The walk is over `app.routes`, so a new admin route that
nobody classified fails here (and the gate treats it as the owner's meanwhile)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

import settings
from service import passwords
from service.web import roles
from tests.helpers import OWNER, OWNER_PASSWORD, moderator, sign_in

_HASH = passwords.hash_password(OWNER_PASSWORD)
# Values for path parameters: a known action or decision, else an id nothing has.
_FILL = {"action": "approve", "decision": "dismiss", "token": "not-a-token"}


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The owner's password is known; the pages speak English."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    yield


def _app_keys() -> list[str]:
    from service.app import create_app

    app = create_app("sqlite:///:memory:")
    return [key for route in app.routes for key in roles.keys_of(route)]


def _admin(key: str) -> bool:
    path = key.partition(" ")[2]
    return path == "/admin" or path.startswith("/admin/")


def _url(key: str) -> tuple[str, str]:
    method, _, path = key.partition(" ")
    return method, re.sub(r"\{(\w+)\}", lambda m: _FILL.get(m.group(1), "999999"), path)


def _call(client: TestClient, key: str, csrf: str) -> tuple[int, str]:
    method, url = _url(key)
    if method == "GET":
        response = client.get(url, follow_redirects=False)
    elif url.startswith("/admin/api/"):
        response = client.request(
            method, url, headers={"X-CSRF-Token": csrf}, json={}, follow_redirects=False
        )
    else:
        response = client.request(method, url, data={"csrf": csrf}, follow_redirects=False)
    # A redirect's target counts as its body: a sign-in page is a refusal too.
    return response.status_code, response.headers.get("location", "") + response.text


def _refused_by_role(status: int, body: str) -> bool:
    return status == 403 and ("forbidden_role" in body or "Only the owner may do this" in body)


def test_every_admin_route_of_the_app_is_classified_once() -> None:
    keys = _app_keys()
    listed = roles.OPEN | roles.MODERATOR | roles.OWNER
    unlisted = [k for k in keys if _admin(k) and k not in listed]
    assert unlisted == [], f"admin routes nobody said who may use: {unlisted}"
    assert not roles.OPEN & roles.MODERATOR and not roles.OPEN & roles.OWNER
    assert not roles.MODERATOR & roles.OWNER
    assert listed - set(keys) == set(), "listed routes the app does not have"


def test_an_unlisted_admin_route_is_the_owners_and_the_readers_side_is_open() -> None:
    assert roles.rule_of("POST /admin/something-new") is roles.Rule.OWNER
    assert roles.rule_of("GET /admin/privacy") is roles.Rule.OWNER
    assert roles.rule_of("GET /admin/") is roles.Rule.MODERATOR
    assert roles.rule_of("POST /api/comments") is roles.Rule.OPEN


def test_the_route_keys_cover_mounts_and_every_method() -> None:
    route = Route("/admin/x", lambda r: None, methods=["GET", "POST"])
    assert roles.keys_of(route) == ["GET /admin/x", "POST /admin/x"]
    assert roles.keys_of(Mount("/admin/static", routes=[])) == ["MOUNT /admin/static"]


def test_every_owner_route_refuses_a_moderator(client: TestClient) -> None:
    csrf = moderator(client)
    admitted = []
    for key in sorted(roles.OWNER):
        status, body = _call(client, key, csrf)
        if not _refused_by_role(status, body):
            admitted.append((key, status))
    assert admitted == []
    # The refusal speaks the API's error shape there, and is a page elsewhere.
    api = client.get("/admin/api/export")
    assert api.status_code == 403 and api.json()["error"]["code"] == "forbidden_role"
    page = client.get("/admin/privacy")
    assert page.status_code == 403 and page.headers["content-type"].startswith("text/html")


def test_every_moderator_route_admits_a_moderator(client: TestClient) -> None:
    csrf = moderator(client)
    refused = []
    for key in sorted(roles.MODERATOR - {"POST /admin/logout"}):
        status, body = _call(client, key, csrf)
        signed_out = status == 303 and body.startswith("/admin/login")
        if _refused_by_role(status, body) or status == 401 or signed_out:
            refused.append((key, status))
    assert refused == []
    assert client.get("/admin/account").status_code == 200  # still signed in after the walk


def test_every_owner_route_admits_the_owner_and_her_api_token(client: TestClient) -> None:
    csrf = sign_in(client)
    for key in sorted(roles.OWNER):
        status, body = _call(client, key, csrf)
        assert not _refused_by_role(status, body), key
    client.cookies.clear()
    assert client.get("/admin/api/export", headers=OWNER).status_code == 200


def test_a_moderator_does_not_see_the_owners_tools_in_the_menu(client: TestClient) -> None:
    moderator(client)
    menu = client.get("/admin/").text
    for hidden in ("/admin/privacy", "/admin/settings", "/admin/move", "/admin/rules"):
        assert f'href="{hidden}"' not in menu
    assert 'href="/admin/account"' in menu and 'href="/admin/activity"' in menu

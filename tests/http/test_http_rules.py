"""HTTP's own rules: bodiless 204s, a full Allow on 405, Vary where wording varies, no-store on
401, origins from settings only, a quiet log when a client hangs up, and no-op promotions.
"""

from __future__ import annotations

import logging
import re
import socket
import time
from collections.abc import Iterator

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

import settings
from service import passwords
from service.app import app as wired_app
from tests.conftest import ServedApp
from tests.helpers import OWNER, PAGE, act, post, story

BLOG = "http://blog.example"  # in the test settings' ALLOWED_ORIGINS
PREFLIGHT = {"Origin": BLOG, "Access-Control-Request-Method": "POST"}
METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH")


@pytest.fixture
def server_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record of Chorus and of uvicorn's error log (which does not reach the root logger)."""
    uvicorn_log = logging.getLogger("uvicorn.error")
    uvicorn_log.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="chorus")
    try:
        yield caplog
    finally:
        uvicorn_log.removeHandler(caplog.handler)


def _exchange(port: int, raw: bytes) -> bytes:
    """Send `raw` on one connection and read until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(raw)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


# -- CORS preflight: a 204 has no body ----------------------------------------------------------


def test_an_allowed_preflight_is_a_204_without_a_body(sqlite_client: TestClient) -> None:
    answer = sqlite_client.options("/api/comments", headers=PREFLIGHT)
    assert answer.status_code == 204
    assert answer.content == b""
    assert answer.headers["access-control-allow-origin"] == BLOG


def test_a_refused_preflight_answers_the_error_shape(sqlite_client: TestClient) -> None:
    answer = sqlite_client.options(
        "/api/comments", headers={**PREFLIGHT, "Origin": "http://x.example"}
    )
    assert answer.status_code == 403
    assert answer.json()["error"]["field"] == "origin"


def test_a_preflight_over_a_real_server_keeps_the_connection_and_logs_nothing(
    live_server: ServedApp, server_log: pytest.LogCaptureFixture
) -> None:
    host = f"Host: 127.0.0.1:{live_server.port}\r\n"
    raw = (
        f"OPTIONS /api/comments HTTP/1.1\r\n{host}Origin: {BLOG}\r\n"
        "Access-Control-Request-Method: POST\r\n\r\n"
        f"GET /healthz HTTP/1.1\r\n{host}Connection: close\r\n\r\n"
    ).encode()
    answer = _exchange(live_server.port, raw)
    # Both answers on the one connection: the server did not drop it after the 204.
    assert re.findall(rb"HTTP/1.1 (\d{3})", answer) == [b"204", b"200"]
    assert [r for r in server_log.records if r.levelno >= logging.WARNING] == []


# -- 405: Allow names every method of every route on the path ---------------------------------


def _routes() -> list[Route]:
    return [r for r in wired_app.routes if isinstance(r, Route) and r.methods]


def _concrete(template: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", template)


@pytest.mark.parametrize("template", sorted({r.path for r in _routes()}))
def test_a_405_allows_every_method_some_route_on_the_path_takes(
    sqlite_client: TestClient, template: str
) -> None:
    path = _concrete(template)
    accepted: set[str] = set()
    for route in _routes():
        if route.path_regex.match(path):
            accepted |= route.methods or set()
    refused = [m for m in METHODS if m not in accepted]
    assert refused, f"{path} takes every method"
    for method in refused:
        answer = sqlite_client.request(method, path)
        assert answer.status_code == 405, (method, path)
        assert set(answer.headers["allow"].split(", ")) == accepted, (method, path)


@pytest.mark.parametrize(
    ("path", "method", "allow"),
    [
        ("/admin/api/comments/1", "POST", "DELETE, GET, HEAD"),
        ("/api/comments", "DELETE", "GET, HEAD, POST"),
        ("/admin/api/rules", "PUT", "GET, HEAD, POST"),
    ],
)
def test_the_reported_405s_name_all_their_methods(
    sqlite_client: TestClient, path: str, method: str, allow: str
) -> None:
    answer = sqlite_client.request(method, path)
    assert answer.status_code == 405
    assert answer.headers["allow"] == allow
    assert answer.json()["error"]["field"] == "method"


# -- headers on refusals -------------------------------------------------------------------------


def test_a_refusal_worded_by_accept_language_varies_on_it(sqlite_client: TestClient) -> None:
    answer = sqlite_client.post(
        "/api/comments", json=story(body=""), headers={"Accept-Language": "nl"}
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["message"] == "Vul dit veld in."
    assert "accept-language" in answer.headers["vary"].lower()


@pytest.mark.parametrize("path", ["/admin/api/comments", "/admin/api/activity"])
def test_the_owner_apis_401_is_never_stored(sqlite_client: TestClient, path: str) -> None:
    answer = sqlite_client.get(path)
    assert answer.status_code == 401
    assert answer.headers["cache-control"] == "no-store"


# -- origins come from settings, never from the Host header -----------------------------------


def test_a_post_whose_origin_matches_its_own_host_header_is_still_refused(
    sqlite_client: TestClient,
) -> None:
    spoofed = {"Origin": "http://evil.example", "Host": "evil.example"}
    answer = sqlite_client.post("/api/comments", json=story(), headers=spoofed)
    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "forbidden_origin"
    preflight = sqlite_client.options("/api/comments", headers={**PREFLIGHT, **spoofed})
    assert preflight.status_code == 403
    assert "access-control-allow-origin" not in preflight.headers


def test_an_admin_login_from_an_origin_named_only_by_host_is_refused(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        settings, "ADMIN_PASSWORD_HASH", passwords.hash_password("geheim wachtwoord")
    )
    answer = sqlite_client.post(
        "/admin/login",
        data={"password": "geheim wachtwoord"},
        headers={"Origin": "http://evil.example", "Host": "evil.example"},
        follow_redirects=False,
    )
    assert answer.status_code == 403 and "set-cookie" not in answer.headers


def test_the_public_url_is_an_allowed_origin(sqlite_client: TestClient) -> None:
    answer = sqlite_client.post(
        "/api/comments", json=story(), headers={"Origin": "http://testserver"}
    )
    assert answer.status_code == 202


# -- a client that hangs up ----------------------------------------------------------------------


def test_a_client_hanging_up_mid_body_is_one_log_line(
    live_server: ServedApp, server_log: pytest.LogCaptureFixture
) -> None:
    head = (
        f"POST /api/comments HTTP/1.1\r\nHost: 127.0.0.1:{live_server.port}\r\n"
        "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", live_server.port), timeout=10) as sock:
        sock.sendall(head.encode() + b'{"page": "/blog/')
    deadline = time.monotonic() + 10
    while not [r for r in server_log.records if r.name.startswith(("chorus", "uvicorn"))]:
        assert time.monotonic() < deadline, "the server logged nothing about the hang-up"
        time.sleep(0.02)  # readiness poll for the server thread's log record
    records = [r for r in server_log.records if r.name.startswith(("chorus", "uvicorn"))]
    assert [(r.name, r.levelname) for r in records] == [("chorus", "INFO")]
    assert "went away" in records[0].getMessage() and records[0].exc_info is None


def test_a_hang_up_is_logged_by_route_not_by_path(
    live_server: ServedApp, server_log: pytest.LogCaptureFixture
) -> None:
    """Paths may carry ids and tokens the log must not keep; the route's template names it."""
    head = (
        f"POST /api/comments/987654321/edit HTTP/1.1\r\nHost: 127.0.0.1:{live_server.port}\r\n"
        "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", live_server.port), timeout=10) as sock:
        sock.sendall(head.encode() + b'{"author_token": "')
    deadline = time.monotonic() + 10
    while not [r for r in server_log.records if r.name.startswith(("chorus", "uvicorn"))]:
        assert time.monotonic() < deadline, "the server logged nothing about the hang-up"
        time.sleep(0.02)  # readiness poll for the server thread's log record
    [record] = [r for r in server_log.records if r.name.startswith(("chorus", "uvicorn"))]
    message = record.getMessage()
    assert "/api/comments/{comment_id}/edit" in message and "987654321" not in message


# -- promoting a testimonial again -----------------------------------------------------------------


def test_promoting_a_testimonial_again_is_a_no_op_with_no_second_log_row(
    client: TestClient,
) -> None:
    comment_id = int(post(client, body="Sinds de massage slaap ik veel rustiger.")["id"])
    act(client, comment_id, "approve")
    first = act(client, comment_id, "promote")
    assert first.status_code == 200 and first.json()["changed"] is True
    again = act(client, comment_id, "promote")
    assert again.status_code == 200
    assert again.json()["changed"] is False and again.json()["undo"] is None
    log = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [e["action"] for e in log if e["comment_id"] == comment_id].count("promote") == 1
    # A new excerpt is a change again, logged as one.
    cut = act(client, comment_id, "promote", excerpt="slaap ik veel rustiger")
    assert cut.json()["changed"] is True
    log = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [e["action"] for e in log if e["comment_id"] == comment_id].count("promote") == 2
    assert client.get("/api/comments", params={"page": PAGE}).json()["count"] == 1

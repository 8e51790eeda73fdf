"""Redis (REDIS_URL) going away mid-run: 503 with Retry-After, never a 500; /healthz says so.

A private `redis-server` on a free port, stopped and started again during the test; the
database is each backend in turn.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable, Iterator

import pytest
import redis
from starlette.testclient import TestClient

import settings
from service import passwords
from service.app import create_app
from tests.helpers import story
from tests.http.test_admin import PASSWORD
from tests.http.test_notify import _free_port


class RedisServer:
    """One redis-server process of this test's own, without persistence."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert _until(self._answers), "redis-server did not start"

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def _answers(self) -> bool:
        try:
            return bool(redis.Redis(port=self.port, socket_timeout=1).ping())
        except redis.exceptions.ConnectionError:
            return False


def _until(predicate: Callable[[], bool], within: float = 20.0) -> bool:
    """Poll a readiness condition (not a timing assumption) until it holds or `within` passes."""
    pause = threading.Event()
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if predicate():
            return True
        pause.wait(0.05)
    return False


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A running private Redis, stopped at the end whatever the test did to it."""
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def redis_client(
    database_url: str, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    """The whole app on each backend, its counters in the private Redis."""
    monkeypatch.setattr(settings, "REDIS_URL", redis_server.url)
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", passwords.hash_password(PASSWORD))
    with TestClient(create_app(database_url), base_url="http://testserver") as client:
        yield client


def _requests(client: TestClient) -> dict[str, object]:
    """The requests that must be counted: a post, a manage request, a login."""
    return {
        "post": client.post("/api/comments", json=story()),
        "manage": client.post("/api/manage", json={"email": "anna@example.nl"}),
        "login": client.post(
            "/admin/login", data={"password": PASSWORD, "next": "/admin/"}, follow_redirects=False
        ),
    }


def test_a_redis_outage_answers_503_with_retry_after_and_healthz_says_so(
    redis_client: TestClient, redis_server: RedisServer
) -> None:
    health = redis_client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "database": "ok", "redis": "ok"}
    before = _requests(redis_client)
    assert [r.status_code for r in before.values()] == [202, 202, 303]  # type: ignore[attr-defined]

    redis_server.stop()
    for name, answer in _requests(redis_client).items():
        assert answer.status_code == 503, (name, answer.text)  # type: ignore[attr-defined]
        assert answer.headers["retry-after"] == "5", name  # type: ignore[attr-defined]
        problem = answer.json()["error"]  # type: ignore[attr-defined]
        assert problem["code"] == "unavailable" and problem["field"] == "request", name
    down = redis_client.get("/healthz")
    assert down.status_code == 503 and down.headers["retry-after"] == "5"
    assert down.json() == {"status": "degraded", "database": "ok", "redis": "unavailable"}
    # Reads need no counter: the published list still answers.
    assert redis_client.get("/api/comments", params={"page": "/x"}).status_code == 200

    redis_server.start()  # back on the same port: the service recovers without a restart
    assert _until(lambda: redis_client.get("/healthz").status_code == 200)
    assert redis_client.post("/api/comments", json=story(body="Weer terug.")).status_code == 202


def test_without_redis_healthz_names_only_the_database(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}

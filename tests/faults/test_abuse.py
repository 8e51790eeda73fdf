"""Limits across worker processes, and bursts that must not stall the service.

Real uvicorn processes on a free port: one worker and two, with the counters in the database
(SQLite, PostgreSQL) or in Redis. Readiness is polled; nothing here waits on a clock.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest

from service import passwords
from tests.conftest import _postgres
from tests.helpers import story

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
LIMIT = 5


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Workers:
    """`uvicorn service.app:app --workers N` in a subprocess, ready when /healthz answers."""

    def __init__(self, env: dict[str, str], workers: int) -> None:
        self.workers = workers
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "service.app:app",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:  # readiness poll, not a timing assumption
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError("the workers did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _redis_or_skip() -> None:
    import redis

    from tests.conftest import IN_CI

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except Exception as exc:
        reason = f"Redis at {REDIS_URL} is not reachable ({type(exc).__name__})"
        if IN_CI:
            pytest.fail(f"{reason}; CI must run the Redis tests")
        pytest.skip(reason)


@pytest.fixture(
    params=[
        ("sqlite", 1),
        ("sqlite", 2),
        ("postgresql", 2),
        ("redis", 1),
        ("redis", 2),
    ],
    ids=lambda p: f"{p[0]}-{p[1]}-workers",
)
def workers(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workers]:
    """Chorus in 1 or 2 worker processes with its counters in SQLite, PostgreSQL or Redis."""
    store, count = request.param
    env = {
        **os.environ,
        "DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'chorus.db'}",
        "RATE_LIMIT_POSTS": str(LIMIT),
        "FORM_MIN_SECONDS": "0",
        "REDIS_URL": "",
    }
    if store == "postgresql":
        url = request.getfixturevalue("postgres_url")  # this run's own database
        _postgres(url, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
        env["DATABASE_URL"] = url
    if store == "redis":
        _redis_or_skip()
        env["REDIS_URL"] = REDIS_URL
        # A fresh key space: another run's counters must not count here.
        env["SECRET_KEY"] = f"test-secret-{uuid.uuid4().hex}-0123456789abcdef"
    # Migrate once before the workers start, as `make migrate` does in a deployment.
    subprocess.run(
        [sys.executable, "-m", "service", "migrate"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    server = Workers(env, count)
    server.env = env  # type: ignore[attr-defined]
    try:
        yield server
    finally:
        server.stop()


def _story_for(env: dict[str, str], n: int) -> dict[str, object]:
    """A submission with a form token signed by the workers' own key."""
    code = (
        "import json, sys; from service import signing; "
        "print(json.dumps([signing.form_token() for _ in range(int(sys.argv[1]))]))"
    )
    tokens = subprocess.run(
        [sys.executable, "-c", code, str(n)], cwd=ROOT, env=env, check=True, capture_output=True
    )
    import json

    return {"tokens": json.loads(tokens.stdout)}


def test_simultaneous_posts_from_one_client_pass_only_up_to_the_limit(workers: Workers) -> None:
    env: dict[str, str] = workers.env  # type: ignore[attr-defined]
    tokens = _story_for(env, 40)["tokens"]

    async def burst() -> list[int]:
        limits = httpx.Limits(max_connections=40)
        async with httpx.AsyncClient(base_url=workers.url, timeout=30, limits=limits) as client:
            responses = await asyncio.gather(
                *(
                    client.post("/api/comments", json=story(body=f"verhaal {n}", form_token=token))
                    for n, token in enumerate(tokens)  # type: ignore[arg-type]
                )
            )
        return [r.status_code for r in responses]

    statuses = asyncio.run(burst())
    accepted, busy, limited = (statuses.count(code) for code in (202, 503, 429))
    assert accepted + busy + limited == len(statuses), statuses
    # Two processes share SQLite's file lock: the README allows a handful of 503s (with
    # Retry-After) there when the machine is loaded, never elsewhere, and never past the limit.
    shares_a_file = workers.workers == 2 and env["DATABASE_URL"].startswith("sqlite")
    assert busy <= (2 if shares_a_file else 0), statuses
    assert LIMIT - busy <= accepted <= LIMIT, statuses
    with httpx.Client(base_url=workers.url) as client:
        listed = client.get(
            "/admin/api/comments", headers={"Authorization": f"Bearer {env['ADMIN_API_TOKEN']}"}
        )
        assert listed.json()["total"] == accepted  # every 202 stored, nothing else


CRAFTED_BODIES = [
    "1" * 4900,
    "06-" * 1600,
    "a@" * 2400,
    "a" * 4900,
    "1 " * 2400,
    ("a" * 48 + "<\n") * 99,
    "&" * 4000,
    "\n" * 4000,
]


def test_crafted_comments_and_a_login_burst_leave_healthz_answering(tmp_path: Path) -> None:
    """Password checks run beside the event loop and crafted texts cost what ordinary ones do:
    while both bursts are in flight, /healthz keeps answering, many times over."""
    env = {
        **os.environ,
        "DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'chorus.db'}",
        "RATE_LIMIT_POSTS": "100000",
        "FORM_MIN_SECONDS": "0",
        "REDIS_URL": "",
        # argon2id with the library's real cost: each check is tens of milliseconds of CPU.
        "ADMIN_PASSWORD_HASH": passwords.PasswordHasher().hash("the right one"),
        "LOGIN_MAX_ATTEMPTS": "1000",
        "LOGIN_SITE_FAILURES": "20",
    }
    subprocess.run(
        [sys.executable, "-m", "service", "migrate"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tokens = _story_for(env, len(CRAFTED_BODIES) * 4)["tokens"]
    server = Workers(env, 1)

    async def bursts() -> tuple[list[int], list[httpx.Response], list[int]]:
        timeouts = httpx.Timeout(120)
        async with httpx.AsyncClient(base_url=server.url, timeout=timeouts) as client:
            done = asyncio.Event()
            health: list[int] = []

            async def poll() -> None:
                while not done.is_set():
                    health.append((await client.get("/healthz")).status_code)

            async def login(n: int) -> httpx.Response:
                response = await client.post("/admin/login", data={"password": f"guess {n}"})
                return response

            async def comment(n: int, token: str) -> int:
                body = CRAFTED_BODIES[n % len(CRAFTED_BODIES)] + f" {n}"
                data = story(body=body, form_token=token)
                return (await client.post("/api/comments", json=data)).status_code

            poller = asyncio.create_task(poll())
            answers = await asyncio.gather(
                *(comment(n, t) for n, t in enumerate(tokens)),  # type: ignore[arg-type]
                *(login(n) for n in range(40)),
            )
            during = len(health)
            done.set()
            await poller
            posts = [a for a in answers if isinstance(a, int)]
            logins = [a for a in answers if isinstance(a, httpx.Response)]
            return posts, logins, health[:during]

    try:
        posts, logins, health = asyncio.run(bursts())
    finally:
        server.stop()
    assert health and set(health) == {200}
    # The health check answers again and again while both bursts are in flight.
    assert len(health) >= 10, health
    # 503 is SQLite's busy answer (with Retry-After) when writers queue past its timeout.
    assert set(posts) <= {202, 422, 503} and 202 in posts, posts
    statuses = [r.status_code for r in logins]
    assert set(statuses) <= {403, 429, 503}, statuses
    assert statuses.count(403) <= 20  # the site-wide budget held: at most 20 passwords checked
    assert all(int(r.headers["retry-after"]) > 0 for r in logins if r.status_code == 429)

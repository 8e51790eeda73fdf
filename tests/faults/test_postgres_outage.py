"""A PostgreSQL server that goes away: on an instance of the test's own, never the shared one.

The instance is made with initdb and run with pg_ctl from Debian's /usr/lib/postgresql/*/bin, as
the `postgres` OS user (the server refuses to run as root), on a free port, and removed at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx2 as httpx
import pytest

import settings
from tests.conftest import IN_CI, LiveServer
from tests.faults.test_data_path import _serve, _up
from tests.helpers import OWNER, PAGE, story
from tests.http.test_notify import _free_port


@dataclass
class OwnPostgres:
    """A PostgreSQL server this test started: its URL and a way to stop and start it."""

    bin: Path
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bin / "pg_ctl"), "-D", str(self.data),
             "-w", "-t", "60", *args],
            check=True,
            capture_output=True,
        )  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} -c fsync=off"
        self._ctl("-o", options, "-l", str(self.data / "server.log"), "start")

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found and shutil.which("runuser") else None


@pytest.fixture
def own_postgres() -> Iterator[OwnPostgres]:
    """A fresh PostgreSQL instance on its own free port, owned by the `postgres` OS user."""
    bin_dir = _pg_bin()
    if bin_dir is None or os.geteuid() != 0:
        reason = "needs /usr/lib/postgresql/*/bin/initdb and root (to run it as postgres)"
        if IN_CI:
            pytest.fail(f"{reason}; CI must run this test")
        pytest.skip(reason)
    top = Path(tempfile.mkdtemp(prefix="chorus-pg-"))
    top.chmod(0o755)
    data = top / "data"
    data.mkdir()
    shutil.chown(data, "postgres", "postgres")
    subprocess.run(
        ["runuser", "-u", "postgres", "--", str(bin_dir / "initdb"), "-D", str(data),
         "-A", "trust", "-U", "postgres", "--no-sync"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    server = OwnPostgres(bin_dir, data, _free_port())
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # stopped by the test
            server.stop()
        shutil.rmtree(top, ignore_errors=True)


def _wait_until(predicate: object, within: float = 30.0) -> bool:
    """Poll a readiness condition (not a timing assumption) until it holds or `within` passes."""
    pause = threading.Event()
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        pause.wait(0.05)
    return False


def _stored_ids(url: str) -> set[int]:
    async def read() -> set[int]:
        connection = await asyncpg.connect(url, timeout=5)
        try:
            return {r["id"] for r in await connection.fetch("SELECT id FROM comments")}
        finally:
            await connection.close()

    return asyncio.run(read())


def test_a_restart_while_readers_post_ends_in_202_or_503_and_loses_nothing(
    own_postgres: OwnPostgres, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Posting through a PostgreSQL restart: 202 or 503 + Retry-After, never 500; all 202s kept."""
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 10**6)
    answers: list[httpx.Response] = []
    restarted = threading.Event()

    async def post_until_restarted(url: str) -> None:
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            n = 0

            async def poster() -> None:
                nonlocal n
                # Keep posting until the restart is over and some posts came after it.
                after = 0
                while after < 10:
                    n += 1
                    answer = await client.post("/api/comments", json=story(body=f"verhaal {n}"))
                    answers.append(answer)
                    if restarted.is_set() and answer.status_code == 202:
                        after += 1

            await asyncio.gather(*(poster() for _ in range(8)))

    with LiveServer(own_postgres.url) as server:
        thread = threading.Thread(target=asyncio.run, args=(post_until_restarted(server.url),))
        thread.start()
        assert _wait_until(lambda: sum(a.status_code == 202 for a in answers) >= 20)
        own_postgres.stop()
        down_at = len(answers)
        assert _wait_until(lambda: len(answers) > down_at + 5)  # posts answered while it is down
        own_postgres.start()
        restarted.set()
        thread.join(timeout=120)
        assert not thread.is_alive(), "the service did not recover after the restart"

        statuses = [a.status_code for a in answers]
        assert set(statuses) <= {202, 503}, sorted(set(statuses))
        assert 503 in statuses  # the outage was seen, not slept through
        for answer in answers:
            if answer.status_code == 503:
                assert answer.headers["retry-after"].isdigit()
                assert answer.json()["error"]["code"] == "unavailable"
        acknowledged = {a.json()["id"] for a in answers if a.status_code == 202}
        assert acknowledged <= _stored_ids(own_postgres.url)
        assert httpx.get(f"{server.url}/healthz").status_code == 200


def test_during_an_outage_cached_lists_and_feeds_are_served_and_posts_get_503(
    own_postgres: OwnPostgres, caplog: pytest.LogCaptureFixture
) -> None:
    """Database away: what is cached is served (marked stale), posts answer 503 + Retry-After."""
    reads = ["/api/comments?page=" + PAGE, "/api/testimonials", "/feeds/testimonials.atom",
             "/feeds/testimonials.json"]  # fmt: skip
    with LiveServer(own_postgres.url) as server, httpx.Client(base_url=server.url) as client:
        posted = client.post("/api/comments", json=story(consent=True)).json()["id"]
        client.post(f"/admin/api/comments/{posted}/approve", headers=OWNER).raise_for_status()
        client.post(f"/admin/api/comments/{posted}/promote", headers=OWNER).raise_for_status()
        before = {path: client.get(path) for path in reads}
        for answer in before.values():
            assert answer.status_code == 200 and "chorus-stale" not in answer.headers

        own_postgres.stop()
        assert _wait_until(lambda: client.get("/healthz").status_code == 503)
        assert _wait_until(lambda: "chorus-stale" in client.get(reads[0]).headers)
        for path in reads:
            during = client.get(path)
            assert during.status_code == 200, path
            assert during.content == before[path].content
            assert during.headers["chorus-stale"] == "database-unavailable"
        caplog.clear()
        with caplog.at_level("WARNING", logger="chorus"):
            refused = client.post("/api/comments", json=story(body="tijdens de storing"))
        assert refused.status_code == 503
        # The log names the fault, apart from a full disk or a lock time-out.
        assert "database unavailable on POST /api/comments: lost connection" in caplog.text
        assert refused.headers["retry-after"].isdigit()
        assert refused.json()["error"]["code"] == "unavailable"
        # Something never cached cannot be served from memory: a clean 503, not a 500.
        assert client.get("/api/comments", params={"page": "/nooit-gezien"}).status_code == 503

        own_postgres.start()
        assert _wait_until(lambda: "chorus-stale" not in client.get(reads[0]).headers)
        assert client.post("/api/comments", json=story(body="na de storing")).status_code == 202


@pytest.mark.parametrize("database", ["restarted", "down"])
def test_sigterm_ends_the_service_within_10_s_whatever_the_database_did(
    own_postgres: OwnPostgres, database: str
) -> None:
    """SIGTERM after PostgreSQL restarted under the service, or while it is down: the process
    is gone within 10 s (systemd's default stop timeout is 90 s, then SIGKILL), and every
    comment it acknowledged is stored.
    """
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = _serve({"DATABASE_URL": own_postgres.url}, port)
    try:
        assert _wait_until(lambda: _up(url))
        first = httpx.post(f"{url}/api/comments", json=story(body="voor de herstart"))
        assert first.status_code == 202
        own_postgres.stop()
        # The service has seen the database go: a post is refused, not hung.
        refused = httpx.post(f"{url}/api/comments", json=story(body="tijdens"), timeout=30)
        assert refused.status_code == 503
        if database == "restarted":
            own_postgres.start()
            assert _wait_until(
                lambda: (
                    httpx.post(
                        f"{url}/api/comments", json=story(body="na de herstart"), timeout=30
                    ).status_code
                    == 202
                )
            )
        process.send_signal(signal.SIGTERM)
        # uvicorn ends a clean shutdown by re-raising the signal it caught.
        assert process.wait(timeout=10) in (0, -signal.SIGTERM)
    finally:
        if process.poll() is None:
            process.kill()
    if database == "down":
        own_postgres.start()
    assert first.json()["id"] in _stored_ids(own_postgres.url)

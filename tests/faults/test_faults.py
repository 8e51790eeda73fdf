"""Load and fault tolerance: concurrent posts, a locked database, a killed server."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

import settings
from service.store import connection as dbmod
from tests.conftest import LiveServer
from tests.helpers import OWNER, story

ROOT = Path(__file__).resolve().parents[2]


def test_concurrent_posts_are_all_stored_once_with_their_own_ids(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """50 readers posting at once: every 202 is a stored row, each id handed out once."""
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)

    async def burst(url: str) -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            return await asyncio.gather(
                *(client.post("/api/comments", json=story(body=f"verhaal {n}")) for n in range(50))
            )

    with LiveServer(database_url) as server:
        responses = asyncio.run(burst(server.url))
        statuses = [r.status_code for r in responses]
        assert set(statuses) <= {202, 503}, statuses
        accepted = [r.json() for r in responses if r.status_code == 202]
        # 503 is an honest answer under load, but a burst that stores nothing proves nothing.
        assert len(accepted) >= 25, statuses
        ids = [a["id"] for a in accepted]
        assert len(ids) == len(set(ids))
        listing = httpx.get(f"{server.url}/admin/api/comments?limit=100", headers=OWNER).json()
        assert listing["total"] == len(accepted)
        stored = {c["id"]: c["body"] for c in listing["comments"]}
        assert set(stored) == set(ids)
        bodies = {r.request.content: r.json()["id"] for r in responses if r.status_code == 202}
        for content, comment_id in bodies.items():
            assert stored[comment_id] in content.decode()


def test_locked_sqlite_database_gives_503_then_recovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.app import create_app

    monkeypatch.setattr(dbmod, "SQLITE_BUSY_TIMEOUT", 0.3)
    path = tmp_path / "chorus.db"
    with TestClient(create_app(f"sqlite:///{path}")) as client:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            blocked = client.post("/api/comments", json=story())
            assert blocked.status_code == 503
            assert blocked.headers["retry-after"] == "5"
            assert blocked.json()["error"]["code"] == "unavailable"
            assert "locked" not in blocked.text
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert client.post("/api/comments", json=story()).status_code == 202
        count = sqlite3.connect(path).execute("SELECT COUNT(*) FROM comments").fetchone()[0]
        assert count == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:  # readiness poll on the health endpoint
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise RuntimeError("the server did not start")
        time.sleep(0.05)


def test_every_acknowledged_comment_survives_a_killed_server(tmp_path: Path) -> None:
    """SIGKILL in the middle of a burst: what was answered 202 is there after a restart."""
    db_path = tmp_path / "chorus.db"
    env = {
        **os.environ,
        "DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{db_path}",
        "RATE_LIMIT_POSTS": "100000",
        "ADMIN_PASSWORD_HASH": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
    }
    port = _free_port()
    server = _start(env, port)
    acknowledged: list[int] = []

    async def burst() -> None:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:

            async def one(n: int) -> None:
                try:
                    response = await client.post("/api/comments", json=story(body=f"nr {n}"))
                except httpx.TransportError:
                    return
                if response.status_code == 202:
                    acknowledged.append(response.json()["id"])
                    if len(acknowledged) == 40:
                        os.kill(server.pid, signal.SIGKILL)

            await asyncio.gather(*(one(n) for n in range(400)))

    try:
        asyncio.run(burst())
    finally:
        server.kill()
        server.wait()
    assert len(acknowledged) >= 40
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in connection.execute("SELECT id FROM comments")}
    connection.close()
    assert set(acknowledged) <= stored

    restarted = _start(env, port)
    try:
        again = httpx.post(f"http://127.0.0.1:{port}/api/comments", json=story(body="na herstart"))
        assert again.status_code == 202
    finally:
        restarted.terminate()
        restarted.wait(timeout=10)


def test_a_kill_at_full_speed_loses_no_acknowledged_comment_nor_its_notice(
    tmp_path: Path,
) -> None:
    """32 connections posting as fast as the server takes them, each with its own form token,
    and SIGKILL once 300 are answered: after a restart every comment answered 202 is stored
    with the words it was posted with, and the owner's notice with it (they share a unit of
    work); the kill cut off posts in flight, so it came in the middle of the stream."""
    db_path = tmp_path / "chorus.db"
    env = {
        **os.environ,
        "DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{db_path}",
        "RATE_LIMIT_POSTS": "100000",
        "MODERATION": "all",
        "FORM_MIN_SECONDS": "0",
        # Notices are queued, never sent: nothing listens on this port.
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(_free_port()),
        "NOTIFY_EMAIL": "eigenaar@example.nl",
        "ADMIN_PASSWORD_HASH": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
    }
    port = _free_port()
    server = _start(env, port)
    bodies = [story(body=f"Verhaal {n}: sinds de massage slaap ik beter.") for n in range(4000)]
    acknowledged: dict[int, str] = {}
    cut_off = 0

    async def stream() -> None:
        nonlocal cut_off
        limits = httpx.Limits(max_connections=32, max_keepalive_connections=32)
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", timeout=10, limits=limits
        ) as client:
            waiting = iter(bodies)

            async def poster() -> None:
                nonlocal cut_off
                for data in waiting:
                    try:
                        response = await client.post("/api/comments", json=data)
                    except httpx.TransportError:
                        cut_off += 1
                        return
                    assert response.status_code == 202, response.text
                    acknowledged[response.json()["id"]] = data["body"]
                    if len(acknowledged) == 300:
                        os.kill(server.pid, signal.SIGKILL)

            await asyncio.gather(*(poster() for _ in range(32)))

    try:
        asyncio.run(stream())
    finally:
        server.kill()
        server.wait()
    assert len(acknowledged) >= 300
    assert cut_off > 0  # posts were in flight when the server died

    restarted = _start(env, port)
    try:
        again = httpx.post(f"http://127.0.0.1:{port}/api/comments", json=story(body="Na herstart."))
        assert again.status_code == 202
        assert again.json()["id"] > max(acknowledged)
    finally:
        restarted.terminate()
        restarted.wait(timeout=10)
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(connection.execute("SELECT id, body FROM comments"))
        noticed = {
            row[0]
            for row in connection.execute("SELECT comment_id FROM outbox WHERE kind = 'owner'")
        }
    finally:
        connection.close()
    assert {cid: stored.get(cid) for cid in acknowledged} == acknowledged
    assert set(acknowledged) <= noticed


def test_a_body_that_trickles_in_is_cut_off_with_408(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Slow-body clients (R.U.D.Y.) get a 408 instead of holding a worker forever."""
    from service.web import http

    monkeypatch.setattr(http, "BODY_TIMEOUT", 0.5)
    with (
        LiveServer(sqlite_url) as server,
        socket.create_connection(("127.0.0.1", server.port)) as sock,
    ):
        sock.sendall(
            b"POST /api/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b'Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{"page": '
        )
        sock.settimeout(10)
        answer = sock.recv(4096).decode()  # the server speaks first, after its timeout
        assert answer.startswith("HTTP/1.1 408")
        assert '"code":"timeout"' in answer.replace(" ", "")
        with httpx.Client(base_url=server.url) as client:
            assert client.get("/healthz").status_code == 200

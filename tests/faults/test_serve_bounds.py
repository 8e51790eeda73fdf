"""What `serve` bounds before a request reaches Chorus, and what its workers inherit.

Threat: an endless or endlessly slow request head holds memory and a connection; workers that
read the settings afresh would mail links for another port than the one served.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest
import uvicorn

from service.web import protocol
from tests.faults.test_data_path import _up, _wait_until
from tests.http.test_notify import _free_port

ROOT = Path(__file__).resolve().parents[2]


async def _hello(scope: dict[str, object], receive: object, send: object) -> None:
    assert scope["type"] == "http"
    headers = [(b"content-length", b"5")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b"hello"})  # type: ignore[operator]


@pytest.fixture
def bounded_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A uvicorn server with Chorus's bounded protocol, its head time-out cut to half a second."""
    monkeypatch.setattr(protocol, "HEAD_TIMEOUT", 0.5)
    port = _free_port()
    config = uvicorn.Config(
        _hello,
        host="127.0.0.1",
        port=port,
        http=protocol.BoundedHttpToolsProtocol,
        log_level="warning",
        ws="none",
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    assert _wait_until(lambda: server.started)
    yield port
    server.should_exit = True
    thread.join(timeout=10)


def _ask(port: int, head: bytes) -> bytes:
    """Send `head`, then read until the server closes or answers in full."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
        with contextlib.suppress(OSError):  # the server may close while the head is sent
            conn.sendall(head)
        received = b""
        while True:
            try:
                chunk = conn.recv(65536)
            except ConnectionResetError:
                return received
            if not chunk:
                return received
            received += chunk
            if b"hello" in received:
                return received


def test_a_request_with_an_ordinary_head_is_served(bounded_server: int) -> None:
    answer = _ask(bounded_server, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"hello")


def test_a_request_head_over_16_kib_is_refused_with_400(bounded_server: int) -> None:
    headers = b"".join(b"X-Filler-%d: %s\r\n" % (n, b"a" * 1000) for n in range(40))
    answer = _ask(bounded_server, b"GET / HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n")
    assert answer.startswith(b"HTTP/1.1 400")


def test_a_request_url_over_16_kib_is_refused_with_400(bounded_server: int) -> None:
    answer = _ask(bounded_server, b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400")


def test_a_head_that_never_ends_is_closed_after_the_head_timeout(bounded_server: int) -> None:
    """Headers a byte at a time, never finished: the server hangs up instead of waiting."""
    assert _ask(bounded_server, b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: a") == b""


def test_a_connection_that_never_sends_a_byte_is_closed(bounded_server: int) -> None:
    assert _ask(bounded_server, b"") == b""


def test_the_head_timer_ends_with_the_head_so_a_slow_app_is_not_cut_off(
    bounded_server: int,
) -> None:
    """Kept alive, a second request on the same connection is served as the first."""
    with socket.create_connection(("127.0.0.1", bounded_server), timeout=20) as conn:
        for _ in range(2):
            conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            received = b""
            while not received.endswith(b"hello"):
                chunk = conn.recv(65536)
                assert chunk, "the server closed a connection whose head was complete"
                received += chunk
            assert received.startswith(b"HTTP/1.1 200")


def test_every_worker_of_serve_uses_the_address_it_listens_on(tmp_path: Path) -> None:
    """`serve --workers 2` without PUBLIC_URL: each worker names the served port, not 8000."""
    port = _free_port()
    env = {
        key: value for key, value in os.environ.items() if key not in ("PUBLIC_URL", "CHORUS_ENV")
    }
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'chorus.db'}",
        DATA_DIR=str(tmp_path),
        LOG_LEVEL="warning",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        assert _wait_until(lambda: _up(url), within=60)
        servers = set()
        for _ in range(12):  # a new connection each time, spread over both workers
            document = httpx.get(f"{url}/openapi.json", headers={"Connection": "close"}).json()
            servers.add(document["servers"][0]["url"])
        assert servers == {url}
    finally:
        process.terminate()
        process.wait(timeout=20)

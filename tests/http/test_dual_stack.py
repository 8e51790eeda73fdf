"""Limits over a real dual-stack listener (`--host ::`), on SQLite and PostgreSQL (R-16).

`serve --host :: --workers N` binds its socket with uvicorn's `Config.bind_socket`, which leaves
IPv6-only off: IPv4 clients then arrive as `::ffff:127.0.0.1`. Each client must be limited as
itself: one IPv4 client that used up its posts leaves another client (here ::1) free to post.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

import settings
from tests.helpers import story


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _has_ipv6_loopback(), reason="no IPv6 loopback here")


class _Peers:
    """The Chorus app behind a recorder of each request's peer address."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.seen: list[str] = []

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("client"):
            self.seen.append(scope["client"][0])
        await self.app(scope, receive, send)


@pytest.fixture
def dual_stack(database_url: str) -> Iterator[tuple[int, _Peers]]:
    """Chorus served by uvicorn on `::` (IPv4 and IPv6 on one socket), on a free port."""
    import uvicorn

    from service.app import create_app

    with socket.socket(socket.AF_INET6) as probe:
        probe.bind(("::", 0))
        port = probe.getsockname()[1]
    peers = _Peers(create_app(database_url))
    config = uvicorn.Config(peers, host="::", port=port, log_level="warning", ws="none")
    server = uvicorn.Server(config)
    sock = config.bind_socket()  # as `serve --workers N` binds it: dual-stack
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:  # readiness poll, not a timing assumption
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the dual-stack server did not start")
        time.sleep(0.02)
    try:
        yield port, peers
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _post(host: str, port: int, body: str) -> int:
    request = urllib.request.Request(
        f"http://{host}:{port}/api/comments",
        data=json.dumps(story(body=body)).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as refused:
        return int(refused.code)


def test_an_ipv4_client_over_its_limit_leaves_other_clients_free(
    dual_stack: tuple[int, _Peers], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, peers = dual_stack
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 2)
    assert [_post("127.0.0.1", port, f"IPv4 verhaal {n}") for n in range(3)] == [202, 202, 429]
    assert peers.seen[-1] == "::ffff:127.0.0.1"  # the listener really is dual-stack
    assert _post("[::1]", port, "IPv6 verhaal") == 202
    assert peers.seen[-1] == "::1"

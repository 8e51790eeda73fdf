"""The data path under load and faults: one SQLite writer, two workers, the outbox, shutdown."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx2 as httpx
import pytest

import settings
from tests.conftest import LiveServer
from tests.helpers import OWNER, PAGE, story
from tests.http.test_notify import ClosingController, Inbox, _free_port

ROOT = Path(__file__).resolve().parents[2]
CROSS_WORKER_BOUND = 0.25  # seconds; the README's documented staleness bound (SQLite)


def _wait_until(predicate: object, within: float = 20.0) -> bool:
    """Poll a readiness condition (not a timing assumption) until it holds or `within` passes."""
    done = threading.Event()
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        done.wait(0.05)
    return False


def test_sqlite_burst_of_400_posters_gets_no_503_on_one_process(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """400 posters, 50 in flight: every one stored, none refused as busy."""
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 10**6)

    async def burst(url: str) -> list[httpx.Response]:
        gate = asyncio.Semaphore(50)
        limits = httpx.Limits(max_connections=50)
        async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:

            async def one(n: int) -> httpx.Response:
                async with gate:
                    return await client.post("/api/comments", json=story(body=f"verhaal {n}"))

            return await asyncio.gather(*(one(n) for n in range(400)))

    with LiveServer(sqlite_url) as server:
        answers = asyncio.run(burst(server.url))
        statuses = [a.status_code for a in answers]
        assert statuses.count(503) == 0 and set(statuses) == {202}
        ids = [a.json()["id"] for a in answers]
        assert len(set(ids)) == 400
        queue = httpx.get(
            f"{server.url}/admin/api/comments", params={"status": "all"}, headers=OWNER
        ).json()
        assert queue["total"] == 400 and queue["counts"]["pending"] == 400


@pytest.fixture
def hanging_smtp() -> Iterator[tuple[int, threading.Event]]:
    """A mail server that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    connected = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            held.append(conn)
            connected.set()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield listener.getsockname()[1], connected
    finally:
        listener.close()
        for conn in held:
            conn.close()
        for conn in held:
            conn.close()


def _serve(
    env: dict[str, str], port: int, *extra: str, capture: bool = False
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--port", str(port), *extra],
        cwd=ROOT,
        env={**os.environ, "LOG_LEVEL": "warning", "RATE_LIMIT_POSTS": "1000", **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
    )


def _up(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz").status_code == 200
    except httpx.TransportError:
        return False


def _stop_mid_send(database: Path, hanging_smtp: tuple[int, threading.Event]) -> None:
    """Serve, post a comment, and send SIGTERM while its owner's notice hangs at the mail
    server; the process must be gone within 10 s."""
    smtp_port, connected = hanging_smtp
    port = _free_port()
    env = {
        "DATABASE_URL": f"sqlite:///{database}",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_port),
        "SMTP_STARTTLS": "false",
        "NOTIFY_EMAIL": "sanne@massage.example",
    }
    process = _serve(env, port)
    try:
        url = f"http://127.0.0.1:{port}"
        assert _wait_until(lambda: _up(url))
        assert httpx.post(f"{url}/api/comments", json=story()).status_code == 202
        assert connected.wait(20), "the notice never reached the mail server"
        process.send_signal(signal.SIGTERM)
        # uvicorn ends a clean shutdown by re-raising the signal it caught.
        assert process.wait(timeout=10) in (0, -signal.SIGTERM)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_hanging_mail_server_does_not_hold_up_shutdown(
    tmp_path: Path, hanging_smtp: tuple[int, threading.Event]
) -> None:
    """SIGTERM while a notice hangs at the mail server: the process is gone within 10 s."""
    _stop_mid_send(tmp_path / "chorus.db", hanging_smtp)


def test_a_notice_claimed_at_shutdown_is_due_again_at_once(
    tmp_path: Path, hanging_smtp: tuple[int, threading.Event]
) -> None:
    """SIGTERM mid-send hands the claimed notice back: the next process need not wait out the
    lease (120 s) before it tries again."""
    database = tmp_path / "chorus.db"
    _stop_mid_send(database, hanging_smtp)
    stopped = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    with sqlite3.connect(database) as db:
        due = [row[0] for row in db.execute("SELECT due_at FROM outbox WHERE kind = 'owner'")]
    assert len(due) == 1, "the unsent notice stays in the outbox"
    assert due[0] <= stopped, "the notice is still leased to the stopped process"


def test_the_outbox_delivers_after_a_restart(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A notice that could not go out before a restart is sent by the next process."""
    from starlette.testclient import TestClient

    from service.app import create_app

    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "sanne@massage.example")
    monkeypatch.setattr(settings, "SMTP_STARTTLS", False)
    monkeypatch.setattr(settings, "SMTP_HOST", "127.0.0.1")
    monkeypatch.setattr(settings, "SMTP_PORT", _free_port())  # nothing listens: refused
    with TestClient(create_app(sqlite_url)) as client:
        answer = client.post("/api/comments", json=story(author="Bram"))
        assert answer.status_code == 202

        async def waiting() -> int:
            return int(await client.app.state.store.outbox.waiting())  # type: ignore[attr-defined]

        assert client.portal.call(waiting) == 1  # type: ignore[union-attr]

    box = Inbox()
    port = _free_port()
    controller = ClosingController(box, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setattr(settings, "SMTP_PORT", port)
    try:
        with TestClient(create_app(sqlite_url)) as client:
            [message] = box.received()
            assert "Bram" in str(message["Subject"])
            assert _wait_until(
                lambda: client.portal.call(waiting) == 0  # type: ignore[union-attr]
            )
    finally:
        controller.stop()


def _unopenable(tmp_path: Path) -> list[str]:
    """DATABASE_URLs that cannot be opened: a server that refuses, a folder that cannot exist."""
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    return ["postgresql://postgres@127.0.0.1:1/none", f"sqlite:///{not_a_folder}/chorus.db"]


@pytest.mark.parametrize("workers", [(), ("--workers", "2")], ids=["one", "two-workers"])
def test_exit_is_non_zero_when_the_database_cannot_be_opened(
    tmp_path: Path, workers: tuple[str, ...]
) -> None:
    """A process manager must see the failure: serve, and serve with two workers, exit with 1."""
    for url in _unopenable(tmp_path):
        process = _serve({"DATABASE_URL": url}, _free_port(), *workers, capture=True)
        _, errors = process.communicate(timeout=60)
        assert process.returncode == 1, url
        assert b"DATABASE_URL" in errors


def _plain_uvicorn(
    env: dict[str, str], port: int, capture: bool, workers: int = 2
) -> subprocess.Popen[bytes]:
    """`uvicorn --workers 2 service.app:app`, uvicorn's own command line and supervisor."""
    several = ["--workers", str(workers)] if workers > 1 else []
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", *several, "--port", str(port), "service.app:app"],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
    )


def test_plain_uvicorn_with_workers_exits_non_zero_when_the_database_cannot_be_opened(
    tmp_path: Path,
) -> None:
    """`uvicorn --workers 2` too: a process manager sees the failure and restarts it.

    uvicorn 0.54's supervisor stops when a worker's start-up fails but would end with status 0;
    the failing worker ends it with SIGKILL instead, and says so in the log.
    """
    for url in _unopenable(tmp_path):
        process = _plain_uvicorn({"DATABASE_URL": url}, _free_port(), capture=True)
        try:
            _, errors = process.communicate(timeout=60)
        finally:
            process.kill()
        assert b"DATABASE_URL cannot be opened" in errors, url
        assert b"stopping uvicorn's supervisor" in errors, url
        assert process.returncode == -signal.SIGKILL, url


def test_plain_uvicorn_exits_non_zero_when_the_database_cannot_be_opened(tmp_path: Path) -> None:
    """`uvicorn service.app:app` in one process: start-up fails, and so does the exit status."""
    for url in _unopenable(tmp_path):
        process = _plain_uvicorn({"DATABASE_URL": url}, _free_port(), capture=True, workers=1)
        try:
            _, errors = process.communicate(timeout=60)
        finally:
            process.kill()
        assert b"DATABASE_URL cannot be opened" in errors, url
        assert process.returncode == 3, url  # uvicorn's status for a failed start-up


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _running(pid: int) -> bool:
    """Whether `pid` is a live process (an exited one nobody has reaped yet does not count)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def test_workers_stop_when_their_supervisor_is_killed(tmp_path: Path) -> None:
    """No orphan keeps the port when uvicorn's supervisor dies: its workers stop by themselves."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = _plain_uvicorn({"DATABASE_URL": f"sqlite:///{tmp_path / 'chorus.db'}"}, port, False)
    workers: list[int] = []
    try:
        assert _wait_until(lambda: _up(url), 60)
        workers = _children(process.pid)
        assert workers
        process.kill()
        process.wait(timeout=10)
        assert _wait_until(lambda: not any(_running(pid) for pid in workers), 20)
        assert not _up(url)
    finally:
        process.kill()
        for pid in filter(_running, workers):  # only when the test failed
            os.kill(pid, signal.SIGKILL)


def test_two_workers_each_answer_their_own_comment_and_see_changes(database_url: str) -> None:
    """Two workers: every answer names its own comment; a change reaches both within the bound."""
    database = database_url
    port = _free_port()
    process = _serve(
        {"DATABASE_URL": database, "ADMIN_API_TOKEN": OWNER["Authorization"][7:]},
        port,
        "--workers",
        "2",
    )
    url = f"http://127.0.0.1:{port}"
    try:
        assert _wait_until(lambda: _up(url), 60)

        async def burst() -> list[httpx.Response]:
            async with httpx.AsyncClient(base_url=url, timeout=60) as client:
                return await asyncio.gather(
                    *(
                        client.post(
                            "/api/comments", json=story(body=f"verhaal {n}", author=f"A{n}")
                        )
                        for n in range(40)
                    )
                )

        answers = asyncio.run(burst())
        busy = [a for a in answers if a.status_code == 503]
        # One SQLite file has one writer: two processes may each outwait the other's lock, and
        # the README promises at most a handful of 503s then, each saying when to come back.
        assert len(busy) <= (2 if database.startswith("sqlite") else 0), [a.text for a in busy]
        assert all(a.headers.get("Retry-After") for a in busy)
        assert [a.status_code for a in answers].count(202) == 40 - len(busy)
        for n, answer in enumerate(answers):
            if answer.status_code != 202:
                continue
            own = httpx.get(f"{url}/admin/api/comments/{answer.json()['id']}", headers=OWNER)
            assert own.json()["author"] == f"A{n}"

        def listing() -> list[int]:
            # A new connection each time, so both workers answer over the run.
            with httpx.Client(base_url=url) as client:
                return [
                    c["id"]
                    for c in client.get("/api/comments", params={"page": PAGE}).json()["comments"]
                ]

        for _ in range(20):  # fill both workers' caches with the empty list
            assert listing() == []
        target = next(a for a in answers if a.status_code == 202).json()["id"]
        approved = httpx.post(f"{url}/admin/api/comments/{target}/approve", headers=OWNER)
        assert approved.status_code == 200
        changed_at = time.monotonic()
        last_stale = changed_at
        for _ in range(40):
            seen = listing()
            if seen != [target]:
                last_stale = time.monotonic()
        # The bound plus slack for a loaded two-core machine: what fails is a worker that never
        # hears of the change, not one that is a few polls late.
        assert last_stale - changed_at <= CROSS_WORKER_BOUND + 2.0
        assert listing() == [target]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)


def test_a_moderators_role_and_a_disabled_account_hold_on_both_workers(database_url: str) -> None:
    """Two workers: accounts, roles and sessions live in the database, so a moderator is refused
    the owner's tools by either worker, and disabling her ends her session on both at once."""
    import re

    from service import passwords
    from tests.helpers import MODERATOR_PASSWORD, OWNER_PASSWORD, csrf_of

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        "DATABASE_URL": database_url,
        "ADMIN_PASSWORD_HASH": passwords.hash_password(OWNER_PASSWORD),
        "PUBLIC_URL": url,
    }
    process = _serve(env, port, "--workers", "2")
    manon = "manon@example.nl"

    def fresh(cookies: dict[str, str]) -> httpx.Client:
        # A new connection each time, so both workers answer over the run.
        return httpx.Client(base_url=url, cookies=cookies, headers={"Origin": url})

    def signed_in(email: str, password: str) -> dict[str, str]:
        with fresh({}) as client:
            form = {"email": email, "password": password, "next": "/admin/"}
            assert client.post("/admin/login", data=form).status_code == 303
            return dict(client.cookies)

    try:
        assert _wait_until(lambda: _up(url), 60)
        owner = signed_in("", OWNER_PASSWORD)
        with fresh(owner) as client:
            csrf = csrf_of(client.get("/admin/account").text)
            form = {"csrf": csrf, "email": manon, "role": "moderator", "name": "Manon"}
            shown = client.post("/admin/accounts/invite", data=form).text
        found = re.search(rf'value="{re.escape(url)}(/admin/invite/[^"]+)"', shown)
        assert found, "the invitation link is shown to copy"
        with fresh({}) as client:
            chosen = {"password": MODERATOR_PASSWORD, "again": MODERATOR_PASSWORD}
            assert client.post(found.group(1), data=chosen).status_code == 303
        moderator = signed_in(manon, MODERATOR_PASSWORD)
        for _ in range(10):
            with fresh(moderator) as client:
                assert client.get("/admin/").status_code == 200
                assert client.get("/admin/privacy").status_code == 403
        with fresh(owner) as client:
            accounts = client.get("/admin/accounts").text
            ids = re.findall(r'action="/admin/accounts/(\d+)/remove"', accounts)
            emails = re.findall(r"<td>([^<]+@[^<]+)</td>", accounts)
            manon_id = dict(zip(emails, ids, strict=True))[manon]
            disabled = client.post(f"/admin/accounts/{manon_id}/disable", data={"csrf": csrf})
            assert disabled.status_code == 303
        for _ in range(10):
            with fresh(moderator) as client:
                gone = client.get("/admin/")
                assert gone.status_code == 303 and gone.headers["location"].startswith(
                    "/admin/login"
                )
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)


def test_an_owner_session_holds_on_both_workers_until_logout(database_url: str) -> None:
    """Two workers: a session and its CSRF token made by one worker are honoured by the other
    (they live in the database, not in a process), and logging out ends them on both.
    """
    from tests.http.test_admin import _HASH, PASSWORD, csrf_of

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    # Chorus trusts its own origin from PUBLIC_URL only, never from a request's Host header.
    env = {"DATABASE_URL": database_url, "ADMIN_PASSWORD_HASH": _HASH, "PUBLIC_URL": url}
    process = _serve(env, port, "--workers", "2")
    try:
        assert _wait_until(lambda: _up(url), 60)
        comment = httpx.post(f"{url}/api/comments", json=story()).json()["id"]
        with httpx.Client(base_url=url) as first:
            answer = first.post("/admin/login", data={"password": PASSWORD, "next": "/admin/"})
            assert answer.status_code == 303
            cookies = dict(first.cookies)
            csrf = csrf_of(first.get("/admin/").text)

        def fresh() -> httpx.Client:
            # A new connection each time, so both workers answer over the run.
            return httpx.Client(base_url=url, cookies=cookies, headers={"Origin": url})

        for _ in range(20):
            with fresh() as owner:
                page = owner.get("/admin/")
                assert page.status_code == 200 and csrf_of(page.text) == csrf
        with fresh() as owner:
            data = {"csrf": csrf, "back": "/admin/", "action": "approve"}
            moved = owner.post(f"/admin/comments/{comment}/moderate", data=data)
            assert moved.status_code == 303
        with fresh() as owner:
            assert owner.post("/admin/logout", data={"csrf": csrf}).status_code == 303
        for _ in range(20):
            with fresh() as owner:
                gone = owner.get("/admin/")
                assert gone.status_code == 303 and gone.headers["location"].startswith(
                    "/admin/login"
                )
        listed = httpx.get(f"{url}/api/comments", params={"page": story()["page"]}).json()
        assert [c["id"] for c in listed["comments"]] == [comment]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)

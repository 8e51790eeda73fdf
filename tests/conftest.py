"""Shared fixtures: a clean, migrated database per test, on SQLite and on PostgreSQL.

Set TEST_POSTGRES_URL to point the PostgreSQL runs elsewhere. Without a reachable server those
runs are skipped with one line, except under CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

_DATA = tempfile.mkdtemp(prefix="chorus-test-")
os.environ.update(
    {
        "DATA_DIR": _DATA,
        "ENVIRONMENT": "development",
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "ADMIN_API_TOKEN": "test-admin-token-0123456789abcdef",
        "ALLOWED_ORIGINS": "http://blog.example,https://www.massage.example",
        "PUBLIC_URL": "http://testserver",
        "MODERATION": "all",
        # Tests post the moment they have a form; the minimum age has tests of its own.
        "FORM_MIN_SECONDS": "0",
    }
)

import pytest  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from service.store import Store, open_store  # noqa: E402

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
ADMIN_TOKEN = os.environ["ADMIN_API_TOKEN"]
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio, as the service does."""
    return "asyncio"


def _postgres_unavailable() -> str | None:
    import asyncio

    import asyncpg

    async def probe() -> None:
        conn = await asyncpg.connect(POSTGRES_URL, timeout=3)
        await conn.close()

    try:
        asyncio.run(probe())
    except Exception as exc:
        return f"PostgreSQL at {POSTGRES_URL} is not reachable ({type(exc).__name__})"
    return None


_PG_PROBE: list[str | None] = []


def _require_postgres() -> None:
    if not _PG_PROBE:
        _PG_PROBE.append(_postgres_unavailable())
    reason = _PG_PROBE[0]
    if reason:
        if IN_CI:
            pytest.fail(f"{reason}; CI must run the PostgreSQL tests")
        pytest.skip(reason)


def _reset_postgres() -> None:
    import asyncio

    import asyncpg

    async def reset() -> None:
        conn = await asyncpg.connect(POSTGRES_URL)
        await conn.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
        await conn.close()

    asyncio.run(reset())


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty database, once for SQLite and once for PostgreSQL."""
    if request.param == "postgresql":
        _require_postgres()
        _reset_postgres()
        return POSTGRES_URL
    return f"sqlite:///{tmp_path / 'chorus.db'}"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL to an empty SQLite database, for tests that are not about the backend."""
    return f"sqlite:///{tmp_path / 'chorus.db'}"


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Store]:
    """A connected, migrated database for store tests."""
    store = open_store(database_url)
    await store.connect()
    await store.migrate()
    try:
        yield store
    finally:
        await store.disconnect()


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    """The whole app over HTTP, lifespan included, on each backend."""
    from service.app import create_app

    with TestClient(create_app(database_url), base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def sqlite_client(sqlite_url: str) -> Iterator[TestClient]:
    """The whole app on SQLite only, for behaviour that does not depend on the backend."""
    from service.app import create_app

    with TestClient(create_app(sqlite_url), base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def owner() -> dict[str, str]:
    """Headers that authenticate as the owner through the API token."""
    return {"Authorization": f"Bearer {ADMIN_TOKEN}"}


# -- a live server and real Chromium, for browser tests ----------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


class LiveServer:
    """The app served by uvicorn on a free loopback port, in a background thread."""

    def __init__(self, database_url: str) -> None:
        import socket
        import threading

        import uvicorn

        from service.app import create_app

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url
        config = uvicorn.Config(
            create_app(database_url), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:  # readiness poll, not a timing assumption
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the live server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveServer]:
    """Chorus on a real port with a fresh SQLite database; PUBLIC_URL points at it."""
    import settings

    with LiveServer(sqlite_url) as server:
        monkeypatch.setattr(settings, "PUBLIC_URL", server.url)
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by Playwright; never a downloaded browser.

    One per test module: Playwright's sync API keeps an event loop running while it is open,
    which would stop later modules from using asyncio.run().
    """
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is not installed (make browser)"
        if IN_CI:
            pytest.fail(f"{reason}; CI must run the browser tests")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser context and page for each test."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()


def save_screenshot(page: object, name: str) -> Path:
    """Keep a screenshot under test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path

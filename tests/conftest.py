"""Shared fixtures: a clean, migrated database per test, on SQLite and on PostgreSQL.

TEST_POSTGRES_URL names the PostgreSQL server (and a database on it to connect to). Each test
run, and under pytest-xdist each worker, creates a database of its own there, named
chorus_test_<worker>_<pid>_<random>, and drops it at the end, so two runs on one machine never
share tables. Without a reachable server those runs are skipped with one line, except under CI
(CI=true), where they fail.

Every test is marked with its layer, from the folder it lives in: domain, store, http, browser,
faults, wordpress (`pytest -m "domain or store or http"` is `make test-fast`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
from argon2 import PasswordHasher  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from service import passwords  # noqa: E402
from service.store import Store, open_store  # noqa: E402

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
ADMIN_TOKEN = os.environ["ADMIN_API_TOKEN"]
BACKENDS = ["sqlite", "postgresql"]
LAYERS = ("domain", "store", "http", "browser", "faults", "wordpress")
TESTS = Path(__file__).resolve().parent
# Tests about the argon2 parameters themselves, which need the production hasher back (a test can
# also say so itself with @pytest.mark.production_hasher).
PRODUCTION_HASHER_TESTS = {
    ("test_admin.py", "test_a_weak_stored_hash_is_strengthened_at_the_next_login"),
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test with its layer, from the folder it lives in, and postgres where it is one."""
    for item in items:
        try:
            layer = item.path.resolve().relative_to(TESTS).parts[0]
        except ValueError:
            continue  # not one of ours
        if layer not in LAYERS:
            raise pytest.UsageError(f"{item.nodeid}: tests live in tests/<layer>/, one of {LAYERS}")
        item.add_marker(getattr(pytest.mark, layer))
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("database_url") == "postgresql":
            item.add_marker(pytest.mark.postgres)
        if (item.path.name, getattr(item, "originalname", item.name)) in PRODUCTION_HASHER_TESTS:
            item.add_marker(pytest.mark.production_hasher)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """`--dist loadgroup` as the suite needs it: a browser file on one worker, other tests alone.

    One worker per browser file launches Chromium once for it (the `browser` fixture is
    module-scoped), and the two files, the longest units, start first. xdist's own loadgroup
    would group by xdist_group marks, but it reads them from node ids that pytest 9.2 no longer
    lets it rewrite (pytest-xdist#1386), and then silently groups nothing.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class BrowserFilesTogether(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            if path.startswith("tests/browser/"):
                return path
            if path.startswith("tests/wordpress/"):
                return "tests/wordpress"  # one worker installs the one WordPress site
            return str(super()._split_scope(nodeid))

    return BrowserFilesTogether(config, log)  # type: ignore[arg-type]


# -- argon2id: cheap parameters in tests, the production ones where a test is about them -------

TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PRODUCTION_HASHER = passwords._hasher


def pytest_configure(config: pytest.Config) -> None:
    """Hash with TEST_HASHER for the whole run.

    A hook, not a session fixture: test modules hash their owner password at import, during
    collection, and argon2 verifies with the parameters stored in the hash.
    """
    passwords.use_hasher(TEST_HASHER)


def pytest_unconfigure(config: pytest.Config) -> None:
    passwords.use_hasher(PRODUCTION_HASHER)


@pytest.fixture(autouse=True)
def _production_hasher_where_marked(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests marked production_hasher hash and verify as the service does outside tests."""
    if request.node.get_closest_marker("production_hasher") is None:
        yield
        return
    passwords.use_hasher(PRODUCTION_HASHER)
    try:
        yield
    finally:
        passwords.use_hasher(TEST_HASHER)


@pytest.fixture
def production_hasher() -> PasswordHasher:
    """The hasher service.passwords holds outside tests, as it was before this run swapped it."""
    return PRODUCTION_HASHER


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio, as the service does."""
    return "asyncio"


def _postgres(url: str, sql: str) -> None:
    """Run one statement on its own connection (CREATE and DROP DATABASE refuse transactions)."""
    import asyncpg

    async def run() -> None:
        conn = await asyncpg.connect(url, timeout=3)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(run())


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL database of this run's own (this worker's, under xdist), dropped at the end."""
    from urllib.parse import urlsplit

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"chorus_test_{worker}_{os.getpid()}_{secrets.token_hex(4)}"
    try:
        _postgres(POSTGRES_URL, f'CREATE DATABASE "{name}"')
    except Exception as exc:
        reason = f"PostgreSQL at {POSTGRES_URL} is not usable ({type(exc).__name__}: {exc})"
        if IN_CI:
            pytest.fail(f"{reason}; CI must run the PostgreSQL tests")
        pytest.skip(reason)
    try:
        yield urlsplit(POSTGRES_URL)._replace(path=f"/{name}").geturl()
    finally:
        # FORCE: a test that failed half-way may have left a connection open.
        _postgres(POSTGRES_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Empties every table of a migrated schema in one round trip; a schema that is not at the latest
# migration (a test dropped it, or this is the first test) is dropped for the app to rebuild.
# Deleting rows is ten times cheaper than TRUNCATE or re-running the migrations, and the
# replication role skips triggers and foreign-key checks while it does so (tests only: it needs
# a superuser).
_EMPTY_POSTGRES = """
DO $$
DECLARE
    item record;
    done bigint := -1;
BEGIN
    IF to_regclass('public.schema_migrations') IS NOT NULL THEN
        -- (A separate statement: plpgsql plans the whole of an IF condition at once.)
        EXECUTE 'SELECT count(*) FROM public.schema_migrations' INTO done;
    END IF;
    IF done = {migrations} THEN
        SET LOCAL session_replication_role = replica;
        FOR item IN SELECT tablename FROM pg_tables
                    WHERE schemaname = 'public' AND tablename <> 'schema_migrations' LOOP
            EXECUTE format('DELETE FROM public.%I', item.tablename);
        END LOOP;
        FOR item IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
            EXECUTE format('ALTER SEQUENCE public.%I RESTART', item.sequencename);
        END LOOP;
    ELSE
        DROP SCHEMA IF EXISTS public CASCADE;
        CREATE SCHEMA public;
    END IF;
END $$
"""


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This worker's migrated, empty SQLite file, copied for each test that needs one."""

    async def build(path: Path) -> None:
        store = open_store(f"sqlite:///{path}")
        await store.connect()
        await store.migrate()
        await store.disconnect()

    path = tmp_path_factory.mktemp("template") / "chorus.db"
    asyncio.run(build(path))
    return path


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty, migrated database, once for SQLite and once for PostgreSQL."""
    if request.param == "postgresql":
        from service.store.connection import pending_files

        url: str = request.getfixturevalue("postgres_url")
        _postgres(url, _EMPTY_POSTGRES.format(migrations=len(pending_files("postgresql"))))
        return url
    return request.getfixturevalue("sqlite_url")


@pytest.fixture
def sqlite_url(tmp_path: Path, _migrated_sqlite: Path) -> str:
    """A URL to an empty, migrated SQLite database, for tests that are not about the backend."""
    shutil.copyfile(_migrated_sqlite, tmp_path / "chorus.db")
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
# Playwright starts Chromium with `--disable-features=<its own list>`, and Chromium honours only
# the last `--disable-features` on its command line. So ours repeats Playwright's list (1.5x)
# and adds to it; a browser test checks that the list Chromium gets still holds Playwright's.
PLAYWRIGHT_DISABLED_FEATURES = [
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
]
# Chromium preloads its address bar's suggestion list, a web page of its own, for every window,
# headless ones too: a renderer process for each test's browser context, which no test looks at
# and which was half of Chromium's work in the browser tests.
UNSEEN_BROWSER_UI = [
    "PreloadTopChromeWebUI",
    "WebUIOmniboxPopup",
    "WebUIOmniboxAimPopup",
    "WebUIOmniboxFullPopup",
]
# One renderer process per page instead of one per site, and the compositor in the browser
# process instead of a GPU process of its own: the tests' pages load from two loopback origins
# at most, and with the GPU off that process only composites. A fifth less of Chromium's work
# in the browser tests (34 renderer processes became 24 for the 14 tests of one file).
FEWER_PROCESSES = ["IsolateOrigins", "site-per-process"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-site-isolation-trials",
    "--in-process-gpu",
    "--disable-features="
    + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNSEEN_BROWSER_UI + FEWER_PROCESSES),
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SCREENSHOTS = os.environ.get("CHORUS_SCREENSHOTS", "") == "1"


class LiveServer:
    """The app served by uvicorn on a free loopback port, in a background thread.

    `app`, when given, is served instead of Chorus on `database_url`.
    """

    def __init__(self, database_url: str, app: Any = None) -> None:
        import socket
        import threading

        import uvicorn

        from service.app import create_app

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url
        # As `serve` runs it: Chorus has no WebSocket route, so no WebSocket protocol is loaded.
        config = uvicorn.Config(
            app or create_app(database_url),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            ws="none",
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


class _Switchboard:
    """The app a worker's shared server runs: it hands each request to the current test's app.

    It runs that app through the ASGI lifespan protocol as uvicorn would (startup before
    the first request, shutdown after the test), in one task on the server's event loop.
    """

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.app: Any = None
        self.state: dict[str, Any] = {}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self._own_lifespan(receive, send)
        elif self.app is None:
            # Between two tests, as a server that has stopped: nothing answers for an app.
            from starlette.responses import PlainTextResponse

            await PlainTextResponse("no app is served now", 503)(scope, receive, send)
        else:
            await self.app({**scope, "state": dict(self.state)}, receive, send)

    async def _own_lifespan(self, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.loop = asyncio.get_running_loop()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def start(self, app: Any) -> Callable[[], Awaitable[None]]:
        """Run `app`'s startup and serve it; return the coroutine function that shuts it down."""
        inbox: asyncio.Queue[dict[str, str]] = asyncio.Queue()
        outbox: asyncio.Queue[dict[str, str]] = asyncio.Queue()
        state: dict[str, Any] = {}
        scope = {"type": "lifespan", "asgi": {"version": "3.0", "spec_version": "2.0"}}
        lifespan = asyncio.create_task(app({**scope, "state": state}, inbox.get, outbox.put))
        await inbox.put({"type": "lifespan.startup"})
        answer = await outbox.get()
        if answer["type"] != "lifespan.startup.complete":
            await asyncio.gather(lifespan, return_exceptions=True)
            raise RuntimeError(f"the app did not start: {answer.get('message', '')}")
        self.app, self.state = app, state

        async def stop() -> None:
            self.app, self.state = None, {}
            await inbox.put({"type": "lifespan.shutdown"})
            await outbox.get()
            await lifespan

        return stop


class _SharedServer:
    """One uvicorn server for the whole run of a worker, serving each test's app in turn.

    Starting and stopping uvicorn for every browser test cost more than most of those tests'
    own steps; what a test needs fresh is the app and its database, which `serving` gives it.
    """

    def __init__(self) -> None:
        self.switchboard = _Switchboard()
        self.server = LiveServer("", app=self.switchboard)
        self.url = self.server.url

    def __enter__(self) -> _SharedServer:
        self.server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.__exit__()

    @contextlib.contextmanager
    def serving(self, database_url: str) -> Iterator[ServedApp]:
        """A fresh app on `database_url` at this server's address, for the length of the block."""
        from service.app import create_app

        loop = self.switchboard.loop
        assert loop is not None, "the shared server has not started"
        start = self.switchboard.start(create_app(database_url))
        stop = asyncio.run_coroutine_threadsafe(start, loop).result(timeout=20)
        try:
            yield ServedApp(self.url, self.server.port, database_url)
        finally:
            asyncio.run_coroutine_threadsafe(stop(), loop).result(timeout=20)


@dataclass(frozen=True)
class ServedApp:
    """What `live_server` gives a test: the address its own app answers at, and its database."""

    url: str
    port: int
    database_url: str


@pytest.fixture(scope="session")
def _shared_server() -> Iterator[_SharedServer]:
    """This worker's one live server; the `live_server` fixture switches its app per test."""
    with _SharedServer() as server:
        yield server


@pytest.fixture
def live_server(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, _shared_server: _SharedServer
) -> Iterator[ServedApp]:
    """Chorus on a real port with a fresh SQLite database; PUBLIC_URL points at it."""
    import settings

    with _shared_server.serving(sqlite_url) as server:
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
    # A route handler may still be answering a request the page sent last (the widget fetches a
    # fresh form token after each post): let it finish here, not fail the next test's setup.
    tab.unroute_all(behavior="wait")
    context.close()


def save_screenshot(target: object, name: str) -> Path | None:
    """Keep a screenshot of a page or an element under test-artifacts/ for a person to look at.

    Only with CHORUS_SCREENSHOTS=1 (`make screenshots`): encoding the pictures was a fifth of
    Chromium's work in `make test`, where nobody looks at them. Without it an element must
    still be visible, as taking its picture would have required.
    """
    from playwright.sync_api import Locator, expect

    if not SCREENSHOTS:
        if isinstance(target, Locator):
            expect(target).to_be_visible()
        return None
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if isinstance(target, Locator):
        target.screenshot(path=str(path))
    else:
        target.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path

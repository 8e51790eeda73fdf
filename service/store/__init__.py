"""The only place that speaks SQL: one module per kind of record, behind one `Store`.

Nothing outside this package imports a database module (`sqlite3`, `asyncpg`; the import
contract checks it); the web edge finds the `Store` on `app.state.store` and hands it to the use
cases.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from service.domain.comments import ChangeScope
from service.store.accounts import Accounts
from service.store.clock import later, now
from service.store.comments import (
    Added,
    Comments,
    Duplicate,
    NoConsent,
    ParentRefused,
    TooLate,
)
from service.store.connection import DatabaseSettingError, dialect_of, make_database, migrate
from service.store.engine import (
    CHANNEL,
    Database,
    Listener,
    PostgresDatabase,
    SqliteDatabase,
    WriterBusy,
    atomically,
    read_notice,
)
from service.store.faults import UNAVAILABLE, describe_failure
from service.store.honesty import Honesty
from service.store.imports import Imports
from service.store.invites import Invites
from service.store.limits import Counters, DatabaseCounters, RedisCounters, waiting
from service.store.links import Links
from service.store.log import ModerationLog
from service.store.names import DisplayNames
from service.store.outbox import Notice, Outbox
from service.store.passkeys import Passkeys
from service.store.pins import Pinned, Pins
from service.store.privacy import Privacy
from service.store.queue import Queue
from service.store.reports import Reports
from service.store.rules import RuleExists, Rules
from service.store.search import Search
from service.store.sessions import Session, Sessions
from service.store.subscriptions import Subscription, Subscriptions
from service.store.threads import Threads
from service.store.undo import UndoLog
from service.store.webhooks import Webhooks

T = TypeVar("T")
log = logging.getLogger("chorus.store")
WATCH_INTERVAL = 0.15  # seconds between SQLite change checks (the staleness bound across workers)
RECONNECT_INTERVAL = 1.0  # seconds between attempts to get the change channel back
DISCONNECT_TIMEOUT = 4.0  # seconds closing the connections may take at shutdown

__all__ = [
    "UNAVAILABLE",
    "Added",
    "DatabaseSettingError",
    "Duplicate",
    "NoConsent",
    "Notice",
    "ParentRefused",
    "Pinned",
    "RuleExists",
    "Session",
    "Store",
    "Subscription",
    "TooLate",
    "WriterBusy",
    "describe_failure",
    "dialect_of",
    "later",
    "now",
    "open_store",
    "waiting",
]


class Store:
    """One database and the record stores over it."""

    def __init__(self, database: Database, redis_url: str = "", redis_prefix: str = "") -> None:
        self.database = database
        self.comments = Comments(database)
        self.search = Search(database)
        self.queue = Queue(database, self.search)
        self.threads = Threads(database)
        self.sessions = Sessions(database)
        self.accounts = Accounts(database)
        self.passkeys = Passkeys(database)
        self.log = ModerationLog(database)
        self.outbox = Outbox(database)
        self.links = Links(database)
        self.subscriptions = Subscriptions(database)
        self.privacy = Privacy(database)
        # False while the database or the change channel cannot be reached.
        self.available = True
        # Told about changes other workers made (this worker's own come from the engine).
        self._listeners: list[Listener] = []
        self.imports = Imports(database)
        self.undo = UndoLog(database)
        self.rules = Rules(database)
        self.honesty = Honesty(database)
        self.pins = Pins(database)
        self.display_names = DisplayNames(database)
        self.reports = Reports(database)
        self.webhooks = Webhooks(database)
        self.invites = Invites(database)
        # Rate-limit counters and spent form tokens: in Redis when given, else in the database.
        self.counters: Counters = (
            RedisCounters(redis_url, redis_prefix or "chorus:")
            if redis_url
            else DatabaseCounters(database)
        )

    @property
    def dialect(self) -> str:
        return self.database.dialect

    def on_change(self, listener: Listener) -> None:
        """Call `listener` after every committed change to public data, from any worker.

        It is given what the change can have touched (`ChangeScope`), or None for anything.
        """
        self.database.changes.listeners.append(listener)
        self._listeners.append(listener)

    def _changed_elsewhere(self, scope: ChangeScope | None = None) -> None:
        self.rules.forget_held()
        for listener in self._listeners:
            listener(scope)

    async def connect(self) -> None:
        await self.database.connect()

    async def disconnect(self) -> None:
        """Close the connections, giving up after DISCONNECT_TIMEOUT (a dead server can hang)."""
        try:
            async with asyncio.timeout(DISCONNECT_TIMEOUT):
                await self.counters.close()
                await self.database.disconnect()
        except Exception as exc:
            log.warning("database connections abandoned at shutdown: %s", describe_failure(exc))

    async def watch(self) -> None:
        """Run until cancelled: tell the listeners about changes made by other workers.

        SQLite: `PRAGMA data_version` every WATCH_INTERVAL on a connection of its own.
        PostgreSQL: LISTEN on a connection of its own; when it is lost, everything cached may
        have missed a change, so the listeners are told once it is back.
        """
        if isinstance(self.database, SqliteDatabase):
            await self._watch_sqlite(self.database)
        elif isinstance(self.database, PostgresDatabase):
            await self._watch_postgres(self.database)

    async def _watch_sqlite(self, database: SqliteDatabase) -> None:
        while True:
            try:
                if await database.poll_changes():
                    self._changed_elsewhere()
                if not self.available:
                    log.info("database reachable again")
                self.available = True
            except Exception as exc:
                if self.available:
                    log.warning("database unreachable: %s", describe_failure(exc))
                self.available = False
            await asyncio.sleep(WATCH_INTERVAL)

    def _heard(self, own: str) -> Callable[..., None]:
        def listener(_connection: object, _pid: int, _channel: str, payload: str) -> None:
            sender, scope = read_notice(payload)
            if sender != own:
                self._changed_elsewhere(scope)

        return listener

    async def _watch_postgres(self, database: PostgresDatabase) -> None:
        import asyncpg

        while True:
            lost = asyncio.Event()
            connection: asyncpg.Connection | None = None
            try:
                connection = await asyncpg.connect(database.dsn, timeout=5)
                connection.add_termination_listener(lambda _c, lost=lost: lost.set())
                await connection.add_listener(CHANNEL, self._heard(database.sender))
                if not self.available:
                    log.info("database reachable again")
                    # Changes made while we could not listen were missed: drop what we hold.
                    self._changed_elsewhere()
                self.available = True
                await lost.wait()
                log.warning("database connection lost (change channel closed)")
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if self.available:
                    log.warning("database unreachable: %s", describe_failure(exc))
            finally:
                if connection is not None:
                    connection.terminate()
            self.available = False
            await asyncio.sleep(RECONNECT_INTERVAL)

    async def atomically(self, body: Callable[[], Awaitable[T]]) -> T:
        """Run a use case's unit of work as one transaction; on SQLite in the next group commit.

        The body calls store functions only: on SQLite it runs in the writer's thread, where
        awaiting anything but the database is refused.
        """
        return await atomically(self.database, body)

    async def migrate(self) -> list[str]:
        """Apply the migrations not yet applied; return their names."""
        return await migrate(self.database)

    async def ping(self) -> None:
        """Raise when the database does not answer."""
        await self.database.fetch_val("SELECT 1")


def open_store(url: str, redis_url: str = "", redis_prefix: str = "") -> Store:
    """A (not yet connected) store on `url`; raises DatabaseSettingError naming the setting.

    With `redis_url`, the shared counters live in Redis under `redis_prefix`.
    """
    return Store(make_database(url), redis_url, redis_prefix)

"""The only place that speaks SQL: one module per kind of record, behind one `Store`.

Nothing outside this package imports `databases`; the web edge finds the `Store` on
`app.state.store` and hands it to the use cases.
"""

from __future__ import annotations

from databases import Database

from service.store.clock import now
from service.store.comments import Comments, Duplicate, NoConsent, ParentRefused
from service.store.connection import DatabaseSettingError, dialect_of, make_database, migrate
from service.store.limits import Counters, DatabaseCounters, RedisCounters, waiting
from service.store.log import ModerationLog
from service.store.rules import RuleExists, Rules
from service.store.sessions import Session, Sessions
from service.store.threads import Threads

__all__ = [
    "DatabaseSettingError",
    "Duplicate",
    "NoConsent",
    "ParentRefused",
    "RuleExists",
    "Session",
    "Store",
    "dialect_of",
    "now",
    "open_store",
    "waiting",
]


class Store:
    """One database and the record stores over it."""

    def __init__(self, database: Database, redis_url: str = "", redis_prefix: str = "") -> None:
        self.database = database
        self.comments = Comments(database)
        self.threads = Threads(database)
        self.sessions = Sessions(database)
        self.log = ModerationLog(database)
        self.rules = Rules(database)
        # Rate-limit counters and spent form tokens: in Redis when given, else in the database.
        self.counters: Counters = (
            RedisCounters(redis_url, redis_prefix or "chorus:")
            if redis_url
            else DatabaseCounters(database)
        )

    @property
    def dialect(self) -> str:
        return "sqlite" if self.database.url.scheme.startswith("sqlite") else "postgresql"

    async def connect(self) -> None:
        await self.database.connect()

    async def disconnect(self) -> None:
        await self.counters.close()
        await self.database.disconnect()

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

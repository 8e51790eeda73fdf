"""The only place that speaks SQL: one module per kind of record, behind one `Store`.

Nothing outside this package imports `databases`; the web edge finds the `Store` on
`app.state.store` and hands it to the use cases.
"""

from __future__ import annotations

from databases import Database

from service.store.clock import now
from service.store.comments import Comments, Duplicate, NoConsent, ParentRefused
from service.store.connection import DatabaseSettingError, dialect_of, make_database, migrate
from service.store.log import ModerationLog
from service.store.sessions import Session, Sessions
from service.store.threads import Threads
from service.store.undo import UndoLog

__all__ = [
    "DatabaseSettingError",
    "Duplicate",
    "NoConsent",
    "ParentRefused",
    "Session",
    "Store",
    "dialect_of",
    "now",
    "open_store",
]


class Store:
    """One database and the record stores over it."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.comments = Comments(database)
        self.threads = Threads(database)
        self.sessions = Sessions(database)
        self.log = ModerationLog(database)
        self.undo = UndoLog(database)

    @property
    def dialect(self) -> str:
        return "sqlite" if self.database.url.scheme.startswith("sqlite") else "postgresql"

    async def connect(self) -> None:
        await self.database.connect()

    async def disconnect(self) -> None:
        await self.database.disconnect()

    async def migrate(self) -> list[str]:
        """Apply the migrations not yet applied; return their names."""
        return await migrate(self.database)

    async def ping(self) -> None:
        """Raise when the database does not answer."""
        await self.database.fetch_val("SELECT 1")


def open_store(url: str) -> Store:
    """A (not yet connected) store on `url`; raises DatabaseSettingError naming the setting."""
    return Store(make_database(url))

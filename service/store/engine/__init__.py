"""How the store holds its database connections, and how it learns that the data changed.

One small interface (`Database`: fetch_all, fetch_one, fetch_val, execute, transaction,
atomically) with one engine per backend, each on its driver's public API: `sqlite.py` on the
standard library's `sqlite3` (its own writer thread, group commits), `postgres.py` on asyncpg's
pool. `shared.py` holds what both need: rows, the change listeners, the notices between workers.
"""

from __future__ import annotations

from service.store.engine.postgres import PostgresDatabase
from service.store.engine.shared import (
    CHANNEL,
    Database,
    Listener,
    Row,
    UndeclaredWrite,
    WriterBusy,
    atomically,
    notice_payload,
    read_notice,
    scoped_changes,
    sqlite_file,
    url_scheme,
)
from service.store.engine.sqlite import SqliteDatabase

__all__ = [
    "CHANNEL",
    "Database",
    "Listener",
    "PostgresDatabase",
    "Row",
    "SqliteDatabase",
    "UndeclaredWrite",
    "WriterBusy",
    "atomically",
    "notice_payload",
    "read_notice",
    "scoped_changes",
    "sqlite_file",
    "url_scheme",
]

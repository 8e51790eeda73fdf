"""A consistent copy of the SQLite database while Chorus runs (SQLite's online backup API)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from databases import DatabaseURL

from service.store.connection import dialect_of


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite DATABASE_URL; None for PostgreSQL."""
    if dialect_of(url) != "sqlite":
        return None
    return Path(DatabaseURL(url).database)


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy `source` to `target` page by page; writers may go on meanwhile, the copy is whole."""
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        with copy:
            origin.backup(copy)
    finally:
        copy.close()
        origin.close()

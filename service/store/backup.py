"""A consistent copy of the SQLite database while Chorus runs (SQLite's online backup API)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from service.store.connection import dialect_of
from service.store.engine import sqlite_file


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite DATABASE_URL; None for PostgreSQL."""
    if dialect_of(url) != "sqlite":
        return None
    return Path(sqlite_file(url))


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy `source` to `target` page by page; writers may go on meanwhile, the copy is whole.

    The copy holds every reader's address: it is created mode 0600 before SQLite opens it, so
    it is never readable by others, whatever the umask.
    """
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        with copy:
            origin.backup(copy)
    finally:
        copy.close()
        origin.close()

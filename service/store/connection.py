"""The database connection and the migration runner.

Migrations are numbered SQL files in `migrations/`. A file `NNN_name.sql` runs on every backend;
`NNN_name.sqlite.sql` and `NNN_name.postgresql.sql` stand in for it where the dialects differ.
Applied names are recorded in `schema_migrations`, so running the runner twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from service.store.engine import (
    Database,
    PostgresDatabase,
    SqliteDatabase,
    sqlite_file,
    url_scheme,
)

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
SQLITE_BUSY_TIMEOUT = 5.0  # seconds a writer waits for the lock before giving up
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+?)(?:\.(sqlite|postgresql))?\.sql$")


class DatabaseSettingError(RuntimeError):
    """DATABASE_URL cannot be used; the message says why in one line."""


def dialect_of(url: str) -> str:
    """'sqlite' or 'postgresql' for a DATABASE_URL, or raise naming the setting."""
    try:
        scheme = url_scheme(url)
    except Exception:
        raise DatabaseSettingError(f"DATABASE_URL is not a URL: {url!r}") from None
    if scheme.startswith("sqlite"):
        return "sqlite"
    if scheme.startswith(("postgresql", "postgres")):
        return "postgresql"
    raise DatabaseSettingError(
        f"DATABASE_URL must start with sqlite:/// or postgresql://, not {scheme or 'nothing'}://"
    )


def make_database(url: str) -> Database:
    """A Database for `url` with the right driver options."""
    dialect = dialect_of(url)
    if dialect == "sqlite":
        path = sqlite_file(url)
        if path != ":memory:":
            folder = Path(path).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseSettingError(
                    f"DATABASE_URL points into {folder}, which cannot be created ({exc.strerror})"
                ) from None
        # Long-lived connections and one queued writer (see engine/sqlite.py), not one per request.
        return SqliteDatabase(path, busy_timeout=SQLITE_BUSY_TIMEOUT)
    # command_timeout: a statement on a connection that silently died fails instead of hanging.
    return PostgresDatabase(url, min_size=1, max_size=10, command_timeout=30)


def is_sqlite(database: Database) -> bool:
    return database.dialect == "sqlite"


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    path: Path


def pending_files(dialect: str, directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migrations for `dialect`, in order; a dialect file replaces a common one."""
    chosen: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            continue
        number, name, only = int(match[1]), match[2], match[3]
        if only and only != dialect:
            continue
        if number in chosen and not only:
            continue
        chosen[number] = Migration(number, f"{match[1]}_{name}", path)
    return [chosen[n] for n in sorted(chosen)]


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements at a `;` that ends a line.

    Our SQL keeps `;` out of strings; the bodies of SQLite triggers (`BEGIN ... END;`) and of
    PostgreSQL functions (between `$$`) hold several statements and stay whole.
    """
    statements: list[str] = []
    current: list[str] = []
    for line in sql.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current.append(line)
        text = "\n".join(current)
        if not line.rstrip().endswith(";") or text.count("$$") % 2:
            continue
        upper = text.upper().lstrip()
        in_trigger = upper.startswith("CREATE TRIGGER") and "BEGIN" in upper
        if in_trigger and not re.search(r"\bEND\s*;\s*$", upper):
            continue
        statements.append(text.strip().rstrip(";"))
        current = []
    if current and "\n".join(current).strip():
        statements.append("\n".join(current).strip().rstrip(";"))
    return statements


async def migrate(database: Database) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now."""
    dialect = database.dialect  # (SQLite's WAL mode is set by the engine as it connects)
    applied_now: list[str] = []
    async with database.transaction():
        if dialect == "postgresql":
            # Two workers starting at once must not both run the same file, nor both create the
            # record table: CREATE TABLE IF NOT EXISTS is not safe against itself on PostgreSQL
            # (two at once collide in the catalogue), so the lock comes first.
            await database.execute("SELECT pg_advisory_xact_lock(7243101)", public=False)
        await database.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
            public=False,
        )
        if dialect == "sqlite":
            await database.execute("DELETE FROM schema_migrations WHERE 0", public=False)
        done = {r["name"] for r in await database.fetch_all("SELECT name FROM schema_migrations")}
        for migration in pending_files(dialect):
            if migration.name in done:
                continue
            for statement in _statements(migration.path.read_text()):
                # A new schema can change any answer: the caches start again.
                await database.execute(statement, public=True)
            await database.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (:name, :at)",
                {"name": migration.name, "at": datetime.now(UTC).isoformat()},
                public=False,
            )
            applied_now.append(migration.name)
    return applied_now

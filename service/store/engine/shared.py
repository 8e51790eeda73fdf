"""What both engines share: the interface the store is written against, result rows, the URL,
`:name` parameters for asyncpg, and how a committed change reaches the listeners.

Every write says whether it can change what the public sees (`public=True|False`): the engines
never guess it from the SQL. A read says nothing (`public=None`), and on SQLite a statement that
changed rows without saying so fails loudly.
"""

from __future__ import annotations

import abc
import contextlib
import functools
import json
import re
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from contextvars import ContextVar
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from service.domain.comments import ChangeScope

T = TypeVar("T")
Values = Mapping[str, Any] | None
Listener = Callable[[ChangeScope | None], None]

CHANNEL = "chorus_changes"
NOTIFY_LIMIT = 8000  # bytes: PostgreSQL refuses a longer NOTIFY payload


class WriterBusy(Exception):
    """The write queue did not reach this write in time; the caller should answer 503."""


class UndeclaredWrite(RuntimeError):
    """A statement changed rows without saying whether it changes public data (a bug)."""


def url_scheme(url: str) -> str:
    """The scheme of a DATABASE_URL ('sqlite', 'postgresql+asyncpg', ...); '' when it has none."""
    return urlsplit(url).scheme


def sqlite_file(url: str) -> str:
    """The database file of a SQLite URL: sqlite:///relative.db, sqlite:////absolute.db."""
    path = urlsplit(url).path
    return unquote(path[1:] if path.startswith("/") else path) or ":memory:"


class Row:
    """A result row: by position, by column name, and as a mapping (`._mapping`)."""

    __slots__ = ("_map", "_values")

    def __init__(self, names: Sequence[str], values: Sequence[Any]) -> None:
        self._values = tuple(values)
        self._map = dict(zip(names, self._values, strict=True))

    @property
    def _mapping(self) -> Mapping[str, Any]:
        return self._map

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return self._map[key]
        return self._values[key]

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __repr__(self) -> str:
        return f"Row({self._map!r})"


class Database(abc.ABC):
    """The store's whole view of a database: three reads, one write, a unit of work.

    `public` says whether a write can change a public answer (a page's comments, the feeds, the
    testimonials); the caches are emptied after a commit that held one. Bookkeeping (sessions,
    the outbox, counters, the search index's state) passes `public=False`.
    """

    dialect: str

    def __init__(self) -> None:
        self.changes = Changes()
        self.is_connected = False

    @abc.abstractmethod
    async def connect(self) -> None: ...

    @abc.abstractmethod
    async def disconnect(self) -> None: ...

    @abc.abstractmethod
    async def query(self, sql: str, values: Values, public: bool | None) -> list[Row]:
        """Run one statement; a read when `public` is None, else a write that says so."""

    async def fetch_all(
        self, sql: str, values: Values = None, *, public: bool | None = None
    ) -> list[Row]:
        return await self.query(sql, values, public)

    async def fetch_one(
        self, sql: str, values: Values = None, *, public: bool | None = None
    ) -> Row | None:
        rows = await self.query(sql, values, public)
        return rows[0] if rows else None

    async def fetch_val(
        self, sql: str, values: Values = None, *, public: bool | None = None
    ) -> Any:
        rows = await self.query(sql, values, public)
        return rows[0][0] if rows and len(rows[0]) else None

    async def execute(self, sql: str, values: Values = None, *, public: bool) -> Any:
        """A write; the first value it returns (RETURNING), else None."""
        rows = await self.query(sql, values, public)
        return rows[0][0] if rows and len(rows[0]) else None

    @abc.abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Any]:
        """A transaction for this task; inside another, a savepoint of it."""

    @abc.abstractmethod
    async def atomically(self, body: Callable[[], Awaitable[T]]) -> T:
        """Run `body` as one transaction (on SQLite: in the next group commit)."""


async def atomically(db: Database, body: Callable[[], Awaitable[T]]) -> T:
    """Run `body` as one unit of work on `db`."""
    return await db.atomically(body)


# -- telling the listeners ----------------------------------------------------------------------

# Set by a write that knows what it changes (`scoped_changes`); None means "anything".
_scope: ContextVar[ChangeScope | None] = ContextVar("chorus_change_scope", default=None)


@contextlib.contextmanager
def scoped_changes(scope: ChangeScope) -> Iterator[None]:
    """Report the writes committed in this block as changing only `scope`, not everything."""
    token = _scope.set(scope)
    try:
        yield
    finally:
        _scope.reset(token)


def notice_payload(sender: str) -> str:
    """What a committed write tells the other workers: who wrote, and its scope when known."""
    scope = _scope.get()
    if scope is None:
        return sender
    payload = json.dumps(
        {"sender": sender, "pages": list(scope.pages), "testimonials": scope.testimonials}
    )
    return payload if len(payload.encode()) < NOTIFY_LIMIT else sender


def read_notice(payload: str) -> tuple[str, ChangeScope | None]:
    """(sender, scope) from a notice's payload; an unreadable scope means "anything"."""
    if not payload.startswith("{"):
        return payload, None
    try:
        found = json.loads(payload)
        pages = tuple(str(p) for p in found["pages"])
        return str(found["sender"]), ChangeScope(pages, bool(found["testimonials"]))
    except (ValueError, KeyError, TypeError):
        return "", None


class Changes:
    """Listeners told, in this process, that public data changed."""

    def __init__(self) -> None:
        self.listeners: list[Listener] = []

    def fire(self) -> None:
        scope = _scope.get()
        for listener in self.listeners:
            listener(scope)


# -- `:name` parameters for asyncpg ---------------------------------------------------------------

# SQLAlchemy's own rules for a text clause's `:name` parameters and escaped `\\:` colons, so a
# query means on asyncpg exactly what it meant through `databases` (and means on sqlite3).
_NAMED = re.compile(r"(?<![:\w\x5c]):(\w+)(?!:)")
_ESCAPED_COLON = re.compile(r"\x5c(:[\w\$]*)(?![:\w\$])")


@functools.lru_cache(maxsize=1024)
def numbered(query: str) -> tuple[str, tuple[str, ...]]:
    """`query` with asyncpg's `$1, $2, ...` for its `:name` parameters, and the names in order."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        if match[1] not in names:
            names.append(match[1])
        return f"${names.index(match[1]) + 1}"

    return _ESCAPED_COLON.sub(r"\1", _NAMED.sub(number, query)), tuple(names)

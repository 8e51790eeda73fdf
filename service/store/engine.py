"""How the store holds its database connections, and how it learns that the data changed.

`databases`' SQLite backend opens a new aiosqlite connection (and so a new OS thread) for every
request, and lets every writer race for the file lock until the busy timeout answers "database
is locked". `SqliteDatabase` keeps the same small API (fetch_all, fetch_one, fetch_val, execute,
transaction) over long-lived connections instead: one writer, used by one transaction at a time
in the order they asked (an asyncio lock is the queue, so writers in one process never meet the
busy timeout), and a few readers that WAL lets run beside it.

Writes that need no back-and-forth with the event loop (single statements, and `atomically`
bodies such as a new comment's) commit in groups: whatever has queued while the writer was busy
runs in one trip to the writer's thread, each in a savepoint of one transaction, with one fsync
for all. One trip per statement used to hold the write queue for as long as the event loop took
to come back to each answer, and that, not SQLite, capped the posting rate.

Both engines call `on_change` listeners after a committed write that can change what the public
sees (writes to bookkeeping tables such as sessions and the outbox do not count). On PostgreSQL a
write transaction also sends `NOTIFY chorus_changes`, delivered to the other workers at commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import re
import secrets
import sqlite3
import threading
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar, Token
from types import TracebackType
from typing import Any, TypeVar

import aiosqlite
from databases import Database, DatabaseURL
from databases.interfaces import Record

from service.domain.comments import ChangeScope

CHANNEL = "chorus_changes"
NOTIFY_LIMIT = 8000  # bytes: PostgreSQL refuses a longer NOTIFY payload
# Tables whose rows never show in a public answer: writing them leaves the caches alone.
QUIET_TABLES = frozenset(
    {
        "admin_sessions",
        "comment_search",
        "comment_search_state",
        "outbox",
        "schema_migrations",
        "undo_changes",
        "rate_counts",
        "used_form_tokens",
    }
)
WRITE_QUEUE_TIMEOUT = 20.0  # seconds a write may wait for the writer before the answer is 503
READERS = 3  # long-lived read connections per process
_WRITE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+(\w+)", re.I)


class WriterBusy(Exception):
    """The write queue did not reach this write in time; the caller should answer 503."""


def changes_public_data(sql: str) -> bool:
    """Whether a statement writes a table whose rows can appear in a public answer."""
    match = _WRITE.match(sql)
    if match:
        return match[1].lower() not in QUIET_TABLES
    head = sql.lstrip()[:6].upper()
    return head not in ("SELECT", "PRAGMA", "WITH") and not head.startswith("SAVEPO")


def _is_read(sql: str) -> bool:
    head = sql.lstrip()[:6].upper()
    return head in ("SELECT", "WITH") and "RETURNING" not in sql.upper()


class Row(Record):
    """A result row: by position, by column name, and as `._mapping`, like `databases` rows."""

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


def _query_now(
    connection: aiosqlite.Connection, sql: str, values: dict[str, Any]
) -> tuple[list[Row], int]:
    """In the connection's own thread: execute, fetch every row, close the cursor."""
    cursor = connection._conn.execute(sql, values)
    try:
        rows = cursor.fetchall()
        names = [d[0] for d in cursor.description or ()]
        return [Row(names, r) for r in rows], cursor.rowcount
    finally:
        cursor.close()


T = TypeVar("T")


class _Job:
    """One write waiting for the next group commit, and what became of it."""

    __slots__ = ("body", "database", "dirty", "error", "future", "result")

    def __init__(
        self, database: SqliteDatabase, body: Callable[[], Awaitable[Any]], future: Any
    ) -> None:
        self.database = database
        self.body = body
        self.future = future
        self.dirty = False
        self.result: Any = None
        self.error: BaseException | None = None


# Set only in a writer's thread while it runs a group: the job whose body is running there.
_inline = threading.local()


def _inline_job(database: SqliteDatabase) -> _Job | None:
    job: _Job | None = getattr(_inline, "job", None)
    return job if job is not None and job.database is database else None


def _drive(body: Callable[[], Awaitable[T]]) -> T:
    """Run an async body to its end without an event loop: its database calls never wait here."""
    coroutine = body().__await__()
    try:
        next(coroutine)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    coroutine.close()
    raise RuntimeError("an atomic write waited for something other than the database")


def _commit_group(connection: sqlite3.Connection, jobs: list[_Job]) -> None:
    """In the writer's thread: every job in a savepoint of one transaction, then one COMMIT.

    A job that raises is rolled back to its savepoint and keeps its error; the others go on. If
    the transaction itself fails (BEGIN finds the file locked, COMMIT finds the disk full),
    nothing of the group is stored and every job gets that error.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        for job in jobs:
            _inline.job = job
            connection.execute("SAVEPOINT chorus_job")
            try:
                job.result = _drive(job.body)
            except Exception as exc:
                job.error = exc
                connection.execute("ROLLBACK TO chorus_job")
            finally:
                _inline.job = None
            connection.execute("RELEASE chorus_job")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            with contextlib.suppress(Exception):
                connection.execute("ROLLBACK")
        raise


Listener = Callable[[ChangeScope | None], None]
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


class _Changes:
    """Listeners told, in this process, that public data changed."""

    def __init__(self) -> None:
        self.listeners: list[Listener] = []

    def fire(self) -> None:
        scope = _scope.get()
        for listener in self.listeners:
            listener(scope)


# -- SQLite -------------------------------------------------------------------------------------

_sqlite_tx: ContextVar[_SqliteTransaction | None] = ContextVar("chorus_sqlite_tx", default=None)


class SqliteDatabase(Database):
    """SQLite over long-lived aiosqlite connections: one queued writer, a few readers."""

    def __init__(self, url: str, busy_timeout: float) -> None:
        # Not Database.__init__: no SQLAlchemy backend, no connection per request.
        self.url = DatabaseURL(url)
        self.path = self.url.database or ":memory:"
        self.busy_timeout = busy_timeout
        self.is_connected = False
        self.changes = _Changes()
        self._writer: aiosqlite.Connection | None = None
        self._readers: asyncio.Queue[aiosqlite.Connection] | None = None
        self._all_readers: list[aiosqlite.Connection] = []
        self._lock = asyncio.Lock()
        self._data_version: int | None = None
        self._jobs: list[_Job] = []
        self._committer: asyncio.Task[None] | None = None

    async def _open(self, *, query_only: bool = False) -> aiosqlite.Connection:
        connection = await aiosqlite.connect(
            self.path, isolation_level=None, timeout=self.busy_timeout
        )
        # Through _query, which closes its cursor: a pragma's unread row would keep a statement
        # open on the connection, and SQLite opens no savepoint beside one (group commits do).
        await self._query(
            connection, f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}", None
        )
        if query_only:
            await self._query(connection, "PRAGMA query_only = 1", None)
        return connection

    async def connect(self) -> None:
        if self.is_connected:
            return
        self._writer = await self._open()
        try:
            # WAL lets the readers go on while the writer writes; it is a property of the file.
            if self.path != ":memory:":
                await self._query(self._writer, "PRAGMA journal_mode = WAL", None)
                self._readers = asyncio.Queue()
                for _ in range(READERS):
                    reader = await self._open(query_only=True)
                    self._all_readers.append(reader)
                    self._readers.put_nowait(reader)
        except BaseException:
            await self.disconnect()
            raise
        self.is_connected = True

    async def disconnect(self) -> None:
        connections = [self._writer, *self._all_readers]
        self._writer, self._readers, self._all_readers = None, None, []
        self.is_connected = False
        for connection in connections:
            if connection is not None:
                with contextlib.suppress(Exception):
                    await connection.close()

    @property
    def writer(self) -> aiosqlite.Connection:
        if self._writer is None:
            raise sqlite3.OperationalError("the database is not connected")
        return self._writer

    @staticmethod
    async def _query(
        connection: aiosqlite.Connection, sql: str, values: Mapping[str, Any] | None
    ) -> tuple[list[Row], int]:
        """Run one statement and read its rows in a single trip to the connection's thread.

        aiosqlite's public calls take three trips (execute, fetchall, close), each a hand-over
        between threads; a POST runs a few dozen statements, so that was a third of its time.
        `_execute` is the queue every public call goes through (aiosqlite 0.20 to 0.22 alike).
        """
        found: tuple[list[Row], int] = await connection._execute(  # type: ignore[no-untyped-call]
            _query_now, connection, sql, dict(values or {})
        )
        return found

    async def _run(self, sql: str, values: Mapping[str, Any] | None) -> tuple[list[Row], int]:
        job = _inline_job(self)
        if job is not None:
            if changes_public_data(sql):
                job.dirty = True
            return _query_now(self.writer, sql, dict(values or {}))
        tx = _sqlite_tx.get()
        if tx is not None and tx.database is self:
            if changes_public_data(sql):
                tx.dirty = True
            return await self._query(self.writer, sql, values)
        if _is_read(sql) and self._readers is not None:
            reader = await self._readers.get()
            try:
                return await self._query(reader, sql, values)
            finally:
                if self._readers is not None:
                    self._readers.put_nowait(reader)
        if _WRITE.match(sql):
            return await self.atomically(lambda: self._run(sql, values))
        # Pragmas, schema changes, VACUUM: alone, outside any transaction.
        async with self._writing():
            result = await self._query(self.writer, sql, values)
        if changes_public_data(sql):
            self.changes.fire()
        return result

    async def atomically(self, body: Callable[[], Awaitable[T]]) -> T:
        """Run `body` as one transaction of its own, in the next group commit.

        The body's database calls run in the writer's thread and must be all it awaits. Inside a
        transaction of this task it simply runs there, as part of it.
        """
        tx = _sqlite_tx.get()
        if (tx is not None and tx.database is self) or _inline_job(self) is not None:
            async with self.transaction():
                return await body()
        job = _Job(self, body, asyncio.get_running_loop().create_future())
        self._jobs.append(job)
        if self._committer is None or self._committer.done():
            self._committer = asyncio.create_task(self._commit_waiting(), name="chorus-commit")
        return await job.future  # type: ignore[no-any-return]

    async def _commit_waiting(self) -> None:
        """Commit the waiting writes, a group at a time, until none wait."""
        while self._jobs:
            jobs: list[_Job] = []
            try:
                async with self._writing():
                    # Taken once the writer is ours, so all that queued meanwhile joins in.
                    jobs, self._jobs = self._jobs, []
                    await self.writer._execute(  # type: ignore[no-untyped-call]
                        _commit_group, self.writer._conn, jobs
                    )
            except BaseException as failure:
                # Every write of the group (or, when the writer never came, every waiting one)
                # hears of it: nothing of theirs was committed.
                for job in jobs or self._jobs:
                    if job.future.done():
                        continue
                    if isinstance(failure, Exception):
                        job.future.set_exception(failure)
                    else:
                        job.future.cancel()
                if not jobs:
                    self._jobs = []
                if not isinstance(failure, Exception):
                    raise
                continue
            for job in jobs:
                if job.future.done():
                    continue  # its caller was cancelled: the write stands, nobody is told
                if job.error is not None:
                    job.future.set_exception(job.error)
                else:
                    job.future.set_result(job.result)
            if any(job.dirty and job.error is None for job in jobs):
                self.changes.fire()

    @contextlib.asynccontextmanager
    async def _writing(self) -> Any:
        try:
            async with asyncio.timeout(WRITE_QUEUE_TIMEOUT):
                await self._lock.acquire()
        except TimeoutError:
            raise WriterBusy("the write queue is full") from None
        try:
            yield
        finally:
            self._lock.release()

    async def fetch_all(self, query: Any, values: dict[str, Any] | None = None) -> list[Record]:
        rows, _ = await self._run(query, values)
        return list(rows)

    async def fetch_one(self, query: Any, values: dict[str, Any] | None = None) -> Record | None:
        rows, _ = await self._run(query, values)
        return rows[0] if rows else None

    async def fetch_val(
        self, query: Any, values: dict[str, Any] | None = None, column: Any = 0
    ) -> Any:
        rows, _ = await self._run(query, values)
        return rows[0][column] if rows else None

    async def execute(self, query: Any, values: dict[str, Any] | None = None) -> Any:
        rows, count = await self._run(query, values)
        return rows[0][0] if rows else count

    async def execute_many(self, query: Any, values: list[Any]) -> None:
        for item in values:
            await self.execute(query, item)

    def transaction(  # type: ignore[override]
        self, *, force_rollback: bool = False, **kwargs: Any
    ) -> _SqliteTransaction | _InlineSavepoint:
        job = _inline_job(self)
        if job is not None:
            return _InlineSavepoint(self.writer._conn)
        return _SqliteTransaction(self)

    async def data_version(self) -> int:
        """SQLite's mark of commits by other connections, read on the writer.

        Every write of this process goes through the writer, so on it the mark moves only for
        commits by other processes: exactly the changes this process has not seen yet. (It is a
        read-only pragma, harmless inside another task's transaction.)

        One trip: with execute, fetch and close as separate trips, a group commit could run in
        between while the pragma's statement still held a read snapshot, and BEGIN IMMEDIATE
        then fails at once (SQLITE_BUSY_SNAPSHOT) behind a close that waits for it.
        """
        rows, _ = await self._query(self.writer, "PRAGMA data_version", None)
        return int(rows[0][0])

    async def poll_changes(self) -> bool:
        """Whether anything was committed (by any connection, any process) since the last poll."""
        version = await self.data_version()
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        return changed


class _InlineSavepoint:
    """A transaction inside a group-committed write: a savepoint, in the writer's thread."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.name = f"sp{id(self)}"

    async def __aenter__(self) -> _InlineSavepoint:
        self.connection.execute(f"SAVEPOINT {self.name}")
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.connection.execute(f"ROLLBACK TO {self.name}")
        self.connection.execute(f"RELEASE {self.name}")


class _SqliteTransaction:
    """BEGIN IMMEDIATE on the writer, holding the write queue until COMMIT or ROLLBACK."""

    def __init__(self, database: SqliteDatabase) -> None:
        self.database = database
        self.dirty = False
        self._token: Token[_SqliteTransaction | None] | None = None
        self._savepoint: str | None = None
        self._outer: _SqliteTransaction | None = None
        self._queue: contextlib.AbstractAsyncContextManager[Any] | None = None

    async def __aenter__(self) -> _SqliteTransaction:
        outer = _sqlite_tx.get()
        if outer is not None and outer.database is self.database:
            self._outer = outer
            self._savepoint = f"sp{id(self)}"
            await self.database.writer.execute(f"SAVEPOINT {self._savepoint}")
        else:
            self._queue = self.database._writing()
            await self._queue.__aenter__()
            try:
                await self.database.writer.execute("BEGIN IMMEDIATE")
            except BaseException:
                await self._queue.__aexit__(None, None, None)
                raise
        self._token = _sqlite_tx.set(self)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._token is not None
        _sqlite_tx.reset(self._token)
        writer = self.database.writer
        if self._savepoint is not None:
            assert self._outer is not None
            if exc_type is None:
                await writer.execute(f"RELEASE {self._savepoint}")
                self._outer.dirty = self._outer.dirty or self.dirty
            else:
                await writer.execute(f"ROLLBACK TO {self._savepoint}")
                await writer.execute(f"RELEASE {self._savepoint}")
            return
        assert self._queue is not None
        committed = False
        try:
            if exc_type is None:
                try:
                    await writer.execute("COMMIT")
                    committed = True
                except BaseException:
                    with contextlib.suppress(Exception):
                        await writer.execute("ROLLBACK")
                    raise
            else:
                with contextlib.suppress(Exception):
                    await writer.execute("ROLLBACK")
        finally:
            await self._queue.__aexit__(None, None, None)
        if committed and self.dirty:
            self.database.changes.fire()


async def atomically(db: Database, body: Callable[[], Awaitable[T]]) -> T:
    """Run `body` as one transaction; on SQLite in the next group commit (see SqliteDatabase)."""
    if isinstance(db, SqliteDatabase):
        return await db.atomically(body)
    async with db.transaction():
        return await body()


# SQLAlchemy's own rules for a text clause's `:name` parameters and escaped `\\:` colons, so a
# query means on asyncpg exactly what it meant through `databases`.
_NAMED = re.compile(r"(?<![:\w\x5c]):(\w+)(?!:)")
_ESCAPED_COLON = re.compile(r"\x5c(:[\w\$]*)(?![:\w\$])")


@functools.lru_cache(maxsize=1024)
def _numbered(query: str) -> tuple[str, tuple[str, ...]]:
    """`query` with asyncpg's `$1, $2, ...` for its `:name` parameters, and the names in order."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        if match[1] not in names:
            names.append(match[1])
        return f"${names.index(match[1]) + 1}"

    return _ESCAPED_COLON.sub(r"\1", _NAMED.sub(number, query)), tuple(names)


# -- PostgreSQL ---------------------------------------------------------------------------------

_pg_tx: ContextVar[_PostgresTransaction | None] = ContextVar("chorus_pg_tx", default=None)


class PostgresDatabase(Database):
    """`databases` over asyncpg, telling this process and the others about committed writes."""

    def __init__(self, url: str, **options: Any) -> None:
        super().__init__(url, **options)
        self.changes = _Changes()
        self.dsn = re.sub(r"^postgresql\+asyncpg://", "postgresql://", url)
        # Sent with each notice, so a worker can ignore its own (it invalidated at commit).
        self.sender = secrets.token_hex(8)

    def connection(self) -> Any:
        """This task's connection, never one whose release to the pool failed.

        When the server goes away between COMMIT and the pool's reset, `databases` raises from
        its release before it forgets the task's connection; the next query of the same task
        (the lost-commit look-up, the outbox loop) would then fail with "already acquired".
        """
        current = self._connection
        if current is not None and current._connection_counter == 0:
            raw = getattr(current._connection, "_connection", None)
            if raw is not None:
                self._connection = None
        return super().connection()

    async def _after(self, sql: str) -> None:
        if not changes_public_data(sql):
            return
        tx = _pg_tx.get()
        if tx is not None and tx.database is self:
            tx.dirty = True
            return
        await self._rows(
            "SELECT pg_notify(:channel, :payload)",
            {"channel": CHANNEL, "payload": notice_payload(self.sender)},
        )
        self.changes.fire()

    async def _rows(
        self, query: str, values: Mapping[str, Any] | None, *, first: bool = False
    ) -> list[Row]:
        """Run `query` on this task's connection straight through asyncpg.

        `databases` builds and compiles an SQLAlchemy text clause for every call: a third of a
        post's CPU on PostgreSQL. The translation to asyncpg's numbered parameters is the same
        for every call of a query, so it is made once (`_numbered`); rows come back as the
        same `Row`s the SQLite engine gives.
        """
        sql, names = _numbered(query)
        args = [values[name] for name in names] if values else []
        async with self.connection() as connection, connection._query_lock:
            raw = connection.raw_connection
            if first:
                found = await raw.fetchrow(sql, *args)
                records = [found] if found is not None else []
            else:
                records = await raw.fetch(sql, *args)
        return [Row(list(record.keys()), record.values()) for record in records]

    async def fetch_all(self, query: Any, values: dict[str, Any] | None = None) -> list[Record]:
        rows = await self._rows(query, values)
        await self._after(query)
        return list(rows)

    async def fetch_one(self, query: Any, values: dict[str, Any] | None = None) -> Record | None:
        rows = await self._rows(query, values, first=True)
        await self._after(query)
        return rows[0] if rows else None

    async def fetch_val(
        self, query: Any, values: dict[str, Any] | None = None, column: Any = 0
    ) -> Any:
        rows = await self._rows(query, values, first=True)
        await self._after(query)
        return rows[0][column] if rows else None

    async def execute(self, query: Any, values: dict[str, Any] | None = None) -> Any:
        rows = await self._rows(query, values, first=True)
        await self._after(query)
        return rows[0][0] if rows and len(rows[0]) else None

    def transaction(  # type: ignore[override]
        self, *, force_rollback: bool = False, **kwargs: Any
    ) -> _PostgresTransaction:
        return _PostgresTransaction(self, super().transaction(force_rollback=force_rollback))


class _PostgresTransaction:
    def __init__(self, database: PostgresDatabase, inner: Any) -> None:
        self.database = database
        self.inner = inner
        self.dirty = False
        self._token: Token[_PostgresTransaction | None] | None = None
        self._outer: _PostgresTransaction | None = None

    async def __aenter__(self) -> _PostgresTransaction:
        outer = _pg_tx.get()
        self._outer = outer if outer is not None and outer.database is self.database else None
        await self.inner.__aenter__()
        self._token = _pg_tx.set(self)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._token is not None
        _pg_tx.reset(self._token)
        if exc_type is None and self.dirty and self._outer is not None:
            self._outer.dirty = True
        elif exc_type is None and self.dirty:
            try:
                # Sent at COMMIT, so the other workers hear of it exactly when it is visible.
                await self.database._rows(
                    "SELECT pg_notify(:channel, :payload)",
                    {"channel": CHANNEL, "payload": notice_payload(self.database.sender)},
                )
            except BaseException as failure:
                await self.inner.__aexit__(type(failure), failure, failure.__traceback__)
                raise
        await self.inner.__aexit__(exc_type, exc, traceback)
        if exc_type is None and self.dirty and self._outer is None:
            self.database.changes.fire()

"""SQLite on the standard library's `sqlite3`: one queued writer, a few readers, group commits.

Each connection lives in a thread of its own, so the event loop never
waits for the disk. One writer, used by one transaction at a time in the order they asked (an
asyncio lock is the queue, so writers in one process never meet the busy timeout), and a few
readers that WAL lets run beside it.

Writes that need no back-and-forth with the event loop (single statements, and `atomically`
bodies such as a new comment's) commit in groups: whatever has queued while the writer was busy
runs in one trip to the writer's thread, each in a savepoint of one BEGIN IMMEDIATE ... COMMIT,
with one fsync for all. One trip per statement used to hold the write queue for as long as the
event loop took to come back to each answer, and that, not SQLite, capped the posting rate.
Neither `databases` (a connection and a thread per request) nor aiosqlite (no way to run a
function in its thread through its public API) can do this, hence this module.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import queue
import sqlite3
import threading
from collections.abc import Awaitable, Callable
from contextvars import ContextVar, Token
from types import TracebackType
from typing import Any, TypeVar

from service.store.engine.shared import Database, Row, UndeclaredWrite, Values, WriterBusy

T = TypeVar("T")
WRITE_QUEUE_TIMEOUT = 20.0  # seconds a write may wait for the writer before the answer is 503
READERS = 3  # long-lived read connections per process


def _query_now(
    connection: sqlite3.Connection, sql: str, values: Values, public: bool | None
) -> list[Row]:
    """In the connection's own thread: execute, fetch every row, close the cursor."""
    before = connection.total_changes
    cursor = connection.execute(sql, dict(values or {}))
    try:
        rows = cursor.fetchall()
        names = [d[0] for d in cursor.description or ()]
    finally:
        cursor.close()
    if public is None and connection.total_changes != before:
        raise UndeclaredWrite(f"a write must say whether it changes public data: {sql[:60]!r}")
    return [Row(names, r) for r in rows]


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():
        return  # its caller was cancelled
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


class Connection:
    """One `sqlite3` connection and the one thread that ever touches it.

    The thread takes jobs from a queue and hands each answer back to the event loop in one
    `call_soon_threadsafe`: the least a trip between the loop and the thread can cost.
    """

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[asyncio.Future[Any], Callable[[], Any]] | None] = (
            queue.SimpleQueue()
        )
        self._sqlite: sqlite3.Connection | None = None
        self._thread = threading.Thread(target=self._serve, name="chorus-sqlite", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, call = job
            try:
                result, error = call(), None
            except BaseException as exc:
                result, error = None, exc
            with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting
                future.get_loop().call_soon_threadsafe(_settle, future, result, error)

    @property
    def connection(self) -> sqlite3.Connection:
        if self._sqlite is None:
            raise sqlite3.OperationalError("the database is not connected")
        return self._sqlite

    @classmethod
    async def open(cls, path: str, busy_timeout: float, *, query_only: bool) -> Connection:
        def connect() -> sqlite3.Connection:
            connection = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout)
            try:
                connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}").close()
                if query_only:
                    connection.execute("PRAGMA query_only = 1").close()
            except BaseException:
                connection.close()
                raise
            return connection

        opened = cls()
        try:
            opened._sqlite = await opened._call(connect)
        except BaseException:
            opened._jobs.put(None)
            raise
        return opened

    async def _call(self, call: Callable[[], T]) -> T:
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._jobs.put((future, call))
        return await future

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(connection, *args)` in the connection's thread, in one trip."""
        return await self._call(functools.partial(function, self.connection, *args))

    async def query(
        self, sql: str, values: Values = None, public: bool | None = False
    ) -> list[Row]:
        return await self.run(_query_now, sql, values, public)

    async def close(self) -> None:
        try:
            await self.run(sqlite3.Connection.close)
        finally:
            self._jobs.put(None)


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


_sqlite_tx: ContextVar[_SqliteTransaction | None] = ContextVar("chorus_sqlite_tx", default=None)


class SqliteDatabase(Database):
    """SQLite over long-lived `sqlite3` connections: one queued writer, a few readers."""

    dialect = "sqlite"

    def __init__(self, path: str, busy_timeout: float) -> None:
        super().__init__()
        self.path = path
        self.busy_timeout = busy_timeout
        self._writer: Connection | None = None
        self._readers: asyncio.Queue[Connection] | None = None
        self._all_readers: list[Connection] = []
        self._lock = asyncio.Lock()
        self._data_version: int | None = None
        self._jobs: list[_Job] = []
        self._committer: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        if self.is_connected:
            return
        self._writer = await Connection.open(self.path, self.busy_timeout, query_only=False)
        try:
            # WAL lets the readers go on while the writer writes; it is a property of the file.
            if self.path != ":memory:":
                await self._writer.query("PRAGMA journal_mode = WAL")
                self._readers = asyncio.Queue()
                for _ in range(READERS):
                    reader = await Connection.open(self.path, self.busy_timeout, query_only=True)
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
    def writer(self) -> Connection:
        if self._writer is None:
            raise sqlite3.OperationalError("the database is not connected")
        return self._writer

    async def query(self, sql: str, values: Values, public: bool | None) -> list[Row]:
        job = _inline_job(self)
        if job is not None:
            job.dirty = job.dirty or bool(public)
            return _query_now(self.writer.connection, sql, values, public)
        tx = _sqlite_tx.get()
        if tx is not None and tx.database is self:
            tx.dirty = tx.dirty or bool(public)
            return await self.writer.query(sql, values, public)
        if public is None:
            if self._readers is None:  # in memory: the writer is the only connection
                async with self._writing():
                    return await self.writer.query(sql, values, public)
            reader = await self._readers.get()
            try:
                return await reader.query(sql, values, public)
            finally:
                if self._readers is not None:
                    self._readers.put_nowait(reader)
        return await self.atomically(lambda: self.query(sql, values, public))

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
                    await self.writer.run(_commit_group, jobs)
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

    def transaction(self) -> _SqliteTransaction | _InlineSavepoint:
        if _inline_job(self) is not None:
            return _InlineSavepoint(self.writer.connection)
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
        rows = await self.writer.query("PRAGMA data_version", None, None)
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
        _traceback: TracebackType | None,
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

    async def _say(self, sql: str) -> None:
        await self.database.writer.query(sql)

    async def __aenter__(self) -> _SqliteTransaction:
        outer = _sqlite_tx.get()
        if outer is not None and outer.database is self.database:
            self._outer = outer
            self._savepoint = f"sp{id(self)}"
            await self._say(f"SAVEPOINT {self._savepoint}")
        else:
            self._queue = self.database._writing()
            await self._queue.__aenter__()
            try:
                await self._say("BEGIN IMMEDIATE")
            except BaseException:
                await self._queue.__aexit__(None, None, None)
                raise
        self._token = _sqlite_tx.set(self)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        assert self._token is not None
        _sqlite_tx.reset(self._token)
        if self._savepoint is not None:
            assert self._outer is not None
            if exc_type is None:
                await self._say(f"RELEASE {self._savepoint}")
                self._outer.dirty = self._outer.dirty or self.dirty
            else:
                await self._say(f"ROLLBACK TO {self._savepoint}")
                await self._say(f"RELEASE {self._savepoint}")
            return
        assert self._queue is not None
        committed = False
        try:
            if exc_type is None:
                try:
                    await self._say("COMMIT")
                    committed = True
                except BaseException:
                    with contextlib.suppress(Exception):
                        await self._say("ROLLBACK")
                    raise
            else:
                with contextlib.suppress(Exception):
                    await self._say("ROLLBACK")
        finally:
            await self._queue.__aexit__(None, None, None)
        if committed and self.dirty:
            self.database.changes.fire()

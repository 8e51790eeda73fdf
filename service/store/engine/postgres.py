"""PostgreSQL on asyncpg's public pool, telling this process and the others about commits.

Queries go straight to asyncpg: `databases` built and compiled an SQLAlchemy text clause for
every call, a third of a post's CPU. The translation to asyncpg's numbered parameters is the same
for every call of a query, so it is made once (`numbered`).

A transaction holds one pooled connection for its task (a context variable finds it); a call
outside one borrows a connection for that statement alone. A write transaction that changed
public data sends `NOTIFY chorus_changes` before COMMIT, so the other workers hear of it exactly
when it becomes visible; this process's listeners are told after COMMIT.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import secrets
from collections.abc import Awaitable, Callable
from contextvars import ContextVar, Token
from types import TracebackType
from typing import Any, TypeVar

import asyncpg

from service.store.engine.shared import CHANNEL, Database, Row, Values, notice_payload, numbered

T = TypeVar("T")

_pg_tx: ContextVar[_PostgresTransaction | None] = ContextVar("chorus_pg_tx", default=None)


async def _fetch(connection: Any, query: str, values: Values, first: bool) -> list[Row]:
    sql, names = numbered(query)
    args = [values[name] for name in names] if values else []
    if first:
        found = await connection.fetchrow(sql, *args)
        records = [found] if found is not None else []
    else:
        records = await connection.fetch(sql, *args)
    return [Row(list(record.keys()), record.values()) for record in records]


class PostgresDatabase(Database):
    """A pool of asyncpg connections behind the store's small interface."""

    dialect = "postgresql"

    def __init__(self, url: str, *, min_size: int, max_size: int, command_timeout: float) -> None:
        super().__init__()
        self.dsn = re.sub(r"^postgres(ql)?(\+asyncpg)?://", "postgresql://", url)
        self.options = {"min_size": min_size, "max_size": max_size}
        self.command_timeout = command_timeout
        # Sent with each notice, so a worker can ignore its own (it invalidated at commit).
        self.sender = secrets.token_hex(8)
        self._pool: asyncpg.Pool | None = None

    async def connect(self) -> None:
        if self.is_connected:
            return
        self._pool = await asyncpg.create_pool(
            self.dsn, **self.options, command_timeout=self.command_timeout
        )
        self.is_connected = True

    async def disconnect(self) -> None:
        pool, self._pool = self._pool, None
        self.is_connected = False
        if pool is not None:
            await pool.close()

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise asyncpg.InterfaceError("the database is not connected")
        return self._pool

    async def _rows(self, query: str, values: Values, *, first: bool = False) -> list[Row]:
        """Run `query` on this task's transaction, or on a connection borrowed for it alone."""
        tx = _pg_tx.get()
        if tx is not None and tx.database is self:
            # Tasks started inside the transaction share its connection, one query at a time.
            async with tx.lock:
                return await _fetch(tx.connection, query, values, first)
        async with self.pool.acquire() as connection:
            return await _fetch(connection, query, values, first)

    async def _notify(self) -> None:
        await self._rows(
            "SELECT pg_notify(:channel, :payload)",
            {"channel": CHANNEL, "payload": notice_payload(self.sender)},
        )

    async def query(self, sql: str, values: Values, public: bool | None) -> list[Row]:
        return await self._run(sql, values, public, first=False)

    # One row is all these need: fetchrow spares asyncpg building the others.
    async def fetch_one(
        self, sql: str, values: Values = None, *, public: bool | None = None
    ) -> Row | None:
        rows = await self._run(sql, values, public, first=True)
        return rows[0] if rows else None

    async def fetch_val(
        self, sql: str, values: Values = None, *, public: bool | None = None
    ) -> Any:
        rows = await self._run(sql, values, public, first=True)
        return rows[0][0] if rows and len(rows[0]) else None

    async def execute(self, sql: str, values: Values = None, *, public: bool) -> Any:
        rows = await self._run(sql, values, public, first=True)
        return rows[0][0] if rows and len(rows[0]) else None

    async def _run(
        self, sql: str, values: Values, public: bool | None, *, first: bool
    ) -> list[Row]:
        rows = await self._rows(sql, values, first=first)
        if public:
            tx = _pg_tx.get()
            if tx is not None and tx.database is self:
                tx.dirty = True
            else:
                await self._rows(
                    "SELECT pg_notify(:channel, :payload)",
                    {"channel": CHANNEL, "payload": notice_payload(self.sender)},
                )
                self.changes.fire()
        return rows

    def transaction(self) -> _PostgresTransaction:
        return _PostgresTransaction(self)

    async def atomically(self, body: Callable[[], Awaitable[T]]) -> T:
        async with self.transaction():
            return await body()


class _PostgresTransaction:
    """A transaction on a pooled connection held for it; inside another, a savepoint."""

    def __init__(self, database: PostgresDatabase) -> None:
        self.database = database
        self.dirty = False
        self.connection: Any = None
        self.lock = asyncio.Lock()
        self._inner: Any = None
        self._token: Token[_PostgresTransaction | None] | None = None
        self._outer: _PostgresTransaction | None = None

    async def __aenter__(self) -> _PostgresTransaction:
        outer = _pg_tx.get()
        self._outer = outer if outer is not None and outer.database is self.database else None
        if self._outer is not None:
            self.connection, self.lock = self._outer.connection, self._outer.lock
            async with self.lock:
                self._inner = self.connection.transaction()  # asyncpg makes it a savepoint
                await self._inner.start()
        else:
            self.connection = await self.database.pool.acquire()
            try:
                self._inner = self.connection.transaction()
                await self._inner.start()
            except BaseException:
                await self._release()
                raise
        self._token = _pg_tx.set(self)
        return self

    async def _release(self) -> None:
        try:
            await self.database.pool.release(self.connection)
        except Exception:
            # The server went away after COMMIT: the pool cannot reset it, nobody keeps it.
            self.connection.terminate()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        assert self._token is not None
        _pg_tx.reset(self._token)
        try:
            if exc_type is not None:
                with contextlib.suppress(Exception):
                    async with self.lock:
                        await self._inner.rollback()
                return
            if self._outer is not None:
                async with self.lock:
                    await self._inner.commit()  # releases the savepoint
                self._outer.dirty = self._outer.dirty or self.dirty
                return
            async with self.lock:
                try:
                    if self.dirty:
                        # Sent at COMMIT: the other workers hear of it exactly when it is visible.
                        await _fetch(
                            self.connection,
                            "SELECT pg_notify(:channel, :payload)",
                            {"channel": CHANNEL, "payload": notice_payload(self.database.sender)},
                            True,
                        )
                    await self._inner.commit()
                except BaseException:
                    with contextlib.suppress(Exception):
                        await self._inner.rollback()
                    raise
        finally:
            if self._outer is None:
                await self._release()
        if self.dirty:
            self.database.changes.fire()

"""Which database failures mean "try again shortly", and what to call each in the log.

A disk that is full, a lock that was not granted in time and a connection that went away need
different fixes, so each gets its own words in the log line; all of them answer 503.
"""

from __future__ import annotations

import sqlite3

import asyncpg

from service.store.engine import WriterBusy

# Every failure that means the database is (for now) out of reach: the web edge answers 503.
UNAVAILABLE: tuple[type[BaseException], ...] = (
    sqlite3.OperationalError,  # locked, disk full, cannot open
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,  # closed connection, pool closing, another operation in progress
    asyncpg.exceptions.InternalClientError,  # a connection left mid-operation by an outage
    asyncpg.exceptions.OperatorInterventionError,  # admin shutdown, cannot connect now
    asyncpg.exceptions.InsufficientResourcesError,  # disk full, out of memory, too many clients
    asyncpg.exceptions.LockNotAvailableError,
    asyncpg.exceptions.QueryCanceledError,  # statement or lock time-out
    WriterBusy,
    ConnectionError,
    TimeoutError,
    OSError,
)


def describe_failure(exc: BaseException) -> str:
    """One short phrase naming the kind of failure: disk full, lock time-out, lost connection."""
    text = str(exc).lower()
    if isinstance(exc, asyncpg.exceptions.DiskFullError) or "disk is full" in text:
        return f"disk full ({type(exc).__name__})"
    if (
        isinstance(exc, WriterBusy | asyncpg.exceptions.LockNotAvailableError)
        or "database is locked" in text
        or "lock timeout" in text
        or "busy" in text
    ):
        return f"lock time-out ({type(exc).__name__})"
    if isinstance(
        exc,
        asyncpg.PostgresConnectionError
        | asyncpg.InterfaceError
        | asyncpg.exceptions.OperatorInterventionError
        | OSError,
    ):
        return f"lost connection ({type(exc).__name__})"
    if isinstance(exc, asyncpg.exceptions.InsufficientResourcesError):
        return f"out of resources ({type(exc).__name__})"
    return f"database error ({type(exc).__name__})"

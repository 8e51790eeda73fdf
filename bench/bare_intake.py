"""The floor for taking a comment: the least a durable intake must do, and nothing more.

`POST /api/comments` reads the JSON, takes four fields and hands one row to a single writer
thread. That thread takes every row waiting into one transaction (BEGIN IMMEDIATE, an
INSERT ... RETURNING id for each, COMMIT) in WAL with synchronous=FULL, and the answer (202) is
sent only after COMMIT has returned, so every answered row is on disk. `bench/run.py` serves it
with the same uvicorn settings as Chorus; the ratio between the two is what Chorus's defences,
rules and bookkeeping cost. The database is BENCH_INTAKE_DB.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import sqlite3
import threading
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

PATH = os.environ.get("BENCH_INTAKE_DB", "bare-intake.db")
Waiting = tuple[tuple[str, str, str, str], asyncio.AbstractEventLoop, asyncio.Future[int]]
_rows: queue.SimpleQueue[Waiting | None] = queue.SimpleQueue()


def _answer(future: asyncio.Future[int], value: int | BaseException) -> None:
    if future.done():
        return
    if isinstance(value, BaseException):
        future.set_exception(value)
    else:
        future.set_result(value)


def _write_forever() -> None:
    """The single writer: every row waiting goes into one transaction, then all are told."""
    connection = sqlite3.connect(PATH, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS comments (id INTEGER PRIMARY KEY, page TEXT, author TEXT, "
        "body TEXT, token TEXT)"
    )
    while True:
        first = _rows.get()
        if first is None:
            return
        group = [first]
        while True:
            try:
                more = _rows.get_nowait()
            except queue.Empty:
                break
            if more is None:
                _rows.put(None)
                break
            group.append(more)
        ids: list[int | BaseException] = []
        try:
            connection.execute("BEGIN IMMEDIATE")
            for row, _loop, _future in group:
                found = connection.execute(
                    "INSERT INTO comments (page, author, body, token) VALUES (?, ?, ?, ?) "
                    "RETURNING id",
                    row,
                ).fetchone()
                ids.append(int(found[0]))
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            ids = [exc] * len(group)
        for (_row, loop, future), value in zip(group, ids, strict=True):
            loop.call_soon_threadsafe(_answer, future, value)


async def take_comment(request: Request) -> Response:
    data: Any = json.loads(await request.body())
    row = (
        str(data["page"]),
        str(data["author"]),
        str(data["body"]),
        str(data.get("form_token", "")),
    )
    loop = asyncio.get_running_loop()
    future: asyncio.Future[int] = loop.create_future()
    _rows.put((row, loop, future))
    return JSONResponse({"id": await future}, status_code=202)


async def alive(request: Request) -> Response:
    return Response("ok")


@asynccontextmanager
async def lifespan(app: Starlette) -> Any:
    writer = threading.Thread(target=_write_forever, name="bare-writer", daemon=True)
    writer.start()
    yield
    _rows.put(None)
    writer.join(timeout=5)


app = Starlette(
    routes=[
        Route("/api/comments", take_comment, methods=["POST"]),
        Route("/healthz", alive, methods=["GET"]),
    ],
    lifespan=lifespan,
)

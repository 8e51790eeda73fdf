"""An Isso SQLite database file (comments.db): threads, comments, parents and modes.

Threat: the file is the uploader's, and an SQLite file is a program as much as data: a
`comments` that is a view can run an endless recursive query, a join over duplicated ids can
multiply rows until memory or the temporary disk runs out, and any column can hold any type.
So the file is opened read-only and immutable (no locks, no journal: nothing it holds can
make Chorus wait or write), `comments` and `threads` must be plain tables (no views, no
virtual tables; the schema's own functions are not trusted), one fixed query reads only the
expected columns within a row budget (`MAX_ROWS`) and a time budget (`READ_SECONDS`), and a
value of the wrong type or out of range is a counted skip with its own name, never an error.

Isso's modes: 1 accepted, 2 waiting for review, 4 deleted (kept by Isso only while it has
replies). Deleted ones are skipped and counted; their replies move up.
"""

from __future__ import annotations

import math
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

from service.domain.comments import Status
from service.domain.imports import ParsedFile, SourceComment, from_epoch, refused_file

WHAT = "Isso database"
_MAGIC = b"SQLite format 3\x00"
_MODES = {1: Status.APPROVED, 2: Status.PENDING}
_QUERY = """
    SELECT c.id, c.parent, c.created, c.mode, c.text, c.author, c.email, c.website,
           t.uri, t.title
    FROM comments c JOIN threads t ON t.id = c.tid
    ORDER BY c.id
"""
_TABLES = ("comments", "threads")
MAX_ROWS = 1_000_000  # rows the query may yield: far beyond any real site's comments
READ_SECONDS = 60.0  # wall time the query may take
_CHECK_EVERY = 10_000  # SQLite virtual machine steps between two looks at the clock
_LATEST = 4102444800.0  # 2100-01-01 in Unix seconds: a later `created` is not a date


def _schema_problem(connection: sqlite3.Connection) -> str | None:
    """Why the file's `comments` and `threads` are not plain tables, or None when they are."""
    found = dict(
        connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
            _TABLES,
        ).fetchall()
    )
    for name in _TABLES:
        sql = found.get(name)
        if sql is None:
            return f"it has no {name} table"
        if str(sql).lstrip().upper().startswith("CREATE VIRTUAL"):
            return f"its {name} table is a virtual table"
    return None


def _rows(connection: sqlite3.Connection) -> list[tuple[object, ...]]:
    """The fixed query's rows, within the row and the time budget (else a refusal)."""
    deadline = time.monotonic() + READ_SECONDS
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), _CHECK_EVERY)
    cursor = connection.execute(_QUERY)
    rows: list[tuple[object, ...]] = []
    while batch := cursor.fetchmany(1000):
        rows.extend(batch)
        if len(rows) > MAX_ROWS:
            raise refused_file(f"this {WHAT} holds more than {MAX_ROWS:,} comments")
    return rows


def _text(value: object) -> str | None:
    """A text column's value: text or nothing; None when it holds another type."""
    if value is None:
        return ""
    return value if isinstance(value, str) else None


def read(path: Path) -> ParsedFile:
    with path.open("rb") as handle:
        if handle.read(len(_MAGIC)) != _MAGIC:
            raise refused_file(f"this is not an {WHAT}: it is not an SQLite file")
    parsed = ParsedFile()
    address = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(address, uri=True)
    except sqlite3.Error as exc:
        raise refused_file(f"the {WHAT} cannot be opened ({exc})") from None
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("PRAGMA query_only = ON")
        problem = _schema_problem(connection)
        if problem is not None:
            raise refused_file(f"this is not an {WHAT}: {problem}")
        rows = _rows(connection)
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise refused_file(f"this {WHAT} took too long to read") from None
        raise refused_file(f"this is not an {WHAT} ({exc})") from None
    except sqlite3.Error as exc:
        raise refused_file(f"this is not an {WHAT} ({exc})") from None
    finally:
        connection.close()
    for row in rows:
        _add(parsed, *row)
    return parsed


def _add(
    parsed: ParsedFile,
    number: object,
    parent: object,
    created: object,
    mode: object,
    body: object,
    author: object,
    email: object,
    website: object,
    uri: object,
    title: object,
) -> None:
    """One row into `parsed`, or a count under the name of what is wrong with it."""
    if not isinstance(number, int) or not (parent is None or isinstance(parent, int)):
        parsed.skipped["unreadable"] += 1
        return
    if not isinstance(uri, str) or not uri:
        parsed.skipped["no_page"] += 1
        return
    key = f"isso:{uri}#{number}"
    parent_key = f"isso:{uri}#{parent}" if parent is not None else None
    if mode == 4:
        parsed.skipped["deleted"] += 1
        parsed.gone[key] = parent_key
        return
    if isinstance(mode, bool) or mode not in _MODES:
        parsed.skipped["unknown_status"] += 1
        return
    if (
        isinstance(created, bool)
        or not isinstance(created, int | float)
        or not math.isfinite(created)
        or not 0 <= created < _LATEST
    ):
        parsed.skipped["bad_date"] += 1
        return
    fields = [_text(v) for v in (body, author, email, website, title)]
    if any(v is None for v in fields):
        parsed.skipped["unreadable"] += 1
        return
    text, name, address, site, page_title = (str(v) for v in fields)
    parsed.comments.append(
        SourceComment(
            key=key,
            parent_key=parent_key,
            page=uri,
            page_title=page_title,
            author=name,
            email=address,
            website=site,
            body=text,
            html=True,  # Isso keeps Markdown that may hold inline HTML
            status=_MODES[mode],
            created_at=from_epoch(float(created)),
        )
    )

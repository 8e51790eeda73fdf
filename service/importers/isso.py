"""An Isso SQLite database file (comments.db): threads, comments, parents and modes.

Opened read-only through a `file:` URI with `mode=ro`, so importing can never change it.
Isso's modes: 1 accepted, 2 waiting for review, 4 deleted (kept by Isso only while it has
replies). Deleted ones are skipped and counted; their replies move up.
"""

from __future__ import annotations

import sqlite3
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


def read(path: Path) -> ParsedFile:
    with path.open("rb") as handle:
        if handle.read(len(_MAGIC)) != _MAGIC:
            raise refused_file(f"this is not an {WHAT}: it is not an SQLite file")
    parsed = ParsedFile()
    try:
        connection = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise refused_file(f"the {WHAT} cannot be opened ({exc})") from None
    try:
        rows = connection.execute(_QUERY).fetchall()
    except sqlite3.Error as exc:
        raise refused_file(f"this is not an {WHAT} ({exc})") from None
    finally:
        connection.close()
    for number, parent, created, mode, body, author, email, website, uri, title in rows:
        key = f"isso:{uri}#{number}"
        parent_key = f"isso:{uri}#{parent}" if parent is not None else None
        if mode == 4:
            parsed.skipped["deleted"] += 1
            parsed.gone[key] = parent_key
            continue
        if mode not in _MODES or not isinstance(created, int | float) or not uri:
            parsed.skipped["unreadable"] += 1
            continue
        parsed.comments.append(
            SourceComment(
                key=key,
                parent_key=parent_key,
                page=str(uri),
                page_title=str(title or ""),
                author=str(author or ""),
                email=str(email or ""),
                website=str(website or ""),
                body=str(body or ""),
                html=True,  # Isso keeps Markdown that may hold inline HTML
                status=_MODES[mode],
                created_at=from_epoch(float(created)),
            )
        )
    return parsed

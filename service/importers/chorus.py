"""Chorus's own JSON export (`GET /admin/api/export`, the export button): a move or a restore.

Unlike the other formats, these comments were written in Chorus, so consent, testimonials,
excerpts, ratings and the moderation log come along unchanged: export then import round-trips.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from service.domain.comments import Status
from service.domain.imports import ParsedFile, SourceComment, SourceLog, refused_file

WHAT = "Chorus export"


def _str(row: dict[str, Any], name: str, optional: bool = False) -> Any:
    value = row.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise refused_file(f"this {WHAT} is damaged: {name} must be text")
    return value


def _int(row: dict[str, Any], name: str, optional: bool = False) -> Any:
    value = row.get(name)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise refused_file(f"this {WHAT} is damaged: {name} must be a number")
    return value


def _rows(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    rows = data.get(name)
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise refused_file(f"this is not a {WHAT}: {name} must be a list of records")
    return rows


def read(path: Path) -> ParsedFile:
    try:
        with path.open("rb") as handle:
            data = json.load(handle)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise refused_file(f"this is not a {WHAT}: it is not JSON") from None
    if not isinstance(data, dict) or data.get("version") != 1:
        raise refused_file(f"this is not a {WHAT} (version 1)")
    threads = {_int(t, "id"): t for t in _rows(data, "threads")}
    logs: dict[int, list[SourceLog]] = {}
    for entry in _rows(data, "moderation_log"):
        logs.setdefault(_int(entry, "comment_id"), []).append(
            SourceLog(
                action=_str(entry, "action"),
                actor=_str(entry, "actor"),
                from_status=_str(entry, "from_status", True),
                to_status=_str(entry, "to_status", True),
                detail=_str(entry, "detail"),
                created_at=_str(entry, "created_at"),
            )
        )
    parsed = ParsedFile()
    parents: dict[int, int | None] = {}
    for row in _rows(data, "comments"):
        number = _int(row, "id")
        thread = threads.get(_int(row, "thread_id"))
        if thread is None:
            raise refused_file(f"this {WHAT} is damaged: comment {number} has no thread")
        parent = _int(row, "parent_id", True)
        created = _str(row, "created_at")
        try:
            status = Status(_str(row, "status"))
        except ValueError:
            raise refused_file(f"this {WHAT} is damaged: unknown status") from None
        parsed.comments.append(
            SourceComment(
                key=f"chorus:{created}#{number}",
                parent_key=None,
                page=_str(thread, "page_key"),
                page_title=_str(thread, "title"),
                page_url=_str(thread, "url"),
                author=_str(row, "author"),
                email=_str(row, "email"),
                website=_str(row, "website"),
                body=_str(row, "body"),
                html=False,
                status=status,
                created_at=created,
                owner=bool(_int(row, "owner")),
                consent=bool(_int(row, "consent")),
                consent_at=_str(row, "consent_at", True),
                consent_version=_str(row, "consent_version", True),
                testimonial=bool(_int(row, "testimonial")),
                excerpt=_str(row, "excerpt"),
                promoted_at=_str(row, "promoted_at", True),
                rating=_int(row, "rating", True),
                lang=_str(row, "lang"),
                updated_at=_str(row, "updated_at"),
                moderated_at=_str(row, "moderated_at", True),
                log=tuple(logs.get(number, ())),
                same_as_id=number,
            )
        )
        parents[number] = parent
    keys = {c.same_as_id: c.key for c in parsed.comments}
    parsed.comments = [
        replace(c, parent_key=keys.get(parents[c.same_as_id] or 0)) if c.same_as_id else c
        for c in parsed.comments
    ]
    orphaned = sum(len(v) for k, v in logs.items() if k not in keys)
    if orphaned:
        parsed.skipped["log_of_deleted_comments"] = orphaned
    return parsed

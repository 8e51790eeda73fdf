"""A refused write is logged with its fault: disk full or lock time-out (lost connection: see
test_postgres_outage.py, where the database server really goes away).

Each fault is real: SQLite's own page limit for a full disk, a second connection holding the
file for a lock. The reader gets the same 503 each time; the owner reading the log learns which
fix is needed.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import settings
from service.app import create_app
from service.store import connection as dbmod
from tests.helpers import OWNER, story


def _refused_post(client: TestClient, caplog: pytest.LogCaptureFixture) -> str:
    """POST a story that the database refuses: it answers 503, and here is the log line."""
    caplog.clear()
    with caplog.at_level("WARNING", logger="chorus"):
        answer = client.post("/api/comments", json=story(body="Een verhaal dat niet aankwam."))
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "5"
    assert answer.json()["error"]["code"] == "unavailable"
    lines = [r.getMessage() for r in caplog.records if "database unavailable" in r.getMessage()]
    assert len(lines) == 1, caplog.records
    return lines[0]


@pytest.fixture
def sqlite_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Path]]:
    """The app on a file of its own, giving up on a held lock after 0.3 s instead of 5."""
    monkeypatch.setattr(dbmod, "SQLITE_BUSY_TIMEOUT", 0.3)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    path = tmp_path / "chorus.db"
    with TestClient(create_app(f"sqlite:///{path}")) as client:
        yield client, path


def test_a_full_disk_is_logged_as_disk_full(
    sqlite_app: tuple[TestClient, Path], caplog: pytest.LogCaptureFixture
) -> None:
    client, path = sqlite_app
    assert client.post("/api/comments", json=story()).status_code == 202
    store = client.app.state.store  # type: ignore[attr-defined]
    # The file may not grow past the pages it has: SQLite's own "database or disk is full".
    pages = client.portal.call(store.database.fetch_val, "PRAGMA page_count")  # type: ignore[union-attr]
    client.portal.call(
        functools.partial(store.database.execute, public=False), f"PRAGMA max_page_count = {pages}"
    )  # type: ignore[union-attr]
    # Stories long enough that the first one needs a page the file does not have.
    for n in range(20):
        caplog.clear()
        answer = client.post("/api/comments", json=story(body=f"Verhaal {n}. " + "Zo. " * 700))
        if answer.status_code != 202:
            break
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "5"
    line = next(r.getMessage() for r in caplog.records if "database unavailable" in r.getMessage())
    assert line.startswith("database unavailable on POST /api/comments: disk full")
    # The refused story left no row behind; the owner sees exactly what is stored.
    stored = sqlite3.connect(path).execute("SELECT COUNT(*) FROM comments").fetchone()[0]
    assert stored == n + 1
    assert stored == client.get("/admin/api/comments", headers=OWNER).json()["total"]


def test_a_lock_held_too_long_is_logged_as_a_lock_time_out(
    sqlite_app: tuple[TestClient, Path], caplog: pytest.LogCaptureFixture
) -> None:
    client, path = sqlite_app
    holder = sqlite3.connect(path, isolation_level=None, timeout=0.3)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        line = _refused_post(client, caplog)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert line.startswith("database unavailable on POST /api/comments: lock time-out")
    assert client.post("/api/comments", json=story()).status_code == 202

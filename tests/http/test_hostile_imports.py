"""Import files made to hurt: an SQLite file is a program, and an export's flags are claims.

Every hostile file answers a 4xx naming the file, or imports what is sound and counts the rest
under a named reason; none answers 500, none runs without bound, none publishes words the
author did not write. On SQLite and PostgreSQL (the `client` fixture runs on both).
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from service.importers import isso
from tests import samples
from tests.helpers import OWNER, act, post
from tests.http.test_moving import lines, owner_password, upload  # noqa: F401

pytestmark = pytest.mark.usefixtures("owner_password")


def _isso_file(path: Path, script: str) -> bytes:
    connection = sqlite3.connect(path)
    connection.executescript(script)
    connection.commit()
    connection.close()
    return path.read_bytes()


def _total(client: TestClient) -> int:
    listed = client.get("/admin/api/comments", headers=OWNER, params={"status": "all"})
    return int(listed.json()["total"])


ENDLESS_VIEW = """
CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR, title VARCHAR);
CREATE VIEW comments AS
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
    SELECT 1 AS tid, i AS id, NULL AS parent, 1557820800.0 AS created, 1 AS mode,
           'x' AS text, 'a' AS author, '' AS email, '' AS website FROM n;
INSERT INTO threads VALUES (1, '/a/', 'A');
"""


def test_an_isso_file_whose_comments_are_an_endless_view_is_refused_at_once(
    client: TestClient, tmp_path: Path
) -> None:
    post(client)
    started = time.monotonic()
    response = upload(client, _isso_file(tmp_path / "view.db", ENDLESS_VIEW), "isso")
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["field"] == "file" and "no comments table" in error["message"]
    assert time.monotonic() - started < isso.READ_SECONDS  # refused, not read until the budget
    assert _total(client) == 1


def test_an_isso_file_with_a_virtual_comments_table_is_refused(
    client: TestClient, tmp_path: Path
) -> None:
    script = (
        "CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR, title VARCHAR);"
        "CREATE VIRTUAL TABLE comments USING fts5(tid, id, parent, created, mode, text,"
        " author, email, website);"
    )
    response = upload(client, _isso_file(tmp_path / "virtual.db", script), "isso")
    assert response.status_code == 422
    assert "virtual table" in response.json()["error"]["message"]


MULTIPLIED = (
    "CREATE TABLE threads (id INTEGER, uri VARCHAR, title VARCHAR);"
    "CREATE TABLE comments (tid INTEGER, id INTEGER, parent INTEGER, created FLOAT,"
    " mode INTEGER, text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR);"
    + "".join(f"INSERT INTO threads VALUES (1, '/p{n}/', 'P');" for n in range(30))
    + "".join(
        f"INSERT INTO comments VALUES (1, {n}, NULL, 1557820800.0, 1, 'x', 'a', '', '');"
        for n in range(30)
    )
)


def test_an_isso_join_that_multiplies_rows_stops_at_the_row_budget(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """30 comments × 30 threads with one id: 900 rows from a tiny file; the budget is 500."""
    monkeypatch.setattr(isso, "MAX_ROWS", 500)
    response = upload(client, _isso_file(tmp_path / "many.db", MULTIPLIED), "isso")
    assert response.status_code == 422
    assert "more than 500 comments" in response.json()["error"]["message"]
    assert _total(client) == 0


def test_an_isso_read_that_outlasts_the_time_budget_is_refused(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(isso, "READ_SECONDS", -1.0)  # the budget is spent before the query
    monkeypatch.setattr(isso, "_CHECK_EVERY", 1)
    response = upload(client, _isso_file(tmp_path / "slow.db", MULTIPLIED), "isso")
    assert response.status_code == 422
    assert "took too long" in response.json()["error"]["message"]


def test_malformed_isso_values_are_counted_skips_with_their_names(
    client: TestClient, tmp_path: Path
) -> None:
    path = samples.isso_sample(tmp_path / "isso.db")
    connection = sqlite3.connect(path)
    bad = [
        (10, 1e300, 1, "far future"),
        (11, -5.0, 1, "before time"),
        (12, "soon", 1, "a date in words"),
        (13, 1557820800.0, "x", "a mode in words"),
    ]
    connection.executemany(
        "INSERT INTO comments (tid, id, parent, created, mode, text, author, voters)"
        " VALUES (1, ?, NULL, ?, ?, ?, 'a', x'00')",
        bad,
    )
    connection.execute(
        "INSERT INTO comments (tid, id, parent, created, mode, text, author, voters)"
        " VALUES (1, 14, NULL, 1557820800.0, 1, x'ff00', 'a', x'00')"
    )
    connection.execute(
        "INSERT INTO threads (id, uri, title) VALUES (3, NULL, 'no address')",
    )
    connection.execute(
        "INSERT INTO comments (tid, id, parent, created, mode, text, author, voters)"
        " VALUES (3, 15, NULL, 1557820800.0, 1, 'nowhere', 'a', x'00')"
    )
    connection.commit()
    connection.close()
    response = upload(client, path.read_bytes(), "isso")
    assert response.status_code == 200, response.text
    summary = lines(response)[-1]["summary"]
    assert summary["imported"] == 4  # the sample's four readable comments
    assert summary["skipped"] == {
        "deleted": 1,
        "bad_date": 3,
        "unknown_status": 1,
        "unreadable": 1,
        "no_page": 1,
    }


def _export(client: TestClient) -> dict[str, Any]:
    first = post(client, body="Magnesium hielp mij niet meteen. Na twee weken sliep ik beter.")
    assert act(client, first["id"], "approve").status_code == 200
    assert act(client, first["id"], "promote").status_code == 200
    exported: dict[str, Any] = client.get("/admin/api/export", headers=OWNER).json()
    return exported


def _as_new(data: dict[str, Any], **changes: Any) -> bytes:
    """The export's one comment as if from another site (a new id), with `changes`."""
    (row,) = data["comments"]
    row.update(id=777, **changes)
    data["moderation_log"] = []
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"excerpt": "Magnesium hielp mij meteen"}, "testimonial_excerpt_not_in_text"),
        ({"excerpt": "Magnesium hielp mij"}, "testimonial_excerpt_not_in_text"),  # drops "niet"
        ({"consent": 0}, "testimonial_without_consent"),
        ({"consent_at": "gisteren"}, "testimonial_without_consent"),
        ({"status": "pending"}, "testimonial_not_approved"),
        ({"owner": 1}, "testimonial_not_approved"),
    ],
)
def test_an_imported_testimonial_passes_the_owners_checks_or_is_not_one(
    client: TestClient, changes: dict[str, Any], reason: str
) -> None:
    data = _export(client)
    act(client, data["comments"][0]["id"], "demote")
    response = upload(client, _as_new(data, **changes), "chorus")
    assert response.status_code == 200, response.text
    summary = lines(response)[-1]["summary"]
    assert summary["imported"] == 1 and summary["skipped"] == {reason: 1}
    assert client.get("/api/testimonials").json()["testimonials"] == []


def test_an_imported_testimonial_that_passes_is_published_with_its_excerpt(
    client: TestClient,
) -> None:
    data = _export(client)
    act(client, data["comments"][0]["id"], "demote")
    response = upload(client, _as_new(data, excerpt="Na twee weken sliep ik beter."), "chorus")
    assert lines(response)[-1]["summary"]["skipped"] == {}
    (shown,) = client.get("/api/testimonials").json()["testimonials"]
    assert "Na twee weken sliep ik beter." in json.dumps(shown)


@pytest.mark.parametrize("field", ["created_at", "updated_at", "moderated_at", "promoted_at"])
def test_a_chorus_export_with_a_bad_date_never_answers_500(client: TestClient, field: str) -> None:
    data = _export(client)
    response = upload(client, _as_new(data, **{field: "31-02-2019 25:61"}), "chorus")
    assert response.status_code == 200, response.text
    summary = lines(response)[-1]["summary"]
    if field == "created_at":
        assert summary["imported"] == 0 and summary["skipped"] == {"bad_date": 1}
    else:
        assert summary["imported"] == 1


def _skip_reasons() -> set[str]:
    """Every reason an importer, the import rules or the writer can count a comment under."""
    root = Path(__file__).resolve().parents[2] / "service"
    sources = [*(root / "importers").glob("*.py"), root / "domain/imports.py", root / "moving.py"]
    text = "\n".join(path.read_text() for path in sources)
    found = set(re.findall(r'skipped\["([a-z_]+)"\]', text))
    found |= set(re.findall(r'return "([a-z_]+)"', text))
    found |= set(re.findall(r'"(testimonial_[a-z_]+)"', text))
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_skip_reason_reads_as_words_in_the_import_summary(lang: str) -> None:
    from service import text

    reasons = _skip_reasons()
    assert {"bad_date", "testimonial_without_consent", "deleted", "too_long"} <= reasons
    words = text.section(lang, "admin")
    assert sorted(r for r in reasons if f"skip_{r}" not in words) == []

"""Moving in and running it: upload import, exports, settings page, CLI, banner, CORS log."""

from __future__ import annotations

import csv
import io
import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from tests import samples
from tests.helpers import OWNER, act, post
from tests.http.test_admin import csrf_of, login
from tests.http.test_notify import Inbox, inbox  # noqa: F401 - the loopback SMTP fixture
from tests.http.test_settings import ROOT, run

pytestmark = pytest.mark.usefixtures("owner_password")


@pytest.fixture
def owner_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """The owner's password is known and the pages speak English."""
    from tests.http import test_admin

    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", test_admin._HASH)
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")


def upload(client: TestClient, content: bytes, source: str, **params: Any) -> Any:
    return client.post(
        "/admin/api/import",
        params={"source": source, **params},
        content=content,
        headers={**OWNER, "Content-Type": "application/octet-stream"},
    )


def lines(response: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in response.text.splitlines() if line]


def test_upload_streams_progress_then_the_summary(client: TestClient) -> None:
    response = upload(client, samples.wordpress_many(120).encode(), "wordpress")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    got = lines(response)
    progress = [g["progress"] for g in got if "progress" in g]
    assert progress[0] == 0 and progress[-1] == 120 and progress == sorted(progress)
    assert got[-1]["summary"]["imported"] == 120
    assert client.get("/api/comments", params={"page": "/2021/03/veel/"}).json()["count"] == 120


def test_upload_dry_run_and_page_map(client: TestClient) -> None:
    content = samples.wordpress_sample().encode()
    dry = lines(upload(client, content, "wordpress", dry_run="1"))[-1]["summary"]
    assert dry["dry_run"] and dry["imported"] == 7
    assert client.get("/admin/api/comments", headers=OWNER).json()["total"] == 0
    upload(client, content, "wordpress", page_map="/2019/05/=/blog/")
    listed = client.get("/api/comments", params={"page": "/blog/magnesium-en-slaap/"}).json()
    assert [c["author"] for c in listed["comments"]] == ["Zoë Çelik", "Marieke", "Jan"]


@pytest.mark.parametrize(
    ("content", "source", "params", "status", "field"),
    [
        (samples.BILLION_LAUGHS.encode(), "wordpress", {}, 422, "file"),
        (samples.EXTERNAL_ENTITY.encode(), "wordpress", {}, 422, "file"),
        (b"\x00\x01 binary", "disqus", {}, 422, "file"),
        (b"{}", "chorus", {}, 422, "file"),
        (b"<rss/>", "mystery", {}, 422, "source"),
        (b"<rss/>", "wordpress", {"page_map": "no-equals-sign"}, 422, "page_map"),
        (b"", "wordpress", {}, 422, "file"),
    ],
)
def test_a_refused_upload_names_the_field_and_changes_nothing(
    client: TestClient, content: bytes, source: str, params: dict[str, str], status: int, field: str
) -> None:
    post(client)
    response = upload(client, content, source, **params)
    assert response.status_code == status, response.text
    assert response.json()["error"]["field"] == field
    assert client.get("/admin/api/comments", headers=OWNER).json()["total"] == 1


def test_upload_refusals_for_size_type_and_login(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "IMPORT_MAX_BYTES", 100)
    too_big = upload(sqlite_client, b"x" * 101, "wordpress")
    assert too_big.status_code == 413 and too_big.json()["error"]["field"] == "file"
    wrong_type = sqlite_client.post(
        "/admin/api/import?source=wordpress", content=b"<rss/>", headers={**OWNER}
    )
    assert wrong_type.status_code == 415
    anonymous = sqlite_client.post(
        "/admin/api/import?source=wordpress",
        content=b"<rss/>",
        headers={"Content-Type": "application/octet-stream"},
    )
    assert anonymous.status_code == 401
    login(sqlite_client)
    no_csrf = sqlite_client.post(
        "/admin/api/import?source=wordpress",
        content=b"<rss/>",
        headers={"Content-Type": "application/octet-stream"},
    )
    assert no_csrf.status_code == 403


def test_json_export_then_upload_round_trips(client: TestClient) -> None:
    first = post(client)["id"]
    assert act(client, first, "approve").status_code == 200
    assert act(client, first, "promote").status_code == 200
    exported = client.get("/admin/api/export", headers=OWNER).content
    again = lines(upload(client, exported, "chorus"))[-1]["summary"]
    assert again["imported"] == 0 and again["skipped"] == {"already_imported": 1}


def test_testimonials_csv_export(sqlite_client: TestClient) -> None:
    first = post(sqlite_client, author="=HYPERLINK(1)", body="Ik slaap beter, dank je.")["id"]
    act(sqlite_client, first, "approve")
    act(sqlite_client, first, "promote")
    response = sqlite_client.get("/admin/api/export/testimonials.csv", headers=OWNER)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["id", "author", "text"]
    assert rows[1][1] == "'=HYPERLINK(1)"  # a spreadsheet shows it, never runs it
    assert rows[1][2] == "Ik slaap beter, dank je."
    assert sqlite_client.get("/admin/api/export/testimonials.csv").status_code == 401


def test_move_page_has_the_form_and_both_export_buttons(sqlite_client: TestClient) -> None:
    login(sqlite_client)
    page = sqlite_client.get("/admin/move")
    assert page.status_code == 200
    assert 'id="import-form"' in page.text and "move.js" in page.text
    assert 'href="/admin/api/export"' in page.text
    assert 'href="/admin/api/export/testimonials.csv"' in page.text
    assert sqlite_client.get("/admin/move", follow_redirects=False).status_code == 200
    sqlite_client.cookies.clear()
    assert sqlite_client.get("/admin/move", follow_redirects=False).status_code == 303


def test_settings_page_shows_how_chorus_runs_and_sends_a_test_mail(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    csrf = login(sqlite_client)
    page = sqlite_client.get("/admin/settings").text
    assert "http://blog.example" in page and "<code>all</code>" in page
    assert "Off (set NOTIFY_EMAIL and SMTP_HOST)" in page
    assert "secret" not in page.lower()
    refused = sqlite_client.post("/admin/settings/test-mail", data={"csrf": "wrong"})
    assert refused.status_code == 403
    assert csrf_of(sqlite_client.get("/admin/settings").text) == csrf


def test_test_mail_reaches_a_real_smtp_server(sqlite_client: TestClient, inbox: Inbox) -> None:  # noqa: F811
    csrf = login(sqlite_client)
    page = sqlite_client.get("/admin/settings").text
    assert "sanne@massage.example" in page and "smtp-secret" not in page
    done = sqlite_client.post("/admin/settings/test-mail", data={"csrf": csrf})
    assert done.status_code == 200 and "Test mail sent." in done.text
    [message] = inbox.messages
    assert message["Subject"] == "Test mail from Chorus" and inbox.logins == ["chorus"]


def test_a_failed_test_mail_shows_the_last_error(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "SMTP_HOST", "127.0.0.1")
    monkeypatch.setattr(settings, "SMTP_PORT", 1)  # nothing listens on port 1
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "owner@example.nl")
    csrf = login(sqlite_client)
    done = sqlite_client.post("/admin/settings/test-mail", data={"csrf": csrf})
    assert "could not be sent" in done.text
    assert "ConnectionRefusedError" in done.text


# -- the command line -------------------------------------------------------------------------


def _env(tmp_path: Path) -> dict[str, str]:
    return {"DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "DATA_DIR": str(tmp_path)}


def test_cli_import_draws_progress_and_prints_the_summary(tmp_path: Path) -> None:
    path = samples.write(tmp_path / "wp.xml", samples.wordpress_many(1000))
    done = run(["-m", "service", "import", "wordpress", str(path)], _env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "importing [" in done.stderr and "1000/1000" in done.stderr
    assert "imported 1000 of 1000 comments from wordpress" in done.stdout
    again = run(["-m", "service", "import", "wordpress", str(path)], _env(tmp_path))
    assert "imported 0 of 1000" in again.stdout and "already imported: 1000" in again.stdout


def test_cli_import_dry_run_page_map_and_a_refusal(tmp_path: Path) -> None:
    path = samples.write(tmp_path / "wp.xml", samples.wordpress_sample())
    dry = run(
        [
            "-m",
            "service",
            "import",
            "wordpress",
            str(path),
            "--dry-run",
            "--page-map",
            "/2019/=/x/",
        ],
        _env(tmp_path),
    )
    assert "would import 7 of 7" in dry.stdout and "skipped, pingback: 1" in dry.stdout
    assert "nothing was changed" in dry.stdout
    bomb = samples.write(tmp_path / "bomb.xml", samples.BILLION_LAUGHS)
    refused = run(["-m", "service", "import", "wordpress", str(bomb)], _env(tmp_path))
    assert refused.returncode == 1
    assert "DTD or entities" in refused.stderr and "nothing was imported" in refused.stderr
    assert "Traceback" not in refused.stderr
    count = sqlite3.connect(tmp_path / "cli.db").execute("SELECT COUNT(*) FROM comments")
    assert count.fetchone() == (0,)


def test_cli_backup_copies_database_key_and_password_hash(tmp_path: Path) -> None:
    env = _env(tmp_path)
    path = samples.write(tmp_path / "wp.xml", samples.wordpress_sample())
    run(["-m", "service", "import", "wordpress", str(path)], env)
    (tmp_path / "admin_password_hash").write_text("$argon2id$v=19$m=1,t=1,p=1$abc$def\n")
    env["SECRET_KEY"] = "a-backup-test-secret-that-is-long-enough-123"
    done = run(["-m", "service", "backup", str(tmp_path / "backups")], env)
    assert done.returncode == 0, done.stderr
    (folder,) = (tmp_path / "backups").iterdir()
    assert (folder / "secret_key").read_text().strip() == env["SECRET_KEY"]
    for private in ("secret_key", "admin_password_hash", "chorus.db"):
        assert (folder / private).stat().st_mode & 0o777 == 0o600, private
    assert (folder / "admin_password_hash").read_text().startswith("$argon2id$")
    copy = sqlite3.connect(folder / "chorus.db")
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT COUNT(*) FROM comments").fetchone() == (7,)


def test_banner_lists_everything_and_warns_about_likely_mistakes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from service import banner

    monkeypatch.setattr(settings, "PUBLIC_URL", "http://comments.example.nl")
    monkeypatch.setattr(settings, "ALLOWED_ORIGINS", [])
    monkeypatch.setattr(settings, "ENVIRONMENT", "production")
    monkeypatch.setattr(settings, "DATABASE_URL", "postgresql://chorus:hunter2@db:5432/chorus")
    text = banner.render("first-run-password")
    for expected in (
        "http://comments.example.nl/admin/",
        "first-run-password",
        "/demo/magnesium-en-slaap",
        "postgresql://chorus:***@db:5432/chorus",
        "Moderation:       all",
        "Owner mail:       off",
        "Allowed origins:  none besides Chorus itself",
        "WARNING: ALLOWED_ORIGINS is empty",
        "WARNING: PUBLIC_URL is http:// in production",
    ):
        assert expected in text
    assert "hunter2" not in text
    monkeypatch.setattr(settings, "PUBLIC_URL", "https://comments.example.nl")
    monkeypatch.setattr(settings, "ALLOWED_ORIGINS", ["https://www.example.nl"])
    assert banner.warnings() == []
    assert "Password" not in banner.render(None)


def test_a_refused_origin_is_logged_once_with_the_setting_to_change(
    sqlite_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    from service.web import middleware

    middleware._refused_origins.clear()
    preflight = {
        "Origin": "https://www.not-yet-allowed.example",
        "Access-Control-Request-Method": "POST",
    }
    with caplog.at_level(logging.WARNING, logger="chorus.cors"):
        for _ in range(3):
            answer = sqlite_client.options("/api/comments", headers=preflight)
            assert answer.status_code == 403
        sqlite_client.options(
            "/api/comments", headers={**preflight, "Origin": "http://blog.example"}
        )
    logged = [r.getMessage() for r in caplog.records if r.name == "chorus.cors"]
    assert len(logged) == 1
    assert "https://www.not-yet-allowed.example" in logged[0] and "ALLOWED_ORIGINS" in logged[0]


def test_the_readme_documents_moving_in_and_running_it() -> None:
    readme = (ROOT / "README.md").read_text()
    for heading in (
        "## Importing comments",
        "### Restore",
        "### Upgrade",
        "## Embedding guides",
        "### WordPress",
        "### Hugo",
        "### Ghost",
        "### Plain HTML",
    ):
        assert heading in readme

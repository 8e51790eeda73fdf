"""The import page in real headless Chromium: choose an export, watch it arrive, read what came."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

import settings
from service import notify, passwords
from tests import samples
from tests.conftest import ADMIN_TOKEN, ServedApp, save_screenshot

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)
COMMENTS = 1000  # a realistic blog's worth: twenty progress reports while it is saved
SAVING = 120_000  # ms: a ceiling for a busy shared machine, not a speed goal

# Every value and maximum the progress bar is given, and every sentence the status line says,
# in order: what the owner saw, even when it flashed by faster than a person could read it.
_WATCH = """() => {
    window.seenBar = [];
    window.seenStatus = [];
    new MutationObserver((records) => records.forEach(
        (r) => window.seenBar.push(Number(r.oldValue))))
        .observe(document.getElementById("import-bar"),
                 {attributeFilter: ["value"], attributeOldValue: true});
    new MutationObserver((records) => records.forEach(
        (r) => r.addedNodes.forEach((n) => window.seenStatus.push(n.textContent))))
        .observe(document.getElementById("import-status"), {childList: true});
}"""


@pytest.fixture
def admin(
    live_server: ServedApp, page: Page, page_problems: list[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    """The live server with a known password; the page reports any CSP violation or script error."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    page.emulate_media(color_scheme="light")
    yield live_server


def log_in(page: Page, server: ServedApp, words: dict[str, str], path: str) -> None:
    page.goto(server.url + path)
    expect(page).to_have_url(f"{server.url}/admin/login?next={quote(path, safe='')}")
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["login"]).click()
    # The import form posts through move.js (deferred); clicking before it ran submits natively.
    expect(page).to_have_url(server.url + path)
    page.wait_for_load_state("domcontentloaded")


def exported(server: ServedApp) -> dict[str, Any]:
    request = urllib.request.Request(
        server.url + "/admin/api/export", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}
    )
    with urllib.request.urlopen(request) as response:
        data: dict[str, Any] = json.load(response)
    return data


def start_import(page: Page, words: dict[str, str], source: str, path: Path) -> None:
    page.get_by_label(words["import_source"]).select_option(source)
    page.get_by_label(words["import_file"]).set_input_files(str(path))
    page.evaluate(_WATCH)
    page.get_by_role("button", name=words["import_start"]).click()


def fill(template: str, **values: object) -> str:
    return template.format(**values)


def test_wordpress_export_arrives_with_a_moving_bar_and_a_summary(
    admin: ServedApp, page: Page, words: dict[str, str], lang: str, tmp_path: Path
) -> None:
    export = samples.write(tmp_path / "wordpress.xml", samples.wordpress_many(COMMENTS))
    log_in(page, admin, words, "/admin/move")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title_move"])
    expect(page.locator("#import-progress")).to_be_hidden()

    start_import(page, words, "wordpress", export)
    done = fill(words["import_done_other"], imported=COMMENTS, n=COMMENTS)
    expect(page.locator("#import-status")).to_have_text(done, timeout=SAVING)
    expect(page.locator("#import-summary li")).to_have_text(
        [fill(words["import_status"], status=words["status_approved"], n=COMMENTS)]
    )
    expect(page.get_by_role("button", name=words["import_start"])).to_be_enabled()

    assert page.evaluate(
        "[document.getElementById('import-bar').value, document.getElementById('import-bar').max]"
    ) == [COMMENTS, COMMENTS]
    bar: list[float] = page.evaluate("window.seenBar")  # every value before the last
    saving = [v for v in bar if v > 100]  # above the upload's percentages
    assert saving == sorted(saving)  # it only ever moves forward
    assert len({v for v in saving if v < COMMENTS}) >= 10  # and it moves in steps
    said: list[str] = page.evaluate("window.seenStatus")
    halfway = fill(words["import_writing"], done=COMMENTS // 2, total=COMMENTS)
    assert halfway in said
    assert said.index(halfway) < said.index(done)
    save_screenshot(page, f"move-{lang}-done-desktop")

    assert len(exported(admin)["comments"]) == COMMENTS

    # The same file again adds nothing, and says why in the owner's words.
    start_import(page, words, "wordpress", export)
    again = fill(words["import_done_other"], imported=0, n=COMMENTS)
    expect(page.locator("#import-status")).to_have_text(again, timeout=SAVING)
    expect(page.locator("#import-summary li")).to_have_text(
        [fill(words["import_skipped"], reason=words["skip_already_imported"], n=COMMENTS)]
    )
    assert len(exported(admin)["comments"]) == COMMENTS


@pytest.mark.parametrize(
    ("source", "text", "code"),
    [
        ("wordpress", samples.BILLION_LAUGHS, "unreadable_file"),
        ("disqus", samples.wordpress_sample(), "unreadable_file"),
        ("wordpress", "", "unreadable_file"),
    ],
    ids=["entity-expansion", "wrong-format", "empty"],
)
def test_refused_file_says_why_and_changes_nothing(
    admin: ServedApp,
    page: Page,
    words: dict[str, str],
    tmp_path: Path,
    source: str,
    text: str,
    code: str,
) -> None:
    export = samples.write(tmp_path / "export.xml", text)
    log_in(page, admin, words, "/admin/move")
    start_import(page, words, source, export)
    refused = fill(words["import_failed"], message=words[f"import_error_{code}"])
    expect(page.locator("#import-status")).to_have_text(refused)
    expect(page.locator("#import-detail")).not_to_be_empty()
    expect(page.locator("#import-summary li")).to_have_count(0)
    expect(page.get_by_role("button", name=words["import_start"])).to_be_enabled()
    assert exported(admin)["comments"] == []


def test_move_and_settings_pages_at_desktop_and_phone_width(
    admin: ServedApp,
    page: Page,
    words: dict[str, str],
    lang: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        settings, "ALLOWED_ORIGINS", ["https://www.massage-ontspan.example", "https://blog.example"]
    )
    monkeypatch.setattr(settings, "NOTIFY_EMAIL", "sanne@massage-ontspan.example")
    monkeypatch.setattr(settings, "SMTP_HOST", "smtp.massage-ontspan.example")
    monkeypatch.setattr(settings, "SMTP_USERNAME", "sanne")
    monkeypatch.setitem(notify.last_error, "at", "2026-11-30T21:04:11+00:00")
    monkeypatch.setitem(
        notify.last_error, "error", "SMTPAuthenticationError(535, b'5.7.8 Authentication failed')"
    )
    export = samples.write(tmp_path / "wordpress.xml", samples.wordpress_sample())
    log_in(page, admin, words, "/admin/move")
    for width, name in ((1100, "desktop"), (375, "phone")):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(admin.url + "/admin/move")
        start_import(page, words, "wordpress", export)
        expect(page.locator("#import-summary li").first).to_be_visible()
        _fits(page)
        save_screenshot(page, f"move-{lang}-{name}")
        page.goto(admin.url + "/admin/settings")
        expect(page.get_by_role("heading", level=1)).to_have_text(words["title_settings"])
        expect(page.get_by_text("https://blog.example")).to_be_visible()
        _fits(page)
        save_screenshot(page, f"settings-{lang}-{name}")


def _fits(page: Page) -> None:
    """Nothing sticks out sideways: the page never scrolls horizontally."""
    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 0

"""The browser the other browser tests drive: Debian's Chromium with Playwright's own settings
kept, and without the browser UI pages no test looks at.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.conftest import FEWER_PROCESSES, UNSEEN_BROWSER_UI

pytestmark = pytest.mark.browser


def _parent(pid: int) -> int:
    stat = (Path("/proc") / str(pid) / "stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[1])


def browser_command_lines() -> list[list[str]]:
    """The command lines of the Chromium browser processes this test process started.

    Playwright's driver (a child of this process) starts the browser; its helpers carry --type.
    """
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().decode().split("\0")
            if not args[0].endswith("chromium") or any(a.startswith("--type=") for a in args):
                continue
            if _parent(_parent(int(entry.name))) == os.getpid():
                found.append(args)
        except (OSError, ValueError, IndexError):
            continue  # ended meanwhile, or not ours to read
    return found


def test_chromium_gets_playwrights_disabled_features_and_ours(browser: Any) -> None:
    """Chromium honours only its last --disable-features: that one must carry every list."""
    [args] = browser_command_lines()
    lists = [
        set(a.split("=", 1)[1].split(",")) for a in args if a.startswith("--disable-features=")
    ]
    honoured = lists[-1]
    for earlier in lists[:-1]:
        assert earlier <= honoured, f"Playwright disables more now: {sorted(earlier - honoured)}"
    assert set(UNSEEN_BROWSER_UI) <= honoured
    assert set(FEWER_PROCESSES) <= honoured


def test_a_test_page_comes_without_browser_ui_pages(browser: Any, page: Page) -> None:
    """No address-bar suggestion page is preloaded beside the page under test."""
    page.goto("about:blank")
    session = browser.new_browser_cdp_session()
    targets = session.send("Target.getTargets")["targetInfos"]
    assert [t["url"] for t in targets if t["type"] != "page"] == []
    assert [t["type"] for t in targets] == ["page"]

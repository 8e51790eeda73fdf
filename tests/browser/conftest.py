"""What every browser test of the moderation pages shares."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

import settings
from service import text


@pytest.fixture
def page_problems(page: Page) -> Iterator[list[str]]:
    """Script errors and CSP violations on the page; the test fails if there were any."""
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    yield problems
    assert problems == []


@pytest.fixture(params=["nl", "en"])
def lang(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The moderation pages in Dutch and in English."""
    monkeypatch.setattr(settings, "ADMIN_LANG", request.param)
    return str(request.param)


@pytest.fixture
def words(lang: str) -> dict[str, str]:
    """The page's own sentences in the language under test."""
    return text.section(lang, "admin")

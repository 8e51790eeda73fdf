"""Fixtures the HTTP tests of webhooks and of the Integrations tab share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from tests.http.hooks import quiet_sender
from tests.receivers import Receiver


@pytest.fixture
def hooks(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The app on each backend, local endpoints allowed, its webhook sender driven by the test."""
    from service.app import create_app

    quiet_sender(monkeypatch)
    with TestClient(create_app(database_url), base_url="http://testserver") as client:
        yield client


@pytest.fixture
def sqlite_hooks(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """As `hooks`, on SQLite only."""
    from service.app import create_app

    quiet_sender(monkeypatch)
    with TestClient(create_app(sqlite_url), base_url="http://testserver") as client:
        yield client


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A receiver on loopback that answers 200."""
    with Receiver() as found:
        yield found

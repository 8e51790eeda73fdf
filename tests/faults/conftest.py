"""What every fault test shares."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _servers_unmeasured(monkeypatch: pytest.MonkeyPatch) -> None:
    """The servers these tests start and kill run without coverage measurement.

    Measuring them cost a third of this folder's time: every server, and each of its workers,
    started under coverage and wrote its data at exit. What they run is measured in the http
    tests, in process; these tests are about what survives a fault, not about coverage.
    """
    monkeypatch.delenv("COVERAGE_PROCESS_CONFIG", raising=False)
    monkeypatch.delenv("COVERAGE_PROCESS_START", raising=False)

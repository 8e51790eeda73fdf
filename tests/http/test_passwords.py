"""Password checks run beside the event loop, a few at a time, so a login flood stalls nothing."""

from __future__ import annotations

import asyncio
import threading

import pytest

import settings
from service import passwords

pytestmark = pytest.mark.anyio


async def test_password_checks_run_in_worker_threads_at_most_a_few_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "PASSWORD_CHECKS", 2)
    monkeypatch.setattr(passwords, "_limiters", {})
    loop_thread = threading.current_thread()
    lock = threading.Lock()
    inside = {"now": 0, "most": 0, "threads": set()}
    two_inside = threading.Event()
    release = threading.Event()

    def slow_verify(password: str) -> bool:
        with lock:
            inside["now"] += 1
            inside["most"] = max(inside["most"], inside["now"])
            inside["threads"].add(threading.current_thread())
            if inside["now"] == 2:
                two_inside.set()
        release.wait(30)
        with lock:
            inside["now"] -= 1
        return password == "right"

    monkeypatch.setattr(passwords, "verify_password", slow_verify)
    checks = [asyncio.create_task(passwords.check_password(f"guess {n}")) for n in range(6)]
    # While two checks are blocked in their threads, the event loop still runs other work.
    await asyncio.to_thread(two_inside.wait, 30)
    assert not any(check.done() for check in checks)
    assert inside["now"] == 2
    release.set()
    assert await asyncio.gather(*checks) == [False] * 6
    assert inside["most"] == 2
    assert loop_thread not in inside["threads"]

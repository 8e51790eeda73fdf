"""A worker's side of the process that supervises it: a failed start shows, an orphan stops.

Under `uvicorn --workers N` the supervisor (uvicorn 0.54) stops when a worker's start-up fails,
yet exits with status 0, so a process manager sees a clean stop and `Restart=on-failure` does
nothing. The worker whose start failed therefore ends that supervisor with SIGKILL: it catches
every signal that would end it with a status of its choosing (TERM, INT, QUIT, USR1, ...), so
only a kill makes its status say that something went wrong. `serve --workers N` runs the same
supervisor in-process and reports the failure itself, so it is left alone.

A worker whose supervisor is gone, however that happened, stops too (as gunicorn's workers
do): otherwise it would keep the port without anyone to restart or stop it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
from pathlib import Path

log = logging.getLogger("chorus")
ORPHAN_CHECK = 1.0  # seconds between checks that the supervisor is still there
FAILED_START_SIGNAL = signal.SIGKILL


def supervisor_pid() -> int | None:
    """The pid of the process that started this one as a multiprocessing worker, if one did.

    It may be gone already (a worker still starting when its supervisor was killed).
    """
    parent = multiprocessing.parent_process()
    return None if parent is None else parent.pid


def _is_plain_uvicorn(pid: int) -> bool:
    """Whether `pid` is uvicorn's command line supervising workers (not `serve`, not --reload)."""
    try:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:  # not Linux, or already gone
        return False
    runs_uvicorn = any(Path(os.fsdecode(part)).name == "uvicorn" for part in arguments[:3])
    return runs_uvicorn and b"--reload" not in arguments


def report_failed_start() -> None:
    """Make the supervisor's exit status show that this worker could not start."""
    pid = supervisor_pid()
    if pid is None or pid != os.getppid() or not _is_plain_uvicorn(pid):
        return
    log.critical(
        "stopping uvicorn's supervisor (pid %d) with %s, so that its exit status shows the "
        "failure; `python -m service serve --workers N` exits with status 1 instead",
        pid,
        FAILED_START_SIGNAL.name,
    )
    with contextlib.suppress(ProcessLookupError):  # another worker was first
        os.kill(pid, FAILED_START_SIGNAL)


async def stop_when_orphaned(pid: int) -> None:
    """Stop this worker gracefully (as SIGTERM would) once its supervisor `pid` is gone."""
    while os.getppid() == pid:
        await asyncio.sleep(ORPHAN_CHECK)
    log.warning("the supervisor (pid %d) is gone: stopping this worker", pid)
    os.kill(os.getpid(), signal.SIGTERM)

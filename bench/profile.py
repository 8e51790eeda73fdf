"""A profile of Chorus taking comments: py-spy samples the server while wrk posts to it.

Chorus runs as in section 0 of `bench/run.py` (SQLite, MODERATION=all, a fresh form token per
POST); py-spy (`pip install py-spy` into .venv) records for BENCH_SECONDS and writes
BENCH_PROFILE (default profile.txt, collapsed stacks: one line per stack with its sample count)
and prints the share of samples under each of a few functions. `--gil` samples only the thread
holding the GIL, which is where a single event loop's time goes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path

from bench.run import CHORUS_POST, SECONDS, chorus, form_tokens, wrk

OUT = Path(os.environ.get("BENCH_PROFILE", "profile.txt"))
PARTS = {
    "readers.submit": "submit (service/readers.py",
    "middleware (CORS, headers, edge cache)": "service/web/middleware.py",
    "edge cache": "service/web/edge.py",
    "bleach": "bleach/",
    "hints": "service/domain/hints.py",
    "duplicate key": "duplicate_key",
    "JSON parse + validation": "service/domain/validation.py",
    "signing (itsdangerous)": "itsdangerous/",
    "store engine (event loop side)": "service/store/engine/",
    "writer thread (group commit)": "_commit_group",
}


def _server_pid(url: str) -> int:
    port = url.rsplit(":", 1)[1]
    ss = shutil.which("ss") or "/usr/bin/ss"
    found = subprocess.run([ss, "-Htlnp", f"sport = :{port}"], capture_output=True, text=True)
    return int(found.stdout.split("pid=")[1].split(",")[0])


def main() -> None:
    py_spy = Path(sys.executable).parent / "py-spy"
    with tempfile.TemporaryDirectory() as data, chorus(f"sqlite:///{data}/p.db", data) as url:
        tokens = form_tokens(data)
        pid = _server_pid(url)
        command = [str(py_spy), "record", "--pid", str(pid), "--duration", str(SECONDS),
                   "--format", "raw", "--output", str(OUT), "--rate", "200", "--nonblocking",
                   *sys.argv[1:]]  # fmt: skip
        spy = threading.Thread(target=subprocess.run, args=(command,), kwargs={"check": True})
        spy.start()
        load = wrk(url, post=CHORUS_POST, tokens=tokens)
        spy.join()
    print(f"{load.rate:,.0f} req/s, p99 {load.p99:.1f} ms while sampled; stacks in {OUT}")
    samples: Counter[str] = Counter()
    total = 0
    for line in OUT.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        total += int(count)
        for part, marker in PARTS.items():
            if marker in stack:
                samples[part] += int(count)
    for part in PARTS:
        print(f"  {part:42} {samples[part] / max(total, 1):6.1%}")


if __name__ == "__main__":
    main()

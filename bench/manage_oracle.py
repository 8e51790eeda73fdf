"""Does `POST /api/manage` take longer for a known address? Prints known/unknown, as a ratio.

A timing oracle lets anyone learn which addresses have commented. Both kinds of request are
made in alternation against the same process (SQLite, a loopback SMTP server, the limits per
address and client lifted so every request does its full work), and the medians compared: a
ratio near 1.00 says the answer does not depend on the address. BENCH_ROUNDS sets the number of
pairs. This is never part of `make test`, and it asserts nothing.
"""

from __future__ import annotations

import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "400"))
KNOWN = "anna@example.nl"
UNKNOWN = "nobody-here@example.nl"


class _Sink:
    """An SMTP server that takes every mail and keeps none."""

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        return "250 OK"


def main() -> None:
    from aiosmtpd.controller import Controller
    from starlette.testclient import TestClient

    import settings
    from service import readers, signing
    from service.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    smtp = Controller(_Sink(), hostname="127.0.0.1", port=port)
    smtp.start()
    settings.SMTP_HOST, settings.SMTP_PORT = "127.0.0.1", port
    settings.SMTP_STARTTLS, settings.SMTP_USERNAME = False, ""
    settings.NOTIFY_EMAIL = settings.MAIL_FROM = "owner@example.nl"
    settings.READER_MAIL_PER_ADDRESS = settings.READER_MAIL_PER_HOUR = 10**9
    settings.FORM_MIN_SECONDS = 0
    readers.MANAGE_PER_ADDRESS = readers.MANAGE_PER_CLIENT = 10**9
    times: dict[str, list[float]] = {KNOWN: [], UNKNOWN: []}
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(f"sqlite:///{Path(folder) / 'chorus.db'}")
        with TestClient(app) as client:
            story = {
                "form_token": signing.form_token(),
                "page": "/blog/x",
                "author": "Anna",
                "email": KNOWN,
                "body": "Een verhaal van Anna.",
            }
            assert client.post("/api/comments", json=story).status_code == 202
            for n in range(ROUNDS):
                # Alternate which goes first, so neither always follows the other's work.
                for email in (KNOWN, UNKNOWN) if n % 2 else (UNKNOWN, KNOWN):
                    start = time.perf_counter()
                    answer = client.post("/api/manage", json={"email": email})
                    times[email].append(time.perf_counter() - start)
                    assert answer.status_code == 202
    smtp.stop()
    known, unknown = (statistics.median(times[e]) for e in (KNOWN, UNKNOWN))
    print(f"POST /api/manage, median of {ROUNDS} each: known/unknown = {known / unknown:.2f}")


if __name__ == "__main__":
    main()

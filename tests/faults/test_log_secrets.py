"""What a real `serve` writes to its log: no link tokens, no searched addresses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx2 as httpx
import pytest

from service import signing
from tests.faults.test_data_path import ROOT, _up, _wait_until
from tests.helpers import OWNER
from tests.http.test_notify import _free_port

ADDRESS = "geheim.adres@example.nl"


def _log_of_requests(
    tmp_path: Path, requests: list[tuple[str, str, dict[str, object]]], workers: int
) -> str:
    """Start `serve` with the access log on, make `requests`, stop it and return its output."""
    port = _free_port()
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'chorus.db'}",
        "DATA_DIR": str(tmp_path),
        "LOG_LEVEL": "info",
    }
    # uvicorn writes its access log to stdout and the rest to stderr: read both, as one.
    process = subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--port", str(port), "--workers", str(workers)],
        cwd=ROOT,
        env={**os.environ, "RATE_LIMIT_POSTS": "1000", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        assert _wait_until(lambda: _up(url))
        with httpx.Client(base_url=url, timeout=10) as client:
            for method, path, options in requests:
                client.request(method, path, **options)  # type: ignore[arg-type]
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return output.decode()


@pytest.mark.parametrize("workers", [1, 2])
def test_the_access_log_names_no_link_token_and_no_searched_address(
    tmp_path: Path, workers: int
) -> None:
    """Workers are new processes that configure logging afresh: they hide tokens too."""
    manage, _ = signing.manage_link_token()
    confirm = signing.subscription_token(7, "2026-12-07T10:00:00.000000Z", signing.CONFIRM)
    unsubscribe = signing.subscription_token(7, "2026-12-07T10:00:00.000000Z", signing.UNSUBSCRIBE)
    mail = signing.mail_link_token(7, "2026-12-07T10:00:00.000000Z", "approve", "")
    tokens = [manage, confirm, unsubscribe, mail]
    log = _log_of_requests(
        tmp_path,
        [
            ("GET", f"/manage/{manage}?lang=nl", {}),
            ("POST", f"/manage/{manage}", {"data": {"action": "delete"}}),
            ("GET", f"/replies/confirm/{confirm}?lang=en", {}),
            ("GET", f"/replies/unsubscribe/{unsubscribe}", {}),
            ("GET", f"/admin/mail/{mail}", {}),
            # The search goes in the body now; an old client's GET still leaves no address.
            ("POST", "/admin/api/readers", {"json": {"email": ADDRESS}, "headers": OWNER}),
            ("GET", f"/admin/api/readers?email={ADDRESS}", {"headers": OWNER}),
            ("GET", f"/admin/privacy?email={ADDRESS}", {}),
        ],
        workers,
    )
    assert '"GET /manage/…?lang=nl HTTP/1.1"' in log, log  # the access log is on, and scrubbed
    assert '"GET /replies/confirm/…?lang=en HTTP/1.1"' in log
    assert '"GET /replies/unsubscribe/… HTTP/1.1"' in log
    assert '"GET /admin/mail/… HTTP/1.1"' in log
    assert '"POST /admin/api/readers HTTP/1.1" 200' in log
    assert "/admin/api/readers?email=… HTTP/1.1" in log
    for secret in tokens:
        # Each piece of a signed token, so neither a payload nor a signature survives.
        for piece in secret.split("."):
            if len(piece) >= 8:
                assert piece not in log, secret
    assert ADDRESS not in log and "geheim.adres" not in log
    assert "%40example.nl" not in log

"""The deployment files: the image and the systemd unit install and start Chorus the same way."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[2]


def _dockerfile_run() -> str:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    runs = [line for line in text.splitlines() if line.startswith("RUN ") and "pip install" in line]
    assert len(runs) == 1
    return " ".join(runs[0].removeprefix("RUN ").split())


def _unit(key: str) -> str:
    match = re.search(rf"^{key}[=:] ?(.+)$", (ROOT / "deploy/chorus.service").read_text(), re.M)
    assert match, key
    return " ".join(match.group(1).split())


def test_the_image_installs_chorus_like_the_systemd_unit() -> None:
    unit = _unit("# INSTALL")
    docker = _dockerfile_run()
    assert docker == unit
    assert "[test]" not in docker  # a running site needs no test tools


def test_the_image_starts_chorus_like_the_systemd_unit() -> None:
    cmd = re.search(r"^CMD (\[.+\])$", (ROOT / "Dockerfile").read_text(), re.M)
    assert cmd
    import json

    image = json.loads(cmd.group(1))
    unit = _unit("ExecStart").split()
    # Only the address differs: the container listens on its own interfaces, systemd on loopback.
    assert image[image.index("--host") + 1] == "0.0.0.0"  # noqa: S104 - inside the container
    assert unit[unit.index("--host") + 1] == "127.0.0.1"
    strip = lambda words: [w for w in words if w not in ("0.0.0.0", "127.0.0.1")]  # noqa: E731, S104
    assert strip(image) == strip(unit)


def test_the_image_runs_as_a_user_with_a_health_check() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^USER chorus$", text, re.M)
    assert "HEALTHCHECK" in text and "/healthz" in text
    compose = (ROOT / "compose.yaml").read_text()
    assert "postgres:" in compose and "DATABASE_URL: postgresql://" in compose
    assert '"127.0.0.1:8000:8000"' in compose  # only the TLS proxy on the host is public


@pytest.mark.parametrize("name", ["nginx.conf", "Caddyfile"])
def test_proxy_files_forward_the_client_and_explain_trusted_proxies(name: str) -> None:
    text = (ROOT / "deploy" / name).read_text()
    assert "TRUSTED_PROXIES=127.0.0.1" in text and "PUBLIC_URL=https://" in text
    assert "reverse_proxy 127.0.0.1:8000" in text or "proxy_pass http://chorus" in text


def test_nginx_accepts_the_site_file(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    openssl = shutil.which("openssl")
    if not nginx or not openssl:
        reason = "nginx (make nginx) or openssl is not installed"
        if IN_CI:
            pytest.fail(f"{reason}; CI must check the nginx site file")
        pytest.skip(reason)
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (ROOT / "deploy/nginx.conf").read_text()
    site = site.replace(
        "/etc/letsencrypt/live/comments.example.nl/fullchain.pem", str(tmp_path / "cert.pem")
    )
    site = site.replace(
        "/etc/letsencrypt/live/comments.example.nl/privkey.pem", str(tmp_path / "key.pem")
    )
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{ access_log off; include {tmp_path}/site.conf; }}\n"
    )
    done = subprocess.run(
        [nginx, "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_ci_does_the_same_on_every_day_of_the_week() -> None:
    """No step of `.ci/run` depends on the date: the floors run on every run."""
    script = (ROOT / ".ci/run").read_text()
    steps = [line.strip() for line in script.splitlines() if not line.lstrip().startswith("#")]
    assert not [step for step in steps if "date" in step]
    assert "make test-floors" in steps

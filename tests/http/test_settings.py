"""Settings: documented, checked at start-up, and failing with one clear line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def setting_names() -> set[str]:
    source = (ROOT / "settings.py").read_text()
    names = set(re.findall(r'config\(\s*"([A-Z_]+)"', source))
    names |= set(
        re.findall(r'_(?:choice|positive_int|positive_float|timezone)\(\s*"([A-Z_]+)"', source)
    )
    return names


def test_every_setting_is_documented_in_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, re.MULTILINE))
    names = setting_names()
    assert len(names) > 20
    assert names - documented == set(), "settings missing from the README table"
    assert documented - names == set(), "README documents settings that do not exist"


def test_every_setting_is_in_the_example_env_file() -> None:
    example = (ROOT / ".env.example").read_text()
    missing = {n for n in setting_names() if not re.search(rf"^#? ?{n}=", example, re.MULTILINE)}
    assert missing == set()


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in env}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DATABASE_URL": "mysql://root@localhost/x"}, "DATABASE_URL"),
        ({"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}, "DATABASE_URL"),
        ({"DATABASE_URL": "sqlite:////proc/forbidden/chorus.db"}, "DATABASE_URL"),
        ({"MODERATION": "sometimes"}, "MODERATION"),
        ({"ADMIN_LANG": "es"}, "ADMIN_LANG"),
        ({"RATE_LIMIT_POSTS": "many"}, "RATE_LIMIT_POSTS"),
        ({"MAX_BODY_LENGTH": "0"}, "MAX_BODY_LENGTH"),
        ({"SECRET_KEY": "changeme"}, "SECRET_KEY"),
        ({"SECRET_KEY": "", "ENVIRONMENT": "production"}, "SECRET_KEY"),
        ({"SECRET_KEY": "", "DATA_DIR": "/proc/forbidden"}, "DATA_DIR"),
    ],
)
def test_bad_setting_stops_with_one_line_naming_it(
    env: dict[str, str], named: str, tmp_path: Path
) -> None:
    base = {"DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/c.db"}
    result = run(["-m", "service", "migrate"], {**base, **env})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert named in lines[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", ["nl", "en", "de", "fr"])
def test_admin_lang_takes_every_language_of_the_catalogs(lang: str, tmp_path: Path) -> None:
    env = {"DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/c.db"}
    result = run(["-c", "import settings; print(settings.ADMIN_LANG)"], {**env, "ADMIN_LANG": lang})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == lang


def test_development_secret_is_generated_once_and_private(tmp_path: Path) -> None:
    env = {
        "DATA_DIR": str(tmp_path),
        "SECRET_KEY": "",
        "DATABASE_URL": f"sqlite:///{tmp_path}/c.db",
    }
    assert run(["-m", "service", "migrate"], env).returncode == 0
    secret = tmp_path / "secret_key"
    assert secret.stat().st_mode & 0o777 == 0o600
    first = secret.read_text()
    assert run(["-m", "service", "migrate"], env).returncode == 0
    assert secret.read_text() == first and len(first.strip()) >= 32


def test_migrate_command_is_safe_to_run_twice(tmp_path: Path) -> None:
    env = {"DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/c.db"}
    first = run(["-m", "service", "migrate"], env)
    assert "001_initial" in first.stdout
    second = run(["-m", "service", "migrate"], env)
    assert second.returncode == 0 and "up to date" in second.stdout


def test_hash_password_prints_an_argon2id_hash_that_verifies(tmp_path: Path) -> None:
    from argon2 import PasswordHasher

    result = run(
        ["-m", "service", "hash-password"], {"DATA_DIR": str(tmp_path)}, "lang-wachtwoord\n"
    )
    assert result.returncode == 0
    value = result.stdout.strip()
    assert value.startswith("$argon2id$")
    params = dict(p.split("=") for p in value.split("$")[3].split(","))
    assert int(params["m"]) >= 19456 and int(params["t"]) >= 2
    assert PasswordHasher().verify(value, "lang-wachtwoord")
    short = run(["-m", "service", "hash-password"], {"DATA_DIR": str(tmp_path)}, "kort\n")
    assert short.returncode == 1 and "10 characters" in short.stderr


def test_set_password_stores_only_the_hash(tmp_path: Path) -> None:
    env = {"DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/c.db"}
    result = run(["-m", "service", "set-password"], env, "een-nieuw-wachtwoord\n")
    assert result.returncode == 0, result.stderr
    stored = (tmp_path / "admin_password_hash").read_text()
    assert stored.startswith("$argon2id$") and "een-nieuw-wachtwoord" not in stored
    assert (tmp_path / "admin_password_hash").stat().st_mode & 0o777 == 0o600


def test_first_start_generates_a_password_and_prints_it_once(tmp_path: Path) -> None:
    code = (
        "from service.__main__ import ensure_password; from service import banner; "
        "print(banner.render(ensure_password())); print(banner.render(ensure_password()))"
    )
    result = run(["-c", code], {"DATA_DIR": str(tmp_path), "ADMIN_PASSWORD_HASH": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Password (shown once)") == 1
    password = re.search(r"Password \(shown once\): (\S+)", result.stdout)
    assert password is not None
    stored = (tmp_path / "admin_password_hash").read_text()
    assert password.group(1) not in stored and stored.startswith("$argon2id$")

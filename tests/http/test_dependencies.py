"""Dependencies an owner can trust: imports declared, the lock complete, floors and audit sound."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
OWN = {"service", "settings"}


def _name(requirement: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9_.-]+)", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match[1]).lower()


def _load(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RUNTIME = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
TEST_TOOLS = {_name(r) for r in PYPROJECT["project"]["optional-dependencies"]["test"]}


def _top_level_imports() -> dict[str, str]:
    """Every top-level module imported by service/ and settings.py, with one place it is."""
    found: dict[str, str] = {}
    for path in [ROOT / "settings.py", *sorted((ROOT / "service").rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_import_is_the_standard_library_ours_or_a_declared_runtime_dependency() -> None:
    providers = importlib.metadata.packages_distributions()
    undeclared = []
    for module, where in _top_level_imports().items():
        if module in OWN or module in sys.stdlib_module_names:
            continue
        dists = {_name(d) for d in providers.get(module, [])}
        if not dists & RUNTIME:
            undeclared.append(
                f"{module} ({where}) comes from {sorted(dists) or 'nothing installed'}"
            )
    assert not undeclared, "imported but not a runtime dependency: " + "; ".join(undeclared)


def test_runtime_and_test_dependencies_are_kept_apart_and_all_have_floors() -> None:
    assert not RUNTIME & TEST_TOOLS
    assert not {"pytest", "playwright", "mypy", "ruff", "hypothesis"} & RUNTIME
    for requirement in [
        *PYPROJECT["project"]["dependencies"],
        *PYPROJECT["project"]["optional-dependencies"]["test"],
    ]:
        assert re.search(r">=\s*\d+\.\d+", requirement), f"{requirement} needs a floor"


def test_the_lock_pins_every_runtime_dependency_with_hashes() -> None:
    lock = (ROOT / "requirements.lock").read_text()
    pinned = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+)", lock, re.MULTILINE))
    assert {_name(n) for n in pinned} >= RUNTIME, "run `make lock` after changing dependencies"
    for block in re.split(
        r"\n(?=[a-z0-9])", lock.split("\n", 1)[1] if lock.startswith("#") else lock
    ):
        if re.match(r"^[a-z0-9]", block):
            assert "--hash=sha256:" in block, block.splitlines()[0]
    assert not TEST_TOOLS & {_name(n) for n in pinned}, "test tools do not belong in the lock"


def test_the_floors_become_exact_pins() -> None:
    floors = _load("floors").floors  # type: ignore[attr-defined]
    pins = floors(PYPROJECT)
    assert "starlette==1.7.0" in pins and "uvicorn==0.30.0" in pins
    with pytest.raises(SystemExit, match="states no floor"):
        floors({"project": {"dependencies": ["bleach"], "optional-dependencies": {"test": []}}})


# pip-audit's JSON report, as it prints one with `--format json`.
VULNERABLE = {
    "dependencies": [
        {
            "name": "jinja2",
            "version": "3.1.4",
            "vulns": [{"id": "GHSA-q2x7-8rv6-6q7h", "fix_versions": ["3.1.5"], "aliases": []}],
        },
        {"name": "bleach", "version": "6.2.0", "vulns": []},
    ],
    "fixes": [],
}
UNREACHABLE = {
    "dependencies": [
        {"name": "bleach", "skip_reason": "Dependency not found on PyPI and could not be audited"},
        {"name": "jinja2", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ],
    "fixes": [],
}
CLEAN = {"dependencies": [{"name": "bleach", "version": "6.2.0", "vulns": []}], "fixes": []}


def test_the_audit_fails_on_an_advisory_naming_the_package_and_the_fix() -> None:
    code, lines = _load("audit_dependencies").verdict(VULNERABLE)  # type: ignore[attr-defined]
    assert code == 1
    assert "jinja2 3.1.4: GHSA-q2x7-8rv6-6q7h (fixed in 3.1.5)" in lines


def test_the_audit_skips_with_one_line_when_no_advisory_source_answers() -> None:
    code, lines = _load("audit_dependencies").verdict(UNREACHABLE)  # type: ignore[attr-defined]
    assert code == 0 and len(lines) == 1 and lines[0].startswith("dependency audit skipped")


def test_a_clean_audit_says_how_many_packages_it_checked() -> None:
    code, lines = _load("audit_dependencies").verdict(CLEAN)  # type: ignore[attr-defined]
    assert (code, lines) == (0, ["dependency audit: no known advisories in 1 locked packages"])

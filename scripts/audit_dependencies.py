"""Audit the locked runtime set (requirements.lock) for known security advisories.

Runs pip-audit against the lock without installing anything. Exit 1 names each affected package,
its locked version, the advisory and the versions that fix it. When no advisory source answers
(PyPI's vulnerability data and OSV both out of reach, as on an offline machine) it prints one line
saying the audit was skipped and why, and exits 0, so `make lint` still works offline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"


def verdict(report: dict[str, Any]) -> tuple[int, list[str]]:
    """The exit code and the lines to print for one pip-audit JSON report."""
    dependencies = report.get("dependencies", [])
    findings = []
    for dependency in dependencies:
        for vuln in dependency.get("vulns", []):
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed release yet"
            findings.append(
                f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})"
            )
    if findings:
        return 1, ["dependency audit: known advisories in requirements.lock:", *findings]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    if dependencies and len(skipped) == len(dependencies):
        return 0, [
            "dependency audit skipped: no advisory source reachable "
            f"({skipped[0]['skip_reason'].split(':')[0]})"
        ]
    audited = len(dependencies) - len(skipped)
    return 0, [f"dependency audit: no known advisories in {audited} locked packages"]


def main() -> int:
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--requirement",
        str(LOCK),
        "--require-hashes",
        "--disable-pip",
        "--format",
        "json",
        "--progress-spinner",
        "off",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        report = json.loads(result.stdout)
    except ValueError:
        reason = (result.stderr.strip().splitlines() or ["pip-audit gave no report"])[-1]
        if "ConnectionError" in result.stderr or "Max retries" in result.stderr:
            print(f"dependency audit skipped: no advisory source reachable ({reason[:120]})")
            return 0
        print(f"dependency audit failed to run: {reason[:200]}")
        return 1
    code, lines = verdict(report)
    print("\n".join(lines))
    return code


if __name__ == "__main__":
    sys.exit(main())

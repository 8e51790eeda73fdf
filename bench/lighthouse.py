"""Lighthouse's Performance score for the demo post with the comments widget loaded.

The widget lives on the owner's pages, so what it costs them is what a search engine measures on
those pages. This serves Chorus as `make bench` does, puts a thread of comments on the Dutch demo
post, and runs the `lighthouse` npm package (installed by `make bench` into .lighthouse/, which
git ignores) on Debian's Chromium: never a downloaded browser. It prints the score (0-100, goal
>= 95) on Lighthouse's phone profile (throttled CPU and network) and on its desktop profile, and
the audits that cost points. Like the rest of bench/ it asserts nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from run import ROOT, chorus, fill_thread  # bench/ is on the path when this runs as a script

LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
POST = "/demo/magnesium-en-slaap"
# A link from a feed or a testimonial to one comment: the widget loads the comments at once
# instead of when the reader scrolls near, and scrolls to the comment.
LINKED = "#chorus-comment-6"
GOAL = 95


def score(url: str, report: Path, desktop: bool) -> dict[str, object]:
    """One Lighthouse run over `url`; its JSON report."""
    command = [
        str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
        f"--output-path={report}", "--quiet", f"--chrome-flags={CHROME_FLAGS}",
    ]  # fmt: skip
    if desktop:
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    result: dict[str, object] = json.loads(report.read_text())
    return result


def costs(result: dict[str, object]) -> str:
    """The metrics that scored below 0.9, with their values: where the points went."""
    audits: dict[str, dict[str, object]] = result["audits"]  # type: ignore[assignment]
    weights = result["categories"]["performance"]["auditRefs"]  # type: ignore[index]
    lost = [
        f"{audits[ref['id']]['title']} {audits[ref['id']].get('displayValue', '')}".strip()
        for ref in weights
        if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 0.9
    ]
    return "; ".join(lost) or "nothing"


def main() -> int:
    if not LIGHTHOUSE.exists():
        print(f"lighthouse is not installed in {LIGHTHOUSE.parent}: `make bench` installs it")
        return 1
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is not installed (make browser)")
        return 1
    print(f"4. Lighthouse Performance of the demo post with the widget (goal >= {GOAL})")
    with tempfile.TemporaryDirectory() as data, chorus(f"sqlite:///{data}/lh.db", data) as url:
        fill_thread(url, page=POST, size=12)
        for address, what in ((POST, "the post"), (POST + LINKED, "a link to a comment")):
            for desktop in (False, True):
                result = score(url + address, Path(data) / "report.json", desktop)
                value = round(100 * result["categories"]["performance"]["score"])  # type: ignore[index]
                label = f"{what}, {'desktop' if desktop else 'phone (throttled)'}"
                print(f"  {label:58} {value:7d}  (costs points: {costs(result)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Print the gzipped size of each widget as served and fail when one is over its budget.

Readers download the widgets on every site that embeds them, so their weight is a feature. The
figures are for what the service sends: the minified build (service/assets.py) at gzip level 9
(service/web/widgets.py). The readable source's size is printed beside it, for comparison only.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, Python puts bench/ on the path, not the repository root with the service in it.
sys.path.insert(0, str(ROOT))

from service import text  # noqa: E402
from service.assets import build  # noqa: E402

WIDGET_DIR = ROOT / "widget"
EACH = 5120  # bytes gzipped; each widget a page embeds must stay below this
TOTAL = 8192  # bytes gzipped; the embedded widgets together may not exceed this
# Second scripts, loaded only when needed (the puzzle solver, sending the form, the reader's
# own-comment tools, the testimonial summary's words, the report form): not part of any first
# load, each with its own budget.
LAZY = {"pow.js": 4096, "mine.js": 4096, "send.js": 4096, "summary.js": 4096, "report.js": 4096}


def served_size(path: Path, lang: str | None = None) -> int:
    """Bytes gzipped of the build the service makes from the source at `path` (in `lang`)."""
    return len(gzip.compress(build(path, lang), 9, mtime=0))


def one_language(first: list[Path]) -> bool:
    """Print the first-load widgets as built for one language each (`comments.js?lang=nl`), the
    address the README gives owners; True when one of them is over its budget."""
    failed = False
    for lang in text.LANGUAGES:
        sizes = {path.name: served_size(path, lang) for path in first}
        over = max(sizes.values()) >= EACH or sum(sizes.values()) > TOTAL
        failed |= over
        each = ", ".join(f"{name} {size} B" for name, size in sizes.items())
        print(
            f"{'lang=' + lang:<20} {sum(sizes.values()):>6} B gzipped  ({each}; "
            f"{EACH - max(sizes.values())} B below the limit for one)"
            f"{'  OVER BUDGET' if over else ''}"
        )
    return failed


def main() -> int:
    sizes = {path.name: served_size(path) for path in sorted(WIDGET_DIR.glob("*.js"))}
    if not sizes:
        print(f"no widgets found in {WIDGET_DIR}")
        return 1
    failed = False
    for name, size in sizes.items():
        source = (WIDGET_DIR / name).read_bytes()
        minified = len(build(WIDGET_DIR / name))
        over = size > LAZY[name] if name in LAZY else size >= EACH
        failed |= over
        print(
            f"{name:<20} {size:>6} B gzipped  ({minified} B minified, {len(source)} B source)"
            f"{'  OVER BUDGET' if over else ''}"
        )
    total = sum(size for name, size in sizes.items() if name not in LAZY)
    over = total > TOTAL
    failed |= over
    print(
        f"{'first loads':<20} {total:>6} B gzipped  (budget: each < {EACH}, together <= {TOTAL}; "
        f"loaded when needed: {', '.join(f'{n} <= {b}' for n, b in LAZY.items())})"
    )
    if over:
        print("OVER BUDGET: the widgets together are too heavy")
    failed |= one_language([WIDGET_DIR / name for name in sizes if name not in LAZY])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

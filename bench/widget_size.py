"""Print the gzipped size of each widget and fail when one is over its budget.

Readers download the widgets on every site that embeds them, so their weight is a feature. The
figures are gzip level 9, which is what the service sends (service/widgets.py).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

WIDGET_DIR = Path(__file__).resolve().parent.parent / "widget"
EACH = 5120  # bytes gzipped; each widget must stay below this
TOTAL = 8192  # bytes gzipped; both together may not exceed this


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9, mtime=0))


def main() -> int:
    sizes = {path.name: gzipped_size(path) for path in sorted(WIDGET_DIR.glob("*.js"))}
    if not sizes:
        print(f"no widgets found in {WIDGET_DIR}")
        return 1
    failed = False
    for name, size in sizes.items():
        raw = (WIDGET_DIR / name).stat().st_size
        over = size >= EACH
        failed |= over
        print(f"{name:<20} {size:>6} B gzipped  ({raw} B raw){'  OVER BUDGET' if over else ''}")
    total = sum(sizes.values())
    over = total > TOTAL
    failed |= over
    print(f"{'total':<20} {total:>6} B gzipped  (budget: each < {EACH}, total <= {TOTAL})")
    if over:
        print("OVER BUDGET: the widgets together are too heavy")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

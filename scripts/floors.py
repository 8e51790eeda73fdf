"""Print pip constraints that pin every declared dependency to its floor (`name==floor`).

`make test-floors` installs with these constraints, so the floors in pyproject.toml stay true:
each must be a release the tests pass on, not a wish.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_FLOOR = re.compile(r"^\s*([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*>=\s*([^,;\s]+)")


def floors(pyproject: dict[str, object]) -> list[str]:
    """`name==floor` for each runtime and test dependency that states a floor."""
    project = pyproject["project"]
    assert isinstance(project, dict)
    declared = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = []
    for requirement in declared:
        match = _FLOOR.match(requirement)
        if match is None:
            raise SystemExit(f"{requirement!r} states no floor (name>=version)")
        pins.append(f"{match[1]}=={match[2]}")
    return pins


def main() -> int:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    print("\n".join(floors(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

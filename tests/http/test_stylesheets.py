"""The stylesheets nest no rule by accident: every rule sits at the top or in an at-rule.

CSS nesting is valid CSS now, so a lost closing brace is no syntax error: the rules after it
quietly become nested under the rule left open and match nothing (a merge once did that to the
story page's and the integrations page's styles, and every checker passed). Chorus writes no
nested rules, so a rule inside a rule is always that mistake.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHEETS = [ROOT / "service" / "static" / "admin.css", *sorted((ROOT / "widget").glob("*.css"))]


def nested_rules(css: str) -> list[str]:
    """The selectors of rules opened inside another rule (not inside @media and the like)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    stack: list[str] = []  # what each open brace belongs to: "at" or "rule"
    found, start = [], 0
    for match in re.finditer(r"[{}]", css):
        if match.group() == "{":
            head = css[start : match.start()].strip().split(";")[-1].strip()
            if not head.startswith("@") and "rule" in stack:
                found.append(head)
            stack.append("at" if head.startswith("@") else "rule")
        elif stack:
            stack.pop()
        start = match.end()
    if stack:
        found.append(f"{len(stack)} block(s) never closed")
    return found


def test_the_check_finds_a_lost_brace() -> None:
    assert nested_rules("a { color: red; }\n@media (x) { b { color: blue; } }") == []
    assert nested_rules("a { color: red;\nb { color: blue; }") == ["b", "1 block(s) never closed"]


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda path: path.name)
def test_no_rule_is_nested_in_another(sheet: Path) -> None:
    assert nested_rules(sheet.read_text("utf-8")) == []

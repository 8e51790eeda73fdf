"""Chorus reaches other libraries through their public API only: a private attribute of
aiosqlite, `databases` or asyncpg can change in any release and break the store silently.

The check reads every module of `service/`: an attribute with a leading underscore may be used
only when Chorus itself defines that name somewhere in `service/`; the names the store once
reached into are refused outright, whoever would define them.
"""

from __future__ import annotations

import ast
from pathlib import Path

SERVICE = Path(__file__).resolve().parents[2] / "service"
# Private attributes of aiosqlite and `databases` the old engine used.
ONCE_REACHED_INTO = {"_conn", "_execute", "_connection_counter", "_query_lock", "_connection"}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text()) for path in sorted(SERVICE.rglob("*.py"))}


def _defined_here(trees: dict[Path, ast.Module]) -> set[str]:
    """Every private name Chorus defines: functions, classes, attributes, slots, modules."""
    names = {path.stem for path in trees if _private(path.stem)}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names.add(node.value)  # __slots__ entries, getattr/setattr by name
    return {name for name in names if _private(name)}


def _private_uses(trees: dict[Path, ast.Module]) -> list[tuple[str, int, str]]:
    return [
        (str(path.relative_to(SERVICE.parent)), node.lineno, node.attr)
        for path, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and _private(node.attr)
    ]


def test_no_module_of_the_service_uses_a_private_attribute_it_does_not_define() -> None:
    trees = _trees()
    ours = _defined_here(trees) - ONCE_REACHED_INTO
    foreign = [use for use in _private_uses(trees) if use[2] not in ours]
    assert foreign == []


def test_the_check_would_catch_the_old_engine() -> None:
    """The check itself, on the lines the old engine held."""
    old = ast.parse(
        "async def run(connection, current, writer):\n"
        "    connection._conn.execute('SELECT 1')\n"
        "    await writer._execute(print)\n"
        "    return current._connection_counter, current._connection, connection._query_lock\n"
    )
    uses = {use[2] for use in _private_uses({SERVICE / "old.py": old})}
    assert uses == ONCE_REACHED_INTO

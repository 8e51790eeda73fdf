"""The owner's own rules: words, phrases and link domains that hold a comment at intake."""

from __future__ import annotations

from service.domain.abuse import Rule, RuleAction, RuleKind
from service.store.clock import now
from service.store.comments import _is_unique_violation
from service.store.engine import Database


class RuleExists(Exception):
    """The owner already has a rule for this word, phrase or domain."""


class Rules:
    """The rules, held in memory between changes: every post reads them, the owner rarely
    changes them. This process's own changes drop the copy at once; another process's drop it
    when the store hears of them (`Store.watch`: within WATCH_INTERVAL on SQLite, at their
    commit on PostgreSQL), the same bound as every cached public answer."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._held: tuple[Rule, ...] | None = None

    def forget_held(self) -> None:
        """Read the rules afresh next time (another process may have changed them)."""
        self._held = None

    async def list_all(self) -> list[Rule]:
        if self._held is None:
            rows = await self.db.fetch_all(
                "SELECT id, kind, value, action FROM owner_rules ORDER BY kind, value"
            )
            self._held = tuple(
                Rule(int(r["id"]), RuleKind(r["kind"]), r["value"], RuleAction(r["action"]))
                for r in rows
            )
        return list(self._held)

    async def add(self, kind: RuleKind, value: str, action: RuleAction) -> int:
        try:
            return int(
                await self.db.fetch_val(
                    "INSERT INTO owner_rules (kind, value, action, created_at) "
                    "VALUES (:kind, :value, :action, :now) RETURNING id",
                    {"kind": kind.value, "value": value, "action": action.value, "now": now()},
                    public=True,
                )
            )
        except Exception as exc:
            if _is_unique_violation(exc):
                raise RuleExists(f"there is already a {kind.value} rule for {value}") from None
            raise
        finally:
            # After the write: a read that raced it may have held the rules as they were.
            self._held = None

    async def delete(self, rule_id: int) -> bool:
        try:
            gone = await self.db.fetch_val(
                "DELETE FROM owner_rules WHERE id = :id RETURNING id", {"id": rule_id}, public=True
            )
        finally:
            self._held = None
        return gone is not None

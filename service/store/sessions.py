"""Owner sessions, kept server-side by the hash of their id, so logout really ends them."""

from __future__ import annotations

from dataclasses import dataclass

from service.store.clock import now
from service.store.engine import Database


@dataclass(frozen=True)
class Session:
    id: str
    csrf_token: str
    created_at: str
    last_seen: str


class Sessions:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, session_hash: str, csrf_token: str) -> None:
        stamp = now()
        await self.db.execute(
            "INSERT INTO admin_sessions (id, csrf_token, created_at, last_seen) "
            "VALUES (:id, :csrf, :now, :now)",
            {"id": session_hash, "csrf": csrf_token, "now": stamp},
            public=False,
        )

    async def get(self, session_hash: str, idle_since: str) -> Session | None:
        """A session seen after `idle_since`, marked as seen now; None if missing or idle."""
        row = await self.db.fetch_one(
            "UPDATE admin_sessions SET last_seen = :now WHERE id = :id AND last_seen > :idle "
            "RETURNING id, csrf_token, created_at, last_seen",
            {"now": now(), "id": session_hash, "idle": idle_since},
            public=False,
        )
        if row is None:
            return None
        return Session(row["id"], row["csrf_token"], row["created_at"], row["last_seen"])

    async def delete(self, session_hash: str) -> None:
        await self.db.execute(
            "DELETE FROM admin_sessions WHERE id = :id", {"id": session_hash}, public=False
        )

    async def delete_all(self) -> None:
        await self.db.execute("DELETE FROM admin_sessions", public=False)

    async def delete_idle(self, idle_since: str) -> None:
        await self.db.execute(
            "DELETE FROM admin_sessions WHERE last_seen <= :idle",
            {"idle": idle_since},
            public=False,
        )

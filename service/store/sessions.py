"""Admin sessions, kept server-side by the hash of their id, so logout really ends them.

Each belongs to an account, with what its owner needs to recognise it on the sessions page:
the browser's User-Agent, the first bytes of its address, when it began and was last seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from service.store.clock import now
from service.store.engine import Database

_COLUMNS = "id, csrf_token, created_at, last_seen, account_id, user_agent, ip_prefix"


@dataclass(frozen=True)
class Session:
    id: str
    csrf_token: str
    created_at: str
    last_seen: str
    account_id: int = 0
    user_agent: str = ""
    ip_prefix: str = ""


def _session(row: Any) -> Session:
    return Session(
        row["id"],
        row["csrf_token"],
        row["created_at"],
        row["last_seen"],
        int(row["account_id"]),
        row["user_agent"],
        row["ip_prefix"],
    )


class Sessions:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(
        self,
        session_hash: str,
        csrf_token: str,
        account_id: int = 0,
        user_agent: str = "",
        ip_prefix: str = "",
    ) -> None:
        stamp = now()
        await self.db.execute(
            "INSERT INTO admin_sessions (id, csrf_token, created_at, last_seen, account_id, "
            "user_agent, ip_prefix) VALUES (:id, :csrf, :now, :now, :account, :agent, :ip)",
            {
                "id": session_hash,
                "csrf": csrf_token,
                "now": stamp,
                "account": account_id,
                "agent": user_agent[:500],
                "ip": ip_prefix,
            },
            public=False,
        )

    async def get(self, session_hash: str, idle_since: str) -> Session | None:
        """A session seen after `idle_since`, marked as seen now; None if missing or idle."""
        row = await self.db.fetch_one(
            "UPDATE admin_sessions SET last_seen = :now WHERE id = :id AND last_seen > :idle "
            f"RETURNING {_COLUMNS}",
            {"now": now(), "id": session_hash, "idle": idle_since},
            public=False,
        )
        return _session(row) if row else None

    async def of_account(self, account_id: int | None, idle_since: str) -> list[Session]:
        """Open sessions of one account (every account's for None), most recent first."""
        where = "last_seen > :idle" + ("" if account_id is None else " AND account_id = :account")
        values: dict[str, Any] = {"idle": idle_since}
        if account_id is not None:
            values["account"] = account_id
        rows = await self.db.fetch_all(
            f"SELECT {_COLUMNS} FROM admin_sessions WHERE {where} ORDER BY last_seen DESC", values
        )
        return [_session(r) for r in rows]

    async def delete(self, session_hash: str, account_id: int | None = None) -> bool:
        """End a session (only one of `account_id`'s when given); whether one ended."""
        guard = "" if account_id is None else " AND account_id = :account"
        values: dict[str, Any] = {"id": session_hash}
        if account_id is not None:
            values["account"] = account_id
        gone = await self.db.execute(
            f"DELETE FROM admin_sessions WHERE id = :id{guard} RETURNING id", values, public=False
        )
        return gone is not None

    async def delete_of_account(self, account_id: int) -> None:
        await self.db.execute(
            "DELETE FROM admin_sessions WHERE account_id = :account",
            {"account": account_id},
            public=False,
        )

    async def delete_others_of_account(self, account_id: int, keep: str) -> None:
        """End every session of an account but `keep` (the one that asked)."""
        await self.db.execute(
            "DELETE FROM admin_sessions WHERE account_id = :account AND id <> :keep",
            {"account": account_id, "keep": keep},
            public=False,
        )

    async def last_seen(self) -> dict[int, str]:
        """When each account was last seen, by the latest of its sessions still kept."""
        rows = await self.db.fetch_all(
            "SELECT account_id, max(last_seen) AS seen FROM admin_sessions GROUP BY account_id"
        )
        return {int(r["account_id"]): r["seen"] for r in rows}

    async def delete_all(self) -> None:
        await self.db.execute("DELETE FROM admin_sessions", public=False)

    async def delete_idle(self, idle_since: str) -> None:
        await self.db.execute(
            "DELETE FROM admin_sessions WHERE last_seen <= :idle",
            {"idle": idle_since},
            public=False,
        )

"""One-time links mailed to a reader: kept only as a keyed hash, used at most once.

Threat: a leaked or replayed link. The secret part never rests in the database (only its hash);
taking a link is one guarded UPDATE (`used_at IS NULL AND expires_at > now`), so two requests
racing with the same link cannot both win.
"""

from __future__ import annotations

from service.store.clock import now
from service.store.engine import Database


class Links:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, token_hash: str, email: str, expires_at: str) -> None:
        await self.db.execute(
            "INSERT INTO reader_links (token_hash, email, expires_at, created_at) "
            "VALUES (:hash, :email, :expires, :now)",
            {"hash": token_hash, "email": email, "expires": expires_at, "now": now()},
            public=True,
        )

    async def peek(self, token_hash: str) -> tuple[str, str] | None:
        """(address, expiry) of an unused, unexpired link, without using it up."""
        row = await self.db.fetch_one(
            "SELECT email, expires_at FROM reader_links WHERE token_hash = :hash "
            "AND used_at IS NULL AND expires_at > :now",
            {"hash": token_hash, "now": now()},
        )
        return (row["email"], row["expires_at"]) if row else None

    async def take(self, token_hash: str) -> tuple[str, str] | None:
        """Use the link up; (address, expiry) if it was still unused and unexpired."""
        row = await self.db.fetch_one(
            "UPDATE reader_links SET used_at = :now WHERE token_hash = :hash "
            "AND used_at IS NULL AND expires_at > :now RETURNING email, expires_at",
            {"hash": token_hash, "now": now()},
            public=True,
        )
        return (row["email"], row["expires_at"]) if row else None

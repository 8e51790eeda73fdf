"""Passkeys (WebAuthn credentials) of accounts: public keys only, never a secret.

The signature counter is moved on with a guarded update, so two sign-ins that present the same
counter (a cloned authenticator, or a replayed assertion) cannot both succeed.
"""

from __future__ import annotations

from typing import Any

from service.domain.accounts import Passkey
from service.store.clock import now
from service.store.engine import Database

_COLUMNS = "id, account_id, credential_id, public_key, sign_count, name, created_at, last_used_at"


def _passkey(row: Any) -> Passkey:
    return Passkey(
        id=int(row["id"]),
        account_id=int(row["account_id"]),
        credential_id=row["credential_id"],
        public_key=row["public_key"],
        sign_count=int(row["sign_count"]),
        name=row["name"],
        created_at=row["created_at"],
        last_used_at=row["last_used_at"] or "",
    )


class Passkeys:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(
        self, account_id: int, credential_id: str, public_key: str, sign_count: int, name: str
    ) -> int | None:
        """Keep a new credential; None when that credential is registered already."""
        added = await self.db.execute(
            "INSERT INTO passkeys (account_id, credential_id, public_key, sign_count, name, "
            "created_at) VALUES (:account, :cid, :key, :count, :name, :now) "
            "ON CONFLICT (credential_id) DO NOTHING RETURNING id",
            {
                "account": account_id,
                "cid": credential_id,
                "key": public_key,
                "count": sign_count,
                "name": name,
                "now": now(),
            },
            public=False,
        )
        return int(added) if added is not None else None

    async def of_account(self, account_id: int) -> list[Passkey]:
        rows = await self.db.fetch_all(
            f"SELECT {_COLUMNS} FROM passkeys WHERE account_id = :account ORDER BY id",
            {"account": account_id},
        )
        return [_passkey(r) for r in rows]

    async def by_credential(self, credential_id: str) -> Passkey | None:
        row = await self.db.fetch_one(
            f"SELECT {_COLUMNS} FROM passkeys WHERE credential_id = :cid", {"cid": credential_id}
        )
        return _passkey(row) if row else None

    async def used(self, passkey_id: int, old_count: int, new_count: int) -> bool:
        """Record a sign-in; False when the counter moved since it was read (a replay)."""
        done = await self.db.execute(
            "UPDATE passkeys SET sign_count = :new, last_used_at = :now "
            "WHERE id = :id AND sign_count = :old RETURNING id",
            {"id": passkey_id, "old": old_count, "new": new_count, "now": now()},
            public=False,
        )
        return done is not None

    async def remove(self, passkey_id: int, account_id: int) -> bool:
        gone = await self.db.execute(
            "DELETE FROM passkeys WHERE id = :id AND account_id = :account RETURNING id",
            {"id": passkey_id, "account": account_id},
            public=False,
        )
        return gone is not None

    async def remove_all_of(self, account_id: int) -> None:
        await self.db.execute(
            "DELETE FROM passkeys WHERE account_id = :account",
            {"account": account_id},
            public=False,
        )

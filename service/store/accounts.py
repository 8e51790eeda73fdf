"""Accounts, their second factor, invitations and the browsers they signed in from.

Threat: a database read by someone it was not meant for. Passwords are argon2id hashes, recovery
codes and browser cookies keyed hashes; an invitation's token is signed, so none is stored.
Changes that take rights away (a role, disabling, removal) are guarded so the last enabled
owner always remains, and they end the account's sessions in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from service.domain.accounts import FIRST_OWNER, Account, Invitation, Role
from service.store.clock import now
from service.store.engine import Database
from service.store.outbox import queue_mail

INVITE = "account_invite"  # outbox kind of an account invitation; `status`: its id
SIGNIN = "signin"  # the outbox kind of a new-browser notice; `status` names the browser

_COLUMNS = (
    "id, email, display_name, role, disabled, totp_secret, created_at, "
    "EXISTS (SELECT 1 FROM passkeys p WHERE p.account_id = accounts.id) AS has_passkey"
)
# Another enabled owner remains after the change to account :id.
_ANOTHER_OWNER = (
    "EXISTS (SELECT 1 FROM accounts o WHERE o.role = 'owner' AND o.disabled = 0 AND o.id <> :id)"
)


def _invitation(row: Any) -> Invitation:
    return Invitation(
        id=int(row["id"]),
        email=row["email"],
        display_name=row["display_name"],
        role=Role(row["role"]),
        invited_by=int(row["invited_by"]),
        created_at=row["created_at"],
    )


def _account(row: Any) -> Account:
    return Account(
        id=int(row["id"]),
        email=row["email"] or "",
        display_name=row["display_name"],
        role=Role(row["role"]),
        disabled=bool(row["disabled"]),
        has_totp=bool(row["totp_secret"]),
        created_at=row["created_at"],
        has_passkey=bool(row["has_passkey"]),
    )


class Accounts:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def ensure_first_owner(self) -> None:
        """Make the first owner when no owner exists (an upgrade, a new install): the owner of
        the password configured before accounts (her row holds no hash: see migration 026)."""
        await self.db.execute(
            "INSERT INTO accounts (id, email, display_name, role, password_hash, created_at) "
            "SELECT :id, NULL, '', 'owner', NULL, :now "
            "WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE role = 'owner') "
            "ON CONFLICT (id) DO NOTHING",
            {"id": FIRST_OWNER, "now": now()},
            public=False,
        )
        if self.db.dialect == "postgresql":
            # An explicit id leaves the identity behind it; the next invitee must not collide.
            await self.db.execute(
                "SELECT setval(pg_get_serial_sequence('accounts', 'id'), "
                "(SELECT max(id) FROM accounts))",
                public=False,
            )

    async def get(self, account_id: int) -> Account | None:
        row = await self.db.fetch_one(
            f"SELECT {_COLUMNS} FROM accounts WHERE id = :id", {"id": account_id}
        )
        return _account(row) if row else None

    async def for_login(self, email: str) -> tuple[Account, str | None] | None:
        """The account an address signs in to, with its stored hash; "" finds the first owner."""
        if email:
            sql = f"SELECT {_COLUMNS}, password_hash FROM accounts WHERE email_key = lower(:e)"
            row = await self.db.fetch_one(sql, {"e": email})
        else:
            sql = f"SELECT {_COLUMNS}, password_hash FROM accounts WHERE id = :id"
            row = await self.db.fetch_one(sql, {"id": FIRST_OWNER})
        return (_account(row), row["password_hash"]) if row else None

    async def all(self) -> list[Account]:
        rows = await self.db.fetch_all(f"SELECT {_COLUMNS} FROM accounts ORDER BY id")
        return [_account(r) for r in rows]

    async def names(self) -> dict[int, tuple[str, str]]:
        """Every account's (display name, address), by id: the activity log names them."""
        rows = await self.db.fetch_all("SELECT id, display_name, email FROM accounts")
        return {int(r["id"]): (r["display_name"], r["email"] or "") for r in rows}

    async def email_taken(self, email: str) -> bool:
        found = await self.db.fetch_val(
            "SELECT 1 FROM accounts WHERE email_key = lower(:e)", {"e": email}
        )
        return found is not None

    async def create(self, email: str, display_name: str, role: Role, password_hash: str) -> int:
        account_id = await self.db.execute(
            "INSERT INTO accounts (email, display_name, role, password_hash, created_at) "
            "VALUES (:email, :name, :role, :hash, :now) RETURNING id",
            {
                "email": email,
                "name": display_name,
                "role": role.value,
                "hash": password_hash,
                "now": now(),
            },
            public=False,
        )
        return int(account_id)

    async def password_hash(self, account_id: int) -> str | None:
        """The account's own hash; None for the first owner (hers is the configured one)."""
        found = await self.db.fetch_val(
            "SELECT password_hash FROM accounts WHERE id = :id", {"id": account_id}
        )
        return str(found) if found else None

    async def set_password_hash(self, account_id: int, password_hash: str) -> bool:
        """A new hash for an account that has one of its own (never the first owner's NULL)."""
        changed = await self.db.execute(
            "UPDATE accounts SET password_hash = :hash WHERE id = :id "
            "AND password_hash IS NOT NULL RETURNING id",
            {"id": account_id, "hash": password_hash},
            public=False,
        )
        return changed is not None

    async def set_display_name(self, account_id: int, display_name: str) -> bool:
        changed = await self.db.execute(
            "UPDATE accounts SET display_name = :name WHERE id = :id RETURNING id",
            {"id": account_id, "name": display_name},
            public=False,
        )
        return changed is not None

    async def set_role(self, account_id: int, role: Role) -> bool:
        """Change a role; refused (False) when it would leave no enabled owner."""
        guard = "" if role == Role.OWNER else f" AND {_ANOTHER_OWNER}"
        changed = await self.db.execute(
            f"UPDATE accounts SET role = :role WHERE id = :id{guard} RETURNING id",
            {"id": account_id, "role": role.value},
            public=False,
        )
        return changed is not None

    async def set_disabled(self, account_id: int, disabled: bool) -> bool:
        """Disable or enable; refused (False) when it would leave no enabled owner."""
        guard = f" AND {_ANOTHER_OWNER}" if disabled else ""
        changed = await self.db.execute(
            f"UPDATE accounts SET disabled = :d WHERE id = :id{guard} RETURNING id",
            {"id": account_id, "d": int(disabled)},
            public=False,
        )
        return changed is not None

    async def delete(self, account_id: int) -> bool:
        """Remove an account and what hangs on it; refused (False) for the last enabled owner."""
        await self.db.execute(
            "DELETE FROM recovery_codes WHERE account_id = :id", {"id": account_id}, public=False
        )
        await self.db.execute(
            "DELETE FROM known_browsers WHERE account_id = :id", {"id": account_id}, public=False
        )
        await self.db.execute(
            "DELETE FROM passkeys WHERE account_id = :id", {"id": account_id}, public=False
        )
        gone = await self.db.execute(
            "DELETE FROM accounts WHERE id = :id AND (role <> 'owner' OR disabled = 1 OR "
            f"{_ANOTHER_OWNER}) RETURNING id",
            {"id": account_id},
            public=False,
        )
        return gone is not None

    # -- TOTP and recovery codes ---------------------------------------------------------------

    async def totp_secret(self, account_id: int) -> str | None:
        found = await self.db.fetch_val(
            "SELECT totp_secret FROM accounts WHERE id = :id", {"id": account_id}
        )
        return str(found) if found else None

    async def pending_totp(self, account_id: int) -> str | None:
        found = await self.db.fetch_val(
            "SELECT totp_pending FROM accounts WHERE id = :id", {"id": account_id}
        )
        return str(found) if found else None

    async def set_pending_totp(self, account_id: int, secret: str) -> None:
        await self.db.execute(
            "UPDATE accounts SET totp_pending = :s WHERE id = :id",
            {"id": account_id, "s": secret},
            public=False,
        )

    async def confirm_totp(
        self, account_id: int, secret: str, step: int, code_hashes: Sequence[str]
    ) -> bool:
        """The pending secret becomes the factor (its first code spent), with new recovery codes."""
        done = await self.db.execute(
            "UPDATE accounts SET totp_secret = totp_pending, totp_pending = NULL, "
            "totp_step = :step WHERE id = :id AND totp_pending = :s RETURNING id",
            {"id": account_id, "s": secret, "step": step},
            public=False,
        )
        if done is None:
            return False
        await self.db.execute(
            "DELETE FROM recovery_codes WHERE account_id = :id", {"id": account_id}, public=False
        )
        for code_hash in code_hashes:
            await self.db.execute(
                "INSERT INTO recovery_codes (account_id, code_hash) VALUES (:id, :h)",
                {"id": account_id, "h": code_hash},
                public=False,
            )
        return True

    async def use_step(self, account_id: int, step: int) -> bool:
        """Spend a time step: True only for one after the last accepted (a code is good once)."""
        used = await self.db.execute(
            "UPDATE accounts SET totp_step = :step WHERE id = :id AND totp_step < :step "
            "RETURNING id",
            {"id": account_id, "step": step},
            public=False,
        )
        return used is not None

    async def use_recovery_code(self, account_id: int, code_hash: str) -> bool:
        used = await self.db.execute(
            "UPDATE recovery_codes SET used_at = :now WHERE account_id = :id AND code_hash = :h "
            "AND used_at IS NULL RETURNING account_id",
            {"id": account_id, "h": code_hash, "now": now()},
            public=False,
        )
        return used is not None

    async def recovery_codes_left(self, account_id: int) -> int:
        found = await self.db.fetch_val(
            "SELECT count(*) FROM recovery_codes WHERE account_id = :id AND used_at IS NULL",
            {"id": account_id},
        )
        return int(found or 0)

    async def reset_totp(self) -> None:
        """Every second factor off (the server's `reset-2fa`)."""
        await self.db.execute(
            "UPDATE accounts SET totp_secret = NULL, totp_pending = NULL, totp_step = 0",
            public=False,
        )
        await self.db.execute("DELETE FROM recovery_codes", public=False)

    # -- invitations ---------------------------------------------------------------------------

    async def invite(self, email: str, display_name: str, role: Role, by: int) -> Invitation:
        """A new invitation; its id and creation time are what its signed token names."""
        stamp = now()
        invitation_id = await self.db.execute(
            "INSERT INTO invitations (email, display_name, role, invited_by, created_at) "
            "VALUES (:email, :name, :role, :by, :now) RETURNING id",
            {"email": email, "name": display_name, "role": role.value, "by": by, "now": stamp},
            public=False,
        )
        return Invitation(int(invitation_id), email, display_name, role, by, stamp)

    async def invitation(
        self, invitation_id: int, created_at: str, since: str
    ) -> tuple[str, str, Role] | None:
        """An unused invitation made after `since`: its (address, display name, role), or None."""
        row = await self.db.fetch_one(
            "SELECT email, display_name, role FROM invitations WHERE id = :id "
            "AND created_at = :at AND created_at > :since AND used_at IS NULL",
            {"id": invitation_id, "at": created_at, "since": since},
        )
        return (row["email"], row["display_name"], Role(row["role"])) if row else None

    async def pending_invitations(self, since: str) -> list[Invitation]:
        """Invitations made after `since` and not used yet, oldest first."""
        rows = await self.db.fetch_all(
            "SELECT id, email, display_name, role, invited_by, created_at FROM invitations "
            "WHERE used_at IS NULL AND created_at > :since ORDER BY id",
            {"since": since},
        )
        return [_invitation(r) for r in rows]

    async def withdraw_invitation(self, invitation_id: int) -> bool:
        """Forget an unused invitation, so its link and any mail still queued for it are void."""
        gone = await self.db.execute(
            "DELETE FROM invitations WHERE id = :id AND used_at IS NULL RETURNING id",
            {"id": invitation_id},
            public=False,
        )
        return gone is not None

    async def invitation_for_mail(self, invitation_id: int) -> tuple[str, str] | None:
        """An unused invitation's (address, created_at), for the mail that carries its link."""
        row = await self.db.fetch_one(
            "SELECT email, created_at FROM invitations WHERE id = :id AND used_at IS NULL",
            {"id": invitation_id},
        )
        return (row["email"], row["created_at"]) if row else None

    async def queue_invitation_mail(self, invitation_id: int, email: str, lang: str) -> None:
        await queue_mail(self.db, INVITE, 0, status=str(invitation_id), recipient=email, lang=lang)

    async def queue_signin_notice(self, email: str, browser: str, lang: str) -> None:
        await queue_mail(self.db, SIGNIN, 0, status=browser[:100], recipient=email, lang=lang)

    async def use_invitation(self, invitation_id: int) -> bool:
        used = await self.db.execute(
            "UPDATE invitations SET used_at = :now WHERE id = :id AND used_at IS NULL RETURNING id",
            {"id": invitation_id, "now": now()},
            public=False,
        )
        return used is not None

    # -- browsers ------------------------------------------------------------------------------

    async def remember_browser(self, account_id: int, browser_hash: str) -> tuple[bool, bool]:
        """Note a browser for an account: (whether it is new, whether the account had others)."""
        others = await self.db.fetch_val(
            "SELECT count(*) FROM known_browsers WHERE account_id = :id", {"id": account_id}
        )
        added = await self.db.execute(
            "INSERT INTO known_browsers (account_id, browser_hash, created_at) "
            "VALUES (:id, :h, :now) ON CONFLICT (account_id, browser_hash) DO NOTHING "
            "RETURNING account_id",
            {"id": account_id, "h": browser_hash, "now": now()},
            public=False,
        )
        return added is not None, int(others or 0) > 0

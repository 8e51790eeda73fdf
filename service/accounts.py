"""Account use cases: sign-in with a password and a second factor, invitations, roles, sessions.

Threat: an assistant's account doing what only the owner may (the web edge's role rule,
`service.web.roles`, refuses it before any use case runs; here, only an owner makes another
owner), a removed or disabled account still in (its sessions end in the same change), a
second factor replayed (a time step is accepted once, a recovery code once), and an unknown
address that signs in faster than a known one (the dummy hash is checked, see passwords).
"""

from __future__ import annotations

from typing import Any

import settings
from service import notify, passkeys, passwords, signing, totp
from service.domain.accounts import (
    FIRST_OWNER,
    MAX_NAME,
    Account,
    Passkey,
    Role,
    browser_of,
    may_invite,
    valid_email,
)
from service.domain.errors import Kind, Refusal
from service.store import Store

MIN_PASSWORD = 12  # characters of a new account's password
MAX_PASSWORD = 1024  # characters; longer is never a real password and costs argon2 time


def _no_account() -> Refusal:
    return Refusal("account", "not_found", "no such account", Kind.NOT_FOUND)


async def sign_in(store: Store, email: str, password: str) -> Account | None:
    """The enabled account these credentials open, or None (the same work either way)."""
    if len(password) > MAX_PASSWORD or len(email) > 254:
        return None
    found = await store.accounts.for_login(email.strip())
    if found is None:
        await passwords.check_password(password, "")
        return None
    account, stored = found
    ok = await passwords.check_password(password, stored)
    return account if ok and not account.disabled else None


async def check_second_factor(store: Store, account: Account, code: str) -> bool:
    """A TOTP code for a step not used before, or an unused recovery code; spent either way."""
    secret = await store.accounts.totp_secret(account.id)
    if secret is None:
        return False
    step = totp.matching_step(secret, code)
    if step is not None:
        return await store.accounts.use_step(account.id, step)
    if totp.looks_like_recovery_code(code):
        return await store.accounts.use_recovery_code(
            account.id, totp.recovery_hash(account.id, code)
        )
    return False


async def begin_totp(store: Store, account: Account) -> str:
    """The secret being set up for this account (a new one when none is waiting)."""
    secret = await store.accounts.pending_totp(account.id)
    if secret is None:
        secret = totp.new_secret()
        await store.accounts.set_pending_totp(account.id, secret)
    return secret


async def confirm_totp(store: Store, account: Account, code: str) -> list[str]:
    """Make the waiting secret the account's factor once a first code proves the app has it.

    Returns the recovery codes, to be shown once; only their hashes are kept.
    """
    secret = await store.accounts.pending_totp(account.id)
    step = totp.matching_step(secret, code) if secret else None
    if secret is None or step is None:
        raise Refusal("code", "wrong_code", "that code is not right", Kind.INVALID)
    codes = totp.new_recovery_codes()
    hashes = [totp.recovery_hash(account.id, c) for c in codes]

    async def body() -> bool:
        return await store.accounts.confirm_totp(account.id, secret, step, hashes)

    if not await store.atomically(body):
        raise Refusal("code", "wrong_code", "that code is not right", Kind.CONFLICT)
    return codes


def setup_uri(account: Account, secret: str) -> str:
    label = account.email or settings.OWNER_NAME
    return totp.setup_uri(secret, label, settings.SITE_NAME)


async def reset_second_factors(store: Store) -> None:
    """Every second factor off and every session ended (`python -m service reset-2fa`)."""

    async def body() -> None:
        await store.accounts.reset_totp()
        await store.sessions.delete_all()

    await store.atomically(body)


# -- passkeys --------------------------------------------------------------------------------

MAX_PASSKEY_NAME = 60  # characters of the name a person gives a passkey
MAX_PASSKEYS = 10  # per account


async def passkeys_of(store: Store, account: Account) -> list[Passkey]:
    return await store.passkeys.of_account(account.id)


async def begin_passkey(store: Store, account: Account) -> tuple[str, str]:
    """Options to create a passkey for the account, and the challenge they carry."""
    existing = [p.credential_id for p in await store.passkeys.of_account(account.id)]
    if len(existing) >= MAX_PASSKEYS:
        raise Refusal("passkey", "too_many_passkeys", "remove a passkey first", Kind.CONFLICT)
    label = account.email or settings.OWNER_NAME
    shown = account.shown_name(settings.OWNER_NAME)
    return passkeys.registration_options(f"chorus-{account.id}", label, shown, existing)


async def add_passkey(
    store: Store, account: Account, credential: Any, challenge: str, name: str
) -> None:
    """Keep the passkey the browser made for the challenge this account was given."""
    made = passkeys.verify_registration(credential, challenge)
    name = " ".join(str(name or "").split())[:MAX_PASSKEY_NAME] or "Passkey"
    added = await store.passkeys.add(
        account.id, made.credential_id, made.public_key, made.sign_count, name
    )
    if added is None:
        raise Refusal("passkey", "passkey_known", "that passkey is registered", Kind.CONFLICT)


async def remove_passkey(store: Store, account: Account, passkey_id: int) -> None:
    if not await store.passkeys.remove(passkey_id, account.id):
        raise Refusal("passkey", "not_found", "no such passkey", Kind.NOT_FOUND)


def begin_passkey_sign_in() -> tuple[str, str]:
    """Options to sign in with any passkey of this site, and their challenge."""
    return passkeys.authentication_options()


async def passkey_sign_in(store: Store, credential: Any, challenge: str) -> Account | None:
    """The enabled account a passkey's answer to the challenge opens, or None.

    A passkey signs in alone: it is something the person has, unlocked by something they are
    or know (user verification is required).
    """
    try:
        found = await store.passkeys.by_credential(passkeys.credential_id_of(credential))
        if found is None:
            return None
        count = passkeys.verify_authentication(
            credential, challenge, found.public_key, found.sign_count
        )
    except Refusal:
        return None
    if not await store.passkeys.used(found.id, found.sign_count, count):
        return None
    account = await store.accounts.get(found.account_id)
    return account if account is not None and not account.disabled else None


# -- invitations -------------------------------------------------------------------------------


def invitation_url(invitation_id: int, created_at: str) -> str:
    token = signing.invitation_token(invitation_id, created_at)
    return f"{settings.PUBLIC_URL}/admin/invite/{token}"


async def invite(
    store: Store, inviter: Account | None, email: str, display_name: str, role_name: str
) -> str:
    """Invite someone by address; the one-time link to copy (it is mailed too when mail works).

    `inviter` None is the API token, the owner's credential.
    """
    email, display_name = email.strip(), " ".join(display_name.split())[:MAX_NAME]
    try:
        role = Role(role_name or Role.MODERATOR)
    except ValueError:
        raise Refusal("role", "invalid", "role must be owner or moderator") from None
    if not valid_email(email):
        raise Refusal("email", "invalid_email", "that is not an e-mail address")
    if not may_invite(inviter.role if inviter else Role.OWNER, role):
        raise Refusal("role", "forbidden_role", "only an owner invites owners", Kind.FORBIDDEN)
    if await store.accounts.email_taken(email):
        raise Refusal("email", "email_taken", "an account has that address", Kind.CONFLICT)
    by = inviter.id if inviter else 1

    async def body() -> tuple[int, str]:
        made = await store.accounts.invite(email, display_name, role, by)
        if notify.reader_mail_enabled():
            await store.accounts.queue_invitation_mail(made[0], email, settings.ADMIN_LANG)
        return made

    invitation_id, created_at = await store.atomically(body)
    notify.wake()
    return invitation_url(invitation_id, created_at)


async def invitation(store: Store, token: str) -> tuple[int, str, str, Role]:
    """(id, address, display name, role) of the unused invitation a link names."""
    named = signing.read_invitation_token(token)
    found = await store.accounts.invitation(*named) if named else None
    if named is None or found is None:
        raise Refusal("token", "invalid_link", "this link is invalid or was used", Kind.FORBIDDEN)
    return named[0], *found


async def accept_invitation(store: Store, token: str, password: str, again: str) -> Account:
    """Make the invited account with the password its person chose; the link is then spent."""
    invitation_id, email, display_name, role = await invitation(store, token)
    if password != again:
        raise Refusal("again", "passwords_differ", "the two passwords differ")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise Refusal("password", "password_short", "choose a longer password")
    hashed = await _hash(password)

    async def body() -> int | None:
        if not await store.accounts.use_invitation(invitation_id):
            return None
        if await store.accounts.email_taken(email):
            return None
        return await store.accounts.create(email, display_name, role, hashed)

    account_id = await store.atomically(body)
    account = await store.accounts.get(account_id) if account_id else None
    if account is None:
        raise Refusal("token", "invalid_link", "this link is invalid or was used", Kind.FORBIDDEN)
    return account


async def _hash(password: str) -> str:
    import anyio.to_thread

    return await anyio.to_thread.run_sync(passwords.hash_password, password)


# -- what the owner does with accounts ---------------------------------------------------------


async def accounts(store: Store) -> list[Account]:
    return await store.accounts.all()


async def change_role(store: Store, account_id: int, role_name: str) -> None:
    """A new role; the account's sessions end, so the new rights hold from its next request."""
    try:
        role = Role(role_name)
    except ValueError:
        raise Refusal("role", "invalid", "role must be owner or moderator") from None

    async def body() -> bool:
        if not await store.accounts.set_role(account_id, role):
            return False
        await store.sessions.delete_of_account(account_id)
        return True

    if await store.accounts.get(account_id) is None:
        raise _no_account()
    if not await store.atomically(body):
        raise Refusal("account", "last_owner", "someone must remain owner", Kind.CONFLICT)


async def set_disabled(store: Store, account_id: int, disabled: bool) -> None:
    """Disable (its sessions end at once) or enable an account."""

    async def body() -> bool:
        if not await store.accounts.set_disabled(account_id, disabled):
            return False
        if disabled:
            await store.sessions.delete_of_account(account_id)
        return True

    if await store.accounts.get(account_id) is None:
        raise _no_account()
    if not await store.atomically(body):
        raise Refusal("account", "last_owner", "someone must remain owner", Kind.CONFLICT)


async def remove(store: Store, account_id: int) -> None:
    """Remove an account and end its sessions; what it did stays in the activity log."""

    async def body() -> bool:
        if not await store.accounts.delete(account_id):
            return False
        await store.sessions.delete_of_account(account_id)
        return True

    if await store.accounts.get(account_id) is None:
        raise _no_account()
    if not await store.atomically(body):
        raise Refusal("account", "last_owner", "someone must remain owner", Kind.CONFLICT)


async def actor_names(store: Store, viewer: Account | None) -> dict[str, str]:
    """The activity log's actors ("owner", "account:2") by the names of their accounts.

    The first owner stays "you" to herself (and to the API token, her credential).
    """
    names = {}
    for account_id, (display_name, email) in (await store.accounts.names()).items():
        actor = "owner" if account_id == FIRST_OWNER else f"account:{account_id}"
        if account_id == FIRST_OWNER and (viewer is None or viewer.id == FIRST_OWNER):
            continue
        names[actor] = display_name or email or settings.OWNER_NAME
    return names


# -- sessions and browsers ---------------------------------------------------------------------


async def end_session(store: Store, who: Account | None, session_id: str) -> None:
    """End one session: one's own, or anyone's for an owner (None: the API token, an owner)."""
    only = None if who is None or who.is_owner else who.id
    if not await store.sessions.delete(session_id, only):
        raise Refusal("session", "not_found", "no such session", Kind.NOT_FOUND)


async def note_browser(store: Store, account: Account, browser: str, user_agent: str) -> None:
    """Remember a browser the account signed in from; a new one (after the first) is mailed."""
    known = signing.digest(browser, "browser")

    async def body() -> bool:
        new, had_others = await store.accounts.remember_browser(account.id, known)
        address = account.email or (settings.NOTIFY_EMAIL if account.is_owner else "")
        tell = new and had_others and bool(address) and notify.reader_mail_enabled()
        if tell:
            await store.accounts.queue_signin_notice(
                address, browser_of(user_agent), settings.ADMIN_LANG
            )
        return tell

    if await store.atomically(body):
        notify.wake()

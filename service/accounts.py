"""Account use cases: sign-in with a password and a second factor, invitations, roles, sessions.

Threat: an assistant's account doing what only the owner may (the web edge's role rule,
`service.web.roles`, refuses it before any use case runs; here, only an owner makes another
owner), a removed or disabled account still in (its sessions end in the same change), a
second factor replayed (a time step is accepted once, a recovery code once), and an unknown
address that signs in faster than a known one (the dummy hash is checked, see passwords).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import settings
from service import notify, passkeys, passwords, signing, totp
from service.domain.accounts import (
    FIRST_OWNER,
    MAX_NAME,
    Account,
    Invitation,
    Passkey,
    Role,
    browser_of,
    may_invite,
    parse_display_name,
    valid_email,
)
from service.domain.errors import Kind, Refusal
from service.store import Store, clock
from service.store.invites import shifted

MIN_PASSWORD = 12  # characters of a new account's password
MAX_PASSWORD = 1024  # characters; longer is never a real password and costs argon2 time


def _no_account() -> Refusal:
    return Refusal("account", "not_found", "no such account", Kind.NOT_FOUND)


def _text(value: object, field: str) -> str:
    """A field that must be text (a JSON caller may send anything)."""
    if not isinstance(value, str):
        raise Refusal(field, "invalid", f"{field} must be text")
    return value


def _role(value: object) -> Role:
    try:
        return Role(_text(value, "role"))
    except ValueError:
        raise Refusal("role", "invalid", "role must be owner or moderator") from None


def check_new_password(password: str, again: str) -> None:
    """The rule for every password a person chooses here: typed twice, 12 to 1024 characters."""
    if password != again:
        raise Refusal("again", "passwords_differ", "the two passwords differ")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise Refusal("password", "password_short", "choose a longer password")


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


def invitation_url(invitation: Invitation) -> str:
    token = signing.invitation_token(invitation.id, invitation.created_at)
    return f"{settings.PUBLIC_URL}/admin/invite/{token}"


def expires_at(invitation: Invitation) -> str:
    """When an invitation's link stops working, whenever it was signed."""
    return shifted(invitation.created_at, signing.INVITATION_MAX_AGE)


def _open_since() -> str:
    """Invitations made before this moment have expired."""
    return clock.later(-signing.INVITATION_MAX_AGE)


async def invite(
    store: Store, inviter: Account | None, email: object, display_name: object, role_name: object
) -> Invitation:
    """Invite someone by address: the invitation, whose one-time link `invitation_url` gives
    (it is mailed too when mail works). `inviter` None is the API token, the owner's credential.
    """
    email = _text(email, "email").strip()
    display_name = " ".join(_text(display_name or "", "name").split())[:MAX_NAME]
    role = _role(role_name or Role.MODERATOR)
    if not valid_email(email):
        raise Refusal("email", "invalid_email", "that is not an e-mail address")
    if not may_invite(inviter.role if inviter else Role.OWNER, role):
        raise Refusal("role", "forbidden_role", "only an owner invites owners", Kind.FORBIDDEN)
    if await store.accounts.email_taken(email):
        raise Refusal("email", "email_taken", "an account has that address", Kind.CONFLICT)
    by = inviter.id if inviter else 1

    async def body() -> Invitation:
        made = await store.accounts.invite(email, display_name, role, by)
        if notify.reader_mail_enabled():
            await store.accounts.queue_invitation_mail(made.id, email, settings.ADMIN_LANG)
        return made

    made = await store.atomically(body)
    notify.wake()
    return made


async def pending_invitations(store: Store) -> list[Invitation]:
    """Invitations whose link still works: neither used, withdrawn nor expired."""
    return await store.accounts.pending_invitations(_open_since())


async def withdraw_invitation(store: Store, invitation_id: int) -> None:
    """Take an invitation back before it is used: its link then answers as an expired one."""
    if not await store.accounts.withdraw_invitation(invitation_id):
        raise Refusal("invitation", "not_found", "no such invitation", Kind.NOT_FOUND)


async def invitation(store: Store, token: str) -> tuple[int, str, str, Role]:
    """(id, address, display name, role) of the unused invitation a link names.

    Used, withdrawn and expired links get the same answer: the link says nothing about which.
    """
    named = signing.read_invitation_token(token)
    found = await store.accounts.invitation(*named, _open_since()) if named else None
    if named is None or found is None:
        raise Refusal("token", "invalid_link", "this link is invalid or was used", Kind.FORBIDDEN)
    return named[0], *found


async def accept_invitation(store: Store, token: str, password: str, again: str) -> Account:
    """Make the invited account with the password its person chose; the link is then spent."""
    invitation_id, email, display_name, role = await invitation(store, token)
    check_new_password(password, again)
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


@dataclass(frozen=True)
class Listed:
    """An account as the owner's list shows it: with when it was last seen (None: no session)."""

    account: Account
    last_seen: str | None


async def accounts_seen(store: Store) -> list[Listed]:
    """Every account, each with the last request of its sessions still kept."""
    seen = await store.sessions.last_seen()
    return [Listed(a, seen.get(a.id)) for a in await store.accounts.all()]


async def change_role(store: Store, account_id: int, role_name: object) -> None:
    """A new role; the account's sessions end, so the new rights hold from its next request."""
    role = _role(role_name)

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


async def end_sessions_of(store: Store, account_id: int) -> None:
    """The owner ends every session of an account (it stays enabled and may sign in again)."""
    if await store.accounts.get(account_id) is None:
        raise _no_account()
    await store.sessions.delete_of_account(account_id)


# -- one's own account ---------------------------------------------------------------------------


async def rename(store: Store, account: Account, name: object) -> str:
    """The name one's replies are signed with and the activity log shows; the name kept."""
    display_name = parse_display_name(name)
    if not await store.accounts.set_display_name(account.id, display_name):
        raise _no_account()
    return display_name


async def change_password(
    store: Store, account: Account, keep_session: str, current: str, new: str, again: str
) -> None:
    """A new password, given the current one; every other session of the account ends.

    The first owner's password is the configured one (the file `set-password` writes), so hers
    is written there and `set-password` keeps working as the way back; one given in
    ADMIN_PASSWORD_HASH is the operator's to change (409 `password_in_settings`).
    """
    if len(current) > MAX_PASSWORD:
        raise Refusal("current", "wrong_password", "that is not your password")
    own = await store.accounts.password_hash(account.id)
    first_owner = own is None and account.id == FIRST_OWNER
    if not await passwords.check_password(current, None if first_owner else own or ""):
        raise Refusal("current", "wrong_password", "that is not your password")
    check_new_password(new, again)
    if first_owner:
        if settings.ADMIN_PASSWORD_HASH:
            raise Refusal(
                "password",
                "password_in_settings",
                "this password is set in ADMIN_PASSWORD_HASH; change it there",
                Kind.CONFLICT,
            )
        await _write_password_file(new)
        await store.sessions.delete_others_of_account(account.id, keep_session)
        return
    hashed = await _hash(new)

    async def body() -> bool:
        if not await store.accounts.set_password_hash(account.id, hashed):
            return False
        await store.sessions.delete_others_of_account(account.id, keep_session)
        return True

    if not await store.atomically(body):
        raise _no_account()


async def _write_password_file(password: str) -> None:
    import anyio.to_thread

    await anyio.to_thread.run_sync(passwords.write_password_file, password)


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

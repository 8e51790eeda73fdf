"""Invitations: the owner asks a client for a story; the client answers on the story page.

Each action is written once: the owner API, the moderation page and the periodic sweep call
these. The answer itself goes through the readers' intake (`readers.submit`), so a story sent
from an invitation meets every rule a comment meets.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

import settings
from service import notify, signing
from service.domain.errors import Kind, Refusal, not_found
from service.domain.invites import Invite, NewInvite, parse_invite, parse_pasted
from service.store import Store, clock
from service.store.invites import shifted

log = logging.getLogger("chorus.invites")
DAY = 86400  # seconds
MAX_LIST = 100  # invitations per page of the owner's list


def lifetime() -> float:
    """Seconds an invitation stays open (INVITE_DAYS)."""
    return settings.INVITE_DAYS * DAY


def url_of(invite: Invite) -> str:
    """The invitation's personal link to the story page, in its language."""
    token = signing.invite_token(invite.id, invite.token_key)
    return f"{settings.PUBLIC_URL}/s/{token}"


def mails() -> bool:
    """Whether invitations are mailed (a mail server and a sender are set)."""
    return notify.reader_mail_enabled()


def _already_invited() -> Refusal:
    return Refusal(
        "email",
        "already_invited",
        f"this address has an open invitation from the last {settings.INVITE_DAYS} days",
        Kind.CONFLICT,
    )


async def create(store: Store, data: Any) -> Invite:
    """One invitation; mailed when it has an address and mail is set up, else for copying."""
    new = parse_invite(data, "nl")
    since = shifted(clock.now(), -lifetime())

    async def work() -> Invite | None:
        if new.email and await store.invites.recently_invited(new.email, since):
            return None
        return await store.invites.add(new, signing.new_key(), lifetime(), mail=mails())

    invite = await store.atomically(work)
    if invite is None:
        raise _already_invited()
    notify.wake()
    return invite


@dataclass(frozen=True)
class Sent:
    """What a paste-many request did: invitations made, and what was refused, by reason."""

    sent: int
    invalid: int
    already_invited: int


async def create_many(store: Store, pasted: Any, lang: Any) -> Sent:
    """An invitation to each pasted address not invited in the last INVITE_DAYS.

    One unit of work: the refusals are counted against what the list itself invited too, so an
    address given twice is invited once.
    """
    found = parse_pasted(pasted)
    language = parse_invite({"lang": lang} if lang else {}, "nl").lang
    since = shifted(clock.now(), -lifetime())
    mail = mails()

    async def work() -> tuple[int, int]:
        sent = repeated = 0
        for address in found.addresses:
            if await store.invites.recently_invited(address, since):
                repeated += 1
                continue
            new = NewInvite(email=address, lang=language)
            await store.invites.add(new, signing.new_key(), lifetime(), mail=mail)
            sent += 1
        return sent, repeated

    sent, repeated = await store.atomically(work)
    if sent:
        notify.wake()
    return Sent(sent, found.invalid, repeated)


async def listed(store: Store, search: str, limit: int, offset: int) -> tuple[list[Invite], int]:
    """A page of the owner's invitations, newest first, with how many match in all."""
    invites, total = await store.invites.page(search, min(max(1, limit), MAX_LIST), offset)
    moment = clock.now()
    # The list shows an invitation past its expiry as expired before the sweep has marked it.
    return [_as_at(invite, moment) for invite in invites], total


def _as_at(invite: Invite, moment: str) -> Invite:
    status = invite.status_at(moment)
    return invite if status == invite.status else replace(invite, status=status, email=None)


async def withdraw(store: Store, invite_id: int) -> Invite:
    """The owner takes back an open invitation; 404 for none, 409 when it has already ended."""
    if not await store.invites.withdraw(invite_id):
        found = await store.invites.get(invite_id)
        if found is None:
            raise not_found("no such invitation")
        raise Refusal("id", "not_open", f"this invitation is {found.status}", Kind.CONFLICT)
    found = await store.invites.get(invite_id)
    assert found is not None
    return found


async def opened(store: Store, token: str) -> Invite | None:
    """The invitation behind a link, as its page shows it; marks it opened, uses nothing up.

    None for a link that is not (or no longer) an invitation's.
    """
    found = await by_token(store, token)
    usable = found is not None and found.usable_at(clock.now())
    if found is not None and usable and await store.invites.mark_opened(found.id):
        found = await store.invites.get(found.id) or found
    return found


async def by_token(store: Store, token: str) -> Invite | None:
    """The invitation a link names, whatever its state; None for a forged or erased one."""
    read = signing.read_invite_token(token)
    if read is None:
        return None
    invite_id, key = read
    found = await store.invites.get(invite_id)
    if found is None or not signing.same(found.token_key, key):
        return None
    return _as_at(found, clock.now())


async def sweep(store: Store) -> None:
    """The periodic work: expire what is past its time, queue the reminders that are due."""
    expired = await store.invites.expire_due()
    reminded = 0
    if settings.INVITE_REMINDER_DAYS > 0 and mails():
        reminded = await store.invites.queue_reminders(settings.INVITE_REMINDER_DAYS * DAY)
    if reminded:
        notify.wake()
    if expired or reminded:
        log.info("invitations: %d expired, %d reminders queued", expired, reminded)

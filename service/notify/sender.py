"""The outbox sender: one background task per worker claims due rows, builds each mail from
the row (`reader_mail`, `owner_mail`), sends it in a daemon thread with time-outs, deletes it
once the server took it and retries later when not.

Threat: the site as a mail cannon. Mail to readers meets a cap per address per day and one for
the whole site per hour, counted just before sending where every worker sees them; the owner's
notices past the hour's budget fold into one digest. Shutdown never waits for a mail server:
an unfinished send stays in the outbox and goes out after the restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import smtplib
import ssl
import threading
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from email.message import EmailMessage

import settings
from service import signing, text
from service.domain.comments import Status
from service.notify import reader_mail
from service.notify.compose import Facts, Outgoing
from service.notify.owner_mail import (
    DIGEST_LINES,
    account_message,
    digest_message,
    new_comment_message,
    paused_message,
)
from service.store import UNAVAILABLE, Notice, Store, describe_failure, later
from service.store.accounts import INVITE, SIGNIN
from service.store.invites import INVITE_MAIL, REMINDER_MAIL
from service.store.outbox import ASK_CONSENT, DIGEST
from service.store.reports import REPORT_ACK, STATEMENT
from service.store.webhooks import PAUSED_MAIL

log = logging.getLogger("chorus.notify")

TIMEOUT = 15  # seconds for the whole SMTP conversation
POLL = 5.0  # seconds between looks at the outbox for notices queued by other workers
RETRY_AFTER = (30, 120, 600, 1800, 3600)  # seconds before each further attempt
MAX_ATTEMPTS = 12  # then the notice is dropped with a log line (the comment is in the queue)


# The latest failure to send, for the settings page: {"at": ISO time, "error": text} or empty.
last_error: dict[str, str] = {}


REPLY_NOTICE_GAP = 3600  # seconds: at most one reply notice per address and thread per hour


def send(message: EmailMessage, comment_id: int = 0) -> bool:
    """Deliver through the configured SMTP server; False (and a log line) when that fails."""
    try:
        with smtplib.SMTP(settings.SMTP_HOST, settings.SMTP_PORT, timeout=TIMEOUT) as smtp:
            if settings.SMTP_STARTTLS:
                smtp.starttls(context=ssl.create_default_context())
            if settings.SMTP_USERNAME:
                smtp.login(settings.SMTP_USERNAME, str(settings.SMTP_PASSWORD))
            smtp.send_message(message)
    except Exception as exc:
        # Anything at all (a refused header while serialising too): logged, never silent.
        log.error("notice for comment %d not sent: %s", comment_id, type(exc).__name__)
        last_error.update(at=datetime.now(UTC).isoformat(timespec="seconds"), error=repr(exc))
        return False
    return True


_wake: asyncio.Event | None = None


def wake() -> None:
    """Tell this worker's sender that a notice was just queued.

    Without a mail server nothing can be sent, so the sender is left to its own rounds rather
    than woken to look at the outbox after every comment.
    """
    if _wake is not None and settings.SMTP_HOST:
        _wake.set()


def _send_in_background(message: EmailMessage, comment_id: int) -> asyncio.Future[bool]:
    """`send` in a daemon thread: a hanging server can never hold up shutdown.

    Not `asyncio.to_thread`: the default executor's threads are joined when the loop closes.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[bool] = loop.create_future()

    def settle(ok: bool) -> None:
        if not future.done():
            future.set_result(ok)

    def run() -> None:
        ok = send(message, comment_id)
        with contextlib.suppress(RuntimeError):  # the loop may be gone after shutdown
            loop.call_soon_threadsafe(settle, ok)

    threading.Thread(target=run, name="chorus-mail", daemon=True).start()
    return future


async def _owner_notice(store: Store, notice: Notice) -> Outgoing | None:
    """The owner's notice of a new comment, with the facts beside it and its one-click links."""
    comment = await store.comments.get(notice.comment_id)
    if comment is None:  # deleted before the notice went out: nothing to tell
        return None
    reply_to = ""
    if comment.parent_id is not None:
        parent = await store.comments.get(comment.parent_id)
        reply_to = parent.author if parent else "?"
    message = new_comment_message(
        comment.id,
        comment.created_at,
        comment.author,
        comment.page_title or comment.page_key,
        comment.body,
        Status(notice.status),
        comment.moderated_at or "",
        Facts(
            email=comment.email,
            page_url=comment.page_url,
            rating=comment.rating,
            consent=comment.consent,
            consent_version=comment.consent_version or "",
            reply_to=reply_to,
        ),
    )
    return Outgoing(message)


# What builds the mail of one outbox row: None when the row has nothing left to say.
Builder = Callable[[Store, Notice], Awaitable[Outgoing | None]]
ReaderBuilder = Callable[[Store, Notice, str], Awaitable[Outgoing | None]]


def _in_readers_language(build: ReaderBuilder) -> Builder:
    """A mail to a reader (or an account) in the language its row names; Dutch when Chorus
    does not speak that one."""

    async def built(store: Store, notice: Notice) -> Outgoing | None:
        lang = notice.lang if notice.lang in text.LANGUAGES else "nl"
        return await build(store, notice, lang)

    return built


# Each kind of outbox row and the builder of its mail: a new kind of mail is one line here.
# The digest is not in it: it folds many rows into one mail (`_deliver_digest`).
MAILS: dict[str, Builder] = {
    "owner": _owner_notice,
    PAUSED_MAIL: paused_message,
    INVITE: _in_readers_language(account_message),
    SIGNIN: _in_readers_language(account_message),
    "manage": _in_readers_language(reader_mail.manage_message),
    STATEMENT: _in_readers_language(reader_mail.statement_message),
    INVITE_MAIL: _in_readers_language(reader_mail.invite_message),
    REMINDER_MAIL: _in_readers_language(reader_mail.reminder_message),
    REPORT_ACK: _in_readers_language(reader_mail.report_ack_message),
    ASK_CONSENT: _in_readers_language(reader_mail.consent_request),
    "confirm": _in_readers_language(reader_mail.confirm_message),
    "reply": _in_readers_language(reader_mail.reply_message),
}


async def message_for(store: Store, notice: Notice) -> Outgoing | None:
    """The mail an outbox row stands for, or None when it has nothing left to say.

    A row of a kind no builder knows raises KeyError: the sender logs it and drops the row.
    """
    return await MAILS[notice.kind](store, notice)


async def _send(message: EmailMessage, comment_id: int) -> bool:
    try:
        # The socket time-out bounds each step; this bounds the whole conversation.
        return await asyncio.wait_for(_send_in_background(message, comment_id), TIMEOUT * 2)
    except TimeoutError:
        log.warning("notification not sent: the mail server did not finish in time")
        return False


# -- caps: what a flood can make Chorus send ---------------------------------------------------

DAY = 86400  # seconds: the window of the per-address cap
HOUR = 3600  # seconds: the window of the site-wide caps
_PER_ADDRESS = "mail-address"
_SITE_READER_MAIL = "mail-site"
_OWNER_NOTICES = "owner-notices"
_SITE = "site"


def _address_key(address: str) -> str:
    # Case folded: "Victim@" and "victim@" are one inbox to a flood.
    return signing.digest(address.strip().casefold(), _PER_ADDRESS)


async def _within_reader_caps(store: Store, address: str) -> bool:
    """Count one reader mail against both caps; False (and nothing counted) when over either.

    The caps are counted where every worker sees them, just before sending, so every way a
    mail to a reader is made (a post naming an address, a manage request, a reply) meets them.
    """
    key = _address_key(address)
    if await store.counters.hit(_PER_ADDRESS, key, settings.READER_MAIL_PER_ADDRESS, DAY):
        return False
    if await store.counters.hit(_SITE_READER_MAIL, _SITE, settings.READER_MAIL_PER_HOUR, HOUR):
        await store.counters.refund(_PER_ADDRESS, key)
        return False
    return True


async def _refund_reader_caps(store: Store, address: str) -> None:
    """A send that failed is tried again later; it must not use up the caps twice."""
    await store.counters.refund(_PER_ADDRESS, _address_key(address))
    await store.counters.refund(_SITE_READER_MAIL, _SITE)


async def _deliver_one(store: Store, notice: Notice) -> None:
    """Send one notice; on failure it stays in the outbox and is tried again later.

    A reply notice holds its reader's hour slot while it is sent: the hour starts only when the
    server took the mail, and a failed send lets the slot go so the retry can still send it.
    Reader mail over a cap is dropped with a log line; an owner notice over the hour's budget
    waits, folded, for the hour's digest.
    """
    try:
        outgoing = await message_for(store, notice)
    except UNAVAILABLE:
        raise
    except Exception as exc:
        log.error(
            "notice for comment %s not built: %s (%s mail)",
            notice.comment_id,
            type(exc).__name__,
            notice.kind,
        )
        outgoing = None
    if outgoing is None:
        await store.outbox.sent(notice.id)
        return
    if notice.kind == "owner":
        wait = await store.counters.hit(
            _OWNER_NOTICES, _SITE, settings.OWNER_NOTICES_PER_HOUR, HOUR
        )
        if wait:
            await store.outbox.fold_into_digest(notice.id, wait)
            return
    hold = None
    if outgoing.slot is not None and outgoing.gap:
        email_address, thread_id = outgoing.slot
        since = later(-REPLY_NOTICE_GAP)
        hold = await store.subscriptions.hold_notice(email_address, thread_id, since)
        if hold is None:  # a mail about this thread went out within the hour, or is going now
            await store.outbox.sent(notice.id)
            return
    if outgoing.capped and not await _within_reader_caps(store, outgoing.capped):
        log.warning("%s mail about comment %s not sent: over the mail caps", *_named(notice))
        if outgoing.slot is not None and hold is not None:
            await store.subscriptions.release_notice(*outgoing.slot, hold)
        await store.outbox.sent(notice.id)
        return
    try:
        ok = await _send(outgoing.message, notice.comment_id)
    except asyncio.CancelledError:
        # Stopping mid-send, with at most two seconds left: hand the notice back first, then
        # what this send took, so the next process can send it at once.
        await store.outbox.release([notice.id])
        if outgoing.slot is not None and hold is not None:
            await store.subscriptions.release_notice(*outgoing.slot, hold)
        await _refund(store, notice, outgoing)
        raise
    if outgoing.slot is not None:
        if ok:
            await store.subscriptions.notice_sent(*outgoing.slot)
        elif hold is not None:
            await store.subscriptions.release_notice(*outgoing.slot, hold)
    if not ok:
        await _refund(store, notice, outgoing)
    await _settle(store, notice, ok)


async def _refund(store: Store, notice: Notice, outgoing: Outgoing) -> None:
    """A mail that did not go out must not use up the caps it was counted against."""
    if outgoing.capped:
        await _refund_reader_caps(store, outgoing.capped)
    elif notice.kind == "owner":
        await store.counters.refund(_OWNER_NOTICES, _SITE)


def _named(notice: Notice) -> tuple[str, int]:
    return notice.kind, notice.comment_id


async def _settle(store: Store, notice: Notice, ok: bool) -> None:
    """After a send: gone when sent, else tried again later, or dropped after MAX_ATTEMPTS."""
    if ok:
        await store.outbox.sent(notice.id)
    elif notice.attempts + 1 >= MAX_ATTEMPTS:
        log.error(
            "%s mail about comment %s dropped after %s attempts",
            notice.kind,
            notice.comment_id,
            MAX_ATTEMPTS,
        )
        await store.outbox.sent(notice.id)
    else:
        delay = RETRY_AFTER[min(notice.attempts, len(RETRY_AFTER) - 1)]
        await store.outbox.retry_later(notice.id, delay)


async def _deliver_digest(store: Store, claimed: list[Notice]) -> None:
    """Send the folded owner notices that are due as one mail (claimed here or gathered now)."""
    seen = {n.id for n in claimed}
    notices = claimed + [n for n in await store.outbox.claim_digest() if n.id not in seen]
    entries: list[tuple[str, str, str]] = []
    for notice in notices[:DIGEST_LINES]:
        comment = await store.comments.get(notice.comment_id)
        if comment is not None:
            entries.append((comment.author, comment.page_title or comment.page_key, comment.status))
    ok = False
    if entries:
        try:
            ok = await _send(digest_message(len(notices), entries), 0)
        except Exception as exc:  # a refused header while building: logged, like a notice
            log.error("digest of %d notices not built: %s", len(notices), type(exc).__name__)
            ok = True  # it would fail the same way every time
    else:
        ok = True  # every folded comment is gone: nothing to tell
    for notice in notices:
        await _settle(store, notice, ok)


async def deliver(store: Store) -> None:
    """Run until cancelled: send the outbox's due notices; at start, every waiting one."""
    global _wake
    _wake = asyncio.Event()
    everything = True
    while True:
        _wake.clear()
        unsettled: list[int] = []
        try:
            notices = await store.outbox.claim_due(all_waiting=everything)
            unsettled = [n.id for n in notices]
            everything = False
            digest = [n for n in notices if n.kind == DIGEST]
            for notice in notices:
                if notice.kind != DIGEST:
                    await _deliver_one(store, notice)
                    unsettled.remove(notice.id)
            if digest:
                await _deliver_digest(store, digest)
            unsettled = []
        except asyncio.CancelledError:
            # A graceful stop: what this process claimed and did not send is due again now,
            # not after the lease, so the next process sends it within its first poll.
            with contextlib.suppress(*UNAVAILABLE):
                await store.outbox.release(unsettled)
            raise
        except UNAVAILABLE as exc:
            log.warning("outbox not read: %s", describe_failure(exc))
            notices = []
        if not notices:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(_wake.wait(), POLL)

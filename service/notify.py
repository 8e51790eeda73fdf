"""Tell the owner by e-mail that a comment is waiting, so the queue need not be watched.

Threat: header injection and HTML in mail. Messages are built with `email.message.EmailMessage`,
which encodes non-ASCII headers and refuses line breaks in them (and reader names can hold none:
the intake rules refuse control, format, line and paragraph separator characters). The body is
plain text only. Sending happens after the reader has had the answer, and a failure to build or
send is logged with the comment id, never raised and never silent: a mail server that is down
must not cost a reader their comment. Each one-click link is bound to the comment's state when
the notice was made, so it is dead after any status change.

Threat: the site as a mail cannon. Anyone can name any address in a post or a manage request,
so mail to readers meets a cap per address per day and one for the whole site per hour, counted
just before sending where every worker sees them, and mail to an unconfirmed address quotes
nothing a poster wrote. The owner's notices past the hour's budget fold into one digest.

Delivery: each notice is a row in the outbox, written in the comment's own transaction. One
background task per worker (`deliver`) claims due rows, sends each in a daemon thread with
time-outs, deletes it once the server took it and retries later when not. Shutdown never waits for
a mail server: an unfinished send stays in the outbox and goes out after the restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.policy
import logging
import smtplib
import ssl
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

import settings
from service import signing, text
from service.domain.addresses import address_key
from service.domain.comments import Comment, Status
from service.domain.hints import for_text
from service.store import UNAVAILABLE, Notice, Store, clock, describe_failure, later
from service.store.accounts import INVITE, SIGNIN
from service.store.invites import INVITE_MAIL, REMINDER_MAIL
from service.store.outbox import ASK_CONSENT, DIGEST
from service.store.reports import REPORT_ACK, STATEMENT
from service.store.webhooks import NTFY_FAILED, PAUSED_MAIL

log = logging.getLogger("chorus.notify")
PREVIEW = 600  # characters of the comment quoted in the mail
TIMEOUT = 15  # seconds for the whole SMTP conversation
POLL = 5.0  # seconds between looks at the outbox for notices queued by other workers
RETRY_AFTER = (30, 120, 600, 1800, 3600)  # seconds before each further attempt
MAX_ATTEMPTS = 12  # then the notice is dropped with a log line (the comment is in the queue)

DIGEST_LINES = 50  # comments named in a digest; the rest are counted
# One-click links for a comment that waits; each asks for confirmation before it acts.
MAIL_ACTIONS = ("approve", "reject", "spam")


@dataclass(frozen=True)
class Facts:
    """What the notice tells beside the text: rating, consent, the reader's e-mail, the page."""

    email: str = ""
    page_url: str = ""
    rating: int | None = None
    consent: bool = False
    consent_version: str = ""
    reply_to: str = ""  # the parent's author when the comment is a reply; "" for a new story


def _fact_lines(lang: str, body: str, page: str, facts: Facts) -> str:
    def fact(key: str, **values: object) -> str:
        return text.message(lang, "mail.fact." + key, **values)

    lines = []
    if facts.reply_to:
        # A reply is no review: it carries no stars and cannot consent, so neither is mentioned.
        lines.append(fact("reply_to", author=facts.reply_to))
    else:
        lines += [
            fact("rating", stars="★" * facts.rating + "☆" * (5 - facts.rating), n=facts.rating)
            if facts.rating
            else fact("no_rating"),
            fact("consent", version=facts.consent_version or "?")
            if facts.consent
            else fact("no_consent"),
        ]
    lines += [
        fact("email", email=facts.email) if facts.email else fact("no_email"),
        fact("page", page=f"{page} <{facts.page_url}>" if facts.page_url else page),
    ]
    hints = [text.message(lang, "hint." + h.code) for h in for_text(body)]
    if hints:
        lines.append(fact("hints", hints="; ".join(hints)))
    return "\n".join(lines) + "\n\n"


# The latest failure to send, for the settings page: {"at": ISO time, "error": text} or empty.
last_error: dict[str, str] = {}


REPLY_NOTICE_GAP = 3600  # seconds: at most one reply notice per address and thread per hour


def enabled() -> bool:
    return bool(settings.SMTP_HOST and settings.NOTIFY_EMAIL)


def reader_mail_enabled() -> bool:
    """Whether mail to readers (manage links, reply notices) can go: a server and a sender."""
    return bool(settings.SMTP_HOST and (settings.MAIL_FROM or settings.NOTIFY_EMAIL))


# -- mail to readers, in the comment's language (nl when it has none) ---------------------------

# Long header lines are folded, not encoded: List-Unsubscribe must stay a plain <URL> (RFC 2369).
_POLICY = email.policy.default.clone(max_line_length=998)


def _mail(recipient: str, lang: str, subject: str, body: str) -> EmailMessage:
    """A plain-text mail with the headers every receiver expects (RFC 5322, RFC 3834).

    `Content-Language` is set after the content: `set_content` drops every Content-* header.
    """
    message = EmailMessage(policy=_POLICY)
    message["Subject"] = subject
    message["From"] = settings.MAIL_FROM or settings.NOTIFY_EMAIL
    message["To"] = recipient
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=_mail_domain())
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(body)
    message["Content-Language"] = lang
    return message


def _mail_domain() -> str:
    """The host of PUBLIC_URL: Message-IDs are ours, under a name we answer for."""
    return urlsplit(settings.PUBLIC_URL).hostname or "localhost"


def _reader_message(recipient: str, lang: str, subject: str, body: str) -> EmailMessage:
    """A mail to a reader; `subject` is the key of its subject line, which names the site."""
    words = text.message(lang, "mail.reader." + subject, site=settings.SITE_NAME)
    return _mail(recipient, lang, words, body)


def _reader_text(lang: str, key: str, **values: object) -> str:
    """A reader mail's paragraph `key`, ending in a line break."""
    return text.message(lang, "mail.reader." + key, **values) + "\n"


def _with_unsubscribe(message: EmailMessage, comment: Comment, lang: str) -> EmailMessage:
    """RFC 8058 one-click unsubscribe headers; the same link is visible in the text."""
    url = unsubscribe_url(comment, lang)
    message["List-Unsubscribe"] = f"<{url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


def unsubscribe_url(comment: Comment, lang: str) -> str:
    """The link that ends the reply subscription of `comment` (and of no later comment)."""
    token = signing.subscription_token(comment.id, comment.created_at, signing.UNSUBSCRIBE)
    return f"{settings.PUBLIC_URL}/replies/unsubscribe/{token}?lang={lang}"


async def manage_link(store: Store, email: str, expires_at: str | None = None) -> str:
    """A fresh one-time manage-link token for `email`, valid until `expires_at` (default a day)."""
    token, token_hash = signing.manage_link_token()
    await store.links.create(token_hash, email, expires_at or later(signing.MANAGE_LINK_MAX_AGE))
    return token


def _site_home() -> str:
    """The owner's own site, as far as the settings know it (never a poster's page address)."""
    return settings.ALLOWED_ORIGINS[0] if settings.ALLOWED_ORIGINS else settings.PUBLIC_URL


def _quote(body: str) -> str:
    quoted = body if len(body) <= PREVIEW else body[:PREVIEW].rstrip() + " …"
    return "\n".join(f"> {line}" for line in quoted.splitlines())


def comment_url(comment: Comment) -> str:
    """Where a reader sees a comment: its page (absolute) with the comment's anchor."""
    base = comment.page_url or f"{settings.PUBLIC_URL}/"
    return f"{base.split('#')[0]}#chorus-comment-{comment.id}"


@dataclass(frozen=True)
class Outgoing:
    """A mail ready to send, and what limits it.

    `slot` is the (address, thread) of a reply notice's hour slot, which it waits for when
    `gap`; `capped` is the address whose mail counts against the caps on reader mail ("" for
    mail that does not: the owner's own notices, and the owner's reply to a confirmed
    subscriber, which neither waits for the slot nor meets the caps, but starts the hour).
    """

    message: EmailMessage
    slot: tuple[str, int] | None = None
    capped: str = ""
    gap: bool = True


async def reader_message(store: Store, notice: Notice) -> Outgoing | None:
    """The mail to a reader a notice stands for, or None when it has nothing left to say."""
    lang = notice.lang if notice.lang in text.LANGUAGES else "nl"
    if notice.kind == "manage":
        # Looked up here, after the reader had the same answer for any address (readers.py).
        if not await store.privacy.comment_ids(notice.recipient):
            return None
        token = await manage_link(store, notice.recipient)
        url = f"{settings.PUBLIC_URL}/manage/{token}?lang={lang}"
        body = _reader_text(lang, "manage", site=settings.SITE_NAME, url=url)
        message = _reader_message(notice.recipient, lang, "manage_subject", body)
        return Outgoing(message, capped=notice.recipient)
    if notice.kind == STATEMENT:
        return await _statement_message(store, notice, lang)
    if notice.kind in (INVITE, SIGNIN):
        return await _account_message(store, notice, lang)
    if notice.kind in (INVITE_MAIL, REMINDER_MAIL):
        return await _invite_message(store, notice, lang)
    if notice.kind == REPORT_ACK:
        body = _reader_text(lang, "report_ack", site=settings.SITE_NAME, home=_site_home())
        message = _reader_message(notice.recipient, lang, "report_ack_subject", body)
        return Outgoing(message, capped=notice.recipient)
    comment = await store.comments.get(notice.comment_id)
    if comment is None:
        return None
    if notice.kind == ASK_CONSENT:
        return await _consent_request(store, notice, comment, lang)
    if notice.kind == "confirm":
        subscription = await store.subscriptions.get(comment.id)
        if subscription is None or subscription.confirmed_at:
            return None
        token = signing.subscription_token(comment.id, comment.created_at, signing.CONFIRM)
        url = f"{settings.PUBLIC_URL}/replies/confirm/{token}?lang={lang}"
        body = _reader_text(lang, "confirm", site=settings.SITE_NAME, home=_site_home(), url=url)
        body += "\n" + _reader_text(lang, "stop", url=unsubscribe_url(comment, lang))
        message = _reader_message(notice.recipient, lang, "confirm_subject", body)
        return Outgoing(_with_unsubscribe(message, comment, lang), capped=notice.recipient)
    # a reply: only while it is published and its parent's subscription is confirmed
    if comment.status != Status.APPROVED or comment.parent_id is None:
        return None
    subscription = await store.subscriptions.get(comment.parent_id)
    parent = await store.comments.get(comment.parent_id)
    if subscription is None or not subscription.confirmed_at or parent is None:
        return None
    body = _reader_text(
        lang,
        "reply",
        author=comment.author,
        page=comment.page_title or comment.page_key,
        quote=_quote(comment.body),
        url=comment_url(comment),
    )
    body += "\n" + _reader_text(lang, "stop", url=unsubscribe_url(parent, lang))
    message = _reader_message(subscription.email, lang, "reply_subject", body)
    message = _with_unsubscribe(message, parent, lang)
    slot = (subscription.email, comment.thread_id)
    if comment.owner:
        # The owner's own answer always reaches the subscriber who asked for it.
        return Outgoing(message, slot, gap=False)
    return Outgoing(message, slot, subscription.email)


async def _consent_request(
    store: Store, notice: Notice, comment: Comment, lang: str
) -> Outgoing | None:
    """The owner's request that an author consent again: a manage link, where it is one click.

    Nothing is sent once the author consented after all, or when the comment is no longer
    theirs (its address changed by an erasure). The mail names the story by its date and page.
    """
    if comment.consent or address_key(comment.email) != address_key(notice.recipient):
        return None
    token = await manage_link(store, notice.recipient)
    body = _reader_text(
        lang,
        "ask_consent",
        owner=settings.OWNER_NAME,
        site=settings.SITE_NAME,
        home=_site_home(),
        date=comment.created_at[:10],
        page=comment.page_title or comment.page_key,
        url=f"{settings.PUBLIC_URL}/manage/{token}?lang={lang}",
    )
    message = _reader_message(notice.recipient, lang, "ask_consent_subject", body)
    if settings.NOTIFY_EMAIL:
        message["Reply-To"] = settings.NOTIFY_EMAIL  # a question about it reaches the owner
    return Outgoing(message, capped=notice.recipient)


async def _account_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
    """An invitation (its one-time link) or a sign-in-from-a-new-browser notice, to an account."""
    if notice.kind == SIGNIN:
        body = text.message(
            lang,
            "mail.account.signin",
            site=settings.SITE_NAME,
            browser=notice.status,
            url=f"{settings.PUBLIC_URL}/admin/account",
        )
        subject = text.message(lang, "mail.account.signin_subject", site=settings.SITE_NAME)
        return Outgoing(_mail(notice.recipient, lang, subject, body + "\n"))
    invitation_id = int(notice.status) if notice.status.isdigit() else 0
    found = await store.accounts.invitation_for_mail(invitation_id)
    if found is None:  # used or withdrawn before the mail went
        return None
    token = signing.invitation_token(invitation_id, found[1])
    body = text.message(
        lang,
        "mail.account.invite",
        site=settings.SITE_NAME,
        owner=settings.OWNER_NAME,
        url=f"{settings.PUBLIC_URL}/admin/invite/{token}",
    )
    subject = text.message(lang, "mail.account.invite_subject", site=settings.SITE_NAME)
    return Outgoing(_mail(found[0], lang, subject, body + "\n"))


def _written(stamp: str, lang: str) -> str:
    """The day a comment was written, as its reader writes a date ("7. Dezember 2026")."""
    try:
        written = date.fromisoformat(stamp[:10])
    except ValueError:
        return stamp[:10]
    return text.date(lang, written.day, written.month, written.year)


def invite_text(lang: str, name: str, url: str, *, reminder: bool = False) -> tuple[str, str]:
    """The subject and text of an invitation (or its reminder) to the story page at `url`."""
    greeting = (
        _reader_text(lang, "invite_greeting", name=name)
        if name
        else _reader_text(lang, "invite_greeting_anonymous")
    )
    body = (
        greeting
        + "\n"
        + _reader_text(
            lang,
            "invite_reminder" if reminder else "invite",
            site=settings.SITE_NAME,
            url=url,
            days=settings.INVITE_DAYS,
            owner=settings.OWNER_NAME,
        )
    )
    subject = "invite_reminder_subject" if reminder else "invite_subject"
    return text.message(lang, "mail.reader." + subject, site=settings.SITE_NAME), body


async def _invite_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
    """An invitation to tell one's story, or its one reminder, while the invitation is open.

    The owner typed the address, so it meets no cap on reader mail (a paste of 200 must all
    go); "already invited in the last INVITE_DAYS" is what keeps one address from many mails.
    """
    invite_id = int(notice.status) if notice.status.isdigit() else 0
    invite = await store.invites.get(invite_id)
    if invite is None or not invite.email or not invite.usable_at(clock.now()):
        return None
    reminder = notice.kind == REMINDER_MAIL
    if reminder and invite.status not in ("mailed", "opened"):
        return None
    token = signing.invite_token(invite.id, invite.token_key)
    url = f"{settings.PUBLIC_URL}/s/{token}"
    subject, body = invite_text(lang, invite.name, url, reminder=reminder)
    message = _mail(invite.email, lang, subject, body)
    if settings.NOTIFY_EMAIL:
        message["Reply-To"] = settings.NOTIFY_EMAIL  # a client's answer by mail reaches the owner
    if not reminder:
        await store.invites.mark_mailed(invite.id)
    return Outgoing(message)


async def _statement_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
    """A statement of reasons (DSA art. 17): what was decided, why, by a person, how to answer.

    Made from the stored statement, so it goes out after the comment is deleted too. It names
    the comment by its date and quotes none of it: the address is whatever the poster typed.
    """
    statement_id = int(notice.status) if notice.status.isdigit() else 0
    statement = await store.reports.statement(statement_id)
    if statement is None:
        return None
    note = _reader_text(lang, "statement_note", note=statement.note) if statement.note else ""
    body = _reader_text(
        lang,
        "statement",
        date=_written(statement.written_at, lang),
        site=settings.SITE_NAME,
        home=_site_home(),
        decision=text.message(lang, f"mail.reader.decision_{statement.decision}"),
        reason=text.message(lang, f"mail.reader.grounds_{statement.reason}"),
        note=note,
        owner=settings.OWNER_NAME,
        policy=f"{settings.PUBLIC_URL}/reviews/policy?lang={lang}",
    )
    message = _reader_message(statement.email, lang, "statement_subject", body)
    if settings.NOTIFY_EMAIL:
        message["Reply-To"] = settings.NOTIFY_EMAIL  # "reply to this mail" reaches the owner
    return Outgoing(message, capped=statement.email)


def new_comment_message(
    comment_id: int,
    born: str,
    author: str,
    page: str,
    body: str,
    status: Status,
    state: str = "",
    facts: Facts | None = None,
) -> EmailMessage:
    """The notice for one new comment, in the admin's language, with one-click links.

    `state` is the comment's moderation stamp now ("" for a new comment); the links act only
    while it is unchanged, and only on the comment written at `born` (its `created_at`).
    """
    lang = settings.ADMIN_LANG
    admin_url = f"{settings.PUBLIC_URL}/admin/"
    actions = ""
    if status == Status.PENDING:
        actions = "".join(
            f"{text.message(lang, f'mail.owner.action_{action}')}: {settings.PUBLIC_URL}"
            f"/admin/mail/{signing.mail_link_token(comment_id, born, action, state)}\n"
            for action in MAIL_ACTIONS
        )
        actions += "\n"
    details = _fact_lines(lang, body, page, facts or Facts())
    return _mail(
        settings.NOTIFY_EMAIL,
        lang,
        text.message(lang, f"mail.owner.subject_{status}", author=author),
        f"{text.message(lang, 'mail.owner.wrote', author=author, page=page)}\n\n"
        f"{_quote(body)}\n\n{details}{actions}"
        f"{text.message(lang, 'mail.owner.review', url=admin_url)}\n",
    )


def digest_message(folded: int, entries: list[tuple[str, str, str]]) -> EmailMessage:
    """One mail for the owner's notices folded under a flood: (author, page, status) each.

    `folded` counts every notice folded in; `entries` are the comments that still exist.
    """
    lang = settings.ADMIN_LANG
    words = text.section(lang, "mail.digest")
    shown = entries[:DIGEST_LINES]
    lines = [words["intro"].format(n=folded), ""]
    lines += [
        words["line"].format(
            author=author, page=page, status=words.get(f"status_{status}", words["status_gone"])
        )
        for author, page, status in shown
    ]
    if folded > len(shown):
        lines.append(words["more"].format(n=folded - len(shown)))
    lines += ["", text.message(lang, "mail.owner.review", url=f"{settings.PUBLIC_URL}/admin/"), ""]
    subject = words["subject"].format(n=folded)
    return _mail(settings.NOTIFY_EMAIL, lang, subject, "\n".join(lines))


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


async def _paused_message(store: Store, notice: Notice) -> Outgoing | None:
    """The owner's mail about an endpoint paused after failing; None once it is gone."""
    lang = settings.ADMIN_LANG
    page = f"{settings.PUBLIC_URL}/admin/integrations"
    if notice.status == NTFY_FAILED:
        if not settings.NTFY_URL:
            return None
        subject = text.message(lang, "mail.ntfy_failed.subject", site=settings.SITE_NAME)
        server = urlsplit(settings.NTFY_URL).hostname or ""  # no topic name, no password
        body = text.message(lang, "mail.ntfy_failed.body", server=server, page=page)
        return Outgoing(_mail(settings.NOTIFY_EMAIL, lang, subject, body + "\n"))
    found = await store.webhooks.endpoint(int(notice.status) if notice.status.isdigit() else 0)
    if found is None:
        return None
    return Outgoing(
        _mail(
            settings.NOTIFY_EMAIL,
            lang,
            text.message(lang, "mail.webhook_paused.subject", site=settings.SITE_NAME),
            text.message(lang, "mail.webhook_paused.body", url=found.url, page=page) + "\n",
        )
    )


async def _message_for(store: Store, notice: Notice) -> Outgoing | None:
    if notice.kind == PAUSED_MAIL:
        return await _paused_message(store, notice)
    if notice.kind != "owner":
        return await reader_message(store, notice)
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
        outgoing = await _message_for(store, notice)
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


def test_message() -> EmailMessage:
    """A short mail the owner sends from the settings page to check the mail settings."""
    lang = settings.ADMIN_LANG
    return _mail(
        settings.NOTIFY_EMAIL,
        lang,
        text.message(lang, "mail.test.subject", site=settings.SITE_NAME),
        text.message(lang, "mail.test.body", url=settings.PUBLIC_URL) + "\n",
    )

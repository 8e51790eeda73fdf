"""Tell the owner by e-mail that a comment is waiting, so the queue need not be watched.

Threat: header injection and HTML in mail. Messages are built with `email.message.EmailMessage`,
which encodes non-ASCII headers and refuses line breaks in them (and reader names can hold none:
the intake rules refuse control, format, line and paragraph separator characters). The body is
plain text only. Sending happens after the reader has had the answer, and a failure to build or
send is logged with the comment id, never raised and never silent: a mail server that is down
must not cost a reader their comment. Each one-click link is bound to the comment's state when
the notice was made, so it is dead after any status change.

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
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

import settings
from service import signing
from service.domain.comments import Comment, Status
from service.domain.hints import for_text
from service.store import UNAVAILABLE, Notice, Store, describe_failure, later

log = logging.getLogger("chorus.notify")
PREVIEW = 600  # characters of the comment quoted in the mail
TIMEOUT = 15  # seconds for the whole SMTP conversation
POLL = 5.0  # seconds between looks at the outbox for notices queued by other workers
RETRY_AFTER = (30, 120, 600, 1800, 3600)  # seconds before each further attempt
MAX_ATTEMPTS = 12  # then the notice is dropped with a log line (the comment is in the queue)

_SUBJECT = {
    "nl": {Status.PENDING: "Nieuwe reactie om te beoordelen", Status.APPROVED: "Nieuwe reactie"},
    "en": {Status.PENDING: "New comment to review", Status.APPROVED: "New comment"},
}
_LINES = {
    "nl": ("{author} schreef onder “{page}”:", "Bekijk en beoordeel: {url}"),
    "en": ("{author} wrote under “{page}”:", "Review it: {url}"),
}
_ACTIONS = {
    "nl": {"approve": "Goedkeuren", "reject": "Afwijzen", "spam": "Spam"},
    "en": {"approve": "Approve", "reject": "Reject", "spam": "Spam"},
}
# One-click links for a comment that waits; each asks for confirmation before it acts.
MAIL_ACTIONS = ("approve", "reject", "spam")
# What the owner needs to decide from the mail, above the links.
_FACTS = {
    "nl": {
        "rating": "Beoordeling: {stars} ({n} van 5)",
        "no_rating": "Beoordeling: geen",
        "consent": "Toestemming voor gebruik als aanbeveling: ja (versie {version})",
        "no_consent": "Toestemming voor gebruik als aanbeveling: nee",
        "email": "E-mail van de schrijver: {email}",
        "no_email": "E-mail van de schrijver: niet opgegeven",
        "page": "Pagina: {page}",
        "hints": "Let op: {hints}",
    },
    "en": {
        "rating": "Rating: {stars} ({n} out of 5)",
        "no_rating": "Rating: none",
        "consent": "Consent to testimonial use: yes (version {version})",
        "no_consent": "Consent to testimonial use: no",
        "email": "Author's e-mail: {email}",
        "no_email": "Author's e-mail: not given",
        "page": "Page: {page}",
        "hints": "Check: {hints}",
    },
}


@dataclass(frozen=True)
class Facts:
    """What the notice tells beside the text: rating, consent, the reader's e-mail, the page."""

    email: str = ""
    page_url: str = ""
    rating: int | None = None
    consent: bool = False
    consent_version: str = ""


def _fact_lines(lang: str, body: str, page: str, facts: Facts) -> str:
    words = _FACTS[lang]
    lines = [
        words["rating"].format(stars="★" * facts.rating + "☆" * (5 - facts.rating), n=facts.rating)
        if facts.rating
        else words["no_rating"],
        words["consent"].format(version=facts.consent_version or "?")
        if facts.consent
        else words["no_consent"],
        words["email"].format(email=facts.email) if facts.email else words["no_email"],
        words["page"].format(page=f"{page} <{facts.page_url}>" if facts.page_url else page),
    ]
    hints = [h.nl if lang == "nl" else h.en for h in for_text(body)]
    if hints:
        lines.append(words["hints"].format(hints="; ".join(hints)))
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

_READER = {
    "nl": {
        "manage_subject": "Je reacties beheren",
        "manage": "Iemand (hopelijk jij) vroeg om je reacties op {site} te beheren.\n"
        "Met deze link zie je ze, en kun je ze aanpassen, je toestemming intrekken of ze "
        "verwijderen. De link werkt één keer per actie en verloopt binnen een dag:\n\n{url}\n\n"
        "Heb je dit niet gevraagd? Dan kun je deze mail negeren.\n",
        "confirm_subject": "Bevestig: bericht bij een antwoord",
        "confirm": "Je vroeg om een bericht als iemand antwoordt op je reactie onder “{page}”.\n"
        "Bevestig dat met deze link:\n\n{url}\n\n"
        "Niet gevraagd? Negeer deze mail; je krijgt dan niets.\n",
        "reply_subject": "Nieuw antwoord op je reactie",
        "reply": "{author} antwoordde op je reactie onder “{page}”:\n\n{quote}\n\n"
        "Lees het hier: {url}\n",
        "stop": "Geen berichten meer over antwoorden: {url}\n",
    },
    "en": {
        "manage_subject": "Manage your comments",
        "manage": "Someone (hopefully you) asked to manage your comments on {site}.\n"
        "This link shows them and lets you edit them, withdraw your consent or delete them. "
        "It works once per action and expires within a day:\n\n{url}\n\n"
        "Did not ask for this? Then you can ignore this mail.\n",
        "confirm_subject": "Confirm: hear about replies",
        "confirm": "You asked to be told when someone replies to your comment under “{page}”.\n"
        "Confirm it with this link:\n\n{url}\n\n"
        "Did not ask for this? Ignore this mail and you will get nothing.\n",
        "reply_subject": "New reply to your comment",
        "reply": "{author} replied to your comment under “{page}”:\n\n{quote}\n\n"
        "Read it here: {url}\n",
        "stop": "No more mail about replies: {url}\n",
    },
}


# Long header lines are folded, not encoded: List-Unsubscribe must stay a plain <URL> (RFC 2369).
_READER_POLICY = email.policy.default.clone(max_line_length=998)


def _reader_message(recipient: str, lang: str, subject: str, text: str) -> EmailMessage:
    message = EmailMessage(policy=_READER_POLICY)
    message["Subject"] = f"{settings.SITE_NAME}: {subject}"
    message["From"] = settings.MAIL_FROM or settings.NOTIFY_EMAIL
    message["To"] = recipient
    message["Message-ID"] = make_msgid(domain="chorus.invalid")
    message["Auto-Submitted"] = "auto-generated"
    message["Content-Language"] = lang
    message.set_content(text)
    return message


def _with_unsubscribe(message: EmailMessage, comment_id: int, lang: str) -> EmailMessage:
    """RFC 8058 one-click unsubscribe headers; the same link is visible in the text."""
    url = unsubscribe_url(comment_id, lang)
    message["List-Unsubscribe"] = f"<{url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


def unsubscribe_url(comment_id: int, lang: str) -> str:
    token = signing.subscription_token(comment_id, signing.UNSUBSCRIBE)
    return f"{settings.PUBLIC_URL}/replies/unsubscribe/{token}?lang={lang}"


async def manage_link(store: Store, email: str, expires_at: str | None = None) -> str:
    """A fresh one-time manage-link token for `email`, valid until `expires_at` (default a day)."""
    token, token_hash = signing.manage_link_token()
    await store.links.create(token_hash, email, expires_at or later(signing.MANAGE_LINK_MAX_AGE))
    return token


def _quote(body: str) -> str:
    quoted = body if len(body) <= PREVIEW else body[:PREVIEW].rstrip() + " …"
    return "\n".join(f"> {line}" for line in quoted.splitlines())


def comment_url(comment: Comment) -> str:
    """Where a reader sees a comment: its page (absolute) with the comment's anchor."""
    base = comment.page_url or f"{settings.PUBLIC_URL}/"
    return f"{base.split('#')[0]}#chorus-comment-{comment.id}"


@dataclass(frozen=True)
class Outgoing:
    """A mail ready to send; a reply notice also names the (address, thread) of its hour slot."""

    message: EmailMessage
    slot: tuple[str, int] | None = None


async def reader_message(store: Store, notice: Notice) -> Outgoing | None:
    """The mail to a reader a notice stands for, or None when it has nothing left to say."""
    lang = notice.lang if notice.lang in _READER else "nl"
    words = _READER[lang]
    if notice.kind == "manage":
        token = await manage_link(store, notice.recipient)
        url = f"{settings.PUBLIC_URL}/manage/{token}?lang={lang}"
        text = words["manage"].format(site=settings.SITE_NAME, url=url)
        return Outgoing(_reader_message(notice.recipient, lang, words["manage_subject"], text))
    comment = await store.comments.get(notice.comment_id)
    if comment is None:
        return None
    if notice.kind == "confirm":
        subscription = await store.subscriptions.get(comment.id)
        if subscription is None or subscription.confirmed_at:
            return None
        token = signing.subscription_token(comment.id, signing.CONFIRM)
        url = f"{settings.PUBLIC_URL}/replies/confirm/{token}?lang={lang}"
        text = words["confirm"].format(page=comment.page_title or comment.page_key, url=url)
        text += "\n" + words["stop"].format(url=unsubscribe_url(comment.id, lang))
        message = _reader_message(notice.recipient, lang, words["confirm_subject"], text)
        return Outgoing(_with_unsubscribe(message, comment.id, lang))
    # a reply: only while it is published and its parent's subscription is confirmed
    if comment.status != Status.APPROVED or comment.parent_id is None:
        return None
    subscription = await store.subscriptions.get(comment.parent_id)
    if subscription is None or not subscription.confirmed_at:
        return None
    text = words["reply"].format(
        author=comment.author,
        page=comment.page_title or comment.page_key,
        quote=_quote(comment.body),
        url=comment_url(comment),
    )
    text += "\n" + words["stop"].format(url=unsubscribe_url(subscription.comment_id, lang))
    message = _reader_message(subscription.email, lang, words["reply_subject"], text)
    message = _with_unsubscribe(message, subscription.comment_id, lang)
    return Outgoing(message, (subscription.email, comment.thread_id))


def new_comment_message(
    comment_id: int,
    author: str,
    page: str,
    body: str,
    status: Status,
    state: str = "",
    facts: Facts | None = None,
) -> EmailMessage:
    """The notice for one new comment, in the admin's language, with one-click links.

    `state` is the comment's moderation stamp now ("" for a new comment); the links act only
    while it is unchanged.
    """
    lang = settings.ADMIN_LANG
    intro, link = _LINES[lang]
    quoted = body if len(body) <= PREVIEW else body[:PREVIEW].rstrip() + " …"
    message = EmailMessage()
    message["Subject"] = f"{_SUBJECT[lang][status]}: {author}"
    message["From"] = settings.MAIL_FROM or settings.NOTIFY_EMAIL
    message["To"] = settings.NOTIFY_EMAIL
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=urlsplit(settings.PUBLIC_URL).hostname or "chorus")
    message["Auto-Submitted"] = "auto-generated"
    quote = "\n".join(f"> {line}" for line in quoted.splitlines())
    admin_url = f"{settings.PUBLIC_URL}/admin/"
    actions = ""
    if status == Status.PENDING:
        actions = "".join(
            f"{_ACTIONS[lang][action]}: {settings.PUBLIC_URL}/admin/mail/"
            f"{signing.mail_link_token(comment_id, action, state)}\n"
            for action in MAIL_ACTIONS
        )
        actions += "\n"
    details = _fact_lines(lang, body, page, facts or Facts())
    message.set_content(
        f"{intro.format(author=author, page=page)}\n\n{quote}\n\n{details}{actions}"
        f"{link.format(url=admin_url)}\n"
    )
    return message


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


async def _message_for(store: Store, notice: Notice) -> Outgoing | None:
    if notice.kind != "owner":
        return await reader_message(store, notice)
    comment = await store.comments.get(notice.comment_id)
    if comment is None:  # deleted before the notice went out: nothing to tell
        return None
    message = new_comment_message(
        comment.id,
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


async def _deliver_one(store: Store, notice: Notice) -> None:
    """Send one notice; on failure it stays in the outbox and is tried again later.

    A reply notice holds its reader's hour slot while it is sent: the hour starts only when the
    server took the mail, and a failed send lets the slot go so the retry can still send it.
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
    hold = None
    if outgoing.slot is not None:
        email_address, thread_id = outgoing.slot
        since = later(-REPLY_NOTICE_GAP)
        hold = await store.subscriptions.hold_notice(email_address, thread_id, since)
        if hold is None:  # a mail about this thread went out within the hour, or is going now
            await store.outbox.sent(notice.id)
            return
    ok = await _send(outgoing.message, notice.comment_id)
    if outgoing.slot is not None and hold is not None:
        if ok:
            await store.subscriptions.notice_sent(*outgoing.slot)
        else:
            await store.subscriptions.release_notice(*outgoing.slot, hold)
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


async def deliver(store: Store) -> None:
    """Run until cancelled: send the outbox's due notices; at start, every waiting one."""
    global _wake
    _wake = asyncio.Event()
    everything = True
    while True:
        _wake.clear()
        try:
            notices = await store.outbox.claim_due(all_waiting=everything)
            everything = False
            for notice in notices:
                await _deliver_one(store, notice)
        except UNAVAILABLE as exc:
            log.warning("outbox not read: %s", describe_failure(exc))
            notices = []
        if not notices:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(_wake.wait(), POLL)


def test_message() -> EmailMessage:
    """A short mail the owner sends from the settings page to check the mail settings."""
    message = EmailMessage()
    message["Subject"] = f"{settings.SITE_NAME}: test"
    message["From"] = settings.MAIL_FROM or settings.NOTIFY_EMAIL
    message["To"] = settings.NOTIFY_EMAIL
    message["Message-ID"] = make_msgid(domain="chorus.invalid")
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(f"Mail from {settings.PUBLIC_URL} works.\n")
    return message

"""Mail to readers (and invited clients), in their own language: one builder for each kind of
outbox row, which the sender's table (`service.notify.sender.MAILS`) names.

Threat: the site as a mail cannon. Mail to an unconfirmed address quotes nothing a poster
wrote; the caps on how much goes out are the sender's (`service.notify.sender`).
"""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage

import settings
from service import signing, text
from service.domain.addresses import address_key
from service.domain.comments import Comment, Status
from service.notify.compose import Outgoing, comment_url, message_to, quote, site_home
from service.store import Notice, Store, clock, later


def _reader_message(recipient: str, lang: str, subject: str, body: str) -> EmailMessage:
    """A mail to a reader; `subject` is the key of its subject line, which names the site."""
    words = text.message(lang, "mail.reader." + subject, site=settings.SITE_NAME)
    return message_to(recipient, lang, words, body)


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


async def manage_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
    """A one-time manage link, for an address that has comments here."""
    # Looked up here, after the reader had the same answer for any address (readers.py).
    if not await store.privacy.comment_ids(notice.recipient):
        return None
    token = await manage_link(store, notice.recipient)
    url = f"{settings.PUBLIC_URL}/manage/{token}?lang={lang}"
    body = _reader_text(lang, "manage", site=settings.SITE_NAME, url=url)
    message = _reader_message(notice.recipient, lang, "manage_subject", body)
    return Outgoing(message, capped=notice.recipient)


async def report_ack_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
    """The receipt for a report (DSA art. 16), to the address its reporter gave."""
    body = _reader_text(lang, "report_ack", site=settings.SITE_NAME, home=site_home())
    message = _reader_message(notice.recipient, lang, "report_ack_subject", body)
    return Outgoing(message, capped=notice.recipient)


async def confirm_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
    """The request to confirm a reply subscription, while it is still unconfirmed."""
    comment = await store.comments.get(notice.comment_id)
    if comment is None:
        return None
    subscription = await store.subscriptions.get(comment.id)
    if subscription is None or subscription.confirmed_at:
        return None
    token = signing.subscription_token(comment.id, comment.created_at, signing.CONFIRM)
    url = f"{settings.PUBLIC_URL}/replies/confirm/{token}?lang={lang}"
    body = _reader_text(lang, "confirm", site=settings.SITE_NAME, home=site_home(), url=url)
    body += "\n" + _reader_text(lang, "stop", url=unsubscribe_url(comment, lang))
    message = _reader_message(notice.recipient, lang, "confirm_subject", body)
    return Outgoing(_with_unsubscribe(message, comment, lang), capped=notice.recipient)


async def reply_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
    """A reply to a subscriber: only while it is published and their subscription confirmed."""
    comment = await store.comments.get(notice.comment_id)
    if comment is None or comment.status != Status.APPROVED or comment.parent_id is None:
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
        quote=quote(comment.body),
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


async def consent_request(store: Store, notice: Notice, lang: str) -> Outgoing | None:
    """The owner's request that an author consent again: a manage link, where it is one click.

    Nothing is sent once the author consented after all, or when the comment is gone or no
    longer theirs (its address changed by an erasure). The mail names the story by its date
    and page.
    """
    comment = await store.comments.get(notice.comment_id)
    if comment is None:
        return None
    if comment.consent or address_key(comment.email) != address_key(notice.recipient):
        return None
    token = await manage_link(store, notice.recipient)
    body = _reader_text(
        lang,
        "ask_consent",
        owner=settings.OWNER_NAME,
        site=settings.SITE_NAME,
        home=site_home(),
        date=comment.created_at[:10],
        page=comment.page_title or comment.page_key,
        url=f"{settings.PUBLIC_URL}/manage/{token}?lang={lang}",
    )
    message = _reader_message(notice.recipient, lang, "ask_consent_subject", body)
    if settings.NOTIFY_EMAIL:
        message["Reply-To"] = settings.NOTIFY_EMAIL  # a question about it reaches the owner
    return Outgoing(message, capped=notice.recipient)


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


async def invite_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
    """An invitation to tell one's story, while it is open."""
    return await _invitation(store, notice, lang, reminder=False)


async def reminder_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
    """The one reminder of an invitation that was mailed or opened, while it is open."""
    return await _invitation(store, notice, lang, reminder=True)


async def _invitation(
    store: Store, notice: Notice, lang: str, *, reminder: bool
) -> Outgoing | None:
    """An invitation to tell one's story, or its one reminder, while the invitation is open.

    The owner typed the address, so it meets no cap on reader mail (a paste of 200 must all
    go); "already invited in the last INVITE_DAYS" is what keeps one address from many mails.
    """
    invite_id = int(notice.status) if notice.status.isdigit() else 0
    invite = await store.invites.get(invite_id)
    if invite is None or not invite.email or not invite.usable_at(clock.now()):
        return None
    if reminder and invite.status not in ("mailed", "opened"):
        return None
    token = signing.invite_token(invite.id, invite.token_key)
    url = f"{settings.PUBLIC_URL}/s/{token}"
    subject, body = invite_text(lang, invite.name, url, reminder=reminder)
    message = message_to(invite.email, lang, subject, body)
    if settings.NOTIFY_EMAIL:
        message["Reply-To"] = settings.NOTIFY_EMAIL  # a client's answer by mail reaches the owner
    if not reminder:
        await store.invites.mark_mailed(invite.id)
    return Outgoing(message)


async def statement_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
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
        home=site_home(),
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

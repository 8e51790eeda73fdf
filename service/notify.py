"""Tell the owner by e-mail that a comment is waiting, so the queue need not be watched.

Threat: header injection and HTML in mail. Messages are built with `email.message.EmailMessage`,
which encodes non-ASCII headers and refuses line breaks in them (and reader names can hold none:
the intake rules refuse control, format, line and paragraph separator characters). The body is
plain text only. Sending happens after the reader has had the answer, and a failure to build or
send is logged with the comment id, never raised and never silent: a mail server that is down
must not cost a reader their comment. Each one-click link is bound to the comment's state when
the notice was made, so it is dead after any status change.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

import settings
from service import signing
from service.domain.comments import Status

log = logging.getLogger("chorus.notify")
PREVIEW = 600  # characters of the comment quoted in the mail
TIMEOUT = 15  # seconds for the whole SMTP conversation

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


def enabled() -> bool:
    return bool(settings.SMTP_HOST and settings.NOTIFY_EMAIL)


def new_comment_message(
    comment_id: int, author: str, page: str, body: str, status: Status, state: str = ""
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
    message.set_content(
        f"{intro.format(author=author, page=page)}\n\n{quote}\n\n{actions}"
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
        return False
    return True


async def new_comment(
    comment_id: int, author: str, page: str, body: str, status: Status, state: str = ""
) -> bool:
    """Send the notice without holding up the event loop (smtplib blocks); True when sent."""
    try:
        message = new_comment_message(comment_id, author, page, body, status, state)
    except Exception as exc:
        log.error("notice for comment %d not built: %s", comment_id, type(exc).__name__)
        return False
    return await asyncio.to_thread(send, message, comment_id)

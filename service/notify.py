"""Tell the owner by e-mail that a comment is waiting, so the queue need not be watched.

Threat: header injection and HTML in mail. Messages are built with `email.message.EmailMessage`,
which encodes non-ASCII headers and refuses line breaks in them (and reader names can hold none:
the intake rules refuse control characters). The body is plain text only. Sending happens after
the reader has had the answer, and a failure is logged, never raised: a mail server that is down
must not cost a reader their comment.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid

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
    comment_id: int, author: str, page: str, body: str, status: Status
) -> EmailMessage:
    """The notice for one new comment, in the admin's language, with one-click links."""
    lang = settings.ADMIN_LANG
    intro, link = _LINES[lang]
    quoted = body if len(body) <= PREVIEW else body[:PREVIEW].rstrip() + " …"
    message = EmailMessage()
    message["Subject"] = f"{_SUBJECT[lang][status]}: {author}"
    message["From"] = settings.MAIL_FROM or settings.NOTIFY_EMAIL
    message["To"] = settings.NOTIFY_EMAIL
    message["Message-ID"] = make_msgid(domain="chorus.invalid")
    message["Auto-Submitted"] = "auto-generated"
    quote = "\n".join(f"> {line}" for line in quoted.splitlines())
    admin_url = f"{settings.PUBLIC_URL}/admin/"
    actions = ""
    if status == Status.PENDING:
        actions = "".join(
            f"{_ACTIONS[lang][action]}: {settings.PUBLIC_URL}/admin/mail/"
            f"{signing.mail_link_token(comment_id, action)}\n"
            for action in MAIL_ACTIONS
        )
        actions += "\n"
    message.set_content(
        f"{intro.format(author=author, page=page)}\n\n{quote}\n\n{actions}"
        f"{link.format(url=admin_url)}\n"
    )
    return message


def send(message: EmailMessage) -> bool:
    """Deliver through the configured SMTP server; False (and a log line) when that fails."""
    try:
        with smtplib.SMTP(settings.SMTP_HOST, settings.SMTP_PORT, timeout=TIMEOUT) as smtp:
            if settings.SMTP_STARTTLS:
                smtp.starttls(context=ssl.create_default_context())
            if settings.SMTP_USERNAME:
                smtp.login(settings.SMTP_USERNAME, str(settings.SMTP_PASSWORD))
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("notification not sent: %s", type(exc).__name__)
        last_error.update(at=datetime.now(UTC).isoformat(timespec="seconds"), error=repr(exc))
        return False
    return True


# The latest failure to send, for the settings page: {"at": ISO time, "error": text} or empty.
last_error: dict[str, str] = {}


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


async def new_comment(comment_id: int, author: str, page: str, body: str, status: Status) -> None:
    """Send the notice without holding up the event loop (smtplib blocks)."""
    message = new_comment_message(comment_id, author, page, body, status)
    await asyncio.to_thread(send, message)

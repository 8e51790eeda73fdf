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
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid

import settings
from service import signing
from service.domain.comments import Status
from service.domain.hints import for_text

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
# What the owner needs to decide from the mail, above the links.
_FACTS = {
    "nl": {
        "rating": "Beoordeling: {stars} ({n} van 5)",
        "no_rating": "Beoordeling: geen",
        "consent": "Toestemming voor testimonial: ja (versie {version})",
        "no_consent": "Toestemming voor testimonial: nee",
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


def enabled() -> bool:
    return bool(settings.SMTP_HOST and settings.NOTIFY_EMAIL)


def new_comment_message(
    comment_id: int, author: str, page: str, body: str, status: Status, facts: Facts | None = None
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
    details = _fact_lines(lang, body, page, facts or Facts())
    message.set_content(
        f"{intro.format(author=author, page=page)}\n\n{quote}\n\n{details}{actions}"
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
        return False
    return True


async def new_comment(
    comment_id: int, author: str, page: str, body: str, status: Status, facts: Facts | None = None
) -> None:
    """Send the notice without holding up the event loop (smtplib blocks)."""
    message = new_comment_message(comment_id, author, page, body, status, facts)
    await asyncio.to_thread(send, message)

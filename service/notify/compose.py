"""What every Chorus mail shares: the headers, the links into the site, the facts quoted.

The owner's notices and the readers' mails are built on these; nothing here sends.
"""

from __future__ import annotations

import email.policy
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

import settings
from service import text
from service.domain.comments import Comment
from service.domain.hints import for_text

PREVIEW = 600  # characters of the comment quoted in the mail
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


def fact_lines(lang: str, body: str, page: str, facts: Facts) -> str:
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
        lines.append(fact("hints", hints=text.listing(lang, hints)))
    return "\n".join(lines) + "\n\n"


def enabled() -> bool:
    return bool(settings.SMTP_HOST and settings.NOTIFY_EMAIL)


def reader_mail_enabled() -> bool:
    """Whether mail to readers (manage links, reply notices) can go: a server and a sender."""
    return bool(settings.SMTP_HOST and (settings.MAIL_FROM or settings.NOTIFY_EMAIL))


# -- mail to readers, in the comment's language (nl when it has none) ---------------------------

# Long header lines are folded, not encoded: List-Unsubscribe must stay a plain <URL> (RFC 2369).
_POLICY = email.policy.default.clone(max_line_length=998)


def message_to(recipient: str, lang: str, subject: str, body: str) -> EmailMessage:
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


def site_home() -> str:
    """The owner's own site, as far as the settings know it (never a poster's page address)."""
    return settings.ALLOWED_ORIGINS[0] if settings.ALLOWED_ORIGINS else settings.PUBLIC_URL


def quote(body: str) -> str:
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

"""Mail: the owner's notices, the readers' mails and the outbox sender that sends both.

`compose` holds what every mail shares (headers, links, quoted facts), `owner_mail` and
`reader_mail` build the mail each kind of outbox row stands for, and `sender` claims due rows,
sends them within the caps and retries what failed. Callers use the names below.

Threat: header injection and HTML in mail. Messages are built with `email.message.EmailMessage`,
which encodes non-ASCII headers and refuses line breaks in them (and reader names can hold none:
the intake rules refuse control, format, line and paragraph separator characters). The body is
plain text only. Sending happens after the reader has had the answer, and a failure to build or
send is logged with the comment id, never raised and never silent: a mail server that is down
must not cost a reader their comment.
"""

from __future__ import annotations

from service.notify.compose import (
    MAIL_ACTIONS,
    Facts,
    Outgoing,
    comment_url,
    enabled,
    reader_mail_enabled,
)
from service.notify.owner_mail import digest_message, new_comment_message, test_message
from service.notify.reader_mail import invite_text, manage_link, unsubscribe_url
from service.notify.sender import deliver, last_error, message_for, send, wake

__all__ = [
    "MAIL_ACTIONS",
    "Facts",
    "Outgoing",
    "comment_url",
    "deliver",
    "digest_message",
    "enabled",
    "invite_text",
    "last_error",
    "manage_link",
    "message_for",
    "new_comment_message",
    "reader_mail_enabled",
    "send",
    "test_message",
    "unsubscribe_url",
    "wake",
]

"""Mail to the owner and her team: the new-comment notice with its one-click links, the
digest a flood folds into, account invitations and sign-in notices, paused integrations.

Each one-click link is bound to the comment's state when the notice was made, so it is dead
after any status change.
"""

from __future__ import annotations

from email.message import EmailMessage
from urllib.parse import urlsplit

import settings
from service import signing, text
from service.domain.comments import Status
from service.notify.compose import MAIL_ACTIONS, Facts, Outgoing, fact_lines, message_to, quote
from service.store import Notice, Store
from service.store.accounts import SIGNIN
from service.store.webhooks import NTFY_FAILED

DIGEST_LINES = 50  # comments named in a digest; the rest are counted


async def account_message(store: Store, notice: Notice, lang: str) -> Outgoing | None:
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
        return Outgoing(message_to(notice.recipient, lang, subject, body + "\n"))
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
    return Outgoing(message_to(found[0], lang, subject, body + "\n"))


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
            text.message(
                lang,
                "mail.owner.action_line",
                action=text.message(lang, f"mail.owner.action_{action}"),
                url=f"{settings.PUBLIC_URL}/admin/mail/"
                f"{signing.mail_link_token(comment_id, born, action, state)}",
            )
            + "\n"
            for action in MAIL_ACTIONS
        )
        actions += "\n"
    details = fact_lines(lang, body, page, facts or Facts())
    return message_to(
        settings.NOTIFY_EMAIL,
        lang,
        text.message(lang, f"mail.owner.subject_{status}", author=author),
        f"{text.message(lang, 'mail.owner.wrote', author=author, page=page)}\n\n"
        f"{quote(body)}\n\n{details}{actions}"
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
    return message_to(settings.NOTIFY_EMAIL, lang, subject, "\n".join(lines))


async def paused_message(store: Store, notice: Notice) -> Outgoing | None:
    """The owner's mail about an endpoint paused after failing; None once it is gone."""
    lang = settings.ADMIN_LANG
    page = f"{settings.PUBLIC_URL}/admin/integrations"
    if notice.status == NTFY_FAILED:
        if not settings.NTFY_URL:
            return None
        subject = text.message(lang, "mail.ntfy_failed.subject", site=settings.SITE_NAME)
        server = urlsplit(settings.NTFY_URL).hostname or ""  # no topic name, no password
        body = text.message(lang, "mail.ntfy_failed.body", server=server, page=page)
        return Outgoing(message_to(settings.NOTIFY_EMAIL, lang, subject, body + "\n"))
    found = await store.webhooks.endpoint(int(notice.status) if notice.status.isdigit() else 0)
    if found is None:
        return None
    return Outgoing(
        message_to(
            settings.NOTIFY_EMAIL,
            lang,
            text.message(lang, "mail.webhook_paused.subject", site=settings.SITE_NAME),
            text.message(lang, "mail.webhook_paused.body", url=found.url, page=page) + "\n",
        )
    )


def test_message() -> EmailMessage:
    """A short mail the owner sends from the settings page to check the mail settings."""
    lang = settings.ADMIN_LANG
    return message_to(
        settings.NOTIFY_EMAIL,
        lang,
        text.message(lang, "mail.test.subject", site=settings.SITE_NAME),
        text.message(lang, "mail.test.body", url=settings.PUBLIC_URL) + "\n",
    )

"""The comment records: statuses and their transitions, a comment, its page, the intake decision.

Pure: no I/O, no HTTP, no settings. The store returns these records; the use cases decide with them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Status(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SPAM = "spam"


@dataclass(frozen=True)
class Thread:
    id: int
    page_key: str
    title: str
    url: str


@dataclass(frozen=True)
class Comment:
    id: int
    thread_id: int
    parent_id: int | None
    author: str
    email: str
    website: str
    body: str
    html: str
    status: Status
    owner: bool
    consent: bool
    consent_at: str | None
    consent_version: str | None
    testimonial: bool
    excerpt: str
    promoted_at: str | None
    rating: int | None
    lang: str
    created_at: str
    updated_at: str
    moderated_at: str | None
    page_key: str = ""
    page_title: str = ""
    page_url: str = ""
    author_key: str = ""
    consent_withdrawn_at: str | None = None  # set when the author took consent back
    hints: str | None = None  # hint codes stored at intake; None for comments from before
    previous_body: str | None = None  # the text before the author's latest edit
    edited_at: str | None = None
    pinned_at: str | None = None  # set while the owner keeps this testimonial at the top
    display_name: str | None = None  # the name the testimonial shows; None: the default
    source: str = "comment"  # comment, invite (an invitation's story page) or collect
    invited_at: str | None = None  # when the invitation an invited story answers was made


@dataclass(frozen=True)
class Author:
    """Who a reader's own-comment action comes from: a browser's author key or a mailed address.

    Exactly one is set; the store matches comments on that one only.
    """

    key: str = ""
    email: str = ""


def status_after_edit(status: Status, moderation: str, rule_action: str = "") -> Status:
    """Where an author's edit leaves a comment: the intake decision, made again for the new text.

    An owner's rule that holds the new text sends it to spam or the queue, whatever the mode; a
    published comment goes back to the queue under `all`. An edit never publishes a comment that
    was waiting, nor brings back one the owner or intake turned away.
    """
    if status in (Status.SPAM, Status.REJECTED):
        return status
    if rule_action == "spam":
        return Status.SPAM
    if rule_action == "queue":
        return Status.PENDING
    if status == Status.APPROVED and moderation == "all":
        return Status.PENDING
    return status


# action -> (new status, the statuses it may come from)
TRANSITIONS: dict[str, tuple[Status, tuple[Status, ...]]] = {
    "approve": (Status.APPROVED, (Status.PENDING, Status.REJECTED, Status.SPAM)),
    "reject": (Status.REJECTED, (Status.PENDING, Status.APPROVED, Status.SPAM)),
    "spam": (Status.SPAM, (Status.PENDING, Status.APPROVED, Status.REJECTED)),
    "restore": (Status.PENDING, (Status.APPROVED, Status.REJECTED, Status.SPAM)),
}
BULK_ACTIONS = ("approve", "reject", "spam")


def decide_status(
    *, looks_like_spam: bool, moderation: str, trusted_author: bool, rule_action: str = ""
) -> Status:
    """The intake decision: where a validated comment goes, given the spam signals and the mode.

    `moderation` is "all" (everything waits), "first" (an author with an approved comment goes
    live) or "none" (everything goes live). Spam never goes live, whatever the mode. An owner's
    rule that matched (`rule_action` "spam" or "queue") sends the comment to spam or the queue.
    """
    if looks_like_spam or rule_action == "spam":
        return Status.SPAM
    if rule_action == "queue":
        return Status.PENDING
    if moderation == "none" or (moderation == "first" and trusted_author):
        return Status.APPROVED
    return Status.PENDING


def shown_status(status: Status) -> Status:
    """What the poster is told: spam looks like any comment waiting for review."""
    return Status.PENDING if status == Status.SPAM else status


@dataclass(frozen=True)
class ChangeScope:
    """What one committed write can have changed in public answers, when that is known.

    A write that says nothing (None) may have changed anything. An author's edit changes one
    page's comments and, when the comment was a testimonial, the testimonial lists and feeds.
    """

    pages: tuple[str, ...] = ()
    testimonials: bool = False


@dataclass(frozen=True)
class NewComment:
    """What intake stores: validated, sanitised and with the status decided."""

    page_key: str
    page_title: str
    page_url: str
    parent_id: int | None
    author: str
    email: str
    website: str
    body: str
    html: str
    status: Status
    consent: bool
    consent_version: str
    rating: int | None
    lang: str
    client_hash: str
    author_key: str
    owner: bool = False
    hints: str = ""  # hint codes, computed once at intake
    reason: str = ""  # why intake held it (an owner's rule), for the moderation log
    notify_replies: bool = False  # the author asked to hear about replies (needs an email)
    source: str = "comment"  # how it reached Chorus: comment, invite (story page), collect
    invite_id: int | None = None  # the invitation an invited story answers
    invited_at: str | None = None  # when that invitation was made
    display_name: str | None = None  # the name the writer chose on the story page (None: default)


@dataclass(frozen=True)
class Query:
    """A filter over the whole queue, as the owner's list and admin page ask for it."""

    status: Status | None = None
    testimonial: bool | None = None
    page_key: str = ""
    search: str = ""
    oldest_first: bool = False
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class LogEntry:
    """One row of the moderation log, with the author and page of comments still there."""

    id: int
    comment_id: int
    action: str
    actor: str
    from_status: str | None
    to_status: str | None
    detail: str
    created_at: str
    author: str | None
    page_title: str | None
    undoable: bool = False  # still the latest change to its comment, within the undo window

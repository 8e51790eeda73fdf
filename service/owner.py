"""The owner's use cases: every moderation action, written once.

The admin form pages, the owner JSON API and the one-click links in the owner's e-mail all call
these functions; none of them holds a business rule of its own. Each action checks what it needs,
changes the store (which writes the moderation-log row in the same transaction) and returns a
result, or raises `Refusal` saying why not.
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, NoReturn

import settings
from service import notify, sanitize, signing, text, webhooks
from service.domain.abuse import Rule, duplicate_hash, parse_rule
from service.domain.comments import (
    BULK_ACTIONS,
    TRANSITIONS,
    Comment,
    LogEntry,
    NewComment,
    Query,
    Status,
    Thread,
)
from service.domain.display_names import display_name, is_shortening
from service.domain.errors import Kind, Refusal, not_found
from service.domain.excerpts import (
    REDACTION_MARK,
    parse_excerpt,
    parse_redaction,
    passage_without,
)
from service.domain.hints import CLAIM, has_claim, refuse_unconfirmed, to_confirm
from service.domain.pages import parse_page_facts
from service.domain.privacy import Erasure
from service.domain.reports import (
    REPORT_DECISIONS,
    Grounds,
    Report,
    ReportStatus,
    decision_for,
)
from service.domain.seen import text_version
from service.domain.undo import Undone, UndoTicket
from service.domain.validation import clean_body, clean_email
from service.domain.wall import MAX_PINS, too_many_pins
from service.domain.webhooks import Event
from service.notify import MAIL_ACTIONS
from service.store import NoConsent, ParentRefused, Pinned, RuleExists, Store, now
from service.store.comments import Changed

__all__ = ["MAIL_ACTIONS", "MAX_PINS"]

MAX_BULK = 200  # comments in one bulk action
UNDO_SECONDS = 60  # how long each change can be taken back (the page promises at least 30 s)


def _ticket() -> UndoTicket:
    """A new owner action: one undo batch, however many comments it touches."""
    return UndoTicket(secrets.token_urlsafe(12), UNDO_SECONDS)


class Stale(Refusal):
    """The comment is no longer as the owner (or her notice) saw it: says why, and how it is.

    `already_handled`: a mail link's comment no longer waits. `changed_since`: its text (or,
    for a mail link, its moderation stamp) moved on since it was read. `current` is the comment
    as it is now, so a page can show the new text without asking the store again.
    """

    def __init__(self, code: str, message: str, current: Comment) -> None:
        where = "status" if code == "already_handled" else "seen"
        details = {"status": current.status.value, "seen": text_version(current.body)}
        super().__init__(where, code, message, Kind.CONFLICT, details=details)
        self.current = current


def _changed_since(current: Comment) -> Stale:
    message = "the comment changed since you read it; read it again (its new seen is given)"
    return Stale("changed_since", message, current)


def _check_seen(found: Comment, seen: str | None) -> None:
    """Refuse when the owner read another text than the comment holds now."""
    if seen is not None and text_version(found.body) != seen:
        raise _changed_since(found)


@dataclass(frozen=True)
class StatusChange:
    comment_id: int
    status: Status
    previous: Status
    undo: str = ""  # the batch that takes this change back


@dataclass(frozen=True)
class BulkResult:
    action: str
    changed: list[int]
    unchanged: list[int]
    # Comments left alone because their hints (phone, e-mail, health claim, medication) were not
    # confirmed, each with the codes still to confirm.
    skipped: dict[int, list[str]]
    undo: str = ""
    # Comments left alone because their text changed since the owner read it (`seen`).
    changed_since: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Promotion:
    excerpt: str  # "" for the whole text
    undo: str  # "" when nothing changed
    changed: bool = True  # False: it was already a testimonial with this excerpt


@dataclass(frozen=True)
class Reply:
    id: int
    undo: str


@dataclass(frozen=True)
class QueuePage:
    comments: list[Comment]
    total: int
    counts: dict[str, int]
    total_exact: bool = True  # False: at least `total` match (a search is counted only so far)


@dataclass(frozen=True)
class Card:
    """One comment as the moderation page shows it, with what the owner may do to it."""

    comment: Comment
    parent: Comment | None
    parent_missing: bool
    promote_blocked: str  # key of the reason promotion is impossible, or ""


# -- reading -------------------------------------------------------------------------------------


async def comment(store: Store, comment_id: int) -> Comment:
    """The comment, or a not-found refusal."""
    found = await store.comments.get(comment_id)
    if found is None:
        raise not_found()
    return found


async def queue(store: Store, query: Query) -> QueuePage:
    """One page of the queue, the number the filter matches, and the counts for the tabs."""
    counts = await store.queue.counts(query.page_key)
    comments, total, exact = await store.queue.page(query, counts)
    return QueuePage(comments, total, counts, exact)


def _promote_blocked(comment: Comment) -> str:
    if comment.owner or comment.testimonial:
        return "owner" if comment.owner else ""
    if not comment.consent:
        return "promote_withdrawn" if comment.consent_withdrawn_at else "promote_no_consent"
    if comment.status != Status.APPROVED:
        return "promote_not_approved"
    return ""


async def cards(store: Store, comments: list[Comment]) -> list[Card]:
    """The comments with what the page shows beside them: the parent, hints, promotability."""
    parents: dict[int, Comment | None] = {}
    result = []
    for item in comments:
        pid = item.parent_id
        if pid is not None and pid not in parents:
            parents[pid] = await store.comments.get(pid)
        parent = parents.get(pid) if pid is not None else None
        missing = pid is not None and parent is None
        result.append(Card(item, parent, missing, _promote_blocked(item)))
    return result


async def threads(store: Store) -> list[Thread]:
    """The pages with published comments: a flood's unnamed, unpublished pages stay out."""
    return await store.threads.list_published()


async def edit_page(store: Store, thread_id: int, data: Any, actor: str) -> Thread:
    """The owner sets a page's title and address; the only way they change after the first post."""
    facts = parse_page_facts(data)
    if not await store.threads.update(thread_id, facts.title, facts.url, actor):
        raise not_found("no such page", "page")
    changed = await store.threads.get_by_id(thread_id)
    assert changed is not None
    return changed


async def activity(store: Store, limit: int, before: int | None = None) -> list[LogEntry]:
    """The moderation log, newest first; rows still undoable say so."""
    await store.undo.purge()
    return await store.log.recent(limit, before)


async def export(store: Store) -> dict[str, Any]:
    """Everything, as one document: the owner's data stays the owner's."""
    return {"version": 1, "exported_at": now(), **await store.comments.export_all()}


# -- status changes ------------------------------------------------------------------------------


async def _move(
    store: Store,
    comment_id: int,
    new: Status,
    *,
    allowed_from: tuple[Status, ...],
    action: str,
    actor: str,
    body: str | None,
    undo: UndoTicket,
    state: str | None = None,
) -> Status | None:
    """One guarded status change in one unit of work; the old status, None if it did not apply.

    A comment just published owes the confirmed subscriber of its parent a notice, queued in
    the same transaction, so it exists exactly when the reply is public.
    """

    async def move() -> Status | None:
        old = await store.comments.set_status(
            comment_id,
            new,
            allowed_from=allowed_from,
            action=action,
            actor=actor,
            state=state,
            body=body,
            undo=undo,
        )
        if old is not None and new == Status.APPROVED:
            await store.subscriptions.queue_reply_notices(comment_id)
        if old is not None:
            extra = {"previous_status": old.value}
            await webhooks.queue_event(
                store, Event.COMMENT_STATUS_CHANGED, comment_id, new.value, extra
            )
        return old

    moved = await store.atomically(move)
    if moved is not None:
        webhooks.wake()
    return moved


async def change_status(
    store: Store,
    comment_id: int,
    action: str,
    actor: str,
    *,
    confirmed: frozenset[str] = frozenset(),
    seen: str | None = None,
    link_state: str | None = None,
    found: Comment | None = None,
    grounds: Grounds | None = None,
) -> StatusChange:
    """Approve, reject, mark as spam or restore one comment.

    A comment in another state is a conflict, a missing one is not found. An approval is bound
    to the text checked here, and with `seen` to the text the owner read: a text that changed
    since is refused (`changed_since`) and left as it is. Approving a comment with personal
    data or a health claim needs those hints in `confirmed`. `link_state` is a mail link's
    moderation stamp: it acts only on a comment that still waits with that stamp (else a
    `Stale` says why). `found` is the comment when the caller has just read it. With `grounds`,
    a rejection sends its author a statement of reasons (`_tell_author`).
    """
    if action not in TRANSITIONS:
        raise Refusal("action", "not_found", "no such action", Kind.NOT_FOUND)
    if grounds is not None and action != "reject":
        raise Refusal("reason", "not_taken", "only reject and delete take a reason")
    new, allowed = TRANSITIONS[action]
    if link_state is not None:
        allowed = (Status.PENDING,)
    checked: str | None = None
    if new == Status.APPROVED or link_state is not None:
        found = found or await comment(store, comment_id)
        if link_state is not None:
            _check_link(found, link_state)
        if new == Status.APPROVED and found.status in allowed:
            _check_seen(found, seen)
            refuse_unconfirmed(found.body, confirmed)
            checked = found.body
    ticket = _ticket()
    old = await _move(
        store,
        comment_id,
        new,
        allowed_from=allowed,
        action=action,
        actor=actor,
        state=link_state,
        body=checked,
        undo=ticket,
    )
    if old is None:
        current = await comment(store, comment_id)
        if link_state is not None:
            _check_link(current, link_state)
        if checked is not None and current.status in allowed and current.body != checked:
            raise _changed_since(current)
        raise Refusal(
            "status", "conflict", f"the comment is already {current.status.value}", Kind.CONFLICT
        )
    if new == Status.APPROVED:
        notify.wake()  # reply notices for subscribers up the thread wait in the outbox
    if grounds is not None:
        await _tell_author(store, found or await comment(store, comment_id), action, old, grounds)
    return StatusChange(comment_id, new, old, ticket.batch)


async def _tell_author(
    store: Store, taken: Comment, action: str, previous: Status, grounds: Grounds
) -> bool:
    """Queue a statement of reasons (DSA art. 17) for the author of a comment taken down.

    Only to an author who left an address, never about the owner's own words; in the comment's
    language. The mail names the comment by its date and quotes nothing of it, and it meets
    the caps on reader mail like every other. True when one was queued.
    """
    decision = decision_for(previous.value, action)
    if decision is None or taken.owner or not taken.email or not notify.reader_mail_enabled():
        return False
    lang = taken.lang if taken.lang in text.LANGUAGES else settings.ADMIN_LANG
    await store.reports.add_statement(
        taken.id, decision, grounds, taken.email, lang, taken.created_at
    )
    notify.wake()
    return True


# -- one-click links in the owner's notice -------------------------------------------------------


def _check_link(found: Comment, state: str) -> None:
    """Why a link made for `state` no longer acts: handled already, or changed since."""
    if found.status != Status.PENDING:
        raise Stale("already_handled", f"the comment is already {found.status.value}", found)
    if (found.moderated_at or "") != state:
        raise _changed_since(found)


async def mail_link(store: Store, link: signing.MailLink) -> Comment:
    """The comment a notice's link names while the link still acts; else a `Stale` saying why.

    `link.state` is the moderation stamp the comment had when the notice was made; a comment
    that is gone is not found. A link names the comment's birth as well as its id, so a link
    made for a deleted comment is refused, whatever comment the id may name later.
    """
    if link.action not in MAIL_ACTIONS:
        raise Refusal("action", "not_found", "no such action", Kind.NOT_FOUND)
    found = await comment(store, link.comment_id)
    if not link.names(found.created_at):
        raise Refusal(
            "token", "invalid_link", "this link is invalid or has expired", Kind.FORBIDDEN
        )
    _check_link(found, link.state)
    return found


async def act_from_mail(
    store: Store,
    found: Comment,
    action: str,
    state: str,
    *,
    confirmed: frozenset[str] = frozenset(),
    seen: str | None = None,
) -> Comment:
    """Carry out a notice's link once, on the comment `mail_link` gave; return it as it is now.

    Only while the comment still waits with the stamp and (for an approval) the text the owner
    read on the link's page; otherwise a `Stale` says why.
    """
    change = await change_status(
        store,
        found.id,
        action,
        "mail",
        confirmed=confirmed,
        seen=seen,
        link_state=state,
        found=found,
    )
    return dataclasses.replace(found, status=change.status)


def _comment_ids(value: Any) -> list[int]:
    """A list of 1 to MAX_BULK comment ids, each a whole number in the store's id range."""
    if (
        not isinstance(value, list)
        or not 0 < len(value) <= MAX_BULK
        or not all(isinstance(i, int) and not isinstance(i, bool) and 0 < i < 2**63 for i in value)
    ):
        raise Refusal("ids", "invalid", f"ids must be a list of 1 to {MAX_BULK} comment ids")
    return value


async def bulk(
    store: Store,
    ids: Any,
    action: Any,
    actor: str,
    confirmed: frozenset[str] = frozenset(),
    seen: dict[int, str] | None = None,
) -> BulkResult:
    """Approve, reject or mark as spam many comments; report which ones changed.

    Approving skips every comment whose hints need a second look not given in `confirmed`,
    and every comment whose text is no longer the one `seen` gives for it (`changed_since`).
    """
    if action not in BULK_ACTIONS:
        raise Refusal("action", "invalid", "action must be approve, reject or spam")
    new, allowed = TRANSITIONS[action]
    ids = _comment_ids(ids)
    seen = seen or {}
    ticket = _ticket()
    changed: list[int] = []
    unchanged: list[int] = []
    stale: list[int] = []
    skipped: dict[int, list[str]] = {}
    for comment_id in dict.fromkeys(ids):
        checked: str | None = None
        if new == Status.APPROVED:
            found = await store.comments.get(comment_id)
            if found is not None and found.status in allowed:
                if comment_id in seen and text_version(found.body) != seen[comment_id]:
                    stale.append(comment_id)
                    continue
                missing = [c for c in to_confirm(found.body) if c not in confirmed]
                if missing:
                    skipped[comment_id] = missing
                    continue
                checked = found.body  # bound to the text just checked, as in `change_status`
        old = await _move(
            store,
            comment_id,
            new,
            allowed_from=allowed,
            action=action,
            actor=actor,
            body=checked,
            undo=ticket,
        )
        if old is not None:
            changed.append(comment_id)
        elif checked is not None and await _text_moved(store, comment_id, checked, allowed):
            stale.append(comment_id)
        else:
            unchanged.append(comment_id)
    if new == Status.APPROVED and changed:
        notify.wake()
    batch = ticket.batch if changed else ""
    return BulkResult(action, changed, unchanged, skipped, batch, stale)


async def _text_moved(
    store: Store, comment_id: int, checked: str, allowed: tuple[Status, ...]
) -> bool:
    """Whether a guarded approval failed because the text changed in between (an edit)."""
    current = await store.comments.get(comment_id)
    return current is not None and current.status in allowed and current.body != checked


# -- undo: every change the owner makes, for UNDO_SECONDS and until the comment changes again ----


def _nothing_to_undo() -> Refusal:
    return Refusal("undo", "undo_expired", "this change can no longer be undone", Kind.CONFLICT)


async def undo(
    store: Store,
    actor: str,
    *,
    batch: Any = None,
    log_id: int | None = None,
    comment_id: int | None = None,
    expected: Status | None = None,
) -> list[Undone]:
    """Take back one owner action: by its batch (the notice), its log row (the activity page)
    or the latest change of one comment (only while it still has the `expected` status).

    Each comment goes back only while it still shows the change; a conflict when none did.
    """
    key: dict[str, Any]
    if batch is not None:
        if not isinstance(batch, str) or not 0 < len(batch) <= 64:
            raise Refusal("batch", "invalid", "batch must be the undo key of a change")
        key = {"batch": batch}
    elif log_id is not None:
        key = {"log_id": log_id}
    else:
        if comment_id is None:
            raise Refusal("batch", "required", "name the change to undo")
        if expected is not None and (await comment(store, comment_id)).status != expected:
            raise Refusal(
                "status", "conflict", "the comment changed since; nothing to undo", Kind.CONFLICT
            )
        key = {"comment_id": comment_id}

    async def work() -> tuple[list[Undone], bool]:
        # What is put back and the events that say so, in one unit of work.
        done = await store.undo.take_back(actor, **key)
        return done, await _tell_undone(store, done)

    done, told = await store.atomically(work)
    if not done:
        raise _nothing_to_undo()
    if told:
        webhooks.wake()
    return done


async def _tell_undone(store: Store, done: list[Undone]) -> bool:
    """Queue the webhook events of an undo; whether there were any.

    One per status put back; undoing a promotion takes a story off the wall (unless it only
    restored an earlier excerpt), undoing a demotion puts it back: the wall's watchers hear both.
    """
    told = False
    for back in done:
        if back.kind == "status" and back.status:
            extra = {"previous_status": back.undone_status}
            await webhooks.queue_event(
                store, Event.COMMENT_STATUS_CHANGED, back.comment_id, back.status, extra
            )
            told = True
    for back in done:
        if back.kind not in ("promote", "demote"):
            continue
        on_wall = await _is_testimonial(store, back.comment_id)
        if back.kind == "demote" and on_wall:
            await webhooks.queue_event(
                store, Event.TESTIMONIAL_PUBLISHED, back.comment_id, Status.APPROVED.value
            )
        elif back.kind == "promote" and not on_wall:
            await webhooks.queue_event(
                store,
                Event.TESTIMONIAL_WITHDRAWN,
                back.comment_id,
                Status.APPROVED.value,
                {"reason": "undone"},
            )
        told = True
    return told


async def _is_testimonial(store: Store, comment_id: int) -> bool:
    found = await store.comments.get(comment_id)
    return found is not None and bool(found.testimonial)


async def forget_expired(store: Store) -> None:
    """Erase undo data whose window has ended (a redaction's cut words go for good)."""
    await store.undo.purge()


async def delete(store: Store, comment_id: int, actor: str, grounds: Grounds | None = None) -> None:
    """Delete a comment for good; its replies stay, moved up to the top level.

    With `grounds`, its author is sent a statement of reasons, made from what was read just
    before (the comment itself is gone by the time the mail goes).
    """
    found = await store.comments.get(comment_id)

    async def remove() -> bool:
        if not await store.comments.delete(comment_id, actor):
            return False
        await webhooks.withdrawn(store, found, "deleted")
        await webhooks.forget(store, [comment_id])
        return True

    if not await store.atomically(remove):
        raise not_found()
    webhooks.wake()
    if found is not None and grounds is not None:
        await _tell_author(store, found, "delete", found.status, grounds)


# -- reports (DSA art. 16) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Reported:
    """A published comment readers reported, with every open report about it."""

    card: Card
    reports: list[Report]

    @property
    def reasons(self) -> list[str]:
        return sorted({r.reason for r in self.reports})


async def reported(store: Store) -> list[Reported]:
    """The comments with open reports, the longest-waiting first, each with its reports."""
    by_comment: dict[int, list[Report]] = {}
    for report in await store.reports.open_reports():
        by_comment.setdefault(report.comment_id, []).append(report)
    found = [c for c in [await store.comments.get(i) for i in by_comment] if c is not None]
    return [Reported(card, by_comment[card.comment.id]) for card in await cards(store, found)]


async def count_reported(store: Store) -> int:
    """How many comments wait for an answer to a report (the Reported tab's count)."""
    return await store.reports.count_open()


@dataclass(frozen=True)
class ReportDecision:
    report_id: int
    comment_id: int
    decision: str
    settled: int  # the open reports about the comment this decision closed
    undo: str = ""  # an unpublishing can be taken back like any status change


async def decide_report(
    store: Store, report_id: int, decision: str, actor: str, grounds: Grounds | None = None
) -> ReportDecision:
    """Answer a report: dismiss it, unpublish the comment (reject it) or delete the comment.

    The decision is about the comment, so it closes every open report about it, and it is
    logged. Unpublishing and deleting with `grounds` send the author a statement of reasons.
    """
    if decision not in REPORT_DECISIONS:
        raise Refusal("action", "not_found", "no such decision", Kind.NOT_FOUND)
    report = await store.reports.get(report_id)
    if report is None:
        raise not_found("no such report")
    if report.status != ReportStatus.OPEN:
        raise Refusal(
            "status", "conflict", f"the report is already {report.status.value}", Kind.CONFLICT
        )
    if grounds is not None and decision == "dismiss":
        raise Refusal("reason", "not_taken", "dismissing takes down nothing: it takes no reason")
    undo_batch = ""
    if decision == "unpublish":
        change = await change_status(store, report.comment_id, "reject", actor, grounds=grounds)
        undo_batch = change.undo
    elif decision == "delete":
        await delete(store, report.comment_id, actor, grounds)
    settled = await store.reports.settle(report.comment_id, REPORT_DECISIONS[decision], actor)
    return ReportDecision(report_id, report.comment_id, decision, settled, undo_batch)


# -- testimonials --------------------------------------------------------------------------------


def claim_free_passage(body: str, passage: str = "") -> str:
    """The longest run of whole sentences of what would be promoted that makes no health claim.

    "" when there is none, or when it would be no valid excerpt of the story.
    """
    offer = passage_without(passage or body, has_claim)
    if not offer:
        return ""
    try:
        return parse_excerpt(body, offer)
    except Refusal:
        return ""


def _second_look_promotion(body: str, passage: str, confirmed: frozenset[str]) -> None:
    """Ask once more for what goes onto the homepage; a health claim comes with the sentences
    without it, offered as the excerpt (`excerpt_without_claim`)."""
    try:
        refuse_unconfirmed(passage or body, confirmed)
    except Refusal as asked:
        if CLAIM.code in asked.details.get("hints", []):
            asked.details["excerpt_without_claim"] = claim_free_passage(body, passage) or None
            asked.message += (
                "; a health claim may not be repeated as advertising (EU regulation 1924/2006): "
                "excerpt_without_claim is the passage without it"
            )
        raise


async def promote(
    store: Store,
    comment_id: int,
    excerpt: Any,
    actor: str,
    confirmed: frozenset[str] = frozenset(),
    seen: str | None = None,
) -> Promotion:
    """Make a consented, approved comment a testimonial, optionally with a passage as excerpt.

    What goes onto the homepage (the passage, else the whole text) must have its personal data
    and health claims confirmed, and with `seen` be the text the owner read. Returns the
    excerpt kept ("" for the whole text) and the undo batch. Promoting a testimonial again
    with the excerpt it has is a no-op: nothing is written, logged or made undoable; so is
    the second of two promotions at once that choose the same passage.
    """
    found = await comment(store, comment_id)
    _check_seen(found, seen)
    passage = parse_excerpt(found.body, excerpt)
    if passage == " ".join(found.body.split()):
        passage = ""  # the whole text: no excerpt needed
    if found.testimonial and found.status == Status.APPROVED and found.excerpt == passage:
        return Promotion(passage, "", changed=False)
    if found.status == Status.APPROVED and found.consent and not found.owner:
        _second_look_promotion(found.body, passage, confirmed)
    ticket = _ticket()
    try:
        promoted = await _told(
            store,
            lambda: store.comments.promote(comment_id, passage, actor, ticket, seen=found),
            Event.TESTIMONIAL_PUBLISHED,
            comment_id,
        )
    except NoConsent:
        if found.consent_withdrawn_at:
            raise Refusal(
                "consent",
                "consent_withdrawn",
                "the author withdrew consent to testimonial use",
                Kind.CONFLICT,
            ) from None
        raise Refusal(
            "consent", "no_consent", "the author did not agree to testimonial use", Kind.CONFLICT
        ) from None
    except Changed:
        current = await comment(store, comment_id)
        if current.body == found.body and current.testimonial and current.excerpt == passage:
            return Promotion(passage, "", changed=False)  # the same promotion, made at once
        raise _changed_since(current) from None
    if not promoted:
        raise Refusal(
            "status", "not_approved", "only approved comments can be testimonials", Kind.CONFLICT
        )
    return Promotion(passage, ticket.batch)


async def _told(
    store: Store,
    change: Callable[[], Awaitable[bool]],
    event: Event,
    comment_id: int,
    extra: dict[str, Any] | None = None,
) -> bool:
    """Make a testimonial `change` and queue its webhook event in one unit of work: the event
    exists exactly when the change does (the store's own transaction becomes part of it)."""

    async def work() -> bool:
        if not await change():
            return False
        await webhooks.queue_event(store, event, comment_id, Status.APPROVED.value, extra)
        return True

    changed = await store.atomically(work)
    if changed:
        webhooks.wake()
    return changed


async def demote(store: Store, comment_id: int, actor: str) -> str:
    """Take a comment off the testimonials; returns the undo batch."""
    ticket = _ticket()
    demoted = await _told(
        store,
        lambda: store.comments.demote(comment_id, actor, ticket),
        Event.TESTIMONIAL_WITHDRAWN,
        comment_id,
        {"reason": "demoted"},
    )
    if not demoted:
        await comment(store, comment_id)
        raise Refusal("testimonial", "conflict", "the comment is not a testimonial", Kind.CONFLICT)
    return ticket.batch


async def pin(store: Store, comment_id: int, actor: str) -> bool:
    """Keep a published testimonial at the top of the wall; False when it already was.

    At most MAX_PINS are pinned: one more is refused (409 `too_many_pins`) until one is unpinned.
    """
    done = await store.pins.pin(comment_id, actor, MAX_PINS)
    if done == Pinned.FULL:
        raise too_many_pins()
    if done == Pinned.NOT_SHOWN:
        await _not_a_testimonial(store, comment_id)
    return done == Pinned.DONE


async def _not_a_testimonial(store: Store, comment_id: int) -> NoReturn:
    """Refuse a pin or unpin: 404 for no such comment, else 409 (not a published testimonial)."""
    await comment(store, comment_id)
    raise Refusal(
        "testimonial",
        "not_testimonial",
        "only a published testimonial can be pinned",
        Kind.CONFLICT,
    )


async def unpin(store: Store, comment_id: int, actor: str) -> bool:
    """Let a testimonial take its place by date again; False when it was not pinned."""
    done = await store.pins.unpin(comment_id, actor)
    if done == Pinned.NOT_SHOWN:
        await _not_a_testimonial(store, comment_id)
    return done == Pinned.DONE


# -- the name a testimonial shows ----------------------------------------------------------------

MAX_DISPLAY_NAME = 200  # characters; a shortening is never longer than the name itself


@dataclass(frozen=True)
class NameChange:
    display_name: str | None  # None: the default shortening
    shown: str  # the name the testimonial shows now
    undo: str


def parse_display_name(author: str, value: Any) -> str | None:
    """The owner's choice of name: a shortening of `author`'s own, "a client", or empty (None).

    Words are dropped or cut to an initial, never added or changed: the owner may not put a name
    on a story that its author did not write.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise Refusal("display_name", "invalid", "display_name must be a string or null")
    name = " ".join(value.split())
    if not name:
        return None
    if len(name) > MAX_DISPLAY_NAME or not is_shortening(author, name, text.client_words()):
        raise Refusal(
            "display_name",
            "not_a_shortening",
            "display_name may only drop words of the author's name or cut them to an initial, "
            'or be "a client"',
            Kind.INVALID,
        )
    return name


async def set_display_name(store: Store, comment_id: int, value: Any, actor: str) -> NameChange:
    """Change the name a testimonial shows; empty or null puts the default back. Undoable."""
    found = await comment(store, comment_id)
    if found.owner:
        raise not_found("no such reader comment")
    chosen = parse_display_name(found.author, value)
    shown = display_name(found.author, chosen, text.client_word(found.lang or settings.ADMIN_LANG))
    ticket = _ticket()
    if not await store.display_names.set(comment_id, chosen, shown, actor, ticket):
        raise not_found("no such reader comment")
    return NameChange(chosen, shown, ticket.batch)


async def ask_consent(store: Store, comment_id: int, actor: str) -> None:
    """Mail the author a request to consent (again) to testimonial use, with a manage link.

    Only to an address its reader has confirmed (a confirmed reply subscription): anyone can
    type an address into a comment form, and the owner's request must not reach a stranger.
    In the story's language, through the outbox, under the caps on reader mail.
    """
    found = await comment(store, comment_id)
    if found.owner or found.parent_id is not None:
        raise Refusal(
            "comment", "not_a_story", "only a reader's story can carry consent", Kind.CONFLICT
        )
    if found.consent:
        raise Refusal("consent", "consent_given", "the author consents already", Kind.CONFLICT)
    if not found.email:
        raise Refusal("email", "no_address", "the author left no e-mail address", Kind.CONFLICT)
    if not notify.reader_mail_enabled():
        raise Refusal("email", "mail_off", "this service cannot mail readers", Kind.CONFLICT)
    if not await store.reports.address_confirmed(found.email):
        raise Refusal(
            "email",
            "address_unconfirmed",
            "the author never confirmed this address (by a reply subscription)",
            Kind.CONFLICT,
        )
    lang = found.lang if found.lang in text.LANGUAGES else settings.ADMIN_LANG
    await store.outbox.ask_consent(found.id, found.email, lang, actor)
    notify.wake()


# -- the owner's own words -----------------------------------------------------------------------


async def reply(
    store: Store,
    parent_id: int,
    body: Any,
    actor: str,
    confirmed: frozenset[str] = frozenset(),
    author: str = "",
) -> Reply:
    """The owner's reply under an approved comment, published at once, marked and logged.

    It is signed `author` (the display name of the account that wrote it), else OWNER_NAME.

    Her own words get the second look a reader's get before they go out: a reply with a phone
    number, an e-mail address, a health claim or medication needs those hints in `confirmed`.
    """
    text = clean_body({"body": body}, settings.MAX_BODY_LENGTH, settings.MAX_LINKS)
    parent = await comment(store, parent_id)
    if parent.status != Status.APPROVED:
        raise Refusal(
            "parent", "not_published", "approve the comment before replying to it", Kind.CONFLICT
        )
    refuse_unconfirmed(text, confirmed)
    new = NewComment(
        page_key=parent.page_key,
        page_title="",
        page_url="",
        parent_id=parent.id,
        author=author or settings.OWNER_NAME,
        email="",
        website="",
        body=text,
        html=sanitize.render(text),
        status=Status.APPROVED,
        consent=False,
        consent_version="",
        rating=None,
        lang="",
        client_hash="",
        author_key="",
        owner=True,
    )
    key = duplicate_hash(new.parent_id, new.body)

    async def add() -> int | None:
        if await store.comments.check_parent(parent.id, parent.page_key):
            raise ParentRefused("the comment is no longer published")
        added = await store.comments.add(new, key)
        if added is None:
            return None
        # The owner's reply is published at once: the parent's subscriber hears of it.
        await store.subscriptions.queue_reply_notices(added.comment_id)
        return added.comment_id

    try:
        reply_id = await store.atomically(add)
    except ParentRefused:
        raise Refusal("parent", "not_found", "no such comment", Kind.NOT_FOUND) from None
    if reply_id is None:
        raise Refusal("body", "duplicate", "you already posted this reply", Kind.CONFLICT)
    ticket = _ticket()
    await store.log.record_reply(reply_id, parent.id, actor, ticket)
    notify.wake()  # the reply's notices go out now, not at the outbox's next look
    return Reply(reply_id, ticket.batch)


@dataclass(frozen=True)
class Redaction:
    comment_id: int
    body: str
    html: str
    undo: str


async def redact(store: Store, comment_id: int, draft: Any, actor: str) -> Redaction:
    """Cut passages (a phone number, a surname) from a reader's text; never add a word.

    An excerpt stays only while its words are still all there.
    """
    found = await comment(store, comment_id)
    if found.owner:
        raise not_found("no such reader comment")
    body = parse_redaction(
        found.body, {"body": draft}, settings.MAX_BODY_LENGTH, settings.MAX_LINKS
    )
    kept = found.excerpt if found.excerpt and found.excerpt in " ".join(body.split()) else ""
    cuts = body.count(REDACTION_MARK) - found.body.count(REDACTION_MARK)
    html = sanitize.render(body)
    ticket = _ticket()
    if not await store.comments.redact(found.id, body, html, kept, max(cuts, 0), actor, ticket):
        raise not_found("no such reader comment")
    return Redaction(found.id, body, html, ticket.batch)


# -- the owner's own rules -------------------------------------------------------------------------

MAX_RULES = 500  # rules one site may keep; each post is checked against all of them


async def rules(store: Store) -> list[Rule]:
    """The owner's word, phrase and link-domain rules."""
    return await store.rules.list_all()


async def add_rule(store: Store, kind: Any, value: Any, action: Any) -> Rule:
    """Add a rule that sends matching comments to spam or to the queue from now on."""
    rule_kind, text, rule_action = parse_rule(kind, value, action)
    if len(await store.rules.list_all()) >= MAX_RULES:
        raise Refusal("value", "too_many_rules", f"keep at most {MAX_RULES} rules", Kind.CONFLICT)
    try:
        rule_id = await store.rules.add(rule_kind, text, rule_action)
    except RuleExists as exc:
        raise Refusal("value", "rule_exists", str(exc), Kind.CONFLICT) from None
    return Rule(rule_id, rule_kind, text, rule_action)


async def delete_rule(store: Store, rule_id: int) -> None:
    if not await store.rules.delete(rule_id):
        raise not_found("no such rule")


# -- a reader's privacy request ------------------------------------------------------------------


def reader_email(value: Any) -> str:
    """The address a privacy request is about: a valid e-mail address, required."""
    # An address stored before intake refused ?, &, = ... must stay findable and erasable.
    email = clean_email({"email": value}, stored=True)
    if not email:
        raise Refusal("email", "required", "email is required")
    return email


async def find_reader(store: Store, email: str) -> dict[str, Any]:
    """Everything tied to an address: comments with their consents, subscriptions, log rows."""
    return {"email": email, **await store.privacy.find(email)}


async def export_reader(store: Store, email: str) -> dict[str, Any]:
    """The same, as one document for the reader (a data-access request)."""
    return {"version": 1, "exported_at": now(), **await find_reader(store, email)}


async def erase_reader(store: Store, email: str, keep_anonymised: Any, actor: str) -> Erasure:
    """Erase an address's data: comments deleted, or kept as "a reader" when the owner chooses.

    The log keeps only that an erasure happened (and how many comments), never the address.
    """
    if not isinstance(keep_anonymised, bool):
        raise Refusal("keep_anonymised", "not_a_boolean", "keep_anonymised must be true or false")
    name = text.message(settings.ADMIN_LANG, "owner.anonymous") if keep_anonymised else None

    async def erase() -> Erasure:
        ids = await store.privacy.comment_ids(email)
        found = [await store.comments.get(i) for i in ids]
        done = await store.privacy.erase(email, name, actor)
        for before in found:
            await webhooks.withdrawn(store, before, "erased")
        await webhooks.forget(store, ids)
        return done

    done = await store.atomically(erase)
    webhooks.wake()
    return done

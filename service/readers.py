"""The reader's use cases: submit, see one's own, edit, withdraw consent, delete, manage by mail.

Each is written once and called by the public JSON handlers. The intake decision itself (spam or
not, pending or live) is the domain's pure `decide_status`; this module gathers its inputs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import settings
from service import notify, sanitize, signing, text, webhooks
from service.domain import hints
from service.domain.abuse import (
    RenderBounds,
    Rule,
    check_renderable,
    duplicate_hash,
    matching_rule,
    pow_bits,
    pow_solved,
)
from service.domain.addresses import address_key
from service.domain.comments import (
    Author,
    Comment,
    NewComment,
    Status,
    decide_status,
    shown_status,
    status_after_edit,
)
from service.domain.errors import Kind, Refusal, not_found
from service.domain.honesty import Summary
from service.domain.invites import Origin
from service.domain.names import refuse_hidden_characters, refuse_impersonation
from service.domain.pages import own_page_url
from service.domain.reports import parse_report
from service.domain.validation import IntakeRules, clean_body, clean_email, parse_submission
from service.domain.wall import Wall
from service.domain.webhooks import Event
from service.store import (
    UNAVAILABLE,
    Duplicate,
    Store,
    TooLate,
    later,
)

log = logging.getLogger("chorus.readers")
MAX_TESTIMONIALS = 50  # per page of /api/testimonials
POSTING = "post"  # the per-client limiter's name in the shared counters
REPORTING = "report"  # the same for reports, with the same limits but a budget of its own
SITE_POSTS = "site-posts"  # every post to the site, for POW=auto
SITE = "site"
RENDER_BOUNDS = RenderBounds(max_lines=100, max_markup=200)
# "Manage my comments" mails: at most 3 an hour per address, and 10 an hour per client, counted
# in the shared counters like every other limit.
MANAGE_PER_ADDRESS = 3
MANAGE_PER_CLIENT = 10
MANAGE_ACTIONS = ("withdraw_consent", "give_consent", "delete", "edit")


def intake_rules() -> IntakeRules:
    """The site's limits for a submission, from the settings as they are now."""
    return IntakeRules(
        max_body=settings.MAX_BODY_LENGTH,
        max_name=settings.MAX_NAME_LENGTH,
        max_links=settings.MAX_LINKS,
        ratings=settings.RATINGS,
        consent_version=settings.CONSENT_VERSION,
    )


@dataclass(frozen=True)
class Submitted:
    """A stored comment: its id, the status the poster is told, and their author token."""

    comment_id: int
    status: Status
    author_token: str


async def current_pow_bits(store: Store) -> int:
    """The puzzle's difficulty for a form handed out now (0 when proof of work is off)."""
    if settings.POW == "off":
        return 0
    recent = 0
    if settings.POW == "auto":
        recent = await store.counters.peek(SITE_POSTS, SITE, settings.RATE_LIMIT_WINDOW)
    return pow_bits(settings.POW, settings.POW_BITS, recent, settings.POW_NORMAL_POSTS)


async def _count_attempt(store: Store, client: str) -> None:
    """One atomic check-and-count for every attempt, refused ones included.

    Only an attempt within the client's own limit counts toward the site-wide rate that
    POW=auto reads: otherwise one client hammering away would raise the puzzle for everyone.
    """
    window = settings.RATE_LIMIT_WINDOW
    wait = await store.counters.hit(POSTING, client, settings.RATE_LIMIT_POSTS, window)
    if wait:
        raise _rate_limited(wait)
    if settings.POW == "auto":
        await store.counters.hit(SITE_POSTS, SITE, 2**62, window)


@dataclass(frozen=True)
class Words:
    """A reader's text that passed intake's checks: the owner's rule that holds it, its hints."""

    body: str
    rule: Rule | None
    hints: str

    @property
    def rule_action(self) -> str:
        return self.rule.action.value if self.rule else ""

    @property
    def reason(self) -> str:
        return self.rule.reason if self.rule else ""


async def _check_words(store: Store, body: str, website: str) -> Words:
    """The one check of a reader's words, for a new comment and an edit alike (R-13).

    The render bounds (a text far costlier to render than its length), the owner's rules and
    the hints for the owner's second look; the caller has counted the attempt first.
    """
    check_renderable("body", body, RENDER_BOUNDS)
    rule = matching_rule(await store.rules.list_all(), body, website)
    return Words(body, rule, hints.codes(hints.for_text(body)))


def _read_form_token(token: str, answer: str, bits: int) -> signing.FormToken:
    """Check the form token's signature and age and its puzzle (no I/O; spent later)."""
    found = signing.read_form_token(token)
    if found is None:
        raise Refusal("form_token", "expired", "the form has expired; please send it again")
    bits = max(found.pow_bits, bits)
    if not pow_solved(token, answer, bits):
        raise Refusal("pow", "pow_required", f"solve the form's puzzle ({bits} bits) first")
    return found


def _token_used() -> Refusal:
    return Refusal("form_token", "used", "this form was already sent; please send it again")


def _duplicate() -> Refusal:
    return Refusal("body", "duplicate", "this text was already posted here", Kind.CONFLICT)


def _rate_limited(wait: int) -> Refusal:
    return Refusal(
        None,
        "rate_limited",
        f"too many comments from here; try again in {wait} seconds",
        Kind.RATE_LIMITED,
        retry_after=wait,
    )


@dataclass(frozen=True)
class _Taken:
    """What the intake's unit of work did: the new id, or why it stored nothing."""

    comment_id: int = 0
    wait: int = 0  # over the client's limit: seconds until it may post again
    used: bool = False  # the form token was spent before
    parent: str = ""  # why the comment it answers cannot be answered
    duplicate: bool = False  # the same words are already in the same place


class _InviteSpent(Exception):
    """The invitation was used up, withdrawn or expired while its story was being taken in."""


def _invite_spent() -> Refusal:
    return Refusal("invite", "used", "this invitation was already used", Kind.CONFLICT)


async def submit(store: Store, data: Any, client: str, origin: Origin | None = None) -> Submitted:
    """Take a reader's comment: validate, decide, sanitise, then one unit of work.

    Everything is decided before the transaction (validation, the token's signature, the
    owner's rules, hints, the status, the rendering, the duplicate key), so the writer only
    runs statements, all of one comment in one trip: the attempt counted, the form token spent,
    the comment stored (a duplicate is found by the INSERT itself), and what this use case
    decides goes with it: the owner's notice, the intake log, the reply subscription, the
    notices of a published reply. The notice is queued in that transaction; the outbox sender
    mails it later, so a slow mail server never holds up a reader and a restart loses no
    notice. Every attempt is counted, refused ones included (`_count_attempt` for a refusal
    before the transaction), and a client over its limit is refused before any other work.
    """
    # With counters in Redis, the limit and the token are checked there, first.
    inline = store.counters.where == "database"
    if not inline or store.counters.known_over(POSTING, client):
        await _count_attempt(store, client)
    try:
        submission = parse_submission(data, intake_rules())
        # The name goes into the owner's mail headers and stands under the reader's words.
        refuse_hidden_characters("author", submission.author)
        refuse_impersonation("author", submission.author, (settings.OWNER_NAME, settings.SITE_NAME))
        words = await _check_words(store, submission.body, submission.website)
        # An invitation's link is its own proof: the story page asks no puzzle of its client.
        invited = origin is not None and origin.invite_id is not None
        bits = 0 if invited else await current_pow_bits(store)
        form = _read_form_token(submission.form_token, submission.pow, bits)
    except Refusal:
        if inline:
            await _count_attempt(store, client)
        raise
    if not inline and not await store.counters.spend_token(form.nonce, signing.FORM_MAX_AGE):
        raise _token_used()
    spam = bool(submission.honeypot) or form.age < settings.FORM_MIN_SECONDS
    author_key = signing.read_author_token(submission.author_token) or signing.new_key()
    trusted = (
        not spam
        and settings.MODERATION == "first"
        and await store.comments.author_is_trusted(author_key, submission.author, submission.email)
    )
    status = decide_status(
        looks_like_spam=spam,
        moderation=settings.MODERATION,
        trusted_author=trusted,
        rule_action=words.rule_action,
    )
    new = NewComment(
        page_key=submission.page,
        page_title=submission.page_title,
        # Offered only: a published comment names an unnamed page, and only with an address on
        # the site itself.
        page_url=own_page_url(submission.page_url, settings.PUBLIC_URL, settings.ALLOWED_ORIGINS),
        parent_id=submission.parent,
        author=submission.author,
        email=submission.email,
        website=submission.website,
        body=submission.body,
        html=sanitize.render(submission.body),
        status=status,
        consent=submission.consent,
        consent_version=submission.consent_version,
        rating=submission.rating,
        lang=submission.lang,
        client_hash=client,
        author_key=author_key,
        hints=words.hints,
        reason=words.reason,
        # Without a mail server there is nothing to confirm with: the wish is not recorded.
        notify_replies=(
            submission.notify_replies
            and notify.reader_mail_enabled()
            and bool(submission.email)
            and status != Status.SPAM
        ),
        source=origin.source.value if origin else "comment",
        invite_id=origin.invite_id if origin else None,
        invited_at=origin.invited_at if origin else None,
        display_name=origin.display_name if origin else None,
    )
    key = duplicate_hash(new.parent_id, new.body)
    notice = status != Status.SPAM and notify.enabled()
    publishes_reply = new.parent_id is not None and status == Status.APPROVED
    window = settings.RATE_LIMIT_WINDOW

    async def take() -> _Taken:
        if inline:
            wait = await store.counters.hit(POSTING, client, settings.RATE_LIMIT_POSTS, window)
            if wait:
                return _Taken(wait=wait)
            if settings.POW == "auto":
                await store.counters.hit(SITE_POSTS, SITE, 2**62, window)
            if not await store.counters.spend_token(form.nonce, signing.FORM_MAX_AGE):
                return _Taken(used=True)
        if new.parent_id is not None:
            refused = await store.comments.check_parent(new.parent_id, new.page_key)
            if refused:
                return _Taken(parent=refused)
        added = await store.comments.add(new, key)
        if added is None:
            return _Taken(duplicate=True)
        if new.invite_id is not None and not await store.invites.answer(
            new.invite_id, added.comment_id
        ):
            raise _InviteSpent  # undoes the comment with the rest of this unit of work
        if notice:
            await store.outbox.queue_notice(added.comment_id, status.value)
        await webhooks.queue_event(store, Event.COMMENT_CREATED, added.comment_id, status.value)
        if new.reason:
            # Why intake held the comment (an owner's rule), beside what the owner does.
            await store.log.write(
                added.comment_id, "intake", "rules", None, status.value, new.reason
            )
        if new.notify_replies:
            await store.subscriptions.subscribe(
                added.comment_id, added.thread_id, new.email, new.lang
            )
        if publishes_reply:
            await store.subscriptions.queue_reply_notices(added.comment_id)
        return _Taken(added.comment_id)

    try:
        taken = await store.atomically(take)
    except _InviteSpent:
        raise _invite_spent() from None
    except UNAVAILABLE as failure:
        taken = _Taken(await store.comments.stored_despite(failure, new.page_key, key, author_key))
    if taken.wait:
        raise _rate_limited(taken.wait)
    if taken.used:
        raise _token_used()
    if taken.parent:
        raise Refusal("parent", "not_found", taken.parent)
    if taken.duplicate:
        raise _duplicate()
    notify.wake()
    webhooks.wake()
    return Submitted(taken.comment_id, shown_status(status), signing.author_token(author_key))


def _author_key(token: Any) -> str:
    """The author key behind a valid author token, or a refusal."""
    key = signing.read_author_token(token) if isinstance(token, str) and token else None
    if key is None:
        raise Refusal("author_token", "invalid", "author_token is not valid", Kind.FORBIDDEN)
    return key


def by_token(token: Any) -> Author:
    """The author a browser's author token stands for, or a refusal."""
    return Author(key=_author_key(token))


async def published(store: Store, page: str) -> list[Comment]:
    """A page's approved comments, oldest first."""
    return await store.comments.list_approved(page)


MAX_COUNT_PAGES = 100  # page keys in one GET /api/counts


async def approved_counts(store: Store, pages: list[str]) -> tuple[dict[str, int], bool]:
    """How many published comments each page has (0 for a page without any), and whether
    every page has a thread (so the list is fit to be a cache key)."""
    found = await store.comments.count_approved(pages)
    return {page: found.get(page, 0) for page in pages}, len(found) == len(set(pages))


async def page_exists(store: Store, page: str) -> bool:
    """Whether a page has a thread (so its key is a real one, fit to be a cache key)."""
    return await store.threads.get(page) is not None


async def is_known_wall(store: Store, wall: Wall) -> bool:
    """Whether a wall filter names only what exists (so it is fit to be part of a cache key)."""
    return not wall.page_key or await page_exists(store, wall.page_key)


async def is_testimonial(store: Store, comment_id: int) -> bool:
    """Whether an id is a testimonial's (so a `before` cursor is one we could have handed out)."""
    return await store.comments.is_testimonial(comment_id)


async def own_on_page(store: Store, page: str, author_token: str) -> list[Comment]:
    """The caller's own comments on a page, waiting or published (for the widget's own tools)."""
    return await store.comments.list_own_on_page(page, _author_key(author_token))


def edit_until(comment: Comment) -> str:
    """Until when the author may still edit `comment` (UTC, the store's time format)."""
    posted = datetime.strptime(comment.created_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return (posted + timedelta(minutes=settings.EDIT_WINDOW)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


async def withdraw_consent(store: Store, comment_id: int, who: Author) -> None:
    """The author takes back testimonial consent; the story leaves every testimonial list."""

    async def withdraw() -> bool:
        found = await store.comments.get(comment_id)
        if not await store.comments.withdraw_consent(comment_id, who):
            return False
        # Consent given for a story never made a testimonial takes nothing off the lists.
        await webhooks.withdrawn(store, found, "consent_withdrawn")
        return True

    if not await store.atomically(withdraw):
        raise not_found("no comment of yours with consent to withdraw")
    webhooks.wake()


async def give_consent(store: Store, comment_id: int, who: Author) -> None:
    """The author agrees again to testimonial use, to today's consent wording (CONSENT_VERSION)."""
    if not await store.comments.give_consent(comment_id, who, settings.CONSENT_VERSION):
        raise not_found("no story of yours without consent")


async def delete_own(store: Store, comment_id: int, who: Author) -> None:
    """The author deletes their own comment, whatever its status."""

    async def remove() -> bool:
        found = await store.comments.get(comment_id)
        if not await store.comments.delete_own(comment_id, who):
            return False
        await webhooks.withdrawn(store, found, "deleted_by_author")
        await webhooks.forget(store, [comment_id])
        return True

    if not await store.atomically(remove):
        raise not_found("no comment of yours with this id")
    webhooks.wake()


def edit_deadline(created_at: str) -> bool:
    """Whether a comment posted at `created_at` may still be edited now."""
    return created_at >= _edit_since()


def _edit_since() -> str:
    return later(-settings.EDIT_WINDOW * 60)


async def edit_own(store: Store, comment_id: int, who: Author, body: Any, client: str) -> Status:
    """The author rewrites their comment within EDIT_WINDOW minutes of posting it.

    An edit is a second door for the reader's words, so it passes the same intake as a new
    comment (`_count_attempt`, the same validation, `_check_words`): the client's limit, the
    render bounds, the owner's rules and fresh hints. Where it lands is decided again
    (`status_after_edit`); under MODERATION=all a published comment goes back to the queue and
    the owner sees the text before the edit. The store stamps the change, so a notice's mail
    links made for the old text no longer act. Returns the status the author is told.
    """
    await _count_attempt(store, client)
    text = clean_body({"body": body}, settings.MAX_BODY_LENGTH, settings.MAX_LINKS)
    current = await store.comments.get(comment_id)
    words = await _check_words(store, text, current.website if current else "")

    def decide(status: Status) -> Status:
        return status_after_edit(status, settings.MODERATION, words.rule_action)

    try:
        status = await store.comments.edit_own(
            comment_id,
            who,
            text,
            sanitize.render(text),
            since=_edit_since(),
            decide=decide,
            hints=words.hints,
            reason=words.reason,
        )
    except TooLate:
        raise Refusal(
            "body",
            "edit_window_closed",
            f"comments can be edited for {settings.EDIT_WINDOW} minutes after posting",
            Kind.CONFLICT,
        ) from None
    except Duplicate:
        raise Refusal(
            "body", "duplicate", "this text was already posted here", Kind.CONFLICT
        ) from None
    if status is None:
        raise not_found("no comment of yours with this id")
    return shown_status(status)


# -- reports (DSA art. 16) -------------------------------------------------------------------------


async def submit_report(store: Store, data: Any, client: str) -> None:
    """Take a reader's report about a published comment, for the owner's Reported tab.

    The same defences as a comment: the client's limit counted first, every field checked,
    a single-use form token that must not come back too fast, a honeypot. A report that trips
    the last two is answered like any other and kept nowhere. No puzzle: the report page works
    without JavaScript. An acknowledgement goes only to an address its reader has confirmed
    (a confirmed reply subscription), so a report cannot make the site mail a stranger.
    """
    window = settings.RATE_LIMIT_WINDOW
    wait = await store.counters.hit(REPORTING, client, settings.RATE_LIMIT_POSTS, window)
    if wait:
        raise Refusal(
            None,
            "rate_limited",
            f"too many reports from here; try again in {wait} seconds",
            Kind.RATE_LIMITED,
            retry_after=wait,
        )
    report = parse_report(data)
    found = signing.read_form_token(report.form_token)
    if found is None:
        raise Refusal("form_token", "expired", "the form has expired; please send it again")
    if not await store.counters.spend_token(found.nonce, signing.FORM_MAX_AGE):
        raise Refusal("form_token", "used", "this form was already sent; please send it again")
    if report.honeypot or found.age < settings.FORM_MIN_SECONDS:
        return
    acknowledge = (
        bool(report.email)
        and notify.reader_mail_enabled()
        and await store.reports.address_confirmed(report.email)
    )
    extra = {"report": {"reason": report.reason}}

    async def take() -> bool:
        # The report and its webhook event in one unit of work: neither exists without the other.
        if await store.reports.add(report, client, acknowledge=acknowledge) is None:
            return False
        await webhooks.queue_event(
            store, Event.REPORT_CREATED, report.comment_id, Status.APPROVED.value, extra
        )
        return True

    if not await store.atomically(take):
        raise Refusal(
            "comment_id", "not_found", "no published comment with this id", Kind.NOT_FOUND
        )
    webhooks.wake()
    if acknowledge:
        notify.wake()


async def reported_comment(store: Store, comment_id: int) -> Comment | None:
    """The published comment a report page is about, or None (nothing else is shown)."""
    found = await store.comments.get(comment_id)
    return found if found is not None and found.status == Status.APPROVED else None


def report_form_token() -> str:
    """A fresh form token for the report form (no puzzle: the page works without JavaScript)."""
    return signing.form_token(0)


# -- from another device: a one-time link by mail ------------------------------------------------


async def request_manage_link(store: Store, data: Any, client: str) -> None:
    """Mail a one-time link to the address's comments, if it has any; never say whether it has.

    The caller always answers the same (202), so nobody learns which addresses are known, and
    nothing here depends on it either: a known and an unknown address run the same statements
    (two counters and one queued row), so the answer takes as long for both. Whether the
    address has comments is looked up by the sender, after the answer
    (`reader_mail.manage_message`).
    """
    if not isinstance(data, dict):
        raise Refusal(
            "request", "not_an_object", "the request body must be a JSON object", Kind.MALFORMED
        )
    unknown = sorted(set(data) - {"email", "lang"})
    if unknown:
        raise Refusal(unknown[0], "unknown_field", f"{unknown[0]} is not a field this API takes")
    email = clean_email(data)
    if not email:
        raise Refusal("email", "required", "email is required")
    lang = data.get("lang", "")
    if lang not in ("", *text.LANGUAGES):
        raise Refusal("lang", "unsupported", f"lang must be one of {', '.join(text.LANGUAGES)}")
    # One budget per reader, however they capitalise the address.
    address = signing.digest(address_key(email), "manage-address")
    over_address = await store.counters.hit("manage-address", address, MANAGE_PER_ADDRESS, 3600)
    over_client = await store.counters.hit("manage-client", client, MANAGE_PER_CLIENT, 3600)
    if over_address or over_client:
        return  # silently: a flood must not turn into mail, nor reveal anything
    if not notify.reader_mail_enabled():
        return
    await store.outbox.queue("manage", email, lang or settings.ADMIN_LANG)
    notify.wake()


def genuine_link(token: str) -> bool:
    """Whether a manage-link token is signed by us and not expired (before reading anything)."""
    return signing.read_manage_link_token(token) is not None


def _link_hash(token: str) -> str:
    token_hash = signing.read_manage_link_token(token)
    if token_hash is None:
        raise Refusal(
            "token", "invalid_link", "this link is invalid or has expired", Kind.FORBIDDEN
        )
    return token_hash


@dataclass(frozen=True)
class Managed:
    """What the manage page shows: the address's comments and the link for the next step."""

    email: str
    comments: list[Comment]
    token: str
    done: str = ""  # the action just carried out, if any
    refused: str = ""  # the code of the refusal when the action could not be carried out


async def open_manage_link(store: Store, token: str) -> Managed:
    """Show the address's comments; looking uses nothing up (mail scanners follow links)."""
    found = await store.links.peek(_link_hash(token))
    if found is None:
        raise Refusal(
            "token", "invalid_link", "this link is invalid or has expired", Kind.FORBIDDEN
        )
    email = found[0]
    return Managed(email, await store.comments.list_own(Author(email=email)), token)


async def act_by_link(
    store: Store, token: str, action: str, comment_id: int, body: Any = None, *, client: str
) -> Managed:
    """Carry out one action with a manage link, which is used up; the page gets a fresh link.

    The fresh link expires when the mailed one would have, so a link never outlives its day.
    """
    if action not in MANAGE_ACTIONS:
        raise Refusal("action", "invalid", f"action must be one of {', '.join(MANAGE_ACTIONS)}")
    taken = await store.links.take(_link_hash(token))
    if taken is None:
        raise Refusal(
            "token", "invalid_link", "this link is invalid or has expired", Kind.FORBIDDEN
        )
    email, expires_at = taken
    fresh = await notify.manage_link(store, email, expires_at)
    who = Author(email=email)
    refused = ""
    try:
        if action == "withdraw_consent":
            await withdraw_consent(store, comment_id, who)
        elif action == "give_consent":
            await give_consent(store, comment_id, who)
        elif action == "delete":
            await delete_own(store, comment_id, who)
        else:
            await edit_own(store, comment_id, who, body, client)
    except Refusal as exc:
        refused = exc.code
    done = "" if refused else action
    return Managed(email, await store.comments.list_own(who), fresh, done, refused)


# -- reply subscriptions ------------------------------------------------------------------------


async def _subscribed_comment(store: Store, token: str, purpose: str) -> int | None:
    """The id of the comment a subscription link for `purpose` was made for, while it exists.

    None for a forged or expired link, and for one made for a comment since deleted, whatever
    comment its id may name now.
    """
    found = signing.read_subscription_token(token, purpose)
    if found is None:
        return None
    comment = await store.comments.get(found.comment_id)
    return found.comment_id if comment is not None and found.names(comment.created_at) else None


async def confirm_replies(store: Store, token: str) -> bool:
    """Confirm a reply subscription from its mailed link; False for a bad or ended one."""
    comment_id = await _subscribed_comment(store, token, signing.CONFIRM)
    return comment_id is not None and await store.subscriptions.confirm(comment_id)


async def check_unsubscribe(store: Store, token: str) -> bool:
    """Whether an unsubscribe link is genuine and still names a subscription."""
    comment_id = await _subscribed_comment(store, token, signing.UNSUBSCRIBE)
    return comment_id is not None and await store.subscriptions.get(comment_id) is not None


async def unsubscribe(store: Store, token: str) -> bool:
    """End a reply subscription from its link (one click, no login); False for a bad link.

    A genuine link whose comment is gone ends nothing: that subscription went with it.
    """
    if signing.read_subscription_token(token, signing.UNSUBSCRIBE) is None:
        return False
    comment_id = await _subscribed_comment(store, token, signing.UNSUBSCRIBE)
    if comment_id is not None:
        await store.subscriptions.end(comment_id)
    return True


async def testimonials(
    store: Store, limit: int, before: int | None, wall: Wall | None = None
) -> list[Comment]:
    """Approved, consented, promoted comments: the owner's pins first, then newest first.

    `before` is an id cursor; `wall` keeps one language's or one post's stories.
    """
    return await store.comments.list_testimonials(limit, before, wall)


async def testimonials_changed_at(store: Store) -> str | None:
    """When the testimonials last changed, removals included: a feed's `updated`."""
    return await store.comments.testimonials_changed_at()


async def form_rules(store: Store) -> dict[str, Any]:
    """What a comment form needs to know: a fresh form token, its puzzle and the current rules."""
    bits = await current_pow_bits(store)
    return {
        "form_token": signing.form_token(bits),
        "pow": bits,
        "min_seconds": settings.FORM_MIN_SECONDS,
        "consent_version": settings.CONSENT_VERSION,
        "ratings": settings.RATINGS,
        "moderation": settings.MODERATION,
        "max_body_length": settings.MAX_BODY_LENGTH,
        # Whether the service can mail readers at all; the widget offers reply mails only then.
        "reply_mail": notify.reader_mail_enabled(),
    }


async def testimonial_summary(store: Store) -> Summary:
    """Every story received and what became of it, over all time (the honesty line)."""
    return await store.honesty.summary()


async def policy_since(store: Store, version: str) -> str:
    """When this version of the review policy first appeared."""
    return await store.honesty.policy_since(version)

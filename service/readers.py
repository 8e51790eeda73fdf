"""The reader's use cases: submit a comment, see one's own, withdraw consent, delete one's own.

Each is written once and called by the public JSON handlers. The intake decision itself (spam or
not, pending or live) is the domain's pure `decide_status`; this module gathers its inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import settings
from service import notify, sanitize, signing
from service.domain import hints
from service.domain.abuse import RenderBounds, check_renderable, matching_rule, pow_bits, pow_solved
from service.domain.comments import Comment, NewComment, Status, decide_status, shown_status
from service.domain.errors import Kind, Refusal, not_found
from service.domain.names import refuse_hidden_characters, refuse_impersonation
from service.domain.pages import own_page_url
from service.domain.validation import IntakeRules, parse_submission
from service.store import Duplicate, ParentRefused, Store

MAX_TESTIMONIALS = 50  # per page of /api/testimonials
POSTING = "post"  # the per-client limiter's name in the shared counters
SITE_POSTS = "site-posts"  # every post to the site, for POW=auto
SITE = "site"
RENDER_BOUNDS = RenderBounds(max_lines=100, max_markup=200)


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
    """One atomic check-and-count for every attempt, refused ones included."""
    window = settings.RATE_LIMIT_WINDOW
    if settings.POW == "auto":
        await store.counters.hit(SITE_POSTS, SITE, 2**62, window)
    wait = await store.counters.hit(POSTING, client, settings.RATE_LIMIT_POSTS, window)
    if wait:
        raise Refusal(
            None,
            "rate_limited",
            f"too many comments from here; try again in {wait} seconds",
            Kind.RATE_LIMITED,
            retry_after=wait,
        )


async def _spend_form_token(store: Store, token: str, answer: str) -> bool:
    """Check the puzzle and spend the single-use form token; True when it came too fast."""
    found = signing.read_form_token(token)
    if found is None:
        raise Refusal("form_token", "expired", "the form has expired; please send it again")
    bits = max(found.pow_bits, await current_pow_bits(store))
    if not pow_solved(token, answer, bits):
        raise Refusal("pow", "pow_required", f"solve the form's puzzle ({bits} bits) first")
    if not await store.counters.spend_token(found.nonce, signing.FORM_MAX_AGE):
        raise Refusal("form_token", "used", "this form was already sent; please send it again")
    return found.age < settings.FORM_MIN_SECONDS


async def submit(store: Store, data: Any, client: str) -> Submitted:
    """Take a reader's comment: count, validate, the cheap refusals, decide, sanitise, store.

    Cheap checks come first (the limit, sizes and structure, the token, a duplicate by meaning),
    so a flood of refused posts costs no sanitising. The comment is stored before this returns,
    with the owner's notice queued in the same transaction; the outbox sender mails it later, so
    a slow mail server never holds up a reader and a restart loses no notice.
    """
    await _count_attempt(store, client)
    submission = parse_submission(data, intake_rules())
    # The name goes into the owner's mail headers and stands under the reader's words.
    refuse_hidden_characters("author", submission.author)
    refuse_impersonation("author", submission.author, (settings.OWNER_NAME, settings.SITE_NAME))
    check_renderable("body", submission.body, RENDER_BOUNDS)
    too_fast = await _spend_form_token(store, submission.form_token, submission.pow)
    if await store.comments.is_duplicate(submission.page, submission.parent, submission.body):
        raise Refusal("body", "duplicate", "this text was already posted here", Kind.CONFLICT)
    spam = bool(submission.honeypot) or too_fast
    rule = matching_rule(await store.rules.list_all(), submission.body, submission.website)
    author_key = signing.read_author_token(submission.author_token) or signing.new_key()
    trusted = (
        not spam
        and settings.MODERATION == "first"
        and await store.comments.author_is_trusted(author_key)
    )
    status = decide_status(
        looks_like_spam=spam,
        moderation=settings.MODERATION,
        trusted_author=trusted,
        rule_action=rule.action.value if rule else "",
    )
    new = NewComment(
        page_key=submission.page,
        page_title=submission.page_title,
        # Only the first comment names a page, and only with an address on the site itself.
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
        hints=hints.codes(hints.for_text(submission.body)),
        reason=rule.reason if rule else "",
    )
    try:
        comment_id = await store.comments.insert(
            new, notice=status != Status.SPAM and notify.enabled()
        )
    except Duplicate:
        raise Refusal(
            "body", "duplicate", "this text was already posted here", Kind.CONFLICT
        ) from None
    except ParentRefused as exc:
        raise Refusal("parent", "not_found", str(exc)) from None
    notify.wake()
    return Submitted(comment_id, shown_status(status), signing.author_token(author_key))


def _author_key(token: Any) -> str:
    """The author key behind a valid author token, or a refusal."""
    key = signing.read_author_token(token) if isinstance(token, str) and token else None
    if key is None:
        raise Refusal("author_token", "invalid", "author_token is not valid", Kind.FORBIDDEN)
    return key


async def published(store: Store, page: str) -> list[Comment]:
    """A page's approved comments, oldest first."""
    return await store.comments.list_approved(page)


async def page_exists(store: Store, page: str) -> bool:
    """Whether a page has a thread (so its key is a real one, fit to be a cache key)."""
    return await store.threads.get(page) is not None


async def is_testimonial(store: Store, comment_id: int) -> bool:
    """Whether an id is a testimonial's (so a `before` cursor is one we could have handed out)."""
    return await store.comments.is_testimonial(comment_id)


async def own_pending(store: Store, page: str, author_token: str) -> list[Comment]:
    """The caller's own comments on a page that still wait for review."""
    return await store.comments.list_own_pending(page, _author_key(author_token))


async def withdraw_consent(store: Store, comment_id: int, author_token: str) -> None:
    """The author takes back testimonial consent; the story leaves every testimonial list."""
    key = _author_key(author_token)
    if not await store.comments.withdraw_consent(comment_id, key):
        raise not_found("no comment of yours with consent to withdraw")


async def delete_own(store: Store, comment_id: int, author_token: str) -> None:
    """The author deletes their own comment, whatever its status."""
    key = _author_key(author_token)
    if not await store.comments.delete_own(comment_id, key):
        raise not_found("no comment of yours with this id")


async def testimonials(store: Store, limit: int, before: int | None) -> list[Comment]:
    """Approved, consented, promoted comments, newest first; `before` is an id cursor."""
    return await store.comments.list_testimonials(limit, before)


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
    }

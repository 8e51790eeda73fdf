"""Signed tokens: the only module that imports itsdangerous.

Threat: forged or replayed tokens. Each purpose has its own salt, so a token made for one purpose
(a reader's author token, a form token, an admin session) is worthless for any other, and every
token that can expire is checked against a maximum age.

Threat: a token that outlives its comment. A token that names a comment also names its moment of
writing (`created_at`), which dies with it: were an id ever given to another comment, the old
mail link, confirmation or unsubscribe link would not act on it (`CommentToken.names`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from itsdangerous import (
    BadSignature,
    SignatureExpired,
    TimestampSigner,
    URLSafeSerializer,
    URLSafeTimedSerializer,
)

import settings

AUTHOR = "chorus.author"
FORM = "chorus.form"
SESSION = "chorus.admin-session"
MAIL_LINK = "chorus.mail-link"
MAIL_LINK_MAX_AGE = 7 * 24 * 3600  # seconds a moderation link in a notice stays usable
MANAGE_LINK = "chorus.manage-link"
MANAGE_LINK_MAX_AGE = 24 * 3600  # seconds a reader's "manage my comments" link stays usable
CONFIRM = "chorus.confirm-replies"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # seconds a reply-subscription confirmation link stays usable
UNSUBSCRIBE = "chorus.unsubscribe"  # no expiry: an unsubscribe link must always work
INVITATION = "chorus.invitation"
INVITATION_MAX_AGE = 7 * 24 * 3600  # seconds an invitation link stays usable (and once only)
SECOND_STEP = "chorus.second-step"
SECOND_STEP_MAX_AGE = 300  # seconds between a right password and its second factor
PASSKEY = "chorus.passkey"
PASSKEY_MAX_AGE = 300  # seconds a WebAuthn challenge may be answered in
INVITE = "chorus.invite"  # expiry is the invitation's own (INVITE_DAYS), kept in its row
FORM_MAX_AGE = 24 * 3600  # seconds a comment form may stay open


def _key() -> str:
    return str(settings.SECRET_KEY)


def new_key() -> str:
    """A random identifier for a browser or a session."""
    return secrets.token_urlsafe(18)


def author_token(author_key: str) -> str:
    """The token a reader's browser keeps to see its own pending comments."""
    return URLSafeSerializer(_key(), salt=AUTHOR).dumps(author_key)


def read_author_token(token: str) -> str | None:
    """The author key inside a valid token, or None."""
    if not token:
        return None
    try:
        value = URLSafeSerializer(_key(), salt=AUTHOR).loads(token)
    except BadSignature:
        return None
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class FormToken:
    """What a valid form token says: its single-use nonce, its puzzle's bits, and its age."""

    nonce: str
    pow_bits: int
    age: float  # seconds since it was handed out


def form_token(pow_bits: int = 0) -> str:
    """A signed, timestamped nonce handed out with the comment form, with the puzzle's bits.

    The bits are signed in, so a poster cannot lower the difficulty of the token they hold.
    """
    return TimestampSigner(_key(), salt=FORM).sign(f"{new_key()}:{pow_bits}").decode()


def read_form_token(token: str) -> FormToken | None:
    """The contents of a valid form token; None if forged or older than a day."""
    signer = TimestampSigner(_key(), salt=FORM)
    try:
        value, issued = signer.unsign(token, max_age=FORM_MAX_AGE, return_timestamp=True)
    except (BadSignature, SignatureExpired):
        return None
    nonce, _, bits = value.decode("ascii", "replace").rpartition(":")
    if not nonce or not (bits.isascii() and bits.isdigit() and len(bits) <= 2):
        return None
    return FormToken(nonce, int(bits), max(0.0, time.time() - issued.timestamp()))


def form_token_age(token: str) -> float | None:
    """Seconds since the form token was made; None if forged or older than a day."""
    found = read_form_token(token)
    return found.age if found else None


@dataclass(frozen=True)
class CommentToken:
    """A valid token that names a comment: which one, born when, and when the token was signed.

    `born` is the comment's `created_at` as signed in; None in a token made before tokens named
    it (before migration 016), which is honoured only where it cannot name another comment.
    """

    comment_id: int
    born: str | None
    issued: int  # when the token was signed, in whole seconds since the epoch

    def names(self, created_at: str) -> bool:
        """Whether this token was made for the comment now stored under its id, born `created_at`.

        An older token carries no birth moment. It was made while its comment existed, so any
        later comment under that id was written after the token; a comment written before the
        second the token was signed in is the one it was made for. One written in that very
        second could be either, and is refused.
        """
        if self.born is not None:
            return same(self.born, created_at)
        signed = datetime.fromtimestamp(self.issued, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return created_at < signed


@dataclass(frozen=True)
class MailLink(CommentToken):
    """A notice's one-click link: the comment, the action and the moderation stamp it was for."""

    action: str = ""
    state: str = ""


def mail_link_token(comment_id: int, born: str, action: str, state: str) -> str:
    """The credential in a notice's one-click link: this comment (born at `born`), this action,
    for a week, and only while the comment is in `state` (its moderation stamp when the notice
    was made), so the link is dead after any status change, even one that brings it back."""
    return URLSafeTimedSerializer(_key(), salt=MAIL_LINK).dumps([comment_id, action, state, born])


def read_mail_link_token(token: str) -> MailLink | None:
    """What a valid, unexpired link token says, or None."""
    try:
        value, issued = URLSafeTimedSerializer(_key(), salt=MAIL_LINK).loads(
            token, max_age=MAIL_LINK_MAX_AGE, return_timestamp=True
        )
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(value, list) or len(value) not in (3, 4):
        return None
    comment_id, action, state, *born = value
    if not _is_id(comment_id) or not all(isinstance(v, str) for v in (action, state, *born)):
        return None
    return MailLink(comment_id, born[0] if born else None, _seconds(issued), action, state)


def _is_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _seconds(moment: datetime) -> int:
    return int(moment.timestamp())


def manage_link_token() -> tuple[str, str]:
    """A fresh one-time link credential: (the signed token for the URL, its keyed hash to store).

    The URL carries only a random nonce, never the address (ASVS 14.2.1).
    """
    nonce = new_key()
    token = URLSafeTimedSerializer(_key(), salt=MANAGE_LINK).dumps(nonce)
    return token, digest(nonce, MANAGE_LINK)


def read_manage_link_token(token: str) -> str | None:
    """The stored hash a valid, unexpired manage-link token stands for, or None."""
    try:
        nonce = URLSafeTimedSerializer(_key(), salt=MANAGE_LINK).loads(
            token, max_age=MANAGE_LINK_MAX_AGE
        )
    except (BadSignature, SignatureExpired):
        return None
    return digest(nonce, MANAGE_LINK) if isinstance(nonce, str) else None


def subscription_token(comment_id: int, born: str, purpose: str) -> str:
    """The credential in a confirmation (`CONFIRM`) or unsubscribe (`UNSUBSCRIBE`) link for the
    subscription of the comment `comment_id`, born at `born`."""
    return URLSafeTimedSerializer(_key(), salt=purpose).dumps([comment_id, born])


def read_subscription_token(token: str, purpose: str) -> CommentToken | None:
    """The comment a valid token for `purpose` names; confirmations expire, unsubscribes not.

    A token from before tokens named the comment's birth holds the bare id.
    """
    max_age = CONFIRM_MAX_AGE if purpose == CONFIRM else None
    try:
        value, issued = URLSafeTimedSerializer(_key(), salt=purpose).loads(
            token, max_age=max_age, return_timestamp=True
        )
    except (BadSignature, SignatureExpired):
        return None
    if _is_id(value):
        return CommentToken(value, None, _seconds(issued))
    if (
        isinstance(value, list)
        and len(value) == 2
        and _is_id(value[0])
        and isinstance(value[1], str)
    ):
        return CommentToken(value[0], value[1], _seconds(issued))
    return None


def session_cookie(session_id: str) -> str:
    return TimestampSigner(_key(), salt=SESSION).sign(session_id).decode()


def read_session_cookie(value: str, max_age: int) -> str | None:
    """The session id inside a valid, unexpired cookie, or None."""
    try:
        return TimestampSigner(_key(), salt=SESSION).unsign(value, max_age=max_age).decode()
    except (BadSignature, SignatureExpired, UnicodeDecodeError):
        return None


def invitation_token(invitation_id: int, created_at: str) -> str:
    """The credential in an invitation link: this invitation row, for a week."""
    return URLSafeTimedSerializer(_key(), salt=INVITATION).dumps([invitation_id, created_at])


def read_invitation_token(token: str) -> tuple[int, str] | None:
    """The (invitation id, created_at) a valid, unexpired invitation token names, or None."""
    try:
        value = URLSafeTimedSerializer(_key(), salt=INVITATION).loads(
            token, max_age=INVITATION_MAX_AGE
        )
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(value, list) or len(value) != 2:
        return None
    invitation_id, created_at = value
    if not _is_id(invitation_id) or not isinstance(created_at, str):
        return None
    return invitation_id, created_at


def second_step_cookie(account_id: int) -> str:
    """Proof, for a few minutes, that this browser gave the account's right password."""
    return URLSafeTimedSerializer(_key(), salt=SECOND_STEP).dumps([account_id, new_key()])


def read_second_step_cookie(value: str) -> int | None:
    try:
        found = URLSafeTimedSerializer(_key(), salt=SECOND_STEP).loads(
            value, max_age=SECOND_STEP_MAX_AGE
        )
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(found, list) or len(found) != 2 or not _is_id(found[0]):
        return None
    return int(found[0])


def passkey_cookie(purpose: str, account_id: int, challenge: str) -> str:
    """A WebAuthn challenge for `purpose` ("register", "sign-in"), bound to an account (or 0)."""
    return URLSafeTimedSerializer(_key(), salt=f"{PASSKEY}.{purpose}").dumps(
        [account_id, challenge]
    )


def read_passkey_cookie(value: str, purpose: str) -> tuple[int, str] | None:
    try:
        found = URLSafeTimedSerializer(_key(), salt=f"{PASSKEY}.{purpose}").loads(
            value, max_age=PASSKEY_MAX_AGE
        )
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(found, list) or len(found) != 2 or not _is_id(found[0]):
        return None
    if not isinstance(found[1], str):
        return None
    return int(found[0]), found[1]


def digest(value: str, purpose: str) -> str:
    """A keyed hash, for values we must recognise again but never store as they are."""
    key = hashlib.sha256(f"{_key()}:{purpose}".encode()).digest()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    """Constant-time comparison for secrets."""
    return hmac.compare_digest(a.encode(), b.encode())


def invite_token(invite_id: int, token_key: str) -> str:
    """The token of an invitation's link: its id and the random key stored with it.

    Signed rather than hashed so the owner can copy the link again while the invitation is open;
    the key in the row makes a withdrawn or erased invitation's link worthless.
    """
    return URLSafeSerializer(_key(), salt=INVITE).dumps([invite_id, token_key])


def read_invite_token(token: str) -> tuple[int, str] | None:
    """The (id, key) inside a valid invitation token, or None."""
    if not token or len(token) > 200:
        return None
    try:
        value = URLSafeSerializer(_key(), salt=INVITE).loads(token)
    except BadSignature:
        return None
    if (
        isinstance(value, list)
        and len(value) == 2
        and _is_id(value[0])
        and isinstance(value[1], str)
        and value[1]
    ):
        return int(value[0]), value[1]
    return None

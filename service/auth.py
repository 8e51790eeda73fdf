"""Who is the owner: password checks, server-side sessions, the API token and CSRF.

Threats: password guessing (argon2id hashes, throttled logins), stolen or fixed session cookies
(a fresh random session id on every login, stored server-side as a hash so logout and a password
change revoke it, idle and absolute expiry, HttpOnly + SameSite=Strict + Secure on https), and
cross-site requests (state changes need the session's CSRF token and a same-origin request).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from databases import Database
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response

import settings
from service import signing, store
from service.ratelimit import Limiter

# argon2id; the library defaults (t=3, m=64 MiB, p=4) exceed OWASP's minimum.
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not-the-password")
login_failures = Limiter(settings.LOGIN_MAX_ATTEMPTS, settings.LOGIN_LOCKOUT)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_hash() -> str:
    """The configured hash: the setting, or else the file `make run` writes on first start."""
    if settings.ADMIN_PASSWORD_HASH:
        return settings.ADMIN_PASSWORD_HASH
    try:
        return settings.ADMIN_PASSWORD_FILE.read_text().strip()
    except OSError:
        return ""


def write_password_file(password: str) -> None:
    """Keep only the password's hash, in DATA_DIR, readable by this user alone."""
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = settings.ADMIN_PASSWORD_FILE
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(hash_password(password) + "\n")
    tmp.replace(path)


def verify_password(password: str) -> bool:
    """Check the owner's password in constant time; always False when none is configured.

    A correct password whose stored hash uses weaker parameters than today's is re-hashed in
    the file (a hash given in ADMIN_PASSWORD_HASH is the operator's to replace).
    """
    stored = password_hash()
    try:
        ok = _hasher.verify(stored or _DUMMY_HASH, password) and bool(stored)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    if ok and not settings.ADMIN_PASSWORD_HASH and _hasher.check_needs_rehash(stored):
        write_password_file(password)
    return ok


def cookie_name() -> str:
    # The __Host- prefix needs Secure, which browsers refuse on plain http.
    return "__Host-chorus_admin" if secure_cookies() else "chorus_admin"


def secure_cookies() -> bool:
    return settings.PUBLIC_URL.startswith("https://")


@dataclass(frozen=True)
class Owner:
    """An authenticated owner request: by session (with its CSRF token) or by API token."""

    actor: str
    session: store.Session | None = None


def _idle_since() -> str:
    since = datetime.now(UTC) - timedelta(seconds=settings.ADMIN_SESSION_IDLE)
    return since.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


async def start_session(db: Database, response: Response) -> str:
    """Create a new session and set its cookie; return its CSRF token."""
    await store.delete_idle_sessions(db, _idle_since())
    session_id, csrf = signing.new_key(), signing.new_key()
    await store.create_session(db, signing.digest(session_id, "session"), csrf)
    response.set_cookie(
        cookie_name(),
        signing.session_cookie(session_id),
        max_age=settings.ADMIN_SESSION_MAX,
        path="/",
        secure=secure_cookies(),
        httponly=True,
        samesite="strict",
    )
    return csrf


async def end_session(db: Database, request: HTTPConnection, response: Response) -> None:
    session_id = _session_id(request)
    if session_id:
        await store.delete_session(db, signing.digest(session_id, "session"))
    response.delete_cookie(
        cookie_name(), path="/", secure=secure_cookies(), httponly=True, samesite="strict"
    )


def _session_id(request: HTTPConnection) -> str | None:
    value = request.cookies.get(cookie_name(), "")
    return signing.read_session_cookie(value, settings.ADMIN_SESSION_MAX) if value else None


async def owner_from(db: Database, request: HTTPConnection) -> Owner | None:
    """The owner behind this request, by API token or by session cookie, or None."""
    header = request.headers.get("authorization", "")
    token = str(settings.ADMIN_API_TOKEN)
    if header:
        scheme, _, value = header.partition(" ")
        if token and scheme.lower() == "bearer" and signing.same(value.strip(), token):
            return Owner(actor="api")
        return None
    session_id = _session_id(request)
    if not session_id:
        return None
    session = await store.get_session(db, signing.digest(session_id, "session"), _idle_since())
    return Owner(actor="owner", session=session) if session else None


def same_origin(request: Request) -> bool:
    """Whether a browser request comes from our own pages (Fetch Metadata, then Origin)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    own = {_origin(settings.PUBLIC_URL), _origin(str(request.base_url))}
    return origin in own


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def csrf_ok(owner: Owner, request: Request, submitted: str | None) -> bool:
    """State changes by session need a same-origin request carrying the session's token."""
    if owner.session is None:
        return True  # bearer tokens are not sent by browsers on their own
    if not same_origin(request):
        return False
    return bool(submitted) and signing.same(submitted or "", owner.session.csrf_token)


def owner_name() -> str:
    """The name shown on the owner's replies."""
    return settings.OWNER_NAME

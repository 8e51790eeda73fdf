"""Who is the owner: server-side sessions, the API token and CSRF (passwords: `service.passwords`).

Threats: password guessing (logins counted per client and for the whole site, in the shared
counters, every attempt before its password is checked), stolen or fixed session cookies
(a fresh random session id on every login, stored server-side as a hash so logout and a password
change revoke it, idle and absolute expiry, HttpOnly + SameSite=Strict + Secure on https), and
cross-site requests (state changes need the session's CSRF token and a same-origin request).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response

import settings
from service import signing
from service.store import Session, Store, waiting

LOGIN = "login"  # per-client login attempts in the shared counters
LOGIN_SITE = "login-site"  # login attempts from everyone: the site-wide budget
SITE = "site"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def count_login(store: Store, client: str) -> int:
    """Count one login attempt for the client and for the site; seconds to wait, or 0."""
    window = settings.LOGIN_LOCKOUT
    site = await store.counters.hit(LOGIN_SITE, SITE, settings.LOGIN_SITE_FAILURES, window)
    own = await store.counters.hit(LOGIN, client, settings.LOGIN_MAX_ATTEMPTS, window)
    return max(site, own)


async def login_locked(store: Store, client: str) -> int:
    """Seconds this client must wait before trying again (its own limit or the site's), or 0."""
    window = settings.LOGIN_LOCKOUT
    own = await waiting(store.counters, LOGIN, client, settings.LOGIN_MAX_ATTEMPTS, window)
    site = await waiting(store.counters, LOGIN_SITE, SITE, settings.LOGIN_SITE_FAILURES, window)
    return max(own, site)


async def login_succeeded(store: Store, client: str) -> None:
    """The owner is in: their client starts over and their attempt leaves the site's budget."""
    await store.counters.forget(LOGIN, client)
    await store.counters.refund(LOGIN_SITE, SITE)


def cookie_name() -> str:
    # The __Host- prefix needs Secure, which browsers refuse on plain http.
    return "__Host-chorus_admin" if secure_cookies() else "chorus_admin"


def secure_cookies() -> bool:
    return settings.PUBLIC_URL.startswith("https://")


@dataclass(frozen=True)
class Owner:
    """An authenticated owner request: by session (with its CSRF token) or by API token."""

    actor: str
    session: Session | None = None


def _idle_since() -> str:
    since = datetime.now(UTC) - timedelta(seconds=settings.ADMIN_SESSION_IDLE)
    return since.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


async def start_session(store: Store, response: Response) -> str:
    """Create a new session and set its cookie; return its CSRF token."""
    await store.sessions.delete_idle(_idle_since())
    session_id, csrf = signing.new_key(), signing.new_key()
    await store.sessions.create(signing.digest(session_id, "session"), csrf)
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


async def end_session(store: Store, request: HTTPConnection, response: Response) -> None:
    session_id = _session_id(request)
    if session_id:
        await store.sessions.delete(signing.digest(session_id, "session"))
    response.delete_cookie(
        cookie_name(), path="/", secure=secure_cookies(), httponly=True, samesite="strict"
    )


def _session_id(request: HTTPConnection) -> str | None:
    value = request.cookies.get(cookie_name(), "")
    return signing.read_session_cookie(value, settings.ADMIN_SESSION_MAX) if value else None


async def owner_from(store: Store, request: HTTPConnection) -> Owner | None:
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
    session = await store.sessions.get(signing.digest(session_id, "session"), _idle_since())
    return Owner(actor="owner", session=session) if session else None


def same_origin(request: Request) -> bool:
    """Whether a browser request comes from our own pages (Fetch Metadata, then Origin)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    # PUBLIC_URL only: the Host header (`request.base_url`) is the client's to choose.
    return origin == _origin(settings.PUBLIC_URL)


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

"""Who is signed in: server-side sessions of accounts, the API token and CSRF (passwords:
`service.passwords`; what each role may do: `service.web.roles`).

Threats: password guessing (logins counted per client and for the whole site, in the shared
counters, every attempt before its password is checked), stolen or fixed session cookies
(a fresh random session id on every login, stored server-side as a hash so logout and a password
change revoke it, idle and absolute expiry, HttpOnly + SameSite=Strict + Secure on https), and
cross-site requests (state changes need the session's CSRF token and a same-origin request).
A disabled or removed account's sessions end at once: every request loads its account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response

import settings
from service import signing
from service.domain.accounts import Account, Role, ip_prefix
from service.store import Session, Store, waiting
from service.web.clients import client_ip

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


BROWSER_COOKIE = "chorus_browser"  # a random id per browser, so a new one can be noticed
BROWSER_COOKIE_AGE = 400 * 24 * 3600  # seconds: the longest lifetime browsers allow


@dataclass(frozen=True)
class Owner:
    """An authenticated admin request: an account's session (with its CSRF token), or the API
    token, which is the owner's credential (no account of its own, the owner's role)."""

    actor: str
    session: Session | None = None
    account: Account | None = None

    @property
    def role(self) -> Role:
        return self.account.role if self.account else Role.OWNER

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER

    @property
    def author_name(self) -> str:
        """The name replies are signed with: the account's display name, else OWNER_NAME."""
        return self.account.shown_name(settings.OWNER_NAME) if self.account else ""


def _idle_since() -> str:
    since = datetime.now(UTC) - timedelta(seconds=settings.ADMIN_SESSION_IDLE)
    return since.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def idle_since() -> str:
    """Sessions last seen before this moment have ended (ADMIN_SESSION_IDLE)."""
    return _idle_since()


async def start_session(
    store: Store, response: Response, account_id: int, request: HTTPConnection | None = None
) -> str:
    """Create a new session for the account and set its cookie; return its CSRF token."""
    await store.sessions.delete_idle(_idle_since())
    session_id, csrf = signing.new_key(), signing.new_key()
    agent = request.headers.get("user-agent", "") if request else ""
    place = ip_prefix(client_ip(request)) if request else ""
    await store.sessions.create(
        signing.digest(session_id, "session"), csrf, account_id, agent, place
    )
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


def browser_id(request: HTTPConnection) -> str:
    """This browser's random id (from its cookie), or "" when it has none yet."""
    value = request.cookies.get(BROWSER_COOKIE, "")
    return value if 20 <= len(value) <= 64 and value.isascii() and value.isalnum() else ""


def keep_browser_id(response: Response, value: str) -> None:
    response.set_cookie(
        BROWSER_COOKIE,
        value,
        max_age=BROWSER_COOKIE_AGE,
        path="/admin",
        secure=secure_cookies(),
        httponly=True,
        samesite="strict",
    )


_FOUND = "chorus.admin"  # where a request keeps who it was found to be (looked up once)


async def owner_from(store: Store, request: HTTPConnection) -> Owner | None:
    """Who is behind this request, by API token or by session cookie, or None.

    A session counts only while its account exists and is enabled. The answer is kept on the
    request: the role check (`roles`) and the handler ask the same question once.
    """
    if _FOUND in request.scope:
        found: Owner | None = request.scope[_FOUND]
        return found
    found = await _look_up(store, request)
    request.scope[_FOUND] = found
    return found


async def _look_up(store: Store, request: HTTPConnection) -> Owner | None:
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
    if session is None:
        return None
    account = await store.accounts.get(session.account_id)
    if account is None or account.disabled:
        await store.sessions.delete(session.id)
        return None
    return Owner(actor=account.actor, session=session, account=account)


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

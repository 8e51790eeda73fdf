"""Chorus settings, read once from the environment and an optional `.env` file.

Every setting here is documented in the README's configuration table; a test keeps the two in step.
No other module reads the environment.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from urllib.parse import urlsplit

from starlette.config import Config
from starlette.datastructures import CommaSeparatedStrings, Secret

from service import text

ROOT = Path(__file__).resolve().parent
config = Config(ROOT / ".env" if (ROOT / ".env").is_file() else None)


def _fail(message: str) -> None:
    """Stop with one line that names the setting, never a traceback."""
    sys.exit(f"chorus: {message}")


def _choice(name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = config(name, default=default).strip().lower()
    if value not in allowed:
        _fail(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _positive_int(name: str, default: int, *, zero_ok: bool = False) -> int:
    raw = config(name, default=str(default))
    try:
        value = int(raw)
    except ValueError:
        _fail(f"{name} must be a whole number, not {raw!r}")
        raise
    if value < 0 or (value == 0 and not zero_ok):
        _fail(f"{name} must be {'zero or more' if zero_ok else 'greater than zero'}, not {value}")
    return value


def _positive_float(name: str, default: float) -> float:
    raw = config(name, default=str(default))
    try:
        value = float(raw)
    except ValueError:
        _fail(f"{name} must be a number, not {raw!r}")
        raise
    if not 0 <= value < 10**6:  # also refuses nan and inf
        _fail(f"{name} must be zero or more, not {raw}")
    return value


# "development" generates and keeps a local secret; "production" refuses to start without one.
ENVIRONMENT = _choice("ENVIRONMENT", "development", ("development", "production"))

DATA_DIR = Path(config("DATA_DIR", default=str(ROOT / "data")))
DATABASE_URL = config("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'chorus.db'}")

# Where the service is reachable; decides cookie security and feed links.
PUBLIC_URL = config("PUBLIC_URL", default="http://127.0.0.1:8000").rstrip("/")
# Without an explicit PUBLIC_URL, `serve` derives it from the address it listens on.
PUBLIC_URL_GIVEN = "PUBLIC_URL" in os.environ or "PUBLIC_URL" in config.file_values
# Sites whose pages may embed the widgets and post comments (scheme://host[:port]).
ALLOWED_ORIGINS = [
    o.rstrip("/") for o in config("ALLOWED_ORIGINS", cast=CommaSeparatedStrings, default="")
]
# The owner's own site (scheme://host[/path]), where the feeds' home links lead: the first of
# ALLOWED_ORIGINS unless set. Empty means PUBLIC_URL (the demo blog), which `serve` may change.
SITE_URL = config("SITE_URL", default="").strip().rstrip("/") or (
    ALLOWED_ORIGINS[0] if ALLOWED_ORIGINS else ""
)


def _is_web_address(value: str) -> bool:
    try:
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # a malformed host, "http://[::1"
        return False


if SITE_URL and not _is_web_address(SITE_URL):
    _fail(f"SITE_URL must be an http(s) address like https://www.example.nl, not {SITE_URL!r}")

# all: every comment waits for review; first: a browser whose earlier comment was approved
# goes live at once; none: everything goes live at once (spam still held).
MODERATION = _choice("MODERATION", "all", ("all", "first", "none"))

MAX_BODY_LENGTH = _positive_int("MAX_BODY_LENGTH", 5000)  # characters of comment text
MAX_NAME_LENGTH = _positive_int("MAX_NAME_LENGTH", 100)  # characters of author name
MAX_LINKS = _positive_int("MAX_LINKS", 5)  # links allowed in one comment
MAX_REQUEST_BYTES = _positive_int("MAX_REQUEST_BYTES", 65536)  # whole JSON request body
# Characters of one imported comment's text: old systems allowed long stories (WordPress's own
# limit is 65,525), and a story that was published there must not be dropped on the way in.
IMPORT_MAX_BODY_LENGTH = _positive_int("IMPORT_MAX_BODY_LENGTH", 65535)
# Largest file `import` and the upload form accept, in bytes (50 MiB: years of a busy blog).
IMPORT_MAX_BYTES = _positive_int("IMPORT_MAX_BYTES", 52428800)

RATE_LIMIT_POSTS = _positive_int("RATE_LIMIT_POSTS", 5)  # comments per client per window
RATE_LIMIT_WINDOW = _positive_int("RATE_LIMIT_WINDOW", 600)  # seconds
# Seconds a form must be open before a post counts as human; 0 turns the check off (load tests).
FORM_MIN_SECONDS = _positive_int("FORM_MIN_SECONDS", 2, zero_ok=True)
# Where the shared counters (rate limits, spent form tokens) live; empty: in the database.
REDIS_URL = config("REDIS_URL", default="")
# Proof of work before posting: off, on (always POW_BITS), auto (only while posts run high).
POW = _choice("POW", "off", ("off", "on", "auto"))
POW_BITS = _positive_int("POW_BITS", 16)  # leading zero bits of SHA-256; 16 is ~65,000 hashes
POW_NORMAL_POSTS = _positive_int("POW_NORMAL_POSTS", 30)  # site-wide posts per window, for auto
TRUSTED_PROXIES = list(config("TRUSTED_PROXIES", cast=CommaSeparatedStrings, default=""))

# Minutes after posting in which the author may still edit a comment.
EDIT_WINDOW = _positive_int("EDIT_WINDOW", 15)

RATINGS = config("RATINGS", cast=bool, default=True)
# Bump when the wording of the testimonial consent question changes; stored with each consent.
CONSENT_VERSION = config("CONSENT_VERSION", default="2026-11")
# Published ratings needed before an average is shown (the summary and the review policy).
TESTIMONIAL_MIN_COUNT = _positive_int("TESTIMONIAL_MIN_COUNT", 5)
# The owner's own paragraph, plain text, shown after the generated review policy.
REVIEW_POLICY_EXTRA = config("REVIEW_POLICY_EXTRA", default="").strip()
SITE_NAME = config("SITE_NAME", default="Chorus")
# The name shown on the owner's replies under comments.
OWNER_NAME = config("OWNER_NAME", default=SITE_NAME)
# Days an invitation's link stays usable; also how long an address counts as already invited.
INVITE_DAYS = _positive_int("INVITE_DAYS", 30)
# Days after the invitation mail that the one reminder goes (decimals allowed; 0: no reminder).
INVITE_REMINDER_DAYS = _positive_float("INVITE_REMINDER_DAYS", 3)

# One of the catalogs' languages (service/text: a module a language, so a new one counts here too).
ADMIN_LANG = _choice("ADMIN_LANG", "nl", text.LANGUAGES)


def _timezone(name: str, default: str) -> str:
    """An IANA zone name (Europe/Amsterdam) that this machine knows, checked at start-up."""
    from zoneinfo import ZoneInfo

    value = config(name, default=default).strip()
    try:
        ZoneInfo(value)
    except (ValueError, KeyError, OSError):
        _fail(f"{name} must be a time zone name such as Europe/Amsterdam, not {value!r}")
    return value


# The owner's time zone: admin pages and notices show times in it, also without JavaScript.
OWNER_TIMEZONE = _timezone("OWNER_TIMEZONE", "Europe/Amsterdam")
ADMIN_API_TOKEN = config("ADMIN_API_TOKEN", cast=Secret, default="")
ADMIN_SESSION_IDLE = _positive_int("ADMIN_SESSION_IDLE", 3600)  # seconds without activity
ADMIN_SESSION_MAX = _positive_int("ADMIN_SESSION_MAX", 43200)  # seconds since login, absolute
LOGIN_MAX_ATTEMPTS = _positive_int("LOGIN_MAX_ATTEMPTS", 5)  # failures before a pause
LOGIN_LOCKOUT = _positive_int("LOGIN_LOCKOUT", 300)  # seconds of that pause
# Failed logins from all clients together per LOGIN_LOCKOUT before every login waits.
LOGIN_SITE_FAILURES = _positive_int("LOGIN_SITE_FAILURES", 30)
PASSWORD_CHECKS = _positive_int("PASSWORD_CHECKS", 2)  # argon2 checks running at once
# A second factor for every admin account: sign-in asks for it, and an account without one may
# only set one up. Off by default on upgrade; the start banner and settings page recommend it.
ADMIN_REQUIRE_2FA = config("ADMIN_REQUIRE_2FA", cast=bool, default=False)

# Bytes of rendered lists and feeds kept in memory per worker (least recently used go first).
CACHE_MAX_BYTES = _positive_int("CACHE_MAX_BYTES", 32 * 1024 * 1024)

LOG_LEVEL = config("LOG_LEVEL", default="info").lower()

# New-comment notices to the owner by e-mail; off while SMTP_HOST or NOTIFY_EMAIL is empty.
NOTIFY_EMAIL = config("NOTIFY_EMAIL", default="")
SMTP_HOST = config("SMTP_HOST", default="")
SMTP_PORT = _positive_int("SMTP_PORT", 587)
SMTP_STARTTLS = config("SMTP_STARTTLS", cast=bool, default=True)
SMTP_USERNAME = config("SMTP_USERNAME", default="")
SMTP_PASSWORD = config("SMTP_PASSWORD", cast=Secret, default="")
MAIL_FROM = config("MAIL_FROM", default="")
# Caps on what a flood can make the site mail. Mail to readers (confirmations, manage links,
# reply notices; not the owner's own replies): per address per day, and for the whole site per
# hour; over either it is not sent. The owner's notices past this many an hour are folded into
# one digest at the end of the hour.
READER_MAIL_PER_ADDRESS = _positive_int("READER_MAIL_PER_ADDRESS", 5)
READER_MAIL_PER_HOUR = _positive_int("READER_MAIL_PER_HOUR", 60)
OWNER_NOTICES_PER_HOUR = _positive_int("OWNER_NOTICES_PER_HOUR", 10)

# Webhooks (endpoints are added in the owner page): whether an endpoint may be a local address
# (loopback or a private network, and then plain http too). Off, only https to public addresses.
WEBHOOK_ALLOW_LOCAL = config("WEBHOOK_ALLOW_LOCAL", cast=bool, default=False)
# A push notice with approve/reject/spam buttons for every comment waiting for review, published
# to this ntfy topic URL (e.g. https://ntfy.sh/your-secret-topic); empty turns it off.
NTFY_URL = config("NTFY_URL", default="")
NTFY_TOKEN = config("NTFY_TOKEN", cast=Secret, default="")  # an ntfy access token, if needed

_WEAK_SECRETS = {"", "secret", "changeme", "change-me", "development", "dev", "please-change-me"}


def _data_file(name: str) -> Path:
    return DATA_DIR / name


def _load_secret_key() -> Secret:
    value = config("SECRET_KEY", default="")
    if value:
        if value.lower() in _WEAK_SECRETS or len(value) < 32:
            _fail("SECRET_KEY must be at least 32 random characters")
        return Secret(value)
    if ENVIRONMENT == "production":
        _fail("SECRET_KEY is required when ENVIRONMENT=production")
    path = _data_file("secret_key")
    try:
        if path.is_file():
            return Secret(path.read_text().strip())
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key + "\n")
        return Secret(key)
    except OSError as exc:
        _fail(f"DATA_DIR {DATA_DIR} is not writable ({exc.strerror})")
        raise


SECRET_KEY = _load_secret_key()
# argon2id hash of the owner's password; when empty, the hash file under DATA_DIR is used.
ADMIN_PASSWORD_HASH = config("ADMIN_PASSWORD_HASH", default="")
ADMIN_PASSWORD_FILE = _data_file("admin_password_hash")

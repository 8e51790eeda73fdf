"""The owner's password: argon2id hashing, the hash file under DATA_DIR, constant-time checks.

Threat: a stolen hash file or database (argon2id makes each guess expensive), timing
differences that tell whether a password is configured (a dummy hash is checked instead), and
login floods that stall the service: each check runs in a worker thread, at most
PASSWORD_CHECKS at once, so the event loop (and `/healthz`) keeps answering.
"""

from __future__ import annotations

import asyncio
import os

import anyio.to_thread
from anyio import CapacityLimiter
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

import settings

# argon2id; the library defaults (t=3, m=64 MiB, p=4) exceed OWASP's minimum.
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not-the-password")


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


def verify_hash(stored: str, password: str) -> bool:
    """Check a password against an account's own hash; the dummy hash when there is none, so
    an unknown address costs as long as a known one."""
    try:
        return _hasher.verify(stored or _DUMMY_HASH, password) and bool(stored)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


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


_limiters: dict[int, CapacityLimiter] = {}


def _limiter() -> CapacityLimiter:
    loop = id(asyncio.get_running_loop())
    limiter = _limiters.get(loop)
    if limiter is None:
        _limiters.clear()  # a new event loop (a restart, a test): the old limiter is dead
        limiter = _limiters[loop] = CapacityLimiter(settings.PASSWORD_CHECKS)
    return limiter


async def check_password(password: str, stored: str | None = None) -> bool:
    """`verify_password` in a worker thread, behind a small semaphore (PASSWORD_CHECKS).

    With `stored`, the password is checked against that account's own hash instead ("" for an
    address no account has: the dummy hash is checked, and the answer is False).
    """
    if stored is not None:
        return await anyio.to_thread.run_sync(verify_hash, stored, password, limiter=_limiter())
    return await anyio.to_thread.run_sync(verify_password, password, limiter=_limiter())


def use_hasher(hasher: PasswordHasher) -> None:
    """Swap the hasher (tests use cheap parameters; production never calls this)."""
    global _hasher, _DUMMY_HASH
    _hasher = hasher
    _DUMMY_HASH = hasher.hash("not-the-password")

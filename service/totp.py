"""The second factor: TOTP codes (RFC 6238) and recovery codes; the only module importing pyotp.

Threat: a stolen password alone. A code is checked for the current 30-second step and one on
either side (clock drift), and the step it matched is returned so the caller can refuse it a
second time (a code seen over a shoulder or in a proxy log is spent). Recovery codes are random,
shown once and kept only as keyed hashes.
"""

from __future__ import annotations

import secrets
import time

import pyotp

from service import qr, signing
from service.domain.accounts import RECOVERY_CODES

STEP = 30  # seconds per code (RFC 6238's default, what every authenticator app uses)
DRIFT = 1  # steps accepted on either side of the current one
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread


def new_secret() -> str:
    return pyotp.random_base32()


def setup_uri(secret: str, account: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret, interval=STEP).provisioning_uri(name=account, issuer_name=issuer)


def qr_data_uri(uri: str) -> str:
    """The QR code as an SVG data: URI (the admin CSP allows images from data: only)."""
    return qr.svg_data_uri(uri)


def matching_step(secret: str, code: str, at: float | None = None) -> int | None:
    """The time step whose code this is (now, give or take DRIFT steps), or None."""
    code = "".join(code.split())
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return None
    moment = time.time() if at is None else at
    totp = pyotp.TOTP(secret, interval=STEP)
    current = int(moment // STEP)
    for step in range(current - DRIFT, current + DRIFT + 1):
        if signing.same(totp.at(step * STEP), code):
            return step
    return None


def new_recovery_codes() -> list[str]:
    """RECOVERY_CODES fresh codes, as shown to the person ("abcde-fghjk")."""
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    return codes


def recovery_hash(account_id: int, code: str) -> str:
    """A code's keyed hash, as stored; spaces, dashes and capitals do not matter."""
    clean = "".join(c for c in code.lower() if c.isalnum())
    return signing.digest(f"{account_id}:{clean}", "recovery-code")


def looks_like_recovery_code(code: str) -> bool:
    clean = "".join(c for c in code.lower() if c.isalnum())
    return len(clean) == 10 and all(c in _RECOVERY_ALPHABET for c in clean)

"""What `serve` prints at start: where everything is, how it is set, and likely mistakes."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import settings
from service import notify

_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0")  # noqa: S104 - names only


def _is_local(url: str) -> bool:
    return (urlsplit(url).hostname or "") in _LOCAL_HOSTS


def database_shown(url: str) -> str:
    """DATABASE_URL with any password replaced, fit to print."""
    return re.sub(r"(://[^:/@]+:)[^@]+@", r"\1***@", url)


def warnings() -> list[str]:
    """Settings that are probably a mistake, each saying what to change."""
    found = []
    if not settings.ALLOWED_ORIGINS and not _is_local(settings.PUBLIC_URL):
        found.append(
            "ALLOWED_ORIGINS is empty, so no other site can embed the comments widget; "
            "set it to your site, e.g. ALLOWED_ORIGINS=https://www.example.nl"
        )
    if settings.ENVIRONMENT == "production" and settings.PUBLIC_URL.startswith("http://"):
        found.append(
            "PUBLIC_URL is http:// in production: admin cookies are not Secure and there is "
            "no HSTS; put Chorus behind TLS and set PUBLIC_URL=https://..."
        )
    return found


def lines(password: str | None = None) -> list[str]:
    """The banner, line by line; `password` only on the first start, when it was generated."""
    base = settings.PUBLIC_URL
    mail = (
        f"on: notices to {settings.NOTIFY_EMAIL} via {settings.SMTP_HOST}"
        if notify.enabled()
        else "off (set NOTIFY_EMAIL and SMTP_HOST)"
    )
    origins = ", ".join(settings.ALLOWED_ORIGINS) or "none besides Chorus itself"
    out = [
        f"Chorus admin:     {base}/admin/",
    ]
    if password:
        out += [f"Password (shown once): {password}", "Change it with: make admin-password"]
    out += [
        f"Demo post:        {base}/demo/magnesium-en-slaap",
        f"Demo homepage:    {base}/demo/",
        f"Database:         {database_shown(settings.DATABASE_URL)}",
        f"Moderation:       {settings.MODERATION}",
        f"Owner mail:       {mail}",
        f"Allowed origins:  {origins}",
        "Second factor:    "
        + ("required (ADMIN_REQUIRE_2FA)" if settings.ADMIN_REQUIRE_2FA else "optional"),
    ]
    if not settings.ADMIN_REQUIRE_2FA:
        out.append(
            "Recommended:      ADMIN_REQUIRE_2FA=true, so every admin sign-in needs a second "
            "factor (set one up on /admin/account first)"
        )
    out += [f"WARNING: {w}" for w in warnings()]
    return out


def render(password: str | None = None) -> str:
    rule = "=" * 72
    return "\n".join([rule, *(f"  {line}" for line in lines(password)), rule])

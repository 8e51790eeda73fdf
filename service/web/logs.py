"""Keep bearer secrets and readers' addresses out of the log.

Threat: a log is read by more people than the owner (a host's support, a log service, a backup),
and kept longer than a link lives. A manage, confirm, unsubscribe or one-click mail link is a
bearer token in its path, and an `email=` or `token=` in a query string names a reader or opens
their comments. A filter on the access log's and Chorus's own handlers writes `…` in their
place before any line is formatted; `serve` and the app's start-up both install it, so the
workers that uvicorn starts afresh have it too.
"""

from __future__ import annotations

import logging
import re

HIDDEN = "…"
# Paths whose segment after the prefix is a token (tests check every `{token}` route is here).
TOKENED = (
    "/manage",
    "/replies/confirm",
    "/replies/unsubscribe",
    "/admin/mail",
    "/admin/invite",
    "/s",
)
# Query parameters that name a reader or carry a secret.
SECRET_PARAMS = ("email", "token", "author_token")

_PATH = re.compile(
    "(" + "|".join(re.escape(prefix) for prefix in TOKENED) + r")/[\w.~%=-]+",
)
_PARAM = re.compile(r"([?&](?:" + "|".join(SECRET_PARAMS) + r")=)[^&#\s\"']*", re.IGNORECASE)
# The loggers whose lines may name a request: uvicorn's and Chorus's own (all under "chorus").
LOGGERS = ("uvicorn", "uvicorn.access", "uvicorn.error", "chorus")
_TRACEBACKS = logging.Formatter()


def scrub(text: str) -> str:
    """`text` with every token path segment and secret query value replaced by `…`."""
    return _PARAM.sub(r"\1" + HIDDEN, _PATH.sub(r"\1/" + HIDDEN, text))


def _scrubbed(value: object) -> object:
    return scrub(value) if isinstance(value, str) else value


class HideSecrets(logging.Filter):
    """Rewrites a record's message; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access" and isinstance(record.args, tuple):
            # uvicorn's access formatter reads the arguments one by one: keep them a tuple.
            record.args = tuple(_scrubbed(arg) for arg in record.args)
            return True
        if record.exc_info and not record.exc_text:
            # A traceback can quote a path too; formatters use this text as it is set here.
            record.exc_text = scrub(_TRACEBACKS.formatException(record.exc_info))
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: logging itself reports it
            return True
        hidden = scrub(message)
        if hidden != message:
            # Formatted once here: scrubbing the template alone could drop a placeholder.
            record.msg, record.args = hidden, ()
        return True


def _add(target: logging.Filterer) -> None:
    if not any(isinstance(f, HideSecrets) for f in target.filters):
        target.addFilter(HideSecrets())


def install() -> None:
    """Put the filter on the named loggers and on every handler they and the root write to.

    A logger's filter sees only records logged on it, a handler's sees those of its children
    too, so both. Call it again after logging is configured anew (uvicorn's dictConfig): it
    adds the filter only where it is missing.
    """
    for name in (None, *LOGGERS):
        logger = logging.getLogger(name)
        if name is not None:
            _add(logger)
        for handler in logger.handlers:
            _add(handler)

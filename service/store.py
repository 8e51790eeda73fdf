"""Every SQL statement Chorus runs, one async function per query.

Functions take the `Database` first and return dataclasses from `service.comments`, never records.
State changes are guarded (`WHERE status IN (...)`) and say whether a row changed, and each owner
action writes its moderation-log row in the same transaction as the change itself.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg
from databases import Database

from service.comments import Comment, Status, Thread

_COMMENT_COLUMNS = """
    c.id, c.thread_id, c.parent_id, c.author, c.email, c.website, c.body, c.html, c.status,
    c.owner, c.consent, c.consent_at, c.consent_version, c.testimonial, c.excerpt, c.promoted_at,
    c.rating, c.lang, c.created_at, c.updated_at, c.moderated_at, c.author_key,
    t.page_key, t.title AS page_title, t.url AS page_url
"""
_FROM = "FROM comments c JOIN threads t ON t.id = c.thread_id"


class Duplicate(Exception):
    """The same text was already posted to the same place."""


class ParentRefused(Exception):
    """A reply names a comment that is missing, elsewhere or not published."""


def now() -> str:
    """UTC time as fixed-width ISO 8601 text, so it sorts the same on every backend."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def body_hash(parent_id: int | None, body: str) -> str:
    return hashlib.sha256(f"{parent_id or 0}\n{body}".encode()).hexdigest()


def _comment(row: Any) -> Comment:
    m: Mapping[str, Any] = row._mapping
    return Comment(
        id=int(m["id"]),
        thread_id=int(m["thread_id"]),
        parent_id=int(m["parent_id"]) if m["parent_id"] is not None else None,
        author=m["author"],
        email=m["email"],
        website=m["website"],
        body=m["body"],
        html=m["html"],
        status=Status(m["status"]),
        owner=bool(m["owner"]),
        consent=bool(m["consent"]),
        consent_at=m["consent_at"],
        consent_version=m["consent_version"],
        testimonial=bool(m["testimonial"]),
        excerpt=m["excerpt"],
        promoted_at=m["promoted_at"],
        rating=m["rating"],
        lang=m["lang"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
        moderated_at=m["moderated_at"],
        author_key=m["author_key"],
        page_key=m["page_key"],
        page_title=m["page_title"],
        page_url=m["page_url"],
    )


def _is_unique_violation(exc: Exception) -> bool:
    if isinstance(exc, asyncpg.UniqueViolationError):
        return True
    return isinstance(exc, sqlite3.IntegrityError) and "UNIQUE" in str(exc)


async def ping(db: Database) -> None:
    await db.fetch_val("SELECT 1")


# -- threads -----------------------------------------------------------------------------------


async def _upsert_thread(db: Database, page_key: str, title: str, url: str) -> int:
    """Create the page's thread or refresh its title and URL; the first statement writes."""
    return int(
        await db.fetch_val(
            """
            INSERT INTO threads (page_key, title, url, created_at)
            VALUES (:page_key, :title, :url, :now)
            ON CONFLICT (page_key) DO UPDATE SET
                title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE threads.title END,
                url = CASE WHEN excluded.url <> '' THEN excluded.url ELSE threads.url END
            RETURNING id
            """,
            {"page_key": page_key, "title": title, "url": url, "now": now()},
        )
    )


async def get_thread(db: Database, page_key: str) -> Thread | None:
    row = await db.fetch_one(
        "SELECT id, page_key, title, url FROM threads WHERE page_key = :page_key",
        {"page_key": page_key},
    )
    if row is None:
        return None
    return Thread(int(row["id"]), row["page_key"], row["title"], row["url"])


# -- intake ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewComment:
    """What intake stores: validated, sanitised and with the status decided."""

    page_key: str
    page_title: str
    page_url: str
    parent_id: int | None
    author: str
    email: str
    website: str
    body: str
    html: str
    status: Status
    consent: bool
    consent_version: str
    rating: int | None
    lang: str
    client_hash: str
    author_key: str
    owner: bool = False


async def insert_comment(db: Database, new: NewComment) -> int:
    """Store a comment (and its page's thread) in one transaction; return the new id.

    The id comes from the INSERT itself, never from a later look-up, so concurrent posts can
    never be handed each other's comments.
    """
    stamp = now()
    try:
        async with db.transaction():
            thread_id = await _upsert_thread(db, new.page_key, new.page_title, new.page_url)
            if new.parent_id is not None:
                parent = await db.fetch_one(
                    "SELECT thread_id, status FROM comments WHERE id = :id", {"id": new.parent_id}
                )
                if parent is None or int(parent["thread_id"]) != thread_id:
                    raise ParentRefused("parent is not a comment on this page")
                if parent["status"] != Status.APPROVED:
                    raise ParentRefused("parent is not a published comment")
            return int(
                await db.fetch_val(
                    """
                    INSERT INTO comments (
                        thread_id, parent_id, author, email, website, body, body_hash, html,
                        status, owner, consent, consent_at, consent_version, rating, lang,
                        client_hash, author_key, created_at, updated_at, moderated_at
                    ) VALUES (
                        :thread_id, :parent_id, :author, :email, :website, :body, :body_hash,
                        :html, :status, :owner, :consent, :consent_at, :consent_version, :rating,
                        :lang, :client_hash, :author_key, :now, :now, :moderated_at
                    )
                    RETURNING id
                    """,
                    {
                        "thread_id": thread_id,
                        "parent_id": new.parent_id,
                        "author": new.author,
                        "email": new.email,
                        "website": new.website,
                        "body": new.body,
                        "body_hash": body_hash(new.parent_id, new.body),
                        "html": new.html,
                        "status": new.status.value,
                        "owner": int(new.owner),
                        "consent": int(new.consent),
                        "consent_at": stamp if new.consent else None,
                        "consent_version": new.consent_version if new.consent else None,
                        "rating": new.rating,
                        "lang": new.lang,
                        "client_hash": new.client_hash,
                        "author_key": new.author_key,
                        "now": stamp,
                        "moderated_at": stamp if new.owner else None,
                    },
                )
            )
    except Exception as exc:
        if _is_unique_violation(exc):
            raise Duplicate("the same text was already posted here") from None
        raise


async def author_is_trusted(db: Database, author_key: str) -> bool:
    """Whether this browser (by its signed author key) already had a comment approved."""
    if not author_key:
        return False
    row = await db.fetch_one(
        "SELECT 1 FROM comments WHERE author_key = :key AND status = 'approved' AND owner = 0 "
        "LIMIT 1",
        {"key": author_key},
    )
    return row is not None


# -- public reads ------------------------------------------------------------------------------


async def get_comment(db: Database, comment_id: int) -> Comment | None:
    row = await db.fetch_one(
        f"SELECT {_COMMENT_COLUMNS} {_FROM} WHERE c.id = :id", {"id": comment_id}
    )
    return _comment(row) if row else None


async def list_approved(db: Database, page_key: str) -> list[Comment]:
    """A page's published comments, oldest first, so replies follow their parents."""
    rows = await db.fetch_all(
        f"SELECT {_COMMENT_COLUMNS} {_FROM} "
        "WHERE t.page_key = :page_key AND c.status = 'approved' ORDER BY c.id",
        {"page_key": page_key},
    )
    return [_comment(r) for r in rows]


async def list_own_pending(db: Database, page_key: str, author_key: str) -> list[Comment]:
    """The comments one browser posted to a page that still wait for review."""
    rows = await db.fetch_all(
        f"SELECT {_COMMENT_COLUMNS} {_FROM} "
        "WHERE c.author_key = :key AND c.status = 'pending' AND t.page_key = :page_key "
        "ORDER BY c.id",
        {"key": author_key, "page_key": page_key},
    )
    return [_comment(r) for r in rows]


_TESTIMONIAL = "c.status = 'approved' AND c.consent = 1 AND c.testimonial = 1"


async def list_testimonials(db: Database, limit: int, before: int | None = None) -> list[Comment]:
    """Published, consented, promoted comments, newest first; `before` is an id cursor."""
    values: dict[str, Any] = {"limit": limit}
    cursor = ""
    if before is not None:
        cursor, values["before"] = "AND c.id < :before", before
    rows = await db.fetch_all(
        f"SELECT {_COMMENT_COLUMNS} {_FROM} WHERE {_TESTIMONIAL} {cursor} "
        "ORDER BY c.id DESC LIMIT :limit",
        values,
    )
    return [_comment(r) for r in rows]


# -- owner reads -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """A filter over the whole queue, as the owner's list and admin page ask for it."""

    status: Status | None = None
    testimonial: bool | None = None
    page_key: str = ""
    search: str = ""
    oldest_first: bool = False
    limit: int = 20
    offset: int = 0


def _where(query: Query) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = ["1 = 1"]
    values: dict[str, Any] = {}
    if query.status is not None:
        clauses.append("c.status = :status")
        values["status"] = query.status.value
    if query.testimonial is not None:
        clauses.append("c.testimonial = :testimonial")
        values["testimonial"] = int(query.testimonial)
    if query.page_key:
        clauses.append("t.page_key = :page_key")
        values["page_key"] = query.page_key
    if query.search:
        pattern = query.search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append(
            "(LOWER(c.author) LIKE :search ESCAPE '\\' OR LOWER(c.body) LIKE :search ESCAPE '\\')"
        )
        values["search"] = f"%{pattern}%"
    return " AND ".join(clauses), values


async def list_comments(db: Database, query: Query) -> tuple[list[Comment], int]:
    """One page of the queue and the number of comments the filter matches in all."""
    where, values = _where(query)
    order = "ASC" if query.oldest_first else "DESC"
    rows = await db.fetch_all(
        f"SELECT {_COMMENT_COLUMNS} {_FROM} WHERE {where} "
        f"ORDER BY c.id {order} LIMIT :limit OFFSET :offset",
        {**values, "limit": query.limit, "offset": query.offset},
    )
    total = await db.fetch_val(f"SELECT COUNT(*) {_FROM} WHERE {where}", values)
    return [_comment(r) for r in rows], int(total)


async def count_by_status(db: Database, page_key: str = "") -> dict[str, int]:
    """Counts for each status, plus `testimonials` and `all`, for the queue's tabs."""
    where = "WHERE t.page_key = :page_key" if page_key else ""
    values = {"page_key": page_key} if page_key else {}
    rows = await db.fetch_all(
        f"SELECT c.status, COUNT(*) AS n, SUM(CASE WHEN {_TESTIMONIAL} THEN 1 ELSE 0 END) AS t "
        f"{_FROM} {where} GROUP BY c.status",
        values,
    )
    counts = {status.value: 0 for status in Status}
    testimonials = 0
    for row in rows:
        counts[row["status"]] = int(row["n"])
        testimonials += int(row["t"] or 0)
    counts["testimonials"] = testimonials
    counts["all"] = sum(counts[s.value] for s in Status)
    return counts


async def list_threads(db: Database) -> list[Thread]:
    rows = await db.fetch_all("SELECT id, page_key, title, url FROM threads ORDER BY page_key")
    return [Thread(int(r["id"]), r["page_key"], r["title"], r["url"]) for r in rows]


# -- owner actions -----------------------------------------------------------------------------


async def _log(
    db: Database,
    comment_id: int,
    action: str,
    actor: str,
    from_status: str | None,
    to_status: str | None,
    detail: str = "",
) -> None:
    await db.execute(
        "INSERT INTO moderation_log "
        "(comment_id, action, actor, from_status, to_status, detail, created_at) "
        "VALUES (:comment_id, :action, :actor, :from_status, :to_status, :detail, :now)",
        {
            "comment_id": comment_id,
            "action": action,
            "actor": actor,
            "from_status": from_status,
            "to_status": to_status,
            "detail": detail,
            "now": now(),
        },
    )


async def set_status(
    db: Database,
    comment_id: int,
    new: Status,
    *,
    allowed_from: Iterable[Status],
    action: str,
    actor: str,
) -> Status | None:
    """Move a comment to `new` if it is in one of `allowed_from`; return the old status."""
    allowed = [s.value for s in allowed_from]
    names = {f"from{i}": s for i, s in enumerate(allowed)}
    placeholders = ", ".join(f":{n}" for n in names)
    async with db.transaction():
        # SET expressions see the row as it was, so previous_status receives the old status.
        old = await db.fetch_val(
            "UPDATE comments SET previous_status = status, status = :new, "
            "moderated_at = :now, updated_at = :now "
            f"WHERE id = :id AND status IN ({placeholders}) RETURNING previous_status",
            {"new": new.value, "now": now(), "id": comment_id, **names},
        )
        if old is None:
            return None
        await _log(db, comment_id, action, actor, old, new.value)
    return Status(old)


class NoConsent(Exception):
    """The author did not agree to testimonial use, so the comment cannot be promoted."""


async def promote(db: Database, comment_id: int, excerpt: str, actor: str) -> bool:
    """Make an approved, consented comment a testimonial; False if it is not approved.

    Raises NoConsent when the author gave no consent.
    """
    async with db.transaction():
        changed = await db.fetch_val(
            "UPDATE comments SET testimonial = 1, excerpt = :excerpt, promoted_at = :now, "
            "updated_at = :now WHERE id = :id AND status = 'approved' AND consent = 1 "
            "AND owner = 0 RETURNING id",
            {"excerpt": excerpt, "now": now(), "id": comment_id},
        )
        if changed is None:
            consent = await db.fetch_val(
                "SELECT consent FROM comments WHERE id = :id AND owner = 0", {"id": comment_id}
            )
            if consent == 0:
                raise NoConsent("the author did not agree to testimonial use")
            return False
        await _log(db, comment_id, "promote", actor, "approved", "approved", excerpt)
    return True


async def demote(db: Database, comment_id: int, actor: str) -> bool:
    """Take a comment off the testimonials; False if it was not one."""
    async with db.transaction():
        changed = await db.fetch_val(
            "UPDATE comments SET testimonial = 0, updated_at = :now "
            "WHERE id = :id AND testimonial = 1 RETURNING status",
            {"now": now(), "id": comment_id},
        )
        if changed is None:
            return False
        await _log(db, comment_id, "demote", actor, changed, changed)
    return True


async def delete_comment(db: Database, comment_id: int, actor: str) -> bool:
    """Delete a comment for good; its replies stay, moved up to the top level."""
    async with db.transaction():
        await db.execute(
            "UPDATE comments SET parent_id = NULL WHERE parent_id = :id", {"id": comment_id}
        )
        old = await db.fetch_val(
            "DELETE FROM comments WHERE id = :id RETURNING status", {"id": comment_id}
        )
        if old is None:
            return False
        await _log(db, comment_id, "delete", actor, old, None)
    return True


async def log_reply(db: Database, reply_id: int, parent_id: int, actor: str) -> None:
    """Record an owner reply in the moderation log, against the comment it answers."""
    await _log(db, parent_id, "reply", actor, None, None, f"reply {reply_id}")


@dataclass(frozen=True)
class LogEntry:
    id: int
    comment_id: int
    action: str
    actor: str
    from_status: str | None
    to_status: str | None
    detail: str
    created_at: str
    author: str | None
    page_title: str | None


async def list_log(
    db: Database, limit: int = 50, before: int | None = None, comment_id: int | None = None
) -> list[LogEntry]:
    """The moderation log, newest first, with the author and page of comments still there."""
    clauses, values = ["1 = 1"], {"limit": limit}
    if before is not None:
        clauses.append("l.id < :before")
        values["before"] = before
    if comment_id is not None:
        clauses.append("l.comment_id = :comment_id")
        values["comment_id"] = comment_id
    rows = await db.fetch_all(
        "SELECT l.id, l.comment_id, l.action, l.actor, l.from_status, l.to_status, l.detail, "
        "l.created_at, c.author, t.title AS page_title FROM moderation_log l "
        "LEFT JOIN comments c ON c.id = l.comment_id LEFT JOIN threads t ON t.id = c.thread_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY l.id DESC LIMIT :limit",
        values,
    )
    return [
        LogEntry(
            id=int(r["id"]),
            comment_id=int(r["comment_id"]),
            action=r["action"],
            actor=r["actor"],
            from_status=r["from_status"],
            to_status=r["to_status"],
            detail=r["detail"],
            created_at=r["created_at"],
            author=r["author"],
            page_title=r["page_title"],
        )
        for r in rows
    ]


# -- owner sessions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Session:
    id: str
    csrf_token: str
    created_at: str
    last_seen: str


async def create_session(db: Database, session_hash: str, csrf_token: str) -> None:
    stamp = now()
    await db.execute(
        "INSERT INTO admin_sessions (id, csrf_token, created_at, last_seen) "
        "VALUES (:id, :csrf, :now, :now)",
        {"id": session_hash, "csrf": csrf_token, "now": stamp},
    )


async def get_session(db: Database, session_hash: str, idle_since: str) -> Session | None:
    """A session seen after `idle_since`, marked as seen now; None if missing or idle too long."""
    row = await db.fetch_one(
        "UPDATE admin_sessions SET last_seen = :now WHERE id = :id AND last_seen > :idle "
        "RETURNING id, csrf_token, created_at, last_seen",
        {"now": now(), "id": session_hash, "idle": idle_since},
    )
    if row is None:
        return None
    return Session(row["id"], row["csrf_token"], row["created_at"], row["last_seen"])


async def delete_session(db: Database, session_hash: str) -> None:
    await db.execute("DELETE FROM admin_sessions WHERE id = :id", {"id": session_hash})


async def delete_all_sessions(db: Database) -> None:
    await db.execute("DELETE FROM admin_sessions")


async def delete_idle_sessions(db: Database, idle_since: str) -> None:
    await db.execute("DELETE FROM admin_sessions WHERE last_seen <= :idle", {"idle": idle_since})


async def undo_status(db: Database, comment_id: int, expected: Status, actor: str) -> Status | None:
    """Put a comment back to the status it had before its last change, if it still is `expected`."""
    async with db.transaction():
        row = await db.fetch_one(
            "UPDATE comments SET status = previous_status, previous_status = status, "
            "moderated_at = :now, updated_at = :now WHERE id = :id AND status = :expected "
            "AND previous_status IS NOT NULL RETURNING status",
            {"now": now(), "id": comment_id, "expected": expected.value},
        )
        if row is None:
            return None
        await _log(db, comment_id, "undo", actor, expected.value, row["status"])
    return Status(row["status"])


# -- versions for caching ------------------------------------------------------------------------


async def testimonials_version(db: Database) -> str:
    """Changes whenever anything that can appear in the testimonials could have changed."""
    row = await db.fetch_one(
        "SELECT COUNT(*) AS n, MAX(c.updated_at) AS latest, MAX(c.id) AS top "
        "FROM comments c WHERE c.testimonial = 1"
    )
    assert row is not None
    return f"{row['n']}:{row['latest']}:{row['top']}"


async def page_version(db: Database, page_key: str) -> str:
    """Changes whenever any comment of the page is added, changed or removed."""
    row = await db.fetch_one(
        "SELECT COUNT(*) AS n, MAX(c.updated_at) AS latest, MAX(c.id) AS top "
        "FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.page_key = :page_key",
        {"page_key": page_key},
    )
    assert row is not None
    return f"{row['n']}:{row['latest']}:{row['top']}"


# -- the reader's own rights ------------------------------------------------------------------


async def withdraw_consent(db: Database, comment_id: int, author_key: str) -> bool:
    """The author takes back testimonial consent: the comment leaves the testimonials at once."""
    async with db.transaction():
        changed = await db.fetch_val(
            "UPDATE comments SET consent = 0, testimonial = 0, updated_at = :now "
            "WHERE id = :id AND author_key = :key AND author_key <> '' AND consent = 1 "
            "RETURNING status",
            {"now": now(), "id": comment_id, "key": author_key},
        )
        if changed is None:
            return False
        await _log(db, comment_id, "withdraw_consent", "author", changed, changed)
    return True


async def delete_own_comment(db: Database, comment_id: int, author_key: str) -> bool:
    """The author deletes their own comment; replies stay, moved up to the top level."""
    async with db.transaction():
        owner_of = await db.fetch_val(
            "SELECT id FROM comments WHERE id = :id AND author_key = :key AND author_key <> ''",
            {"id": comment_id, "key": author_key},
        )
        if owner_of is None:
            return False
        await db.execute(
            "UPDATE comments SET parent_id = NULL WHERE parent_id = :id", {"id": comment_id}
        )
        old = await db.fetch_val(
            "DELETE FROM comments WHERE id = :id RETURNING status", {"id": comment_id}
        )
        await _log(db, comment_id, "delete", "author", old, None)
    return True


async def export_all(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every thread, comment and log entry, for the owner's backup or a move elsewhere."""
    tables = {
        "threads": "SELECT id, page_key, title, url, created_at FROM threads ORDER BY id",
        "comments": "SELECT id, thread_id, parent_id, author, email, website, body, html, status, "
        "owner, consent, consent_at, consent_version, testimonial, excerpt, promoted_at, rating, "
        "lang, created_at, updated_at, moderated_at FROM comments ORDER BY id",
        "moderation_log": "SELECT id, comment_id, action, actor, from_status, to_status, detail, "
        "created_at FROM moderation_log ORDER BY id",
    }
    return {
        name: [dict(row._mapping) for row in await db.fetch_all(query)]
        for name, query in tables.items()
    }


async def redact(
    db: Database, comment_id: int, body: str, html: str, excerpt: str, cuts: int, actor: str
) -> bool:
    """Replace a comment's text by the owner's redaction of it, logged with what was removed."""
    async with db.transaction():
        row = await db.fetch_one(
            "UPDATE comments SET body = :body, body_hash = :hash, html = :html, "
            "excerpt = :excerpt, updated_at = :now WHERE id = :id AND owner = 0 "
            "RETURNING status",
            {
                "body": body,
                "hash": body_hash(None, f"{comment_id}\n{body}"),
                "html": html,
                "excerpt": excerpt,
                "now": now(),
                "id": comment_id,
            },
        )
        if row is None:
            return False
        await _log(db, comment_id, "redact", actor, row["status"], row["status"], f"{cuts} cut(s)")
    return True

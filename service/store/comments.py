"""Comments: intake, public and owner reads, guarded status changes, the reader's own rights.

The owner's queue and its search are read in `queue.py` and `search.py`, from the columns and
row shape defined here (`COMMENT_COLUMNS`, `comment_from_row`).

Methods return records from `service.domain`, never database rows. State changes are guarded
(`WHERE status IN (...)`) and say whether a row changed, and each owner action writes its
moderation-log row in the same transaction as the change itself.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import asyncpg

from service.domain.abuse import duplicate_hash
from service.domain.addresses import address_key
from service.domain.comments import Author, ChangeScope, Comment, NewComment, Status
from service.domain.undo import DemoteUndo, PromoteUndo, RedactUndo, StatusUndo, UndoTicket
from service.domain.wall import Wall
from service.store.clock import now
from service.store.connection import is_sqlite
from service.store.engine import Database, atomically, scoped_changes
from service.store.faults import UNAVAILABLE, describe_failure
from service.store.log import forget_words, write_log
from service.store.outbox import drop_mail_about
from service.store.threads import name_from_comment, upsert_thread
from service.store.undo import forget, forget_all, write_undo

COMMENT_COLUMNS = """
    c.id, c.thread_id, c.parent_id, c.author, c.email, c.website, c.body, c.html, c.status,
    c.owner, c.consent, c.consent_at, c.consent_version, c.testimonial, c.excerpt, c.promoted_at,
    c.rating, c.lang, c.created_at, c.updated_at, c.moderated_at, c.author_key,
    c.consent_withdrawn_at, c.hints, c.previous_body, c.edited_at, c.pinned_at, c.display_name,
    c.source, c.invited_at,
    t.page_key, COALESCE(NULLIF(t.title, ''), c.offered_title) AS page_title,
    COALESCE(NULLIF(t.url, ''), c.offered_url) AS page_url
"""
# A page that no published comment has named yet is shown to the owner and the author by the
# title and address their own post offered (only a published comment names the page for
# everyone; once one has, the page's own win, so the public never sees an offered one).
THREAD_JOIN = "JOIN threads t ON t.id = c.thread_id"
FROM_COMMENTS = f"FROM comments c {THREAD_JOIN}"
log = logging.getLogger("chorus.store")
# After a lost connection, how often and how far apart to ask whether the comment was stored.
LOOKUP_ATTEMPTS = 4
LOOKUP_PAUSE = 0.5  # seconds


async def drop_copies(db: Database, comment_ids: Sequence[int]) -> None:
    """The comments are about to be deleted: every copy of their words and addresses goes first.

    Their log rows lose their details, their undo rows, subscriptions and earlier statements of
    reasons (which hold the author's address) go, and so does queued mail about them or to their
    subscribers. Called in the deleting transaction, before their replies lose their parent;
    `forget_search` follows the delete itself. A statement about the deletion itself is written
    after it, by the use case.
    """
    if not comment_ids:
        return
    await drop_mail_about(db, comment_ids)
    await forget_words(db, comment_ids)
    await forget_all(db, comment_ids)
    names = {f"id{n}": comment_id for n, comment_id in enumerate(comment_ids)}
    await db.execute(
        f"DELETE FROM subscriptions WHERE comment_id IN (:{', :'.join(names)})", names, public=True
    )
    await db.execute(
        f"DELETE FROM statements WHERE comment_id IN (:{', :'.join(names)})", names, public=False
    )


async def forget_search(db: Database, comment_ids: Sequence[int]) -> None:
    """On SQLite, rewrite the search index without the words of deleted or redacted comments.

    FTS5 only marks a deleted row's entries as deleted; the old entries (trigrams of the words,
    enough to read them back) stay in its pages until the index is merged. Merging the whole
    index costs about a second per 20,000 comments, so it runs only when one of `comment_ids`
    was indexed. PostgreSQL's indexes drop dead entries at the next VACUUM (autovacuum).
    """
    if not comment_ids or not is_sqlite(db):
        return
    upto = await db.fetch_val("SELECT indexed_upto FROM comment_search_state")
    if upto is not None and min(comment_ids) <= int(upto):
        await db.execute(
            "INSERT INTO comment_search (comment_search) VALUES ('optimize')", public=False
        )


class Duplicate(Exception):
    """The same text was already posted to the same place."""


class TooLate(Exception):
    """The author's edit window for this comment has passed."""


class ParentRefused(Exception):
    """A reply names a comment that is missing, elsewhere or not published."""


def body_hash(parent_id: int | None, body: str) -> str:
    """The duplicate key: the same words in the same place, however they are written."""
    return duplicate_hash(parent_id, body)


@dataclass(frozen=True)
class Added:
    """A comment just added: its id and its page's thread."""

    comment_id: int
    thread_id: int


def comment_from_row(row: Any) -> Comment:
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
        hints=m["hints"],
        page_key=m["page_key"],
        page_title=m["page_title"],
        page_url=m["page_url"],
        consent_withdrawn_at=m["consent_withdrawn_at"],
        previous_body=m["previous_body"],
        edited_at=m["edited_at"],
        pinned_at=m["pinned_at"],
        display_name=m["display_name"],
        source=m["source"],
        invited_at=m["invited_at"],
    )


def _is_unique_violation(exc: Exception) -> bool:
    if isinstance(exc, asyncpg.UniqueViolationError):
        return True
    return isinstance(exc, sqlite3.IntegrityError) and "UNIQUE" in str(exc)


def _owned_by(who: Author) -> tuple[str, dict[str, str]]:
    """The clause matching the comments of `who`: by author key, or by a mailed address's key."""
    if who.key:
        return "author_key = :who AND author_key <> ''", {"who": who.key}
    return "email_key = :who AND email_key <> '' AND owner = 0", {"who": address_key(who.email)}


class NoConsent(Exception):
    """The author did not agree to testimonial use, so the comment cannot be promoted."""


class Changed(Exception):
    """The comment is no longer as the caller read it: its text or testimonial moved on."""


_TESTIMONIAL = "c.status = 'approved' AND c.consent = 1 AND c.testimonial = 1"


class Comments:
    """Every query about comments; one instance per database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, new: NewComment, key: str) -> Added | None:
        """The statements for one new comment (and its page's thread), in the caller's unit of work.

        `key` is the comment's duplicate hash (`duplicate_hash`). None when the same words are
        already in the same place: the unique index decides, folded into the INSERT, so a
        duplicate costs no statement of its own. The id comes from the INSERT itself, never from
        a later look-up, so concurrent posts are never handed each other's comments. A
        reply's parent is checked first, in the same unit of work (`check_parent`).
        """
        stamp = now()
        # Only a published comment or the owner's own names the page.
        names = new.owner or new.status == Status.APPROVED
        thread_id = await upsert_thread(
            self.db, new.page_key, new.page_title, new.page_url, names=names
        )
        # A story from Chorus's own pages says where it came from; a comment keeps the columns'
        # defaults, so its INSERT names only what every schema since 001 has.
        origin = {
            name: value
            for name, value in (
                ("source", new.source),
                ("invite_id", new.invite_id),
                ("invited_at", new.invited_at),
                ("display_name", new.display_name),
            )
            if value is not None and (name, value) != ("source", "comment")
        }
        origin_columns = "".join(f", {name}" for name in origin)
        origin_values = "".join(f", :{name}" for name in origin)
        found = await self.db.fetch_val(
            f"""
            INSERT INTO comments (
                thread_id, parent_id, author, email, website, body, body_hash, html,
                status, owner, consent, consent_at, consent_version, rating, lang,
                client_hash, author_key, created_at, updated_at, moderated_at, hints,
                offered_title, offered_url{origin_columns}
            ) VALUES (
                :thread_id, :parent_id, :author, :email, :website, :body,
                :body_hash, :html, :status, :owner, :consent, :consent_at,
                :consent_version, :rating, :lang, :client_hash, :author_key,
                :now, :now, :moderated_at, :hints, :offered_title, :offered_url{origin_values}
            )
            ON CONFLICT (thread_id, body_hash) DO NOTHING
            RETURNING id
            """,
            {
                "thread_id": thread_id,
                "parent_id": new.parent_id,
                "author": new.author,
                "email": new.email,
                "website": new.website,
                "body": new.body,
                "body_hash": key,
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
                "hints": new.hints,
                "offered_title": new.page_title,
                "offered_url": new.page_url,
                **origin,
            },
            public=True,
        )
        return Added(int(found), thread_id) if found is not None else None

    async def check_parent(self, parent_id: int, page_key: str) -> str:
        """Why a comment on `page_key` may not answer comment `parent_id`; "" when it may."""
        parent = await self.db.fetch_one(
            "SELECT c.status, t.page_key FROM comments c JOIN threads t ON t.id = c.thread_id "
            "WHERE c.id = :id",
            {"id": parent_id},
        )
        if parent is None or parent["page_key"] != page_key:
            return "parent is not a comment on this page"
        if parent["status"] != Status.APPROVED:
            return "parent is not a published comment"
        return ""

    async def insert(self, new: NewComment) -> int:
        """Store a comment (and its page's thread) in a transaction of its own; return its id.

        Only the rows themselves: what else a new comment sets off (notices, the intake log,
        subscriptions) is its use case's decision (`readers.submit`). Raises Duplicate for the
        same words in the same place, ParentRefused for a reply that may not be one.
        """
        key = body_hash(new.parent_id, new.body)

        async def store_it() -> Added | None:
            if new.parent_id is not None:
                refused = await self.check_parent(new.parent_id, new.page_key)
                if refused:
                    raise ParentRefused(refused)
            return await self.add(new, key)

        try:
            added = await atomically(self.db, store_it)
        except UNAVAILABLE as failure:
            # The connection may have died after the server committed (the answer to COMMIT
            # was lost): a comment that was stored must never be answered with an error.
            return await self.stored_despite(failure, new.page_key, key, new.author_key)
        if added is None:
            raise Duplicate("the same text was already posted here")
        return added.comment_id

    async def stored_despite(
        self, failure: BaseException, page_key: str, key: str, author_key: str
    ) -> int:
        """After a commit that seemed to fail: the comment's id if the server stored it anyway
        (the connection died after COMMIT, so its answer was lost), else `failure` again. A
        comment that was stored must never be answered with an error."""
        stored = await self.stored_anyway(page_key, key, author_key)
        if stored is None:
            raise failure
        log.warning(
            "comment %s was stored although its commit failed: %s",
            stored,
            describe_failure(failure),
        )
        return stored

    async def stored_anyway(self, page_key: str, key: str, author_key: str) -> int | None:
        """The id of a comment whose commit seemed to fail, if it is stored after all.

        None if not, or if we cannot tell. (page, duplicate hash) is unique, and the author key
        tells this post from an earlier one.
        """
        for attempt in range(LOOKUP_ATTEMPTS):
            if attempt:
                await asyncio.sleep(LOOKUP_PAUSE)
            try:
                found = await self.db.fetch_val(
                    f"SELECT c.id {FROM_COMMENTS} WHERE t.page_key = :page_key "
                    "AND c.body_hash = :body_hash AND c.author_key = :author_key",
                    {"page_key": page_key, "body_hash": key, "author_key": author_key},
                )
            except UNAVAILABLE:
                continue
            return int(found) if found is not None else None
        return None

    async def author_is_trusted(self, author_key: str, author: str, email: str) -> bool:
        """Whether this browser had a comment approved under this very name and address.

        The author token alone is a bearer token anyone could be handed: trust holds only for
        the author the owner approved, and never again once the owner marked any comment of
        that browser spam or rejected it (`untrusted_authors`, which outlives the comment).
        """
        if not author_key:
            return False
        row = await self.db.fetch_one(
            "SELECT 1 FROM comments WHERE author_key = :key AND status = 'approved' AND owner = 0 "
            "AND author = :author AND email_key = :email "
            "AND NOT EXISTS (SELECT 1 FROM untrusted_authors u WHERE u.author_key = :key) "
            "LIMIT 1",
            {"key": author_key, "author": author, "email": address_key(email)},
        )
        return row is not None

    async def _revoke_trust(self, comment_id: int) -> None:
        """The owner judged this comment spam or rejected it: its browser is trusted no more."""
        await self.db.execute(
            "INSERT INTO untrusted_authors (author_key, revoked_at) "
            "SELECT author_key, :now FROM comments "
            "WHERE id = :id AND author_key <> '' AND owner = 0 "
            "ON CONFLICT (author_key) DO NOTHING",
            {"id": comment_id, "now": now()},
            public=True,
        )

    async def get(self, comment_id: int) -> Comment | None:
        row = await self.db.fetch_one(
            f"SELECT {COMMENT_COLUMNS} {FROM_COMMENTS} WHERE c.id = :id", {"id": comment_id}
        )
        return comment_from_row(row) if row else None

    async def list_approved(self, page_key: str) -> list[Comment]:
        """A page's published comments, oldest first, so replies follow their parents."""
        rows = await self.db.fetch_all(
            f"SELECT {COMMENT_COLUMNS} {FROM_COMMENTS} "
            "WHERE t.page_key = :page_key AND c.status = 'approved' ORDER BY c.id",
            {"page_key": page_key},
        )
        return [comment_from_row(r) for r in rows]

    async def list_own_on_page(self, page_key: str, author_key: str) -> list[Comment]:
        """The comments one browser posted to a page that are waiting or published.

        Spam and rejected comments stay out: a sender must not learn how they were judged.
        """
        rows = await self.db.fetch_all(
            f"SELECT {COMMENT_COLUMNS} {FROM_COMMENTS} "
            "WHERE c.author_key = :key AND c.status IN ('pending', 'approved') "
            "AND t.page_key = :page_key ORDER BY c.id",
            {"key": author_key, "page_key": page_key},
        )
        return [comment_from_row(r) for r in rows]

    async def list_testimonials(
        self, limit: int, before: int | None = None, wall: Wall | None = None
    ) -> list[Comment]:
        """Published, consented, promoted comments: the pinned first (the latest pin on top),
        then the rest newest first; `wall` narrows them to one language or one post.

        `before` is the id of the last one shown: the list goes on after it in that order
        (an id that is no testimonial continues among the unpinned, below it).
        """
        wall = wall or Wall()
        values: dict[str, Any] = {"limit": limit}
        clauses = [_TESTIMONIAL]
        if wall.lang:
            clauses.append("c.lang = :lang")
            values["lang"] = wall.lang
        if wall.page_key:
            clauses.append("t.page_key = :page_key")
            values["page_key"] = wall.page_key
        if before is not None:
            values["before"] = before
            pin = await self.db.fetch_val(
                f"SELECT c.pinned_at FROM comments c WHERE c.id = :id AND {_TESTIMONIAL}",
                {"id": before},
            )
            if pin is None:
                clauses.append("c.pinned_at IS NULL AND c.id < :before")
            else:
                values["pin"] = pin
                clauses.append(
                    "(c.pinned_at IS NULL OR c.pinned_at < :pin "
                    "OR (c.pinned_at = :pin AND c.id < :before))"
                )
        rows = await self.db.fetch_all(
            f"SELECT {COMMENT_COLUMNS} {FROM_COMMENTS} WHERE {' AND '.join(clauses)} "
            "ORDER BY CASE WHEN c.pinned_at IS NULL THEN 1 ELSE 0 END, c.pinned_at DESC, "
            "c.id DESC LIMIT :limit",
            values,
        )
        return [comment_from_row(r) for r in rows]

    async def count_approved(self, page_keys: list[str]) -> dict[str, int]:
        """Published comments per page key (from `comment_counts`), 0 for a page without any;
        a key that names no thread is absent."""
        if not page_keys:
            return {}
        names = {f"k{i}": key for i, key in enumerate(page_keys)}
        rows = await self.db.fetch_all(
            "SELECT t.page_key, COALESCE(k.n, 0) AS n FROM threads t "
            "LEFT JOIN comment_counts k ON k.thread_id = t.id AND k.status = 'approved' "
            f"WHERE t.page_key IN ({', '.join(':' + n for n in names)})",
            names,
        )
        return {row["page_key"]: int(row["n"]) for row in rows}

    async def set_status(
        self,
        comment_id: int,
        new: Status,
        *,
        allowed_from: Iterable[Status],
        action: str,
        actor: str,
        state: str | None = None,
        body: str | None = None,
        undo: UndoTicket | None = None,
    ) -> Status | None:
        """Move a comment to `new` if it is in one of `allowed_from`; return the old status.

        With `state`, only while the comment's moderation stamp (`moderated_at`, "" before the
        first change) is still that: a mail link made for one state is dead after any change.
        With `body`, only while the text is still exactly the one the caller checked and the
        owner read: an edit or a redaction in between leaves the comment as it is.
        """
        allowed = [s.value for s in allowed_from]
        names: dict[str, Any] = {f"from{i}": s for i, s in enumerate(allowed)}
        placeholders = ", ".join(f":{n}" for n in names)
        guard = ""
        if state is not None:
            guard, names["state"] = " AND COALESCE(moderated_at, '') = :state", state
        if body is not None:
            guard, names["body"] = f"{guard} AND body = :body", body
        async with self.db.transaction():
            # SET expressions see the row as it was, so previous_status receives the old status.
            old = await self.db.fetch_val(
                "UPDATE comments SET previous_status = status, status = :new, "
                "moderated_at = :now, updated_at = :now "
                f"WHERE id = :id AND status IN ({placeholders}){guard} RETURNING previous_status",
                {"new": new.value, "now": now(), "id": comment_id, **names},
                public=True,
            )
            if old is None:
                return None
            log_id = await write_log(self.db, comment_id, action, actor, old, new.value)
            if undo is not None:
                await write_undo(self.db, undo, comment_id, log_id, StatusUndo(old, new.value))
            if new in (Status.SPAM, Status.REJECTED):
                await self._revoke_trust(comment_id)
            if new == Status.APPROVED:
                await name_from_comment(self.db, comment_id)
        return Status(old)

    async def promote(
        self,
        comment_id: int,
        excerpt: str,
        actor: str,
        undo: UndoTicket | None = None,
        *,
        seen: Comment | None = None,
    ) -> bool:
        """Make an approved, consented comment a testimonial; False if it is not approved.

        With `seen`, only while the comment still has the text, testimonial flag and excerpt
        the caller read: of two promotions at once, one changes the row and writes the log,
        the other finds it changed (and an author's edit in between is never promoted).
        Raises NoConsent when the author gave no consent, Changed when `seen` no longer holds.
        """
        guard, values = "", {"excerpt": excerpt, "now": now(), "id": comment_id}
        if seen is not None:
            guard = (
                " AND body = :body AND testimonial = :was_testimonial AND excerpt = :was_excerpt"
            )
            values.update(
                body=seen.body, was_testimonial=int(seen.testimonial), was_excerpt=seen.excerpt
            )
        async with self.db.transaction():
            was = await self.db.fetch_one(
                "SELECT testimonial, excerpt, promoted_at FROM comments WHERE id = :id",
                {"id": comment_id},
            )
            changed = await self.db.fetch_val(
                "UPDATE comments SET testimonial = 1, excerpt = :excerpt, promoted_at = :now, "
                "updated_at = :now WHERE id = :id AND status = 'approved' AND consent = 1 "
                f"AND owner = 0{guard} RETURNING id",
                values,
                public=True,
            )
            if changed is None:
                now_is = await self.db.fetch_one(
                    "SELECT consent, status FROM comments WHERE id = :id AND owner = 0",
                    {"id": comment_id},
                )
                if now_is is not None and now_is["consent"] == 0:
                    raise NoConsent("the author did not agree to testimonial use")
                if seen is not None and now_is is not None and now_is["status"] == "approved":
                    raise Changed("the comment changed since it was read")
                return False
            log_id = await write_log(
                self.db, comment_id, "promote", actor, "approved", "approved", excerpt
            )
            if undo is not None and was is not None:
                kept = PromoteUndo(was["testimonial"], was["excerpt"], was["promoted_at"], excerpt)
                await write_undo(self.db, undo, comment_id, log_id, kept)
        return True

    async def demote(self, comment_id: int, actor: str, undo: UndoTicket | None = None) -> bool:
        """Take a comment off the testimonials; False if it was not one."""
        async with self.db.transaction():
            changed = await self.db.fetch_val(
                "UPDATE comments SET testimonial = 0, pinned_at = NULL, updated_at = :now "
                "WHERE id = :id AND testimonial = 1 RETURNING status",
                {"now": now(), "id": comment_id},
                public=True,
            )
            if changed is None:
                return False
            log_id = await write_log(self.db, comment_id, "demote", actor, changed, changed)
            if undo is not None:
                await write_undo(self.db, undo, comment_id, log_id, DemoteUndo())
        return True

    async def delete(self, comment_id: int, actor: str) -> bool:
        """Delete a comment for good; its replies stay, moved up to the top level."""
        async with self.db.transaction():
            exists = await self.db.fetch_val(
                "SELECT id FROM comments WHERE id = :id", {"id": comment_id}
            )
            if exists is None:
                return False
            await drop_copies(self.db, [comment_id])
            await self.db.execute(
                "UPDATE comments SET parent_id = NULL WHERE parent_id = :id",
                {"id": comment_id},
                public=True,
            )
            old = await self.db.fetch_val(
                "DELETE FROM comments WHERE id = :id RETURNING status",
                {"id": comment_id},
                public=True,
            )
            if old is None:
                return False
            await forget_search(self.db, [comment_id])
            await write_log(self.db, comment_id, "delete", actor, old, None)
        return True

    async def redact(
        self,
        comment_id: int,
        body: str,
        html: str,
        excerpt: str,
        cuts: int,
        actor: str,
        undo: UndoTicket | None = None,
    ) -> bool:
        """Replace a comment's text by the owner's redaction of it, logged with how many cuts.

        With `undo`, the replaced text is kept only in the undo row, for its window.
        """
        async with self.db.transaction():
            was = await self.db.fetch_one(
                "SELECT body, body_hash, html, excerpt FROM comments WHERE id = :id",
                {"id": comment_id},
            )
            row = await self.db.fetch_one(
                "UPDATE comments SET body = :body, body_hash = :hash, html = :html, "
                "hints = NULL, excerpt = :excerpt, updated_at = :now WHERE id = :id AND owner = 0 "
                "RETURNING status",
                {
                    "body": body,
                    "hash": body_hash(None, f"{comment_id}\n{body}"),
                    "html": html,
                    "excerpt": excerpt,
                    "now": now(),
                    "id": comment_id,
                },
                public=True,
            )
            if row is None:
                return False
            await forget_search(self.db, [comment_id])  # the cut words leave the index's pages
            log_id = await write_log(
                self.db, comment_id, "redact", actor, row["status"], row["status"], f"{cuts} cut(s)"
            )
            if undo is not None and was is not None:
                cut = RedactUndo(was["body"], was["body_hash"], was["html"], was["excerpt"], body)
                await write_undo(self.db, undo, comment_id, log_id, cut)
        return True

    async def withdraw_consent(self, comment_id: int, who: Author) -> bool:
        """The author takes back testimonial consent: the comment leaves the testimonials now."""
        owned, values = _owned_by(who)
        async with self.db.transaction():
            changed = await self.db.fetch_val(
                "UPDATE comments SET consent = 0, testimonial = 0, pinned_at = NULL, "
                "consent_withdrawn_at = :now, "
                "updated_at = :now "
                f"WHERE id = :id AND {owned} AND consent = 1 "
                "RETURNING status",
                {"now": now(), "id": comment_id, **values},
                public=True,
            )
            if changed is None:
                return False
            await forget(self.db, comment_id)
            await write_log(self.db, comment_id, "withdraw_consent", "author", changed, changed)
        return True

    async def give_consent(self, comment_id: int, who: Author, version: str) -> bool:
        """The author agrees (again) to testimonial use, to the consent wording `version`.

        Only a story (a comment that is no reply) without consent; the time and version are
        recorded afresh, and the withdrawal is over. It becomes a testimonial again only when
        the owner promotes it again.
        """
        owned, values = _owned_by(who)
        stamp = now()
        async with self.db.transaction():
            changed = await self.db.fetch_val(
                "UPDATE comments SET consent = 1, consent_at = :now, consent_version = :version, "
                "consent_withdrawn_at = NULL, updated_at = :now "
                f"WHERE id = :id AND {owned} AND consent = 0 AND owner = 0 "
                "AND parent_id IS NULL RETURNING status",
                {"now": stamp, "version": version, "id": comment_id, **values},
                public=True,
            )
            if changed is None:
                return False
            await write_log(
                self.db, comment_id, "give_consent", "author", changed, changed, version
            )
        return True

    async def delete_own(self, comment_id: int, who: Author) -> bool:
        """The author deletes their own comment; replies stay, moved up to the top level."""
        owned, values = _owned_by(who)
        async with self.db.transaction():
            owner_of = await self.db.fetch_val(
                f"SELECT id FROM comments WHERE id = :id AND {owned}",
                {"id": comment_id, **values},
            )
            if owner_of is None:
                return False
            await drop_copies(self.db, [comment_id])
            await self.db.execute(
                "UPDATE comments SET parent_id = NULL WHERE parent_id = :id",
                {"id": comment_id},
                public=True,
            )
            old = await self.db.fetch_val(
                "DELETE FROM comments WHERE id = :id RETURNING status",
                {"id": comment_id},
                public=True,
            )
            await forget_search(self.db, [comment_id])
            await write_log(self.db, comment_id, "delete", "author", old, None)
        return True

    async def edit_own(
        self,
        comment_id: int,
        who: Author,
        body: str,
        html: str,
        *,
        since: str,
        decide: Callable[[Status], Status],
        hints: str,
        reason: str = "",
    ) -> Status | None:
        """The author rewrites their comment if it was posted at or after `since`.

        `decide` gives the status after the edit from the status before it (the use case's
        intake decision); `hints` are the new text's. The text before the edit is kept for the
        owner, and an edited text is no testimonial until promoted again. The moderation stamp
        moves on, so a mail link made for the old text is dead. Returns the status after the
        edit, None when the comment is not theirs. Raises TooLate when the edit window has
        passed, Duplicate for a repeated text.
        """
        owned, values = _owned_by(who)
        stamp = now()
        place = await self.db.fetch_one(
            f"SELECT t.page_key, c.testimonial, c.consent_at, c.owner {FROM_COMMENTS} "
            "WHERE c.id = :id",
            {"id": comment_id},
        )
        if place is None:
            return None
        # What an edit can change in public: this page's list and, for a story (a reader's
        # comment posted with consent), the testimonial lists, whose summary counts it, and the
        # feeds; every other cached answer stays.
        story = place["consent_at"] is not None and not place["owner"]
        scope = ChangeScope((place["page_key"],), testimonials=bool(place["testimonial"]) or story)
        try:
            with scoped_changes(scope):
                return await self._edit_own(
                    comment_id,
                    owned,
                    values,
                    body,
                    html,
                    since,
                    decide,
                    hints,
                    reason,
                    stamp,
                    bool(place["testimonial"]),
                )
        except Exception as exc:
            if _is_unique_violation(exc):
                raise Duplicate("the same text was already posted here") from None
            raise

    async def _edit_own(
        self,
        comment_id: int,
        owned: str,
        values: dict[str, str],
        body: str,
        html: str,
        since: str,
        decide: Callable[[Status], Status],
        hints: str,
        reason: str,
        stamp: str,
        testimonial: bool,
    ) -> Status | None:
        async with self.db.transaction():
            # As the scope saw it: a promotion in between makes this edit "not found" for now.
            row = await self.db.fetch_one(
                "SELECT status, created_at, parent_id FROM comments "
                f"WHERE id = :id AND {owned} AND testimonial = :testimonial",
                {"id": comment_id, "testimonial": int(testimonial), **values},
            )
            if row is None:
                return None
            if row["created_at"] < since:
                raise TooLate("the edit window has passed")
            old_status = row["status"]
            new_status = decide(Status(old_status)).value
            moved = new_status != old_status
            # Guarded by the status read above: an owner's decision in between wins, and the
            # author is told the comment is not theirs to edit now.
            changed = await self.db.fetch_val(
                "UPDATE comments SET previous_body = body, body = :body, body_hash = :hash, "
                "html = :html, hints = :hints, edited_at = :now, updated_at = :now, "
                "moderated_at = :now, status = :status, "
                "previous_status = "
                "CASE WHEN :moved = 1 THEN status ELSE previous_status END, "
                "testimonial = 0, pinned_at = NULL, excerpt = '' WHERE id = :id AND status = :old "
                "RETURNING id",
                {
                    "body": body,
                    "hash": body_hash(row["parent_id"], body),
                    "html": html,
                    "hints": hints,
                    "now": stamp,
                    "status": new_status,
                    "moved": int(moved),
                    "id": comment_id,
                    "old": old_status,
                },
                public=True,
            )
            if changed is None:
                return None
            await write_log(self.db, comment_id, "edit", "author", old_status, new_status)
            if reason and moved:
                await write_log(
                    self.db, comment_id, "intake", "rules", old_status, new_status, reason
                )
            if moved and new_status == Status.SPAM.value:
                await self.db.execute(
                    "DELETE FROM subscriptions WHERE comment_id = :id",
                    {"id": comment_id},
                    public=True,
                )
        return Status(new_status)

    async def list_own(self, who: Author) -> list[Comment]:
        """Every comment of one author (browser or address), newest first, whatever its status."""
        owned, values = _owned_by(who)
        rows = await self.db.fetch_all(
            f"SELECT {COMMENT_COLUMNS} {FROM_COMMENTS} WHERE {owned} ORDER BY c.id DESC LIMIT 200",
            values,
        )
        return [comment_from_row(r) for r in rows]

    async def is_testimonial(self, comment_id: int) -> bool:
        row = await self.db.fetch_one(
            f"SELECT 1 FROM comments c WHERE c.id = :id AND {_TESTIMONIAL}", {"id": comment_id}
        )
        return row is not None

    async def testimonials_changed_at(self) -> str | None:
        """When anything shown in the testimonials last changed, removals included (None: never).

        A comment that was ever promoted keeps `promoted_at`, and every change to it (demoted,
        redacted, rejected, consent withdrawn, undone) sets `updated_at`; a testimonial deleted,
        erased or promoted and undone leaves no such row, only its log row. Deleting any comment
        counts, which at worst moves the time forward for nothing: it never moves back.
        """
        latest = await self.db.fetch_val(
            "SELECT MAX(at) FROM ("
            "SELECT MAX(c.updated_at) AS at FROM comments c "
            "WHERE c.testimonial = 1 OR c.promoted_at IS NOT NULL "
            "UNION ALL SELECT MAX(l.created_at) AS at FROM moderation_log l "
            "WHERE l.action IN ('delete', 'erase', 'undo', 'edit_page', 'pin', 'unpin')"
            ") AS changes"
        )
        return str(latest) if latest is not None else None

    async def export_all(self) -> dict[str, list[dict[str, Any]]]:
        """Every thread, comment and log entry, for the owner's backup or a move elsewhere."""
        tables = {
            "threads": "SELECT id, page_key, title, url, created_at FROM threads ORDER BY id",
            "comments": "SELECT id, thread_id, parent_id, author, email, website, body, html, "
            "status, owner, consent, consent_at, consent_version, testimonial, excerpt, "
            "promoted_at, rating, lang, created_at, updated_at, moderated_at, "
            "consent_withdrawn_at, display_name "
            "FROM comments ORDER BY id",
            "moderation_log": "SELECT id, comment_id, action, actor, from_status, to_status, "
            "detail, created_at FROM moderation_log ORDER BY id",
        }
        return {
            name: [dict(row._mapping) for row in await self.db.fetch_all(query)]
            for name, query in tables.items()
        }

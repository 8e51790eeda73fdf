"""Undo rows in the store: a redaction's cut words live only there, and only for the window."""

from __future__ import annotations

import pytest

from service.domain.comments import Author, NewComment, Status
from service.domain.undo import UndoTicket
from service.store import Store

pytestmark = pytest.mark.anyio

PHONE = "Bel me op 06-12345678 als je wilt weten hoe."


async def _comment(db: Store) -> int:
    return await db.comments.insert(
        NewComment(
            page_key="/blog/slapen",
            page_title="Slapen",
            page_url="",
            parent_id=None,
            author="Anna",
            email="anna@example.nl",
            website="",
            body=PHONE,
            html=f"<p>{PHONE}</p>",
            status=Status.PENDING,
            consent=True,
            consent_version="2026-11",
            rating=5,
            lang="nl",
            client_hash="",
            author_key="k",
        )
    )


async def _everywhere(db: Store, needle: str) -> int:
    """How many stored rows, in any table that holds text about comments, contain `needle`."""
    pattern = {"p": f"%{needle}%"}
    total = 0
    for query in (
        "SELECT COUNT(*) FROM comments WHERE body LIKE :p OR html LIKE :p",
        "SELECT COUNT(*) FROM moderation_log WHERE detail LIKE :p",
        "SELECT COUNT(*) FROM undo_changes WHERE before LIKE :p OR after LIKE :p",
    ):
        total += int(await db.database.fetch_val(query, pattern))
    return total


async def test_cut_words_stay_only_in_the_undo_row_until_the_window_ends(db: Store) -> None:
    cid = await _comment(db)
    cut = "Bel me op […] als je wilt weten hoe."
    assert await db.comments.redact(cid, cut, f"<p>{cut}</p>", "", 1, "owner", UndoTicket("b1", 0))
    assert await _everywhere(db, "06-12345678") == 1  # the undo row, nothing else
    await db.undo.purge()
    assert await _everywhere(db, "06-12345678") == 0
    assert await db.undo.take_back("owner", batch="b1") == []


async def test_a_live_redaction_comes_back_and_its_row_goes(db: Store) -> None:
    cid = await _comment(db)
    cut = "Bel me op […] als je wilt weten hoe."
    await db.comments.redact(cid, cut, f"<p>{cut}</p>", "", 1, "owner", UndoTicket("b2", 60))
    [done] = await db.undo.take_back("owner", batch="b2")
    assert (done.comment_id, done.kind) == (cid, "redact")
    found = await db.comments.get(cid)
    assert found is not None and found.body == PHONE
    assert int(await db.database.fetch_val("SELECT COUNT(*) FROM undo_changes")) == 0


async def test_deleting_a_comment_erases_its_undo_data(db: Store) -> None:
    cid = await _comment(db)
    cut = "Bel me op […] als je wilt weten hoe."
    await db.comments.redact(cid, cut, f"<p>{cut}</p>", "", 1, "owner", UndoTicket("b3", 60))
    assert await db.comments.delete(cid, "owner")
    assert await _everywhere(db, "06-12345678") == 0


async def test_withdrawn_consent_is_kept_apart_from_no_consent(db: Store) -> None:
    cid = await _comment(db)
    assert await db.comments.withdraw_consent(cid, Author(key="k"))
    found = await db.comments.get(cid)
    assert found is not None and not found.consent and found.consent_withdrawn_at

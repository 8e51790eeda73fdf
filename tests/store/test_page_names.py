"""Who names a page, on SQLite and PostgreSQL: only a published comment or the owner (R-01)."""

from __future__ import annotations

import pytest

from service.domain.comments import Status
from service.store import Store
from tests.store.test_store import approve, new

pytestmark = pytest.mark.anyio

PAGE = "/blog/magnesium"


async def _names(db: Store) -> tuple[str, str]:
    thread = await db.threads.get(PAGE)
    assert thread is not None
    return thread.title, thread.url


async def test_a_waiting_or_spam_post_leaves_a_new_page_unnamed(db: Store) -> None:
    await db.comments.insert(new("spam", page_title="Koop pillen", status=Status.SPAM))
    await db.comments.insert(new("wacht", page_title="Koop pillen", page_url="https://x.example"))
    assert await _names(db) == ("", "")


async def test_a_later_waiting_post_does_not_fill_an_empty_title(db: Store) -> None:
    await db.comments.insert(new("een", page_title="", page_url="", status=Status.APPROVED))
    await db.comments.insert(new("twee", page_title="Koop pillen", page_url="https://x.example"))
    assert await _names(db) == ("", "")


async def test_approving_a_comment_names_the_page_with_what_its_form_offered(db: Store) -> None:
    spam = await db.comments.insert(new("eerst", page_title="Koop pillen", status=Status.SPAM))
    waiting = await db.comments.insert(new("daarna"))
    assert await _names(db) == ("", "")
    await approve(db, waiting)
    assert await _names(db) == ("Magnesium en slaap", "https://www.massage.example/blog/magnesium")
    await db.comments.set_status(
        spam, Status.APPROVED, allowed_from=[Status.SPAM], action="approve", actor="t"
    )
    # Named once: a second published comment does not rename the page.
    assert (await _names(db))[0] == "Magnesium en slaap"


async def test_the_owners_own_comment_names_the_page(db: Store) -> None:
    await db.comments.insert(new("van de eigenaar", owner=True, status=Status.APPROVED))
    assert (await _names(db))[0] == "Magnesium en slaap"


async def test_pages_without_published_comments_stay_off_the_owners_list(db: Store) -> None:
    await db.comments.insert(new("flood", page_key="/flood/1"))
    await db.comments.insert(new("spam", page_key="/flood/2", status=Status.SPAM))
    live = await db.comments.insert(new("echt"))
    assert await db.threads.list_published() == []
    await approve(db, live)
    assert [t.page_key for t in await db.threads.list_published()] == [PAGE]
    assert len(await db.threads.list_all()) == 3  # the rows stay; they are only not listed


async def test_the_owners_page_list_is_capped(db: Store) -> None:
    for n in range(5):
        await db.comments.insert(new(f"tekst {n}", page_key=f"/p/{n}", status=Status.APPROVED))
    shown = await db.threads.list_published(limit=3)
    # The most recently started pages, in page-key order.
    assert [t.page_key for t in shown] == ["/p/2", "/p/3", "/p/4"]

"""Invitations in the store, on SQLite and PostgreSQL: each state change happens once and only
from an open invitation, whatever ends one drops its address and its waiting mail, and the one
reminder is queued once. Time is the store's clock, moved by the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from service.domain.invites import InviteStatus, NewInvite
from service.store import Store, clock
from service.store.invites import INVITE_MAIL, REMINDER_MAIL, shifted

pytestmark = pytest.mark.anyio
DAY = 86400.0
Move = Callable[[float], None]


@pytest.fixture
def moved(monkeypatch: pytest.MonkeyPatch) -> Move:
    """Move the store's clock: `moved(seconds)` puts it that far past the real now."""
    real = clock.now

    def move(seconds: float) -> None:
        monkeypatch.setattr(clock, "now", lambda: shifted(real(), seconds))

    return move


async def _invite(db: Store, email: str = "joost@example.nl", *, mail: bool = True) -> int:
    new = NewInvite(name="Joost", email=email, lang="nl")
    return (await db.invites.add(new, "key", 30 * DAY, mail=mail)).id


async def _waiting_mail(db: Store) -> list[tuple[str, str, str]]:
    rows = await db.database.fetch_all("SELECT kind, status, recipient FROM outbox ORDER BY id")
    return [(r["kind"], r["status"], r["recipient"]) for r in rows]


async def test_a_new_invitation_is_open_for_its_lifetime_and_queues_its_mail(db: Store) -> None:
    invite_id = await _invite(db)
    found = await db.invites.get(invite_id)
    assert found is not None
    assert found.status == InviteStatus.CREATED
    assert found.expires_at == shifted(found.created_at, 30 * DAY)
    assert await _waiting_mail(db) == [(INVITE_MAIL, str(invite_id), "joost@example.nl")]


async def test_without_mail_nothing_is_queued(db: Store) -> None:
    await _invite(db, mail=False)
    assert await _waiting_mail(db) == []


async def test_answering_uses_the_invitation_up_once_and_forgets_the_address(db: Store) -> None:
    invite_id = await _invite(db)
    created = await db.invites.answer(invite_id, 7)
    assert created is not None
    assert await db.invites.answer(invite_id, 8) is None
    found = await db.invites.get(invite_id)
    assert found is not None
    assert (found.status, found.email, found.comment_id) == (InviteStatus.ANSWERED, None, 7)
    assert found.created_at == created
    assert await _waiting_mail(db) == []  # the invitation mail, unsent, is not sent now


async def test_opening_is_recorded_once_and_never_after_an_answer(db: Store) -> None:
    invite_id = await _invite(db)
    assert await db.invites.mark_opened(invite_id)
    assert not await db.invites.mark_opened(invite_id)
    assert await db.invites.answer(invite_id, 1) is not None
    assert not await db.invites.mark_opened(invite_id)


async def test_a_withdrawn_invitation_cannot_be_answered(db: Store) -> None:
    invite_id = await _invite(db)
    assert await db.invites.withdraw(invite_id)
    assert not await db.invites.withdraw(invite_id)
    assert await db.invites.answer(invite_id, 1) is None
    found = await db.invites.get(invite_id)
    assert found is not None and found.email is None


async def test_expiry_follows_the_clock_and_drops_the_address(db: Store, moved: Move) -> None:
    invite_id = await _invite(db)
    assert await db.invites.expire_due() == 0
    moved(30 * DAY + 1)
    assert await db.invites.answer(invite_id, 1) is None  # past its time, even before the sweep
    assert await db.invites.expire_due() == 1
    found = await db.invites.get(invite_id)
    assert found is not None
    assert (found.status, found.email) == (InviteStatus.EXPIRED, None)
    assert await _waiting_mail(db) == []


async def test_the_one_reminder_is_queued_once_after_the_delay(db: Store, moved: Move) -> None:
    invite_id = await _invite(db)
    await db.database.execute("DELETE FROM outbox", public=False)  # the invitation went out
    assert await db.invites.mark_mailed(invite_id)
    assert await db.invites.queue_reminders(3 * DAY) == 0
    moved(3 * DAY + 1)
    assert await db.invites.queue_reminders(3 * DAY) == 1
    assert await db.invites.queue_reminders(3 * DAY) == 0
    assert await _waiting_mail(db) == [(REMINDER_MAIL, str(invite_id), "joost@example.nl")]


async def test_no_reminder_for_an_answered_or_unmailed_invitation(db: Store, moved: Move) -> None:
    answered = await _invite(db, "a@example.nl")
    await db.invites.mark_mailed(answered)
    await db.invites.answer(answered, 1)
    await _invite(db, "b@example.nl", mail=False)  # never mailed: the owner copied the link
    moved(10 * DAY)
    assert await db.invites.queue_reminders(3 * DAY) == 0


async def test_an_address_counts_as_invited_while_its_invitation_is_open(db: Store) -> None:
    since = shifted(clock.now(), -30 * DAY)
    invite_id = await _invite(db, "Joost@Example.nl")
    assert await db.invites.recently_invited("joost@example.nl", since)
    await db.invites.withdraw(invite_id)
    assert not await db.invites.recently_invited("joost@example.nl", since)


async def test_the_list_is_newest_first_searchable_and_paged(db: Store) -> None:
    for address in ("anna@example.nl", "bram@example.nl", "cees@example.nl"):
        await _invite(db, address)
    found, total = await db.invites.page("", 2, 0)
    assert total == 3
    assert [i.email for i in found] == ["cees@example.nl", "bram@example.nl"]
    found, total = await db.invites.page("BRAM", 10, 0)
    assert (total, [i.email for i in found]) == (1, ["bram@example.nl"])
    found, total = await db.invites.page("100%_", 10, 0)
    assert (total, found) == (0, [])


async def test_erasing_an_address_removes_its_invitations_and_their_mail(db: Store) -> None:
    await _invite(db, "Joost@example.nl")
    kept = await _invite(db, "anna@example.nl")
    assert [i["email"] for i in await db.invites.find("joost@EXAMPLE.nl")] == ["Joost@example.nl"]
    assert await db.invites.erase("joost@example.nl") == 1
    assert await db.invites.find("joost@example.nl") == []
    assert await _waiting_mail(db) == [(INVITE_MAIL, str(kept), "anna@example.nl")]

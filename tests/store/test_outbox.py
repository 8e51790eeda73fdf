"""The outbox as several workers share it: each waiting mail is claimed by one sender only."""

from __future__ import annotations

import asyncio

import pytest

from service.store import Store, open_store

pytestmark = pytest.mark.anyio


async def test_senders_in_several_workers_each_claim_a_different_mail(
    db: Store, database_url: str
) -> None:
    """Four senders, each on its own connection as each worker has, claim at the same time:
    every mail is claimed exactly once, so no reader or owner gets the same mail twice.
    """
    for n in range(30):
        await db.outbox.queue("manage", f"lezer{n}@example.nl", "nl")
    workers = [open_store(database_url) for _ in range(4)]
    for worker in workers:
        await worker.connect()

    async def send_all(worker: Store) -> list[int]:
        mine: list[int] = []
        while claimed := await worker.outbox.claim_due(limit=4):
            mine += [notice.id for notice in claimed]
            await asyncio.sleep(0)  # let the other senders claim in between
        return mine

    try:
        claims = await asyncio.gather(*(send_all(worker) for worker in workers))
    finally:
        for worker in workers:
            await worker.disconnect()
    every = [notice for mine in claims for notice in mine]
    assert len(every) == 30 and len(set(every)) == 30
    # Claimed, not yet sent: each waits out its lease before anyone may try it again.
    assert await db.outbox.waiting() == 30
    assert await db.outbox.claim_due() == []

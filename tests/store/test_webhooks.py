"""Webhook deliveries in the store, on SQLite and PostgreSQL: two workers sending at once
deliver each event once, and in the order the events happened."""

from __future__ import annotations

import asyncio
import json

import pytest

import settings
from service import webhooks
from service.domain.comments import Comment
from service.store import Store, open_store
from tests.receivers import Receiver

pytestmark = pytest.mark.anyio
FAR = "2999-01-01T00:00:00.000000Z"


def _shape(comment: Comment) -> dict[str, object]:
    return {"id": comment.id}


async def test_two_workers_deliver_each_event_once_in_order(
    db: Store, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "WEBHOOK_ALLOW_LOCAL", True)
    with Receiver() as receiver:
        endpoint = await db.webhooks.add_endpoint(
            receiver.url,
            ("webhook.test",),
            "standard",
            "whsec_c2VjcmV0",
            own_system=False,
            include_spam=False,
        )
        for n in range(12):
            await db.webhooks.queue(endpoint.id, f"msg_{n:02}", "webhook.test", extra={"n": n})
        workers = [open_store(database_url) for _ in range(2)]
        for worker in workers:
            await worker.connect()
        try:
            tried = await asyncio.gather(
                *(webhooks.deliver_due(worker, _shape, FAR) for worker in workers)
            )
        finally:
            for worker in workers:
                await worker.disconnect()
        received = receiver.wait_for(12)
    assert sum(tried) == 12
    ids = [r.headers["webhook-id"] for r in received]
    assert ids == [f"msg_{n:02}" for n in range(12)]  # each once, in order
    assert [json.loads(r.body)["type"] for r in received] == ["webhook.test"] * 12


async def test_a_claimed_delivery_is_not_claimed_again_while_its_lease_runs(db: Store) -> None:
    endpoint = await db.webhooks.add_endpoint(
        "https://hooks.example/",
        ("webhook.test",),
        "standard",
        "whsec_c2VjcmV0",
        own_system=False,
        include_spam=False,
    )
    await db.webhooks.queue(endpoint.id, "msg_a", "webhook.test")
    await db.webhooks.queue(endpoint.id, "msg_b", "webhook.test")
    [first] = await db.webhooks.claim_due(FAR)
    assert first.webhook_id == "msg_a"
    assert await db.webhooks.claim_due(FAR) == []  # msg_b waits behind msg_a
    await db.webhooks.release([first.id])
    assert [d.webhook_id for d in await db.webhooks.claim_due(FAR)] == ["msg_a"]


async def test_only_the_first_failure_since_a_delivery_got_through_counts_as_first(
    db: Store,
) -> None:
    async def settled(webhook_id: str, state: str) -> bool:
        await db.webhooks.queue(0, webhook_id, "comment.created", 1)
        [delivery] = await db.webhooks.claim_due(FAR)
        await db.webhooks.settle(delivery, state, 500 if state == "failed" else 200, "")
        return await db.webhooks.first_failure(delivery)

    assert await settled("msg_a", "failed")  # the first ever
    assert not await settled("msg_b", "failed")  # the owner was told already
    await settled("msg_c", "delivered")
    assert await settled("msg_d", "failed")  # the first since one got through


async def test_a_promotion_whose_event_cannot_be_queued_is_not_made(db: Store) -> None:
    """The change and its event are one unit of work: neither exists without the other."""
    from service import owner
    from tests.store.test_store import approve, new

    await db.webhooks.add_endpoint(
        "https://hooks.example/",
        ("testimonial.published", "testimonial.withdrawn"),
        "standard",
        "whsec_c2VjcmV0",
        own_system=False,
        include_spam=False,
    )
    cid = await db.comments.insert(new("Sinds de massage slaap ik beter."))
    await approve(db, cid)
    await db.database.execute(
        "ALTER TABLE webhook_deliveries RENAME TO webhook_deliveries_away", public=False
    )
    try:
        with pytest.raises(Exception, match="webhook_deliveries"):
            await owner.promote(db, cid, "", "owner")
    finally:
        await db.database.execute(
            "ALTER TABLE webhook_deliveries_away RENAME TO webhook_deliveries", public=False
        )
    found = await db.comments.get(cid)
    assert found is not None and not found.testimonial
    assert await db.undo.take_back("owner", comment_id=cid) == []  # nothing to undo either
    # With the table back, the promotion and its one event are made together.
    await owner.promote(db, cid, "", "owner")
    found = await db.comments.get(cid)
    assert found is not None and found.testimonial
    queued = await db.database.fetch_all(
        "SELECT event FROM webhook_deliveries WHERE comment_id = :id", {"id": cid}
    )
    assert [r["event"] for r in queued] == ["testimonial.published"]


async def test_an_undo_whose_events_cannot_be_queued_puts_nothing_back(db: Store) -> None:
    from service import owner
    from tests.store.test_store import approve, new

    await db.webhooks.add_endpoint(
        "https://hooks.example/",
        ("testimonial.withdrawn",),
        "standard",
        "whsec_c2VjcmV0",
        own_system=False,
        include_spam=False,
    )
    cid = await db.comments.insert(new("Sinds de massage slaap ik beter."))
    await approve(db, cid)
    made = await owner.promote(db, cid, "", "owner")
    await db.database.execute(
        "ALTER TABLE webhook_deliveries RENAME TO webhook_deliveries_away", public=False
    )
    try:
        with pytest.raises(Exception, match="webhook_deliveries"):
            await owner.undo(db, "owner", batch=made.undo)
    finally:
        await db.database.execute(
            "ALTER TABLE webhook_deliveries_away RENAME TO webhook_deliveries", public=False
        )
    found = await db.comments.get(cid)
    assert found is not None and found.testimonial  # still on the wall, and still undoable
    assert [u.kind for u in await owner.undo(db, "owner", batch=made.undo)] == ["promote"]
    found = await db.comments.get(cid)
    assert found is not None and not found.testimonial

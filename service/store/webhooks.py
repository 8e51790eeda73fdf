"""Webhook endpoints and their deliveries.

Deliveries go out in order per endpoint: only the oldest unsettled delivery of an endpoint is
ever claimed, and it is claimed with a guarded UPDATE and a lease (`leased_until`, on the real
clock), so two workers never send one delivery at once and a later event never overtakes an
earlier one that is still being retried. A paused endpoint's deliveries wait until it is
resumed. Endpoint 0 stands for the NTFY_URL topic, which has no row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from service.store.clock import later, now
from service.store.engine import Database

LEASE = 120  # seconds a claimed delivery is left to its sender before another may try
NTFY = 0  # the endpoint id of the ntfy topic
KEEP = 50  # settled deliveries kept per endpoint, for the integrations page
PAUSED_MAIL = "webhook_paused"  # the outbox kind of the owner's mail; `status` holds the id
NTFY_FAILED = "ntfy"  # the `status` of that mail when the ntfy topic stopped taking pushes


@dataclass(frozen=True)
class Endpoint:
    id: int
    url: str
    events: tuple[str, ...]
    format: str
    secret: str
    own_system: bool
    include_spam: bool
    created_at: str
    paused_at: str | None


@dataclass(frozen=True)
class Delivery:
    id: int
    endpoint_id: int
    webhook_id: str
    event: str
    comment_id: int
    extra: dict[str, Any]
    occurred_at: str
    body: str | None
    state: str
    attempts: int
    last_status: int | None
    last_error: str
    last_try_at: str | None


_ENDPOINT = "id, url, events, format, secret, own_system, include_spam, created_at, paused_at"
_DELIVERY = (
    "id, endpoint_id, webhook_id, event, comment_id, extra, occurred_at, body, state, attempts, "
    "last_status, last_error, last_try_at"
)


def _endpoint(row: Any) -> Endpoint:
    return Endpoint(
        int(row["id"]),
        row["url"],
        tuple(e for e in row["events"].split(",") if e),
        row["format"],
        row["secret"],
        bool(row["own_system"]),
        bool(row["include_spam"]),
        row["created_at"],
        row["paused_at"],
    )


def _delivery(row: Any) -> Delivery:
    return Delivery(
        int(row["id"]),
        int(row["endpoint_id"]),
        row["webhook_id"],
        row["event"],
        int(row["comment_id"]),
        json.loads(row["extra"]),
        row["occurred_at"],
        row["body"],
        row["state"],
        int(row["attempts"]),
        None if row["last_status"] is None else int(row["last_status"]),
        row["last_error"],
        row["last_try_at"],
    )


class Webhooks:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- endpoints ---------------------------------------------------------------------------

    async def add_endpoint(
        self,
        url: str,
        events: tuple[str, ...],
        format: str,
        secret: str,
        *,
        own_system: bool,
        include_spam: bool,
    ) -> Endpoint:
        row = await self.db.fetch_one(
            "INSERT INTO webhook_endpoints (url, events, format, secret, own_system, "
            "include_spam, created_at) VALUES (:url, :events, :format, :secret, :own, :spam, "
            f":now) RETURNING {_ENDPOINT}",
            {
                "url": url,
                "events": ",".join(events),
                "format": format,
                "secret": secret,
                "own": int(own_system),
                "spam": int(include_spam),
                "now": now(),
            },
            public=False,
        )
        return _endpoint(row)

    async def endpoints(self) -> list[Endpoint]:
        rows = await self.db.fetch_all(f"SELECT {_ENDPOINT} FROM webhook_endpoints ORDER BY id")
        return [_endpoint(r) for r in rows]

    async def endpoint(self, endpoint_id: int) -> Endpoint | None:
        row = await self.db.fetch_one(
            f"SELECT {_ENDPOINT} FROM webhook_endpoints WHERE id = :id", {"id": endpoint_id}
        )
        return None if row is None else _endpoint(row)

    async def delete_endpoint(self, endpoint_id: int) -> bool:
        """Remove an endpoint and every delivery made or waiting for it."""
        async with self.db.transaction():
            gone = await self.db.fetch_val(
                "DELETE FROM webhook_endpoints WHERE id = :id RETURNING id",
                {"id": endpoint_id},
                public=False,
            )
            if gone is not None:
                await self.db.execute(
                    "DELETE FROM webhook_deliveries WHERE endpoint_id = :id",
                    {"id": endpoint_id},
                    public=False,
                )
        return gone is not None

    async def pause(self, endpoint_id: int) -> bool:
        """Pause an endpoint that keeps failing; True when this call paused it."""
        paused = await self.db.fetch_val(
            "UPDATE webhook_endpoints SET paused_at = :now WHERE id = :id AND paused_at IS NULL "
            "RETURNING id",
            {"now": now(), "id": endpoint_id},
            public=False,
        )
        return paused is not None

    async def resume(self, endpoint_id: int) -> bool:
        """Resume a paused endpoint: what waits for it is due at once."""
        async with self.db.transaction():
            resumed = await self.db.fetch_val(
                "UPDATE webhook_endpoints SET paused_at = NULL WHERE id = :id RETURNING id",
                {"id": endpoint_id},
                public=False,
            )
            if resumed is not None:
                await self.db.execute(
                    "UPDATE webhook_deliveries SET state = 'waiting', due_at = :now, "
                    "attempts = 0 WHERE endpoint_id = :id AND state IN ('waiting', 'failed')",
                    {"now": now(), "id": endpoint_id},
                    public=False,
                )
        return resumed is not None

    # -- deliveries --------------------------------------------------------------------------

    async def queue(
        self,
        endpoint_id: int,
        webhook_id: str,
        event: str,
        comment_id: int = 0,
        extra: dict[str, Any] | None = None,
    ) -> None:
        """Add one delivery; called inside the transaction of the change it tells about."""
        stamp = now()
        await self.db.execute(
            "INSERT INTO webhook_deliveries (endpoint_id, webhook_id, event, comment_id, extra, "
            "occurred_at, due_at) VALUES (:endpoint, :webhook_id, :event, :comment_id, :extra, "
            ":now, :now)",
            {
                "endpoint": endpoint_id,
                "webhook_id": webhook_id,
                "event": event,
                "comment_id": comment_id,
                "extra": json.dumps(extra or {}),
                "now": stamp,
            },
            public=False,
        )

    async def claim_due(self, at: str, limit: int = 20) -> list[Delivery]:
        """The head delivery of each endpoint that is due at `at`, each claimed for LEASE seconds.

        `at` decides which retries are due (tests pass a later time); the lease runs on the
        real clock, so a delivery being sent elsewhere is never claimed twice.
        """
        real = now()
        rows = await self.db.fetch_all(
            f"SELECT {_DELIVERY}, due_at, leased_until FROM webhook_deliveries d "
            "WHERE d.id IN (SELECT MIN(h.id) FROM webhook_deliveries h "
            "  WHERE h.state IN ('waiting', 'sending') GROUP BY h.endpoint_id) "
            "AND ((d.state = 'waiting' AND d.due_at <= :at) "
            "  OR (d.state = 'sending' AND d.leased_until <= :real)) "
            "AND (d.endpoint_id = 0 OR EXISTS (SELECT 1 FROM webhook_endpoints e "
            "  WHERE e.id = d.endpoint_id AND e.paused_at IS NULL)) "
            "ORDER BY d.id LIMIT :limit",
            {"at": at, "real": real, "limit": limit},
        )
        claimed: list[Delivery] = []
        for row in rows:
            won = await self.db.fetch_val(
                "UPDATE webhook_deliveries SET state = 'sending', leased_until = :lease "
                "WHERE id = :id AND state = :state AND due_at = :due "
                "AND COALESCE(leased_until, '') = :leased RETURNING id",
                {
                    "lease": later(LEASE),
                    "id": row["id"],
                    "state": row["state"],
                    "due": row["due_at"],
                    "leased": row["leased_until"] or "",
                },
                public=False,
            )
            if won is not None:
                claimed.append(_delivery(row))
        return claimed

    async def freeze(self, delivery_id: int, body: str) -> None:
        """Keep the body of the first try, so every retry sends the same bytes."""
        await self.db.execute(
            "UPDATE webhook_deliveries SET body = :body WHERE id = :id",
            {"body": body, "id": delivery_id},
            public=False,
        )

    async def settle(
        self,
        delivery: Delivery,
        state: str,
        status: int | None,
        error: str,
        retry_in: float = 0,
    ) -> None:
        """Record a try: 'delivered', 'failed' (given up) or 'waiting' again in `retry_in` s."""
        await self.db.execute(
            "UPDATE webhook_deliveries SET state = :state, attempts = attempts + 1, "
            "last_status = :status, last_error = :error, last_try_at = :now, "
            "leased_until = NULL, due_at = :due, "
            "body = CASE WHEN :state = 'waiting' THEN body ELSE NULL END WHERE id = :id",
            {
                "state": state,
                "status": status,
                "error": error[:300],
                "now": now(),
                "due": later(retry_in),
                "id": delivery.id,
            },
            public=False,
        )
        if state != "waiting":
            await self.db.execute(
                "DELETE FROM webhook_deliveries WHERE endpoint_id = :endpoint "
                "AND state IN ('delivered', 'failed') AND id NOT IN (SELECT id FROM "
                "webhook_deliveries WHERE endpoint_id = :endpoint AND state IN "
                "('delivered', 'failed') ORDER BY id DESC LIMIT :keep)",
                {"endpoint": delivery.endpoint_id, "keep": KEEP},
                public=False,
            )

    async def first_failure(self, delivery: Delivery) -> bool:
        """Whether `delivery`, just given up, is the first to fail since one got through."""
        before = await self.db.fetch_val(
            "SELECT state FROM webhook_deliveries WHERE endpoint_id = :endpoint AND id < :id "
            "AND state IN ('delivered', 'failed') ORDER BY id DESC LIMIT 1",
            {"endpoint": delivery.endpoint_id, "id": delivery.id},
        )
        return bool(before != "failed")

    async def drop(self, delivery_id: int) -> None:
        """A delivery with nothing left to say (a push notice about a comment handled since)."""
        await self.db.execute(
            "DELETE FROM webhook_deliveries WHERE id = :id", {"id": delivery_id}, public=False
        )

    async def release(self, delivery_ids: list[int]) -> None:
        """Hand back claimed deliveries this sender will not settle: due again now."""
        for delivery_id in delivery_ids:
            await self.db.execute(
                "UPDATE webhook_deliveries SET state = 'waiting', leased_until = NULL "
                "WHERE id = :id AND state = 'sending'",
                {"id": delivery_id},
                public=False,
            )

    async def recent(self, endpoint_id: int, limit: int = 10) -> list[Delivery]:
        rows = await self.db.fetch_all(
            f"SELECT {_DELIVERY} FROM webhook_deliveries WHERE endpoint_id = :endpoint "
            "ORDER BY id DESC LIMIT :limit",
            {"endpoint": endpoint_id, "limit": limit},
        )
        return [_delivery(r) for r in rows]

    async def forget_bodies_of(self, comment_ids: list[int]) -> None:
        """The comments are erased: no frozen body waiting to be retried keeps their words."""
        for comment_id in comment_ids:
            await self.db.execute(
                "UPDATE webhook_deliveries SET body = NULL WHERE comment_id = :id",
                {"id": comment_id},
                public=False,
            )

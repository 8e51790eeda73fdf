"""What the webhook tests share: the background sender kept quiet (no wake-ups, a long poll)
and driven by the test with a clock far ahead, so every retry is due at once and nothing
depends on timing; the owner API's endpoints; signatures checked as a receiver would."""

from __future__ import annotations

from typing import Any

import pytest
from standardwebhooks import Webhook
from starlette.testclient import TestClient

import settings
from service import webhooks
from service.web.shapes import owner_comment
from tests.helpers import OWNER
from tests.receivers import Received

FAR = "2999-01-01T00:00:00.000000Z"  # every retry is due by then


def quiet_sender(monkeypatch: pytest.MonkeyPatch) -> None:
    """The webhook sender waits for the test, and loopback endpoints are allowed."""
    monkeypatch.setattr(webhooks, "POLL", 3600.0)
    monkeypatch.setattr(webhooks, "wake", lambda: None)
    monkeypatch.setattr(settings, "WEBHOOK_ALLOW_LOCAL", True)


def flush(client: TestClient) -> int:
    """Run the sender until nothing is due, with a clock far ahead; how many tries it made."""
    store = client.app.state.store  # type: ignore[attr-defined]
    tried: int = client.portal.call(webhooks.deliver_due, store, owner_comment, FAR)  # type: ignore[union-attr]
    return tried


def add_endpoint(client: TestClient, url: str, **fields: Any) -> dict[str, Any]:
    answer = client.post("/admin/api/webhooks", headers=OWNER, json={"url": url, **fields})
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


def verified(secret: str, request: Received) -> dict[str, Any]:
    """The payload, once the library has checked its signature and timestamp."""
    payload: dict[str, Any] = Webhook(secret).verify(request.body, request.headers)
    return payload


def listed(client: TestClient) -> list[dict[str, Any]]:
    answer = client.get("/admin/api/webhooks", headers=OWNER)
    assert answer.status_code == 200
    found: list[dict[str, Any]] = answer.json()["webhooks"]
    return found

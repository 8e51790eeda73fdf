"""Undo for every change the owner makes: status, promote, demote, reply, redaction and bulk.

Each change answers with an undo key; the key (or the change's activity row) takes it back while
it is still the latest change to that comment and the window is open. Runs on both backends.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from service import owner
from tests.helpers import OWNER, act, post, published

PHONE = "Fijne massage bij Sanne. Bel me op 06-12345678 als je wilt weten hoe."


def undo(client: TestClient, **key: Any) -> Any:
    return client.post("/admin/api/undo", headers=OWNER, json=key)


def view(client: TestClient, cid: int) -> dict[str, Any]:
    data: dict[str, Any] = client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()
    return data


def activity(client: TestClient) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = client.get("/admin/api/activity", headers=OWNER).json()[
        "entries"
    ]
    return entries


def test_a_status_change_is_undone_by_its_key(client: TestClient) -> None:
    cid = post(client)["id"]
    key = act(client, cid, "approve").json()["undo"]
    assert [c["id"] for c in published(client)] == [cid]
    response = undo(client, batch=key)
    assert response.json() == {"undone": [{"id": cid, "kind": "status"}]}
    assert view(client, cid)["status"] == "pending" and published(client) == []
    assert (activity(client)[0]["action"], activity(client)[0]["detail"]) == ("undo", "status")
    again = undo(client, batch=key)
    assert again.status_code == 409 and again.json()["error"]["code"] == "undo_expired"


def test_promote_and_demote_are_undone(client: TestClient) -> None:
    cid = post(client)["id"]
    act(client, cid, "approve")
    promoted = act(client, cid, "promote", excerpt="slaap ik veel rustiger")
    assert len(client.get("/api/testimonials").json()["testimonials"]) == 1
    assert undo(client, batch=promoted.json()["undo"]).status_code == 200
    assert client.get("/api/testimonials").json()["testimonials"] == []
    assert view(client, cid)["excerpt"] is None and view(client, cid)["promoted_at"] is None

    act(client, cid, "promote")
    demoted = act(client, cid, "demote")
    assert client.get("/api/testimonials").json()["testimonials"] == []
    assert undo(client, batch=demoted.json()["undo"]).status_code == 200
    assert [t["id"] for t in client.get("/api/testimonials").json()["testimonials"]] == [cid]


def test_a_reply_is_undone_and_leaves_the_page(client: TestClient) -> None:
    cid = post(client)["id"]
    act(client, cid, "approve")
    reply = client.post(
        f"/admin/api/comments/{cid}/reply", headers=OWNER, json={"body": "Dank je wel!"}
    )
    assert reply.status_code == 201
    assert [c["id"] for c in published(client)] == [cid, reply.json()["id"]]
    assert undo(client, batch=reply.json()["undo"]).json()["undone"] == [
        {"id": cid, "kind": "reply"}
    ]
    assert [c["id"] for c in published(client)] == [cid]
    gone = client.get(f"/admin/api/comments/{reply.json()['id']}", headers=OWNER)
    assert gone.status_code == 404


def test_a_redaction_is_undone_within_its_window(client: TestClient) -> None:
    cid = post(client, body=PHONE)["id"]
    cut = act(
        client, cid, "redact", body="Fijne massage bij Sanne. Bel me op […] als je wilt weten hoe."
    )
    assert "06-12345678" not in view(client, cid)["body"]
    assert undo(client, batch=cut.json()["undo"]).status_code == 200
    assert view(client, cid)["body"] == PHONE


def test_a_bulk_action_is_undone_with_one_key(client: TestClient) -> None:
    ids = [post(client, body=f"Verhaal nummer {n}.")["id"] for n in range(3)]
    done = client.post("/admin/api/bulk", headers=OWNER, json={"ids": ids, "action": "spam"})
    answer = undo(client, batch=done.json()["undo"]).json()
    assert sorted(u["id"] for u in answer["undone"]) == ids
    assert {view(client, i)["status"] for i in ids} == {"pending"}


def test_the_next_change_ends_the_undo_of_the_one_before(client: TestClient) -> None:
    cid = post(client)["id"]
    first = act(client, cid, "approve").json()["undo"]
    act(client, cid, "promote")
    refused = undo(client, batch=first)
    assert refused.status_code == 409 and refused.json()["error"]["field"] == "undo"
    assert view(client, cid)["status"] == "approved" and view(client, cid)["testimonial"]


def test_an_activity_row_can_be_undone_while_it_is_the_latest(client: TestClient) -> None:
    cid = post(client)["id"]
    act(client, cid, "spam")
    row = activity(client)[0]
    assert row["action"] == "spam" and row["undoable"] is True
    assert undo(client, log=row["id"]).status_code == 200
    assert view(client, cid)["status"] == "pending"
    assert not any(e["undoable"] for e in activity(client))


def test_after_the_window_nothing_can_be_undone(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(owner, "UNDO_SECONDS", 0)  # the window has ended as soon as it opens
    cid = post(client, body=PHONE)["id"]
    cut = act(client, cid, "redact", body="Fijne massage bij Sanne. […]")
    refused = undo(client, batch=cut.json()["undo"])
    assert refused.status_code == 409
    assert "06-12345678" not in view(client, cid)["body"]
    assert "06-12345678" not in client.get("/admin/api/export", headers=OWNER).text


@pytest.mark.parametrize(
    "payload",
    [{}, {"batch": ""}, {"batch": 5}, {"batch": "x" * 65}, {"log": "1"}, {"log": True}, {"log": 0}],
)
def test_undo_refuses_a_bad_key_with_its_field(client: TestClient, payload: dict[str, Any]) -> None:
    response = undo(client, **payload)
    assert response.status_code in (400, 422)
    assert response.json()["error"]["field"] in ("batch", "log")


def test_undo_is_owner_only(client: TestClient) -> None:
    assert client.post("/admin/api/undo", json={"batch": "abc"}).status_code == 401

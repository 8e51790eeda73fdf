"""The owner API under /admin/api/, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.helpers import OWNER, act, counts, post, published

OWNER_ROUTES = [
    ("GET", "/admin/api/comments"),
    ("GET", "/admin/api/comments/1"),
    ("DELETE", "/admin/api/comments/1"),
    ("POST", "/admin/api/comments/1/approve"),
    ("POST", "/admin/api/comments/1/reject"),
    ("POST", "/admin/api/comments/1/spam"),
    ("POST", "/admin/api/comments/1/restore"),
    ("POST", "/admin/api/comments/1/promote"),
    ("POST", "/admin/api/comments/1/demote"),
    ("POST", "/admin/api/comments/1/reply"),
    ("POST", "/admin/api/comments/1/undo"),
    ("POST", "/admin/api/bulk"),
    ("GET", "/admin/api/activity"),
]

BAD_CREDENTIALS = [
    {},
    {"Authorization": "Bearer wrong-token"},
    {"Authorization": "Bearer "},
    {"Authorization": "Basic dGVzdDp0ZXN0"},
    {"Authorization": OWNER["Authorization"] + "x"},
    {"Cookie": "chorus_admin=forged.value.here"},
    {"Cookie": "session=eyJhZG1pbiI6IHRydWV9"},
]


@pytest.mark.parametrize(("method", "path"), OWNER_ROUTES)
@pytest.mark.parametrize("headers", BAD_CREDENTIALS)
def test_owner_api_refuses_without_the_owner(
    sqlite_client: TestClient, method: str, path: str, headers: dict[str, str]
) -> None:
    cid = post(sqlite_client)["id"]
    response = sqlite_client.request(method, path.replace("/1", f"/{cid}"), headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert "Anna" not in response.text
    assert counts(sqlite_client)["pending"] == 1


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "approved"), ("reject", "rejected"), ("spam", "spam")],
)
def test_each_action_sets_the_status_and_logs_it(
    client: TestClient, action: str, status: str
) -> None:
    cid = post(client)["id"]
    response = act(client, cid, action)
    answer = response.json()
    assert answer.pop("undo")
    assert answer == {"id": cid, "status": status, "previous": "pending"}
    assert client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()["status"] == status
    [entry] = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert (entry["comment_id"], entry["action"], entry["actor"]) == (cid, action, "api")
    assert (entry["from_status"], entry["to_status"]) == ("pending", status)
    assert act(client, cid, "restore").json()["status"] == "pending"


def test_repeating_an_action_is_a_conflict(client: TestClient) -> None:
    cid = post(client)["id"]
    act(client, cid, "approve")
    again = act(client, cid, "approve")
    assert again.status_code == 409 and again.json()["error"]["field"] == "status"
    assert act(client, cid, "restore").status_code == 200
    assert act(client, cid, "restore").status_code == 409


@pytest.mark.parametrize("path", ["/admin/api/comments/999/approve", "/admin/api/comments/abc"])
def test_unknown_comment_is_404(sqlite_client: TestClient, path: str) -> None:
    method = "POST" if path.endswith("approve") else "GET"
    response = sqlite_client.request(method, path, headers=OWNER)
    assert response.status_code == 404 and response.json()["error"]["field"] == "id"


def test_unknown_action_is_404(sqlite_client: TestClient) -> None:
    cid = post(sqlite_client)["id"]
    response = act(sqlite_client, cid, "publish")
    assert response.status_code == 404
    assert counts(sqlite_client)["pending"] == 1


def test_delete_removes_the_comment_and_logs_it(client: TestClient) -> None:
    cid = post(client)["id"]
    response = client.delete(f"/admin/api/comments/{cid}", headers=OWNER)
    assert response.json() == {"id": cid, "deleted": True}
    assert counts(client)["all"] == 0
    assert client.delete(f"/admin/api/comments/{cid}", headers=OWNER).status_code == 404
    entries = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [(e["comment_id"], e["action"]) for e in entries] == [(cid, "delete")]


def test_promote_takes_an_excerpt_only_from_the_authors_words(client: TestClient) -> None:
    cid = post(client, body="Ik slaap  veel\nrustiger sinds de massage.")["id"]
    act(client, cid, "approve")
    rewritten = act(client, cid, "promote", excerpt="Ik slaap perfect")
    assert rewritten.status_code == 422 and rewritten.json()["error"]["field"] == "excerpt"
    ok = act(client, cid, "promote", excerpt="slaap veel rustiger")
    assert ok.json()["undo"]
    assert {k: v for k, v in ok.json().items() if k != "undo"} == {
        "id": cid,
        "testimonial": True,
        "excerpt": "slaap veel rustiger",
        "changed": True,
    }
    [t] = client.get("/api/testimonials").json()["testimonials"]
    assert t["excerpt"] == "… slaap veel rustiger …"  # marked: the story goes on either side


def test_promote_needs_an_approved_comment(client: TestClient) -> None:
    cid = post(client)["id"]
    response = act(client, cid, "promote")
    assert response.status_code == 409 and response.json()["error"]["code"] == "not_approved"
    assert act(client, cid, "demote").status_code == 409


def test_rejecting_a_testimonial_takes_it_out_of_the_feeds(client: TestClient) -> None:
    cid = post(client)["id"]
    act(client, cid, "approve")
    act(client, cid, "promote")
    act(client, cid, "reject")
    assert client.get("/api/testimonials").json()["testimonials"] == []
    assert client.get("/feeds/testimonials.json").json()["items"] == []


def test_reply_needs_a_published_comment_and_text(client: TestClient) -> None:
    cid = post(client)["id"]
    early = act(client, cid, "reply", body="Dank je!")
    assert early.status_code == 409 and early.json()["error"]["code"] == "not_published"
    act(client, cid, "approve")
    empty = act(client, cid, "reply", body="  ")
    assert empty.status_code == 422 and empty.json()["error"]["field"] == "body"
    extra = act(client, cid, "reply", body="Dank je!", owner=True)
    assert extra.status_code == 422
    reply = act(client, cid, "reply", body="Dank je!")
    assert reply.status_code == 201
    owner_reply = published(client)[-1]
    assert owner_reply["owner"] is True and owner_reply["html"] == "<p>Dank je!</p>"
    actions = [
        e["action"] for e in client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    ]
    assert actions[0] == "reply"


def test_undo_restores_the_previous_status_and_logs_both(client: TestClient) -> None:
    cid = post(client)["id"]
    act(client, cid, "spam")
    stale = act(client, cid, "undo", status="approved")
    assert stale.status_code == 409
    undone = act(client, cid, "undo", status="spam")
    assert undone.json() == {"id": cid, "status": "pending"}
    entries = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [(e["action"], e["from_status"], e["to_status"]) for e in entries] == [
        ("undo", "spam", "pending"),
        ("spam", "pending", "spam"),
    ]


def test_bulk_changes_many_and_reports_each(client: TestClient) -> None:
    ids = [post(client, body=f"verhaal {n}")["id"] for n in range(3)]
    act(client, ids[0], "approve")
    response = client.post(
        "/admin/api/bulk", headers=OWNER, json={"ids": [*ids, 9999], "action": "approve"}
    )
    answer = response.json()
    assert answer.pop("undo")
    assert answer == {
        "action": "approve",
        "changed": ids[1:],
        "unchanged": [ids[0], 9999],
        "skipped": [],
        "changed_since": [],
    }
    assert counts(client)["approved"] == 3


@pytest.mark.parametrize(
    "payload",
    [
        {"ids": [], "action": "approve"},
        {"ids": ["1"], "action": "approve"},
        {"ids": [True], "action": "approve"},
        {"ids": list(range(1, 300)), "action": "approve"},
        {"ids": [1], "action": "delete"},
        {"ids": [1], "action": "approve", "extra": 1},
    ],
)
def test_bulk_refuses_bad_requests(sqlite_client: TestClient, payload: dict[str, object]) -> None:
    response = sqlite_client.post("/admin/api/bulk", headers=OWNER, json=payload)
    assert response.status_code == 422


def test_queue_lists_by_status_page_and_search_with_counts(client: TestClient) -> None:
    a = post(client, author="Bram", body="Heerlijke massage")["id"]
    b = post(client, body="Rugpijn is minder", page="/blog/rug")["id"]
    c = post(client, body="Weer een verhaal")["id"]
    act(client, a, "approve")
    act(client, a, "promote")
    act(client, c, "spam")

    def ids(**params: str) -> list[int]:
        response = client.get("/admin/api/comments", headers=OWNER, params=params)
        assert response.status_code == 200
        return [x["id"] for x in response.json()["comments"]]

    assert ids() == [c, b, a]
    assert ids(order="oldest") == [a, b, c]
    assert ids(status="pending") == [b]
    assert ids(status="testimonials") == [a]
    assert ids(status="spam") == [c]
    assert ids(page="/blog/rug") == [b]
    assert ids(q="bram") == [a]
    assert ids(q="MINDER") == [b]
    assert ids(limit="1", offset="1") == [b]
    listing = client.get("/admin/api/comments", headers=OWNER).json()
    assert listing["counts"] == {
        "pending": 1,
        "approved": 1,
        "rejected": 0,
        "spam": 1,
        "testimonials": 1,
        "all": 3,
    }
    assert listing["comments"][0]["email"] == "anna@example.nl"
    assert listing["total"] == 3


def test_owner_sees_hints_about_risky_content(sqlite_client: TestClient) -> None:
    cid = post(sqlite_client, body="Magnesium heeft mij genezen! Bel 06-12345678.")["id"]
    shown = sqlite_client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()
    assert shown["hints"] == ["phone", "health_claim"]


@pytest.mark.parametrize(
    "query",
    [
        "status=published",
        "order=created;DROP TABLE comments",
        "order=(SELECT 1)",
        "limit=-1",
        "offset=x",
    ],
)
def test_queue_parameters_are_checked(sqlite_client: TestClient, query: str) -> None:
    post(sqlite_client)
    response = sqlite_client.get(f"/admin/api/comments?{query}", headers=OWNER)
    assert response.status_code == 422
    assert counts(sqlite_client)["all"] == 1


def test_queue_page_size_is_clamped(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/admin/api/comments?limit=1000000", headers=OWNER)
    assert response.json()["limit"] == 100


def test_owner_answers_are_never_cached(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/admin/api/comments", headers=OWNER)
    assert response.headers["cache-control"] == "no-store"


def test_export_holds_everything_and_only_for_the_owner(client: TestClient) -> None:
    cid = post(client)["id"]
    act(client, cid, "approve")
    assert client.get("/admin/api/export").status_code == 401
    response = client.get("/admin/api/export", headers=OWNER)
    assert "attachment" in response.headers["content-disposition"]
    data = response.json()
    assert [c["email"] for c in data["comments"]] == ["anna@example.nl"]
    assert [t["page_key"] for t in data["threads"]] == ["/blog/magnesium-en-slaap"]
    assert [e["action"] for e in data["moderation_log"]] == ["approve"]


def test_owner_redacts_a_phone_number_before_approving(client: TestClient) -> None:
    cid = post(
        client, body="Fijne massage bij Sanne.\nBel me op 06-12345678 als je wilt weten hoe."
    )["id"]
    response = act(
        client, cid, "redact", body="Fijne massage bij Sanne.\nBel me […] als je wilt weten hoe."
    )
    assert response.status_code == 200
    shown = client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()
    assert "06-12345678" not in shown["body"] + shown["html"]
    assert shown["html"] == "<p>Fijne massage bij Sanne.<br>Bel me […] als je wilt weten hoe.</p>"
    assert "phone" not in shown["hints"]
    [entry] = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert (entry["action"], entry["detail"]) == ("redact", "1 cut(s)")
    act(client, cid, "approve")
    assert "06-12345678" not in str(published(client))


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("Fijne massage bij Sanne. Bel me als je wilt weten hoe.", "no_cut"),
        ("Slechte massage bij Sanne. […]", "not_a_redaction"),
        ("[…] als je wilt weten hoe. Fijne massage bij Sanne.", "not_a_redaction"),
        ("Fijne massage bij Sanne. […] <script>alert(1)</script>", "not_a_redaction"),
        ("", "required"),
    ],
)
def test_redaction_may_only_remove_words(sqlite_client: TestClient, body: str, code: str) -> None:
    cid = post(
        sqlite_client, body="Fijne massage bij Sanne. Bel me op 06-12345678 als je wilt weten hoe."
    )["id"]
    response = act(sqlite_client, cid, "redact", body=body)
    assert response.status_code == 422
    assert (response.json()["error"]["field"], response.json()["error"]["code"]) == ("body", code)
    shown = sqlite_client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()
    assert "06-12345678" in shown["body"]


def test_redaction_keeps_an_excerpt_only_while_it_is_still_there(client: TestClient) -> None:
    cid = post(client, body="Ik slaap beter. Groet, Anna de Vries uit Utrecht.")["id"]
    assert act(client, cid, "approve", confirm_hints=["full_name"]).status_code == 200
    act(client, cid, "promote", excerpt="Ik slaap beter.")
    act(client, cid, "redact", body="Ik slaap beter. Groet, Anna […]")
    shown = client.get("/api/testimonials").json()["testimonials"][0]["excerpt"]
    assert shown == "Ik slaap beter. …"
    act(client, cid, "redact", body="[…] Groet, Anna […]")
    [t] = client.get("/api/testimonials").json()["testimonials"]
    assert t["excerpt"] is None and "de Vries" not in t["html"]


def test_a_second_redaction_logs_only_its_own_cuts(sqlite_client: TestClient) -> None:
    cid = post(sqlite_client, body="Anna de Vries, Utrecht, 06-12345678.")["id"]
    act(sqlite_client, cid, "redact", body="Anna […], Utrecht, 06-12345678.")
    act(sqlite_client, cid, "redact", body="Anna […], […], […]")
    entries = sqlite_client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [e["detail"] for e in entries] == ["2 cut(s)", "1 cut(s)"]


@pytest.mark.parametrize(
    "query",
    ["Anna de", "rustiger", "ANNA@example", "massage.example/blog/magnesium", "Magnesium en"],
)
def test_search_matches_name_text_email_and_page(client: TestClient, query: str) -> None:
    cid = post(client)["id"]
    act(client, cid, "approve")  # published, so its page carries the title and address
    post(
        client,
        author="Piet",
        email="piet@elders.example",
        body="Iets anders.",
        page="/blog/x",
        page_title="Elders",
        page_url="https://www.massage.example/blog/x",
    )
    params = {"q": query, "status": "all"}
    found = client.get("/admin/api/comments", headers=OWNER, params=params).json()
    assert [c["id"] for c in found["comments"]] == [cid]

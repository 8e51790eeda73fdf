"""Reports (DSA art. 16): a reader reports a published comment, the owner answers it.

On both databases: the API (`POST /api/reports`), the page that works without JavaScript
(`/report/{id}`), the owner's answers (`/admin/api/reports`), and what the privacy tools find
and erase.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import signing
from tests.helpers import OWNER, act, post, published


def report(comment_id: int, /, **fields: Any) -> dict[str, Any]:
    """A valid report with a fresh form token, with any field replaced or added."""
    data: dict[str, Any] = {
        "comment_id": comment_id,
        "reason": "privacy",
        "message": "Hier staat de naam van mijn buurvrouw in.",
        "form_token": signing.form_token(),
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not ...}


def approved(client: TestClient, **fields: Any) -> int:
    """A published comment's id."""
    comment_id = int(post(client, **fields)["id"])
    assert act(client, comment_id, "approve").status_code == 200
    return comment_id


def reported(client: TestClient) -> dict[str, Any]:
    answer = client.get("/admin/api/reports", headers=OWNER)
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def test_a_report_about_a_published_comment_reaches_the_owner(client: TestClient) -> None:
    comment_id = approved(client)
    answer = client.post("/api/reports", json=report(comment_id, email="kees@example.nl"))
    assert answer.status_code == 202 and answer.json() == {"status": "accepted"}
    second = client.post("/api/reports", json=report(comment_id, reason="illegal"))
    assert second.status_code == 202
    found = reported(client)
    assert found["count"] == 1
    [item] = found["reported"]
    assert item["comment"]["id"] == comment_id
    assert item["reasons"] == ["illegal", "privacy"]
    assert [r["message"] for r in item["reports"]] == [
        "Hier staat de naam van mijn buurvrouw in.",
        "Hier staat de naam van mijn buurvrouw in.",
    ]
    assert item["reports"][0]["email"] == "kees@example.nl"


@pytest.mark.parametrize("status", ["pending", "rejected", "spam", "gone"])
def test_only_a_published_comment_can_be_reported(client: TestClient, status: str) -> None:
    comment_id = int(post(client)["id"])
    if status == "gone":
        assert client.delete(f"/admin/api/comments/{comment_id}", headers=OWNER).status_code == 200
    elif status != "pending":
        assert act(client, comment_id, status if status == "spam" else "reject").status_code == 200
    answer = client.post("/api/reports", json=report(comment_id))
    assert answer.status_code == 404
    assert answer.json()["error"]["field"] == "comment_id"
    assert reported(client)["count"] == 0


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"reason": "rude"}, "reason", "invalid"),
        ({"reason": ...}, "reason", "invalid"),
        ({"message": "   "}, "message", "required"),
        ({"message": ...}, "message", "required"),
        ({"message": "x" * 2001}, "message", "too_long"),
        ({"message": "zie " + " ".join(f"https://s{n}.example" for n in range(6))}, "message",
         "too_many_links"),
        ({"message": "a\x00b"}, "message", "control_character"),
        ({"email": "geen-adres"}, "email", "invalid_email"),
        ({"comment_id": "1"}, "comment_id", "out_of_range"),
        ({"comment_id": True}, "comment_id", "out_of_range"),
        ({"lang": "es"}, "lang", "unsupported"),
        ({"form_token": ...}, "form_token", "required"),
        ({"form_token": "forged"}, "form_token", "expired"),
        ({"author": "Kees"}, "author", "unknown_field"),
    ],
)  # fmt: skip
def test_a_bad_report_is_refused_naming_the_field(
    client: TestClient, fields: dict[str, Any], field: str, code: str
) -> None:
    comment_id = approved(client)
    answer = client.post("/api/reports", json=report(comment_id, **fields))
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["field"] == field
    assert answer.json()["error"]["code"] == code
    assert reported(client)["count"] == 0


def test_the_reader_is_told_what_is_wrong_in_their_language(client: TestClient) -> None:
    comment_id = approved(client)
    for lang, words in (("nl", "Vul dit veld in."), ("en", "Please fill in this field.")):
        answer = client.post(
            "/api/reports", json=report(comment_id, message=""), headers={"Accept-Language": lang}
        )
        assert answer.json()["error"]["message"] == words


def test_a_form_token_sends_one_report_only(client: TestClient) -> None:
    comment_id = approved(client)
    once = report(comment_id)
    assert client.post("/api/reports", json=once).status_code == 202
    again = client.post("/api/reports", json=once)
    assert again.status_code == 422 and again.json()["error"]["code"] == "used"
    assert len(reported(client)["reported"][0]["reports"]) == 1


def test_a_filled_honeypot_or_a_form_sent_too_fast_is_answered_alike_and_kept_nowhere(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    comment_id = approved(client)
    assert client.post("/api/reports", json=report(comment_id, hp="x")).status_code == 202
    monkeypatch.setattr(settings, "FORM_MIN_SECONDS", 60)
    assert client.post("/api/reports", json=report(comment_id)).status_code == 202
    assert reported(client)["count"] == 0


def test_reports_from_one_client_meet_a_limit(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    comment_id = approved(client)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 2)
    assert [client.post("/api/reports", json=report(comment_id)).status_code for _ in range(3)] == [
        202,
        202,
        429,
    ]
    # Its own budget: the same client can still post a comment.
    assert client.post("/api/comments", json={}).status_code == 422


# -- the owner's answer ---------------------------------------------------------------------------


def decide(client: TestClient, report_id: int, decision: str, **body: Any) -> Any:
    return client.post(
        f"/admin/api/reports/{report_id}/{decision}", headers=OWNER, json=body or None
    )


def first_report(client: TestClient) -> int:
    return int(reported(client)["reported"][0]["reports"][0]["id"])


def activity(client: TestClient) -> list[str]:
    rows = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    return [row["action"] for row in rows]


def test_dismissing_closes_every_report_about_the_comment_and_is_logged(
    client: TestClient,
) -> None:
    comment_id = approved(client)
    for _ in range(2):
        assert client.post("/api/reports", json=report(comment_id)).status_code == 202
    report_id = first_report(client)
    answer = decide(client, report_id, "dismiss")
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "id": report_id,
        "comment_id": comment_id,
        "decision": "dismiss",
        "settled": 2,
        "undo": None,
    }
    assert reported(client)["count"] == 0
    assert [c["id"] for c in published(client)] == [comment_id]
    assert "report_dismissed" in activity(client)
    again = decide(client, report_id, "dismiss")
    assert again.status_code == 409 and again.json()["error"]["field"] == "status"


def test_unpublishing_takes_the_comment_off_the_site(client: TestClient) -> None:
    comment_id = approved(client)
    client.post("/api/reports", json=report(comment_id))
    answer = decide(client, first_report(client), "unpublish")
    assert answer.status_code == 200 and answer.json()["undo"]
    assert published(client) == []
    assert client.get(f"/admin/api/comments/{comment_id}", headers=OWNER).json()["status"] == (
        "rejected"
    )
    assert {"reject", "report_unpublished"} <= set(activity(client))


def test_deleting_removes_the_comment_and_keeps_the_decision(client: TestClient) -> None:
    comment_id = approved(client)
    client.post("/api/reports", json=report(comment_id))
    report_id = first_report(client)
    assert decide(client, report_id, "delete").status_code == 200
    assert client.get(f"/admin/api/comments/{comment_id}", headers=OWNER).status_code == 404
    assert reported(client) == {"count": 0, "reported": []}
    assert "report_deleted" in activity(client)
    assert decide(client, report_id, "dismiss").status_code == 409


@pytest.mark.parametrize(
    ("path", "body", "field", "code", "status"),
    [
        ("reject", {"reason": "rude"}, "reason", "invalid", 422),
        ("approve", {"reason": "spam"}, "reason", "not_taken", 422),
        ("reject", {"reason_note": "zonder reden"}, "reason", "required", 422),
        ("reject", {"reason": "spam", "reason_note": "x" * 301}, "reason_note", "too_long", 422),
    ],
)
def test_a_bad_reason_is_refused_naming_it(
    client: TestClient, path: str, body: dict[str, Any], field: str, code: str, status: int
) -> None:
    comment_id = approved(client) if path == "reject" else int(post(client)["id"])
    answer = act(client, comment_id, path, **body)
    assert answer.status_code == status, answer.text
    assert answer.json()["error"]["field"] == field and answer.json()["error"]["code"] == code


def test_a_report_decision_refuses_an_unknown_reason_and_an_unknown_decision(
    client: TestClient,
) -> None:
    comment_id = approved(client)
    client.post("/api/reports", json=report(comment_id))
    report_id = first_report(client)
    wrong = decide(client, report_id, "unpublish", reason="boring")
    assert wrong.status_code == 422 and wrong.json()["error"]["field"] == "reason"
    assert decide(client, report_id, "dismiss", reason="spam").status_code == 422
    assert decide(client, report_id, "ignore").status_code == 404
    assert decide(client, 999999, "dismiss").status_code == 404
    assert reported(client)["count"] == 1  # nothing was decided


# -- the report page, without JavaScript ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "title", "thanks"),
    [
        ("nl", "Een reactie melden", "Dank je. Je melding is ontvangen"),
        ("en", "Report a comment", "Thank you. Your report was received"),
    ],
)
def test_the_report_page_works_without_javascript(
    client: TestClient, lang: str, title: str, thanks: str
) -> None:
    comment_id = approved(client)
    page = client.get(f"/report/{comment_id}?lang={lang}")
    assert page.status_code == 200 and title in page.text
    assert "Sinds ik magnesium neem slaap ik veel rustiger." in page.text
    token = page.text.split('name="form_token" value="')[1].split('"')[0]
    sent = client.post(
        f"/report/{comment_id}?lang={lang}",
        data={"form_token": token, "reason": "spam", "message": "Dit is reclame.", "email": ""},
    )
    assert sent.status_code == 200 and thanks in sent.text
    [item] = reported(client)["reported"]
    assert item["reports"][0]["message"] == "Dit is reclame."
    assert item["reports"][0]["lang"] == lang


def test_the_report_page_shows_what_is_wrong_and_keeps_what_was_typed(client: TestClient) -> None:
    comment_id = approved(client)
    sent = client.post(
        f"/report/{comment_id}?lang=en",
        data={"form_token": signing.form_token(), "reason": "spam", "message": " "},
    )
    assert sent.status_code == 422
    assert "That did not work: Please fill in this field." in sent.text
    assert 'aria-invalid="true"' in sent.text and 'value="spam" required checked' in sent.text
    assert reported(client)["count"] == 0


def test_the_report_page_of_a_comment_that_is_not_published_shows_nothing(
    client: TestClient,
) -> None:
    comment_id = int(post(client, body="Nog niet beoordeeld, en geheim.")["id"])
    for answer in (
        client.get(f"/report/{comment_id}"),
        client.post(f"/report/{comment_id}", data={"form_token": signing.form_token()}),
        client.get("/report/abc"),
    ):
        assert answer.status_code == 404
        assert "Nog niet beoordeeld" not in answer.text
        assert "niets te melden" in answer.text


def test_the_report_page_refuses_a_form_sent_from_another_site(client: TestClient) -> None:
    comment_id = approved(client)
    sent = client.post(
        f"/report/{comment_id}",
        data={"form_token": signing.form_token(), "reason": "spam", "message": "Reclame."},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert sent.status_code == 403
    assert reported(client)["count"] == 0


# -- privacy: a reporter's address is found, exported and erased ---------------------------------


def test_the_privacy_tools_find_and_erase_a_reporters_address(client: TestClient) -> None:
    comment_id = approved(client)
    client.post("/api/reports", json=report(comment_id, email="Kees@Example.nl"))
    found = client.post("/admin/api/readers", headers=OWNER, json={"email": "kees@example.nl"})
    assert [r["message"] for r in found.json()["reports"]] == [
        "Hier staat de naam van mijn buurvrouw in."
    ]
    erased = client.post(
        "/admin/api/readers/erase",
        headers=OWNER,
        json={"email": "kees@example.nl", "keep_anonymised": False},
    )
    assert erased.status_code == 200
    assert reported(client)["count"] == 0
    again = client.post("/admin/api/readers", headers=OWNER, json={"email": "kees@example.nl"})
    assert again.json()["reports"] == []


def test_erasing_an_author_removes_the_reports_about_their_comments(client: TestClient) -> None:
    comment_id = approved(client)
    client.post("/api/reports", json=report(comment_id, message="Anna noemt haar rugpijn."))
    client.post(
        "/admin/api/readers/erase",
        headers=OWNER,
        json={"email": "anna@example.nl", "keep_anonymised": True},
    )

    async def messages() -> list[str]:
        db = client.app.state.store.database  # type: ignore[attr-defined]
        return [r["message"] for r in await db.fetch_all("SELECT message FROM reports")]

    assert client.portal.call(messages) == []  # type: ignore[union-attr]

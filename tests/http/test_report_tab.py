"""The moderation page's Reported tab and reason picker, without JavaScript (SQLite; the use
cases under them run on both databases in test_reports.py)."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from service import signing
from tests.helpers import OWNER, act, post
from tests.http.test_admin import login, owner_password  # noqa: F401  (the password fixture)
from tests.http.test_notify import Inbox, _free_port, inbox  # noqa: F401  (the SMTP fixture)
from tests.http.test_statements import mails_to


def _csrf(page: str) -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', page)
    assert match
    return match.group(1)


def _reported(client: TestClient, body: str, message: str) -> int:
    comment_id = int(post(client, body=body)["id"])
    # A story naming someone in full is approved only with that hint confirmed.
    approved = act(client, comment_id, "approve", confirm_hints=["full_name"])
    assert approved.status_code == 200
    sent = client.post(
        "/api/reports",
        json={
            "comment_id": comment_id,
            "reason": "privacy",
            "message": message,
            "form_token": signing.form_token(),
        },
    )
    assert sent.status_code == 202
    return comment_id


def test_the_reported_tab_shows_the_count_the_reasons_and_the_reported_text(
    sqlite_client: TestClient,
) -> None:
    _reported(sqlite_client, "Mijn buurman Piet de Vries is een oplichter.", "<b>Laster</b>")
    login(sqlite_client)
    queue = sqlite_client.get("/admin/").text
    assert re.search(
        r'href="/admin/reports">Gemeld <span class="count" data-count="reported">1<', queue
    )
    page = sqlite_client.get("/admin/reports")
    assert page.status_code == 200
    assert 'aria-current="page">Gemeld' in page.text
    assert "Mijn buurman Piet de Vries is een oplichter." in page.text
    assert "Privacy van een ander" in page.text and "1 melding" in page.text
    # The report's words are shown as text, never as markup.
    assert "&lt;b&gt;Laster&lt;/b&gt;" in page.text and "<b>Laster</b>" not in page.text


def test_the_owner_unpublishes_a_reported_comment_with_a_reason_from_the_tab(
    sqlite_client: TestClient,
) -> None:
    comment_id = _reported(sqlite_client, "Een verhaal met een naam erin.", "Dat ben ik.")
    login(sqlite_client)
    page = sqlite_client.get("/admin/reports").text
    report_id = re.findall(r'action="/admin/reports/(\d+)"', page)[0]
    assert 'name="reason"' in page  # the author left an address: the picker is there
    done = sqlite_client.post(
        f"/admin/reports/{report_id}",
        data={"csrf": _csrf(page), "decision": "unpublish", "reason": "privacy"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert done.headers["location"].startswith("/admin/reports?done=report_unpublish")
    answer = sqlite_client.get(f"/admin/api/comments/{comment_id}", headers=OWNER).json()
    assert answer["status"] == "rejected"
    after = sqlite_client.get(done.headers["location"]).text
    assert "De reactie is offline gehaald." in after and "Geen open meldingen." in after


def test_a_decision_without_the_csrf_token_changes_nothing(sqlite_client: TestClient) -> None:
    _reported(sqlite_client, "Nog een verhaal.", "Weg ermee.")
    login(sqlite_client)
    page = sqlite_client.get("/admin/reports").text
    report_id = re.findall(r'action="/admin/reports/(\d+)"', page)[0]
    refused = sqlite_client.post(f"/admin/reports/{report_id}", data={"decision": "delete"})
    assert refused.status_code == 403
    assert "Nog een verhaal." in sqlite_client.get("/admin/reports").text


def test_the_card_offers_the_reason_picker_and_rejecting_with_it_sends_a_statement(
    sqlite_client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    comment_id = int(post(sqlite_client, body="Bel me op 06-12345678.")["id"])
    login(sqlite_client)
    page = sqlite_client.get("/admin/").text
    assert f'id="reason-{comment_id}"' in page and "Geen reden: geen bericht" in page
    done = sqlite_client.post(
        f"/admin/comments/{comment_id}/moderate",
        data={"csrf": _csrf(page), "back": "/admin/", "action": "reject", "reason": "privacy"},
        follow_redirects=False,
    )
    assert done.status_code == 303

    [statement] = mails_to(inbox, "anna@example.nl")
    assert str(statement["Subject"]).startswith("Over je reactie op")


def test_the_delete_page_offers_the_reason_picker(sqlite_client: TestClient) -> None:
    comment_id = int(post(sqlite_client)["id"])
    login(sqlite_client)
    page = sqlite_client.get(f"/admin/comments/{comment_id}/delete?back=/admin/").text
    assert f'id="reason-{comment_id}"' in page
    assert "Met een reden krijgt de schrijver" in page

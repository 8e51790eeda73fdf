"""An approval or a promotion publishes the text the owner read, never a later edit of it.

On SQLite and PostgreSQL: the card's forms, the bulk bar, the second look, the mail page and
the owner API each carry the version of the text shown (`seen`); a text that changed since is
refused with 409 `changed_since`, nothing is published, and the page says so and shows the new
text. Two promotions at once write one log row.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords, text
from service.web import admin_text
from tests.helpers import OWNER, act, mail_link_token, post, published

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)
ADMIN_NL = text.section("nl", "admin")  # the moderation pages' words in Dutch
NEW_TEXT = "Eigenlijk viel de massage tegen, jammer."


@pytest.fixture(autouse=True)
def _owner_can_log_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A known password, readers who may post freely, and the pages in Dutch."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    monkeypatch.setattr(settings, "ADMIN_LANG", "nl")
    yield


def _login(client: TestClient) -> str:
    """Log in through the form; the page's CSRF token."""
    response = client.post(
        "/admin/login", data={"password": PASSWORD, "next": "/admin/"}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', client.get("/admin/").text)
    assert match
    return match.group(1)


def _edit(client: TestClient, answer: dict[str, Any], body: str) -> None:
    response = client.post(
        f"/api/comments/{answer['id']}/edit",
        json={"author_token": answer["author_token"], "body": body},
    )
    assert response.status_code == 200, response.text


def _view(client: TestClient, comment_id: int) -> dict[str, Any]:
    found: dict[str, Any] = client.get(f"/admin/api/comments/{comment_id}", headers=OWNER).json()
    return found


def _hidden(page: str, name: str, within: str = "") -> str:
    """The value of the hidden field `name` on a page (inside the element with id `within`)."""
    if within:
        start = page.index(f'id="{within}"')
        page = page[start : page.index("</article>", start)]
    match = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="([^"]*)"', page)
    assert match, f"the page carries no {name} field"
    return html.unescape(match.group(1))


def _says_changed_since(page: str) -> bool:
    return html.escape(ADMIN_NL["error_changed_since"], quote=False) in page


# -- the card, the second look, the bulk bar ------------------------------------------------------


def test_an_edit_between_loading_the_queue_and_approving_is_refused(client: TestClient) -> None:
    csrf = _login(client)
    answer = post(client, body="Wat een fijne massage was dat.")
    queue = client.get("/admin/").text
    seen = _hidden(queue, "seen", within=f"c{answer['id']}")
    _edit(client, answer, NEW_TEXT)  # the author, while the owner reads the old text
    response = client.post(
        f"/admin/comments/{answer['id']}/moderate",
        data={"csrf": csrf, "back": "/admin/", "action": "approve", "seen": seen},
        follow_redirects=False,
    )
    assert response.status_code == 409
    assert _says_changed_since(response.text) and "viel de massage tegen" in response.text
    assert _view(client, answer["id"])["status"] == "pending"
    assert published(client) == []
    # The page she is shown now carries the new text's version: approving that works.
    again = _hidden(response.text, "seen", within=f"c{answer['id']}")
    assert again != seen
    done = client.post(
        f"/admin/comments/{answer['id']}/moderate",
        data={"csrf": csrf, "back": "/admin/", "action": "approve", "seen": again},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert [c["id"] for c in published(client)] == [answer["id"]]


def test_an_edit_after_the_second_look_is_refused(client: TestClient) -> None:
    csrf = _login(client)
    answer = post(client, body="Bel me op 06 1234 5678 voor een afspraak.")
    first = client.post(
        f"/admin/comments/{answer['id']}/moderate",
        data={"csrf": csrf, "back": "/admin/", "action": "approve"},
        follow_redirects=False,
    )
    assert first.status_code == 409  # the second look, naming the phone number
    seen = _hidden(first.text, "seen")
    _edit(client, answer, "Bel me op 06 1234 5678, het viel tegen.")
    confirm = client.post(
        f"/admin/comments/{answer['id']}/moderate",
        data={
            "csrf": csrf,
            "back": "/admin/",
            "action": "approve",
            "confirm_hints": "phone",
            "seen": seen,
        },
        follow_redirects=False,
    )
    assert confirm.status_code == 409 and _says_changed_since(confirm.text)
    assert _view(client, answer["id"])["status"] == "pending"


def test_a_promotion_of_a_text_edited_since_is_refused(client: TestClient) -> None:
    csrf = _login(client)
    answer = post(client, body="Wat een fijne massage was dat.")
    assert act(client, answer["id"], "approve").status_code == 200
    seen = _hidden(client.get("/admin/?status=approved").text, "seen", within=f"c{answer['id']}")
    _edit(client, answer, "Wat een fijne massage, echt een aanrader.")
    # Under MODERATION=all the edit sends it back to the queue; approve the new text again.
    assert act(client, answer["id"], "approve").status_code == 200
    response = client.post(
        f"/admin/comments/{answer['id']}/promote",
        data={"csrf": csrf, "back": "/admin/", "excerpt": "", "seen": seen},
        follow_redirects=False,
    )
    assert response.status_code == 409 and _says_changed_since(response.text)
    assert _view(client, answer["id"])["testimonial"] is False


def test_bulk_approval_leaves_the_one_card_that_changed(client: TestClient) -> None:
    csrf = _login(client)
    answers = [post(client, body=f"Verhaal nummer {n} over de massage.") for n in range(3)]
    queue = client.get("/admin/").text
    fields: dict[str, Any] = {"csrf": csrf, "back": "/admin/", "action": "approve"}
    fields["ids"] = [a["id"] for a in answers]
    for a in answers:
        fields[f"seen_{a['id']}"] = _hidden(queue, f"seen_{a['id']}")
    _edit(client, answers[1], NEW_TEXT)
    response = client.post("/admin/bulk", data=fields)
    assert response.status_code == 200
    notice = admin_text.plural("bulk_changed_since", 1)
    assert html.escape(notice, quote=False) in response.text
    assert [_view(client, a["id"])["status"] for a in answers] == [
        "approved",
        "pending",
        "approved",
    ]


# -- the owner API ------------------------------------------------------------------------------


def test_the_owner_api_refuses_an_approval_with_a_stale_seen(client: TestClient) -> None:
    answer = post(client, body="Wat een fijne massage was dat.")
    seen = _view(client, answer["id"])["seen"]
    _edit(client, answer, NEW_TEXT)
    refused = act(client, answer["id"], "approve", seen=seen)
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert (error["code"], error["field"]) == ("changed_since", "seen")
    assert error["seen"] == _view(client, answer["id"])["seen"] != seen
    assert _view(client, answer["id"])["status"] == "pending"
    assert act(client, answer["id"], "approve", seen=error["seen"]).status_code == 200


def test_the_owner_api_refuses_a_promotion_with_a_stale_seen(client: TestClient) -> None:
    answer = post(client, body="Wat een fijne massage was dat.")
    assert act(client, answer["id"], "approve").status_code == 200
    seen = _view(client, answer["id"])["seen"]
    redacted = client.post(
        f"/admin/api/comments/{answer['id']}/redact",
        headers=OWNER,
        json={"body": "Wat een […] massage was dat."},
    )
    assert redacted.status_code == 200
    refused = act(client, answer["id"], "promote", seen=seen)
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "changed_since"
    assert _view(client, answer["id"])["testimonial"] is False


def test_the_owner_api_bulk_reports_the_comments_changed_since(client: TestClient) -> None:
    answers = [post(client, body=f"Verhaal nummer {n} over de massage.") for n in range(3)]
    seen = {str(a["id"]): _view(client, a["id"])["seen"] for a in answers}
    _edit(client, answers[0], NEW_TEXT)
    response = client.post(
        "/admin/api/bulk",
        headers=OWNER,
        json={"ids": [a["id"] for a in answers], "action": "approve", "seen": seen},
    )
    assert response.status_code == 200
    assert response.json()["changed_since"] == [answers[0]["id"]]
    assert response.json()["changed"] == [answers[1]["id"], answers[2]["id"]]
    assert _view(client, answers[0]["id"])["status"] == "pending"


@pytest.mark.parametrize(
    "seen", [123, "", "abc", "G" * 32, ["0" * 32], {"1": "0" * 32}, "0" * 33, True]
)
def test_a_seen_that_is_no_version_is_refused_naming_the_field(
    sqlite_client: TestClient, seen: Any
) -> None:
    answer = post(sqlite_client)
    response = act(sqlite_client, answer["id"], "approve", seen=seen)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == "seen"


@pytest.mark.parametrize(
    "seen", [["0" * 32], {"x": "0" * 32}, {"1": "short"}, {"1": None}, "0" * 32]
)
def test_a_bulk_seen_that_is_no_map_of_versions_is_refused(
    sqlite_client: TestClient, seen: Any
) -> None:
    answer = post(sqlite_client)
    response = sqlite_client.post(
        "/admin/api/bulk",
        headers=OWNER,
        json={"ids": [answer["id"]], "action": "approve", "seen": seen},
    )
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == "seen"


# -- the mail page ------------------------------------------------------------------------------


def test_a_mail_approval_of_a_text_redacted_since_the_page_is_refused(client: TestClient) -> None:
    answer = post(client, body="Wat een fijne massage was dat.")
    link = f"/admin/mail/{mail_link_token(client, answer['id'], 'approve', '')}"
    page = client.get(link)
    assert page.status_code == 200
    seen = _hidden(page.text, "seen")
    # A redaction keeps the link's stamp; the text the owner read on the page is gone all the same.
    redacted = client.post(
        f"/admin/api/comments/{answer['id']}/redact",
        headers=OWNER,
        json={"body": "Wat een […] massage was dat."},
    )
    assert redacted.status_code == 200
    response = client.post(link, data={"seen": seen})
    assert response.status_code == 409
    assert html.escape(ADMIN_NL["mail_changed"], quote=False) in response.text
    assert "Wat een […] massage" in response.text  # the text as it is now
    assert _view(client, answer["id"])["status"] == "pending"


@pytest.mark.parametrize("why", ["handled", "changed", "gone"])
def test_a_dead_mail_link_says_why(client: TestClient, why: str) -> None:
    answer = post(client, body="Wat een fijne massage was dat.")
    link = f"/admin/mail/{mail_link_token(client, answer['id'], 'approve', '')}"
    if why == "handled":
        assert act(client, answer["id"], "reject").status_code == 200
    elif why == "changed":
        _edit(client, answer, NEW_TEXT)
    else:
        assert client.delete(f"/admin/api/comments/{answer['id']}", headers=OWNER).is_success
    for response in (client.get(link), client.post(link)):
        if why == "gone":
            assert response.status_code == 404
            continue
        assert response.status_code == 409
        words = ADMIN_NL["mail_handled" if why == "handled" else "mail_changed"]
        assert html.escape(words, quote=False) in response.text
    assert published(client) == []


# -- two promotions at once ---------------------------------------------------------------------


def test_two_promotions_at_once_write_one_log_row(client: TestClient) -> None:
    answer = post(client, body="Wat een fijne massage was dat.")
    assert act(client, answer["id"], "approve").status_code == 200
    comments = client.app.state.store.comments  # type: ignore[attr-defined]
    real = comments.get
    # Both requests have read the comment (not yet a testimonial) before either writes: the
    # race itself, made certain instead of left to the scheduler. Each request's first read
    # waits for the other's; the write (with its webhook event, one unit of work) comes after.
    both_read = asyncio.Barrier(2)
    first_reads = [2]

    async def read_then_wait_for_the_other(*args: Any, **kwargs: Any) -> Any:
        found = await real(*args, **kwargs)
        if first_reads[0]:
            first_reads[0] -= 1
            async with asyncio.timeout(10):
                await both_read.wait()
        return found

    comments.get = read_then_wait_for_the_other
    try:
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda _: act(client, answer["id"], "promote"), range(2)))
    finally:
        comments.get = real
    assert [a.status_code for a in answers] == [200, 200]
    assert sorted(a.json()["changed"] for a in answers) == [False, True]
    entries = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [e["action"] for e in entries].count("promote") == 1
    assert _view(client, answer["id"])["testimonial"] is True

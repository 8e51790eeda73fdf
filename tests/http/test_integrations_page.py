"""The Integrations tab: the owner adds, tests, resumes and deletes endpoints with plain forms."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords
from tests.helpers import post
from tests.http.hooks import flush, listed, verified
from tests.http.test_admin import PASSWORD, csrf_of, login
from tests.http.test_admin_privacy import text_of
from tests.receivers import Receiver

PAGE = "/admin/integrations"
_HASH = passwords.hash_password(PASSWORD)


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The owner's password is known and the pages speak English."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    yield


def add(client: TestClient, csrf: str, url: str, **fields: str | list[str]) -> object:
    data: dict[str, str | list[str]] = {"csrf": csrf, "url": url, "format": "standard"}
    data.setdefault("events", ["comment.created"])
    data.update(fields)
    return client.post(PAGE, data=data, follow_redirects=False)


def secret_on(page: str) -> str:
    match = re.search(r'<code class="secret" id="secret">(whsec_[^<]+)</code>', page)
    assert match, "the page shows no secret"
    return match.group(1)


# -- access -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", PAGE),
        ("POST", PAGE),
        ("POST", f"{PAGE}/1/test"),
        ("POST", f"{PAGE}/1/resume"),
        ("POST", f"{PAGE}/1/delete"),
    ],
)
def test_the_page_and_its_forms_are_for_the_logged_in_owner_only(
    sqlite_hooks: TestClient, method: str, path: str
) -> None:
    response = sqlite_hooks.request(method, path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/admin/login?next=")


def test_a_form_without_the_csrf_token_changes_nothing(
    sqlite_hooks: TestClient, receiver: Receiver
) -> None:
    csrf = login(sqlite_hooks)
    refused = add(sqlite_hooks, "", receiver.url)
    assert refused.status_code == 403  # type: ignore[attr-defined]
    assert listed(sqlite_hooks) == []
    add(sqlite_hooks, csrf, receiver.url)
    [endpoint] = listed(sqlite_hooks)
    for action in ("test", "resume", "delete"):
        answer = sqlite_hooks.post(f"{PAGE}/{endpoint['id']}/{action}", data={"csrf": "forged"})
        assert answer.status_code == 403
    assert listed(sqlite_hooks) == [endpoint]
    assert flush(sqlite_hooks) == 0  # no test event was queued


# -- adding ------------------------------------------------------------------------------------


def test_adding_shows_the_secret_once_and_the_endpoint_stays_listed(
    hooks: TestClient, receiver: Receiver
) -> None:
    csrf = login(hooks)
    answer = add(
        hooks,
        csrf,
        receiver.url + "/hook",
        events=["comment.created", "report.created"],
        format="slack",
        own_system="yes",
    )
    assert answer.status_code == 201  # type: ignore[attr-defined]
    secret = secret_on(answer.text)  # type: ignore[attr-defined]
    [endpoint] = listed(hooks)
    assert endpoint["url"] == receiver.url + "/hook"
    assert endpoint["events"] == ["comment.created", "report.created"]
    assert (endpoint["format"], endpoint["own_system"]) == ("slack", True)
    later = hooks.get(PAGE)
    assert later.status_code == 200
    assert secret not in later.text and "whsec_" not in later.text
    assert f"<code>{receiver.url}/hook</code>" in later.text
    assert '<span class="badge st-approved">active</span>' in later.text
    assert '<span class="badge">Slack</span>' in later.text


def test_an_address_chorus_will_not_post_to_is_refused_with_the_draft_kept(
    sqlite_hooks: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "WEBHOOK_ALLOW_LOCAL", False)
    csrf = login(sqlite_hooks)
    answer = add(sqlite_hooks, csrf, "https://127.0.0.1/hook", events=["report.created"])
    assert answer.status_code == 422  # type: ignore[attr-defined]
    page = answer.text  # type: ignore[attr-defined]
    assert 'value="https://127.0.0.1/hook"' in page
    assert 'data-field="url">Chorus cannot post to that address' in page
    assert 'value="report.created" checked' in page
    assert 'value="comment.created" checked' not in page
    assert "whsec_" not in page
    assert listed(sqlite_hooks) == []


def test_no_event_ticked_is_refused(sqlite_hooks: TestClient, receiver: Receiver) -> None:
    csrf = login(sqlite_hooks)
    answer = add(sqlite_hooks, csrf, receiver.url, events=[])
    assert answer.status_code == 422  # type: ignore[attr-defined]
    page = answer.text  # type: ignore[attr-defined]
    assert 'data-field="events">Choose at least one event.</p>' in page
    assert listed(sqlite_hooks) == []


# -- test, resume, delete ----------------------------------------------------------------------


def test_a_test_event_from_the_page_reaches_the_receiver_and_is_listed(
    hooks: TestClient, receiver: Receiver
) -> None:
    csrf = login(hooks)
    secret = secret_on(add(hooks, csrf, receiver.url).text)  # type: ignore[attr-defined]
    [endpoint] = listed(hooks)
    sent = hooks.post(f"{PAGE}/{endpoint['id']}/test", data={"csrf": csrf}, follow_redirects=False)
    assert sent.status_code == 303
    assert sent.headers["location"] == f"{PAGE}?done=webhook_test"
    notice = hooks.get(sent.headers["location"]).text
    assert "<p>Test event queued; it goes out in a moment.</p>" in notice
    assert flush(hooks) == 1
    assert verified(secret, receiver.wait_for(1)[0])["type"] == "webhook.test"
    shown = text_of(hooks.get(PAGE).text)
    assert "webhook.test delivered (HTTP 200) 1" in shown


def test_a_paused_endpoint_is_shown_paused_and_resumed_from_the_page(
    sqlite_hooks: TestClient,
) -> None:
    csrf = login(sqlite_hooks)
    with Receiver([500] * 20) as broken:
        add(sqlite_hooks, csrf, broken.url)
        post(sqlite_hooks)
        flush(sqlite_hooks)
    [endpoint] = listed(sqlite_hooks)
    page = sqlite_hooks.get(PAGE).text
    assert '<span class="badge st-rejected">paused since' in page
    assert "comment.created failed (HTTP 500) Internal Server Error 8" in text_of(page)
    assert f'action="{PAGE}/{endpoint["id"]}/resume"' in page
    resumed = sqlite_hooks.post(
        f"{PAGE}/{endpoint['id']}/resume", data={"csrf": csrf}, follow_redirects=False
    )
    assert resumed.status_code == 303
    assert listed(sqlite_hooks)[0]["paused_at"] is None
    page = sqlite_hooks.get(PAGE).text
    assert '<span class="badge st-rejected">paused since' not in page
    assert '<span class="badge st-approved">active</span>' in page
    assert f'action="{PAGE}/{endpoint["id"]}/resume"' not in page


def test_deleting_from_the_page_removes_the_endpoint(
    sqlite_hooks: TestClient, receiver: Receiver
) -> None:
    csrf = login(sqlite_hooks)
    add(sqlite_hooks, csrf, receiver.url)
    [endpoint] = listed(sqlite_hooks)
    gone = sqlite_hooks.post(
        f"{PAGE}/{endpoint['id']}/delete", data={"csrf": csrf}, follow_redirects=False
    )
    assert gone.status_code == 303
    assert listed(sqlite_hooks) == []
    after = sqlite_hooks.get(gone.headers["location"]).text
    assert '<p class="empty">No integrations yet.</p>' in after
    assert "<p>Integration deleted.</p>" in after
    again = sqlite_hooks.post(f"{PAGE}/{endpoint['id']}/delete", data={"csrf": csrf})
    assert again.status_code == 404


def test_the_tab_is_in_the_menu(sqlite_hooks: TestClient) -> None:
    login(sqlite_hooks)
    page = sqlite_hooks.get(PAGE).text
    assert f'<a href="{PAGE}" aria-current="page">Integrations</a>' in page
    assert csrf_of(page)

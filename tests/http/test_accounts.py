"""Accounts: the first owner from today's password, invitations, roles that can be changed,
accounts that can be disabled or removed (their sessions end at once), the sessions page,
the new-browser notice, and names in replies and the activity log."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import Message

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords
from tests.helpers import (
    MODERATOR_PASSWORD,
    OWNER_PASSWORD,
    act,
    csrf_of,
    invite,
    join,
    moderator,
    post,
    published,
    sign_in,
)
from tests.http.test_notify import Inbox, inbox  # noqa: F401 - the real SMTP server fixture

_HASH = passwords.hash_password(OWNER_PASSWORD)
MANON = "manon@example.nl"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The owner's password is the configured one; the pages speak English."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    monkeypatch.setattr(settings, "OWNER_NAME", "Marieke")
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    yield


def _text(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def _account_ids(client: TestClient) -> dict[str, int]:
    page = client.get("/admin/accounts").text
    found = re.findall(r'action="/admin/accounts/(\d+)/remove"', page)
    emails = re.findall(r"<td>([^<]+@[^<]+)</td>", page)
    return dict(zip(emails, map(int, found), strict=True))


def test_the_first_owner_signs_in_with_the_password_she_had(client: TestClient) -> None:
    sign_in(client)  # no address: the first account
    page = client.get("/admin/accounts").text
    assert "Marieke" in page and "owner" in page


def test_an_invited_moderator_joins_with_her_own_password(client: TestClient) -> None:
    csrf = sign_in(client)
    link = invite(client, csrf, MANON, name="Manon")
    client.cookies.clear()
    join(client, link)
    assert client.post(link, data={"password": "x" * 12, "again": "x" * 12}).status_code == 403
    wrong = client.post("/admin/login", data={"email": MANON, "password": OWNER_PASSWORD})
    assert wrong.status_code == 403
    sign_in(client, MODERATOR_PASSWORD, MANON.upper())  # the address, whatever its capitals
    assert "moderator" in client.get("/admin/account").text


def test_an_invitation_link_is_good_once_and_only_when_signed(client: TestClient) -> None:
    link = invite(client, sign_in(client), MANON)
    assert client.get(link[:-3] + "abc").status_code == 403
    join(client, link)
    assert client.get(link).status_code == 403


def test_a_moderator_may_invite_moderators_but_not_owners(client: TestClient) -> None:
    csrf = moderator(client)
    invite(client, csrf, "kees@example.nl")
    owner = client.post(
        "/admin/accounts/invite", data={"csrf": csrf, "email": "eve@example.nl", "role": "owner"}
    )
    assert owner.status_code == 403


def test_disabling_an_account_ends_its_sessions_at_once(client: TestClient) -> None:
    csrf_manon = moderator(client)
    manon_cookies = dict(client.cookies)
    client.cookies.clear()
    csrf = sign_in(client)
    ids = _account_ids(client)
    done = client.post(f"/admin/accounts/{ids[MANON]}/disable", data={"csrf": csrf})
    assert done.status_code == 200
    owner_cookies = dict(client.cookies)
    client.cookies.clear()
    client.cookies.update(manon_cookies)
    gone = client.get("/admin/", follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"].startswith("/admin/login")
    assert (
        csrf_manon
        and client.post(
            "/admin/login", data={"email": MANON, "password": MODERATOR_PASSWORD}
        ).status_code
        == 403
    )
    client.cookies.clear()
    client.cookies.update(owner_cookies)
    client.post(f"/admin/accounts/{ids[MANON]}/enable", data={"csrf": csrf})
    client.cookies.clear()
    sign_in(client, MODERATOR_PASSWORD, MANON)


def test_a_removed_account_cannot_sign_in_and_its_session_is_gone(client: TestClient) -> None:
    moderator(client)
    manon_cookies = dict(client.cookies)
    client.cookies.clear()
    csrf = sign_in(client)
    ids = _account_ids(client)
    client.post(f"/admin/accounts/{ids[MANON]}/remove", data={"csrf": csrf})
    assert MANON not in client.get("/admin/accounts").text
    client.cookies.clear()
    client.cookies.update(manon_cookies)
    assert client.get("/admin/account", follow_redirects=False).status_code == 303
    login = client.post("/admin/login", data={"email": MANON, "password": MODERATOR_PASSWORD})
    assert login.status_code == 403


def test_a_new_role_holds_from_the_next_sign_in(client: TestClient) -> None:
    moderator(client)
    assert client.get("/admin/privacy").status_code == 403
    manon_cookies = dict(client.cookies)
    client.cookies.clear()
    csrf = sign_in(client)
    ids = _account_ids(client)
    client.post(f"/admin/accounts/{ids[MANON]}/role", data={"csrf": csrf, "role": "owner"})
    client.cookies.clear()
    client.cookies.update(manon_cookies)
    assert client.get("/admin/", follow_redirects=False).status_code == 303  # signed out
    sign_in(client, MODERATOR_PASSWORD, MANON)
    assert client.get("/admin/privacy").status_code == 200


def test_the_last_owner_cannot_be_demoted_disabled_or_removed(client: TestClient) -> None:
    csrf = sign_in(client)
    for action, data in (("role", {"role": "moderator"}), ("disable", {}), ("remove", {})):
        refused = client.post(f"/admin/accounts/1/{action}", data={"csrf": csrf, **data})
        assert refused.status_code == 409, action
    assert client.get("/admin/account").status_code == 200


def test_a_moderators_reply_carries_her_name_and_the_owners_hers(client: TestClient) -> None:
    comment = post(client)["id"]
    assert act(client, comment, "approve").status_code == 200
    csrf = moderator(client)
    form = {"csrf": csrf, "body": "Fijn om te horen!", "back": "/admin/"}
    assert client.post(f"/admin/comments/{comment}/reply", data=form).status_code == 200
    assert act(client, comment, "reply", body="Dank je wel.").status_code == 201
    authors = {c["html"]: c["author"] for c in published(client) if c["parent"] == comment}
    assert authors == {"<p>Fijn om te horen!</p>": "Manon", "<p>Dank je wel.</p>": "Marieke"}


def test_the_activity_log_names_the_account_and_the_token(client: TestClient) -> None:
    first, second = post(client)["id"], post(client, body="Tweede verhaal, ook fijn.")["id"]
    csrf = moderator(client)
    moderate = {"csrf": csrf, "action": "approve", "back": "/admin/"}
    assert client.post(f"/admin/comments/{first}/moderate", data=moderate).status_code == 200
    assert act(client, second, "approve").status_code == 200
    log = client.get("/admin/activity").text
    assert "Manon" in log and "API token (the owner&#39;s)" in log


def test_each_account_sees_and_ends_its_own_sessions_the_owner_anyones(
    client: TestClient,
) -> None:
    moderator(client)
    manon_cookies = dict(client.cookies)
    client.cookies.clear()
    headers = {"User-Agent": FIREFOX}
    form = {"email": "", "password": OWNER_PASSWORD, "next": "/admin/"}
    client.post("/admin/login", data=form, headers=headers, follow_redirects=False)
    page = client.get("/admin/account").text
    assert "Firefox / Linux" in page and "testclient" not in page
    [this_one] = [row for row in re.findall(r"<tr>(.*?)</tr>", page, re.S) if "this one" in row]
    [owner_session] = re.findall(r'name="session" value="([^"]+)"', this_one)
    csrf = csrf_of(page)
    ids = _account_ids(client)
    owner_cookies = dict(client.cookies)
    # Manon cannot end the owner's session; the owner can end all of Manon's.
    client.cookies.clear()
    client.cookies.update(manon_cookies)
    manon_csrf = csrf_of(client.get("/admin/account").text)
    other = {"csrf": manon_csrf, "session": owner_session}
    assert client.post("/admin/account/sessions/end", data=other).status_code == 404
    client.cookies.clear()
    client.cookies.update(owner_cookies)
    client.post(f"/admin/accounts/{ids[MANON]}/sessions/end", data={"csrf": csrf})
    client.cookies.clear()
    client.cookies.update(manon_cookies)
    assert client.get("/admin/account", follow_redirects=False).status_code == 303
    # Ending one's own current session signs out.
    client.cookies.clear()
    client.cookies.update(owner_cookies)
    mine = {"csrf": csrf, "session": owner_session}
    ended = client.post("/admin/account/sessions/end", data=mine, follow_redirects=False)
    assert ended.headers["location"] == "/admin/login?out=1"
    assert client.get("/admin/account", follow_redirects=False).status_code == 303


def test_the_session_shows_only_the_first_bytes_of_the_address() -> None:
    from service.domain.accounts import ip_prefix

    assert ip_prefix("203.0.113.77") == "203.0.x.x"
    assert ip_prefix("::ffff:198.51.100.4") == "198.51.x.x"
    assert ip_prefix("2001:db8:1234:5678::1") == "2001:0db8::"
    assert ip_prefix("testclient") == ""


def test_a_sign_in_from_a_new_browser_mails_the_account(
    sqlite_client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    client = sqlite_client
    link = invite(client, sign_in(client), MANON)
    client.cookies.clear()
    join(client, link)
    sign_in(client, MODERATOR_PASSWORD, MANON)  # her first browser: nothing to tell
    client.cookies.clear()
    headers = {"User-Agent": FIREFOX}
    form = {"email": MANON, "password": MODERATOR_PASSWORD, "next": "/admin/"}
    client.post("/admin/login", data=form, headers=headers, follow_redirects=False)
    mails = [m for m in inbox.received(2) if m["To"] == MANON]
    invitation, notice = mails
    assert "/admin/invite/" in _text(invitation)
    assert "Firefox / Linux" in _text(notice) and "/admin/account" in _text(notice)
    # The same browser again: no second notice.
    client.post("/admin/login", data=form, headers=headers, follow_redirects=False)
    assert client.get("/admin/account").status_code == 200
    assert len([m for m in inbox.messages if m["To"] == MANON]) == 2

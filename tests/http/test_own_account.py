"""One's own account: a new display name, a new password given the current one (every other
session then ends), and on the Accounts page an invitation withdrawn before it is used."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords, signing
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

_HASH = passwords.hash_password(OWNER_PASSWORD)
MANON = "manon@example.nl"
NEW_PASSWORD = "a brand new long passphrase"


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The owner's password is the configured one; the pages speak English."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    monkeypatch.setattr(settings, "OWNER_NAME", "Marieke")
    yield


def _change(client: TestClient, csrf: str, current: str, new: str, again: str | None = None) -> Any:
    """Send the password form; the answer (a redirect when it worked)."""
    form = {
        "csrf": csrf,
        "current": current,
        "password": new,
        "again": new if again is None else again,
    }
    return client.post("/admin/account/password", data=form, follow_redirects=False)


def _second_browser(client: TestClient, password: str, email: str) -> dict[str, str]:
    """Sign in once more (another browser): that session's cookies, then back to this one."""
    mine = dict(client.cookies)
    client.cookies.clear()
    sign_in(client, password, email)
    other = dict(client.cookies)
    client.cookies.clear()
    client.cookies.update(mine)
    return other


def _signed_in_with(client: TestClient, cookies: dict[str, str]) -> bool:
    mine = dict(client.cookies)
    client.cookies.clear()
    client.cookies.update(cookies)
    answer = client.get("/admin/account", follow_redirects=False).status_code
    client.cookies.clear()
    client.cookies.update(mine)
    return answer == 200


# -- the name ----------------------------------------------------------------------------------


def test_a_new_name_signs_the_next_reply(client: TestClient) -> None:
    comment = post(client)["id"]
    assert act(client, comment, "approve").status_code == 200
    csrf = moderator(client)
    done = client.post(
        "/admin/account/name", data={"csrf": csrf, "name": "  Manon  B. "}, follow_redirects=False
    )
    assert done.status_code == 303 and done.headers["location"] == "/admin/account?done=name"
    page = client.get("/admin/account").text
    assert "Name saved." in page and 'value="Manon B."' in page
    form = {"csrf": csrf, "body": "Graag gedaan!", "back": "/admin/"}
    client.post(f"/admin/comments/{comment}/reply", data=form)
    assert [c["author"] for c in published(client) if c["parent"] == comment] == ["Manon B."]


@pytest.mark.parametrize(
    ("name", "message"),
    [("   ", "Please fill in this field."), ("x" * 81, "That text is too long.")],
)
def test_an_empty_or_too_long_name_is_refused(client: TestClient, name: str, message: str) -> None:
    csrf = sign_in(client)
    refused = client.post("/admin/account/name", data={"csrf": csrf, "name": name})
    assert refused.status_code == 422 and message in refused.text
    assert "Marieke" in client.get("/admin/account").text


def test_the_name_form_needs_the_csrf_token(client: TestClient) -> None:
    sign_in(client)
    refused = client.post("/admin/account/name", data={"csrf": "forged", "name": "Eve Forgedname"})
    assert refused.status_code == 403
    assert "Forgedname" not in client.get("/admin/account").text


# -- the password ------------------------------------------------------------------------------


def test_a_new_password_ends_the_other_sessions_and_keeps_this_one(client: TestClient) -> None:
    csrf = moderator(client)
    elsewhere = _second_browser(client, MODERATOR_PASSWORD, MANON)
    assert _signed_in_with(client, elsewhere)
    done = _change(client, csrf, MODERATOR_PASSWORD, NEW_PASSWORD)
    assert done.status_code == 303 and done.headers["location"] == "/admin/account?done=password"
    assert "Password changed" in client.get("/admin/account").text  # this one stays
    assert not _signed_in_with(client, elsewhere)
    client.cookies.clear()
    old = client.post("/admin/login", data={"email": MANON, "password": MODERATOR_PASSWORD})
    assert old.status_code == 403
    sign_in(client, NEW_PASSWORD, MANON)


@pytest.mark.parametrize(
    ("current", "new", "again", "message"),
    [
        ("not my password at all", NEW_PASSWORD, None, "That is not your current password."),
        (MODERATOR_PASSWORD, "short", None, "at least 12 characters"),
        (MODERATOR_PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!", "The two passwords differ."),
        (MODERATOR_PASSWORD, "x" * 1025, None, "at least 12 characters"),
    ],
)
def test_a_wrong_current_or_a_weak_new_password_changes_nothing(
    client: TestClient, current: str, new: str, again: str | None, message: str
) -> None:
    csrf = moderator(client)
    elsewhere = _second_browser(client, MODERATOR_PASSWORD, MANON)
    refused = _change(client, csrf, current, new, again)
    assert refused.status_code == 422 and message in refused.text
    assert _signed_in_with(client, elsewhere)
    client.cookies.clear()
    sign_in(client, MODERATOR_PASSWORD, MANON)


def test_wrong_current_passwords_are_counted_like_sign_ins(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "LOGIN_MAX_ATTEMPTS", 3)
    csrf = sign_in(client)
    statuses = [
        _change(client, csrf, f"guess number {n}", NEW_PASSWORD).status_code for n in range(4)
    ]
    assert statuses[0] == 422 and statuses[-1] == 429
    assert "Too many attempts" in _change(client, csrf, OWNER_PASSWORD, NEW_PASSWORD).text


def test_the_password_form_needs_the_csrf_token(client: TestClient) -> None:
    csrf = moderator(client)
    assert _change(client, "forged", MODERATOR_PASSWORD, NEW_PASSWORD).status_code == 403
    assert csrf
    client.cookies.clear()
    sign_in(client, MODERATOR_PASSWORD, MANON)


def test_the_first_owners_new_password_goes_to_the_password_file(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", "")
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_FILE", tmp_path / "admin-password")
    passwords.write_password_file(OWNER_PASSWORD)
    csrf = sign_in(client)
    assert _change(client, csrf, OWNER_PASSWORD, NEW_PASSWORD).status_code == 303
    assert passwords.verify_password(NEW_PASSWORD) and not passwords.verify_password(OWNER_PASSWORD)
    client.cookies.clear()
    sign_in(client, NEW_PASSWORD)


def test_a_password_in_the_settings_is_changed_there(client: TestClient) -> None:
    csrf = sign_in(client)
    refused = _change(client, csrf, OWNER_PASSWORD, NEW_PASSWORD)
    assert refused.status_code == 409 and "ADMIN_PASSWORD_HASH" in refused.text
    client.cookies.clear()
    sign_in(client)


# -- withdrawing an invitation -----------------------------------------------------------------


def _invitations(page: str) -> list[str]:
    return re.findall(r'action="(/admin/accounts/invitations/\d+/withdraw)"', page)


def test_a_withdrawn_invitation_link_is_refused_like_an_expired_one(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    csrf = sign_in(client)
    withdrawn, expiring = invite(client, csrf, MANON), invite(client, csrf, "kees@example.nl")
    page = client.get("/admin/accounts").text
    assert "Open invitations" in page and len(_invitations(page)) == 2
    done = client.post(_invitations(page)[0], data={"csrf": csrf}, follow_redirects=False)
    assert done.headers["location"] == "/admin/accounts?done=withdrawn"
    page = client.get("/admin/accounts").text
    assert "Invitation withdrawn" in page and MANON not in page
    assert len(_invitations(page)) == 1
    client.cookies.clear()
    gone = client.get(withdrawn)
    monkeypatch.setattr(signing, "INVITATION_MAX_AGE", -1)  # every link has expired
    expired = client.get(expiring)
    assert gone.status_code == expired.status_code == 403
    assert gone.text == expired.text
    monkeypatch.undo()
    refused = client.post(
        withdrawn, data={"password": MODERATOR_PASSWORD, "again": MODERATOR_PASSWORD}
    )
    assert refused.status_code == 403
    assert (
        client.post(
            "/admin/login", data={"email": MANON, "password": MODERATOR_PASSWORD}
        ).status_code
        == 403
    )


def test_a_used_invitation_is_no_longer_open_and_cannot_be_withdrawn(client: TestClient) -> None:
    csrf = sign_in(client)
    link = invite(client, csrf, MANON)
    [withdraw] = _invitations(client.get("/admin/accounts").text)
    owner = dict(client.cookies)
    client.cookies.clear()
    join(client, link)
    client.cookies.update(owner)
    assert _invitations(client.get("/admin/accounts").text) == []
    assert client.post(withdraw, data={"csrf": csrf}).status_code == 404


def test_a_moderator_sees_open_invitations_but_cannot_withdraw_them(client: TestClient) -> None:
    csrf = moderator(client)
    invite(client, csrf, "kees@example.nl")
    page = client.get("/admin/accounts").text
    assert "kees@example.nl" in page and _invitations(page) == []
    refused = client.post("/admin/accounts/invitations/2/withdraw", data={"csrf": csrf_of(page)})
    assert refused.status_code == 403

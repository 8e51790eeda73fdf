"""A mailed link names its comment by id and by its moment of writing, on both databases: a link
made for a comment that is gone never acts on another comment stored under the same id.

Ids are no longer reused (migration 016); a comment "under the same id" is staged here by giving
the stored comment another `created_at`, which is what a later comment under that id would have.
Links mailed before the upgrade carry the id only: they act only where they cannot name another.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from typing import Any

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from starlette.testclient import TestClient

import settings
from service import signing
from tests.helpers import OWNER, born, mail_link_token, post, subscription_token
from tests.http.test_notify import Inbox, _free_port, inbox  # noqa: F401  (the SMTP fixture)
from tests.http.test_readers import link

LATER_BIRTH = "2031-01-01T00:00:00.000000Z"


def _another_comment_under(client: TestClient, comment_id: int, birth: str = LATER_BIRTH) -> None:
    """Stand in for another comment given the same id: the row now has another birth."""
    store = client.app.state.store  # type: ignore[attr-defined]
    client.portal.call(  # type: ignore[union-attr]
        functools.partial(store.database.execute, public=True),
        "UPDATE comments SET created_at = :born WHERE id = :id",
        {"born": birth, "id": comment_id},
    )


def _written_a_minute_ago(client: TestClient, comment_id: int) -> None:
    """As if the comment was written a minute before its mail (a mail signed now)."""
    _another_comment_under(client, comment_id, _minute_before(born(client, comment_id)))


def _status(client: TestClient, comment_id: int) -> str:
    response = client.get(f"/admin/api/comments/{comment_id}", headers=OWNER)
    status: str = response.json()["status"]
    return status


def _subscription(client: TestClient, comment_id: int) -> Any:
    store = client.app.state.store  # type: ignore[attr-defined]
    return client.portal.call(store.subscriptions.get, comment_id)  # type: ignore[union-attr]


def _signed_at(moment: str, salt: str, value: object) -> str:
    """A token of the shape mailed before the upgrade (the id only), signed at `moment`."""
    seconds = int(datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp())

    class At(TimestampSigner):
        def get_timestamp(self) -> int:
            return seconds

    serializer = URLSafeTimedSerializer(str(settings.SECRET_KEY), salt=salt, signer=At)
    return str(serializer.dumps(value))


def _minute_before(moment: str) -> str:
    seconds = datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp() - 60
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _old_token(salt: str, value: object) -> str:
    """A token of the shape mailed before the upgrade, signed now."""
    return str(URLSafeTimedSerializer(str(settings.SECRET_KEY), salt=salt).dumps(value))


# -- the owner's one-click links ------------------------------------------------------------------


def test_a_mail_link_does_not_act_on_another_comment_under_its_id(client: TestClient) -> None:
    cid = post(client)["id"]
    path = f"/admin/mail/{mail_link_token(client, cid, 'approve')}"
    assert client.get(path).status_code == 200  # good for the comment it was made for
    _another_comment_under(client, cid)
    for method in ("GET", "POST"):
        response = client.request(method, path)
        assert response.status_code == 403, response.text
    assert _status(client, cid) == "pending"


def test_a_mail_link_from_before_the_upgrade_acts_only_where_it_names_one_comment(
    client: TestClient,
) -> None:
    """An old link was made while its comment existed, so a comment written before the second
    it was signed in is that comment; one written in that very second could be a later one."""
    cid = post(client)["id"]
    birth = born(client, cid)
    same_second = _signed_at(birth, signing.MAIL_LINK, [cid, "spam", ""])
    assert client.post(f"/admin/mail/{same_second}").status_code == 403
    assert _status(client, cid) == "pending"
    _written_a_minute_ago(client, cid)
    later = _old_token(signing.MAIL_LINK, [cid, "spam", ""])
    assert client.post(f"/admin/mail/{later}").status_code == 200
    assert _status(client, cid) == "spam"


# -- a reader's confirmation and unsubscribe links ------------------------------------------------


def test_the_mailed_confirmation_names_its_comment_and_not_another_under_its_id(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    cid = post(client, notify_replies=True, lang="en")["id"]
    [confirm] = [m for m in inbox.received(2) if m["To"] == "anna@example.nl"]
    confirm_path = link(confirm, "/replies/confirm")
    unsubscribe_path = link(confirm, "/replies/unsubscribe")
    _another_comment_under(client, cid)
    assert client.post(confirm_path).status_code == 403
    assert _subscription(client, cid).confirmed_at is None
    assert client.post(unsubscribe_path).status_code == 200  # "you are unsubscribed": it was
    assert _subscription(client, cid) is not None  # but another reader's stays


def test_subscription_links_act_for_their_own_comment(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    cid = post(client, notify_replies=True)["id"]
    assert len(inbox.received(2)) == 2  # the notice and the confirmation: no send in flight
    confirm = subscription_token(client, cid, signing.CONFIRM)
    assert client.post(f"/replies/confirm/{confirm}").status_code == 200
    assert _subscription(client, cid).confirmed_at is not None
    unsubscribe = subscription_token(client, cid, signing.UNSUBSCRIBE)
    assert client.post(f"/replies/unsubscribe/{unsubscribe}").status_code == 200
    assert _subscription(client, cid) is None


@pytest.mark.parametrize("purpose", [signing.CONFIRM, signing.UNSUBSCRIBE])
def test_a_subscription_link_from_before_the_upgrade_acts_only_where_it_names_one_comment(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
    purpose: str,
) -> None:
    cid = post(client, notify_replies=True)["id"]
    assert len(inbox.received(2)) == 2  # the notice and the confirmation: no send in flight
    birth = born(client, cid)
    route = "confirm" if purpose == signing.CONFIRM else "unsubscribe"
    same_second = _signed_at(birth, purpose, cid)
    assert client.post(f"/replies/{route}/{same_second}").status_code in (200, 403)
    subscription = _subscription(client, cid)
    assert subscription is not None and subscription.confirmed_at is None
    _written_a_minute_ago(client, cid)
    assert client.post(f"/replies/{route}/{_old_token(purpose, cid)}").status_code == 200
    subscription = _subscription(client, cid)
    if purpose == signing.CONFIRM:
        assert subscription.confirmed_at is not None
    else:
        assert subscription is None


def test_a_forged_or_foreign_subscription_link_does_nothing(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    cid = post(client, notify_replies=True)["id"]
    assert len(inbox.received(2)) == 2  # the notice and the confirmation: no send in flight
    foreign = mail_link_token(client, cid, "approve")
    shapes = [foreign, _signed_at(born(client, cid), signing.CONFIRM, [cid]), "forged"]
    for token in shapes:
        assert client.post(f"/replies/confirm/{token}").status_code == 403
    assert _subscription(client, cid).confirmed_at is None

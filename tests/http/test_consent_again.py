"""Consent both ways: the author gives it again, and the owner may ask for it by mail.

Giving consent again records today's wording version and time, and puts the story nowhere until
the owner promotes it again. The owner's request goes only to an address its reader confirmed,
through the outbox, read here off a real SMTP server on loopback. On both databases.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import signing
from tests.helpers import OWNER, act, post, subscription_token
from tests.http.test_mail_headers import assert_well_formed
from tests.http.test_notify import Inbox, _free_port, inbox  # noqa: F401  (the SMTP fixture)
from tests.http.test_readers import link
from tests.http.test_statements import mails_to, text


def owner_view(client: TestClient, comment_id: int) -> dict[str, Any]:
    answer: dict[str, Any] = client.get(f"/admin/api/comments/{comment_id}", headers=OWNER).json()
    return answer


def withdrawn(client: TestClient, **fields: Any) -> tuple[int, str]:
    """A story whose author took consent back: its id and the author's token."""
    answer = post(client, **fields)
    cid, token = int(answer["id"]), answer["author_token"]
    gone = client.post(f"/api/comments/{cid}/withdraw-consent", json={"author_token": token})
    assert gone.status_code == 200
    return cid, token


def give(client: TestClient, cid: int, token: str) -> Any:
    return client.post(f"/api/comments/{cid}/give-consent", json={"author_token": token})


def test_the_author_gives_consent_again_to_todays_wording(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid, token = withdrawn(client)
    before = owner_view(client, cid)
    assert before["consent"] is False and before["consent_withdrawn_at"]
    monkeypatch.setattr(settings, "CONSENT_VERSION", "2027-01")  # the wording changed since
    response = give(client, cid, token)
    assert response.status_code == 200
    assert response.json() == {"id": cid, "consent": True}
    after = owner_view(client, cid)
    assert (after["consent"], after["consent_version"]) == (True, "2027-01")
    assert after["consent_at"] > before["consent_at"]
    assert after["consent_withdrawn_at"] is None
    entries = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert (entries[0]["action"], entries[0]["actor"]) == ("give_consent", "author")
    assert entries[0]["detail"] == "2027-01"


def test_consent_given_again_waits_for_the_owner_to_promote_again(client: TestClient) -> None:
    answer = post(client)
    cid, token = int(answer["id"]), answer["author_token"]
    act(client, cid, "approve")
    act(client, cid, "promote")
    client.post(f"/api/comments/{cid}/withdraw-consent", json={"author_token": token})
    assert give(client, cid, token).status_code == 200
    assert client.get("/api/testimonials").json()["testimonials"] == []
    assert act(client, cid, "promote").status_code == 200
    assert [t["id"] for t in client.get("/api/testimonials").json()["testimonials"]] == [cid]


@pytest.mark.parametrize(
    "payload",
    [
        {"author_token": "not-a-token"},
        {"author_token": "someone else's"},  # a genuine token, of another browser
        {},
        {"author_token": "x", "consent_version": "2020"},
    ],
)
def test_a_wrong_token_gives_no_consent(client: TestClient, payload: dict[str, Any]) -> None:
    cid, _ = withdrawn(client)
    if payload.get("author_token") == "someone else's":
        payload = {"author_token": signing.author_token(signing.new_key())}
    response = client.post(f"/api/comments/{cid}/give-consent", json=payload)
    assert response.status_code in (403, 404, 422)
    assert owner_view(client, cid)["consent"] is False


def test_only_a_story_without_consent_takes_it(client: TestClient) -> None:
    answer = post(client)
    cid, token = int(answer["id"]), answer["author_token"]
    assert give(client, cid, token).status_code == 404  # it has consent already
    act(client, cid, "approve")
    reply = post(client, parent=cid, body="Ik ook!", consent=False, rating=None)
    assert give(client, int(reply["id"]), reply["author_token"]).status_code == 404


def test_the_widget_is_told_which_comments_are_stories(client: TestClient) -> None:
    cid, token = withdrawn(client)
    mine = client.post(
        "/api/comments/mine", json={"page": "/blog/magnesium-en-slaap", "author_token": token}
    ).json()
    [own] = mine["own"]
    assert (own["id"], own["consent"], own["story"]) == (cid, False, True)


def test_the_manage_page_gives_consent_again(client: TestClient) -> None:
    cid, _ = withdrawn(client)
    store = client.app.state.store  # type: ignore[attr-defined]
    from service import notify

    token = client.portal.call(notify.manage_link, store, "anna@example.nl")  # type: ignore[union-attr]
    page = client.get(f"/manage/{token}?lang=en")
    assert "Give consent: my story may be shown as a testimonial" in page.text
    done = client.post(
        f"/manage/{token}?lang=en", data={"comment": str(cid), "action": "give_consent"}
    )
    assert done.status_code == 200
    assert "Your consent is recorded" in done.text
    assert owner_view(client, cid)["consent_version"] == settings.CONSENT_VERSION


# -- the owner asks -------------------------------------------------------------------------------


def confirmed_author(client: TestClient, **fields: Any) -> int:
    """A story by a reader who confirmed her address (a reply subscription), consent withdrawn."""
    answer = post(client, email="anna@example.nl", notify_replies=True, **fields)
    cid = int(answer["id"])
    token = subscription_token(client, cid, signing.CONFIRM)
    assert client.post(f"/replies/confirm/{token}").status_code == 200
    client.post(
        f"/api/comments/{cid}/withdraw-consent", json={"author_token": answer["author_token"]}
    )
    return cid


def ask(client: TestClient, cid: int) -> Any:
    return client.post(f"/admin/api/comments/{cid}/ask-consent", headers=OWNER)


@pytest.mark.parametrize(
    ("lang", "subject", "phrase"),
    [
        ("nl", "Mag je verhaal weer op", "weer als aanbeveling op de website mag staan"),
        ("en", "May your story be shown on", "shown as a testimonial on the website again"),
    ],
)
def test_the_owner_asks_for_consent_and_the_link_gives_it(
    inbox: Inbox,  # noqa: F811  (first: it outlives the app, whose sender may still be sending)
    client: TestClient,
    lang: str,
    subject: str,
    phrase: str,
) -> None:
    cid = confirmed_author(client, lang=lang)
    response = ask(client, cid)
    assert response.status_code == 202, response.text
    assert response.json() == {"id": cid, "asked": True}
    mails = mails_to(inbox, "anna@example.nl", 2)  # the confirmation, then the request
    [request] = [m for m in mails if subject in str(m["Subject"])]
    assert_well_formed(request, lang)
    assert request["Reply-To"] == settings.NOTIFY_EMAIL
    assert phrase in text(request)
    assert "magnesium" not in text(request)  # it names the story, it quotes none of it
    path = link(request, "/manage")
    done = client.post(path, data={"comment": str(cid), "action": "give_consent"})
    assert done.status_code == 200
    assert owner_view(client, cid)["consent"] is True
    entries = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [e["action"] for e in entries[:2]] == ["give_consent", "ask_consent"]


def test_no_request_to_an_address_never_confirmed(
    inbox: Inbox,  # noqa: F811  (first: it outlives the app, whose sender may still be sending)
    client: TestClient,
) -> None:
    cid, _ = withdrawn(client, email="victim@example.org")
    response = ask(client, cid)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "address_unconfirmed"
    assert response.json()["error"]["field"] == "email"
    assert mails_to(inbox, "victim@example.org", 0) == []


@pytest.mark.parametrize(
    ("fields", "code"),
    [({"email": "", "consent": False}, "no_address"), ({}, "consent_given")],
)
def test_no_request_without_an_address_or_once_consent_is_given(
    inbox: Inbox,  # noqa: F811  (first: it outlives the app, whose sender may still be sending)
    client: TestClient,
    fields: dict[str, Any],
    code: str,
) -> None:
    cid = int(post(client, **fields)["id"])
    response = ask(client, cid)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == code


def test_no_request_when_the_service_cannot_mail_readers(client: TestClient) -> None:
    cid, _ = withdrawn(client)
    response = ask(client, cid)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "mail_off"


def test_only_the_owner_asks(client: TestClient) -> None:
    cid, _ = withdrawn(client)
    assert client.post(f"/admin/api/comments/{cid}/ask-consent").status_code == 401
    assert ask(client, 99999).status_code == 404

"""Webhooks, ntfy pushes and chat messages, delivered to real HTTP receivers on loopback.

The signatures are checked with the `standardwebhooks` library, as a receiver would. The
background sender is kept quiet here (no wake-ups, a long poll) and the tests drive it
themselves with a clock far ahead, so every retry is due at once and nothing depends on timing
(tests/http/hooks.py; the fixtures are in tests/http/conftest.py).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import webhooks
from service.web.shapes import owner_comment
from tests.helpers import OWNER, act, counts, post
from tests.http.hooks import add_endpoint, flush, listed, verified
from tests.http.test_notify import Inbox, inbox  # noqa: F401 (the fixture)
from tests.receivers import Receiver

# -- signed webhooks --------------------------------------------------------------------------


def test_a_new_comment_reaches_the_endpoint_signed_and_without_the_email(
    hooks: TestClient, receiver: Receiver
) -> None:
    created = add_endpoint(hooks, receiver.url + "/hook")
    assert created["secret"].startswith("whsec_")
    cid = post(hooks, author="Zoë Ümit")["id"]
    assert receiver.requests == []  # never from the request that caused it
    assert flush(hooks) == 1
    [request] = receiver.wait_for(1)
    assert request.path == "/hook"
    payload = verified(created["secret"], request)
    assert payload["type"] == "comment.created"
    assert payload["data"]["id"] == cid and payload["data"]["status"] == "pending"
    assert payload["data"]["author"] == "Zoë Ümit"
    assert "email" not in payload["data"] and "anna@example.nl" not in request.body.decode()
    [shown] = listed(hooks)
    assert "secret" not in shown and created["secret"] not in json.dumps(shown)
    [delivery] = shown["deliveries"]
    assert delivery["id"] == request.headers["webhook-id"]
    assert (delivery["event"], delivery["state"], delivery["attempts"]) == (
        "comment.created",
        "delivered",
        1,
    )
    assert delivery["last_status"] == 200


def test_a_receiver_that_fails_twice_gets_the_same_id_and_bytes_again(hooks: TestClient) -> None:
    with Receiver([500, 500]) as failing:
        created = add_endpoint(hooks, failing.url)
        post(hooks)
        assert flush(hooks) == 3
        tries = failing.wait_for(3)
    assert len(tries) == 3
    assert len({t.headers["webhook-id"] for t in tries}) == 1
    assert len({t.body for t in tries}) == 1
    for attempt in tries:
        assert verified(created["secret"], attempt)["type"] == "comment.created"
    [delivery] = listed(hooks)[0]["deliveries"]
    assert (delivery["state"], delivery["attempts"], delivery["last_status"]) == (
        "delivered",
        3,
        200,
    )


def test_the_owners_own_system_is_sent_the_email(
    sqlite_hooks: TestClient, receiver: Receiver
) -> None:
    created = add_endpoint(sqlite_hooks, receiver.url, own_system=True)
    post(sqlite_hooks)
    flush(sqlite_hooks)
    [request] = receiver.wait_for(1)
    assert verified(created["secret"], request)["data"]["email"] == "anna@example.nl"


def test_moderation_and_promotion_arrive_in_order(
    sqlite_hooks: TestClient, receiver: Receiver
) -> None:
    created = add_endpoint(sqlite_hooks, receiver.url)
    cid = post(sqlite_hooks)["id"]
    assert act(sqlite_hooks, cid, "approve").status_code == 200
    assert act(sqlite_hooks, cid, "promote").status_code == 200
    assert act(sqlite_hooks, cid, "demote").status_code == 200
    assert flush(sqlite_hooks) == 4
    payloads = [verified(created["secret"], r) for r in receiver.wait_for(4)]
    assert [p["type"] for p in payloads] == [
        "comment.created",
        "comment.status_changed",
        "testimonial.published",
        "testimonial.withdrawn",
    ]
    assert payloads[1]["data"]["previous_status"] == "pending"
    assert payloads[3]["data"]["reason"] == "demoted"


def test_an_endpoint_gets_only_the_events_it_asked_for_and_spam_only_when_asked(
    sqlite_hooks: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Receiver() as plain, Receiver() as with_spam:
        add_endpoint(sqlite_hooks, plain.url, events=["comment.created"])
        add_endpoint(sqlite_hooks, with_spam.url, events=["comment.created"], include_spam=True)
        cid = post(sqlite_hooks)["id"]
        assert act(sqlite_hooks, cid, "spam").status_code == 200  # not asked for by either
        post(sqlite_hooks, body="Koop nu goedkope pillen.", hp="bot")  # the honeypot: spam
        flush(sqlite_hooks)
        assert len(plain.wait_for(1)) == 1
        assert len(with_spam.wait_for(2)) == 2


def test_a_test_event_can_be_sent_and_an_endpoint_deleted(
    sqlite_hooks: TestClient, receiver: Receiver
) -> None:
    created = add_endpoint(sqlite_hooks, receiver.url)
    sent = sqlite_hooks.post(f"/admin/api/webhooks/{created['id']}/test", headers=OWNER)
    assert sent.status_code == 202
    flush(sqlite_hooks)
    assert verified(created["secret"], receiver.wait_for(1)[0])["type"] == "webhook.test"
    gone = sqlite_hooks.delete(f"/admin/api/webhooks/{created['id']}", headers=OWNER)
    assert gone.status_code == 200 and listed(sqlite_hooks) == []
    post(sqlite_hooks)
    assert flush(sqlite_hooks) == 0
    again = sqlite_hooks.delete(f"/admin/api/webhooks/{created['id']}", headers=OWNER)
    assert again.status_code == 404


def test_a_redirect_is_never_followed(sqlite_hooks: TestClient) -> None:
    with Receiver() as elsewhere, Receiver([302], location="") as moving:
        moving.location = elsewhere.url + "/stolen"
        add_endpoint(sqlite_hooks, moving.url)
        post(sqlite_hooks)
        store = sqlite_hooks.app.state.store  # type: ignore[attr-defined]
        sqlite_hooks.portal.call(webhooks.deliver_due, store, owner_comment)  # type: ignore[union-attr]
        assert len(moving.wait_for(1)) == 1
    assert elsewhere.requests == []
    [delivery] = listed(sqlite_hooks)[0]["deliveries"]
    assert (delivery["state"], delivery["last_status"]) == ("waiting", 302)
    assert delivery["last_error"] == "redirect not followed"


def test_an_endpoint_that_keeps_failing_is_paused_and_the_owner_told(
    sqlite_hooks: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    with Receiver([500] * 20) as broken:
        created = add_endpoint(sqlite_hooks, broken.url)
        post(sqlite_hooks)
        assert flush(sqlite_hooks) == 8  # the first try and seven retries over about a day
    [shown] = listed(sqlite_hooks)
    assert shown["paused_at"] is not None
    assert shown["deliveries"][0]["state"] == "failed"
    mails = inbox.received(2)  # the notice of the comment, and the one about the endpoint
    subjects = [str(m["Subject"]) for m in mails]
    assert "Een koppeling van" in " ".join(subjects)
    [paused] = [m for m in mails if "Een koppeling van" in str(m["Subject"])]
    body = paused.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert f"{settings.PUBLIC_URL}/admin/integrations" in body
    post(sqlite_hooks, body="Nog een verhaal over slapen.")
    assert flush(sqlite_hooks) == 0  # paused: it waits
    resumed = sqlite_hooks.post(f"/admin/api/webhooks/{created['id']}/resume", headers=OWNER)
    assert resumed.status_code == 200
    assert listed(sqlite_hooks)[0]["paused_at"] is None


# -- no server-side request forgery -------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/hook",  # plain http, local not allowed
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "ftp://example.com/hook",
        "https://owner:secret@example.com/hook",
        "not a url",
    ],
)
def test_endpoints_that_could_reach_inside_are_refused(sqlite_client: TestClient, url: str) -> None:
    answer = sqlite_client.post("/admin/api/webhooks", headers=OWNER, json={"url": url})
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["field"] == "url"
    assert sqlite_client.get("/admin/api/webhooks", headers=OWNER).json()["webhooks"] == []


@pytest.mark.parametrize(
    "url", ["https://169.254.169.254/latest/meta-data", "http://8.8.8.8/hook", "https://0.0.0.0/"]
)
def test_allowing_local_endpoints_still_refuses_metadata_and_plain_http_outside(
    sqlite_hooks: TestClient, url: str
) -> None:
    answer = sqlite_hooks.post("/admin/api/webhooks", headers=OWNER, json={"url": url})
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "url"


def test_unknown_events_and_formats_are_refused(sqlite_hooks: TestClient) -> None:
    for field, value in (("events", ["comment.eaten"]), ("format", "telegram")):
        answer = sqlite_hooks.post(
            "/admin/api/webhooks",
            headers=OWNER,
            json={"url": "http://127.0.0.1:9/", field: value},
        )
        assert answer.status_code == 422 and answer.json()["error"]["field"] == field


def test_the_api_needs_the_owner(sqlite_client: TestClient) -> None:
    assert sqlite_client.get("/admin/api/webhooks").status_code == 401
    assert sqlite_client.post("/admin/api/webhooks", json={"url": "x"}).status_code == 401


# -- chat formats -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shape", "key"), [("slack", "text"), ("mattermost", "text"), ("discord", "content")]
)
def test_chat_endpoints_get_a_message_in_the_admin_language(
    sqlite_hooks: TestClient, receiver: Receiver, shape: str, key: str
) -> None:
    add_endpoint(sqlite_hooks, receiver.url, format=shape)
    post(sqlite_hooks, author="Zoë Ümit")
    flush(sqlite_hooks)
    [request] = receiver.wait_for(1)
    message = json.loads(request.body)
    assert list(message) == [key]
    assert "Zoë Ümit" in message[key] and "wacht op beoordeling" in message[key]
    assert "http://testserver/admin/" in message[key]
    assert "anna@example.nl" not in message[key]


# -- ntfy: approve from the lock screen ----------------------------------------------------------


def test_a_waiting_comment_is_pushed_to_ntfy_and_its_button_approves_it(
    hooks: TestClient, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "NTFY_URL", receiver.url + "/chorus-sanne")
    monkeypatch.setattr(settings, "NTFY_TOKEN", "tk_ntfy-token")
    cid = post(hooks, author="Zoë Ümit")["id"]
    assert flush(hooks) == 1
    [request] = receiver.wait_for(1)
    assert request.path == "/"  # ntfy's JSON publish API: the topic is in the body
    assert request.headers["authorization"] == "Bearer tk_ntfy-token"
    message = json.loads(request.body)
    assert message["topic"] == "chorus-sanne"
    assert "Zoë Ümit" in message["title"]
    assert message["message"].startswith("Sinds ik magnesium neem")
    assert [(a["action"], a["label"], a["method"]) for a in message["actions"]] == [
        ("http", "Goedkeuren", "POST"),
        ("http", "Afwijzen", "POST"),
        ("http", "Spam", "POST"),
    ]
    approve = message["actions"][0]["url"]
    assert hooks.get(approve).status_code == 200 and counts(hooks)["pending"] == 1  # GET: nothing
    assert hooks.post(approve).status_code == 200  # as the ntfy app presses it
    assert hooks.get(f"/admin/api/comments/{cid}", headers=OWNER).json()["status"] == "approved"
    assert hooks.post(message["actions"][2]["url"]).status_code == 409  # dead after a change


def test_a_comment_that_needs_a_second_look_gets_only_an_open_button(
    sqlite_hooks: TestClient, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "NTFY_URL", receiver.url + "/chorus-sanne")
    post(sqlite_hooks, body="Bel me op 06-12345678, het genas mijn rug.")
    flush(sqlite_hooks)
    message = json.loads(receiver.wait_for(1)[0].body)
    assert [(a["action"], a["label"]) for a in message["actions"]] == [("view", "Openen")]
    assert set(message["tags"]) >= {"phone", "health_claim"}


def test_ntfy_is_told_only_about_comments_that_wait(
    sqlite_hooks: TestClient, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "NTFY_URL", receiver.url + "/chorus-sanne")
    monkeypatch.setattr(settings, "MODERATION", "none")
    post(sqlite_hooks)
    assert flush(sqlite_hooks) == 0 and receiver.requests == []


# -- every change that tells a machine ------------------------------------------------------------


def payloads_of(receiver: Receiver, secret: str, count: int) -> list[dict[str, Any]]:
    return [verified(secret, r) for r in receiver.wait_for(count)]


def a_testimonial(client: TestClient, **fields: Any) -> dict[str, Any]:
    """A reader's story, approved and made a testimonial by the owner."""
    answer = post(client, **fields)
    for step in ("approve", "promote"):
        assert act(client, answer["id"], step).status_code == 200
    return answer


def test_undoing_a_status_change_tells_the_status_it_went_back_to(
    hooks: TestClient, receiver: Receiver
) -> None:
    created = add_endpoint(hooks, receiver.url, events=["comment.status_changed"])
    cid = post(hooks)["id"]
    assert act(hooks, cid, "approve").status_code == 200
    assert act(hooks, cid, "undo", status="approved").status_code == 200
    assert flush(hooks) == 2
    approved, undone = payloads_of(receiver, created["secret"], 2)
    assert (approved["data"]["status"], approved["data"]["previous_status"]) == (
        "approved",
        "pending",
    )
    assert undone["type"] == "comment.status_changed"
    assert (undone["data"]["status"], undone["data"]["previous_status"]) == ("pending", "approved")


def test_undoing_a_promotion_withdraws_the_testimonial_and_undoing_a_demotion_publishes_it(
    hooks: TestClient, receiver: Receiver
) -> None:
    events = ["testimonial.published", "testimonial.withdrawn"]
    created = add_endpoint(hooks, receiver.url, events=events)
    cid = post(hooks)["id"]
    assert act(hooks, cid, "approve").status_code == 200
    promoted = act(hooks, cid, "promote")
    assert promoted.status_code == 200
    undo = {"batch": promoted.json()["undo"]}
    assert hooks.post("/admin/api/undo", headers=OWNER, json=undo).status_code == 200
    assert act(hooks, cid, "promote").status_code == 200
    demoted = act(hooks, cid, "demote")
    assert demoted.status_code == 200
    undo = {"batch": demoted.json()["undo"]}
    assert hooks.post("/admin/api/undo", headers=OWNER, json=undo).status_code == 200
    assert flush(hooks) == 5
    told = payloads_of(receiver, created["secret"], 5)
    assert [(p["type"], p["data"].get("reason")) for p in told] == [
        ("testimonial.published", None),
        ("testimonial.withdrawn", "undone"),
        ("testimonial.published", None),
        ("testimonial.withdrawn", "demoted"),
        ("testimonial.published", None),
    ]


def test_deleting_a_testimonial_withdraws_it_and_deleting_a_comment_says_nothing(
    hooks: TestClient, receiver: Receiver
) -> None:
    created = add_endpoint(hooks, receiver.url, events=["testimonial.withdrawn"])
    story = a_testimonial(hooks)["id"]
    plain = post(hooks, body="Een gewone vraag over slapen.")["id"]
    assert act(hooks, plain, "approve").status_code == 200
    for cid in (plain, story):
        assert hooks.delete(f"/admin/api/comments/{cid}", headers=OWNER).status_code == 200
    assert flush(hooks) == 1
    [withdrawn] = payloads_of(receiver, created["secret"], 1)
    assert withdrawn["type"] == "testimonial.withdrawn"
    assert withdrawn["data"] == {"id": story, "reason": "deleted"}  # gone: no words of it left


def test_a_reader_deleting_their_testimonial_withdraws_it(
    sqlite_hooks: TestClient, receiver: Receiver
) -> None:
    created = add_endpoint(sqlite_hooks, receiver.url, events=["testimonial.withdrawn"])
    story = a_testimonial(sqlite_hooks)
    gone = sqlite_hooks.post(
        f"/api/comments/{story['id']}/delete", json={"author_token": story["author_token"]}
    )
    assert gone.status_code == 200, gone.text
    assert flush(sqlite_hooks) == 1
    [withdrawn] = payloads_of(receiver, created["secret"], 1)
    assert withdrawn["data"] == {"id": story["id"], "reason": "deleted_by_author"}


def test_withdrawn_consent_withdraws_only_a_story_that_was_a_testimonial(
    hooks: TestClient, receiver: Receiver
) -> None:
    created = add_endpoint(hooks, receiver.url, events=["testimonial.withdrawn"])
    waiting = post(hooks, body="Nog niet gepubliceerd, wel met toestemming.")
    story = a_testimonial(hooks)
    for answer in (waiting, story):
        taken_back = hooks.post(
            f"/api/comments/{answer['id']}/withdraw-consent",
            json={"author_token": answer["author_token"]},
        )
        assert taken_back.status_code == 200, taken_back.text
    assert flush(hooks) == 1
    [withdrawn] = payloads_of(receiver, created["secret"], 1)
    assert withdrawn["data"]["id"] == story["id"]
    assert withdrawn["data"]["reason"] == "consent_withdrawn"


def _erase_by_privacy_tool(client: TestClient, answer: dict[str, Any]) -> None:
    erased = client.post(
        "/admin/api/readers/erase",
        headers=OWNER,
        json={"email": "anna@example.nl", "keep_anonymised": False},
    )
    assert erased.status_code == 200, erased.text


def _erase_by_reader(client: TestClient, answer: dict[str, Any]) -> None:
    gone = client.post(
        f"/api/comments/{answer['id']}/delete", json={"author_token": answer["author_token"]}
    )
    assert gone.status_code == 200, gone.text


@pytest.mark.parametrize("erase", [_erase_by_privacy_tool, _erase_by_reader])
def test_an_erased_comment_leaves_no_words_in_a_delivery_waiting_for_a_retry(
    hooks: TestClient, erase: Any
) -> None:
    secret_words = "Mijn buurvrouw Henriëtte weet van niets"
    with Receiver([500]) as flaky:
        created = add_endpoint(hooks, flaky.url, events=["comment.created"], own_system=True)
        answer = post(hooks, body=secret_words + ", maar ik slaap weer.")
        store = hooks.app.state.store  # type: ignore[attr-defined]
        now = client_now()
        assert hooks.portal.call(webhooks.deliver_due, store, owner_comment, now) == 1  # type: ignore[union-attr]
        [frozen] = hooks.portal.call(store.webhooks.recent, created["id"])  # type: ignore[union-attr]
        assert frozen.state == "waiting" and secret_words in (frozen.body or "")
        erase(hooks, answer)
        [kept] = hooks.portal.call(store.webhooks.recent, created["id"])  # type: ignore[union-attr]
        assert kept.body is None
        assert flush(hooks) == 1
        first, retry = flaky.wait_for(2)
    assert secret_words in first.body.decode()
    assert secret_words not in retry.body.decode()
    assert "anna@example.nl" not in retry.body.decode()
    assert verified(created["secret"], retry)["data"] == {"id": answer["id"]}


def client_now() -> str:
    from service.store import now

    return now()


def test_ntfy_that_stops_taking_pushes_mails_the_owner_once(
    sqlite_hooks: TestClient,
    monkeypatch: pytest.MonkeyPatch,
    inbox: Inbox,  # noqa: F811
) -> None:
    with Receiver([500] * 40) as broken:
        monkeypatch.setattr(settings, "NTFY_URL", broken.url + "/chorus-sanne")
        post(sqlite_hooks)
        assert flush(sqlite_hooks) == 8  # a push is tried as long as a webhook
        first = inbox.received(2)  # the comment's own notice, and the one about ntfy
        post(sqlite_hooks, body="Een tweede verhaal over slapen.")
        assert flush(sqlite_hooks) == 8
    # A later notice arrives after any mail queued before it: a second ntfy mail would be here.
    post(sqlite_hooks, body="Een derde verhaal, na de storing.")
    mails = inbox.received(4)
    subjects = [str(m["Subject"]) for m in mails]
    ntfy = [m for m in mails if "Pushberichten van" in str(m["Subject"])]
    assert len(ntfy) == 1, subjects
    assert len(first) >= 2
    body = ntfy[0].get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert "127.0.0.1" in body and "chorus-sanne" not in body
    assert f"{settings.PUBLIC_URL}/admin/integrations" in body

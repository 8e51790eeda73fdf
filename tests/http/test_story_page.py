"""The story page of an invitation and the collection page: opening uses nothing up, sending
does; an ended link says so kindly; and a story meets the same intake as a widget comment."""

from __future__ import annotations

import re
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from tests.helpers import OWNER
from tests.http.test_invites import DAY, Move, invite, listed, moved  # noqa: F401

STORY = {
    "author": "Joost de Vries",
    "body": "Na drie behandelingen kan ik weer zonder pijn fietsen. Heel fijn geholpen!",
    "rating": "5",
    "consent": "yes",
    "name_style": "first_initial",
}


def path_of(made: dict[str, Any]) -> str:
    return str(made["url"]).removeprefix(settings.PUBLIC_URL)


def form_token(page: str) -> str:
    found = re.search(r'name="form_token" value="([^"]+)"', page)
    assert found, "the page has no form"
    return found.group(1)


def send(client: TestClient, path: str, **fields: str | None) -> Any:
    """Open the page as a browser would, then send its form with `fields` changed."""
    token = form_token(client.get(path).text)
    data = {"form_token": token, "consent_version": settings.CONSENT_VERSION, **STORY, **fields}
    return client.post(path, data={k: v for k, v in data.items() if v is not None})


def queue(client: TestClient) -> list[dict[str, Any]]:
    answer = client.get("/admin/api/comments", params={"status": "all"}, headers=OWNER)
    comments: list[dict[str, Any]] = answer.json()["comments"]
    return comments


def stored(client: TestClient, sql: str) -> Any:
    store = client.app.state.store  # type: ignore[attr-defined]
    assert client.portal is not None
    return client.portal.call(store.database.fetch_val, sql)


def test_the_story_page_asks_in_the_invitations_language(client: TestClient) -> None:
    made = invite(client, name="Joost", lang="nl")
    page = client.get(path_of(made))
    assert page.status_code == 200
    assert f"Hoe was je behandeling bij {settings.SITE_NAME}?" in page.text
    assert '<html lang="nl">' in page.text
    assert 'value="Joost"' in page.text  # the name the owner gave
    assert f"versie {settings.CONSENT_VERSION}" in page.text
    assert "Mijn verhaal mag met mijn naam als aanbeveling op deze website staan." in page.text
    assert page.text.count('name="name_style"') == 4
    assert page.text.count('name="rating"') == 6  # five stars and none
    assert "<script" not in page.text
    english = client.get(path_of(made), params={"lang": "en"})
    assert f"How was your treatment at {settings.SITE_NAME}?" in english.text


def test_opening_marks_the_invitation_opened_and_uses_nothing_up(client: TestClient) -> None:
    made = invite(client, email="joost@example.nl")
    for _ in range(3):  # a mail scanner, a preview, the client herself
        assert client.get(path_of(made)).status_code == 200
    [found] = listed(client)["invites"]
    assert found["status"] == "opened"
    assert found["opened_at"] is not None
    assert send(client, path_of(made)).status_code == 200


def test_a_story_from_an_invitation_is_a_verified_client_in_the_queue(client: TestClient) -> None:
    made = invite(client, email="joost@example.nl")
    answer = send(client, path_of(made), name_style="initials")
    assert answer.status_code == 200
    assert "Dank je wel voor je verhaal!" in answer.text
    [comment] = queue(client)
    assert comment["status"] == "pending"  # the same moderation queue (MODERATION=all)
    assert (comment["source"], comment["verified"]) == ("invite", True)
    assert comment["invited_at"] == made["created_at"]
    assert comment["page"] == "/ervaringen"
    assert (comment["author"], comment["rating"], comment["consent"]) == (STORY["author"], 5, True)
    assert comment["consent_version"] == settings.CONSENT_VERSION
    assert stored(client, "SELECT display_name FROM comments") == "J. D. V."
    [ended] = listed(client)["invites"]
    assert (ended["status"], ended["email"], ended["comment_id"]) == (
        "answered",
        None,
        comment["id"],
    )


def test_sending_uses_the_link_up(client: TestClient) -> None:
    made = invite(client)
    path = path_of(made)
    token = form_token(client.get(path).text)
    first = {"form_token": token, **STORY}
    assert client.post(path, data=first).status_code == 200
    again = client.get(path)
    assert again.status_code == 410
    assert "Met deze link is al een verhaal verstuurd" in again.text
    assert 'href="/vertel"' in again.text
    token = form_token(client.get("/vertel").text)  # a fresh form, but the link is spent
    spent = client.post(path, data={**STORY, "form_token": token, "body": "Nog een verhaal."})
    assert spent.status_code == 410
    assert len(queue(client)) == 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_expired_link_says_so_and_offers_the_practice_page(
    client: TestClient,
    moved: Move,  # noqa: F811
    lang: str,
) -> None:
    made = invite(client, lang=lang)
    token = form_token(client.get(path_of(made)).text)
    moved(settings.INVITE_DAYS * DAY + 60)
    page = client.get(path_of(made))
    assert page.status_code == 410
    assert ("verlopen" if lang == "nl" else "expired") in page.text
    assert f'href="{"/vertel" if lang == "nl" else "/tell"}"' in page.text
    late = client.post(path_of(made), data={**STORY, "form_token": token})
    assert late.status_code == 410
    assert queue(client) == []


def test_a_withdrawn_or_forged_link_takes_no_story(client: TestClient) -> None:
    made = invite(client)
    token = form_token(client.get(path_of(made)).text)
    client.post(f"/admin/api/invites/{made['id']}/withdraw", headers=OWNER)
    assert client.get(path_of(made)).status_code == 410
    assert client.post(path_of(made), data={**STORY, "form_token": token}).status_code == 410
    forged = path_of(made)[:-3] + "abc"
    assert client.get(forged).status_code == 404
    assert client.post(forged, data={**STORY, "form_token": token}).status_code == 404
    assert queue(client) == []


@pytest.mark.parametrize(
    ("fields", "status", "words"),
    [
        ({"body": "   "}, 422, "Vul dit veld in"),
        ({"author": ""}, 422, "Vul dit veld in"),
        ({"rating": "9"}, 422, ""),
        ({"email": "geen-adres"}, 422, ""),
        ({"form_token": "vervalst"}, 422, ""),
    ],
)
def test_the_story_meets_the_same_intake_rules(
    sqlite_client: TestClient, fields: dict[str, str], status: int, words: str
) -> None:
    made = invite(sqlite_client)
    answer = send(sqlite_client, path_of(made), **fields)
    assert answer.status_code == status
    assert 'role="alert"' in answer.text and words in answer.text
    assert queue(sqlite_client) == []
    # What the writer typed is kept for the next try, and the link still works.
    assert form_token(answer.text)
    assert send(sqlite_client, path_of(made)).status_code == 200


def test_a_filled_honeypot_is_held_as_spam(sqlite_client: TestClient) -> None:
    made = invite(sqlite_client)
    assert send(sqlite_client, path_of(made), hp="http://spam.example").status_code == 200
    assert [c["status"] for c in queue(sqlite_client)] == ["spam"]


def test_the_same_story_twice_is_refused_as_a_duplicate(sqlite_client: TestClient) -> None:
    assert send(sqlite_client, "/vertel").status_code == 200
    made = invite(sqlite_client)
    again = send(sqlite_client, path_of(made))
    assert again.status_code == 409
    assert [i["status"] for i in listed(sqlite_client)["invites"]] == ["opened"]  # not used up


def test_a_cross_site_post_is_refused(sqlite_client: TestClient) -> None:
    made = invite(sqlite_client)
    path = path_of(made)
    token = form_token(sqlite_client.get(path).text)
    answer = sqlite_client.post(
        path, data={**STORY, "form_token": token}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert answer.status_code == 403
    assert queue(sqlite_client) == []


def _switch(page: str) -> list[tuple[str, str, bool]]:
    """The language switch of a page: (code, address, whether it is this page's), in order."""
    nav = re.search(r'<nav class="langs small" aria-label="[^"]+">(.*?)</nav>', page, re.S)
    assert nav, "the page has no language switch"
    link = r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+"( aria-current="page")?>'
    return [(code, href, bool(current)) for href, code, current in re.findall(link, nav[1])]


@pytest.mark.parametrize("lang", ["nl", "en", "de", "fr"])
def test_the_story_pages_offer_every_other_language(client: TestClient, lang: str) -> None:
    story = path_of(invite(client, name="Joost", lang="nl"))
    for path in (f"{story}?lang={lang}", f"/vertel?lang={lang}", f"/tell?lang={lang}"):
        page = client.get(path).text
        assert f'<html lang="{lang}">' in page, path
        bare = path.partition("?")[0]
        assert _switch(page) == [
            (code, f"{bare}?lang={code}", code == lang) for code in ("nl", "de", "en", "fr")
        ], path
        for code in ("nl", "de", "en", "fr"):
            assert f'<html lang="{code}">' in client.get(f"{bare}?lang={code}").text


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        ("/vertel", "nl", "Vertel over"),
        ("/tell", "en", "Tell us about"),
        ("/vertel?lang=de", "de", "Erzähl uns von"),
        ("/vertel?lang=fr", "fr", "Parle-nous de"),
    ],
)
def test_the_collection_page_takes_a_story_with_its_form_token(
    client: TestClient, path: str, lang: str, title: str
) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assert f'<html lang="{lang}">' in page.text and title in page.text
    assert send(client, path).status_code == 200
    [comment] = queue(client)
    assert (comment["source"], comment["verified"], comment["invited_at"]) == (
        "collect",
        False,
        None,
    )
    assert comment["lang"] == lang
    assert comment["page"] == "/ervaringen"


def test_the_collection_page_refuses_a_used_or_missing_form_token(
    sqlite_client: TestClient,
) -> None:
    token = form_token(sqlite_client.get("/vertel").text)
    assert sqlite_client.post("/vertel", data={**STORY, "form_token": token}).status_code == 200
    body = {**STORY, "form_token": token, "body": "Een ander verhaal, met hetzelfde formulier."}
    assert sqlite_client.post("/vertel", data=body).status_code == 422
    assert sqlite_client.post("/vertel", data=STORY).status_code == 422
    assert len(queue(sqlite_client)) == 1


def test_without_ratings_the_page_offers_no_stars(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATINGS", False)
    page = sqlite_client.get("/tell")
    assert 'name="rating"' not in page.text
    assert send(sqlite_client, "/tell", rating=None).status_code == 200


def test_a_comment_under_a_post_is_no_verified_client(sqlite_client: TestClient) -> None:
    from tests.helpers import post

    post(sqlite_client)
    [comment] = queue(sqlite_client)
    assert (comment["source"], comment["verified"], comment["invited_at"]) == (
        "comment",
        False,
        None,
    )


def test_an_invitation_ended_while_its_story_was_taken_in_stores_nothing(
    client: TestClient,
) -> None:
    """The guard inside intake's unit of work: the comment goes back out with the invitation."""
    from service import readers, signing
    from service.domain.errors import Refusal
    from service.domain.invites import Origin, Source

    made = invite(client)
    client.post(f"/admin/api/invites/{made['id']}/withdraw", headers=OWNER)
    store = client.app.state.store  # type: ignore[attr-defined]
    data = {"page": "/ervaringen", "author": "Joost", "body": "Fijn!", "form_token": ""}
    data["form_token"] = signing.form_token()
    origin = Origin(Source.INVITE, invite_id=made["id"], invited_at=made["created_at"])
    assert client.portal is not None
    with pytest.raises(Refusal) as refused:
        client.portal.call(readers.submit, store, data, "client", origin)
    assert (refused.value.field, refused.value.code) == ("invite", "used")
    assert queue(client) == []
    assert stored(client, "SELECT COUNT(*) FROM outbox") == 0


# -- where an invited story shows -----------------------------------------------------------------


def test_an_invited_testimonial_is_marked_verified_in_the_testimonial_data(
    client: TestClient,
) -> None:
    from tests.helpers import act

    made = invite(client)
    body = "Een warme, rustige praktijk. Ik kom graag terug."
    assert send(client, path_of(made), body=body).status_code == 200
    assert send(client, "/vertel", body="Fijne ontvangst aan de balie.").status_code == 200
    for comment in queue(client):
        assert act(client, comment["id"], "approve").status_code == 200
        assert act(client, comment["id"], "promote").status_code == 200
    stories = client.get("/api/testimonials").json()["testimonials"]
    marks = {s["source"]: (s["verified"], s["invited_at"]) for s in stories}
    assert marks == {"invite": (True, made["created_at"]), "collect": (False, None)}


@pytest.mark.parametrize(
    ("lang", "words", "page"),
    [("nl", "Geverifieerde cliënt", "/vertel"), ("en", "Verified client", "/tell")],
)
def test_the_review_policy_names_invitations_and_the_verified_mark(
    sqlite_client: TestClient, lang: str, words: str, page: str
) -> None:
    policy = sqlite_client.get("/reviews/policy", params={"lang": lang}).text
    assert words in policy
    assert f"{settings.PUBLIC_URL}{page}" in policy
    assert f"{settings.INVITE_DAYS} " in policy


def test_the_policy_version_changes_with_the_invitations_days(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from service.web import policy

    before = policy.version_of(False)
    monkeypatch.setattr(settings, "INVITE_DAYS", 14)
    assert policy.version_of(False) != before


@pytest.mark.parametrize(
    ("path", "words"), [("/demo/", "Hallo Joost,"), ("/demo/en/", "Hello Joost,")]
)
def test_the_demo_blog_shows_an_example_invitation(
    sqlite_client: TestClient, path: str, words: str
) -> None:
    page = sqlite_client.get(path).text
    assert words in page
    assert (
        "Hoe was je behandeling bij" if path == "/demo/" else "How was your treatment at"
    ) in page
    assert 'href="/vertel"' in page if path == "/demo/" else 'href="/tell"' in page

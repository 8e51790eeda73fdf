"""The name a testimonial shows: "Joost V." by default, the owner's shortening, everywhere."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.helpers import OWNER, act, post
from tests.http.test_admin import login, owner_password  # noqa: F401  (the password fixture)

A = "{http://www.w3.org/2005/Atom}"


def published_story(client: TestClient, **fields: Any) -> int:
    """A published testimonial by "Joost de Vries" (unless `author` says otherwise)."""
    cid = int(post(client, **{"author": "Joost de Vries", **fields})["id"])
    act(client, cid, "approve")
    assert act(client, cid, "promote").status_code == 200
    return cid


def rename(client: TestClient, cid: int, value: object) -> Any:
    return client.post(
        f"/admin/api/comments/{cid}/display-name", headers=OWNER, json={"display_name": value}
    )


def every_name(client: TestClient) -> dict[str, str]:
    """The name the testimonial shows in each channel it goes out on."""
    [api] = client.get("/api/testimonials").json()["testimonials"]
    [entry] = ET.fromstring(client.get("/feeds/testimonials.atom").content).findall(f"{A}entry")
    [item] = client.get("/feeds/testimonials.json").json()["items"]
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/admin/api/export/testimonials.csv", headers=OWNER).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    return {
        # The widget draws its cards and its JSON-LD `author.name` from this field.
        "api": api["author"],
        "atom": entry.findtext(f"{A}author/{A}name") or "",
        "atom_title": (entry.findtext(f"{A}title") or "").split(" — ")[0],
        "json_feed": item["authors"][0]["name"],
        "json_feed_title": item["title"].split(" — ")[0],
        "csv": rows[0]["author"],
    }


def test_a_testimonial_shows_first_name_and_initial_by_default_everywhere(
    client: TestClient,
) -> None:
    published_story(client)
    assert set(every_name(client).values()) == {"Joost V."}


def test_the_post_itself_keeps_the_name_as_the_reader_typed_it(client: TestClient) -> None:
    cid = published_story(client)
    [comment] = client.get("/api/comments", params={"page": "/blog/magnesium-en-slaap"}).json()[
        "comments"
    ]
    assert (comment["id"], comment["author"]) == (cid, "Joost de Vries")


@pytest.mark.parametrize(
    ("chosen", "shown"),
    [
        ("Joost", "Joost"),
        ("J. d. V.", "J. d. V."),
        ("Joost de Vries", "Joost de Vries"),
        ("  Joost   V  ", "Joost V"),
        ("een cliënt", "een cliënt"),
        ("a client", "a client"),
    ],
)
def test_the_owner_shortens_the_name_and_every_channel_follows(
    client: TestClient, chosen: str, shown: str
) -> None:
    cid = published_story(client)
    response = rename(client, cid, chosen)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer.pop("undo")
    assert answer == {"id": cid, "display_name": shown, "shown_name": shown}
    assert set(every_name(client).values()) == {shown}
    owner_view = client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()
    assert (owner_view["display_name"], owner_view["shown_name"]) == (shown, shown)
    assert owner_view["author"] == "Joost de Vries"  # the owner still sees the name as typed


@pytest.mark.parametrize(
    "invented",
    ["Piet", "Joost de Jong", "Vries Joost", "Joost Vries-Bakker", "J. K.", "een klant", 42, []],
)
def test_a_name_that_is_not_a_shortening_is_refused(client: TestClient, invented: object) -> None:
    cid = published_story(client)
    response = rename(client, cid, invented)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "display_name"
    assert set(every_name(client).values()) == {"Joost V."}


@pytest.mark.parametrize("reset", ["", "   ", None])
def test_an_empty_name_puts_the_default_back(client: TestClient, reset: object) -> None:
    cid = published_story(client)
    rename(client, cid, "Joost de Vries")
    response = rename(client, cid, reset)
    assert response.status_code == 200
    assert response.json()["display_name"] is None
    assert response.json()["shown_name"] == "Joost V."
    assert set(every_name(client).values()) == {"Joost V."}


def test_the_change_is_logged_and_can_be_undone(client: TestClient) -> None:
    cid = published_story(client)
    key = rename(client, cid, "een cliënt").json()["undo"]
    entries = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert (entries[0]["comment_id"], entries[0]["action"]) == (cid, "display_name")
    assert (entries[0]["actor"], entries[0]["detail"]) == ("api", "een cliënt")
    undone = client.post("/admin/api/undo", headers=OWNER, json={"batch": key})
    assert undone.json() == {"undone": [{"id": cid, "kind": "display_name"}]}
    assert set(every_name(client).values()) == {"Joost V."}


def test_an_undo_leaves_a_name_changed_since_alone(client: TestClient) -> None:
    cid = published_story(client)
    key = rename(client, cid, "Joost").json()["undo"]
    rename(client, cid, "J. V.")  # a later change: the earlier undo no longer applies
    assert client.post("/admin/api/undo", headers=OWNER, json={"batch": key}).status_code == 409
    assert every_name(client)["api"] == "J. V."


def test_an_english_testimonial_without_a_name_is_a_client(client: TestClient) -> None:
    published_story(client, lang="en", author="Mary Jones")
    cid = client.get("/api/testimonials").json()["testimonials"][0]["id"]
    assert rename(client, cid, "a client").status_code == 200
    assert every_name(client)["api"] == "a client"


def test_only_the_owner_renames_and_only_a_readers_comment(client: TestClient) -> None:
    cid = published_story(client)
    anonymous = client.post(f"/admin/api/comments/{cid}/display-name", json={"display_name": ""})
    assert anonymous.status_code == 401
    assert rename(client, 99999, "Joost").status_code == 404
    reply = act(client, cid, "reply", body="Dank je wel!").json()["id"]
    assert rename(client, reply, "").status_code == 404
    missing = client.post(f"/admin/api/comments/{cid}/display-name", headers=OWNER, json={})
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "display_name"


# -- the moderation page, without JavaScript --------------------------------------------------


def test_the_moderation_page_offers_the_styles_and_takes_a_choice(
    sqlite_client: TestClient,
    owner_password: str,  # noqa: F811
) -> None:
    client = sqlite_client
    cid = published_story(client)
    csrf = login(client)
    page = client.get("/admin/?status=testimonials").text
    for offered in ("Joost de Vries", "Joost V.", "J. D. V.", "een cliënt"):
        assert f'name="choice" value="{offered}"' in page
    form = {"csrf": csrf, "back": "/admin/?status=testimonials", "choice": "J. D. V."}
    done = client.post(f"/admin/comments/{cid}/display-name", data=form, follow_redirects=False)
    assert done.status_code == 303 and "done=display_name" in done.headers["location"]
    assert every_name(client)["api"] == "J. D. V."
    typed = {**form, "display_name": "Joost"}  # a shortening typed in wins over the choice
    client.post(f"/admin/comments/{cid}/display-name", data=typed, follow_redirects=False)
    assert every_name(client)["api"] == "Joost"
    invented = client.post(
        f"/admin/comments/{cid}/display-name", data={**form, "display_name": "Piet"}
    )
    assert invented.status_code == 422 and "een inkorting" in invented.text
    forged = client.post(f"/admin/comments/{cid}/display-name", data={**form, "csrf": "x"})
    assert forged.status_code == 403 and every_name(client)["api"] == "Joost"
    activity = client.get("/admin/activity").text
    assert f"wijzigde de naam bij #{cid}" in activity and "“Joost”" in activity


def test_the_ask_for_consent_button_says_why_it_cannot(
    sqlite_client: TestClient,
    owner_password: str,  # noqa: F811
) -> None:
    client = sqlite_client
    answer = post(client, email="anna@example.nl")
    client.post(
        f"/api/comments/{answer['id']}/withdraw-consent",
        json={"author_token": answer["author_token"]},
    )
    csrf = login(client)
    assert f'action="/admin/comments/{answer["id"]}/ask-consent"' in client.get("/admin/").text
    refused = client.post(
        f"/admin/comments/{answer['id']}/ask-consent", data={"csrf": csrf, "back": "/admin/"}
    )
    assert refused.status_code == 409
    assert "geen mail naar lezers" in refused.text  # no mail server in this test


def test_an_erasure_that_keeps_the_comment_drops_the_name_chosen_too(client: TestClient) -> None:
    cid = published_story(client)
    rename(client, cid, "Joost")
    erased = client.post(
        "/admin/api/readers/erase",
        headers=OWNER,
        json={"email": "anna@example.nl", "keep_anonymised": True},
    )
    assert erased.status_code == 200
    kept = client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()
    assert (kept["author"], kept["display_name"]) == ("een lezer", None)
    assert "Joost" not in str(kept)

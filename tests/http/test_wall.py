"""The owner's control of the testimonial wall: filters by language and post, and pins on top.

Over HTTP on SQLite and PostgreSQL: `/api/testimonials` and both feeds keep the stories of one
language or one post, the owner pins up to six to the top (the latest pin first, the rest newest
first), a seventh is refused naming the limit, and the honesty line counts every story whatever
the filter shows.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service.domain.wall import MAX_PINS
from tests.helpers import OWNER, act, post

ATOM = "{http://www.w3.org/2005/Atom}"
OTHER_PAGE = "/blog/rug-en-nek"


@pytest.fixture(autouse=True)
def many_posts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)


def story(client: TestClient, body: str, **fields: Any) -> int:
    """A published testimonial."""
    cid: int = post(client, body=body, **fields)["id"]
    assert act(client, cid, "approve").status_code == 200
    assert act(client, cid, "promote").status_code == 200
    return cid


def wall(client: TestClient, **params: Any) -> list[int]:
    response = client.get("/api/testimonials", params=params)
    assert response.status_code == 200, response.text
    return [t["id"] for t in response.json()["testimonials"]]


def pin(client: TestClient, cid: int, action: str = "pin") -> Any:
    return client.post(f"/admin/api/comments/{cid}/{action}", headers=OWNER)


# -- filters -------------------------------------------------------------------------------------


def test_lang_keeps_the_stories_written_in_that_language(client: TestClient) -> None:
    dutch = story(client, "Ik slaap weer door na de massage.", lang="nl")
    english = story(client, "I sleep through the night again.", lang="en")
    unknown = story(client, "Heerlijk ontspannen.", lang="")
    assert wall(client) == [unknown, english, dutch]
    assert wall(client, lang="nl") == [dutch]
    assert wall(client, lang="en") == [english]


def test_page_keeps_the_stories_from_one_post(client: TestClient) -> None:
    sleep = story(client, "Magnesium hielp mij beter slapen.")
    back = story(client, "Mijn rug is soepeler na drie keer.", page=OTHER_PAGE)
    assert wall(client, page=OTHER_PAGE) == [back]
    assert wall(client, page="/blog/magnesium-en-slaap") == [sleep]
    assert wall(client, page="/blog/bestaat-niet") == []
    assert wall(client, page=OTHER_PAGE, lang="en") == []


def test_the_summary_counts_every_story_whatever_the_filter_shows(client: TestClient) -> None:
    story(client, "Ik slaap weer door na de massage.", lang="nl")
    story(client, "I sleep through the night again.", lang="en", page=OTHER_PAGE)
    everything = client.get("/api/testimonials").json()["summary"]
    for params in ({"lang": "en"}, {"page": OTHER_PAGE}, {"lang": "nl", "page": OTHER_PAGE}):
        shown = client.get("/api/testimonials", params=params).json()
        assert shown["summary"] == everything
        assert shown["summary"]["published"] == 2


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lang": "es"}, "lang"),
        ({"lang": "NL"}, "lang"),
        ({"lang": "nl\n"}, "lang"),
        ({"page": "/blog\u202eevil"}, "page"),
        ({"page": "x" * 501}, "page"),
        ({"page": "/a\nb"}, "page"),
    ],
)
@pytest.mark.parametrize(
    "path", ["/api/testimonials", "/feeds/testimonials.atom", "/feeds/testimonials.json"]
)
def test_an_invalid_filter_is_refused_naming_the_field(
    sqlite_client: TestClient, path: str, params: dict[str, str], field: str
) -> None:
    response = sqlite_client.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == field


def test_the_feeds_take_the_same_filters(client: TestClient) -> None:
    dutch = story(client, "Ik slaap weer door na de massage.", lang="nl")
    english = story(client, "I sleep through the night again.", lang="en", page=OTHER_PAGE)
    items = client.get("/feeds/testimonials.json", params={"lang": "en"}).json()
    assert [item["id"] for item in items["items"]] == [str(english)]
    assert items["feed_url"].endswith("/feeds/testimonials.json?lang=en")
    atom = ET.fromstring(client.get("/feeds/testimonials.atom", params={"page": OTHER_PAGE}).text)
    entries = [e.findtext(f"{ATOM}id") for e in atom.iter(f"{ATOM}entry")]
    assert len(entries) == 1 and (entries[0] or "").endswith(f":testimonial:{english}")
    self_link = atom.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href", "").endswith(
        "/feeds/testimonials.atom?page=%2Fblog%2Frug-en-nek"
    )
    # A filtered feed is a feed of its own: its id differs from the whole feed's.
    whole = ET.fromstring(client.get("/feeds/testimonials.atom").text)
    assert whole.findtext(f"{ATOM}id") != atom.findtext(f"{ATOM}id")
    whole_entries = [e.findtext(f"{ATOM}id") or "" for e in whole.iter(f"{ATOM}entry")]
    assert [entry.rsplit(":", 1)[1] for entry in whole_entries] == [str(english), str(dutch)]


def test_a_made_up_page_is_answered_but_never_kept(sqlite_client: TestClient) -> None:
    """A filter on a page that does not exist must not fill the cache with made-up keys."""
    story(sqlite_client, "Magnesium hielp mij beter slapen.")
    first = sqlite_client.get("/api/testimonials", params={"page": "/verzonnen"})
    assert first.status_code == 200 and first.json()["testimonials"] == []
    cache = sqlite_client.app.state.renderings  # type: ignore[attr-defined]
    assert cache.peek("testimonials:10:None:\n/verzonnen") is None
    real = sqlite_client.get("/api/testimonials", params={"page": "/blog/magnesium-en-slaap"})
    assert real.status_code == 200
    assert cache.peek("testimonials:10:None:\n/blog/magnesium-en-slaap") is not None


# -- pins ----------------------------------------------------------------------------------------


def test_pinned_testimonials_come_first_the_latest_pin_on_top(client: TestClient) -> None:
    oldest, middle, newest = (
        story(client, f"Verhaal nummer {n} over goed slapen.") for n in ("een", "twee", "drie")
    )
    assert wall(client) == [newest, middle, oldest]
    assert pin(client, oldest).json() == {"id": oldest, "pinned": True, "changed": True}
    assert wall(client) == [oldest, newest, middle]
    view = client.get(f"/admin/api/comments/{oldest}", headers=OWNER).json()
    assert isinstance(view["pinned_at"], str)
    assert pin(client, middle).status_code == 200
    assert wall(client) == [middle, oldest, newest]
    assert pin(client, middle).json()["changed"] is False  # already pinned: nothing logged
    assert pin(client, middle, "unpin").json() == {"id": middle, "pinned": False, "changed": True}
    assert wall(client) == [oldest, newest, middle]
    assert pin(client, middle, "unpin").json()["changed"] is False
    log = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [(e["action"], e["comment_id"]) for e in log[:3]] == [
        ("unpin", middle),
        ("pin", middle),
        ("pin", oldest),
    ]


def test_pins_order_the_feeds_and_the_filtered_wall(client: TestClient) -> None:
    dutch = story(client, "Ik slaap weer door na de massage.", lang="nl")
    english = story(client, "I sleep through the night again.", lang="en")
    later = story(client, "Ook ik slaap beter.", lang="nl")
    pin(client, dutch)
    assert wall(client, lang="nl") == [dutch, later]
    items = client.get("/feeds/testimonials.json").json()["items"]
    assert [int(item["id"]) for item in items] == [dutch, later, english]
    atom = ET.fromstring(client.get("/feeds/testimonials.atom").text)
    first = next(atom.iter(f"{ATOM}entry")).findtext(f"{ATOM}id") or ""
    assert first.endswith(f":testimonial:{dutch}")


def test_a_seventh_pin_is_refused_naming_the_limit(client: TestClient) -> None:
    stories = [story(client, f"Verhaal {n}: ik slaap beter.") for n in range(MAX_PINS + 1)]
    for cid in stories[:MAX_PINS]:
        assert pin(client, cid).status_code == 200
    refused = pin(client, stories[-1])
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert (error["code"], error["field"], error["max_pins"]) == ("too_many_pins", "pinned", 6)
    assert "at most 6" in error["message"]
    # Unpinning one makes room; demoting one does too, as its pin goes with it.
    assert pin(client, stories[0], "unpin").status_code == 200
    assert pin(client, stories[-1]).status_code == 200
    assert pin(client, stories[0]).status_code == 409
    assert act(client, stories[1], "demote").status_code == 200
    assert pin(client, stories[0]).status_code == 200


def test_a_pin_goes_with_the_testimonial(client: TestClient) -> None:
    """Demoted and promoted again, a story takes its place by date, not its old pin."""
    first = story(client, "Ik slaap weer door na de massage.")
    second = story(client, "Ook ik slaap beter.")
    pin(client, first)
    assert act(client, first, "demote").status_code == 200
    assert act(client, first, "promote").status_code == 200
    assert wall(client) == [second, first]
    assert client.get(f"/admin/api/comments/{first}", headers=OWNER).json()["pinned_at"] is None


@pytest.mark.parametrize("action", ["pin", "unpin"])
def test_only_a_published_testimonial_can_be_pinned(client: TestClient, action: str) -> None:
    waiting = post(client, body="Nog niet goedgekeurd.")["id"]
    refused = pin(client, waiting, action)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "not_testimonial"
    assert pin(client, 999_999, action).status_code == 404
    assert client.post(f"/admin/api/comments/{waiting}/{action}").status_code == 401


def test_the_pages_after_the_first_go_on_after_the_pins(client: TestClient) -> None:
    """Paging with `next` visits every testimonial once, in the wall's order."""
    stories = [story(client, f"Verhaal {n}: ik slaap beter.") for n in range(5)]
    pin(client, stories[1])
    pin(client, stories[3])
    order = wall(client, limit=50)
    assert order == [stories[3], stories[1], stories[4], stories[2], stories[0]]
    seen: list[int] = []
    cursor: int | None = None
    while True:
        params: dict[str, Any] = {"limit": 1}
        if cursor is not None:
            params["before"] = cursor
        answer = client.get("/api/testimonials", params=params).json()
        seen += [t["id"] for t in answer["testimonials"]]
        cursor = answer["next"]
        if cursor is None:
            break
    assert seen == order


def test_a_pin_reaches_a_cached_wall_at_once(sqlite_client: TestClient) -> None:
    older = story(sqlite_client, "Ik slaap weer door na de massage.")
    newer = story(sqlite_client, "Ook ik slaap beter.")
    first = sqlite_client.get("/api/testimonials")
    assert [t["id"] for t in first.json()["testimonials"]] == [newer, older]
    etag = first.headers["etag"]
    assert (
        sqlite_client.get("/api/testimonials", headers={"If-None-Match": etag}).status_code == 304
    )
    pin(sqlite_client, older)
    again = sqlite_client.get("/api/testimonials", headers={"If-None-Match": etag})
    assert again.status_code == 200
    assert [t["id"] for t in again.json()["testimonials"]] == [older, newer]


@pytest.mark.parametrize(
    ("lang", "pin_word", "unpin_word", "badge", "done"),
    [
        ("nl", "Vastzetten bovenaan", "Niet meer vastzetten", "Vastgezet", "Vastgezet bovenaan."),
        ("en", "Pin to top", "Unpin", "Pinned", "Pinned to the top."),
    ],
)
def test_the_moderation_card_pins_without_javascript(
    client: TestClient,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    pin_word: str,
    unpin_word: str,
    badge: str,
    done: str,
) -> None:
    from tests.http.test_admin import _HASH, form, login

    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    older = story(client, "Ik slaap weer door na de massage.")
    newer = story(client, "Ook ik slaap beter.")
    plain = post(client, body="Alleen een reactie.", consent=False)["id"]
    assert act(client, plain, "approve").status_code == 200
    csrf = login(client)
    page = client.get("/admin/?status=all").text
    # Only a testimonial's card offers a pin.
    assert page.count(f'value="pin" class="btn" aria-describedby="pin{older}"') == 1
    assert f'aria-describedby="pin{plain}"' not in page
    url = f"/admin/comments/{older}/moderate"
    answer = form(client, url, csrf, action="pin", back="/admin/?status=testimonials")
    assert answer.status_code == 303 and "done=pin" in answer.headers["location"]
    assert wall(client) == [older, newer]
    shown = client.get(answer.headers["location"]).text
    assert done in shown and f">{badge}</li>" in shown and f">{unpin_word}</button>" in shown
    # The CSRF token is checked as for every other action.
    assert form(client, url, "wrong", action="unpin").status_code == 403
    assert wall(client) == [older, newer]
    assert form(client, url, csrf, action="unpin").status_code == 303
    assert wall(client) == [newer, older]
    assert f">{pin_word}</button>" in client.get("/admin/?status=testimonials").text

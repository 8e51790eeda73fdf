"""The testimonials feeds: valid Atom 1.0 and JSON Feed 1.1, holding only what may be shown."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from starlette.testclient import TestClient

from service.domain.display_names import default_display_name
from tests.helpers import act, post

A = "{http://www.w3.org/2005/Atom}"


def promoted(client: TestClient, **fields: object) -> int:
    cid = post(client, **fields)["id"]
    act(client, cid, "approve")
    assert act(client, cid, "promote").status_code == 200
    return int(cid)


def test_atom_feed_is_valid_and_lists_only_testimonials(client: TestClient) -> None:
    shown = promoted(client)
    approved_only = post(client, body="alleen goedgekeurd")["id"]
    act(client, approved_only, "approve")
    post(client, body="wacht nog")
    response = client.get("/feeds/testimonials.atom")
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{A}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{A}{required}") is not None
    entries = feed.findall(f"{A}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.findtext(f"{A}id", "").endswith(f":testimonial:{shown}")
    assert entry.findtext(f"{A}author/{A}name") == "Anna V."  # the display name
    assert entry.find(f"{A}content").get("type") == "html"  # type: ignore[union-attr]
    link = entry.find(f"{A}link").get("href")  # type: ignore[union-attr]
    assert link == f"https://www.massage.example/blog/magnesium-en-slaap#chorus-comment-{shown}"


def test_json_feed_follows_version_1_1(client: TestClient) -> None:
    cid = promoted(client, rating=4)
    response = client.get("/feeds/testimonials.json")
    assert response.headers["content-type"] == "application/feed+json"
    feed = response.json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["feed_url"].endswith("/feeds/testimonials.json")
    [item] = feed["items"]
    assert item["id"] == str(cid) and item["authors"] == [{"name": "Anna V."}]
    assert item["content_html"].startswith("<p>") and item["_chorus"]["rating"] == 4


@pytest.mark.parametrize(
    "hostile",
    [
        "]]><script>alert(1)</script>",
        "</title></entry><entry><title>forged",
        '<img src=x onerror="alert(1)">',
        "&amp; &lt; &#0; &#xFFFE;",
    ],
)
def test_hostile_text_stays_inert_in_the_feeds(sqlite_client: TestClient, hostile: str) -> None:
    promoted(sqlite_client, author=hostile[:90], body=f"Mooi verhaal {hostile}")
    atom = sqlite_client.get("/feeds/testimonials.atom")
    feed = ET.fromstring(atom.content)
    [entry] = feed.findall(f"{A}entry")
    shown = default_display_name(hostile[:90], "een cliënt")  # the name as the feed shows it
    assert entry.findtext(f"{A}author/{A}name") == shown
    content = entry.findtext(f"{A}content") or ""
    assert "<script" not in content and "<img" not in content
    item = sqlite_client.get("/feeds/testimonials.json").json()["items"][0]
    assert "<script" not in item["content_html"] and "<img" not in item["content_html"]


def test_feed_answers_304_when_unchanged(sqlite_client: TestClient) -> None:
    promoted(sqlite_client)
    first = sqlite_client.get("/feeds/testimonials.json")
    again = sqlite_client.get(
        "/feeds/testimonials.json", headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    atom = sqlite_client.get("/feeds/testimonials.atom")
    atom_again = sqlite_client.get(
        "/feeds/testimonials.atom", headers={"If-None-Match": atom.headers["etag"]}
    )
    assert atom_again.status_code == 304

"""Importing what WordPress's own exporter writes: the fixes a real Dutch site's export needs."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests import samples
from tests.helpers import OWNER
from tests.http.test_moving import lines, owner_password, upload  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("owner_password")
POST = "/2023/03/stress-en-slaap/"


def summary_of(client: TestClient, text: str, **params: str) -> dict[str, object]:
    got = lines(upload(client, text.encode(), "wordpress", **params))[-1]
    assert "summary" in got, got
    summary: dict[str, object] = got["summary"]
    return summary


def published(client: TestClient, page: str = POST) -> list[dict[str, object]]:
    comments: list[dict[str, object]] = client.get("/api/comments", params={"page": page}).json()[
        "comments"
    ]
    return comments


def test_names_and_titles_lose_their_html_entities(client: TestClient) -> None:
    summary_of(client, samples.wordpress_61_sample())
    assert published(client)[0]["author"] == "Sanne & Tim"
    pages = client.get("/admin/api/pages", headers=OWNER).json()
    assert "Stress & slaap" in str(pages) and "&amp;" not in str(pages)


def test_a_comment_without_a_name_is_named_in_the_sites_language(client: TestClient) -> None:
    summary_of(client, samples.wordpress_61_sample())
    assert "Anoniem" in [c["author"] for c in published(client)]


def test_a_reply_by_one_of_the_sites_own_users_is_the_owners(client: TestClient) -> None:
    summary_of(client, samples.wordpress_61_sample())
    reply = next(c for c in published(client) if c["author"] == "Marieke")
    assert reply["owner"] is True
    assert not any(c["owner"] for c in published(client) if c["author"] != "Marieke")


def test_a_long_story_comes_in_and_the_summary_names_what_is_skipped(client: TestClient) -> None:
    summary = summary_of(client, samples.wordpress_61_sample(), dry_run="1")
    assert summary["imported"] == 5
    assert summary["skipped"] == {"too_long": 1}
    assert summary["skipped_comments"] == [
        {
            "key": "wordpress:praktijk-ontspan.example#45",
            "author": "Te lang",
            "page": "http://praktijk-ontspan.example/2023/03/stress-en-slaap/",
            "reason": "too_long",
            "length": 70000,
        }
    ]


def test_a_quote_stays_a_quote(client: TestClient) -> None:
    summary_of(client, samples.wordpress_61_sample())
    first = published(client)[0]
    assert first["html"] == "<p>&gt; Rust is een keuze</p><p>Klopt!</p>"


def test_comments_on_pages_come_in_too(client: TestClient) -> None:
    summary_of(client, samples.wordpress_61_sample())
    assert [c["author"] for c in published(client, "/over-mij/")] == ["Anja"]


@pytest.mark.parametrize(
    "moved", ["https://praktijk-ontspan.example", "https://www.praktijk-ontspan.example"]
)
def test_the_same_site_after_a_move_to_https_or_www_adds_nothing(
    client: TestClient, moved: str
) -> None:
    summary_of(client, samples.wordpress_61_sample())
    again = summary_of(client, samples.wordpress_61_sample(moved))
    assert again["imported"] == 0 and again["skipped"]["already_imported"] == 5  # type: ignore[index]


def test_a_file_imported_before_site_addresses_were_normalised_is_still_recognised(
    client: TestClient,
) -> None:
    summary_of(client, samples.wordpress_sample())  # the keys are re-read from the file
    again = summary_of(client, samples.wordpress_sample().replace("https://", "http://www."))
    assert again["imported"] == 0


def test_threads_can_be_keyed_by_wordpress_post_id_as_the_plugin_does(client: TestClient) -> None:
    summary_of(client, samples.wordpress_61_sample(), keys="page_id")
    assert len(published(client, "/?p=7")) == 4
    assert [c["author"] for c in published(client, "/?p=2")] == ["Anja"]
    assert published(client) == []


def test_an_unknown_key_choice_is_refused_naming_it(client: TestClient) -> None:
    response = upload(client, samples.wordpress_61_sample().encode(), "wordpress", keys="slug")
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "keys"


def test_counts_name_each_asked_page_with_its_published_comments(client: TestClient) -> None:
    summary_of(client, samples.wordpress_61_sample(), keys="page_id")
    answer = client.get("/api/counts", params={"pages": "/?p=7,/?p=2,/nowhere/"})
    assert answer.status_code == 200
    assert answer.json() == {"counts": {"/?p=7": 4, "/?p=2": 1, "/nowhere/": 0}}


def test_counts_of_existing_pages_are_cached_and_answer_304(client: TestClient) -> None:
    summary_of(client, samples.wordpress_61_sample(), keys="page_id")
    first = client.get("/api/counts", params={"pages": "/?p=7,/?p=2"})
    again = client.get(
        "/api/counts",
        params={"pages": "/?p=7,/?p=2"},
        headers={"If-None-Match": first.headers["etag"]},
    )
    assert again.status_code == 304


@pytest.mark.parametrize("pages", ["", " , ", ",".join(f"/p{i}" for i in range(101))])
def test_counts_refuse_no_pages_or_more_than_100_naming_pages(
    client: TestClient, pages: str
) -> None:
    answer = client.get("/api/counts", params={"pages": pages})
    assert answer.status_code == 422
    assert answer.json()["error"]["field"] == "pages"


def test_counts_take_exactly_100_pages(client: TestClient) -> None:
    pages = ",".join(f"/p{i}" for i in range(100))
    assert len(client.get("/api/counts", params={"pages": pages}).json()["counts"]) == 100

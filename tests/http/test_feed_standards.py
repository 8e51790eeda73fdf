"""The feeds as independent parsers and feed readers take them: feedparser for Atom, the JSON Feed
1.1 rules for JSON Feed, and the promise a feed reader relies on: an entry's `updated` moves
whenever its text changes, and the feed's `updated` never moves back.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
from starlette.testclient import TestClient

import settings
from tests.helpers import OWNER, act, post

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://www.massage.example"
ATOM = "/feeds/testimonials.atom"
JSON = "/feeds/testimonials.json"
PASSAGE = "… slaap ik veel rustiger …"  # the excerpt as every channel shows it


def promoted(client: TestClient, excerpt: str | None = None, **fields: Any) -> int:
    return promote(client, post(client, **fields), excerpt)


def promote(client: TestClient, posted: dict[str, Any], excerpt: str | None = None) -> int:
    cid = int(posted["id"])
    assert act(client, cid, "approve").status_code == 200
    answer = act(client, cid, "promote", **({"excerpt": excerpt} if excerpt else {}))
    assert answer.status_code == 200, answer.text
    return cid


def atom(client: TestClient) -> Any:
    """The Atom feed as feedparser reads it; a feed it has to guess at fails here."""
    response = client.get(ATOM)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def _rfc3339(value: Any) -> str:
    assert isinstance(value, str) and value.endswith("Z")
    datetime.fromisoformat(value)  # raises on anything RFC 3339 does not allow here
    return value


def json_feed(client: TestClient) -> dict[str, Any]:
    """The JSON Feed, checked against the 1.1 spec: types, required fields, no nulls.

    (feedparser's releases read no JSON Feed, so the spec's rules are written out here.)
    """
    response = client.get(JSON)
    assert response.status_code == 200
    feed: dict[str, Any] = response.json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and isinstance(feed["items"], list)
    for field in ("home_page_url", "feed_url"):
        assert feed[field].startswith(("https://", "http://"))
    for item in feed["items"]:
        assert isinstance(item["id"], str)
        assert isinstance(item.get("content_html", item.get("content_text")), str)
        for key, value in item.items():
            if key.startswith("_"):
                continue  # an extension: its own rules
            assert value is not None, f"{key} is null: the spec's optional fields are omitted"
            if key in ("url", "title", "summary", "content_html"):
                assert isinstance(value, str) and value, key
        _rfc3339(item["date_published"])
        _rfc3339(item["date_modified"])
        assert [set(a) for a in item["authors"]] == [{"name"}]
    return feed


def entry(parsed: Any, comment_id: int) -> Any:
    [found] = [e for e in parsed.entries if e.id.endswith(f":testimonial:{comment_id}")]
    return found


def item(feed: dict[str, Any], comment_id: int) -> dict[str, Any]:
    [found] = [i for i in feed["items"] if i["id"] == str(comment_id)]
    return found


def test_both_feeds_parse_cleanly_and_hold_what_is_shown(client: TestClient) -> None:
    whole = promoted(client, rating=4)
    cut = promoted(
        client,
        "slaap ik veel rustiger",
        body="Sinds ik magnesium neem slaap ik veel rustiger, echt.",
    )
    parsed = atom(client)
    assert len(parsed.entries) == 2
    assert entry(parsed, cut).summary == PASSAGE
    # (feedparser fills a missing summary in from the content: the document itself has one.)
    assert client.get(ATOM).content.count(b"<summary>") == 1
    _rfc3339(parsed.feed.updated)
    feed = json_feed(client)
    assert "summary" not in item(feed, whole)
    assert item(feed, cut)["summary"] == PASSAGE


def test_feed_home_links_lead_to_the_owners_site(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "SITE_URL", SITE)
    promoted(client, page_url="", page=f"/elders-{os.getpid()}")
    parsed = atom(client)
    assert parsed.feed.link == SITE + "/"
    assert [e.link for e in parsed.entries] == [SITE + "/"]  # a story without a page address
    assert parsed.feed.id.startswith(settings.PUBLIC_URL)  # ids stay: readers keep their place
    assert json_feed(client)["home_page_url"] == SITE + "/"


def test_redacting_a_testimonial_moves_its_updated_so_readers_fetch_it(client: TestClient) -> None:
    cid = int(post(client, body="Mijn rug is eindelijk los dankzij Sanne Jansen uit Delft.")["id"])
    # The full name asks for a second look, before approving and before promoting.
    for action in ("approve", "promote"):
        assert act(client, cid, action, confirm_hints=["full_name"]).status_code == 200
    before_atom, before_json = entry(atom(client), cid), item(json_feed(client), cid)
    redacted = client.post(
        f"/admin/api/comments/{cid}/redact",
        headers=OWNER,
        json={"body": "Mijn rug is eindelijk los dankzij Sanne […] uit Delft."},
    )
    assert redacted.status_code == 200, redacted.text
    after_atom, after_json = entry(atom(client), cid), item(json_feed(client), cid)
    assert "Jansen" not in after_atom.content[0].value + after_json["content_html"]
    assert after_atom.updated > before_atom.updated
    assert after_json["date_modified"] > before_json["date_modified"]
    assert after_json["date_published"] == before_json["date_published"]


def test_changing_the_excerpt_and_undoing_it_each_move_updated_forward(
    client: TestClient,
) -> None:
    cid = promoted(client, "slaap ik veel rustiger")
    stamps = [item(json_feed(client), cid)["date_modified"]]
    answer = act(client, cid, "promote", excerpt="Sinds ik magnesium neem")
    assert answer.status_code == 200
    stamps.append(item(json_feed(client), cid)["date_modified"])
    undone = client.post("/admin/api/undo", headers=OWNER, json={"batch": answer.json()["undo"]})
    assert undone.status_code == 200, undone.text
    shown = item(json_feed(client), cid)
    assert shown["summary"] == PASSAGE
    stamps.append(shown["date_modified"])
    assert entry(atom(client), cid).updated == stamps[-1]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3


def _demote(client: TestClient, posted: dict[str, Any]) -> None:
    assert act(client, posted["id"], "demote").status_code == 200


def _reject(client: TestClient, posted: dict[str, Any]) -> None:
    assert act(client, posted["id"], "reject").status_code == 200


def _delete(client: TestClient, posted: dict[str, Any]) -> None:
    deleted = client.delete(f"/admin/api/comments/{posted['id']}", headers=OWNER)
    assert deleted.status_code in (200, 204)


def _withdraw(client: TestClient, posted: dict[str, Any]) -> None:
    withdrawn = client.post(
        f"/api/comments/{posted['id']}/withdraw-consent",
        json={"author_token": posted["author_token"]},
    )
    assert withdrawn.status_code == 200, withdrawn.text


def _erase(client: TestClient, posted: dict[str, Any]) -> None:
    erased = client.post(
        "/admin/api/readers/erase", headers=OWNER, json={"email": "newest@example.nl"}
    )
    assert erased.status_code == 200, erased.text


@pytest.mark.parametrize("remove", [_demote, _reject, _delete, _withdraw, _erase])
def test_taking_the_newest_testimonial_away_never_moves_the_feed_updated_back(
    client: TestClient, remove: Callable[[TestClient, dict[str, Any]], None]
) -> None:
    promoted(client)
    posted = post(client, email="newest@example.nl", body="Het nieuwste verhaal.")
    newest = promote(client, posted)
    before = atom(client).feed.updated
    remove(client, posted)
    after = atom(client)
    assert [e.id for e in after.entries if e.id.endswith(f":{newest}")] == []
    assert after.feed.updated > before


def test_undoing_a_first_promotion_never_moves_the_feed_updated_back(client: TestClient) -> None:
    promoted(client)
    cid = int(post(client, body="Pas net gepromoveerd.")["id"])
    act(client, cid, "approve")
    batch = act(client, cid, "promote").json()["undo"]
    before = atom(client).feed.updated
    undone = client.post("/admin/api/undo", headers=OWNER, json={"batch": batch})
    assert undone.status_code == 200, undone.text
    after = atom(client)
    assert len(after.entries) == 1 and after.feed.updated > before


def _settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "ALLOWED_ORIGINS")}
    return subprocess.run(
        [sys.executable, "-c", "import settings; print(settings.SITE_URL)"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_site_url_defaults_to_the_first_allowed_origin() -> None:
    shown = _settings({"ALLOWED_ORIGINS": "https://www.example.nl/, https://example.nl"})
    assert shown.stdout.strip() == "https://www.example.nl"
    assert _settings({"SITE_URL": "https://praktijk.example/"}).stdout.strip() == (
        "https://praktijk.example"
    )


@pytest.mark.parametrize("bad", ["www.example.nl", "ftp://example.nl", "http://[::1"])
def test_site_url_that_is_no_web_address_stops_with_one_line(bad: str) -> None:
    result = _settings({"SITE_URL": bad})
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "SITE_URL" in result.stderr

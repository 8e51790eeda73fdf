"""The finding as a reader meets it, on both databases: the owner promotes a story with an
excerpt, then the author deletes it (or the owner erases the reader), and no table keeps the
author's words or address, while the moderation log still says what was done.
"""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.helpers import OWNER, act, post
from tests.http.test_notify import Inbox, _free_port, inbox  # noqa: F401  (the SMTP fixture)
from tests.store.test_erasure_reaches_copies import holders

MARKER = "Lindebloesemthee"  # a word only this author wrote
ADDRESS = "Unieke.Lezer@Example.NL"


def _promoted_story(client: TestClient) -> dict[str, object]:
    answer = post(
        client,
        email=ADDRESS,
        body=f"Na het masseren dronk ik {MARKER} en sliep ik de hele nacht.",
    )
    assert act(client, answer["id"], "approve").status_code == 200
    excerpt = {"excerpt": f"dronk ik {MARKER} en sliep ik"}
    assert act(client, answer["id"], "promote", **excerpt).status_code == 200
    assert act(client, answer["id"], "demote").status_code == 200  # an undo row for each
    assert act(client, answer["id"], "promote", **excerpt).status_code == 200
    client.get("/admin/api/comments", params={"q": MARKER}, headers=OWNER)  # indexed for search
    return answer


def _holding(client: TestClient, *needles: str) -> set[str]:
    store = client.app.state.store  # type: ignore[attr-defined]
    found: set[str] = client.portal.call(holders, store, *needles)  # type: ignore[union-attr]
    return found


def test_an_authors_delete_takes_the_promoted_excerpt_out_of_the_log(client: TestClient) -> None:
    answer = _promoted_story(client)
    assert "moderation_log.detail" in _holding(client, MARKER)
    deleted = client.post(
        f"/api/comments/{answer['id']}/delete", json={"author_token": answer["author_token"]}
    )
    assert deleted.status_code == 200, deleted.text
    assert _holding(client, MARKER, ADDRESS) == set()
    entries = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    mine = [e for e in entries if e["comment_id"] == answer["id"]]
    assert [e["action"] for e in mine][:2] == ["delete", "promote"]
    assert all(MARKER not in e["detail"] for e in entries)


def test_an_owners_delete_takes_the_promoted_excerpt_out_of_the_log(client: TestClient) -> None:
    answer = _promoted_story(client)
    deleted = client.delete(f"/admin/api/comments/{answer['id']}", headers=OWNER)
    assert deleted.status_code in (200, 204), deleted.text
    assert _holding(client, MARKER, ADDRESS) == set()


def test_an_authors_delete_takes_an_earlier_statement_of_reasons_with_it(
    client: TestClient,
    inbox: Inbox,  # noqa: F811
) -> None:
    answer = post(client, email=ADDRESS, body=f"Ik dronk {MARKER}, en verder niets.")
    assert act(client, answer["id"], "reject", reason="off_topic").status_code == 200
    assert "statements.email" in _holding(client, ADDRESS)
    deleted = client.post(
        f"/api/comments/{answer['id']}/delete", json={"author_token": answer["author_token"]}
    )
    assert deleted.status_code == 200, deleted.text
    assert _holding(client, MARKER, ADDRESS) == set()


@pytest.mark.parametrize("keep", [False, True])
def test_erasing_the_reader_leaves_no_copy_of_their_address_or_excerpt(
    client: TestClient, keep: bool
) -> None:
    _promoted_story(client)
    erased = client.post(
        "/admin/api/readers/erase",
        json={"email": ADDRESS.lower(), "keep_anonymised": keep},
        headers=OWNER,
    )
    assert erased.status_code == 200, erased.text
    assert _holding(client, ADDRESS) == set()
    # Kept anonymised, the words stay in the comment itself, and nowhere else.
    assert _holding(client, MARKER) == ({"comments.body", "comments.html"} if keep else set())

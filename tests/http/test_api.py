"""The public API, on SQLite and PostgreSQL: what readers and homepages can do and see."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
from starlette.testclient import TestClient

import settings
from service import signing
from tests.helpers import OWNER, PAGE, act, counts, post, published, story


def test_comment_goes_from_pending_to_published_to_testimonial_and_back(
    client: TestClient,
) -> None:
    answer = post(client)
    assert answer["status"] == "pending" and answer["author_token"]
    cid = answer["id"]
    assert published(client) == []
    assert client.get("/api/testimonials").json()["testimonials"] == []

    assert act(client, cid, "approve").status_code == 200
    [shown] = published(client)
    assert shown["id"] == cid and shown["author"] == "Anna de Vries"

    assert act(client, cid, "promote", excerpt="slaap ik veel rustiger").status_code == 200
    [testimonial] = client.get("/api/testimonials").json()["testimonials"]
    assert testimonial["id"] == cid and testimonial["excerpt"] == "… slaap ik veel rustiger …"
    atom = ET.fromstring(client.get("/feeds/testimonials.atom").content)
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 1
    assert [i["id"] for i in client.get("/feeds/testimonials.json").json()["items"]] == [str(cid)]

    assert act(client, cid, "demote").status_code == 200
    assert client.get("/api/testimonials").json()["testimonials"] == []
    assert client.get("/feeds/testimonials.json").json()["items"] == []
    assert (
        ET.fromstring(client.get("/feeds/testimonials.atom").content).find(
            "{http://www.w3.org/2005/Atom}entry"
        )
        is None
    )


def test_public_comments_carry_no_private_fields(client: TestClient) -> None:
    cid = post(client, website="https://anna.example")["id"]
    act(client, cid, "approve")
    [shown] = published(client)
    assert set(shown) == {
        "id",
        "parent",
        "author",
        "website",
        "html",
        "rating",
        "created_at",
        "owner",
    }
    assert shown["website"] == "https://anna.example/"
    act(client, cid, "promote")
    [testimonial] = client.get("/api/testimonials").json()["testimonials"]
    everything = (
        str(client.get("/api/testimonials").json())
        + client.get("/feeds/testimonials.atom").text
        + str(client.get("/feeds/testimonials.json").json())
        + str(published(client))
    )
    assert "anna@example.nl" not in everything
    assert "email" not in testimonial and "client_hash" not in everything


def test_json_endpoints_are_json_with_nosniff_and_no_jsonp(client: TestClient) -> None:
    response = client.get("/api/comments", params={"page": PAGE, "callback": "x"})
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.text.startswith("{")


def test_replies_thread_under_an_approved_parent_on_the_same_page(client: TestClient) -> None:
    parent = post(client)["id"]
    refused = client.post("/api/comments", json=story(body="Ik ook!", parent=parent))
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "parent"
    act(client, parent, "approve")
    elsewhere = client.post(
        "/api/comments", json=story(body="Ik ook!", parent=parent, page="/blog/rugpijn")
    )
    assert elsewhere.status_code == 422 and elsewhere.json()["error"]["field"] == "parent"
    missing = client.post("/api/comments", json=story(body="Ik ook!", parent=99999))
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "parent"
    reply = post(client, body="Ik ook!", parent=parent)["id"]
    act(client, reply, "approve")
    assert [(c["id"], c["parent"]) for c in published(client)] == [(parent, None), (reply, parent)]


def test_owner_reply_is_published_at_once_and_marked(client: TestClient) -> None:
    parent = post(client)["id"]
    act(client, parent, "approve")
    response = act(client, parent, "reply", body="Dank je wel voor je verhaal!")
    assert response.status_code == 201
    owner_reply = published(client)[-1]
    assert owner_reply["owner"] is True and owner_reply["parent"] == parent


def test_reply_whose_parent_was_unpublished_moves_to_the_top(client: TestClient) -> None:
    parent = post(client)["id"]
    act(client, parent, "approve")
    reply = post(client, body="Herkenbaar.", parent=parent)["id"]
    act(client, reply, "approve")
    act(client, parent, "reject")
    assert [(c["id"], c["parent"]) for c in published(client)] == [(reply, None)]


def test_same_text_twice_is_refused_as_duplicate(client: TestClient) -> None:
    post(client)
    again = client.post("/api/comments", json=story())
    assert again.status_code == 409
    assert again.json()["error"] == {
        "code": "duplicate",
        "field": "body",
        "message": "this text was already posted here",
    }
    assert counts(client)["all"] == 1


# -- validation: every refusal names the field and stores nothing --------------------------------

INVALID = [
    ({"page": ...}, "page", "required"),
    ({"page": ""}, "page", "required"),
    ({"page": 5}, "page", "not_a_string"),
    ({"author": ...}, "author", "required"),
    ({"author": "   "}, "author", "required"),
    ({"author": "\u200b\u200b"}, "author", "required"),
    ({"author": "x" * 101}, "author", "too_long"),
    ({"author": "Anna\nBcc: x@y.z"}, "author", "control_character"),
    ({"author": "Anna\x00"}, "author", "control_character"),
    ({"author": "Anna\u202eevil"}, "author", "bidi_control"),
    ({"author": ["Anna"]}, "author", "not_a_string"),
    ({"body": ...}, "body", "required"),
    ({"body": " \n\t "}, "body", "required"),
    ({"body": "x" * 5001}, "body", "too_long"),
    ({"body": "bad \x00 byte"}, "body", "control_character"),
    ({"body": "escape \x1b[31m"}, "body", "control_character"),
    ({"body": "c1 \x85 control"}, "body", "control_character"),
    ({"body": "not a char \ufffe"}, "body", "control_character"),
    ({"body": " ".join(f"https://x{i}.nl" for i in range(6))}, "body", "too_many_links"),
    ({"email": "not-an-email"}, "email", "invalid_email"),
    ({"email": "a@b.c\r\nBcc: x@y.z"}, "email", "invalid_email"),
    ({"email": "Anna <anna@example.nl>"}, "email", "invalid_email"),
    ({"email": "a" * 250 + "@x.nl"}, "email", "too_long"),
    ({"website": "javascript:alert(1)"}, "website", "invalid_url"),
    ({"website": "data:text/html,<script>alert(1)</script>"}, "website", "invalid_url"),
    ({"website": "https://exa mple.nl"}, "website", "invalid_url"),
    ({"website": "https://a\u200b.nl"}, "website", "invalid_url"),
    ({"website": "ftp://example.nl"}, "website", "invalid_url"),
    ({"website": "https://user:pw@example.nl"}, "website", "invalid_url"),
    ({"website": "https://example.nl:99999"}, "website", "invalid_url"),
    ({"website": "https://" + "a." * 1100 + "nl"}, "website", "too_long"),
    ({"page_url": "javascript:alert(1)"}, "page_url", "invalid_url"),
    ({"rating": 0}, "rating", "out_of_range"),
    ({"rating": 6}, "rating", "out_of_range"),
    ({"rating": "5"}, "rating", "not_an_integer"),
    ({"rating": True}, "rating", "not_an_integer"),
    ({"rating": 4.5}, "rating", "not_an_integer"),
    ({"parent": "1"}, "parent", "not_an_integer"),
    ({"parent": -1}, "parent", "out_of_range"),
    ({"consent": "yes"}, "consent", "not_a_boolean"),
    ({"lang": "es"}, "lang", "unsupported"),
    ({"approved": True}, "approved", "unknown_field"),
    ({"status": "approved"}, "status", "unknown_field"),
    ({"id": 1}, "id", "unknown_field"),
    ({"consent_version": "v1<script>"}, "consent_version", "invalid"),
    ({"form_token": "forged.token.value"}, "form_token", "expired"),
]


@pytest.mark.parametrize(("change", "field", "code"), INVALID)
def test_invalid_submission_is_refused_naming_the_field(
    sqlite_client: TestClient, change: dict[str, object], field: str, code: str
) -> None:
    response = sqlite_client.post("/api/comments", json=story(**change))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert (error["field"], error["code"]) == (field, code)
    assert error["message"]
    assert counts(sqlite_client)["all"] == 0


def test_invalid_submission_is_refused_on_postgresql_too(client: TestClient) -> None:
    response = client.post("/api/comments", json=story(body="nul \x00 byte"))
    assert response.status_code == 422 and response.json()["error"]["field"] == "body"
    assert counts(client)["all"] == 0


BAD_BODIES = [
    (b"{bad", "invalid_json"),
    (b'{"page": "/p"} trailing', "invalid_json"),
    (b"[1, 2]", "not_an_object"),
    (b'"a string"', "not_an_object"),
    (b'{"page": "/a", "page": "/b"}', "duplicate_key"),
    (b'{"rating": NaN}', "invalid_json"),
    (b'{"rating": Infinity}', "invalid_json"),
    (b'{"rating": ' + b"1" * 100_000 + b"}", None),
    (b"[" * 10_000 + b"]" * 10_000, "invalid_json"),
    (b'{"body": "\xc0\xbc"}', "invalid_encoding"),
    (b'{"body": "\xed\xa0\x80"}', "invalid_encoding"),
    (b'{"body": "\xff"}', "invalid_encoding"),
    (b'{"body": "\\ud800"}', "invalid_json"),
    (b'{"\\ud800": 1}', "invalid_json"),
    (b"\xef\xbb\xbf{}", "invalid_json"),
]


@pytest.mark.parametrize(("raw", "code"), BAD_BODIES)
def test_malformed_json_gets_a_400_and_stores_nothing(
    sqlite_client: TestClient, raw: bytes, code: str | None
) -> None:
    response = sqlite_client.post(
        "/api/comments", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code in (400, 413), response.text
    assert response.json()["error"]["field"] in ("request", "page")
    if code:
        assert response.json()["error"]["code"] == code
    assert counts(sqlite_client)["all"] == 0


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""],
)
def test_wrong_content_type_gets_415(sqlite_client: TestClient, content_type: str) -> None:
    response = sqlite_client.post(
        "/api/comments", content=b'{"page": "/p"}', headers={"content-type": content_type}
    )
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"
    assert response.json()["error"]["field"] == "content-type"


def test_body_over_the_limit_is_refused_before_it_is_read(sqlite_client: TestClient) -> None:
    big = b'{"body": "' + b"x" * (settings.MAX_REQUEST_BYTES + 10) + b'"}'
    declared = sqlite_client.post(
        "/api/comments", content=big, headers={"content-type": "application/json"}
    )
    assert declared.status_code == 413 and declared.json()["error"]["code"] == "too_large"

    def chunks():  # no Content-Length: the stream itself must be cut off
        yield b'{"body": "'
        for _ in range(100):
            yield b"x" * 4096
        yield b'"}'

    streamed = sqlite_client.post(
        "/api/comments", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413
    assert counts(sqlite_client)["all"] == 0


def test_unicode_is_normalised_once_and_kept(sqlite_client: TestClient) -> None:
    cid = post(
        sqlite_client,
        author="Zoe\u0308",
        body="Cafe\u0301 👩‍👩‍👧 🇳🇱\r\nregel twee \u202eomgekeerd",
    )["id"]
    act(sqlite_client, cid, "approve")
    [shown] = published(sqlite_client)
    assert shown["author"] == "Zoë"
    assert shown["html"] == "<p>Café 👩‍👩‍👧 🇳🇱<br>regel twee omgekeerd</p>"


# -- spam defences --------------------------------------------------------------------------------


def test_filled_honeypot_looks_accepted_but_is_held_as_spam(client: TestClient) -> None:
    answer = post(client, hp="http://spam.example")
    assert answer["status"] == "pending"
    assert counts(client)["spam"] == 1 and counts(client)["pending"] == 0


def test_form_token_too_fresh_is_spam_and_an_older_one_is_fine(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "FORM_MIN_SECONDS", 2)
    token = sqlite_client.get("/api/form").json()["form_token"]
    post(sqlite_client, form_token=token, body="te snel")
    assert counts(sqlite_client)["spam"] == 1
    monkeypatch.setattr(settings, "FORM_MIN_SECONDS", 0)
    token = sqlite_client.get("/api/form").json()["form_token"]
    post(sqlite_client, form_token=token, body="rustig geschreven")
    assert counts(sqlite_client)["pending"] == 1


def test_form_token_from_another_purpose_is_refused(sqlite_client: TestClient) -> None:
    author_token = post(sqlite_client)["author_token"]
    response = sqlite_client.post(
        "/api/comments", json=story(body="ander", form_token=author_token)
    )
    assert response.status_code == 422 and response.json()["error"]["field"] == "form_token"


def test_too_many_comments_get_429_with_retry_after(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 2)
    post(sqlite_client, body="een")
    post(sqlite_client, body="twee")
    response = sqlite_client.post("/api/comments", json=story(body="drie"))
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0
    assert response.json()["error"]["code"] == "rate_limited"
    # In the body too: a widget on another site cannot read the header.
    assert response.json()["error"]["retry_after"] == int(response.headers["retry-after"])
    spoofed = sqlite_client.post(
        "/api/comments",
        json=story(body="vier"),
        headers={"X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.9"},
    )
    assert spoofed.status_code == 429
    assert counts(sqlite_client)["all"] == 2


def test_forwarded_address_counts_only_behind_a_trusted_proxy(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1)
    monkeypatch.setattr(settings, "TRUSTED_PROXIES", ["testclient"])
    post(sqlite_client, body="een", **{})
    other = sqlite_client.post(
        "/api/comments", json=story(body="twee"), headers={"X-Forwarded-For": "203.0.113.9"}
    )
    assert other.status_code == 202


# -- moderation modes and the author's own view ------------------------------------------------


def test_moderation_none_publishes_at_once(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "none")
    assert post(client)["status"] == "approved"
    assert len(published(client)) == 1


def test_moderation_first_trusts_a_browser_after_its_first_approval(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "first")
    first = post(client)
    assert first["status"] == "pending"
    token = first["author_token"]
    assert post(client, body="tweede", author_token=token)["status"] == "pending"
    act(client, first["id"], "approve")
    assert post(client, body="derde", author_token=token)["status"] == "approved"
    # The same name and e-mail from another browser earn nothing.
    assert post(client, body="vierde")["status"] == "pending"
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert post(client, body="vijfde", author_token=forged)["status"] == "pending"


def test_reader_sees_own_pending_comment_only_with_its_token(client: TestClient) -> None:
    mine = post(client)
    post(client, body="iemand anders")
    response = client.post(
        "/api/comments/mine", json={"page": PAGE, "author_token": mine["author_token"]}
    )
    assert response.status_code == 200
    assert [(c["id"], c["status"]) for c in response.json()["comments"]] == [
        (mine["id"], "pending")
    ]
    assert "email" not in response.json()["comments"][0]
    bad = client.post("/api/comments/mine", json={"page": PAGE, "author_token": "nope"})
    assert bad.status_code == 403 and bad.json()["error"]["field"] == "author_token"
    act(client, mine["id"], "approve")
    after = client.post(
        "/api/comments/mine", json={"page": PAGE, "author_token": mine["author_token"]}
    )
    assert after.json()["comments"] == []


def test_own_lists_every_comment_of_the_reader_with_consent_and_edit_deadline(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "EDIT_WINDOW", 15)
    first = post(client, body="eerste", consent=True)
    token = first["author_token"]
    second = post(client, body="tweede", author_token=token, consent=False)
    post(client, body="van iemand anders")
    act(client, first["id"], "approve")
    answer = client.post("/api/comments/mine", json={"page": PAGE, "author_token": token}).json()
    own = {item["id"]: item for item in answer["own"]}
    assert set(own) == {first["id"], second["id"]}
    assert own[first["id"]]["consent"] is True and own[second["id"]]["consent"] is False
    assert own[second["id"]]["body"] == "tweede"  # the reader's own words, for the edit form
    posted = client.get(f"/admin/api/comments/{first['id']}", headers=OWNER).json()["created_at"]
    until = datetime.fromisoformat(own[first["id"]]["edit_until"].replace("Z", "+00:00"))
    start = datetime.fromisoformat(posted.replace("Z", "+00:00"))
    assert until - start == timedelta(minutes=15)
    withdrawn = client.post(
        f"/api/comments/{first['id']}/withdraw-consent", json={"author_token": token}
    )
    assert withdrawn.status_code == 200
    again = client.post("/api/comments/mine", json={"page": PAGE, "author_token": token}).json()
    assert {item["id"]: item["consent"] for item in again["own"]}[first["id"]] is False


# -- reading ----------------------------------------------------------------------------------


def test_comment_list_needs_a_page(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/api/comments")
    assert response.status_code == 422 and response.json()["error"]["field"] == "page"


def test_comment_list_answers_304_when_unchanged(sqlite_client: TestClient) -> None:
    first = sqlite_client.get("/api/comments", params={"page": PAGE})
    etag = first.headers["etag"]
    again = sqlite_client.get(
        "/api/comments", params={"page": PAGE}, headers={"If-None-Match": etag}
    )
    assert again.status_code == 304
    cid = post(sqlite_client)["id"]
    act(sqlite_client, cid, "approve")
    changed = sqlite_client.get(
        "/api/comments", params={"page": PAGE}, headers={"If-None-Match": etag}
    )
    assert changed.status_code == 200 and changed.json()["count"] == 1


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("limit=-1", 422),
        ("limit=abc", 422),
        ("limit=(SELECT 1)", 422),
        ("before=' OR 1=1--", 422),
        ("limit=1000000000", 200),
        ("limit=0", 200),
        ("before=1", 200),
    ],
)
def test_testimonial_paging_parameters_are_checked_or_clamped(
    sqlite_client: TestClient, query: str, status: int
) -> None:
    response = sqlite_client.get(f"/api/testimonials?{query}")
    assert response.status_code == status
    if status == 422:
        assert response.json()["error"]["field"] in ("limit", "before")


def test_testimonials_page_with_next_cursor(client: TestClient) -> None:
    ids = []
    for n in range(3):
        cid = post(client, body=f"verhaal {n}")["id"]
        act(client, cid, "approve")
        act(client, cid, "promote")
        ids.append(cid)
    first = client.get("/api/testimonials?limit=2").json()
    assert [t["id"] for t in first["testimonials"]] == [ids[2], ids[1]]
    rest = client.get(f"/api/testimonials?limit=2&before={first['next']}").json()
    assert [t["id"] for t in rest["testimonials"]] == [ids[0]] and rest["next"] is None


def test_form_endpoint_hands_out_a_token_and_the_rules(sqlite_client: TestClient) -> None:
    form = sqlite_client.get("/api/form")
    assert form.headers["cache-control"] == "no-store"
    body = form.json()
    assert signing.form_token_age(body["form_token"]) is not None
    assert body["consent_version"] == settings.CONSENT_VERSION and body["ratings"] is True


def test_rating_is_refused_when_ratings_are_off(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATINGS", False)
    response = sqlite_client.post("/api/comments", json=story(rating=4))
    assert response.status_code == 422 and response.json()["error"]["code"] == "ratings_disabled"
    post(sqlite_client, rating=None)


def test_consent_is_recorded_with_time_and_version(client: TestClient) -> None:
    cid = post(client, consent=True, consent_version="2026-11")["id"]
    without = post(client, body="zonder toestemming", consent=False)["id"]
    shown = client.get(f"/admin/api/comments/{cid}", headers=OWNER).json()
    assert shown["consent"] is True and shown["consent_version"] == "2026-11"
    assert shown["consent_at"]
    other = client.get(f"/admin/api/comments/{without}", headers=OWNER).json()
    assert other["consent"] is False and other["consent_at"] is None
    act(client, without, "approve")
    refused = act(client, without, "promote")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "no_consent"


# -- CORS, errors and health ------------------------------------------------------------------


def test_cors_echoes_only_allowed_origins(sqlite_client: TestClient) -> None:
    allowed = sqlite_client.get(
        "/api/comments", params={"page": PAGE}, headers={"Origin": "http://blog.example"}
    )
    assert allowed.headers["access-control-allow-origin"] == "http://blog.example"
    assert "Origin" in allowed.headers["vary"]
    null = sqlite_client.get("/api/comments", params={"page": PAGE}, headers={"Origin": "null"})
    assert "access-control-allow-origin" not in null.headers
    feed = sqlite_client.get("/api/testimonials", headers={"Origin": "https://evil.example"})
    assert feed.headers["access-control-allow-origin"] == "*"


def test_a_page_on_an_unlisted_site_reads_only_the_refusal_naming_the_setting(
    sqlite_client: TestClient,
) -> None:
    """The widget there can tell readers and the site owner why, instead of a network error."""
    sqlite_client.post("/api/comments", json=story(body="een verhaal"))
    for path in ("/api/comments?page=" + PAGE, "/api/form"):
        other = sqlite_client.get(path, headers={"Origin": "https://evil.example"})
        assert other.status_code == 403
        assert other.headers["access-control-allow-origin"] == "https://evil.example"
        assert other.headers["cache-control"] == "no-store"
        refusal = other.json()["error"]
        assert (refusal["code"], refusal["field"]) == ("forbidden_origin", "origin")
        assert "ALLOWED_ORIGINS=https://evil.example" in refusal["message"]
        assert "comments" not in other.json() and "form_token" not in other.json()


def test_preflight_is_answered_for_allowed_origins_only(sqlite_client: TestClient) -> None:
    ask = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    ok = sqlite_client.options("/api/comments", headers={"Origin": "http://blog.example", **ask})
    assert ok.status_code == 204
    assert ok.headers["access-control-allow-origin"] == "http://blog.example"
    assert "POST" in ok.headers["access-control-allow-methods"]
    no = sqlite_client.options("/api/comments", headers={"Origin": "https://evil.example", **ask})
    assert no.status_code == 403 and "access-control-allow-origin" not in no.headers


def test_post_from_an_unlisted_origin_is_forbidden(sqlite_client: TestClient) -> None:
    response = sqlite_client.post(
        "/api/comments", json=story(), headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden_origin"
    assert response.json()["error"]["field"] == "origin"
    assert counts(sqlite_client)["all"] == 0


def test_owner_api_never_gets_cors_headers(sqlite_client: TestClient) -> None:
    response = sqlite_client.get(
        "/admin/api/comments", headers={**OWNER, "Origin": "http://blog.example"}
    )
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


def test_unknown_paths_and_methods_answer_in_json(sqlite_client: TestClient) -> None:
    missing = sqlite_client.get("/api/nothing")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert missing.json()["error"]["field"] == "path"
    wrong = sqlite_client.put("/api/comments", json={})
    assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "method_not_allowed"


def test_health_reports_the_database(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["database"] == "ok"


def test_broken_database_gives_503_json_without_details(sqlite_client: TestClient) -> None:
    from service.store import Store
    from service.store.engine import SqliteDatabase

    app = sqlite_client.app
    app.state.store = Store(SqliteDatabase("/nonexistent-folder/chorus.db", busy_timeout=1))  # type: ignore[attr-defined]
    health = sqlite_client.get("/healthz")
    assert health.status_code == 503 and health.json()["database"] == "unreachable"
    response = sqlite_client.post("/api/comments", json=story())
    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert response.json()["error"]["code"] == "unavailable"
    assert "nonexistent" not in response.text and "Traceback" not in response.text


# -- the author's own rights -----------------------------------------------------------------


def test_author_withdraws_consent_and_the_story_leaves_the_feeds(client: TestClient) -> None:
    mine = post(client)
    cid, token = mine["id"], mine["author_token"]
    act(client, cid, "approve")
    act(client, cid, "promote")
    stranger = post(client, body="iemand anders")["author_token"]
    refused = client.post(f"/api/comments/{cid}/withdraw-consent", json={"author_token": stranger})
    assert refused.status_code == 404
    shown = client.get("/api/testimonials")
    assert len(shown.json()["testimonials"]) == 1
    # No browser or proxy may show the story from its own copy without asking again: the
    # answer is "no change" (304) for as long as nothing changed, and the new list after.
    assert shown.headers["cache-control"] == "public, max-age=0, must-revalidate"
    etag = {"If-None-Match": shown.headers["etag"]}
    assert client.get("/api/testimonials", headers=etag).status_code == 304
    response = client.post(f"/api/comments/{cid}/withdraw-consent", json={"author_token": token})
    assert response.json() == {"id": cid, "consent": False}
    revalidated = client.get("/api/testimonials", headers=etag)
    assert revalidated.status_code == 200 and revalidated.json()["testimonials"] == []
    assert client.get("/feeds/testimonials.json").json()["items"] == []
    assert [c["id"] for c in published(client)] == [cid]  # still a comment under the post
    again = act(client, cid, "promote")
    assert again.status_code == 409 and again.json()["error"]["code"] == "consent_withdrawn"
    entries = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert (entries[0]["action"], entries[0]["actor"]) == ("withdraw_consent", "author")


def test_author_deletes_own_comment_only(client: TestClient) -> None:
    mine = post(client)
    other = post(client, body="iemand anders")
    forged = client.post(f"/api/comments/{mine['id']}/delete", json={"author_token": "forged"})
    assert forged.status_code == 403 and forged.json()["error"]["field"] == "author_token"
    wrong = client.post(
        f"/api/comments/{mine['id']}/delete", json={"author_token": other["author_token"]}
    )
    assert wrong.status_code == 404
    done = client.post(
        f"/api/comments/{mine['id']}/delete", json={"author_token": mine["author_token"]}
    )
    assert done.json() == {"id": mine["id"], "deleted": True}
    assert counts(client)["all"] == 1


# -- refusals in the reader's language ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "Vul dit veld in."),
        ("nl-NL,nl;q=0.9,en;q=0.8", "Vul dit veld in."),
        ("en", "Please fill in this field."),
        ("de-DE", "Bitte füll dieses Feld aus."),
        ("fr-BE,fr;q=0.9", "Remplis ce champ."),
        ("es-ES", "Please fill in this field."),  # a language Chorus lacks: the fallback
    ],
)
def test_a_refusal_speaks_the_language_the_widget_asks_for(
    sqlite_client: TestClient, language: str, message: str
) -> None:
    response = sqlite_client.post(
        "/api/comments", json=story(author=""), headers={"Accept-Language": language}
    )
    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "required",
        "field": "author",
        "message": message,
    }


def test_without_a_language_a_refusal_keeps_the_developer_message(
    sqlite_client: TestClient,
) -> None:
    response = sqlite_client.post("/api/comments", json=story(author=""))
    assert response.json()["error"]["message"] != "Please fill in this field."
    assert "author" in response.json()["error"]["message"]


def test_an_unknown_refusal_about_a_field_asks_to_check_that_field(
    sqlite_client: TestClient,
) -> None:
    response = sqlite_client.post(
        "/api/comments", json=story(rating=9), headers={"Accept-Language": "nl"}
    )
    assert response.status_code == 422 and response.json()["error"]["field"] == "rating"
    assert response.json()["error"]["message"] == "Controleer dit veld."


def test_a_rate_limited_reader_is_told_how_long_to_wait_in_words(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1)
    post(sqlite_client, body="een")
    nl = sqlite_client.post(
        "/api/comments", json=story(body="twee"), headers={"Accept-Language": "nl"}
    ).json()["error"]
    assert nl["code"] == "rate_limited"
    assert nl["message"].startswith("Even geduld: probeer het over ")
    assert nl["message"].endswith(("minuten opnieuw.", "seconden opnieuw.", "uur opnieuw."))
    en = sqlite_client.post(
        "/api/comments", json=story(body="drie"), headers={"Accept-Language": "en"}
    ).json()["error"]
    assert en["message"].startswith("Please wait: try again in ")


def test_the_owner_api_keeps_its_own_messages_whatever_the_language(
    sqlite_client: TestClient,
) -> None:
    response = sqlite_client.post(
        "/admin/api/comments/999/approve", headers={**OWNER, "Accept-Language": "nl"}
    )
    assert response.status_code == 404
    assert response.json()["error"]["message"] != "Deze reactie bestaat niet (meer)."

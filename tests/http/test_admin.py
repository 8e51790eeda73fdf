"""The moderation pages over HTTP: login, session, CSRF, headers, every action, both languages."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import passwords, signing, text
from service.domain.comments import NewComment, Status
from service.store import limits, open_store
from service.web import admin, auth
from tests.conftest import ADMIN_TOKEN

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)
OWNER = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
PAGE = "/blog/slapen"
CSP_DIRECTIVES = {
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
}


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The owner's password is known, readers may post freely, and the pages speak Dutch."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    monkeypatch.setattr(settings, "ADMIN_LANG", "nl")
    yield


def login(client: TestClient, password: str = PASSWORD) -> str:
    """Log in through the form and return the page's CSRF token."""
    response = client.post(
        "/admin/login", data={"password": password, "next": "/admin/"}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/admin/").text)


def csrf_of(page: str) -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', page)
    assert match, "the page carries no CSRF token"
    return match.group(1)


def post_comment(client: TestClient, body: str, **fields: Any) -> int:
    """A reader's comment through the public API, as the widget sends it."""
    payload = {
        "form_token": signing.form_token(),
        "page": PAGE,
        "page_title": "Beter slapen",
        "page_url": "https://www.massage.example/blog/slapen",
        "author": "Anna",
        "email": "anna@example.nl",
        "body": body,
        "consent": True,
        "rating": 5,
        **fields,
    }
    response = client.post("/api/comments", json=payload)
    assert response.status_code == 202, response.text
    return int(response.json()["id"])


def status_of(client: TestClient, comment_id: int) -> str | None:
    response = client.get(f"/admin/api/comments/{comment_id}", headers=OWNER)
    return response.json()["status"] if response.status_code == 200 else None


def owner_view(client: TestClient, comment_id: int) -> dict[str, Any]:
    data: dict[str, Any] = client.get(f"/admin/api/comments/{comment_id}", headers=OWNER).json()
    return data


def approve_by_api(client: TestClient, comment_id: int) -> None:
    assert client.post(f"/admin/api/comments/{comment_id}/approve", headers=OWNER).is_success


def public_ids(client: TestClient) -> list[int]:
    return [c["id"] for c in client.get("/api/comments", params={"page": PAGE}).json()["comments"]]


def form(client: TestClient, url: str, csrf: str | None, **fields: Any) -> Any:
    data = {"back": "/admin/", **fields}
    if csrf is not None:
        data["csrf"] = csrf
    return client.post(url, data=data, follow_redirects=False)


# -- authentication --------------------------------------------------------------------------------

PAGES = [
    "/admin/",
    "/admin/?status=spam&q=x",
    "/admin/activity",
    "/admin/rules",
    "/admin/comments/1",
    "/admin/comments/1/delete",
]
FORM_POSTS = [
    "/admin/rules",
    "/admin/rules/1/delete",
    "/admin/comments/1/moderate",
    "/admin/comments/1/promote",
    "/admin/comments/1/reply",
    "/admin/comments/1/redact",
    "/admin/comments/1/delete",
    "/admin/bulk",
    "/admin/undo",
    "/admin/logout",
]
JSON_ROUTES = [
    ("GET", "/admin/api/comments"),
    ("GET", "/admin/api/comments/1"),
    ("POST", "/admin/api/comments/1/approve"),
    ("DELETE", "/admin/api/comments/1"),
    ("POST", "/admin/api/bulk"),
    ("GET", "/admin/api/activity"),
    ("GET", "/admin/api/rules"),
    ("POST", "/admin/api/rules"),
    ("DELETE", "/admin/api/rules/1"),
]


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_page_visit_redirects_to_login_with_next(
    sqlite_client: TestClient, path: str
) -> None:
    response = sqlite_client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/admin/login?next=")
    login_page = sqlite_client.get(response.headers["location"])
    assert f'name="next" value="{html.escape(path)}"' in login_page.text


@pytest.mark.parametrize("path", FORM_POSTS)
def test_anonymous_form_post_changes_nothing_and_goes_to_login(
    sqlite_client: TestClient, path: str
) -> None:
    comment_id = post_comment(sqlite_client, "Heerlijke massage gehad.")
    response = sqlite_client.post(
        path.replace("/1/", f"/{comment_id}/"),
        data={"action": "approve", "ids": str(comment_id), "status": "pending"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/admin/login")
    assert status_of(sqlite_client, comment_id) == "pending"


@pytest.mark.parametrize(("method", "path"), JSON_ROUTES)
@pytest.mark.parametrize("cookie", [None, "forged.reader.cookie"])
def test_admin_json_answers_401_without_a_session(
    sqlite_client: TestClient, method: str, path: str, cookie: str | None
) -> None:
    if cookie:
        sqlite_client.cookies.set(auth.cookie_name(), cookie)
    response = sqlite_client.request(method, path)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_login_page_is_served_and_logged_in_owner_skips_it(sqlite_client: TestClient) -> None:
    page = sqlite_client.get("/admin/login")
    assert page.status_code == 200
    assert '<label for="password">Wachtwoord</label>' in page.text
    login(sqlite_client)
    again = sqlite_client.get("/admin/login?next=/admin/activity", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == "/admin/activity"


def test_login_sets_a_strict_http_only_cookie(sqlite_client: TestClient) -> None:
    response = sqlite_client.post(
        "/admin/login", data={"password": PASSWORD}, follow_redirects=False
    )
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("chorus_admin=")
    parts = {p.strip().split("=")[0].lower() for p in cookie.split(";")}
    assert {"httponly", "path", "max-age", "samesite"} <= parts
    assert "samesite=strict" in cookie.lower() and "path=/" in cookie.lower()
    assert "domain" not in parts
    max_age = int(re.search(r"max-age=(\d+)", cookie, re.IGNORECASE).group(1))  # type: ignore[union-attr]
    assert 0 < max_age <= settings.ADMIN_SESSION_MAX
    assert PASSWORD not in cookie


def test_cookie_is_secure_and_host_prefixed_when_public_url_is_https(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "PUBLIC_URL", "https://comments.massage.example")
    response = sqlite_client.post(
        "/admin/login", data={"password": PASSWORD}, follow_redirects=False
    )
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("__Host-chorus_admin=")
    assert "secure" in cookie.lower() and "domain" not in cookie.lower()


def test_wrong_password_is_refused_without_a_cookie(sqlite_client: TestClient) -> None:
    response = sqlite_client.post(
        "/admin/login", data={"password": "not it", "next": "/admin/"}, follow_redirects=False
    )
    assert response.status_code == 403
    assert "set-cookie" not in response.headers
    assert "Dat wachtwoord klopt niet." in response.text
    assert sqlite_client.get("/admin/", follow_redirects=False).status_code == 303


def test_login_is_throttled_with_retry_after_then_works_after_reset(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    statuses = [
        sqlite_client.post("/admin/login", data={"password": f"guess {i}"}).status_code
        for i in range(settings.LOGIN_MAX_ATTEMPTS)
    ]
    assert statuses[:-1] == [403] * (settings.LOGIN_MAX_ATTEMPTS - 1)
    assert statuses[-1] == 429
    locked = sqlite_client.post("/admin/login", data={"password": PASSWORD})
    assert locked.status_code == 429
    assert 0 < int(locked.headers["retry-after"]) <= settings.LOGIN_LOCKOUT
    assert "Te veel mislukte pogingen" in locked.text
    assert "set-cookie" not in locked.headers
    assert "Te veel mislukte pogingen" in sqlite_client.get("/admin/login").text

    later = limits.clock() + settings.LOGIN_LOCKOUT
    monkeypatch.setattr(limits, "clock", lambda: later)  # the lockout has passed
    response = sqlite_client.post(
        "/admin/login", data={"password": PASSWORD}, follow_redirects=False
    )
    assert response.status_code == 303 and "set-cookie" in response.headers


def test_successful_login_clears_earlier_failures(sqlite_client: TestClient) -> None:
    for _ in range(settings.LOGIN_MAX_ATTEMPTS - 1):
        sqlite_client.post("/admin/login", data={"password": "wrong"})
    login(sqlite_client)
    assert sqlite_client.post("/admin/login", data={"password": "wrong"}).status_code == 403


def test_cross_site_login_post_is_refused(sqlite_client: TestClient) -> None:
    response = sqlite_client.post(
        "/admin/login",
        data={"password": PASSWORD},
        headers={"Origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 403 and "set-cookie" not in response.headers


OPEN_REDIRECTS = [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
    "/admin@evil.example",
    "/administrator",
    "/admin\\..\\evil",
    "/admin/\t/evil.example",
    "http://testserver/admin/",
    "",
]


@pytest.mark.parametrize("target", OPEN_REDIRECTS)
def test_next_after_login_never_leaves_admin(sqlite_client: TestClient, target: str) -> None:
    response = sqlite_client.post(
        "/admin/login", data={"password": PASSWORD, "next": target}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/admin/"


@pytest.mark.parametrize("raw", ["%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%2F%5Cevil"])
def test_next_from_the_query_string_is_checked_after_decoding(
    sqlite_client: TestClient, raw: str
) -> None:
    page = sqlite_client.get(f"/admin/login?next={raw}")
    assert 'name="next" value="/admin/"' in page.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/admin/activity", "/admin/activity"),
        ("/admin/?status=spam&q=a", "/admin/?status=spam&q=a"),
        ("/admin", "/admin"),
        ("//admin", "/admin/"),
        ("/admin/\r\nSet-Cookie: x", "/admin/"),
        ("/admin/\u2028", "/admin/"),
        (None, "/admin/"),
    ],
)
def test_safe_next_table(value: str | None, expected: str) -> None:
    assert admin.safe_next(value) == expected


def test_good_next_is_followed_after_login(sqlite_client: TestClient) -> None:
    response = sqlite_client.post(
        "/admin/login",
        data={"password": PASSWORD, "next": "/admin/activity"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/admin/activity"


def test_logout_revokes_the_session_on_the_server(sqlite_client: TestClient) -> None:
    csrf = login(sqlite_client)
    old = sqlite_client.cookies.get("chorus_admin")
    response = form(sqlite_client, "/admin/logout", csrf)
    assert response.status_code == 303 and response.headers["location"] == "/admin/login?out=1"
    assert "Je bent uitgelogd." in sqlite_client.get("/admin/login?out=1").text
    sqlite_client.cookies.clear()
    replay = {"Cookie": f"chorus_admin={old}"}  # the cookie as an attacker may have kept it
    assert sqlite_client.get("/admin/", headers=replay, follow_redirects=False).status_code == 303
    assert sqlite_client.get("/admin/api/comments", headers=replay).status_code == 401


def test_logout_needs_the_csrf_token(sqlite_client: TestClient) -> None:
    login(sqlite_client)
    assert form(sqlite_client, "/admin/logout", "wrong").status_code == 403
    assert sqlite_client.get("/admin/", follow_redirects=False).status_code == 200


def test_login_always_issues_a_fresh_session_cookie(sqlite_client: TestClient) -> None:
    def session_cookie(planted: str) -> str:
        response = sqlite_client.post(
            "/admin/login",
            data={"password": PASSWORD},
            headers={"Cookie": f"chorus_admin={planted}"},
            follow_redirects=False,
        )
        return response.headers["set-cookie"].split(";")[0].partition("=")[2]

    first = session_cookie("planted-by-attacker")
    assert first and first != "planted-by-attacker"
    second = session_cookie(first)  # logging in again with a valid session still rotates it
    assert second not in ("", first)


def test_tampered_cookie_is_treated_as_anonymous(sqlite_client: TestClient) -> None:
    login(sqlite_client)
    value = sqlite_client.cookies.get("chorus_admin") or ""
    flipped = value[:-3] + ("A" if value[-3] != "A" else "B") + value[-2:]
    sqlite_client.cookies.clear()
    sent = {"Cookie": f"chorus_admin={flipped}"}
    assert sqlite_client.get("/admin/", headers=sent, follow_redirects=False).status_code == 303
    assert sqlite_client.get("/admin/api/comments", headers=sent).status_code == 401
    sent = {"Cookie": f"chorus_admin={value}"}  # the control: the untouched cookie still works
    assert sqlite_client.get("/admin/", headers=sent, follow_redirects=False).status_code == 200


# -- headers and markup ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/admin/login",
        "/admin/",
        "/admin/activity",
        "/admin/comments/{id}",
        "/admin/privacy?email=anna@example.nl",
        "/admin/x/y",
    ],
)
def test_admin_pages_send_security_headers(sqlite_client: TestClient, path: str) -> None:
    comment_id = post_comment(sqlite_client, "Rustige praktijk.")
    if path != "/admin/login":
        login(sqlite_client)
    response = sqlite_client.get(path.format(id=comment_id))
    if path == "/admin/x/y":
        assert response.status_code == 404
        return
    headers = response.headers
    assert response.status_code == 200
    assert set(d.strip() for d in headers["content-security-policy"].split(";")) == CSP_DIRECTIVES
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["cache-control"] == "no-store"
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["content-type"].startswith("text/html")


def test_redirects_and_refusals_are_not_cached(sqlite_client: TestClient) -> None:
    assert sqlite_client.get("/admin/", follow_redirects=False).headers["cache-control"] == (
        "no-store"
    )
    csrf_refusal = sqlite_client.post("/admin/login", headers={"Sec-Fetch-Site": "cross-site"})
    assert csrf_refusal.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in csrf_refusal.headers["content-security-policy"]


def test_pages_hold_no_inline_script_style_or_handlers(sqlite_client: TestClient) -> None:
    """The CSP forbids inline code, so the pages must not need any."""
    comment_id = post_comment(sqlite_client, "Fijne behandeling, dank je wel!")
    approve_by_api(sqlite_client, comment_id)
    login(sqlite_client)
    for path in (
        "/admin/?status=all",
        "/admin/activity",
        f"/admin/comments/{comment_id}/delete",
        "/admin/privacy?email=anna@example.nl",
    ):
        page = sqlite_client.get(path).text
        for tag in re.findall(r"<script\b[^>]*>", page):
            assert " src=" in tag or 'type="application/json"' in tag, tag
        assert "<style" not in page
        assert not re.search(r"\sstyle=", page)
        assert not re.search(r"\son[a-z]+=", page)


def test_static_assets_are_served_with_their_types(sqlite_client: TestClient) -> None:
    script = sqlite_client.get("/admin/static/admin.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert script.headers["x-content-type-options"] == "nosniff"
    assert (
        sqlite_client.get("/admin/static/admin.css").headers["content-type"].startswith("text/css")
    )
    assert sqlite_client.get("/admin/static/../admin.py").status_code == 404


# -- CSRF ------------------------------------------------------------------------------------------

ATTACKS = {
    "missing token": ({}, None),
    "wrong token": ({}, "not-the-token"),
    "foreign origin": ({"Origin": "https://evil.example"}, "valid"),
    "cross-site fetch": ({"Sec-Fetch-Site": "cross-site"}, "valid"),
}


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize(
    ("route", "fields"),
    [
        ("/admin/comments/{id}/moderate", {"action": "approve"}),
        ("/admin/comments/{id}/moderate", {"action": "spam"}),
        ("/admin/comments/{id}/delete", {}),
        ("/admin/bulk", {"action": "approve", "ids": "{id}"}),
    ],
)
def test_forged_requests_are_refused_and_change_nothing(
    sqlite_client: TestClient, attack: str, route: str, fields: dict[str, str]
) -> None:
    comment_id = post_comment(sqlite_client, "Mag ik een afspraak maken?")
    csrf = login(sqlite_client)
    headers, token = ATTACKS[attack]
    data = {"back": "/admin/", **{k: v.format(id=comment_id) for k, v in fields.items()}}
    if token is not None:
        data["csrf"] = csrf if token == "valid" else token
    response = sqlite_client.post(
        route.format(id=comment_id), data=data, headers=headers, follow_redirects=False
    )
    assert response.status_code == 403
    assert "Dit verzoek kwam niet van de moderatiepagina" in response.text
    assert status_of(sqlite_client, comment_id) == "pending"


@pytest.mark.parametrize("attack", ATTACKS)
def test_forged_json_requests_with_the_session_are_refused(
    sqlite_client: TestClient, attack: str
) -> None:
    """The script's fast path: the owner API with the page's session and X-CSRF-Token."""
    comment_id = post_comment(sqlite_client, "Goede tips over slapen.")
    csrf = login(sqlite_client)
    headers, token = ATTACKS[attack]
    sent = dict(headers)
    if token is not None:
        sent["X-CSRF-Token"] = csrf if token == "valid" else token
    response = sqlite_client.post(f"/admin/api/comments/{comment_id}/approve", headers=sent)
    assert response.status_code == 403
    assert status_of(sqlite_client, comment_id) == "pending"


def test_the_pages_token_works_for_the_json_api(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Goede tips over ontspanning.")
    csrf = login(sqlite_client)
    response = sqlite_client.post(
        f"/admin/api/comments/{comment_id}/approve",
        headers={"X-CSRF-Token": csrf, "Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 200 and status_of(sqlite_client, comment_id) == "approved"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/comments/1/moderate",
        "/admin/comments/1/promote",
        "/admin/comments/1/reply",
        "/admin/comments/1/redact",
        "/admin/bulk",
        "/admin/undo",
        "/admin/logout",
    ],
)
def test_get_on_a_state_changing_route_is_405(sqlite_client: TestClient, path: str) -> None:
    login(sqlite_client)
    assert sqlite_client.get(path, follow_redirects=False).status_code == 405


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("multipart/form-data; boundary=x", b"--x--", 415),
        ("text/plain", b"csrf=x", 415),
        ("application/x-www-form-urlencoded", b"a=" + b"x" * 70_000, 413),
        ("application/x-www-form-urlencoded", b"&".join([b"ids=1"] * 400), 400),
        ("application/x-www-form-urlencoded", b"csrf=\xff\xfe", 400),
        ("application/x-www-form-urlencoded", b"csrf=%ff", 400),
    ],
)
def test_unreadable_forms_are_refused_cleanly(
    sqlite_client: TestClient, content_type: str, body: bytes, status: int
) -> None:
    comment_id = post_comment(sqlite_client, "Prettige behandeling gehad.")
    login(sqlite_client)
    response = sqlite_client.post(
        f"/admin/comments/{comment_id}/moderate",
        content=body,
        headers={"Content-Type": content_type},
    )
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert status_of(sqlite_client, comment_id) == "pending"


# -- actions ---------------------------------------------------------------------------------------


def test_card_actions_change_the_database_and_the_public_list(client: TestClient) -> None:
    """Runs on SQLite and PostgreSQL: approve, reject, spam, restore through the forms."""
    comment_id = post_comment(client, "De massage hielp tegen mijn nekpijn.")
    csrf = login(client)
    url = f"/admin/comments/{comment_id}/moderate"
    steps = [("approve", "approved", True), ("reject", "rejected", False)]
    steps += [("spam", "spam", False), ("restore", "pending", False)]
    for action, status, public in steps:
        response = form(client, url, csrf, action=action, back="/admin/?status=all&q=nek")
        assert response.status_code == 303
        location = response.headers["location"]
        assert location.startswith("/admin/?status=all&q=nek&")
        assert f"done={action}" in location and "undo=" in location
        assert status_of(client, comment_id) == status
        assert (comment_id in public_ids(client)) is public
    log = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [e["action"] for e in log][:4] == ["restore", "spam", "reject", "approve"]
    assert {e["actor"] for e in log} == {"owner"}


def test_an_action_the_comment_cannot_take_is_a_conflict(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Dank voor de fijne behandeling.")
    csrf = login(sqlite_client)
    url = f"/admin/comments/{comment_id}/moderate"
    assert form(sqlite_client, url, csrf, action="restore").status_code == 409
    assert form(sqlite_client, url, csrf, action="promote").status_code == 400
    assert (
        form(sqlite_client, "/admin/comments/999/moderate", csrf, action="approve").status_code
        == 404
    )


def test_promote_with_an_excerpt_reaches_testimonials_and_feeds(sqlite_client: TestClient) -> None:
    body = (
        "Ik sliep slecht.\n\nNa drie massages slaap ik weer hele nachten door. Echt een aanrader!"
    )
    comment_id = post_comment(sqlite_client, body)
    approve_by_api(sqlite_client, comment_id)
    csrf = login(sqlite_client)
    excerpt = "Na drie massages slaap   ik weer\nhele nachten door."
    response = form(sqlite_client, f"/admin/comments/{comment_id}/promote", csrf, excerpt=excerpt)
    assert response.status_code == 303 and "done=promote" in response.headers["location"]
    testimonials = sqlite_client.get("/api/testimonials").json()["testimonials"]
    assert [(t["id"], t["excerpt"]) for t in testimonials] == [
        (comment_id, "… Na drie massages slaap ik weer hele nachten door. …")
    ]
    assert "hele nachten door" in sqlite_client.get("/feeds/testimonials.atom").text
    assert str(comment_id) in sqlite_client.get("/feeds/testimonials.json").text
    page = sqlite_client.get("/admin/?status=testimonials").text
    assert "Getoonde passage:" in page and 'value="demote"' in page

    form(sqlite_client, f"/admin/comments/{comment_id}/moderate", csrf, action="demote")
    assert sqlite_client.get("/api/testimonials").json()["testimonials"] == []
    assert owner_view(sqlite_client, comment_id)["testimonial"] is False


def test_promote_refuses_words_the_author_did_not_write(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "De massage was prima, maar de koffie was koud.")
    approve_by_api(sqlite_client, comment_id)
    csrf = login(sqlite_client)
    response = form(
        sqlite_client,
        f"/admin/comments/{comment_id}/promote",
        csrf,
        excerpt="De massage was geweldig",
    )
    assert response.status_code == 422
    assert "De passage moet letterlijk uit de tekst komen." in response.text
    assert owner_view(sqlite_client, comment_id)["testimonial"] is False


def test_promoting_the_whole_text_stores_no_separate_excerpt(sqlite_client: TestClient) -> None:
    body = "Fijne, deskundige behandeling.\nIk kom zeker terug."
    comment_id = post_comment(sqlite_client, body)
    approve_by_api(sqlite_client, comment_id)
    csrf = login(sqlite_client)
    form(sqlite_client, f"/admin/comments/{comment_id}/promote", csrf, excerpt=body)
    view = owner_view(sqlite_client, comment_id)
    assert view["testimonial"] is True and view["excerpt"] is None


def test_promote_is_disabled_and_explained_without_consent(sqlite_client: TestClient) -> None:
    comment_id = post_comment(
        sqlite_client, "Goede massage, maar niet citeren a.u.b.", consent=False
    )
    approve_by_api(sqlite_client, comment_id)
    csrf = login(sqlite_client)
    page = sqlite_client.get("/admin/?status=approved").text
    assert f'disabled aria-describedby="why{comment_id}"' in page
    assert "de schrijver gaf geen toestemming voor gebruik als aanbeveling" in page
    response = form(sqlite_client, f"/admin/comments/{comment_id}/promote", csrf, excerpt="")
    assert response.status_code == 409
    assert owner_view(sqlite_client, comment_id)["testimonial"] is False


def test_promote_waits_for_approval(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Heel ontspannend, aanrader.")
    csrf = login(sqlite_client)
    assert "Keur de reactie eerst goed om er een aanbeveling van te maken." in (
        sqlite_client.get("/admin/").text
    )
    response = form(sqlite_client, f"/admin/comments/{comment_id}/promote", csrf, excerpt="")
    assert response.status_code == 409
    assert sqlite_client.get("/api/testimonials").json()["testimonials"] == []


def test_owner_reply_is_published_under_the_comment(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Helpt massage ook bij hoofdpijn?")
    approve_by_api(sqlite_client, comment_id)
    csrf = login(sqlite_client)
    response = form(
        sqlite_client, f"/admin/comments/{comment_id}/reply", csrf, body="Vaak wel! Bel me gerust."
    )
    assert response.status_code == 303 and "done=reply" in response.headers["location"]
    public = sqlite_client.get("/api/comments", params={"page": PAGE}).json()["comments"]
    reply = next(c for c in public if c["owner"])
    assert reply["parent"] == comment_id and "Vaak wel!" in reply["html"]
    page = sqlite_client.get("/admin/?status=approved").text
    assert "Jouw antwoord" in page and "Antwoord op Anna:" in page
    again = form(
        sqlite_client, f"/admin/comments/{comment_id}/reply", csrf, body="Vaak wel! Bel me gerust."
    )
    assert again.status_code == 409 and "Dit antwoord heb je al geplaatst." in again.text
    assert (
        form(sqlite_client, f"/admin/comments/{comment_id}/reply", csrf, body="  ").status_code
        == 422
    )


PHONE_STORY = "Fijne massage bij Sanne.\nBel me op 06-12345678 als je wilt weten hoe."


def body_of(client: TestClient, comment_id: int) -> str:
    return str(owner_view(client, comment_id)["body"])


def test_anonymous_redaction_goes_to_login_and_keeps_the_text(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, PHONE_STORY)
    response = sqlite_client.post(
        f"/admin/comments/{comment_id}/redact",
        data={"body": "Fijne massage bij Sanne. […]", "back": "/admin/"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/admin/login")
    assert body_of(sqlite_client, comment_id) == PHONE_STORY


@pytest.mark.parametrize("attack", ATTACKS)
def test_forged_redaction_is_refused_and_keeps_the_text(
    sqlite_client: TestClient, attack: str
) -> None:
    comment_id = post_comment(sqlite_client, PHONE_STORY)
    csrf = login(sqlite_client)
    headers, token = ATTACKS[attack]
    data = {"back": "/admin/", "body": "Fijne massage bij Sanne. […]"}
    if token is not None:
        data["csrf"] = csrf if token == "valid" else token
    response = sqlite_client.post(
        f"/admin/comments/{comment_id}/redact", data=data, headers=headers, follow_redirects=False
    )
    assert response.status_code == 403
    assert "Dit verzoek kwam niet van de moderatiepagina" in response.text
    assert body_of(sqlite_client, comment_id) == PHONE_STORY
    assert sqlite_client.get("/admin/api/activity", headers=OWNER).json()["entries"] == []


def test_redaction_cuts_the_phone_number_before_it_goes_live(client: TestClient) -> None:
    """Runs on SQLite and PostgreSQL: the no-JS form, then approval, then the public list."""
    comment_id = post_comment(client, PHONE_STORY)
    csrf = login(client)
    page = client.get("/admin/").text
    assert f'action="/admin/comments/{comment_id}/redact"' in page
    assert "Bevat een telefoonnummer" in page and "Selectie wegknippen" in page
    response = form(
        client,
        f"/admin/comments/{comment_id}/redact",
        csrf,
        body="Fijne massage bij Sanne.\nBel me [...] als je wilt weten hoe.",
        back="/admin/?q=Sanne",
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/admin/?q=Sanne&done=redact&undo=")
    notice = client.get(response.headers["location"]).text
    assert "Ingekort." in notice and 'name="batch"' in notice
    assert "Bevat een telefoonnummer" not in notice
    assert (
        body_of(client, comment_id) == "Fijne massage bij Sanne.\nBel me […] als je wilt weten hoe."
    )
    assert status_of(client, comment_id) == "pending"
    form(client, f"/admin/comments/{comment_id}/moderate", csrf, action="approve")
    public = client.get("/api/comments", params={"page": PAGE}).json()["comments"]
    assert [c["id"] for c in public] == [comment_id]
    assert "06-12345678" not in str(public) and "Bel me […] als" in public[0]["html"]
    log = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [(e["action"], e["detail"]) for e in log][-1] == ("redact", "1 cut(s)")


@pytest.mark.parametrize(
    ("lang", "draft", "message"),
    [
        (
            "nl",
            "Fijne massage bij Sanne, echt top! […]",
            "Je kunt alleen stukken weghalen: wat overblijft moet letterlijk",
        ),
        ("nl", "Fijne massage bij Sanne.", "Zet […] op elke plek waar je iets wegknipt"),
        (
            "en",
            "Fijne massage bij Sanne, echt top! […]",
            "You can only remove passages: what is left must stand word for word",
        ),
        ("en", "Fijne massage bij Sanne.", "Put […] wherever you cut something"),
    ],
)
def test_refused_redaction_keeps_the_text_and_explains_beside_the_draft(
    sqlite_client: TestClient,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    draft: str,
    message: str,
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    comment_id = post_comment(sqlite_client, PHONE_STORY)
    csrf = login(sqlite_client)
    response = form(sqlite_client, f"/admin/comments/{comment_id}/redact", csrf, body=draft)
    assert response.status_code == 422
    page = response.text
    assert f'lang="{lang}"' in page
    error = re.search(rf'<p class="field-error" id="rd{comment_id}-error">([^<]*)</p>', page)
    assert error and error.group(1).startswith(html.escape(message, quote=False))
    area = re.search(rf'<textarea id="rd{comment_id}"[^>]*>([^<]*)</textarea>', page)
    assert area and html.unescape(area.group(1)) == draft  # the owner's draft, kept to fix
    assert 'aria-invalid="true" autofocus' in area.group(0)
    assert re.search(r"<details class=\"drawer\" open>\s*<summary class=\"btn\">", page)
    assert 'name="back" value="/admin/"' in page
    assert body_of(sqlite_client, comment_id) == PHONE_STORY
    assert sqlite_client.get("/admin/api/activity", headers=OWNER).json()["entries"] == []


def test_redaction_is_offered_for_reader_comments_only(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Helpt massage ook bij hoofdpijn?")
    approve_by_api(sqlite_client, comment_id)
    csrf = login(sqlite_client)
    form(sqlite_client, f"/admin/comments/{comment_id}/reply", csrf, body="Vaak wel!")
    listed = sqlite_client.get("/admin/api/comments?status=all", headers=OWNER).json()
    [reply] = [c for c in listed["comments"] if c["owner"]]
    page = sqlite_client.get("/admin/?status=approved").text
    assert f'action="/admin/comments/{comment_id}/redact"' in page
    assert f'action="/admin/comments/{reply["id"]}/redact"' not in page
    refused = form(sqlite_client, f"/admin/comments/{reply['id']}/redact", csrf, body="[…]")
    assert refused.status_code == 404 and "Die reactie bestaat niet (meer)." in refused.text
    missing = form(sqlite_client, "/admin/comments/999/redact", csrf, body="[…]")
    assert missing.status_code == 404


@pytest.mark.parametrize(
    ("lang", "label"),
    [("nl", "kortte #1 in 1 stuk weggeknipt"), ("en", "redacted #1 1 passage cut")],
)
def test_activity_names_a_redaction_in_the_owners_language(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch, lang: str, label: str
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    comment_id = post_comment(sqlite_client, PHONE_STORY)
    csrf = login(sqlite_client)
    form(sqlite_client, f"/admin/comments/{comment_id}/redact", csrf, body="Fijne massage […]")
    page = sqlite_client.get("/admin/activity").text
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page))
    assert label in text and "cut(s)" not in page


def test_reply_waits_for_approval(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Is er parkeerruimte?")
    csrf = login(sqlite_client)
    assert f'action="/admin/comments/{comment_id}/reply"' not in sqlite_client.get("/admin/").text
    response = form(sqlite_client, f"/admin/comments/{comment_id}/reply", csrf, body="Ja hoor.")
    assert response.status_code == 409
    assert len(public_ids(sqlite_client)) == 0


def test_delete_asks_first_then_deletes_for_good(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Koop goedkope pillen hier.")
    csrf = login(sqlite_client)
    confirm = sqlite_client.get(f"/admin/comments/{comment_id}/delete?back=/admin/?status=spam")
    assert confirm.status_code == 200
    assert "Deze reactie voorgoed verwijderen?" in confirm.text
    assert 'href="/admin/?status=spam"' in confirm.text  # cancel returns to where the owner was
    assert status_of(sqlite_client, comment_id) == "pending"
    response = form(sqlite_client, f"/admin/comments/{comment_id}/delete", csrf)
    assert response.status_code == 303 and "done=delete" in response.headers["location"]
    assert status_of(sqlite_client, comment_id) is None
    assert form(sqlite_client, f"/admin/comments/{comment_id}/delete", csrf).status_code == 404


def test_bulk_changes_only_the_selected_comments_in_one_request(sqlite_client: TestClient) -> None:
    ids = [post_comment(sqlite_client, f"Reactie nummer {n} over massage.") for n in range(3)]
    csrf = login(sqlite_client)
    response = sqlite_client.post(
        "/admin/bulk",
        data={
            "csrf": csrf,
            "action": "approve",
            "ids": [str(ids[0]), str(ids[2])],
            "back": "/admin/",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "done=bulk" in response.headers["location"] and "n=2" in response.headers["location"]
    assert [status_of(sqlite_client, i) for i in ids] == ["approved", "pending", "approved"]
    assert sorted(public_ids(sqlite_client)) == [ids[0], ids[2]]
    notice = sqlite_client.get(response.headers["location"]).text
    assert "2 reacties bijgewerkt." in notice and 'name="batch"' in notice


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"action": "delete", "ids": "1"}, 400),
        ({"action": "approve"}, 400),
        ({"action": "approve", "ids": "abc"}, 400),
    ],
)
def test_bulk_refuses_bad_input(
    sqlite_client: TestClient, fields: dict[str, str], status: int
) -> None:
    csrf = login(sqlite_client)
    assert form(sqlite_client, "/admin/bulk", csrf, **fields).status_code == status


def test_undo_restores_the_previous_status_and_logs_both(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Prima uitleg over houding.")
    csrf = login(sqlite_client)
    done = form(sqlite_client, f"/admin/comments/{comment_id}/moderate", csrf, action="spam")
    notice = sqlite_client.get(done.headers["location"]).text
    assert "Naar spam verplaatst." in notice and "Ongedaan maken" in notice
    response = form(sqlite_client, "/admin/undo", csrf, ids=str(comment_id), status="spam")
    assert response.status_code == 303 and "done=undo" in response.headers["location"]
    assert status_of(sqlite_client, comment_id) == "pending"
    log = sqlite_client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert [(e["action"], e["from_status"], e["to_status"]) for e in log[:2]] == [
        ("undo", "spam", "pending"),
        ("spam", "pending", "spam"),
    ]
    # A second undo finds the comment changed and does nothing.
    form(sqlite_client, "/admin/undo", csrf, ids=str(comment_id), status="spam")
    assert status_of(sqlite_client, comment_id) == "pending"


# -- the queue -------------------------------------------------------------------------------------


def test_queue_tabs_show_live_counts(sqlite_client: TestClient) -> None:
    ids = [post_comment(sqlite_client, f"Ervaring {n} met de massage.") for n in range(4)]
    approve_by_api(sqlite_client, ids[0])
    assert sqlite_client.post(f"/admin/api/comments/{ids[1]}/spam", headers=OWNER).is_success
    login(sqlite_client)
    page = sqlite_client.get("/admin/").text
    counts = dict(re.findall(r'data-count="(\w+)">(\d+)<', page))
    assert counts == {
        "pending": "2",
        "approved": "1",
        "testimonials": "0",
        "spam": "1",
        "rejected": "0",
        "all": "4",
        "reported": "0",
    }
    assert re.search(r'aria-current="page">Te beoordelen', page)
    shown = [int(i) for i in re.findall(r'<article class="card[^"]*" id="c(\d+)"', page)]
    assert shown == [ids[3], ids[2]]  # pending by default, newest first


def test_queue_paginates_and_orders(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(admin, "PAGE_SIZE", 3)
    ids = [post_comment(sqlite_client, f"Verhaal {n} over ontspanning.") for n in range(7)]
    login(sqlite_client)

    def shown(path: str) -> list[int]:
        return [int(i) for i in re.findall(r'id="c(\d+)"', sqlite_client.get(path).text)]

    first = sqlite_client.get("/admin/").text
    assert "1–3 van 7" in first and 'rel="next" href="/admin/?status=pending&amp;offset=3"' in first
    assert shown("/admin/") == ids[::-1][:3]
    assert shown("/admin/?offset=6") == [ids[0]]
    assert shown("/admin/?order=oldest") == ids[:3]
    last = sqlite_client.get("/admin/?offset=6").text
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_queue_filters_by_page_and_search(sqlite_client: TestClient) -> None:
    slapen = post_comment(sqlite_client, "Ik slaap beter sinds de massage.", author="Bram")
    nek = post_comment(
        sqlite_client, "Mijn nek is soepeler.", page="/blog/nek", page_title="Nekklachten"
    )
    login(sqlite_client)
    page = sqlite_client.get("/admin/?page=/blog/nek").text
    assert f'id="c{nek}"' in page and f'id="c{slapen}"' not in page
    # Only waiting comments there: the page is unnamed, and chosen by its key.
    assert '<option value="/blog/nek" selected>/blog/nek</option>' in page
    by_author = sqlite_client.get("/admin/?q=bram").text
    assert f'id="c{slapen}"' in by_author and f'id="c{nek}"' not in by_author
    by_text = sqlite_client.get("/admin/?q=SOEPEL").text
    assert f'id="c{nek}"' in by_text and f'id="c{slapen}"' not in by_text
    assert "Geen reacties gevonden." in sqlite_client.get("/admin/?q=nergens&status=all").text
    assert "Niets te beoordelen." in sqlite_client.get("/admin/?q=nergens").text


@pytest.mark.parametrize(
    "query", ["status=bogus", "order=sideways", "offset=-1", "limit=abc&offset=x", "q=%00"]
)
def test_bad_queue_parameters_give_a_page_not_a_crash(
    sqlite_client: TestClient, query: str
) -> None:
    login(sqlite_client)
    response = sqlite_client.get(f"/admin/?{query}")
    assert 400 <= response.status_code < 500
    assert "Dat lukte niet" in response.text


def test_card_shows_what_the_owner_needs_to_decide(sqlite_client: TestClient) -> None:
    parent = post_comment(sqlite_client, "Wat is een goede slaaphouding?", author="Kees")
    approve_by_api(sqlite_client, parent)
    child = post_comment(
        sqlite_client,
        "Na de massage was mijn migraine verdwenen. Bel 06 12345678.",
        parent=parent,
        website="https://anna.example",
        rating=4,
    )
    login(sqlite_client)
    page = sqlite_client.get("/admin/").text
    card = page[page.index(f'id="c{child}"') :]
    for expected in (
        "Anna",
        'href="https://anna.example/"',
        'href="mailto:anna@example.nl"',
        'href="https://www.massage.example/blog/slapen"',
        "Beter slapen",
        'aria-label="4 van 5 sterren"',
        "Toestemming voor gebruik als aanbeveling (versie 2026-11,",
        "Antwoord op Kees:",
        "Wat is een goede slaaphouding?",
        "Bevat een telefoonnummer",
        "Gezondheidsclaim: controleer voor gebruik als aanbeveling",
        '<time datetime="',
    ):
        assert expected in card, expected


def test_activity_page_lists_who_did_what_to_which_comment(sqlite_client: TestClient) -> None:
    kept = post_comment(sqlite_client, "Heel fijn, dank je.", author="Sara")
    gone = post_comment(sqlite_client, "Spam spam spam.", author="Bot")
    csrf = login(sqlite_client)
    form(sqlite_client, f"/admin/comments/{kept}/moderate", csrf, action="approve")
    form(sqlite_client, f"/admin/comments/{gone}/delete", csrf)
    page = sqlite_client.get("/admin/activity").text
    assert "goedgekeurd" in page and "(Te beoordelen → Goedgekeurd)" in page
    assert f'href="/admin/comments/{kept}?back=/admin/activity">#{kept} Sara</a>' in page
    assert f"#{gone} <span" in page and "(verwijderd)" in page
    assert "Jij" in page
    assert sqlite_client.get("/admin/activity?before=abc").status_code == 400


def test_single_comment_page_and_unknown_ids(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Mooie praktijk.")
    login(sqlite_client)
    page = sqlite_client.get(f"/admin/comments/{comment_id}?back=https://evil.example")
    assert page.status_code == 200 and 'href="/admin/"' in page.text
    assert 'name="back" value="/admin/"' in page.text
    assert "data-pick" not in page.text
    assert "data-pick" in sqlite_client.get(f"/admin/comments/{comment_id}?pick=1").text
    assert sqlite_client.get("/admin/comments/999").status_code == 404
    assert sqlite_client.get("/admin/comments/abc").status_code == 404


# -- hostile input ---------------------------------------------------------------------------------


def _insert_raw(url: str, **fields: Any) -> int:
    """Store a comment as it is, past the public validators, to test the templates' escaping."""

    async def run() -> int:
        store = open_store(url)
        await store.connect()
        try:
            values: dict[str, Any] = {
                "page_key": PAGE,
                "page_title": "Beter slapen",
                "page_url": "https://www.massage.example/",
                "parent_id": None,
                "author": "Anna",
                "email": "",
                "website": "",
                "body": "tekst",
                "html": "<p>tekst</p>",
                "status": Status.PENDING,
                "consent": True,
                "consent_version": "2026-11",
                "rating": None,
                "lang": "nl",
                "client_hash": "",
                "author_key": "",
                **fields,
            }
            return await store.comments.insert(NewComment(**values))
        finally:
            await store.disconnect()

    return asyncio.run(run())


PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def test_hostile_fields_render_inert_in_the_admin_page(
    sqlite_client: TestClient, sqlite_url: str
) -> None:
    through_api = post_comment(sqlite_client, PAYLOAD, author=PAYLOAD[2:60])
    raw = _insert_raw(
        sqlite_url,
        author=PAYLOAD,
        email=f"x{PAYLOAD}@evil.example",
        website=f"javascript:alert(3)//{PAYLOAD}",
        body=PAYLOAD + " (stored raw)",
        page_title=PAYLOAD,
        page_url="javascript:alert(4)",
        consent_version=PAYLOAD,
    )
    login(sqlite_client)
    for path in ("/admin/", f"/admin/comments/{raw}", f"/admin/comments/{through_api}/delete"):
        page = sqlite_client.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page
        assert 'href="javascript:' not in page
        assert html.escape(PAYLOAD, quote=True) in page or "&lt;script&gt;" in page
    approve_by_api(sqlite_client, through_api)
    form(sqlite_client, f"/admin/comments/{raw}/delete", csrf_of(sqlite_client.get("/admin/").text))
    assert "<script>alert" not in sqlite_client.get("/admin/activity").text


# -- languages -------------------------------------------------------------------------------------


def test_both_languages_have_the_same_words() -> None:
    nl, en = text.section("nl", "admin"), text.section("en", "admin")
    assert nl and set(nl) == set(en)
    for key in nl:  # the same placeholders; word order may differ by language
        slots = sorted(re.findall(r"\{\w+\}", nl[key]))
        assert slots == sorted(re.findall(r"\{\w+\}", en[key])), key


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", ["Reacties beoordelen", "Goedkeuren", "Bevat een telefoonnummer", 'lang="nl"']),
        ("en", ["Review comments", "Approve", "Contains a phone number", 'lang="en"']),
    ],
)
def test_admin_lang_chooses_the_interface_language(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch, lang: str, expected: list[str]
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    post_comment(sqlite_client, "Bel me op 06 12345678 voor een afspraak.")
    login_page = sqlite_client.get("/admin/login").text
    assert ("Wachtwoord" if lang == "nl" else "Password") in login_page
    login(sqlite_client)
    page = sqlite_client.get("/admin/").text
    for words in expected:
        assert words in page


def test_english_refusals_are_in_english(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ADMIN_LANG", "en")
    wrong = sqlite_client.post("/admin/login", data={"password": "nope"})
    assert "That password is not right." in wrong.text
    csrf = login(sqlite_client)
    comment_id = post_comment(sqlite_client, "Lovely massage.")
    assert (
        "did not come from the moderation page"
        in form(
            sqlite_client, f"/admin/comments/{comment_id}/moderate", "bad", action="approve"
        ).text
    )
    assert csrf


def test_refusals_for_actions_that_do_not_apply(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Alles was prima geregeld.")
    csrf = login(sqlite_client)
    demote = form(sqlite_client, f"/admin/comments/{comment_id}/moderate", csrf, action="demote")
    assert demote.status_code == 409
    assert form(sqlite_client, "/admin/undo", csrf, ids="1", status="gone").status_code == 400
    assert form(sqlite_client, "/admin/undo", csrf, ids="", status="spam").status_code == 400
    bad_login = sqlite_client.post(
        "/admin/login", content=b"password=x", headers={"Content-Type": "text/plain"}
    )
    assert bad_login.status_code == 415 and "set-cookie" not in bad_login.headers
    assert status_of(sqlite_client, comment_id) == "pending"


@pytest.mark.parametrize("path", ["/admin", "/"])
def test_admin_without_slash_and_the_root_lead_to_the_queue(
    sqlite_client: TestClient, path: str
) -> None:
    """The service's own address is the owner's way in, not a JSON 404 (readers never go there)."""
    response = sqlite_client.get(path, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/admin/"
    assert sqlite_client.get(path, follow_redirects=True).url.path == "/admin/login"


def test_a_weak_stored_hash_is_strengthened_at_the_next_login(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OWASP: re-hash on login when the argon2 parameters were raised since the hash was made."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", "")
    monkeypatch.setattr(settings, "DATA_DIR", tmp_path)
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_FILE", tmp_path / "admin_password_hash")
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("oud-maar-goed-1")
    settings.ADMIN_PASSWORD_FILE.write_text(weak + "\n")
    assert not passwords.verify_password("verkeerd-wachtwoord")
    assert settings.ADMIN_PASSWORD_FILE.read_text().strip() == weak
    assert passwords.verify_password("oud-maar-goed-1")
    strengthened = settings.ADMIN_PASSWORD_FILE.read_text().strip()
    assert strengthened != weak and not PasswordHasher().check_needs_rehash(strengthened)
    assert passwords.verify_password("oud-maar-goed-1")


# -- words, time zone, withdrawn consent, undo from the activity page ------------------------------


@pytest.mark.parametrize(
    ("zone", "stamp", "lang", "shown"),
    [
        ("Europe/Amsterdam", "2026-11-12T14:05:00.000000Z", "nl", "12 nov 2026 15:05 CET"),
        ("Europe/Amsterdam", "2026-07-01T22:30:00.000000Z", "en", "2 Jul 2026 00:30 CEST"),
        ("UTC", "2026-07-01T22:30:00.000000Z", "nl", "1 jul 2026 22:30 UTC"),
    ],
)
def test_times_are_in_the_owners_time_zone_without_script(
    monkeypatch: pytest.MonkeyPatch, zone: str, stamp: str, lang: str, shown: str
) -> None:
    from service.web.admin_kit import templates

    monkeypatch.setattr(settings, "OWNER_TIMEZONE", zone)
    monkeypatch.setattr(settings, "ADMIN_LANG", lang)
    assert templates.env.filters["when"](stamp) == shown
    assert templates.env.filters["when"]("not a time") == ""


def test_withdrawn_consent_has_its_own_state_and_words(sqlite_client: TestClient) -> None:
    payload = {
        "page": PAGE,
        "page_url": "https://www.massage.example/blog/slapen",
        "author": "Anna",
        "body": "Na de massage sliep ik eindelijk goed.",
        "consent": True,
        "form_token": signing.form_token(),
    }
    posted = sqlite_client.post("/api/comments", json=payload).json()
    never = post_comment(sqlite_client, "Ik gaf nooit toestemming.", consent=False)
    approve_by_api(sqlite_client, posted["id"])
    token = posted["author_token"]
    withdrawn = sqlite_client.post(
        f"/api/comments/{posted['id']}/withdraw-consent", json={"author_token": token}
    )
    assert withdrawn.status_code == 200
    login(sqlite_client)
    page = sqlite_client.get("/admin/?status=all").text
    withdrawn_card = page[page.index(f'id="c{posted["id"]}"') :]
    never_card = page[page.index(f'id="c{never}"') : page.index(f'id="c{posted["id"]}"')]
    assert "Toestemming ingetrokken door de schrijver" in withdrawn_card
    assert "de schrijver heeft de toestemming ingetrokken" in withdrawn_card
    assert "Geen toestemming voor gebruik als aanbeveling" in never_card
    assert "ingetrokken" not in never_card
    assert owner_view(sqlite_client, posted["id"])["consent_withdrawn_at"]
    assert owner_view(sqlite_client, never)["consent_withdrawn_at"] is None


def test_the_activity_page_undoes_the_latest_change_of_a_comment(sqlite_client: TestClient) -> None:
    comment_id = post_comment(sqlite_client, "Prima uitleg over houding.")
    csrf = login(sqlite_client)
    form(sqlite_client, f"/admin/comments/{comment_id}/moderate", csrf, action="approve")
    page = sqlite_client.get("/admin/activity").text
    assert "keurde #1 goed" in page
    row = re.search(r'name="log" value="(\d+)"', page)
    assert row, "the latest change offers undo"
    done = form(sqlite_client, "/admin/undo", csrf, log=row.group(1), back="/admin/activity")
    assert done.headers["location"].startswith("/admin/activity?")
    assert status_of(sqlite_client, comment_id) == "pending"
    after = sqlite_client.get(done.headers["location"]).text
    assert "Ongedaan gemaakt." in after and "zette de status van #1 terug" in after
    assert 'name="log"' not in after
    again = form(sqlite_client, "/admin/undo", csrf, log=row.group(1))
    assert again.status_code == 409 and "niet meer ongedaan" in again.text

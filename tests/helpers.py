"""Small helpers shared by the HTTP tests."""

from __future__ import annotations

import html
import re
import string
from typing import Any

from starlette.testclient import TestClient

from service import signing, text

OWNER = {"Authorization": "Bearer test-admin-token-0123456789abcdef"}
PAGE = "/blog/magnesium-en-slaap"


def story(**fields: Any) -> dict[str, Any]:
    """A valid submission with a fresh single-use form token, with any field replaced or added."""
    data: dict[str, Any] = {
        "form_token": signing.form_token(),
        "page": PAGE,
        "page_title": "Magnesium en slaap",
        "page_url": "https://www.massage.example/blog/magnesium-en-slaap",
        "author": "Anna de Vries",
        "email": "anna@example.nl",
        "body": "Sinds ik magnesium neem slaap ik veel rustiger.",
        "consent": True,
        "rating": 5,
        "lang": "nl",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not ...}


def post(client: TestClient, **fields: Any) -> dict[str, Any]:
    """Post a valid comment and return the 202 answer."""
    response = client.post("/api/comments", json=story(**fields))
    assert response.status_code == 202, response.text
    return response.json()


def act(client: TestClient, comment_id: int, action: str, **json: Any) -> Any:
    """Run an owner action through the API token."""
    return client.post(
        f"/admin/api/comments/{comment_id}/{action}", headers=OWNER, json=json or None
    )


def published(client: TestClient, page: str = PAGE) -> list[dict[str, Any]]:
    response = client.get("/api/comments", params={"page": page})
    assert response.status_code == 200
    comments: list[dict[str, Any]] = response.json()["comments"]
    return comments


def counts(client: TestClient) -> dict[str, int]:
    response = client.get("/admin/api/comments", headers=OWNER)
    assert response.status_code == 200
    result: dict[str, int] = response.json()["counts"]
    return result


# -- a reader with a history, for the privacy tools ---------------------------------------------

ERASED_TRACES = ("anna@example.nl", "Anna Geheim", "anna-geheim.example", "Mijn rugpijn is weg.")


def reader_with_history(client: TestClient) -> int:
    """Anna's approved testimonial with a reply subscription, beside another reader's comment.

    The subscription is recorded only when a mail server is set (the `inbox` fixture).
    """
    answer = post(
        client,
        author="Anna Geheim",
        website="https://anna-geheim.example",
        body="Mijn rugpijn is weg.",
        notify_replies=True,
    )
    # "is weg" reads as a health claim: the owner confirms it, as the second look asks.
    assert act(client, answer["id"], "approve", confirm_hints=["health_claim"]).status_code == 200
    assert act(client, answer["id"], "promote", confirm_hints=["health_claim"]).status_code == 200
    other = post(client, email="bram@example.nl", author="Bram", body="Ik ook!", author_token=None)
    act(client, other["id"], "approve")
    return int(answer["id"])


def every_view(client: TestClient) -> str:
    """Every public answer and every owner JSON view that could show a reader, as one text."""
    views = [
        client.get("/api/comments", params={"page": PAGE}).text,
        client.get("/api/testimonials").text,
        client.get("/feeds/testimonials.atom").text,
        client.get("/feeds/testimonials.json").text,
        client.get("/admin/api/comments", params={"status": "all"}, headers=OWNER).text,
        client.get("/admin/api/comments", params={"status": "testimonials"}, headers=OWNER).text,
        client.get("/admin/api/comments", params={"q": "Anna"}, headers=OWNER).text,
        client.get("/admin/api/comments", params={"q": "anna@example.nl"}, headers=OWNER).text,
        client.get("/admin/api/activity", headers=OWNER).text,
        client.get("/admin/api/export", headers=OWNER).text,
    ]
    return "\n".join(views)


# -- links a mail would carry -------------------------------------------------------------------


def born(client: TestClient, comment_id: int) -> str:
    """A comment's `created_at` to the microsecond, which every link naming it also names."""
    response = client.get(f"/admin/api/comments/{comment_id}", headers=OWNER)
    assert response.status_code == 200, response.text
    value: str = response.json()["created_at"]
    return value


def mail_link_token(client: TestClient, comment_id: int, action: str, state: str = "") -> str:
    """The token of a notice's one-click link for `action` on this comment."""
    return signing.mail_link_token(comment_id, born(client, comment_id), action, state)


def subscription_token(client: TestClient, comment_id: int, purpose: str) -> str:
    """The token of a confirmation or unsubscribe link for this comment's subscription."""
    return signing.subscription_token(comment_id, born(client, comment_id), purpose)


# -- accounts: the owner signs in, invites, and the invited person joins --------------------------

OWNER_PASSWORD = "correct horse battery staple"
MODERATOR_PASSWORD = "manon's own long password"


def csrf_of(page: str) -> str:
    import re

    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', page)
    assert match, "the page carries no CSRF token"
    return match.group(1)


def sign_in(
    client: TestClient, password: str = OWNER_PASSWORD, email: str = "", code: str = ""
) -> str:
    """Sign in through the form (and the code step when given); the pages' CSRF token."""
    form = {"email": email, "password": password, "next": "/admin/"}
    response = client.post("/admin/login", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    if code:
        assert response.headers["location"].startswith("/admin/login/code")
        step = client.post(
            "/admin/login/code", data={"code": code, "next": "/admin/"}, follow_redirects=False
        )
        assert step.status_code == 303, step.text
    return csrf_of(client.get("/admin/account").text)


def invite(
    client: TestClient, csrf: str, email: str, role: str = "moderator", name: str = ""
) -> str:
    """Invite someone from the accounts page; the path of the one-time link it shows."""
    import re

    form = {"csrf": csrf, "email": email, "role": role, "name": name}
    page = client.post("/admin/accounts/invite", data=form)
    assert page.status_code == 200, page.text
    link = re.search(r'value="http://testserver(/admin/invite/[^"]+)"', page.text)
    assert link, "the invitation link is shown to copy"
    return link.group(1)


def join(client: TestClient, link: str, password: str = MODERATOR_PASSWORD) -> None:
    response = client.post(
        link, data={"password": password, "again": password}, follow_redirects=False
    )
    assert response.status_code == 303, response.text


def moderator(client: TestClient, email: str = "manon@example.nl", name: str = "Manon") -> str:
    """The owner invites a moderator, who joins and signs in: the moderator's CSRF token."""
    link = invite(client, sign_in(client), email, name=name)
    client.cookies.clear()
    join(client, link)
    return sign_in(client, MODERATOR_PASSWORD, email)


def english_in(served: str, lang: str) -> list[str]:
    """The sentences of the English catalog found in `served`, a page or mail in `lang`.

    Only the literal parts of each message between its placeholders count, from 12 characters
    on (shorter ones are words such as "Spam" that languages share), and not those that `lang`'s
    own catalog says too (names such as "Moderation (MODERATION)")."""
    own = "\n".join(text.catalog(lang).values())
    fragments = {
        piece.strip(" :.,;()“”'\"-")
        for words in text.catalog("en").values()
        for literal, *_ in string.Formatter().parse(words)
        for piece in literal.split("\n")
    }
    readable = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", served)).split())
    return sorted(f for f in fragments if len(f) >= 12 and f not in own and f in readable)

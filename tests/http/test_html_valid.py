"""Every page Chorus serves passes the Nu HTML Checker (vnu.jar) with no errors.

The pages are rendered from a demo blog with every kind of comment (pending with hints, approved,
a testimonial, the owner's reply, a reader's reply, spam, rejected) and an owner session, on
SQLite and on PostgreSQL (timestamps come back from each in their own form), and the checker runs
once over all of them: its Java start costs seconds, one page costs milliseconds. Every GET route
is walked, so a new page cannot be left out: it answers HTML and is checked, or it is named here
as answering something else. `make html-checker` installs the checker (`make test` does it first).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from starlette.routing import BaseRoute, Match, Mount, Route
from starlette.testclient import TestClient

import settings
from service import notify, passwords, signing, text
from tests.conftest import _EMPTY_POSTGRES, IN_CI, _postgres
from tests.helpers import OWNER, PAGE, act, mail_link_token, post, subscription_token

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CONTROL = "control page"
BROKEN = '<!doctype html><html lang="nl"><title>x</title><p hidden="true"><time datetime="x">'
PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)
# GET routes that answer something other than HTML, each with a path to show it: JSON, feeds,
# scripts, styles, and the redirects to the queue.
NOT_HTML = {
    "/api/comments": f"/api/comments?page={PAGE}",
    "/api/counts": f"/api/counts?pages={PAGE}",
    "/api/form": "/api/form",
    "/api/testimonials": "/api/testimonials",
    "/feeds/testimonials.atom": "/feeds/testimonials.atom",
    "/feeds/testimonials.json": "/feeds/testimonials.json",
    "/healthz": "/healthz",
    "/openapi.json": "/openapi.json",
    "/admin/api/comments": "/admin/api/comments",
    "/admin/api/comments/{comment_id}": "/admin/api/comments/1",
    "/admin/api/pages": "/admin/api/pages",
    "/admin/api/reports": "/admin/api/reports",
    "/admin/api/webhooks": "/admin/api/webhooks",
    "/admin/api/invites": "/admin/api/invites",
    "/admin/api/accounts": "/admin/api/accounts",
    "/admin/invites/qr.svg": "/admin/invites/qr.svg",
    "/admin/invites/qr.png": "/admin/invites/qr.png?lang=en",
    "/admin/api/activity": "/admin/api/activity",
    "/admin/api/export": "/admin/api/export",
    "/admin/api/rules": "/admin/api/rules",
    "/admin/api/export/testimonials.csv": "/admin/api/export/testimonials.csv",
    "/widget/{file}": "/widget/comments.js",
    "/admin/static": "/admin/static/admin.css",
    "/": "/",
    "/admin": "/admin",
}


@dataclass
class Pages:
    """The HTML answers collected so far, and the GET routes they came from."""

    client: TestClient
    backend: str
    html: dict[str, str] = field(default_factory=dict)
    routes: set[str] = field(default_factory=set)

    def get(self, url: str, status: int = 200, **kwargs: Any) -> str:
        response = self.client.get(url, follow_redirects=False, **kwargs)
        assert response.status_code == status, (url, response.status_code, response.text[:300])
        self.routes.add(_route_of(self.client, url, "GET"))
        return self.keep(f"GET {url}", response)

    def post(self, url: str, status: int, **kwargs: Any) -> str:
        response = self.client.post(url, follow_redirects=False, **kwargs)
        assert response.status_code == status, (url, response.status_code, response.text[:300])
        return self.keep(f"POST {url}", response)

    def keep(self, label: str, response: Any) -> str:
        assert response.headers["content-type"].startswith("text/html"), label
        self.html[f"{self.backend}: {label}"] = response.text
        return str(response.text)


def _route_of(client: TestClient, url: str, method: str) -> str:
    path = url.split("?", 1)[0]
    scope = {"type": "http", "path": path, "method": method, "root_path": ""}
    for route in client.app.routes:  # type: ignore[attr-defined]
        if route.matches(scope)[0] == Match.FULL:
            return str(route.path)
    raise AssertionError(f"no route answers {method} {path}")


def _get_routes(routes: list[BaseRoute]) -> set[str]:
    found = set()
    for route in routes:
        if isinstance(route, Mount) or (isinstance(route, Route) and "GET" in route.methods):
            found.add(route.path)
    return found


def _csrf(page: str) -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', page)
    assert match, "the page carries no CSRF token"
    return match.group(1)


def _blog(client: TestClient) -> dict[str, int]:
    """The demo blog's comments: every status, a testimonial and replies of both kinds."""
    ids = {
        "approved": post(client, author="Bram Jansen", email="bram@example.nl")["id"],
        "testimonial": post(client, body="Na drie weken slaap ik eindelijk door.")["id"],
        "pending": post(client, body="Mijn rugpijn is weg. Bel me op 06-12345678.")["id"],
        "rejected": post(client, body="Niet zo'n goed verhaal.", consent=False)["id"],
        "spam": post(client, body="Goedkope pillen hier.", consent=False)["id"],
        "plain": post(client, body="Nog een vraag, zonder sterren.", rating=None)["id"],
    }
    for name in ("approved", "testimonial"):
        assert act(client, ids[name], "approve").status_code == 200
    assert act(client, ids["rejected"], "reject").status_code == 200
    assert act(client, ids["spam"], "spam").status_code == 200
    excerpt = {"excerpt": "slaap ik eindelijk door"}
    assert act(client, ids["testimonial"], "promote", **excerpt).status_code == 200
    reply = act(client, ids["approved"], "reply", body="Dank je wel, Bram!")
    assert reply.status_code == 201, reply.text
    ids["owner_reply"] = reply.json()["id"]
    reader_reply = post(client, body="Bij mij ook!", parent=ids["approved"], rating=None)
    ids["reader_reply"] = reader_reply["id"]
    rule = {"kind": "word", "value": "pillen", "action": "spam"}
    assert client.post("/admin/api/rules", headers=OWNER, json=rule).status_code == 201
    return ids


def _collect(client: TestClient, backend: str) -> Pages:
    """Every kind of page, logged out and in, with notices, refusals and second looks."""
    pages = Pages(client, backend)
    ids = _blog(client)
    pending, approved = ids["pending"], ids["approved"]

    # Logged out: the login page in each state, and what a reader reaches from a mail.
    pages.get("/admin/login?next=/admin/rules")
    pages.get("/admin/login?out=1")
    pages.post("/admin/login", 403, data={"password": "wrong", "next": "/admin/"})
    pages.post(
        "/admin/login", 403, data={"password": PASSWORD}, headers={"Origin": "http://evil.example"}
    )
    mail = mail_link_token(client, pending, "approve", "")
    pages.get(f"/admin/mail/{mail}")
    pages.get(f"/admin/mail/{mail_link_token(client, approved, 'approve', '')}", 409)
    pages.get("/admin/mail/forged", 403)
    pages.post(f"/admin/mail/{mail}", 409)
    spam_link = mail_link_token(client, ids["plain"], "spam", "")
    pages.post(f"/admin/mail/{spam_link}", 200)
    store = client.app.state.store  # type: ignore[attr-defined]
    token = client.portal.call(notify.manage_link, store, "anna@example.nl")  # type: ignore[union-attr]
    for lang in text.LANGUAGES:
        pages.get(f"/manage/{token}?lang={lang}")
    pages.get("/manage/forged", 403)
    confirm = subscription_token(client, ids["testimonial"], signing.CONFIRM)
    unsubscribe = subscription_token(client, ids["testimonial"], signing.UNSUBSCRIBE)
    pages.get(f"/replies/confirm/{confirm}?lang=en")
    pages.get(f"/replies/unsubscribe/{unsubscribe}")
    pages.post("/replies/confirm/forged", 403)
    pages.post(f"/replies/unsubscribe/{unsubscribe}", 200)
    for lang in text.LANGUAGES:
        pages.get(f"/reviews/policy?lang={lang}")
        pages.get(f"/report/{approved}?lang={lang}")
    pages.get(f"/report/{pending}", 404)
    bad_report = {"form_token": signing.form_token(), "reason": "spam", "message": " "}
    pages.post(f"/report/{approved}?lang=en", 422, data=bad_report)
    pages.post(f"/report/{approved}", 200, data={**bad_report, "message": "Dit is reclame."})
    for demo in ("/demo/", "/demo/?layout=carousel", "/demo/en/"):
        pages.get(demo)
    pages.get("/demo/magnesium-en-slaap")
    pages.get("/demo/en/magnesium-and-sleep")
    made = client.post("/admin/api/invites", headers=OWNER, json={"name": "Joost"}).json()
    story = made["url"].removeprefix(settings.PUBLIC_URL)
    for lang in ("nl", "en"):
        pages.get(f"{story}?lang={lang}")
    told = {"author": "Joost de Vries", "body": "Heel fijn geholpen.", "consent": "yes"}
    pages.post(story, 422, data={**told, "form_token": signing.form_token(), "body": ""})
    pages.post(story, 200, data={**told, "form_token": signing.form_token(), "rating": "5"})
    pages.get(story, 410)
    pages.get("/s/forged", 404)
    pages.get("/vertel")
    pages.get("/tell")
    edit = {"comment": str(ids["testimonial"]), "action": "edit", "body": ""}
    pages.post(f"/manage/{token}", 409, data=edit)  # refused, shown with a fresh link

    # Logged in as the owner.
    login = {"password": PASSWORD, "next": "/admin/"}
    assert client.post("/admin/login", data=login, follow_redirects=False).status_code == 303
    csrf = _csrf(pages.get("/admin/"))
    for tab in ("approved", "testimonials", "spam", "rejected", "all"):
        pages.get(f"/admin/?status={tab}")
    pages.get("/admin/?q=Bram&order=oldest")
    pages.get("/admin/?status=pending&q=niemand")
    pages.get("/admin/?done=approve&undo=abc123")
    pages.get("/admin/?done=bulk&n=2&skipped=1&undo=abc123")
    pages.get("/admin/?status=nothing", 400)
    for name in ("pending", "approved", "testimonial", "owner_reply", "reader_reply", "spam"):
        pages.get(f"/admin/comments/{ids[name]}?back=/admin/%3Fstatus%3Dall")
    pages.get(f"/admin/comments/{approved}?pick=1&done=reply&undo=abc123")
    pages.get("/admin/comments/999999", 404)
    pages.get(f"/admin/comments/{approved}/delete?back=/admin/")
    pages.get("/admin/activity")
    pages.get("/admin/activity?done=undo")
    pages.get("/admin/rules")
    pages.get("/admin/pages")
    pages.get("/admin/pages?done=page")
    pages.get("/admin/reports")
    pages.get("/admin/reports?done=report_unpublish&undo=abc123")
    pages.get("/admin/invites")
    pages.get(f"/admin/invites?made={made['id']}")
    pages.get("/admin/invites?sent=2&invalid=1&already=0")
    pages.get("/admin/invites?done=invite_withdrawn&q=joost")
    pages.get("/admin/privacy")
    pages.post("/admin/privacy", 200, data={"csrf": csrf, "email": "anna@example.nl"})
    pages.post("/admin/privacy", 422, data={"csrf": csrf, "email": "nobody"})
    pages.get("/admin/privacy?done=erase&how=deleted&comments=2&subscriptions=1&log=3")
    pages.get("/admin/settings")
    pages.get("/admin/integrations")
    with pytest.MonkeyPatch.context() as local:
        local.setattr(settings, "WEBHOOK_ALLOW_LOCAL", True)
        hook = {
            "csrf": csrf,
            "url": "http://127.0.0.1:9/hook",
            "format": "slack",
            "events": "report.created",
        }
        pages.post("/admin/integrations", 201, data={**hook, "own_system": "yes"})
        pages.post("/admin/integrations", 422, data={**hook, "events": []})
    assert client.post("/admin/integrations/1/test", data={"csrf": csrf}).status_code == 200
    pages.get("/admin/integrations?done=webhook_test")
    with pytest.MonkeyPatch.context() as mail_on:  # only now: no notice is sent for the blog
        mail_on.setattr(settings, "SMTP_HOST", "127.0.0.1")
        mail_on.setattr(settings, "NOTIFY_EMAIL", "marieke@example.nl")
        mail_on.setitem(notify.last_error, "at", "2026-11-12T14:05:09+00:00")
        mail_on.setitem(notify.last_error, "error", "ConnectionRefusedError(111)")
        pages.get("/admin/settings")
    pages.get("/admin/settings?done=test_mail_failed")
    pages.get("/admin/move")
    pages.get("/admin/account")
    # A passkey on the account (its ceremony runs in Chromium: test_passkeys_browser.py).
    store = client.app.state.store  # type: ignore[attr-defined]
    client.portal.call(store.passkeys.add, 1, "Y3JlZA", "a2V5", 0, "Laptop")  # type: ignore[union-attr]
    pages.get("/admin/account?done=passkey_added")
    pages.get("/admin/account/2fa")
    pages.post("/admin/account/2fa", 422, data={"csrf": csrf, "code": "000000"})
    pages.get("/admin/accounts")
    pages.get("/admin/accounts?done=removed")
    pages.post("/admin/accounts/invite", 422, data={"csrf": csrf, "email": "nobody"})
    invited = pages.post(
        "/admin/accounts/invite", 200, data={"csrf": csrf, "email": "manon@example.nl"}
    )
    invitation = re.search(r'value="http://testserver(/admin/invite/[^"]+)"', invited)
    assert invitation, "the invitation link is shown to copy"
    base = f"/admin/comments/{pending}"
    form = {"csrf": csrf, "back": "/admin/"}
    pages.post(f"{base}/moderate", 409, data={**form, "action": "approve"})
    pages.post(f"{base}/redact", 422, data={**form, "body": "Iets heel anders."})
    pages.post(f"{base}/moderate", 403, data={"action": "approve", "back": "/admin/"})
    pages.post(
        "/admin/pages/1", 422, data={**form, "title": "Slapen", "url": "javascript:alert(1)"}
    )
    pages.post("/admin/rules", 422, data={**form, "kind": "word", "value": "", "action": "spam"})
    pages.post("/admin/privacy/erase", 422, data={**form, "email": "anna@example.nl"})

    # Logged out again, and locked out after a wrong password: the login page says for how long.
    logout = client.post("/admin/logout", data={"csrf": csrf}, follow_redirects=False)
    assert logout.status_code == 303
    with pytest.MonkeyPatch.context() as strict:
        strict.setattr(settings, "LOGIN_MAX_ATTEMPTS", 1)
        pages.post("/admin/login", 429, data={"password": "wrong", "next": "/admin/"})
        pages.get("/admin/login", 200)
    pages.get(invitation.group(1))
    pages.post(invitation.group(1), 422, data={"password": "short", "again": "short"})
    client.cookies.set("chorus_second_step", signing.second_step_cookie(1), path="/admin/login")
    pages.get("/admin/login/code?next=/admin/")
    pages.get("/admin/login?joined=1")
    return pages


def _checker() -> list[str]:
    """The command that runs the Nu HTML Checker; missing, the test skips (fails under CI)."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        reason = "the Nu HTML Checker is not installed (make html-checker)"
        if IN_CI:
            pytest.fail(f"{reason}; CI must check the pages")
        pytest.skip(reason)
    # The checker needs a deep stack; a short run gains nothing from the optimising compiler
    # or parallel GC threads (a third of the CPU). Language guesses are warnings only.
    jvm = ["-Xss2m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    return [java, *jvm, "-jar", str(VNU), "--format", "json", "--errors-only", "--no-langdetect"]


def check_html(pages: dict[str, str], folder: Path) -> list[str]:
    """Run the checker once over every page; each error as 'page, line N: message'."""
    files: dict[str, str] = {}
    for number, (label, page) in enumerate(pages.items()):
        path = folder / f"page-{number:03d}.html"
        path.write_text(page, encoding="utf-8")
        files[path.resolve().as_uri()] = label
    command = [*_checker(), *(str(folder / Path(uri).name) for uri in files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    try:
        report = json.loads(done.stderr or done.stdout)
    except ValueError:
        pytest.fail(f"the checker did not report (exit {done.returncode}): {done.stderr[-2000:]}")
    errors = []
    for message in report["messages"]:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        where = Path(message.get("url", "")).name
        label = next((v for k, v in files.items() if k.endswith("/" + where)), where)
        line = message.get("lastLine", "?")
        extract = message.get("extract", "").strip()
        errors.append(f"{label}, line {line}: {message['message']}\n    {extract}")
    return errors


@pytest.fixture
def owner_session(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The owner's password is known, readers may post freely, and the pages speak Dutch."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    monkeypatch.setattr(settings, "ADMIN_LANG", "nl")
    yield


def _pages_on(url: str, backend: str) -> tuple[Pages, set[str]]:
    from service.app import create_app

    app = create_app(url)
    with TestClient(app, base_url="http://testserver") as client:
        pages = _collect(client, backend)
        for route, path in NOT_HTML.items():
            answer = client.get(path, headers=OWNER, follow_redirects=False)
            assert answer.status_code < 400, (path, answer.status_code)
            kind = answer.headers.get("content-type", "")
            assert not kind.startswith("text/html"), f"{route} answers HTML: check it here"
        return pages, _get_routes(app.routes)


@pytest.mark.usefixtures("owner_session")
def test_every_page_passes_the_nu_html_checker(
    sqlite_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    _checker()  # before the work of rendering: skip (or fail under CI) at once
    backends = [("sqlite", sqlite_url)]
    try:  # both databases in one checker run; PostgreSQL's fixture fails under CI if missing
        postgres_url: str = request.getfixturevalue("postgres_url")
    except pytest.skip.Exception:
        pass
    else:
        _postgres(postgres_url, _EMPTY_POSTGRES.format(migrations=_migrations()))
        backends.append(("postgresql", postgres_url))
    everything: dict[str, str] = {}
    for backend, url in backends:
        pages, get_routes = _pages_on(url, backend)
        unchecked = get_routes - pages.routes - set(NOT_HTML)
        assert not unchecked, f"GET routes whose pages are not checked: {sorted(unchecked)}"
        everything.update(pages.html)
    assert len(everything) > 50 * len(backends)
    # A page with known errors in the same run: a misread report would pass any page.
    everything[CONTROL] = BROKEN
    errors = check_html(everything, tmp_path)
    control = [e for e in errors if e.startswith(f"{CONTROL}, line 1: ")]
    assert any("hidden" in e for e in control) and any("datetime" in e for e in control)
    errors = [e for e in errors if e not in control]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def _migrations() -> int:
    from service.store.connection import pending_files

    return len(pending_files("postgresql"))

"""What the owner publishes is exactly what the owner chose, and nobody else can change it.

Each rule runs over HTTP on SQLite and PostgreSQL: the excerpt in every testimonial channel,
page facts no reader can change, cuts that keep negations, the second look before personal data
goes out, and names that are the reader's own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from tests.helpers import OWNER, PAGE, act, post, story
from tests.http.test_admin import _HASH, form, login

ATOM = "{http://www.w3.org/2005/Atom}"
CUT = "genas mijn slapeloosheid volledig"
BODY = f"Ik kwam voor mijn rug. Na drie behandelingen voelde ik me een ander mens. Het {CUT}!"
PASSAGE = "Na drie behandelingen voelde ik me een ander mens."


@pytest.fixture(autouse=True)
def owner_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """The owner can log in to the moderation page."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)


def public_channels(client: TestClient) -> dict[str, str]:
    """Every public response a testimonial travels through, by name."""
    return {
        "api": client.get("/api/testimonials").text,
        "atom": client.get("/feeds/testimonials.atom").text,
        "json_feed": client.get("/feeds/testimonials.json").text,
    }


def promoted(client: TestClient, excerpt: str, body: str = BODY, **fields: Any) -> int:
    cid: int = post(client, body=body, **fields)["id"]
    assert act(client, cid, "approve", confirm_hints=["health_claim"]).status_code == 200
    answer = act(client, cid, "promote", excerpt=excerpt)
    assert answer.status_code == 200, answer.text
    return cid


# -- the testimonial is the excerpt ----------------------------------------------------------


def test_the_cut_words_reach_no_testimonial_channel(client: TestClient) -> None:
    cid = promoted(client, PASSAGE)
    for name, text in public_channels(client).items():
        assert "ander mens" in text, name
        for word in ("genas", "slapeloosheid", "Ik kwam voor mijn rug"):
            assert word not in text, (name, word)
    [shown] = client.get("/api/testimonials").json()["testimonials"]
    assert shown["excerpt"] == f"… {PASSAGE} …" and shown["passage"] is True
    assert shown["html"] == f"<p>… {PASSAGE} …</p>"
    assert (
        shown["url"] == f"https://www.massage.example/blog/magnesium-en-slaap#chorus-comment-{cid}"
    )
    # The whole story stays what it is: the approved comment under its post.
    [under_post] = client.get("/api/comments", params={"page": PAGE}).json()["comments"]
    assert CUT in under_post["html"]


def test_every_feed_entry_carries_the_passage_and_links_to_the_story(client: TestClient) -> None:
    cid = promoted(client, PASSAGE)
    link = f"https://www.massage.example/blog/magnesium-en-slaap#chorus-comment-{cid}"
    entry = ET.fromstring(client.get("/feeds/testimonials.atom").content).find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}content") == f"<p>… {PASSAGE} …</p>"
    assert entry.findtext(f"{ATOM}summary") == f"… {PASSAGE} …"
    assert entry.find(f"{ATOM}link").get("href") == link  # type: ignore[union-attr]
    [item] = client.get("/feeds/testimonials.json").json()["items"]
    assert item["content_html"] == f"<p>… {PASSAGE} …</p>" and item["url"] == link
    assert item["_chorus"]["excerpt"] == f"… {PASSAGE} …"


def test_a_whole_story_testimonial_carries_no_marks(client: TestClient) -> None:
    cid = post(client, body="Heerlijke massage, ik kom zeker terug.")["id"]
    act(client, cid, "approve")
    act(client, cid, "promote")
    [shown] = client.get("/api/testimonials").json()["testimonials"]
    assert shown["excerpt"] is None and shown["passage"] is False
    assert shown["html"] == "<p>Heerlijke massage, ik kom zeker terug.</p>"


# -- cuts that keep the meaning --------------------------------------------------------------

NEGATED = "Het heeft mijn slapeloosheid niet genezen en ik zou het niet aanraden. Wel ontspannend."


@pytest.mark.parametrize(
    ("action", "payload", "field"),
    [
        ("promote", {"excerpt": "mijn slapeloosheid"}, "excerpt"),
        ("promote", {"excerpt": "genezen en ik zou het"}, "excerpt"),
        (
            "redact",
            {
                "body": "Het heeft mijn slapeloosheid […] genezen en ik zou het niet "
                "aanraden. Wel ontspannend."
            },
            "body",
        ),
    ],
)
def test_a_cut_that_drops_a_negation_is_refused_with_the_reason(
    client: TestClient, action: str, payload: dict[str, str], field: str
) -> None:
    cid = post(client, body=NEGATED)["id"]
    act(client, cid, "approve", confirm_hints=["health_claim"])
    answer = act(client, cid, action, **payload)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert (error["code"], error["field"]) == ("drops_negation", field)
    assert '"niet"' in error["message"] and "whole sentence" in error["message"]
    assert client.get("/api/testimonials").json()["testimonials"] == []
    # Cutting the whole sentence is fine.
    assert act(client, cid, "promote", excerpt="Wel ontspannend.").status_code == 200


# -- page facts belong to the owner ----------------------------------------------------------


def test_later_posts_never_change_a_pages_title_or_url(client: TestClient) -> None:
    cid = promoted(client, PASSAGE)
    hostile = {"page_title": "Koop pillen", "page_url": "https://www.massage.example/elders"}
    post(client, body="Ook van mij een verhaal.", **hostile)
    post(client, body="spam spam", hp="filled", **hostile)  # held as spam
    [shown] = client.get("/api/testimonials").json()["testimonials"]
    assert shown["page_title"] == "Magnesium en slaap"
    assert shown["url"].endswith(f"/blog/magnesium-en-slaap#chorus-comment-{cid}")
    for name, text in public_channels(client).items():
        assert "Koop pillen" not in text and "/elders" not in text, name


def test_a_page_url_off_the_site_is_dropped(client: TestClient) -> None:
    cid = promoted(client, PASSAGE, page="/elsewhere", page_url="https://evil.example/page")
    [shown] = client.get("/api/testimonials").json()["testimonials"]
    assert shown["id"] == cid and shown["page_url"] is None and shown["url"] is None
    [item] = client.get("/feeds/testimonials.json").json()["items"]
    assert item["url"] == (settings.SITE_URL or settings.PUBLIC_URL) + "/"  # the owner's site
    assert "evil.example" not in client.get("/feeds/testimonials.atom").text


def test_the_owner_edits_a_page_and_it_is_logged(client: TestClient) -> None:
    cid = promoted(client, PASSAGE)
    # Every rendering that names the page is read (and so cached) before the edit.
    channels = ["/api/testimonials", "/feeds/testimonials.atom", "/feeds/testimonials.json"]
    before = {path: client.get(path) for path in channels}
    for answer in before.values():
        assert "Magnesium en slaap" in answer.text
    [page] = client.get("/admin/api/pages", headers=OWNER).json()["pages"]
    assert page["page"] == PAGE and page["title"] == "Magnesium en slaap"
    new = {"title": "Slapen na een massage", "url": "https://www.massage.example/slapen"}
    answer = client.post(f"/admin/api/pages/{page['id']}", headers=OWNER, json=new)
    assert answer.status_code == 200 and answer.json()["title"] == new["title"]
    for path in channels:  # no cached rendering outlives the edit, nor its ETag
        after = client.get(path, headers={"If-None-Match": before[path].headers["etag"]})
        assert after.status_code == 200, path
        assert new["title"] in after.text and "Magnesium en slaap" not in after.text, path
    [shown] = client.get("/api/testimonials").json()["testimonials"]
    assert shown["page_title"] == new["title"]
    assert shown["url"] == f"https://www.massage.example/slapen#chorus-comment-{cid}"
    [entry, *_] = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    assert entry["action"] == "edit_page" and entry["comment_id"] == cid
    assert new["title"] in entry["detail"]


@pytest.mark.parametrize(
    ("payload", "field", "status"),
    [
        ({"title": "", "url": ""}, "title", 422),
        ({"title": "Ok"}, "title", 422),
        ({"title": "Ok", "url": "javascript:alert(1)"}, "url", 422),
        ({"title": "Ok", "url": "", "extra": 1}, "extra", 422),
    ],
)
def test_a_bad_page_edit_is_refused(
    client: TestClient, payload: dict[str, Any], field: str, status: int
) -> None:
    act(client, post(client)["id"], "approve")  # the Pages list shows published pages
    [page] = client.get("/admin/api/pages", headers=OWNER).json()["pages"]
    answer = client.post(f"/admin/api/pages/{page['id']}", headers=OWNER, json=payload)
    assert answer.status_code == status and answer.json()["error"]["field"] == field
    assert (
        client.post(
            "/admin/api/pages/999", headers=OWNER, json={"title": "x", "url": ""}
        ).status_code
        == 404
    )
    assert (
        client.post(f"/admin/api/pages/{page['id']}", json={"title": "x", "url": ""}).status_code
        == 401
    )


# -- a second look before personal data goes out ---------------------------------------------

PHONE_CLAIM = "Bel me op 06-12345678. Deze massage genas mijn rugpijn."


def test_approving_personal_data_asks_for_each_hint(client: TestClient) -> None:
    cid = post(client, body=PHONE_CLAIM)["id"]
    asked = act(client, cid, "approve")
    assert asked.status_code == 409
    error = asked.json()["error"]
    assert (error["code"], error["field"]) == ("confirm_hints", "confirm_hints")
    assert error["hints"] == ["phone", "health_claim"]
    partly = act(client, cid, "approve", confirm_hints=["phone"])
    assert partly.status_code == 409 and partly.json()["error"]["hints"] == ["health_claim"]
    assert client.get("/api/comments", params={"page": PAGE}).json()["comments"] == []
    bad = act(client, cid, "approve", confirm_hints=["phone", "nonsense"])
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "confirm_hints"
    ok = act(client, cid, "approve", confirm_hints=["phone", "health_claim"])
    assert ok.status_code == 200 and ok.json()["status"] == "approved"


def test_promoting_asks_about_what_goes_onto_the_homepage(client: TestClient) -> None:
    cid = post(client, body=PHONE_CLAIM)["id"]
    act(client, cid, "approve", confirm_hints=["phone", "health_claim"])
    asked = act(client, cid, "promote")
    assert asked.status_code == 409 and asked.json()["error"]["hints"] == ["phone", "health_claim"]
    passage = act(client, cid, "promote", excerpt="Deze massage genas mijn rugpijn.")
    assert passage.status_code == 409 and passage.json()["error"]["hints"] == ["health_claim"]
    assert client.get("/api/testimonials").json()["testimonials"] == []
    ok = act(
        client,
        cid,
        "promote",
        excerpt="Deze massage genas mijn rugpijn.",
        confirm_hints=["health_claim"],
    )
    assert ok.status_code == 200


def test_bulk_approval_skips_what_needs_a_second_look(client: TestClient) -> None:
    plain = post(client, body="Fijne behandeling.")["id"]
    phone = post(client, body="Bel 06-12345678 voor een afspraak.")["id"]
    mail = post(client, body="Mail me op anna@example.nl")["id"]
    answer = client.post(
        "/admin/api/bulk", headers=OWNER, json={"ids": [plain, phone, mail], "action": "approve"}
    ).json()
    assert answer["changed"] == [plain]
    assert answer["skipped"] == [
        {"id": phone, "hints": ["phone"]},
        {"id": mail, "hints": ["email"]},
    ]
    again = client.post(
        "/admin/api/bulk",
        headers=OWNER,
        json={"ids": [phone, mail], "action": "approve", "confirm_hints": ["phone"]},
    ).json()
    assert again["changed"] == [phone] and again["skipped"] == [{"id": mail, "hints": ["email"]}]
    rejected = client.post(
        "/admin/api/bulk", headers=OWNER, json={"ids": [mail], "action": "reject"}
    )
    assert rejected.json()["changed"] == [mail]  # taking a comment offline needs no second look


def test_the_moderation_page_asks_once_more_without_javascript(client: TestClient) -> None:
    cid = post(client, body=PHONE_CLAIM)["id"]
    csrf = login(client)
    asked = form(client, f"/admin/comments/{cid}/moderate", csrf, action="approve")
    assert asked.status_code == 409
    assert "Bevat een telefoonnummer" in asked.text and "Gezondheidsclaim" in asked.text
    assert 'name="confirm_hints" value="phone"' in asked.text
    assert client.get("/api/comments", params={"page": PAGE}).json()["comments"] == []
    done = client.post(
        f"/admin/comments/{cid}/moderate",
        data={
            "csrf": csrf,
            "back": "/admin/",
            "action": "approve",
            "confirm_hints": ["phone", "health_claim"],
        },
        follow_redirects=False,
    )
    assert done.status_code == 303 and "done=approve" in done.headers["location"]
    assert [
        c["id"] for c in client.get("/api/comments", params={"page": PAGE}).json()["comments"]
    ] == [cid]


def test_bulk_on_the_page_says_how_many_were_skipped(client: TestClient) -> None:
    plain = post(client, body="Fijne behandeling.")["id"]
    phone = post(client, body="Bel 06-12345678 voor een afspraak.")["id"]
    csrf = login(client)
    done = client.post(
        "/admin/bulk",
        data={
            "csrf": csrf,
            "back": "/admin/",
            "action": "approve",
            "ids": [str(plain), str(phone)],
        },
        follow_redirects=False,
    )
    assert done.status_code == 303
    notice = client.get(done.headers["location"]).text
    assert "1 reactie bijgewerkt." in notice and "1 overgeslagen" in notice


def test_promote_on_the_page_asks_once_more(client: TestClient) -> None:
    cid = post(client, body=PHONE_CLAIM)["id"]
    act(client, cid, "approve", confirm_hints=["phone", "health_claim"])
    csrf = login(client)
    excerpt = "Deze massage genas mijn rugpijn."
    asked = form(client, f"/admin/comments/{cid}/promote", csrf, excerpt=excerpt)
    assert asked.status_code == 409 and "Gezondheidsclaim" in asked.text
    assert f'name="excerpt" value="{excerpt}"' in asked.text
    done = client.post(
        f"/admin/comments/{cid}/promote",
        data={"csrf": csrf, "back": "/admin/", "excerpt": excerpt, "confirm_hints": "health_claim"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert client.get("/api/testimonials").json()["testimonials"][0]["excerpt"] == f"… {excerpt}"


# -- the owner's name is the owner's ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Sanne", "reserved_name"),
        ("sanne", "reserved_name"),
        ("Ѕаnnе", "reserved_name"),  # Cyrillic look-alikes
        ("Ｓａｎｎｅ", "reserved_name"),  # fullwidth
        ("San\u200bne", "control_character"),  # zero-width space
        ("Sanne\u200e", "control_character"),  # left-to-right mark
        ("Massagepraktijk 0ntspan", "reserved_name"),  # zero for O: the site's name
        ("Anna\u2028Bcc: x@evil.example", "control_character"),  # line separator
        ("Anna\u2029Jansen", "control_character"),  # paragraph separator
    ],
)
def test_a_name_like_the_owners_or_with_hidden_characters_is_refused(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, name: str, code: str
) -> None:
    monkeypatch.setattr(settings, "OWNER_NAME", "Sanne")
    monkeypatch.setattr(settings, "SITE_NAME", "Massagepraktijk Ontspan")
    answer = client.post("/api/comments", json=story(author=name))
    assert answer.status_code == 422
    assert (answer.json()["error"]["field"], answer.json()["error"]["code"]) == ("author", code)
    assert client.get("/admin/api/comments", headers=OWNER).json()["total"] == 0


def test_a_reader_with_a_name_near_the_owners_may_post(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "OWNER_NAME", "Sanne")
    assert post(client, author="Sanne de Vries")["status"] == "pending"


def test_the_moderation_page_edits_a_pages_title_and_url(client: TestClient) -> None:
    promoted(client, PASSAGE)
    assert client.get("/admin/pages", follow_redirects=False).status_code == 303  # log in first
    csrf = login(client)
    listing = client.get("/admin/pages")
    assert listing.status_code == 200 and 'value="Magnesium en slaap"' in listing.text
    [page] = client.get("/admin/api/pages", headers=OWNER).json()["pages"]
    path = f"/admin/pages/{page['id']}"

    def save(token: str, title: str, url: str) -> Any:
        data = {"csrf": token, "title": title, "url": url}
        return client.post(path, data=data, follow_redirects=False)

    bad = save(csrf, "Slapen", "ftp://x.example")
    assert bad.status_code == 422 and 'aria-invalid="true"' in bad.text
    assert 'value="ftp://x.example"' in bad.text  # the owner's draft stays
    done = save(csrf, "Slapen", "https://www.massage.example/s")
    assert done.status_code == 303 and done.headers["location"] == "/admin/pages?done=page"
    assert "Pagina opgeslagen." in client.get(done.headers["location"]).text
    [shown] = client.get("/api/testimonials").json()["testimonials"]
    assert shown["page_title"] == "Slapen" and shown["url"].startswith(
        "https://www.massage.example/s#"
    )
    forged = save("wrong", "Hack", "")
    assert forged.status_code == 403


def test_a_later_post_only_fills_in_what_no_comment_gave_yet(client: TestClient) -> None:
    post(client, body="Eerste, zonder titel of adres.", page_title=..., page_url=...)
    cid = promoted(client, PASSAGE)
    post(client, body="Derde.", page_title="Andere titel", page_url="https://www.massage.example/x")
    [shown] = client.get("/api/testimonials").json()["testimonials"]
    assert shown["page_title"] == "Magnesium en slaap"
    assert (
        shown["url"] == f"https://www.massage.example/blog/magnesium-en-slaap#chorus-comment-{cid}"
    )

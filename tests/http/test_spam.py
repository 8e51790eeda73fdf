"""Spam and abuse over HTTP, on SQLite and PostgreSQL: tokens, limits, duplicates, rules, puzzles.

Every attempt here is one a bot or an attacker made against the service before these defences.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from starlette.testclient import TestClient

import settings
from service import signing
from service.domain.abuse import pow_solved
from tests.helpers import OWNER, PAGE, counts, post, story


def _form(client: TestClient) -> dict[str, Any]:
    response = client.get("/api/form")
    assert response.status_code == 200
    form: dict[str, Any] = response.json()
    return form


def _error(response: Any) -> tuple[int, str | None, str]:
    error = response.json()["error"]
    return response.status_code, error["field"], error["code"]


# -- form tokens --------------------------------------------------------------------------------


def test_a_post_without_form_token_is_refused_naming_it(client: TestClient) -> None:
    data = story()
    del data["form_token"]
    response = client.post("/api/comments", json=data)
    assert _error(response) == (422, "form_token", "required")
    assert counts(client)["all"] == 0


def test_a_form_token_is_good_for_one_post(client: TestClient) -> None:
    token = _form(client)["form_token"]
    post(client, form_token=token, body="Eerste verhaal")
    again = client.post("/api/comments", json=story(form_token=token, body="Tweede verhaal"))
    assert _error(again) == (422, "form_token", "used")
    assert counts(client)["all"] == 1


def test_a_refused_post_spends_its_token_too(client: TestClient) -> None:
    token = _form(client)["form_token"]
    first = client.post("/api/comments", json=story(form_token=token, parent=999))
    assert _error(first) == (422, "parent", "not_found")
    again = client.post("/api/comments", json=story(form_token=token))
    assert _error(again) == (422, "form_token", "used")


def test_a_too_young_token_is_held_as_spam(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "FORM_MIN_SECONDS", 2)
    form = _form(client)
    assert form["min_seconds"] == 2
    answer = post(client, form_token=form["form_token"])
    assert answer["status"] == "pending"  # the poster is not told
    assert counts(client)["spam"] == 1


def test_a_forged_token_is_refused(client: TestClient) -> None:
    token = _form(client)["form_token"]
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.post("/api/comments", json=story(form_token=forged))
    assert _error(response) == (422, "form_token", "expired")


# -- limits that hold ---------------------------------------------------------------------------


def test_refused_attempts_count_towards_the_limit(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 3)
    for _ in range(3):
        refused = client.post("/api/comments", json=story(body="x" * 6000))
        assert refused.status_code == 422
    limited = client.post("/api/comments", json=story(body="Een echt verhaal"))
    assert _error(limited) == (429, None, "rate_limited")
    assert int(limited.headers["retry-after"]) > 0
    assert counts(client)["all"] == 0


def test_the_limit_refuses_before_anything_is_checked(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1)
    post(client)
    # A duplicate, a bad token and a bad body alike: the limit answers first.
    for data in (story(), story(form_token="nope"), story(body="")):
        assert client.post("/api/comments", json=data).status_code == 429


# -- duplicates by meaning ----------------------------------------------------------------------

VARIANTS = [
    "SINDS IK MAGNESIUM NEEM SLAAP IK VEEL RUSTIGER.",
    "Sinds ik magnesium neem slaap ik veel\u00a0rustiger",
    "Sinds ik magne\u200bsium neem slaap ik veel rustiger!!",
    "Sinds  ik magnesium neem slaap ik veel rus\u00adtiger.",
    "Ｓｉｎｄｓ ik magnesium neem slaap ik veel rustiger.",
]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_same_words_written_differently_are_a_duplicate(
    client: TestClient, variant: str
) -> None:
    post(client, body="Sinds ik magnesium neem slaap ik veel rustiger.")
    response = client.post("/api/comments", json=story(body=variant))
    assert _error(response) == (409, "body", "duplicate")
    assert counts(client)["all"] == 1


# -- bounds -------------------------------------------------------------------------------------

OUT_OF_RANGE_IDS = [2**63, 2**63 + 1, 10**30, 0, -1]


@pytest.mark.parametrize("parent", OUT_OF_RANGE_IDS)
def test_parent_ids_outside_the_store_range_are_refused(client: TestClient, parent: int) -> None:
    response = client.post("/api/comments", json=story(parent=parent))
    assert _error(response) == (422, "parent", "out_of_range")


PATH_IDS = ["9223372036854775808", "99999999999999999999", "0", "-1", "１", "٣", "²", "1e3", "0x1"]


@pytest.mark.parametrize("raw", PATH_IDS)
@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/admin/api/comments/{}", None),
        ("DELETE", "/admin/api/comments/{}", None),
        ("POST", "/admin/api/comments/{}/approve", None),
        ("POST", "/admin/api/comments/{}/promote", None),
        ("POST", "/admin/api/comments/{}/demote", None),
        ("POST", "/admin/api/comments/{}/reply", {"body": "Dank je"}),
        ("POST", "/admin/api/comments/{}/undo", {"status": "approved"}),
        ("POST", "/admin/api/comments/{}/redact", {"body": "[…]"}),
        ("DELETE", "/admin/api/rules/{}", None),
        ("POST", "/api/comments/{}/delete", {"author_token": "x"}),
        ("POST", "/api/comments/{}/withdraw-consent", {"author_token": "x"}),
    ],
)
def test_ids_in_paths_outside_the_range_or_not_ascii_are_404_naming_the_id(
    client: TestClient, raw: str, method: str, path: str, body: Any
) -> None:
    response = client.request(method, path.format(raw), headers=OWNER, json=body)
    assert _error(response) == (404, "id", "not_found")


def test_before_cursors_outside_the_range_are_refused(client: TestClient) -> None:
    for raw in ("9223372036854775808", "١٢"):
        response = client.get("/admin/api/activity", params={"before": raw}, headers=OWNER)
        assert _error(response)[:2] == (422, "before")


# -- hostile bodies on every route --------------------------------------------------------------

HOSTILE_VALUES: list[Any] = [
    None,
    True,
    0,
    2**64,
    -1.5,
    "x" * 70_000,
    [],
    {},
    ["approve"],
    {"$gt": ""},
    "\u0000",
    "\ud7ff\ue000",
]

OWNER_BODIES = [
    ("/admin/api/comments/{id}/reply", "body"),
    ("/admin/api/comments/{id}/redact", "body"),
    ("/admin/api/comments/{id}/promote", "excerpt"),
    ("/admin/api/comments/{id}/undo", "status"),
    ("/admin/api/bulk", "ids"),
    ("/admin/api/bulk", "action"),
    ("/admin/api/rules", "kind"),
    ("/admin/api/rules", "value"),
    ("/admin/api/rules", "action"),
]

PUBLIC_BODIES = [
    ("/api/comments", field)
    for field in ("page", "author", "body", "parent", "rating", "consent", "form_token", "pow")
] + [
    ("/api/comments/mine", "page"),
    ("/api/comments/mine", "author_token"),
    ("/api/comments/{id}/delete", "author_token"),
    ("/api/comments/{id}/withdraw-consent", "author_token"),
]

_VALID = {
    "/admin/api/bulk": {"ids": [1], "action": "approve"},
    "/admin/api/rules": {"kind": "word", "value": "casino", "action": "spam"},
    "/admin/api/comments/{id}/undo": {"status": "pending"},
    "/api/comments/mine": {"page": PAGE, "author_token": "x"},
}


def _approved_comment(client: TestClient) -> int:
    comment_id = int(post(client)["id"])
    assert client.post(f"/admin/api/comments/{comment_id}/approve", headers=OWNER).is_success
    return comment_id


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=repr)
def test_hostile_owner_bodies_get_a_4xx_naming_the_field(client: TestClient, value: Any) -> None:
    comment_id = _approved_comment(client)
    for path, field in OWNER_BODIES:
        url = path.replace("{id}", str(comment_id))
        data = {**_VALID.get(path, {}), field: value}
        response = client.post(url, headers={**OWNER, **_json()}, content=json.dumps(data))
        assert 400 <= response.status_code < 500 or response.status_code in (200, 201), (
            url,
            field,
            response.text,
        )
        if response.status_code >= 400:
            found = response.json()["error"]["field"]
            assert found in (field, "request", "status", "parent"), (url, field, response.text)


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=repr)
def test_hostile_public_bodies_get_a_4xx_naming_the_field(
    client: TestClient, value: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    comment_id = _approved_comment(client)
    for n, (path, field) in enumerate(PUBLIC_BODIES):
        url = path.replace("{id}", str(comment_id))
        fresh = story(body=f"Verhaal nummer {n}")
        base = fresh if path == "/api/comments" else _VALID.get(path, {"author_token": "x"})
        data = {**base, field: value}
        response = client.post(url, content=json.dumps(data), headers=_json())
        assert response.status_code < 500, (url, field, response.text)
        if response.status_code >= 400:
            found = response.json()["error"]["field"]
            assert found in (field, "request", "author_token", "id"), (url, field, response.text)


def _json() -> dict[str, str]:
    return {"Content-Type": "application/json"}


def test_hostile_query_strings_on_every_reading_route_get_a_4xx(client: TestClient) -> None:
    hostile = [
        "",
        "x" * 3000,
        "\u0000",
        "１",
        "9" * 40,
        "-1",
        "%00",
        "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    ]
    routes = [
        ("/api/comments", "page", {}),
        ("/api/testimonials", "limit", {}),
        ("/api/testimonials", "before", {}),
        ("/admin/api/comments", "limit", OWNER),
        ("/admin/api/comments", "offset", OWNER),
        ("/admin/api/comments", "status", OWNER),
        ("/admin/api/comments", "q", OWNER),
        ("/admin/api/activity", "before", OWNER),
    ]
    for path, name, headers in routes:
        for value in hostile:
            response = client.get(path, params={name: value}, headers=headers)
            assert response.status_code < 500, (path, name, value, response.text)
            if response.status_code >= 400:
                assert response.json()["error"]["field"] == name, (path, name, value)


# -- the owner's rules --------------------------------------------------------------------------


def test_owner_rules_hold_matching_comments_and_log_why(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MODERATION", "none")
    added = client.post(
        "/admin/api/rules",
        headers=OWNER,
        json={"kind": "word", "value": "Casino", "action": "spam"},
    )
    assert added.status_code == 201 and added.json()["value"] == "casino"
    queued = client.post(
        "/admin/api/rules",
        headers=OWNER,
        json={"kind": "domain", "value": "shop.example", "action": "queue"},
    )
    assert queued.status_code == 201
    assert len(client.get("/admin/api/rules", headers=OWNER).json()["rules"]) == 2

    spam = post(client, body="Speel nu in het ＣＡＳＩＮＯ")
    held = post(client, body="Koop hier: https://www.shop.example/olie")
    live = post(client, body="Gewoon een mooi verhaal")
    assert (spam["status"], held["status"], live["status"]) == ("pending", "pending", "approved")
    assert counts(client)["spam"] == 1 and counts(client)["pending"] == 1

    log = client.get("/admin/api/activity", headers=OWNER).json()["entries"]
    reasons = {e["comment_id"]: e["detail"] for e in log if e["action"] == "intake"}
    assert reasons == {spam["id"]: "rule word: casino", held["id"]: "rule domain: shop.example"}

    again = client.post(
        "/admin/api/rules",
        headers=OWNER,
        json={"kind": "word", "value": "CASINO", "action": "queue"},
    )
    assert _error(again) == (409, "value", "rule_exists")
    rule_id = added.json()["id"]
    assert client.delete(f"/admin/api/rules/{rule_id}", headers=OWNER).status_code == 200
    assert client.delete(f"/admin/api/rules/{rule_id}", headers=OWNER).status_code == 404
    assert post(client, body="Het casino was leuk")["status"] == "approved"


def test_rules_need_the_owner(client: TestClient) -> None:
    assert client.get("/admin/api/rules").status_code == 401
    rule = {"kind": "word", "value": "x", "action": "spam"}
    assert client.post("/admin/api/rules", json=rule).status_code == 401


# -- proof of work ------------------------------------------------------------------------------


def _solve(challenge: str, bits: int) -> str:
    n = 0
    while not pow_solved(challenge, format(n, "x"), bits):
        n += 1
    return format(n, "x")


def test_with_pow_on_a_post_needs_the_puzzle_solved(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "POW", "on")
    monkeypatch.setattr(settings, "POW_BITS", 8)
    form = _form(client)
    assert form["pow"] == 8
    token = form["form_token"]
    unsolved = client.post("/api/comments", json=story(form_token=token))
    assert _error(unsolved) == (422, "pow", "pow_required")
    wrong = client.post("/api/comments", json=story(form_token=token, pow="zz"))
    if not pow_solved(token, "zz", 8):
        assert _error(wrong) == (422, "pow", "pow_required")
    answer = _solve(token, 8)
    assert hashlib.sha256(f"{token}:{answer}".encode()).digest()[0] == 0
    post(client, form_token=token, pow=answer, body="Opgelost en verstuurd")
    # A token handed out without a puzzle does not escape one that is on now.
    assert client.post("/api/comments", json=story(body="zonder")).status_code == 422


def test_pow_auto_stays_off_on_a_quiet_day_and_rises_with_the_post_rate(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "POW", "auto")
    monkeypatch.setattr(settings, "POW_BITS", 4)
    monkeypatch.setattr(settings, "POW_NORMAL_POSTS", 2)
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 100)
    assert _form(client)["pow"] == 0
    post(client, body="een")
    post(client, body="twee")
    assert _form(client)["pow"] == 0
    token = signing.form_token(0)
    client.post("/api/comments", json=story(body="drie", form_token=token))
    assert _form(client)["pow"] == 4

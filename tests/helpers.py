"""Small helpers shared by the HTTP tests."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from service import signing

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

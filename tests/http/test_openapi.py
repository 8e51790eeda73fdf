"""The API description matches the routes, and the README matches both."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.routing import Route
from starlette.testclient import TestClient

from service.app import ROUTES
from service.web.openapi import PATHS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def api_routes() -> set[tuple[str, str]]:
    found = set()
    for route in ROUTES:
        assert isinstance(route, Route)
        for method in route.methods or ():
            if method != "HEAD":
                found.add((method.lower(), route.path))
    return found


def test_every_api_route_is_described() -> None:
    described = {(m, p) for p, ops in PATHS.items() for m in ops}
    assert api_routes() == described


def test_the_readme_lists_every_api_route() -> None:
    listed = set(re.findall(r"^\| `([A-Z]+) (/[^` ?]*)", README, re.MULTILINE))
    assert {(m.lower(), p) for m, p in listed} == api_routes()


def test_openapi_document_is_served(sqlite_client: TestClient) -> None:
    document = sqlite_client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {p for _, p in api_routes()}

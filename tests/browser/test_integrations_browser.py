"""The Integrations tab in real headless Chromium: add an endpoint, send it a test event; nl and en.

The owner logs in, adds a signed webhook pointing at a receiver on loopback, reads its secret
(shown once), presses "Send a test event", and the receiver gets a `webhook.test` that the
`standardwebhooks` library verifies with that secret. The live server's own sender delivers it,
woken by the press; the test waits for the request's arrival, not for a clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect
from standardwebhooks import Webhook

import settings
from service import passwords
from tests.conftest import LiveServer, save_screenshot
from tests.receivers import Receiver

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
_HASH = passwords.hash_password(PASSWORD)
PAGE = "/admin/integrations"


@pytest.fixture
def admin(
    live_server: LiveServer,
    page: Page,
    page_problems: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Any]:
    """The live server with a known password and local endpoints allowed."""
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_HASH", _HASH)
    monkeypatch.setattr(settings, "WEBHOOK_ALLOW_LOCAL", True)
    page.set_default_timeout(10_000)
    page.emulate_media(color_scheme="light")
    yield live_server


def test_an_endpoint_added_on_the_page_receives_the_test_event(
    admin: LiveServer, page: Page, words: dict[str, str], lang: str
) -> None:
    page.goto(admin.url + PAGE)
    expect(page).to_have_url(f"{admin.url}/admin/login?next={quote(PAGE, safe='')}")
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["login"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["integrations_title"])
    expect(page.get_by_role("link", name=words["nav_integrations"])).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.get_by_text(words["integrations_none"])).to_be_visible()
    save_screenshot(page, f"integrations-{lang}-empty")

    with Receiver() as receiver:
        page.get_by_label(words["integrations_url"]).fill(receiver.url + "/hook")
        page.get_by_label(words["integrations_event_comment_created"]).uncheck()
        page.get_by_role("button", name=words["integrations_add"]).click()
        created = page.locator("#created")
        expect(created).to_contain_text(words["integrations_key_once"])
        secret = page.locator("#secret").inner_text()
        assert secret.startswith("whsec_")
        endpoint = page.locator("section.endpoint")
        expect(endpoint).to_have_count(1)
        expect(endpoint).to_contain_text(receiver.url + "/hook")
        expect(endpoint).to_contain_text(words["integrations_active"])
        expect(endpoint).not_to_contain_text("comment.created")
        save_screenshot(page, f"integrations-{lang}-created")

        endpoint.get_by_role("button", name=words["integrations_test"]).click()
        expect(page.locator("#notice")).to_have_text(words["done_webhook_test"])
        expect(page.locator("#created")).to_have_count(0)  # the secret is not shown again
        expect(page.get_by_text(secret)).to_have_count(0)
        [request] = receiver.wait_for(1)
    payload = Webhook(secret).verify(request.body, request.headers)
    assert payload["type"] == "webhook.test"
    assert request.path == "/hook"

    # The receiver has answered; the sender records the answer a moment later.
    row = page.locator("table.deliveries tbody tr")
    for _ in range(50):
        page.reload()
        if words["integrations_state_delivered"] in row.inner_text():
            break
    expect(row).to_have_count(1)
    expect(row).to_contain_text("webhook.test")
    expect(row).to_contain_text(words["integrations_state_delivered"])
    save_screenshot(page, f"integrations-{lang}-delivered")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing sticks out sideways
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    save_screenshot(page, f"integrations-{lang}-phone")
    page.set_viewport_size({"width": 1100, "height": 900})

    page.get_by_role("button", name=words["integrations_delete"]).click()
    expect(page.locator("#notice")).to_have_text(words["done_webhook_delete"])
    expect(page.locator("section.endpoint")).to_have_count(0)

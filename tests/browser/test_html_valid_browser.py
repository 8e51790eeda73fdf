"""The widgets' markup, as they draw it into the demo blog, passes the Nu HTML Checker.

tests/http/test_html_valid.py checks every page as served; the widgets build the rest in the
reader's browser, inside their shadow roots. Here Chromium draws them in each state that writes
markup of its own (grid and carousel, a thread with replies, stars on and off), and the checker
reads each page's document and each shadow root, as a document of its own, in one run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

import settings
from tests.browser.test_reader_tools_browser import WORDS, post_from_widget
from tests.browser.test_widget_browser import (  # noqa: F401 (fixtures used by name)
    COMMENTS,
    EN_POST,
    NL_POST,
    TESTIMONIALS,
    Service,
    quick_readers,
    service,
    visit,
    widget,
)
from tests.http.test_html_valid import check_html

pytestmark = pytest.mark.browser

# Each shadow root as a document: its styles in the head, the rest in the body.
SHADOW_DOCUMENTS = """
() => [...document.querySelectorAll("*")].filter((host) => host.shadowRoot).map((host) => {
  const body = document.createElement("div");
  const styles = [];
  for (const node of host.shadowRoot.childNodes) body.append(node.cloneNode(true));
  for (const style of body.querySelectorAll("style")) {
    styles.push(style.outerHTML);
    style.remove();
  }
  return [host.id, "<!doctype html><html lang='" + document.documentElement.lang + "'><head>" +
    "<meta charset='utf-8'><title>" + host.id + "</title>" + styles.join("") + "</head><body>" +
    body.innerHTML + "</body></html>"];
})
"""


def _drawn(page: Page, url: str, label: str) -> dict[str, str]:
    """The page's document with the widgets drawn, and each widget's shadow root."""
    documents = {f"{label}: document": page.content()}
    shadows: list[list[Any]] = page.evaluate(SHADOW_DOCUMENTS)
    assert shadows, f"{url}: no widget drew anything"
    for host, html in shadows:
        documents[f"{label}: #{host}"] = html
    return documents


def test_the_widgets_markup_passes_the_nu_html_checker(
    page: Page,
    service: Service,  # noqa: F811 (the fixture imported above)
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    joost = service.approved(author="Joost", body="Magnesium hielp mij niet, wandelen wel.")
    service.act(joost, "reply", {"body": "Dank je Joost, goed om te horen."})
    service.approved(author="Sanne", body="Bij mij ook!", parent=joost)
    for name, rating in (("Ann de Vries", 5), ("Bo", 4), ("Cor", None)):
        story = {"author": name, "body": f"Verhaal van {name}.", "rating": rating}
        address = "https://www.massage.example/blog/slapen"
        service.testimonial(page_url=address, confirm=("full_name",), **story)
    service.testimonial(EN_POST, author="Dee", body="My story.", rating=3, lang="en")
    documents: dict[str, str] = {}
    for path, selector, count in (
        ("/demo/", TESTIMONIALS, "figure"),
        ("/demo/?layout=carousel", TESTIMONIALS, "figure"),
        ("/demo/en/", TESTIMONIALS, "figure"),
        (NL_POST, COMMENTS, "article"),
        (EN_POST, COMMENTS, "article"),
    ):
        visit(page, service.url + path, selector)
        expect(widget(page, selector).locator(count).first).to_be_visible()
        documents.update(_drawn(page, path, path))
    monkeypatch.setattr(settings, "RATINGS", False)  # the form without its stars
    visit(page, service.url + NL_POST, COMMENTS)
    expect(widget(page, COMMENTS).locator("article").first).to_be_visible()
    documents.update(_drawn(page, NL_POST, f"{NL_POST} without ratings"))
    # A reader's own comment with its tools open (mine.js): the edit form, the manage form.
    monkeypatch.setattr(settings, "RATINGS", True)
    own = post_from_widget(page, service, "nl", "Mijn eigen verhaal, nog niet goedgekeurd.")
    visit(page, service.url + NL_POST, COMMENTS)
    mine = widget(page, COMMENTS).locator(f"#c{own} article")
    mine.get_by_role("button", name=WORDS["nl"]["edit"]).click()
    expect(mine.get_by_role("textbox")).to_be_visible()
    widget(page, COMMENTS).get_by_role("button", name="Mijn reacties beheren").click()
    expect(widget(page, COMMENTS).locator("input[type=email]").last).to_be_visible()
    documents.update(_drawn(page, NL_POST, f"{NL_POST} with a reader's own tools"))
    errors = check_html(documents, tmp_path)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)

"""The WordPress plugin on Debian's WordPress, as an owner and her readers meet it.

Each test makes its own posts (the site is shared by the session), on plain permalinks
(`/?p=ID`), on the block theme (Twenty Twenty-Three) and the classic one (Twenty Twenty-One).
Locators pierce the widgets' open shadow roots. Nothing sleeps: every wait is an expectation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx2 as httpx
import pytest
from playwright.sync_api import Page, expect

import settings
from tests.wordpress.conftest import BLOCK_THEME, CLASSIC_THEME, Site

THEMES = [BLOCK_THEME, CLASSIC_THEME]
# Every comment list WordPress or its themes draw themselves.
WORDPRESS_LISTS = ".wp-block-comments, #comments, .comment-list, .comment-respond, #respond"


@pytest.fixture(autouse=True)
def patient(page: Page) -> None:
    """A WordPress page costs Apache and PHP a moment more than the service's own pages."""
    page.set_default_timeout(15_000)
    expect.set_options(timeout=15_000)


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest, site: Site) -> Iterator[str]:
    """The site on a block theme, and on a classic theme."""
    site.use_theme(request.param)
    yield str(request.param)


def paragraph(text: str) -> str:
    return f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->"


def moved_post(site: Site, title: str, comment: str, post_type: str = "post") -> int:
    """A post with one WordPress comment, moved to Chorus by the plugin."""
    post_id = site.new_post(title, paragraph(f"The text of {title}."), post_type)
    site.wordpress_comment(post_id, "Sanne &amp; Tim", comment)
    site.move_comments()
    return post_id


def widget(page: Page) -> Any:
    return page.locator("#chorus-comments")


def visit(page: Page, url: str) -> None:
    """Open a page and scroll to the widget, which loads when it comes near."""
    page.goto(url)
    widget(page).scroll_into_view_if_needed()


def log_in(page: Page, site: Site) -> None:
    """The administrator's session (one login through wp-login.php serves the whole run)."""
    page.context.add_cookies(site.admin_cookies())  # type: ignore[arg-type]


def post_through_widget(page: Page, author: str, body: str, consent: bool = False) -> int:
    """Send a comment with the widget's form, as a reader does; its id in Chorus."""
    w = widget(page)
    w.locator("#author").fill(author)
    w.locator("#body").fill(body)
    if consent:
        w.locator("input[name=consent]").check()
    with page.expect_response("**/api/comments") as sent:
        w.get_by_role("button", name="Send").click()
    assert sent.value.status == 202, sent.value.text()
    return int(sent.value.json()["id"])


# -- the widget under posts and pages ------------------------------------------------------------


@pytest.mark.parametrize("post_type", ["post", "page"])
def test_one_comment_list_ours_sits_in_the_content_column(
    site: Site, theme: str, post_type: str, page: Page
) -> None:
    title = f"Slapen {theme} {post_type}"
    post_id = site.new_post(title, paragraph(f"The text of {title}."), post_type)
    site.wordpress_comment(post_id, "Sanne &amp; Tim", f"Wat een rust na de massage ({theme}).")
    other = site.new_post(f"Other {title}", paragraph("Another post."))
    site.wordpress_comment(other, "Piet", "A comment that belongs to another post.")
    site.move_comments()
    query = "p" if post_type == "post" else "page_id"

    visit(page, f"{site.url}/?{query}={post_id}")

    mine = widget(page).locator(".widget article", has_text=f"Wat een rust na de massage ({theme}")
    expect(mine).to_be_visible()
    expect(mine).to_contain_text("Sanne & Tim")
    expect(widget(page)).to_have_count(1)
    expect(page.locator(WORDPRESS_LISTS)).to_have_count(0)
    # Plain permalinks: every post its own thread, by WordPress's own short address.
    assert page.locator("script[data-page]").get_attribute("data-page") == f"/?p={post_id}"
    expect(widget(page).get_by_text("belongs to another post")).to_have_count(0)
    assert other != post_id
    # Inside the text column: no wider than the post's paragraph, and in line with it.
    text = page.locator("p", has_text=f"The text of {title}.").bounding_box()
    box = widget(page).bounding_box()
    assert text is not None and box is not None
    assert box["x"] >= text["x"] - 1
    assert box["x"] + box["width"] <= text["x"] + text["width"] + 1
    assert box["width"] >= text["width"] * 0.9


def test_pages_get_the_widget_only_when_chosen(site: Site) -> None:
    site.use_theme(CLASSIC_THEME)
    page_id = site.new_post("Contact", paragraph("Bel ons."), "page")
    post_id = site.new_post("Nieuws", paragraph("Nieuw."))
    site.php(
        "$s = get_option( 'chorus_settings' ); $s['types'] = array( 'post' );"
        " update_option( 'chorus_settings', $s );"
    )
    try:
        with httpx.Client(base_url=site.url, timeout=30) as wordpress:
            assert 'id="chorus-comments"' not in wordpress.get(f"/?page_id={page_id}").text
            assert 'id="chorus-comments"' in wordpress.get(f"/?p={post_id}").text
    finally:
        site.php(
            "$s = get_option( 'chorus_settings' ); $s['types'] = array( 'post', 'page' );"
            " update_option( 'chorus_settings', $s );"
        )


def test_the_rendered_comments_are_refreshed_by_etag(site: Site) -> None:
    post_id = moved_post(site, "Bewaard", "Een reactie uit de cache.")
    path = f"/api/comments?page=%2F%3Fp%3D{post_id}"

    answer = site.php(
        f"""$codes = array();
        add_action( 'http_api_debug', function ( $response ) use ( &$codes ) {{
            $codes[] = wp_remote_retrieve_response_code( $response );
        }} );
        $first = chorus_get_json( '{path}' );
        $again = chorus_get_json( '{path}' );  // fresh: no request at all
        $key = 'chorus_' . md5( chorus_settings()['address'] . '{path}' );
        $entry = get_transient( $key );
        $entry['at'] = 0;  // a minute and more ago
        set_transient( $key, $entry, DAY_IN_SECONDS );
        $stale = chorus_get_json( '{path}' );
        echo json_encode( array( 'codes' => $codes,
            'same' => $first === $again && $first === $stale,
            'count' => $stale['count'], 'etag' => get_transient( $key )['etag'] ) );"""
    )

    assert answer["codes"] == [200, 304]
    assert answer["same"] and answer["count"] == 1 and answer["etag"]


def test_approved_comments_are_in_the_html_before_any_script(site: Site, browser: Any) -> None:
    site.use_theme(BLOCK_THEME)
    post_id = moved_post(site, "Rugpijn", "Na twee behandelingen kan ik weer fietsen.")

    html = httpx.get(f"{site.url}/?p={post_id}", timeout=30).text

    container = html.split('id="chorus-comments"', 1)[1].split("<script", 1)[0]
    assert 'slot="list"' in container
    assert "Na twee behandelingen kan ik weer fietsen." in container
    assert "Sanne &amp; Tim" in container  # the name, once unescaped by the import, escaped here
    # A reader without JavaScript sees them too.
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{site.url}/?p={post_id}")
        expect(tab.get_by_text("Na twee behandelingen kan ik weer fietsen.")).to_be_visible()
    finally:
        context.close()


def test_the_widget_shows_the_rendered_comments_until_its_own_list_arrives(
    site: Site, page: Page
) -> None:
    site.use_theme(BLOCK_THEME)
    post_id = moved_post(site, "Nekpijn", "De hoofdpijn is weg sinds de eerste keer.")
    held: list[Any] = []
    page.route(
        "**/api/comments?page=*", lambda route: held.append(route)
    )  # the widget's list waits here

    with page.expect_request("**/api/comments?page=*"):
        visit(page, f"{site.url}/?p={post_id}")

    slot = widget(page).locator("slot[name=list]")
    expect(slot).to_have_count(1)
    expect(page.locator(".chorus-rendered")).to_contain_text("De hoofdpijn is weg")
    expect(page.locator(".chorus-rendered")).to_be_visible()
    # Once the widget's own list is there, it takes the place of the rendered one.
    assert held, "the widget asked for no list"
    held[0].continue_()
    expect(widget(page).locator(".widget article", has_text="De hoofdpijn is weg")).to_be_visible()
    expect(slot).to_have_count(0)
    expect(page.locator(".chorus-rendered")).to_be_hidden()


# Every layout-shift entry since the page began (Google's "good" is CLS <= 0.1; ours: nothing).
LAYOUT_SHIFT = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => done(total)));
})"""


def test_the_page_does_not_jump_when_the_widget_takes_over(
    site: Site, theme: str, page: Page
) -> None:
    post_id = site.new_post(f"Kort {theme}", paragraph("Kort."))
    site.wordpress_comment(post_id, "Anna", f"Al in de HTML ({theme}).")
    site.move_comments()
    held: list[Any] = []
    page.route("**/api/comments?page=*", lambda route: held.append(route))

    with page.expect_request("**/api/comments?page=*"):
        page.goto(f"{site.url}/?p={post_id}")
    expect(page.locator(".chorus-rendered")).to_be_visible()
    held[0].continue_()
    expect(widget(page).locator(".widget article", has_text="Al in de HTML")).to_be_visible()

    assert page.evaluate(LAYOUT_SHIFT) <= 0.01


def test_a_comment_posted_through_the_widget_shows_once_approved_in_chorus(
    site: Site, theme: str, page: Page
) -> None:
    post_id = site.new_post(f"Ontspanning {theme}", paragraph("Over ontspanning."))
    visit(page, f"{site.url}/?p={post_id}")
    comment_id = post_through_widget(page, "Joost", f"Heerlijk ontspannen op {theme}.")

    with site.owner() as owner:
        stored = owner.get(f"/admin/api/comments/{comment_id}").json()
        assert stored["page"] == f"/?p={post_id}"
        assert stored["page_title"] == f"Ontspanning {theme}"
        assert owner.post(f"/admin/api/comments/{comment_id}/approve").status_code == 200

    visit(page, f"{site.url}/?p={post_id}")
    mine = widget(page).locator(".widget article", has_text=f"Heerlijk ontspannen op {theme}.")
    expect(mine).to_be_visible()
    expect(mine.get_by_text("Waiting for review")).to_have_count(0)


# -- testimonials --------------------------------------------------------------------------------


def test_the_testimonials_block_and_shortcode_show_promoted_stories(site: Site, page: Page) -> None:
    site.use_theme(BLOCK_THEME)
    post_id = site.new_post("Ervaringen", paragraph("Vertel het ons."))
    visit(page, f"{site.url}/?p={post_id}")
    story = "Mijn schouders voelen als nieuw sinds de behandeling."
    comment_id = post_through_widget(page, "Ilse", story, consent=True)
    with site.owner() as owner:
        assert owner.post(f"/admin/api/comments/{comment_id}/approve").status_code == 200
        promoted = owner.post(f"/admin/api/comments/{comment_id}/promote")
        assert promoted.status_code == 200, promoted.text
    home = site.new_post(
        "Wat klanten zeggen",
        '<!-- wp:chorus/testimonials {"limit":4,"layout":"grid"} /-->\n'
        + paragraph('[chorus_testimonials limit="3" summary="true"]'),
        "page",
    )

    html = httpx.get(f"{site.url}/?page_id={home}", timeout=30).text

    walls = re.findall(r'<div id="(chorus-testimonials-\d+)"[^>]*>(.*?)</div>', html, re.S)
    assert [name for name, _ in walls] == ["chorus-testimonials-1", "chorus-testimonials-2"]
    assert all(story in rendered and 'slot="list"' in rendered for _, rendered in walls)
    assert 'data-limit="4"' in html and 'data-summary="true"' in html
    page.goto(f"{site.url}/?page_id={home}")
    for name, _ in walls:
        wall = page.locator(f"#{name}")
        wall.scroll_into_view_if_needed()
        expect(wall.locator(".widget blockquote", has_text=story)).to_be_visible()
        expect(wall.locator(".chorus-rendered")).to_be_hidden()  # the widget's own took over


# -- counts, the old comments and the owner's settings -------------------------------------------


def test_comment_counts_come_from_chorus_in_the_post_list(site: Site, page: Page) -> None:
    post_id = site.new_post("Telling", paragraph("Geteld."))
    first = site.wordpress_comment(post_id, "Anna", "Eerste reactie.")
    site.wordpress_comment(post_id, "Bram", "Een antwoord.", parent=first)
    site.move_comments()

    assert site.php(f"echo json_encode( get_comments_number( {post_id} ) );") == 2
    log_in(page, site)
    page.goto(f"{site.url}/wp-admin/edit.php")
    row = page.locator(f"#post-{post_id}")
    expect(row.locator(".column-comments .comment-count-approved")).to_have_text("2")


def test_move_my_comments_counts_first_then_moves_once(site: Site, page: Page) -> None:
    site.move_comments()  # what earlier tests left, so the counts below are this test's own
    post_id = site.new_post("Verhuizen", paragraph("Oude reacties."))
    first = site.wordpress_comment(post_id, "Karin", "Fijne praktijk, goede uitleg.")
    site.wordpress_comment(post_id, "Praktijk Zon", "Dank je, Karin!", parent=first)
    log_in(page, site)
    page.goto(f"{site.url}/wp-admin/options-general.php?page=chorus")

    page.get_by_role("button", name="Check what would be moved").click()
    expect(page.locator(".chorus-summary")).to_contain_text("Would be moved: 2")
    page.get_by_role("button", name="Move them now").click()
    expect(page.locator(".chorus-summary")).to_contain_text("Moved: 2")
    page.get_by_role("button", name="Check what would be moved").click()
    expect(page.locator(".chorus-summary")).to_contain_text("Would be moved: 0")

    # WordPress's own copies stay where they were.
    assert site.wordpress_comments(post_id) == 2
    visit(page, f"{site.url}/?p={post_id}")
    reply = widget(page).locator(".widget li li article", has_text="Dank je, Karin!")
    expect(reply).to_be_visible()


def test_wordpress_comments_are_off_everywhere_and_kept(site: Site) -> None:
    post_id = site.new_post("Stil", paragraph("Geen WordPress-reacties."))
    site.wordpress_comment(post_id, "Oud", "Een oude reactie die niet meer te zien is.")

    with httpx.Client(base_url=site.url, timeout=30) as wordpress:
        assert wordpress.get("/?rest_route=/wp/v2/comments").status_code == 404
        assert wordpress.get("/?feed=comments-rss2").status_code == 404
        assert "oude reactie" not in wordpress.get(f"/?p={post_id}").text
        posted = wordpress.post(
            "/wp-comments-post.php",
            data={
                "comment_post_ID": post_id,
                "author": "X",
                "email": "x@example.nl",
                "comment": "Nieuw",
            },
        )
        assert posted.status_code == 403  # "comments are closed", before anything is stored
    state = site.php(
        f"""echo json_encode( array(
            'recent' => isset(
                $GLOBALS['wp_widget_factory']->widgets['WP_Widget_Recent_Comments'] ),
            'open' => comments_open( {post_id} ) ) );"""
    )
    assert state == {"recent": False, "open": False}
    assert site.wordpress_comments(post_id) == 1


def test_test_connection_says_exactly_what_to_change(
    site: Site, monkeypatch: pytest.MonkeyPatch, page: Page
) -> None:
    log_in(page, site)
    page.goto(f"{site.url}/wp-admin/options-general.php?page=chorus")
    page.get_by_role("button", name="Test connection").click()
    expect(page.locator(".chorus-test .chorus-ok")).to_have_count(3)
    expect(page.locator(".chorus-test")).to_contain_text(f"This site ({site.url}) may show")

    monkeypatch.setattr(settings, "ALLOWED_ORIGINS", ["https://elsewhere.example"])
    lines = site.php("echo json_encode( chorus_test_connection() );")

    assert [line["ok"] for line in lines] == [True, False, True]
    assert f"ALLOWED_ORIGINS={site.url}" in lines[1]["text"]

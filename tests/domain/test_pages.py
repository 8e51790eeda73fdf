"""The owner's facts about a page, and which page addresses a reader may send."""

from __future__ import annotations

from typing import Any

import pytest

from service.domain.errors import Refusal
from service.domain.pages import PageFacts, own_page_url, parse_page_facts


@pytest.mark.parametrize(
    ("data", "facts"),
    [
        (
            {"title": " Slapen ", "url": "Blog.Example/slapen"},
            PageFacts("Slapen", "https://blog.example/slapen"),
        ),
        ({"title": "Slapen", "url": ""}, PageFacts("Slapen", "")),
        ({"title": "Slapen", "url": None}, PageFacts("Slapen", "")),
        ({"title": "t" * 300, "url": ""}, PageFacts("t" * 300, "")),
    ],
)
def test_page_facts_are_a_title_and_a_cleaned_address(
    data: dict[str, Any], facts: PageFacts
) -> None:
    assert parse_page_facts(data) == facts


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (None, "title", "required"),
        (["title", "url"], "title", "required"),
        ({"title": "Slapen"}, "title", "required"),
        ({"url": ""}, "title", "required"),
        ({"title": " ", "url": ""}, "title", "required"),
        ({"title": "t" * 301, "url": ""}, "title", "too_long"),
        ({"title": "a\nb", "url": ""}, "title", "control_character"),
        ({"title": "Slapen", "url": "ftp://e.nl/"}, "url", "invalid_url"),
        ({"title": "Slapen", "url": 5}, "url", "not_a_string"),
    ],
)
def test_page_facts_are_refused_naming_the_field(data: Any, field: str, code: str) -> None:
    with pytest.raises(Refusal) as caught:
        parse_page_facts(data)
    assert (caught.value.field, caught.value.code) == (field, code)
    if not isinstance(data, dict) or not {"title", "url"} <= set(data):
        assert caught.value.message == 'send {"title": "...", "url": "https://..."}'
    else:
        assert caught.value.message.startswith(field)


ORIGINS = ["https://www.massage.example/", "HTTP://Blog.Example"]


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("", ""),
        ("https://chorus.example/page", "https://chorus.example/page"),
        ("http://chorus.example:8080/page", "http://chorus.example:8080/page"),
        ("https://www.massage.example/blog", "https://www.massage.example/blog"),
        ("http://blog.example/x", "http://blog.example/x"),
        ("https://blog.example/x", ""),  # the origin is the scheme as well as the host
        ("https://evil.example/x", ""),
        ("https://massage.example/x", ""),
        ("/relative/path", ""),
    ],
)
def test_a_page_url_is_kept_only_on_the_sites_host_or_an_allowed_origin(
    url: str, kept: str
) -> None:
    assert own_page_url(url, "https://chorus.example", ORIGINS) == kept

"""The wall's filter, parsed from query parameters: a known language, a page key, nothing else."""

from __future__ import annotations

import pytest

from service.domain.errors import Kind, Refusal
from service.domain.wall import MAX_PINS, Wall, parse_wall, too_many_pins


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, Wall()),
        ({"lang": "", "page": ""}, Wall()),
        ({"lang": "nl"}, Wall(lang="nl")),
        ({"lang": "en", "page": "/blog/rug"}, Wall("en", "/blog/rug")),
        ({"page": "  /blog/rug  "}, Wall(page_key="/blog/rug")),
        ({"limit": "3"}, Wall()),  # other parameters are not the filter's business
    ],
)
def test_a_wall_filter_from_query_parameters(params: dict[str, str], expected: Wall) -> None:
    assert parse_wall(params) == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lang": "es"}, "lang"),
        ({"lang": "Nl"}, "lang"),
        ({"lang": " nl"}, "lang"),
        ({"page": "x" * 501}, "page"),
        ({"page": "/a\u202eb"}, "page"),
        ({"page": "/a\x00b"}, "page"),
    ],
)
def test_an_invalid_filter_names_its_field(params: dict[str, str], field: str) -> None:
    with pytest.raises(Refusal) as refused:
        parse_wall(params)
    assert refused.value.field == field
    assert refused.value.kind == Kind.INVALID


def test_two_filters_never_share_a_cache_key() -> None:
    keys = {Wall().key, Wall("nl").key, Wall(page_key="nl").key, Wall("nl", "/x").key}
    assert len(keys) == 4
    assert Wall().key == ""  # the whole wall keeps the cache keys it always had


def test_the_pin_limit_is_named_in_its_refusal() -> None:
    refusal = too_many_pins()
    assert MAX_PINS == 6
    assert refusal.kind == Kind.CONFLICT and refusal.code == "too_many_pins"
    assert refusal.details == {"max_pins": 6} and "at most 6" in refusal.message

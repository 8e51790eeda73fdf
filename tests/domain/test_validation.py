"""A reader's submission, field by field: what each rule takes and refuses, where its limit is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from service.domain.errors import Kind, Refusal
from service.domain.validation import (
    MAX_ID,
    IntakeRules,
    Submission,
    clean_body,
    clean_email,
    clean_line,
    clean_url,
    parse_submission,
)

RULES = IntakeRules(max_body=50, max_name=10, max_links=2, consent_version="2024-01")
VALID: dict[str, Any] = {
    "page": "/blog/slapen",
    "author": "Anna",
    "body": "Mooi verhaal.",
    "form_token": "tok-1",
}


def submit(rules: IntakeRules = RULES, **fields: Any) -> Submission:
    data = {**VALID, **fields}
    return parse_submission({k: v for k, v in data.items() if v is not ...}, rules)


def refused(call: Callable[[], object]) -> tuple[str | None, str]:
    """The field and code a rule refuses with; its message must name the field."""
    with pytest.raises(Refusal) as caught:
        call()
    refusal = caught.value
    assert refusal.field is not None and refusal.message.startswith(refusal.field), refusal.message
    return refusal.field, refusal.code


# -- the whole submission -----------------------------------------------------------------------


def test_a_minimal_submission_gets_every_default() -> None:
    assert submit() == Submission(
        page="/blog/slapen", author="Anna", body="Mooi verhaal.", form_token="tok-1"
    )


def test_a_full_submission_keeps_every_field_normalised() -> None:
    got = submit(
        page_title=" Slapen ",
        page_url="https://Blog.Example/slapen",
        parent=7,
        email="Anna@Example.NL",
        website="example.nl",
        consent=True,
        consent_version="v2",
        rating=5,
        lang="NL",
        author_token="key.1",
        hp="",
        pow="abc:12",
        notify_replies=True,
    )
    assert got == Submission(
        page="/blog/slapen",
        author="Anna",
        body="Mooi verhaal.",
        page_title="Slapen",
        page_url="https://blog.example/slapen",
        parent=7,
        email="Anna@example.nl",
        website="https://example.nl/",
        consent=True,
        consent_version="v2",
        rating=5,
        lang="nl",
        form_token="tok-1",
        author_token="key.1",
        honeypot="",
        pow="abc:12",
        notify_replies=True,
    )


def test_the_honeypot_is_carried_for_the_spam_check() -> None:
    assert submit(hp="http://spam.example").honeypot == "http://spam.example"


@pytest.mark.parametrize("data", [None, [], "body", 5, [VALID]])
def test_anything_but_an_object_is_malformed(data: Any) -> None:
    with pytest.raises(Refusal) as caught:
        parse_submission(data, RULES)
    assert (caught.value.field, caught.value.code) == ("request", "not_an_object")
    assert caught.value.kind == Kind.MALFORMED
    assert caught.value.message.startswith("the request body")


def test_an_unknown_field_is_named_first_in_order() -> None:
    assert refused(lambda: submit(zeta=1, extra=2)) == ("extra", "unknown_field")


def test_a_refusal_is_invalid_not_malformed() -> None:
    with pytest.raises(Refusal) as caught:
        submit(rating=9)
    assert caught.value.kind == Kind.INVALID


@pytest.mark.parametrize("field", ["page", "author", "body", "form_token"])
def test_required_fields_are_required(field: str) -> None:
    assert refused(lambda: submit(**{field: ...})) == (field, "required")


@pytest.mark.parametrize("field", ["page", "author", "body", "form_token"])
def test_a_required_field_may_not_be_null(field: str) -> None:
    assert refused(lambda: submit(**{field: None})) == (field, "required")


@pytest.mark.parametrize("field", ["page", "author", "body"])
@pytest.mark.parametrize("blank", ["", "   ", "\u200b\u200d", "\u00ad", "\ufeff "])
def test_a_required_text_must_show_something(field: str, blank: str) -> None:
    assert refused(lambda: submit(**{field: blank})) == (field, "required")


@pytest.mark.parametrize(
    "field",
    [
        "page",
        "author",
        "body",
        "form_token",
        "page_title",
        "page_url",
        "email",
        "website",
        "lang",
        "consent_version",
        "author_token",
        "hp",
        "pow",
    ],
)
@pytest.mark.parametrize("value", [5, True, ["a"], {"a": 1}])
def test_a_text_field_takes_only_strings(field: str, value: Any) -> None:
    assert refused(lambda: submit(**{field: value})) == (field, "not_a_string")


@pytest.mark.parametrize("field", ["page_title", "page_url", "email", "website", "lang", "pow"])
def test_an_optional_text_may_be_null(field: str) -> None:
    assert getattr(submit(**{field: None}), field) == ""


# -- limits: the site's limits come in as arguments, the fixed ones stay where they are ----------

# (field, limit, the rules to apply)
LIMITS = [
    ("author", 10, RULES),
    ("author", 3, IntakeRules(max_name=3)),
    ("body", 50, RULES),
    ("body", 7, IntakeRules(max_body=7)),
    ("page", 500, RULES),
    ("page_title", 300, RULES),
    ("lang", 8, RULES),
    ("consent_version", 40, RULES),
    ("form_token", 400, RULES),
    ("author_token", 400, RULES),
    ("hp", 400, RULES),
    ("pow", 400, RULES),
]


@pytest.mark.parametrize(("field", "limit", "rules"), LIMITS)
def test_a_field_at_its_limit_passes_and_one_more_is_too_long(
    field: str, limit: int, rules: IntakeRules
) -> None:
    fill = "n" if field == "lang" else "a"
    if field == "lang":  # only known languages pass, so the limit shows on the refusal
        with pytest.raises(Refusal) as caught:
            submit(rules, lang="n" * limit)
        assert caught.value.code == "unsupported"
    else:
        submit(rules, **{field: fill * limit})
    with pytest.raises(Refusal) as caught:
        submit(rules, **{field: fill * (limit + 1)})
    assert (caught.value.field, caught.value.code) == (field, "too_long")
    assert caught.value.details == {"max_length": limit}
    assert str(limit) in caught.value.message


def test_limits_count_characters_after_trimming() -> None:
    assert submit(author="  " + "a" * 10 + "  ").author == "a" * 10
    assert submit(body="\n\n" + "b" * 50 + "\n ").body == "b" * 50


def test_limits_count_characters_not_bytes() -> None:
    assert submit(author="é" * 10).author == "é" * 10


def test_text_is_normalised_to_nfc_before_counting() -> None:
    decomposed = "e\u0301" * 10  # ten characters once composed
    assert submit(author=decomposed).author == "\u00e9" * 10


@pytest.mark.parametrize(("links", "ok"), [(0, True), (2, True), (3, False)])
def test_a_body_holds_at_most_the_sites_number_of_links(links: int, ok: bool) -> None:
    body = " ".join(f"http://e.nl/{n}" for n in range(links)) or "geen links"
    if ok:
        assert submit(IntakeRules(max_body=500, max_links=2), body=body).body == body
    else:
        assert refused(lambda: submit(IntakeRules(max_body=500, max_links=2), body=body)) == (
            "body",
            "too_many_links",
        )


# -- characters ---------------------------------------------------------------------------------

CONTROLS = ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f", "\ufffe", "\uffff"]


@pytest.mark.parametrize("field", ["page", "author", "body", "page_title", "form_token"])
@pytest.mark.parametrize("char", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_control_characters_are_refused_everywhere(field: str, char: str) -> None:
    assert refused(lambda: submit(**{field: f"a{char}b"})) == (field, "control_character")


@pytest.mark.parametrize("field", ["page", "author", "page_title", "form_token", "lang"])
@pytest.mark.parametrize("char", ["\n", "\r", "\t"])
def test_a_single_line_field_refuses_line_breaks_and_tabs(field: str, char: str) -> None:
    assert refused(lambda: submit(**{field: f"a{char}b"})) == (field, "control_character")


def test_a_line_break_at_the_end_of_a_line_is_trimmed_away() -> None:
    assert submit(author="Anna\n").author == "Anna"


@pytest.mark.parametrize("char", ["\u202a", "\u202e", "\u2066", "\u2069"])
def test_a_single_line_refuses_direction_overrides(char: str) -> None:
    assert refused(lambda: submit(author=f"An{char}na")) == ("author", "bidi_control")


def test_a_body_keeps_its_line_breaks_and_tabs_with_lf_line_ends() -> None:
    assert submit(body="een\r\ntwee\rdrie\n\tvier").body == "een\ntwee\ndrie\n\tvier"


def test_a_body_loses_its_direction_overrides_and_then_is_trimmed() -> None:
    assert submit(body="\u202e gnaw \u202cverhaal\u2066").body == "gnaw verhaal"


def test_a_body_of_direction_overrides_only_is_empty() -> None:
    assert refused(lambda: submit(body="\u202e\u202c")) == ("body", "required")


# -- numbers and flags --------------------------------------------------------------------------


@pytest.mark.parametrize(("parent", "ok"), [(1, True), (MAX_ID, True), (0, False), (-1, False)])
def test_a_parent_is_a_positive_id_the_database_can_hold(parent: int, ok: bool) -> None:
    if ok:
        assert submit(parent=parent).parent == parent
    else:
        assert refused(lambda: submit(parent=parent)) == ("parent", "out_of_range")


def test_a_parent_beyond_the_largest_id_is_out_of_range() -> None:
    assert refused(lambda: submit(parent=MAX_ID + 1)) == ("parent", "out_of_range")


@pytest.mark.parametrize("field", ["parent", "rating"])
@pytest.mark.parametrize("value", [True, False, "3", 3.0, [3]])
def test_ids_and_ratings_are_whole_numbers_not_flags_or_strings(field: str, value: Any) -> None:
    assert refused(lambda: submit(**{field: value})) == (field, "not_an_integer")


def test_a_null_parent_or_rating_is_none() -> None:
    got = submit(parent=None, rating=None)
    assert (got.parent, got.rating) == (None, None)


@pytest.mark.parametrize(("rating", "ok"), [(0, False), (1, True), (5, True), (6, False)])
def test_a_rating_is_one_to_five_stars(rating: int, ok: bool) -> None:
    if ok:
        assert submit(rating=rating).rating == rating
    else:
        assert refused(lambda: submit(rating=rating)) == ("rating", "out_of_range")


def test_a_rating_is_refused_where_ratings_are_off() -> None:
    off = IntakeRules(ratings=False)
    assert refused(lambda: submit(off, rating=4)) == ("rating", "ratings_disabled")
    assert submit(off).rating is None


@pytest.mark.parametrize("field", ["consent", "notify_replies"])
@pytest.mark.parametrize("value", [1, 0, "true", "yes", []])
def test_flags_are_true_or_false(field: str, value: Any) -> None:
    assert refused(lambda: submit(**{field: value})) == (field, "not_a_boolean")


@pytest.mark.parametrize("field", ["consent", "notify_replies"])
def test_a_null_flag_is_false(field: str) -> None:
    assert getattr(submit(**{field: None}), field) is False


# -- language and consent -----------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "kept"), [("nl", "nl"), ("EN", "en"), (" En ", "en"), ("", "")])
def test_a_language_is_one_the_site_speaks_in_lower_case(lang: str, kept: str) -> None:
    assert submit(lang=lang).lang == kept


@pytest.mark.parametrize("lang", ["es", "nl-NL", "english"])
def test_other_languages_are_unsupported(lang: str) -> None:
    assert refused(lambda: submit(lang=lang)) == ("lang", "unsupported")


def test_consent_records_the_version_agreed_to_or_the_sites_current_one() -> None:
    assert submit(consent=True, consent_version="v3").consent_version == "v3"
    assert submit(consent=True).consent_version == "2024-01"
    assert submit(consent=True, consent_version="").consent_version == "2024-01"


def test_without_consent_no_version_is_recorded() -> None:
    assert submit(consent=False, consent_version="v3").consent_version == ""
    assert submit(consent_version="v3").consent is False


@pytest.mark.parametrize("version", ["2024-01", "v1.2", "a:b_c", "A9"])
def test_a_consent_version_is_a_token(version: str) -> None:
    assert submit(consent=True, consent_version=version).consent_version == version


@pytest.mark.parametrize("version", ["v 1", "v/1", "<b>", "é"])
def test_a_consent_version_with_other_characters_is_invalid(version: str) -> None:
    assert refused(lambda: submit(consent_version=version)) == ("consent_version", "invalid")


# -- e-mail and replies -------------------------------------------------------------------------


def test_replies_can_only_be_mailed_to_an_address() -> None:
    assert refused(lambda: submit(notify_replies=True)) == ("email", "required")
    assert refused(lambda: submit(notify_replies=True, email="  ")) == ("email", "required")
    assert submit(notify_replies=False).notify_replies is False


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("anna@example.nl", "anna@example.nl"),
        ("  Anna.B+tag@Example.NL ", "Anna.B+tag@example.nl"),
        ("", ""),
    ],
)
def test_an_address_is_trimmed_and_its_domain_lower_cased(typed: str, kept: str) -> None:
    assert clean_email({"email": typed}) == kept
    assert clean_email({}) == ""


@pytest.mark.parametrize("typed", ["anna", "anna@", "@example.nl", "anna@example", "a b@e.nl"])
def test_a_malformed_address_is_refused(typed: str) -> None:
    assert refused(lambda: clean_email({"email": typed})) == ("email", "invalid_email")


def test_an_address_of_255_well_formed_characters_is_too_long() -> None:
    address = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 59 + ".nl"
    assert len(address) == 255
    assert refused(lambda: clean_email({"email": address})) == ("email", "too_long")


def test_an_address_over_254_characters_is_too_long() -> None:
    address = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".nl"
    assert len(address) > 254
    assert refused(lambda: clean_email({"email": address})) == ("email", "too_long")


# -- web addresses ------------------------------------------------------------------------------

URLS = [
    ("", ""),
    ("https://example.nl", "https://example.nl/"),
    ("HTTP://EXAMPLE.NL/Pad?q=A#F", "http://example.nl/Pad?q=A#F"),
    ("https://example.nl:8443/x", "https://example.nl:8443/x"),
    ("example.nl", "https://example.nl/"),
    ("www.example.nl/blog", "https://www.example.nl/blog"),
    ("https://[2001:DB8::1]:8080/x", "https://[2001:db8::1]:8080/x"),
    ("https://[2001:db8::1]", "https://[2001:db8::1]/"),
]


@pytest.mark.parametrize(("typed", "kept"), URLS)
def test_a_web_address_is_absolute_with_scheme_and_host_lower_cased(typed: str, kept: str) -> None:
    assert clean_url("website", typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "javascript:alert(1)",
        "ftp://example.nl/",
        "https://",
        "https:///pad",
        "//example.nl",
        "example",
        "https://exa mple.nl",
        'https://e.nl/"x',
        "https://e.nl/<x>",
        "https://e.nl/\u200bx",
        "https://e.nl/\u202ex",
        "https://e.nl:99999/",
        "https://e.nl:port/",
        "https://[::1/",
        "https://anna@e.nl/",
        "https://anna:geheim@e.nl/",
    ],
)
def test_other_addresses_are_invalid(typed: str) -> None:
    assert refused(lambda: clean_url("website", typed)) == ("website", "invalid_url")


def test_a_web_address_is_at_most_2048_characters() -> None:
    at_limit = "https://e.nl/" + "a" * (2048 - 13)
    assert clean_url("page_url", at_limit) == at_limit
    with pytest.raises(Refusal) as caught:
        clean_url("page_url", at_limit + "a")
    assert (caught.value.code, caught.value.details) == ("too_long", {"max_length": 2048})
    assert caught.value.message.startswith("page_url") and "2048" in caught.value.message


@pytest.mark.parametrize("field", ["website", "page_url"])
def test_submitted_addresses_are_cleaned_and_named_by_their_field(field: str) -> None:
    assert getattr(submit(**{field: " Example.NL "}), field) == "https://example.nl/"
    assert refused(lambda: submit(**{field: "ftp://e.nl"})) == (field, "invalid_url")


# -- the helpers on their own -------------------------------------------------------------------


def test_clean_line_is_optional_unless_required() -> None:
    assert clean_line({}, "x", 5) == ""
    assert clean_line({"x": "   "}, "x", 5) == ""
    assert refused(lambda: clean_line({}, "x", 5, required=True)) == ("x", "required")


def test_clean_body_reads_the_field_it_is_given() -> None:
    assert clean_body({"text": " hallo "}, 10, 0, name="text") == "hallo"
    assert refused(lambda: clean_body({"text": "a" * 11}, 10, 0, name="text")) == (
        "text",
        "too_long",
    )
    assert refused(lambda: clean_body({"text": "http://e.nl"}, 100, 0, name="text")) == (
        "text",
        "too_many_links",
    )

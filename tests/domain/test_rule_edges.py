"""The owner's rules and the puzzle at their edges: codes, normal forms, lengths, odd addresses."""

from __future__ import annotations

import hashlib

import pytest

from service.domain.abuse import (
    MAX_RULE_LENGTH,
    RenderBounds,
    Rule,
    RuleAction,
    RuleKind,
    check_renderable,
    matching_rule,
    parse_rule,
    pow_bits,
    pow_solved,
)
from service.domain.errors import Kind, Refusal, not_found
from service.domain.names import refuse_hidden_characters


@pytest.mark.parametrize(
    ("kind", "value", "action", "field", "code"),
    [
        ("regex", "x", "spam", "kind", "invalid"),
        (None, "x", "spam", "kind", "invalid"),
        ("WORD", "x", "spam", "kind", "invalid"),
        ("word", "x", "delete", "action", "invalid"),
        ("word", "x", None, "action", "invalid"),
        ("word", 3, "spam", "value", "not_a_string"),
        ("word", None, "spam", "value", "not_a_string"),
        ("word", "x" * (MAX_RULE_LENGTH + 1), "spam", "value", "too_long"),
        ("domain", "x" * (MAX_RULE_LENGTH + 1), "spam", "value", "too_long"),
        ("word", "", "spam", "value", "required"),
        ("phrase", " \u200b ", "queue", "value", "required"),
        ("word", "two words", "spam", "value", "not_a_word"),
        ("domain", "not a domain", "spam", "value", "invalid_domain"),
        ("domain", "localhost", "spam", "value", "invalid_domain"),
        ("domain", "", "spam", "value", "invalid_domain"),
        ("domain", "https://", "spam", "value", "invalid_domain"),
        ("domain", "spam_.example", "spam", "value", "invalid_domain"),
    ],
)
def test_a_bad_rule_is_refused_with_the_field_and_the_reason(
    kind: object, value: object, action: object, field: str, code: str
) -> None:
    with pytest.raises(Refusal) as caught:
        parse_rule(kind, value, action)
    assert (caught.value.field, caught.value.code, caught.value.kind) == (field, code, Kind.INVALID)
    assert caught.value.message.startswith(field if code != "not_a_word" else "a word rule")


def test_a_rule_at_the_length_limit_is_taken() -> None:
    assert parse_rule("word", "x" * MAX_RULE_LENGTH, "spam")[1] == "x" * MAX_RULE_LENGTH


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("spam.example", "spam.example"),
        ("  SPAM.Example  ", "spam.example"),
        ("http://spam.example", "spam.example"),
        ("https://www.spam.example/deal?x=1", "spam.example"),
        ("www.spam.example", "spam.example"),
        ("shop.spam.example/", "shop.spam.example"),
    ],
)
def test_a_domain_rule_is_stored_as_the_bare_domain(typed: str, stored: str) -> None:
    assert parse_rule("domain", typed, "queue") == (RuleKind.DOMAIN, stored, RuleAction.QUEUE)


def test_word_and_phrase_rules_are_stored_by_meaning() -> None:
    assert parse_rule("phrase", "Gratis  PROEFLES", "spam") == (
        RuleKind.PHRASE,
        "gratis proefles",
        RuleAction.SPAM,
    )
    assert parse_rule("word", "ｃａｓｉｎｏ", "queue") == (
        RuleKind.WORD,
        "casino",
        RuleAction.QUEUE,
    )


def rule(n: int, kind: RuleKind, value: str, action: RuleAction = RuleAction.SPAM) -> Rule:
    return Rule(n, kind, value, action)


def test_no_rules_hold_nothing() -> None:
    assert matching_rule([], "casino https://spam.example") is None


@pytest.mark.parametrize(
    ("website", "held"),
    [
        ("https://www.spam.example/", True),
        ("https://SHOP.spam.example", True),
        ("https://spam.example.other/", False),
        ("https://[::1/", False),  # an address that does not parse holds nothing and breaks nothing
        ("", False),
    ],
)
def test_a_domain_rule_holds_the_domain_and_its_subdomains(website: str, held: bool) -> None:
    rules = [rule(1, RuleKind.DOMAIN, "spam.example")]
    assert (matching_rule(rules, "Een verhaal", website) is not None) is held


def test_a_link_that_does_not_parse_does_not_hide_the_links_after_it() -> None:
    rules = [rule(1, RuleKind.DOMAIN, "spam.example")]
    assert matching_rule(rules, "zie https://[::1/ en https://spam.example/x") is not None


def test_the_first_matching_rule_of_the_strongest_action_wins() -> None:
    rules = [
        rule(3, RuleKind.WORD, "casino", RuleAction.QUEUE),
        rule(2, RuleKind.PHRASE, "gratis geld"),
        rule(1, RuleKind.WORD, "geld"),
    ]
    found = matching_rule(rules, "Gratis geld in het casino")
    assert found is not None and found.id == 1
    assert matching_rule(rules[:1], "Gratis geld in het casino") == rules[0]
    assert matching_rule(rules, "Niets aan de hand") is None


def test_a_phrase_rule_matches_whole_words_in_order() -> None:
    rules = [rule(1, RuleKind.PHRASE, "gratis geld")]
    assert matching_rule(rules, "het is GRATIS. Geld!") is not None
    assert matching_rule(rules, "geld gratis") is None
    assert matching_rule(rules, "ongratis geldig") is None
    assert matching_rule([rule(1, RuleKind.PHRASE, "...")], "... zomaar ...") is None


def _solve(challenge: str, bits: int, width: int) -> str:
    n = 0
    while not pow_solved(challenge, format(n, f"0{width}x"), bits):
        n += 1
    return format(n, f"0{width}x")


def test_an_answer_of_up_to_32_ascii_letters_and_digits_is_checked() -> None:
    answer = _solve("token-2", 4, 32)
    assert len(answer) == 32 and pow_solved("token-2", answer, 4)
    assert not pow_solved("token-2", answer + "0", 0 + 1)
    assert not pow_solved("token-2", "é", 1)
    lookalike = next(  # a non-ASCII answer whose hash would solve the puzzle
        f"é{m}"
        for m in range(10_000)
        if hashlib.sha256(f"token-2:é{m}".encode()).digest()[0] >> 4 == 0
    )
    assert not pow_solved("token-2", lookalike, 4)
    assert not pow_solved("token-2", "٣", 1)  # a digit, but not an ASCII one
    assert pow_solved("token-2", "anything at all", -1)  # no puzzle: nothing to check


def test_not_found_names_the_id_unless_told_otherwise() -> None:
    refusal = not_found()
    assert (refusal.field, refusal.code, refusal.message, refusal.kind) == (
        "id",
        "not_found",
        "no such comment",
        Kind.NOT_FOUND,
    )
    other = not_found("no such rule", field="rule")
    assert (other.field, other.message, str(other)) == ("rule", "no such rule", "no such rule")


def test_a_refusal_carries_no_retry_or_details_unless_given() -> None:
    plain = Refusal("body", "too_long", "body is too long")
    assert (plain.kind, plain.retry_after, plain.details) == (Kind.INVALID, None, {})
    timed = Refusal(None, "slow_down", "wait", Kind.RATE_LIMITED, retry_after=30, details={"a": 1})
    assert (timed.field, timed.retry_after, timed.details) == (None, 30, {"a": 1})


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a\n" * 3, None),  # exactly the bound
        ("a\n" * 4, "too_many_lines"),
        ("<>&\"'", None),
        ("<>&\"'<", "too_much_markup"),
        ("XXXXXXXXXX<>", None),  # only the five characters that become markup count
    ],
)
def test_a_text_at_its_render_bounds_passes_and_one_more_is_refused(
    text: str, code: str | None
) -> None:
    bounds = RenderBounds(max_lines=3, max_markup=5)
    if code is None:
        check_renderable("body", text, bounds)
        return
    with pytest.raises(Refusal) as caught:
        check_renderable("body", text, bounds)
    assert (caught.value.field, caught.value.code) == ("body", code)
    assert caught.value.message.startswith("body may ")


@pytest.mark.parametrize(("normal", "recent", "bits"), [(1, 1, 0), (1, 2, 17), (0, 1, 16)])
def test_auto_difficulty_counts_doublings_of_even_a_tiny_normal_rate(
    normal: int, recent: int, bits: int
) -> None:
    assert pow_bits("auto", 16, recent, normal) == bits


def test_a_hidden_character_is_named_with_the_field() -> None:
    with pytest.raises(Refusal) as caught:
        refuse_hidden_characters("author", "An\u200bna")
    assert (caught.value.field, caught.value.code) == ("author", "control_character")
    assert caught.value.message == "author contains an invisible or control character (U+200B)"

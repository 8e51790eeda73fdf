"""Where a comment goes: the intake decision, an edit's decision, and the owner's transitions."""

from __future__ import annotations

import itertools

import pytest

from service.domain.comments import (
    BULK_ACTIONS,
    TRANSITIONS,
    Status,
    decide_status,
    shown_status,
    status_after_edit,
)

A, P, S, R = Status.APPROVED, Status.PENDING, Status.SPAM, Status.REJECTED
MODES = ("all", "first", "none")

# (looks like spam, moderation, trusted author, owner's rule, where the comment goes)
INTAKE = [
    (False, "all", False, "", P),
    (False, "all", True, "", P),  # under "all" even a trusted author waits
    (False, "first", False, "", P),
    (False, "first", True, "", A),  # an author with an approved comment goes live
    (False, "none", False, "", A),
    (False, "none", True, "", A),
    (False, "none", False, "queue", P),  # an owner's rule holds it whatever the mode
    (False, "first", True, "queue", P),
    (False, "none", True, "spam", S),
    (False, "all", False, "spam", S),
    (True, "none", True, "", S),  # spam never goes live
    (True, "first", True, "", S),
    (True, "all", False, "queue", S),  # and a queue rule does not rescue it from spam
    (False, "unknown", True, "", P),  # a mode it does not know waits, the safe side
    (False, "none", False, "other", A),  # a rule action it does not know changes nothing
]


@pytest.mark.parametrize(("spam", "moderation", "trusted", "rule", "status"), INTAKE)
def test_the_intake_decision_places_a_comment_by_signals_mode_and_rules(
    spam: bool, moderation: str, trusted: bool, rule: str, status: Status
) -> None:
    got = decide_status(
        looks_like_spam=spam, moderation=moderation, trusted_author=trusted, rule_action=rule
    )
    assert got == status


def test_without_a_rule_the_intake_decision_needs_no_rule_action() -> None:
    assert decide_status(looks_like_spam=False, moderation="none", trusted_author=False) == A


@pytest.mark.parametrize(("moderation", "trusted"), list(itertools.product(MODES, (False, True))))
def test_spam_is_never_published_in_any_mode(moderation: str, trusted: bool) -> None:
    for rule in ("", "queue", "spam"):
        assert (
            decide_status(
                looks_like_spam=True,
                moderation=moderation,
                trusted_author=trusted,
                rule_action=rule,
            )
            == S
        )


@pytest.mark.parametrize(
    ("before", "moderation", "rule", "after"),
    [
        (A, "none", "", A),
        (A, "first", "", A),
        (A, "all", "", P),  # the owner sees the edit before readers do
        (A, "none", "spam", S),
        (A, "first", "spam", S),
        (A, "none", "queue", P),
        (A, "all", "spam", S),
        (P, "none", "", P),  # an edit never publishes what was waiting
        (P, "all", "", P),
        (P, "all", "spam", S),
        (P, "none", "queue", P),
        (S, "none", "", S),  # nor brings back what was turned away
        (S, "all", "queue", S),
        (R, "none", "", R),
        (R, "none", "queue", R),
        (R, "all", "spam", R),
    ],
)
def test_an_edit_is_placed_by_the_intake_decision_for_its_new_text(
    before: Status, moderation: str, rule: str, after: Status
) -> None:
    assert status_after_edit(before, moderation, rule) == after


def test_an_edit_without_a_rule_needs_no_rule_action() -> None:
    assert status_after_edit(A, "none") == A
    assert status_after_edit(A, "all") == P


@pytest.mark.parametrize(
    ("action", "target"),
    [("approve", A), ("reject", R), ("spam", S), ("restore", P)],
)
def test_each_action_moves_a_comment_from_every_other_status_to_its_own(
    action: str, target: Status
) -> None:
    new, allowed = TRANSITIONS[action]
    assert new == target
    assert set(allowed) == set(Status) - {target}  # never from where it already is
    assert len(allowed) == len(set(allowed))


def test_the_owner_has_exactly_four_transitions_and_bulk_offers_all_but_restore() -> None:
    assert set(TRANSITIONS) == {"approve", "reject", "spam", "restore"}
    assert BULK_ACTIONS == ("approve", "reject", "spam")


@pytest.mark.parametrize(
    ("status", "shown"),
    [(P, P), (A, A), (R, R), (S, P)],
)
def test_the_poster_is_never_told_their_comment_went_to_spam(status: Status, shown: Status) -> None:
    assert shown_status(status) == shown


def test_statuses_are_stored_as_their_names() -> None:
    assert [str(s) for s in Status] == ["pending", "approved", "rejected", "spam"]

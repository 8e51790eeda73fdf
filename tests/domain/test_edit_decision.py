"""Where an author's edit leaves a comment, and how a change's scope travels between workers."""

from __future__ import annotations

import pytest

from service.domain.comments import ChangeScope, Status, status_after_edit
from service.store.engine import notice_payload, read_notice, scoped_changes

A, P, S, R = Status.APPROVED, Status.PENDING, Status.SPAM, Status.REJECTED


@pytest.mark.parametrize(
    ("before", "moderation", "rule", "after"),
    [
        (A, "none", "", A),
        (A, "first", "", A),
        (A, "all", "", P),  # the owner sees the edit before readers do
        (A, "none", "spam", S),
        (A, "first", "spam", S),
        (A, "none", "queue", P),
        (P, "none", "", P),  # an edit never publishes what was waiting
        (P, "all", "spam", S),
        (S, "none", "", S),  # nor brings back what was turned away
        (R, "none", "", R),
        (R, "none", "queue", R),
    ],
)
def test_an_edit_is_placed_by_the_intake_decision_for_its_new_text(
    before: Status, moderation: str, rule: str, after: Status
) -> None:
    assert status_after_edit(before, moderation, rule) == after


def test_a_scoped_change_travels_in_the_notice_and_an_unscoped_one_means_anything() -> None:
    assert read_notice(notice_payload("w1")) == ("w1", None)
    scope = ChangeScope(("/blog/een",), testimonials=True)
    with scoped_changes(scope):
        payload = notice_payload("w1")
    assert read_notice(payload) == ("w1", scope)
    assert read_notice(notice_payload("w1")) == ("w1", None)  # the scope ended with the block


@pytest.mark.parametrize("payload", ['{"sender": "w1"}', "{not json", '{"pages": 5}'])
def test_an_unreadable_notice_means_anything_changed(payload: str) -> None:
    assert read_notice(payload)[1] is None


def test_a_scope_too_long_for_a_notice_is_sent_as_anything() -> None:
    with scoped_changes(ChangeScope(("/p" * 5000,))):
        assert notice_payload("w1") == "w1"

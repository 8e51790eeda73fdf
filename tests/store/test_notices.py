"""How a change's scope travels between workers in the store's change notices."""

from __future__ import annotations

import pytest

from service.domain.comments import ChangeScope
from service.store.engine import notice_payload, read_notice, scoped_changes


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

"""The pure webhook rules: which addresses may be posted to, who gets what, how it is signed."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest

from service.domain.errors import Refusal
from service.domain.webhooks import (
    Event,
    Format,
    address_refusal,
    chat_body,
    check_url,
    first_words,
    payload,
    retry_delay,
    sign,
    wants,
)


@pytest.mark.parametrize(
    ("addresses", "scheme", "allow_local", "allowed"),
    [
        (["93.184.215.14"], "https", False, True),
        (["93.184.215.14"], "http", False, False),
        (["93.184.215.14"], "http", True, False),  # plain http only to a local address
        (["127.0.0.1"], "https", False, False),
        (["127.0.0.1"], "http", True, True),
        (["192.168.1.20"], "http", True, True),
        (["::1"], "https", True, True),
        (["::ffff:10.0.0.1"], "https", False, False),
        (["169.254.169.254"], "http", True, False),  # the metadata service, never
        (["fe80::1"], "https", True, False),
        (["0.0.0.0"], "http", True, False),  # noqa: S104 (an address refused, not bound)
        (["224.0.0.1"], "http", True, False),
        (["93.184.215.14", "10.0.0.1"], "https", False, False),  # every address must pass
        ([], "https", False, False),
    ],
)
def test_which_addresses_may_be_posted_to(
    addresses: list[str], scheme: str, allow_local: bool, allowed: bool
) -> None:
    assert (address_refusal(addresses, scheme, allow_local=allow_local) is None) is allowed


@pytest.mark.parametrize(
    "url",
    ["http://hooks.example/", "ftp://hooks.example/", "https://a:b@hooks.example/", "https:///x"],
)
def test_urls_that_are_refused_before_any_lookup(url: str) -> None:
    with pytest.raises(Refusal) as refused:
        check_url(url, allow_local=False)
    assert refused.value.field == "url"


def test_the_port_defaults_by_scheme() -> None:
    assert check_url("https://hooks.example/x", allow_local=False) == (
        "https",
        "hooks.example",
        443,
    )
    assert check_url("http://box.lan:8123/x", allow_local=True) == ("http", "box.lan", 8123)


def test_the_signature_is_the_standard_one() -> None:
    key = b"0123456789abcdef"
    secret = "whsec_" + base64.b64encode(key).decode()
    expected = hmac.new(key, b"msg_1.1700000000.{}", hashlib.sha256).digest()
    assert sign(secret, "msg_1", 1700000000, b"{}") == "v1," + base64.b64encode(expected).decode()


def test_the_email_goes_only_to_the_owners_own_system() -> None:
    data = {"id": 3, "email": "anna@example.nl"}
    outside = json.loads(payload("comment.created", "t", data, own_system=False))
    own = json.loads(payload("comment.created", "t", data, own_system=True))
    assert outside == {"type": "comment.created", "timestamp": "t", "data": {"id": 3}}
    assert own["data"]["email"] == "anna@example.nl"


def test_spam_goes_only_where_it_is_asked_for_and_tests_always() -> None:
    events = ["comment.created"]
    assert wants(events, False, Event.COMMENT_CREATED, "pending")
    assert not wants(events, False, Event.COMMENT_CREATED, "spam")
    assert wants(events, True, Event.COMMENT_CREATED, "spam")
    assert not wants(events, True, Event.REPORT_CREATED, "approved")
    assert wants([], False, Event.TEST, "")


def test_chat_bodies_and_first_words() -> None:
    assert json.loads(chat_body(Format.DISCORD, "hoi")) == {"content": "hoi"}
    assert json.loads(chat_body(Format.SLACK, "hoi")) == {"text": "hoi"}
    assert first_words("een twee drie", 2) == "een twee …"
    assert first_words("een  twee", 2) == "een twee"


def test_retries_last_about_a_day_then_stop() -> None:
    delays = [retry_delay(n) for n in range(1, 9)]
    assert delays[-1] is None and all(d is not None for d in delays[:-1])
    total = sum(d for d in delays if d is not None)
    assert 20 * 3600 <= total <= 30 * 3600

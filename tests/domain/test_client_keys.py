"""Who one client is, for the limits: IPv4 by address, IPv6 by /64, mapped IPv4 as IPv4 (R-16)."""

from __future__ import annotations

import pytest

from service.domain.abuse import limiter_address, unmapped


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("::FFFF:203.0.113.7", "203.0.113.7"),
        ("::ffff:cb00:7107", "203.0.113.7"),  # the same mapped address, written in hex
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("::1", "::/64"),
        ("testclient", "testclient"),  # not an address: kept as it came
        ("", ""),
    ],
)
def test_limiter_address_keys_each_client_as_itself(raw: str, key: str) -> None:
    assert limiter_address(raw) == key


def test_two_ipv4_clients_on_a_dual_stack_socket_get_two_keys() -> None:
    one = limiter_address("::ffff:198.51.100.1")
    other = limiter_address("::ffff:198.51.100.2")
    assert one != other
    assert one == limiter_address("198.51.100.1")


def test_unmapped_gives_the_ipv4_address_inside_a_mapped_one() -> None:
    assert unmapped("::ffff:127.0.0.1") == "127.0.0.1"
    assert unmapped("127.0.0.1") == "127.0.0.1"
    assert unmapped("2001:db8::1") == "2001:db8::1"
    assert unmapped("not-an-address") == "not-an-address"

"""The address key: one reader whatever capitals they type, and nothing more made one."""

from __future__ import annotations

import pytest

from service.domain.addresses import address_key


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Sanne.Jansen@Example.NL", "sanne.jansen@example.nl"),
        ("KEES@EXAMPLE.COM", "kees@example.com"),
        ("kees@example.com", "kees@example.com"),
        ("A.Z+Tag@Example.com", "a.z+tag@example.com"),
        ("", ""),
    ],
)
def test_capitals_make_no_other_reader(typed: str, key: str) -> None:
    assert address_key(typed) == key


@pytest.mark.parametrize(
    "address",
    ["Ünal@example.de", "\u212aees@example.com", "İris@example.com"],
    ids=["umlaut", "kelvin-sign", "dotted-i"],
)
def test_letters_beyond_ascii_are_left_as_they_are(address: str) -> None:
    """What the database's key columns keep too: a look-alike never becomes another reader."""
    assert address_key(address)[0] == address[0]
    assert address_key(address)[1:] == address[1:].lower()

"""The key an e-mail address is matched by: one reader whatever capitals they typed.

Threat: a privacy request answered with "we hold nothing" while we do. `Sanne.Jansen@example.nl`
and `sanne.jansen@example.nl` reach the same mailbox at every provider a reader uses, so the
privacy tools, manage links and reply subscriptions must treat them as one. What the reader
typed is kept for display; only the match uses the key.

Only the ASCII letters A-Z are folded. That is all an address we accept can hold (see
`validation.clean_email`), and it is exactly what the `*_key` columns of migration 012 compute
(`lower()` on SQLite, `lower(... COLLATE "C")` on PostgreSQL), so the key computed here and the
key the database keeps for stored rows are equal for every address, imported ones too. Unicode
folding would also make look-alikes one reader (the Kelvin sign folds to "k"), which a manage
link must never do.
"""

from __future__ import annotations

import string

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def address_key(address: str) -> str:
    """The match key of `address`: its ASCII capitals made small, nothing else changed."""
    return address.translate(_ASCII_LOWER)

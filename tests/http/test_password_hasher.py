"""The owner's password is hashed with argon2id at OWASP's parameters or stronger.

The tests swap in a cheap hasher (tests/conftest.py); this checks the one the service keeps.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type, extract_parameters

from service import passwords


def test_production_hasher_is_argon2id_with_at_least_t3_m64mib_p4(
    production_hasher: PasswordHasher,
) -> None:
    assert production_hasher is not passwords._hasher, "the run's cheap hasher is not the one"
    made = extract_parameters(production_hasher.hash("lang-genoeg-wachtwoord"))
    assert made.type is Type.ID
    assert made.time_cost >= 3
    assert made.memory_cost >= 65536  # KiB, 64 MiB
    assert made.parallelism >= 4

"""Every word Chorus shows or sends, in one place: one catalog module a language, keyed by id.

`nl.py` and `en.py` each hold a `MESSAGES` dict with the same keys (a test checks the keys and
their `{placeholders}`). Keys are dotted by where the words appear: `widget.comments.title` in
the comments widget (the build puts each widget's table into its script, service/assets.py),
`refusal.too_long` for what the public API tells a reader, `hint.phone` for the owner's hints,
`admin.approve` on the moderation pages (service/web/admin_text.py hands them to the pages).

The catalogs are Python modules rather than JSON files: importing them reads no file at run
time, mypy and ruff check them like the rest of the code, a note for translators sits beside a
message as a comment, and a long message wraps in parentheses without escapes.

Adding a language is adding one module here, named by its code (`de.py`), with every key:
`LANGUAGES` lists the modules it finds, and the parity test holds the new one to the same keys.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Mapping

# The language for everything a caller's language does not decide.
FALLBACK = "en"

_CATALOGS: dict[str, Mapping[str, str]] = {
    module.name: importlib.import_module(f"{__name__}.{module.name}").MESSAGES
    for module in pkgutil.iter_modules(__path__)
    if len(module.name) == 2 and module.name.isalpha()
}
LANGUAGES: tuple[str, ...] = tuple(sorted(_CATALOGS))


def catalog(lang: str) -> Mapping[str, str]:
    """Every message of `lang` by key; the fallback's for a language Chorus does not speak."""
    return _CATALOGS.get(lang) or _CATALOGS[FALLBACK]


def message(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang`, its `{placeholders}` filled in from `values`.

    Raises KeyError for a key no catalog has: a typo should fail a test, not show a reader an id.
    """
    words = catalog(lang)[key]
    return words.format(**values) if values else words


def client_word(lang: str) -> str:
    """ "a client" in `lang`: the name of a testimonial whose author wants none shown."""
    return message(lang, "name.client")


def client_words() -> tuple[str, ...]:
    """ "a client" in every language Chorus speaks: a display name the owner may always choose."""
    return tuple(client_word(lang) for lang in LANGUAGES)


def plural(lang: str, key: str, n: int, **values: object) -> str:
    """`key_one` for one, `key_other` for any other count, with {n} filled in."""
    suffix = "_one" if n == 1 else "_other"
    return message(lang, key + suffix, n=n, **values)


def section(lang: str, prefix: str) -> dict[str, str]:
    """The messages under `prefix` (such as `widget.comments`), keyed without it."""
    start = prefix + "."
    return {
        key[len(start) :]: message
        for key, message in catalog(lang).items()
        if key.startswith(start)
    }


def placeholders(message: str) -> frozenset[str]:
    """The names of the `{placeholders}` in `message`."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(message) if name)

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
How a language writes dates and numbers is in its catalog too (`format.*`), and so is its plural
rule where it is not "one for exactly 1" (a function `one(n)` beside MESSAGES, as in `fr.py`).
No CLDR library is needed for four languages whose months and separators fit in a few keys;
the short months are CLDR's abbreviated ones, as the widgets get them from the browser's Intl
(Dutch writes "dec" without a period), and a browser test holds the two together.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Callable, Mapping

# The language for everything a caller's language does not decide.
FALLBACK = "en"

_MODULES = {
    module.name: importlib.import_module(f"{__name__}.{module.name}")
    for module in pkgutil.iter_modules(__path__)
    if len(module.name) == 2 and module.name.isalpha()
}
_CATALOGS: dict[str, Mapping[str, str]] = {code: m.MESSAGES for code, m in _MODULES.items()}
LANGUAGES: tuple[str, ...] = tuple(sorted(_CATALOGS))


def _exactly_one(n: int) -> bool:
    return n == 1


# Whether a count takes the `_one` form: exactly 1 unless a catalog module says otherwise.
_ONE: dict[str, Callable[[int], bool]] = {
    code: getattr(module, "one", _exactly_one) for code, module in _MODULES.items()
}


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
    """`key_one` where `lang` uses the singular for `n` (1; in French 0 too), `key_other` for
    any other count, with {n} filled in."""
    one = _ONE.get(lang if lang in _CATALOGS else FALLBACK, _exactly_one)
    suffix = "_one" if one(n) else "_other"
    return message(lang, key + suffix, n=n, **values)


def number(lang: str, value: float, decimals: int = 0) -> str:
    """`value` as readers of `lang` write it: 4,8 and 10.000 in Dutch, 4.8 and 10,000 in
    English, 10 000 in French (the catalog's `format.decimal` and `format.thousands`)."""
    words = catalog(lang)
    point = words["format.decimal"].format(whole="", fraction="")
    group = words["format.thousands"].format(thousands="", rest="")
    grouped = f"{value:,.{decimals}f}"
    return grouped.replace(",", "\0").replace(".", point).replace("\0", group)


def listing(lang: str, items: list[str]) -> str:
    """`items` in one line as readers of `lang` list them ("a; b" in Dutch, "a ; b" in French,
    the catalog's `format.list`)."""
    if not items:
        return ""
    joined = items[0]
    for item in items[1:]:
        joined = message(lang, "format.list", first=joined, then=item)
    return joined


def date(lang: str, day: int, month: int, year: int, short: bool = False) -> str:
    """A date written out as readers of `lang` do: "7 december 2026", "7. Dezember 2026"; with
    `short`, the months' short names ("7 déc. 2026")."""
    name = message(lang, f"{'month_short' if short else 'month'}.{month}")
    return message(lang, "format.date", day=day, month=name, year=year)


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

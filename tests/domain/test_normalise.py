"""One normalisation for every matcher: what a reader sees, and where a browser goes.

Each trick below walked past at least one of the owner's word rules, duplicate detection and the
reserved names (or, for hosts, the owner's domain rules) before they shared `normalise`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from service.domain.abuse import Rule, duplicate_key, link_hosts, matching_rule, parse_rule
from service.domain.errors import Refusal
from service.domain.names import refuse_impersonation
from service.domain.normalise import browser_host, skeleton, visible
from service.domain.pages import own_page_url
from service.domain.validation import clean_url

OWNER_NAMES = ["Sanne", "Massagepraktijk Ontspan"]
ORIGINAL = "Mijn rugpijn is weg na drie behandelingen. Echt een aanrader"
WORD_TEXT = "Win big at the casino tonight"


def _rule(kind: str, value: str, action: str = "spam") -> Rule:
    k, v, a = parse_rule(kind, value, action)
    return Rule(1, k, v, a)


def _inside(mark: str) -> Callable[[str], str]:
    """Put `mark` inside every word of three letters or more (and after the text)."""

    def apply(text: str) -> str:
        words = [
            w[: len(w) // 2] + mark + w[len(w) // 2 :] if len(w) > 2 else w for w in text.split(" ")
        ]
        return " ".join(words) + mark

    return apply


def _letters(table: dict[str, str]) -> Callable[[str], str]:
    return lambda text: text.translate(str.maketrans(table))


CYRILLIC = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "i": "і", "S": "Ѕ", "E": "Е"}
GREEK = {"o": "ο", "a": "α", "i": "ι", "p": "ρ", "v": "ν"}

TEXT_TRICKS: list[tuple[str, Callable[[str], str]]] = [
    ("combining grapheme joiner U+034F", _inside("\u034f")),
    ("variation selector U+FE0F", _inside("\ufe0f")),
    ("variation selector U+FE00", _inside("\ufe00")),
    ("variation selector supplement U+E0100", _inside("\U000e0100")),
    ("variation selector supplement U+E01EF", _inside("\U000e01ef")),
    ("Hangul choseong filler U+115F", _inside("\u115f")),
    ("Hangul jungseong filler U+1160", _inside("\u1160")),
    ("Hangul filler U+3164", _inside("\u3164")),
    ("halfwidth Hangul filler U+FFA0", _inside("\uffa0")),
    ("Khmer inherent vowel U+17B4", _inside("\u17b4")),
    ("braille blank U+2800 for spaces", lambda t: t.replace(" ", "\u2800") + "\u2800"),
    ("Cyrillic look-alikes", _letters(CYRILLIC)),
    ("Greek look-alikes", _letters(GREEK)),
    ("digits and letter pairs", _letters({"o": "0", "O": "0", "l": "1", "m": "rn"})),
    ("Cyrillic and fullwidth together", lambda t: _letters(CYRILLIC)(t).replace("n", "ｎ")),
]
TRICK_IDS = [name for name, _ in TEXT_TRICKS]


@pytest.mark.parametrize(("name", "trick"), TEXT_TRICKS, ids=TRICK_IDS)
def test_a_disguise_fools_no_matcher(name: str, trick: Callable[[str], str]) -> None:
    word = _rule("word", "casino")
    assert matching_rule([word], trick(WORD_TEXT)) == word
    phrase = _rule("phrase", "gratis proefles")
    assert matching_rule([phrase], trick("Vraag nu een gratis proefles aan")) == phrase
    assert duplicate_key(trick(ORIGINAL)) == duplicate_key(ORIGINAL)
    for owner in OWNER_NAMES:
        with pytest.raises(Refusal) as refused:
            refuse_impersonation("author", trick(owner), OWNER_NAMES)
        assert refused.value.code == "reserved_name"


@pytest.mark.parametrize(
    "word", ["ｃａｓｉｎｏ", "𝐜𝐚𝐬𝐢𝐧𝐨", "𝔠𝔞𝔰𝔦𝔫𝔬", "CASINO", "ca\u200bsino", "ca\u00adsino"]
)
def test_compatibility_forms_and_format_characters_stay_held(word: str) -> None:
    rule = _rule("word", "casino")
    assert matching_rule([rule], f"Win big at the {word} tonight") == rule
    assert skeleton(word) == "casino"


def test_a_rule_is_stored_as_the_owner_reads_it() -> None:
    assert parse_rule("word", "Ca\u034fsino\u3164", "spam")[1] == "casino"
    assert parse_rule("phrase", "Gratis\u2800Proefles!", "queue")[1] == "gratis proefles"
    assert visible("Ｓａｎｎｅ\ufe0f") == "sanne"


# -- hosts as a browser reads them --------------------------------------------------------------

HOST_TRICKS = [
    ("trailing dot", "https://casino.example./deal"),
    ("percent-encoded dot", "https://casino%2eexample/deal"),
    ("percent-encoded dot in capitals", "https://casino%2Eexample/deal"),
    ("percent-encoded letters", "https://%63asino.example/deal"),
    ("ideographic full stop U+3002", "https://casino\u3002example/deal"),
    ("fullwidth full stop U+FF0E", "https://casino\uff0eexample/deal"),
    ("halfwidth ideographic full stop U+FF61", "https://casino\uff61example/deal"),
    ("backslash before user info", "https://casino.example\\@good.example/"),
    ("backslash as the path", "https://casino.example\\deal"),
    ("user info and a backslash", "https://reader@casino.example\\@good.example/"),
    ("uppercase fullwidth", "https://ＣＡＳＩＮＯ.EXAMPLE/deal"),
    ("mathematical letters", "https://𝐜𝐚𝐬𝐢𝐧𝐨.example/deal"),
    ("soft hyphen", "https://casi\u00adno.example/deal"),
    ("zero-width space", "https://casi\u200bno.example/deal"),
    ("combining grapheme joiner", "https://casi\u034fno.example/deal"),
    ("variation selector", "https://casi\ufe0fno.example/deal"),
    ("subdomain and trailing dot", "https://shop.casino.example.:8443/"),
]


@pytest.mark.parametrize(("case", "link"), HOST_TRICKS, ids=[c for c, _ in HOST_TRICKS])
def test_a_domain_rule_holds_a_link_a_browser_would_follow_there(case: str, link: str) -> None:
    rule = _rule("domain", "casino.example")
    assert matching_rule([rule], f"Kijk op {link} vandaag") == rule
    assert matching_rule([rule], "Gewoon een verhaal", link) == rule  # as the website


@pytest.mark.parametrize(
    ("rule_value", "link"),
    [
        ("bücher.example", "https://xn--bcher-kva.example/"),
        ("BÜCHER.example", "https://bücher.example/"),
        ("xn--bcher-kva.example", "https://bücher.example/"),
        ("xn--bcher-kva.example", "https://BÜCHER.example/"),
        ("xn--bcher-kva.example", "https://bu\u0308cher.example/"),  # ü as u + combining mark
        ("https://www.bücher.example/", "https://shop.bücher。example/"),
    ],
)
def test_a_unicode_domain_and_its_punycode_are_one_domain(rule_value: str, link: str) -> None:
    rule = _rule("domain", rule_value)
    assert rule.value == "xn--bcher-kva.example"
    assert matching_rule([rule], f"Kijk op {link}") == rule


@pytest.mark.parametrize(
    "link",
    ["http://0xcb.0.113.5/", "http://3405803781/", "http://203.0.113.5./", "http://0313.0.113.5/"],
)
def test_an_address_rule_holds_every_way_a_browser_spells_the_address(link: str) -> None:
    rule = _rule("domain", "203.0.113.5")
    assert matching_rule([rule], f"Kijk op {link}") == rule


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://Casino.Example/", "casino.example"),
        ("https://reader:pw@casino.example:8080/x", "casino.example"),
        ("https://casino.example\\@good.example/", "casino.example"),
        ("https:\\\\casino.example", "casino.example"),
        ("https://good.example#@casino.example", "good.example"),
        ("https://[2001:DB8::1]:443/", "[2001:db8::1]"),
        ("mailto:casino.example", None),
        ("https://", None),
        ("https://%ff/", None),
        ("https://casino.example.0x/", None),
    ],
)
def test_the_host_is_the_one_a_browser_connects_to(url: str, host: str | None) -> None:
    assert browser_host(url) == host


@pytest.mark.parametrize(
    ("url", "stored"),
    [
        ("https://casino%2eexample/deal", "https://casino.example/deal"),
        ("https://Casino\u3002Example./", "https://casino.example/"),
        ("https://BÜCHER.example:8443", "https://xn--bcher-kva.example:8443/"),
        ("http://0xcb.0.113.5/", "http://203.0.113.5/"),
    ],
)
def test_a_website_is_stored_with_the_host_a_browser_goes_to(url: str, stored: str) -> None:
    assert clean_url("website", url) == stored


@pytest.mark.parametrize("url", ["https://good.example%40casino.example/", "https://%ff.example"])
def test_a_website_whose_host_no_browser_could_reach_is_refused(url: str) -> None:
    with pytest.raises(Refusal) as refused:
        clean_url("website", url)
    assert (refused.value.field, refused.value.code) == ("website", "invalid_url")


def test_a_page_on_a_unicode_public_url_is_still_the_sites_own() -> None:
    url = clean_url("page_url", "https://bücher.example/blog/a")
    assert own_page_url(url, "https://bücher.example", []) == url


# -- what must not be caught --------------------------------------------------------------------

DUTCH = [
    "Eén keer per week naar de massage, en de ideeën voor thuis zijn geweldig.",
    "Ik was eerst sceptisch, maar ben nu echt geïnteresseerd in de cursus.",
    "Het café naast de praktijk is naïef ingericht, maar de koffie is goed.",
    "Coördinatie van mijn rug en schouders is beter; ik ben enorm tevreden.",
]


@pytest.mark.parametrize("text", DUTCH)
def test_dutch_with_diacritics_is_not_held_by_rules_on_the_plain_spelling(text: str) -> None:
    rules = [
        _rule("word", "een"),
        _rule("word", "ideeen"),
        _rule("word", "geinteresseerd"),
        _rule("word", "cafe"),
        _rule("word", "naief"),
        _rule("word", "coordinatie"),
        _rule("domain", "casino.example"),
    ]
    assert matching_rule(rules, text) is None


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Eén keer per week", "Een keer per week"),
        ("Het café is open", "Het cafe is open"),
        ("Ze is geïnteresseerd", "Ze is geinteresseerd"),
        ("Mijn rugpijn is weg", "Mijn rugpijn is wég"),
    ],
)
def test_diacritics_make_a_different_text(one: str, other: str) -> None:
    assert duplicate_key(one) != duplicate_key(other)


@pytest.mark.parametrize(
    "name",
    ["Саша Иванова", "Σοφία Παπαδοπούλου", "李娜", "Zoë Ümit", "Anaïs", "Sanna", "Sanne de Vries"],
)
def test_legitimate_names_in_any_script_are_not_the_owners(name: str) -> None:
    refuse_impersonation("author", name, OWNER_NAMES)


@pytest.mark.parametrize(
    "link",
    [
        "https://notcasino.example/",
        "https://casino.example.org/",
        "https://casino-example.nl/",
        "https://example.org/casino.example",
        "https://example.org/?u=casino.example",
        "https://example.org/#casino.example",
        "https://casino.example@good.example/",  # user info: the browser goes to good.example
        "https://xn--csino-8ve.example/",  # a different domain, not a spelling of this one
    ],
)
def test_links_elsewhere_are_not_held_by_a_domain_rule(link: str) -> None:
    assert matching_rule([_rule("domain", "casino.example")], f"Zie {link}") is None


def test_the_hosts_of_a_text_are_found_once_each() -> None:
    text = "https://www.casino.example/a en https://CASINO.example./b en http://good.example"
    assert link_hosts(text) == {"casino.example", "good.example"}

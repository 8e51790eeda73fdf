"""Old comments brought in: their HTML read as text, dates, page maps, and the rules they pass."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from service.domain.comments import Status
from service.domain.errors import Kind, Refusal
from service.domain.imports import (
    ANONYMOUS,
    Imported,
    PageRule,
    ParsedFile,
    SourceComment,
    SourceLog,
    clean_text,
    from_epoch,
    html_to_text,
    page_key,
    parse_date,
    parse_page_map,
    plan,
    prepare,
    refused_file,
    stamp,
)
from service.domain.imports import (
    testimonial_kept as kept_as_testimonial,  # not named test*: pytest would collect it
)

CREATED = "2019-05-14T08:12:03.000000Z"
BODY = "Sinds de massage slaap ik niet meer slecht. Echt een aanrader."


def found(**fields: Any) -> SourceComment:
    """A plain approved comment from an old system, with `fields` changed."""
    base: dict[str, Any] = {
        "key": "wp-1",
        "parent_key": None,
        "page": "https://blog.example/2019/05/slapen/",
        "page_title": "Slapen",
        "author": "Zoë",
        "email": "zoe@example.nl",
        "website": "https://zoe.example",
        "body": BODY,
        "html": False,
        "status": Status.APPROVED,
        "created_at": "2019-05-14 08:12:03",
    }
    return SourceComment(**{**base, **fields})


def ready(item: SourceComment, rules: list[PageRule] | None = None, **limits: int) -> Imported:
    got = prepare(item, rules or [], limits.get("max_body", 5000), limits.get("max_name", 100))
    assert isinstance(got, Imported), got
    return got


# -- HTML to text -------------------------------------------------------------------------------

HTML = [
    ("<p>een</p><p>twee</p>", "een\n\ntwee"),
    ("een<br>twee<br/>drie", "een\ntwee\ndrie"),
    ("<div>een</div>twee", "een\n\ntwee"),
    ("<ul><li>een</li><li>twee</li></ul>", "een\n\ntwee"),
    ("<blockquote>zij zei</blockquote>ik", "> zij zei\n\nik"),
    ("<h2>Kop</h2><pre>code</pre>", "Kop\n\ncode"),
    ("<strong>vet</strong> en <em>schuin</em>", "vet en schuin"),
    ("Tom &amp; Jerry &lt;3 &eacute;&#233;", "Tom & Jerry <3 éé"),
    ("a<script>alert(1)</script>b", "ab"),
    ("a<style>p{}</style>b", "ab"),
    ("a</script>b", "ab"),  # a stray end tag does not hide what follows
    ("a</script><script>x</script>b", "ab"),
    ('<a href="https://e.nl/x">hier</a>', "hier (https://e.nl/x)"),
    ('<a href="HTTP://e.nl/x">hier</a>', "hier (HTTP://e.nl/x)"),
    ('<a href="https://e.nl/x">https://e.nl/x</a>', "https://e.nl/x"),  # not said twice
    ('<a href="https://e.nl/x">zie <b>https://e.nl/x</b></a>', "zie https://e.nl/x"),
    ('<a href="https://e.nl/x">https://e.nl/<b>x</b></a>', "https://e.nl/x"),  # split in pieces
    ("a</a>b", "ab"),  # an end tag before any link
    ('<a href="javascript:alert(1)">klik</a>', "klik"),
    ('<a href="/relatief">klik</a>', "klik"),
    ("<a>geen adres</a>", "geen adres"),
    ('<a name="x" href>leeg</a>', "leeg"),
    ('<a href="https://e.nl/a">hier</a> en </a>', "hier (https://e.nl/a) en"),
    (
        '<a href="https://e.nl/a">a</a><a href="https://e.nl/b">b</a>',
        "a (https://e.nl/a)b (https://e.nl/b)",
    ),
]


@pytest.mark.parametrize(("markup", "text"), HTML)
def test_old_html_becomes_plain_text_with_paragraphs_and_spelled_out_links(
    markup: str, text: str
) -> None:
    assert clean_text(html_to_text(markup)) == text


def test_html_blocks_open_and_close_paragraphs() -> None:
    assert html_to_text("<p>a</p>b<br>c") == "\n\na\n\nb\nc"


# -- clean text ---------------------------------------------------------------------------------

TEXTS = [
    ("e\u0301", "\u00e9"),  # NFC
    ("een\r\ntwee\rdrie", "een\ntwee\ndrie"),
    ("a\x00b\x07c\x1bd\x7fe\x9ff", "abcdef"),  # controls dropped, not refused: it is old text
    ("a\u202eb\u2066c", "abc"),
    ("a\xa0b", "a b"),
    ("a  \t b", "a b"),
    ("  a  \n  b  ", "a\nb"),
    ("a\n\n\n\n\nb", "a\n\nb"),
    ("a\n\nb", "a\n\nb"),
    ("a\n \n \nb", "a\n\nb"),
    ("\n\n a \n\n", "a"),
    ("a\tb\nc", "a b\nc"),
]


@pytest.mark.parametrize(("raw", "clean"), TEXTS)
def test_clean_text_tidies_old_text_without_changing_its_words(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


# -- dates --------------------------------------------------------------------------------------

DATES = [
    ("2019-05-14 08:12:03", "2019-05-14T08:12:03.000000Z"),  # WordPress's GMT date
    ("  2019-05-14 08:12:03  ", "2019-05-14T08:12:03.000000Z"),
    ("2012-09-03T19:28:27Z", "2012-09-03T19:28:27.000000Z"),
    ("2012-09-03T21:28:27+02:00", "2012-09-03T19:28:27.000000Z"),
    ("2012-09-03T19:28:27.5-01:00", "2012-09-03T20:28:27.500000Z"),
    ("2012-09-03", "2012-09-03T00:00:00.000000Z"),
    ("1995-01-01 00:00:00", "1995-01-01T00:00:00.000000Z"),
    ("1994-12-31 23:59:59", None),  # before the web had comments: a placeholder
    ("0000-00-00 00:00:00", None),  # WordPress's "never"
    ("", None),
    ("gisteren", None),
    ("2019-13-01 00:00:00", None),
    ("2019-05-14 08:12:03Z", "2019-05-14T08:12:03.000000Z"),
]


@pytest.mark.parametrize(("raw", "stored"), DATES)
def test_old_dates_are_read_as_utc_or_refused(raw: str, stored: str | None) -> None:
    assert parse_date(raw) == stored


def test_a_moment_is_stored_fixed_width_in_utc() -> None:
    assert stamp(datetime(2020, 1, 2, 3, 4, 5, 6)) == "2020-01-02T03:04:05.000006Z"
    later = datetime(2020, 1, 2, 5, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    assert stamp(later) == "2020-01-02T03:04:05.000000Z"
    assert stamp(datetime(2020, 1, 2, tzinfo=UTC)) == "2020-01-02T00:00:00.000000Z"


def test_epoch_seconds_are_utc_moments_in_any_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    try:
        assert from_epoch(0) == "1970-01-01T00:00:00.000000Z"
        assert stamp(datetime(2020, 1, 2, 3, 4, 5)) == "2020-01-02T03:04:05.000000Z"
        later = datetime(2020, 1, 2, 5, 4, 5, tzinfo=timezone(timedelta(hours=2)))
        assert stamp(later) == "2020-01-02T03:04:05.000000Z"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_epoch_seconds_are_utc_moments() -> None:
    assert from_epoch(0) == "1970-01-01T00:00:00.000000Z"
    assert from_epoch(1_500_000_000.25) == "2017-07-14T02:40:00.250000Z"


# -- page maps ----------------------------------------------------------------------------------


def test_page_map_rules_are_read_trimmed_and_the_longest_prefix_first() -> None:
    rules = parse_page_map(["/2019/=/blog/", " /2019/05/ = /blog/mei/ ", "https://old.nl/=/x/"])
    assert rules == [
        PageRule("https://old.nl/", "/x/"),
        PageRule("/2019/05/", "/blog/mei/"),
        PageRule("/2019/", "/blog/"),
    ]
    assert parse_page_map([]) == []


@pytest.mark.parametrize(
    "rule",
    ["/old/", "=/new/", "/old/=", "/old/=new/", "   =/new/", "/o/=/" + "n" * 1996, " = "],
)
def test_a_page_map_rule_must_map_a_prefix_to_a_path(rule: str) -> None:
    with pytest.raises(Refusal) as caught:
        parse_page_map(["/ok/=/fine/", rule])
    assert (caught.value.field, caught.value.code) == ("page_map", "invalid")
    assert repr(rule[:80]) in caught.value.message
    assert "/old/path/=/new/path/" in caught.value.message


def test_a_page_map_rule_splits_at_its_first_equals_sign() -> None:
    assert parse_page_map(["/old/=/new/?a=b"]) == [PageRule("/old/", "/new/?a=b")]


def test_a_page_map_rule_of_exactly_2000_characters_is_read() -> None:
    rule = "/o/=/" + "n" * 1995
    assert len(rule) == 2000
    assert parse_page_map([rule]) == [PageRule("/o/", "/" + "n" * 1995)]


RULES = [
    PageRule("https://old.example/archief", "/blog/"),
    PageRule("/2019/05/", "/mei/"),
    PageRule("/2019/", "/jaar/"),
]
KEYS = [
    ("https://blog.example/over/", [], "/over/"),
    ("https://blog.example/?p=12", [], "/?p=12"),
    ("https://blog.example/zoek?q=slaap&p=2", [], "/zoek?q=slaap&p=2"),
    ("https://blog.example", [], "/"),
    ("", [], "/"),
    ("over/", [], "/over/"),
    ("  /over/  ", [], "/over/"),
    ("/2019/05/magnesium/", RULES, "/mei/magnesium/"),  # the longest prefix wins
    ("/2019/06/melatonine/", RULES, "/jaar/06/melatonine/"),
    ("https://blog.example/2019/05/x/", RULES, "/mei/x/"),  # a path rule on a URL's path
    ("https://old.example/archief/x/", RULES, "/blog/x/"),  # no doubled slash
    ("https://old.example/archiefje", RULES, "/blog/je"),
    ("https://old.example/archiefXL", RULES, "/blog/XL"),
    ("http://older.example/x/", [PageRule("http://older.example/", "/oud/")], "/oud/x/"),
    ("https://other.example/archief/x/", RULES, "/archief/x/"),
    ("/2018/x/", RULES, "/2018/x/"),
    ("/x/2019/", RULES, "/x/2019/"),  # a prefix, not anywhere in the path
]


@pytest.mark.parametrize(("address", "rules", "key"), KEYS)
def test_an_old_thread_gets_the_widgets_page_key_mapped_by_the_rules(
    address: str, rules: list[PageRule], key: str
) -> None:
    assert page_key(address, rules) == key


def test_a_url_rule_is_recognised_whatever_the_case_of_its_scheme() -> None:
    rules = [PageRule("HTTPS://old.example/", "/nieuw/")]
    assert page_key("HTTPS://old.example/a", rules) == "/nieuw/a"


# -- testimonials -------------------------------------------------------------------------------

CONSENTED: dict[str, Any] = {"consent": True, "consent_at": "2020-01-01T00:00:00Z"}
# (fields of the source comment, kept as a testimonial, excerpt, why not)
TESTIMONIALS: list[tuple[dict[str, Any], bool, str, str | None]] = [
    ({"testimonial": True, **CONSENTED}, True, "", None),
    (
        {"testimonial": True, "excerpt": "Echt een aanrader.", **CONSENTED},
        True,
        "Echt een aanrader.",
        None,
    ),
    (
        {"testimonial": True, "excerpt": "slaap ik", **CONSENTED},
        False,
        "",
        "testimonial_excerpt_not_in_text",
    ),
    (
        {"testimonial": True, "excerpt": "Wonderbaarlijk!", **CONSENTED},
        False,
        "",
        "testimonial_excerpt_not_in_text",
    ),
    (
        {"testimonial": True, "excerpt": "meer slecht.", **CONSENTED},
        False,
        "",
        "testimonial_excerpt_not_in_text",
    ),
    ({"testimonial": True}, False, "", "testimonial_without_consent"),
    ({"testimonial": True, "consent": True}, False, "", "testimonial_without_consent"),
    (
        {"testimonial": True, "consent": True, "consent_at": "ooit"},
        False,
        "",
        "testimonial_without_consent",
    ),
    (
        {"testimonial": True, "consent_at": "2020-01-01T00:00:00Z"},
        False,
        "",
        "testimonial_without_consent",
    ),
    (
        {"testimonial": True, "status": Status.PENDING, **CONSENTED},
        False,
        "",
        "testimonial_not_approved",
    ),
    (
        {"testimonial": True, "status": Status.SPAM, **CONSENTED},
        False,
        "",
        "testimonial_not_approved",
    ),
    ({"testimonial": True, "owner": True, **CONSENTED}, False, "", "testimonial_not_approved"),
    ({"excerpt": "Echt een aanrader.", **CONSENTED}, False, "Echt een aanrader.", None),
    ({"excerpt": "slaap ik"}, False, "", None),  # not a testimonial: nothing to report
    ({}, False, "", None),
]


@pytest.mark.parametrize(("fields", "kept", "excerpt", "why"), TESTIMONIALS)
def test_an_imported_testimonial_passes_the_owners_own_checks(
    fields: dict[str, Any], kept: bool, excerpt: str, why: str | None
) -> None:
    assert kept_as_testimonial(found(**fields), BODY) == (kept, excerpt, why)


# -- prepare: one comment -----------------------------------------------------------------------


def test_a_plain_comment_is_prepared_with_its_page_key_date_and_status() -> None:
    log = (SourceLog("approve", "owner", "pending", "approved", "", CREATED),)
    got = ready(found(parent_key="wp-0", log=log, same_as_id=9, status=Status.SPAM))
    assert got == Imported(
        key="wp-1",
        parent_key="wp-0",
        page_key="/2019/05/slapen/",
        page_title="Slapen",
        page_url="https://blog.example/2019/05/slapen/",
        author="Zoë",
        email="zoe@example.nl",
        website="https://zoe.example",
        body=BODY,
        status=Status.SPAM,
        created_at=CREATED,
        owner=False,
        consent=False,
        consent_at=None,
        consent_version=None,
        testimonial=False,
        excerpt="",
        promoted_at=None,
        rating=None,
        lang="",
        updated_at=CREATED,
        moderated_at=None,
        log=log,
        same_as_id=9,
    )


def test_an_html_body_becomes_text_and_a_plain_one_stays_as_written() -> None:
    assert ready(found(body="<p>a &amp; b</p>", html=True)).body == "a & b"
    assert ready(found(body="<p>a &amp; b</p>")).body == "<p>a &amp; b</p>"


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"body": ""}, "empty"),
        ({"body": " \n\t "}, "empty"),
        ({"body": "<p> </p><br>", "html": True}, "empty"),
        ({"body": "\x00\x07"}, "empty"),
        ({"body": "a" * 11}, "too_long"),
        ({"body": "<b>" + "a" * 11 + "</b>", "html": True}, "too_long"),
        ({"created_at": "", "body": "kort"}, "bad_date"),
        ({"created_at": "0000-00-00 00:00:00", "body": "kort"}, "bad_date"),
        ({"created_at": "vorige week", "body": "kort"}, "bad_date"),
    ],
)
def test_a_comment_that_cannot_come_in_is_skipped_with_a_reason(
    fields: dict[str, Any], reason: str
) -> None:
    assert prepare(found(**fields), [], 10, 100) == reason


def test_a_body_at_the_sites_limit_comes_in() -> None:
    assert ready(found(body="<b>" + "a" * 10 + "</b>", html=True), max_body=10).body == "a" * 10


def test_the_page_key_follows_the_page_map_and_is_at_most_500_characters() -> None:
    rules = parse_page_map(["/2019/05/=/blog/"])
    assert ready(found(), rules).page_key == "/blog/slapen/"
    assert len(ready(found(page="/" + "p" * 600)).page_key) == 500


@pytest.mark.parametrize(
    ("fields", "page_url"),
    [
        ({}, "https://blog.example/2019/05/slapen/"),
        ({"page": "/2019/05/slapen/"}, ""),
        (
            {"page": "/slapen/", "page_url": "https://blog.example/slapen/"},
            "https://blog.example/slapen/",
        ),
        ({"page": "HTTP://blog.example/x"}, "HTTP://blog.example/x"),
        ({"page": "https://e.nl/" + "p" * 2100}, "https://e.nl/" + "p" * (2000 - 13)),
    ],
)
def test_the_page_address_is_kept_only_when_it_is_a_web_address(
    fields: dict[str, Any], page_url: str
) -> None:
    assert ready(found(**fields)).page_url == page_url


@pytest.mark.parametrize(
    ("title", "kept"),
    [(" Slapen\n en  dromen ", "Slapen en dromen"), ("t" * 400, "t" * 300), ("", "")],
)
def test_a_page_title_is_one_tidy_line_of_at_most_300_characters(title: str, kept: str) -> None:
    assert ready(found(page_title=title)).page_title == kept


@pytest.mark.parametrize(
    ("author", "kept"),
    [
        ("  Zoë\n Çelik ", "Zoë Çelik"),
        ("", ANONYMOUS),
        (" \u202e ", ANONYMOUS),
        ("abcdefghijkl", "abcdefghij"),
    ],
)
def test_an_author_is_one_line_within_the_sites_limit_or_anonymous(author: str, kept: str) -> None:
    assert ready(found(author=author), max_name=10).author == kept


@pytest.mark.parametrize(
    ("email", "kept"),
    [
        (" zoe@example.nl ", "zoe@example.nl"),
        ("zoe", ""),
        ("zoe@localhost", ""),
        ("", ""),
        ("a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".nl", ""),
        ("a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 58 + ".nl", "254"),
        ("a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 59 + ".nl", ""),
    ],
)
def test_only_a_well_formed_address_is_kept(email: str, kept: str) -> None:
    if kept == "254":  # the longest address there is
        assert len(email) == 254
        kept = email
    assert ready(found(email=email)).email == kept


@pytest.mark.parametrize(
    ("website", "kept"),
    [
        (" https://zoe.example ", "https://zoe.example"),
        ("HTTP://zoe.example", "HTTP://zoe.example"),
        ("zoe.example", ""),
        ("javascript:alert(1)", ""),
        ("https://zoe.example/a b", ""),
        ('https://zoe.example/"', ""),
        ("https://zoe.example/<x>", ""),
        ("https://zoe.example/\\", ""),
        ("https://zoe.example/`", ""),
        ("https://X.example/X", "https://X.example/X"),
        ("https://e.nl/" + "a" * (500 - 13), "https://e.nl/" + "a" * (500 - 13)),
        ("https://e.nl/" + "a" * (501 - 13), ""),
    ],
)
def test_only_a_plain_http_website_is_kept(website: str, kept: str) -> None:
    assert ready(found(website=website)).website == kept


def test_consent_comes_in_only_with_the_moment_it_was_given() -> None:
    given = ready(found(consent=True, consent_at="2020-01-01 10:00:00", consent_version="v2"))
    assert (given.consent, given.consent_at, given.consent_version) == (
        True,
        "2020-01-01T10:00:00.000000Z",
        "v2",
    )
    for fields in (
        {"consent": True},
        {"consent": True, "consent_at": "nooit"},
        {"consent_at": "2020-01-01"},
    ):
        got = ready(found(consent_version="v2", **fields))
        assert (got.consent, got.consent_at, got.consent_version) == (False, None, None)


def test_a_kept_testimonial_keeps_its_excerpt_and_promotion_date() -> None:
    got = ready(
        found(
            testimonial=True,
            excerpt="Echt een aanrader.",
            promoted_at="2020-02-02 00:00:00",
            **CONSENTED,
        )
    )
    assert (got.testimonial, got.excerpt, got.promoted_at) == (
        True,
        "Echt een aanrader.",
        "2020-02-02T00:00:00.000000Z",
    )
    undated = ready(found(testimonial=True, **CONSENTED))
    assert undated.promoted_at == CREATED  # promoted when it was written, as far as we know


def test_a_dropped_testimonial_comes_in_as_a_comment_without_a_promotion() -> None:
    got = ready(found(testimonial=True, promoted_at="2020-02-02 00:00:00"))
    assert (got.testimonial, got.promoted_at) == (False, None)


@pytest.mark.parametrize(
    ("rating", "kept"),
    [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (0, None), (6, None), (None, None)],
)
def test_a_rating_is_kept_only_when_it_is_one_to_five(rating: int | None, kept: int | None) -> None:
    assert ready(found(rating=rating)).rating == kept


@pytest.mark.parametrize(
    ("lang", "kept"), [("nl", "nl"), ("en", "en"), ("de", "de"), ("es", ""), ("NL", "")]
)
def test_a_language_is_kept_only_when_the_site_speaks_it(lang: str, kept: str) -> None:
    assert ready(found(lang=lang)).lang == kept


def test_the_change_dates_are_kept_and_an_unchanged_comment_was_changed_when_written() -> None:
    got = ready(found(updated_at="2020-03-03 00:00:00", moderated_at="2020-04-04T00:00:00Z"))
    assert got.updated_at == "2020-03-03T00:00:00.000000Z"
    assert got.moderated_at == "2020-04-04T00:00:00.000000Z"
    bad = ready(found(updated_at="later", moderated_at="later"))
    assert (bad.updated_at, bad.moderated_at) == (CREATED, None)


# -- plan: the whole file -----------------------------------------------------------------------


def comment(key: str, parent: str | None = None, minute: int = 0, **fields: Any) -> SourceComment:
    fields.setdefault("created_at", f"2019-05-14 08:{minute:02d}:00")
    return found(key=key, parent_key=parent, **fields)


def shape(result: list[Imported]) -> list[tuple[str, str | None]]:
    return [(c.key, c.parent_key) for c in result]


def test_a_plan_writes_parents_before_replies_oldest_first() -> None:
    parsed = ParsedFile(
        [
            comment("reply", "root", minute=1),  # an old system may have a reply dated earlier
            comment("root", minute=5),
            comment("b", minute=3),
            comment("a", minute=3),
        ]
    )
    assert shape(plan(parsed, [], 5000, 100).comments) == [
        ("root", None),
        ("reply", "root"),
        ("a", None),
        ("b", None),
    ]


def test_a_reply_to_a_skipped_comment_moves_up_to_the_nearest_kept_one() -> None:
    parsed = ParsedFile(
        [
            comment("root"),
            comment("empty", "root", minute=1, body=""),
            comment("reply", "empty", minute=2),
            comment("orphan", "nowhere", minute=3),
        ]
    )
    result = plan(parsed, [], 5000, 100)
    assert shape(result.comments) == [("root", None), ("reply", "root"), ("orphan", None)]
    assert result.skipped == Counter({"empty": 1})


def test_a_reply_to_a_deleted_comment_moves_up_through_what_the_file_lists_as_gone() -> None:
    parsed = ParsedFile(
        [comment("root"), comment("reply", "deleted-2", minute=2)],
        gone={"deleted-2": "deleted-1", "deleted-1": "root"},
    )
    assert shape(plan(parsed, [], 5000, 100).comments) == [("root", None), ("reply", "root")]


def test_a_loop_of_deleted_parents_ends_at_the_top() -> None:
    parsed = ParsedFile([comment("reply", "x")], gone={"x": "y", "y": "x"})
    assert shape(plan(parsed, [], 5000, 100).comments) == [("reply", None)]


def test_a_loop_of_kept_comments_is_written_once_each() -> None:
    parsed = ParsedFile([comment("a", "b", minute=1), comment("b", "a", minute=2)])
    assert sorted(shape(plan(parsed, [], 5000, 100).comments)) == [("a", "b"), ("b", "a")]


def test_a_reply_on_another_page_than_its_parent_becomes_a_top_level_comment() -> None:
    parsed = ParsedFile([comment("root"), comment("reply", "root", minute=1, page="/elders/")])
    assert shape(plan(parsed, [], 5000, 100).comments) == [("root", None), ("reply", None)]


def test_a_reply_on_its_parents_page_after_mapping_stays_a_reply() -> None:
    parsed = ParsedFile(
        [comment("root", page="/2019/x/"), comment("reply", "root", minute=1, page="/jaar/x/")]
    )
    rules = parse_page_map(["/2019/=/jaar/"])
    assert shape(plan(parsed, rules, 5000, 100).comments) == [("root", None), ("reply", "root")]


def test_a_plan_counts_skipped_comments_and_dropped_testimonials_by_reason() -> None:
    parsed = ParsedFile(
        [
            comment("ok"),
            comment("long", minute=1, body="a" * 71),
            comment("undated", created_at="never"),
            comment("unconsented", minute=2, testimonial=True),
            comment("consented", minute=3, testimonial=True, **CONSENTED),
            comment("unconsented-2", minute=4, testimonial=True),
            comment("misquoted", minute=5, testimonial=True, excerpt="slaap ik", **CONSENTED),
        ],
        skipped=Counter({"pingback": 2, "too_long": 1}),
    )
    result = plan(parsed, [], 70, 100)
    assert [c.key for c in result.comments] == [
        "ok",
        "unconsented",
        "consented",
        "unconsented-2",
        "misquoted",
    ]
    assert [c.testimonial for c in result.comments] == [False, False, True, False, False]
    assert result.skipped == Counter(
        {
            "pingback": 2,
            "too_long": 2,
            "bad_date": 1,
            "testimonial_without_consent": 2,
            "testimonial_excerpt_not_in_text": 1,
        }
    )
    assert parsed.skipped == Counter({"pingback": 2, "too_long": 1})  # the file's count is its own


def test_a_plan_keeps_the_limits_it_is_given() -> None:
    parsed = ParsedFile([comment("a", author="abcdef")])
    assert plan(parsed, [], 5000, 3).comments[0].author == "abc"


def test_an_unreadable_file_is_refused_naming_the_file() -> None:
    refusal = refused_file("not a WordPress export")
    assert (refusal.field, refusal.code, refusal.message, refusal.kind) == (
        "file",
        "unreadable_file",
        "not a WordPress export",
        Kind.INVALID,
    )


def test_a_prepared_comment_can_be_changed_like_any_record() -> None:
    assert replace(ready(found()), parent_key="x").parent_key == "x"

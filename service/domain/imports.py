"""Comments brought in from elsewhere: the records importers produce and the rules they pass.

Pure: the importers (service/importers/) read a file into `SourceComment`s; `prepare` turns each
into an `Imported` record or a reason to skip it, with the site's limits as arguments. Old
comments often hold HTML; it becomes plain text here, and the use case renders that text
exactly as it renders a new comment, so nothing old is shown unsanitised.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit

from service.domain.comments import Status
from service.domain.errors import Kind, Refusal
from service.domain.excerpts import parse_excerpt
from service.domain.validation import LANGUAGES

FORMATS = ("wordpress", "disqus", "isso", "chorus")
ANONYMOUS = "Anonymous"

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# As intake's rule (validation._EMAIL): no ?, &, =, % or / in the local part.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$'*+^_`{|}~-]{1,64}@([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$")
_BLOCKS = {"p", "div", "blockquote", "li", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}


def refused_file(message: str) -> Refusal:
    """The one refusal for a file that cannot be imported: it names the file, never a line."""
    return Refusal("file", "unreadable_file", message, Kind.INVALID)


@dataclass(frozen=True)
class SourceLog:
    """A moderation-log row carried over from a Chorus export."""

    action: str
    actor: str
    from_status: str | None
    to_status: str | None
    detail: str
    created_at: str


@dataclass(frozen=True)
class SourceComment:
    """One comment as an importer read it, before any rule is applied.

    `key` names it uniquely in its source (it becomes the import key, so a second import of
    the same file adds nothing); `parent_key` names the comment it replies to. `html` says the
    body is markup from the old system rather than plain text.
    """

    key: str
    parent_key: str | None
    page: str  # the thread's URL or path in the old system
    page_title: str
    author: str
    email: str
    website: str
    body: str
    html: bool
    status: Status
    created_at: str
    # Only Chorus's own export carries these: everywhere else the reader never gave consent here.
    owner: bool = False
    consent: bool = False
    consent_at: str | None = None
    consent_version: str | None = None
    testimonial: bool = False
    excerpt: str = ""
    promoted_at: str | None = None
    rating: int | None = None
    lang: str = ""
    updated_at: str | None = None
    moderated_at: str | None = None
    log: tuple[SourceLog, ...] = ()
    same_as_id: int | None = None  # a Chorus export's own id, to recognise it at home
    page_url: str = ""  # when `page` is a path, the page's full address if known
    # The thread key that survives a change of slug or permalink structure ("/?p=12" for a
    # WordPress post), used instead of `page` when the import asks for keys by post id.
    page_id: str = ""
    # Import keys an earlier version of the importer gave this comment, so a file imported
    # before is still recognised (no duplicates).
    also_keys: tuple[str, ...] = ()


@dataclass
class ParsedFile:
    """What an importer found: the comments to consider and what it skipped, by reason."""

    comments: list[SourceComment] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    # Comments the file lists but that are not brought in (deleted): key -> their parent's key,
    # so replies to them can move up to the nearest comment that is.
    gone: dict[str, str | None] = field(default_factory=dict)
    # The site's language as the file states it ("nl", "de"), or "" when it does not.
    lang: str = ""
    # Comments the importer itself skipped (a pingback, an unreadable date), by name.
    dropped: list[Skipped] = field(default_factory=list)


@dataclass(frozen=True)
class Skipped:
    """One comment not brought in, named so the owner can find it in the old system."""

    key: str
    author: str
    page: str
    reason: str
    length: int = 0  # characters of its text, for "too_long"

    def as_dict(self) -> dict[str, object]:
        named: dict[str, object] = {
            "key": self.key,
            "author": self.author,
            "page": self.page,
            "reason": self.reason,
        }
        if self.length:
            named["length"] = self.length
        return named


@dataclass(frozen=True)
class Imported:
    """A comment ready to store: clean plain text, a page key, the original date and status."""

    key: str
    parent_key: str | None
    page_key: str
    page_title: str
    page_url: str
    author: str
    email: str
    website: str
    body: str
    status: Status
    created_at: str
    owner: bool
    consent: bool
    consent_at: str | None
    consent_version: str | None
    testimonial: bool
    excerpt: str
    promoted_at: str | None
    rating: int | None
    lang: str
    updated_at: str
    moderated_at: str | None
    log: tuple[SourceLog, ...]
    same_as_id: int | None
    also_keys: tuple[str, ...] = ()


# -- text ---------------------------------------------------------------------------------------


class _TextOf(HTMLParser):
    """The words of an old comment's HTML: blocks become paragraphs, links keep their address."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.href: str = ""
        self.link_text: list[str] = []
        self.skip = 0  # inside <script> or <style>: their content is never text
        self.quotes: list[int] = []  # where each open <blockquote> starts in `out`

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag == "blockquote":
            self.out.append("\n\n")
            self.quotes.append(len(self.out))
        elif tag in _BLOCKS:
            self.out.append("\n\n")
        elif tag == "a":
            self.href = next((v or "" for k, v in attrs if k == "href"), "")
            self.link_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "blockquote" and self.quotes:
            start = self.quotes.pop()
            self.out[start:] = [_quoted("".join(self.out[start:])), "\n\n"]
        elif tag in _BLOCKS:
            self.out.append("\n\n")
        elif tag == "a":
            text = "".join(self.link_text)
            href = self.href
            if href.lower().startswith(("http://", "https://")) and href not in text:
                self.out.append(f" ({href})")
            self.href = ""

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.out.append(data)
        if self.href:
            self.link_text.append(data)


def _quoted(text: str) -> str:
    """A quotation as plain text keeps it: every line starts with "> ", as in mail."""
    lines = clean_text(text).split("\n")
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def unescaped_line(value: str) -> str:
    """A name or title from an old system's markup: 'Sanne &amp; Tim' -> 'Sanne & Tim'."""
    return html.unescape(value)


def site_identity(address: str) -> str:
    """A site's address without scheme, `www.` or trailing slash: the same site after a move
    to https or to or from www ('https://www.Example.nl/blog/' -> 'example.nl/blog')."""
    parts = urlsplit(address.strip() if "//" in address else "//" + address.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = f":{parts.port}" if parts.port not in (None, 80, 443) else ""
    return host + port + parts.path.rstrip("/")


def html_to_text(markup: str) -> str:
    """Plain text from an old comment's HTML (entities decoded, tags dropped, links spelled out)."""
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


def clean_text(value: str) -> str:
    """NFC, LF line ends, no controls or direction overrides, tidy spaces and blank lines."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    value = _BIDI.sub("", _CONTROL.sub("", value)).replace("\xa0", " ")
    lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _line(value: str, maximum: int) -> str:
    return " ".join(clean_text(value).split())[:maximum]


def _website(value: str) -> str:
    value = value.strip()
    if len(value) > 500 or not value.lower().startswith(("http://", "https://")):
        return ""
    if any(c.isspace() or c in '"<>\\`' for c in value):
        return ""
    return value


def _email(value: str) -> str:
    value = value.strip()
    return value if len(value) <= 254 and _EMAIL.match(value) else ""


# -- dates --------------------------------------------------------------------------------------


def stamp(moment: datetime) -> str:
    """A moment in the store's format (fixed-width UTC ISO 8601, so it sorts everywhere)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_date(value: str) -> str | None:
    """'2019-05-14 08:12:03' (UTC), '2012-09-03T19:28:27Z' or an ISO offset time; else None."""
    text = value.strip().replace(" ", "T", 1)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.year < 1995:  # WordPress writes 0000-00-00 00:00:00 for "never"
        return None
    return stamp(moment)


def from_epoch(seconds: float) -> str:
    return stamp(datetime.fromtimestamp(seconds, UTC))


# -- pages --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageRule:
    """Old address prefix -> new path prefix, from `--page-map /2019/05/=/blog/`."""

    old: str
    new: str


def parse_page_map(rules: list[str]) -> list[PageRule]:
    """Rules written `OLD=NEW`; OLD is a path prefix or a full URL prefix, NEW a path prefix."""
    parsed = []
    for rule in rules:
        old, sep, new = rule.partition("=")
        old, new = old.strip(), new.strip()
        if not sep or not old or not new.startswith("/") or len(rule) > 2000:
            raise Refusal(
                "page_map",
                "invalid",
                f"page map rule {rule[:80]!r} must look like /old/path/=/new/path/",
            )
        parsed.append(PageRule(old, new))
    # The longest prefix wins, so a specific rule beats a general one.
    return sorted(parsed, key=lambda r: len(r.old), reverse=True)


def page_key(address: str, rules: list[PageRule]) -> str:
    """The widget's page key for an old thread: its URL's path (and query), then mapped."""
    address = address.strip()
    for rule in rules:
        if rule.old.lower().startswith(("http://", "https://")) and address.startswith(rule.old):
            return rule.new + address[len(rule.old) :].lstrip("/")
    parts = urlsplit(address)
    path = parts.path or "/"
    if not path.startswith("/"):
        path = "/" + path
    if parts.query:
        path += "?" + parts.query
    for rule in rules:
        if path.startswith(rule.old):
            return rule.new + path[len(rule.old) :]
    return path


def _page_url(address: str) -> str:
    return address if address.lower().startswith(("http://", "https://")) else ""


# -- the rules every imported comment passes ----------------------------------------------------


def _moment(value: str | None) -> str | None:
    """A stored date in the store's own format, or None when `value` is not a date."""
    return parse_date(value) if isinstance(value, str) and value else None


def testimonial_kept(found: SourceComment, body: str) -> tuple[bool, str, str | None]:
    """Whether an imported testimonial stays one, its excerpt, and why not if it does not.

    An export's flags pass the owner's own checks (owner.promote): a testimonial is an
    approved reader's comment whose author gave consent, and its excerpt is a passage of the
    author's words that drops no negation. A file cannot make Chorus publish words the author
    did not write.
    """
    consent = found.consent and _moment(found.consent_at) is not None
    try:
        excerpt = parse_excerpt(body, found.excerpt)
    except Refusal:
        return False, "", "testimonial_excerpt_not_in_text" if found.testimonial else None
    if not found.testimonial:
        return False, excerpt, None
    if not consent:
        return False, excerpt, "testimonial_without_consent"
    if found.status != Status.APPROVED or found.owner:
        return False, excerpt, "testimonial_not_approved"
    return True, excerpt, None


def prepare(
    found: SourceComment,
    rules: list[PageRule],
    max_body: int,
    max_name: int,
    *,
    anonymous: str = ANONYMOUS,
    by_page_id: bool = False,
) -> Imported | str:
    """A comment ready to store, or the reason it is skipped ("empty", "too_long", "bad_date").

    `anonymous` names a comment that has no name (in the import's language); `by_page_id` keys
    the thread by the page's id in the old system (`page_id`) where the file gives one.
    """
    return _prepare(found, rules, _Terms(max_body, max_name, anonymous, by_page_id))[0]


@dataclass(frozen=True)
class _Terms:
    """How one import treats each comment it finds (see `prepare`)."""

    max_body: int
    max_name: int
    anonymous: str
    by_page_id: bool


def _prepare(
    found: SourceComment, rules: list[PageRule], terms: _Terms
) -> tuple[Imported | str, str | None]:
    """`prepare`'s answer, and why a kept comment is not kept as a testimonial (or None)."""
    body = clean_text(html_to_text(found.body) if found.html else found.body)
    if not body.strip():
        return "empty", None
    if len(body) > terms.max_body:
        return "too_long", None
    created = _moment(found.created_at)
    if created is None:
        return "bad_date", None
    consent = found.consent and _moment(found.consent_at) is not None
    testimonial, excerpt, dropped = testimonial_kept(found, body)
    address = found.page_id if terms.by_page_id and found.page_id else page_key(found.page, rules)
    key = address[:500]
    author, title = found.author, found.page_title
    if found.html:  # names and titles in markup come with their entities
        author, title = unescaped_line(author), unescaped_line(title)
    ready = Imported(
        key=found.key,
        parent_key=found.parent_key,
        page_key=key,
        page_title=_line(title, 300),
        page_url=(found.page_url or _page_url(found.page))[:2000],
        author=_line(author, terms.max_name) or terms.anonymous,
        email=_email(found.email),
        website=_website(found.website),
        body=body,
        status=found.status,
        created_at=created,
        owner=found.owner,
        consent=consent,
        consent_at=_moment(found.consent_at) if consent else None,
        consent_version=found.consent_version if consent else None,
        testimonial=testimonial,
        excerpt=excerpt,
        promoted_at=(_moment(found.promoted_at) or created) if testimonial else None,
        rating=found.rating if found.rating in (1, 2, 3, 4, 5) else None,
        lang=found.lang if found.lang in LANGUAGES else "",
        updated_at=_moment(found.updated_at) or created,
        moderated_at=_moment(found.moderated_at),
        log=found.log,
        same_as_id=found.same_as_id,
        also_keys=found.also_keys,
    )
    return ready, dropped


@dataclass
class Plan:
    """The comments to write, parents before replies, and what was skipped by reason."""

    comments: list[Imported]
    skipped: Counter[str]
    # Every comment not brought in, by name, with its reason (testimonial downgrades are not
    # here: those comments do come in).
    named: list[Skipped] = field(default_factory=list)


def plan(
    parsed: ParsedFile,
    rules: list[PageRule],
    max_body: int,
    max_name: int,
    *,
    anonymous: str = ANONYMOUS,
    by_page_id: bool = False,
) -> Plan:
    """Apply the rules; replies to a skipped comment move up to its nearest kept ancestor."""
    skipped = Counter(parsed.skipped)
    named = list(parsed.dropped)
    by_key = {c.key: c for c in parsed.comments}
    kept: dict[str, Imported] = {}
    terms = _Terms(max_body, max_name, anonymous, by_page_id)
    for found in parsed.comments:
        ready, dropped = _prepare(found, rules, terms)
        if isinstance(ready, str):
            skipped[ready] += 1
            body = clean_text(html_to_text(found.body) if found.html else found.body)
            author = unescaped_line(found.author) if found.html else found.author
            named.append(
                Skipped(
                    found.key,
                    _line(author, 200),
                    found.page_url or found.page,
                    ready,
                    len(body) if ready == "too_long" else 0,
                )
            )
            continue
        kept[found.key] = ready
        if dropped is not None:  # the comment comes in, but not as a testimonial
            skipped[dropped] += 1

    def ancestor(key: str | None) -> str | None:
        seen: set[str] = set()
        while key is not None and key not in kept and key not in seen:
            seen.add(key)
            parent = by_key.get(key)
            key = parent.parent_key if parent else parsed.gone.get(key)
        return key if key in kept else None

    fixed = {key: replace(item, parent_key=ancestor(item.parent_key)) for key, item in kept.items()}
    ordered: list[Imported] = []
    placed: set[str] = set()
    for item in sorted(fixed.values(), key=lambda c: (c.created_at, c.key)):
        chain: list[Imported] = []
        current: Imported | None = item
        while current is not None and current.key not in placed:
            chain.append(current)
            placed.add(current.key)
            parent_key = current.parent_key
            current = fixed.get(parent_key) if parent_key else None
        ordered.extend(reversed(chain))
    # A reply must be on its parent's page; one that is not becomes a top-level comment.
    pages = {c.key: c.page_key for c in ordered}
    ordered = [
        c
        if c.parent_key is None or pages.get(c.parent_key) == c.page_key
        else replace(c, parent_key=None)
        for c in ordered
    ]
    return Plan(ordered, skipped, named)

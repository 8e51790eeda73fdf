"""WordPress WXR export files (Tools → Export): comments with status, author, date and replies.

Pingbacks and trackbacks are not comments a reader wrote; they are skipped and counted.
A comment by one of the file's authors (`wp:author`, the site's own users) is the owner's.
Import keys name the site without scheme or `www.`, so the same site after a move to https is
recognised; the keys earlier versions wrote (with the address as the file spelled it) are kept
as `also_keys`.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from service.domain.comments import Status
from service.domain.imports import (
    ParsedFile,
    Skipped,
    SourceComment,
    parse_date,
    refused_file,
    site_identity,
)
from service.importers._xml import child, events, local, namespace, text

WHAT = "WordPress export (WXR)"
_STATUS = {
    "1": Status.APPROVED,
    "0": Status.PENDING,
    "spam": Status.SPAM,
    "trash": Status.REJECTED,
    "post-trashed": Status.REJECTED,
}


class _Site:
    """What the channel says before the items: the address and the site's own users."""

    def __init__(self) -> None:
        self.address = ""
        self.user_ids: set[str] = set()
        self.emails: set[str] = set()

    def key(self, number: str) -> str:
        return f"wordpress:{site_identity(self.address)}#{number}"

    def old_keys(self, number: str) -> tuple[str, ...]:
        """The keys this comment had when imported with the address as the file spelled it."""
        parts = self.address.split("//", 1)
        rest = parts[-1]
        bare = rest.removeprefix("www.")
        forms = {
            f"{scheme}://{host}" for scheme in ("http", "https") for host in (bare, "www." + bare)
        }
        return tuple(sorted(f"wordpress:{form}#{number}" for form in forms))

    def owns(self, found: Element) -> bool:
        user = text(found, "comment_user_id").strip()
        email = text(found, "comment_author_email").strip().lower()
        return (user not in ("", "0") and user in self.user_ids) or (
            bool(email) and email in self.emails
        )


def _skip(parsed: ParsedFile, site: _Site, item: Element, found: Element, reason: str) -> None:
    parsed.skipped[reason] += 1
    number = text(found, "comment_id").strip()
    page = text(item, "link").strip()
    parsed.dropped.append(
        Skipped(site.key(number), text(found, "comment_author")[:200], page, reason)
    )


def _comment(site: _Site, item: Element, found: Element, parsed: ParsedFile) -> None:
    kind = text(found, "comment_type").strip() or "comment"
    if kind in ("pingback", "trackback"):
        _skip(parsed, site, item, found, kind)
        return
    if kind not in ("comment", "review"):
        _skip(parsed, site, item, found, "other_type")
        return
    number = text(found, "comment_id").strip()
    parent = text(found, "comment_parent").strip()
    created = parse_date(text(found, "comment_date_gmt")) or parse_date(text(found, "comment_date"))
    status = _STATUS.get(text(found, "comment_approved").strip())
    if not number or created is None or status is None:
        _skip(parsed, site, item, found, "unreadable")
        return
    post_id = text(item, "post_id").strip()
    link = text(item, "link").strip()
    parsed.comments.append(
        SourceComment(
            key=site.key(number),
            parent_key=site.key(parent) if parent not in ("", "0") else None,
            page=link,
            page_title=text(item, "title"),
            page_url=link if link.lower().startswith(("http://", "https://")) else "",
            # WordPress's own short address of a post or page: it outlives slugs and permalinks.
            page_id=f"/?p={post_id}" if post_id.isascii() and post_id.isdigit() else "",
            also_keys=site.old_keys(number),
            owner=site.owns(found),
            author=text(found, "comment_author"),
            email=text(found, "comment_author_email"),
            website=text(found, "comment_author_url"),
            body=text(found, "comment_content"),
            html=True,
            status=status,
            created_at=created,
        )
    )


def read(path: Path) -> ParsedFile:
    parsed = ParsedFile()
    site = _Site()
    seen_root = seen_wxr = False
    for event, element in events(path, WHAT):
        name = local(element.tag)
        if not seen_root:
            if name != "rss":
                raise refused_file(f"this is not a {WHAT}: it starts with <{name}>")
            seen_root = True
        if event != "end":
            continue
        if namespace(element.tag).startswith("http://wordpress.org/export/"):
            seen_wxr = True
        if name in ("base_blog_url", "base_site_url") and not site.address:
            site.address = (element.text or "").strip().rstrip("/")
        elif name == "language" and not parsed.lang:
            parsed.lang = (element.text or "").strip()[:2].lower()
        elif name == "author" and child(element, "author_login") is not None:
            user = text(element, "author_id").strip()
            if user:
                site.user_ids.add(user)
            email = text(element, "author_email").strip().lower()
            if email:
                site.emails.add(email)
        elif name == "item":
            if text(element, "post_type") != "attachment":
                for found in element:
                    if local(found.tag) == "comment" and child(found, "comment_id") is not None:
                        _comment(site, element, found, parsed)
            element.clear()  # stream: an item's comments are done once it ends
    if not seen_wxr:
        raise refused_file(f"this RSS file is not a {WHAT}")
    return parsed

"""WordPress WXR export files (Tools → Export): comments with status, author, date and replies.

Pingbacks and trackbacks are not comments a reader wrote; they are skipped and counted.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from service.domain.comments import Status
from service.domain.imports import ParsedFile, SourceComment, parse_date, refused_file
from service.importers._xml import child, events, local, namespace, text

WHAT = "WordPress export (WXR)"
_STATUS = {
    "1": Status.APPROVED,
    "0": Status.PENDING,
    "spam": Status.SPAM,
    "trash": Status.REJECTED,
    "post-trashed": Status.REJECTED,
}


def _comment(site: str, item: Element, found: Element, parsed: ParsedFile) -> None:
    kind = text(found, "comment_type").strip() or "comment"
    if kind in ("pingback", "trackback"):
        parsed.skipped[kind] += 1
        return
    if kind not in ("comment", "review"):
        parsed.skipped["other_type"] += 1
        return
    number = text(found, "comment_id").strip()
    parent = text(found, "comment_parent").strip()
    created = parse_date(text(found, "comment_date_gmt")) or parse_date(text(found, "comment_date"))
    status = _STATUS.get(text(found, "comment_approved").strip())
    if not number or created is None or status is None:
        parsed.skipped["unreadable"] += 1
        return
    parsed.comments.append(
        SourceComment(
            key=f"wordpress:{site}#{number}",
            parent_key=f"wordpress:{site}#{parent}" if parent not in ("", "0") else None,
            page=text(item, "link").strip(),
            page_title=text(item, "title"),
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
    site = ""
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
        if name in ("base_blog_url", "base_site_url") and not site:
            site = (element.text or "").strip().rstrip("/")
        elif name == "item":
            if text(element, "post_type") != "attachment":
                for found in element:
                    if local(found.tag) == "comment" and child(found, "comment_id") is not None:
                        _comment(site, element, found, parsed)
            element.clear()  # stream: an item's comments are done once it ends
    if not seen_wxr:
        raise refused_file(f"this RSS file is not a {WHAT}")
    return parsed

"""Disqus XML exports: threads (pages) and posts (comments) with parents and flags.

Deleted posts are skipped and counted; replies to them move up to the nearest kept comment.
Posts flagged as spam come in as spam, so they never go live.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from service.domain.comments import Status
from service.domain.imports import ParsedFile, SourceComment, parse_date, refused_file
from service.importers._xml import child, events, local, text

WHAT = "Disqus export"
_ID = "{http://disqus.com/disqus-internals}id"


def _true(element: Element, name: str) -> bool:
    return text(element, name).strip().lower() == "true"


def read(path: Path) -> ParsedFile:
    threads: dict[str, tuple[str, str]] = {}  # Disqus thread id -> (link, title)
    posts: list[tuple[str, str, str | None, Element]] = []
    parsed = ParsedFile()
    depth = 0
    for event, element in events(path, WHAT):
        if event == "start":
            if depth == 0 and local(element.tag) != "disqus":
                raise refused_file(f"this is not a {WHAT}: it starts with <{local(element.tag)}>")
            depth += 1
            continue
        depth -= 1
        if depth != 1:
            continue
        name = local(element.tag)
        if name == "thread":
            threads[element.get(_ID, "")] = (text(element, "link"), text(element, "title"))
        elif name == "post":
            thread = child(element, "thread")
            parent = child(element, "parent")
            posts.append(
                (
                    element.get(_ID, ""),
                    thread.get(_ID, "") if thread is not None else "",
                    parent.get(_ID) if parent is not None else None,
                    element,
                )
            )
            continue  # kept until the threads are known; its children are small
        element.clear()
    for post_id, thread_id, parent_id, post in posts:
        created = parse_date(text(post, "createdAt"))
        if not post_id or thread_id not in threads or created is None:
            parsed.skipped["unreadable"] += 1
            continue
        if _true(post, "isDeleted"):
            parsed.skipped["deleted"] += 1
            # Remembered, so its replies can find their way up past it.
            parsed.gone[f"disqus:{post_id}"] = f"disqus:{parent_id}" if parent_id else None
            continue
        author = child(post, "author")
        link, title = threads[thread_id]
        parsed.comments.append(
            SourceComment(
                key=f"disqus:{post_id}",
                parent_key=f"disqus:{parent_id}" if parent_id else None,
                page=link,
                page_title=title,
                author=text(author, "name") or text(author, "username"),
                email=text(author, "email"),
                website="",
                body=text(post, "message"),
                html=True,
                status=Status.SPAM if _true(post, "isSpam") else Status.APPROVED,
                created_at=created,
            )
        )
    return parsed

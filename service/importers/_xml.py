"""Streaming, hardened XML for the importers: defusedxml with DTDs forbidden."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from service.domain.imports import refused_file


def local(tag: str) -> str:
    """'{http://wordpress.org/export/1.2/}comment' -> 'comment'."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def events(path: Path, what: str) -> Iterator[tuple[str, Element]]:
    """('start' | 'end', element) pairs; a hostile or broken file becomes one clear refusal."""
    stream: Any = iterparse(
        str(path),
        events=("start", "end"),
        forbid_dtd=True,
        forbid_entities=True,
        forbid_external=True,
    )
    try:
        yield from stream
    except DefusedXmlException:
        raise refused_file(
            f"the {what} file declares a DTD or entities, which exports never do; refused"
        ) from None
    except ParseError as exc:
        raise refused_file(f"the file is not well-formed XML ({exc}); is it a {what}?") from None


def text(element: Element | None, name: str = "") -> str:
    """The text of `element` (or of its first child called `name`), '' when absent."""
    if element is None:
        return ""
    if name:
        for child in element:
            if local(child.tag) == name:
                return child.text or ""
        return ""
    return element.text or ""


def child(element: Element, name: str) -> Element | None:
    for item in element:
        if local(item.tag) == name:
            return item
    return None

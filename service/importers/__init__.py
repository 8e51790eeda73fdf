"""Importers: read another system's export file into domain records, and nothing else.

Threat: the file is whatever the owner (or someone who tricked the owner) uploads. XML goes
through defusedxml with DTDs forbidden, which refuses entity expansion ("billion laughs") and
external entities before they are resolved; files are read as a stream and refused past a size
limit before parsing starts; an Isso database is opened read-only. Every problem becomes one
`Refusal` naming the file, so a bad file changes nothing and never causes a 500.
"""

from __future__ import annotations

from pathlib import Path

from service.domain.imports import FORMATS, ParsedFile, refused_file
from service.importers import chorus, disqus, isso, wordpress

_READERS = {
    "wordpress": wordpress.read,
    "disqus": disqus.read,
    "isso": isso.read,
    "chorus": chorus.read,
}


def read(source: str, path: Path, max_bytes: int) -> ParsedFile:
    """The comments in the file at `path`, as `source` ('wordpress', 'disqus', ...) writes them."""
    if source not in FORMATS:
        raise refused_file(f"unknown format {source!r}; use one of {', '.join(FORMATS)}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise refused_file(f"the file cannot be read ({exc.strerror})") from None
    if size > max_bytes:
        raise refused_file(f"the file is {size} bytes; at most {max_bytes} can be imported")
    if size == 0:
        raise refused_file("the file is empty")
    return _READERS[source](path)

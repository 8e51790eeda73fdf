"""Moving in and out: import another system's comments, export the testimonials as CSV.

The command line (`python -m service import ...`) and the upload form on the moderation page
both call `import_comments`; each reports progress through a callback and ends with a summary.
A file is read and checked completely before anything is written, and written in one
transaction, so a refused file changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import settings
from service import importers, sanitize, text
from service.domain.display_names import display_name
from service.domain.imports import FORMATS, Plan, Skipped, parse_page_map, plan
from service.store import Store

MAX_TESTIMONIALS = 10000  # rows in one CSV export
__all__ = [
    "FORMATS",
    "Summary",
    "import_comments",
    "read_import",
    "testimonials_csv",
    "write_import",
]


@dataclass(frozen=True)
class Summary:
    """What an import did (or, for a dry run, would do)."""

    source: str
    dry_run: bool
    found: int  # comments in the file that passed the rules
    imported: int
    skipped: dict[str, int]  # reason -> count, including "already_imported"
    by_status: dict[str, int]
    # Every comment of the file that is not brought in (already imported ones aside), by name.
    skipped_comments: tuple[Skipped, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "found": self.found,
            "imported": self.imported,
            "skipped": self.skipped,
            "by_status": self.by_status,
            "skipped_comments": [s.as_dict() for s in self.skipped_comments],
        }


Progress = Callable[[int, int], Awaitable[None]]


def read_import(
    source: str, path: Path, page_map: list[str] | None = None, *, by_page_id: bool = False
) -> Plan:
    """Read and check a whole file: the comments to write, parents first, and what is skipped.

    A comment without a name is named in the file's language (the site's), else the admin
    pages' one. `by_page_id` keys threads by the old system's page id (WordPress: "/?p=12", the
    key the Chorus WordPress plugin uses) instead of the page's address. Raises Refusal (field
    "file" or "page_map") for a file that cannot be imported; nothing has been written then.
    """
    rules = parse_page_map(page_map or [])
    parsed = importers.read(source, path, settings.IMPORT_MAX_BYTES)
    lang = parsed.lang if parsed.lang in text.LANGUAGES else settings.ADMIN_LANG
    return plan(
        parsed,
        rules,
        settings.IMPORT_MAX_BODY_LENGTH,
        settings.MAX_NAME_LENGTH,
        anonymous=text.message(lang, "import.anonymous"),
        by_page_id=by_page_id,
    )


async def write_import(
    store: Store,
    source: str,
    ready: Plan,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> Summary:
    """Write what `read_import` found in one transaction; `progress(done, total)` as it goes."""
    total = len(ready.comments)
    if progress is not None:
        await progress(0, total)

    async def written(done: int) -> None:
        if progress is not None:
            await progress(done, total)

    counts = await store.imports.add(
        ready.comments, sanitize.render, dry_run=dry_run, progress=written
    )
    skipped: Counter[str] = Counter(ready.skipped)
    if counts["already_imported"]:
        skipped["already_imported"] = counts["already_imported"]
    by_status = {
        key.removeprefix("status_"): n for key, n in counts.items() if key.startswith("status_")
    }
    return Summary(
        source,
        dry_run,
        total,
        counts["imported"],
        dict(skipped),
        by_status,
        tuple(ready.named),
    )


async def import_comments(
    store: Store,
    source: str,
    path: Path,
    *,
    dry_run: bool = False,
    page_map: list[str] | None = None,
    progress: Progress | None = None,
    by_page_id: bool = False,
) -> Summary:
    """Bring in the comments of `path` (a `source` export): read and check it, then write it."""
    ready = read_import(source, path, page_map, by_page_id=by_page_id)
    return await write_import(store, source, ready, dry_run=dry_run, progress=progress)


_CSV_COLUMNS = (
    "id",
    "author",
    "text",
    "rating",
    "page_title",
    "page_url",
    "created_at",
    "consent_at",
    "consent_version",
)


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: formulas are quoted as text."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


async def testimonials_csv(store: Store) -> str:
    """The testimonials (newest first) as CSV: the words shown, whose, where and the consent.

    `author` is the name the testimonial shows (its display name), as on the wall.
    """
    rows = await store.comments.list_testimonials(MAX_TESTIMONIALS)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_CSV_COLUMNS)
    for c in rows:
        client = text.client_word(c.lang or settings.ADMIN_LANG)
        values = (
            c.id,
            display_name(c.author, c.display_name, client),
            c.excerpt or c.body,
            c.rating,
            c.page_title,
            c.page_url,
            c.created_at,
            c.consent_at,
            c.consent_version,
        )
        writer.writerow([_cell(v) for v in values])
    return out.getvalue()

"""Moving in and out on the moderation page: import upload, export downloads, settings view.

Threat: an uploaded file is hostile until proven otherwise. It is accepted only from the
logged-in owner with the CSRF header (the owner API's guard), as a raw body (no multipart
parser), spooled to a private temporary file and refused past IMPORT_MAX_BYTES while it
arrives; the importers read it with a hardened parser. The file is read and checked completely
before anything is written, so a refusal is an ordinary 4xx naming the field "file".
"""

from __future__ import annotations

import asyncio
import json
import logging
import tempfile
from collections.abc import AsyncIterator
from importlib import metadata
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

import settings
from service import moving, notify
from service.banner import database_shown
from service.domain.errors import Refusal
from service.web import auth
from service.web.admin_kit import action, page, redirect, render
from service.web.http import RequestError, store_of
from service.web.owner_api import require_owner

log = logging.getLogger("chorus.import")
UPLOAD_TIMEOUT = 300  # seconds an upload of IMPORT_MAX_BYTES may take over a slow line
CSV_NAME = "chorus-testimonials.csv"


def _version() -> str:
    try:
        return metadata.version("chorus")
    except metadata.PackageNotFoundError:
        return "unknown"


@page
async def move_page(request: Request, who: auth.Owner) -> Response:
    """The import form (with its progress bar) and the export buttons."""
    return render(request, "admin/move.html", {"formats": moving.FORMATS}, owner=who)


@page
async def settings_page(request: Request, who: auth.Owner) -> Response:
    """How Chorus runs now, read-only; the one action is a test mail."""
    context: dict[str, Any] = {
        "moderation": settings.MODERATION,
        "origins": settings.ALLOWED_ORIGINS,
        "public_url": settings.PUBLIC_URL,
        "database": database_shown(settings.DATABASE_URL),
        "version": _version(),
        "mail_on": notify.enabled(),
        "mail_to": settings.NOTIFY_EMAIL,
        "mail_server": f"{settings.SMTP_HOST}:{settings.SMTP_PORT}"
        + (" (STARTTLS)" if settings.SMTP_STARTTLS else ""),
        "mail_from": settings.MAIL_FROM or settings.NOTIFY_EMAIL,
        "mail_login": settings.SMTP_USERNAME,
        "last_error": dict(notify.last_error),
        "done": request.query_params.get("done", ""),
        "require_2fa": settings.ADMIN_REQUIRE_2FA,
    }
    return render(request, "admin/settings.html", context, owner=who)


@action
async def send_test_mail(request: Request, who: auth.Owner, form: dict[str, list[str]]) -> Response:
    """Send a short mail with the current settings; the page then shows how it went."""
    sent = notify.enabled() and await asyncio.to_thread(notify.send, notify.test_message())
    return redirect("/admin/settings?done=" + ("test_mail" if sent else "test_mail_failed"))


async def export_testimonials(request: Request) -> Response:
    """The testimonials as CSV, for a spreadsheet or another site."""
    await require_owner(request)
    text = await moving.testimonials_csv(store_of(request))
    return Response(
        text.encode("utf-8-sig"),  # the BOM makes spreadsheet programs read UTF-8
        media_type="text/csv; charset=utf-8",
        headers={
            "Cache-Control": "no-store",
            "Content-Disposition": f'attachment; filename="{CSV_NAME}"',
        },
    )


async def _spool(request: Request) -> Path:
    """The request body in a private temporary file, refused past IMPORT_MAX_BYTES.

    Our own limit, as in http.read_body and for the same reason: Starlette's `max_body_size=`
    would answer a declared Content-Length over the limit with plain text, not the JSON error
    naming "file"; and this body is raw, not multipart, so `max_part_size` has nothing to bound.
    """
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/octet-stream":
        raise RequestError(
            415,
            "content-type",
            "unsupported_media_type",
            "send the file as application/octet-stream",
        )
    limit = settings.IMPORT_MAX_BYTES
    too_large = RequestError(413, "file", "too_large", f"the file must be at most {limit} bytes")
    declared = request.headers.get("content-length")
    if declared is not None and (
        not (declared.isascii() and declared.isdigit()) or int(declared) > limit
    ):
        raise too_large
    handle = tempfile.NamedTemporaryFile(prefix="chorus-import-", delete=False)  # noqa: SIM115
    path = Path(handle.name)
    size = 0
    try:
        with handle:
            async with asyncio.timeout(UPLOAD_TIMEOUT):
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        raise too_large
                    handle.write(chunk)
    except TimeoutError:
        path.unlink(missing_ok=True)
        raise RequestError(408, "file", "timeout", "the file arrived too slowly") from None
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def _source(request: Request) -> str:
    source = request.query_params.get("source", "")
    if source not in moving.FORMATS:
        raise Refusal("source", "invalid", f"source must be one of {', '.join(moving.FORMATS)}")
    return source


async def import_upload(request: Request) -> Response:
    """Import an uploaded export; answers NDJSON: progress lines, then the summary."""
    await require_owner(request)
    source = _source(request)
    dry_run = request.query_params.get("dry_run", "") in ("1", "true")
    page_map = [r for r in request.query_params.getlist("page_map") if r.strip()][:100]
    keys = request.query_params.get("keys", "address")
    if keys not in ("address", "page_id"):
        raise Refusal("keys", "invalid", "keys must be address or page_id")
    path = await _spool(request)
    try:
        ready = await asyncio.to_thread(
            moving.read_import, source, path, page_map, by_page_id=keys == "page_id"
        )
    finally:
        path.unlink(missing_ok=True)
    store = store_of(request)
    lines: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()

    async def progress(done: int, total: int) -> None:
        await lines.put({"progress": done, "total": total})

    async def run() -> None:
        try:
            summary = await moving.write_import(
                store, source, ready, dry_run=dry_run, progress=progress
            )
            await lines.put({"summary": summary.as_dict()})
        except Exception:
            log.exception("import of a %s file failed; nothing was written", source)
            await lines.put({"error": {"code": "internal", "message": "the import failed"}})
        finally:
            await lines.put(None)

    async def stream() -> AsyncIterator[bytes]:
        task = asyncio.create_task(run())
        try:
            while (line := await lines.get()) is not None:
                yield json.dumps(line).encode() + b"\n"
        finally:
            await asyncio.gather(task, return_exceptions=True)

    return StreamingResponse(
        stream(),
        media_type="application/x-ndjson",
        headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
    )


routes: list[BaseRoute] = [
    Route("/admin/move", move_page, methods=["GET"], name="admin_move"),
    Route("/admin/settings", settings_page, methods=["GET"], name="admin_settings"),
    Route("/admin/settings/test-mail", send_test_mail, methods=["POST"], name="admin_test_mail"),
    Route("/admin/api/import", import_upload, methods=["POST"], name="owner_import"),
    Route(
        "/admin/api/export/testimonials.csv",
        export_testimonials,
        methods=["GET"],
        name="owner_export_testimonials",
    ),
]

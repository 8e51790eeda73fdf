"""Command line: `python -m service serve|migrate|hash-password|set-password|reset-2fa|import|
backup`.

`serve` applies migrations, makes sure the owner has a password (generating one on first start
and printing it once, storing only its hash), prints the start banner, then starts uvicorn.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import secrets
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

import settings
from service import accounts, banner, moving, passwords
from service.domain.errors import Refusal
from service.store import DatabaseSettingError, Store, open_store
from service.store.backup import backup_sqlite, sqlite_path
from service.web import logs


def _fail(message: str) -> int:
    print(f"chorus: {message}", file=sys.stderr)
    return 1


async def _connected() -> Store:
    """The store on DATABASE_URL, connected; one line naming the setting when it cannot be."""
    store = open_store(settings.DATABASE_URL)
    try:
        await store.connect()
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DatabaseSettingError(f"DATABASE_URL cannot be opened: {reason}") from None
    return store


async def _migrate() -> list[str]:
    store = await _connected()
    try:
        return await store.migrate()
    finally:
        await store.disconnect()


def migrate() -> int:
    try:
        applied = asyncio.run(_migrate())
    except DatabaseSettingError as exc:
        return _fail(str(exc))
    print(f"migrations applied: {', '.join(applied) if applied else 'none (up to date)'}")
    return 0


def ensure_password() -> str | None:
    """On first start with no password configured, make one; it is shown exactly once."""
    if passwords.password_hash():
        return None
    password = secrets.token_urlsafe(12)
    passwords.write_password_file(password)
    return password


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\n")


def hash_password() -> int:
    password = _read_password("Password: ")
    if len(password) < 10:
        return _fail("the password must be at least 10 characters")
    print(passwords.hash_password(password))
    return 0


def set_password() -> int:
    """Store a new owner password under DATA_DIR; existing sessions are ended."""
    password = _read_password("New admin password: ")
    if len(password) < 10:
        return _fail("the password must be at least 10 characters")
    passwords.write_password_file(password)

    async def end_sessions() -> None:
        store = await _connected()
        try:
            await store.migrate()
            await store.sessions.delete_all()
        finally:
            await store.disconnect()

    asyncio.run(end_sessions())
    print(f"password saved in {settings.ADMIN_PASSWORD_FILE}; all admin sessions ended")
    if settings.ADMIN_PASSWORD_HASH:
        print("note: ADMIN_PASSWORD_HASH is set and takes precedence over the file")
    return 0


def reset_2fa() -> int:
    """Turn every account's second factor off and end every session (a lost authenticator).

    The same trust as set-password: whoever runs this on the server holds the database.
    """

    async def reset() -> None:
        store = await _connected()
        try:
            await store.migrate()
            await accounts.reset_second_factors(store)
        finally:
            await store.disconnect()

    asyncio.run(reset())
    print("second factors removed from every account; all admin sessions ended")
    return 0


# Open connections and requests per worker before uvicorn answers 503: far above what one
# worker serves (README, Performance), low enough that a flood of idle sockets stays bounded.
LIMIT_CONCURRENCY = 2048


def serve(host: str, port: int, workers: int = 1) -> int:
    if not settings.PUBLIC_URL_GIVEN:
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104 - comparing only
        shown = f"[{shown}]" if ":" in shown else shown
        settings.PUBLIC_URL = f"http://{shown}:{port}"
        # Workers are new processes that read the settings afresh: they get the derived
        # address through their environment, or they would mail links for port 8000.
        os.environ["PUBLIC_URL"] = settings.PUBLIC_URL
    if migrate():
        return 1
    print(banner.render(ensure_password()), flush=True)
    import uvicorn

    from service.web.protocol import MAX_HEAD_BYTES, BoundedHttpToolsProtocol

    server = uvicorn.Server(
        uvicorn.Config(
            "service.app:app",
            host=host,
            port=port,
            workers=workers,
            proxy_headers=False,
            server_header=False,
            # Chorus serves no WebSocket route: an upgrade request is answered as plain HTTP,
            # and no WebSocket library is imported (a smaller surface, and no deprecated import).
            ws="none",
            log_level=settings.LOG_LEVEL,
            timeout_keep_alive=5,
            # Bounds before a request reaches Chorus (README, Deploying): the request head's
            # size and time (the h11 bound too, for `--http h11`), and open connections
            # and requests per worker, beyond which uvicorn answers 503.
            http=BoundedHttpToolsProtocol,
            h11_max_incomplete_event_size=MAX_HEAD_BYTES,
            limit_concurrency=LIMIT_CONCURRENCY,
            # Open requests get this long at shutdown; with the database and mail bounds
            # in the lifespan, a stop finishes within 10 s.
            timeout_graceful_shutdown=4,
        )
    )
    # After uvicorn configured its loggers: tokens and addresses stay out of every line.
    logs.install()
    if workers > 1:
        from uvicorn.supervisors import Multiprocess

        sock = server.config.bind_socket()
        supervisor = Multiprocess(server.config, sockets=[sock])
        supervisor.run()
        # A worker that could not start (say, the database went away) stops the parent too.
        return 0 if _workers_ok(supervisor) else 1
    server.run()
    # uvicorn returns instead of raising when the app's start-up (the database) fails.
    return 0 if server.started else 1


def _workers_ok(supervisor: object) -> bool:
    """Whether every worker ended by a signal or cleanly, none by a failed start."""
    from uvicorn.config import STARTUP_FAILURE

    processes = getattr(supervisor, "processes", [])
    return all(p.process.exitcode != STARTUP_FAILURE for p in processes)


class _Bar:
    """A progress bar on the terminal (stderr), redrawn in place; plain lines when piped."""

    WIDTH = 30

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()

    async def __call__(self, done: int, total: int) -> None:
        filled = self.WIDTH * done // total if total else self.WIDTH
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        end = "" if self.tty and done < total else "\n"
        print(f"\rimporting [{bar}] {done}/{total}", end=end, file=sys.stderr, flush=True)


def import_file(
    source: str, path: str, dry_run: bool, page_map: list[str], by_page_id: bool = False
) -> int:
    """Import an export file; print the summary. A refused file changes nothing."""

    async def run() -> moving.Summary:
        store = await _connected()
        try:
            await store.migrate()
            return await moving.import_comments(
                store,
                source,
                Path(path),
                dry_run=dry_run,
                page_map=page_map,
                progress=_Bar(),
                by_page_id=by_page_id,
            )
        finally:
            await store.disconnect()

    try:
        summary = asyncio.run(run())
    except DatabaseSettingError as exc:
        return _fail(str(exc))
    except Refusal as exc:
        return _fail(f"{path}: {exc.message}; nothing was imported")
    verb = "would import" if dry_run else "imported"
    print(f"{verb} {summary.imported} of {summary.found} comments from {source}")
    for status, count in sorted(summary.by_status.items()):
        print(f"  {status}: {count}")
    for reason, count in sorted(summary.skipped.items()):
        print(f"  skipped, {reason.replace('_', ' ')}: {count}")
    for one in summary.skipped_comments:
        length = f", {one.length} characters" if one.length else ""
        print(f"    {one.key} by {one.author!r} on {one.page}: {one.reason}{length}")
    if dry_run:
        print("dry run: nothing was changed")
    return 0


def _private_copy(target: Path, text: str) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)


def backup(directory: str) -> int:
    """A dated folder under `directory` with the database, the secret key and the password hash.

    Without the secret key every reader's author token and every mail link stops working, so
    it is part of the backup. PostgreSQL is backed up with pg_dump (see the README).
    """
    try:
        database = sqlite_path(settings.DATABASE_URL)
    except DatabaseSettingError as exc:
        return _fail(str(exc))
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = Path(directory) / f"chorus-{stamp}"
    try:
        target.mkdir(parents=True, mode=0o700)
    except OSError as exc:
        return _fail(f"cannot create {target} ({exc.strerror})")
    if database is not None:
        if not database.is_file():
            return _fail(f"no database at {database}; check DATABASE_URL")
        backup_sqlite(database, target / "chorus.db")
        print(f"database: {target / 'chorus.db'}")
    else:
        print("database: PostgreSQL; back it up with pg_dump (README, Backups)")
    _private_copy(target / "secret_key", str(settings.SECRET_KEY) + "\n")
    print(f"secret key: {target / 'secret_key'}")
    hashed = passwords.password_hash()
    if hashed:
        _private_copy(target / "admin_password_hash", hashed + "\n")
        print(f"password hash: {target / 'admin_password_hash'}")
    env = settings.ROOT / ".env"
    if env.is_file():
        shutil.copy2(env, target / "env")
        os.chmod(target / "env", 0o600)
        print(f"settings: {target / 'env'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=settings.LOG_LEVEL.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    logs.install()
    parser = argparse.ArgumentParser(prog="python -m service", description="Chorus")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="migrate, then serve over HTTP")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument("--workers", type=int, default=1, help="worker processes (see README)")
    commands.add_parser("migrate", help="apply database migrations")
    commands.add_parser("hash-password", help="print the hash of a password read from stdin")
    commands.add_parser("set-password", help="store a new admin password under DATA_DIR")
    commands.add_parser("reset-2fa", help="remove every second factor and end all sessions")
    bring = commands.add_parser("import", help="import comments from another system's export")
    bring.add_argument("source", choices=moving.FORMATS)
    bring.add_argument("file", help="the export file (for isso: its comments.db)")
    bring.add_argument("--dry-run", action="store_true", help="count, but change nothing")
    bring.add_argument(
        "--page-map",
        action="append",
        default=[],
        metavar="RULE",
        help="OLD=NEW: pages whose URL path starts with OLD get NEW instead (repeatable)",
    )
    bring.add_argument(
        "--by-page-id",
        action="store_true",
        help="key threads by the old page id (WordPress: /?p=12), as the WordPress plugin does",
    )
    keep = commands.add_parser("backup", help="copy the database, secret key and password hash")
    keep.add_argument("directory")
    args = parser.parse_args(argv)
    if args.command == "import":
        return import_file(args.source, args.file, args.dry_run, args.page_map, args.by_page_id)
    if args.command == "backup":
        return backup(args.directory)
    if args.command == "serve":
        return serve(args.host, args.port, max(1, args.workers))
    if args.command == "migrate":
        return migrate()
    if args.command == "hash-password":
        return hash_password()
    if args.command == "reset-2fa":
        return reset_2fa()
    return set_password()


if __name__ == "__main__":
    sys.exit(main())

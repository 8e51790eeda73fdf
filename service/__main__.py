"""Command line: `python -m service serve|migrate|hash-password|set-password|check`.

`serve` applies migrations, makes sure the owner has a password (generating one on first start
and printing it once, storing only its hash), then starts uvicorn.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import secrets
import sys

import settings
from service import passwords
from service.store import DatabaseSettingError, Store, open_store


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


def ensure_password() -> None:
    """On first start with no password configured, make one and show it exactly once."""
    if passwords.password_hash():
        return
    password = secrets.token_urlsafe(12)
    passwords.write_password_file(password)
    line = "=" * 64
    print(
        f"{line}\n  Chorus admin: {settings.PUBLIC_URL}/admin/\n  Password (shown once): "
        f"{password}\n  Change it with: make admin-password\n{line}",
        flush=True,
    )


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


def serve(host: str, port: int, workers: int = 1) -> int:
    if not settings.PUBLIC_URL_GIVEN:
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104 - comparing only
        settings.PUBLIC_URL = f"http://{shown}:{port}"
    if migrate():
        return 1
    ensure_password()
    import uvicorn

    server = uvicorn.Server(
        uvicorn.Config(
            "service.app:app",
            host=host,
            port=port,
            workers=workers,
            proxy_headers=False,
            server_header=False,
            log_level=settings.LOG_LEVEL,
            timeout_keep_alive=5,
            # Open requests get this long at shutdown; with the database and mail bounds
            # in the lifespan, a stop finishes within 10 s.
            timeout_graceful_shutdown=4,
        )
    )
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


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=settings.LOG_LEVEL.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    parser = argparse.ArgumentParser(prog="python -m service", description="Chorus")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="migrate, then serve over HTTP")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument("--workers", type=int, default=1, help="worker processes (see README)")
    commands.add_parser("migrate", help="apply database migrations")
    commands.add_parser("hash-password", help="print the hash of a password read from stdin")
    commands.add_parser("set-password", help="store a new admin password under DATA_DIR")
    args = parser.parse_args(argv)
    if args.command == "serve":
        return serve(args.host, args.port, max(1, args.workers))
    if args.command == "migrate":
        return migrate()
    if args.command == "hash-password":
        return hash_password()
    return set_password()


if __name__ == "__main__":
    sys.exit(main())

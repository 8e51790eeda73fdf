"""Benchmarks that compare: Chorus against a bare Starlette app, against Isso, and against itself.

Everything is printed as a ratio measured in the same run on the same machine, so the figures
mean something across machines:

1. Chorus on SQLite (one process) and a bare Starlette app that answers with the very bytes of
   Chorus's list of THREAD_SIZE approved comments, under the same uvicorn settings. The cached
   list read, `/healthz`, the owner's queue and POST are given against that ceiling; the cached
   list read in gzip against the bare app sending Chorus's gzipped bytes.
2. Isso 0.14 (from BENCH_ISSO, a virtualenv of its own; `make bench` makes one when it can) under
   gunicorn with two workers, as Isso documents, on the same kind of thread: reads and posts.
3. Cost growth on PostgreSQL: the same requests with SMALL and with LARGE comments stored
   (filled with one INSERT ... SELECT over generate_series), as LARGE/SMALL ratios.

Load comes from wrk (`make bench` installs Debian's package when it is missing). Sizes and
durations are environment variables (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_SMALL,
BENCH_LARGE, BENCH_POSTGRES_URL, BENCH_ISSO); the defaults finish in a few minutes on two cores.
This is never part of `make test`, and it asserts nothing.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
# BENCH_ONLY=intake runs only section 0 (taking a comment against the bare intake), in a minute;
# BENCH_ONLY=sqlite-growth only section 2b (the owner's queue at SQLITE_LARGE comments).
ONLY = os.environ.get("BENCH_ONLY", "")
THREADS = 2  # wrk threads: one per core on the reference machine
SMALL = int(os.environ.get("BENCH_SMALL", "1000"))
LARGE = int(os.environ.get("BENCH_LARGE", "1000000"))
# SQLite serves one machine: its growth is measured to a tenth of PostgreSQL's size.
SQLITE_LARGE = int(os.environ.get("BENCH_SQLITE_LARGE", "100000"))
PAGES = 100  # pages the filler spreads comments over, at both sizes
THREAD_SIZE = 200  # approved comments on the page whose list is read
MIN_ANSWERED = 20  # fewer answers than this in a run make no ratio
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/chorus_bench"
)
ISSO = Path(os.environ.get("BENCH_ISSO", str(ROOT / ".venv-isso")))
TOKEN = "bench-token-0123456789abcdef0123456789"
OWNER = f"Authorization: Bearer {TOKEN}"
# The same uvicorn settings `python -m service serve` uses, for the bare app.
UVICORN_FLAGS = [
    "--no-server-header",
    "--no-proxy-headers",
    "--timeout-keep-alive",
    "5",
    "--log-level",
    "warning",
]
# Each POST needs a form token of its own (they are single-use): the tokens are made beforehand,
# signed with the key the service runs with, and each wrk thread takes every other one.
POST_SCRIPT = """
counter = 0
tokens = {}
local next_thread = 0
function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end
function init(args)
  if TOKENS ~= "" then
    for line in io.lines(TOKENS) do tokens[#tokens + 1] = line end
  end
end
function request()
  counter = counter + 1
  local token = tokens[(counter * 2 + tid) % math.max(#tokens, 1) + 1] or ""
  local body = string.format(BODY, tid, counter, token)
  return wrk.format("POST", PATH, {["Content-Type"] = "application/json"}, body)
end
"""
SECRET = "bench-secret-key-0123456789abcdef0123456789abcdef"
TOKENS_PER_RUN = 400_000  # more than a run can post, so no token is ever used twice


@dataclass(frozen=True)
class Load:
    """What wrk measured: requests per second, the 99th percentile in ms, non-2xx/3xx answers."""

    rate: float
    p99: float
    errors: int
    answered: int = 0  # requests completed in the run


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_up(url: str, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} stopped while starting (exit {process.returncode})")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)  # readiness poll
    process.kill()
    raise SystemExit(f"{what} did not start")


@contextmanager
def _running(
    command: list[str], env: dict[str, str], probe: str, what: str, quiet: bool = False
) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL if quiet else None,
    )
    try:
        _wait_up(probe, process, what)
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


CHORUS_ENV = {
    "ADMIN_API_TOKEN": TOKEN,
    "RATE_LIMIT_POSTS": "100000000",
    "MODERATION": "all",
    "LOG_LEVEL": "warning",
    "NOTIFY_EMAIL": "",
    "SECRET_KEY": SECRET,
    "FORM_MIN_SECONDS": "0",  # wrk posts the moment it has a token
    "POW": "off",
    "ADMIN_PASSWORD_HASH": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
}


@contextmanager
def chorus(database_url: str, data: str, workers: int = 1) -> Iterator[str]:
    """Chorus served as `python -m service serve --workers N` would be; yields its base URL."""
    port = _free_port()
    env = {"DATA_DIR": data, "DATABASE_URL": database_url, **CHORUS_ENV}
    command = [
        sys.executable, "-m", "service", "serve", "--port", str(port), "--workers", str(workers)
    ]  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    with _running(command, env, f"{url}/healthz", "Chorus"):
        yield url


@contextmanager
def bare_intake(data: str, name: str) -> Iterator[str]:
    """The bare durable intake (`bench/bare_intake.py`) on a fresh database; yields its URL."""
    port = _free_port()
    command = [
        sys.executable, "-m", "uvicorn", "bench.bare_intake:app", "--port", str(port),
        "--no-access-log", *UVICORN_FLAGS,
    ]  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    env = {"BENCH_INTAKE_DB": f"{data}/{name}.db"}
    with _running(command, env, f"{url}/healthz", "the bare intake"):
        yield url


@contextmanager
def bare(body: bytes, data: str, encoding: str = "") -> Iterator[str]:
    """The bare Starlette app serving `body` (already in `encoding`, if any); yields its URL."""
    body_file = Path(data) / "bare-body.json"
    body_file.write_bytes(body)
    port = _free_port()
    command = [
        sys.executable, "-m", "uvicorn", "bench.bare:app", "--port", str(port), *UVICORN_FLAGS
    ]  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    env = {"BENCH_BODY_FILE": str(body_file), "BENCH_BODY_ENCODING": encoding}
    with _running(command, env, f"{url}/", "the bare app"):
        yield url


GZIP = "Accept-Encoding: gzip"


def as_sent(url: str, headers: dict[str, str]) -> bytes:
    """The body of a GET exactly as the server sent it (httpx would decode gzip)."""
    with httpx.Client(timeout=30) as client, client.stream("GET", url, headers=headers) as answer:
        answer.raise_for_status()
        assert answer.headers.get("content-encoding", "") == headers.get("Accept-Encoding", "")
        return b"".join(answer.iter_raw())


def form_tokens(data: str) -> str:
    """A file of fresh form tokens signed with the bench's SECRET, one a line; its path."""
    path = Path(data) / "form-tokens.txt"
    if not path.exists():
        program = (
            "import sys\nfrom service import signing\n"
            f"sys.stdout.write('\\n'.join(signing.form_token() for _ in range({TOKENS_PER_RUN})))"
        )
        env = {**os.environ, "SECRET_KEY": SECRET, "DATA_DIR": data}
        with path.open("w") as out:
            subprocess.run(
                [sys.executable, "-c", program], stdout=out, env=env, check=True, cwd=ROOT
            )
    return str(path)


def wrk(
    url: str,
    *,
    headers: tuple[str, ...] = (),
    post: tuple[str, str] | None = None,
    tokens: str = "",
) -> Load:
    """Drive `url` for SECONDS with CONNECTIONS connections; `post` is (path, JSON format).

    With `tokens` (a file of form tokens), each POST carries one of its own.
    """
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency",
               "--timeout", "10s"]  # fmt: skip
    for header in headers:
        command += ["-H", header]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        if post is not None:
            path, body = post
            script.write(
                f"PATH = {_lua(path)}\nBODY = {_lua(body)}\nTOKENS = {_lua(tokens)}\n{POST_SCRIPT}"
            )
    try:
        if post is not None:
            command += ["-s", script.name]
        out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    # A server that answered nothing in time still counts: as a tiny rate, not a crash.
    rate = max(float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]), 0.01)  # type: ignore[index]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    answered = re.search(r"(\d+) requests in", out)
    return Load(
        rate,
        float(p99[1]) * scale[p99[2]] if p99 else float("nan"),
        int(errors[1]) if errors else 0,
        int(answered[1]) if answered else 0,
    )


def _lua(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


CHORUS_POST = (
    "/api/comments",
    '{"page": "/bench-post", "author": "Lezer", "consent": true, '
    '"body": "Verhaal %d-%d: sinds de massage slaap ik veel beter.", "form_token": "%s"}',
)


READER = "marieke@voorbeeld.nl"


def fill_thread(url: str, page: str = "/bench", size: int = THREAD_SIZE) -> None:
    """`size` approved comments on `page`, through the API; every 10th promoted too.

    One of them has a reader's e-mail address, which the owner's search looks up.
    """
    owner = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=url, timeout=30) as client:
        for n in range(size):
            body = f"Verhaal {n}. Sinds de massage slaap ik beter.\n\nZie https://example.nl/{n}"
            token = client.get("/api/form").json()["form_token"]
            answer = client.post(
                "/api/comments",
                json={
                    "page": page,
                    "author": f"Lezer {n}",
                    "email": READER if n == 7 else "",
                    "body": body,
                    "consent": True,
                    "form_token": token,
                },
            )
            answer.raise_for_status()
            cid = answer.json()["id"]
            client.post(f"/admin/api/comments/{cid}/approve", headers=owner).raise_for_status()
            if n % 10 == 0:
                client.post(f"/admin/api/comments/{cid}/promote", headers=owner).raise_for_status()


def _row(label: str, value: float, note: str = "") -> None:
    print(f"  {label:58} {value:7.2f}  {note}")


def against_the_ceiling(data: str) -> dict[str, Load]:
    """Section 1: Chorus on SQLite against the bare app serving the same bytes."""
    print("1. Chorus (SQLite, one process) against a bare Starlette app, same bytes, same uvicorn")
    with chorus(f"sqlite:///{data}/bench.db", data) as url:
        fill_thread(url)
        listing = f"{url}/api/comments?page=/bench"
        body = httpx.get(listing).content
        packed = as_sent(listing, {"Accept-Encoding": "gzip"})
        with bare(body, data) as ceiling_url:
            ceiling = wrk(f"{ceiling_url}/api/comments?page=/bench")
        with bare(packed, data, "gzip") as ceiling_url:
            gzip_ceiling = wrk(f"{ceiling_url}/api/comments?page=/bench", headers=(GZIP,))
        loads = {
            "list": wrk(listing),
            "list-gzip": wrk(listing, headers=(GZIP,)),
            "healthz": wrk(f"{url}/healthz"),
            "queue": wrk(f"{url}/admin/api/comments?status=approved", headers=(OWNER,)),
            "post": wrk(url, post=CHORUS_POST, tokens=form_tokens(data)),
        }
    _row(f"cached list of {THREAD_SIZE} comments / bare app", loads["list"].rate / ceiling.rate,
         "(target >= 0.9)")  # fmt: skip
    _row(f"the same list in gzip ({len(packed):,} of {len(body):,} bytes) / bare app",
         loads["list-gzip"].rate / gzip_ceiling.rate, "(target >= 0.9)")  # fmt: skip
    _row("GET /healthz / bare app", loads["healthz"].rate / ceiling.rate)
    _row("owner queue (approved, first page) / bare app", loads["queue"].rate / ceiling.rate)
    post = loads["post"]
    _row("POST /api/comments / bare app", post.rate / ceiling.rate,
         f"(p99 {post.p99 / max(ceiling.p99, 0.001):.0f}x the bare app's; "
         f"{post.errors} non-2xx)")  # fmt: skip
    return loads


PAIRS = 3  # interleaved bare/Chorus pairs for the intake comparison
BARE_POST = (
    "/api/comments",
    '{"page": "/bench-post", "author": "Lezer", '
    '"body": "Verhaal %d-%d: sinds de massage slaap ik veel beter.", "form_token": "%s"}',
)


def fsync_rate(data: str, seconds: float = 1.0) -> float:
    """How many write-and-fsync rounds of one small block this disk does a second."""
    path = Path(data) / "fsync-probe"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    rounds, started = 0, time.perf_counter()
    try:
        while time.perf_counter() - started < seconds:
            os.pwrite(descriptor, b"x" * 4096, 0)
            os.fsync(descriptor)
            rounds += 1
    finally:
        os.close(descriptor)
        path.unlink()
    return rounds / (time.perf_counter() - started)


def against_the_floor(data: str) -> Load:
    """Section 0: taking a comment, Chorus against the bare durable intake, interleaved pairs.

    Each pair runs the bare intake and Chorus (SQLite, MODERATION=all, a fresh form token per
    POST), each on a fresh database, one after the other, alternating which goes first; the
    ratios are per pair, so a neighbour's burst of load spoils one pair, not the comparison.
    """
    print(f"0. Taking a comment: Chorus (SQLite, moderation on) against a bare durable intake, "
          f"{PAIRS} interleaved pairs")  # fmt: skip
    print(f"  this disk: {fsync_rate(data):,.0f} fsyncs a second (4 KiB write + fsync, 1 s)")
    tokens = form_tokens(data)
    chorus_loads: list[Load] = []
    for pair in range(PAIRS):
        loads: dict[str, Load] = {}
        order = ("bare", "chorus") if pair % 2 == 0 else ("chorus", "bare")
        for which in order:
            if which == "bare":
                with bare_intake(data, f"bare-{pair}") as url:
                    loads["bare"] = wrk(url, post=BARE_POST, tokens=tokens)
            else:
                with chorus(f"sqlite:///{data}/intake-{pair}.db", data) as url:
                    loads["chorus"] = wrk(url, post=CHORUS_POST, tokens=tokens)
        ours, floor = loads["chorus"], loads["bare"]
        chorus_loads.append(ours)
        print(
            f"  pair {pair + 1}: bare {floor.rate:8,.0f} req/s p99 {floor.p99:6.1f} ms "
            f"({floor.errors} non-2xx) | Chorus {ours.rate:7,.0f} req/s p99 {ours.p99:6.1f} ms "
            f"({ours.errors} non-2xx) | rate {ours.rate / floor.rate:.3f}x, "
            f"p99 {ours.p99 / max(floor.p99, 0.001):.1f}x"
        )
    stages = subprocess.run(
        [sys.executable, "-m", "bench.stages"],
        cwd=ROOT,
        env={**os.environ, **CHORUS_ENV, "DATA_DIR": data},
        capture_output=True,
        text=True,
        check=True,
    )
    print(stages.stdout, end="")
    return max(chorus_loads, key=lambda load: load.rate)


def against_isso(data: str, chorus_loads: dict[str, Load]) -> None:
    """Section 2: Isso 0.14 under gunicorn with two workers, same thread size, same load."""
    print("\n2. Chorus against Isso 0.14 (gunicorn, 2 workers; Chorus one process), SQLite both")
    isso = ISSO / "bin" / "isso"
    gunicorn = ISSO / "bin" / "gunicorn"
    if not (isso.exists() and gunicorn.exists()):
        print(f"  skipped: no Isso in {ISSO} (pip install 'isso==0.14.*' gunicorn there)")
        return
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    config = Path(data) / "isso.cfg"
    config.write_text(
        f"[general]\ndbpath = {data}/isso.db\nhost = {url}\n"
        f"[moderation]\nenabled = false\n[guard]\nenabled = false\n"
        f"[server]\nlisten = {url}\n"
    )
    command = [
        str(gunicorn), "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
        "--preload", "isso.run",
    ]  # fmt: skip
    with _running(command, {"ISSO_SETTINGS": str(config)}, f"{url}/info", "Isso", quiet=True):
        with httpx.Client(base_url=url, timeout=30, headers={"Origin": url}) as client:
            for n in range(THREAD_SIZE):
                text = (
                    f"Verhaal {n}. Sinds de massage slaap ik beter.\n\nZie https://example.nl/{n}"
                )
                client.post(
                    "/new",
                    params={"uri": "/bench"},
                    json={"text": text, "author": f"Lezer {n}", "title": "Bench"},
                ).raise_for_status()
                client.cookies.clear()  # Isso sets one per comment; they would pile up
        read = wrk(f"{url}/?uri=%2Fbench")
        post = wrk(
            url,
            headers=(f"Origin: {url}",),
            post=(
                "/new?uri=%2Fbench-post",
                '{"author": "Lezer", "title": "Bench", "text": "Verhaal %d-%d: beter."}',
            ),
        )
    for label, ours, theirs in (
        ("Chorus / Isso: read a thread", chorus_loads["list"], read),
        ("Chorus / Isso: POST a comment", chorus_loads["post"], post),
    ):
        if theirs.answered < MIN_ANSWERED:
            print(f"  {label:58} Isso answered only {theirs.answered} in {SECONDS} s: too few")
            continue
        _row(label, ours.rate / theirs.rate,
             f"(p99 {ours.p99 / max(theirs.p99, 0.001):.2f}x Isso's; "
             f"Isso {theirs.errors} non-2xx)")  # fmt: skip


async def _postgres(url: str, *statements: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(url, timeout=10)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


def _ensure_database(url: str) -> None:
    from urllib.parse import urlsplit

    name = urlsplit(url).path.lstrip("/")
    server = urlsplit(url)._replace(path="/postgres").geturl()
    try:
        asyncio.run(_postgres(server, f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        if "already exists" not in str(exc):
            raise
    asyncio.run(_postgres(url, "DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public"))


def fill_to(url: str, total: int) -> None:
    """Add comments until `total` are stored, spread over PAGES pages and all four statuses.

    One INSERT ... SELECT over generate_series with the counting trigger off, then the counts
    rebuilt the way migration 006 first builds them, then VACUUM ANALYZE, as autovacuum does
    after a bulk insert (it also moves the new rows into the trigram indexes' main structure);
    finally a change notice so every cached rendering is dropped.
    """
    stamp = "2025-01-01T00:00:00+00:00"
    asyncio.run(
        _postgres(
            url,
            f"INSERT INTO threads (page_key, title, url, created_at) "
            f"SELECT '/fill/' || g, 'Pagina ' || g, '', '{stamp}' "
            f"FROM generate_series(1, {PAGES}) g ON CONFLICT (page_key) DO NOTHING",
            "ALTER TABLE comments DISABLE TRIGGER comments_counts",
            f"""
            INSERT INTO comments (thread_id, author, body, body_hash, html, status, consent,
                                  created_at, updated_at)
            SELECT t.id, 'Lezer ' || g, 'Verhaal ' || g || '. Sinds de massage slaap ik beter.',
                   md5(random()::text || g), '<p>Verhaal ' || g || '.</p>',
                   (ARRAY['pending', 'approved', 'rejected', 'spam'])[1 + g % 4], g % 2,
                   '{stamp}', '{stamp}'
            FROM generate_series(1, GREATEST(0, {total} - (SELECT COUNT(*) FROM comments))) g
            JOIN threads t ON t.page_key = '/fill/' || (1 + g % {PAGES})
            """,
            "ALTER TABLE comments ENABLE TRIGGER comments_counts",
            "DELETE FROM comment_counts",
            """
            INSERT INTO comment_counts (thread_id, status, n, testimonials)
            SELECT thread_id, status, COUNT(*), SUM(CASE WHEN status = 'approved'
                   AND consent = 1 AND testimonial = 1 THEN 1 ELSE 0 END)
            FROM comments GROUP BY thread_id, status
            """,
            "VACUUM ANALYZE",
            "SELECT pg_notify('chorus_changes', 'bench')",
        )
    )


def fill_sqlite_to(path: str, total: int) -> None:
    """Add comments until `total` are stored in the SQLite file, as `fill_to` does on PostgreSQL.

    One INSERT ... SELECT over a recursive series; the counting triggers keep the queue's
    counts as they go. ANALYZE afterwards, as `PRAGMA optimize` would at the service's next
    start; the service's own search index catches up at the first search, as it does in use.
    """
    import sqlite3

    stamp = "2025-01-01T00:00:00+00:00"
    with sqlite3.connect(path, timeout=30) as db:
        db.execute(
            "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ?) "
            "INSERT OR IGNORE INTO threads (page_key, title, url, created_at) "
            "SELECT '/fill/' || n, 'Pagina ' || n, '', ? FROM g",
            (PAGES, stamp),
        )
        have = db.execute("SELECT COUNT(*) FROM comments").fetchone()[0]
        db.execute(
            f"""
            WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ?)
            INSERT INTO comments (thread_id, author, body, body_hash, html, status, consent,
                                  created_at, updated_at)
            SELECT t.id, 'Lezer ' || n, 'Verhaal ' || n || '. Sinds de massage slaap ik beter.',
                   lower(hex(randomblob(16))), '<p>Verhaal ' || n || '.</p>',
                   CASE n % 4 WHEN 0 THEN 'pending' WHEN 1 THEN 'approved'
                              WHEN 2 THEN 'rejected' ELSE 'spam' END, n % 2, ?, ?
            FROM g JOIN threads t ON t.page_key = '/fill/' || (1 + n % {PAGES})
            """,
            (max(0, total - have), stamp, stamp),
        )
        db.execute("ANALYZE")


def _index_search(url: str) -> None:
    """One search first: it indexes the comments filled in behind the service's back.

    In use they would have been indexed a batch at a time by the searches along the way; left
    to the measured run, indexing all of them would count against its first second.
    """
    owner = {"Authorization": f"Bearer {TOKEN}"}
    httpx.get(f"{url}/admin/api/comments?q=slaap", headers=owner, timeout=120).raise_for_status()


def growth_sqlite(data: str, pairs: int = 3) -> None:
    """Section 2b: the owner's queue with SQLITE_LARGE comments stored against SMALL (SQLite).

    Both sizes are served at once, each by a process of its own on its own copy, and measured
    in turn, `pairs` times: load from elsewhere on the machine then falls on both alike, and
    the median of the pairs' ratios is printed.
    """
    import shutil as files
    import statistics

    print(f"\n2b. Cost growth on SQLite: {SQLITE_LARGE:,} stored comments against {SMALL:,}")
    cases = {
        "read a page's list (cached)": ("/api/comments?page=/bench", ()),
        "owner queue, pending, first page": ("/admin/api/comments?status=pending", (OWNER,)),
        "owner queue, all, first page": ("/admin/api/comments", (OWNER,)),
        "owner queue, a search for a reader's address": (
            f"/admin/api/comments?q={READER}",
            (OWNER,),
        ),
    }
    small_db, large_db = f"{data}/growth-small.db", f"{data}/growth-large.db"
    with chorus(f"sqlite:///{small_db}", data) as url:
        fill_thread(url)
    fill_sqlite_to(small_db, SMALL)
    files.copyfile(small_db, large_db)
    fill_sqlite_to(large_db, SQLITE_LARGE)
    ratios: dict[str, list[float]] = {label: [] for label in cases}
    with (
        chorus(f"sqlite:///{small_db}", data) as small,
        chorus(f"sqlite:///{large_db}", data) as large,
    ):
        _index_search(small)
        _index_search(large)
        for _ in range(pairs):
            for label, (path, headers) in cases.items():
                few = wrk(small + path, headers=headers)
                many = wrk(large + path, headers=headers)
                ratios[label].append(many.rate / few.rate)
    for label in cases:
        spread = f"{min(ratios[label]):.2f}–{max(ratios[label]):.2f}"
        _row(label, statistics.median(ratios[label]), f"(target >= 0.8; pairs {spread})")


def growth(data: str) -> None:
    """Section 3: the same requests with SMALL and with LARGE comments stored (PostgreSQL)."""
    print(f"\n3. Cost growth on PostgreSQL: {LARGE:,} stored comments against {SMALL:,}")
    try:
        _ensure_database(POSTGRES_URL)
    except Exception as exc:
        print(f"  skipped: PostgreSQL at {POSTGRES_URL} is not usable ({exc})")
        return
    cases = {
        "read a page's list (cached)": ("/api/comments?page=/bench", ()),
        "testimonials (cached)": ("/api/testimonials", ()),
        "owner queue, pending, first page": ("/admin/api/comments?status=pending", (OWNER,)),
        "owner queue, all, first page": ("/admin/api/comments", (OWNER,)),
        "owner queue, a search for a reader's address": (
            f"/admin/api/comments?q={READER}",
            (OWNER,),
        ),
        "owner queue, a search matching 1 in 90": ("/admin/api/comments?q=verhaal%2042", (OWNER,)),
    }
    with chorus(POSTGRES_URL, data) as url:
        fill_thread(url)
        fill_to(POSTGRES_URL, SMALL)
        small = {label: wrk(url + path, headers=h) for label, (path, h) in cases.items()}
        started = time.monotonic()
        fill_to(POSTGRES_URL, LARGE)
        filled = time.monotonic() - started
        large = {label: wrk(url + path, headers=h) for label, (path, h) in cases.items()}
    print(f"  (filled to {LARGE:,} in {filled:.0f} s)")
    for label in cases:
        _row(label, large[label].rate / small[label].rate,
             "" if "1 in 90" in label else "(target >= 0.8)")  # fmt: skip


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: `make bench` installs it (apt-get install wrk)")
    print(
        f"Chorus benchmarks: wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s per figure; ratios only\n"
    )
    with tempfile.TemporaryDirectory() as data:
        if ONLY == "intake":
            against_the_floor(data)
            return
        if ONLY == "sqlite-growth":
            growth_sqlite(data)
            return
        against_the_floor(data)
        loads = against_the_ceiling(data)
        against_isso(data, loads)
        growth_sqlite(data)
        growth(data)


if __name__ == "__main__":
    main()

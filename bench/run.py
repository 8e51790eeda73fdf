"""Benchmarks: requests per second of the main endpoints, as ratios against a baseline.

Starts Chorus on a free port with a fresh SQLite database (or DATABASE_URL if set), fills it with
approved comments and testimonials, then measures each endpoint for a fixed number of requests
with a fixed number of concurrent clients. The baseline, measured in the same run, is
`GET /healthz` (one trivial database query), so the figures compare across machines.
Also times the sanitiser against plain HTML escaping. Prints figures; asserts nothing.
"""

from __future__ import annotations

import asyncio
import html
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "2000"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "20"))
TOKEN = "bench-token-0123456789abcdef0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(data: str, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATA_DIR": data,
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{data}/bench.db"),
        "ADMIN_API_TOKEN": TOKEN,
        "RATE_LIMIT_POSTS": "1000000",
        "LOG_LEVEL": "warning",
        "ADMIN_PASSWORD_HASH": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("the server did not start")


async def fill(client: httpx.AsyncClient) -> None:
    owner = {"Authorization": f"Bearer {TOKEN}"}
    for n in range(50):
        body = f"Verhaal nummer {n}. Sinds de massage slaap ik beter.\n\nZie https://example.nl/{n}"
        answer = await client.post(
            "/api/comments",
            json={"page": "/bench", "author": f"Lezer {n}", "body": body, "consent": True},
        )
        cid = answer.json()["id"]
        await client.post(f"/admin/api/comments/{cid}/approve", headers=owner)
        await client.post(f"/admin/api/comments/{cid}/promote", headers=owner)


async def measure(client: httpx.AsyncClient, method: str, path: str, **kw: object) -> float:
    """Requests per second for REQUESTS requests over CONCURRENCY clients."""
    counter = iter(range(REQUESTS))

    async def worker() -> None:
        for n in counter:
            if method == "POST":
                payload = {"page": "/bench-post", "author": "B", "body": f"post {n} {time.time()}"}
                response = await client.post(path, json=payload)
            else:
                response = await client.get(path, **kw)  # type: ignore[arg-type]
            assert response.status_code in (200, 202, 304), response.text

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return REQUESTS / (time.perf_counter() - started)


async def http_figures(port: int) -> None:
    limits = httpx.Limits(max_connections=CONCURRENCY)
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=30
    ) as client:
        await fill(client)
        etag = (await client.get("/feeds/testimonials.json")).headers["etag"]
        baseline = await measure(client, "GET", "/healthz")
        print(f"{'endpoint':48} {'req/s':>9} {'vs /healthz':>12}")
        print(f"{'GET /healthz (baseline)':48} {baseline:9.0f} {1.0:12.2f}")
        cases = [
            ("GET /api/comments?page=/bench (50 comments)", "GET", "/api/comments?page=/bench", {}),
            ("GET /api/testimonials (10)", "GET", "/api/testimonials", {}),
            ("GET /feeds/testimonials.json (50)", "GET", "/feeds/testimonials.json", {}),
            ("GET /feeds/testimonials.atom (50)", "GET", "/feeds/testimonials.atom", {}),
            (
                "GET /feeds/testimonials.json, If-None-Match",
                "GET",
                "/feeds/testimonials.json",
                {"headers": {"If-None-Match": etag}},
            ),
            ("POST /api/comments", "POST", "/api/comments", {}),
        ]
        for label, method, path, kw in cases:
            rate = await measure(client, method, path, **kw)
            print(f"{label:48} {rate:9.0f} {rate / baseline:12.2f}")


def sanitiser_figures() -> None:
    os.environ.setdefault("SECRET_KEY", "bench-secret-key-0123456789abcdef0123456789")
    os.environ.setdefault("DATA_DIR", tempfile.mkdtemp())
    from service.sanitize import render

    text = ("Sinds ik magnesium neem slaap ik beter. Zie https://example.nl/a?b=1.\n" * 20).strip()
    rounds = 2000
    started = time.perf_counter()
    for _ in range(rounds):
        html.escape(text)
    escape = (time.perf_counter() - started) / rounds
    started = time.perf_counter()
    for _ in range(rounds):
        render(text)
    full = (time.perf_counter() - started) / rounds
    print(f"\nsanitise a 1.4 KB comment: {full * 1e6:.0f} µs "
          f"({full / escape:.0f}× plain html.escape at {escape * 1e6:.1f} µs)")  # fmt: skip


def cache_figures(database_url: str) -> None:
    """What the rendering cache saves: a full feed build against the version check instead."""
    from service import db as dbmod
    from service import feeds, store

    async def run() -> tuple[float, float]:
        database = dbmod.make_database(database_url)
        await database.connect()
        rounds = 300
        started = time.perf_counter()
        for _ in range(rounds):
            feeds.render_atom(await store.list_testimonials(database, feeds.FEED_SIZE))
        full = (time.perf_counter() - started) / rounds
        started = time.perf_counter()
        for _ in range(rounds):
            await store.testimonials_version(database)
        check = (time.perf_counter() - started) / rounds
        await database.disconnect()
        return full, check

    full, check = asyncio.run(run())
    print(f"\nAtom feed of 50, built from the database: {full * 1e3:.2f} ms; "
          f"version check that lets the cache answer instead: {check * 1e3:.2f} ms "
          f"({full / check:.1f}× less work)")  # fmt: skip


def main() -> None:
    print(f"Chorus benchmarks: {REQUESTS} requests per case, {CONCURRENCY} concurrent clients\n")
    with tempfile.TemporaryDirectory() as data:
        port = free_port()
        server = start(data, port)
        try:
            asyncio.run(http_figures(port))
        finally:
            server.terminate()
            server.wait(timeout=10)
        sanitiser_figures()
        cache_figures(os.environ.get("DATABASE_URL", f"sqlite:///{data}/bench.db"))


if __name__ == "__main__":
    main()

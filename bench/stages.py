"""Where the time of one accepted comment goes: each stage timed in-process, over wrk's bodies.

The pure stages (parse, token, validation, sanitising, hints, duplicate key) are the very functions
`readers.submit` calls, timed one after the other over BENCH_STAGE_COMMENTS bodies. The store
stages run the use case itself on a fresh SQLite database, one comment at a time: "store" is what
a whole submission costs beyond the pure stages and its commit; "commit" is one COMMIT of one
small write (mostly the fsync), which a group commit shares among every comment in its group.
Run by `bench/run.py` with the bench's SECRET_KEY; prints µs per accepted comment.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import time
from collections.abc import Callable
from typing import Any

import settings
from service import readers, sanitize, signing
from service.domain import hints
from service.domain.abuse import check_renderable, duplicate_key, matching_rule
from service.domain.names import refuse_hidden_characters, refuse_impersonation
from service.domain.validation import parse_submission
from service.store import open_store

COMMENTS = int(os.environ.get("BENCH_STAGE_COMMENTS", "2000"))
BODY = (
    '{"page": "/bench-post", "author": "Lezer", "consent": true, '
    '"body": "Verhaal %d-%d: sinds de massage slaap ik veel beter.", "form_token": "%s"}'
)


def _each(items: list[Any], stage: Callable[[Any], object]) -> float:
    """µs per item of `stage` over `items`."""
    started = time.perf_counter()
    for item in items:
        stage(item)
    return (time.perf_counter() - started) / len(items) * 1e6


def _validate(submission: Any) -> None:
    refuse_hidden_characters("author", submission.author)
    refuse_impersonation("author", submission.author, (settings.OWNER_NAME, settings.SITE_NAME))
    check_renderable("body", submission.body, readers.RENDER_BOUNDS)
    matching_rule([], submission.body, submission.website)


async def _stored(bodies: list[str]) -> tuple[float, float]:
    """µs per comment of the whole use case, and of one small committed write, on SQLite."""
    with tempfile.TemporaryDirectory() as data:
        store = open_store(f"sqlite:///{data}/stages.db")
        await store.connect()
        try:
            await store.migrate()
            started = time.perf_counter()
            for n, body in enumerate(bodies):
                await readers.submit(store, json.loads(body), f"client-{n}")
            whole = (time.perf_counter() - started) / len(bodies) * 1e6
            started = time.perf_counter()
            for n in range(len(bodies)):
                await store.counters.hit("stages", str(n), 10, 60)
            commit = (time.perf_counter() - started) / len(bodies) * 1e6
        finally:
            await store.disconnect()
    return whole, commit


def main() -> None:
    bodies = [BODY % (0, n, signing.form_token()) for n in range(COMMENTS)]
    rules = readers.intake_rules()
    parsed = [parse_submission(json.loads(body), rules) for body in bodies]
    stages = {
        "parse (JSON, fields, limits)": _each(
            bodies, lambda body: parse_submission(json.loads(body), rules)
        ),
        "token (signature, age)": _each(parsed, lambda s: signing.read_form_token(s.form_token)),
        "validation (names, render bounds, rules)": _each(parsed, _validate),
        "sanitising (render + bleach)": _each(parsed, lambda s: sanitize.render(s.body)),
        "hints": _each(parsed, lambda s: hints.codes(hints.for_text(s.body))),
        "duplicate key": _each(parsed, lambda s: duplicate_key(s.body)),
    }
    whole, commit = asyncio.run(_stored(bodies[: max(COMMENTS // 4, 1)]))
    pure = sum(stages.values())
    stages["store (the rest of submit: statements, trips)"] = max(whole - pure - commit, 0.0)
    stages["commit (one small write's COMMIT, alone)"] = commit
    print(f"  per-stage cost of one accepted comment, in-process ({COMMENTS} bodies), µs:")
    for label, cost in stages.items():
        print(f"    {label:52} {cost:8.1f}")
    print(f"    {'whole submit, one at a time (commits not shared)':52} {whole:8.1f}")


if __name__ == "__main__":
    main()

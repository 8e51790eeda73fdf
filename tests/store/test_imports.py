"""Importing, on SQLite and PostgreSQL: dates and statuses kept, idempotent, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from service import moving, owner
from service.domain.comments import Query, Status
from service.domain.errors import Refusal
from service.store import Store
from tests import samples
from tests.store.test_store import approve, new

pytestmark = pytest.mark.anyio


async def everything(db: Store) -> list[Any]:
    return (await db.queue.read(Query(limit=5000, oldest_first=True)))[0]


async def test_wordpress_comments_keep_dates_statuses_replies_and_no_consent(
    db: Store, tmp_path: Path
) -> None:
    path = samples.write(tmp_path / "wp.xml", samples.wordpress_sample())
    summary = await moving.import_comments(db, "wordpress", path)
    assert summary.imported == 7
    assert summary.skipped == {"pingback": 1, "trackback": 1}
    assert summary.by_status == {"approved": 4, "pending": 1, "spam": 1, "rejected": 1}
    found = {c.author: c for c in await everything(db)}
    zoe, marieke, jan = found["Zoë Çelik"], found["Marieke"], found["Jan"]
    assert zoe.created_at == "2019-05-14T08:12:03.000000Z"
    assert zoe.page_key == "/2019/05/magnesium-en-slaap/"
    assert zoe.page_title == "Magnesium en slaap"
    assert zoe.email == "zoe@example.nl" and zoe.website == "https://zoe.example"
    assert marieke.parent_id == zoe.id and jan.parent_id == marieke.id
    assert found["Wachtend"].status == Status.PENDING
    assert found["Cheap pills"].status == Status.SPAM
    assert found["Weg"].status == Status.REJECTED
    assert not any(c.consent or c.testimonial for c in found.values())
    # Old HTML became plain text, rendered exactly as a new comment's text is.
    assert zoe.body == (
        "Sinds de massage slaap ik veel beter.\n\n"
        "Zie mijn verhaal (https://blog.example/zoe) & meer."
    )
    assert "<strong>" not in zoe.html and "&amp;" in zoe.html
    assert 'href="https://blog.example/zoe" rel="nofollow ugc noopener"' in zoe.html
    assert jan.body == "Goed stuk" and "script" not in jan.html


async def test_importing_the_same_file_twice_adds_nothing(db: Store, tmp_path: Path) -> None:
    path = samples.write(tmp_path / "wp.xml", samples.wordpress_sample())
    await moving.import_comments(db, "wordpress", path)
    before = await db.imports.counts()
    again = await moving.import_comments(db, "wordpress", path)
    assert again.imported == 0
    assert again.skipped["already_imported"] == 7
    assert await db.imports.counts() == before


async def test_a_reply_in_a_second_file_finds_its_parent_from_the_first(
    db: Store, tmp_path: Path
) -> None:
    first = samples.wxr(
        [samples.wp_item("post", "Post", [samples.wp_comment(1, "Anna", "Eerste")])]
    )
    second = samples.wxr(
        [
            samples.wp_item(
                "post",
                "Post",
                [
                    samples.wp_comment(1, "Anna", "Eerste"),
                    samples.wp_comment(2, "Bob", "Later antwoord", parent=1),
                ],
            )
        ]
    )
    await moving.import_comments(db, "wordpress", samples.write(tmp_path / "1.xml", first))
    await moving.import_comments(db, "wordpress", samples.write(tmp_path / "2.xml", second))
    found = {c.author: c for c in await everything(db)}
    assert found["Bob"].parent_id == found["Anna"].id


async def test_same_short_text_twice_on_a_page_is_two_comments(db: Store, tmp_path: Path) -> None:
    item = samples.wp_item(
        "post",
        "Post",
        [samples.wp_comment(1, "Anna", "Dank je!"), samples.wp_comment(2, "Bob", "Dank je!")],
    )
    path = samples.write(tmp_path / "wp.xml", samples.wxr([item]))
    assert (await moving.import_comments(db, "wordpress", path)).imported == 2


async def test_disqus_threads_parents_deleted_and_spam(db: Store, tmp_path: Path) -> None:
    path = samples.write(tmp_path / "disqus.xml", samples.disqus_sample())
    summary = await moving.import_comments(db, "disqus", path, page_map=["/2019/05/=/blog/"])
    assert summary.imported == 3
    assert summary.skipped == {"deleted": 1}
    found = {c.author: c for c in await everything(db)}
    assert found["Sanne Ødegård"].page_key == "/blog/magnesium-en-slaap/"
    assert found["Sanne Ødegård"].status == Status.APPROVED
    # The reply to the deleted post moves up to the deleted post's own parent.
    assert found["Piet"].parent_id == found["Sanne Ødegård"].id
    assert found["Spammer"].status == Status.SPAM
    assert found["Spammer"].body == "Cheap pills (http://spam.example)"


async def test_isso_database_threads_parents_and_modes(db: Store, tmp_path: Path) -> None:
    path = samples.isso_sample(tmp_path / "comments.db")
    before = path.read_bytes()
    summary = await moving.import_comments(db, "isso", path)
    assert summary.imported == 4
    assert summary.skipped == {"deleted": 1}
    found = {c.author: c for c in await everything(db)}
    assert found["Marieke"].parent_id == found["Björn"].id
    assert found["Nieuw"].status == Status.PENDING
    assert found["Eva"].parent_id is None and found["Eva"].page_key == "/blog/rug/"
    assert found["Björn"].created_at == "2019-05-14T08:00:00.000000Z"
    assert path.read_bytes() == before  # opened read-only


async def test_dry_run_counts_exactly_and_changes_nothing(db: Store, tmp_path: Path) -> None:
    path = samples.write(tmp_path / "wp.xml", samples.wordpress_sample())
    before = await db.imports.counts()
    summary = await moving.import_comments(db, "wordpress", path, dry_run=True)
    assert summary.imported == 7 and summary.dry_run
    assert await db.imports.counts() == before


@pytest.mark.parametrize(
    ("source", "content", "says"),
    [
        ("wordpress", samples.BILLION_LAUGHS, "DTD or entities"),
        ("wordpress", samples.EXTERNAL_ENTITY, "DTD or entities"),
        ("disqus", samples.BILLION_LAUGHS, "DTD or entities"),
        ("wordpress", samples.disqus_sample(), "not a WordPress export"),
        ("disqus", samples.wordpress_sample(), "not a Disqus export"),
        ("wordpress", "<rss><channel><item></item></channel></rss>", "not a WordPress"),
        ("wordpress", samples.wordpress_sample()[:-40], "not well-formed"),
        ("chorus", samples.wordpress_sample(), "not JSON"),
        (
            "chorus",
            '{"version": 1, "threads": [], "moderation_log": [], "comments": [{"id": "x"}]}',
            "damaged",
        ),
        ("chorus", '{"version": 2}', "version 1"),
        ("isso", samples.wordpress_sample(), "not an SQLite file"),
    ],
)
async def test_a_refused_file_says_why_and_changes_nothing(
    db: Store, tmp_path: Path, source: str, content: str, says: str
) -> None:
    await db.comments.insert(new("Er was al een reactie."))
    before = await db.imports.counts()
    path = samples.write(tmp_path / "bad", content)
    with pytest.raises(Refusal) as refused:
        await moving.import_comments(db, source, path)
    assert refused.value.field == "file"
    assert says in refused.value.message
    assert await db.imports.counts() == before


async def test_a_file_over_the_size_limit_is_refused_before_reading(
    db: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import settings

    monkeypatch.setattr(settings, "IMPORT_MAX_BYTES", 1000)
    path = samples.write(tmp_path / "wp.xml", samples.wordpress_sample())
    with pytest.raises(Refusal, match="at most 1000"):
        await moving.import_comments(db, "wordpress", path)
    assert (await db.imports.counts())["comments"] == 0


async def test_a_failure_halfway_rolls_back_the_whole_file(
    db: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = samples.write(tmp_path / "wp.xml", samples.wordpress_many(120))
    calls = []

    def render(text: str) -> str:
        calls.append(text)
        if len(calls) == 100:
            raise RuntimeError("disk full")
        return f"<p>{text}</p>"

    monkeypatch.setattr(moving.sanitize, "render", render)
    with pytest.raises(RuntimeError):
        await moving.import_comments(db, "wordpress", path)
    assert await db.imports.counts() == {"threads": 0, "comments": 0, "moderation_log": 0}


async def test_a_thousand_comments_report_progress_to_the_end(db: Store, tmp_path: Path) -> None:
    path = samples.write(tmp_path / "wp.xml", samples.wordpress_many(1000))
    seen: list[tuple[int, int]] = []

    async def progress(done: int, total: int) -> None:
        seen.append((done, total))

    summary = await moving.import_comments(db, "wordpress", path, progress=progress)
    assert summary.imported == 1000
    assert seen[0] == (0, 1000) and seen[-1] == (1000, 1000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) > 10


async def test_chorus_export_round_trips_exactly(db: Store, tmp_path: Path) -> None:
    """Export, import into an empty database, export again: the same document."""
    first = await db.comments.insert(new("Magnesium hielp mij.", email="a@example.nl"))
    await approve(db, first)
    await db.comments.promote(first, "Magnesium hielp", "owner")
    await owner.reply(db, first, "Fijn om te horen!", "owner")
    other = await db.comments.insert(new("Andere pagina", page_key="/blog/rug", consent=False))
    await db.comments.set_status(
        other, Status.SPAM, allowed_from=[Status.PENDING], action="spam", actor="owner"
    )
    exported = await owner.export(db)
    path = samples.write_json(tmp_path / "export.json", exported)

    # Home again: nothing is added.
    home = await moving.import_comments(db, "chorus", path)
    assert home.imported == 0 and home.skipped["already_imported"] == 3

    # Into an empty database (the same backend, wiped).
    for table in ("moderation_log", "comments", "threads"):
        await db.database.execute(f"DELETE FROM {table}", public=True)
    moved = await moving.import_comments(db, "chorus", path)
    assert moved.imported == 3
    again = await owner.export(db)
    assert _without_ids(again) == _without_ids(exported)
    testimonials = await db.comments.list_testimonials(10)
    assert [t.excerpt for t in testimonials] == ["Magnesium hielp"]


def _without_ids(data: dict[str, Any]) -> dict[str, Any]:
    """The export with its ids replaced by their order, so two databases can be compared."""
    threads = {t["id"]: n for n, t in enumerate(data["threads"])}
    comments = {c["id"]: n for n, c in enumerate(data["comments"])}
    return json.loads(
        json.dumps(
            {
                "threads": [
                    {**t, "id": threads[t["id"]], "created_at": ""} for t in data["threads"]
                ],
                "comments": [
                    {
                        **c,
                        "id": comments[c["id"]],
                        "thread_id": threads[c["thread_id"]],
                        "parent_id": comments.get(c["parent_id"]),
                    }
                    for c in data["comments"]
                ],
                "moderation_log": [
                    {**e, "id": 0, "comment_id": comments[e["comment_id"]]}
                    for e in data["moderation_log"]
                ],
            },
            sort_keys=True,
            default=str,
        )
    )

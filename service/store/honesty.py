"""The counts behind the testimonial summary, and the dates the review policy's versions appeared.

A story is a reader's comment posted with testimonial consent (`consent_at` is set at intake and
kept when consent is withdrawn, so a story once received stays counted). One query over the
`comments_stories` index answers the whole summary.
"""

from __future__ import annotations

from service.domain.honesty import Summary
from service.store.clock import now
from service.store.engine import Database

# The hint codes computed at intake that name someone's personal data.
_PRIVACY_HINTS = "(c.hints LIKE '%phone%' OR c.hints LIKE '%email%')"
_PUBLISHED = "c.status = 'approved' AND c.consent = 1 AND c.testimonial = 1"
# One pass over the comments_stories index, which holds every column read here (migration 020).
SUMMARY = (
    "SELECT "
    "COALESCE(SUM(CASE WHEN c.status <> 'spam' THEN 1 ELSE 0 END), 0) AS received, "
    f"COALESCE(SUM(CASE WHEN {_PUBLISHED} THEN 1 ELSE 0 END), 0) AS published, "
    "COALESCE(SUM(CASE WHEN c.status = 'rejected' AND "
    f"{_PRIVACY_HINTS} THEN 1 ELSE 0 END), 0) AS privacy, "
    "COALESCE(SUM(CASE WHEN c.status = 'spam' THEN 1 ELSE 0 END), 0) AS spam, "
    f"COALESCE(SUM(CASE WHEN {_PUBLISHED} AND c.rating IS NOT NULL "
    "THEN 1 ELSE 0 END), 0) AS rating_count, "
    f"COALESCE(SUM(CASE WHEN {_PUBLISHED} THEN c.rating ELSE 0 END), 0) AS rating_total, "
    "COALESCE(SUM(CASE WHEN c.import_key IS NOT NULL THEN 1 ELSE 0 END), 0) AS imported "
    "FROM comments c WHERE c.consent_at IS NOT NULL AND c.owner = 0"
)


class Honesty:
    """Read-only counts over the stories, and the review policy's version dates."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # Versions this process has recorded: the policy page then costs no write per view.
        self._since: dict[str, str] = {}

    async def summary(self) -> Summary:
        """Every story received, published, held back for privacy, marked spam; the ratings."""
        row = await self.db.fetch_one(SUMMARY)
        assert row is not None  # an aggregate always answers one row
        return Summary(
            received=int(row["received"]),
            published=int(row["published"]),
            not_published_privacy=int(row["privacy"]),
            spam=int(row["spam"]),
            rating_count=int(row["rating_count"]),
            rating_total=int(row["rating_total"]),
            imported=int(row["imported"]),
        )

    async def policy_since(self, version: str) -> str:
        """When this version of the review policy was first served (recorded on first sight)."""
        if version in self._since:
            return self._since[version]
        await self.db.execute(
            "INSERT INTO review_policy_versions (version, first_seen) VALUES (:version, :now) "
            "ON CONFLICT (version) DO NOTHING",
            {"version": version, "now": now()},
            public=True,
        )
        row = await self.db.fetch_one(
            "SELECT first_seen FROM review_policy_versions WHERE version = :version",
            {"version": version},
        )
        assert row is not None  # inserted just above, or before
        self._since[version] = str(row["first_seen"])
        return self._since[version]

"""What the testimonial wall can honestly say about itself: every story received, and its fate."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """Counts over all time; the README defines each one (section "Showing testimonials honestly").

    `rating_total` is the sum of the published ratings, so the average is computed once, at the
    edge, where the minimum count that shows it is known.
    """

    received: int
    published: int
    not_published_privacy: int
    spam: int
    rating_count: int
    rating_total: int
    imported: int

    def rating_average(self, min_count: int) -> float | None:
        """The mean of every published rating, to one decimal; None below `min_count` ratings."""
        if self.rating_count == 0 or self.rating_count < min_count:
            return None
        return round(self.rating_total / self.rating_count, 1)

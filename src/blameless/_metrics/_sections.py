"""Results about contributing factors, action items and resilience."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

import attrs

from blameless._metrics._rows import Row, seconds, to_pandas
from blameless._metrics._stats import DurationStats
from blameless._model._actions import ActionStatus
from blameless._model._analysis import (
    EarlierDetection,
    Factor,
    FactorCategory,
    SmallerBlastRadius,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ActionStats",
    "FactorFrequency",
    "FactorPair",
    "FactorStats",
    "ResilienceStats",
    "share",
]


def share(part: int, whole: int) -> float | None:
    """Return *part* over *whole*, or ``None`` when *whole* is zero."""
    return part / whole if whole else None


@attrs.frozen(kw_only=True)
class FactorFrequency:
    """How often one contributing factor was checked.

    Args:
        factor: The checklist box.
        count: Post-mortems with the box checked.
        share: ``count`` over the post-mortems with any box checked;
            ``None`` when none has one.
        longest: Of the longest incidents (see
            ``FactorStats.longest_threshold``), how many had it.
        longest_share: ``longest`` over the number of longest
            incidents; ``None`` when there are none.
    """

    factor: Factor
    count: int
    share: float | None
    longest: int
    longest_share: float | None

    def row(self) -> Row:
        """Return the frequency as one plain row."""
        return {
            "factor": self.factor.value,
            "category": self.factor.category.value,
            "count": self.count,
            "share": self.share,
            "longest": self.longest,
            "longest_share": self.longest_share,
        }


@attrs.frozen(kw_only=True)
class FactorPair:
    """Two contributing factors checked in the same post-mortems.

    Args:
        first: The factor listed first on the worksheet.
        second: The other factor.
        count: Post-mortems with both boxes checked.
        lift: How much more often they appear together than if they were
            independent: ``count * n / (count_first * count_second)``,
            where n counts the post-mortems with any box checked. Above 1,
            they go together; below 1, they tend to exclude each other.
    """

    first: Factor
    second: Factor
    count: int
    lift: float

    def row(self) -> Row:
        """Return the pair as one plain row."""
        return {
            "first": self.first.value,
            "second": self.second.value,
            "count": self.count,
            "lift": self.lift,
        }


_FACTOR_COLUMNS = (
    "factor",
    "category",
    "count",
    "share",
    "longest",
    "longest_share",
)
_PAIR_COLUMNS = ("first", "second", "count", "lift")


@attrs.frozen(kw_only=True)
class FactorStats:
    """Contributing factors across a log.

    Args:
        post_mortems: The post-mortems counted, near misses included.
        analysed: Those with at least one box checked.
        frequencies: One entry per checklist box, in the worksheet's
            order, zeros included.
        categories: Post-mortems with at least one box of each category.
        pairs: Factors checked together, most frequent first (then by
            lift); pairs never seen together are left out.
        longest_threshold: The 90th percentile of the total duration
            (or the quantile chosen) of incidents that did harm; incidents
            at or above it are "the longest". ``None`` when no total
            duration was recorded.
        longest_incidents: How many incidents are the longest.
    """

    post_mortems: int
    analysed: int
    frequencies: tuple[FactorFrequency, ...]
    categories: Mapping[FactorCategory, int] = attrs.field(hash=False)
    pairs: tuple[FactorPair, ...]
    longest_threshold: timedelta | None
    longest_incidents: int

    def count(self, factor: Factor) -> int:
        """Return how many post-mortems had *factor* checked.

        Args:
            factor: The checklist box.
        """
        return self.frequencies[list(Factor).index(factor)].count

    @property
    def behind_longest(self) -> tuple[FactorFrequency, ...]:
        """The factors of the longest incidents, most frequent first."""
        seen = [f for f in self.frequencies if f.longest]
        return tuple(sorted(seen, key=lambda f: -f.longest))

    def rows(self) -> list[Row]:
        """Return one plain row per checklist box."""
        return [frequency.row() for frequency in self.frequencies]

    def pair_rows(self) -> list[Row]:
        """Return one plain row per pair of factors seen together."""
        return [pair.row() for pair in self.pairs]

    def to_pandas(self) -> pd.DataFrame:
        """Return :meth:`rows` as a pandas DataFrame.

        Raises:
            ModuleNotFoundError: If pandas is not installed.
        """
        return to_pandas(self.rows(), _FACTOR_COLUMNS)

    def pairs_to_pandas(self) -> pd.DataFrame:
        """Return :meth:`pair_rows` as a pandas DataFrame.

        Raises:
            ModuleNotFoundError: If pandas is not installed.
        """
        return to_pandas(self.pair_rows(), _PAIR_COLUMNS)


@attrs.frozen(kw_only=True)
class ActionStats:
    """Action items across a log, as of a date.

    Args:
        as_of: The date that overdue items are judged by.
        post_mortems: The post-mortems counted, near misses included.
        items: Their action items.
        by_status: Items by status; every status is a key.
        completion_rate: Complete items over items not deliberately
            dropped (``not_doing``); ``None`` when there are none.
        overdue: Open items whose due date, as re-planned at the
            follow-up if it was, is before ``as_of``.
        blocked: Items with the status ``blocked``.
        replanned: Items given a new due date at the follow-up review.
        time_to_complete: From the day of the post-mortem meeting
            (``LogEntry.held_on``) to ``completed_on``, for complete items
            with both dates; negative when the fix came before the
            meeting.
        follow_ups_within_two_weeks: Post-mortems whose follow-up review
            date is at most 14 days after the meeting, as the worksheet
            asks.
        follow_ups_late: Post-mortems whose follow-up review date is more
            than 14 days after the meeting.
        follow_ups_missing: Post-mortems with a meeting date but no
            follow-up review date.
    """

    as_of: date
    post_mortems: int
    items: int
    by_status: Mapping[ActionStatus, int] = attrs.field(hash=False)
    completion_rate: float | None
    overdue: int
    blocked: int
    replanned: int
    time_to_complete: DurationStats
    follow_ups_within_two_weeks: int
    follow_ups_late: int
    follow_ups_missing: int

    def row(self) -> Row:
        """Return the figures as one plain row, durations in seconds."""
        row: Row = {
            "as_of": self.as_of,
            "post_mortems": self.post_mortems,
            "items": self.items,
        }
        for status, count in self.by_status.items():
            row[status.value] = count
        return row | {
            "completion_rate": self.completion_rate,
            "overdue": self.overdue,
            "blocked": self.blocked,
            "replanned": self.replanned,
            "completed_with_dates": self.time_to_complete.count,
            "time_to_complete_median_seconds": seconds(
                self.time_to_complete.median
            ),
            "time_to_complete_p90_seconds": seconds(self.time_to_complete.p90),
            "follow_ups_within_two_weeks": self.follow_ups_within_two_weeks,
            "follow_ups_late": self.follow_ups_late,
            "follow_ups_missing": self.follow_ups_missing,
        }

    def rows(self) -> list[Row]:
        """Return the figures as a list of one plain row."""
        return [self.row()]

    def to_pandas(self) -> pd.DataFrame:
        """Return :meth:`rows` as a pandas DataFrame of one row.

        Raises:
            ModuleNotFoundError: If pandas is not installed.
        """
        row = self.row()
        return to_pandas([row], list(row))


@attrs.frozen(kw_only=True)
class ResilienceStats:
    """The answers to the resilience question across a log.

    These are the team's investment case: how often better detection, or
    better containment, would have made a difference.

    Args:
        post_mortems: The post-mortems counted, near misses included.
        detection_answered: Those that answered "could it have been
            detected earlier?".
        detection: How often each answer was given (the two "yes"
            answers may be given together).
        blast_radius_answered: Those that answered "could the blast
            radius have been smaller?".
        blast_radius: How often each answer was given.
        caught_earlier: Post-mortems where monitoring or a manual check
            would have caught the failure earlier (either "yes").
        limited_blast_radius: Post-mortems where a circuit breaker,
            isolation or a rollback would have limited the damage (any
            "yes").
    """

    post_mortems: int
    detection_answered: int
    detection: Mapping[EarlierDetection, int] = attrs.field(hash=False)
    blast_radius_answered: int
    blast_radius: Mapping[SmallerBlastRadius, int] = attrs.field(hash=False)
    caught_earlier: int
    limited_blast_radius: int

    @property
    def detection_share(self) -> float | None:
        """``caught_earlier`` over the post-mortems that answered."""
        return share(self.caught_earlier, self.detection_answered)

    @property
    def containment_share(self) -> float | None:
        """``limited_blast_radius`` over those that answered."""
        return share(self.limited_blast_radius, self.blast_radius_answered)

    def rows(self) -> list[Row]:
        """Return one plain row per answer of both questions.

        Each row has the question, the answer, how often it was given and
        its share of the post-mortems that answered the question.
        """
        detection = self.detection_answered
        blast = self.blast_radius_answered
        rows = [
            _answer("earlier_detection", answer.value, count, detection)
            for answer, count in self.detection.items()
        ]
        rows += [
            _answer("smaller_blast_radius", answer.value, count, blast)
            for answer, count in self.blast_radius.items()
        ]
        return rows

    def to_pandas(self) -> pd.DataFrame:
        """Return :meth:`rows` as a pandas DataFrame.

        Raises:
            ModuleNotFoundError: If pandas is not installed.
        """
        return to_pandas(self.rows(), ("question", "answer", "count", "share"))


def _answer(question: str, answer: str, count: int, answered: int) -> Row:
    return {
        "question": question,
        "answer": answer,
        "count": count,
        "share": share(count, answered),
    }

"""The metrics of one post-mortem."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import attrs

from blameless._metrics._filters import impact_start, severity_of
from blameless._metrics._presets import DURATIONS, DurationPreset
from blameless._metrics._rows import Row, to_pandas
from blameless._model._actions import ActionItem, ActionStatus
from blameless._model._analysis import Factor, FactorCategory
from blameless._model._incident import ImpactCategory, Severity
from blameless._model._post_mortem import PostMortem
from blameless._model._time import Span

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "IncidentMetrics",
    "current_due",
    "incident_metrics",
    "resolve_today",
]


def resolve_today(today: date | None) -> date:
    """Return *today*, or the current date in UTC when it is ``None``."""
    if today is None:
        return datetime.now(UTC).date()
    return today


def current_due(post_mortem: PostMortem) -> dict[str, date | None]:
    """Return each action item's due date, as re-planned at the follow-up.

    A new due date set at the follow-up review replaces the first one; an
    item without a new date keeps its own.
    """
    due = {item.id: item.due for item in post_mortem.actions}
    for review in post_mortem.follow_up.reviews:
        if review.new_due is not None:
            due[review.action_id] = review.new_due
    return due


def _joined(values: Iterable[Factor | FactorCategory | ImpactCategory]) -> str:
    return ",".join(sorted(value.value for value in values))


@attrs.frozen(kw_only=True)
class IncidentMetrics:
    """The numbers of one post-mortem, each saying what it spans.

    Durations are spans that name their two fields, ``None`` (not zero)
    when a time is not recorded; see :class:`DurationPreset` for where
    each starts.

    Args:
        number: The post-mortem number in the log, if any.
        preset: How the durations were measured.
        as_of: The date that overdue items are judged by.
        incident_start: When the incident began (first occurrence, else
            detection), in UTC.
        detection_gap: From first occurrence to detection.
        time_to_acknowledge: To the acknowledgement.
        time_to_mitigate: To the mitigation.
        time_to_resolve: To the resolution.
        total_duration: The whole duration of the impact.
        whys_depth: How far the 5 Whys got: answered levels from level 1.
        factors: The contributing factors checked.
        factor_categories: The factor categories with a box checked.
        impact_categories: The impact categories that apply.
        highest_severity: The worst severity among the impacts that apply.
        severity: The overall severity: the log entry's, else
            ``highest_severity``.
        near_miss: Whether the failure was caught before it did harm.
        actions_by_status: How many action items have each status; every
            status is a key.
        overdue: The ids of open items whose due date (as re-planned at
            the follow-up, if it was) is before ``as_of``.
        unaddressed_factors: The factors checked that no action item
            addresses.
        addressed_share: The share of checked factors that some action
            item addresses, from 0 to 1; ``None`` when no factor is
            checked.
    """

    number: int | None
    preset: DurationPreset
    as_of: date
    incident_start: datetime | None
    detection_gap: Span | None
    time_to_acknowledge: Span | None
    time_to_mitigate: Span | None
    time_to_resolve: Span | None
    total_duration: Span | None
    whys_depth: int
    factors: frozenset[Factor]
    factor_categories: frozenset[FactorCategory]
    impact_categories: frozenset[ImpactCategory]
    highest_severity: Severity | None
    severity: Severity | None
    near_miss: bool
    actions_by_status: Mapping[ActionStatus, int] = attrs.field(hash=False)
    overdue: tuple[str, ...]
    unaddressed_factors: frozenset[Factor]
    addressed_share: float | None

    @property
    def spans(self) -> dict[str, Span | None]:
        """The five durations by name, in the order of the worksheet."""
        return {name: getattr(self, name) for name in DURATIONS}

    def row(self) -> Row:
        """Return the metrics as one plain row.

        Durations are in seconds under ``<name>_seconds``, with
        ``<name>_approximate`` saying whether they rest on an approximate
        time; sets are comma-separated values, sorted.
        """
        row: Row = {
            "number": self.number,
            "preset": self.preset.value,
            "as_of": self.as_of,
            "incident_start": self.incident_start,
        }
        for name, span in self.spans.items():
            if span is None:
                row[f"{name}_seconds"] = row[f"{name}_approximate"] = None
            else:
                row[f"{name}_seconds"] = span.duration.total_seconds()
                row[f"{name}_approximate"] = span.approximate
        row |= {
            "whys_depth": self.whys_depth,
            "factors": _joined(self.factors),
            "factor_categories": _joined(self.factor_categories),
            "impact_categories": _joined(self.impact_categories),
            "highest_severity": _value(self.highest_severity),
            "severity": _value(self.severity),
            "near_miss": self.near_miss,
        }
        for status, count in self.actions_by_status.items():
            row[f"actions_{status.value}"] = count
        row["overdue"] = len(self.overdue)
        row["addressed_share"] = self.addressed_share
        return row

    def rows(self) -> list[Row]:
        """Return the metrics as a list of one plain row (see :meth:`row`)."""
        return [self.row()]

    def to_pandas(self) -> pd.DataFrame:
        """Return :meth:`rows` as a pandas DataFrame of one row.

        Raises:
            ModuleNotFoundError: If pandas is not installed.
        """
        rows = self.rows()
        return to_pandas(rows, list(rows[0]))


def _value(severity: Severity | None) -> str | None:
    return None if severity is None else severity.value


def _by_status(actions: Iterable[ActionItem]) -> dict[ActionStatus, int]:
    counts = dict.fromkeys(ActionStatus, 0)
    for item in actions:
        counts[item.status] += 1
    return counts


def _overdue(post_mortem: PostMortem, today: date) -> tuple[str, ...]:
    due = current_due(post_mortem)
    return tuple(
        item.id
        for item in post_mortem.actions
        if item.status.is_open
        and (deadline := due[item.id]) is not None
        and deadline < today
    )


def incident_metrics(
    post_mortem: PostMortem,
    *,
    today: date | None = None,
    preset: DurationPreset = DurationPreset.WORKSHEET,
) -> IncidentMetrics:
    """Measure one post-mortem.

    Args:
        post_mortem: The post-mortem to measure; a draft is fine.
        today: The date that overdue items are judged by; the current
            date in UTC when not given.
        preset: Where the durations start; the worksheet's own terms by
            default.

    Returns:
        The metrics, each absent rather than zero where data is missing.
    """
    incident = post_mortem.incident
    spans = preset.spans(incident)
    start = impact_start(incident)
    factors = post_mortem.analysis.factors.checked
    unaddressed = factors - post_mortem.addressed_factors
    share = None
    if factors:
        share = 1 - len(unaddressed) / len(factors)
    as_of = resolve_today(today)
    return IncidentMetrics(
        number=post_mortem.log.number,
        preset=preset,
        as_of=as_of,
        incident_start=None if start is None else start.utc,
        detection_gap=spans[0],
        time_to_acknowledge=spans[1],
        time_to_mitigate=spans[2],
        time_to_resolve=spans[3],
        total_duration=spans[4],
        whys_depth=post_mortem.analysis.whys.depth,
        factors=factors,
        factor_categories=post_mortem.analysis.factors.categories,
        impact_categories=frozenset(
            impact.category for impact in incident.applicable_impacts
        ),
        highest_severity=incident.highest_severity,
        severity=severity_of(post_mortem),
        near_miss=post_mortem.log.near_miss,
        actions_by_status=_by_status(post_mortem.actions),
        overdue=_overdue(post_mortem, as_of),
        unaddressed_factors=unaddressed,
        addressed_share=share,
    )

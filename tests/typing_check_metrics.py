"""The metrics API as a user types it; mypy checks this file.

Nothing here runs under pytest: the file exists so that ``mypy --strict``
sees the names, types and keyword arguments a notebook relies on, and
fails when one of them changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, assert_type

import blameless
from blameless import (
    DurationPreset,
    DurationStats,
    IncidentMetrics,
    LogFilter,
    Period,
    PeriodTrend,
    PostMortem,
    Severity,
    Span,
    TrendReport,
)
from blameless.metrics import DURATIONS, quantile


def one_incident(post_mortem: PostMortem) -> None:
    """Per-incident metrics: spans that may be absent, counts, a row."""
    metrics = blameless.incident_metrics(
        post_mortem,
        today=date(2026, 1, 1),
        preset=DurationPreset.FROM_IMPACT_START,
    )
    assert_type(metrics, IncidentMetrics)
    assert_type(metrics.time_to_resolve, Span | None)
    assert_type(metrics.addressed_share, float | None)
    assert_type(metrics.overdue, tuple[str, ...])
    assert_type(metrics.row(), dict[str, Any])


def a_log(log: Iterator[PostMortem]) -> None:
    """Trends over a generator, with every option spelled by keyword."""
    report = blameless.trends(
        log,
        period=Period.QUARTER,
        tz="Europe/Berlin",
        preset=DurationPreset.WORKSHEET,
        where=LogFilter(since=date(2025, 1, 1), severities={Severity.HIGH}),
        today=date(2026, 1, 1),
        mean=True,
        confidence=0.9,
        resamples=500,
        seed=1,
    )
    assert_type(report, TrendReport)
    assert_type(report.periods, tuple[PeriodTrend, ...])
    stats = report.durations[DURATIONS[3]]
    assert_type(stats, DurationStats)
    assert_type(stats.median, timedelta | None)
    assert_type(stats.median_ci, tuple[timedelta, timedelta] | None)
    assert_type(report.rows(), list[dict[str, Any]])
    assert_type(report.factors.pairs[0].lift, float)
    assert_type(report.actions.completion_rate, float | None)
    assert_type(report.resilience.detection_share, float | None)


def plain_durations() -> None:
    """Statistics of any durations, and the quantile method itself."""
    stats = blameless.duration_stats(
        [timedelta(minutes=5), None], name="x", mean=True, confidence=None
    )
    assert_type(stats, DurationStats)
    assert_type(quantile([1.0, 2.0], 0.5), float)


def a_table(log: Iterator[PostMortem]) -> None:
    """A log read once into a table, then asked several trends."""
    table = blameless.LogTable.from_log(
        log, where=LogFilter(near_miss=False), tz="Europe/Berlin"
    )
    assert_type(table, blameless.LogTable)
    assert_type(len(table), int)
    assert_type(table.undated, int)
    assert_type(table.where, LogFilter | None)
    assert_type(blameless.trends(table, period=Period.WEEK), TrendReport)
    assert_type(
        blameless.period_trends(table, period="month"),
        tuple[PeriodTrend, ...],
    )
    rows = table.rows(DurationPreset.FROM_DETECTION)
    assert_type(rows, list[dict[str, Any]])

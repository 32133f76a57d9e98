"""Tests of trends across a log, against plain reference computations."""

from __future__ import annotations

import itertools
import statistics
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import (
    ActionStatus,
    EarlierDetection,
    Factor,
    FactorCategory,
    IncidentReport,
    LogEntry,
    PostMortem,
    Severity,
    SmallerBlastRadius,
    Span,
    Timestamp,
)
from blameless import strategies as bst
from blameless._metrics._trends import _period_columns
from blameless.metrics import (
    DURATIONS,
    DurationPreset,
    DurationStats,
    LogFilter,
    Period,
    TrendReport,
    action_stats,
    duration_stats,
    factor_stats,
    impact_start,
    period_trends,
    resilience_stats,
    severity_of,
    trends,
)

# Small logs: drawing post-mortems is what these properties spend time on.
LOGS = bst.post_mortem_logs(max_size=4)
ZONES = st.sampled_from(["UTC", *bst.NAMED_ZONES])
PERIODS = st.sampled_from(Period)
TODAY = date(2026, 6, 1)
ONE_MICROSECOND = timedelta(microseconds=1)
FIGURES = ("minimum", "p25", "median", "p75", "p90", "maximum")


def _report(log: Iterable[PostMortem], **options: object) -> TrendReport:
    """The report with few resamples: the tests check the counting."""
    return trends(log, today=TODAY, resamples=20, **options)  # type: ignore[arg-type]


def _label(moment: datetime, period: Period, tz: str) -> str:
    """The reference: the period's label, straight from the calendar."""
    local = moment.astimezone(ZoneInfo(tz))
    if period is Period.WEEK:
        year, week, _ = local.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period is Period.MONTH:
        return f"{local.year:04d}-{local.month:02d}"
    if period is Period.QUARTER:
        return f"{local.year:04d}-Q{(local.month - 1) // 3 + 1}"
    return f"{local.year:04d}"


def _near(found: timedelta | None, expected: timedelta | None) -> bool:
    if found is None or expected is None:
        return found is expected
    return abs(found - expected) <= ONE_MICROSECOND


def _same_stats(found: DurationStats, expected: DurationStats) -> None:
    """Equal counts, and every figure within a microsecond."""
    assert found.name == expected.name
    assert found.count == expected.count
    assert found.approximate == expected.approximate
    for figure in FIGURES:
        assert _near(getattr(found, figure), getattr(expected, figure))


def _spans(
    log: Iterable[PostMortem], name: str, preset: DurationPreset
) -> list[Span | None]:
    index = DURATIONS.index(name)
    return [
        preset.spans(post_mortem.incident)[index]
        for post_mortem in log
        if not post_mortem.log.near_miss
    ]


@given(LOGS, PERIODS, ZONES)
def test_every_post_mortem_is_counted_once(
    log: list[PostMortem], period: Period, tz: str
) -> None:
    """Periods, near misses and undated post-mortems add up to the log."""
    report = _report(log, period=period, tz=tz)
    undated = [p for p in log if impact_start(p.incident) is None]

    counted = sum(p.incidents + p.near_misses for p in report.periods)
    assert counted + report.undated == len(log) == report.post_mortems
    assert report.undated == len(undated)
    assert report.near_misses == sum(p.log.near_miss for p in log)
    assert report.incidents == len(log) - report.near_misses


def _by_label(
    log: list[PostMortem], period: Period, tz: str
) -> tuple[Counter[str], Counter[str]]:
    incidents: Counter[str] = Counter()
    near_misses: Counter[str] = Counter()
    for post_mortem in log:
        start = impact_start(post_mortem.incident)
        if start is None:
            continue
        label = _label(start.at, period, tz)
        if post_mortem.log.near_miss:
            near_misses[label] += 1
        else:
            incidents[label] += 1
    return incidents, near_misses


@given(LOGS, PERIODS, ZONES)
def test_each_post_mortem_falls_in_the_period_of_its_start(
    log: list[PostMortem], period: Period, tz: str
) -> None:
    """Counts per period follow the zone's calendar, with no gap.

    Each period ends where the next begins, the first and last hold a
    post-mortem, and the periods between may be empty.
    """
    periods = _report(log, period=period, tz=tz).periods
    incidents, near_misses = _by_label(log, period, tz)

    for trend in periods:
        assert trend.incidents == incidents.pop(trend.label, 0)
        assert trend.near_misses == near_misses.pop(trend.label, 0)
        assert trend.empty == (trend.incidents + trend.near_misses == 0)
        assert trend.start < trend.end
    assert not incidents
    assert not near_misses
    for earlier, later in itertools.pairwise(periods):
        assert earlier.end == later.start
    if periods:
        assert not periods[0].empty
        assert not periods[-1].empty


@given(LOGS, PERIODS, ZONES, st.sampled_from(DurationPreset))
def test_period_statistics_match_a_plain_computation(
    log: list[PostMortem], period: Period, tz: str, preset: DurationPreset
) -> None:
    """Each period's medians and percentiles, recomputed by grouping."""
    report = _report(log, period=period, tz=tz, preset=preset)
    groups: dict[str, list[PostMortem]] = {}
    for post_mortem in log:
        start = impact_start(post_mortem.incident)
        if start is not None:
            label = _label(start.at, period, tz)
            groups.setdefault(label, []).append(post_mortem)

    for trend in report.periods:
        for name in DURATIONS:
            spans = _spans(groups.get(trend.label, []), name, preset)
            expected = duration_stats(spans, name=name, confidence=None)
            _same_stats(trend.durations[name], expected)


@given(LOGS, st.sampled_from(DurationPreset))
def test_overall_statistics_match_the_spans_of_the_model(
    log: list[PostMortem], preset: DurationPreset
) -> None:
    """The log's medians are those of every incident's spans, by sorting."""
    report = _report(log, preset=preset)

    for name in DURATIONS:
        spans = _spans(log, name, preset)
        durations = [span.duration for span in spans if span is not None]
        stats = report.durations[name]
        _same_stats(stats, duration_stats(spans, name=name))
        if durations:
            seconds = [duration.total_seconds() for duration in durations]
            median = timedelta(seconds=statistics.median(seconds))
            assert _near(stats.median, median)


def _approximate(incident: IncidentReport) -> IncidentReport:
    def rough(stamp: Timestamp | None) -> Timestamp | None:
        return None if stamp is None else Timestamp(stamp.at, approximate=True)

    return attrs.evolve(
        incident,
        first_occurrence=rough(incident.first_occurrence),
        detected=rough(incident.detected),
        acknowledged=rough(incident.acknowledged),
        mitigated=rough(incident.mitigated),
        resolved=rough(incident.resolved),
    )


@given(LOGS)
def test_with_only_approximate_times_every_duration_says_so(
    log: list[PostMortem],
) -> None:
    """Every duration recorded rests on an approximate time, and says so."""
    rough = [attrs.evolve(p, incident=_approximate(p.incident)) for p in log]

    report = _report(rough)

    for stats in report.durations.values():
        assert stats.approximate == stats.count
        codes = [caveat.code for caveat in stats.caveats]
        assert ("approximate" in codes) == bool(stats.count)


@given(LOGS, PERIODS, ZONES)
def test_a_generator_gives_the_same_report_as_a_list(
    log: list[PostMortem], period: Period, tz: str
) -> None:
    """The log is read once, so any iterable will do."""
    listed = _report(log, period=period, tz=tz)
    generated = _report((p for p in log), period=period, tz=tz)

    assert generated == listed


def test_an_empty_log_has_no_periods_and_no_figures() -> None:
    """Nothing to count: zeros for counts, None for statistics."""
    report = _report([])

    assert report.periods == ()
    assert report.post_mortems == report.incidents == report.undated == 0
    assert all(s.count == 0 for s in report.durations.values())
    assert all(s.median is None for s in report.durations.values())
    assert report.actions.completion_rate is None
    assert report.resilience.detection_share is None
    assert report.factors.longest_threshold is None
    assert report.rows() == []


def _incident_at(moment: datetime, **log: object) -> PostMortem:
    return PostMortem(
        log=LogEntry(**log),  # type: ignore[arg-type]
        incident=IncidentReport(
            detected=moment, resolved=moment + timedelta(hours=1)
        ),
    )


def test_one_post_mortem_makes_one_period() -> None:
    """A single incident: one period, its durations, and nothing else."""
    report = _report([_incident_at(datetime(2025, 11, 14, 9, tzinfo=UTC))])

    (period,) = report.periods
    assert period.label == "2025-11"
    assert period.incidents == 1
    assert period.durations["time_to_resolve"].median == timedelta(hours=1)
    assert period.durations["detection_gap"].count == 0


def test_empty_periods_are_present_between_incidents() -> None:
    """Months without an incident appear, empty, in their place."""
    log = [
        _incident_at(datetime(2025, 1, 10, tzinfo=UTC)),
        _incident_at(datetime(2025, 4, 10, tzinfo=UTC)),
    ]

    periods = _report(log).periods

    assert [p.label for p in periods] == [
        "2025-01",
        "2025-02",
        "2025-03",
        "2025-04",
    ]
    assert [p.empty for p in periods] == [False, True, True, False]
    assert periods[1].durations["time_to_resolve"] == DurationStats(
        name="time_to_resolve", spans="from detected to resolved"
    )


def test_a_date_range_sets_the_first_and_last_period() -> None:
    """With bounds, periods cover the whole range, even an empty log."""
    where = LogFilter(since=date(2025, 1, 1), until=date(2025, 4, 1))

    periods = _report([], where=where, period="month").periods

    assert [p.label for p in periods] == ["2025-01", "2025-02", "2025-03"]
    assert all(p.empty for p in periods)


def test_periods_follow_the_zone_across_dst_changes() -> None:
    """Berlin's calendar: 23:30 UTC on 31 March is already April there."""
    log = [
        _incident_at(datetime(2025, 3, 31, 21, 59, tzinfo=UTC)),
        _incident_at(datetime(2025, 3, 31, 22, 0, tzinfo=UTC)),
        _incident_at(datetime(2025, 10, 31, 22, 59, tzinfo=UTC)),
        _incident_at(datetime(2025, 10, 31, 23, 0, tzinfo=UTC)),
    ]

    periods = _report(log, tz="Europe/Berlin").periods
    counts = {p.label: p.incidents for p in periods if not p.empty}

    assert counts == {"2025-03": 1, "2025-04": 1, "2025-10": 1, "2025-11": 1}
    assert periods[0].end == datetime(2025, 3, 31, 22, tzinfo=UTC)


def test_filters_choose_the_post_mortems_counted() -> None:
    """Only high-severity incidents tagged db, in the range, are counted."""
    moment = datetime(2025, 5, 5, tzinfo=UTC)
    log = [
        _incident_at(moment, severity=Severity.HIGH, tags={"db"}),
        _incident_at(moment, severity=Severity.LOW, tags={"db"}),
        _incident_at(moment, severity=Severity.HIGH),
        _incident_at(moment, severity=Severity.HIGH, near_miss=True),
        _incident_at(
            moment - timedelta(days=60), severity=Severity.HIGH, tags={"db"}
        ),
    ]
    where = LogFilter(
        since=date(2025, 5, 1),
        tags={"db"},
        severities={Severity.HIGH},
        near_miss=False,
    )

    report = _report(log, where=where)

    assert report.post_mortems == 1
    assert report.where == where
    assert [p.label for p in report.periods] == ["2025-05"]


@given(LOGS)
def test_severity_and_impact_mix_count_incidents(
    log: list[PostMortem],
) -> None:
    """Severities and impacts of incidents that did harm, summed."""
    report = _report(log, period="year")
    harm = [p for p in log if not p.log.near_miss]
    dated = [p for p in harm if impact_start(p.incident) is not None]

    severities: Counter[Severity | None] = Counter(
        severity_of(p) for p in dated
    )
    impacts = Counter(
        impact.category
        for p in dated
        for impact in p.incident.applicable_impacts
    )
    for severity in [None, *Severity]:
        found = sum(t.severities[severity] for t in report.periods)
        assert found == severities[severity]
    for category, count in impacts.items():
        assert sum(t.impacts[category] for t in report.periods) == count


@given(LOGS)
def test_factor_counts_pairs_and_lift(log: list[PostMortem]) -> None:
    """Frequencies, co-occurrence and lift, recomputed from the sets."""
    stats = _report(log).factors
    checked = [p.analysis.factors.checked for p in log]
    analysed = [boxes for boxes in checked if boxes]
    counts = Counter(factor for boxes in checked for factor in boxes)
    order = list(Factor)
    pairs = Counter(
        pair
        for boxes in checked
        for pair in combinations(sorted(boxes, key=order.index), 2)
    )

    assert stats.analysed == len(analysed)
    for factor in Factor:
        assert stats.count(factor) == counts[factor]
    assert {(p.first, p.second): p.count for p in stats.pairs} == pairs
    for pair in stats.pairs:
        expected = (
            pair.count
            * len(analysed)
            / (counts[pair.first] * counts[pair.second])
        )
        assert pair.lift == pytest.approx(expected)
    for category in FactorCategory:
        expected_count = sum(
            any(f.category is category for f in boxes) for boxes in checked
        )
        assert stats.categories[category] == expected_count


@given(LOGS)
def test_factors_behind_the_longest_incidents(log: list[PostMortem]) -> None:
    """The longest tenth by total duration, and the boxes they checked."""
    stats = _report(log).factors
    timed = [
        (span.duration, p.analysis.factors.checked)
        for p in log
        if not p.log.near_miss
        and (span := p.incident.total_duration) is not None
    ]
    if not timed:
        assert stats.longest_threshold is None
        assert stats.longest_incidents == 0
        return
    durations = [duration for duration, _ in timed]
    threshold = duration_stats(durations).p90
    assert _near(stats.longest_threshold, threshold)
    assert stats.longest_threshold is not None
    longest = [
        boxes
        for duration, boxes in timed
        if duration.total_seconds()
        >= stats.longest_threshold.total_seconds() - 1e-6
    ]
    assert stats.longest_incidents == len(longest)
    counts = Counter(factor for boxes in longest for factor in boxes)
    for frequency in stats.frequencies:
        assert frequency.longest == counts[frequency.factor]


@given(LOGS, st.dates(date(2020, 1, 1), date(2030, 1, 1)))
def test_action_figures_match_a_plain_count(
    log: list[PostMortem], today: date
) -> None:
    """Completion, overdue, blocked, re-planned, time to complete."""
    stats = action_stats(log, today=today)
    items = [item for p in log for item in p.actions]
    statuses = Counter(item.status for item in items)
    overdue = 0
    completion = []
    for post_mortem in log:
        new_due = {
            review.action_id: review.new_due
            for review in post_mortem.follow_up.reviews
            if review.new_due is not None
        }
        held = post_mortem.log.held_on
        for item in post_mortem.actions:
            due = new_due.get(item.id, item.due)
            overdue += item.status.is_open and due is not None and due < today
            if (
                item.status is ActionStatus.COMPLETE
                and held is not None
                and item.completed_on is not None
            ):
                completion.append(item.completed_on - held)
    kept = len(items) - statuses[ActionStatus.NOT_DOING]

    assert stats.items == len(items)
    assert dict(stats.by_status) == {s: statuses[s] for s in ActionStatus}
    assert stats.overdue == overdue
    assert stats.blocked == statuses[ActionStatus.BLOCKED]
    assert stats.replanned == sum(
        review.new_due is not None
        for p in log
        for review in p.follow_up.reviews
    )
    if kept:
        assert stats.completion_rate == statuses[ActionStatus.COMPLETE] / kept
    else:
        assert stats.completion_rate is None
    _same_stats(
        stats.time_to_complete,
        duration_stats(completion, name="time_to_complete"),
    )


@given(LOGS)
def test_follow_ups_within_two_weeks(log: list[PostMortem]) -> None:
    """Meetings with a follow-up at most 14 days later, later, or none."""
    stats = action_stats(log, today=TODAY)
    held = [p for p in log if p.log.held_on is not None]
    gaps = [
        (p.follow_up.review_date - p.log.held_on).days  # type: ignore[operator]
        for p in held
        if p.follow_up.review_date is not None
    ]

    assert stats.follow_ups_within_two_weeks == sum(g <= 14 for g in gaps)
    assert stats.follow_ups_late == sum(g > 14 for g in gaps)
    assert stats.follow_ups_missing == len(held) - len(gaps)


@given(LOGS)
def test_resilience_answers_are_counted(log: list[PostMortem]) -> None:
    """Each answer, the answered questions, and the two "yes" totals."""
    stats = resilience_stats(log)
    detection = [p.analysis.resilience.earlier_detection for p in log]
    blast = [p.analysis.resilience.smaller_blast_radius for p in log]
    yes_detection = {
        EarlierDetection.MONITORING,
        EarlierDetection.MANUAL_CHECK,
    }
    yes_blast = {
        SmallerBlastRadius.CIRCUIT_BREAKER,
        SmallerBlastRadius.ISOLATION,
        SmallerBlastRadius.ROLLBACK,
    }

    assert stats.detection_answered == sum(map(bool, detection))
    assert stats.blast_radius_answered == sum(map(bool, blast))
    for answer in EarlierDetection:
        assert stats.detection[answer] == sum(answer in a for a in detection)
    for answer_blast in SmallerBlastRadius:
        assert stats.blast_radius[answer_blast] == sum(
            answer_blast in a for a in blast
        )
    assert stats.caught_earlier == sum(
        bool(a & yes_detection) for a in detection
    )
    assert stats.limited_blast_radius == sum(
        bool(a & yes_blast) for a in blast
    )


@given(LOGS)
def test_each_section_alone_equals_its_part_of_the_report(
    log: list[PostMortem],
) -> None:
    """The one-section functions give the report's sections."""
    report = trends(log, today=TODAY)

    assert period_trends(log) == report.periods
    assert factor_stats(log) == report.factors
    assert action_stats(log, today=TODAY) == report.actions
    assert resilience_stats(log) == report.resilience


def test_intervals_by_period_only_on_request() -> None:
    """Period medians get a bootstrap interval when it is asked for."""
    log = [
        _incident_at(datetime(2025, 1, day, tzinfo=UTC)) for day in (1, 2, 3)
    ]

    plain = trends(log).periods[0].durations["time_to_resolve"]
    asked = trends(log, by_period_confidence=True).periods[0]

    assert plain.median_ci is None
    assert asked.durations["time_to_resolve"].median_ci == (
        timedelta(hours=1),
        timedelta(hours=1),
    )
    assert trends(log).durations["time_to_resolve"].median_ci is not None


def test_rows_have_stable_columns_and_utc_times() -> None:
    """One wide row per period; long rows per duration and per factor."""
    log = [
        _incident_at(datetime(2025, 1, 10, tzinfo=UTC)),
        _incident_at(datetime(2025, 3, 10, tzinfo=UTC)),
    ]
    report = _report(log, tz="America/New_York")

    rows = report.rows()

    assert [list(row) for row in rows] == [_period_columns()] * 3
    assert rows[0]["start"] == datetime(2025, 1, 1, 5, tzinfo=UTC)
    assert rows[0]["start"].tzinfo is UTC
    assert rows[0]["time_to_resolve_median_seconds"] == 3600.0
    assert rows[1]["time_to_resolve_median_seconds"] is None
    assert len(report.duration_rows()) == 3 * len(DURATIONS)
    assert len(report.factor_rows()) == 3 * len(Factor)
    assert len(report.factors.rows()) == len(Factor)
    assert len(report.resilience.rows()) == len(EarlierDetection) + len(
        SmallerBlastRadius
    )
    assert report.actions.rows()[0]["items"] == 0


def test_to_pandas_gives_utc_datetime_columns() -> None:
    """The periods become a DataFrame with timezone-aware UTC columns."""
    report = _report([_incident_at(datetime(2025, 1, 10, tzinfo=UTC))])

    frame = report.to_pandas()

    assert list(frame.columns) == _period_columns()
    assert str(frame["start"].dtype).endswith(", UTC]")
    assert len(report.factors.to_pandas()) == len(Factor)
    assert len(report.factors.pairs_to_pandas()) == 0
    assert len(report.actions.to_pandas()) == 1
    assert len(report.resilience.to_pandas()) == 8


def test_to_pandas_without_pandas_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without pandas, the error says which extra installs it."""
    report = _report([])
    monkeypatch.setitem(sys.modules, "pandas", None)

    with pytest.raises(
        ModuleNotFoundError, match=r"pip install 'blameless\[pandas\]'"
    ):
        report.to_pandas()

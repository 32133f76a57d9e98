"""Tests of LogTable: a log read once gives the trends of the log itself."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import blameless
from blameless import (
    ActionItem,
    ActionKind,
    BlamelessError,
    IncidentReport,
    LogEntry,
    PostMortem,
    Severity,
)
from blameless import strategies as bst
from blameless.metrics import (
    DURATIONS,
    DurationPreset,
    LogFilter,
    LogTable,
    Period,
    action_stats,
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
PRESETS = st.sampled_from(DurationPreset)
CONFIDENCES = st.sampled_from([None, 0.5, 0.95])
TODAYS = st.dates(date(2020, 1, 1), date(2030, 1, 1))
SEEDS = st.integers(0, 2**32 - 1)
TODAY = date(2026, 6, 1)
# Every trend here bootstraps with few resamples: the tests compare two
# computations of the same figures, not the quality of the intervals.
RESAMPLES = 20
# The columns of a row, in the order the table documents.
COLUMNS = ["number", "start", "near_miss", "severity", *DURATIONS]
SECONDS_TOLERANCE = 1e-6

Row = dict[str, Any]
T = TypeVar("T")


def _sometimes(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """Draw from *strategy* one time in three, else None."""
    return st.sampled_from([True, False, False]).flatmap(
        lambda chosen: strategy if chosen else st.none()
    )


def _bound(
    starts: list[datetime], *, after: bool
) -> st.SearchStrategy[date | datetime]:
    """A filter bound: a day or an instant up to two days before a start.

    With *after*, up to two days after it instead, so that a range drawn
    this way often holds a start.
    """
    if not starts:
        return st.dates(date(2024, 1, 1), date(2026, 1, 1))
    start = st.sampled_from(starts)
    shift = st.integers(0, 2 * 86400).map(
        lambda s: timedelta(seconds=s if after else -s)
    )
    instants = st.builds(lambda at, by: at + by, start, shift)
    return instants.map(lambda at: at.date()) | instants


@st.composite
def _logs_with_filters(
    draw: st.DrawFn,
) -> tuple[list[PostMortem], LogFilter, str]:
    """A log, a filter that keeps some of it, and the filter's zone."""
    log = draw(bst.post_mortem_logs(min_size=1, max_size=4))
    starts = [
        start.at
        for post_mortem in log
        if (start := impact_start(post_mortem.incident)) is not None
    ]
    tags = sorted({tag for post_mortem in log for tag in post_mortem.log.tags})
    # Each condition is set one time in three, so that a filter often
    # keeps some of the log and leaves out the rest.
    severities = st.frozensets(st.sampled_from([None, *Severity]), min_size=1)
    tag = draw(_sometimes(st.sampled_from(tags))) if tags else None
    where = LogFilter(
        since=draw(_sometimes(_bound(starts, after=False))),
        until=draw(_sometimes(_bound(starts, after=True))),
        tags=() if tag is None else (tag,),
        severities=draw(_sometimes(severities)),
        near_miss=draw(_sometimes(st.booleans())),
    )
    return log, where, draw(ZONES)


def _expected_row(post_mortem: PostMortem, preset: DurationPreset) -> Row:
    """The reference: one row, from the model's own API."""
    incident = post_mortem.incident
    start = impact_start(incident)
    severity = severity_of(post_mortem)
    near_miss = post_mortem.log.near_miss
    row: Row = {
        "number": post_mortem.log.number,
        "start": None if start is None else start.utc,
        "near_miss": near_miss,
        "severity": None if severity is None else severity.value,
    }
    for name, span in zip(DURATIONS, preset.spans(incident), strict=True):
        row[name] = (
            None
            if near_miss or span is None
            else span.duration.total_seconds()
        )
    return row


def _order(row: Row) -> tuple[bool, datetime, int]:
    """Sort key: by start, undated last, then by number."""
    start = row["start"]
    return (
        start is None,
        datetime.min.replace(tzinfo=UTC) if start is None else start,
        row["number"] or 0,
    )


def _same_rows(found: list[Row], expected: list[Row]) -> None:
    """Equal rows as multisets; durations within a microsecond."""
    assert len(found) == len(expected)
    for got, want in zip(
        sorted(found, key=_order), sorted(expected, key=_order), strict=True
    ):
        assert list(got) == COLUMNS
        assert got["start"] is None or got["start"].tzinfo is UTC
        assert got["near_miss"] is want["near_miss"]
        for column in COLUMNS:
            value, reference = got[column], want[column]
            if column in DURATIONS and None not in (value, reference):
                assert abs(value - reference) <= SECONDS_TOLERANCE, column
            else:
                assert value == reference, column


def _in_start_order(rows: list[Row]) -> bool:
    """Whether dated rows ascend by start and every undated one is last."""
    starts = [row["start"] for row in rows]
    dated = list(itertools.takewhile(lambda s: s is not None, starts))
    undated = starts[len(dated) :]
    return all(s is None for s in undated) and all(
        earlier <= later for earlier, later in itertools.pairwise(dated)
    )


def _incident_at(
    moment: datetime, *, number: int | None = None, near_miss: bool = False
) -> PostMortem:
    return PostMortem(
        log=LogEntry(number=number, near_miss=near_miss),
        incident=IncidentReport(
            detected=moment, resolved=moment + timedelta(hours=1)
        ),
    )


# 1. A table gives the trends of its log -------------------------------

# Every option of trends(); the section functions take their share.
TREND_OPTIONS = st.fixed_dictionaries(
    {
        "period": PERIODS,
        "tz": ZONES,
        "preset": PRESETS,
        "today": TODAYS,
        "mean": st.booleans(),
        "confidence": CONFIDENCES,
        "by_period_confidence": st.booleans(),
        "seed": SEEDS,
        "longest": st.floats(0, 1),
    }
)


@given(LOGS, TREND_OPTIONS)
def test_every_trend_of_a_table_is_that_of_its_log(
    log: list[PostMortem], options: dict[str, Any]
) -> None:
    """Each trend function gives the same result for a table as its log."""
    table = LogTable.from_log(log)
    periods = {
        name: options[name] for name in ("period", "tz", "preset", "mean")
    }
    if options["by_period_confidence"]:
        periods["confidence"] = options["confidence"]
    factors = {name: options[name] for name in ("preset", "longest")}

    assert trends(table, resamples=RESAMPLES, **options) == trends(
        log, resamples=RESAMPLES, **options
    )
    assert period_trends(table, **periods) == period_trends(log, **periods)
    assert factor_stats(table, **factors) == factor_stats(log, **factors)
    assert action_stats(table, today=options["today"]) == action_stats(
        log, today=options["today"]
    )
    assert resilience_stats(table) == resilience_stats(log)


@given(_logs_with_filters(), PERIODS, PRESETS)
def test_a_filtered_table_is_the_filtered_log(
    drawn: tuple[list[PostMortem], LogFilter, str],
    period: Period,
    preset: DurationPreset,
) -> None:
    """A filter given to from_log acts as where= given to the trends.

    The table keeps the filter: its trends, sections, counts and rows are
    those of the post-mortems the filter keeps in the table's zone.
    """
    log, where, tz = drawn
    table = LogTable.from_log(log, where=where, tz=tz)
    kept = [p for p in log if where.matches(p, tz)]

    found = trends(
        table, period=period, tz=tz, today=TODAY, resamples=RESAMPLES
    )
    expected = trends(
        log,
        where=where,
        period=period,
        tz=tz,
        today=TODAY,
        resamples=RESAMPLES,
    )
    assert found == expected
    assert found.where == expected.where == where
    assert period_trends(table, period=period, tz=tz) == period_trends(
        log, where=where, period=period, tz=tz
    )
    # The functions without a zone read a filter's dates in UTC, so their
    # reference is the log the filter kept in the table's zone.
    assert factor_stats(table) == factor_stats(kept)
    assert action_stats(table, today=TODAY) == action_stats(kept, today=TODAY)
    assert resilience_stats(table) == resilience_stats(kept)
    assert table.where == where
    assert table.where_range() == where.range(tz)
    _same_counts(table, kept)
    _same_rows(table.rows(preset), [_expected_row(p, preset) for p in kept])


# 2. One table answers many questions ----------------------------------


# Weeks are left out here: a log may span a century of them, and the
# property of every option above already asks for weeks.
LONG_PERIODS = st.sampled_from([Period.MONTH, Period.QUARTER, Period.YEAR])


@given(LOGS, st.lists(st.tuples(LONG_PERIODS, ZONES), min_size=2, max_size=3))
def test_one_table_answers_many_questions(
    log: list[PostMortem], questions: list[tuple[Period, str]]
) -> None:
    """A table read from a generator once gives the log's trends each time.

    Asking does not use the table up or change it: the first question,
    asked again last, has the same answer.
    """
    table = LogTable.from_log(post_mortem for post_mortem in log)
    rows = table.rows()
    report = trends(log, period="year", today=TODAY, resamples=RESAMPLES)
    # action_stats bootstraps with its own resamples, unlike the report.
    actions = action_stats(log, today=TODAY)

    for period, tz in [*questions, questions[0]]:
        assert period_trends(table, period=period, tz=tz) == period_trends(
            log, period=period, tz=tz
        )
    for _ in range(2):
        assert report == trends(
            table, period="year", today=TODAY, resamples=RESAMPLES
        )
        assert factor_stats(table) == report.factors
        assert action_stats(table, today=TODAY) == actions
        assert resilience_stats(table) == report.resilience
    assert table.rows() == rows
    assert len(table) == len(log)
    assert table.where is None
    assert table.where_range() == (None, None)


# 3. Rows and 4. counts ------------------------------------------------


def _same_counts(table: LogTable, log: list[PostMortem]) -> None:
    """The table's counts, against plain counts over the log."""
    assert len(table) == len(log)
    assert table.near_misses == sum(p.log.near_miss for p in log)
    assert table.incidents == sum(not p.log.near_miss for p in log)
    assert table.undated == sum(impact_start(p.incident) is None for p in log)
    assert table.action_items == sum(len(p.actions) for p in log)


@given(LOGS, PRESETS)
def test_rows_and_counts_match_the_model(
    log: list[PostMortem], preset: DurationPreset
) -> None:
    """One row per post-mortem as the model computes it, in start order.

    Rows ascend by start in UTC with the undated ones last, durations are
    measured the worksheet's way unless a preset is given, and the counts
    are plain counts over the log.
    """
    table = LogTable.from_log(log)

    rows = table.rows(preset)

    _same_rows(rows, [_expected_row(p, preset) for p in log])
    assert _in_start_order(rows)
    assert table.rows() == table.rows(DurationPreset.WORKSHEET)
    _same_counts(table, log)


def test_a_draft_without_a_number_has_none() -> None:
    """A post-mortem without a log number has None, not 0, as its number."""
    moment = datetime(2025, 6, 1, tzinfo=UTC)
    log = [_incident_at(moment), _incident_at(moment, number=3)]

    rows = LogTable.from_log(log).rows()

    assert sorted(rows, key=lambda row: row["number"] or 0) == [
        _expected_row(log[0], DurationPreset.WORKSHEET),
        _expected_row(log[1], DurationPreset.WORKSHEET),
    ]


def test_a_near_miss_has_no_durations() -> None:
    """A near miss keeps its start but every duration is None."""
    moment = datetime(2025, 6, 1, 12, tzinfo=UTC)

    (row,) = LogTable.from_log(
        [_incident_at(moment, number=1, near_miss=True)]
    ).rows()

    assert row["near_miss"] is True
    assert row["start"] == moment
    assert all(row[name] is None for name in DURATIONS)


# 5. Errors -------------------------------------------------------------

_WHERE_ERROR = r"^where: .*LogTable\.from_log\(log, where=\.\.\.\)"


def test_trends_refuse_a_filter_with_a_table() -> None:
    """trends(table, where=...) says to filter in LogTable.from_log."""
    table = LogTable.from_log([])

    with pytest.raises(BlamelessError, match=_WHERE_ERROR):
        trends(table, where=LogFilter())


@pytest.mark.parametrize(
    "section", [period_trends, factor_stats, action_stats, resilience_stats]
)
def test_each_section_refuses_a_filter_with_a_table(
    section: Callable[..., object],
) -> None:
    """Every section function refuses where= with a table, the same way."""
    table = LogTable.from_log([_incident_at(datetime(2025, 1, 1, tzinfo=UTC))])

    with pytest.raises(BlamelessError, match=_WHERE_ERROR):
        section(table, where=LogFilter(near_miss=True))


def test_an_unknown_zone_is_refused() -> None:
    """from_log with a zone that does not exist raises BlamelessError."""
    with pytest.raises(BlamelessError, match=r"^tz: .*'Mars/Olympus'"):
        LogTable.from_log([], tz="Mars/Olympus")


def test_an_unknown_zone_is_refused_with_a_filter() -> None:
    """The zone is checked when a filter is given too."""
    where = LogFilter(since=date(2025, 1, 1))

    with pytest.raises(BlamelessError, match=r"^tz: .*'Nowhere'"):
        LogTable.from_log([], where=where, tz="Nowhere")


def test_the_table_is_exported_at_the_top() -> None:
    """blameless.LogTable is blameless.metrics.LogTable."""
    assert blameless.LogTable is LogTable


# 6. pandas -------------------------------------------------------------


@given(LOGS, PRESETS)
def test_to_pandas_holds_the_rows(
    log: list[PostMortem], preset: DurationPreset
) -> None:
    """The DataFrame has the rows' records, columns in documented order."""
    pd = pytest.importorskip("pandas")
    table = LogTable.from_log(log)
    rows = table.rows(preset)

    frame = table.to_pandas(preset)

    assert list(frame.columns) == COLUMNS
    assert len(frame) == len(rows)
    for row, record in zip(rows, frame.to_dict(orient="records"), strict=True):
        for column in COLUMNS:
            if row[column] is None:
                assert pd.isna(record[column]), column
            else:
                assert record[column] == row[column], column


def test_to_pandas_of_an_empty_table_has_the_columns() -> None:
    """Even without rows, the DataFrame has every column, in order."""
    pytest.importorskip("pandas")

    frame = LogTable.from_log([]).to_pandas()

    assert list(frame.columns) == COLUMNS
    assert len(frame) == 0


# 7. repr ---------------------------------------------------------------


def test_repr_says_how_many_post_mortems_and_action_items() -> None:
    """The repr counts the post-mortems and their action items."""
    moment = datetime(2025, 2, 3, tzinfo=UTC)
    items = (
        ActionItem(id="C1", kind=ActionKind.CONTAINMENT),
        ActionItem(id="P1", kind=ActionKind.PREVENTION),
        ActionItem(id="P2", kind=ActionKind.PREVENTION),
    )
    log = [
        attrs.evolve(_incident_at(moment, number=1), actions=items),
        _incident_at(moment, number=2),
    ]

    text = repr(LogTable.from_log(log))

    assert "2 post-mortems" in text
    assert "3 action items" in text
    assert text.startswith("<LogTable")


# 8. Edge cases ---------------------------------------------------------


def test_an_empty_log_makes_an_empty_table() -> None:
    """No rows, zero counts, and the trends of an empty log."""
    table = LogTable.from_log(iter([]))

    assert len(table) == 0
    assert table.rows() == []
    assert (table.incidents, table.near_misses, table.undated) == (0, 0, 0)
    assert table.action_items == 0
    assert trends(table, today=TODAY) == trends([], today=TODAY)
    assert period_trends(table) == ()


def test_one_post_mortem_makes_one_row() -> None:
    """A single incident: its number, start, severity and durations."""
    first = datetime(2025, 11, 14, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    incident = IncidentReport(
        first_occurrence=first,
        detected=first + timedelta(minutes=10),
        acknowledged=first + timedelta(minutes=15),
        mitigated=first + timedelta(minutes=40),
        resolved=first + timedelta(hours=2),
    )
    log = [
        PostMortem(
            log=LogEntry(number=42, severity=Severity.MEDIUM),
            incident=incident,
        )
    ]
    table = LogTable.from_log(log)

    (row,) = table.rows()
    (impact_row,) = table.rows(DurationPreset.FROM_IMPACT_START)

    assert row == {
        "number": 42,
        "start": datetime(2025, 11, 14, 8, 0, tzinfo=UTC),
        "near_miss": False,
        "severity": "medium",
        "detection_gap": 600.0,
        "time_to_acknowledge": 300.0,
        "time_to_mitigate": 1800.0,
        "time_to_resolve": 6600.0,
        "total_duration": 7200.0,
    }
    assert impact_row["time_to_acknowledge"] == 900.0
    assert impact_row["time_to_resolve"] == 7200.0
    assert (len(table), table.incidents, table.undated) == (1, 1, 0)
    assert trends(table, today=TODAY) == trends(log, today=TODAY)


def _undated(post_mortem: PostMortem) -> PostMortem:
    """The same post-mortem with neither a first occurrence nor detection."""
    incident = attrs.evolve(
        post_mortem.incident, first_occurrence=None, detected=None
    )
    return attrs.evolve(post_mortem, incident=incident)


@given(bst.post_mortem_logs(min_size=1, max_size=3))
def test_an_undated_log_is_counted_in_no_period(
    log: list[PostMortem],
) -> None:
    """Every row undated: no start, no durations, no periods."""
    undated = [_undated(p) for p in log]
    table = LogTable.from_log(undated)

    report = trends(table, today=TODAY, resamples=RESAMPLES)

    assert table.undated == len(table) == len(log)
    assert all(row["start"] is None for row in table.rows())
    assert all(row[name] is None for row in table.rows() for name in DURATIONS)
    assert report.periods == ()
    assert report == trends(undated, today=TODAY, resamples=RESAMPLES)


def test_a_log_out_of_order_is_sorted_by_start() -> None:
    """A log written newest first comes out oldest first."""
    first = datetime(2025, 1, 1, tzinfo=UTC)
    starts = [first + timedelta(days=9 * n, hours=n) for n in range(6)]
    log = [
        _incident_at(at, number=n)
        for n, at in reversed(list(enumerate(starts, 1)))
    ]
    log.insert(2, _undated(_incident_at(first, number=99)))

    rows = LogTable.from_log(log).rows()

    assert [row["start"] for row in rows] == [*starts, None]
    assert [row["number"] for row in rows] == [1, 2, 3, 4, 5, 6, 99]


def _berlin_log() -> Iterator[PostMortem]:
    """Two incidents either side of midnight, 1 April, in Berlin."""
    berlin = timezone(timedelta(hours=2))
    walls = [
        datetime(2025, 3, 31, 23, 30, tzinfo=berlin),
        datetime(2025, 4, 1, 0, 30, tzinfo=berlin),
    ]
    for number, wall in enumerate(walls, 1):
        yield PostMortem(
            log=LogEntry(number=number),
            incident=IncidentReport(
                first_occurrence=wall,
                detected=wall + timedelta(minutes=5),
            ),
        )


def test_a_month_boundary_follows_the_zone_of_the_report() -> None:
    """00:30 on 1 April in Berlin is April there and March in UTC."""
    table = LogTable.from_log(_berlin_log())

    def counts(tz: str) -> dict[str, int]:
        return {
            trend.label: trend.incidents
            for trend in period_trends(table, tz=tz)
        }

    assert [row["start"] for row in table.rows()] == [
        datetime(2025, 3, 31, 21, 30, tzinfo=UTC),
        datetime(2025, 3, 31, 22, 30, tzinfo=UTC),
    ]
    assert counts("Europe/Berlin") == {"2025-03": 1, "2025-04": 1}
    assert counts("UTC") == {"2025-03": 2}
    assert counts("Europe/Berlin") == {
        trend.label: trend.incidents
        for trend in period_trends(list(_berlin_log()), tz="Europe/Berlin")
    }


def test_a_month_filter_in_berlin_keeps_its_own_month() -> None:
    """A filter on April, in Berlin, keeps only the 00:30 incident."""
    where = LogFilter(since=date(2025, 4, 1), until=date(2025, 5, 1))

    berlin = LogTable.from_log(_berlin_log(), where=where, tz="Europe/Berlin")
    utc = LogTable.from_log(_berlin_log(), where=where)

    assert [row["number"] for row in berlin.rows()] == [2]
    assert [t.label for t in period_trends(berlin, tz="Europe/Berlin")] == [
        "2025-04"
    ]
    assert len(utc) == 0

"""Tests of calendar periods: keys, bounds and labels in a time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import BlamelessError, IncidentReport, PostMortem, Timestamp
from blameless import strategies as bst
from blameless._metrics._periods import (
    FIRST_INSTANT,
    LAST_INSTANT,
    _midnight,
    all_bounds,
    as_period,
    bounds,
    key_function,
    period_range,
    step,
    zone,
)
from blameless.metrics import LogTable, Period, trends

ZONES = st.sampled_from(["UTC", *bst.NAMED_ZONES])


@given(bst.aware_datetimes(), st.sampled_from(Period), ZONES)
def test_a_moment_lies_within_the_bounds_of_its_period(
    moment: datetime, period: Period, name: str
) -> None:
    """The period of a moment starts at or before it and ends after it."""
    tz = zone(name)
    key = key_function(period, tz)(moment)

    _, start, end = bounds(period, key, tz)

    assert start <= moment < end
    assert start.tzinfo is UTC
    assert end.tzinfo is UTC


@given(bst.aware_datetimes(), st.sampled_from(Period), ZONES)
def test_periods_follow_each_other_without_gap(
    moment: datetime, period: Period, name: str
) -> None:
    """Each period ends where the next one starts, in the zone's calendar."""
    tz = zone(name)
    key = key_function(period, tz)(moment)

    _, _, end = bounds(period, key, tz)
    _, following, _ = bounds(period, key + step(period), tz)

    assert end == following
    assert key_function(period, tz)(end) == key + step(period)


@given(bst.aware_datetimes(), ZONES)
def test_a_period_starts_at_local_midnight(
    moment: datetime, name: str
) -> None:
    """A month starts on the first of the month, at 00:00 local time."""
    tz = zone(name)
    key = key_function(Period.MONTH, tz)(moment)

    _, start, _ = bounds(Period.MONTH, key, tz)
    local = start.astimezone(tz)

    assert local.day == 1
    assert local.month == moment.astimezone(tz).month


def test_a_month_across_the_spring_change_is_an_hour_short() -> None:
    """March in Berlin has 743 hours; the bounds are in UTC."""
    tz = ZoneInfo("Europe/Berlin")
    moment = datetime(2025, 3, 30, 12, tzinfo=tz)
    key = key_function(Period.MONTH, tz)(moment)

    label, start, end = bounds(Period.MONTH, key, tz)

    assert label == "2025-03"
    assert start == datetime(2025, 2, 28, 23, tzinfo=UTC)
    assert end == datetime(2025, 3, 31, 22, tzinfo=UTC)
    assert end - start == timedelta(hours=743)


def test_just_after_local_midnight_belongs_to_the_new_month() -> None:
    """00:30 in Berlin on 1 March is still February in UTC, not here."""
    moment = datetime(2025, 2, 28, 23, 30, tzinfo=UTC)
    berlin = key_function(Period.MONTH, zone("Europe/Berlin"))(moment)
    utc = key_function(Period.MONTH, zone("UTC"))(moment)

    assert bounds(Period.MONTH, berlin, zone("Europe/Berlin"))[0] == "2025-03"
    assert bounds(Period.MONTH, utc, zone("UTC"))[0] == "2025-02"


def test_a_midnight_in_a_dst_gap_starts_the_day_when_the_clock_jumps() -> None:
    """In Santiago, 7 September 2025 skips 00:00 to 01:00.

    The day begins at the jump, 04:00 UTC, the same instant as 00:00 at
    the winter offset and 01:00 at the summer one.
    """
    tz = zone("America/Santiago")

    start = _midnight(date(2025, 9, 7), tz)

    assert start == datetime(2025, 9, 7, 4, tzinfo=UTC)
    assert start.astimezone(tz).hour == 1


@pytest.mark.parametrize(
    ("moment", "period", "label"),
    [
        (datetime(2025, 1, 1, tzinfo=UTC), Period.WEEK, "2025-W01"),
        (datetime(2024, 12, 30, tzinfo=UTC), Period.WEEK, "2025-W01"),
        (datetime(2021, 1, 3, tzinfo=UTC), Period.WEEK, "2020-W53"),
        (datetime(2025, 11, 14, tzinfo=UTC), Period.MONTH, "2025-11"),
        (datetime(2025, 11, 14, tzinfo=UTC), Period.QUARTER, "2025-Q4"),
        (datetime(2025, 4, 1, tzinfo=UTC), Period.QUARTER, "2025-Q2"),
        (datetime(2025, 11, 14, tzinfo=UTC), Period.YEAR, "2025"),
    ],
)
def test_labels(moment: datetime, period: Period, label: str) -> None:
    """Weeks are ISO weeks; months, quarters and years are calendar ones."""
    key = key_function(period, UTC)(moment)

    assert bounds(period, key, UTC)[0] == label


def test_a_week_runs_monday_to_monday() -> None:
    """ISO weeks start on Monday at midnight."""
    key = key_function(Period.WEEK, UTC)(datetime(2025, 11, 14, tzinfo=UTC))

    _, start, end = bounds(Period.WEEK, key, UTC)

    assert start == datetime(2025, 11, 10, tzinfo=UTC)
    assert end == datetime(2025, 11, 17, tzinfo=UTC)


def test_the_range_of_keys_includes_both_ends() -> None:
    """Every period from the first to the last is listed."""
    assert list(period_range(Period.MONTH, 5, 8)) == [5, 6, 7, 8]
    assert list(period_range(Period.WEEK, 7, 21)) == [7, 14, 21]


def test_a_fixed_offset_is_a_zone_too() -> None:
    """A tzinfo is used as it is."""
    tz = timezone(timedelta(hours=5, minutes=30))

    assert zone(tz) is tz


def test_an_unknown_zone_is_refused() -> None:
    """Zone names are IANA keys."""
    with pytest.raises(
        BlamelessError,
        match=r"tz: expected an IANA time zone name such as "
        r"'Europe/Berlin' or 'UTC', got 'Mars/Olympus'",
    ):
        zone("Mars/Olympus")


def test_an_unknown_period_is_refused() -> None:
    """Periods are named by their values."""
    assert as_period("quarter") is Period.QUARTER
    with pytest.raises(
        BlamelessError,
        match=r"period: expected one of 'week', 'month', 'quarter', "
        r"'year', got 'fortnight'",
    ):
        as_period("fortnight")


@given(
    bst.aware_datetimes(),
    st.integers(min_value=0, max_value=60),
    st.sampled_from(Period),
    ZONES,
)
def test_all_bounds_are_the_bounds_of_each_period(
    moment: datetime, count: int, period: Period, name: str
) -> None:
    """Working the bounds out together gives those of each period alone."""
    tz = zone(name)
    first = key_function(period, tz)(moment)
    last = first + count * step(period)

    together = all_bounds(period, first, last, tz)

    alone = [
        bounds(period, key, tz) for key in period_range(period, first, last)
    ]
    assert together == alone


@pytest.mark.parametrize(
    ("moment", "name", "label"),
    [
        (datetime(9999, 12, 31, 23, tzinfo=UTC), "Pacific/Kiritimati", "9999"),
        (
            datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))),
            "UTC",
            "9999",
        ),
        (datetime(1, 1, 1, tzinfo=UTC), "Pacific/Kiritimati", "0001"),
        (
            datetime(1, 1, 1, 1, tzinfo=timezone(timedelta(hours=5))),
            "UTC",
            "0001",
        ),
    ],
)
def test_the_ends_of_the_calendar_fall_in_the_first_or_last_period(
    moment: datetime, name: str, label: str
) -> None:
    """A time whose local date lies beyond the year 1 to 9999 is counted.

    It falls in the first or last period that can be written down, and
    that period's bounds stop at the first or last instant of datetime.
    """
    post_mortem = PostMortem(
        incident=IncidentReport(detected=Timestamp(moment))
    )

    for period in Period:
        (only,) = trends([post_mortem], period=period, tz=name).periods

        assert only.incidents == 1
        assert only.label.startswith(label)
        assert only.start <= only.end
    table = LogTable.from_log([post_mortem])
    assert table.rows()[0]["start"] in {FIRST_INSTANT, LAST_INSTANT, moment}

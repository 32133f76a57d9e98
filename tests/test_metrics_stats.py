"""Tests of duration statistics: quantiles, means, bootstrap intervals."""

from __future__ import annotations

import math
import random
import statistics
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import BlamelessError, Span, Timestamp
from blameless._metrics._stats import _bootstrap_medians, summarize
from blameless.metrics import DurationStats, duration_stats, quantile

# Whole microseconds, as datetimes measure them, up to about ten years.
SECONDS = st.integers(-(10**6), 3 * 10**14).map(lambda us: us / 10**6)
SAMPLES = st.lists(SECONDS, min_size=1, max_size=40)
ONE_MICROSECOND = timedelta(microseconds=1)


def _type7(values: list[float], fraction: float) -> float:
    """The reference: numpy's default "linear" method, written plainly."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    below = int(position)
    if below + 1 == len(ordered):
        return ordered[below]
    weight = position - below
    return ordered[below] * (1 - weight) + ordered[below + 1] * weight


def _close(found: timedelta | None, expected: float) -> bool:
    assert found is not None
    return abs(found - timedelta(seconds=expected)) <= ONE_MICROSECOND


@given(SAMPLES)
def test_the_median_is_the_middle_of_the_sorted_values(
    values: list[float],
) -> None:
    """The median equals the one of the standard library, by sorting."""
    stats = summarize(values)

    assert stats.median == timedelta(seconds=statistics.median(values))


@given(SAMPLES)
def test_percentiles_interpolate_linearly_between_ranks(
    values: list[float],
) -> None:
    """p25, p75 and p90 follow Hyndman and Fan's type 7, as numpy does."""
    stats = summarize(values)

    assert _close(stats.p25, _type7(values, 0.25))
    assert _close(stats.p75, _type7(values, 0.75))
    assert _close(stats.p90, _type7(values, 0.9))


@given(st.lists(SECONDS, min_size=2, max_size=40))
def test_quartiles_agree_with_the_standard_library(
    values: list[float],
) -> None:
    """Type 7 is also what statistics.quantiles calls "inclusive"."""
    first, _, third = statistics.quantiles(values, n=4, method="inclusive")

    assert math.isclose(
        quantile(sorted(values), 0.25), first, rel_tol=1e-9, abs_tol=1e-6
    )
    assert math.isclose(
        quantile(sorted(values), 0.75), third, rel_tol=1e-9, abs_tol=1e-6
    )


@given(SAMPLES)
def test_count_and_extremes(values: list[float]) -> None:
    """Count, minimum and maximum are those of the values."""
    stats = summarize(values)

    assert stats.count == len(values)
    assert stats.minimum == timedelta(seconds=min(values))
    assert stats.maximum == timedelta(seconds=max(values))


@given(SAMPLES)
def test_figures_are_in_order(values: list[float]) -> None:
    """Every figure lies between the minimum and the maximum, in order."""
    stats = summarize(values, mean=True, confidence=0.9, resamples=50)
    figures = [
        stats.minimum,
        stats.p25,
        stats.median,
        stats.p75,
        stats.p90,
        stats.maximum,
    ]

    assert figures == sorted(figures)  # type: ignore[type-var]
    assert stats.median_ci is not None
    low, high = stats.median_ci
    assert stats.minimum <= low <= high <= stats.maximum  # type: ignore[operator]


@given(SAMPLES)
def test_the_geometric_mean_is_taken_over_positive_durations(
    values: list[float],
) -> None:
    """The geometric mean is exp(mean(log)) of the positive durations."""
    positive = [value for value in values if value > 0]
    stats = summarize(values)

    if not positive:
        assert stats.geometric_mean is None
        return
    expected = statistics.geometric_mean(positive)
    assert stats.geometric_mean is not None
    assert math.isclose(
        stats.geometric_mean.total_seconds(),
        expected,
        rel_tol=1e-9,
        abs_tol=1e-6,
    )


@given(SAMPLES)
def test_left_out_durations_are_a_caveat(values: list[float]) -> None:
    """Durations of zero or less are counted in a caveat, not hidden."""
    stats = summarize(values)
    left_out = sum(value <= 0 for value in values)
    codes = [caveat.code for caveat in stats.caveats]

    assert ("non_positive" in codes) == bool(left_out)
    if left_out:
        assert f"leaves out {left_out} of {len(values)}" in str(
            stats.caveats[codes.index("non_positive")]
        )


def test_an_empty_sample_has_no_figures() -> None:
    """With nothing recorded, every figure is absent, never zero."""
    stats = duration_stats([None, None], name="time_to_resolve")

    assert stats == DurationStats(name="time_to_resolve")
    assert stats.row()["median_seconds"] is None


def test_one_duration_is_every_figure() -> None:
    """A single duration is its own median, percentiles and extremes."""
    stats = duration_stats([timedelta(minutes=5)], mean=True)
    five = timedelta(minutes=5)

    assert {
        stats.minimum,
        stats.p25,
        stats.median,
        stats.p75,
        stats.p90,
        stats.maximum,
        stats.geometric_mean,
        stats.mean,
    } == {five}
    assert stats.median_ci == (five, five)


def test_the_mean_is_there_only_when_asked_for() -> None:
    """No mean by default; with it, a small sample carries a caveat."""
    durations = [timedelta(minutes=minutes) for minutes in (1, 2, 3)]

    assert duration_stats(durations).mean is None
    stats = duration_stats(durations, mean=True)
    assert stats.mean == timedelta(minutes=2)
    assert [caveat.code for caveat in stats.caveats] == ["small_sample"]
    assert "mean of 3 durations is fragile" in stats.caveats[0].message


def test_a_long_tail_makes_the_mean_a_skewed_caveat() -> None:
    """Many short incidents and a few long ones: the mean is flagged."""
    durations = [timedelta(minutes=10)] * 50 + [timedelta(days=3)] * 3

    stats = duration_stats(durations, mean=True)

    assert [caveat.code for caveat in stats.caveats] == ["skewed"]
    assert stats.mean is not None
    assert stats.median is not None
    assert stats.mean > 10 * stats.median


def test_a_symmetric_sample_of_thirty_has_no_caveat() -> None:
    """Enough durations, evenly spread: the mean is given plainly."""
    durations = [timedelta(minutes=minutes) for minutes in range(1, 31)]

    assert duration_stats(durations, mean=True).caveats == ()


def test_spans_say_how_many_rest_on_approximate_times() -> None:
    """A span with an approximate end is counted, and makes a caveat."""
    start = Timestamp(datetime(2025, 11, 14, 9, 30, tzinfo=UTC))
    exact = Span("x", "detected", start, "resolved", start)
    rough = Span(
        "x",
        "detected",
        start,
        "resolved",
        Timestamp(start.at + timedelta(hours=1), approximate=True),
    )

    stats = duration_stats([exact, rough, None])

    assert stats.spans == "from detected to resolved"
    assert stats.count == 2
    assert stats.approximate == 1
    assert stats.caveats[0].code == "approximate"
    assert stats.caveats[0].message == (
        "1 of 2 durations rest on an approximate time"
    )


@given(SAMPLES, st.integers(0, 2**32))
def test_the_bootstrap_repeats_with_its_seed(
    values: list[float], seed: int
) -> None:
    """The same seed gives the same interval, every time."""
    first = summarize(values, confidence=0.95, resamples=40, seed=seed)
    second = summarize(values, confidence=0.95, resamples=40, seed=seed)

    assert first.median_ci == second.median_ci


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7])
def test_drawn_medians_follow_the_plain_bootstrap(count: int) -> None:
    """Drawing order statistics gives the distribution of resampling.

    The medians of plain resamples (n draws with replacement, sorted) and
    of the shortcut are compared on ranks 0 to n-1, over many draws.
    """
    ranks = [float(rank) for rank in range(count)]
    draws = 20_000
    rng = random.Random(3)  # noqa: S311 - reproducible test data
    plain = [
        statistics.median(rng.choices(ranks, k=count)) for _ in range(draws)
    ]
    shortcut = _bootstrap_medians(ranks, draws, seed=5)

    for value in sorted(set(plain) | set(shortcut)):
        expected = plain.count(value) / draws
        found = shortcut.count(value) / draws
        assert abs(found - expected) < 0.02, value


def test_the_interval_narrows_as_the_sample_grows() -> None:
    """More durations from one distribution give a tighter interval."""
    rng = random.Random(11)  # noqa: S311 - reproducible test data

    def width(count: int) -> timedelta:
        values = [rng.lognormvariate(5, 1) for _ in range(count)]
        stats = summarize(values, confidence=0.95)
        assert stats.median_ci is not None
        return stats.median_ci[1] - stats.median_ci[0]

    assert width(4000) < width(40)


@pytest.mark.parametrize("confidence", [0, 1, -0.5, 1.5])
def test_a_confidence_outside_zero_and_one_is_refused(
    confidence: float,
) -> None:
    """The level of an interval lies strictly between 0 and 1."""
    with pytest.raises(
        BlamelessError,
        match=rf"confidence must lie strictly between 0 and 1, "
        rf"got {confidence!r}",
    ):
        duration_stats([timedelta(1)], confidence=confidence)


def test_at_least_one_resample_is_needed() -> None:
    """A bootstrap of no resamples is refused."""
    with pytest.raises(
        BlamelessError, match=r"resamples must be at least 1, got 0"
    ):
        duration_stats([timedelta(1)], resamples=0)


def test_rows_have_stable_columns_in_seconds() -> None:
    """One row, durations in seconds, caveats as comma-separated codes."""
    stats = duration_stats(
        [timedelta(seconds=-1), timedelta(seconds=4)], name="gap"
    )

    row = stats.row()

    assert list(row) == [
        "duration",
        "spans",
        "count",
        "approximate",
        "min_seconds",
        "p25_seconds",
        "median_seconds",
        "p75_seconds",
        "p90_seconds",
        "max_seconds",
        "geometric_mean_seconds",
        "mean_seconds",
        "median_ci_low_seconds",
        "median_ci_high_seconds",
        "confidence",
        "caveats",
    ]
    assert row["median_seconds"] == 1.5
    assert row["caveats"] == "non_positive"
    assert stats.rows() == [row]


def test_to_pandas_gives_one_row() -> None:
    """With pandas installed, the row becomes a one-row DataFrame."""
    frame = duration_stats([timedelta(seconds=30)]).to_pandas()

    assert frame.shape == (1, 16)
    assert frame.loc[0, "median_seconds"] == 30.0


def test_spans_of_several_fields_name_them_all() -> None:
    """Total durations from either start say so; plain timedeltas don't."""
    start = Timestamp(datetime(2025, 11, 14, 9, 30, tzinfo=UTC))
    end = Timestamp(start.at + timedelta(hours=1))
    spans = [
        Span("total_duration", "first_occurrence", start, "resolved", end),
        Span("total_duration", "detected", start, "resolved", end),
    ]

    assert duration_stats(spans).spans == (
        "from first_occurrence or detected to resolved"
    )
    assert duration_stats([timedelta(1)]).spans == ""

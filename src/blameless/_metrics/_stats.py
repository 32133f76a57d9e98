"""Summary statistics of durations: quantiles, geometric mean, bootstrap."""

from __future__ import annotations

import bisect
import functools
import math
import random
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

import attrs

from blameless._errors import BlamelessError
from blameless._metrics._rows import Row, seconds, to_pandas
from blameless._model._time import Span

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SKEWED",
    "SMALL_SAMPLE",
    "Caveat",
    "DurationStats",
    "LogSum",
    "check_options",
    "duration_stats",
    "log_sum",
    "quantile",
    "summarize",
    "summarize_ordered",
]

#: Fewer durations than this make a plain mean fragile.
SMALL_SAMPLE = 30

#: A sample skewness beyond this (either way) marks a long tail.
SKEWED = 1.0

#: How many bootstrap resamples a confidence interval uses by default.
RESAMPLES = 1000

_STATS_COLUMNS = (
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
)


@attrs.frozen
class Caveat:
    """A reason to read a number with care, attached to the result.

    Caveats are data, never printed or logged: a report or a notebook
    decides whether to show them.

    Args:
        code: A stable identifier: ``"small_sample"``, ``"skewed"``,
            ``"non_positive"`` or ``"approximate"``.
        message: The caveat in words, with the figures behind it.
    """

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


@attrs.frozen(kw_only=True)
class DurationStats:
    """The distribution of one duration across many post-mortems.

    Incident durations are long-tailed, so the summary leads with the
    median and percentiles; the plain mean is there only when asked for.
    Percentiles use linear interpolation between the two nearest ranks
    (Hyndman and Fan's type 7, the default of numpy, pandas and R). Every
    figure is ``None`` when there is no duration to summarize.

    Args:
        name: The duration summarized, such as ``"time_to_resolve"``;
            blank for an arbitrary sample.
        spans: Which times the durations run between, such as ``"from
            detected to resolved"``; blank when not known.
        count: How many durations were recorded (absent ones are left
            out, never counted as zero).
        approximate: How many of them rest on an approximate time.
        minimum: The shortest duration.
        p25: The 25th percentile.
        median: The median (50th percentile).
        p75: The 75th percentile.
        p90: The 90th percentile.
        maximum: The longest duration.
        geometric_mean: The geometric mean of the positive durations, a
            typical value that a few very long incidents do not dominate.
        mean: The arithmetic mean, only when asked for.
        median_ci: The bootstrap confidence interval of the median, as
            ``(low, high)``, when asked for.
        confidence: The confidence level of ``median_ci``.
        caveats: Reasons to read the figures with care.
    """

    name: str = ""
    spans: str = ""
    count: int = 0
    approximate: int = 0
    minimum: timedelta | None = None
    p25: timedelta | None = None
    median: timedelta | None = None
    p75: timedelta | None = None
    p90: timedelta | None = None
    maximum: timedelta | None = None
    geometric_mean: timedelta | None = None
    mean: timedelta | None = None
    median_ci: tuple[timedelta, timedelta] | None = None
    confidence: float | None = None
    caveats: tuple[Caveat, ...] = ()

    def row(self) -> Row:
        """Return the statistics as one plain row, durations in seconds."""
        low, high = self.median_ci or (None, None)
        return {
            "duration": self.name,
            "spans": self.spans,
            "count": self.count,
            "approximate": self.approximate,
            "min_seconds": seconds(self.minimum),
            "p25_seconds": seconds(self.p25),
            "median_seconds": seconds(self.median),
            "p75_seconds": seconds(self.p75),
            "p90_seconds": seconds(self.p90),
            "max_seconds": seconds(self.maximum),
            "geometric_mean_seconds": seconds(self.geometric_mean),
            "mean_seconds": seconds(self.mean),
            "median_ci_low_seconds": seconds(low),
            "median_ci_high_seconds": seconds(high),
            "confidence": self.confidence,
            "caveats": ",".join(caveat.code for caveat in self.caveats),
        }

    def rows(self) -> list[Row]:
        """Return the statistics as a list of one plain row."""
        return [self.row()]

    def to_pandas(self) -> pd.DataFrame:
        """Return :meth:`rows` as a pandas DataFrame.

        Raises:
            ModuleNotFoundError: If pandas is not installed.
        """
        return to_pandas(self.rows(), _STATS_COLUMNS)


def _seconds(value: float) -> timedelta:
    """Return *value* seconds as a timedelta, rounded to the microsecond."""
    # Positional: the same value as timedelta(seconds=value), and quicker,
    # which counts when every period and duration is summarized.
    return timedelta(0, value)


def quantile(ordered: Sequence[float], fraction: float) -> float:
    """Return a quantile of sorted values by linear interpolation.

    This is Hyndman and Fan's type 7: the quantile sits at rank
    ``(n - 1) * fraction`` counted from 0, between the two nearest values.

    Args:
        ordered: The values, sorted ascending; at least one.
        fraction: Which quantile, from 0 to 1.
    """
    rank = (len(ordered) - 1) * fraction
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (rank - low) * (ordered[high] - ordered[low])


def _spread(ordered: Sequence[float]) -> list[timedelta]:
    """Return the 25th, 75th and 90th percentiles of sorted values.

    The same interpolation as :func:`quantile`, written out once for the
    three: a trend summarizes every period and duration with it.
    """
    last = len(ordered) - 1
    spread = []
    for fraction in (0.25, 0.75, 0.9):
        rank = last * fraction
        low = int(rank)
        below = ordered[low]
        above = ordered[low + 1] if low < last else below
        spread.append(_seconds(below + (rank - low) * (above - below)))
    return spread


def _median(ordered: Sequence[float]) -> float:
    # Averaging the middle pair, as statistics.median does, keeps the
    # median exact where the interpolation formula could lose a last bit.
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _bootstrap_medians(
    ordered: Sequence[float], resamples: int, seed: int
) -> list[float]:
    """Draw the medians of bootstrap resamples of sorted values.

    A resample draws n ranks uniformly with replacement, and its median is
    the value at its middle rank, so only the middle order statistics of
    the drawn ranks matter. Those are drawn directly: the k-th smallest of
    n uniform numbers follows Beta(k, n + 1 - k), and the next one lies
    above it as the least of the n - k numbers left. Each resample then
    costs O(1) instead of O(n log n), with the same distribution.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible, not a secret
    count = len(ordered)
    middle = (count + 1) // 2
    medians = []
    for _ in range(resamples):
        first = rng.betavariate(middle, count + 1 - middle)
        low = ordered[min(int(first * count), count - 1)]
        if count % 2:
            medians.append(low)
            continue
        least = 1.0 - rng.random() ** (1.0 / (count - middle))
        second = first + (1.0 - first) * least
        high = ordered[min(int(second * count), count - 1)]
        medians.append((low + high) / 2)
    medians.sort()
    return medians


def _median_ci(
    ordered: Sequence[float], confidence: float, resamples: int, seed: int
) -> tuple[timedelta, timedelta]:
    medians = _bootstrap_medians(ordered, resamples, seed)
    tail = (1.0 - confidence) / 2
    low = quantile(medians, tail)
    high = quantile(medians, 1.0 - tail)
    return _seconds(low), _seconds(high)


#: The sum of the logarithms of a sample's positive values, and how many
#: there are: what its geometric mean is made of, and what adds up when
#: samples are merged.
LogSum = tuple[float, int]


def log_sum(ordered: Sequence[float]) -> LogSum:
    """Return the :data:`LogSum` of sorted values."""
    positive = ordered[bisect.bisect_right(ordered, 0.0) :]
    # A plain sum: its rounding error is far below a microsecond here, and
    # it is several times faster than fsum over a long log.
    return sum(map(math.log, positive)), len(positive)


def _geometric_mean(
    ordered: Sequence[float], logs: LogSum | None
) -> tuple[timedelta | None, Caveat | None]:
    total, positive = log_sum(ordered) if logs is None else logs
    left_out = len(ordered) - positive
    caveat = None
    if left_out:
        caveat = Caveat(
            "non_positive",
            f"the geometric mean leaves out {left_out} of {len(ordered)} "
            f"durations that are zero or negative",
        )
    if not positive:
        return None, caveat
    return _seconds(math.exp(total / positive)), caveat


def _skewness(ordered: Sequence[float], mean: float) -> float:
    second = math.fsum((value - mean) ** 2 for value in ordered)
    if second == 0:
        return 0.0
    third = math.fsum((value - mean) ** 3 for value in ordered)
    count = len(ordered)
    return (third / count) / math.pow(second / count, 1.5)


def _mean(ordered: Sequence[float]) -> tuple[timedelta, list[Caveat]]:
    count = len(ordered)
    mean = math.fsum(ordered) / count
    caveats = []
    if count < SMALL_SAMPLE:
        caveats.append(
            Caveat(
                "small_sample",
                f"the mean of {count} durations is fragile; fewer than "
                f"{SMALL_SAMPLE} were recorded",
            )
        )
    skew = _skewness(ordered, mean)
    if abs(skew) > SKEWED:
        caveats.append(
            Caveat(
                "skewed",
                f"the durations are skewed (skewness {skew:.2f}); a few "
                f"long incidents pull the mean away from the median",
            )
        )
    return _seconds(mean), caveats


# Caveats are immutable, and many periods share the same figures.
@functools.lru_cache(maxsize=1024)
def _approximate_caveat(approximate: int, count: int) -> Caveat:
    return Caveat(
        "approximate",
        f"{approximate} of {count} durations rest on an approximate time",
    )


def check_options(confidence: float | None, resamples: int) -> None:
    """Refuse a confidence level outside (0, 1) or fewer than 1 resample.

    Raises:
        BlamelessError: If either option is out of range.
    """
    if confidence is not None and not 0 < confidence < 1:
        msg = (
            f"confidence must lie strictly between 0 and 1, got {confidence!r}"
        )
        raise BlamelessError(msg)
    if resamples < 1:
        msg = f"resamples must be at least 1, got {resamples!r}"
        raise BlamelessError(msg)


def summarize(  # noqa: PLR0913 - the options of one summary, all keywords
    values: Iterable[float],
    *,
    name: str = "",
    spans: str = "",
    approximate: int = 0,
    mean: bool = False,
    confidence: float | None = None,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> DurationStats:
    """Summarize durations given in seconds.

    Args:
        values: The durations, in seconds, in any order.
        name: Which duration they are.
        spans: Which times they run between.
        approximate: How many rest on an approximate time.
        mean: Whether to add the arithmetic mean and its caveats.
        confidence: The level of the median's confidence interval, or
            ``None`` for no interval.
        resamples: How many bootstrap resamples the interval uses.
        seed: The seed of the bootstrap, so that results repeat.

    Raises:
        BlamelessError: If *confidence* is not between 0 and 1, or
            *resamples* is below 1.
    """
    check_options(confidence, resamples)
    return summarize_ordered(
        sorted(values),
        name=name,
        spans=spans,
        approximate=approximate,
        mean=mean,
        confidence=confidence,
        resamples=resamples,
        seed=seed,
    )


def summarize_ordered(  # noqa: PLR0913 - the options of one summary
    ordered: Sequence[float],
    *,
    name: str,
    spans: str,
    approximate: int,
    mean: bool,
    confidence: float | None,
    resamples: int,
    seed: int,
    logs: LogSum | None = None,
) -> DurationStats:
    """Summarize durations in seconds that are already sorted.

    The options are those of :func:`summarize`, already checked; *logs*
    is the :data:`LogSum` of *ordered*, when the caller has it.
    """
    if not ordered:
        return DurationStats(name=name, spans=spans)

    caveats: list[Caveat] = []
    if approximate:
        caveats.append(_approximate_caveat(approximate, len(ordered)))

    geometric, caveat = _geometric_mean(ordered, logs)
    if caveat is not None:
        caveats.append(caveat)

    plain_mean = None
    if mean:
        plain_mean, mean_caveats = _mean(ordered)
        caveats.extend(mean_caveats)

    interval = None
    if confidence is not None:
        interval = _median_ci(ordered, confidence, resamples, seed)

    p25, p75, p90 = _spread(ordered)
    return DurationStats(
        name=name,
        spans=spans,
        count=len(ordered),
        approximate=approximate,
        minimum=_seconds(ordered[0]),
        p25=p25,
        median=_seconds(_median(ordered)),
        p75=p75,
        p90=p90,
        maximum=_seconds(ordered[-1]),
        geometric_mean=geometric,
        mean=plain_mean,
        median_ci=interval,
        confidence=None if interval is None else confidence,
        caveats=tuple(caveats),
    )


def _fields(starts: dict[str, None], ends: dict[str, None]) -> str:
    """Name the fields that spans ran between, in the order first met."""
    if not starts:
        return ""
    return f"from {' or '.join(starts)} to {' or '.join(ends)}"


def duration_stats(  # noqa: PLR0913 - the options of one summary, all keywords
    durations: Iterable[Span | timedelta | None],
    *,
    name: str = "",
    mean: bool = False,
    confidence: float | None = 0.95,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> DurationStats:
    """Summarize any durations: spans, timedeltas, or a mix.

    ``None`` stands for a duration that could not be measured (a time not
    recorded) and is left out, never counted as zero. A span resting on an
    approximate time is counted in ``DurationStats.approximate``, and the
    fields the spans run between are named in ``DurationStats.spans``.

    Args:
        durations: The durations, in one pass; a generator is fine.
        name: Which duration they are, kept on the result.
        mean: Whether to add the arithmetic mean; a caveat is attached
            when fewer than 30 durations were recorded or the sample is
            skewed (skewness beyond 1 either way).
        confidence: The level of the bootstrap confidence interval of the
            median, or ``None`` for no interval.
        resamples: How many bootstrap resamples the interval uses.
        seed: The seed of the bootstrap; the same seed gives the same
            interval.

    Returns:
        The summary; every figure is ``None`` when nothing was recorded.

    Raises:
        BlamelessError: If *confidence* is not between 0 and 1, or
            *resamples* is below 1.
    """
    values: list[float] = []
    approximate = 0
    starts: dict[str, None] = {}
    ends: dict[str, None] = {}
    for duration in durations:
        if isinstance(duration, Span):
            approximate += duration.approximate
            starts[duration.start_field] = ends[duration.end_field] = None
            values.append(duration.duration.total_seconds())
        elif duration is not None:
            values.append(duration.total_seconds())
    return summarize(
        values,
        name=name,
        spans=_fields(starts, ends),
        approximate=approximate,
        mean=mean,
        confidence=confidence,
        resamples=resamples,
        seed=seed,
    )

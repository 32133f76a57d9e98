"""Trends across a post-mortem log, by calendar period."""

from __future__ import annotations

import enum
import operator
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo
from itertools import chain, compress
from typing import TYPE_CHECKING, TypeVar

import attrs

from blameless._errors import BlamelessError
from blameless._metrics._columns import (
    BLAST_RADIUS,
    DETECTION,
    FACTORS,
    IMPACTS,
    LATE,
    MISSING,
    NO_DAY,
    NOT_HELD,
    SEVERITIES,
    STATUSES,
    WITHIN,
    Columns,
    bits_to_counts,
    read_columns,
    sorted_finite,
    span_column,
    with_bit,
)
from blameless._metrics._filters import LogFilter
from blameless._metrics._incident import resolve_today
from blameless._metrics._periods import (
    Bounds,
    Period,
    all_bounds,
    as_period,
    key_function,
    zone,
)
from blameless._metrics._presets import DURATIONS, TOTAL, DurationPreset
from blameless._metrics._rows import Row, to_pandas
from blameless._metrics._sections import (
    ActionStats,
    FactorFrequency,
    FactorPair,
    FactorStats,
    ResilienceStats,
    share,
)
from blameless._metrics._stats import (
    RESAMPLES,
    DurationStats,
    LogSum,
    check_options,
    log_sum,
    quantile,
    summarize_ordered,
)
from blameless._metrics._table import LogTable, columns_of, wrap
from blameless._model._actions import ActionStatus
from blameless._model._analysis import (
    EarlierDetection,
    Factor,
    FactorCategory,
    SmallerBlastRadius,
)
from blameless._model._incident import ImpactCategory, Severity
from blameless._model._post_mortem import PostMortem

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PeriodTrend",
    "TrendReport",
    "action_stats",
    "factor_stats",
    "period_trends",
    "resilience_stats",
    "trends",
]

_SEVERITIES: tuple[Severity | None, ...] = (None, *Severity)
_SEVERITY_LABELS = ("unrated", "low", "medium", "high")
_SLOTS = range(len(DURATIONS))


@attrs.frozen(kw_only=True)
class _Options:
    """How a trend is computed; shared by every entry point.

    An entry point passes the options it takes; the others keep the
    defaults of :func:`trends`. The period and the zone may be given by
    name, and ``today`` is the current date in UTC when not given.
    """

    period: Period = attrs.field(default=Period.MONTH, converter=as_period)
    tz: tzinfo = attrs.field(factory=lambda: zone("UTC"), converter=zone)
    preset: DurationPreset = DurationPreset.WORKSHEET
    where: LogFilter | None = None
    today: date = attrs.field(default=None, converter=resolve_today)
    mean: bool = False
    confidence: float | None = 0.95
    by_period_confidence: bool = False
    resamples: int = RESAMPLES
    seed: int = 0
    longest: float = 0.9

    #: The span column of each duration under the preset, in slot order.
    columns: tuple[int, ...] = attrs.field(init=False)
    #: What each duration spans under the preset, in slot order.
    spans: tuple[str, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        check_options(self.confidence, self.resamples)
        # Worked out once here, not once per period and duration.
        preset = self.preset
        columns = tuple(span_column(preset, slot) for slot in _SLOTS)
        spans = tuple(preset.describe(name) for name in DURATIONS)
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "spans", spans)


@attrs.frozen(kw_only=True)
class PeriodTrend:
    """What happened in one calendar period.

    A post-mortem falls in the period that holds the start of its
    incident (its first occurrence, else its detection) in the report's
    time zone. A period in which nothing happened is present, with zero
    counts and empty statistics.

    Args:
        label: The period, such as ``"2025-03"``, ``"2025-W09"``,
            ``"2025-Q1"`` or ``"2025"``.
        start: When the period begins (midnight in the report's zone),
            in UTC.
        end: When the next period begins, in UTC.
        incidents: Post-mortems of incidents that did harm.
        near_misses: Post-mortems of near misses, counted apart and left
            out of every other figure of the period but ``factors``.
        durations: The statistics of each duration, by name, over the
            incidents.
        severities: Incidents by overall severity (the log entry's, else
            the highest of the impacts that apply); ``None`` counts the
            unrated. Every severity is a key.
        impacts: Incidents in which each impact category applies; every
            category is a key.
        factors: Post-mortems, near misses included, with each
            contributing factor checked; every factor is a key.
    """

    label: str
    start: datetime
    end: datetime
    incidents: int
    near_misses: int
    durations: Mapping[str, DurationStats] = attrs.field(hash=False)
    severities: Mapping[Severity | None, int] = attrs.field(hash=False)
    impacts: Mapping[ImpactCategory, int] = attrs.field(hash=False)
    factors: Mapping[Factor, int] = attrs.field(hash=False)

    @property
    def empty(self) -> bool:
        """Whether no post-mortem fell in this period."""
        return not self.incidents and not self.near_misses

    def row(self) -> Row:
        """Return the period as one wide plain row.

        Columns: ``period``, ``start``, ``end``, ``incidents``,
        ``near_misses``, ``severity_<level>`` (``unrated`` included),
        ``impact_<category>``, then for each duration ``<name>_count``,
        ``<name>_median_seconds``, ``<name>_p25_seconds``,
        ``<name>_p75_seconds``, ``<name>_p90_seconds`` and
        ``<name>_geometric_mean_seconds``.
        """
        row: Row = {
            "period": self.label,
            "start": self.start,
            "end": self.end,
            "incidents": self.incidents,
            "near_misses": self.near_misses,
        }
        for severity, label in zip(_SEVERITIES, _SEVERITY_LABELS, strict=True):
            row[f"severity_{label}"] = self.severities[severity]
        for category, count in self.impacts.items():
            row[f"impact_{category.value}"] = count
        for name, stats in self.durations.items():
            flat = stats.row()
            row[f"{name}_count"] = stats.count
            for figure in _WIDE_FIGURES:
                row[f"{name}_{figure}_seconds"] = flat[f"{figure}_seconds"]
        return row


_WIDE_FIGURES = ("median", "p25", "p75", "p90", "geometric_mean")
_PERIOD_HEAD = ("period", "start", "end")


@attrs.frozen(kw_only=True)
class TrendReport:
    """Trends across a post-mortem log: periods, factors, actions.

    Args:
        period: The calendar period counted by.
        tz: The time zone that periods and date filters are read in.
        preset: How the durations were measured.
        as_of: The date that overdue items are judged by.
        where: The filter applied, if any.
        post_mortems: The post-mortems counted (after the filter).
        incidents: Those about incidents that did harm.
        near_misses: Those about near misses.
        undated: Those without a first occurrence or a detection time,
            counted here but in no period.
        durations: The statistics of each duration over every incident
            that did harm, by name.
        periods: Every period from the first to the last, empty ones
            included (from the filter's bounds, when it has them).
        factors: The contributing factors.
        actions: The action items and follow-ups.
        resilience: The answers to the resilience question.
    """

    period: Period
    tz: str
    preset: DurationPreset
    as_of: date
    where: LogFilter | None
    post_mortems: int
    incidents: int
    near_misses: int
    undated: int
    durations: Mapping[str, DurationStats] = attrs.field(hash=False)
    periods: tuple[PeriodTrend, ...]
    factors: FactorStats
    actions: ActionStats
    resilience: ResilienceStats

    def rows(self) -> list[Row]:
        """Return one wide plain row per period.

        See :meth:`PeriodTrend.row` for the columns.
        """
        return [period.row() for period in self.periods]

    def duration_rows(self) -> list[Row]:
        """Return one row per period and duration, with every statistic.

        Columns: ``period``, ``start``, ``end``, then those of
        :meth:`DurationStats.row`.
        """
        return [
            _head(period) | stats.row()
            for period in self.periods
            for stats in period.durations.values()
        ]

    def factor_rows(self) -> list[Row]:
        """Return one row per period and contributing factor.

        Columns: ``period``, ``start``, ``end``, ``factor``,
        ``category``, ``count``.
        """
        return [
            _head(period)
            | {
                "factor": factor.value,
                "category": factor.category.value,
                "count": count,
            }
            for period in self.periods
            for factor, count in period.factors.items()
        ]

    def to_pandas(self) -> pd.DataFrame:
        """Return :meth:`rows` as a pandas DataFrame, one row per period.

        Raises:
            ModuleNotFoundError: If pandas is not installed.
        """
        return to_pandas(self.rows(), _period_columns())


def _head(period: PeriodTrend) -> Row:
    return {"period": period.label, "start": period.start, "end": period.end}


def _period_columns() -> list[str]:
    columns = [*_PERIOD_HEAD, "incidents", "near_misses"]
    columns += [f"severity_{label}" for label in _SEVERITY_LABELS]
    columns += [f"impact_{category.value}" for category in ImpactCategory]
    for name in DURATIONS:
        columns.append(f"{name}_count")
        columns += [f"{name}_{figure}_seconds" for figure in _WIDE_FIGURES]
    return columns


def _stats(  # noqa: PLR0913 - one duration's sample and how to read it
    ordered: Sequence[float],
    logs: LogSum,
    approximate: int,
    slot: int,
    options: _Options,
    *,
    interval: bool,
) -> DurationStats:
    return summarize_ordered(
        ordered,
        name=DURATIONS[slot],
        spans=options.spans[slot],
        approximate=approximate,
        mean=options.mean,
        confidence=options.confidence if interval else None,
        resamples=options.resamples,
        seed=options.seed,
        logs=logs,
    )


def _table(
    log: Iterable[PostMortem] | LogTable,
    options: _Options,
    *,
    actions: bool = True,
) -> LogTable:
    """Return the table of *log*, reading it first unless it is one.

    Without *actions*, a table read here leaves the action items out (it
    never leaves this module): the trends that do not count them skip a
    third of the reading.
    """
    if isinstance(log, LogTable):
        if options.where is not None:
            msg = (
                "where: a LogTable is filtered when it is built; pass the "
                "filter to LogTable.from_log(log, where=...) instead"
            )
            raise BlamelessError(msg)
        return log
    where = options.where
    if where is None:
        return wrap(read_columns(log, actions=actions))
    kept = where.apply(log, options.tz)
    columns = read_columns(kept, actions=actions)
    return wrap(columns, (where, options.tz))


@attrs.frozen
class _Slice:
    """One period: its bounds, its rows, their durations sorted by slot."""

    label: str
    start: datetime
    end: datetime
    low: int
    high: int
    ordered: tuple[array[float], ...]
    logs: tuple[LogSum, ...]


def _slice(
    edges: Bounds, rows: tuple[int, int], data: Columns, options: _Options
) -> _Slice:
    label, start, end = edges
    low, high = rows
    spans = data.spans
    # Kept for the whole log's merge: an array holds a number in 8 bytes
    # where a list holds it in 32.
    ordered = tuple(
        array("d", sorted_finite(spans[column][low:high]))
        for column in options.columns
    )
    logs = tuple(log_sum(values) for values in ordered)
    return _Slice(label, start, end, low, high, ordered, logs)


_Member = TypeVar("_Member", bound=enum.Enum)


def _per_member(
    members: tuple[_Member, ...], masks: Counter[int]
) -> dict[_Member, int]:
    """Count, for each member, the rows whose bit mask holds it.

    Args:
        members: The members, bit 0 first.
        masks: How many rows carry each mask.
    """
    counts = bits_to_counts(masks, len(members))
    return dict(zip(members, counts, strict=True))


def _period(piece: _Slice, data: Columns, options: _Options) -> PeriodTrend:
    low, high = piece.low, piece.high
    harm = data.rows["harm"][low:high]
    incidents = sum(harm)
    interval = options.by_period_confidence
    guessed = data.guesses_in(low, high)
    durations = {
        DURATIONS[slot]: _stats(
            piece.ordered[slot],
            piece.logs[slot],
            with_bit(guessed, column),
            slot,
            options,
            interval=interval,
        )
        for slot, column in enumerate(options.columns)
    }
    severities = Counter(compress(data.rows["severity"][low:high], harm))
    return PeriodTrend(
        label=piece.label,
        start=piece.start,
        end=piece.end,
        incidents=incidents,
        near_misses=high - low - incidents,
        durations=durations,
        severities={
            severity: severities[rank]
            for rank, severity in enumerate(SEVERITIES)
        },
        impacts=_per_member(
            IMPACTS, Counter(compress(data.rows["impacts"][low:high], harm))
        ),
        factors=_per_member(FACTORS, Counter(data.rows["factors"][low:high])),
    )


def _key_span(table: LogTable, options: _Options) -> tuple[int, int] | None:
    key = key_function(options.period, options.tz)
    data = columns_of(table)
    keys = []
    if data.dated:
        keys += [key(data.start_of(0)), key(data.start_of(data.dated - 1))]
    if table.where is not None:
        since, until = table.where_range()
        if since is not None:
            keys.append(key(since))
        if until is not None:
            keys.append(key(until - timedelta(microseconds=1)))
    if not keys:
        return None
    return min(keys), max(keys)


def _slices(table: LogTable, options: _Options) -> list[_Slice]:
    span = _key_span(table, options)
    if span is None:
        return []
    data = columns_of(table)
    periods = all_bounds(options.period, *span, options.tz)
    starts = [data.start_index(start) for _, start, _ in periods]
    # The first period takes the rows before it and the last the rows
    # after it; there are some only at the ends of datetime's range,
    # where a period's key is clamped to the first or last period.
    starts[0] = 0
    ends = [*starts[1:], data.dated]
    return [
        _slice(edges, rows, data, options)
        for edges, rows in zip(
            periods, zip(starts, ends, strict=True), strict=True
        )
    ]


def _overall(
    data: Columns, pieces: list[_Slice], options: _Options
) -> tuple[dict[str, DurationStats], float | None]:
    """Summarize each duration over the whole log.

    Returns:
        The statistics by name, and the total duration at the quantile
        that marks the longest incidents (``None`` without any): the
        whole log's sorted totals are at hand only here.
    """
    guessed = data.guesses_in(0, data.dated)
    durations = {}
    threshold = None
    for slot, column in enumerate(options.columns):
        # One duration at a time, so that one merged sample is held.
        merged = _merged(pieces, slot)
        durations[DURATIONS[slot]] = _stats(
            merged,
            _merged_logs(pieces, slot),
            with_bit(guessed, column),
            slot,
            options,
            interval=True,
        )
        if slot == TOTAL and merged:
            threshold = quantile(merged, options.longest)
    return durations, threshold


def _merged_logs(pieces: list[_Slice], slot: int) -> LogSum:
    """Add up the periods' log sums: the log's own, without a logarithm."""
    logs = [piece.logs[slot] for piece in pieces]
    return sum(total for total, _ in logs), sum(count for _, count in logs)


def _merged(pieces: list[_Slice], slot: int) -> list[float]:
    # Merging the periods' sorted runs costs little more than a copy;
    # sorting the whole column again would cost far more.
    return sorted(chain.from_iterable(piece.ordered[slot] for piece in pieces))


def _pairs(
    masks: Counter[int], counts: list[int], analysed: int
) -> tuple[FactorPair, ...]:
    together: dict[tuple[int, int], int] = {}
    for mask, seen in masks.items():
        bits = [i for i in range(len(FACTORS)) if mask >> i & 1]
        for place, first in enumerate(bits):
            for second in bits[place + 1 :]:
                pair = (first, second)
                together[pair] = together.get(pair, 0) + seen
    pairs = [
        FactorPair(
            first=FACTORS[first],
            second=FACTORS[second],
            count=count,
            lift=count * analysed / (counts[first] * counts[second]),
        )
        for (first, second), count in together.items()
    ]
    pairs.sort(key=lambda pair: (-pair.count, -pair.lift))
    return tuple(pairs)


def _longest(
    data: Columns, options: _Options, threshold: float | None
) -> Counter[int]:
    """Count the factor masks of the incidents at or above *threshold*."""
    if threshold is None:
        return Counter()
    total = data.spans[options.columns[TOTAL]]
    longest = map(
        operator.and_,
        map(threshold.__le__, total),
        map(MISSING.__gt__, total),
    )
    return Counter(compress(data.rows["factors"], longest))


def _factor_stats(
    data: Columns, options: _Options, threshold: float | None
) -> FactorStats:
    """Count the factors; *threshold* marks the longest incidents."""
    masks = Counter(data.rows["factors"])
    counts = bits_to_counts(masks, len(FACTORS))
    analysed = len(data) - masks.get(0, 0)
    longest_masks = _longest(data, options, threshold)
    longest = bits_to_counts(longest_masks, len(FACTORS))
    longest_total = sum(longest_masks.values())
    categories = dict.fromkeys(FactorCategory, 0)
    for mask, seen in masks.items():
        for category in {f.category for f in _factors_of(mask)}:
            categories[category] += seen
    return FactorStats(
        post_mortems=len(data),
        analysed=analysed,
        frequencies=tuple(
            FactorFrequency(
                factor=factor,
                count=count,
                share=share(count, analysed),
                longest=long,
                longest_share=share(long, longest_total),
            )
            for factor, count, long in zip(
                FACTORS, counts, longest, strict=True
            )
        ),
        categories=categories,
        pairs=_pairs(masks, counts, analysed),
        longest_threshold=(
            None if threshold is None else timedelta(seconds=threshold)
        ),
        longest_incidents=longest_total,
    )


def _factors_of(mask: int) -> list[Factor]:
    return [f for i, f in enumerate(FACTORS) if mask >> i & 1]


#: Whether each status code is that of an open item.
_IS_OPEN = tuple(status.is_open for status in STATUSES)


def _action_stats(data: Columns, options: _Options) -> ActionStats:
    # Whole columns, sorted and bisected: a log holds several action
    # items for each post-mortem.
    codes = Counter(data.status)
    today = options.today.toordinal()
    open_dues = list(
        compress(data.due, map(_IS_OPEN.__getitem__, data.status))
    )
    # An open item is overdue when it has a due date and it is past.
    overdue = sum(
        map(
            operator.and_,
            map(today.__gt__, open_dues),
            map(NO_DAY.__lt__, open_dues),
        )
    )
    # Only a completed item of a dated meeting has a number of days.
    days = sorted(filter(NO_DAY.__ne__, data.completed_after))
    completion = [day * 86400.0 for day in days]
    by_status = {status: codes[code] for code, status in enumerate(STATUSES)}
    kept = len(data.status) - by_status[ActionStatus.NOT_DOING]
    follow_ups = Counter(data.rows["follow_up"])
    return ActionStats(
        as_of=options.today,
        post_mortems=len(data),
        items=len(data.status),
        by_status=by_status,
        completion_rate=share(by_status[ActionStatus.COMPLETE], kept),
        overdue=overdue,
        blocked=by_status[ActionStatus.BLOCKED],
        replanned=sum(data.rows["replanned"]),
        time_to_complete=summarize_ordered(
            completion,
            name="time_to_complete",
            spans="from LogEntry.held_on to ActionItem.completed_on",
            approximate=0,
            mean=options.mean,
            confidence=options.confidence,
            resamples=options.resamples,
            seed=options.seed,
        ),
        follow_ups_within_two_weeks=follow_ups[WITHIN],
        follow_ups_late=follow_ups[LATE],
        follow_ups_missing=follow_ups[NOT_HELD],
    )


_CAUGHT = sum(
    1 << DETECTION.index(answer)
    for answer in (EarlierDetection.MONITORING, EarlierDetection.MANUAL_CHECK)
)
_LIMITED = sum(
    1 << BLAST_RADIUS.index(answer)
    for answer in (
        SmallerBlastRadius.CIRCUIT_BREAKER,
        SmallerBlastRadius.ISOLATION,
        SmallerBlastRadius.ROLLBACK,
    )
)


def _resilience_stats(data: Columns) -> ResilienceStats:
    detection = Counter(data.rows["detection"])
    blast = Counter(data.rows["blast_radius"])
    return ResilienceStats(
        post_mortems=len(data),
        detection_answered=len(data) - detection[0],
        detection=_per_member(DETECTION, detection),
        blast_radius_answered=len(data) - blast[0],
        blast_radius=_per_member(BLAST_RADIUS, blast),
        caught_earlier=_matching(detection, _CAUGHT),
        limited_blast_radius=_matching(blast, _LIMITED),
    )


def _matching(masks: Counter[int], bits: int) -> int:
    """Count the rows whose mask has any of *bits*."""
    return sum(seen for mask, seen in masks.items() if mask & bits)


def _report(table: LogTable, options: _Options) -> TrendReport:
    pieces = _slices(table, options)
    data = columns_of(table)
    durations, threshold = _overall(data, pieces, options)
    return TrendReport(
        period=options.period,
        tz=str(options.tz),
        preset=options.preset,
        as_of=options.today,
        where=table.where,
        post_mortems=len(table),
        incidents=table.incidents,
        near_misses=table.near_misses,
        undated=table.undated,
        durations=durations,
        periods=tuple(_period(piece, data, options) for piece in pieces),
        factors=_factor_stats(data, options, threshold),
        actions=_action_stats(data, options),
        resilience=_resilience_stats(data),
    )


def trends(  # noqa: PLR0913 - every option of a trend, all keywords
    log: Iterable[PostMortem] | LogTable,
    *,
    period: Period | str = Period.MONTH,
    tz: str | tzinfo = "UTC",
    preset: DurationPreset = DurationPreset.WORKSHEET,
    where: LogFilter | None = None,
    today: date | None = None,
    mean: bool = False,
    confidence: float | None = 0.95,
    by_period_confidence: bool = False,
    resamples: int = RESAMPLES,
    seed: int = 0,
    longest: float = 0.9,
) -> TrendReport:
    """Compute every trend of a post-mortem log in one pass.

    The log is read once into columns, so a generator is fine: the
    post-mortems are not kept, only about 100 bytes of numbers for each
    (exact percentiles need every duration). To ask several questions of
    one log, read it once with :meth:`LogTable.from_log` and pass the
    table instead.

    Args:
        log: Any iterable of post-mortems, or a :class:`LogTable`.
        period: The calendar period to count by: ``"week"`` (ISO),
            ``"month"``, ``"quarter"`` or ``"year"``.
        tz: The IANA time zone (or a tzinfo) whose calendar the periods
            and date filters follow.
        preset: Where the durations start.
        where: Which post-mortems to count; all of them by default. A
            table is filtered when it is built instead.
        today: The date that overdue items are judged by; the current
            date in UTC when not given.
        mean: Whether to add plain means, with their caveats.
        confidence: The level of the bootstrap confidence interval of each
            overall median, or ``None`` for none.
        by_period_confidence: Whether each period's medians get an
            interval too (it costs a bootstrap per period and duration).
        resamples: Bootstrap resamples per interval.
        seed: The bootstrap seed; the same seed repeats the same result.
        longest: The quantile of the total duration at or above which an
            incident counts among the longest (0.9: the longest tenth).

    Returns:
        The report; every section converts to plain rows.

    Raises:
        BlamelessError: If the period or time zone is unknown, the
            confidence level is not between 0 and 1, or *where* is given
            with a table.
    """
    options = _Options(
        period=period,
        tz=tz,
        preset=preset,
        where=where,
        today=today,
        mean=mean,
        confidence=confidence,
        by_period_confidence=by_period_confidence,
        resamples=resamples,
        seed=seed,
        longest=longest,
    )
    return _report(_table(log, options), options)


def period_trends(  # noqa: PLR0913 - every option of a trend, all keywords
    log: Iterable[PostMortem] | LogTable,
    *,
    period: Period | str = Period.MONTH,
    tz: str | tzinfo = "UTC",
    preset: DurationPreset = DurationPreset.WORKSHEET,
    where: LogFilter | None = None,
    mean: bool = False,
    confidence: float | None = None,
) -> tuple[PeriodTrend, ...]:
    """Compute only the periods of :func:`trends`, a little faster.

    Args:
        log: Any iterable of post-mortems, read once, or a
            :class:`LogTable`.
        period: The calendar period to count by.
        tz: The time zone whose calendar the periods follow.
        preset: Where the durations start.
        where: Which post-mortems to count.
        mean: Whether to add plain means, with their caveats.
        confidence: The level of a bootstrap interval for each period's
            medians, or ``None`` (the default) for none.

    Returns:
        Every period from the first to the last, empty ones included.

    Raises:
        BlamelessError: If the period or time zone is unknown, or *where*
            is given with a table.
    """
    options = _Options(
        period=period,
        tz=tz,
        preset=preset,
        where=where,
        mean=mean,
        confidence=confidence,
        by_period_confidence=confidence is not None,
    )
    table = _table(log, options, actions=False)
    data = columns_of(table)
    return tuple(
        _period(piece, data, options) for piece in _slices(table, options)
    )


def factor_stats(
    log: Iterable[PostMortem] | LogTable,
    *,
    where: LogFilter | None = None,
    preset: DurationPreset = DurationPreset.WORKSHEET,
    longest: float = 0.9,
) -> FactorStats:
    """Count contributing factors across a log, with pairs and lift.

    Args:
        log: Any iterable of post-mortems, read once, or a
            :class:`LogTable`.
        where: Which post-mortems to count.
        preset: How the total duration that ranks the longest incidents
            is measured.
        longest: The quantile of the total duration at or above which an
            incident counts among the longest.

    Returns:
        Frequencies, pairs, and the factors behind the longest incidents.

    Raises:
        BlamelessError: If *where* is given with a table.
    """
    options = _Options(where=where, preset=preset, longest=longest)
    data = columns_of(_table(log, options, actions=False))
    totals = sorted_finite(data.spans[options.columns[TOTAL]])
    threshold = quantile(totals, options.longest) if totals else None
    return _factor_stats(data, options, threshold)


def action_stats(
    log: Iterable[PostMortem] | LogTable,
    *,
    today: date | None = None,
    where: LogFilter | None = None,
) -> ActionStats:
    """Count action items and follow-ups across a log, as of a date.

    Args:
        log: Any iterable of post-mortems, read once, or a
            :class:`LogTable`.
        today: The date that overdue items are judged by; the current
            date in UTC when not given.
        where: Which post-mortems to count.

    Returns:
        Completion, overdue, blocked and re-planned items, the time to
        complete, and follow-ups held within two weeks.

    Raises:
        BlamelessError: If *where* is given with a table.
    """
    options = _Options(where=where, today=today)
    return _action_stats(columns_of(_table(log, options)), options)


def resilience_stats(
    log: Iterable[PostMortem] | LogTable,
    *,
    where: LogFilter | None = None,
) -> ResilienceStats:
    """Count the answers to the resilience question across a log.

    Args:
        log: Any iterable of post-mortems, read once, or a
            :class:`LogTable`.
        where: Which post-mortems to count.

    Returns:
        How often better detection or containment would have helped.

    Raises:
        BlamelessError: If *where* is given with a table.
    """
    options = _Options(where=where)
    table = _table(log, options, actions=False)
    return _resilience_stats(columns_of(table))

"""Time and memory of the trend report, against pandas on flat rows.

For 1,000, 100,000 and 1,000,000 generated post-mortems, held in memory
as model objects, this measures, like for like:

- the baseline: monthly duration statistics computed with pandas from
  flat rows (one dict per post-mortem: start and five durations in
  seconds), timed from the rows to the result, DataFrame included; and,
  beside it, the flattening of the model objects into those rows;
- the library's own flattening, ``LogTable.from_log``, and
  ``period_trends()`` (the same monthly statistics, and more) from that
  table: the figure to set against the baseline;
- ``period_trends()`` and ``trends()`` (the whole report: periods,
  overall durations with bootstrap intervals, factors, actions,
  resilience) from the model objects, reading included: the figures to
  set against pandas with its flattening;
- ``trends()`` over a generator that builds each post-mortem as it is
  read, in a fresh interpreter, to show that memory stays bounded.

Peak memory is the growth of the resident set during the call (the peak
counter of Linux is reset before each call; elsewhere the growth of
``ru_maxrss`` is shown, which reads 0 when an earlier step peaked higher).

Post-mortems are generated with a seeded generator. Parts that carry no
per-incident dates (analyses, impacts, tags) are drawn from small pools
of shared immutable objects, so that a million post-mortems fit in memory
and build in reasonable time; every post-mortem still has its own log
entry, incident report and times, and the metrics read every part.

Run: ``python bench/bench_metrics.py [--sizes 1000,100000,1000000]``.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import math
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import numpy as np
import pandas as pd

from blameless import (
    ActionItem,
    ActionKind,
    ActionReview,
    ActionStatus,
    CausalAnalysis,
    ContributingFactors,
    EarlierDetection,
    Factor,
    FactorCategory,
    FactorChecklist,
    FiveWhys,
    FollowUp,
    Impact,
    ImpactCategory,
    IncidentReport,
    LogEntry,
    PostMortem,
    Resilience,
    Severity,
    SmallerBlastRadius,
    Timestamp,
    Why,
)
from blameless.metrics import (
    DurationStats,
    LogTable,
    period_trends,
    trends,
)

_T = TypeVar("_T")

START = datetime(2016, 1, 1, tzinfo=UTC)
YEARS = 10
OFFSETS = (
    UTC,
    timezone(timedelta(hours=1)),
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=5, minutes=30)),
)
TODAY = date(2026, 1, 1)
STATUSES = tuple(ActionStatus)


def _lognormal(rng: random.Random, minutes: float, sigma: float) -> timedelta:
    return timedelta(minutes=rng.lognormvariate(math.log(minutes), sigma))


def _analysis(rng: random.Random) -> CausalAnalysis:
    def checklist(category: FactorCategory) -> FactorChecklist:
        boxes = Factor.of(category)
        return FactorChecklist(
            checked=rng.sample(boxes, rng.choice((0, 0, 1, 1, 2)))
        )

    detection = rng.choice(
        [
            (),
            (EarlierDetection.MONITORING,),
            (EarlierDetection.MANUAL_CHECK,),
            (EarlierDetection.MONITORING, EarlierDetection.MANUAL_CHECK),
            (EarlierDetection.UNFORESEEABLE,),
            (EarlierDetection.PARTIALLY,),
        ]
    )
    blast = rng.choice(
        [
            (),
            (SmallerBlastRadius.CIRCUIT_BREAKER,),
            (SmallerBlastRadius.ISOLATION, SmallerBlastRadius.ROLLBACK),
            (SmallerBlastRadius.SYSTEM_WIDE,),
        ]
    )
    depth = rng.randint(0, 5)
    return CausalAnalysis(
        trigger="a trigger",
        whys=FiveWhys(
            whys=[Why(level, "because") for level in range(1, depth + 1)]
        ),
        factors=ContributingFactors(
            system=checklist(FactorCategory.SYSTEM),
            process=checklist(FactorCategory.PROCESS),
            assumption=checklist(FactorCategory.ASSUMPTION),
        ),
        resilience=Resilience(
            earlier_detection=detection, smaller_blast_radius=blast
        ),
    )


def _impacts(rng: random.Random) -> tuple[Impact, ...]:
    chosen = rng.sample(list(ImpactCategory), rng.randint(0, 3))
    return tuple(
        Impact(category=category, severity=rng.choice([None, *Severity]))
        for category in chosen
    )


def _actions(
    rng: random.Random, held: date
) -> tuple[tuple[ActionItem, ...], FollowUp]:
    items = []
    for index in range(rng.randint(0, 4)):
        status = rng.choice(STATUSES)
        completed = None
        if status is ActionStatus.COMPLETE:
            completed = held + timedelta(days=rng.randint(-2, 90))
        items.append(
            ActionItem(
                id=f"A{index + 1}",
                kind=rng.choice(
                    (ActionKind.CONTAINMENT, ActionKind.PREVENTION)
                ),
                due=held + timedelta(days=rng.randint(1, 60)),
                status=status,
                completed_on=completed,
            )
        )
    reviews = [
        ActionReview(
            action_id=item.id,
            status=item.status,
            new_due=held + timedelta(days=rng.randint(30, 120))
            if rng.random() < 0.2
            else None,
        )
        for item in items
    ]
    review_date = None
    if rng.random() < 0.8:
        review_date = held + timedelta(days=rng.randint(5, 30))
    return tuple(items), FollowUp(review_date=review_date, reviews=reviews)


def _pool(make: Callable[[], _T], size: int) -> list[_T]:
    return [make() for _ in range(size)]


def _stamp(rng: random.Random, at: datetime) -> Timestamp:
    local = at.astimezone(rng.choice(OFFSETS))
    return Timestamp(local, approximate=rng.random() < 0.1)


def _incident(
    rng: random.Random, impacts: tuple[Impact, ...]
) -> IncidentReport:
    began = START + timedelta(seconds=rng.random() * YEARS * 365.25 * 86400)
    detected = began + _lognormal(rng, 10, 1.5)
    acknowledged = detected + _lognormal(rng, 5, 1.0)
    mitigated = detected + _lognormal(rng, 45, 1.2)
    resolved = mitigated + _lognormal(rng, 120, 1.5)
    return IncidentReport(
        first_occurrence=_stamp(rng, began) if rng.random() < 0.7 else None,
        detected=_stamp(rng, detected),
        acknowledged=_stamp(rng, acknowledged) if rng.random() < 0.8 else None,
        mitigated=_stamp(rng, mitigated) if rng.random() < 0.7 else None,
        resolved=_stamp(rng, resolved) if rng.random() < 0.95 else None,
        impacts=impacts,
    )


def post_mortems(count: int, seed: int = 7) -> Iterator[PostMortem]:
    """Yield *count* post-mortems, reproducibly, one at a time."""
    rng = random.Random(seed)
    analyses = _pool(lambda: _analysis(rng), 500)
    impacts = _pool(lambda: _impacts(rng), 200)
    tags = [
        frozenset(rng.sample(["db", "api", "ui", "auth", "net"], k))
        for k in (0, 1, 1, 2)
    ]
    actions: dict[date, list[tuple[tuple[ActionItem, ...], FollowUp]]] = {}
    for number in range(1, count + 1):
        incident = _incident(rng, rng.choice(impacts))
        assert incident.detected is not None  # noqa: S101 - always drawn
        held = incident.detected.at.date() + timedelta(days=rng.randint(1, 7))
        variants = actions.setdefault(held, [])
        if len(variants) < 4:
            variants.append(_actions(rng, held))
        items, follow_up = rng.choice(variants)
        yield PostMortem(
            log=LogEntry(
                number=number,
                held_on=held,
                severity=rng.choice([None, *Severity]),
                tags=rng.choice(tags),
                near_miss=rng.random() < 0.1,
            ),
            incident=incident,
            analysis=rng.choice(analyses),
            actions=items,
            follow_up=follow_up,
        )


def generate(count: int, seed: int = 7) -> list[PostMortem]:
    """Build *count* post-mortems and hold them in a list."""
    return list(post_mortems(count, seed))


def flat_rows(log: list[PostMortem]) -> list[dict[str, Any]]:
    """Flatten post-mortems to the rows the pandas baseline starts from."""
    rows = []
    for post_mortem in log:
        if post_mortem.log.near_miss:
            continue
        metrics = post_mortem.incident
        start = metrics.first_occurrence or metrics.detected
        row: dict[str, Any] = {"start": None if start is None else start.utc}
        for name in (
            "detection_gap",
            "time_to_acknowledge",
            "time_to_mitigate",
            "time_to_resolve",
            "total_duration",
        ):
            span = getattr(metrics, name)
            row[name] = None if span is None else span.duration.total_seconds()
        rows.append(row)
    return rows


QUANTILES = (0.25, 0.5, 0.75, 0.9)

#: One line per size comparing like with like, printed after the table.
SUMMARY: list[str] = []


def pandas_monthly(rows: list[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    """The baseline: monthly duration statistics with pandas.

    Count, minimum, maximum, the four quantiles (linear interpolation,
    pandas' default and the library's method) and the geometric mean of
    the positive durations, by calendar month in UTC.
    """
    frame = pd.DataFrame(rows)
    frame = frame[frame["start"].notna()]
    month = frame["start"].dt.tz_convert("UTC").dt.tz_localize(None)
    durations = frame.drop(columns=["start"])
    durations["month"] = month.dt.to_period("M")
    grouped = durations.groupby("month")
    result = {
        "count": grouped.count(),
        "min": grouped.min(),
        "max": grouped.max(),
    }
    for fraction in QUANTILES:
        result[f"q{fraction}"] = grouped.quantile(fraction)
    values = durations.drop(columns=["month"])
    logs = values.where(values > 0).apply(np.log)
    logs["month"] = durations["month"]
    result["geometric_mean"] = logs.groupby("month").mean().apply(np.exp)
    return result


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Timing(NamedTuple):
    """The best wall and CPU times of a step, and its peak memory growth."""

    wall: float
    cpu: float
    mib: float


def measure(work: Callable[[], object], repeat: int) -> Timing:
    """Run *work* *repeat* times; keep the best times and the peak growth.

    CPU time is the figure to compare: this machine is shared, and other
    processes stretch wall time far more than the CPU time of this one.
    """
    wall = cpu = math.inf
    growth = 0
    for _ in range(repeat):
        gc.collect()
        before = _rss_kib() if _reset_peak() else _peak_kib()
        began, began_cpu = time.perf_counter(), time.process_time()
        work()
        wall = min(wall, time.perf_counter() - began)
        cpu = min(cpu, time.process_time() - began_cpu)
        growth = max(growth, _peak_kib() - before)
    return Timing(wall, cpu, growth / 1024)


def _sizes(text: str) -> Iterator[int]:
    return (int(size) for size in text.split(","))


#: The library's figure behind each of the baseline's, by result key.
FIGURES = {
    "min": "minimum",
    "q0.25": "p25",
    "q0.5": "median",
    "q0.75": "p75",
    "q0.9": "p90",
    "max": "maximum",
    "geometric_mean": "geometric_mean",
}


def check_same(log: list[PostMortem], result: dict[str, pd.DataFrame]) -> None:
    """Stop if the library and pandas disagree on a monthly statistic.

    Every figure the baseline computes is compared, for every month and
    duration, and the table's result must equal the objects' exactly.
    """
    table = period_trends(LogTable.from_log(log), period="month")
    if table != period_trends(log, period="month"):
        msg = "period_trends differ between the table and the objects"
        raise SystemExit(msg)
    for trend in table:
        month = pd.Period(trend.label, freq="M")
        for name, stats in trend.durations.items():
            # pandas has no row for a month without a duration; ours is
            # there, empty.
            if not stats.count:
                continue
            counted = int(result["count"].at[month, name])  # type: ignore[arg-type]
            if counted != stats.count:
                msg = f"{trend.label} {name}: count {counted}, ours {stats!r}"
                raise SystemExit(msg)
            for key, figure in FIGURES.items():
                _check_figure(result[key].at[month, name], stats, figure)


def _check_figure(theirs: object, stats: DurationStats, figure: str) -> None:
    ours = getattr(stats, figure)
    if ours is None:
        return
    value = float(theirs)  # type: ignore[arg-type]
    # The geometric mean goes through exp(log), so allow its rounding.
    allowed = max(1e-6, abs(value) * 1e-12)
    if abs(value - ours.total_seconds()) > allowed:
        msg = f"{stats.name} {figure}: pandas {value}, ours {ours}"
        raise SystemExit(msg)


def _print(size: int, step: str, timing: Timing, base: Timing) -> None:
    print(
        f"{size:>12,} {step:<30} {timing.wall:>8.3f} {timing.cpu:>8.3f} "
        f"{timing.mib:>9.1f} {timing.cpu / base.cpu:>9.2f}"
    )


def in_memory(size: int) -> dict[str, Timing]:
    """Measure the steps over a log held in a list; print their rows.

    Returns:
        The timing of each step, by name.
    """
    repeat = 5 if size <= 100_000 else 2
    log, built = _built(size)
    # The log lives until the end; frozen, the collector stops walking it.
    gc.freeze()

    flattened, baseline = _pandas_steps(log, repeat)
    steps = {
        "generate (MiB: the log held)": built,
        "flatten to rows (model API)": flattened._replace(mib=math.nan),
        "pandas monthly from rows": baseline,
        "pandas incl. flattening": _sum(flattened, baseline),
    }
    steps.update(_library_steps(log, repeat))
    for step, timing in steps.items():
        _print(size, step, timing, baseline)
    _summarize(size, steps)

    gc.unfreeze()
    return steps


def _library_steps(log: list[PostMortem], repeat: int) -> dict[str, Timing]:
    """Time the library's steps, from the objects and from a table."""
    table = LogTable.from_log(log)
    return {
        "LogTable.from_log (flatten)": measure(
            lambda: LogTable.from_log(log), repeat
        ),
        "period_trends from the table": measure(
            lambda: period_trends(table, period="month"), repeat
        ),
        "period_trends from objects": measure(
            lambda: period_trends(log, period="month"), repeat
        ),
        "trends from the table": measure(
            lambda: trends(table, period="month", today=TODAY), repeat
        ),
        "trends from objects": measure(
            lambda: trends(log, period="month", today=TODAY), repeat
        ),
    }


def _summarize(size: int, steps: dict[str, Timing]) -> None:
    """Keep the like-for-like comparison of one size, printed at the end."""
    from_table = steps["period_trends from the table"].cpu
    baseline = steps["pandas monthly from rows"].cpu
    monthly = steps["period_trends from objects"].cpu
    both = steps["pandas incl. flattening"].cpu
    SUMMARY.append(
        f"{size:>12,} monthly statistics, from flat data: library "
        f"{from_table:.3f} s, pandas {baseline:.3f} s "
        f"(x{from_table / baseline:.2f}); from model objects: "
        f"library {monthly:.3f} s, pandas {both:.3f} s "
        f"(x{monthly / both:.2f})"
    )


def _built(size: int) -> tuple[list[PostMortem], Timing]:
    """Generate a log of *size*; time it and measure the memory it holds."""
    # Building a million objects with the collector running takes several
    # times longer, for nothing: none of them is garbage.
    gc.disable()
    before = _rss_kib()
    began, began_cpu = time.perf_counter(), time.process_time()
    log = generate(size)
    built = Timing(
        time.perf_counter() - began,
        time.process_time() - began_cpu,
        (_rss_kib() - before) / 1024,
    )
    gc.enable()
    return log, built


def _pandas_steps(log: list[PostMortem], repeat: int) -> tuple[Timing, Timing]:
    """Time the flattening into rows and the pandas baseline over them.

    The baseline's result is compared with the library's first, so that
    the two are timed doing the same work.
    """
    flattened = measure(lambda: flat_rows(log), 1)
    rows = flat_rows(log)
    check_same(log, pandas_monthly(rows))
    baseline = measure(lambda: pandas_monthly(rows), repeat)
    return flattened, baseline


def _sum(first: Timing, second: Timing) -> Timing:
    """Return the times of two steps run one after the other.

    Their peak memory growths do not add up, so the sum shows none.
    """
    return Timing(first.wall + second.wall, first.cpu + second.cpu, math.nan)


def streamed(size: int) -> Timing:
    """Measure the report over a generator, in a fresh interpreter.

    The post-mortems are built while the report reads them and dropped
    after, so the peak memory is the report's own (one number per
    duration), not the log's. A fresh interpreter keeps the memory freed
    by the earlier steps from hiding the growth.
    """
    command = [sys.executable, __file__, "--stream", str(size)]
    done = subprocess.run(  # noqa: S603 - this script, by its own path
        command, capture_output=True, text=True, check=True
    )
    wall, cpu, mib = (float(part) for part in done.stdout.split())
    return Timing(wall, cpu, mib)


def stream(size: int) -> None:
    """Print the timing of the report over a generator of *size*."""
    timing = measure(
        lambda: trends(post_mortems(size), period="month", today=TODAY), 1
    )
    print(timing.wall, timing.cpu, timing.mib)


def run(size: int) -> dict[str, Timing]:
    """Measure every step for one size; return each step's timing."""
    steps = in_memory(size)
    baseline = steps["pandas monthly from rows"]
    _print(size, "trends, generator (+ building)", streamed(size), baseline)
    return steps


def main() -> None:
    """Build each log, time each computation, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument("--stream", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.stream:
        stream(arguments.stream)
        return
    header = (
        f"{'post-mortems':>12} {'step':<30} {'wall s':>8} {'CPU s':>8} "
        f"{'peak MiB':>9} {'CPU/pandas':>9}"
    )
    print(header)
    print("-" * len(header))
    steps_per_size = {size: run(size) for size in _sizes(arguments.sizes)}
    print()
    print("\n".join(SUMMARY))
    _growth(steps_per_size)
    sys.stdout.flush()


#: The steps whose growth with the log is printed.
GROWING = (
    "LogTable.from_log (flatten)",
    "period_trends from the table",
    "period_trends from objects",
    "trends from the table",
    "trends from objects",
)


def _growth(steps_per_size: dict[int, dict[str, Timing]]) -> None:
    """Print how each library step's CPU time grows with the log."""
    sizes = sorted(steps_per_size)
    for small, large in itertools.pairwise(sizes):
        print(f"{small:,} -> {large:,} post-mortems (x{large / small:.0f}):")
        for step in GROWING:
            before = steps_per_size[small][step].cpu
            after = steps_per_size[large][step].cpu
            print(f"    {step:<30} x{after / before:.1f} CPU time")


if __name__ == "__main__":
    main()

"""The columns of a post-mortem log: how they are encoded and read.

Trends read each post-mortem once, into :class:`Columns`: one row per
post-mortem, one typed array per column, rows in the order their
incidents began. Everything after that works on whole columns with the
interpreter's C loops (slicing, sorting, counting), so a trend costs a
fraction of a pass over the model objects once the columns are read.

Enum members are stored as small integers and sets of them as bit masks:
an enum's own hash is computed in Python on every lookup, and a mask
costs one machine word.
"""

from __future__ import annotations

import enum
import functools
import math
import operator
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from itertools import compress, islice
from operator import itemgetter
from typing import Any, Final

from blameless._metrics._periods import FIRST_INSTANT, LAST_INSTANT
from blameless._metrics._presets import DurationPreset
from blameless._model._actions import ActionStatus
from blameless._model._analysis import (
    EarlierDetection,
    Factor,
    SmallerBlastRadius,
)
from blameless._model._incident import (
    ImpactCategory,
    IncidentReport,
    Severity,
)
from blameless._model._post_mortem import PostMortem
from blameless._model._time import Timestamp

__all__ = [
    "BLAST_RADIUS",
    "DETECTION",
    "FACTORS",
    "IMPACTS",
    "LATE",
    "MISSING",
    "NOT_HELD",
    "NO_DAY",
    "SEVERITIES",
    "SPANS",
    "STATUSES",
    "UNKNOWN",
    "WITHIN",
    "Columns",
    "bits_to_counts",
    "read_columns",
    "sorted_finite",
    "span_column",
    "with_bit",
]

#: Every checklist box, in the worksheet's order; bit i of a mask is
#: ``FACTORS[i]``.
FACTORS: Final = tuple(Factor)
IMPACTS: Final = tuple(ImpactCategory)
DETECTION: Final = tuple(EarlierDetection)
BLAST_RADIUS: Final = tuple(SmallerBlastRadius)
#: Action statuses, by their code in the table.
STATUSES: Final = tuple(ActionStatus)
#: Overall severities, by rank: unrated first, then low to high.
SEVERITIES: Final[tuple[Severity | None, ...]] = (None, *Severity)

#: A duration that was not measured: no time recorded, or a near miss.
#: Infinity sorts after every real duration, so a sorted column ends with
#: its missing values and ``bisect`` finds where they begin.
MISSING: Final = math.inf

#: The start of a post-mortem whose incident has no recorded start; it
#: sorts after every real instant, so undated rows come last.
_UNDATED: Final = 2**63 - 1
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND: Final = timedelta(microseconds=1)
#: An action item with no due date, or not completed.
NO_DAY: Final = -(2**31)

#: The worksheet asks for the follow-up within two weeks of the meeting.
FOLLOW_UP_DAYS: Final = 14
#: Follow-up codes of a row: held within two weeks, held later, not held,
#: and "the meeting has no date", which is not counted.
WITHIN, LATE, NOT_HELD, UNKNOWN = range(4)

# The times of an incident, and the start of its impact (the first
# occurrence, else the detection), by their index in a span below.
_FIRST, _DETECTED, _ACKNOWLEDGED, _MITIGATED, _RESOLVED, _START = range(6)

#: Every distinct duration that some preset measures, as (start, end).
SPANS: Final = (
    (_FIRST, _DETECTED),
    (_DETECTED, _ACKNOWLEDGED),
    (_DETECTED, _MITIGATED),
    (_DETECTED, _RESOLVED),
    (_START, _ACKNOWLEDGED),
    (_START, _MITIGATED),
    (_START, _RESOLVED),
)
_IMPACT_START = (_FIRST, _DETECTED)

_COMPLETE: Final = ActionStatus.COMPLETE
# Keyed by the members' values: their hashes are cached strings, where an
# enum member's own hash runs Python code on every lookup.
_STATUS_CODE = {status.value: code for code, status in enumerate(STATUSES)}
_RANK = {severity.value: rank for rank, severity in enumerate(Severity, 1)}
_FACTOR_BIT = {item.value: 1 << index for index, item in enumerate(FACTORS)}
_IMPACT_BIT = {item.value: 1 << index for index, item in enumerate(IMPACTS)}
_DETECTION_BIT = {
    item.value: 1 << index for index, item in enumerate(DETECTION)
}
_BLAST_BIT = {
    item.value: 1 << index for index, item in enumerate(BLAST_RADIUS)
}


@functools.cache
def span_column(preset: DurationPreset, slot: int) -> int:
    """Return which of :data:`SPANS` measures duration *slot* of *preset*.

    Args:
        preset: How the durations are measured.
        slot: The position of the duration in
            :data:`~blameless.metrics.DURATIONS`.
    """
    starts, end = preset.rules[slot]
    start = _START if starts == _IMPACT_START else starts[0]
    return SPANS.index((start, end))


def with_bit(patterns: Counter[int], bit: int) -> int:
    """Count the rows whose pattern has bit number *bit* set.

    Args:
        patterns: How many rows carry each bit pattern.
        bit: The position of the bit, lowest 0.
    """
    return sum(
        seen for pattern, seen in patterns.items() if pattern >> bit & 1
    )


def bits_to_counts(masks: dict[int, int], width: int) -> list[int]:
    """Turn counts of bit masks into a count per bit, lowest bit first.

    Args:
        masks: How many rows carry each mask.
        width: How many bits there are.
    """
    counts = [0] * width
    for mask, seen in masks.items():
        for index in _positions(mask):
            counts[index] += seen
    return counts


@functools.lru_cache(maxsize=4096)
def _positions(mask: int) -> tuple[int, ...]:
    """Return the positions of the set bits of *mask*, lowest first."""
    positions = []
    rest = mask
    while rest:
        lowest = rest & -rest
        positions.append(lowest.bit_length() - 1)
        rest ^= lowest
    return tuple(positions)


def _mask(members: Iterable[enum.Enum], bits: dict[str, int]) -> int:
    mask = 0
    for member in members:
        mask |= bits[member._value_]
    return mask


def _guessed(
    times: tuple[Timestamp | None, ...], spans: tuple[float, ...]
) -> int:
    """Return a bit per measured span that rests on an approximate time."""
    bits = 0
    for index, (start, end) in enumerate(SPANS):
        if spans[index] == MISSING:
            continue
        for at in (times[start], times[end]):
            if at is not None and at.approximate:
                bits |= 1 << index
    return bits


#: The row columns that are sorted by start, but for the factors.
_SORTED = ("number", "start", "harm", "approximate", "severity", "impacts")
_SORTED_TYPES = ("q", "q", "B", "B", "B", "I")
_NUMBER, _START_AT, _HARM, _GUESSES, _SEVERITY, _IMPACTS = range(6)
#: Rows are read into stretches of 2**44 microseconds (about 200 days),
#: each sorted on its own: a stretch is small enough to stay in the
#: processor's cache, where sorting the whole log at once would jump
#: around memory for every value of every column.
_STRETCH_BITS = 44


class _Stretch:
    """The row columns of one stretch of time, in reading order."""

    __slots__ = ("append", "append_spans", "columns", "factors", "spans")

    def __init__(self) -> None:
        self.columns = [array(code) for code in _SORTED_TYPES]
        self.factors = array("Q")
        self.spans = [array("d") for _ in SPANS]
        self.append = [column.append for column in self.columns]
        self.append_spans = [column.append for column in self.spans]

    def sorted_columns(self) -> list[array[Any]]:
        """Return every column of the stretch, its rows sorted by start."""
        columns: list[array[Any]] = [*self.columns, self.factors, *self.spans]
        start = self.columns[_START_AT]
        if all(map(operator.le, start, islice(start, 1, None))):
            return columns
        order = sorted(range(len(start)), key=start.__getitem__)
        # One getter picks a whole column in one call: several times
        # faster than mapping over the order.
        pick = itemgetter(*order)
        return [array(column.typecode, pick(column)) for column in columns]


class _Builder:
    """Reads post-mortems into the columns of a table.

    This is the one pass over the model objects that every trend makes,
    so its steps are spelled out and its appends bound once.
    """

    def __init__(self, *, actions: bool = True) -> None:
        self.stretches: dict[int, _Stretch] = {}
        self.detection = array("B")
        self.blast_radius = array("B")
        self.follow_up = array("B")
        self.replanned = array("I")
        self.status = array("B")
        self.due = array("i")
        self.completed_after = array("i")
        self._actions = actions

    def read(self, log: Iterable[PostMortem]) -> None:
        """Append each post-mortem of *log* as a row, with its actions."""
        stretches = self.stretches
        detection = self.detection.append
        blast = self.blast_radius.append
        add_times = self._add_times
        add_actions = (
            self._add_actions if self._actions else self._add_no_actions
        )
        for post_mortem in log:
            incident = post_mortem.incident
            begun = incident.first_occurrence or incident.detected
            micro = (
                _UNDATED
                if begun is None
                else (begun.at - _EPOCH) // _MICROSECOND
            )
            key = micro >> _STRETCH_BITS
            stretch = stretches.get(key) or stretches.setdefault(
                key, _Stretch()
            )
            append = stretch.append
            entry = post_mortem.log
            append[_NUMBER](entry.number or 0)
            append[_START_AT](micro)
            append[_HARM](not entry.near_miss)
            if begun is None or entry.near_miss:
                # A near miss did no harm, so it has no durations to
                # count; it still belongs to the period in which it began.
                append[_GUESSES](0)
                for append_span in stretch.append_spans:
                    append_span(MISSING)
            else:
                add_times(incident, begun, stretch)
            _add_severity(post_mortem, append)
            analysis = post_mortem.analysis
            checklists = analysis.factors
            mask = 0
            for checklist in (
                checklists.system,
                checklists.process,
                checklists.assumption,
            ):
                for factor in checklist.checked:
                    mask |= _FACTOR_BIT[factor._value_]
            stretch.factors.append(mask)
            resilience = analysis.resilience
            detection(_mask(resilience.earlier_detection, _DETECTION_BIT))
            blast(_mask(resilience.smaller_blast_radius, _BLAST_BIT))
            add_actions(post_mortem)

    def _add_times(
        self, incident: IncidentReport, begun: Timestamp, stretch: _Stretch
    ) -> None:
        """Append the seven spans of an incident and its guesses."""
        first = incident.first_occurrence
        detected = incident.detected
        base = begun.at
        # Each time is measured once from the start of the impact, and
        # every span is a difference of two of those numbers.
        acknowledged = incident.acknowledged
        mitigated = incident.mitigated
        resolved = incident.resolved
        to_acknowledge = to_mitigate = to_resolve = MISSING
        if acknowledged is not None:
            to_acknowledge = (acknowledged.at - base).total_seconds()
        if mitigated is not None:
            to_mitigate = (mitigated.at - base).total_seconds()
        if resolved is not None:
            to_resolve = (resolved.at - base).total_seconds()
        gap = detect = MISSING
        if detected is not None:
            detect = (detected.at - base).total_seconds()
            if first is not None:
                gap = detect
        # MISSING minus a finite number stays MISSING; a missing detection
        # (-MISSING here) makes every span from it MISSING too.
        since = -MISSING if detect == MISSING else detect
        spans = (
            gap,
            to_acknowledge - since,
            to_mitigate - since,
            to_resolve - since,
            to_acknowledge,
            to_mitigate,
            to_resolve,
        )
        for append_span, value in zip(
            stretch.append_spans, spans, strict=True
        ):
            append_span(value)
        # Guesses are rare, so one cheap test spares most rows the rest.
        if (
            begun.approximate
            or (detected is not None and detected.approximate)
            or (acknowledged is not None and acknowledged.approximate)
            or (mitigated is not None and mitigated.approximate)
            or (resolved is not None and resolved.approximate)
        ):
            times = (first, detected, acknowledged, mitigated, resolved, begun)
            stretch.append[_GUESSES](_guessed(times, spans))
        else:
            stretch.append[_GUESSES](0)

    def _add_no_actions(self, _: PostMortem) -> None:
        """Append placeholders where the actions' row columns go."""
        self.follow_up.append(UNKNOWN)
        self.replanned.append(0)

    def _add_actions(self, post_mortem: PostMortem) -> None:
        """Append the action items, the follow-up and the re-plans."""
        held = post_mortem.log.held_on
        follow_up = post_mortem.follow_up
        review = follow_up.review_date
        if held is None:
            self.follow_up.append(UNKNOWN)
        elif review is None:
            self.follow_up.append(NOT_HELD)
        else:
            days = (review - held).days
            self.follow_up.append(WITHIN if days <= FOLLOW_UP_DAYS else LATE)
        # Most reviews keep the due date, so the map of new ones is made
        # only when one is met.
        new_due: dict[str, date] | None = None
        for review_of_item in follow_up.reviews:
            if review_of_item.new_due is not None:
                if new_due is None:
                    new_due = {}
                new_due[review_of_item.action_id] = review_of_item.new_due
        self.replanned.append(len(new_due) if new_due else 0)
        actions = post_mortem.actions
        if not actions:
            return

        status_append = self.status.append
        due_append = self.due.append
        completed_append = self.completed_after.append
        for item in actions:
            status = item.status
            status_append(_STATUS_CODE[status._value_])
            due = new_due.get(item.id, item.due) if new_due else item.due
            due_append(NO_DAY if due is None else due.toordinal())
            completed = item.completed_on
            if completed is None or held is None or status is not _COMPLETE:
                completed_append(NO_DAY)
            else:
                completed_append((completed - held).days)

    def columns(self) -> Columns:
        """Join the stretches in order of time, each sorted; return them."""
        codes = (*_SORTED_TYPES, "Q", *("d" for _ in SPANS))
        sorted_columns: list[array[Any]] = [array(code) for code in codes]
        for key in sorted(self.stretches):
            # Taken out as it is joined, so that a stretch's memory is
            # given back before the next one is sorted.
            stretch = self.stretches.pop(key)
            for joined, column in zip(
                sorted_columns, stretch.sorted_columns(), strict=True
            ):
                joined.extend(column)
        rows: dict[str, array[int]] = dict(
            zip(_SORTED, sorted_columns, strict=False)
        )
        rows["factors"] = sorted_columns[len(_SORTED)]
        rows["detection"] = self.detection
        rows["blast_radius"] = self.blast_radius
        rows["follow_up"] = self.follow_up
        rows["replanned"] = self.replanned
        spans: list[array[float]] = list(sorted_columns[len(_SORTED) + 1 :])
        return Columns(rows, spans, self)


def _add_severity(
    post_mortem: PostMortem, append: list[Callable[[int], None]]
) -> None:
    """Append the overall severity and the impact categories of a row."""
    worst = 0
    categories = 0
    for impact in post_mortem.incident.impacts:
        if impact.applies:
            categories |= _IMPACT_BIT[impact.category._value_]
            severity = impact.severity
            if severity is not None:
                worst = max(worst, _RANK[severity._value_])
    overall = post_mortem.log.severity
    if overall is not None:
        worst = _RANK[overall._value_]
    append[_SEVERITY](worst)
    append[_IMPACTS](categories)


class Columns:
    """The arrays of a read log, and the questions trends ask of them.

    Rows are sorted by start, undated rows last, except in the columns
    that only whole-log counts read (``detection``, ``blast_radius``,
    ``follow_up``, ``replanned``), which keep the reading order. Per row,
    in :attr:`rows`:

    - ``number``: the log number, 0 for a draft without one;
    - ``start``: microseconds from 1970 in UTC to the start of the
      impact, or a value above every instant when there is none;
    - ``harm``: 1 for an incident that did harm, 0 for a near miss;
    - ``approximate``: bit i set when span i of :data:`SPANS` was
      measured and rests on an approximate time;
    - ``severity``: the index in :data:`SEVERITIES` of the overall one;
    - ``impacts``, ``factors``, ``detection``, ``blast_radius``: bit
      masks over :data:`IMPACTS` (those that apply), :data:`FACTORS`,
      :data:`DETECTION` and :data:`BLAST_RADIUS`;
    - ``follow_up``: :data:`WITHIN`, :data:`LATE`, :data:`NOT_HELD`, or
      :data:`UNKNOWN` for a meeting without a date;
    - ``replanned``: how many items the follow-up gave a new due date.

    :attr:`spans` holds the seven spans of :data:`SPANS` in seconds, or
    :data:`MISSING` (always for a near miss). Each action item, in
    reading order, has a code in :data:`STATUSES`, the ordinal of its
    (re-planned) due date and the days from the meeting to its
    completion, both :data:`NO_DAY` when absent.
    """

    __slots__ = (
        "approximate_rows",
        "completed_after",
        "dated",
        "due",
        "guesses",
        "rows",
        "spans",
        "status",
    )

    def __init__(
        self,
        rows: dict[str, array[int]],
        spans: list[array[float]],
        builder: _Builder,
    ) -> None:
        self.rows = rows
        self.spans = spans
        self.status = builder.status
        self.due = builder.due
        self.completed_after = builder.completed_after
        #: How many rows have a start; they come first.
        self.dated = bisect_left(self.rows["start"], _UNDATED)
        approximate = self.rows["approximate"]
        # The rows with a guessed span, and their bits: few in a real log.
        self.approximate_rows = array(
            "Q", compress(range(len(approximate)), approximate)
        )
        self.guesses = array(approximate.typecode, filter(None, approximate))

    def __len__(self) -> int:
        return len(self.rows["number"])

    def start_index(self, at: datetime) -> int:
        """Return the first dated row that began at or after *at*."""
        micro = (at - _EPOCH) // _MICROSECOND
        return bisect_left(self.rows["start"], micro, 0, self.dated)

    def start_of(self, row: int) -> datetime:
        """Return the start of a dated row's incident, in UTC.

        A start outside the years 1 to 9999 in UTC (the first hours of
        the year 1 east of Greenwich, the last of 9999 west of it) is
        clamped to the first or last instant that datetime holds.
        """
        micro = self.rows["start"][row]
        try:
            return _EPOCH + micro * _MICROSECOND
        except OverflowError:
            return FIRST_INSTANT if micro < 0 else LAST_INSTANT

    def guesses_in(self, low: int, high: int) -> Counter[int]:
        """Count the rows in ``[low, high)`` by their ``approximate`` bits.

        Only rows with a guessed span are looked at; they are few in a
        real log, and their bit patterns fewer still.
        """
        rows = self.approximate_rows
        first = bisect_left(rows, low)
        last = bisect_left(rows, high, first)
        return Counter(self.guesses[first:last])

    def actions(self) -> Iterator[tuple[int, int, int]]:
        """Yield each action item as (status code, due day, completed after).

        The due day is the date's ordinal (the re-planned due date when
        the follow-up set one); it and the days from the meeting to the
        completion are :data:`NO_DAY` when absent.
        """
        return zip(self.status, self.due, self.completed_after, strict=True)


def read_columns(
    log: Iterable[PostMortem], *, actions: bool = True
) -> Columns:
    """Read a log into columns, in one pass.

    Args:
        log: Any iterable of post-mortems.
        actions: Whether to read the action items (left empty if not).
    """
    builder = _Builder(actions=actions)
    builder.read(log)
    return builder.columns()


def sorted_finite(values: Sequence[float]) -> list[float]:
    """Return the measured values of a span column slice, sorted."""
    ordered = sorted(values)
    return ordered[: bisect_left(ordered, MISSING)]

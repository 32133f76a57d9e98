"""One pass over a log, gathering everything the trends are built from.

This is the hot loop of the trend report: it touches every post-mortem
once and keeps only counts and the durations in seconds (8 bytes each in
an array), never the post-mortems. Enum members are counted by their
string values, whose hashes Python caches, because an enum's own hash is
computed in Python on every lookup.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from datetime import date, datetime

from blameless._metrics._presets import DURATIONS, DurationPreset
from blameless._model._actions import ActionStatus
from blameless._model._analysis import (
    EarlierDetection,
    Factor,
    SmallerBlastRadius,
)
from blameless._model._follow_up import FollowUp
from blameless._model._incident import IncidentReport, Severity
from blameless._model._post_mortem import PostMortem

__all__ = [
    "BITS",
    "FACTORS",
    "TOTAL",
    "Bucket",
    "Collector",
    "masks_to_counts",
]

#: Every checklist box, in the worksheet's order.
FACTORS = tuple(Factor)

#: The bit of each box in a post-mortem's factor mask, by its value.
BITS = {factor.value: 1 << index for index, factor in enumerate(FACTORS)}

#: The slot of the total duration among the durations gathered.
TOTAL = DURATIONS.index("total_duration")
_RANK = {severity.value: severity.rank for severity in Severity}
_OPEN = frozenset(status.value for status in ActionStatus if status.is_open)
_YES_DETECTION = frozenset(
    {EarlierDetection.MONITORING.value, EarlierDetection.MANUAL_CHECK.value}
)
_YES_CONTAINMENT = frozenset(
    {
        SmallerBlastRadius.CIRCUIT_BREAKER.value,
        SmallerBlastRadius.ISOLATION.value,
        SmallerBlastRadius.ROLLBACK.value,
    }
)
#: The worksheet asks for the follow-up within two weeks of the meeting.
FOLLOW_UP_DAYS = 14


def masks_to_counts(masks: dict[int, int]) -> list[int]:
    """Turn counts of factor masks into a count per box, in order."""
    counts = [0] * len(FACTORS)
    for mask, seen in masks.items():
        rest = mask
        while rest:
            lowest = rest & -rest
            counts[lowest.bit_length() - 1] += seen
            rest ^= lowest
    return counts


class Bucket:
    """What one period (or the undated post-mortems) gathered."""

    __slots__ = (
        "approximate",
        "impacts",
        "incidents",
        "masks",
        "near_misses",
        "severities",
        "values",
    )

    def __init__(self) -> None:
        self.incidents = 0
        self.near_misses = 0
        # Eight bytes a number, where a list would hold 32 in float objects.
        self.values = [array("d") for _ in DURATIONS]
        self.approximate = [0] * len(DURATIONS)
        # By rank: 0 for unrated, then 1 (low) to 3 (high).
        self.severities: dict[int, int] = {}
        self.impacts: dict[str, int] = {}
        self.masks: dict[int, int] = {}


class Collector:
    """Gathers, in one pass, the raw material of every trend section.

    Args:
        preset: How durations are measured.
        key: The period key of an instant, or ``None`` to keep no periods.
        keep: Whether a post-mortem passes the filter.
        today: The date that overdue items are judged by.
        factors: Whether to gather the factor section.
        actions: Whether to gather the action section.
        resilience: Whether to gather the resilience section.
    """

    def __init__(  # noqa: PLR0913 - the switches of one pass
        self,
        *,
        preset: DurationPreset,
        key: Callable[[datetime], int],
        keep: Callable[[PostMortem], bool] | None,
        today: date,
        factors: bool,
        actions: bool,
        resilience: bool,
    ) -> None:
        self._rules = [
            (slot, starts[0], starts[1] if len(starts) > 1 else -1, end)
            for slot, (starts, end) in enumerate(preset.rules)
        ]
        self._key = key
        self._keep = keep
        self.today = today
        self._factors = factors
        self._actions = actions
        self._resilience = resilience

        self.count = 0
        self.buckets: dict[int, Bucket] = {}
        self.undated = Bucket()
        self.masks: dict[int, int] = {}
        self.longest_values = array("d")
        self.longest_masks = array("q")
        self.by_status: dict[str, int] = {}
        self.replanned = 0
        self.overdue = 0
        self.completion_days = array("d")
        self.follow_ups = [0, 0, 0]
        self.detection: dict[str, int] = {}
        self.blast_radius: dict[str, int] = {}
        self.resilience_counts = [0, 0, 0, 0]

    def run(self, log: Iterable[PostMortem]) -> Collector:
        """Gather every post-mortem of *log* that passes the filter.

        Each bucket's durations are sorted at the end, once, and kept in
        arrays: the period's statistics read them, and the log's
        statistics merge them (a sort of sorted runs costs little more
        than a copy).
        """
        keep = self._keep
        add = self._add
        for post_mortem in log if keep is None else filter(keep, log):
            add(post_mortem)
        for bucket in (*self.buckets.values(), self.undated):
            bucket.values = [
                array("d", sorted(values)) for values in bucket.values
            ]
        return self

    def _add(self, post_mortem: PostMortem) -> None:
        self.count += 1
        incident = post_mortem.incident
        start = incident.first_occurrence or incident.detected
        if start is None:
            bucket = self.undated
        else:
            key = self._key(start.at)
            bucket = self.buckets.get(key) or self.buckets.setdefault(
                key, Bucket()
            )

        factors = post_mortem.analysis.factors
        mask = 0
        for checklist in (factors.system, factors.process, factors.assumption):
            for factor in checklist.checked:
                mask |= BITS[factor._value_]
        masks = bucket.masks
        masks[mask] = masks.get(mask, 0) + 1

        if post_mortem.log.near_miss:
            bucket.near_misses += 1
        else:
            bucket.incidents += 1
            total = None
            if start is not None:
                total = self._durations(incident, start.at, bucket)
            self._severity(post_mortem, bucket)
            if total is not None and self._factors:
                self.longest_values.append(total)
                self.longest_masks.append(mask)
        if self._factors:
            self.masks[mask] = self.masks.get(mask, 0) + 1
        if self._actions:
            self._add_actions(post_mortem)
        if self._resilience:
            self._add_resilience(post_mortem)

    def _durations(
        self, incident: IncidentReport, base: datetime, bucket: Bucket
    ) -> float | None:
        """Add the durations of *incident* to *bucket*; return its total."""
        seconds, approximate = _offsets(incident, base)
        values = bucket.values
        total = None
        for slot, start_index, fallback, end_index in self._rules:
            end = seconds[end_index]
            if end is None:
                continue
            begin = start_index
            start = seconds[begin]
            if start is None:
                if fallback < 0:
                    continue
                begin = fallback
                start = seconds[begin]
                if start is None:
                    continue
            values[slot].append(end - start)
            if approximate[begin] or approximate[end_index]:
                bucket.approximate[slot] += 1
            if slot == TOTAL:
                total = end - start
        return total

    def _severity(self, post_mortem: PostMortem, bucket: Bucket) -> None:
        worst = 0
        impacts = bucket.impacts
        for impact in post_mortem.incident.impacts:
            if impact.applies:
                category = impact.category._value_
                impacts[category] = impacts.get(category, 0) + 1
                severity = impact.severity
                if severity is not None:
                    worst = max(worst, _RANK[severity._value_])
        overall = post_mortem.log.severity
        if overall is not None:
            worst = _RANK[overall._value_]
        severities = bucket.severities
        severities[worst] = severities.get(worst, 0) + 1

    def _add_actions(self, post_mortem: PostMortem) -> None:
        held = post_mortem.log.held_on
        follow_up = post_mortem.follow_up
        if held is not None:
            review = follow_up.review_date
            if review is None:
                self.follow_ups[2] += 1
            elif (review - held).days <= FOLLOW_UP_DAYS:
                self.follow_ups[0] += 1
            else:
                self.follow_ups[1] += 1
        actions = post_mortem.actions
        if not actions:
            return

        new_due = _new_due(follow_up)
        self.replanned += len(new_due)
        today = self.today
        by_status = self.by_status
        for item in actions:
            status = item.status._value_
            by_status[status] = by_status.get(status, 0) + 1
            if status in _OPEN:
                due = new_due.get(item.id, item.due) if new_due else item.due
                if due is not None and due < today:
                    self.overdue += 1
            elif status == "complete" and held is not None:
                completed = item.completed_on
                if completed is not None:
                    days = (completed - held).days
                    self.completion_days.append(days * 86400.0)

    def _add_resilience(self, post_mortem: PostMortem) -> None:
        resilience = post_mortem.analysis.resilience
        counts = self.resilience_counts
        answers = resilience.earlier_detection
        if answers:
            counts[0] += 1
            counts[1] += _tally(answers, self.detection, _YES_DETECTION)
        blast = resilience.smaller_blast_radius
        if blast:
            counts[2] += 1
            counts[3] += _tally(blast, self.blast_radius, _YES_CONTAINMENT)


def _offsets(
    incident: IncidentReport, base: datetime
) -> tuple[tuple[float | None, ...], tuple[bool, ...]]:
    """Read the incident's five times as seconds after *base*.

    Returns the seconds (``None`` for a time not recorded) and whether
    each time is approximate, both in the order the preset's rules index.
    """
    first = incident.first_occurrence
    detected = incident.detected
    acknowledged = incident.acknowledged
    mitigated = incident.mitigated
    resolved = incident.resolved
    # Every time is measured once, from the start of the impact, and each
    # duration is a difference of two of those numbers: half the datetime
    # arithmetic of measuring each span on its own. Spelled out, not
    # looped, because this runs once per post-mortem of the log.
    seconds = (
        None if first is None else 0.0,
        None if detected is None else (detected.at - base).total_seconds(),
        None
        if acknowledged is None
        else (acknowledged.at - base).total_seconds(),
        None if mitigated is None else (mitigated.at - base).total_seconds(),
        None if resolved is None else (resolved.at - base).total_seconds(),
    )
    approximate = (
        first is not None and first.approximate,
        detected is not None and detected.approximate,
        acknowledged is not None and acknowledged.approximate,
        mitigated is not None and mitigated.approximate,
        resolved is not None and resolved.approximate,
    )
    return seconds, approximate


def _new_due(follow_up: FollowUp) -> dict[str, date]:
    new_due: dict[str, date] = {}
    for review in follow_up.reviews:
        if review.new_due is not None:
            new_due[review.action_id] = review.new_due
    return new_due


def _tally(
    answers: frozenset[EarlierDetection] | frozenset[SmallerBlastRadius],
    counts: dict[str, int],
    yes: frozenset[str],
) -> bool:
    """Count each answer; return whether any of them is a "yes"."""
    said_yes = False
    for answer in answers:
        value = answer._value_
        counts[value] = counts.get(value, 0) + 1
        said_yes = said_yes or value in yes
    return said_yes

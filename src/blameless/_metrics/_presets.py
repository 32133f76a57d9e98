"""How durations are measured: the worksheet's way and other tools' ways."""

from __future__ import annotations

import enum

from blameless._model._incident import IncidentReport
from blameless._model._time import Span, Timestamp

__all__ = ["DURATIONS", "TIME_FIELDS", "TOTAL", "DurationPreset", "Rule"]

#: The five durations measured for every incident, in this order.
DURATIONS = (
    "detection_gap",
    "time_to_acknowledge",
    "time_to_mitigate",
    "time_to_resolve",
    "total_duration",
)

#: The slot of the total duration among the durations.
TOTAL = DURATIONS.index("total_duration")

#: The recorded times of an incident report, earliest field first.
TIME_FIELDS = (
    "first_occurrence",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
)

_FIRST, _DETECTED, _ACKNOWLEDGED, _MITIGATED, _RESOLVED = range(5)

#: How one duration is measured: the positions in :data:`TIME_FIELDS` of
#: its start (the first recorded one is used) and of its end.
Rule = tuple[tuple[int, ...], int]

_IMPACT_START = (_FIRST, _DETECTED)


class DurationPreset(enum.Enum):
    """Where each of the five durations starts and ends.

    Incident tools disagree on where a duration starts, so the same
    incident gives different numbers in each. A preset reproduces one
    convention, so that ``blameless``'s figures can be set beside another
    tool's. Every preset measures the detection gap from
    ``first_occurrence`` to ``detected``, and every duration ends at the
    field its name says; the presets differ in the start.
    """

    #: The worksheet's own terms, as :class:`~blameless.IncidentReport`
    #: derives them: acknowledging, mitigating and resolving count from
    #: ``detected``; the total duration counts from ``first_occurrence``,
    #: or from ``detected`` when the first occurrence is unknown.
    WORKSHEET = "worksheet"
    #: Every duration counts from the start of the impact:
    #: ``first_occurrence``, or ``detected`` when it is unknown. Tools that
    #: measure "time to resolve" from the customer's point of view do this.
    FROM_IMPACT_START = "from_impact_start"
    #: Every duration counts from ``detected``, the moment an alert or a
    #: person raised the incident, as paging tools measure it; the total
    #: duration too.
    FROM_DETECTION = "from_detection"

    @property
    def rules(self) -> tuple[Rule, ...]:
        """How each duration is measured, in the order of the durations.

        See :data:`~blameless.metrics.DURATIONS` for the order.
        """
        return _RULES[self]

    def describe(self, name: str) -> str:
        """Say which times a duration spans under this preset.

        Args:
            name: One of the five durations, such as ``"time_to_resolve"``.
        """
        starts, end = self.rules[DURATIONS.index(name)]
        start = " (else ".join(TIME_FIELDS[i] for i in starts)
        start += ")" * (len(starts) - 1)
        return f"from {start} to {TIME_FIELDS[end]}"

    def spans(self, incident: IncidentReport) -> tuple[Span | None, ...]:
        """Measure the five durations of one incident, in order.

        A duration is ``None`` (not zero) when a time it needs is not
        recorded. Each span names the fields it was measured between.

        Args:
            incident: The incident report to measure.
        """
        times = _times(incident)
        return tuple(
            _span(name, rule, times)
            for name, rule in zip(DURATIONS, self.rules, strict=True)
        )


_RULES: dict[DurationPreset, tuple[Rule, ...]] = {
    DurationPreset.WORKSHEET: (
        ((_FIRST,), _DETECTED),
        ((_DETECTED,), _ACKNOWLEDGED),
        ((_DETECTED,), _MITIGATED),
        ((_DETECTED,), _RESOLVED),
        (_IMPACT_START, _RESOLVED),
    ),
    DurationPreset.FROM_IMPACT_START: (
        ((_FIRST,), _DETECTED),
        (_IMPACT_START, _ACKNOWLEDGED),
        (_IMPACT_START, _MITIGATED),
        (_IMPACT_START, _RESOLVED),
        (_IMPACT_START, _RESOLVED),
    ),
    DurationPreset.FROM_DETECTION: (
        ((_FIRST,), _DETECTED),
        ((_DETECTED,), _ACKNOWLEDGED),
        ((_DETECTED,), _MITIGATED),
        ((_DETECTED,), _RESOLVED),
        ((_DETECTED,), _RESOLVED),
    ),
}


def _times(incident: IncidentReport) -> tuple[Timestamp | None, ...]:
    return (
        incident.first_occurrence,
        incident.detected,
        incident.acknowledged,
        incident.mitigated,
        incident.resolved,
    )


def _span(
    name: str, rule: Rule, times: tuple[Timestamp | None, ...]
) -> Span | None:
    starts, end_index = rule
    end = times[end_index]
    if end is None:
        return None
    for index in starts:
        start = times[index]
        if start is not None:
            return Span(
                name, TIME_FIELDS[index], start, TIME_FIELDS[end_index], end
            )
    return None

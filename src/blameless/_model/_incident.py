"""Section 1 of the worksheet: the incident report."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

import attrs

from blameless._errors import InvariantError
from blameless._model._collections import refuse_text
from blameless._model._time import Span, Timestamp, span_between, to_timestamp

__all__ = [
    "Impact",
    "ImpactCategory",
    "IncidentReport",
    "Severity",
    "TimelineEvent",
]


class Severity(enum.Enum):
    """How bad an impact was, on the worksheet's three-step scale.

    Severities order from low to high, so ``max()`` gives the worst.
    """

    #: Noticeable, but small and contained.
    LOW = "low"
    #: Real harm that stayed within limits.
    MEDIUM = "medium"
    #: Serious harm; the fixes it calls for come first.
    HIGH = "high"

    @property
    def rank(self) -> int:
        """The position on the scale, from 1 for low to 3 for high."""
        return _SEVERITY_RANK[self]

    def __lt__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank


_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}


class ImpactCategory(enum.Enum):
    """The seven rows of the worksheet's impact assessment."""

    #: Customer-facing disruption.
    CUSTOMER_FACING = "customer_facing"
    #: Data loss or corruption.
    DATA_LOSS = "data_loss"
    #: Financial loss (direct).
    FINANCIAL_DIRECT = "financial_direct"
    #: Financial loss (indirect, e.g., lost time, opportunity cost).
    FINANCIAL_INDIRECT = "financial_indirect"
    #: Internal process disruption.
    INTERNAL_PROCESS = "internal_process"
    #: Reputational damage.
    REPUTATIONAL = "reputational"
    #: Compliance or legal exposure.
    COMPLIANCE = "compliance"

    @property
    def label(self) -> str:
        """The row's wording on the worksheet."""
        return _IMPACT_LABELS[self]


_IMPACT_LABELS = {
    ImpactCategory.CUSTOMER_FACING: "Customer-facing disruption",
    ImpactCategory.DATA_LOSS: "Data loss or corruption",
    ImpactCategory.FINANCIAL_DIRECT: "Financial loss (direct)",
    ImpactCategory.FINANCIAL_INDIRECT: (
        "Financial loss (indirect, e.g., lost time, opportunity cost)"
    ),
    ImpactCategory.INTERNAL_PROCESS: "Internal process disruption",
    ImpactCategory.REPUTATIONAL: "Reputational damage",
    ImpactCategory.COMPLIANCE: "Compliance or legal exposure",
}


@attrs.frozen(kw_only=True)
class Impact:
    """One row of the impact assessment.

    Args:
        category: Which of the seven rows this is.
        applies: Whether the box "Applies?" is checked.
        severity: Low, medium or high; ``None`` while not yet judged.
        notes: Specific notes on the impact.
    """

    category: ImpactCategory
    applies: bool = True
    severity: Severity | None = None
    notes: str = ""


@attrs.frozen(kw_only=True)
class TimelineEvent:
    """One row of the timeline of key events.

    Events are numbered by their position in the timeline, from 1, as the
    worksheet's rows are; the number is not stored.

    Args:
        at: When it happened; ``None`` while unknown.
        description: What happened, as a fact, not an interpretation.
        evidence: A link to a log, graph or chat message that shows it.
    """

    at: Timestamp | None = attrs.field(default=None, converter=to_timestamp)
    description: str = ""
    evidence: str | None = None


def _impacts(value: Iterable[Impact]) -> tuple[Impact, ...]:
    refuse_text("IncidentReport.impacts", value)
    return tuple(value)


def _timeline(value: Iterable[TimelineEvent]) -> tuple[TimelineEvent, ...]:
    refuse_text("IncidentReport.timeline", value)
    return tuple(value)


# Pairs of recorded times where the first can never come after the second.
_TIME_ORDER = (
    ("first_occurrence", "detected", "detected before it first occurred"),
    ("first_occurrence", "acknowledged", "acknowledged before it occurred"),
    ("first_occurrence", "mitigated", "mitigated before it occurred"),
    ("first_occurrence", "resolved", "resolved before it occurred"),
    ("detected", "acknowledged", "acknowledged before it was detected"),
    ("detected", "resolved", "resolved before it was detected"),
    ("mitigated", "resolved", "resolved before it was mitigated"),
)


@attrs.frozen(kw_only=True)
class IncidentReport:
    """Section 1 of the worksheet: what happened, when, and how badly.

    Every field may be blank in a draft. The recorded times must be in a
    possible order (nothing resolved before it was detected, nothing
    detected before it first occurred); an approximate time is held to
    the same order.

    Durations are derived from the times, never stored: see
    :attr:`detection_gap`, :attr:`time_to_acknowledge`,
    :attr:`time_to_mitigate`, :attr:`time_to_resolve` and
    :attr:`total_duration`.

    Args:
        name: A clear, descriptive name anyone can recognize later.
        summary: One to two sentences for a colleague who was not there.
        first_occurrence: When the failure actually started, if known and
            different from the detection.
        detected: When someone or something noticed the failure.
        acknowledged: When a responder took it on.
        mitigated: When the impact was stopped or contained.
        resolved: When the incident was over.
        impacts: The impact assessment, at most one row per category.
        timeline: The key events, earliest first.

    Raises:
        InvariantError: If two recorded times are in an impossible order,
            or a category appears twice in the impact assessment.
    """

    name: str = ""
    summary: str = ""
    first_occurrence: Timestamp | None = attrs.field(
        default=None, converter=to_timestamp
    )
    detected: Timestamp | None = attrs.field(
        default=None, converter=to_timestamp
    )
    acknowledged: Timestamp | None = attrs.field(
        default=None, converter=to_timestamp
    )
    mitigated: Timestamp | None = attrs.field(
        default=None, converter=to_timestamp
    )
    resolved: Timestamp | None = attrs.field(
        default=None, converter=to_timestamp
    )
    impacts: tuple[Impact, ...] = attrs.field(default=(), converter=_impacts)
    timeline: tuple[TimelineEvent, ...] = attrs.field(
        default=(), converter=_timeline
    )

    def __attrs_post_init__(self) -> None:
        self._refuse_impossible_order()
        self._refuse_repeated_impacts()

    def _refuse_impossible_order(self) -> None:
        # Every time is at a fixed offset, so the datetimes compare by
        # instant as they are, without a conversion to UTC.
        for earlier, later, problem in _TIME_ORDER:
            start = getattr(self, earlier)
            end = getattr(self, later)
            if start is not None and end is not None and end.at < start.at:
                raise InvariantError(
                    f"IncidentReport.{later}",
                    f"the incident cannot be {problem}",
                    {earlier: str(start), later: str(end)},
                )

    def _refuse_repeated_impacts(self) -> None:
        seen: set[ImpactCategory] = set()
        for index, impact in enumerate(self.impacts):
            if impact.category in seen:
                raise InvariantError(
                    f"IncidentReport.impacts[{index}]",
                    "an impact category appears twice",
                    {"category": impact.category.value},
                    hint="merge the notes into one row per category",
                )
            seen.add(impact.category)

    @property
    def incident_date(self) -> date | None:
        """The date of the incident, the day it first occurred.

        It is the date of :attr:`first_occurrence`, or of :attr:`detected`
        when the first occurrence is unknown, at the UTC offset that time
        was given in; ``None`` when neither is recorded.
        """
        start = self.first_occurrence or self.detected
        return None if start is None else start.date

    @property
    def detection_gap(self) -> Span | None:
        """From :attr:`first_occurrence` to :attr:`detected`.

        How long the failure went unnoticed. ``None`` (not zero) when the
        first occurrence or the detection is not recorded.
        """
        return span_between(
            "detection_gap",
            ("first_occurrence", self.first_occurrence),
            ("detected", self.detected),
        )

    @property
    def time_to_acknowledge(self) -> Span | None:
        """From :attr:`detected` to :attr:`acknowledged`."""
        return span_between(
            "time_to_acknowledge",
            ("detected", self.detected),
            ("acknowledged", self.acknowledged),
        )

    @property
    def time_to_mitigate(self) -> Span | None:
        """From :attr:`detected` to :attr:`mitigated`.

        Measured from detection, as responders count it; it may be
        negative when an automatic mitigation came before anyone noticed.
        """
        return span_between(
            "time_to_mitigate",
            ("detected", self.detected),
            ("mitigated", self.mitigated),
        )

    @property
    def time_to_resolve(self) -> Span | None:
        """From :attr:`detected` to :attr:`resolved`."""
        return span_between(
            "time_to_resolve",
            ("detected", self.detected),
            ("resolved", self.resolved),
        )

    @property
    def total_duration(self) -> Span | None:
        """The worksheet's "Total Duration", to :attr:`resolved`.

        It starts at :attr:`first_occurrence`, or at :attr:`detected` when
        the first occurrence is unknown, and it says which one it used.
        """
        start: tuple[str, Timestamp | None]
        if self.first_occurrence is not None:
            start = ("first_occurrence", self.first_occurrence)
        else:
            start = ("detected", self.detected)
        return span_between(
            "total_duration", start, ("resolved", self.resolved)
        )

    @property
    def times(self) -> dict[str, Timestamp]:
        """The recorded times by field name, earliest field first."""
        names = (
            "first_occurrence",
            "detected",
            "acknowledged",
            "mitigated",
            "resolved",
        )
        found = {name: getattr(self, name) for name in names}
        return {k: v for k, v in found.items() if v is not None}

    @property
    def applicable_impacts(self) -> tuple[Impact, ...]:
        """The impact rows whose box "Applies?" is checked."""
        return tuple(impact for impact in self.impacts if impact.applies)

    @property
    def highest_severity(self) -> Severity | None:
        """The worst severity among the rows that apply, if any is set."""
        judged = [
            impact.severity
            for impact in self.applicable_impacts
            if impact.severity is not None
        ]
        return max(judged, default=None)

    def impact(self, category: ImpactCategory) -> Impact | None:
        """Return the row of the impact assessment for *category*, if any.

        Args:
            category: One of the seven impact categories.
        """
        for impact in self.impacts:
            if impact.category is category:
                return impact
        return None

"""Tests of Section 1, the incident report."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import (
    Impact,
    ImpactCategory,
    IncidentReport,
    InvariantError,
    Severity,
    Span,
    TimelineEvent,
    Timestamp,
    approx,
)
from blameless import strategies as bst

TIMES = (
    "first_occurrence",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
)

# The documented order: the first time can never come after the second.
ORDER = [
    ("first_occurrence", "detected", "detected before it first occurred"),
    ("first_occurrence", "acknowledged", "acknowledged before it occurred"),
    ("first_occurrence", "mitigated", "mitigated before it occurred"),
    ("first_occurrence", "resolved", "resolved before it occurred"),
    ("detected", "acknowledged", "acknowledged before it was detected"),
    ("detected", "resolved", "resolved before it was detected"),
    ("mitigated", "resolved", "resolved before it was mitigated"),
]

# Each derived span, and the two fields it runs between.
SPANS = [
    ("detection_gap", "first_occurrence", "detected"),
    ("time_to_acknowledge", "detected", "acknowledged"),
    ("time_to_mitigate", "detected", "mitigated"),
    ("time_to_resolve", "detected", "resolved"),
]

NOON = datetime(2024, 11, 14, 12, 0, tzinfo=UTC)


def _holds_the_order(report: IncidentReport) -> bool:
    for earlier, later, _ in ORDER:
        start = getattr(report, earlier)
        end = getattr(report, later)
        if start is not None and end is not None and end.utc < start.utc:
            return False
    return True


@given(bst.incident_reports())
def test_every_report_holds_the_time_order(report: IncidentReport) -> None:
    """Generated reports never have two times in an impossible order."""
    assert _holds_the_order(report)


@given(bst.incident_reports(), st.sampled_from(ORDER), st.integers(1, 10**6))
def test_evolving_into_an_impossible_order_is_refused(
    report: IncidentReport, pair: tuple[str, str, str], seconds: int
) -> None:
    """Moving a time before one it must follow is refused, naming both."""
    earlier, later, problem = pair
    start = getattr(report, earlier) or Timestamp(NOON)
    too_soon = Timestamp(start.utc - timedelta(seconds=seconds))
    changes = dict.fromkeys(TIMES) | {earlier: start, later: too_soon}

    with pytest.raises(
        InvariantError,
        match=re.escape(
            f"IncidentReport.{later}: the incident cannot be {problem}"
        ),
    ):
        attrs.evolve(report, **changes)


@pytest.mark.parametrize(("earlier", "later", "problem"), ORDER)
def test_each_impossible_order_is_refused(
    earlier: str, later: str, problem: str
) -> None:
    """Each pair out of order is refused with the field and both values."""
    start = Timestamp(NOON)
    end = approx(NOON - timedelta(minutes=5))

    with pytest.raises(
        InvariantError,
        match=re.escape(
            f"IncidentReport.{later}: the incident cannot be {problem} "
            f"({earlier}='2024-11-14T12:00:00+00:00', "
            f"{later}='approx. 2024-11-14T11:55:00+00:00')"
        ),
    ):
        IncidentReport(**{earlier: start, later: end})  # type: ignore[arg-type]


def test_equal_times_are_a_possible_order() -> None:
    """Detection at the very moment of the first occurrence is fine."""
    report = IncidentReport(
        **dict.fromkeys(TIMES, NOON)  # type: ignore[arg-type]
    )

    assert report.total_duration is not None
    assert report.total_duration.duration == timedelta(0)


def test_order_is_by_instant_not_by_wall_time() -> None:
    """09:00 in New York comes after 14:30 in Berlin on the same day."""
    report = IncidentReport(
        detected=datetime(
            2024, 11, 14, 14, 30, tzinfo=ZoneInfo("Europe/Berlin")
        ),
        resolved=datetime(
            2024, 11, 14, 9, 0, tzinfo=ZoneInfo("America/New_York")
        ),
    )

    assert report.time_to_resolve is not None
    assert report.time_to_resolve.duration == timedelta(hours=0, minutes=30)


def test_a_mitigation_before_the_detection_is_possible() -> None:
    """An automatic mitigation may come first: time to mitigate < 0."""
    report = IncidentReport(
        first_occurrence=NOON - timedelta(hours=1),
        mitigated=NOON - timedelta(minutes=10),
        detected=NOON,
    )

    assert report.time_to_mitigate is not None
    assert report.time_to_mitigate.duration == timedelta(minutes=-10)


def test_a_naive_time_is_refused_with_the_fix() -> None:
    """A naive datetime for a report's time names the fix."""
    with pytest.raises(InvariantError, match=r"attach the zone it was read"):
        IncidentReport(detected=datetime(2024, 11, 14, 9, 30))  # noqa: DTZ001


@pytest.mark.parametrize(("name", "start_field", "end_field"), SPANS)
@given(report=bst.incident_reports())
def test_each_span_runs_between_its_two_fields(
    report: IncidentReport, name: str, start_field: str, end_field: str
) -> None:
    """A span names its fields, uses their times, is None if one is blank."""
    span: Span | None = getattr(report, name)
    start = getattr(report, start_field)
    end = getattr(report, end_field)

    if start is None or end is None:
        assert span is None
        return
    assert span == Span(name, start_field, start, end_field, end)
    assert span.duration == end.utc - start.utc
    assert span.approximate == (start.approximate or end.approximate)


@given(bst.incident_reports())
def test_total_duration_starts_at_the_first_time_known(
    report: IncidentReport,
) -> None:
    """Total duration runs from first occurrence, or detection, to the end."""
    span = report.total_duration
    start_field = (
        "first_occurrence"
        if report.first_occurrence is not None
        else "detected"
    )
    start = getattr(report, start_field)

    if start is None or report.resolved is None:
        assert span is None
        return
    assert span is not None
    assert (span.start_field, span.end_field) == (start_field, "resolved")
    assert span.duration == report.resolved.utc - start.utc
    assert span.duration >= timedelta(0)


@given(bst.incident_reports())
def test_the_incident_date_is_the_first_known_day(
    report: IncidentReport,
) -> None:
    """The date comes from the first occurrence, else from the detection."""
    start = report.first_occurrence or report.detected

    assert report.incident_date == (None if start is None else start.date)


def test_an_approximate_time_makes_its_spans_approximate() -> None:
    """Only the spans that rest on the approximate time are approximate."""
    report = IncidentReport(
        first_occurrence=approx(NOON - timedelta(hours=2)),
        detected=NOON,
        resolved=NOON + timedelta(hours=1),
    )

    assert report.detection_gap is not None
    assert report.detection_gap.approximate
    assert report.time_to_resolve is not None
    assert not report.time_to_resolve.approximate
    assert report.total_duration is not None
    assert report.total_duration.approximate
    assert report.total_duration.duration == timedelta(hours=3)


def test_a_duration_across_spring_forward_is_right() -> None:
    """01:30 to 03:30 on Berlin's spring-forward night is one hour."""
    berlin = ZoneInfo("Europe/Berlin")
    report = IncidentReport(
        detected=datetime(2024, 3, 31, 1, 30, tzinfo=berlin),
        resolved=datetime(2024, 3, 31, 3, 30, tzinfo=berlin),
    )

    assert report.time_to_resolve is not None
    assert report.time_to_resolve.duration == timedelta(hours=1)


def test_the_times_are_listed_in_field_order() -> None:
    """The times property maps the recorded fields in the worksheet order."""
    report = IncidentReport(resolved=NOON, detected=NOON)

    assert list(report.times) == ["detected", "resolved"]


def test_a_category_twice_is_refused() -> None:
    """One row per impact category: the second one is refused."""
    rows = [
        Impact(category=ImpactCategory.DATA_LOSS),
        Impact(category=ImpactCategory.DATA_LOSS, severity=Severity.LOW),
    ]

    with pytest.raises(
        InvariantError,
        match=re.escape(
            "IncidentReport.impacts[1]: an impact category appears twice "
            "(category='data_loss')"
        ),
    ):
        IncidentReport(impacts=rows)


@pytest.mark.parametrize("field", ["impacts", "timeline"])
def test_a_string_for_a_list_is_refused(field: str) -> None:
    """A string is not taken for a collection of rows."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            f"IncidentReport.{field}: expected a collection of items, "
            "not a single string"
        ),
    ):
        IncidentReport(**{field: "oops"})  # type: ignore[arg-type]


def test_the_severity_of_the_incident_is_the_worst_that_applies() -> None:
    """Rows that do not apply, or have no severity, do not count."""
    report = IncidentReport(
        impacts=[
            Impact(
                category=ImpactCategory.CUSTOMER_FACING,
                severity=Severity.MEDIUM,
            ),
            Impact(
                category=ImpactCategory.DATA_LOSS,
                applies=False,
                severity=Severity.HIGH,
            ),
            Impact(category=ImpactCategory.REPUTATIONAL),
        ]
    )

    assert report.highest_severity is Severity.MEDIUM
    assert len(report.applicable_impacts) == 2
    assert report.impact(ImpactCategory.DATA_LOSS) is report.impacts[1]
    assert report.impact(ImpactCategory.COMPLIANCE) is None
    assert IncidentReport().highest_severity is None


def test_severities_order_from_low_to_high() -> None:
    """Low < medium < high, and the ranks are 1 to 3."""
    assert Severity.LOW < Severity.MEDIUM < Severity.HIGH
    assert Severity.HIGH >= Severity.HIGH > Severity.LOW
    assert [s.rank for s in Severity] == [1, 2, 3]
    with pytest.raises(TypeError):
        assert Severity.LOW < "high"  # type: ignore[operator]


def test_every_category_has_its_worksheet_label() -> None:
    """The seven rows carry the worksheet's own wording."""
    assert len(ImpactCategory) == 7
    assert ImpactCategory.FINANCIAL_INDIRECT.label == (
        "Financial loss (indirect, e.g., lost time, opportunity cost)"
    )
    assert all(category.label for category in ImpactCategory)


def test_a_timeline_event_takes_a_datetime() -> None:
    """A plain aware datetime becomes an exact timestamp."""
    event = TimelineEvent(at=NOON, description="Alert fired")

    assert event.at == Timestamp(NOON)
    assert TimelineEvent().at is None


@given(bst.incident_reports())
def test_evolve_without_changes_gives_an_equal_report(
    report: IncidentReport,
) -> None:
    """Equal reports hash equal, and evolve keeps every invariant."""
    copy = attrs.evolve(report)

    assert copy == report
    assert hash(copy) == hash(report)


@given(bst.incident_reports(complete=True))
def test_complete_reports_fill_every_field(report: IncidentReport) -> None:
    """A complete report has its name, summary, times, impacts, timeline."""
    times = [getattr(report, name) for name in TIMES]

    assert report.name.strip()
    assert report.summary.strip()
    assert None not in times
    assert [t.utc for t in times] == sorted(t.utc for t in times)
    assert [i.category for i in report.impacts] == list(ImpactCategory)
    assert report.highest_severity is not None
    assert len(report.timeline) >= 3
    assert isinstance(report.incident_date, date)

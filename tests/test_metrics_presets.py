"""Tests of duration presets: where each duration starts and ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import IncidentReport, approx
from blameless import strategies as bst
from blameless._metrics._presets import TIME_FIELDS
from blameless.metrics import DURATIONS, DurationPreset

NOV_14 = datetime(2025, 11, 14, 9, 0, tzinfo=UTC)


@given(bst.incident_reports())
def test_the_worksheet_preset_is_the_model_s_own_spans(
    incident: IncidentReport,
) -> None:
    """With the worksheet's terms, the spans are the report's properties."""
    spans = DurationPreset.WORKSHEET.spans(incident)

    assert spans == tuple(getattr(incident, name) for name in DURATIONS)


@given(bst.incident_reports(), st.sampled_from(DurationPreset))
def test_every_span_ends_at_the_field_its_name_says(
    incident: IncidentReport, preset: DurationPreset
) -> None:
    """Each span is named, ends at its field and names the fields used."""
    ends = ("detected", "acknowledged", "mitigated", "resolved", "resolved")

    for name, end, span in zip(
        DURATIONS, ends, preset.spans(incident), strict=True
    ):
        if span is None:
            continue
        assert span.name == name
        assert span.end_field == end
        assert span.start == getattr(incident, span.start_field)
        assert span.end == getattr(incident, end)


@given(bst.incident_reports(), st.sampled_from(DurationPreset))
def test_a_span_is_absent_only_when_a_time_is_missing(
    incident: IncidentReport, preset: DurationPreset
) -> None:
    """A duration is None exactly when its end or every start is blank."""
    times = incident.times

    for (starts, end), span in zip(
        preset.rules, preset.spans(incident), strict=True
    ):
        measurable = TIME_FIELDS[end] in times and any(
            TIME_FIELDS[start] in times for start in starts
        )
        assert (span is not None) == measurable


def _incident(*, first: bool) -> IncidentReport:
    return IncidentReport(
        first_occurrence=approx(NOV_14) if first else None,
        detected=NOV_14 + timedelta(minutes=20),
        acknowledged=NOV_14 + timedelta(minutes=25),
        mitigated=NOV_14 + timedelta(minutes=50),
        resolved=NOV_14 + timedelta(hours=2),
    )


@pytest.mark.parametrize(
    ("preset", "minutes"),
    [
        (DurationPreset.WORKSHEET, [20, 5, 30, 100, 120]),
        (DurationPreset.FROM_IMPACT_START, [20, 25, 50, 120, 120]),
        (DurationPreset.FROM_DETECTION, [20, 5, 30, 100, 100]),
    ],
)
def test_presets_measure_from_their_start(
    preset: DurationPreset, minutes: list[int]
) -> None:
    """The same incident, three conventions, three sets of numbers."""
    spans = preset.spans(_incident(first=True))

    found = [span.duration if span else None for span in spans]
    assert found == [timedelta(minutes=m) for m in minutes]


def test_without_a_first_occurrence_the_impact_starts_at_detection() -> None:
    """The fallback is named on the span, and the gap is absent."""
    spans = DurationPreset.FROM_IMPACT_START.spans(_incident(first=False))

    assert spans[0] is None
    assert spans[3] is not None
    assert spans[3].start_field == "detected"
    assert spans[3].duration == timedelta(minutes=100)


def test_a_span_from_an_approximate_time_is_approximate() -> None:
    """The approximate first occurrence marks the spans that start there."""
    spans = DurationPreset.FROM_IMPACT_START.spans(_incident(first=True))

    assert [span.approximate for span in spans if span] == [True] * 5
    spans = DurationPreset.FROM_DETECTION.spans(_incident(first=True))
    assert [span.approximate for span in spans if span] == [
        True,
        False,
        False,
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("preset", "name", "text"),
    [
        (
            DurationPreset.WORKSHEET,
            "total_duration",
            "from first_occurrence (else detected) to resolved",
        ),
        (
            DurationPreset.WORKSHEET,
            "time_to_resolve",
            "from detected to resolved",
        ),
        (
            DurationPreset.FROM_DETECTION,
            "total_duration",
            "from detected to resolved",
        ),
    ],
)
def test_a_preset_says_what_a_duration_spans(
    preset: DurationPreset, name: str, text: str
) -> None:
    """The description names the fields, with the fallback."""
    assert preset.describe(name) == text

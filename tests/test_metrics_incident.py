"""Tests of the metrics of one post-mortem."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import (
    ActionItem,
    ActionKind,
    ActionReview,
    ActionStatus,
    CausalAnalysis,
    ContributingFactors,
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
    Severity,
    Why,
    approx,
)
from blameless import strategies as bst
from blameless.metrics import (
    DURATIONS,
    DurationPreset,
    incident_metrics,
    severity_of,
)

NOV_14 = datetime(2025, 11, 14, 9, 0, tzinfo=UTC)
TODAY = date(2025, 12, 15)


def _gateway() -> PostMortem:
    """A small post-mortem with one of everything the metrics read."""
    actions = (
        ActionItem(
            id="C1",
            kind=ActionKind.CONTAINMENT,
            due=date(2025, 11, 20),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 11, 18),
            addresses_factors={Factor.NO_MONITORING},
        ),
        ActionItem(
            id="P1",
            kind=ActionKind.PREVENTION,
            due=date(2025, 12, 1),
            status=ActionStatus.IN_PROGRESS,
        ),
        ActionItem(
            id="P2",
            kind=ActionKind.PREVENTION,
            due=date(2025, 12, 1),
            status=ActionStatus.BLOCKED,
        ),
    )
    return PostMortem(
        log=LogEntry(number=4, held_on=date(2025, 11, 17)),
        incident=IncidentReport(
            first_occurrence=approx(NOV_14),
            detected=NOV_14 + timedelta(minutes=20),
            resolved=NOV_14 + timedelta(hours=2),
            impacts=(
                Impact(
                    category=ImpactCategory.CUSTOMER_FACING,
                    severity=Severity.HIGH,
                ),
                Impact(
                    category=ImpactCategory.REPUTATIONAL,
                    applies=False,
                    severity=Severity.LOW,
                ),
            ),
        ),
        analysis=CausalAnalysis(
            whys=FiveWhys(whys=(Why(1, "a"), Why(2, "b"), Why(3, ""))),
            factors=ContributingFactors(
                system=FactorChecklist(
                    checked={Factor.NO_MONITORING, Factor.NO_FALLBACK}
                ),
                assumption=FactorChecklist(
                    checked={Factor.ASSUMED_STABLE_THIRD_PARTY}
                ),
            ),
        ),
        actions=actions,
        follow_up=FollowUp(
            review_date=date(2025, 11, 28),
            reviews=(ActionReview(action_id="P1", new_due=date(2026, 1, 15)),),
        ),
    )


def test_the_numbers_of_one_post_mortem() -> None:
    """Each number of a worked example, as the worksheet defines it."""
    metrics = incident_metrics(_gateway(), today=TODAY)

    assert metrics.number == 4
    assert metrics.incident_start == NOV_14
    assert metrics.detection_gap is not None
    assert metrics.detection_gap.duration == timedelta(minutes=20)
    assert metrics.detection_gap.approximate
    assert metrics.time_to_acknowledge is None
    assert metrics.time_to_resolve is not None
    assert metrics.time_to_resolve.duration == timedelta(minutes=100)
    assert metrics.whys_depth == 2
    assert metrics.factor_categories == {
        FactorCategory.SYSTEM,
        FactorCategory.ASSUMPTION,
    }
    assert metrics.impact_categories == {ImpactCategory.CUSTOMER_FACING}
    assert metrics.highest_severity is Severity.HIGH
    assert metrics.severity is Severity.HIGH
    assert metrics.actions_by_status[ActionStatus.BLOCKED] == 1
    assert metrics.actions_by_status[ActionStatus.NOT_DOING] == 0


def test_a_new_due_date_from_the_follow_up_replaces_the_first() -> None:
    """P1 was re-planned to January, so only P2 is overdue in December."""
    metrics = incident_metrics(_gateway(), today=TODAY)

    assert metrics.overdue == ("P2",)
    assert incident_metrics(_gateway(), today=date(2026, 2, 1)).overdue == (
        "P1",
        "P2",
    )


def test_the_share_of_factors_addressed() -> None:
    """One of three checked factors has an action item: a third."""
    metrics = incident_metrics(_gateway(), today=TODAY)

    assert metrics.addressed_share == pytest.approx(1 / 3)
    assert metrics.unaddressed_factors == {
        Factor.NO_FALLBACK,
        Factor.ASSUMED_STABLE_THIRD_PARTY,
    }


def test_a_blank_draft_has_absent_numbers_not_zeros() -> None:
    """Nothing recorded: every span and the share are None."""
    metrics = incident_metrics(PostMortem(), today=TODAY)

    assert metrics.spans == dict.fromkeys(DURATIONS)
    assert metrics.incident_start is None
    assert metrics.addressed_share is None
    assert metrics.severity is None
    assert metrics.overdue == ()


@given(bst.post_mortems(), st.sampled_from(DurationPreset), st.dates())
def test_metrics_agree_with_the_model(
    post_mortem: PostMortem, preset: DurationPreset, today: date
) -> None:
    """Every number is the model's own, or computed plainly from it."""
    metrics = incident_metrics(post_mortem, today=today, preset=preset)
    incident = post_mortem.incident
    due = {item.id: item.due for item in post_mortem.actions}
    for review in post_mortem.follow_up.reviews:
        due[review.action_id] = review.new_due or due[review.action_id]

    assert tuple(metrics.spans.values()) == preset.spans(incident)
    assert metrics.whys_depth == post_mortem.analysis.whys.depth
    assert metrics.factors == post_mortem.analysis.factors.checked
    assert metrics.highest_severity == incident.highest_severity
    assert metrics.severity == severity_of(post_mortem)
    assert sum(metrics.actions_by_status.values()) == len(post_mortem.actions)
    assert set(metrics.overdue) == {
        item.id
        for item in post_mortem.actions
        if item.status.is_open
        and due[item.id] is not None
        and due[item.id] < today  # type: ignore[operator]
    }
    if metrics.addressed_share is not None:
        assert 0 <= metrics.addressed_share <= 1


def test_today_defaults_to_the_current_date_in_utc() -> None:
    """Without a date, overdue items are judged as of today."""
    before = datetime.now(UTC).date()
    as_of = incident_metrics(PostMortem()).as_of
    after = datetime.now(UTC).date()

    assert before <= as_of <= after


def test_the_row_has_stable_columns() -> None:
    """One plain row: seconds, approximate flags, sorted sets, counts."""
    row = incident_metrics(_gateway(), today=TODAY).row()

    assert row["detection_gap_seconds"] == 1200.0
    assert row["detection_gap_approximate"] is True
    assert row["time_to_acknowledge_seconds"] is None
    assert row["factor_categories"] == "assumption,system"
    assert row["actions_blocked"] == 1
    assert row["overdue"] == 1
    assert row["incident_start"].tzinfo is UTC
    assert list(row)[:4] == ["number", "preset", "as_of", "incident_start"]


def test_to_pandas_gives_one_row() -> None:
    """With pandas installed, the metrics become a one-row DataFrame."""
    frame = incident_metrics(_gateway(), today=TODAY).to_pandas()

    assert len(frame) == 1
    assert frame.loc[0, "number"] == 4


def test_to_pandas_without_pandas_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A missing pandas is an error that says how to install it."""
    monkeypatch.setitem(sys.modules, "pandas", None)

    with pytest.raises(
        ModuleNotFoundError,
        match=r"to_pandas\(\) needs pandas, which is not installed; install "
        r"it with: pip install 'blameless\[pandas\]'",
    ):
        incident_metrics(_gateway(), today=TODAY).to_pandas()

"""The public model API as a user types it; mypy checks this file.

Nothing here runs under pytest: the file exists so that ``mypy --strict``
sees the names, types and keyword arguments a user relies on, and fails
when one of them changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import assert_type

import attrs
from hypothesis import strategies as st

from blameless import (
    ActionItem,
    ActionKind,
    ActionStatus,
    BlamelessError,
    EarlierDetection,
    Factor,
    FactorCategory,
    FiveWhys,
    IncidentReport,
    InvariantError,
    PostMortem,
    Readiness,
    Resilience,
    Severity,
    Span,
    Timestamp,
    UnmetPrerequisite,
    Why,
    approx,
)
from blameless import strategies as bst


def incident_times() -> None:
    """Times go in as datetimes or timestamps; spans come out typed."""
    start = datetime(2025, 11, 14, 18, 5, tzinfo=UTC)
    report = IncidentReport(
        first_occurrence=approx(start),
        detected=start + timedelta(minutes=12),
        resolved=Timestamp(start + timedelta(hours=1)),
    )

    assert_type(report.detected, Timestamp | None)
    assert_type(report.total_duration, Span | None)
    assert_type(report.incident_date, date | None)
    assert_type(report.highest_severity, Severity | None)
    if report.total_duration is not None:
        assert_type(report.total_duration.duration, timedelta)
        assert_type(report.total_duration.approximate, bool)


def evolving_a_draft() -> PostMortem:
    """attrs.evolve keeps the type of what it copies."""
    draft = PostMortem()
    item = ActionItem(
        id="P1",
        kind=ActionKind.PREVENTION,
        owner="Priya",
        due=date(2025, 12, 5),
        addresses_factors={Factor.NO_CIRCUIT_BREAKER},
    )
    done = attrs.evolve(item, status=ActionStatus.COMPLETE)

    assert_type(done, ActionItem)
    assert_type(draft.action("P1"), ActionItem | None)
    assert_type(draft.prevention, tuple[ActionItem, ...])
    return attrs.evolve(draft, actions=[item])


def analysis_and_readiness() -> None:
    """Enums, derived answers and the readiness check have exact types."""
    whys = FiveWhys(whys=[Why(1, "no timeout")], changeable_level=1)
    resilience = Resilience(earlier_detection={EarlierDetection.MONITORING})

    assert_type(whys.depth, int)
    assert_type(Factor.of(FactorCategory.SYSTEM), tuple[Factor, ...])
    assert_type(resilience.could_detect_earlier, bool | None)
    assert_type(Readiness().unmet(), tuple[UnmetPrerequisite, ...])


def handling_errors() -> str:
    """Errors carry their parts, and are ValueErrors."""
    try:
        IncidentReport(
            detected=datetime(2025, 1, 2, tzinfo=UTC),
            resolved=datetime(2025, 1, 1, tzinfo=UTC),
        )
    except InvariantError as error:
        assert_type(error.where, str)
        return error.problem
    except BlamelessError:
        raise
    except ValueError:
        raise
    return ""


def strategies_for_tests() -> None:
    """The strategies are typed with what they draw."""
    assert_type(bst.post_mortems(complete=True), st.SearchStrategy[PostMortem])
    assert_type(
        bst.post_mortem_logs(1, 3), st.SearchStrategy[list[PostMortem]]
    )
    assert_type(bst.timestamps(approximate=True), st.SearchStrategy[Timestamp])
    assert_type(st.from_type(PostMortem), st.SearchStrategy[PostMortem])

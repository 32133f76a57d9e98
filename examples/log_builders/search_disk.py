"""No. 6: a capacity failure whose first occurrence is unknown.

The logs that would have dated it were on the disk that filled, so
the total duration runs from the detection.
"""

from __future__ import annotations

from datetime import date

from blameless import (
    ActionItem,
    ActionReview,
    ActionStatus,
    CausalAnalysis,
    ContributingFactors,
    EarlierDetection,
    Factor,
    FactorChecklist,
    FiveWhys,
    FollowUp,
    Impact,
    ImpactCategory,
    IncidentReport,
    LogEntry,
    PostMortem,
    Readiness,
    Resilience,
    ReviewStatus,
    Severity,
    SmallerBlastRadius,
    TimelineEvent,
    Why,
)
from log_builders.common import (
    CONTAINMENT,
    DETECTION,
    INCIDENT,
    PREVENTION,
    RESPONSE,
    WIKI,
    clock,
    facilitator,
    involved,
    note_taker,
)

#: Reads this office's wall-clock times, in Asia/Kolkata.
at = clock("Asia/Kolkata")


def build() -> PostMortem:
    """Build post-mortem No. 6 from its worksheet sections."""
    return PostMortem(
        log=_log_entry(),
        readiness=_readiness(),
        incident=_incident(),
        analysis=_analysis(),
        actions=(*_containment(), *_prevention()),
        follow_up=_follow_up(),
    )


def _log_entry() -> LogEntry:
    return LogEntry(
        number=6,
        filed_in=f"{WIKI}/0006",
        held_on=date(2026, 1, 27),
        status=ReviewStatus.CLOSED,
        severity=Severity.MEDIUM,
        tags={"search", "capacity"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=75,
        participants=(
            facilitator("Meera Pillai"),
            note_taker("Kavya Iyer"),
            involved("Arjun Mehta", DETECTION, RESPONSE),
            involved("Rohan Das", INCIDENT, most_senior=True),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Search Index Rebuild Filled the Data Disk",
        summary=(
            "A scheduled rebuild of the product search index filled the "
            "search cluster's data disk; search served stale results for "
            "five hours and new products could not be found."
        ),
        detected=at("2026-01-21 10:12"),
        acknowledged=at("2026-01-21 10:14"),
        mitigated=at("2026-01-21 10:50"),
        resolved=at("2026-01-21 15:30"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.CUSTOMER_FACING,
            severity=Severity.MEDIUM,
            notes="New and changed products missing from search.",
        ),
        Impact(
            category=ImpactCategory.INTERNAL_PROCESS,
            severity=Severity.MEDIUM,
            notes="The catalogue team postponed the day's launches.",
        ),
        Impact(
            category=ImpactCategory.FINANCIAL_INDIRECT,
            severity=Severity.LOW,
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            description=(
                "The rebuild starts writing a second copy of the index "
                "(time unknown: its logs were on the full disk)."
            ),
        ),
        TimelineEvent(
            at=at("2026-01-21 10:12"),
            description="The 'disk above 95%' alert fires.",
        ),
        TimelineEvent(
            at=at("2026-01-21 10:14"),
            description="The search on-call engineer acknowledges.",
        ),
        TimelineEvent(
            at=at("2026-01-21 10:50"),
            description=(
                "Rebuild stopped; search serves the previous index read-only."
            ),
        ),
        TimelineEvent(
            at=at("2026-01-21 15:30"),
            description="Disk expanded; rebuild completes; index live.",
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger="The weekly index rebuild ran out of disk space.",
        whys=_five_whys(),
        factors=_factors(),
        resilience=_resilience(),
    )


def _five_whys() -> FiveWhys:
    return FiveWhys(
        whys=(
            Why(
                1,
                "The rebuild writes a full second copy of the index "
                "before switching, and the disk could not hold two.",
            ),
            Why(
                2,
                "The catalogue has tripled since the disk was sized, "
                "and the size was never revisited.",
            ),
            Why(
                3,
                "The search cluster is not part of anyone's capacity review.",
            ),
        ),
        changeable_level=3,
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(
            checked={Factor.CAPACITY, Factor.OTHER_SYSTEM},
            other="The rebuild's logs live on the index's data disk.",
        ),
        process=FactorChecklist(
            checked={Factor.OTHER_PROCESS},
            other="No capacity review when the catalogue grew.",
        ),
        assumption=FactorChecklist(checked={Factor.ASSUMED_CAPACITY}),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={EarlierDetection.MONITORING},
        missing_detection=(
            "A free-space check before the rebuild starts; the 95% "
            "alert came when the disk was already full."
        ),
        smaller_blast_radius={SmallerBlastRadius.ISOLATION},
        missing_containment=(
            "Logs on their own volume, so that a full data disk does "
            "not also erase the record of what happened."
        ),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Expand the search data disk from 500 GB to 1.5 TB.",
            owner="Arjun Mehta",
            due=date(2026, 1, 22),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 1, 21),
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Abort the rebuild before it starts when free space is "
                "below 1.2 times the current index size, and alert "
                "#search."
            ),
            owner="Arjun Mehta",
            due=date(2026, 2, 20),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 2, 18),
            addresses_factors={Factor.CAPACITY, Factor.ASSUMED_CAPACITY},
            addresses_whys={1},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description="Move the search cluster's logs to their own volume.",
            owner="Kavya Iyer",
            due=date(2026, 2, 13),
            status=ActionStatus.NOT_DOING,
            reason=(
                "The platform team's central log shipping, live in "
                "February, takes the logs off the data disk."
            ),
            addresses_factors={Factor.OTHER_SYSTEM},
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description=(
                "Add the search cluster to the quarterly capacity review, "
                "with a projection of index size two quarters ahead."
            ),
            owner="Rohan Das",
            due=date(2026, 3, 31),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 4, 2),
            addresses_factors={Factor.OTHER_PROCESS},
            addresses_whys={2, 3},
        ),
    )


def _follow_up() -> FollowUp:
    return FollowUp(
        review_date=date(2026, 2, 5),
        facilitator="Meera Pillai",
        reviews=(
            ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
            ActionReview(action_id="P1", status=ActionStatus.IN_PROGRESS),
            ActionReview(action_id="P2", status=ActionStatus.NOT_DOING),
            ActionReview(action_id="P3", status=ActionStatus.NOT_STARTED),
        ),
    )

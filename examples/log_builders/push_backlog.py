"""No. 9: shallow whys, weak actions and no follow-up at all.

The meeting was squeezed into 45 minutes and its facilitator also took
the notes; the third why was left blank.
"""

from __future__ import annotations

from datetime import date

from blameless import (
    ActionItem,
    ActionStatus,
    CausalAnalysis,
    ContributingFactors,
    EarlierDetection,
    Factor,
    FactorChecklist,
    FiveWhys,
    Impact,
    ImpactCategory,
    IncidentReport,
    LogEntry,
    MeetingRole,
    Participant,
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
    ALL_RULES,
    CONTAINMENT,
    DETECTION,
    INCIDENT,
    PREVENTION,
    RESPONSE,
    WIKI,
    clock,
    involved,
)

#: Reads this office's wall-clock times, in Asia/Singapore.
at = clock("Asia/Singapore")


def build() -> PostMortem:
    """Build post-mortem No. 9 from its worksheet sections."""
    return PostMortem(
        log=_log_entry(),
        readiness=_readiness(),
        incident=_incident(),
        analysis=_analysis(),
        actions=(*_containment(), *_prevention()),
    )


def _log_entry() -> LogEntry:
    return LogEntry(
        number=9,
        filed_in=f"{WIKI}/0009",
        held_on=date(2026, 7, 8),
        status=ReviewStatus.REVIEWED,
        severity=Severity.HIGH,
        tags={"notifications", "capacity"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=45,
        participants=(
            # Facilitating and taking notes at once is what check R008
            # flags; the log keeps one meeting that did it.
            Participant(
                name="Darren Goh",
                roles={MeetingRole.FACILITATOR, MeetingRole.NOTE_TAKER},
                agreed=ALL_RULES,
            ),
            involved("Wei Ling Tan", RESPONSE),
            involved("Siti Rahmat", DETECTION),
            involved("Joel Lim", INCIDENT),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Push Notifications Delayed Behind a Campaign",
        summary=(
            "A marketing push campaign of 4.2 million messages was queued "
            "ahead of transactional notifications, and order updates and "
            "sign-in codes arrived up to 40 minutes late during the "
            "evening peak."
        ),
        first_occurrence=at("2026-07-03 19:40"),
        detected=at("2026-07-03 19:58"),
        acknowledged=at("2026-07-03 20:01"),
        mitigated=at("2026-07-03 20:35"),
        resolved=at("2026-07-03 22:10"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.CUSTOMER_FACING,
            severity=Severity.HIGH,
            notes=(
                "Order updates late by up to 40 minutes; about 2,300 "
                "sign-in codes expired before they arrived."
            ),
        ),
        Impact(
            category=ImpactCategory.INTERNAL_PROCESS,
            severity=Severity.LOW,
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            at=at("2026-07-03 19:40"),
            description="The campaign's 4.2 million messages queued.",
        ),
        TimelineEvent(
            at=at("2026-07-03 19:58"),
            description="The 'oldest message above 5 min' alert fires.",
        ),
        TimelineEvent(
            at=at("2026-07-03 20:35"),
            description="Campaign paused; the queue starts draining.",
        ),
        TimelineEvent(
            at=at("2026-07-03 22:10"),
            description="Backlog drained; delivery times back to normal.",
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger="A 4.2-million-message campaign was queued at 19:40.",
        whys=_five_whys(),
        factors=_factors(),
        resilience=_resilience(),
    )


def _five_whys() -> FiveWhys:
    return FiveWhys(
        whys=(
            Why(
                1,
                "Transactional messages waited behind the campaign in "
                "one first-in, first-out queue.",
            ),
            Why(
                2,
                "Marketing and transactional messages share one queue "
                "and one set of workers.",
            ),
            Why(3),
        ),
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(
            checked={Factor.CAPACITY, Factor.OTHER_SYSTEM},
            other="One queue for marketing and transactional messages.",
        ),
        process=FactorChecklist(checked={Factor.POOR_COMMUNICATION}),
        assumption=FactorChecklist(checked={Factor.ASSUMED_CAPACITY}),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={EarlierDetection.MONITORING},
        smaller_blast_radius={SmallerBlastRadius.ISOLATION},
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Pause the campaign and resume it after 23:00.",
            owner="Wei Ling Tan",
            due=date(2026, 7, 3),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 7, 3),
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Split transactional and marketing notifications into "
                "separate queues with their own workers."
            ),
            owner="Wei Ling Tan",
            due=date(2026, 8, 28),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 9, 4),
            addresses_factors={Factor.OTHER_SYSTEM, Factor.CAPACITY},
            addresses_whys={2},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description="Improve monitoring.",
            owner="Platform team",
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description="Share campaign sizes with the platform team.",
            owner="Marketing",
            due=date(2026, 7, 31),
        ),
    )

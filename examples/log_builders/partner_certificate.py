"""No. 2: an expired certificate that a partner noticed first.

A long detection gap, a follow-up held five weeks late, and a vague
"be more careful" action item owned by a team.
"""

from __future__ import annotations

from datetime import date

from blameless import (
    ActionItem,
    ActionReview,
    ActionStatus,
    Attendance,
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
    Lessons,
    LogEntry,
    PostMortem,
    Readiness,
    Resilience,
    ReviewStatus,
    Severity,
    SmallerBlastRadius,
    TimelineEvent,
    Why,
    approx,
)
from log_builders.common import (
    CONTAINMENT,
    DETECTION,
    PREVENTION,
    RESPONSE,
    TRACKER,
    WIKI,
    clock,
    facilitator,
    involved,
    note_taker,
)

#: Reads this office's wall-clock times, in America/New_York.
at = clock("America/New_York")


def build() -> PostMortem:
    """Build post-mortem No. 2 from its worksheet sections."""
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
        number=2,
        filed_in=f"{WIKI}/0002",
        held_on=date(2025, 8, 1),
        status=ReviewStatus.REVIEWED,
        severity=Severity.HIGH,
        tags={"certificates", "partner-api"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=60,
        participants=(
            facilitator("Rachel Adams"),
            note_taker("Ben Torres"),
            involved("Daniel Okafor", RESPONSE),
            involved("Maya Chen", RESPONSE),
            involved(
                "Grace Liu",
                DETECTION,
                attendance=Attendance.WRITTEN_INPUT,
            ),
            involved("Harold Jennings", most_senior=True),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Expired TLS Certificate on the Partner API",
        summary=(
            "The TLS certificate of partners.api.example.com expired at "
            "midnight UTC, and every partner integration failed its "
            "handshake for thirteen hours. A partner's email told us the "
            "next morning."
        ),
        first_occurrence=at("2025-07-28 20:00"),
        detected=at("2025-07-29 07:40"),
        acknowledged=at("2025-07-29 07:55"),
        resolved=at("2025-07-29 09:10"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.CUSTOMER_FACING,
            severity=Severity.HIGH,
            notes=(
                "All 14 partner integrations failed; two resellers "
                "held orders on their side overnight."
            ),
        ),
        Impact(
            category=ImpactCategory.REPUTATIONAL,
            severity=Severity.MEDIUM,
            notes="Two partners asked for a written incident report.",
        ),
        Impact(
            category=ImpactCategory.FINANCIAL_INDIRECT,
            severity=Severity.LOW,
            notes="Reseller orders arrived a day late, none were lost.",
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            at=at("2025-07-28 20:00"),
            description="The certificate expires (00:00 UTC).",
            evidence="https://crt.sh/?q=partners.api.example.com",
        ),
        TimelineEvent(
            at=approx(at("2025-07-28 20:05")),
            description="Partner requests start failing the handshake.",
        ),
        TimelineEvent(
            at=at("2025-07-29 07:40"),
            description="A partner emails our support address.",
        ),
        TimelineEvent(
            at=at("2025-07-29 07:55"),
            description="Support pages the platform on-call engineer.",
        ),
        TimelineEvent(
            at=at("2025-07-29 08:20"),
            description=(
                "The renewal reminder is found in the mailbox of an "
                "engineer who left in March."
            ),
        ),
        TimelineEvent(
            at=at("2025-07-29 09:10"),
            description="A renewed certificate is live; handshakes pass.",
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger="The partner API's certificate expired without renewal.",
        whys=_five_whys(),
        factors=_factors(),
        resilience=_resilience(),
        lessons=_lessons(),
    )


def _five_whys() -> FiveWhys:
    return FiveWhys(
        whys=(
            Why(
                1,
                "Renewal was a yearly manual task, and this year "
                "nobody did it.",
            ),
            Why(
                2,
                "The reminder went to the engineer who set it up, who "
                "had since left.",
            ),
            Why(
                3,
                "Renewal steps and reminders belonged to one person, "
                "not to a team or a system.",
            ),
        ),
        changeable_level=3,
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(
            checked={Factor.NO_MONITORING},
            notes="Nothing checks certificate expiry dates.",
        ),
        process=FactorChecklist(
            checked={Factor.DOCUMENTATION, Factor.NO_ESCALATION_PATH},
            notes=(
                "The renewal runbook was in a personal folder; partners "
                "had no way to reach on-call outside business hours."
            ),
        ),
        assumption=FactorChecklist(
            checked={
                Factor.ASSUMED_MANUAL_STEP,
                Factor.ASSUMED_SOMEONE_ELSE,
            },
        ),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={
            EarlierDetection.MONITORING,
            EarlierDetection.MANUAL_CHECK,
        },
        missing_detection=(
            "An expiry alert 21 days ahead, and a quarterly review of "
            "the certificate inventory."
        ),
        smaller_blast_radius={SmallerBlastRadius.SYSTEM_WIDE},
    )


def _lessons() -> Lessons:
    return Lessons(
        went_well=("Renewal took under an hour once someone knew.",),
        went_wrong=("A partner found the outage eleven hours before we did.",),
        got_lucky=("It expired on a Monday night, not before a weekend.",),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Renew the partner API certificate.",
            owner="Daniel Okafor",
            due=date(2025, 7, 29),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 7, 29),
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Issue and renew every public certificate through ACME, "
                "renewing 30 days before expiry."
            ),
            owner="Maya Chen",
            due=date(2025, 9, 15),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 9, 29),
            ticket=f"{TRACKER}/PLAT-2207",
            addresses_factors={Factor.ASSUMED_MANUAL_STEP},
            addresses_whys={1, 3},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description=(
                "Page the platform on-call engineer when any certificate "
                "in the inventory expires within 21 days."
            ),
            owner="Maya Chen",
            due=date(2025, 8, 29),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 8, 20),
            addresses_factors={Factor.NO_MONITORING},
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description="Be more careful with certificate dates.",
            owner="Platform team",
        ),
        ActionItem(
            id="P4",
            kind=PREVENTION,
            description=(
                "Give partners an after-hours number that pages the "
                "platform on-call engineer."
            ),
            owner="Rachel Adams",
            due=date(2025, 8, 15),
            status=ActionStatus.NOT_DOING,
            reason=(
                "Partner contracts cover business hours only, and the "
                "expiry alerts of P2 remove this class of failure."
            ),
            addresses_factors={Factor.NO_ESCALATION_PATH},
        ),
    )


def _follow_up() -> FollowUp:
    return FollowUp(
        review_date=date(2025, 9, 5),
        facilitator="Rachel Adams",
        reviews=(
            ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
            ActionReview(
                action_id="P1",
                status=ActionStatus.IN_PROGRESS,
                new_due=date(2025, 9, 30),
            ),
            ActionReview(action_id="P2", status=ActionStatus.COMPLETE),
            ActionReview(action_id="P3", status=ActionStatus.NOT_STARTED),
            ActionReview(action_id="P4", status=ActionStatus.NOT_DOING),
        ),
    )

"""No. 7: all five whys, and a facilitator who is the most senior.

The meeting went ahead with its director facilitating, so the
readiness check has an unmet prerequisite; the post-mortem is still
in review with its follow-up agenda empty.
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
)
from log_builders.common import (
    CONTAINMENT,
    DETECTION,
    INCIDENT,
    PREVENTION,
    RESPONSE,
    TRACKER,
    WIKI,
    clock,
    facilitator,
    involved,
    note_taker,
)

#: Reads this office's wall-clock times, in America/Los_Angeles.
at = clock("America/Los_Angeles")


def build() -> PostMortem:
    """Build post-mortem No. 7 from its worksheet sections."""
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
        number=7,
        filed_in=f"{WIKI}/0007",
        held_on=date(2026, 3, 13),
        status=ReviewStatus.IN_REVIEW,
        severity=Severity.HIGH,
        tags={"authentication", "feature-flags", "rollout"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=60,
        participants=(
            facilitator("Victor Alvarez", most_senior=True),
            note_taker("Zoe Harper"),
            involved("Noah Kim", RESPONSE),
            involved("Isabel Cruz", INCIDENT),
            involved("Mia Rossi", DETECTION),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Feature Flag Rollout Locked Out SSO Users",
        summary=(
            "Turning the new session service on for every user at once "
            "broke sign-in for customers who log in through single "
            "sign-on, about 18% of active users, for 21 minutes."
        ),
        first_occurrence=at("2026-03-10 10:05"),
        detected=at("2026-03-10 10:19"),
        acknowledged=at("2026-03-10 10:22"),
        mitigated=at("2026-03-10 10:26"),
        resolved=at("2026-03-10 11:40"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.CUSTOMER_FACING,
            severity=Severity.HIGH,
            notes="No SSO customer could sign in for 21 minutes.",
        ),
        Impact(
            category=ImpactCategory.REPUTATIONAL,
            severity=Severity.MEDIUM,
            notes="Three enterprise customers escalated.",
        ),
        Impact(
            category=ImpactCategory.INTERNAL_PROCESS,
            severity=Severity.LOW,
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            at=at("2026-03-10 10:05"),
            description="session-service flag raised from 5% to 100%.",
            evidence="https://flags.example.com/audit/session-service",
        ),
        TimelineEvent(
            at=at("2026-03-10 10:19"),
            description="Support escalates a burst of SSO tickets.",
        ),
        TimelineEvent(
            at=at("2026-03-10 10:22"),
            description="The identity team's on-call acknowledges.",
        ),
        TimelineEvent(
            at=at("2026-03-10 10:26"),
            description="Flag turned off; SSO sign-ins succeed again.",
        ),
        TimelineEvent(
            at=at("2026-03-10 11:40"),
            description=(
                "Sessions created during the window checked and repaired."
            ),
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger="The session-service flag was raised from 5% to 100%.",
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
                "The new service refused SSO tokens, which carry no "
                "email claim, because it required one.",
            ),
            Why(
                2,
                "The claim is required by a shared validation function "
                "whose tests use password logins only.",
            ),
            Why(
                3,
                "The 5% cohort was staff, who all use passwords, so "
                "the SSO path first ran in production at 100%.",
            ),
            Why(
                4,
                "Our rollout guideline sets no minimum stages for "
                "changes to authentication.",
            ),
            Why(
                5,
                "Each team writes its own rollout plan, and nobody "
                "reviews plans for risky paths.",
            ),
        ),
        changeable_level=4,
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(checked={Factor.ERROR_HANDLING}),
        process=FactorChecklist(
            checked={
                Factor.CHANGE_MANAGEMENT,
                Factor.INADEQUATE_TESTING,
            },
            notes="One step from 5% of staff to 100% of users.",
        ),
        assumption=FactorChecklist(
            checked={Factor.OTHER_ASSUMPTION},
            other=(
                "Assumed the staff cohort used every login method our "
                "customers use."
            ),
        ),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={EarlierDetection.MONITORING},
        missing_detection="A sign-in success alert per login method.",
        smaller_blast_radius={SmallerBlastRadius.CIRCUIT_BREAKER},
        missing_containment=(
            "Turning a rollout flag off automatically when sign-in "
            "failures jump."
        ),
    )


def _lessons() -> Lessons:
    return Lessons(
        went_well=("The flag turned the change off in seconds.",),
        went_wrong=("Support found it before our monitoring did.",),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Turn the session-service flag off.",
            owner="Noah Kim",
            due=date(2026, 3, 10),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 3, 10),
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Require authentication changes to roll out to 1%, 10%, "
                "50% and 100% of users, holding each stage for an hour, "
                "and enforce it in the flag service."
            ),
            owner="Isabel Cruz",
            due=date(2026, 4, 30),
            status=ActionStatus.IN_PROGRESS,
            ticket=f"{TRACKER}/IDN-95",
            addresses_factors={Factor.CHANGE_MANAGEMENT},
            addresses_whys={3, 4},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description=(
                "Run end-to-end sign-in tests for every identity provider "
                "we support in the session service's pipeline."
            ),
            owner="Noah Kim",
            due=date(2026, 4, 10),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 4, 8),
            addresses_factors={
                Factor.INADEQUATE_TESTING,
                Factor.OTHER_ASSUMPTION,
            },
            addresses_whys={2},
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description=(
                "Turn a rollout flag off automatically when sign-in "
                "failures of any login method exceed three times their "
                "baseline."
            ),
            owner="Noah Kim",
            due=date(2026, 5, 29),
        ),
        ActionItem(
            id="P4",
            kind=PREVENTION,
            description="Test more carefully before rollouts.",
            owner="Engineering",
        ),
    )


def _follow_up() -> FollowUp:
    return FollowUp(
        review_date=date(2026, 3, 24),
        facilitator="Zoe Harper",
    )

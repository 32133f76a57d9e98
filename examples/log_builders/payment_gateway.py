"""No. 4: the tutorial's incident, a slow payment gateway.

Every section is filled in; one prevention item is blocked on a
contract and another is overdue.
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

#: Reads this office's wall-clock times, in America/Chicago.
at = clock("America/Chicago")


def build() -> PostMortem:
    """Build post-mortem No. 4 from its worksheet sections."""
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
        number=4,
        filed_in=f"{WIKI}/0004",
        held_on=date(2025, 11, 18),
        status=ReviewStatus.REVIEWED,
        severity=Severity.HIGH,
        tags={"payments", "checkout", "third-party"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=90,
        participants=(
            facilitator("Nadia Rahman"),
            note_taker("Owen Fischer"),
            involved("Elena Petrova", DETECTION, RESPONSE),
            involved("Marcus Bell", RESPONSE),
            involved("Samuel Ortiz", INCIDENT),
            involved("Hannah Brooks", most_senior=True),
            involved(
                "Priscilla Gomez",
                DETECTION,
                attendance=Attendance.WRITTEN_INPUT,
            ),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Payment Gateway Timeout — Nov 14",
        summary=(
            "Our payment gateway slowed to responses of over 30 seconds "
            "for 47 minutes; checkout workers piled up waiting for it, "
            "about 3,100 checkouts failed, and the whole storefront slowed "
            "down with them."
        ),
        first_occurrence=at("2025-11-14 12:02"),
        detected=at("2025-11-14 12:09"),
        acknowledged=at("2025-11-14 12:13"),
        mitigated=at("2025-11-14 12:34"),
        resolved=at("2025-11-14 12:49"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.CUSTOMER_FACING,
            severity=Severity.HIGH,
            notes=(
                "About 3,100 checkouts failed; for half an hour every "
                "storefront page was slow, not only checkout."
            ),
        ),
        Impact(
            category=ImpactCategory.FINANCIAL_DIRECT,
            severity=Severity.HIGH,
            notes=(
                "About $58,000 of orders not placed; 41 customers "
                "charged without an order, since refunded."
            ),
        ),
        Impact(
            category=ImpactCategory.FINANCIAL_INDIRECT,
            severity=Severity.MEDIUM,
            notes="230 support tickets over the following two days.",
        ),
        Impact(
            category=ImpactCategory.REPUTATIONAL,
            severity=Severity.MEDIUM,
            notes="Complaints on social media during the lunch peak.",
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            at=at("2025-11-14 12:02"),
            description=(
                "Gateway response times rise from about 300 ms to over 30 s."
            ),
            evidence="https://grafana.example.com/d/payments?from=1202",
        ),
        TimelineEvent(
            at=approx(at("2025-11-14 12:05")),
            description=(
                "Every checkout worker is waiting on the gateway; "
                "storefront pages slow down."
            ),
        ),
        TimelineEvent(
            at=at("2025-11-14 12:09"),
            description=(
                "The 'checkout errors above 5%' alert pages on-call."
            ),
        ),
        TimelineEvent(
            at=at("2025-11-14 12:13"),
            description="On-call acknowledges and opens #inc-payments.",
        ),
        TimelineEvent(
            at=at("2025-11-14 12:20"),
            description="The provider's status page says operational.",
        ),
        TimelineEvent(
            at=at("2025-11-14 12:34"),
            description=(
                "Gateway client timeout lowered from 60 s to 10 s in "
                "configuration; the storefront recovers."
            ),
        ),
        TimelineEvent(
            at=at("2025-11-14 12:41"),
            description="The provider posts 'degraded performance'.",
        ),
        TimelineEvent(
            at=at("2025-11-14 12:49"),
            description="Gateway latency and checkout success normal.",
        ),
        TimelineEvent(
            at=at("2025-11-14 16:30"),
            description=("Reconciliation finds 41 charges with no order."),
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger=(
            "The payment gateway's response times rose from about 300 "
            "milliseconds to over 30 seconds for 47 minutes."
        ),
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
                "Each checkout held a worker for up to 60 seconds, "
                "three retries made it minutes, and the shared worker "
                "pool ran out.",
            ),
            Why(
                2,
                "The gateway client had a long timeout, retries and no "
                "circuit breaker, and shared its workers with every "
                "other page.",
            ),
            Why(
                3,
                "The client was configured from the provider's sample "
                "code at launch and tested against a failing gateway, "
                "never a slow one.",
            ),
            Why(
                4,
                "Nobody owns the settings of third-party integrations, "
                "and a 2024 proposal for a second gateway was closed "
                "as too costly.",
            ),
        ),
        changeable_level=3,
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(
            checked={
                Factor.NO_FALLBACK,
                Factor.NO_CIRCUIT_BREAKER,
                Factor.CAPACITY,
            },
            notes="60 s timeout, three retries, one shared worker pool.",
        ),
        process=FactorChecklist(
            checked={
                Factor.INADEQUATE_TESTING,
                Factor.NO_ESCALATION_PATH,
            },
            notes=(
                "Tests covered gateway errors, never slow answers; we "
                "had no fast way to reach the provider's engineers."
            ),
        ),
        assumption=FactorChecklist(
            checked={Factor.ASSUMED_STABLE_THIRD_PARTY},
            notes="We read the provider's uptime SLA as a speed promise.",
        ),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={EarlierDetection.PARTIALLY},
        missing_detection=(
            "An alert on gateway latency; the error-rate alert fired "
            "only once customers were failing."
        ),
        smaller_blast_radius={
            SmallerBlastRadius.CIRCUIT_BREAKER,
            SmallerBlastRadius.ISOLATION,
        },
        missing_containment=(
            "A circuit breaker that fails payment calls fast after "
            "repeated timeouts, and a worker pool of their own so the "
            "rest of the storefront keeps serving."
        ),
    )


def _lessons() -> Lessons:
    return Lessons(
        went_well=(
            "The error-rate alert paged within seven minutes.",
            "The timeout was a configuration change, with no deploy.",
        ),
        went_wrong=(
            "The whole storefront slowed, not only checkout.",
            "The provider's status page lagged by 39 minutes.",
        ),
        got_lucky=(
            "It happened at lunch, not during the evening peak.",
            "Reconciliation caught the orphaned charges the same day.",
        ),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Refund the 41 charges that have no order.",
            owner="Marcus Bell",
            due=date(2025, 11, 15),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 11, 15),
        ),
        ActionItem(
            id="C2",
            kind=CONTAINMENT,
            description=(
                "Set the gateway client's production timeout to 10 s, with "
                "one retry."
            ),
            owner="Elena Petrova",
            due=date(2025, 11, 17),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 11, 14),
            addresses_whys={2},
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Add a circuit breaker to the gateway client that opens "
                "when 20% of calls in 30 seconds time out, and show a "
                "retry message at checkout while it is open."
            ),
            owner="Elena Petrova",
            due=date(2025, 12, 12),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 12, 10),
            ticket=f"{TRACKER}/PAY-731",
            addresses_factors={Factor.NO_CIRCUIT_BREAKER},
            addresses_whys={2},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description=(
                "Run payment calls in a worker pool of their own, capped "
                "at 30% of the storefront's workers."
            ),
            owner="Samuel Ortiz",
            due=date(2026, 1, 16),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 1, 28),
            ticket=f"{TRACKER}/PAY-732",
            addresses_factors={Factor.CAPACITY},
            addresses_whys={1},
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description=(
                "Contract a second payment gateway and fail over to it "
                "automatically while the circuit breaker is open."
            ),
            owner="Hannah Brooks",
            due=date(2026, 2, 27),
            status=ActionStatus.BLOCKED,
            reason="Legal has not finished reviewing the second contract.",
            ticket=f"{TRACKER}/PAY-733",
            addresses_factors={
                Factor.NO_FALLBACK,
                Factor.ASSUMED_STABLE_THIRD_PARTY,
            },
            addresses_whys={4},
        ),
        ActionItem(
            id="P4",
            kind=PREVENTION,
            description=(
                "Add a load test that slows the gateway sandbox to 30 s "
                "responses, and run it before every checkout release."
            ),
            owner="Samuel Ortiz",
            due=date(2026, 1, 30),
            status=ActionStatus.IN_PROGRESS,
            ticket=f"{TRACKER}/PAY-734",
            addresses_factors={Factor.INADEQUATE_TESTING},
            addresses_whys={3},
        ),
        ActionItem(
            id="P5",
            kind=PREVENTION,
            description=(
                "Page on-call when gateway p95 latency stays above 2 s for "
                "two minutes."
            ),
            owner="Elena Petrova",
            due=date(2025, 11, 28),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 11, 26),
        ),
    )


def _follow_up() -> FollowUp:
    return FollowUp(
        review_date=date(2025, 12, 2),
        facilitator="Nadia Rahman",
        reviews=(
            ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
            ActionReview(action_id="C2", status=ActionStatus.COMPLETE),
            ActionReview(action_id="P1", status=ActionStatus.IN_PROGRESS),
            ActionReview(action_id="P2", status=ActionStatus.NOT_STARTED),
            ActionReview(
                action_id="P3",
                status=ActionStatus.BLOCKED,
                blocked_reason="The contract is with Legal.",
                new_due=date(2026, 3, 31),
            ),
            ActionReview(action_id="P4", status=ActionStatus.NOT_STARTED),
            ActionReview(action_id="P5", status=ActionStatus.COMPLETE),
        ),
    )

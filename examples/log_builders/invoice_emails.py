"""No. 5: a small, quickly closed incident recorded in UTC.

The first occurrence is approximate; an "other assumption" names the
belief that turned out wrong.
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
    WIKI,
    clock,
    facilitator,
    involved,
    note_taker,
)

#: Reads this office's wall-clock times, in UTC.
at = clock("UTC")


def build() -> PostMortem:
    """Build post-mortem No. 5 from its worksheet sections."""
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
        number=5,
        filed_in=f"{WIKI}/0005",
        held_on=date(2025, 12, 10),
        status=ReviewStatus.CLOSED,
        severity=Severity.LOW,
        tags={"email", "billing"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=60,
        participants=(
            facilitator("Tom Becker"),
            note_taker("Ingrid Larsen"),
            involved("Kwame Mensah", RESPONSE),
            involved("Fatima Zahra", DETECTION, RESPONSE),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Duplicate Invoice Emails After Mail Provider Timeouts",
        summary=(
            "The mail provider answered with timeouts for messages it had "
            "in fact accepted; our invoice mailer resent them, and about "
            "6,200 customers got two to five copies of their December "
            "invoice."
        ),
        first_occurrence=approx(at("2025-12-08 03:00")),
        detected=at("2025-12-08 07:25"),
        acknowledged=at("2025-12-08 07:40"),
        mitigated=at("2025-12-08 07:52"),
        resolved=at("2025-12-08 10:15"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.CUSTOMER_FACING,
            severity=Severity.LOW,
            notes="Confusing duplicate emails; 37 customers paid twice.",
        ),
        Impact(
            category=ImpactCategory.FINANCIAL_INDIRECT,
            severity=Severity.LOW,
            notes="310 support tickets and 37 refunds to process.",
        ),
        Impact(
            category=ImpactCategory.REPUTATIONAL,
            severity=Severity.LOW,
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            at=approx(at("2025-12-08 03:00")),
            description=(
                "The mail provider starts answering slowly; the mailer "
                "times out and resends."
            ),
        ),
        TimelineEvent(
            at=at("2025-12-08 07:25"),
            description="Support sees a wave of 'why four invoices?'.",
        ),
        TimelineEvent(
            at=at("2025-12-08 07:40"),
            description="The billing on-call engineer takes it.",
        ),
        TimelineEvent(
            at=at("2025-12-08 07:52"),
            description="Invoice queue paused; queued retries dropped.",
        ),
        TimelineEvent(
            at=at("2025-12-08 10:15"),
            description="Mailer sends with idempotency keys; queue on.",
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger=(
            "The mail provider timed out on messages it had already accepted."
        ),
        whys=_five_whys(),
        factors=_factors(),
        resilience=_resilience(),
        lessons=_lessons(),
    )


def _five_whys() -> FiveWhys:
    return FiveWhys(
        whys=(
            Why(1, "The mailer resent every message whose send timed out."),
            Why(
                2,
                "Sends carried no idempotency key, so the provider "
                "took each resend as a new message.",
            ),
            Why(
                3,
                "The provider added idempotency keys after our mailer "
                "was written, and the mailer was never revisited.",
            ),
        ),
        changeable_level=2,
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(
            checked={Factor.ERROR_HANDLING},
            notes="A timeout was handled as a failure to send.",
        ),
        process=FactorChecklist(checked={Factor.INADEQUATE_TESTING}),
        assumption=FactorChecklist(
            checked={Factor.OTHER_ASSUMPTION},
            other=("Assumed a timeout meant the message had not been sent."),
        ),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={EarlierDetection.MONITORING},
        missing_detection=(
            "An alert when one customer receives more than one invoice "
            "email in a day."
        ),
        smaller_blast_radius={SmallerBlastRadius.CIRCUIT_BREAKER},
        missing_containment=(
            "An automatic pause of the invoice queue when resends "
            "exceed 5% of sends."
        ),
    )


def _lessons() -> Lessons:
    return Lessons(
        went_well=("Support spotted the pattern within minutes.",),
        went_wrong=("Four hours of resends before anyone knew.",),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Pause the invoice queue and drop queued resends.",
            owner="Kwame Mensah",
            due=date(2025, 12, 8),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 12, 8),
        ),
        ActionItem(
            id="C2",
            kind=CONTAINMENT,
            description="Refund the 37 duplicate bank-transfer payments.",
            owner="Fatima Zahra",
            due=date(2025, 12, 12),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 12, 11),
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Send every transactional email with an idempotency key "
                "derived from its message id."
            ),
            owner="Kwame Mensah",
            due=date(2026, 1, 9),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 1, 7),
            addresses_factors={
                Factor.ERROR_HANDLING,
                Factor.OTHER_ASSUMPTION,
            },
            addresses_whys={1, 2},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description=(
                "Add an integration test in which the provider's sandbox "
                "accepts a message and then times out, asserting exactly "
                "one delivery."
            ),
            owner="Ingrid Larsen",
            due=date(2026, 1, 16),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 1, 20),
            addresses_factors={Factor.INADEQUATE_TESTING},
        ),
    )


def _follow_up() -> FollowUp:
    return FollowUp(
        review_date=date(2025, 12, 22),
        facilitator="Tom Becker",
        reviews=(
            ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
            ActionReview(action_id="C2", status=ActionStatus.COMPLETE),
            ActionReview(action_id="P1", status=ActionStatus.IN_PROGRESS),
            ActionReview(action_id="P2", status=ActionStatus.NOT_STARTED),
        ),
    )

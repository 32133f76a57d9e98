"""No. 13: a draft, as it stands halfway through the meeting.

Times, severities, owners and due dates are still blank; the meeting
started with 45 minutes blocked, one responder missing and one person
who has not yet agreed to every ground rule.
"""

from __future__ import annotations

from datetime import date

from blameless import (
    ActionItem,
    Attendance,
    CausalAnalysis,
    ContributingFactors,
    Factor,
    FactorChecklist,
    FiveWhys,
    GroundRule,
    Impact,
    ImpactCategory,
    IncidentReport,
    LogEntry,
    Participant,
    PostMortem,
    Readiness,
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
    WIKI,
    clock,
    facilitator,
    involved,
    note_taker,
)

#: Reads this office's wall-clock times, in America/New_York.
at = clock("America/New_York")


def build() -> PostMortem:
    """Build post-mortem No. 13 from its worksheet sections."""
    return PostMortem(
        log=_log_entry(),
        readiness=_readiness(),
        incident=_incident(),
        analysis=_analysis(),
        actions=(*_containment(), *_prevention()),
    )


def _log_entry() -> LogEntry:
    return LogEntry(
        number=13,
        filed_in=f"{WIKI}/0013",
        held_on=date(2026, 11, 24),
        tags={"webhooks", "networking"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=45,
        participants=(
            facilitator("Jordan Ellis"),
            note_taker("Priya Natarajan"),
            involved("Marco Bianchi", RESPONSE),
            involved(
                "Tessa Wright",
                INCIDENT,
                attendance=Attendance.ABSENT,
            ),
            Participant(
                name="Gabriel Stone",
                involvement={DETECTION},
                agreed={
                    GroundRule.BEST_INTENT,
                    GroundRule.SYSTEM_NOT_PEOPLE,
                },
            ),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Webhook Deliveries Dropped During a Load Balancer Migration",
        summary=(
            "While webhook traffic moved to the new load balancers, "
            "deliveries to customers' endpoints failed and were not "
            "retried."
        ),
        detected=approx(at("2026-11-17 14:00")),
        resolved=at("2026-11-17 16:45"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.CUSTOMER_FACING,
            notes="How many deliveries were lost is being counted.",
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            description="Migration of webhook traffic starts.",
        ),
        TimelineEvent(
            at=approx(at("2026-11-17 14:00")),
            description="A customer reports missing order webhooks.",
        ),
        TimelineEvent(
            at=at("2026-11-17 16:45"),
            description="Traffic back on the old load balancers.",
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger=(
            "The new load balancers closed idle connections after 30 "
            "seconds instead of 120."
        ),
        whys=_five_whys(),
        factors=_factors(),
    )


def _five_whys() -> FiveWhys:
    return FiveWhys(
        whys=(
            Why(
                1,
                "The webhook sender treats a closed connection as "
                "delivered and does not retry it.",
            ),
            Why(2),
        ),
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(checked={Factor.ERROR_HANDLING}),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description=(
                "Re-send the webhooks that failed between 13:00 and 16:45."
            ),
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description="Investigate retries.",
        ),
    )

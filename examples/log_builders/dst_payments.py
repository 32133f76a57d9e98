"""No. 12: a job that ran twice in the hour the clocks went back.

Its detection gap spans the change from summer to winter time, so it
is an hour longer than the wall clocks suggest.
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

#: Reads this office's wall-clock times, in Europe/Berlin.
at = clock("Europe/Berlin")


def build() -> PostMortem:
    """Build post-mortem No. 12 from its worksheet sections."""
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
        number=12,
        filed_in=f"{WIKI}/0012",
        held_on=date(2026, 10, 29),
        status=ReviewStatus.REVIEWED,
        severity=Severity.HIGH,
        tags={"payments", "scheduling", "dst"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=90,
        participants=(
            facilitator("Sofia Lindqvist"),
            note_taker("Tomasz Nowak"),
            involved("Felix Braun", INCIDENT, RESPONSE),
            involved("Anja Schulz", DETECTION, RESPONSE),
            involved("Clara Vogel", RESPONSE),
            involved("Markus Brandt", most_senior=True),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Supplier Payment Run Executed Twice on the DST Change",
        summary=(
            "On the night the clocks went back, the scheduler ran the "
            "02:30 supplier payment job twice, once in summer time and "
            "once in winter time, and 312 suppliers were paid twice, "
            "1.84 million euros in all."
        ),
        first_occurrence=at("2026-10-25 00:00"),
        detected=at("2026-10-26 09:15"),
        acknowledged=at("2026-10-26 09:30"),
        mitigated=at("2026-10-26 09:50"),
        resolved=at("2026-11-06 16:00"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.FINANCIAL_DIRECT,
            severity=Severity.HIGH,
            notes=(
                "€1.84M paid twice; €1.79M recalled within twelve days, "
                "the rest offset against December invoices."
            ),
        ),
        Impact(
            category=ImpactCategory.INTERNAL_PROCESS,
            severity=Severity.MEDIUM,
            notes="Treasury spent two weeks on recalls.",
        ),
        Impact(
            category=ImpactCategory.REPUTATIONAL,
            severity=Severity.LOW,
            notes="Suppliers asked whether we had been hacked.",
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            at=at("2026-10-25 00:00"),
            description=(
                "The scheduler expands the day's schedule and lists "
                "the 02:30 payment run twice."
            ),
            evidence=f"{WIKI}/0012/scheduler-2026-10-25.log",
        ),
        TimelineEvent(
            at=at("2026-10-25 02:30"),
            description="First run (summer time) sends 312 payments.",
        ),
        TimelineEvent(
            # fold=1: the second of the two 02:30s of that night.
            at=at("2026-10-25 02:30").replace(fold=1),
            description="Second run (winter time) sends them again.",
        ),
        TimelineEvent(
            at=at("2026-10-26 09:15"),
            description=(
                "Treasury finds the duplicates reconciling the bank statement."
            ),
        ),
        TimelineEvent(
            at=at("2026-10-26 09:50"),
            description="Payment job disabled; the bank asked to recall.",
        ),
        TimelineEvent(
            at=at("2026-11-06 16:00"),
            description="Last recall confirmed.",
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger=(
            "The clocks went back an hour, so 02:30 local time happened "
            "twice that night."
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
                "The scheduler starts a job at each moment whose local "
                "time matches its schedule, and 02:30 matched twice.",
            ),
            Why(
                2,
                "The payment job has no guard against a second run for "
                "the same business day.",
            ),
            Why(
                3,
                "The schedule is in local time because the bank's "
                "cut-off is, and nobody checked what the scheduler does "
                "with a repeated hour.",
            ),
        ),
        changeable_level=2,
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(
            checked={Factor.OTHER_SYSTEM},
            other="The payment run is not idempotent per business day.",
        ),
        process=FactorChecklist(
            checked={Factor.INADEQUATE_TESTING},
            notes="No test covers a change of clocks.",
        ),
        assumption=FactorChecklist(
            checked={Factor.OTHER_ASSUMPTION},
            other="Assumed every local time occurs once a day.",
        ),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={EarlierDetection.MONITORING},
        missing_detection=(
            "An alert when a day's outgoing payments exceed twice the "
            "30-day average."
        ),
        smaller_blast_radius={SmallerBlastRadius.CIRCUIT_BREAKER},
        missing_containment=(
            "Holding a second payment run for the same business day "
            "until treasury approves it."
        ),
    )


def _lessons() -> Lessons:
    return Lessons(
        went_well=("The bank recalled most payments within days.",),
        went_wrong=("Thirty hours passed before anyone looked.",),
        got_lucky=("Only one job in the scheduler runs in that hour.",),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description=(
                "Recall the 312 duplicate payments through the bank, or "
                "offset them against the suppliers' next invoices."
            ),
            owner="Anja Schulz",
            due=date(2026, 11, 6),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 11, 6),
        ),
        ActionItem(
            id="C2",
            kind=CONTAINMENT,
            description="Schedule the payment job at 01:30 UTC.",
            owner="Felix Braun",
            due=date(2026, 10, 27),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 10, 26),
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Record each payment run by business day, and refuse a "
                "second run for the same day without treasury approval."
            ),
            owner="Felix Braun",
            due=date(2026, 11, 27),
            status=ActionStatus.IN_PROGRESS,
            ticket=f"{TRACKER}/TRE-64",
            addresses_factors={Factor.OTHER_SYSTEM},
            addresses_whys={2},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description=(
                "Test every scheduled job against both clock changes of "
                "each zone it is scheduled in."
            ),
            owner="Clara Vogel",
            due=date(2026, 12, 18),
            addresses_factors={
                Factor.INADEQUATE_TESTING,
                Factor.OTHER_ASSUMPTION,
            },
            addresses_whys={3},
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description=(
                "Alert treasury when a day's outgoing payments exceed "
                "twice their 30-day average."
            ),
            owner="Clara Vogel",
            due=date(2026, 11, 20),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 11, 18),
        ),
    )


def _follow_up() -> FollowUp:
    return FollowUp(
        review_date=date(2026, 11, 10),
        facilitator="Sofia Lindqvist",
        reviews=(
            ActionReview(action_id="C1", status=ActionStatus.IN_PROGRESS),
            ActionReview(action_id="C2", status=ActionStatus.COMPLETE),
            ActionReview(action_id="P1", status=ActionStatus.IN_PROGRESS),
            ActionReview(action_id="P2", status=ActionStatus.NOT_STARTED),
            ActionReview(action_id="P3", status=ActionStatus.IN_PROGRESS),
        ),
    )

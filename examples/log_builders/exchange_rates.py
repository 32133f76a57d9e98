"""No. 8: another third-party format change, a year after No. 1.

The same class of failure as the CRM sync in another system; its
follow-up came three weeks late and the validation item is overdue.
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
    TRACKER,
    WIKI,
    clock,
    facilitator,
    involved,
    note_taker,
)

#: Reads this office's wall-clock times, in Europe/London.
at = clock("Europe/London")


def build() -> PostMortem:
    """Build post-mortem No. 8 from its worksheet sections."""
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
        number=8,
        filed_in=f"{WIKI}/0008",
        held_on=date(2026, 5, 20),
        status=ReviewStatus.REVIEWED,
        severity=Severity.MEDIUM,
        tags={"finance", "data-quality", "third-party"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=60,
        participants=(
            facilitator("Hugh Palmer"),
            note_taker("Evie Turner"),
            involved("Oliver Grant", RESPONSE),
            involved("Amelia Shaw", DETECTION, RESPONSE),
            involved("Catherine Hale", most_senior=True),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Stale Exchange Rates After a Vendor Feed Change",
        summary=(
            "Our exchange-rate importer kept the previous day's rates for "
            "about 34 hours after the rate vendor changed the date format "
            "of its feed, so euro and dollar invoices were priced at stale "
            "rates."
        ),
        first_occurrence=approx(at("2026-05-14 06:00")),
        detected=at("2026-05-15 16:20"),
        acknowledged=at("2026-05-15 16:45"),
        mitigated=at("2026-05-15 17:30"),
        resolved=at("2026-05-16 11:00"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.FINANCIAL_DIRECT,
            severity=Severity.MEDIUM,
            notes="£4,900 of pricing variance over 1,240 invoices.",
        ),
        Impact(
            category=ImpactCategory.DATA_LOSS,
            severity=Severity.LOW,
            notes="A gap in rate history, backfilled from the vendor.",
        ),
        Impact(
            category=ImpactCategory.COMPLIANCE,
            severity=Severity.LOW,
            notes=(
                "Policy requires the invoice date's rate; the auditors "
                "were told."
            ),
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            at=approx(at("2026-05-14 06:00")),
            description=(
                "The first feed in the new format arrives and fails to "
                "parse; the importer keeps yesterday's rates."
            ),
        ),
        TimelineEvent(
            at=at("2026-05-15 16:20"),
            description="Finance notices the EUR rate has not moved.",
        ),
        TimelineEvent(
            at=at("2026-05-15 16:45"),
            description="The finance-systems on-call takes it.",
        ),
        TimelineEvent(
            at=at("2026-05-15 17:30"),
            description="Rates entered by hand; invoicing continues.",
        ),
        TimelineEvent(
            at=at("2026-05-16 11:00"),
            description="Importer reads the new format; gap backfilled.",
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger=("The rate vendor changed the date format of its daily feed."),
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
                "The importer could not parse the new dates and fell "
                "back, silently, to the last rates it had.",
            ),
            Why(
                2,
                "The fallback was written to ride out short vendor "
                "outages and cannot tell an outage from a rejected "
                "file.",
            ),
            Why(
                3,
                "Nobody has reviewed the importer's failure modes "
                "since it was written in 2022.",
            ),
        ),
        changeable_level=2,
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(
            checked={
                Factor.NO_INPUT_VALIDATION,
                Factor.ERROR_HANDLING,
                Factor.NO_MONITORING,
            },
            notes="The parse error was logged at debug level.",
        ),
        process=FactorChecklist(
            checked={Factor.POOR_COMMUNICATION},
            notes="The vendor's notice went to an unread shared inbox.",
        ),
        assumption=FactorChecklist(
            checked={
                Factor.ASSUMED_STABLE_THIRD_PARTY,
                Factor.ASSUMED_SOMEONE_ELSE,
            },
        ),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={EarlierDetection.MONITORING},
        missing_detection="An alert when rates are older than 26 hours.",
        smaller_blast_radius={SmallerBlastRadius.CIRCUIT_BREAKER},
        missing_containment=(
            "Holding foreign-currency invoices while rates are stale "
            "instead of pricing them at old rates."
        ),
    )


def _lessons() -> Lessons:
    return Lessons(
        went_well=("The vendor's archive let us backfill every day.",),
        went_wrong=("Same class of failure as post-mortem 1.",),
        got_lucky=("Sterling moved little against the euro that week.",),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description=(
                "Parse the feed's new ISO dates and backfill the missing "
                "rates."
            ),
            owner="Oliver Grant",
            due=date(2026, 5, 16),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 5, 16),
        ),
        ActionItem(
            id="C2",
            kind=CONTAINMENT,
            description="Re-issue the 1,240 affected invoices.",
            owner="Amelia Shaw",
            due=date(2026, 5, 29),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 6, 3),
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Page the finance-systems on-call when the newest stored "
                "rate is older than 26 hours."
            ),
            owner="Oliver Grant",
            due=date(2026, 6, 12),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 6, 10),
            addresses_factors={Factor.NO_MONITORING},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description=(
                "Validate every rate file against a schema, and reject a "
                "failing file with an alert instead of keeping old rates."
            ),
            owner="Oliver Grant",
            due=date(2026, 7, 31),
            status=ActionStatus.IN_PROGRESS,
            ticket=f"{TRACKER}/FIN-418",
            addresses_factors={
                Factor.NO_INPUT_VALIDATION,
                Factor.ERROR_HANDLING,
                Factor.ASSUMED_STABLE_THIRD_PARTY,
            },
            addresses_whys={1, 2},
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description=(
                "Route vendor change notices to the finance-systems ticket "
                "queue instead of the shared inbox."
            ),
            owner="Amelia Shaw",
            due=date(2026, 6, 5),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 6, 1),
            addresses_factors={
                Factor.POOR_COMMUNICATION,
                Factor.ASSUMED_SOMEONE_ELSE,
            },
        ),
    )


def _follow_up() -> FollowUp:
    return FollowUp(
        review_date=date(2026, 6, 10),
        facilitator="Hugh Palmer",
        reviews=(
            ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
            ActionReview(action_id="C2", status=ActionStatus.COMPLETE),
            ActionReview(action_id="P1", status=ActionStatus.COMPLETE),
            ActionReview(action_id="P2", status=ActionStatus.IN_PROGRESS),
            ActionReview(action_id="P3", status=ActionStatus.COMPLETE),
        ),
    )

"""No. 11: a manual step, approximate times, and an absent witness.

The picker who noticed the problem was neither present nor heard from,
so the readiness check has an unmet prerequisite; no follow-up was
scheduled.
"""

from __future__ import annotations

from datetime import date

from blameless import (
    ActionItem,
    ActionStatus,
    Attendance,
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
    PostMortem,
    Readiness,
    Resilience,
    ReviewStatus,
    Severity,
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

#: Reads this office's wall-clock times, in Pacific/Auckland.
at = clock("Pacific/Auckland")


def build() -> PostMortem:
    """Build post-mortem No. 11 from its worksheet sections."""
    return PostMortem(
        log=_log_entry(),
        readiness=_readiness(),
        incident=_incident(),
        analysis=_analysis(),
        actions=(*_containment(), *_prevention()),
    )


def _log_entry() -> LogEntry:
    return LogEntry(
        number=11,
        filed_in=f"{WIKI}/0011",
        held_on=date(2026, 9, 15),
        status=ReviewStatus.REVIEWED,
        severity=Severity.MEDIUM,
        tags={"inventory", "manual-step", "data-quality"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=60,
        participants=(
            facilitator("Mere Tautahi"),
            note_taker("Liam Fraser"),
            involved("Aroha Ngata", INCIDENT, RESPONSE),
            involved("Ethan Walker", RESPONSE),
            involved("Hemi Parata", DETECTION, attendance=Attendance.ABSENT),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Inventory Counts Overwritten by a Spreadsheet Import",
        summary=(
            "A weekly stock spreadsheet with its columns in a new order was "
            "imported by hand and set the counts of 860 products to their "
            "supplier codes; the shop sold 94 items it did not have."
        ),
        first_occurrence=approx(at("2026-09-07 09:00")),
        detected=at("2026-09-10 15:30"),
        resolved=approx(at("2026-09-11 17:00")),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.DATA_LOSS,
            severity=Severity.MEDIUM,
            notes="860 stock counts wrong for three and a half days.",
        ),
        Impact(
            category=ImpactCategory.CUSTOMER_FACING,
            severity=Severity.MEDIUM,
            notes="94 orders cancelled or delayed.",
        ),
        Impact(
            category=ImpactCategory.FINANCIAL_INDIRECT,
            severity=Severity.LOW,
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            at=approx(at("2026-09-07 09:00")),
            description="The weekly stock spreadsheet is imported.",
        ),
        TimelineEvent(
            at=at("2026-09-10 15:30"),
            description=(
                "A picker reports an order for 40 units of a product "
                "with three on the shelf."
            ),
        ),
        TimelineEvent(
            at=approx(at("2026-09-11 17:00")),
            description="Counts restored from a stocktake and backups.",
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger="A supplier reordered the columns of its stock sheet.",
        whys=_five_whys(),
        factors=_factors(),
        resilience=_resilience(),
    )


def _five_whys() -> FiveWhys:
    return FiveWhys(
        whys=(
            Why(
                1,
                "The import reads columns by position, not by header.",
            ),
            Why(
                2,
                "It checks neither the header row nor whether the "
                "numbers look like stock counts.",
            ),
            Why(
                3,
                "The import was meant to be supervised by someone "
                "looking at the preview, and the preview is skipped "
                "when it is busy.",
            ),
        ),
        changeable_level=2,
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(checked={Factor.NO_INPUT_VALIDATION}),
        process=FactorChecklist(
            checked={Factor.OTHER_PROCESS},
            other="Supplier sheet changes are not announced to anyone.",
        ),
        assumption=FactorChecklist(
            checked={
                Factor.ASSUMED_MANUAL_STEP,
                Factor.ASSUMED_CLEAN_INPUT,
            },
        ),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={EarlierDetection.MANUAL_CHECK},
        missing_detection="The preview step, when it is skipped.",
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Fix the counts.",
            owner="Aroha Ngata",
            due=date(2026, 9, 11),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 9, 11),
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description="Double-check spreadsheets before importing.",
            owner="Warehouse team",
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description=(
                "Reject a stock import whose header row differs from the "
                "expected columns, or that changes more than 20 counts by "
                "over 50%, and show the rejected rows."
            ),
            owner="Ethan Walker",
            due=date(2026, 10, 16),
            ticket=f"{TRACKER}/OPS-212",
            addresses_factors={
                Factor.NO_INPUT_VALIDATION,
                Factor.ASSUMED_CLEAN_INPUT,
                Factor.ASSUMED_MANUAL_STEP,
            },
            addresses_whys={1, 2},
        ),
    )

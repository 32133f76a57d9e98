"""No. 1: the worksheet's own scenario, a CRM sync gone wrong.

Complete and closed; every action item is done, including the
systemic validation circuit breaker the worksheet recommends.
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
    """Build post-mortem No. 1 from its worksheet sections."""
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
        number=1,
        filed_in=f"{WIKI}/0001",
        held_on=date(2025, 6, 16),
        status=ReviewStatus.CLOSED,
        severity=Severity.HIGH,
        tags={"crm-sync", "data-quality", "third-party"},
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=90,
        participants=(
            facilitator("Sofia Lindqvist"),
            note_taker("Tomasz Nowak"),
            involved("Jonas Weber", INCIDENT, RESPONSE),
            involved("Lena Hoffmann", DETECTION),
            involved("Priya Raman", RESPONSE),
            involved("Markus Brandt", most_senior=True),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Nightly CRM Sync Email Corruption",
        summary=(
            "After our CRM vendor changed the email field of its contacts "
            "API from a string to an object, the nightly sync wrote the "
            "object's text into the email field of 41,300 customer "
            "records. Two scheduled campaigns went out to the broken "
            "addresses before the sync was paused."
        ),
        first_occurrence=at("2025-06-12 02:14"),
        detected=at("2025-06-12 08:52"),
        acknowledged=at("2025-06-12 09:05"),
        mitigated=at("2025-06-12 09:20"),
        resolved=at("2025-06-12 16:40"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.DATA_LOSS,
            severity=Severity.HIGH,
            notes=(
                "41,300 email addresses overwritten; restored from the "
                "01:00 snapshot, and 212 edits made after it re-entered "
                "by hand."
            ),
        ),
        Impact(
            category=ImpactCategory.CUSTOMER_FACING,
            severity=Severity.MEDIUM,
            notes=(
                "The June product update and 1,900 order confirmations "
                "bounced; those customers got no confirmation."
            ),
        ),
        Impact(
            category=ImpactCategory.FINANCIAL_INDIRECT,
            severity=Severity.MEDIUM,
            notes="Two people for a full day on the restore.",
        ),
        Impact(
            category=ImpactCategory.REPUTATIONAL,
            severity=Severity.LOW,
            notes=(
                "The bounce rate put our sender reputation at risk with "
                "the email provider."
            ),
        ),
        Impact(
            category=ImpactCategory.COMPLIANCE,
            applies=False,
            notes="No message reached a wrong person; checked by Legal.",
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            at=approx(at("2025-06-11 18:00")),
            description=(
                "The CRM vendor releases API 3.4; contacts' email is "
                "now an object with an address and a verified flag."
            ),
            evidence="https://status.crm-vendor.example/changelog/3.4",
        ),
        TimelineEvent(
            at=at("2025-06-12 02:00"),
            description="The nightly sync starts.",
            evidence=f"{WIKI}/0001/sync-log-2025-06-12.txt",
        ),
        TimelineEvent(
            at=at("2025-06-12 02:14"),
            description="The sync writes its first malformed address.",
        ),
        TimelineEvent(
            at=at("2025-06-12 02:51"),
            description="The sync finishes and reports zero errors.",
        ),
        TimelineEvent(
            at=at("2025-06-12 06:00"),
            description=(
                "The June product update campaign is sent; 11,800 "
                "messages bounce."
            ),
        ),
        TimelineEvent(
            at=at("2025-06-12 08:52"),
            description=(
                "Marketing operations sees the bounce spike on the "
                "email provider's dashboard and posts in "
                "#data-incidents."
            ),
        ),
        TimelineEvent(
            at=at("2025-06-12 09:05"),
            description="The on-call data engineer takes the incident.",
        ),
        TimelineEvent(
            at=at("2025-06-12 09:20"),
            description="The sync and all scheduled campaigns paused.",
        ),
        TimelineEvent(
            at=at("2025-06-12 11:30"),
            description="The field's change of type found in API 3.4.",
        ),
        TimelineEvent(
            at=at("2025-06-12 16:40"),
            description=(
                "Addresses restored from the snapshot; campaigns resumed."
            ),
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger=(
            "The CRM vendor changed the type of the contacts' email field "
            "without a new API version, and the sync stored the new "
            "object's text as the address."
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
                "The sync copies whatever the API returns into our "
                "contact table without checking that an email field "
                "holds an email address.",
            ),
            Why(
                2,
                "Nothing validates data at the sync's boundary; its "
                "mapper turns every value into text.",
            ),
            Why(
                3,
                "The sync began as a one-off migration script in 2023 "
                "and became a nightly job without a design review.",
            ),
            Why(
                4,
                "Nobody owned it after the migration project ended, so "
                "its hardening tickets were never scheduled.",
            ),
        ),
        changeable_level=4,
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(
            checked={
                Factor.NO_INPUT_VALIDATION,
                Factor.NO_CIRCUIT_BREAKER,
                Factor.NO_MONITORING,
            },
            notes=(
                "The job reported success after writing 41,300 "
                "malformed rows, and nothing watched bounce rates."
            ),
        ),
        process=FactorChecklist(
            checked={Factor.OTHER_PROCESS},
            other="Scheduled jobs have no owning team once built.",
        ),
        assumption=FactorChecklist(
            checked={
                Factor.ASSUMED_STABLE_THIRD_PARTY,
                Factor.ASSUMED_CLEAN_INPUT,
            },
            notes="We read the vendor's API as a fixed contract.",
        ),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={EarlierDetection.MONITORING},
        missing_detection=(
            "An alert on the share of synced records that fail "
            "validation, and on bounce rates above 2%."
        ),
        smaller_blast_radius={
            SmallerBlastRadius.CIRCUIT_BREAKER,
            SmallerBlastRadius.ROLLBACK,
        },
        missing_containment=(
            "A pause of the sync when more than 1% of incoming records "
            "fail schema validation, and a one-step restore of the "
            "contact table from its pre-sync snapshot."
        ),
    )


def _lessons() -> Lessons:
    return Lessons(
        went_well=(
            "The 01:00 snapshot existed and restored cleanly.",
            "Marketing operations raised it minutes after noticing.",
        ),
        went_wrong=(
            "The sync reported success while it wrote bad data.",
            "A campaign went out before anyone knew.",
        ),
        got_lucky=(
            "The email provider did not suspend our sending domain.",
            "The vendor's release landed after a snapshot, not before.",
        ),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description=(
                "Restore the email field of the 41,300 affected records "
                "from the 01:00 snapshot."
            ),
            owner="Jonas Weber",
            due=date(2025, 6, 12),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 6, 12),
        ),
        ActionItem(
            id="C2",
            kind=CONTAINMENT,
            description=(
                "Read the address from the new email object in the sync's "
                "field mapping."
            ),
            owner="Jonas Weber",
            due=date(2025, 6, 13),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 6, 13),
            addresses_whys={1},
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Implement a data validation circuit breaker that pauses "
                "the CRM sync and pages the on-call data engineer when more "
                "than 1% of incoming records fail schema validation."
            ),
            owner="Priya Raman",
            due=date(2025, 7, 11),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 7, 9),
            ticket=f"{TRACKER}/DATA-1184",
            addresses_factors={
                Factor.NO_INPUT_VALIDATION,
                Factor.NO_CIRCUIT_BREAKER,
                Factor.ASSUMED_CLEAN_INPUT,
                Factor.ASSUMED_STABLE_THIRD_PARTY,
            },
            addresses_whys={1, 2},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description=(
                "Alert #marketing-ops when the bounce rate of any send "
                "exceeds 2%."
            ),
            owner="Lena Hoffmann",
            due=date(2025, 6, 27),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 6, 25),
            ticket=f"{TRACKER}/MOPS-310",
            addresses_factors={Factor.NO_MONITORING},
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description=(
                "Name an owning team for every scheduled data job in the "
                "job registry, and review the registry each quarter."
            ),
            owner="Markus Brandt",
            due=date(2025, 7, 31),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 7, 30),
            addresses_factors={Factor.OTHER_PROCESS},
            addresses_whys={3, 4},
        ),
    )


def _follow_up() -> FollowUp:
    return FollowUp(
        review_date=date(2025, 6, 24),
        facilitator="Sofia Lindqvist",
        reviews=(
            ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
            ActionReview(action_id="C2", status=ActionStatus.COMPLETE),
            ActionReview(action_id="P1", status=ActionStatus.IN_PROGRESS),
            ActionReview(action_id="P2", status=ActionStatus.IN_PROGRESS),
            ActionReview(action_id="P3", status=ActionStatus.NOT_STARTED),
        ),
    )

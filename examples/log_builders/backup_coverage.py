"""No. 3: a near miss found by a restore drill.

The first occurrence is approximate, the blast-radius question is left
unanswered, and the main prevention item is blocked on a vendor.
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

#: Reads this office's wall-clock times, in Australia/Sydney.
at = clock("Australia/Sydney")


def build() -> PostMortem:
    """Build post-mortem No. 3 from its worksheet sections."""
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
        number=3,
        filed_in=f"{WIKI}/0003",
        held_on=date(2025, 9, 12),
        status=ReviewStatus.REVIEWED,
        severity=Severity.LOW,
        tags={"backups", "databases"},
        near_miss=True,
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=60,
        participants=(
            facilitator("Aisha Khan"),
            note_taker("Ruby Mitchell"),
            involved("Chloe Nguyen", DETECTION, RESPONSE),
            involved("Liam O'Brien", RESPONSE, most_senior=True),
            involved(
                "Jack Pearson",
                INCIDENT,
                attendance=Attendance.WRITTEN_INPUT,
            ),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
        name="Backup Job Silently Skipping a New Database",
        summary=(
            "The quarterly restore drill found that the orders-archive "
            "database, created three weeks earlier, had never been backed "
            "up, because the backup job works from a hand-kept list. No "
            "data was lost."
        ),
        first_occurrence=approx(at("2025-08-19 01:00")),
        detected=at("2025-09-09 14:30"),
        acknowledged=at("2025-09-09 14:45"),
        resolved=at("2025-09-09 18:10"),
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
        Impact(
            category=ImpactCategory.DATA_LOSS,
            applies=False,
            notes="Nothing lost; three weeks of data had no backup.",
        ),
        Impact(
            category=ImpactCategory.COMPLIANCE,
            severity=Severity.LOW,
            notes=(
                "Our retention policy promises daily backups of order "
                "data; the gap was recorded in the risk register."
            ),
        ),
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
        TimelineEvent(
            at=approx(at("2025-08-18 10:00")),
            description="The orders-archive database is created.",
            evidence=f"{TRACKER}/DBA-488",
        ),
        TimelineEvent(
            at=approx(at("2025-08-19 01:00")),
            description=(
                "The first nightly backup after that runs without it."
            ),
        ),
        TimelineEvent(
            at=at("2025-09-09 14:30"),
            description="The restore drill finds no orders-archive dump.",
        ),
        TimelineEvent(
            at=at("2025-09-09 14:45"),
            description="The on-call DBA takes it.",
        ),
        TimelineEvent(
            at=at("2025-09-09 15:20"),
            description="orders-archive added to the backup list.",
        ),
        TimelineEvent(
            at=at("2025-09-09 18:10"),
            description="A full backup verified by a test restore.",
        ),
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger=(
            "A new database was created without being added to the backup "
            "job's list of databases."
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
                "The backup job backs up only the databases named in "
                "its configuration file.",
            ),
            Why(
                2,
                "Adding a database to that file is a manual step of "
                "the provisioning runbook, and the copy used was an "
                "old one without it.",
            ),
            Why(
                3,
                "Two copies of the runbook exist, and nothing marks "
                "the old one as outdated.",
            ),
        ),
        changeable_level=3,
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
        system=FactorChecklist(
            checked={Factor.OTHER_SYSTEM},
            other=(
                "Backups are opt-in per database instead of covering "
                "every database by default."
            ),
        ),
        process=FactorChecklist(checked={Factor.DOCUMENTATION}),
        assumption=FactorChecklist(
            checked={
                Factor.ASSUMED_MANUAL_STEP,
                Factor.ASSUMED_SOMEONE_ELSE,
            },
            notes=(
                "The team that created the database believed the DBAs "
                "add new databases to the backups; the DBAs believed "
                "the runbook did."
            ),
        ),
    )


def _resilience() -> Resilience:
    return Resilience(
        earlier_detection={EarlierDetection.MONITORING},
        missing_detection=(
            "A daily report comparing the databases that exist with "
            "the databases that were backed up."
        ),
    )


def _lessons() -> Lessons:
    return Lessons(
        went_well=("The restore drill did what it is for.",),
        got_lucky=("Nothing needed a restore in those three weeks.",),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description=(
                "Add orders-archive to the backup configuration and verify "
                "it with a test restore."
            ),
            owner="Chloe Nguyen",
            due=date(2025, 9, 9),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 9, 9),
        ),
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Make the backup job discover every database on the "
                "cluster and back up all of them unless one is explicitly "
                "excluded."
            ),
            owner="Liam O'Brien",
            due=date(2025, 10, 31),
            status=ActionStatus.BLOCKED,
            reason=(
                "Discovery needs release 5 of the backup tool, which the "
                "vendor has not shipped."
            ),
            ticket=f"{TRACKER}/DBA-502",
            addresses_factors={
                Factor.OTHER_SYSTEM,
                Factor.ASSUMED_MANUAL_STEP,
            },
            addresses_whys={1},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description=(
                "Delete the outdated provisioning runbook and redirect its "
                "page to the current one."
            ),
            owner="Chloe Nguyen",
            due=date(2025, 9, 19),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 9, 12),
            addresses_factors={Factor.DOCUMENTATION},
            addresses_whys={3},
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description=(
                "Post a daily backup-coverage report to #dba listing every "
                "database without a backup in the last 26 hours."
            ),
            owner="Liam O'Brien",
            due=date(2025, 10, 10),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 10, 8),
            addresses_factors={Factor.ASSUMED_SOMEONE_ELSE},
        ),
    )


def _follow_up() -> FollowUp:
    return FollowUp(
        review_date=date(2025, 9, 24),
        facilitator="Aisha Khan",
        reviews=(
            ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
            ActionReview(
                action_id="P1",
                status=ActionStatus.BLOCKED,
                blocked_reason="Waiting for release 5 of the tool.",
                new_due=date(2026, 2, 27),
            ),
            ActionReview(action_id="P2", status=ActionStatus.COMPLETE),
            ActionReview(action_id="P3", status=ActionStatus.IN_PROGRESS),
        ),
    )

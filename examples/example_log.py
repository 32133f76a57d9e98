"""The example post-mortem log: thirteen incidents of one imagined company.

The post-mortems below are invented, but written the way real teams write
them: some complete and closed, some still drafts, some with action items
that slipped, a couple held without every prerequisite met. They run from
June 2025 to November 2026 and were recorded in the time zones of the
offices that handled them.

:func:`build_log` returns them in the order of their post-mortem numbers.
``write_log.py`` stores them as JSON documents in ``log/``; change them
here, then run ``python examples/write_log.py --write``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from blameless import (
    ActionItem,
    ActionKind,
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
    GroundRule,
    Impact,
    ImpactCategory,
    IncidentReport,
    Involvement,
    Lessons,
    LogEntry,
    MeetingRole,
    Participant,
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

__all__ = ["build_log"]

#: Where the company files its post-mortems; each gets a page of its own.
WIKI = "https://wiki.example.com/post-mortems"

#: The tracker that action items link to.
TRACKER = "https://tracker.example.com/browse"

ALL_RULES = frozenset(GroundRule)

CONTAINMENT = ActionKind.CONTAINMENT
PREVENTION = ActionKind.PREVENTION


def _clock(zone: str) -> Callable[[str], datetime]:
    """Return a function that reads "YYYY-MM-DD HH:MM" as a time in *zone*.

    Each incident was written down in its office's local time; reading the
    times through the zone gives each one the UTC offset it had that day,
    summer time included.
    """
    tzinfo = ZoneInfo(zone)

    def at(text: str) -> datetime:
        return datetime.fromisoformat(text).replace(tzinfo=tzinfo)

    return at


def _facilitator(name: str, *, most_senior: bool = False) -> Participant:
    """A facilitator who agreed to the ground rules."""
    return Participant(
        name=name,
        roles={MeetingRole.FACILITATOR},
        most_senior=most_senior,
        agreed=ALL_RULES,
    )


def _note_taker(name: str) -> Participant:
    """A note-taker who agreed to the ground rules."""
    return Participant(
        name=name, roles={MeetingRole.NOTE_TAKER}, agreed=ALL_RULES
    )


def _involved(
    name: str,
    *involvement: Involvement,
    attendance: Attendance = Attendance.PRESENT,
    most_senior: bool = False,
) -> Participant:
    """Someone involved in the incident who agreed to the ground rules."""
    agreed = ALL_RULES if attendance is Attendance.PRESENT else frozenset()
    return Participant(
        name=name,
        involvement=involvement,
        attendance=attendance,
        most_senior=most_senior,
        agreed=agreed,
    )


INCIDENT = Involvement.INCIDENT
DETECTION = Involvement.DETECTION
RESPONSE = Involvement.RESPONSE


def build_log() -> list[PostMortem]:
    """Build the example post-mortems, numbered from 1, oldest first."""
    return [
        crm_sync_email_corruption(),
        expired_partner_certificate(),
        backup_skipping_new_database(),
        payment_gateway_timeout(),
        duplicate_invoice_emails(),
        search_index_disk_full(),
        sso_rollout_lockout(),
        stale_exchange_rates(),
        push_notification_backlog(),
        public_attachment_bucket(),
        inventory_spreadsheet_import(),
        supplier_payments_twice_on_dst(),
        webhook_deliveries_dropped(),
    ]


def crm_sync_email_corruption() -> PostMortem:
    """No. 1: the worksheet's own scenario, a CRM sync gone wrong.

    Complete and closed; every action item is done, including the
    systemic validation circuit breaker the worksheet recommends.
    """
    at = _clock("Europe/Berlin")
    incident = IncidentReport(
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
        impacts=(
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
        ),
        timeline=(
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
        ),
    )
    analysis = CausalAnalysis(
        trigger=(
            "The CRM vendor changed the type of the contacts' email field "
            "without a new API version, and the sync stored the new "
            "object's text as the address."
        ),
        whys=FiveWhys(
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
        ),
        factors=ContributingFactors(
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
        ),
        resilience=Resilience(
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
        ),
        lessons=Lessons(
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
        ),
    )
    actions = (
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
    return PostMortem(
        log=LogEntry(
            number=1,
            filed_in=f"{WIKI}/0001",
            held_on=date(2025, 6, 16),
            status=ReviewStatus.CLOSED,
            severity=Severity.HIGH,
            tags={"crm-sync", "data-quality", "third-party"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=90,
            participants=(
                _facilitator("Sofia Lindqvist"),
                _note_taker("Tomasz Nowak"),
                _involved("Jonas Weber", INCIDENT, RESPONSE),
                _involved("Lena Hoffmann", DETECTION),
                _involved("Priya Raman", RESPONSE),
                _involved("Markus Brandt", most_senior=True),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=FollowUp(
            review_date=date(2025, 6, 24),
            facilitator="Sofia Lindqvist",
            reviews=(
                ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
                ActionReview(action_id="C2", status=ActionStatus.COMPLETE),
                ActionReview(action_id="P1", status=ActionStatus.IN_PROGRESS),
                ActionReview(action_id="P2", status=ActionStatus.IN_PROGRESS),
                ActionReview(action_id="P3", status=ActionStatus.NOT_STARTED),
            ),
        ),
    )


def expired_partner_certificate() -> PostMortem:
    """No. 2: an expired certificate that a partner noticed first.

    A long detection gap, a follow-up held five weeks late, and a vague
    "be more careful" action item owned by a team.
    """
    at = _clock("America/New_York")
    incident = IncidentReport(
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
        impacts=(
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
        ),
        timeline=(
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
        ),
    )
    analysis = CausalAnalysis(
        trigger="The partner API's certificate expired without renewal.",
        whys=FiveWhys(
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
        ),
        factors=ContributingFactors(
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
        ),
        resilience=Resilience(
            earlier_detection={
                EarlierDetection.MONITORING,
                EarlierDetection.MANUAL_CHECK,
            },
            missing_detection=(
                "An expiry alert 21 days ahead, and a quarterly review of "
                "the certificate inventory."
            ),
            smaller_blast_radius={SmallerBlastRadius.SYSTEM_WIDE},
        ),
        lessons=Lessons(
            went_well=("Renewal took under an hour once someone knew.",),
            went_wrong=(
                "A partner found the outage eleven hours before we did.",
            ),
            got_lucky=("It expired on a Monday night, not before a weekend.",),
        ),
    )
    actions = (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Renew the partner API certificate.",
            owner="Daniel Okafor",
            due=date(2025, 7, 29),
            status=ActionStatus.COMPLETE,
            completed_on=date(2025, 7, 29),
        ),
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
    return PostMortem(
        log=LogEntry(
            number=2,
            filed_in=f"{WIKI}/0002",
            held_on=date(2025, 8, 1),
            status=ReviewStatus.REVIEWED,
            severity=Severity.HIGH,
            tags={"certificates", "partner-api"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=60,
            participants=(
                _facilitator("Rachel Adams"),
                _note_taker("Ben Torres"),
                _involved("Daniel Okafor", RESPONSE),
                _involved("Maya Chen", RESPONSE),
                _involved(
                    "Grace Liu",
                    DETECTION,
                    attendance=Attendance.WRITTEN_INPUT,
                ),
                _involved("Harold Jennings", most_senior=True),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=FollowUp(
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
        ),
    )


def backup_skipping_new_database() -> PostMortem:
    """No. 3: a near miss found by a restore drill.

    The first occurrence is approximate, the blast-radius question is left
    unanswered, and the main prevention item is blocked on a vendor.
    """
    at = _clock("Australia/Sydney")
    incident = IncidentReport(
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
        impacts=(
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
        ),
        timeline=(
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
        ),
    )
    analysis = CausalAnalysis(
        trigger=(
            "A new database was created without being added to the backup "
            "job's list of databases."
        ),
        whys=FiveWhys(
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
        ),
        factors=ContributingFactors(
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
        ),
        resilience=Resilience(
            earlier_detection={EarlierDetection.MONITORING},
            missing_detection=(
                "A daily report comparing the databases that exist with "
                "the databases that were backed up."
            ),
        ),
        lessons=Lessons(
            went_well=("The restore drill did what it is for.",),
            got_lucky=("Nothing needed a restore in those three weeks.",),
        ),
    )
    actions = (
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
    return PostMortem(
        log=LogEntry(
            number=3,
            filed_in=f"{WIKI}/0003",
            held_on=date(2025, 9, 12),
            status=ReviewStatus.REVIEWED,
            severity=Severity.LOW,
            tags={"backups", "databases"},
            near_miss=True,
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=60,
            participants=(
                _facilitator("Aisha Khan"),
                _note_taker("Ruby Mitchell"),
                _involved("Chloe Nguyen", DETECTION, RESPONSE),
                _involved("Liam O'Brien", RESPONSE, most_senior=True),
                _involved(
                    "Jack Pearson",
                    INCIDENT,
                    attendance=Attendance.WRITTEN_INPUT,
                ),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=FollowUp(
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
        ),
    )


def payment_gateway_timeout() -> PostMortem:
    """No. 4: the tutorial's incident, a slow payment gateway.

    Every section is filled in; one prevention item is blocked on a
    contract and another is overdue.
    """
    at = _clock("America/Chicago")
    incident = IncidentReport(
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
        impacts=(
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
        ),
        timeline=(
            TimelineEvent(
                at=at("2025-11-14 12:02"),
                description=(
                    "Gateway response times rise from about 300 ms to over "
                    "30 s."
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
        ),
    )
    analysis = CausalAnalysis(
        trigger=(
            "The payment gateway's response times rose from about 300 "
            "milliseconds to over 30 seconds for 47 minutes."
        ),
        whys=FiveWhys(
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
        ),
        factors=ContributingFactors(
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
        ),
        resilience=Resilience(
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
        ),
        lessons=Lessons(
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
        ),
    )
    actions = (
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
    return PostMortem(
        log=LogEntry(
            number=4,
            filed_in=f"{WIKI}/0004",
            held_on=date(2025, 11, 18),
            status=ReviewStatus.REVIEWED,
            severity=Severity.HIGH,
            tags={"payments", "checkout", "third-party"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=90,
            participants=(
                _facilitator("Nadia Rahman"),
                _note_taker("Owen Fischer"),
                _involved("Elena Petrova", DETECTION, RESPONSE),
                _involved("Marcus Bell", RESPONSE),
                _involved("Samuel Ortiz", INCIDENT),
                _involved("Hannah Brooks", most_senior=True),
                _involved(
                    "Priscilla Gomez",
                    DETECTION,
                    attendance=Attendance.WRITTEN_INPUT,
                ),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=FollowUp(
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
        ),
    )


def duplicate_invoice_emails() -> PostMortem:
    """No. 5: a small, quickly closed incident recorded in UTC.

    The first occurrence is approximate; an "other assumption" names the
    belief that turned out wrong.
    """
    at = _clock("UTC")
    incident = IncidentReport(
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
        impacts=(
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
        ),
        timeline=(
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
        ),
    )
    analysis = CausalAnalysis(
        trigger=(
            "The mail provider timed out on messages it had already accepted."
        ),
        whys=FiveWhys(
            whys=(
                Why(
                    1, "The mailer resent every message whose send timed out."
                ),
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
        ),
        factors=ContributingFactors(
            system=FactorChecklist(
                checked={Factor.ERROR_HANDLING},
                notes="A timeout was handled as a failure to send.",
            ),
            process=FactorChecklist(checked={Factor.INADEQUATE_TESTING}),
            assumption=FactorChecklist(
                checked={Factor.OTHER_ASSUMPTION},
                other=(
                    "Assumed a timeout meant the message had not been sent."
                ),
            ),
        ),
        resilience=Resilience(
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
        ),
        lessons=Lessons(
            went_well=("Support spotted the pattern within minutes.",),
            went_wrong=("Four hours of resends before anyone knew.",),
        ),
    )
    actions = (
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
    return PostMortem(
        log=LogEntry(
            number=5,
            filed_in=f"{WIKI}/0005",
            held_on=date(2025, 12, 10),
            status=ReviewStatus.CLOSED,
            severity=Severity.LOW,
            tags={"email", "billing"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=60,
            participants=(
                _facilitator("Tom Becker"),
                _note_taker("Ingrid Larsen"),
                _involved("Kwame Mensah", RESPONSE),
                _involved("Fatima Zahra", DETECTION, RESPONSE),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=FollowUp(
            review_date=date(2025, 12, 22),
            facilitator="Tom Becker",
            reviews=(
                ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
                ActionReview(action_id="C2", status=ActionStatus.COMPLETE),
                ActionReview(action_id="P1", status=ActionStatus.IN_PROGRESS),
                ActionReview(action_id="P2", status=ActionStatus.NOT_STARTED),
            ),
        ),
    )


def search_index_disk_full() -> PostMortem:
    """No. 6: a capacity failure whose first occurrence is unknown.

    The logs that would have dated it were on the disk that filled, so
    the total duration runs from the detection.
    """
    at = _clock("Asia/Kolkata")
    incident = IncidentReport(
        name="Search Index Rebuild Filled the Data Disk",
        summary=(
            "A scheduled rebuild of the product search index filled the "
            "search cluster's data disk; search served stale results for "
            "five hours and new products could not be found."
        ),
        detected=at("2026-01-21 10:12"),
        acknowledged=at("2026-01-21 10:14"),
        mitigated=at("2026-01-21 10:50"),
        resolved=at("2026-01-21 15:30"),
        impacts=(
            Impact(
                category=ImpactCategory.CUSTOMER_FACING,
                severity=Severity.MEDIUM,
                notes="New and changed products missing from search.",
            ),
            Impact(
                category=ImpactCategory.INTERNAL_PROCESS,
                severity=Severity.MEDIUM,
                notes="The catalogue team postponed the day's launches.",
            ),
            Impact(
                category=ImpactCategory.FINANCIAL_INDIRECT,
                severity=Severity.LOW,
            ),
        ),
        timeline=(
            TimelineEvent(
                description=(
                    "The rebuild starts writing a second copy of the index "
                    "(time unknown: its logs were on the full disk)."
                ),
            ),
            TimelineEvent(
                at=at("2026-01-21 10:12"),
                description="The 'disk above 95%' alert fires.",
            ),
            TimelineEvent(
                at=at("2026-01-21 10:14"),
                description="The search on-call engineer acknowledges.",
            ),
            TimelineEvent(
                at=at("2026-01-21 10:50"),
                description=(
                    "Rebuild stopped; search serves the previous index "
                    "read-only."
                ),
            ),
            TimelineEvent(
                at=at("2026-01-21 15:30"),
                description="Disk expanded; rebuild completes; index live.",
            ),
        ),
    )
    analysis = CausalAnalysis(
        trigger="The weekly index rebuild ran out of disk space.",
        whys=FiveWhys(
            whys=(
                Why(
                    1,
                    "The rebuild writes a full second copy of the index "
                    "before switching, and the disk could not hold two.",
                ),
                Why(
                    2,
                    "The catalogue has tripled since the disk was sized, "
                    "and the size was never revisited.",
                ),
                Why(
                    3,
                    "The search cluster is not part of anyone's capacity "
                    "review.",
                ),
            ),
            changeable_level=3,
        ),
        factors=ContributingFactors(
            system=FactorChecklist(
                checked={Factor.CAPACITY, Factor.OTHER_SYSTEM},
                other="The rebuild's logs live on the index's data disk.",
            ),
            process=FactorChecklist(
                checked={Factor.OTHER_PROCESS},
                other="No capacity review when the catalogue grew.",
            ),
            assumption=FactorChecklist(checked={Factor.ASSUMED_CAPACITY}),
        ),
        resilience=Resilience(
            earlier_detection={EarlierDetection.MONITORING},
            missing_detection=(
                "A free-space check before the rebuild starts; the 95% "
                "alert came when the disk was already full."
            ),
            smaller_blast_radius={SmallerBlastRadius.ISOLATION},
            missing_containment=(
                "Logs on their own volume, so that a full data disk does "
                "not also erase the record of what happened."
            ),
        ),
    )
    actions = (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Expand the search data disk from 500 GB to 1.5 TB.",
            owner="Arjun Mehta",
            due=date(2026, 1, 22),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 1, 21),
        ),
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Abort the rebuild before it starts when free space is "
                "below 1.2 times the current index size, and alert "
                "#search."
            ),
            owner="Arjun Mehta",
            due=date(2026, 2, 20),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 2, 18),
            addresses_factors={Factor.CAPACITY, Factor.ASSUMED_CAPACITY},
            addresses_whys={1},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description="Move the search cluster's logs to their own volume.",
            owner="Kavya Iyer",
            due=date(2026, 2, 13),
            status=ActionStatus.NOT_DOING,
            reason=(
                "The platform team's central log shipping, live in "
                "February, takes the logs off the data disk."
            ),
            addresses_factors={Factor.OTHER_SYSTEM},
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description=(
                "Add the search cluster to the quarterly capacity review, "
                "with a projection of index size two quarters ahead."
            ),
            owner="Rohan Das",
            due=date(2026, 3, 31),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 4, 2),
            addresses_factors={Factor.OTHER_PROCESS},
            addresses_whys={2, 3},
        ),
    )
    return PostMortem(
        log=LogEntry(
            number=6,
            filed_in=f"{WIKI}/0006",
            held_on=date(2026, 1, 27),
            status=ReviewStatus.CLOSED,
            severity=Severity.MEDIUM,
            tags={"search", "capacity"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=75,
            participants=(
                _facilitator("Meera Pillai"),
                _note_taker("Kavya Iyer"),
                _involved("Arjun Mehta", DETECTION, RESPONSE),
                _involved("Rohan Das", INCIDENT, most_senior=True),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=FollowUp(
            review_date=date(2026, 2, 5),
            facilitator="Meera Pillai",
            reviews=(
                ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
                ActionReview(action_id="P1", status=ActionStatus.IN_PROGRESS),
                ActionReview(action_id="P2", status=ActionStatus.NOT_DOING),
                ActionReview(action_id="P3", status=ActionStatus.NOT_STARTED),
            ),
        ),
    )


def sso_rollout_lockout() -> PostMortem:
    """No. 7: all five whys, and a facilitator who is the most senior.

    The meeting went ahead with its director facilitating, so the
    readiness check has an unmet prerequisite; the post-mortem is still
    in review with its follow-up agenda empty.
    """
    at = _clock("America/Los_Angeles")
    incident = IncidentReport(
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
        impacts=(
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
        ),
        timeline=(
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
        ),
    )
    analysis = CausalAnalysis(
        trigger="The session-service flag was raised from 5% to 100%.",
        whys=FiveWhys(
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
        ),
        factors=ContributingFactors(
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
        ),
        resilience=Resilience(
            earlier_detection={EarlierDetection.MONITORING},
            missing_detection="A sign-in success alert per login method.",
            smaller_blast_radius={SmallerBlastRadius.CIRCUIT_BREAKER},
            missing_containment=(
                "Turning a rollout flag off automatically when sign-in "
                "failures jump."
            ),
        ),
        lessons=Lessons(
            went_well=("The flag turned the change off in seconds.",),
            went_wrong=("Support found it before our monitoring did.",),
        ),
    )
    actions = (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Turn the session-service flag off.",
            owner="Noah Kim",
            due=date(2026, 3, 10),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 3, 10),
        ),
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
    return PostMortem(
        log=LogEntry(
            number=7,
            filed_in=f"{WIKI}/0007",
            held_on=date(2026, 3, 13),
            status=ReviewStatus.IN_REVIEW,
            severity=Severity.HIGH,
            tags={"authentication", "feature-flags", "rollout"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=60,
            participants=(
                _facilitator("Victor Alvarez", most_senior=True),
                _note_taker("Zoe Harper"),
                _involved("Noah Kim", RESPONSE),
                _involved("Isabel Cruz", INCIDENT),
                _involved("Mia Rossi", DETECTION),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=FollowUp(
            review_date=date(2026, 3, 24),
            facilitator="Zoe Harper",
        ),
    )


def stale_exchange_rates() -> PostMortem:
    """No. 8: another third-party format change, a year after No. 1.

    The same class of failure as the CRM sync in another system; its
    follow-up came three weeks late and the validation item is overdue.
    """
    at = _clock("Europe/London")
    incident = IncidentReport(
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
        impacts=(
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
        ),
        timeline=(
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
        ),
    )
    analysis = CausalAnalysis(
        trigger=("The rate vendor changed the date format of its daily feed."),
        whys=FiveWhys(
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
        ),
        factors=ContributingFactors(
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
        ),
        resilience=Resilience(
            earlier_detection={EarlierDetection.MONITORING},
            missing_detection="An alert when rates are older than 26 hours.",
            smaller_blast_radius={SmallerBlastRadius.CIRCUIT_BREAKER},
            missing_containment=(
                "Holding foreign-currency invoices while rates are stale "
                "instead of pricing them at old rates."
            ),
        ),
        lessons=Lessons(
            went_well=("The vendor's archive let us backfill every day.",),
            went_wrong=("Same class of failure as post-mortem 1.",),
            got_lucky=("Sterling moved little against the euro that week.",),
        ),
    )
    actions = (
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
    return PostMortem(
        log=LogEntry(
            number=8,
            filed_in=f"{WIKI}/0008",
            held_on=date(2026, 5, 20),
            status=ReviewStatus.REVIEWED,
            severity=Severity.MEDIUM,
            tags={"finance", "data-quality", "third-party"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=60,
            participants=(
                _facilitator("Hugh Palmer"),
                _note_taker("Evie Turner"),
                _involved("Oliver Grant", RESPONSE),
                _involved("Amelia Shaw", DETECTION, RESPONSE),
                _involved("Catherine Hale", most_senior=True),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=FollowUp(
            review_date=date(2026, 6, 10),
            facilitator="Hugh Palmer",
            reviews=(
                ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
                ActionReview(action_id="C2", status=ActionStatus.COMPLETE),
                ActionReview(action_id="P1", status=ActionStatus.COMPLETE),
                ActionReview(action_id="P2", status=ActionStatus.IN_PROGRESS),
                ActionReview(action_id="P3", status=ActionStatus.COMPLETE),
            ),
        ),
    )


def push_notification_backlog() -> PostMortem:
    """No. 9: shallow whys, weak actions and no follow-up at all.

    The meeting was squeezed into 45 minutes and its facilitator also took
    the notes; the third why was left blank.
    """
    at = _clock("Asia/Singapore")
    incident = IncidentReport(
        name="Push Notifications Delayed Behind a Campaign",
        summary=(
            "A marketing push campaign of 4.2 million messages was queued "
            "ahead of transactional notifications, and order updates and "
            "sign-in codes arrived up to 40 minutes late during the "
            "evening peak."
        ),
        first_occurrence=at("2026-07-03 19:40"),
        detected=at("2026-07-03 19:58"),
        acknowledged=at("2026-07-03 20:01"),
        mitigated=at("2026-07-03 20:35"),
        resolved=at("2026-07-03 22:10"),
        impacts=(
            Impact(
                category=ImpactCategory.CUSTOMER_FACING,
                severity=Severity.HIGH,
                notes=(
                    "Order updates late by up to 40 minutes; about 2,300 "
                    "sign-in codes expired before they arrived."
                ),
            ),
            Impact(
                category=ImpactCategory.INTERNAL_PROCESS,
                severity=Severity.LOW,
            ),
        ),
        timeline=(
            TimelineEvent(
                at=at("2026-07-03 19:40"),
                description="The campaign's 4.2 million messages queued.",
            ),
            TimelineEvent(
                at=at("2026-07-03 19:58"),
                description="The 'oldest message above 5 min' alert fires.",
            ),
            TimelineEvent(
                at=at("2026-07-03 20:35"),
                description="Campaign paused; the queue starts draining.",
            ),
            TimelineEvent(
                at=at("2026-07-03 22:10"),
                description="Backlog drained; delivery times back to normal.",
            ),
        ),
    )
    analysis = CausalAnalysis(
        trigger="A 4.2-million-message campaign was queued at 19:40.",
        whys=FiveWhys(
            whys=(
                Why(
                    1,
                    "Transactional messages waited behind the campaign in "
                    "one first-in, first-out queue.",
                ),
                Why(
                    2,
                    "Marketing and transactional messages share one queue "
                    "and one set of workers.",
                ),
                Why(3),
            ),
        ),
        factors=ContributingFactors(
            system=FactorChecklist(
                checked={Factor.CAPACITY, Factor.OTHER_SYSTEM},
                other="One queue for marketing and transactional messages.",
            ),
            process=FactorChecklist(checked={Factor.POOR_COMMUNICATION}),
            assumption=FactorChecklist(checked={Factor.ASSUMED_CAPACITY}),
        ),
        resilience=Resilience(
            earlier_detection={EarlierDetection.MONITORING},
            smaller_blast_radius={SmallerBlastRadius.ISOLATION},
        ),
    )
    actions = (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Pause the campaign and resume it after 23:00.",
            owner="Wei Ling Tan",
            due=date(2026, 7, 3),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 7, 3),
        ),
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Split transactional and marketing notifications into "
                "separate queues with their own workers."
            ),
            owner="Wei Ling Tan",
            due=date(2026, 8, 28),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 9, 4),
            addresses_factors={Factor.OTHER_SYSTEM, Factor.CAPACITY},
            addresses_whys={2},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description="Improve monitoring.",
            owner="Platform team",
        ),
        ActionItem(
            id="P3",
            kind=PREVENTION,
            description="Share campaign sizes with the platform team.",
            owner="Marketing",
            due=date(2026, 7, 31),
        ),
    )
    facilitator = Participant(
        name="Darren Goh",
        roles={MeetingRole.FACILITATOR, MeetingRole.NOTE_TAKER},
        agreed=ALL_RULES,
    )
    return PostMortem(
        log=LogEntry(
            number=9,
            filed_in=f"{WIKI}/0009",
            held_on=date(2026, 7, 8),
            status=ReviewStatus.REVIEWED,
            severity=Severity.HIGH,
            tags={"notifications", "capacity"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=45,
            participants=(
                facilitator,
                _involved("Wei Ling Tan", RESPONSE),
                _involved("Siti Rahmat", DETECTION),
                _involved("Joel Lim", INCIDENT),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
    )


def public_attachment_bucket() -> PostMortem:
    """No. 10: a near miss with a high compliance impact.

    A storage bucket was public for three hours; logs show no outside
    reads. The organization-wide block is blocked by two legacy sites.
    """
    at = _clock("America/Denver")
    incident = IncidentReport(
        name="Support Attachment Bucket Briefly Public",
        summary=(
            "An infrastructure change made the bucket of support-ticket "
            "attachments publicly readable for three hours. Access logs "
            "show no reads from outside our accounts."
        ),
        first_occurrence=at("2026-08-19 14:05"),
        detected=at("2026-08-19 17:12"),
        acknowledged=at("2026-08-19 17:20"),
        mitigated=at("2026-08-19 17:24"),
        resolved=at("2026-08-20 12:00"),
        impacts=(
            Impact(
                category=ImpactCategory.COMPLIANCE,
                severity=Severity.HIGH,
                notes=(
                    "Attachments can hold personal data; the exposure "
                    "needed a documented assessment for the data "
                    "protection officer."
                ),
            ),
            Impact(
                category=ImpactCategory.DATA_LOSS,
                applies=False,
                notes="No outside reads in the access logs.",
            ),
        ),
        timeline=(
            TimelineEvent(
                at=at("2026-08-19 14:05"),
                description="The infrastructure change is applied.",
                evidence=f"{TRACKER}/INFRA-1290",
            ),
            TimelineEvent(
                at=at("2026-08-19 17:12"),
                description="The posture scanner's three-hourly run flags it.",
            ),
            TimelineEvent(
                at=at("2026-08-19 17:24"),
                description="Public access block re-enabled on the bucket.",
            ),
            TimelineEvent(
                at=at("2026-08-20 12:00"),
                description="Access logs reviewed; no outside reads.",
            ),
        ),
    )
    analysis = CausalAnalysis(
        trigger=(
            "A reviewed infrastructure change replaced the bucket's policy "
            "with one that allowed public reads."
        ),
        whys=FiveWhys(
            whys=(
                Why(
                    1,
                    "The new policy came from a template meant for the "
                    "public marketing-assets bucket.",
                ),
                Why(
                    2,
                    "The review saw a 400-line plan in which the policy "
                    "change was one line.",
                ),
                Why(
                    3,
                    "Nothing in the pipeline flags a bucket becoming "
                    "public; we relied on the scanner afterwards.",
                ),
            ),
            changeable_level=3,
        ),
        factors=ContributingFactors(
            system=FactorChecklist(
                checked={Factor.OTHER_SYSTEM},
                other="No organization-wide block on public buckets.",
            ),
            process=FactorChecklist(checked={Factor.CHANGE_MANAGEMENT}),
            assumption=FactorChecklist(
                checked={Factor.ASSUMED_SOMEONE_ELSE},
                notes=(
                    "The reviewer believed the scanner blocks public "
                    "buckets; it only reports them."
                ),
            ),
        ),
        resilience=Resilience(
            earlier_detection={EarlierDetection.MONITORING},
            missing_detection=(
                "A check triggered by each policy change instead of a scan "
                "every three hours."
            ),
            smaller_blast_radius={SmallerBlastRadius.ISOLATION},
            missing_containment=(
                "An organization-wide public-access block that no bucket "
                "policy can override."
            ),
        ),
        lessons=Lessons(
            went_well=("Access logging was on, so we could prove no reads.",),
            got_lucky=("Nobody outside found the bucket in three hours.",),
        ),
    )
    actions = (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Re-enable the public access block on the bucket.",
            owner="Diego Ramirez",
            due=date(2026, 8, 19),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 8, 19),
        ),
        ActionItem(
            id="C2",
            kind=CONTAINMENT,
            description=(
                "File with the data protection officer an assessment of "
                "every read in the access logs during the exposure window."
            ),
            owner="Laura Jensen",
            due=date(2026, 8, 21),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 8, 20),
        ),
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description=(
                "Enable the organization-wide public-access block on every "
                "cloud account."
            ),
            owner="Diego Ramirez",
            due=date(2026, 9, 30),
            status=ActionStatus.BLOCKED,
            reason=(
                "Two legacy marketing sites still serve files from public "
                "buckets; their move to the CDN is planned for January."
            ),
            ticket=f"{TRACKER}/SEC-77",
            addresses_factors={Factor.OTHER_SYSTEM},
            addresses_whys={3},
        ),
        ActionItem(
            id="P2",
            kind=PREVENTION,
            description=(
                "Fail any infrastructure plan that makes a bucket public "
                "unless it carries an approved exception label."
            ),
            owner="Diego Ramirez",
            due=date(2026, 9, 11),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 9, 9),
            ticket=f"{TRACKER}/SEC-78",
            addresses_factors={
                Factor.CHANGE_MANAGEMENT,
                Factor.ASSUMED_SOMEONE_ELSE,
            },
            addresses_whys={2, 3},
        ),
    )
    return PostMortem(
        log=LogEntry(
            number=10,
            filed_in=f"{WIKI}/0010",
            held_on=date(2026, 8, 24),
            status=ReviewStatus.REVIEWED,
            severity=Severity.MEDIUM,
            tags={"security", "cloud-storage", "compliance"},
            near_miss=True,
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=60,
            participants=(
                _facilitator("Sam Whitaker"),
                _note_taker("Laura Jensen"),
                _involved("Diego Ramirez", INCIDENT, RESPONSE),
                _involved("Kelsey Young", DETECTION),
                _involved("Patricia Moore", most_senior=True),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=FollowUp(
            review_date=date(2026, 9, 4),
            facilitator="Sam Whitaker",
            reviews=(
                ActionReview(action_id="C1", status=ActionStatus.COMPLETE),
                ActionReview(action_id="C2", status=ActionStatus.COMPLETE),
                ActionReview(
                    action_id="P1",
                    status=ActionStatus.BLOCKED,
                    blocked_reason="Legacy sites still need public buckets.",
                    new_due=date(2027, 1, 29),
                ),
                ActionReview(action_id="P2", status=ActionStatus.IN_PROGRESS),
            ),
        ),
    )


def inventory_spreadsheet_import() -> PostMortem:
    """No. 11: a manual step, approximate times, and an absent witness.

    The picker who noticed the problem was neither present nor heard from,
    so the readiness check has an unmet prerequisite; no follow-up was
    scheduled.
    """
    at = _clock("Pacific/Auckland")
    incident = IncidentReport(
        name="Inventory Counts Overwritten by a Spreadsheet Import",
        summary=(
            "A weekly stock spreadsheet with its columns in a new order was "
            "imported by hand and set the counts of 860 products to their "
            "supplier codes; the shop sold 94 items it did not have."
        ),
        first_occurrence=approx(at("2026-09-07 09:00")),
        detected=at("2026-09-10 15:30"),
        resolved=approx(at("2026-09-11 17:00")),
        impacts=(
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
        ),
        timeline=(
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
        ),
    )
    analysis = CausalAnalysis(
        trigger="A supplier reordered the columns of its stock sheet.",
        whys=FiveWhys(
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
        ),
        factors=ContributingFactors(
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
        ),
        resilience=Resilience(
            earlier_detection={EarlierDetection.MANUAL_CHECK},
            missing_detection="The preview step, when it is skipped.",
        ),
    )
    actions = (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description="Fix the counts.",
            owner="Aroha Ngata",
            due=date(2026, 9, 11),
            status=ActionStatus.COMPLETE,
            completed_on=date(2026, 9, 11),
        ),
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
    return PostMortem(
        log=LogEntry(
            number=11,
            filed_in=f"{WIKI}/0011",
            held_on=date(2026, 9, 15),
            status=ReviewStatus.REVIEWED,
            severity=Severity.MEDIUM,
            tags={"inventory", "manual-step", "data-quality"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=60,
            participants=(
                _facilitator("Mere Tautahi"),
                _note_taker("Liam Fraser"),
                _involved("Aroha Ngata", INCIDENT, RESPONSE),
                _involved("Ethan Walker", RESPONSE),
                _involved(
                    "Hemi Parata", DETECTION, attendance=Attendance.ABSENT
                ),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
    )


def supplier_payments_twice_on_dst() -> PostMortem:
    """No. 12: a job that ran twice in the hour the clocks went back.

    Its detection gap spans the change from summer to winter time, so it
    is an hour longer than the wall clocks suggest.
    """
    at = _clock("Europe/Berlin")
    incident = IncidentReport(
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
        impacts=(
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
        ),
        timeline=(
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
                    "Treasury finds the duplicates reconciling the bank "
                    "statement."
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
        ),
    )
    analysis = CausalAnalysis(
        trigger=(
            "The clocks went back an hour, so 02:30 local time happened "
            "twice that night."
        ),
        whys=FiveWhys(
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
        ),
        factors=ContributingFactors(
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
        ),
        resilience=Resilience(
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
        ),
        lessons=Lessons(
            went_well=("The bank recalled most payments within days.",),
            went_wrong=("Thirty hours passed before anyone looked.",),
            got_lucky=("Only one job in the scheduler runs in that hour.",),
        ),
    )
    actions = (
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
    return PostMortem(
        log=LogEntry(
            number=12,
            filed_in=f"{WIKI}/0012",
            held_on=date(2026, 10, 29),
            status=ReviewStatus.REVIEWED,
            severity=Severity.HIGH,
            tags={"payments", "scheduling", "dst"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=90,
            participants=(
                _facilitator("Sofia Lindqvist"),
                _note_taker("Tomasz Nowak"),
                _involved("Felix Braun", INCIDENT, RESPONSE),
                _involved("Anja Schulz", DETECTION, RESPONSE),
                _involved("Clara Vogel", RESPONSE),
                _involved("Markus Brandt", most_senior=True),
            ),
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=FollowUp(
            review_date=date(2026, 11, 10),
            facilitator="Sofia Lindqvist",
            reviews=(
                ActionReview(action_id="C1", status=ActionStatus.IN_PROGRESS),
                ActionReview(action_id="C2", status=ActionStatus.COMPLETE),
                ActionReview(action_id="P1", status=ActionStatus.IN_PROGRESS),
                ActionReview(action_id="P2", status=ActionStatus.NOT_STARTED),
                ActionReview(action_id="P3", status=ActionStatus.IN_PROGRESS),
            ),
        ),
    )


def webhook_deliveries_dropped() -> PostMortem:
    """No. 13: a draft, as it stands halfway through the meeting.

    Times, severities, owners and due dates are still blank; the meeting
    started with 45 minutes blocked, one responder missing and one person
    who has not yet agreed to every ground rule.
    """
    at = _clock("America/New_York")
    incident = IncidentReport(
        name="Webhook Deliveries Dropped During a Load Balancer Migration",
        summary=(
            "While webhook traffic moved to the new load balancers, "
            "deliveries to customers' endpoints failed and were not "
            "retried."
        ),
        detected=approx(at("2026-11-17 14:00")),
        resolved=at("2026-11-17 16:45"),
        impacts=(
            Impact(
                category=ImpactCategory.CUSTOMER_FACING,
                notes="How many deliveries were lost is being counted.",
            ),
        ),
        timeline=(
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
        ),
    )
    analysis = CausalAnalysis(
        trigger=(
            "The new load balancers closed idle connections after 30 "
            "seconds instead of 120."
        ),
        whys=FiveWhys(
            whys=(
                Why(
                    1,
                    "The webhook sender treats a closed connection as "
                    "delivered and does not retry it.",
                ),
                Why(2),
            ),
        ),
        factors=ContributingFactors(
            system=FactorChecklist(checked={Factor.ERROR_HANDLING}),
        ),
    )
    actions = (
        ActionItem(
            id="C1",
            kind=CONTAINMENT,
            description=(
                "Re-send the webhooks that failed between 13:00 and 16:45."
            ),
        ),
        ActionItem(
            id="P1",
            kind=PREVENTION,
            description="Investigate retries.",
        ),
    )
    return PostMortem(
        log=LogEntry(
            number=13,
            filed_in=f"{WIKI}/0013",
            held_on=date(2026, 11, 24),
            tags={"webhooks", "networking"},
        ),
        readiness=Readiness(
            stabilized=True,
            minutes_blocked=45,
            participants=(
                _facilitator("Jordan Ellis"),
                _note_taker("Priya Natarajan"),
                _involved("Marco Bianchi", RESPONSE),
                _involved(
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
        ),
        incident=incident,
        analysis=analysis,
        actions=actions,
    )


if __name__ == "__main__":
    for post_mortem in build_log():
        print(f"{post_mortem.log.number:>4}  {post_mortem.incident.name}")

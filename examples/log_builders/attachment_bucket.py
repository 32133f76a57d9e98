"""No. 10: a near miss with a high compliance impact.

A storage bucket was public for three hours; logs show no outside
reads. The organization-wide block is blocked by two legacy sites.
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

#: Reads this office's wall-clock times, in America/Denver.
at = clock("America/Denver")


def build() -> PostMortem:
    """Build post-mortem No. 10 from its worksheet sections."""
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
        number=10,
        filed_in=f"{WIKI}/0010",
        held_on=date(2026, 8, 24),
        status=ReviewStatus.REVIEWED,
        severity=Severity.MEDIUM,
        tags={"security", "cloud-storage", "compliance"},
        near_miss=True,
    )


def _readiness() -> Readiness:
    return Readiness(
        stabilized=True,
        minutes_blocked=60,
        participants=(
            facilitator("Sam Whitaker"),
            note_taker("Laura Jensen"),
            involved("Diego Ramirez", INCIDENT, RESPONSE),
            involved("Kelsey Young", DETECTION),
            involved("Patricia Moore", most_senior=True),
        ),
    )


def _incident() -> IncidentReport:
    return IncidentReport(
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
        impacts=_impacts(),
        timeline=_timeline(),
    )


def _impacts() -> tuple[Impact, ...]:
    return (
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
    )


def _timeline() -> tuple[TimelineEvent, ...]:
    return (
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
    )


def _analysis() -> CausalAnalysis:
    return CausalAnalysis(
        trigger=(
            "A reviewed infrastructure change replaced the bucket's policy "
            "with one that allowed public reads."
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
    )


def _factors() -> ContributingFactors:
    return ContributingFactors(
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
    )


def _resilience() -> Resilience:
    return Resilience(
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
    )


def _lessons() -> Lessons:
    return Lessons(
        went_well=("Access logging was on, so we could prove no reads.",),
        got_lucky=("Nobody outside found the bucket in three hours.",),
    )


def _containment() -> tuple[ActionItem, ...]:
    return (
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
    )


def _prevention() -> tuple[ActionItem, ...]:
    return (
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


def _follow_up() -> FollowUp:
    return FollowUp(
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
    )

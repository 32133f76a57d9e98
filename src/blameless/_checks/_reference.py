"""The reference post-mortem: one that satisfies every rule.

The rules' examples are changes to it, so each example shows only the
fields it is about, and a test shows that the reference is clean and that
each example triggers its rule, or does not, as the documentation says.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from blameless._model._actions import ActionItem, ActionKind
from blameless._model._analysis import (
    CausalAnalysis,
    ContributingFactors,
    EarlierDetection,
    Factor,
    FactorChecklist,
    FiveWhys,
    Resilience,
    SmallerBlastRadius,
    Why,
)
from blameless._model._follow_up import FollowUp
from blameless._model._incident import (
    Impact,
    ImpactCategory,
    IncidentReport,
    Severity,
    TimelineEvent,
)
from blameless._model._post_mortem import LogEntry, PostMortem, ReviewStatus
from blameless._model._readiness import (
    GroundRule,
    Involvement,
    MeetingRole,
    Participant,
    Readiness,
)

__all__ = ["REFERENCE", "REFERENCE_TODAY"]

#: The day the reference post-mortem and the rules' examples are checked.
REFERENCE_TODAY = date(2024, 11, 20)


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, 14, hour, minute, tzinfo=UTC)


_ALL_RULES = frozenset(GroundRule)

_READINESS = Readiness(
    stabilized=True,
    minutes_blocked=90,
    participants=(
        Participant(
            name="Ana Souza",
            roles={MeetingRole.FACILITATOR},
            agreed=_ALL_RULES,
        ),
        Participant(
            name="Lee Park",
            roles={MeetingRole.NOTE_TAKER},
            agreed=_ALL_RULES,
        ),
        Participant(
            name="Dana Reyes",
            involvement={Involvement.INCIDENT, Involvement.RESPONSE},
            agreed=_ALL_RULES,
        ),
        Participant(
            name="Priya Natarajan",
            involvement={Involvement.DETECTION},
            agreed=_ALL_RULES,
        ),
        Participant(name="Chen Wei", most_senior=True, agreed=_ALL_RULES),
    ),
)

_INCIDENT = IncidentReport(
    name="CRM Nightly Sync Email Corruption — Nov 14",
    summary=(
        "The nightly CRM sync wrote malformed email addresses into 3,200 "
        "contact records after the CRM renamed an API field. Marketing "
        "emails to those contacts bounced until the records were restored."
    ),
    first_occurrence=_at(2),
    detected=_at(3, 10),
    acknowledged=_at(3, 20),
    mitigated=_at(4),
    resolved=_at(5, 30),
    impacts=(
        Impact(
            category=ImpactCategory.CUSTOMER_FACING,
            severity=Severity.MEDIUM,
            notes="Campaign emails to 3,200 contacts bounced.",
        ),
        Impact(
            category=ImpactCategory.DATA_LOSS,
            severity=Severity.HIGH,
            notes="Email fields overwritten; restored from backup.",
        ),
    ),
    timeline=(
        TimelineEvent(
            at=_at(1, 55),
            description="The CRM provider renames the email field.",
        ),
        TimelineEvent(
            at=_at(2), description="The nightly sync starts writing records."
        ),
        TimelineEvent(
            at=_at(3, 10), description="The bounce-rate alert fires."
        ),
        TimelineEvent(
            at=_at(3, 20), description="The on-call engineer acknowledges."
        ),
        TimelineEvent(at=_at(4), description="The sync is paused."),
        TimelineEvent(
            at=_at(5, 30),
            description="The email fields are restored from backup.",
        ),
    ),
)

_ANALYSIS = CausalAnalysis(
    trigger=(
        "The CRM provider renamed the email field in its API without "
        "notice, and the nightly sync ingested malformed values."
    ),
    whys=FiveWhys(
        whys=(
            Why(1, "The sync wrote whatever the API returned into contacts."),
            Why(2, "Incoming records were not validated against a schema."),
            Why(
                3,
                "The integration assumed the CRM API would stay "
                "backward-compatible, and no test covered a changed "
                "response.",
            ),
        ),
        changeable_level=3,
    ),
    factors=ContributingFactors(
        system=FactorChecklist(
            checked={Factor.NO_INPUT_VALIDATION, Factor.NO_CIRCUIT_BREAKER},
            notes="Nothing stopped the sync when records went bad.",
        ),
        assumption=FactorChecklist(
            checked={Factor.ASSUMED_STABLE_THIRD_PARTY},
            notes="The CRM API was treated as fixed.",
        ),
    ),
    resilience=Resilience(
        earlier_detection={EarlierDetection.MONITORING},
        missing_detection=(
            "An alert on the rate of records that fail schema validation."
        ),
        smaller_blast_radius={SmallerBlastRadius.CIRCUIT_BREAKER},
        missing_containment=(
            "A circuit breaker that pauses the sync when more than 1% of "
            "records fail validation."
        ),
    ),
)

_ACTIONS = (
    ActionItem(
        id="C1",
        kind=ActionKind.CONTAINMENT,
        description=(
            "Restore the corrupted email fields of the 3,200 affected "
            "contacts from the 13 Nov backup"
        ),
        owner="Dana Reyes",
        due=date(2024, 11, 22),
        addresses_whys={1},
    ),
    ActionItem(
        id="P1",
        kind=ActionKind.PREVENTION,
        description=(
            "Implement a data validation circuit breaker that automatically "
            "pauses the sync and sends an alert to the on-call person if "
            "more than 1% of incoming records fail schema validation"
        ),
        owner="Priya Natarajan",
        due=date(2024, 12, 6),
        addresses_factors={
            Factor.NO_INPUT_VALIDATION,
            Factor.NO_CIRCUIT_BREAKER,
        },
        addresses_whys={2},
    ),
    ActionItem(
        id="P2",
        kind=ActionKind.PREVENTION,
        description=(
            "Add a contract test that runs the sync against the CRM's "
            "published API schema in CI for every release"
        ),
        owner="Chen Wei",
        due=date(2024, 12, 13),
        addresses_factors={Factor.ASSUMED_STABLE_THIRD_PARTY},
        addresses_whys={3},
    ),
)

#: A post-mortem that satisfies every rule, checked on REFERENCE_TODAY.
REFERENCE = PostMortem(
    log=LogEntry(
        number=12,
        filed_in="https://wiki.example.com/post-mortems/12",
        held_on=date(2024, 11, 18),
        status=ReviewStatus.REVIEWED,
    ),
    readiness=_READINESS,
    incident=_INCIDENT,
    analysis=_ANALYSIS,
    actions=_ACTIONS,
    follow_up=FollowUp(review_date=date(2024, 11, 29), facilitator="Lee Park"),
)

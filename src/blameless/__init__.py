"""Blameless post-mortems as typed, immutable data.

The model of the worksheet, its checks and its metrics are exported here;
everything in a module whose name starts with an underscore is private.
"""

from __future__ import annotations

from blameless._errors import (
    BlamelessError,
    InvariantError,
)
from blameless._model._time import (
    Span,
    Timestamp,
    approx,
)
from blameless._model._incident import (
    Impact,
    ImpactCategory,
    IncidentReport,
    Severity,
    TimelineEvent,
)
from blameless._model._analysis import (
    MAX_WHY_LEVEL,
    CausalAnalysis,
    ContributingFactors,
    EarlierDetection,
    Factor,
    FactorCategory,
    FactorChecklist,
    FiveWhys,
    Lessons,
    Resilience,
    SmallerBlastRadius,
    Why,
)
from blameless._model._readiness import (
    MINIMUM_MINUTES,
    Attendance,
    GroundRule,
    Involvement,
    MeetingRole,
    Participant,
    Prerequisite,
    Readiness,
    UnmetPrerequisite,
)
from blameless._model._actions import (
    ActionItem,
    ActionKind,
    ActionStatus,
)
from blameless._model._follow_up import (
    ActionReview,
    FollowUp,
)
from blameless._model._post_mortem import (
    LogEntry,
    PostMortem,
    ReviewStatus,
)

__all__ = [
    "ActionItem",
    "ActionKind",
    "ActionReview",
    "ActionStatus",
    "Attendance",
    "BlamelessError",
    "CausalAnalysis",
    "ContributingFactors",
    "EarlierDetection",
    "Factor",
    "FactorCategory",
    "FactorChecklist",
    "FiveWhys",
    "FollowUp",
    "GroundRule",
    "Impact",
    "ImpactCategory",
    "IncidentReport",
    "InvariantError",
    "Involvement",
    "Lessons",
    "LogEntry",
    "MAX_WHY_LEVEL",
    "MINIMUM_MINUTES",
    "MeetingRole",
    "Participant",
    "PostMortem",
    "Prerequisite",
    "Readiness",
    "Resilience",
    "ReviewStatus",
    "Severity",
    "SmallerBlastRadius",
    "Span",
    "TimelineEvent",
    "Timestamp",
    "UnmetPrerequisite",
    "Why",
    "approx",
]

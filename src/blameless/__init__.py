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
from blameless._documents._problems import (
    DocumentError,
    Problem,
)
from blameless._documents._converter import (
    SCHEMA_VERSION,
    configure_converter,
    from_dict,
    make_converter,
    to_dict,
)
from blameless._documents._formats import (
    MAX_DOCUMENT_BYTES,
    dump,
    dumps,
    find_documents,
    load,
    load_all,
    loads,
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
    "DocumentError",
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
    "MAX_DOCUMENT_BYTES",
    "MAX_WHY_LEVEL",
    "MINIMUM_MINUTES",
    "MeetingRole",
    "Participant",
    "PostMortem",
    "Prerequisite",
    "Problem",
    "Readiness",
    "Resilience",
    "ReviewStatus",
    "SCHEMA_VERSION",
    "Severity",
    "SmallerBlastRadius",
    "Span",
    "TimelineEvent",
    "Timestamp",
    "UnmetPrerequisite",
    "Why",
    "approx",
    "configure_converter",
    "dump",
    "dumps",
    "find_documents",
    "from_dict",
    "load",
    "load_all",
    "loads",
    "make_converter",
    "to_dict",
]

"""Blameless post-mortems as typed, immutable data.

The model of the worksheet, its checks and its metrics are exported here;
everything in a module whose name starts with an underscore is private.
"""

from __future__ import annotations

from blameless._checks._check import RULES, check
from blameless._checks._config import CheckConfig
from blameless._checks._findings import Finding, FindingSeverity, Rule
from blameless._checks._quality import (
    ActionQuality,
    Criterion,
    Verdict,
    check_action,
    check_action_item,
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
from blameless._documents._problems import (
    DocumentError,
    Problem,
)
from blameless._documents._schema import json_schema
from blameless._errors import (
    BlamelessError,
    ConfigError,
    InvariantError,
)
from blameless._model._actions import (
    ActionItem,
    ActionKind,
    ActionStatus,
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
from blameless._model._follow_up import (
    ActionReview,
    FollowUp,
)
from blameless._model._incident import (
    Impact,
    ImpactCategory,
    IncidentReport,
    Severity,
    TimelineEvent,
)
from blameless._model._post_mortem import (
    LogEntry,
    PostMortem,
    ReviewStatus,
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
from blameless._model._time import (
    Span,
    Timestamp,
    approx,
)
from blameless.metrics import (
    ActionStats,
    Caveat,
    DurationPreset,
    DurationStats,
    FactorFrequency,
    FactorPair,
    FactorStats,
    IncidentMetrics,
    LogFilter,
    LogTable,
    Period,
    PeriodTrend,
    ResilienceStats,
    TrendReport,
    action_stats,
    duration_stats,
    factor_stats,
    incident_metrics,
    period_trends,
    resilience_stats,
    trends,
)

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_WHY_LEVEL",
    "MINIMUM_MINUTES",
    "RULES",
    "SCHEMA_VERSION",
    "ActionItem",
    "ActionKind",
    "ActionQuality",
    "ActionReview",
    "ActionStats",
    "ActionStatus",
    "Attendance",
    "BlamelessError",
    "CausalAnalysis",
    "Caveat",
    "CheckConfig",
    "ConfigError",
    "ContributingFactors",
    "Criterion",
    "DocumentError",
    "DurationPreset",
    "DurationStats",
    "EarlierDetection",
    "Factor",
    "FactorCategory",
    "FactorChecklist",
    "FactorFrequency",
    "FactorPair",
    "FactorStats",
    "Finding",
    "FindingSeverity",
    "FiveWhys",
    "FollowUp",
    "GroundRule",
    "Impact",
    "ImpactCategory",
    "IncidentMetrics",
    "IncidentReport",
    "InvariantError",
    "Involvement",
    "Lessons",
    "LogEntry",
    "LogFilter",
    "LogTable",
    "MeetingRole",
    "Participant",
    "Period",
    "PeriodTrend",
    "PostMortem",
    "Prerequisite",
    "Problem",
    "Readiness",
    "Resilience",
    "ResilienceStats",
    "ReviewStatus",
    "Rule",
    "Severity",
    "SmallerBlastRadius",
    "Span",
    "TimelineEvent",
    "Timestamp",
    "TrendReport",
    "UnmetPrerequisite",
    "Verdict",
    "Why",
    "action_stats",
    "approx",
    "check",
    "check_action",
    "check_action_item",
    "configure_converter",
    "dump",
    "dumps",
    "duration_stats",
    "factor_stats",
    "find_documents",
    "from_dict",
    "incident_metrics",
    "json_schema",
    "load",
    "load_all",
    "loads",
    "make_converter",
    "period_trends",
    "resilience_stats",
    "to_dict",
    "trends",
]

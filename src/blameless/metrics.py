"""Metrics of one post-mortem, and trends across a post-mortem log.

Every name here is public; the most used ones are also exported by
``blameless`` itself. Results are immutable objects whose docstrings
say what each number means and which times it spans; each converts to
plain rows (``rows()``) and, with ``pip install 'blameless[pandas]'``, to a
pandas DataFrame (``to_pandas()``).
"""

from __future__ import annotations

from blameless._metrics._filters import LogFilter, impact_start, severity_of
from blameless._metrics._incident import IncidentMetrics, incident_metrics
from blameless._metrics._periods import Period
from blameless._metrics._presets import DURATIONS, DurationPreset
from blameless._metrics._sections import (
    ActionStats,
    FactorFrequency,
    FactorPair,
    FactorStats,
    ResilienceStats,
)
from blameless._metrics._stats import (
    Caveat,
    DurationStats,
    duration_stats,
    quantile,
)
from blameless._metrics._table import LogTable
from blameless._metrics._trends import (
    PeriodTrend,
    TrendReport,
    action_stats,
    factor_stats,
    period_trends,
    resilience_stats,
    trends,
)

__all__ = [
    "DURATIONS",
    "ActionStats",
    "Caveat",
    "DurationPreset",
    "DurationStats",
    "FactorFrequency",
    "FactorPair",
    "FactorStats",
    "IncidentMetrics",
    "LogFilter",
    "LogTable",
    "Period",
    "PeriodTrend",
    "ResilienceStats",
    "TrendReport",
    "action_stats",
    "duration_stats",
    "factor_stats",
    "impact_start",
    "incident_metrics",
    "period_trends",
    "quantile",
    "resilience_stats",
    "severity_of",
    "trends",
]

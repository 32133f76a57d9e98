"""Checking a post-mortem against every selected rule."""

from __future__ import annotations

from datetime import date

from blameless._checks._config import CheckConfig
from blameless._checks._context import Context
from blameless._checks._findings import Finding, Rule
from blameless._checks._rules import REGISTERED
from blameless._model._post_mortem import PostMortem

__all__ = ["RULES", "check"]

#: Every rule, in the worksheet's order: readiness (R), the incident
#: report (I), the causal analysis (A), actions (X), follow-up (F) and
#: the post-mortem log (L).
_ORDER = "RIAXFL"
_SORTED = sorted(
    REGISTERED, key=lambda pair: (_ORDER.index(pair[0].code[0]), pair[0].code)
)
RULES: tuple[Rule, ...] = tuple(described for described, _ in _SORTED)

_DEFAULT = CheckConfig()


def check(
    post_mortem: PostMortem,
    *,
    today: date | None = None,
    config: CheckConfig | None = None,
) -> tuple[Finding, ...]:
    """Check a post-mortem against the worksheet's guidance.

    Checks never raise on a post-mortem, however incomplete: a draft gets
    findings for what it still lacks.

    Args:
        post_mortem: The post-mortem to check, draft or complete.
        today: The day to judge overdue action items by; the current day
            when ``None``.
        config: Which rules run and with what thresholds; every rule with
            the defaults when ``None``.

    Returns:
        The findings, in the order of the rules and, within a rule, of the
        fields.
    """
    config = config or _DEFAULT
    # The user's own calendar day, as a linter run by hand would read it.
    today = today or date.today()  # noqa: DTZ011
    context = Context(post_mortem, today, config)
    found: list[Finding] = []
    for described, run in _SORTED:
        if not config.selects(described.code):
            continue
        found.extend(
            Finding(described.code, described.severity, path, message)
            for path, message in run(context)
        )
    return tuple(found)

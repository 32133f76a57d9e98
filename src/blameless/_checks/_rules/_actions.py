"""Rules for Section 3 of the worksheet: lessons and actions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from blameless._checks._context import Context
from blameless._checks._quality import Criterion
from blameless._checks._rules._registry import INFO, WARNING, rule
from blameless._model._actions import ActionItem, ActionKind
from blameless._model._analysis import Factor, FactorCategory

_C1 = "$.actions[0]"
_P1 = "$.actions[1]"


def _quality(
    ctx: Context, criterion: Criterion, *, kinds: tuple[ActionKind, ...]
) -> Iterator[tuple[int, ActionItem, str]]:
    """The items of some kinds that fail one criterion, with the reason."""
    for index, item in enumerate(ctx.post_mortem.actions):
        if item.kind not in kinds:
            continue
        verdict = ctx.qualities[index].verdict(criterion)
        if not verdict.passed:
            yield index, item, verdict.reason


_BOTH = (ActionKind.CONTAINMENT, ActionKind.PREVENTION)


@rule(
    "X001",
    "no-containment",
    WARNING,
    summary="There is no containment (short-term) action item.",
    why=(
        "Short-term fixes stabilize the system, repair the immediate damage "
        "and stop the exact same failure from recurring tomorrow."
    ),
    failing=(("$.actions[0].kind", ActionKind.PREVENTION),),
    passing=(("$.actions[0].kind", ActionKind.CONTAINMENT),),
)
def _no_containment(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.containment:
        yield (
            "$.actions",
            (
                "There is no containment item; add the short-term fixes that "
                "stabilize the system and repair the immediate damage."
            ),
        )


@rule(
    "X002",
    "no-prevention",
    WARNING,
    summary="There is no prevention (long-term) action item.",
    why=(
        "Long-term improvements prevent the entire class of problem, not "
        "just this instance; they build lasting resilience."
    ),
    failing=(
        ("$.actions[1].kind", ActionKind.CONTAINMENT),
        ("$.actions[2].kind", ActionKind.CONTAINMENT),
    ),
    passing=(("$.actions[2].kind", ActionKind.CONTAINMENT),),
)
def _no_prevention(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.prevention:
        yield (
            "$.actions",
            (
                "There is no prevention item; add the systemic changes that "
                "prevent this entire class of problem from happening again."
            ),
        )


@rule(
    "X003",
    "action-not-specific",
    WARNING,
    summary=(
        "An action item does not describe exactly what will change "
        "(the Specific check)."
    ),
    why=(
        'Specific: "Improve monitoring" fails; "Add alerting for data '
        'sync error rates exceeding 1% of processed records" passes.'
    ),
    failing=((f"{_P1}.description", "Improve monitoring"),),
    passing=(
        (
            f"{_P1}.description",
            (
                "Add alerting for data sync error rates exceeding 1% of "
                "processed records"
            ),
        ),
    ),
)
def _not_specific(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, item, reason in _quality(ctx, Criterion.SPECIFIC, kinds=_BOTH):
        yield (
            f"$.actions[{index}].description",
            f"Action {item.id} is not specific: {reason}.",
        )


@rule(
    "X004",
    "action-not-owned",
    WARNING,
    summary=(
        "An action item is not owned by one specific person (the Owned "
        "check): a team, a role, several people or nobody."
    ),
    why=(
        'Owned: one specific person owns the action. Not "the team." One name.'
    ),
    failing=((f"{_C1}.owner", "the team"),),
    passing=((f"{_C1}.owner", "Dana Reyes"),),
)
def _not_owned(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, item, reason in _quality(ctx, Criterion.OWNED, kinds=_BOTH):
        yield (
            f"$.actions[{index}].owner",
            f"Action {item.id} is not owned by one person: {reason}.",
        )


@rule(
    "X005",
    "action-not-time-bound",
    WARNING,
    summary="An action item has no due date (the Time-bound check).",
    why=(
        'Time-bound: a concrete due date. Not "soon" or "next sprint." A date.'
    ),
    failing=((f"{_C1}.due", None),),
    passing=((f"{_C1}.due", date(2024, 11, 22)),),
)
def _not_time_bound(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, item, reason in _quality(
        ctx, Criterion.TIME_BOUND, kinds=_BOTH
    ):
        yield (
            f"$.actions[{index}].due",
            f"Action {item.id} is not time-bound: {reason}.",
        )


@rule(
    "X006",
    "action-not-verifiable",
    WARNING,
    summary=(
        "Nobody could check that an action item was completed and is "
        "working (the Verifiable check)."
    ),
    why=(
        'Verifiable: "Be more careful" fails; "Deploy automated test '
        'covering this scenario" passes.'
    ),
    failing=((f"{_C1}.description", "Be more careful"),),
    passing=(
        (f"{_C1}.description", "Deploy automated test covering this scenario"),
    ),
)
def _not_verifiable(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, item, reason in _quality(
        ctx, Criterion.VERIFIABLE, kinds=_BOTH
    ):
        yield (
            f"$.actions[{index}].description",
            f"Action {item.id} is not verifiable: {reason}.",
        )


@rule(
    "X007",
    "prevention-not-systemic",
    WARNING,
    summary=(
        "A prevention item addresses this one instance, not a category "
        "of failure (the Systemic check)."
    ),
    why=(
        'Systemic: "Fix the API field name" fails; "Implement schema '
        'validation on all inbound data" passes. Containment items fix '
        "this instance by design, so only prevention items are held to it."
    ),
    failing=((f"{_P1}.description", "Fix the API field name"),),
    passing=(
        (
            f"{_P1}.description",
            "Implement schema validation on all inbound data",
        ),
    ),
)
def _not_systemic(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, item, reason in _quality(
        ctx, Criterion.SYSTEMIC, kinds=(ActionKind.PREVENTION,)
    ):
        yield (
            f"$.actions[{index}].description",
            f"Prevention item {item.id} is not systemic: {reason}.",
        )


@rule(
    "X008",
    "factor-not-addressed",
    WARNING,
    summary="A checked contributing factor is addressed by no action item.",
    why=(
        "Analysis without action is just a meeting: each systemic weakness "
        "found in Section 2 becomes an owned improvement in Section 3."
    ),
    failing=(("$.actions[2].addresses_factors", frozenset()),),
    passing=(
        (
            "$.actions[2].addresses_factors",
            {Factor.ASSUMED_STABLE_THIRD_PARTY},
        ),
    ),
)
def _unaddressed(ctx: Context) -> Iterator[tuple[str, str]]:
    pm = ctx.post_mortem
    addressed = pm.addressed_factors
    for category in FactorCategory:
        checked = pm.analysis.factors.checklist(category).checked
        for factor in sorted(checked - addressed, key=lambda f: f.value):
            yield (
                f"$.analysis.factors.{category.value}.checked",
                (
                    f"No action item addresses the factor {factor.label!r}; "
                    "add one, or link an existing item to it."
                ),
            )


@rule(
    "X009",
    "action-addresses-nothing",
    INFO,
    summary=(
        "An action item names no contributing factor and no why-level it "
        "addresses."
    ),
    why=(
        "Every action should trace back to something the analysis found; "
        "an item that addresses nothing may belong to another incident."
    ),
    failing=((f"{_C1}.addresses_whys", frozenset()),),
    passing=((f"{_C1}.addresses_whys", {1}),),
)
def _addresses_nothing(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, item in enumerate(ctx.post_mortem.actions):
        if not item.addresses_anything:
            yield (
                f"$.actions[{index}].addresses_factors",
                (
                    f"Action {item.id} addresses no contributing factor and "
                    "no why; link it to what the analysis found."
                ),
            )


_PUNITIVE = re.compile(
    r"\b(?:punish\w*|disciplin\w*|reprimand\w*|written warning|"
    r"formal warning|fire|dismiss|demote\w*|suspend\w*|write up|"
    r"performance improvement plan|pip)\b",
    re.IGNORECASE,
)


@rule(
    "X010",
    "punitive-action",
    WARNING,
    summary="An action item punishes a person instead of improving things.",
    why=(
        "Ground rule 3: all findings result in action items, not punishments. "
        "If anyone fears punishment, they will withhold information."
    ),
    failing=(
        (f"{_C1}.description", "Issue a written warning to the deployer"),
    ),
    passing=(
        (
            f"{_C1}.description",
            "Require a second approver for production deploys",
        ),
    ),
)
def _punitive(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, item in enumerate(ctx.post_mortem.actions):
        found = _PUNITIVE.search(item.description)
        if found:
            yield (
                f"$.actions[{index}].description",
                (
                    f"Action {item.id} is a punishment ({found.group()!r}); "
                    "turn the finding into an improvement of the system."
                ),
            )

"""Rules for Section 4 of the worksheet: follow-up and accountability."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import attrs

from blameless._checks._context import Context
from blameless._checks._rules._registry import INFO, WARNING, rule
from blameless._model._actions import ActionStatus
from blameless._model._follow_up import ActionReview

_FOLLOW_UP = "$.follow_up"


@rule(
    "F001",
    "no-follow-up-date",
    WARNING,
    summary="No follow-up review date is set.",
    why=(
        "A post-mortem without follow-up is theater: put the follow-up on "
        "the calendar before the meeting ends."
    ),
    failing=(("$.follow_up.review_date", None),),
    passing=(("$.follow_up.review_date", date(2024, 11, 29)),),
)
def _no_date(ctx: Context) -> Iterator[tuple[str, str]]:
    if ctx.post_mortem.follow_up.review_date is None:
        yield (
            f"{_FOLLOW_UP}.review_date",
            (
                "No follow-up review date is set; schedule it, no more than "
                "two weeks after the post-mortem, before the meeting ends."
            ),
        )


@rule(
    "F002",
    "late-follow-up",
    WARNING,
    summary=(
        "The follow-up review is more than the follow-up window (14 days "
        "by default) after the post-mortem."
    ),
    why=(
        "The worksheet asks to schedule the follow-up for no more than "
        "two weeks after the post-mortem, while the actions are fresh."
    ),
    failing=(("$.follow_up.review_date", date(2024, 12, 20)),),
    passing=(("$.follow_up.review_date", date(2024, 12, 2)),),
)
def _late(ctx: Context) -> Iterator[tuple[str, str]]:
    pm = ctx.post_mortem
    held, review = pm.log.held_on, pm.follow_up.review_date
    if held is None or review is None:
        return
    days = (review - held).days
    if days > ctx.config.follow_up_days:
        yield (
            f"{_FOLLOW_UP}.review_date",
            (
                f"The follow-up is {days} days after the post-mortem "
                f"({held.isoformat()}); schedule it within "
                f"{ctx.config.follow_up_days} days."
            ),
        )


@rule(
    "F003",
    "follow-up-before-post-mortem",
    WARNING,
    summary="The follow-up review is dated before the post-mortem itself.",
    why="The follow-up reviews the actions the post-mortem decided.",
    failing=(("$.follow_up.review_date", date(2024, 11, 10)),),
    passing=(("$.follow_up.review_date", date(2024, 11, 25)),),
)
def _before(ctx: Context) -> Iterator[tuple[str, str]]:
    pm = ctx.post_mortem
    held, review = pm.log.held_on, pm.follow_up.review_date
    if held is not None and review is not None and review < held:
        yield (
            f"{_FOLLOW_UP}.review_date",
            (
                f"The follow-up ({review.isoformat()}) is before the "
                f"post-mortem ({held.isoformat()}); correct one of the dates."
            ),
        )


@rule(
    "F004",
    "no-follow-up-facilitator",
    WARNING,
    summary="Nobody is named to facilitate the follow-up.",
    why="The worksheet asks for a facilitator for the follow-up meeting.",
    failing=(("$.follow_up.facilitator", ""),),
    passing=(("$.follow_up.facilitator", "Lee Park"),),
)
def _no_facilitator(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.follow_up.facilitator.strip():
        yield (
            f"{_FOLLOW_UP}.facilitator",
            "Nobody facilitates the follow-up; name the person who will.",
        )


# A review of item P1 as blocked: bare, then with the reason the agenda
# asks for, then with the new due date as well.
_BLOCKED = ActionReview(action_id="P1", status=ActionStatus.BLOCKED)
_BLOCKED_WITH_REASON = attrs.evolve(
    _BLOCKED, blocked_reason="Waiting for the CRM sandbox."
)
_BLOCKED_WITH_NEW_DATE = attrs.evolve(
    _BLOCKED_WITH_REASON, new_due=date(2024, 12, 20)
)


@rule(
    "F005",
    "blocked-without-reason",
    WARNING,
    summary="An action item is blocked (or dropped) without saying why.",
    why=(
        'The follow-up agenda asks "If Blocked, Why?" for every blocked '
        "item; the reason is what the team can act on."
    ),
    failing=(("$.follow_up.reviews", (_BLOCKED,)),),
    passing=(("$.follow_up.reviews", (_BLOCKED_WITH_NEW_DATE,)),),
)
def _no_reason(ctx: Context) -> Iterator[tuple[str, str]]:
    pm = ctx.post_mortem
    for index, review in enumerate(pm.follow_up.reviews):
        blocked = review.status is ActionStatus.BLOCKED
        if blocked and not review.blocked_reason.strip():
            yield (
                f"{_FOLLOW_UP}.reviews[{index}].blocked_reason",
                (
                    f"Action {review.action_id} is blocked without a reason; "
                    "say why, so the blocker can be removed."
                ),
            )
    for index, item in enumerate(pm.actions):
        stopped = item.status in (ActionStatus.BLOCKED, ActionStatus.NOT_DOING)
        if stopped and not item.reason.strip():
            status = item.status.value.replace("_", " ")
            yield (
                f"$.actions[{index}].reason",
                f"Action {item.id} is {status} without a reason; say why.",
            )


@rule(
    "F006",
    "blocked-without-new-date",
    WARNING,
    summary="A blocked action item has no new due date.",
    why=(
        "The follow-up agenda gives a blocked item a new due date, so it "
        "stays time-bound."
    ),
    failing=(("$.follow_up.reviews", (_BLOCKED_WITH_REASON,)),),
    passing=(("$.follow_up.reviews", (_BLOCKED_WITH_NEW_DATE,)),),
)
def _no_new_date(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, review in enumerate(ctx.post_mortem.follow_up.reviews):
        if review.status is ActionStatus.BLOCKED and review.new_due is None:
            yield (
                f"{_FOLLOW_UP}.reviews[{index}].new_due",
                (
                    f"Action {review.action_id} is blocked without a new due "
                    "date; set one."
                ),
            )


@rule(
    "F007",
    "overdue-action",
    WARNING,
    summary=(
        "An open action item is past its due date (or the new due date "
        "the follow-up gave it) as of today."
    ),
    why=(
        "A post-mortem without follow-up is theater; overdue items are "
        "what the follow-up meeting is for."
    ),
    failing=(("$.actions[0].due", date(2024, 11, 19)),),
    passing=(("$.actions[0].due", date(2024, 11, 20)),),
)
def _overdue(ctx: Context) -> Iterator[tuple[str, str]]:
    pm = ctx.post_mortem
    for index, item in enumerate(pm.actions):
        review = pm.follow_up.review_of(item.id)
        due = review.new_due if review and review.new_due else item.due
        status = review.status if review else item.status
        is_open = status.is_open and item.status.is_open
        if is_open and due is not None and due < ctx.today:
            days = (ctx.today - due).days
            message = (
                f"Action {item.id} was due on {due.isoformat()}, {days} days "
                "ago, and is still open; review it and set a new due date "
                "if needed."
            )
            yield f"$.actions[{index}].due", message


@rule(
    "F008",
    "action-not-reviewed",
    INFO,
    summary=(
        "The follow-up has begun (it has reviews, or its date has passed) "
        "but an action item is missing from its agenda."
    ),
    why="At the follow-up meeting, review each action item.",
    failing=(
        (
            "$.follow_up.reviews",
            (ActionReview(action_id="P1", status=ActionStatus.IN_PROGRESS),),
        ),
    ),
    passing=(("$.follow_up.reviews", ()),),
)
def _not_reviewed(ctx: Context) -> Iterator[tuple[str, str]]:
    follow_up = ctx.post_mortem.follow_up
    held = follow_up.review_date is not None and (
        follow_up.review_date <= ctx.today
    )
    if not (follow_up.reviews or held):
        return
    for item in ctx.post_mortem.actions:
        if follow_up.review_of(item.id) is None:
            yield (
                f"{_FOLLOW_UP}.reviews",
                (
                    f"Action {item.id} is not on the follow-up agenda; review "
                    "its status there."
                ),
            )

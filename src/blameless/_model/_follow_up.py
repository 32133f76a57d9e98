"""Section 4 of the worksheet: the follow-up meeting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from blameless._errors import InvariantError
from blameless._model._actions import ActionStatus, check_date
from blameless._model._collections import refuse_text

__all__ = ["ActionReview", "FollowUp"]


def _new_due(value: date | None) -> date | None:
    return check_date("ActionReview.new_due", value)


@attrs.frozen(kw_only=True)
class ActionReview:
    """One row of the follow-up agenda: an action item, reviewed.

    Args:
        action_id: The id of the action item under review.
        status: Its status at the follow-up meeting.
        blocked_reason: If blocked, why.
        new_due: A new due date, if one was needed.
    """

    action_id: str
    status: ActionStatus = ActionStatus.NOT_STARTED
    blocked_reason: str = ""
    new_due: date | None = attrs.field(default=None, converter=_new_due)


def _review_date(value: date | None) -> date | None:
    return check_date("FollowUp.review_date", value)


def _reviews(value: Iterable[ActionReview]) -> tuple[ActionReview, ...]:
    refuse_text("FollowUp.reviews", value)
    return tuple(value)


@attrs.frozen(kw_only=True)
class FollowUp:
    """The follow-up meeting, and its review of every action item.

    Args:
        review_date: The day of the follow-up review; the worksheet asks
            for no more than two weeks after the post-mortem.
        facilitator: Who facilitates the follow-up.
        reviews: The agenda: one review per action item.

    Raises:
        InvariantError: If one action item is reviewed twice.
    """

    review_date: date | None = attrs.field(
        default=None, converter=_review_date
    )
    facilitator: str = ""
    reviews: tuple[ActionReview, ...] = attrs.field(
        default=(), converter=_reviews
    )

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for index, review in enumerate(self.reviews):
            if review.action_id in seen:
                raise InvariantError(
                    f"FollowUp.reviews[{index}]",
                    "an action item is reviewed twice",
                    {"action_id": review.action_id},
                )
            seen.add(review.action_id)

    def review_of(self, action_id: str) -> ActionReview | None:
        """Return the review of one action item, if it was reviewed.

        Args:
            action_id: The id of the action item.
        """
        for review in self.reviews:
            if review.action_id == action_id:
                return review
        return None

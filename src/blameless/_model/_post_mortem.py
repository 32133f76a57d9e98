"""A whole post-mortem, and its entry in the post-mortem log."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

import attrs

from blameless._errors import InvariantError
from blameless._model._actions import ActionItem, ActionKind, check_date
from blameless._model._analysis import CausalAnalysis, Factor
from blameless._model._collections import refuse_text
from blameless._model._follow_up import FollowUp
from blameless._model._incident import IncidentReport, Severity
from blameless._model._readiness import Readiness

__all__ = ["LogEntry", "PostMortem", "ReviewStatus"]


class ReviewStatus(enum.Enum):
    """Where a post-mortem stands in its own life."""

    #: Being filled in.
    DRAFT = "draft"
    #: Complete and waiting for review.
    IN_REVIEW = "in_review"
    #: Reviewed and agreed.
    REVIEWED = "reviewed"
    #: Every action item settled; nothing left to follow up.
    CLOSED = "closed"


def _held_on(value: date | None) -> date | None:
    return check_date("LogEntry.held_on", value)


def _tags(value: Iterable[str]) -> frozenset[str]:
    refuse_text("LogEntry.tags", value)
    return frozenset(value)


@attrs.frozen(kw_only=True)
class LogEntry:
    """The post-mortem's place in the post-mortem log.

    Args:
        number: The post-mortem number, incremented from the last one.
        filed_in: Where it is filed: a drive, a wiki, a tracker.
        held_on: The day the post-mortem meeting was held.
        status: Draft, in review, reviewed or closed.
        severity: The overall severity of the incident.
        tags: Free labels for finding patterns, such as a system's name.
        near_miss: Whether the failure was caught before it did harm.

    Raises:
        InvariantError: If the number is not a positive whole number.
    """

    number: int | None = None
    filed_in: str = ""
    held_on: date | None = attrs.field(default=None, converter=_held_on)
    status: ReviewStatus = ReviewStatus.DRAFT
    severity: Severity | None = None
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_tags)
    near_miss: bool = False

    def __attrs_post_init__(self) -> None:
        number = self.number
        if number is not None and (isinstance(number, bool) or number < 1):
            raise InvariantError(
                "LogEntry.number",
                "post-mortem numbers start at 1",
                {"number": number},
            )


def _actions(value: Iterable[ActionItem]) -> tuple[ActionItem, ...]:
    refuse_text("PostMortem.actions", value)
    return tuple(value)


@attrs.frozen(kw_only=True)
class PostMortem:
    """A blameless post-mortem: the whole worksheet, filled in or not.

    Every part has a blank default, so a draft started during the meeting
    is valid data; :func:`attrs.evolve` fills it in. Only impossible data
    is refused.

    Args:
        log: Its entry in the post-mortem log.
        readiness: The quick check and the participants.
        incident: Section 1, the incident report.
        analysis: Section 2, the causal analysis.
        actions: Section 3, containment and prevention action items.
        follow_up: Section 4, the follow-up meeting.

    Raises:
        InvariantError: If two action items share an id, or the follow-up
            reviews an action item that does not exist.
    """

    log: LogEntry = LogEntry()
    readiness: Readiness = Readiness()
    incident: IncidentReport = IncidentReport()
    analysis: CausalAnalysis = CausalAnalysis()
    actions: tuple[ActionItem, ...] = attrs.field(
        default=(), converter=_actions
    )
    follow_up: FollowUp = FollowUp()

    def __attrs_post_init__(self) -> None:
        self._refuse_repeated_ids()
        self._refuse_unknown_reviews()

    def _refuse_repeated_ids(self) -> None:
        seen: set[str] = set()
        for index, item in enumerate(self.actions):
            if item.id in seen:
                raise InvariantError(
                    f"PostMortem.actions[{index}].id",
                    "two action items share an id",
                    {"id": item.id},
                )
            seen.add(item.id)

    def _refuse_unknown_reviews(self) -> None:
        ids = {item.id for item in self.actions}
        for index, review in enumerate(self.follow_up.reviews):
            if review.action_id not in ids:
                raise InvariantError(
                    f"PostMortem.follow_up.reviews[{index}].action_id",
                    "the follow-up reviews an action item that does not exist",
                    {"action_id": review.action_id, "known": sorted(ids)},
                )

    @property
    def containment(self) -> tuple[ActionItem, ...]:
        """The short-term fixes, in order."""
        return self.actions_of(ActionKind.CONTAINMENT)

    @property
    def prevention(self) -> tuple[ActionItem, ...]:
        """The long-term improvements, in order."""
        return self.actions_of(ActionKind.PREVENTION)

    def actions_of(self, kind: ActionKind) -> tuple[ActionItem, ...]:
        """Return the action items of one kind, in order.

        Args:
            kind: Containment or prevention.
        """
        return tuple(item for item in self.actions if item.kind is kind)

    def action(self, action_id: str) -> ActionItem | None:
        """Return the action item with this id, if there is one.

        Args:
            action_id: The id to look up.
        """
        for item in self.actions:
            if item.id == action_id:
                return item
        return None

    @property
    def addressed_factors(self) -> frozenset[Factor]:
        """The contributing factors that some action item addresses."""
        found: set[Factor] = set()
        for item in self.actions:
            found |= item.addresses_factors
        return frozenset(found)

    def overdue(self, today: date) -> tuple[ActionItem, ...]:
        """Return the open action items whose due date has passed.

        Args:
            today: The date to judge by.
        """
        return tuple(item for item in self.actions if item.is_overdue(today))

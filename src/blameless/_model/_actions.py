"""Section 3 of the worksheet: the action items."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, datetime

import attrs

from blameless._errors import InvariantError
from blameless._model._analysis import MAX_WHY_LEVEL, Factor
from blameless._model._collections import refuse_text

__all__ = ["ActionItem", "ActionKind", "ActionStatus", "check_date"]


class ActionKind(enum.Enum):
    """The two tables of action items on the worksheet."""

    #: Short-term fixes that stabilize, repair, and stop a repeat tomorrow.
    CONTAINMENT = "containment"
    #: Long-term improvements that prevent the whole class of problem.
    PREVENTION = "prevention"


class ActionStatus(enum.Enum):
    """Where an action item stands."""

    #: Not started yet.
    NOT_STARTED = "not_started"
    #: Being worked on.
    IN_PROGRESS = "in_progress"
    #: Cannot go on until something else happens; say why.
    BLOCKED = "blocked"
    #: Done, the worksheet's checked "Done" box.
    COMPLETE = "complete"
    #: Deliberately dropped; say why.
    NOT_DOING = "not_doing"

    @property
    def is_open(self) -> bool:
        """Whether the item still awaits work (not complete, not dropped)."""
        return self not in (ActionStatus.COMPLETE, ActionStatus.NOT_DOING)


def check_date(where: str, value: date | None) -> date | None:
    """Refuse a datetime where a calendar date is meant.

    A :class:`~datetime.datetime` is a :class:`~datetime.date` to Python,
    but a due date with a time and a zone compares and serializes
    differently from a plain date.
    """
    if isinstance(value, datetime):
        raise InvariantError(
            where,
            "expected a calendar date, not a datetime",
            {"value": value},
            hint="pass value.date()",
        )
    if value is not None and not isinstance(value, date):
        raise InvariantError(
            where, "expected a calendar date", {"value": value}
        )
    return value


def _due(value: date | None) -> date | None:
    return check_date("ActionItem.due", value)


def _completed(value: date | None) -> date | None:
    return check_date("ActionItem.completed_on", value)


def _factors(value: Iterable[Factor]) -> frozenset[Factor]:
    refuse_text("ActionItem.addresses_factors", value)
    return frozenset(value)


def _levels(value: Iterable[int]) -> frozenset[int]:
    refuse_text("ActionItem.addresses_whys", value)
    return frozenset(value)


@attrs.frozen(kw_only=True)
class ActionItem:
    """One row of the containment or prevention table.

    Whether the item is Specific, Systemic, Owned, Time-bound and
    Verifiable is for the action quality check to say; any text is valid
    data here.

    Args:
        id: A stable identifier, unique within the post-mortem, that the
            follow-up and other tools refer to.
        kind: Containment (short-term) or prevention (long-term).
        description: What will change.
        owner: The one person who owns it.
        due: The concrete due date.
        status: Where the item stands.
        reason: Why it is blocked or not being done.
        completed_on: The day it was completed.
        ticket: A link to the item in the team's tracker.
        addresses_factors: The contributing factors it addresses.
        addresses_whys: The why-levels it addresses.

    Raises:
        InvariantError: If the id is blank, a date is a datetime, or a
            why-level is outside 1 to 5.
    """

    id: str
    kind: ActionKind
    description: str = ""
    owner: str = ""
    due: date | None = attrs.field(default=None, converter=_due)
    status: ActionStatus = ActionStatus.NOT_STARTED
    reason: str = ""
    completed_on: date | None = attrs.field(default=None, converter=_completed)
    ticket: str | None = None
    addresses_factors: frozenset[Factor] = attrs.field(
        default=frozenset(), converter=_factors
    )
    addresses_whys: frozenset[int] = attrs.field(
        default=frozenset(), converter=_levels
    )

    def __attrs_post_init__(self) -> None:
        # Typed as str, but data from outside Python may hold anything.
        given: object = self.id
        if not isinstance(given, str) or not given.strip():
            raise InvariantError(
                "ActionItem.id",
                "an action item needs a non-blank id",
                {"id": self.id},
                hint="number them, for example 'C1', 'P2'",
            )
        for level in sorted(self.addresses_whys):
            if isinstance(level, bool) or not 1 <= level <= MAX_WHY_LEVEL:
                raise InvariantError(
                    "ActionItem.addresses_whys",
                    f"why-levels run from 1 to {MAX_WHY_LEVEL}",
                    {"id": self.id, "level": level},
                )

    @property
    def addresses_anything(self) -> bool:
        """Whether the item names a factor or why-level it addresses."""
        return bool(self.addresses_factors or self.addresses_whys)

    def is_overdue(self, today: date) -> bool:
        """Whether the item is still open after its due date.

        Args:
            today: The date to judge by.
        """
        return (
            self.status.is_open and self.due is not None and self.due < today
        )

"""Before the meeting: the readiness quick check and the ground rules."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from blameless._errors import InvariantError
from blameless._model._collections import refuse_text

__all__ = [
    "MINIMUM_MINUTES",
    "Attendance",
    "GroundRule",
    "Involvement",
    "MeetingRole",
    "Participant",
    "Prerequisite",
    "Readiness",
    "UnmetPrerequisite",
]

#: The least time, in minutes, the worksheet asks to block for the meeting.
MINIMUM_MINUTES = 60


class GroundRule(enum.Enum):
    """The three ground rules every person in the room agrees to."""

    #: Everyone did the best they could with the information they had.
    BEST_INTENT = "best_intent"
    #: We investigate the system and process, not the people.
    SYSTEM_NOT_PEOPLE = "system_not_people"
    #: All findings result in action items, not punishments.
    ACTIONS_NOT_PUNISHMENT = "actions_not_punishment"


class MeetingRole(enum.Enum):
    """A role someone holds in the post-mortem meeting itself."""

    #: Leads the discussion and keeps it structured and blame-free.
    FACILITATOR = "facilitator"
    #: Documents the findings in real time.
    NOTE_TAKER = "note_taker"


class Involvement(enum.Enum):
    """How someone was involved in the incident being reviewed."""

    #: Directly involved in the events of the incident.
    INCIDENT = "incident"
    #: Involved in detecting it.
    DETECTION = "detection"
    #: Involved in the response.
    RESPONSE = "response"


class Attendance(enum.Enum):
    """How someone took part in the post-mortem."""

    #: In the room, or on the call.
    PRESENT = "present"
    #: Not in the room, but submitted written input.
    WRITTEN_INPUT = "written_input"
    #: Neither present nor heard from.
    ABSENT = "absent"


def _roles(value: Iterable[MeetingRole]) -> frozenset[MeetingRole]:
    refuse_text("Participant.roles", value)
    return frozenset(value)


def _involvement(value: Iterable[Involvement]) -> frozenset[Involvement]:
    refuse_text("Participant.involvement", value)
    return frozenset(value)


def _rules(value: Iterable[GroundRule]) -> frozenset[GroundRule]:
    refuse_text("Participant.agreed", value)
    return frozenset(value)


@attrs.frozen(kw_only=True)
class Participant:
    """A person taking part in the post-mortem.

    Args:
        name: The person's name, unique among the participants.
        roles: Their roles in the meeting: facilitator, note-taker.
        involvement: How they were involved in the incident; empty for
            someone who only attends.
        attendance: How they took part.
        most_senior: Whether they are the most senior person in the room.
        agreed: The ground rules they explicitly agreed to.
    """

    name: str
    roles: frozenset[MeetingRole] = attrs.field(
        default=frozenset(), converter=_roles
    )
    involvement: frozenset[Involvement] = attrs.field(
        default=frozenset(), converter=_involvement
    )
    attendance: Attendance = Attendance.PRESENT
    most_senior: bool = False
    agreed: frozenset[GroundRule] = attrs.field(
        default=frozenset(), converter=_rules
    )

    @property
    def agreed_to_all(self) -> bool:
        """Whether they agreed to all three ground rules."""
        return len(self.agreed) == len(GroundRule)


class Prerequisite(enum.Enum):
    """The boxes of the readiness quick check, and the ground rules."""

    #: The incident is stabilized, so this is review mode, not crisis mode.
    STABILIZED = "stabilized"
    #: Everyone directly involved is present or sent written input.
    RIGHT_PEOPLE = "right_people"
    #: A facilitator is designated, and is not the most senior person.
    FACILITATOR = "facilitator"
    #: At least 60 minutes are blocked with no interruptions.
    TIME_BLOCKED = "time_blocked"
    #: A note-taker is assigned, someone other than the facilitator.
    NOTE_TAKER = "note_taker"
    #: Everyone in the room agreed to the three ground rules.
    GROUND_RULES = "ground_rules"


@attrs.frozen
class UnmetPrerequisite:
    """A prerequisite of the meeting that is not met, and why.

    Args:
        prerequisite: Which box is unchecked.
        reason: Why, in words, naming the people concerned.
    """

    prerequisite: Prerequisite
    reason: str


def _participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    refuse_text("Readiness.participants", value)
    return tuple(value)


@attrs.frozen(kw_only=True)
class Readiness:
    """The quick check before a post-mortem, and who takes part.

    Whether the right people are present, who facilitates and who takes
    notes is read from :attr:`participants`; only what cannot be read
    from them is stored.

    Args:
        stabilized: Whether the system is no longer actively failing.
        minutes_blocked: The time set aside for the meeting, in minutes.
        participants: Everyone present or heard from, and anyone involved
            who was not.

    Raises:
        InvariantError: If two participants share a name, or the minutes
            blocked are negative.
    """

    stabilized: bool = False
    minutes_blocked: int | None = None
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=_participants
    )

    def __attrs_post_init__(self) -> None:
        minutes = self.minutes_blocked
        if minutes is not None and minutes < 0:
            raise InvariantError(
                "Readiness.minutes_blocked",
                "the time blocked cannot be negative",
                {"minutes_blocked": minutes},
            )
        names: set[str] = set()
        for index, person in enumerate(self.participants):
            if person.name in names:
                raise InvariantError(
                    f"Readiness.participants[{index}]",
                    "two participants share a name",
                    {"name": person.name},
                )
            names.add(person.name)

    def with_role(self, role: MeetingRole) -> tuple[Participant, ...]:
        """Return the participants who hold *role*.

        Args:
            role: Facilitator or note-taker.
        """
        return tuple(p for p in self.participants if role in p.roles)

    @property
    def facilitator(self) -> Participant | None:
        """The designated facilitator, if exactly one is designated."""
        found = self.with_role(MeetingRole.FACILITATOR)
        return found[0] if len(found) == 1 else None

    @property
    def note_taker(self) -> Participant | None:
        """The assigned note-taker, if exactly one is assigned."""
        found = self.with_role(MeetingRole.NOTE_TAKER)
        return found[0] if len(found) == 1 else None

    @property
    def ready(self) -> bool:
        """Whether every prerequisite is met."""
        return not self.unmet()

    def unmet(self) -> tuple[UnmetPrerequisite, ...]:
        """Return each unmet prerequisite with its reason, in order."""
        reasons = {
            Prerequisite.STABILIZED: self._stabilized(),
            Prerequisite.RIGHT_PEOPLE: self._right_people(),
            Prerequisite.FACILITATOR: self._facilitator(),
            Prerequisite.TIME_BLOCKED: self._time_blocked(),
            Prerequisite.NOTE_TAKER: self._note_taker(),
            Prerequisite.GROUND_RULES: self._ground_rules(),
        }
        return tuple(
            UnmetPrerequisite(prerequisite, reason)
            for prerequisite, reason in reasons.items()
            if reason
        )

    def _stabilized(self) -> str:
        if self.stabilized:
            return ""
        return "the incident is not stabilized; review it once it is"

    def _right_people(self) -> str:
        involved = [p for p in self.participants if p.involvement]
        if not involved:
            return "nobody who was involved in the incident is listed"
        missing = [
            p.name for p in involved if p.attendance is Attendance.ABSENT
        ]
        if missing:
            return (
                "involved but neither present nor heard from in writing: "
                + ", ".join(missing)
            )
        return ""

    def _facilitator(self) -> str:
        found = self.with_role(MeetingRole.FACILITATOR)
        if not found:
            return "no facilitator is designated"
        if len(found) > 1:
            names = ", ".join(p.name for p in found)
            return f"one person leads the discussion, not several: {names}"
        if found[0].most_senior:
            return (
                f"the facilitator {found[0].name} is the most senior "
                "person in the room"
            )
        return ""

    def _time_blocked(self) -> str:
        minutes = self.minutes_blocked
        if minutes is None:
            return "no time is blocked for the meeting"
        if minutes < MINIMUM_MINUTES:
            return (
                f"only {minutes} minutes are blocked; "
                f"at least {MINIMUM_MINUTES} are needed"
            )
        return ""

    def _note_taker(self) -> str:
        found = self.with_role(MeetingRole.NOTE_TAKER)
        if not found:
            return "no note-taker is assigned"
        doubling = [
            p.name for p in found if MeetingRole.FACILITATOR in p.roles
        ]
        if doubling:
            return (
                f"the note-taker {doubling[0]} is also the facilitator; "
                "someone else must take notes"
            )
        return ""

    def _ground_rules(self) -> str:
        in_room = [
            p for p in self.participants if p.attendance is Attendance.PRESENT
        ]
        pending = [p.name for p in in_room if not p.agreed_to_all]
        if pending:
            return "not yet agreed to all three ground rules: " + ", ".join(
                pending
            )
        return ""

"""What the example post-mortems share: links, clocks and participants.

Every builder in this package reads its times through :func:`clock` and
seats its meeting with :func:`facilitator`, :func:`note_taker` and
:func:`involved`, so that these conventions are written down once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from blameless import (
    ActionKind,
    Attendance,
    GroundRule,
    Involvement,
    MeetingRole,
    Participant,
)

__all__ = [
    "ALL_RULES",
    "CONTAINMENT",
    "DETECTION",
    "INCIDENT",
    "PREVENTION",
    "RESPONSE",
    "TRACKER",
    "WIKI",
    "clock",
    "facilitator",
    "involved",
    "note_taker",
]

#: Where the company files its post-mortems; each gets a page of its own.
WIKI = "https://wiki.example.com/post-mortems"

#: The tracker that action items link to.
TRACKER = "https://tracker.example.com/browse"

#: Everyone present at a meeting agreed to every ground rule.
ALL_RULES = frozenset(GroundRule)

CONTAINMENT = ActionKind.CONTAINMENT
PREVENTION = ActionKind.PREVENTION

INCIDENT = Involvement.INCIDENT
DETECTION = Involvement.DETECTION
RESPONSE = Involvement.RESPONSE


def clock(zone: str) -> Callable[[str], datetime]:
    """Return a function that reads "YYYY-MM-DD HH:MM" as a time in *zone*.

    Each incident was written down in its office's local time; reading the
    times through the zone gives each one the UTC offset it had that day,
    summer time included.

    Args:
        zone: An IANA time zone name, such as ``"Europe/Berlin"``.
    """
    tzinfo = ZoneInfo(zone)

    def at(text: str) -> datetime:
        return datetime.fromisoformat(text).replace(tzinfo=tzinfo)

    return at


def facilitator(name: str, *, most_senior: bool = False) -> Participant:
    """Return a facilitator who agreed to the ground rules.

    Args:
        name: The facilitator's name.
        most_senior: Whether they are the most senior person present,
            which the worksheet advises against.
    """
    return Participant(
        name=name,
        roles={MeetingRole.FACILITATOR},
        most_senior=most_senior,
        agreed=ALL_RULES,
    )


def note_taker(name: str) -> Participant:
    """Return a note-taker who agreed to the ground rules.

    Args:
        name: The note-taker's name.
    """
    return Participant(
        name=name, roles={MeetingRole.NOTE_TAKER}, agreed=ALL_RULES
    )


def involved(
    name: str,
    *involvement: Involvement,
    attendance: Attendance = Attendance.PRESENT,
    most_senior: bool = False,
) -> Participant:
    """Return someone involved in the incident, or a senior guest.

    Those present agreed to the ground rules; those who sent written
    input or stayed away agreed to nothing in the room.

    Args:
        name: The person's name.
        *involvement: What they took part in; none for a guest.
        attendance: Whether they came, wrote in, or stayed away.
        most_senior: Whether they are the most senior person present.
    """
    agreed = ALL_RULES if attendance is Attendance.PRESENT else frozenset()
    return Participant(
        name=name,
        involvement=involvement,
        attendance=attendance,
        most_senior=most_senior,
        agreed=agreed,
    )

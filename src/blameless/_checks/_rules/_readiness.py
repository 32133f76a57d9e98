"""Rules for the quick check before the meeting and the ground rules.

Which prerequisites are unmet, and why, is the model's to say
(:meth:`Readiness.unmet`); these rules give each case its own code, point
at the field to fix and say what the worksheet asks for.
"""

from __future__ import annotations

from collections.abc import Iterator

from blameless._checks._context import Context
from blameless._checks._rules._registry import ERROR, rule
from blameless._model._readiness import (
    Attendance,
    GroundRule,
    MeetingRole,
    Participant,
    Prerequisite,
    Readiness,
)

_ALL = frozenset(GroundRule)
_PEOPLE = "$.readiness.participants"


def _unmet(ctx: Context, prerequisite: Prerequisite) -> str:
    return ctx.unmet.get(prerequisite, "")


def _index(readiness: Readiness, person: Participant) -> int:
    return readiness.participants.index(person)


def _sentence(reason: str) -> str:
    return reason[:1].upper() + reason[1:]


@rule(
    "R001",
    "not-stabilized",
    ERROR,
    summary="The incident is not marked as stabilized.",
    why=(
        "A post-mortem is held in review mode, not crisis mode: while the "
        "system is still failing, the review reaches the wrong conclusions."
    ),
    failing=(("$.readiness.stabilized", False),),
    passing=(("$.readiness.stabilized", True),),
)
def _stabilized(ctx: Context) -> Iterator[tuple[str, str]]:
    if _unmet(ctx, Prerequisite.STABILIZED):
        yield (
            "$.readiness.stabilized",
            (
                "The incident is not stabilized; hold the post-mortem once "
                "the system is no longer actively failing."
            ),
        )


@rule(
    "R002",
    "missing-people",
    ERROR,
    summary=(
        "Nobody involved is listed, or someone involved in the incident, "
        "its detection or its response is neither present nor heard from."
    ),
    why=(
        "Everyone directly involved must be in the room or have submitted "
        "written input; the facts of the incident live with them."
    ),
    failing=(
        (
            "$.readiness.participants[2].attendance",
            Attendance.ABSENT,
        ),
    ),
    passing=(
        (
            "$.readiness.participants[2].attendance",
            Attendance.WRITTEN_INPUT,
        ),
    ),
)
def _right_people(ctx: Context) -> Iterator[tuple[str, str]]:
    reason = _unmet(ctx, Prerequisite.RIGHT_PEOPLE)
    if not reason:
        return
    readiness = ctx.post_mortem.readiness
    path = _PEOPLE
    for person in readiness.participants:
        if person.involvement and person.attendance is Attendance.ABSENT:
            path = f"{_PEOPLE}[{_index(readiness, person)}].attendance"
            break
    yield (
        path,
        (
            f"{_sentence(reason)}; everyone involved in the incident, its "
            "detection or its response must be present or send written input."
        ),
    )


@rule(
    "R003",
    "no-facilitator",
    ERROR,
    summary="No facilitator is designated, or several are.",
    why=(
        "One person leads the discussion and keeps it structured and "
        "blame-free."
    ),
    failing=(("$.readiness.participants[0].roles", frozenset()),),
    passing=(
        ("$.readiness.participants[0].roles", {MeetingRole.FACILITATOR}),
    ),
)
def _no_facilitator(ctx: Context) -> Iterator[tuple[str, str]]:
    reason = _unmet(ctx, Prerequisite.FACILITATOR)
    if reason and ctx.post_mortem.readiness.facilitator is None:
        yield (
            _PEOPLE,
            (
                f"{_sentence(reason)}; designate one facilitator who leads "
                "the discussion."
            ),
        )


@rule(
    "R004",
    "senior-facilitator",
    ERROR,
    summary="The facilitator is the most senior person in the room.",
    why=(
        "The worksheet asks that the facilitator not be the most senior "
        "person, so that nobody holds back in front of their manager."
    ),
    failing=(("$.readiness.participants[0].most_senior", True),),
    passing=(("$.readiness.participants[0].most_senior", False),),
)
def _senior_facilitator(ctx: Context) -> Iterator[tuple[str, str]]:
    readiness = ctx.post_mortem.readiness
    facilitator = readiness.facilitator
    if facilitator is None or not facilitator.most_senior:
        return
    index = _index(readiness, facilitator)
    yield (
        f"{_PEOPLE}[{index}].most_senior",
        (
            f"The facilitator {facilitator.name} is the most senior person in "
            "the room; choose someone else to lead the discussion."
        ),
    )


@rule(
    "R005",
    "no-time-blocked",
    ERROR,
    summary="No time is recorded as blocked for the meeting.",
    why=(
        "At least 60 minutes set aside with no interruptions: rushed "
        "post-mortems produce shallow findings."
    ),
    failing=(("$.readiness.minutes_blocked", None),),
    passing=(("$.readiness.minutes_blocked", 60),),
)
def _no_time(ctx: Context) -> Iterator[tuple[str, str]]:
    if ctx.post_mortem.readiness.minutes_blocked is None:
        yield (
            "$.readiness.minutes_blocked",
            (
                "No time is blocked for the meeting; block at least 60 "
                "minutes with no interruptions."
            ),
        )


@rule(
    "R006",
    "too-little-time",
    ERROR,
    summary="Less than 60 minutes are blocked for the meeting.",
    why="Rushed post-mortems produce shallow findings.",
    failing=(("$.readiness.minutes_blocked", 30),),
    passing=(("$.readiness.minutes_blocked", 60),),
)
def _too_little_time(ctx: Context) -> Iterator[tuple[str, str]]:
    reason = _unmet(ctx, Prerequisite.TIME_BLOCKED)
    if reason and ctx.post_mortem.readiness.minutes_blocked is not None:
        yield (
            "$.readiness.minutes_blocked",
            (
                f"{_sentence(reason)}; block at least 60 minutes with no "
                "interruptions."
            ),
        )


@rule(
    "R007",
    "no-note-taker",
    ERROR,
    summary="No note-taker is assigned.",
    why="Someone documents the findings in real time.",
    failing=(("$.readiness.participants[1].roles", frozenset()),),
    passing=(("$.readiness.participants[1].roles", {MeetingRole.NOTE_TAKER}),),
)
def _no_note_taker(ctx: Context) -> Iterator[tuple[str, str]]:
    readiness = ctx.post_mortem.readiness
    if not readiness.with_role(MeetingRole.NOTE_TAKER):
        yield (
            _PEOPLE,
            (
                "No note-taker is assigned; ask someone other than the "
                "facilitator to document the findings in real time."
            ),
        )


@rule(
    "R008",
    "facilitator-takes-notes",
    ERROR,
    summary="The note-taker is also the facilitator.",
    why=(
        "The facilitator's attention belongs to the discussion; someone "
        "other than the facilitator takes the notes."
    ),
    failing=(
        (
            "$.readiness.participants[0].roles",
            {MeetingRole.FACILITATOR, MeetingRole.NOTE_TAKER},
        ),
    ),
    passing=(
        ("$.readiness.participants[0].roles", {MeetingRole.FACILITATOR}),
    ),
)
def _doubling(ctx: Context) -> Iterator[tuple[str, str]]:
    readiness = ctx.post_mortem.readiness
    for person in readiness.with_role(MeetingRole.NOTE_TAKER):
        if MeetingRole.FACILITATOR in person.roles:
            yield (
                f"{_PEOPLE}[{_index(readiness, person)}].roles",
                (
                    f"The note-taker {person.name} is also the facilitator; "
                    "someone else must take the notes."
                ),
            )


@rule(
    "R009",
    "ground-rules-not-agreed",
    ERROR,
    summary=("Someone in the room has not agreed to all three ground rules."),
    why=(
        "Every person in the room explicitly agrees to the three ground "
        "rules; the worksheet calls this non-negotiable."
    ),
    failing=(
        (
            "$.readiness.participants[3].agreed",
            {GroundRule.BEST_INTENT},
        ),
    ),
    passing=(("$.readiness.participants[3].agreed", _ALL),),
)
def _ground_rules(ctx: Context) -> Iterator[tuple[str, str]]:
    if not _unmet(ctx, Prerequisite.GROUND_RULES):
        return
    readiness = ctx.post_mortem.readiness
    for index, person in enumerate(readiness.participants):
        present = person.attendance is Attendance.PRESENT
        if present and not person.agreed_to_all:
            missing = sorted(r.value for r in _ALL - person.agreed)
            yield (
                f"{_PEOPLE}[{index}].agreed",
                (
                    f"{person.name} has not agreed to every ground rule "
                    f"(missing: {', '.join(missing)}); read the three rules "
                    "aloud and pause until everyone commits to them."
                ),
            )

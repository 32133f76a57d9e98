"""Tests of the readiness quick check before the meeting."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given

from blameless import (
    MINIMUM_MINUTES,
    Attendance,
    GroundRule,
    InvariantError,
    Involvement,
    MeetingRole,
    Participant,
    Prerequisite,
    Readiness,
    UnmetPrerequisite,
)
from blameless import strategies as bst

ALL_RULES = frozenset(GroundRule)


def _ready() -> Readiness:
    """A meeting with every prerequisite met, to break one at a time."""
    return Readiness(
        stabilized=True,
        minutes_blocked=90,
        participants=[
            Participant(
                name="Ana",
                roles={MeetingRole.FACILITATOR},
                agreed=ALL_RULES,
            ),
            Participant(
                name="Bo",
                roles={MeetingRole.NOTE_TAKER},
                involvement={Involvement.DETECTION},
                agreed=ALL_RULES,
            ),
            Participant(
                name="Cy",
                involvement={Involvement.RESPONSE},
                most_senior=True,
                agreed=ALL_RULES,
            ),
        ],
    )


def _person(
    readiness: Readiness,
    name: str,
    **changes: Any,  # noqa: ANN401  (any field of a participant)
) -> Readiness:
    people = [
        attrs.evolve(p, **changes) if p.name == name else p
        for p in readiness.participants
    ]
    return attrs.evolve(readiness, participants=people)


def test_a_meeting_with_everything_in_place_is_ready() -> None:
    """With every box checked, nothing is unmet."""
    readiness = _ready()

    assert readiness.ready
    assert readiness.unmet() == ()
    assert readiness.facilitator == readiness.participants[0]
    assert readiness.note_taker == readiness.participants[1]


BROKEN: list[tuple[Callable[[Readiness], Readiness], Prerequisite, str]] = [
    (
        lambda r: attrs.evolve(r, stabilized=False),
        Prerequisite.STABILIZED,
        "the incident is not stabilized; review it once it is",
    ),
    (
        lambda r: _person(
            _person(r, "Bo", involvement=set()), "Cy", involvement=set()
        ),
        Prerequisite.RIGHT_PEOPLE,
        "nobody who was involved in the incident is listed",
    ),
    (
        lambda r: _person(r, "Cy", attendance=Attendance.ABSENT),
        Prerequisite.RIGHT_PEOPLE,
        "involved but neither present nor heard from in writing: Cy",
    ),
    (
        lambda r: _person(r, "Ana", roles=set()),
        Prerequisite.FACILITATOR,
        "no facilitator is designated",
    ),
    (
        lambda r: _person(r, "Cy", roles={MeetingRole.FACILITATOR}),
        Prerequisite.FACILITATOR,
        "one person leads the discussion, not several: Ana, Cy",
    ),
    (
        lambda r: _person(
            _person(r, "Cy", most_senior=False), "Ana", most_senior=True
        ),
        Prerequisite.FACILITATOR,
        "the facilitator Ana is the most senior person in the room",
    ),
    (
        lambda r: attrs.evolve(r, minutes_blocked=None),
        Prerequisite.TIME_BLOCKED,
        "no time is blocked for the meeting",
    ),
    (
        lambda r: attrs.evolve(r, minutes_blocked=45),
        Prerequisite.TIME_BLOCKED,
        "only 45 minutes are blocked; at least 60 are needed",
    ),
    (
        lambda r: _person(r, "Bo", roles=set()),
        Prerequisite.NOTE_TAKER,
        "no note-taker is assigned",
    ),
    (
        lambda r: _person(
            _person(r, "Bo", roles=set()),
            "Ana",
            roles={MeetingRole.FACILITATOR, MeetingRole.NOTE_TAKER},
        ),
        Prerequisite.NOTE_TAKER,
        (
            "the note-taker Ana is also the facilitator; someone else "
            "must take notes"
        ),
    ),
    (
        lambda r: _person(r, "Cy", agreed={GroundRule.BEST_INTENT}),
        Prerequisite.GROUND_RULES,
        "not yet agreed to all three ground rules: Cy",
    ),
]


@pytest.mark.parametrize(("break_it", "prerequisite", "reason"), BROKEN)
def test_each_unmet_prerequisite_comes_back_with_its_reason(
    break_it: Callable[[Readiness], Readiness],
    prerequisite: Prerequisite,
    reason: str,
) -> None:
    """Breaking one condition gives exactly that prerequisite and reason."""
    readiness = break_it(_ready())

    assert readiness.unmet() == (UnmetPrerequisite(prerequisite, reason),)
    assert not readiness.ready


def test_an_empty_readiness_lists_every_prerequisite_in_order() -> None:
    """A blank quick check reports each box, in the worksheet's order."""
    found = [unmet.prerequisite for unmet in Readiness().unmet()]

    assert found == [
        Prerequisite.STABILIZED,
        Prerequisite.RIGHT_PEOPLE,
        Prerequisite.FACILITATOR,
        Prerequisite.TIME_BLOCKED,
        Prerequisite.NOTE_TAKER,
    ]


def test_written_input_counts_and_needs_no_agreement() -> None:
    """Someone who sent written input is heard and not in the room."""
    readiness = _person(
        _ready(), "Cy", attendance=Attendance.WRITTEN_INPUT, agreed=set()
    )

    assert readiness.ready


def test_exactly_the_minimum_time_is_enough() -> None:
    """Sixty minutes blocked meets the time prerequisite."""
    readiness = attrs.evolve(_ready(), minutes_blocked=MINIMUM_MINUTES)

    assert readiness.ready


@given(bst.readinesses())
def test_ready_means_nothing_is_unmet(readiness: Readiness) -> None:
    """The ready flag and unmet() agree; every reason says something."""
    unmet = readiness.unmet()

    assert readiness.ready is (unmet == ())
    assert all(item.reason for item in unmet)
    assert len({item.prerequisite for item in unmet}) == len(unmet)


@given(bst.readinesses())
def test_participant_names_are_unique(readiness: Readiness) -> None:
    """Generated participants never share a name."""
    names = [person.name for person in readiness.participants]

    assert len(names) == len(set(names))


@given(bst.readinesses(complete=True))
def test_complete_readinesses_are_ready(readiness: Readiness) -> None:
    """The complete quick checks meet every prerequisite."""
    assert readiness.unmet() == ()
    assert readiness.facilitator is not None
    assert readiness.note_taker is not None


@given(bst.readinesses(complete=True))
def test_evolving_into_a_shared_name_is_refused(readiness: Readiness) -> None:
    """Adding a second person with a name already taken is refused."""
    twin = attrs.evolve(readiness.participants[0], roles=set())
    name = twin.name

    with pytest.raises(
        InvariantError,
        match=re.escape(
            f"Readiness.participants[{len(readiness.participants)}]: two "
            f"participants share a name (name={name!r})"
        ),
    ):
        attrs.evolve(readiness, participants=(*readiness.participants, twin))


def test_negative_minutes_are_refused() -> None:
    """The time blocked cannot be negative."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            "Readiness.minutes_blocked: the time blocked cannot be "
            "negative (minutes_blocked=-5)"
        ),
    ):
        Readiness(minutes_blocked=-5)


@pytest.mark.parametrize("field", ["roles", "involvement", "agreed"])
def test_a_string_for_a_set_of_a_participant_is_refused(field: str) -> None:
    """A participant's sets refuse a single string."""
    with pytest.raises(
        InvariantError,
        match=re.escape(f"Participant.{field}: expected a collection"),
    ):
        Participant(name="Ana", **{field: "facilitator"})  # type: ignore[arg-type]


def test_a_string_for_the_participants_is_refused() -> None:
    """The participants are a collection, not a name."""
    with pytest.raises(
        InvariantError, match=re.escape("Readiness.participants: expected")
    ):
        Readiness(participants="Ana")  # type: ignore[arg-type]


def test_agreement_to_all_rules_needs_all_three() -> None:
    """Two rules of three are not enough."""
    two = Participant(
        name="Ana",
        agreed={GroundRule.BEST_INTENT, GroundRule.SYSTEM_NOT_PEOPLE},
    )

    assert not two.agreed_to_all
    assert attrs.evolve(two, agreed=ALL_RULES).agreed_to_all


@given(bst.participants())
def test_equal_participants_hash_equal(person: Participant) -> None:
    """An unchanged copy is equal and hashes equal."""
    copy = attrs.evolve(person)

    assert copy == person
    assert hash(copy) == hash(person)

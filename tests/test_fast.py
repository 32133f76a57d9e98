"""Tests of the fast path: the same format as the converter and the walk."""

from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import blameless
from blameless import MeetingRole, PostMortem
from blameless._documents import _fast
from blameless._documents._fast import structure_function
from blameless._documents._walk import walk
from blameless.strategies import post_mortems

CONVERTER = blameless.make_converter()
READ = structure_function(PostMortem, frozenset({"schema"}))

_VALUES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from(["", "x", "low", "2026-11-14", "blameless/1"])
    | st.text(max_size=4)
)


def _verdict(read: Any, document: object) -> PostMortem | None:  # noqa: ANN401 - any reader
    try:
        result: PostMortem = read(document)
    except Exception:  # noqa: BLE001 - only the verdict matters here
        return None
    return result


@st.composite
def _changed_documents(draw: st.DrawFn) -> dict[str, Any]:
    document = blameless.to_dict(draw(post_mortems()))
    holders: list[dict[str, Any] | list[Any]] = []
    stack: list[Any] = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list) and item:
            holders.append(item)
            stack.extend(item.values() if isinstance(item, dict) else item)
    holder = draw(st.sampled_from(holders))
    value = draw(_VALUES | st.lists(_VALUES, max_size=2))
    if isinstance(holder, dict):
        holder[draw(st.sampled_from(sorted(holder)))] = value
    else:
        holder[draw(st.integers(0, len(holder) - 1))] = value
    return document


@given(post_mortem=post_mortems())
def test_writing_agrees_with_the_converter(post_mortem: PostMortem) -> None:
    """to_dict writes exactly what the public converter writes."""
    assert blameless.to_dict(post_mortem) == CONVERTER.unstructure(post_mortem)


@given(post_mortem=post_mortems())
def test_reading_agrees_with_the_converter(post_mortem: PostMortem) -> None:
    """Valid documents read the same through every reader."""
    document = blameless.to_dict(post_mortem)
    assert READ(document) == post_mortem
    assert CONVERTER.structure(document, PostMortem) == post_mortem


@given(document=_changed_documents())
def test_every_reader_gives_one_verdict(document: dict[str, Any]) -> None:
    """The fast path, the converter and the walk accept the same documents."""
    fast = _verdict(READ, document)
    converted = _verdict(
        lambda d: CONVERTER.structure(d, PostMortem), document
    )
    walked, problems = walk(document)
    assert fast == converted == walked
    assert (walked is None) == bool(problems)


def _same(built: object, expected: object) -> bool:
    """Whether two values are equal down to their types and time zones."""
    if type(built) is not type(expected):
        return False
    if attrs.has(type(built)):
        return all(
            _same(getattr(built, name), getattr(expected, name))
            for name in attrs.fields_dict(type(built))  # type: ignore[arg-type]
        )
    if isinstance(built, tuple):
        return len(built) == len(expected) and all(  # type: ignore[arg-type]
            map(_same, built, expected)  # type: ignore[call-overload]
        )
    if isinstance(built, datetime):
        return repr(built) == repr(expected) and built.fold == expected.fold  # type: ignore[attr-defined]
    return built == expected


@given(post_mortem=post_mortems())
def test_reading_builds_what_the_constructors_build(
    post_mortem: PostMortem,
) -> None:
    """Objects built without __init__ hold what __init__ would store.

    The fast path sets the slots itself and skips the converters, so every
    value must already be in the form a converter returns: a tuple, a
    frozenset, a datetime at a plain fixed offset.
    """
    document = blameless.to_dict(post_mortem)
    assert _same(READ(document), CONVERTER.structure(document, PostMortem))
    assert _same(READ(document), post_mortem)


@attrs.frozen
class _Checked:
    level: int = attrs.field(validator=attrs.validators.ge(1))


@attrs.frozen
class _Made:
    tags: tuple[str, ...] = attrs.Factory(tuple)


@pytest.mark.parametrize(
    ("cls", "message"),
    [
        (_Checked, "_Checked cannot be built without its __init__"),
        (_Made, "_Made cannot be built without its __init__"),
    ],
)
def test_a_class_unfit_for_the_fast_path_is_refused(
    cls: type, message: str
) -> None:
    """A validator or a factory default stops the fast path."""
    with pytest.raises(TypeError, match=message):
        structure_function(cls)


def test_a_native_datetime_keeps_the_constructors_zone() -> None:
    """A parsed datetime in a named zone goes through the model's converter."""
    berlin = timezone(timedelta(hours=1), "CET")
    document = {
        "schema": "blameless/1",
        "incident": {"detected": datetime(2026, 11, 14, 9, tzinfo=berlin)},
    }
    detected = READ(document).incident.detected
    assert detected.at.tzinfo == timezone(timedelta(hours=1))
    assert detected.at.tzname() == "UTC+01:00"


def test_kept_dates_and_sets_stay_within_a_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Dates and sets of members are kept for reuse, but only so many."""
    monkeypatch.setattr(_fast, "_KEPT", 2)
    _fast._DATES.clear()
    kept_roles = _fast._MEMBER_SETS[MeetingRole]
    kept_roles.clear()
    roles: tuple[list[str], ...] = (
        [],
        ["facilitator"],
        ["note_taker"],
        ["facilitator"],
    )
    for day, listed in enumerate(roles, start=1):
        document = {
            "schema": "blameless/1",
            "log": {"held_on": f"2026-01-0{day}"},
            "readiness": {"participants": [{"name": "A", "roles": listed}]},
        }
        post_mortem = READ(document)
        assert post_mortem.log.held_on == date(2026, 1, day)
        (person,) = post_mortem.readiness.participants
        assert {role.value for role in person.roles} == set(listed)
    assert len(_fast._DATES) == len(kept_roles) == 2
    twice = ["facilitator", "facilitator"]
    repeated = {
        "schema": "blameless/1",
        "readiness": {"participants": [{"name": "A", "roles": twice}]},
    }
    assert _verdict(READ, repeated) is None


@given(post_mortem=post_mortems(), data=st.data())
def test_an_unknown_key_anywhere_is_refused(
    post_mortem: PostMortem, data: st.DataObject
) -> None:
    """A key that is no field, in any object, fails the fast path.

    Keys are counted rather than looked up, so an unknown key must be
    seen whether or not its object leaves fields out.
    """
    document = blameless.to_dict(post_mortem)
    objects: list[dict[str, Any]] = []
    stack: list[Any] = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            objects.append(item)
        if isinstance(item, dict | list):
            stack.extend(item.values() if isinstance(item, dict) else item)
    holder = data.draw(st.sampled_from(objects))
    holder[data.draw(st.sampled_from(["", "x", "Log", "notes "]))] = None
    assert _verdict(READ, document) is None

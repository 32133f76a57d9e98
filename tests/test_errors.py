"""Tests of the exceptions of blameless."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import blameless
from blameless import BlamelessError, InvariantError, Readiness


def test_every_error_is_a_value_error() -> None:
    """One base, itself a ValueError, so plain handlers still work."""
    assert issubclass(BlamelessError, ValueError)
    assert issubclass(InvariantError, BlamelessError)
    assert {"BlamelessError", "InvariantError"} <= set(blameless.__all__)


def _exported_errors() -> list[type[BaseException]]:
    found = [getattr(blameless, name) for name in blameless.__all__]
    return [
        kind
        for kind in found
        if isinstance(kind, type) and issubclass(kind, BaseException)
    ]


@pytest.mark.parametrize("kind", _exported_errors())
def test_every_exported_error_shares_the_base(
    kind: type[BaseException],
) -> None:
    """Each exception the package exports derives from BlamelessError."""
    assert issubclass(kind, BlamelessError)


def test_a_model_error_is_caught_as_a_value_error() -> None:
    """Code that handles ValueError handles impossible data too."""
    with pytest.raises(ValueError, match="cannot be negative"):
        Readiness(minutes_blocked=-1)


def test_the_message_names_field_problem_values_and_fix() -> None:
    """The message is built from the parts, values shown with repr."""
    error = InvariantError(
        "ActionItem.due",
        "expected a calendar date",
        {"value": "soon", "id": "C1"},
        hint="give a date",
    )

    assert str(error) == (
        "ActionItem.due: expected a calendar date (value='soon', id='C1'); "
        "give a date"
    )
    assert error.where == "ActionItem.due"
    assert error.values == {"value": "soon", "id": "C1"}


def test_the_message_leaves_out_missing_parts() -> None:
    """Without values or a hint, only the place and problem are said."""
    assert str(InvariantError("PostMortem", "broken")) == "PostMortem: broken"


@given(
    st.text(),
    st.text(),
    st.dictionaries(
        st.text(max_size=5), st.integers() | st.text(), max_size=3
    ),
    st.text(),
)
def test_errors_survive_pickling(
    where: str, problem: str, values: dict[str, object], hint: str
) -> None:
    """A pickled error comes back with the same parts and message."""
    error = InvariantError(where, problem, values, hint=hint)

    thawed = pickle.loads(pickle.dumps(error))  # noqa: S301

    assert type(thawed) is InvariantError
    assert (thawed.where, thawed.problem, thawed.values, thawed.hint) == (
        where,
        problem,
        values,
        hint,
    )
    assert str(thawed) == str(error)


def test_a_raised_error_pickles_too() -> None:
    """An error raised by the model pickles with its message."""
    with pytest.raises(InvariantError) as caught:
        Readiness(minutes_blocked=-1)

    thawed = pickle.loads(pickle.dumps(caught.value))  # noqa: S301

    assert str(thawed) == str(caught.value)

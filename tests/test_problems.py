"""Tests of Problem and DocumentError, the error of every read path."""

import pickle

import pytest

from blameless import BlamelessError, DocumentError, Problem
from blameless._documents._problems import problem, shown

MISSING = Problem("$.actions[0].id", "a value", "", "missing key 'id'")
WRONG = problem("$.log.number", "a whole number", "3")


def test_problem_reads_as_path_and_message() -> None:
    """A problem prints as its path, then its sentence."""
    assert str(WRONG) == "$.log.number: expected a whole number, found '3'"
    assert WRONG.expected == "a whole number"
    assert WRONG.found == "'3'"


def test_problem_with_a_hint() -> None:
    """A hint follows the expectation, after a semicolon."""
    found = problem("$.x", "one of 'a', 'b'", "c", "did you mean 'a'?")
    assert found.message == (
        "expected one of 'a', 'b', found 'c'; did you mean 'a'?"
    )


def test_problem_is_frozen() -> None:
    """Problems are values: they cannot be changed."""
    with pytest.raises(AttributeError):
        WRONG.path = "$"  # type: ignore[misc]


def test_document_error_lists_every_problem() -> None:
    """The message counts the problems and lists each on its own line."""
    error = DocumentError([MISSING, WRONG], source="pm.json")
    assert str(error) == (
        "2 problems in pm.json:\n"
        "  $.actions[0].id: missing key 'id'\n"
        "  $.log.number: expected a whole number, found '3'"
    )
    assert error.problems == (MISSING, WRONG)
    assert error.source == "pm.json"


def test_document_error_is_a_value_error() -> None:
    """The error is a BlamelessError and a ValueError too."""
    with pytest.raises(ValueError, match=r"^1 problem:"):
        raise DocumentError([WRONG])
    assert issubclass(DocumentError, BlamelessError)


def test_document_error_pickles() -> None:
    """An error survives pickling, as between processes."""
    error = DocumentError([WRONG], source="a.toml")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert copy.problems == error.problems
    assert copy.source == "a.toml"
    assert str(copy) == str(error)


def test_shown_values_are_short_and_safe() -> None:
    """Huge, deep or hostile values are shown briefly, without failing."""

    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError

    deep: list[object] = []
    for _ in range(10_000):
        deep = [deep]
    assert len(shown("x" * 10_000)) < 100
    assert shown(deep) == "[[[[...]]]]"
    assert shown(Hostile()).startswith("<Hostile ")

"""Tests of the detailed walk that explains a document's problems."""

import pytest

from blameless import PostMortem
from blameless._documents._walk import check_version, walk


def test_valid_document_walks_to_its_post_mortem() -> None:
    """A valid document has no problems, and the walk builds it."""
    result, problems = walk({"schema": "blameless/1", "log": {"number": 2}})
    assert problems == []
    assert result is not None
    assert result.log.number == 2


def test_problems_inside_lists_and_sets() -> None:
    """Items of lists and sets are named by their index."""
    _, problems = walk(
        {
            "schema": "blameless/1",
            "readiness": {
                "participants": [
                    {"name": "Dana", "roles": ["facilitator", "chair"]},
                    {"name": 3},
                ]
            },
        }
    )
    assert [p.path for p in problems] == [
        "$.readiness.participants[0].roles[1]",
        "$.readiness.participants[1].name",
    ]


def test_the_whole_document_is_walked_past_a_problem() -> None:
    """A problem in one section does not hide those of the next."""
    _, problems = walk(
        {"schema": "blameless/2x", "log": [], "follow_up": {"reviews": 1}}
    )
    assert [p.path for p in problems] == [
        "$.schema",
        "$.log",
        "$.follow_up.reviews",
    ]


@pytest.mark.parametrize(
    ("value", "newer"),
    [("blameless/1", False), ("blameless/3", True), ("blameless/0", False)],
)
def test_versions(value: str, newer: bool) -> None:
    """Only a higher version number counts as newer."""
    found, is_newer = check_version(value)
    assert is_newer is newer
    assert (found is None) is (value == "blameless/1")


def test_walk_of_a_blank_document() -> None:
    """The version alone is a blank post-mortem."""
    assert walk({"schema": "blameless/1"}) == (PostMortem(), [])

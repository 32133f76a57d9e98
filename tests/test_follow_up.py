"""Tests of Section 4, the follow-up meeting."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import ActionReview, ActionStatus, FollowUp, InvariantError
from blameless import strategies as bst

IDS = ("C1", "C2", "P1")


@given(bst.follow_ups(IDS))
def test_only_known_items_are_reviewed_at_most_once(
    follow_up: FollowUp,
) -> None:
    """Given the action ids, a follow-up reviews only those, each once."""
    reviewed = [review.action_id for review in follow_up.reviews]

    assert set(reviewed) <= set(IDS)
    assert len(reviewed) == len(set(reviewed))


@given(bst.follow_ups(IDS, complete=True))
def test_a_complete_follow_up_reviews_every_item(follow_up: FollowUp) -> None:
    """Date, facilitator, and one complete review per action item."""
    assert follow_up.review_date is not None
    assert follow_up.facilitator.strip()
    assert [review.action_id for review in follow_up.reviews] == list(IDS)
    for review in follow_up.reviews:
        blocked = review.status is ActionStatus.BLOCKED
        assert bool(review.blocked_reason) == blocked


def test_reviewing_an_item_twice_is_refused() -> None:
    """One review per action item: the second one is refused."""
    reviews = [ActionReview(action_id="C1"), ActionReview(action_id="C1")]

    with pytest.raises(
        InvariantError,
        match=re.escape(
            "FollowUp.reviews[1]: an action item is reviewed twice "
            "(action_id='C1')"
        ),
    ):
        FollowUp(reviews=reviews)


@given(bst.follow_ups(), st.data())
def test_evolving_into_a_repeated_review_is_refused(
    follow_up: FollowUp, data: st.DataObject
) -> None:
    """Appending a second review of an item through evolve is refused."""
    if not follow_up.reviews:
        return
    again = data.draw(st.sampled_from(follow_up.reviews))

    with pytest.raises(InvariantError, match="reviewed twice"):
        attrs.evolve(follow_up, reviews=(*follow_up.reviews, again))


@pytest.mark.parametrize(
    ("build", "where"),
    [
        (lambda d: FollowUp(review_date=d), "FollowUp.review_date"),
        (
            lambda d: ActionReview(action_id="C1", new_due=d),
            "ActionReview.new_due",
        ),
    ],
)
def test_a_datetime_for_a_date_is_refused(build: object, where: str) -> None:
    """Review dates and new due dates are calendar dates."""
    moment = datetime(2024, 11, 28, 10, 0, tzinfo=UTC)
    assert callable(build)

    with pytest.raises(
        InvariantError,
        match=re.escape(f"{where}: expected a calendar date, not a datetime"),
    ):
        build(moment)


def test_a_string_for_the_reviews_is_refused() -> None:
    """The agenda is a collection of reviews, not a string."""
    with pytest.raises(
        InvariantError, match=re.escape("FollowUp.reviews: expected a")
    ):
        FollowUp(reviews="C1")  # type: ignore[arg-type]


def test_the_review_of_an_item_can_be_looked_up() -> None:
    """review_of finds a review by action id, or gives None."""
    blocked = ActionReview(
        action_id="P1",
        status=ActionStatus.BLOCKED,
        blocked_reason="waiting on the vendor",
        new_due=date(2024, 12, 20),
    )
    follow_up = FollowUp(review_date=date(2024, 11, 28), reviews=[blocked])

    assert follow_up.review_of("P1") is blocked
    assert follow_up.review_of("C1") is None


@given(bst.follow_ups())
def test_equal_follow_ups_hash_equal(follow_up: FollowUp) -> None:
    """An unchanged copy is equal and hashes equal."""
    copy = attrs.evolve(follow_up)

    assert copy == follow_up
    assert hash(copy) == hash(follow_up)

"""Tests of the whole post-mortem and its log entry."""

from __future__ import annotations

import pickle
import re
from datetime import UTC, date, datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import (
    ActionItem,
    ActionKind,
    ActionReview,
    ActionStatus,
    Factor,
    FollowUp,
    InvariantError,
    LogEntry,
    PostMortem,
    ReviewStatus,
)
from blameless import strategies as bst


def _items() -> list[ActionItem]:
    return [
        ActionItem(
            id="C1",
            kind=ActionKind.CONTAINMENT,
            due=date(2024, 11, 15),
            status=ActionStatus.COMPLETE,
            addresses_factors={Factor.NO_MONITORING},
        ),
        ActionItem(
            id="P1",
            kind=ActionKind.PREVENTION,
            due=date(2024, 12, 1),
            addresses_factors={Factor.NO_CIRCUIT_BREAKER},
        ),
    ]


def test_a_blank_post_mortem_is_a_valid_draft() -> None:
    """Every part has a blank default: a draft is normal data."""
    draft = PostMortem()

    assert draft.log.status is ReviewStatus.DRAFT
    assert draft.actions == ()
    assert draft == PostMortem()


@given(bst.post_mortems())
def test_ids_are_unique_and_reviews_refer_to_items(
    post_mortem: PostMortem,
) -> None:
    """Generated post-mortems hold the cross-section invariants."""
    ids = [item.id for item in post_mortem.actions]
    reviewed = [r.action_id for r in post_mortem.follow_up.reviews]

    assert len(ids) == len(set(ids))
    assert set(reviewed) <= set(ids)
    assert len(reviewed) == len(set(reviewed))


@given(bst.post_mortems())
def test_equal_post_mortems_hash_equal(post_mortem: PostMortem) -> None:
    """An unchanged copy is equal and hashes equal, pickled or not."""
    copy = attrs.evolve(post_mortem)
    thawed = pickle.loads(pickle.dumps(post_mortem))  # noqa: S301

    assert copy == post_mortem
    assert hash(copy) == hash(post_mortem)
    assert thawed == post_mortem


def test_two_items_with_one_id_are_refused() -> None:
    """Action ids are unique within a post-mortem."""
    first, second = _items()

    with pytest.raises(
        InvariantError,
        match=re.escape(
            "PostMortem.actions[1].id: two action items share an id (id='C1')"
        ),
    ):
        PostMortem(actions=[first, attrs.evolve(second, id="C1")])


def test_a_review_of_an_unknown_item_is_refused() -> None:
    """The follow-up can only review action items that exist."""
    follow_up = FollowUp(reviews=[ActionReview(action_id="P9")])

    with pytest.raises(
        InvariantError,
        match=re.escape(
            "PostMortem.follow_up.reviews[0].action_id: the follow-up "
            "reviews an action item that does not exist "
            "(action_id='P9', known=['C1', 'P1'])"
        ),
    ):
        PostMortem(actions=_items(), follow_up=follow_up)


@given(bst.post_mortems(), st.data())
def test_evolving_into_a_repeated_id_is_refused(
    post_mortem: PostMortem, data: st.DataObject
) -> None:
    """Adding an item with an id already taken is refused by evolve."""
    if not post_mortem.actions:
        return
    twin = data.draw(st.sampled_from(post_mortem.actions))

    with pytest.raises(InvariantError, match="two action items share an id"):
        attrs.evolve(post_mortem, actions=(*post_mortem.actions, twin))


@given(bst.post_mortems())
def test_dropping_a_reviewed_item_is_refused(post_mortem: PostMortem) -> None:
    """Removing the items leaves reviews of unknown items: refused."""
    if not post_mortem.follow_up.reviews:
        return

    with pytest.raises(InvariantError, match="does not exist"):
        attrs.evolve(post_mortem, actions=())


def test_a_string_for_the_actions_is_refused() -> None:
    """The action items are a collection, not a string."""
    with pytest.raises(
        InvariantError, match=re.escape("PostMortem.actions: expected a")
    ):
        PostMortem(actions="C1")  # type: ignore[arg-type]


def test_items_are_found_by_kind_id_and_date() -> None:
    """Containment, prevention, lookup by id, overdue and factors."""
    post_mortem = PostMortem(actions=_items())
    containment, prevention = _items()

    assert post_mortem.containment == (containment,)
    assert post_mortem.prevention == (prevention,)
    assert post_mortem.action("P1") == prevention
    assert post_mortem.action("X") is None
    assert post_mortem.overdue(date(2024, 12, 2)) == (prevention,)
    assert post_mortem.addressed_factors == {
        Factor.NO_MONITORING,
        Factor.NO_CIRCUIT_BREAKER,
    }


@pytest.mark.parametrize("number", [0, -3, True])
def test_a_log_number_below_one_is_refused(number: int) -> None:
    """Post-mortem numbers are whole numbers from 1; a bool is not one."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            f"LogEntry.number: post-mortem numbers start at 1 "
            f"(number={number!r})"
        ),
    ):
        LogEntry(number=number)


def test_a_datetime_for_the_meeting_day_is_refused() -> None:
    """The day the post-mortem was held is a calendar date."""
    with pytest.raises(
        InvariantError,
        match=re.escape("LogEntry.held_on: expected a calendar date, not a"),
    ):
        LogEntry(held_on=datetime(2024, 11, 15, 10, 0, tzinfo=UTC))


def test_a_string_for_the_tags_is_refused() -> None:
    """A single tag must be wrapped: tags="db" is not {"d", "b"}."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            "LogEntry.tags: expected a collection of items, not a single "
            "string (value='db'); wrap it in a tuple or set, for example "
            "(value,)"
        ),
    ):
        LogEntry(tags="db")


@given(bst.log_entries())
def test_log_entries_are_valid(entry: LogEntry) -> None:
    """Generated entries have no number or a positive one."""
    assert entry.number is None or entry.number >= 1
    assert entry.held_on is None or type(entry.held_on) is date

"""Tests of Section 3, the action items."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given

from blameless import (
    MAX_WHY_LEVEL,
    ActionItem,
    ActionKind,
    ActionStatus,
    Factor,
    InvariantError,
)
from blameless import strategies as bst

DUE = date(2024, 11, 28)


def _item(**changes: Any) -> ActionItem:  # noqa: ANN401  (any field)
    return attrs.evolve(
        ActionItem(id="P1", kind=ActionKind.PREVENTION, due=DUE), **changes
    )


@given(bst.action_items())
def test_generated_items_are_valid(item: ActionItem) -> None:
    """Every item has a non-blank id, plain dates and why-levels 1 to 5."""
    assert item.id.strip()
    for value in (item.due, item.completed_on):
        assert value is None or type(value) is date
    assert all(1 <= level <= MAX_WHY_LEVEL for level in item.addresses_whys)


@given(bst.action_items(complete=True))
def test_complete_items_are_owned_and_dated(item: ActionItem) -> None:
    """A complete item is described, owned, dated, and gives its reasons."""
    assert item.description.strip()
    assert item.owner.strip()
    assert item.due is not None
    assert item.addresses_anything
    waiting = item.status in (ActionStatus.BLOCKED, ActionStatus.NOT_DOING)
    assert bool(item.reason) == waiting
    assert (item.completed_on is not None) == (
        item.status is ActionStatus.COMPLETE
    )


@given(bst.action_items(kind=ActionKind.CONTAINMENT, action_id="C7"))
def test_kind_and_id_can_be_fixed(item: ActionItem) -> None:
    """The strategy draws the kind and id it is given."""
    assert (item.kind, item.id) == (ActionKind.CONTAINMENT, "C7")


@pytest.mark.parametrize("field", ["due", "completed_on"])
def test_a_datetime_for_a_date_is_refused(field: str) -> None:
    """A datetime is a date to Python, but not a due date here."""
    moment = datetime(2024, 11, 28, 17, 0, tzinfo=UTC)

    with pytest.raises(
        InvariantError,
        match=re.escape(
            f"ActionItem.{field}: expected a calendar date, not a datetime "
            f"(value={moment!r}); pass value.date()"
        ),
    ):
        ActionItem(id="C1", kind=ActionKind.CONTAINMENT, **{field: moment})  # type: ignore[arg-type]


def test_text_for_a_due_date_is_refused() -> None:
    """A due date written as text is not a date."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            "ActionItem.due: expected a calendar date (value='2024-11-28')"
        ),
    ):
        _item(due="2024-11-28")


@given(bst.action_items())
def test_evolving_a_due_date_into_a_datetime_is_refused(
    item: ActionItem,
) -> None:
    """attrs.evolve checks the due date as the constructor does."""
    with pytest.raises(InvariantError, match="not a datetime"):
        attrs.evolve(item, due=datetime(2024, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_id_is_refused(blank: str) -> None:
    """Every item needs an id that the follow-up can refer to."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            f"ActionItem.id: an action item needs a non-blank id "
            f"(id={blank!r}); number them, for example 'C1', 'P2'"
        ),
    ):
        _item(id=blank)


@pytest.mark.parametrize("level", [0, 6, True])
def test_a_why_level_outside_one_to_five_is_refused(level: int) -> None:
    """An item can only address levels that the 5 Whys can have."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            "ActionItem.addresses_whys: why-levels run from 1 to 5 "
            f"(id='P1', level={level!r})"
        ),
    ):
        _item(addresses_whys={level})


@pytest.mark.parametrize("field", ["addresses_factors", "addresses_whys"])
def test_a_string_for_the_references_is_refused(field: str) -> None:
    """References to factors or levels are a collection, not a string."""
    with pytest.raises(
        InvariantError,
        match=re.escape(f"ActionItem.{field}: expected a collection"),
    ):
        _item(**{field: "system.no_monitoring"})


def test_an_open_item_past_its_date_is_overdue() -> None:
    """Overdue means open and past due; settled items never are."""
    later = date(2024, 12, 1)

    assert _item().is_overdue(later)
    assert not _item().is_overdue(DUE)
    assert not _item(due=None).is_overdue(later)
    for status in (ActionStatus.COMPLETE, ActionStatus.NOT_DOING):
        assert not status.is_open
        assert not _item(status=status).is_overdue(later)


def test_an_item_addresses_factors_or_levels() -> None:
    """addresses_anything is true when either reference is given."""
    assert not _item().addresses_anything
    assert _item(addresses_whys={3}).addresses_anything
    assert _item(addresses_factors={Factor.NO_MONITORING}).addresses_anything


@given(bst.action_items())
def test_equal_items_hash_equal(item: ActionItem) -> None:
    """An unchanged copy is equal and hashes equal."""
    copy = attrs.evolve(item)

    assert copy == item
    assert hash(copy) == hash(item)


def test_an_id_that_is_not_text_is_refused() -> None:
    """An id read from outside Python as a number is refused, not kept."""
    with pytest.raises(
        InvariantError,
        match=re.escape("ActionItem.id: an action item needs a non-blank id"),
    ):
        _item(id=7)

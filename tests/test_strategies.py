"""Tests of blameless.strategies: valid, varied and registered."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import blameless
from blameless import (
    ActionStatus,
    Factor,
    FactorCategory,
    FiveWhys,
    FollowUp,
    ImpactCategory,
    PostMortem,
    Readiness,
    Resilience,
    ReviewStatus,
    Timestamp,
)
from blameless import strategies as bst

# Searching for rare examples needs more tries than a property test.
SEARCH = settings(
    max_examples=3000,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

REGISTERED = [
    getattr(blameless, name)
    for name in blameless.__all__
    if isinstance(getattr(blameless, name), type)
    and getattr(blameless, name).__module__.startswith("blameless._model")
]


def test_the_setup_hook_is_an_entry_point() -> None:
    """The installed package declares the hook Hypothesis loads."""
    found = importlib.metadata.entry_points(group="hypothesis")
    hooks = {entry.value for entry in found}

    assert "blameless.strategies:_hypothesis_setup_hook" in hooks


@pytest.mark.parametrize(
    "imports",
    [
        "import blameless.strategies",
        "import hypothesis, blameless.strategies",
        "import hypothesis",
    ],
)
def test_registration_works_in_any_import_order(imports: str) -> None:
    """Importing the strategies before Hypothesis does not break the hook."""
    script = (
        f"{imports}\n"
        "from hypothesis import strategies as st\n"
        "from blameless import PostMortem\n"
        "st.from_type(PostMortem).validate()\n"
        "print(st.from_type(PostMortem))\n"
    )

    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "_complete_post_mortem" in done.stdout


@pytest.mark.parametrize("kind", REGISTERED, ids=lambda k: k.__name__)
def test_from_type_draws_every_model_class(kind: type[object]) -> None:
    """st.from_type gives valid objects of every public attrs class."""

    @given(st.from_type(kind))
    def check(value: object) -> None:
        assert type(value) is kind

    check()


def _in_gap(moment: datetime) -> bool:
    """Whether a wall time is skipped by its zone: it does not round-trip."""
    back = moment.astimezone(UTC).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None) != moment.replace(tzinfo=None)


def _in_fold(moment: datetime) -> bool:
    """Whether a wall time happens twice in its zone."""
    if _in_gap(moment):
        return False
    one = moment.replace(fold=0).utcoffset()
    two = moment.replace(fold=1).utcoffset()
    return one != two


@pytest.mark.parametrize("wanted", [_in_gap, _in_fold])
def test_times_reach_dst_gaps_and_folds(wanted: object) -> None:
    """The awkward wall times around DST changes are drawn."""
    assert callable(wanted)

    moment = find(bst.aware_datetimes(), wanted, settings=SEARCH)

    assert isinstance(moment.tzinfo, ZoneInfo)


def test_times_reach_half_hour_dst_changes() -> None:
    """Lord Howe Island's half-hour DST change is drawn too."""

    def half_hour_fold(moment: datetime) -> bool:
        one = moment.replace(fold=0).utcoffset()
        two = moment.replace(fold=1).utcoffset()
        return (
            one is not None
            and two is not None
            and abs(one - two) == timedelta(minutes=30)
        )

    find(bst.aware_datetimes(), half_hour_fold, settings=SEARCH)


def test_every_named_zone_is_known() -> None:
    """The named zones are real IANA zones."""
    for name in bst.NAMED_ZONES:
        assert ZoneInfo(name).utcoffset(datetime(2024, 1, 1)) is not None  # noqa: DTZ001


@pytest.mark.parametrize("approximate", [True, False])
def test_timestamps_can_be_only_exact_or_approximate(
    approximate: bool,
) -> None:
    """The approximate option fixes the flag."""

    @given(bst.timestamps(approximate=approximate))
    def check(stamp: Timestamp) -> None:
        assert stamp.approximate is approximate

    check()


@given(bst.impacts(category=ImpactCategory.DATA_LOSS, complete=False))
def test_incomplete_impacts_lack_severity_or_notes(impact: object) -> None:
    """A draft row of one category applies but misses a severity or notes."""
    assert isinstance(impact, blameless.Impact)
    assert impact.category is ImpactCategory.DATA_LOSS
    assert impact.applies
    assert impact.severity is None or not impact.notes


@given(bst.whys(level=3))
def test_whys_of_one_level(why: blameless.Why) -> None:
    """The level option fixes the level."""
    assert why.level == 3


@given(bst.factor_checklists(FactorCategory.PROCESS, complete=True))
def test_checklists_of_one_category(
    checklist: blameless.FactorChecklist,
) -> None:
    """A complete process checklist: own boxes, notes, other's text."""
    assert checklist.checked
    assert checklist.checked <= set(Factor.of(FactorCategory.PROCESS))
    assert checklist.notes.strip()
    assert bool(checklist.other) == (Factor.OTHER_PROCESS in checklist.checked)


@given(bst.post_mortems(complete=True))
def test_complete_post_mortems_fill_in_the_whole_worksheet(
    post_mortem: PostMortem,
) -> None:
    """Every section is filled in, and the sections agree with each other."""
    incident = post_mortem.incident
    log = post_mortem.log
    assert incident.resolved is not None
    assert incident.first_occurrence is not None
    assert log.held_on is not None

    assert post_mortem.readiness.ready
    assert incident.name.strip()
    assert len(incident.times) == 5
    for event in incident.timeline:
        assert event.at is not None
        assert incident.first_occurrence.utc <= event.at.utc
        assert event.at.utc <= incident.resolved.utc
    assert post_mortem.analysis.whys.depth >= 3
    assert post_mortem.containment
    assert post_mortem.prevention
    for item in post_mortem.actions:
        assert item.owner.strip()
        assert item.due is not None
        assert item.due > log.held_on
        assert item.addresses_factors <= post_mortem.analysis.factors.checked
    follow_up = post_mortem.follow_up
    assert follow_up.review_date is not None
    assert timedelta(days=1) <= follow_up.review_date - log.held_on
    assert follow_up.review_date - log.held_on <= timedelta(days=14)
    assert len(follow_up.reviews) == len(post_mortem.actions)
    assert log.number is not None
    assert log.filed_in.strip()
    assert log.status is not ReviewStatus.DRAFT
    assert log.severity is incident.highest_severity
    assert log.held_on >= incident.resolved.date


@given(bst.post_mortems(complete=True))
def test_closed_post_mortems_settle_every_item(
    post_mortem: PostMortem,
) -> None:
    """A closed post-mortem has no open action item."""
    if post_mortem.log.status is ReviewStatus.CLOSED:
        assert all(not item.status.is_open for item in post_mortem.actions)
    for review in post_mortem.follow_up.reviews:
        item = post_mortem.action(review.action_id)
        assert item is not None
        assert review.status is item.status
        blocked = review.status is ActionStatus.BLOCKED
        assert bool(review.blocked_reason) == blocked


def _has_a_blank(post_mortem: PostMortem) -> bool:
    incident = post_mortem.incident
    analysis = post_mortem.analysis
    return any(
        (
            not incident.name,
            incident.resolved is None,
            not incident.impacts,
            analysis.whys == FiveWhys(),
            not analysis.trigger,
            analysis.resilience == Resilience(),
            not post_mortem.actions,
            post_mortem.follow_up == FollowUp(),
            post_mortem.log.number is None,
            not post_mortem.log.filed_in,
            post_mortem.readiness == Readiness(),
        )
    )


@given(bst.post_mortems(complete=False))
def test_drafts_leave_something_blank(post_mortem: PostMortem) -> None:
    """A draft always has at least one part of the worksheet blank."""
    assert _has_a_blank(post_mortem)


@given(bst.post_mortem_logs(min_size=2, max_size=4))
def test_logs_number_each_post_mortem_once(log: list[PostMortem]) -> None:
    """Post-mortems of a log have distinct numbers, and none is missing."""
    numbers = [post_mortem.log.number for post_mortem in log]

    assert 2 <= len(log) <= 4
    assert None not in numbers
    assert len(set(numbers)) == len(numbers)

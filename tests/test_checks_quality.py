"""Tests for the action quality check (blameless._checks._quality)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import (
    ActionItem,
    ActionKind,
    CheckConfig,
    Criterion,
    check_action,
    check_action_item,
)
from blameless.strategies import action_items

# The worksheet's own examples, criterion by criterion, and its scenario.
WORKSHEET = [
    ("Improve monitoring", Criterion.SPECIFIC, False),
    (
        (
            "Add alerting for data sync error rates exceeding 1% of "
            "processed records"
        ),
        Criterion.SPECIFIC,
        True,
    ),
    ("Fix the API field name", Criterion.SYSTEMIC, False),
    (
        "Implement schema validation on all inbound data",
        Criterion.SYSTEMIC,
        True,
    ),
    ("Be more careful", Criterion.VERIFIABLE, False),
    (
        "Deploy automated test covering this scenario",
        Criterion.VERIFIABLE,
        True,
    ),
    (
        "Update the code to use the new API field name",
        Criterion.SYSTEMIC,
        False,
    ),
]

SCENARIO = (
    "Implement a data validation circuit breaker that automatically pauses "
    "the sync and sends an alert to the on-call person if more than 1% of "
    "incoming records fail schema validation (a check that verifies "
    "incoming data matches the expected structure and format)."
)


@pytest.mark.parametrize(("description", "criterion", "passes"), WORKSHEET)
def test_worksheet_examples(
    description: str, criterion: Criterion, passes: bool
) -> None:
    """Every example of the worksheet's quality check comes out as it says."""
    quality = check_action(description, owner="Dana Reyes", due="2024-11-21")

    assert quality.verdict(criterion).passed is passes


def test_scenario_systemic_action_passes_everything() -> None:
    """The scenario's systemic action item meets all five criteria."""
    quality = check_action(SCENARIO, owner="Priya Natarajan", due="2024-12-06")

    assert quality.passed, [str(v) for v in quality.failed]


@pytest.mark.parametrize(
    ("owner", "passes"),
    [
        ("Dana Reyes", True),
        ("priya@example.com", True),
        ("@dreyes", True),
        ("李伟", True),
        ("Dana Reyes (SRE team)", True),
        ("the team", False),
        ("Platform", False),
        ("sre-team@example.com", False),
        ("@platform-team", False),
        ("on-call", False),
        ("whoever is on call", False),
        ("incident commander", False),
        ("Ana and Bo", False),
        ("Ana, Bo", False),
        ("Dana Reyes / Lee Park", False),
        ("Support + Eng", False),
        ("", False),
        ("TBD", False),
        ("n/a", False),
    ],
)
def test_owned_means_one_person(owner: str, passes: bool) -> None:
    """Owned passes one person and fails teams, roles, several or nobody."""
    verdict = check_action("Add alerting", owner=owner).owned

    assert verdict.passed is passes, verdict.reason


def test_owned_reads_a_team_s_own_words() -> None:
    """A team name added to the vocabulary fails the Owned check."""
    config = CheckConfig().extended(team_words=["payments-guild"])

    verdict = check_action("x", owner="Payments-Guild", config=config).owned

    assert not verdict.passed


@pytest.mark.parametrize(
    ("due", "day"),
    [
        ("2024-11-21", date(2024, 11, 21)),
        ("21 Nov 2024", date(2024, 11, 21)),
        ("November 21, 2024", date(2024, 11, 21)),
        ("21.11.2024", date(2024, 11, 21)),
        ("11/21/2024", date(2024, 11, 21)),
        ("2025-06-30T17:00Z", date(2025, 6, 30)),
        ("1er mars 2025", date(2025, 3, 1)),
        ("15. Januar 2025", date(2025, 1, 15)),
        ("Friday, 28 February 2025", date(2025, 2, 28)),
        (date(2024, 11, 21), date(2024, 11, 21)),
    ],
)
def test_time_bound_accepts_a_calendar_day(due: str | date, day: date) -> None:
    """Time-bound passes one calendar day in any unambiguous spelling."""
    quality = check_action("x", due=due)

    assert quality.time_bound.passed
    assert quality.due == day


@pytest.mark.parametrize(
    ("due", "reason"),
    [
        ("soon", "relative"),
        ("ASAP", "relative"),
        ("next sprint", "sprint"),
        ("Q3", "quarter"),
        ("end of month", "end or start"),
        ("TBD", "no date is set"),
        ("", "no due date"),
        (None, "no due date"),
        ("03/04/2026", "ambiguous"),
        ("Nov 21", "no year"),
        ("December 2024", "no day"),
        ("Thursday, 28 February 2025", "is a Friday"),
        ("2025-02-30", "not a valid"),
    ],
)
def test_time_bound_refuses_anything_but_a_day(
    due: str | None, reason: str
) -> None:
    """Time-bound fails vague, relative, partial and ambiguous dates."""
    verdict = check_action("x", due=due).time_bound

    assert not verdict.passed
    assert reason in verdict.reason


def test_date_order_resolves_numeric_dates() -> None:
    """A team that writes day first has 03/04/2026 read as 3 April."""
    config = CheckConfig(date_order="DMY")

    quality = check_action("x", due="03/04/2026", config=config)

    assert quality.due == date(2026, 4, 3)


def test_reasons_quote_the_item() -> None:
    """A failed verdict says what in the item made it fail."""
    quality = check_action("Look into the database issue", owner="Dana")

    assert "'look into'" in quality.specific.reason
    assert "issue" in quality.systemic.reason


@pytest.mark.parametrize(
    ("description", "specific", "systemic", "verifiable"),
    [
        ("We should probably look at the sync job again", False, False, False),
        ("Engineers should always use --dry-run", True, False, False),
        ("Reduce sync errors by 50%", False, True, True),
        ("Remind Dana to run the backfill script", True, False, False),
        (
            (
                "Improve the disk-usage alert on all DB hosts: page at 80% "
                "instead of 95%"
            ),
            True,
            True,
            True,
        ),
        ("Test more carefully before rollouts", False, False, False),
        ("Restore the corrupted records from backup", True, False, True),
        ("", False, False, False),
    ],
)
def test_description_criteria(
    description: str, specific: bool, systemic: bool, verifiable: bool
) -> None:
    """Specific, Systemic and Verifiable read hedges, scope and targets."""
    quality = check_action(description)

    assert quality.specific.passed is specific, quality.specific.reason
    assert quality.systemic.passed is systemic, quality.systemic.reason
    assert quality.verifiable.passed is verifiable, quality.verifiable.reason


def test_vague_verbs_can_be_extended() -> None:
    """A verb added to the vocabulary fails the Specific check."""
    config = CheckConfig().extended(vague_verbs=["socialize"])

    quality = check_action("Socialize the new runbook", config=config)

    assert not quality.specific.passed


def test_action_item_is_checked_like_plain_values() -> None:
    """check_action_item gives the verdicts of its fields as plain values."""
    item = ActionItem(
        id="P1",
        kind=ActionKind.PREVENTION,
        description="Implement schema validation on all inbound data",
        owner="Dana Reyes",
        due=date(2024, 12, 1),
    )

    quality = check_action_item(item)

    assert quality == check_action(
        item.description, owner=item.owner, due=item.due
    )
    assert [v.criterion for v in quality] == list(Criterion)
    assert (
        str(quality.owned) == "Owned passes: one person owns it: 'Dana Reyes'"
    )


@given(
    description=st.text(max_size=200),
    owner=st.text(max_size=40),
    due=st.one_of(st.none(), st.text(max_size=40), st.dates()),
)
def test_never_raises_on_any_text(
    description: str, owner: str, due: str | date | None
) -> None:
    """Any text gets five verdicts, each with a reason."""
    quality = check_action(description, owner=owner, due=due)

    assert all(verdict.reason for verdict in quality)
    assert quality.time_bound.passed is (quality.due is not None)


@given(action_items())
def test_never_raises_on_any_action_item(item: ActionItem) -> None:
    """Any action item gets five verdicts."""
    assert len(list(check_action_item(item))) == len(Criterion)

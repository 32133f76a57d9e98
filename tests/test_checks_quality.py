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


@pytest.mark.parametrize(
    "owner",
    [
        "Billing",
        "Legal",
        "Procurement",
        "Claims adjusters",
        "Warehouse supervisors",
        "Director of Logistics",
        "CFO",
        "HR",
        "GL clerk",
        "FinOps",
        "Customer Care",
        "Release captain",
        "Comms",
        "Logistics",
    ],
)
def test_owned_fails_departments_roles_and_acronyms(owner: str) -> None:
    """A department, a role, an acronym or a plural is not one person."""
    verdict = check_action("x", owner=owner).owned

    assert not verdict.passed, verdict.reason


@pytest.mark.parametrize(
    "owner",
    [
        "Odile",
        "rahul",
        "Thomas",
        "Agnes Moss",
        "Pieter de Vries",
        "Rosa van der Berg",
        "Jean-Baptiste Morel",
        "Đặng Văn Minh",
        "Søren K.",
        "AJ Okafor",
        "ŁUCJA NOWAK",
        "김민준",
    ],
)
def test_owned_passes_names_however_written(owner: str) -> None:
    """First names, particles, initials, capitals and any script pass."""
    verdict = check_action("x", owner=owner).owned

    assert verdict.passed, verdict.reason


@pytest.mark.parametrize(
    ("owner", "reason"),
    [
        ("Claims adjusters", "'adjusters' is a common word"),
        ("COO", "'COO' is an acronym"),
        ("Merchandising", "team or group ('Merchandising')"),
    ],
)
def test_owned_says_why_an_owner_is_not_a_person(
    owner: str, reason: str
) -> None:
    """The reason quotes the word that shows a team or a role."""
    config = CheckConfig().extended(team_words=["merchandising"])

    verdict = check_action("x", owner=owner, config=config).owned

    assert reason in verdict.reason


@pytest.mark.parametrize(
    ("description", "passes"),
    [
        ("Take a closer look at the release pipeline", False),
        ("Do a thorough review of the access lists", False),
        ("Quarterly check of the backup jobs", False),
        ("Watch the error rates more closely", False),
        ("Write better documentation", False),
        ("Respond faster to pages", False),
        ("Tweak the retry settings", False),
        ("Update the dashboard", False),
        ("Raise the memory limit", False),
        ("Add alerting for the billing service", False),
        ("Set up alerts on the ingest pipeline", False),
        ("Shore up the deploy process", False),
        ("Compliance to review vendor contracts", False),
        ("Work with the vendor to understand their roadmap", False),
        ("Retro: communicate more clearly with the warehouse", False),
    ],
)
def test_specific_fails_a_thing_named_without_its_change(
    description: str, passes: bool
) -> None:
    """Activities as nouns, degrees, bare things and bare alerts fail."""
    verdict = check_action(description).specific

    assert verdict.passed is passes, verdict.reason


@pytest.mark.parametrize(
    "description",
    [
        "Raise the JDBC pool limit from 20 to 60 connections",
        "Lower the log level of the sync worker to WARN",
        "Fix the date parser to accept ISO week dates",
        "Use stricter CSP headers: block inline scripts on every page",
        "Modify the batch scheduler to start jobs later than the load",
        "Run a nightly check of all backups and page when one is missing",
        "Add an alarm to the chiller that fires when the supply exceeds 9 C",
        "Set up paging to the storage on-call on any SMART error",
        "Ops to add a pre-flight check that refuses deploys on Fridays",
        "Work with the vendor to add a schema version to every export",
    ],
)
def test_specific_passes_the_same_things_with_their_change(
    description: str,
) -> None:
    """A target, a condition or a clause saying what changes passes."""
    verdict = check_action(description).specific

    assert verdict.passed, verdict.reason


def test_specific_quotes_the_degree_without_a_measure() -> None:
    """The reason names the words that ask for a degree."""
    verdict = check_action("Watch the queues more closely").specific

    assert "'more closely' asks for a degree with no measure" in (
        verdict.reason
    )


@pytest.mark.parametrize(
    ("description", "verifiable"),
    [
        ("Add more integration tests", False),
        ("Update the dashboard", False),
        # Which way is said, so someone can check that it was done.
        ("Raise the memory limit", True),
        ("Add alerting for the billing service", True),
        (
            (
                "The reviewer should have caught it; from now on, "
                "everyone on the desk must confirm totals by phone"
            ),
            False,
        ),
    ],
)
def test_verifiable_follows_what_can_be_checked(
    description: str, verifiable: bool
) -> None:
    """Verifiable fails shallow items and people's rules, not untargeted."""
    verdict = check_action(description).verifiable

    assert verdict.passed is verifiable, verdict.reason


def test_should_have_is_hindsight_not_a_hedge() -> None:
    """'Should have' looks back; the rule after it is what is judged."""
    quality = check_action(
        "The release should have been gated; add a CI gate that blocks "
        "any release with a failing migration test"
    )

    assert quality.specific.passed, quality.specific.reason


@pytest.mark.parametrize(
    ("description", "systemic"),
    [
        ("Write a postmortem for the checkout outage", False),
        ("Add a required severity field to the incident report form", True),
        ("Rotate all keys that were on the compromised laptop", False),
        ("Purge every page cached during the breach", False),
        ("Temporarily double the workers until the bug is fixed", False),
        ("For now, route all EU traffic through the Paris region", False),
        ("Disable the nightly export job", False),
        ("The desk lead will personally approve every refund", False),
        ("Add more monitoring", False),
        ("Raise the connection limit", False),
        ("Add alerting for the billing service", False),
        ("Stop the payout if the batch total exceeds 120% of plan", True),
        ("Install the disk encryption agent on the remaining laptops", True),
        ("Require a second signature before a vendor is created", True),
    ],
)
def test_systemic_weighs_instances_against_mechanisms(
    description: str, systemic: bool
) -> None:
    """One instance, a stopgap or a bare mechanism is not a category."""
    verdict = check_action(description).systemic

    assert verdict.passed is systemic, verdict.reason


def test_a_team_named_in_the_description_is_read_from_the_config() -> None:
    """'X to do Y' is read from its verb when X is a configured team."""
    plain = check_action("Growth to look into the funnel drop")
    config = CheckConfig().extended(team_words=["growth"])
    read = check_action("Growth to look into the funnel drop", config=config)

    assert plain.specific.passed
    assert not read.specific.passed
    assert "'look into'" in read.specific.reason


@pytest.mark.parametrize(
    ("description", "systemic"),
    [
        ("Restore the wiped bucket from last night's snapshot", False),
        (
            (
                "Restore the wiped bucket from last night's snapshot and "
                "enable object versioning on every bucket"
            ),
            True,
        ),
        (
            (
                "Reopen the ticket, then add validation of the form's "
                "postcode field"
            ),
            True,
        ),
    ],
)
def test_a_repair_followed_by_a_guard_counts_the_guard(
    description: str, systemic: bool
) -> None:
    """After a repairing verb, a second action that builds may be systemic."""
    verdict = check_action(description).systemic

    assert verdict.passed is systemic, verdict.reason


def test_work_by_hand_can_be_checked_but_is_not_systemic() -> None:
    """A person doing it by hand is verifiable, and guards nothing."""
    quality = check_action("Match every refund to its order by hand")

    assert quality.verifiable.passed, quality.verifiable.reason
    assert not quality.systemic.passed
    assert "relies on people" in quality.systemic.reason

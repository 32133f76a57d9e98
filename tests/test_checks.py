"""Tests for checking a post-mortem against every rule (blameless.check)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import attrs
import pytest
from hypothesis import given

from blameless import (
    RULES,
    ActionKind,
    ActionReview,
    ActionStatus,
    CheckConfig,
    Finding,
    FindingSeverity,
    PostMortem,
    Rule,
    Why,
    check,
)
from blameless._checks._changes import apply_changes
from blameless._checks._reference import REFERENCE, REFERENCE_TODAY
from blameless._checks._rules._incident import count_sentences
from blameless.strategies import post_mortems

_BY_CODE = {described.code: described for described in RULES}


def _codes(post_mortem: PostMortem, **options: object) -> set[str]:
    findings = check(post_mortem, today=REFERENCE_TODAY, **options)  # type: ignore[arg-type]
    return {finding.code for finding in findings}


def test_reference_is_clean() -> None:
    """The reference post-mortem satisfies every rule: a clean one exists."""
    assert check(REFERENCE, today=REFERENCE_TODAY) == ()


@pytest.mark.parametrize("described", RULES, ids=lambda r: r.code)
def test_failing_example_triggers_the_rule(described: Rule) -> None:
    """Each rule's failing example, as documented, reports its code."""
    changed = apply_changes(REFERENCE, described.failing)

    assert described.code in _codes(changed)


@pytest.mark.parametrize("described", RULES, ids=lambda r: r.code)
def test_passing_example_does_not(described: Rule) -> None:
    """Each rule's passing example, as documented, does not report it."""
    changed = apply_changes(REFERENCE, described.passing)

    assert described.code not in _codes(changed)


def test_rules_are_well_formed() -> None:
    """Codes are unique, a section letter and three digits, in order."""
    codes = [described.code for described in RULES]

    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[RIAXFL]\d{3}", code) for code in codes)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", r.name) for r in RULES)
    assert all(r.summary and r.why and r.failing for r in RULES)


@given(post_mortems())
def test_never_raises_on_any_post_mortem(post_mortem: PostMortem) -> None:
    """Checks report on any post-mortem, drafts included, and never raise."""
    findings = check(post_mortem, today=date(2025, 1, 1))

    for finding in findings:
        assert finding.code in _BY_CODE
        assert finding.severity is _BY_CODE[finding.code].severity
        assert finding.path.startswith("$")
        assert finding.message.endswith((".", "?", "'"))


def test_an_empty_draft_gets_findings_not_errors() -> None:
    """A blank post-mortem is a draft: it gets findings for each part."""
    codes = _codes(PostMortem())

    assert {"R001", "I001", "A001", "X001", "F001", "L001"} <= codes


def test_select_and_ignore_by_prefix() -> None:
    """Only selected rules run, and ignored ones never do."""
    draft = PostMortem()
    config = CheckConfig(select=("A", "X001"), ignore=("A00",))

    assert _codes(draft, config=config) == {"A011", "A012", "X001"}


def test_finding_reads_like_a_linter_line() -> None:
    """A finding prints as its path, code and message."""
    finding = Finding("I001", FindingSeverity.WARNING, "$.incident.name", "m")

    assert str(finding) == "$.incident.name: I001 m"


def test_severities_order_from_info_to_error() -> None:
    """max() of severities gives the worst."""
    assert max(FindingSeverity) is FindingSeverity.ERROR
    assert FindingSeverity.INFO < FindingSeverity.WARNING


def test_min_why_depth_is_configurable() -> None:
    """Raising the minimum depth reports three levels as too shallow."""
    config = CheckConfig(min_why_depth=4)

    findings = check(REFERENCE, today=REFERENCE_TODAY, config=config)

    assert [f.path for f in findings] == ["$.analysis.whys.whys"]
    assert "Why #4" in findings[0].message


def test_follow_up_window_is_configurable() -> None:
    """A follow-up 11 days after the meeting is late for a 7-day window."""
    config = CheckConfig(follow_up_days=7)

    assert _codes(REFERENCE, config=config) == {"F002"}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("One sentence without a stop", 1),
        ("Checkout failed, e.g. for cards. It recovered.", 2),
        ("It began approx. at noon. Then. It ended.", 3),
        ("Rates rose 1.5 times. Fine!", 2),
    ],
)
def test_count_sentences(text: str, count: int) -> None:
    """Abbreviations and decimals do not end a sentence."""
    assert count_sentences(text) == count


def test_person_named_in_a_why_is_found_by_name() -> None:
    """A participant's name in a why is reported, whatever the verb."""
    whys = REFERENCE.analysis.whys
    changed = attrs.evolve(
        whys, whys=(*whys.whys[:2], Why(3, "Lee Park ran the sync by hand."))
    )
    post_mortem = apply_changes(REFERENCE, [("$.analysis.whys", changed)])

    findings = [f for f in check(post_mortem) if f.code == "A004"]

    assert [f.path for f in findings] == ["$.analysis.whys.whys[2].answer"]
    assert "Lee Park" in findings[0].message


def test_a_system_that_failed_is_not_a_person() -> None:
    """A capitalized system name before a verb is not taken for a person."""
    post_mortem = apply_changes(
        REFERENCE,
        [("$.analysis.trigger", "Monitoring did not fire; Kafka dropped it.")],
    )

    assert "A004" not in _codes(post_mortem)


def test_blaming_phrases_can_be_extended() -> None:
    """A team's own blaming phrase is reported once added."""
    post_mortem = apply_changes(
        REFERENCE, [("$.incident.summary", "Ops dropped the ball.")]
    )
    config = CheckConfig().extended(blaming_phrases=["dropped the ball"])

    assert "A005" not in _codes(post_mortem)
    assert "A005" in _codes(post_mortem, config=config)


def test_overdue_uses_the_new_due_date_of_the_follow_up() -> None:
    """An item given a later due date at the follow-up is not overdue."""
    late = apply_changes(REFERENCE, [("$.actions[0].due", date(2024, 11, 1))])
    reviewed = apply_changes(
        late,
        [
            (
                "$.follow_up.reviews",
                (
                    ActionReview(
                        action_id="C1",
                        status=ActionStatus.BLOCKED,
                        blocked_reason="Backup restore needs approval.",
                        new_due=date(2024, 11, 30),
                    ),
                ),
            )
        ],
    )

    assert "F007" in _codes(late)
    assert "F007" not in _codes(reviewed)


def test_completed_items_are_never_overdue() -> None:
    """A complete item past its due date is not reported."""
    done = apply_changes(
        REFERENCE,
        [
            ("$.actions[0].due", date(2024, 11, 1)),
            ("$.actions[0].status", ActionStatus.COMPLETE),
        ],
    )

    assert "F007" not in _codes(done)


def test_containment_items_are_not_held_to_systemic() -> None:
    """A one-off containment fix is expected; a one-off prevention is not."""
    one_off = "Fix the API field name"
    containment = apply_changes(
        REFERENCE, [("$.actions[0].description", one_off)]
    )
    prevention = apply_changes(
        containment, [("$.actions[0].kind", ActionKind.PREVENTION)]
    )

    assert "X007" not in _codes(containment)
    assert "X007" in _codes(prevention)


def test_today_defaults_to_the_current_day() -> None:
    """Without today, overdue items are judged as of the current day."""
    long_ago = apply_changes(
        REFERENCE, [("$.actions[0].due", date(2000, 1, 1))]
    )

    assert "F007" in {f.code for f in check(long_ago)}


def test_gap_before_detection_is_the_detection_gap() -> None:
    """A long silence before detection is not a timeline gap."""
    early = datetime(2024, 11, 13, 20, 0, tzinfo=UTC)
    post_mortem = apply_changes(
        REFERENCE,
        [
            ("$.incident.first_occurrence", early),
            ("$.incident.timeline[1].at", early),
        ],
    )

    assert "I011" not in _codes(post_mortem)

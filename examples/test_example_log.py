"""The example log: its documents match its builder, and it is varied.

The stored documents in ``log/`` are what other tools read, and the
builders in ``log_builders/`` are where they are written; these tests
keep the two equal and hold the log to the variety it promises.
"""

from __future__ import annotations

from datetime import timedelta

from example_log import build_log
from write_log import LOG, file_name, stale_documents

from blameless import ActionStatus, FactorCategory, ReviewStatus, load

#: The worksheet asks for the follow-up within two weeks of the meeting.
TWO_WEEKS = timedelta(days=14)

#: How many of a kind the log shows at least, so that a pattern shows.
A_FEW = 2


def test_documents_are_what_the_builder_writes() -> None:
    """Every stored document is exactly the text the builder gives it.

    When this fails, the builder or the document format changed: run
    ``python examples/write_log.py --write`` and commit ``examples/log/``.
    """
    assert stale_documents(LOG) == []


def test_documents_load_back_to_the_built_post_mortems() -> None:
    """Loading each stored document gives the post-mortem that was built."""
    for post_mortem in build_log():
        assert load(LOG / file_name(post_mortem)) == post_mortem


def test_numbers_follow_the_order_of_the_meetings() -> None:
    """Post-mortems are numbered 1, 2, 3 ... in the order they were held."""
    post_mortems = build_log()
    numbers = [pm.log.number for pm in post_mortems]
    held = [pm.log.held_on for pm in post_mortems if pm.log.held_on]

    assert numbers == list(range(1, len(post_mortems) + 1))
    assert held == sorted(held)
    assert len(held) == len(post_mortems)


def test_incidents_spread_over_more_than_a_year_and_many_zones() -> None:
    """The incidents span over a year, recorded at several UTC offsets."""
    detections = [pm.incident.detected for pm in build_log()]
    known = [at for at in detections if at is not None]
    offsets = {at.at.utcoffset() for at in known}

    assert max(known).utc - min(known).utc > timedelta(days=365)
    assert len(offsets) >= len(known) // 2


def test_every_review_status_and_near_misses_appear() -> None:
    """Drafts, post-mortems in review, reviewed and closed ones are there."""
    post_mortems = build_log()
    statuses = {pm.log.status for pm in post_mortems}
    near_misses = [pm for pm in post_mortems if pm.log.near_miss]

    assert statuses == set(ReviewStatus)
    assert len(near_misses) >= A_FEW


def test_first_occurrences_known_approximate_and_unknown() -> None:
    """Some first occurrences are exact, some approximate, some unknown."""
    firsts = [pm.incident.first_occurrence for pm in build_log()]

    assert None in firsts
    assert any(at is not None and at.approximate for at in firsts)
    assert any(at is not None and not at.approximate for at in firsts)


def test_every_factor_category_and_action_status_is_used() -> None:
    """Factors of all three categories and all five statuses occur."""
    post_mortems = build_log()
    categories = {
        category
        for pm in post_mortems
        for category in pm.analysis.factors.categories
    }
    statuses = {item.status for pm in post_mortems for item in pm.actions}

    assert categories == set(FactorCategory)
    assert statuses == set(ActionStatus)


def test_some_meetings_were_held_without_every_prerequisite() -> None:
    """A few post-mortems have unmet prerequisites, most have none."""
    unready = [pm for pm in build_log() if not pm.readiness.ready]

    assert A_FEW <= len(unready) <= len(build_log()) // 2


def test_follow_ups_on_time_late_and_missing() -> None:
    """Follow-ups come within two weeks, later, or not at all."""
    gaps = [
        pm.follow_up.review_date - pm.log.held_on
        if pm.follow_up.review_date and pm.log.held_on
        else None
        for pm in build_log()
    ]

    assert None in gaps
    assert any(gap is not None and gap <= TWO_WEEKS for gap in gaps)
    assert any(gap is not None and gap > TWO_WEEKS for gap in gaps)


def test_detection_gap_across_the_clock_change_is_by_instant() -> None:
    """No. 12's detection gap counts the hour added when clocks went back.

    From 00:00 summer time on 25 October to 09:15 winter time the next day
    the wall clock shows 33 h 15 min; 34 h 15 min actually passed.
    """
    dst = build_log()[11]
    gap = dst.incident.detection_gap

    assert gap is not None
    assert gap.duration == timedelta(hours=34, minutes=15)

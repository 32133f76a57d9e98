"""Tests of the log filter: date range, tags, severity, near miss."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import (
    Impact,
    ImpactCategory,
    IncidentReport,
    InvariantError,
    LogEntry,
    PostMortem,
    Severity,
)
from blameless import strategies as bst
from blameless.metrics import LogFilter, impact_start, severity_of

NOV_14 = datetime(2025, 11, 14, 9, 0, tzinfo=UTC)
SEVERITY_SETS = st.frozensets(st.sampled_from([None, *Severity]))


def _post_mortem(  # noqa: PLR0913 - one knob per condition under test
    *,
    at: datetime | None = NOV_14,
    first: datetime | None = None,
    tags: frozenset[str] = frozenset(),
    severity: Severity | None = None,
    impact: Severity | None = None,
    near_miss: bool = False,
) -> PostMortem:
    impacts: tuple[Impact, ...] = ()
    if impact is not None:
        impacts = (Impact(category=ImpactCategory.DATA_LOSS, severity=impact),)
    return PostMortem(
        log=LogEntry(tags=tags, severity=severity, near_miss=near_miss),
        incident=IncidentReport(
            first_occurrence=first, detected=at, impacts=impacts
        ),
    )


@given(bst.post_mortems())
def test_an_empty_filter_keeps_everything(post_mortem: PostMortem) -> None:
    """Every condition left at its default keeps every post-mortem."""
    assert LogFilter().matches(post_mortem)


@given(bst.post_mortems(), st.booleans())
def test_near_miss_keeps_one_kind(
    post_mortem: PostMortem, near_miss: bool
) -> None:
    """Only near misses, or only incidents that did harm."""
    kept = LogFilter(near_miss=near_miss).matches(post_mortem)

    assert kept == (post_mortem.log.near_miss is near_miss)


@given(bst.post_mortems(), SEVERITY_SETS)
def test_severities_keep_the_overall_severities_listed(
    post_mortem: PostMortem, severities: frozenset[Severity | None]
) -> None:
    """The overall severity must be one of those listed; None is unrated."""
    kept = LogFilter(severities=severities).matches(post_mortem)

    assert kept == (severity_of(post_mortem) in severities)


@given(bst.post_mortems(), st.frozensets(st.text(max_size=3), max_size=2))
def test_tags_must_all_be_carried(
    post_mortem: PostMortem, tags: frozenset[str]
) -> None:
    """A post-mortem is kept when it carries every tag asked for."""
    kept = LogFilter(tags=tags).matches(post_mortem)

    assert kept == tags.issubset(post_mortem.log.tags)


@given(bst.post_mortems(), bst.aware_datetimes(), bst.aware_datetimes())
def test_the_date_range_includes_its_start_and_excludes_its_end(
    post_mortem: PostMortem, since: datetime, until: datetime
) -> None:
    """Kept when the incident began in [since, until); undated never."""
    start = impact_start(post_mortem.incident)
    kept = LogFilter(since=since, until=until).matches(post_mortem)

    assert kept == (start is not None and since <= start.at < until)


def test_a_date_means_midnight_in_the_zone_of_the_report() -> None:
    """23:30 UTC on 31 October is already November in Berlin."""
    late = _post_mortem(at=datetime(2025, 10, 31, 23, 30, tzinfo=UTC))
    november = LogFilter(since=date(2025, 11, 1))

    assert not november.matches(late)
    assert november.matches(late, tz="Europe/Berlin")
    assert november.matches(late, tz=ZoneInfo("Europe/Berlin"))


def test_the_start_is_the_first_occurrence_when_known() -> None:
    """An incident that began before the range is left out."""
    early = _post_mortem(first=NOV_14 - timedelta(days=1))

    assert not LogFilter(since=NOV_14.date()).matches(early)
    assert LogFilter(since=NOV_14.date()).matches(_post_mortem())


def test_the_overall_severity_falls_back_to_the_worst_impact() -> None:
    """The log entry's severity wins; without it, the worst impact."""
    assert severity_of(_post_mortem(impact=Severity.HIGH)) is Severity.HIGH
    rated = _post_mortem(severity=Severity.LOW, impact=Severity.HIGH)
    assert severity_of(rated) is Severity.LOW
    assert severity_of(_post_mortem()) is None


def test_apply_filters_a_log_lazily_in_order() -> None:
    """apply() yields the post-mortems kept, in the order given."""
    log = [
        _post_mortem(tags=frozenset({"db"})),
        _post_mortem(near_miss=True, tags=frozenset({"db"})),
        _post_mortem(tags=frozenset({"db", "api"})),
        _post_mortem(at=None, tags=frozenset({"db"})),
    ]

    kept = LogFilter(tags={"db"}, near_miss=False).apply(iter(log))

    assert list(kept) == [log[0], log[2], log[3]]


def test_a_naive_bound_is_refused() -> None:
    """A datetime without a zone has no instant."""
    with pytest.raises(
        InvariantError,
        match=r"LogFilter\.until: a naive datetime has no time zone, so its "
        r"instant is unknown \(until=datetime\.datetime\(2025, 1, 1, 0, 0\)\)",
    ):
        LogFilter(until=datetime(2025, 1, 1))  # noqa: DTZ001


def test_a_single_tag_as_a_string_is_refused() -> None:
    """A string is not a collection of tags."""
    with pytest.raises(
        InvariantError,
        match=r"LogFilter\.tags: expected a collection of tags, not a single "
        r"string \(tags='db'\); wrap it in a tuple: \('db',\)",
    ):
        LogFilter(tags="db")

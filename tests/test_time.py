"""Tests of timestamps, approximate times and spans."""

from __future__ import annotations

import pickle
import re
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless import InvariantError, Span, Timestamp, approx
from blameless import strategies as bst

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")


@given(bst.timestamps())
def test_timestamps_keep_a_fixed_offset(stamp: Timestamp) -> None:
    """Every timestamp holds an aware datetime at a fixed offset, fold 0."""
    assert isinstance(stamp.at.tzinfo, timezone)
    assert stamp.at.utcoffset() is not None
    assert stamp.at.fold == 0


@given(bst.aware_datetimes())
def test_a_timestamp_keeps_the_instant_it_was_given(moment: datetime) -> None:
    """The instant and the wall time written survive the conversion."""
    stamp = Timestamp(moment)

    assert stamp.utc == moment.astimezone(UTC)
    assert stamp.at.replace(tzinfo=None) == moment.replace(tzinfo=None)


@given(bst.timestamps(), st.sampled_from(bst.NAMED_ZONES))
def test_equal_instants_at_different_offsets_are_equal(
    stamp: Timestamp, zone: str
) -> None:
    """The same instant written at another offset is equal, hash included."""
    moved = Timestamp(
        stamp.at.astimezone(ZoneInfo(zone)), approximate=stamp.approximate
    )

    assert moved == stamp
    assert hash(moved) == hash(stamp)


@given(bst.timestamps(), bst.timestamps())
def test_timestamps_order_by_instant(
    first: Timestamp, second: Timestamp
) -> None:
    """Order is by instant, and an exact time sorts first at one instant."""
    expected = (first.utc, first.approximate) < (
        second.utc,
        second.approximate,
    )

    assert (first < second) is expected
    assert (first >= second) is not expected


def test_exact_sorts_before_approximate_at_the_same_instant() -> None:
    """At one instant the exact time comes before the approximate one."""
    moment = datetime(2024, 11, 14, 9, 30, tzinfo=UTC)

    assert Timestamp(moment) < approx(moment)
    assert Timestamp(moment) != approx(moment)
    assert min([approx(moment), Timestamp(moment)]) == Timestamp(moment)


def test_timestamps_do_not_compare_with_datetimes() -> None:
    """Ordering a timestamp against a datetime is a type error."""
    moment = datetime(2024, 11, 14, 9, 30, tzinfo=UTC)

    with pytest.raises(TypeError):
        assert Timestamp(moment) < moment  # type: ignore[operator]


def test_a_naive_datetime_is_refused_with_the_fix() -> None:
    """A naive datetime is refused, and the message says how to fix it."""
    naive = datetime(2024, 11, 14, 9, 30)  # noqa: DTZ001

    with pytest.raises(
        InvariantError,
        match=r"^Timestamp\.at: a naive datetime has no time zone.*"
        r"attach the zone it was read in, for example "
        r"at\.replace\(tzinfo=ZoneInfo\('Europe/Berlin'\)\)",
    ):
        Timestamp(naive)


def test_a_date_or_text_is_refused() -> None:
    """Only a datetime can be a timestamp: not a date, not a string."""
    for value in (date(2024, 11, 14), "2024-11-14T09:30:00+00:00"):
        with pytest.raises(
            InvariantError,
            match=re.escape(
                "Timestamp.at: expected a timezone-aware datetime"
            ),
        ):
            Timestamp(value)  # type: ignore[arg-type]


def test_evolving_into_a_naive_datetime_is_refused() -> None:
    """attrs.evolve runs the same conversion as the constructor."""
    stamp = Timestamp(datetime(2024, 11, 14, 9, 30, tzinfo=UTC))

    with pytest.raises(InvariantError, match="naive datetime"):
        attrs.evolve(stamp, at=datetime(2024, 11, 14))  # noqa: DTZ001


def test_approx_marks_the_time_approximate() -> None:
    """approx() is the worksheet's "approx." note on a time."""
    moment = datetime(2024, 11, 14, 9, 30, tzinfo=UTC)

    assert approx(moment) == Timestamp(moment, approximate=True)
    assert str(approx(moment)) == "approx. 2024-11-14T09:30:00+00:00"
    assert str(Timestamp(moment)) == "2024-11-14T09:30:00+00:00"


def test_the_date_is_the_one_at_the_offset_given() -> None:
    """A late evening in New York is still that day, though not in UTC."""
    stamp = Timestamp(datetime(2024, 11, 14, 23, 30, tzinfo=NEW_YORK))

    assert stamp.date == date(2024, 11, 14)
    assert stamp.utc.date() == date(2024, 11, 15)


@pytest.mark.parametrize(
    ("zone", "start", "end", "elapsed"),
    [
        # Spring forward: 02:00 becomes 03:00.
        (BERLIN, "2024-03-31 01:30", "2024-03-31 03:30", 60),
        # Fall back: the second 01:30 (fold 1) is two hours after 00:30.
        (NEW_YORK, "2024-11-03 00:30", "2024-11-03 01:30 fold", 120),
        # Lord Howe moves by half an hour: 02:00 becomes 02:30.
        (LORD_HOWE, "2024-10-06 01:45", "2024-10-06 02:45", 30),
        # And back: 02:00 becomes 01:30.
        (LORD_HOWE, "2024-04-07 01:15", "2024-04-07 02:15", 90),
    ],
)
def test_durations_across_dst_changes_are_by_instant(
    zone: ZoneInfo, start: str, end: str, elapsed: int
) -> None:
    """A span over a DST change counts the real time that passed."""
    first = Timestamp(_wall(start, zone))
    last = Timestamp(_wall(end, zone))

    span = Span("total_duration", "detected", first, "resolved", last)

    assert span.duration == timedelta(minutes=elapsed)


def _wall(text: str, zone: ZoneInfo) -> datetime:
    """Read a wall time such as "2024-11-03 01:30 fold" in *zone*."""
    wall, marker, _ = text.partition(" fold")
    naive = datetime.fromisoformat(wall)
    return naive.replace(tzinfo=zone, fold=1 if marker else 0)


def test_the_two_times_of_a_fold_stay_apart() -> None:
    """01:30 before and after the clocks go back are an hour apart."""
    before = Timestamp(datetime(2024, 11, 3, 1, 30, tzinfo=NEW_YORK))
    after = Timestamp(datetime(2024, 11, 3, 1, 30, tzinfo=NEW_YORK, fold=1))

    assert before != after
    assert after.utc - before.utc == timedelta(hours=1)
    assert str(before).endswith("-04:00")
    assert str(after).endswith("-05:00")


def test_a_time_in_a_dst_gap_keeps_the_offset_it_was_read_with() -> None:
    """02:30 on the spring-forward night is kept at the offset before it."""
    stamp = Timestamp(datetime(2024, 3, 31, 2, 30, tzinfo=BERLIN))

    assert str(stamp) == "2024-03-31T02:30:00+01:00"
    assert Timestamp(datetime.fromisoformat(str(stamp))) == stamp


@given(bst.timestamps())
def test_timestamps_pickle(stamp: Timestamp) -> None:
    """A timestamp survives pickling unchanged."""
    assert pickle.loads(pickle.dumps(stamp)) == stamp  # noqa: S301


@given(bst.spans())
def test_a_span_measures_between_its_two_times(span: Span) -> None:
    """Duration and the approximate flag come from the two ends."""
    assert span.duration == span.end.utc - span.start.utc
    assert span.approximate == (span.start.approximate or span.end.approximate)


def test_a_span_says_what_it_spans() -> None:
    """The text of a span names its two fields and its rough ends."""
    start = approx(datetime(2024, 11, 14, 9, 0, tzinfo=UTC))
    end = Timestamp(datetime(2024, 11, 14, 9, 45, tzinfo=UTC))

    span = Span("detection_gap", "first_occurrence", start, "detected", end)

    assert str(span) == (
        "detection_gap: approx. 0:45:00 (first_occurrence to detected)"
    )
    assert re.search("approx", str(attrs.evolve(span, start=end))) is None

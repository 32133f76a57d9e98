"""Tests of the strict checks of single values in a document."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from blameless import Severity, Timestamp
from blameless._documents._values import (
    Mismatch,
    check_bool,
    check_date,
    check_int,
    check_str,
    check_timestamp,
    enum_check,
    write_date,
    write_timestamp,
)

ODD_OFFSET = timezone(timedelta(seconds=30, microseconds=1))


def test_strings_pass_unchanged() -> None:
    """Any text UTF-8 can carry is accepted as it is."""
    assert check_str("Zoë 🚨") == "Zoë 🚨"
    with pytest.raises(Mismatch, match="a string"):
        check_str(b"bytes")


def test_booleans_are_only_true_and_false() -> None:
    """Only the two booleans themselves are booleans."""
    assert check_bool(value=False) is False
    for value in (0, 1, "true", None):
        with pytest.raises(Mismatch, match="true or false"):
            check_bool(value)


def test_integer_range_is_64_bit() -> None:
    """Integers are exact ints within the signed 64-bit range."""
    assert check_int(2**63 - 1) == 2**63 - 1
    assert check_int(-(2**63)) == -(2**63)
    with pytest.raises(Mismatch, match="64-bit"):
        check_int(-(2**63) - 1)
    with pytest.raises(Mismatch, match="a whole number"):
        check_int(2.0)


def test_dates_are_calendar_dates_only() -> None:
    """A date is 'YYYY-MM-DD' or a date object, never a datetime."""
    assert check_date("0999-01-31") == date(999, 1, 31)
    assert check_date(date(2026, 1, 1)) == date(2026, 1, 1)
    with pytest.raises(Mismatch, match="calendar date"):
        check_date(datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(Mismatch, match="calendar date"):
        check_date("2026-W01-1")


def test_timestamps_keep_their_offset_and_mark() -> None:
    """A timestamp keeps its offset, and "approx. " makes it approximate."""
    stamp = check_timestamp("approx. 2026-11-14T09:12:00.250000+05:30")
    assert stamp.approximate
    assert stamp.at.utcoffset() == timedelta(hours=5, minutes=30)
    assert write_timestamp(stamp) == "approx. 2026-11-14T09:12:00.250000+05:30"


def test_odd_offsets_survive() -> None:
    """Offsets with seconds, which Python allows, are written and read."""
    stamp = Timestamp(datetime(2026, 1, 1, tzinfo=ODD_OFFSET))
    text = write_timestamp(stamp)
    assert text == "2026-01-01T00:00:00+00:00:30.000001"
    assert check_timestamp(text) == stamp


def test_times_at_the_ends_of_the_calendar() -> None:
    """A time whose UTC instant falls outside the calendar is refused."""
    with pytest.raises(Mismatch, match="UTC instant"):
        check_timestamp("0001-01-01T00:00:00+01:00")
    with pytest.raises(Mismatch, match="UTC instant"):
        check_timestamp("9999-12-31T23:59:59-01:00")
    assert check_timestamp("0001-01-01T00:00:00-01:00").at.year == 1


def test_naive_datetime_objects_are_refused() -> None:
    """A datetime object without a zone is refused like naive text."""
    with pytest.raises(Mismatch, match="UTC offset"):
        check_timestamp(datetime(2026, 1, 1))  # noqa: DTZ001 - the point


def test_enum_check_by_value_with_suggestion() -> None:
    """Enum members are read by value; near misses get a suggestion."""
    check = enum_check(Severity)
    assert check("medium", None) is Severity.MEDIUM
    with pytest.raises(Mismatch) as caught:
        check("hihg", None)
    assert caught.value.hint == "did you mean 'high'?"
    with pytest.raises(Mismatch, match="one of 'low', 'medium', 'high'"):
        check(["low"], None)


def test_write_date() -> None:
    """Dates are written as ISO 8601 calendar dates, four-digit years."""
    assert write_date(date(33, 2, 3)) == "0033-02-03"

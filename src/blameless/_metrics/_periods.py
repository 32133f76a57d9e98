"""Calendar periods in a chosen time zone: keys, bounds and labels."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from blameless._errors import BlamelessError

__all__ = [
    "FIRST_INSTANT",
    "LAST_INSTANT",
    "Bounds",
    "Period",
    "all_bounds",
    "key_function",
    "period_range",
    "zone",
]


class Period(enum.Enum):
    """A calendar period that trends are counted by.

    Periods start at midnight in the report's time zone, so a period's
    length in hours can change across a DST switch.
    """

    #: An ISO week, Monday to Sunday, labelled like ``2025-W07``.
    WEEK = "week"
    #: A calendar month, labelled like ``2025-02``.
    MONTH = "month"
    #: A calendar quarter, labelled like ``2025-Q1``.
    QUARTER = "quarter"
    #: A calendar year, labelled like ``2025``.
    YEAR = "year"


#: A period's label and its start and end instants, in UTC.
Bounds = tuple[str, datetime, datetime]

#: The first and last instants that an aware datetime can hold.
FIRST_INSTANT = datetime.min.replace(tzinfo=UTC)
LAST_INSTANT = datetime.max.replace(tzinfo=UTC)


def zone(value: str | tzinfo) -> tzinfo:
    """Return the time zone named by an IANA key, or given as a tzinfo.

    Raises:
        BlamelessError: If no IANA time zone has that name.
    """
    if isinstance(value, tzinfo):
        return value
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        msg = (
            f"tz: expected an IANA time zone name such as 'Europe/Berlin' "
            f"or 'UTC', got {value!r}"
        )
        raise BlamelessError(msg) from error


def as_period(value: Period | str) -> Period:
    """Return the period named by *value*.

    Raises:
        BlamelessError: If *value* names no period.
    """
    if isinstance(value, Period):
        return value
    try:
        return Period(value)
    except ValueError as error:
        names = ", ".join(repr(p.value) for p in Period)
        msg = f"period: expected one of {names}, got {value!r}"
        raise BlamelessError(msg) from error


def _week(local: datetime) -> int:
    return local.toordinal() - local.weekday()


def _month(local: datetime) -> int:
    return local.year * 12 + local.month - 1


def _quarter(local: datetime) -> int:
    return local.year * 4 + (local.month - 1) // 3


def _year(local: datetime) -> int:
    return local.year


_KEYS: dict[Period, Callable[[datetime], int]] = {
    Period.WEEK: _week,
    Period.MONTH: _month,
    Period.QUARTER: _quarter,
    Period.YEAR: _year,
}


def key_function(period: Period, tz: tzinfo) -> Callable[[datetime], int]:
    """Return a function giving the period key of an aware datetime.

    Keys are whole numbers that order like the periods and run without a
    gap from one period to the next (weeks step by 7).
    """
    local_key = _KEYS[period]

    def key(at: datetime) -> int:
        """The key of the period that holds *at* in the zone *tz*."""
        try:
            local = at.astimezone(tz)
        except OverflowError:
            # The local time falls outside the years 1 to 9999 that
            # datetime can hold: it belongs to the first or last period.
            local = FIRST_INSTANT if at.year == 1 else LAST_INSTANT
        return local_key(local)

    return key


def _first_day(period: Period, key: int) -> date:
    if period is Period.WEEK:
        return date.fromordinal(key)
    if period is Period.MONTH:
        return date(key // 12, key % 12 + 1, 1)
    if period is Period.QUARTER:
        return date(key // 4, key % 4 * 3 + 1, 1)
    return date(key, 1, 1)


def _label(period: Period, first: date) -> str:
    if period is Period.WEEK:
        iso = first.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if period is Period.MONTH:
        return f"{first.year:04d}-{first.month:02d}"
    if period is Period.QUARTER:
        return f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}"
    return f"{first.year:04d}"


def _midnight(day: date, tz: tzinfo) -> datetime:
    # A midnight that falls in a DST gap resolves, with fold=0, to the
    # offset before the switch, which is the instant the day begins.
    local = datetime.combine(day, time(), tzinfo=tz)
    try:
        return local.astimezone(UTC)
    except OverflowError:
        # Before the year 1 in UTC: the first instant datetime can hold.
        return FIRST_INSTANT


def _next_midnight(period: Period, key: int, tz: tzinfo) -> datetime:
    """Return when the period after *key* begins, in UTC.

    After the year 9999 there is no next period; the last instant that
    datetime can hold ends the last one.
    """
    try:
        following = _first_day(period, key + step(period))
    except ValueError:
        return LAST_INSTANT
    return _midnight(following, tz)


def step(period: Period) -> int:
    """Return how far apart the keys of consecutive periods are."""
    return 7 if period is Period.WEEK else 1


def bounds(period: Period, key: int, tz: tzinfo) -> Bounds:
    """Return the label and the UTC start and end of one period.

    The end is the start of the next period, worked out from its key, so
    month ends never drift.
    """
    first = _first_day(period, key)
    return (
        _label(period, first),
        _midnight(first, tz),
        _next_midnight(period, key, tz),
    )


def all_bounds(
    period: Period, first: int, last: int, tz: tzinfo
) -> list[Bounds]:
    """Return the bounds of every period from key *first* to *last*.

    The same as :func:`bounds` for each key, but each midnight is worked
    out once: the end of a period is the start of the next.
    """
    days = [
        _first_day(period, key) for key in period_range(period, first, last)
    ]
    starts = [_midnight(day, tz) for day in days]
    ends = [*starts[1:], _next_midnight(period, last, tz)]
    return [
        (_label(period, day), start, end)
        for day, start, end in zip(days, starts, ends, strict=True)
    ]


def period_range(period: Period, first: int, last: int) -> Iterator[int]:
    """Yield every period key from *first* to *last*, both included."""
    return iter(range(first, last + 1, step(period)))

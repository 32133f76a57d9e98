"""Times of an incident: timestamps that may be approximate, and spans."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import attrs

from blameless._errors import InvariantError

__all__ = [
    "Span",
    "Timestamp",
    "approx",
    "span_between",
    "to_timestamp",
]


def _fixed_offset(value: datetime) -> datetime:
    """Return *value* with its zone replaced by the fixed offset in effect.

    Arithmetic between datetimes that share a named zone ignores the offset
    (so a duration across a DST change comes out an hour wrong), and a time
    in a DST gap does not survive a round trip through its zone. A fixed
    offset has neither problem and keeps what the person wrote.
    """
    if not isinstance(value, datetime):
        raise InvariantError(
            "Timestamp.at",
            "expected a timezone-aware datetime",
            {"at": value},
        )
    offset = value.utcoffset()
    if offset is None:
        raise InvariantError(
            "Timestamp.at",
            "a naive datetime has no time zone, so its instant is unknown",
            {"at": value},
            hint=(
                "attach the zone it was read in, for example "
                "at.replace(tzinfo=ZoneInfo('Europe/Berlin')) or "
                "tzinfo=timezone.utc"
            ),
        )
    zone = UTC if not offset else timezone(offset)
    return value.replace(tzinfo=zone, fold=0)


@attrs.frozen(order=False)
class Timestamp:
    """One moment of an incident, exact or approximate.

    The worksheet asks for precise timestamps and, when one is unknown, a
    note that it is "approx.". The note travels with the time, so every
    derived duration can say whether it rests on a guess.

    The datetime must be timezone-aware. It is kept at the UTC offset that
    was in effect in its zone, so comparisons and durations are by instant
    and correct across DST changes; the zone's name is not kept.

    Timestamps order by instant; at the same instant an exact one sorts
    before an approximate one.

    Args:
        at: The moment, timezone-aware.
        approximate: Whether the moment is only known roughly.
    """

    at: datetime = attrs.field(converter=_fixed_offset)
    approximate: bool = attrs.field(default=False, kw_only=True)

    @property
    def utc(self) -> datetime:
        """The same instant in UTC."""
        return self.at.astimezone(UTC)

    @property
    def date(self) -> date:
        """The calendar date at the offset the time was given in."""
        return self.at.date()

    def __str__(self) -> str:
        text = self.at.isoformat()
        return f"approx. {text}" if self.approximate else text

    def _key(self) -> tuple[datetime, bool]:
        return (self.at, self.approximate)

    def __lt__(self, other: Timestamp) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: Timestamp) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: Timestamp) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: Timestamp) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self._key() >= other._key()


def approx(at: datetime) -> Timestamp:
    """Return an approximate timestamp, the worksheet's "approx." time.

    Args:
        at: The rough moment, timezone-aware.
    """
    return Timestamp(at, approximate=True)


def to_timestamp(value: Timestamp | datetime | None) -> Timestamp | None:
    """Accept a plain datetime wherever a timestamp is expected.

    A datetime becomes an exact :class:`Timestamp`; ``None`` stays ``None``
    (a time not yet recorded).
    """
    if value is None or isinstance(value, Timestamp):
        return value
    return Timestamp(value)


@attrs.frozen
class Span:
    """A duration derived from two recorded times of one incident.

    Spans are computed, never stored; each names the worksheet fields it
    runs between, so a number can always be traced back to its two times.

    Args:
        name: What the span measures, such as ``"detection_gap"``.
        start_field: The field the span starts at, such as
            ``"first_occurrence"``.
        start: The time in that field.
        end_field: The field the span ends at, such as ``"detected"``.
        end: The time in that field.
    """

    name: str
    start_field: str
    start: Timestamp
    end_field: str
    end: Timestamp

    @property
    def duration(self) -> timedelta:
        """The elapsed time between start and end, by instant."""
        return self.end.utc - self.start.utc

    @property
    def approximate(self) -> bool:
        """Whether either end of the span is an approximate time."""
        return self.start.approximate or self.end.approximate

    def __str__(self) -> str:
        mark = "approx. " if self.approximate else ""
        return (
            f"{self.name}: {mark}{self.duration} "
            f"({self.start_field} to {self.end_field})"
        )


def span_between(
    name: str,
    start: tuple[str, Timestamp | None],
    end: tuple[str, Timestamp | None],
) -> Span | None:
    """Build a span when both of its times are recorded."""
    if start[1] is None or end[1] is None:
        return None
    return Span(name, start[0], start[1], end[0], end[1])

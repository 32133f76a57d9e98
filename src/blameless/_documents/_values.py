"""Strict checks of the values a document may hold, and their writers.

Each check takes a value as a parser produced it and returns the model's
value, or raises :class:`Mismatch` naming what was expected. The same
checks serve the fast converter and the detailed walk that explains a
failure, so both accept exactly the same documents.

The checks take an unused second argument so that they can be registered
as cattrs structure hooks without a wrapper call.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TypeVar

from blameless._model._time import Timestamp

__all__ = [
    "AN_OBJECT",
    "APPROX",
    "A_LIST",
    "EACH_ONCE",
    "EDGE_YEARS",
    "INT_MAX",
    "INT_MIN",
    "TIMESTAMP_FORM",
    "TIMESTAMP_PATTERN",
    "Mismatch",
    "check_bool",
    "check_date",
    "check_int",
    "check_str",
    "check_timestamp",
    "enum_check",
    "write_date",
    "write_timestamp",
]

#: The worksheet's own mark of a time that is only known roughly.
APPROX = "approx. "
#: The years near the ends of the calendar, where the UTC instant of a
#: time may not exist.
EDGE_YEARS = frozenset({1, 9999})

# TOML integers are signed 64-bit, and so are orjson's: a document keeps
# to the range that every format can carry.
INT_MIN = -(2**63)
INT_MAX = 2**63 - 1

#: The pattern of a timestamp's text, without the "approx. " mark: RFC
#: 3339 with seconds, a fraction of at most six digits (no silent
#: rounding) and an offset. Python's offsets with seconds are allowed so
#: that every aware datetime survives a round trip.
TIMESTAMP_PATTERN = (
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?"
    r"(?:Z|[+-]\d{2}:\d{2}(?::\d{2}(?:\.\d{6})?)?)"
)
#: The compiled :data:`TIMESTAMP_PATTERN`.
TIMESTAMP_FORM = re.compile(TIMESTAMP_PATTERN, re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

E = TypeVar("E", bound=enum.Enum)

# What each check expects, in the words of its error message.
A_LIST = "a list"
AN_OBJECT = "an object of keys and values"
EACH_ONCE = "each value once"
_A_STRING = "a string"
_NO_SURROGATES = "text without lone surrogates"
_SURROGATE_HINT = "UTF-8 cannot carry them"
_A_BOOL = "true or false"
_AN_INT = "a whole number"
_AN_INT_IN_RANGE = "a whole number within the signed 64-bit range"
_A_DATE = "a calendar date as 'YYYY-MM-DD'"
_A_REAL_DATE = "a real calendar date as 'YYYY-MM-DD'"
_A_TIMESTAMP = (
    "an ISO 8601 time with offset, such as '2026-11-14T09:12:00+01:00', "
    "marked 'approx. ' when approximate"
)
_A_REAL_TIME = "a real time of day on a real date"
_AN_OFFSET = "a time with its UTC offset"
_OFFSET_HINT = "add the offset it was read at, such as +01:00 or Z"
_AN_INSTANT = "a time whose UTC instant exists"


class Mismatch(Exception):  # noqa: N818 - an internal signal, not an error
    """A value is not what its place in the document expects.

    Args:
        expected: What belongs there, in words.
        hint: How to fix it, when there is an obvious fix.
    """

    def __init__(self, expected: str, hint: str = "") -> None:
        super().__init__(expected)
        self.expected = expected
        self.hint = hint


def check_str(value: object, _: object = None) -> str:
    """Return *value* if it is text that UTF-8 can carry."""
    if not isinstance(value, str):
        raise Mismatch(_A_STRING)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise Mismatch(_NO_SURROGATES, _SURROGATE_HINT) from None
    return value


def check_bool(value: object, _: object = None) -> bool:
    """Return *value* if it is ``true`` or ``false`` itself."""
    if value is True or value is False:
        return value
    raise Mismatch(_A_BOOL)


def check_int(value: object, _: object = None) -> int:
    """Return *value* if it is a whole number in the 64-bit range."""
    if type(value) is int and INT_MIN <= value <= INT_MAX:
        return value
    if type(value) is int:
        raise Mismatch(_AN_INT_IN_RANGE)
    raise Mismatch(_AN_INT)


def check_date(value: object, _: object = None) -> date:
    """Return the calendar date in *value*, written ``YYYY-MM-DD``.

    A TOML or YAML date arrives already parsed and is taken as it is; a
    datetime is not a date here.
    """
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise Mismatch(_A_REAL_DATE) from None
    if type(value) is date:
        return value
    raise Mismatch(_A_DATE)


def _naive_hint(text: str) -> str:
    # A time without an offset is the most common slip: say so plainly.
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return ""
    return _OFFSET_HINT if moment.utcoffset() is None else ""


def _instant_exists(moment: datetime) -> None:
    try:
        moment.astimezone(UTC)
    except OverflowError:
        raise Mismatch(_AN_INSTANT) from None


def _aware(moment: datetime) -> datetime:
    if moment.utcoffset() is None:
        raise Mismatch(_AN_OFFSET, _OFFSET_HINT)
    if moment.year in EDGE_YEARS:
        _instant_exists(moment)
    return moment


def check_timestamp(value: object, _: object = None) -> Timestamp:
    """Return the timestamp in *value*, ISO 8601 with its offset.

    A leading ``"approx. "`` marks an approximate time. A TOML or YAML
    datetime arrives already parsed and is taken as an exact time.
    """
    if isinstance(value, str):
        approximate = value.startswith(APPROX)
        text = value[len(APPROX) :] if approximate else value
        if TIMESTAMP_FORM.fullmatch(text) is None:
            raise Mismatch(_A_TIMESTAMP, _naive_hint(text))
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise Mismatch(_A_REAL_TIME) from None
        return Timestamp(_aware(moment), approximate=approximate)
    if isinstance(value, datetime):
        return Timestamp(_aware(value))
    raise Mismatch(_A_TIMESTAMP)


def enum_check(kind: type[E]) -> Callable[[object, object], E]:
    """Return the check of one enumeration's values, by value.

    Args:
        kind: The enumeration.
    """
    by_value: dict[str, E] = {member.value: member for member in kind}
    values = ", ".join(repr(member.value) for member in kind)
    expected = f"one of {values}"

    def check(value: object, _: object = None) -> E:
        if isinstance(value, str):
            member = by_value.get(value)
            if member is not None:
                return member
            close = difflib.get_close_matches(value, by_value, n=1)
            hint = f"did you mean {close[0]!r}?" if close else ""
            raise Mismatch(expected, hint)
        raise Mismatch(expected)

    return check


def write_timestamp(stamp: Timestamp) -> str:
    """Return the document text of a timestamp."""
    text = stamp.at.isoformat()
    return APPROX + text if stamp.approximate else text


def write_date(day: date) -> str:
    """Return the document text of a calendar date."""
    return day.isoformat()

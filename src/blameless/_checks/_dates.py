"""Reading a due date written as text, refusing anything but a calendar day.

The worksheet asks for "a concrete due date. Not 'soon' or 'next sprint'.
A date." Any spelling that names one day without doubt is accepted: ISO,
``21 Nov 2024``, ``November 21, 2024``, ``21.11.2024``, ``11/21/2024``,
and month names in a few languages besides English. ``03/04/2025`` could
be the 3rd of April or the 4th of March, so it is refused unless the team
says how it writes numeric dates.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import attrs
from dateutil import parser as dateutil_parser

__all__ = ["DueDate", "read_due"]

# Month names beyond English, so that "1er mars 2025" or "15. Januar 2025"
# read as the dates they are. Accents are kept and also dropped, since
# both spellings occur in typed text.
_MONTHS = (
    ("jan", "january", "janvier", "januar", "jänner", "enero", "gennaio",
     "janeiro", "januari", "ene", "gen", "janv"),
    ("feb", "february", "février", "fevrier", "februar", "febrero",
     "febbraio", "fevereiro", "februari", "fév", "fev", "févr", "fevr"),
    ("mar", "march", "mars", "märz", "maerz", "marzo", "março", "marco",
     "maart", "mär"),
    ("apr", "april", "avril", "abril", "aprile", "avr", "abr"),
    ("may", "mai", "mayo", "maggio", "maio", "mei", "mag"),
    ("jun", "june", "juin", "juni", "junio", "giugno", "junho", "giu"),
    ("jul", "july", "juillet", "juli", "julio", "luglio", "julho", "juil",
     "lug"),
    ("aug", "august", "août", "aout", "agosto", "augustus", "ago"),
    ("sep", "sept", "september", "septembre", "septiembre", "settembre",
     "setembro", "set"),
    ("oct", "october", "octobre", "oktober", "octubre", "ottobre",
     "outubro", "okt", "ott", "out"),
    ("nov", "november", "novembre", "noviembre", "novembro"),
    ("dec", "december", "décembre", "decembre", "dezember", "diciembre",
     "dicembre", "dezembro", "déc", "dez", "dic"),
)  # fmt: skip

_WEEKDAYS = (
    ("mon", "monday", "lundi", "montag", "lunes"),
    ("tue", "tues", "tuesday", "mardi", "dienstag", "martes"),
    ("wed", "wednesday", "mercredi", "mittwoch", "miércoles", "miercoles"),
    ("thu", "thur", "thurs", "thursday", "jeudi", "donnerstag", "jueves"),
    ("fri", "friday", "vendredi", "freitag", "viernes"),
    ("sat", "saturday", "samedi", "samstag", "sábado", "sabado"),
    ("sun", "sunday", "dimanche", "sonntag", "domingo"),
)


class _ParserInfo(dateutil_parser.parserinfo):
    # dateutil reads these class lists when an instance is made; the stubs
    # allow only two or three names per month and weekday.
    MONTHS = [  # noqa: RUF012
        tuple(names)  # type: ignore[misc]
        for names in _MONTHS
    ]
    WEEKDAYS = [  # noqa: RUF012
        tuple(names)  # type: ignore[misc]
        for names in _WEEKDAYS
    ]
    JUMP = [  # noqa: RUF012
        *dateutil_parser.parserinfo.JUMP,
        "de",
        "del",
        "le",
        "der",
        "den",
    ]


_INFO = _ParserInfo()

# Two defaults that differ in every part: a part that comes back
# different was not written, and dateutil filled it in.
_DEFAULTS = (datetime(2001, 2, 3), datetime(2004, 5, 6))  # noqa: DTZ001

# Spellings that are plainly not a day, with the reason in words.
_NOT_A_DAY = (
    (r"\b(?:q[1-4]|h[12]|quarter)\b", "a quarter is not a day"),
    (r"\bsprints?\b", "a sprint is not a calendar date"),
    (
        r"\b(?:end|start|beginning|middle|mid)\b|\beo[wmqy]\b",
        "the end or start of a period is not a date",
    ),
    (
        r"\b(?:next|this|last|coming|following|later|earlier|in|within)\b",
        "a relative time is not a date",
    ),
    (
        (
            r"\b(?:soon|asap|immediately|now|today|tomorrow|tonight|"
            r"yesterday|weeks?|days?|months?|years?)\b"
        ),
        "a relative time is not a date",
    ),
    (
        r"\b(?:tbd|tba|tbc|n/?a|none|ongoing|unknown|someday|never)\b",
        "it says no date is set",
    ),
    (r"\b(?:before|after|by|until|once)\b", "an event is not a date"),
)
_NOT_A_DAY_RE = tuple((re.compile(p), why) for p, why in _NOT_A_DAY)

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?")
_ORDINAL = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th|er|re|e|ème|eme|º|ª|\.)(?=\s|$|,)"
)
_NUMERIC = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")
_LONGEST = 64
_YEAR_DIGITS = 4
_LEAD = re.compile(r"(?:due|by|on|until|before)\s+(?:the\s+)?")


def _looks_dated(text: str) -> bool:
    return bool(re.search(r"\d", text))


@attrs.frozen
class DueDate:
    """A due date read from text: the day, or the reason there is none.

    Args:
        day: The calendar day, when the text names exactly one.
        reason: Why it is a date, or why it is not, in words.
    """

    day: date | None
    reason: str


def read_due(text: str, *, date_order: str | None = None) -> DueDate:
    """Read a due date written as text.

    Args:
        text: The due date as a person wrote it.
        date_order: ``"DMY"`` or ``"MDY"`` to read all-numeric dates such
            as ``03/04/2025`` that way; ``None`` to refuse them as
            ambiguous.

    Returns:
        The day and the reason, or no day and the reason it is not one.
    """
    written = " ".join(text.split())
    if not written:
        return DueDate(None, "there is no due date")
    if len(written) > _LONGEST:
        return DueDate(None, f"{written[:20]!r}... is too long for a date")
    if _ISO.fullmatch(written):
        return _iso(written)

    lowered = written.lower()
    lead = _LEAD.match(lowered)
    if lead and _looks_dated(lowered[lead.end() :]):
        # "by 21 Nov 2024" names the day as well as "21 Nov 2024" does.
        written = written[lead.end() :]
        lowered = lowered[lead.end() :]
        if _ISO.fullmatch(written):
            return _iso(written)
    for pattern, why in _NOT_A_DAY_RE:
        if pattern.search(lowered):
            return DueDate(None, f"{written!r} is not a date: {why}")
    return _free_form(written, date_order)


def _iso(written: str) -> DueDate:
    try:
        day = datetime.fromisoformat(written).date()
    except ValueError:
        return DueDate(None, f"{written!r} is not a valid calendar date")
    return DueDate(day, f"due on {day.isoformat()}")


def _free_form(written: str, date_order: str | None) -> DueDate:
    cleaned = _ORDINAL.sub(r"\1", written)
    readings = _readings(cleaned, date_order)
    if isinstance(readings, str):
        return DueDate(None, f"{written!r} is not a calendar date{readings}")

    days = {parsed.date() for parsed in readings}
    if len(days) > 1:
        shown = " or ".join(sorted(day.isoformat() for day in days))
        return DueDate(
            None,
            f"{written!r} is ambiguous: it could be {shown}; write it as "
            f"YYYY-MM-DD or spell the month",
        )
    day = days.pop()
    problem = _weekday_mismatch(cleaned, day)
    if problem:
        return DueDate(None, f"{written!r} does not add up: {problem}")
    return DueDate(day, f"due on {day.isoformat()}")


def _readings(text: str, date_order: str | None) -> list[datetime] | str:
    """Parse *text* every way it could be meant, or say what it lacks.

    Each default fills the parts the text leaves out differently, so a
    text that names no year, month or day gives two different readings.
    """
    readings: list[datetime] = []
    for dayfirst, yearfirst in _orders(text, date_order):
        try:
            one, other = [
                dateutil_parser.parse(
                    text,
                    parserinfo=_INFO,
                    default=default,
                    dayfirst=dayfirst,
                    yearfirst=yearfirst,
                )
                for default in _DEFAULTS
            ]
        except (ValueError, OverflowError):
            return ""

        missing = _missing(one, other)
        if missing:
            return f": it names no {missing}"
        readings.append(one)
    return readings


def _missing(one: datetime, other: datetime) -> str:
    parts = (
        ("day", one.day != other.day),
        ("month", one.month != other.month),
        ("year", one.year != other.year),
    )
    return " and no ".join(name for name, differs in parts if differs)


def _orders(text: str, date_order: str | None) -> list[tuple[bool, bool]]:
    numeric = _NUMERIC.search(text)
    if numeric is None and not _two_digit_year(text):
        return [(False, False)]
    if numeric is not None and re.match(r"\d{4}", numeric.group()):
        # A year written first is followed by the month everywhere.
        return [(False, True)]
    if date_order == "DMY":
        return [(True, False)]
    if date_order == "MDY":
        return [(False, False)]
    return [(False, False), (True, False), (False, True), (True, True)]


def _two_digit_year(text: str) -> bool:
    numbers = re.findall(r"\d+", text)
    return bool(numbers) and not any(len(n) == _YEAR_DIGITS for n in numbers)


def _weekday_mismatch(text: str, day: date) -> str:
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    for index, names in enumerate(_WEEKDAYS):
        if words & set(names) and index != day.weekday():
            actual = _WEEKDAYS[day.weekday()][1].capitalize()
            return f"{day.isoformat()} is a {actual}"
    return ""

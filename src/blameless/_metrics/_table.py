"""A post-mortem log read once into columns, to ask many trends of it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from blameless._errors import BlamelessError
from blameless._metrics._columns import (
    MISSING,
    SEVERITIES,
    Columns,
    read_columns,
    span_column,
)
from blameless._metrics._filters import LogFilter
from blameless._metrics._periods import zone
from blameless._metrics._presets import DURATIONS, DurationPreset
from blameless._metrics._rows import Row, to_pandas
from blameless._model._post_mortem import PostMortem

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["LogTable", "columns_of", "wrap"]

_COLUMNS = ("number", "start", "near_miss", "severity", *DURATIONS)


class LogTable:
    """A post-mortem log as columns of numbers, ready for many trends.

    Every trend function reads its log into columns first. A table is
    that reading, kept: build it once with :meth:`from_log`, then pass it
    to :func:`~blameless.trends`,
    :func:`~blameless.period_trends` and the other trend
    functions in place of the log, and each of them works on whole
    columns without reading a post-mortem again.

    Per post-mortem the table keeps the start of its incident, its
    durations (a near miss has none), its severity, impact categories,
    contributing factors and resilience answers, and per action item its
    status and dates: about 100 bytes a post-mortem, never the
    post-mortems themselves. A table does not change once built.
    """

    __slots__ = ("_columns", "_where")

    _columns: Columns
    _where: tuple[LogFilter, tzinfo] | None

    def __init__(self) -> None:
        """Refuse to build an empty table: use :meth:`from_log`."""
        msg = "build a LogTable with LogTable.from_log(log)"
        raise BlamelessError(msg)

    @classmethod
    def _wrap(
        cls, columns: Columns, where: tuple[LogFilter, tzinfo] | None = None
    ) -> LogTable:
        """Return a table around columns already read."""
        self = object.__new__(cls)
        self._columns = columns
        self._where = where
        return self

    @classmethod
    def from_log(
        cls,
        log: Iterable[PostMortem],
        *,
        where: LogFilter | None = None,
        tz: str | tzinfo = "UTC",
    ) -> LogTable:
        """Read a log into a table, in one pass.

        Args:
            log: Any iterable of post-mortems; a generator is fine.
            where: Which post-mortems to keep; all of them by default. A
                trend of the table counts only these, and a date range
                sets the first and last period of its report.
            tz: The time zone that gives the filter's dates their
                midnight.

        Raises:
            BlamelessError: If *tz* names no time zone.
        """
        where_zone = zone(tz)
        if where is None:
            return cls._wrap(read_columns(log))
        kept = where.apply(log, where_zone)
        return cls._wrap(read_columns(kept), (where, where_zone))

    def __len__(self) -> int:
        return len(self._columns)

    def __repr__(self) -> str:
        return (
            f"<LogTable of {len(self)} post-mortems and "
            f"{self.action_items} action items>"
        )

    @property
    def where(self) -> LogFilter | None:
        """The filter the table was built with, if any."""
        return None if self._where is None else self._where[0]

    def where_range(self) -> tuple[datetime | None, ...]:
        """Return the filter's date range as instants (``None`` if open).

        Dates are read in the zone the table was built with.
        """
        if self._where is None:
            return (None, None)
        where, where_zone = self._where
        return where.range(where_zone)

    @property
    def incidents(self) -> int:
        """How many post-mortems are about incidents that did harm."""
        return sum(self._columns.rows["harm"])

    @property
    def near_misses(self) -> int:
        """How many post-mortems are about near misses."""
        return len(self) - self.incidents

    @property
    def undated(self) -> int:
        """How many have neither a first occurrence nor a detection time.

        They are counted in the table's totals but belong to no period.
        """
        return len(self) - self._columns.dated

    @property
    def action_items(self) -> int:
        """How many action items the post-mortems hold together."""
        return len(self._columns.status)

    def rows(
        self, preset: DurationPreset = DurationPreset.WORKSHEET
    ) -> list[Row]:
        """Return one plain row per post-mortem, in the order they began.

        Undated post-mortems come last. Columns: ``number`` (``None`` for
        a draft without one), ``start`` (UTC, ``None`` when unknown),
        ``near_miss``, ``severity`` (the overall severity's value, or
        ``None``), then each duration of
        :data:`~blameless.metrics.DURATIONS` in seconds under *preset*
        (``None`` when not measured, and always for a near miss).

        Args:
            preset: How the durations are measured.
        """
        columns = self._columns
        spans = [
            columns.spans[span_column(preset, slot)]
            for slot in range(len(DURATIONS))
        ]
        number = columns.rows["number"]
        harm = columns.rows["harm"]
        severity = columns.rows["severity"]
        result = []
        for row in range(len(self)):
            overall = SEVERITIES[severity[row]]
            flat: Row = {
                "number": number[row] or None,
                "start": (
                    columns.start_of(row) if row < columns.dated else None
                ),
                "near_miss": not harm[row],
                "severity": None if overall is None else overall.value,
            }
            for name, values in zip(DURATIONS, spans, strict=True):
                value = values[row]
                flat[name] = None if value == MISSING else value
            result.append(flat)
        return result

    def to_pandas(
        self, preset: DurationPreset = DurationPreset.WORKSHEET
    ) -> pd.DataFrame:
        """Return :meth:`rows` as a pandas DataFrame.

        Args:
            preset: How the durations are measured.

        Raises:
            ModuleNotFoundError: If pandas is not installed.
        """
        return to_pandas(self.rows(preset), list(_COLUMNS))


def wrap(
    columns: Columns, where: tuple[LogFilter, tzinfo] | None = None
) -> LogTable:
    """Return a table around columns the trend functions read."""
    return LogTable._wrap(columns, where)  # noqa: SLF001 - own module


def columns_of(table: LogTable) -> Columns:
    """Return the columns behind a table, for the trend functions."""
    return table._columns  # noqa: SLF001 - the package's own reader

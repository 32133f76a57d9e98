"""Plain rows for notebooks and engines, and the optional pandas bridge."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Row", "seconds", "to_pandas"]

#: One plain row: stable column names to numbers, text or UTC datetimes.
Row = dict[str, Any]


def seconds(value: timedelta | None) -> float | None:
    """Return a duration in seconds, keeping ``None`` for a missing one."""
    return None if value is None else value.total_seconds()


def to_pandas(rows: list[Row], columns: Sequence[str]) -> pd.DataFrame:
    """Return rows as a pandas DataFrame with the given columns, in order.

    pandas is an optional extra, imported only here.

    Raises:
        ModuleNotFoundError: If pandas is not installed; the message names
            the extra that installs it.
    """
    try:
        import pandas as pd
    except ModuleNotFoundError as error:
        msg = (
            "to_pandas() needs pandas, which is not installed; install it "
            "with: pip install 'blameless[pandas]'"
        )
        raise ModuleNotFoundError(msg, name="pandas") from error
    return pd.DataFrame.from_records(rows, columns=list(columns))

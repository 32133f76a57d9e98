"""The exceptions of blameless: one base, a few precise kinds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["BlamelessError", "ConfigError", "InvariantError"]


class BlamelessError(ValueError):
    """Base of every error that blameless raises on purpose.

    It is a :class:`ValueError` too, so code that already handles bad values
    handles blameless' errors without knowing about them.
    """


class InvariantError(BlamelessError):
    """Impossible data was given to a model class.

    Only data that cannot describe any real incident is refused this way
    (a resolution before the detection, two action items with one id).
    Drafts with blank parts are valid; the worksheet's guidance belongs to
    the checks.

    Args:
        where: The class and field at fault, such as
            ``"IncidentReport.resolved"``.
        problem: What is wrong, in words, without the values.
        values: The values involved, by name; shown with ``repr``.
        hint: How to fix it, when there is an obvious fix.
    """

    where: str
    problem: str
    values: Mapping[str, Any]
    hint: str

    def __init__(
        self,
        where: str,
        problem: str,
        values: Mapping[str, Any] | None = None,
        hint: str = "",
    ) -> None:
        self.where = where
        self.problem = problem
        self.values = dict(values or {})
        self.hint = hint
        super().__init__(self._message())

    def _message(self) -> str:
        text = f"{self.where}: {self.problem}"
        if self.values:
            shown = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
            text += f" ({shown})"
        if self.hint:
            text += f"; {self.hint}"
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickling must rebuild from the parts, not from the message.
        return (
            type(self),
            (self.where, self.problem, self.values, self.hint),
        )


class ConfigError(BlamelessError):
    """A configuration of the checks is not valid.

    Args:
        key: The setting at fault, such as ``"min-why-depth"``.
        problem: What is wrong, and what is expected.
        value: The value found, shown with ``repr``.
    """

    key: str
    problem: str
    value: object

    def __init__(self, key: str, problem: str, value: object) -> None:
        self.key = key
        self.problem = problem
        self.value = value
        super().__init__(f"{key}: {problem}, found {value!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.key, self.problem, self.value))

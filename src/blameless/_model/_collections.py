"""Checks shared by the model's collection converters."""

from __future__ import annotations

from collections.abc import Iterable

from blameless._errors import InvariantError

__all__ = ["refuse_text"]


def refuse_text(where: str, value: Iterable[object]) -> None:
    """Refuse a string where a collection of items is expected.

    A string is iterable, so without this guard ``tags="db"`` would quietly
    become the tags ``{"d", "b"}``.
    """
    if isinstance(value, str | bytes):
        raise InvariantError(
            where,
            "expected a collection of items, not a single string",
            {"value": value},
            hint="wrap it in a tuple or set, for example (value,)",
        )

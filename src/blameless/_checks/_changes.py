"""Changing one field deep inside a post-mortem, named by its path.

The rules' examples are written as changes such as
``("$.incident.name", "")``; this applies them to the reference
post-mortem with :func:`attrs.evolve`, so the examples in the
documentation are the ones the tests run.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, TypeVar, cast

import attrs

__all__ = ["apply_changes", "show_value"]

_T = TypeVar("_T")
_Collection = frozenset[object] | set[object] | tuple[object, ...]
_STEP = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]")


def apply_changes(value: _T, changes: Iterable[tuple[str, object]]) -> _T:
    """Return *value* with each path set to its new value, in order.

    Args:
        value: A frozen attrs object, such as a post-mortem.
        changes: Pairs of a path (``$.actions[0].owner``) and a value.
    """
    changed: object = value
    for path, new in changes:
        changed = _set(changed, _steps(path), new)
    return cast("_T", changed)


def _steps(path: str) -> list[str | int]:
    if not path.startswith("$"):
        msg = f"a path starts with '$', found {path!r}"
        raise ValueError(msg)
    steps: list[str | int] = []
    position = 1
    for match in _STEP.finditer(path, 1):
        if match.start() != position:
            break
        name, index = match.groups()
        steps.append(name if name is not None else int(index))
        position = match.end()
    if position != len(path):
        msg = f"cannot read the path {path!r} from position {position}"
        raise ValueError(msg)
    return steps


def _set(value: object, steps: list[str | int], new: object) -> object:
    if not steps:
        return new
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        items = list(cast("tuple[object, ...]", value))
        items[step] = _set(items[step], rest, new)
        return tuple(items)
    inner = _set(getattr(value, step), rest, new)
    target: Any = value
    return attrs.evolve(target, **{step: inner})


def show_value(value: object) -> str:
    """Write a value the way the documentation shows it.

    Attrs objects show only the fields that differ from their defaults,
    dates and times as their constructors, enum members by name.

    Args:
        value: A value of an example's change.
    """
    if isinstance(value, frozenset | set | tuple):
        return _show_collection(value)
    if isinstance(value, date):
        return _show_date(value)
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if attrs.has(type(value)):
        return _show_attrs(cast("attrs.AttrsInstance", value))
    return repr(value)


def _show_collection(value: _Collection) -> str:
    if isinstance(value, tuple):
        inner = ", ".join(show_value(item) for item in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    inner = ", ".join(sorted(show_value(item) for item in value))
    return "{" + inner + "}" if inner else "set()"


def _show_date(value: date) -> str:
    if not isinstance(value, datetime):
        return f"date({value.year}, {value.month}, {value.day})"
    zone = "UTC" if value.utcoffset() == timedelta(0) else value.tzinfo
    return (
        f"datetime({value.year}, {value.month}, {value.day}, "
        f"{value.hour}, {value.minute}, tzinfo={zone})"
    )


def _show_attrs(value: attrs.AttrsInstance) -> str:
    parts = []
    for field in attrs.fields(type(value)):
        shown = getattr(value, field.name)
        if not _is_default(field, shown):
            parts.append(f"{field.name}={show_value(shown)}")
    return f"{type(value).__name__}({', '.join(parts)})"


def _is_default(field: attrs.Attribute[object], shown: object) -> bool:
    # A factory makes its default afresh; a field with one always shows.
    default = field.default
    factory = isinstance(default, attrs.Factory)  # type: ignore[arg-type]
    return not factory and shown == default

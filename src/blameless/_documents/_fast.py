"""The fast path of to_dict and from_dict: code written for each class.

cattrs' generated code calls a hook for every value and compares nested
defaults with ``==``. For the model's known shape, straight-line code
that checks scalars inline and compares defaults by identity is about
twice as fast. It is written from the attrs fields when first needed,
the way attrs and cattrs write theirs.

Reading here only decides *whether* a document is valid, raising any
exception at the first problem; the detailed walk then says what is
wrong. Both apply the same checks (those of ``_values``), and a test holds
them to the same verdict on every document.
"""

from __future__ import annotations

import enum
import functools
import types
from collections.abc import Callable
from datetime import date
from typing import Any, TypeGuard, Union, get_args, get_origin

import attrs

from blameless._documents._values import (
    INT_MAX,
    INT_MIN,
    check_date,
    check_timestamp,
    write_timestamp,
)
from blameless._model._time import Timestamp

__all__ = ["structure_function", "unstructure_function"]


class _Invalid(Exception):  # noqa: N818 - a signal to run the walk
    """The document is not valid; the walk will say why."""


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(
        attrs.resolve_types(cls)
    )
    return fields


def _is_enum(kind: object) -> TypeGuard[type[enum.Enum]]:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _is_part(kind: object) -> TypeGuard[type]:
    return isinstance(kind, type) and attrs.has(kind) and kind is not Timestamp


def _optional_inner(kind: object) -> object | None:
    if get_origin(kind) in (Union, types.UnionType):
        (inner,) = (arg for arg in get_args(kind) if arg is not type(None))
        found: object = inner
        return found
    return None


def _compile(name: str, lines: list[str], names: dict[str, Any]) -> Any:  # noqa: ANN401 - a function of generated source
    source = "\n".join(lines)
    namespace = dict(names)
    exec(compile(source, f"<blameless {name}>", "exec"), namespace)  # noqa: S102 - our own source
    return namespace[name]


# Writing ------------------------------------------------------------------


# How a scalar is written, by its type: *var* stands for the value.
_WRITE_SCALAR = {
    str: "{var}",
    int: "{var}",
    bool: "{var}",
    date: "{var}.isoformat()",
    Timestamp: "write_timestamp({var})",
}


def _write_expr(kind: object, names: dict[str, Any], var: str) -> str:
    """Return the expression that writes *var*, a value of *kind*."""
    inner = _optional_inner(kind)
    if inner is not None:
        written = _write_expr(inner, names, var)
        return f"(None if {var} is None else {written})"
    if kind in _WRITE_SCALAR:
        names["write_timestamp"] = write_timestamp
        return _WRITE_SCALAR[kind].format(var=var)
    if _is_enum(kind):
        return f"{var}.value"
    if _is_part(kind):
        key = f"write_{kind.__name__}"
        names[key] = unstructure_function(kind)
        return f"{key}({var})"
    return _write_collection(kind, names, var)


def _write_collection(kind: object, names: dict[str, Any], var: str) -> str:
    item = get_args(kind)[0]
    if get_origin(kind) is frozenset:
        if _is_enum(item):
            return f"sorted([x.value for x in {var}])"
        return f"sorted({var})"
    if get_origin(kind) is tuple:
        return f"[{_write_expr(item, names, 'x')} for x in {var}]"
    message = f"cannot write {kind!r}"
    raise TypeError(message)


def _write_field(
    field: attrs.Attribute[Any], names: dict[str, Any]
) -> list[str]:
    key = field.name
    lines = [f"    v = o.{key}"]
    value = _write_expr(field.type, names, "v")
    default = field.default
    if default is attrs.NOTHING:
        return [*lines, f"    d[{key!r}] = {value}"]
    if _is_part(field.type):
        # A part equal to its (blank) default writes as an empty object.
        return [*lines, f"    s = {value}", f"    if s: d[{key!r}] = s"]
    names[f"default_{key}"] = default
    if default is None or isinstance(default, bool | enum.Enum):
        test = f"v is not default_{key}"
    else:
        test = f"v != default_{key}"
    return [*lines, f"    if {test}: d[{key!r}] = {value}"]


@functools.cache
def unstructure_function(cls: type) -> Callable[[Any], dict[str, Any]]:
    """Return the function writing an instance of *cls* as a dict.

    Values equal to their default are left out.

    Args:
        cls: A class of the model.
    """
    name = f"write_{cls.__name__}"
    names: dict[str, Any] = {}
    lines = [f"def {name}(o):", "    d = {}"]
    for field in _fields(cls):
        lines.extend(_write_field(field, names))
    lines.append("    return d")
    function: Callable[[Any], dict[str, Any]] = _compile(name, lines, names)
    return function


# Reading ------------------------------------------------------------------


def _utf8(text: str) -> bool:
    text.encode("utf-8")
    return True


def _check_lines(kind: object, names: dict[str, Any], depth: int) -> list[str]:
    """Return the lines that check ``v``, a value of *kind*, in place."""
    pad = "    " * depth
    inner = _optional_inner(kind)
    if inner is not None:
        body = _check_lines(inner, names, depth + 1)
        return [f"{pad}if v is not None:", *body] if body else []
    if kind is str:
        names["_utf8"] = _utf8
        return [
            (
                f"{pad}if not isinstance(v, str) or not "
                f"(v.isascii() or _utf8(v)): raise Invalid"
            )
        ]
    if kind is int:
        return [
            (
                f"{pad}if type(v) is not int or not "
                f"{INT_MIN} <= v <= {INT_MAX}: raise Invalid"
            )
        ]
    if kind is bool:
        return [f"{pad}if v is not True and v is not False: raise Invalid"]
    return [f"{pad}v = {_read_expr(kind, names, 'v')}"]


def _read_expr(kind: object, names: dict[str, Any], var: str) -> str:
    """Return the expression that reads *var* into a value of *kind*."""
    if kind in _READ_SCALAR:
        key = _READ_SCALAR[kind].__name__
        names[key] = _READ_SCALAR[kind]
        return f"{key}({var})"
    if _is_enum(kind):
        key = f"by_value_{kind.__name__}"
        names[key] = {member.value: member for member in kind}
        return f"{key}[{var}]"
    if _is_part(kind):
        key = f"read_{kind.__name__}"
        names[key] = structure_function(kind)
        return f"{key}({var})"
    return _read_collection(kind, names, var)


def _read_str(value: object) -> str:
    if not isinstance(value, str) or not (value.isascii() or _utf8(value)):
        raise _Invalid
    return value


def _read_int(value: object) -> int:
    if type(value) is not int or not INT_MIN <= value <= INT_MAX:
        raise _Invalid
    return value


# How a scalar is read where it cannot be checked inline, in a list.
_READ_SCALAR: dict[object, Callable[[object], object]] = {
    str: _read_str,
    int: _read_int,
    date: check_date,
    Timestamp: check_timestamp,
}


def _read_items(items: object) -> list[Any] | tuple[Any, ...]:
    if not isinstance(items, list | tuple):
        raise _Invalid
    return items


def _read_set(items: list[Any]) -> frozenset[Any]:
    unique = frozenset(items)
    if len(unique) != len(items):
        raise _Invalid
    return unique


def _read_collection(kind: object, names: dict[str, Any], var: str) -> str:
    names["read_items"] = _read_items
    item = _read_expr(get_args(kind)[0], names, "x")
    listed = f"[{item} for x in read_items({var})]"
    if get_origin(kind) is frozenset:
        names["read_set"] = _read_set
        return f"read_set({listed})"
    if get_origin(kind) is tuple:
        return listed
    message = f"cannot read {kind!r}"
    raise TypeError(message)


def _read_field(
    field: attrs.Attribute[Any], names: dict[str, Any]
) -> list[str]:
    key = field.name
    checks = _check_lines(field.type, names, 2)
    if field.default is attrs.NOTHING:
        body = [f"    v = o[{key!r}]", *(c[4:] for c in checks)]
        return [*body, f"    k[{key!r}] = v"]
    return [
        f"    v = o.get({key!r}, MISSING)",
        "    if v is not MISSING:",
        *checks,
        f"        k[{key!r}] = v",
    ]


@functools.cache
def structure_function(
    cls: type, extra: frozenset[str] = frozenset()
) -> Callable[[Any], Any]:
    """Return the function reading a dict into an instance of *cls*.

    It raises an exception, of any type, at the first problem.

    Args:
        cls: A class of the model.
        extra: Keys allowed besides the fields, and ignored.
    """
    name = f"read_{cls.__name__}"
    fields = _fields(cls)
    names: dict[str, Any] = {
        "Invalid": _Invalid,
        "MISSING": attrs.NOTHING,
        "cls": cls,
        "known": frozenset(f.name for f in fields) | extra,
    }
    lines = [
        f"def {name}(o):",
        "    if not isinstance(o, dict) or not known.issuperset(o):",
        "        raise Invalid",
        "    k = {}",
    ]
    for field in fields:
        lines.extend(_read_field(field, names))
    lines.append("    return cls(**k)")
    function: Callable[[Any], Any] = _compile(name, lines, names)
    return function

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
from datetime import date, datetime
from typing import Any, TypeGuard, Union, get_args, get_origin

import attrs

from blameless._documents._values import (
    APPROX,
    EDGE_YEARS,
    INT_MAX,
    INT_MIN,
    TIMESTAMP_FORM,
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
#
# A class is built the way attrs' own __init__ builds it, minus the
# converters: the object is made with object.__new__, each slot is set
# through its descriptor, and __attrs_post_init__ runs the model's
# invariants. Skipping a converter is safe because every value is read
# into the very form the converter returns (a tuple, a frozenset, a
# Timestamp, a date, a datetime at a plain fixed offset); a test holds
# every class to that, and the building checks below refuse a class
# that a model change made unfit (a validator, a factory default).


_ABSENT = object()  # what .get returns for a key the document leaves out


def _utf8(text: str) -> bool:
    text.encode("utf-8")
    return True


def _slot_setter(cls: type, name: str) -> Callable[[object, object], None]:
    for klass in cls.__mro__:
        slot = klass.__dict__.get(name)
        if isinstance(slot, types.MemberDescriptorType):
            setter: Callable[[object, object], None] = slot.__set__
            return setter
    message = f"{cls.__name__}.{name} is not a slot; cannot build it"
    raise TypeError(message)


def _refuse_unfit(cls: type, fields: tuple[attrs.Attribute[Any], ...]) -> None:
    """Refuse a class whose __init__ does more than set and convert."""
    unfit = hasattr(cls, "__attrs_pre_init__") or any(
        field.validator is not None
        or not field.init
        or field.alias != field.name
        or isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
        for field in fields
    )
    if unfit:
        message = f"{cls.__name__} cannot be built without its __init__"
        raise TypeError(message)


def _read_str(value: object) -> str:
    if type(value) is not str or not (value.isascii() or _utf8(value)):
        raise _Invalid
    return value


def _read_int(value: object) -> int:
    if type(value) is not int or not INT_MIN <= value <= INT_MAX:
        raise _Invalid
    return value


@functools.cache
def _timestamp_reader() -> Callable[[object], Timestamp]:
    new = object.__new__
    set_at = _slot_setter(Timestamp, "at")
    set_approximate = _slot_setter(Timestamp, "approximate")
    fullmatch = TIMESTAMP_FORM.fullmatch
    fromisoformat = datetime.fromisoformat

    def read_timestamp(value: object) -> Timestamp:
        # The usual text is read here, in the steps of check_timestamp;
        # it takes everything else: a datetime that TOML or YAML parsed,
        # in any zone, goes through the model's constructor.
        if type(value) is str:
            approximate = value.startswith(APPROX)
            text = value[len(APPROX) :] if approximate else value
            if fullmatch(text) is not None:
                moment = fromisoformat(text)
                if moment.year not in EDGE_YEARS:
                    stamp: Timestamp = new(Timestamp)
                    set_at(stamp, moment)
                    set_approximate(stamp, approximate)
                    return stamp
        return check_timestamp(value)

    return read_timestamp


# Dates repeat across a log (a few thousand days in a decade), and each
# costs a pattern and a parse: each date read is kept, up to a bound.
_KEPT = 4096
_DATES: dict[str, date] = {}


def _read_date(value: object) -> date:
    # Any value may be looked up; only text is ever kept.
    day: date | None = _DATES.get(value)  # type: ignore[call-overload]
    if day is None:
        day = check_date(value)
        if type(value) is str and len(_DATES) < _KEPT:
            _DATES[value] = day
    return day


def _item_reader(kind: object) -> Callable[[Any], Any]:
    """Return the function reading one item of a list of *kind*."""
    if kind is str:
        return _read_str
    if kind is int:
        return _read_int
    if kind is date:
        return _read_date
    if kind is Timestamp:
        return _timestamp_reader()
    if _is_enum(kind):
        by_value = {member.value: member for member in kind}
        return by_value.__getitem__
    if _is_part(kind):
        return structure_function(kind)
    message = f"cannot read {kind!r}"
    raise TypeError(message)


def _check_lines(kind: object, names: dict[str, Any], pad: str) -> list[str]:
    """Return the lines that read ``v``, a value of *kind*, in place."""
    inner = _optional_inner(kind)
    if inner is not None:
        body = _check_lines(inner, names, pad + "    ")
        return [f"{pad}if v is not None:", *body]
    if kind is str:
        names["_utf8"] = _utf8
        return [
            f"{pad}if type(v) is not str or not (v.isascii() or _utf8(v)):",
            f"{pad}    raise Invalid",
        ]
    if kind is int:
        return [
            f"{pad}if type(v) is not int or not {INT_MIN} <= v <= {INT_MAX}:",
            f"{pad}    raise Invalid",
        ]
    if kind is bool:
        return [f"{pad}if v is not True and v is not False: raise Invalid"]
    origin = get_origin(kind)
    if origin is tuple or origin is frozenset:
        return _collection_lines(kind, names, pad)
    key = f"read_{len(names)}"
    names[key] = _item_reader(kind)
    return [f"{pad}v = {key}(v)"]


# Building a set of members hashes each member in Python, though a
# document's sets are few: a handful of boxes out of a dozen. So each set
# read is kept, under the values the document listed, up to a bound.
_MEMBER_SETS: dict[type, dict[tuple[object, ...], frozenset[Any]]] = {}


@functools.cache
def _member_set_reader(kind: type[enum.Enum]) -> Callable[[object], Any]:
    member = {member.value: member for member in kind}.__getitem__
    kept = _MEMBER_SETS.setdefault(kind, {})

    def read_members(items: object) -> frozenset[enum.Enum]:
        if type(items) is not list:
            raise _Invalid
        values = tuple(items)
        found = kept.get(values)
        if found is None:
            found = frozenset(map(member, items))
            if len(found) != len(items):
                raise _Invalid
            if len(kept) < _KEPT:
                kept[values] = found
        return found

    return read_members


def _collection_lines(
    kind: object, names: dict[str, Any], pad: str
) -> list[str]:
    key = f"read_{len(names)}"
    item = get_args(kind)[0]
    if get_origin(kind) is frozenset and _is_enum(item):
        names[key] = _member_set_reader(item)
        return [f"{pad}v = {key}(v)"]
    names[key] = _item_reader(item)
    lines = [f"{pad}if type(v) is not list: raise Invalid"]
    if get_origin(kind) is tuple:
        return [*lines, f"{pad}v = tuple(map({key}, v))"]
    # A set is read whole, then compared in size with the list: a value
    # given twice would silently vanish into it.
    return [
        *lines,
        f"{pad}s = frozenset(map({key}, v))",
        f"{pad}if len(s) != len(v): raise Invalid",
        f"{pad}v = s",
    ]


def _taken_as_is(field: attrs.Attribute[Any]) -> bool:
    """Whether the field's default passes its own check unchanged."""
    default = field.default
    if default is None:
        return _optional_inner(field.type) is not None
    return type(default) is field.type and field.type in (str, int, bool)


def _read_field(
    field: attrs.Attribute[Any], names: dict[str, Any]
) -> list[str]:
    key = field.name
    setter = f"set_{key}"
    names[setter] = _slot_setter(names["cls"], key)
    last = f"    {setter}(r, v)"
    if field.default is attrs.NOTHING:
        checks = _check_lines(field.type, names, "    ")
        return [f"    v = o[{key!r}]", *checks, last]
    default = f"default_{key}"
    names[default] = field.default
    if _taken_as_is(field):
        checks = _check_lines(field.type, names, "    ")
        return [f"    v = o.get({key!r}, {default})", *checks, last]
    checks = _check_lines(field.type, names, "        ")
    return [
        f"    v = o.get({key!r}, ABSENT)",
        "    if v is ABSENT:",
        f"        v = {default}",
        "    else:",
        *checks,
        last,
    ]


@functools.cache
def structure_function(
    cls: type, extra: frozenset[str] = frozenset()
) -> Callable[[Any], Any]:
    """Return the function reading a dict into an instance of *cls*.

    It raises an exception, of any type, at the first problem. A value
    of an unusual type that the walk accepts, such as a tuple for a list
    or a subclass of str, is refused here too: the walk then reads it.

    Args:
        cls: A class of the model.
        extra: Keys allowed besides the fields, and ignored.
    """
    name = f"read_{cls.__name__}"
    fields = _fields(cls)
    _refuse_unfit(cls, fields)
    names: dict[str, Any] = {
        "Invalid": _Invalid,
        "ABSENT": _ABSENT,
        "cls": cls,
        "new": object.__new__,
        "known": frozenset(f.name for f in fields) | extra,
    }
    lines = [
        f"def {name}(o):",
        "    if type(o) is not dict or not known.issuperset(o):",
        "        raise Invalid",
        "    r = new(cls)",
    ]
    for field in fields:
        lines.extend(_read_field(field, names))
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:
        names["post_init"] = post_init
        lines.append("    post_init(r)")
    lines.append("    return r")
    function: Callable[[Any], Any] = _compile(name, lines, names)
    return function

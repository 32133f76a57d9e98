"""The fast path of to_dict and from_dict: code written for each class.

cattrs' generated code calls a hook for every value and compares nested
defaults with ``==``. For the model's known shape, straight-line code
that checks scalars inline and compares defaults by identity is about
twice as fast. It is written from the attrs fields, the way attrs and
cattrs write theirs; the document converter writes the post-mortem's
reader and writer when blameless is imported.

Reading here only decides *whether* a document is valid, raising any
exception at the first problem; the detailed walk then says what is
wrong. Both apply the same checks (those of ``_values``, some written
inline here, step for step), and a test holds them to the same verdict
on every document. A whole post-mortem is read by one function, every
nested class written inline, since a call per part costs more than the
part's own checks.
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


def _compile(
    name: str, lines: list[str], names: dict[str, Any]
) -> Callable[..., Any]:
    """Compile generated *lines* and return the function called *name*."""
    code = compile("\n".join(lines), f"<blameless {name}>", "exec")
    namespace = dict(names)
    exec(code, namespace)  # noqa: S102 - source written by this module
    function: Callable[..., Any] = namespace[name]
    return function


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
# converters: its fields are set and __attrs_post_init__ runs the
# model's invariants. Skipping a converter is safe because every value is
# read into the very form the converter returns (a tuple, a frozenset, a
# Timestamp, a date, a datetime at a plain fixed offset); a test holds
# every class to that, and the building checks below refuse a class
# that a model change made unfit (a validator, a factory default).
#
# The fields are set on an instance of a "twin": a subclass that adds
# nothing but plain assignment, which Python compiles to a direct store
# into the slot, several times quicker than calling each slot's setter
# (the frozen class refuses assignment). Once every field is set, the
# instance takes its real class, whose layout it already has: from then
# on it is an instance of the model's class like any other.


_ABSENT = object()  # what .get returns for a key the document leaves out


def _utf8(text: str) -> bool:
    text.encode("utf-8")
    return True


@functools.cache
def _twin(cls: type) -> type:
    """Return the subclass of *cls* whose instances take assignments."""
    # Both names, since they share one slot of the type: with the frozen
    # __delattr__ left in place, assignment would still go through Python.
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
    }
    twin = type(f"_{cls.__name__}Twin", (cls,), namespace)
    # Tried once here, so that a class whose layout forbids the switch
    # fails as the reader is written, not as a document is read.
    trial: Any = object.__new__(twin)
    trial.__class__ = cls
    return twin


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


def _timestamp_lines(src: _Source, depth: int, pad: str) -> None:
    """Write the lines that read ``v<depth>`` into a :class:`Timestamp`.

    The usual text is read inline, in the steps of check_timestamp; it
    takes everything else: a datetime that TOML or YAML parsed, in any
    zone, goes through the model's constructor.
    """
    v, a, t, m = (f"{name}{depth}" for name in "vatm")
    fullmatch = src.name("fullmatch", TIMESTAMP_FORM.fullmatch)
    fromisoformat = src.name("fromisoformat", datetime.fromisoformat)
    edge_years = src.name("EDGE_YEARS", EDGE_YEARS)
    check = src.name("check_timestamp", check_timestamp)
    src.add(
        pad,
        f"{m} = None",
        f"if type({v}) is str:",
        f"    {a} = {v}.startswith({APPROX!r})",
        f"    {t} = {v}[{len(APPROX)}:] if {a} else {v}",
        f"    {m} = {fullmatch}({t}) and {fromisoformat}({t})",
        f"if {m} is not None and {m}.year not in {edge_years}:",
        f"    {v} = new({src.name('Twin', _twin(Timestamp))})",
        f"    {v}.at = {m}",
        f"    {v}.approximate = {a}",
        f"    {v}.__class__ = {src.name('Timestamp', Timestamp)}",
        "else:",
        f"    {v} = {check}({v})",
    )


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
    if kind is date:
        return _read_date
    if _is_enum(kind):
        by_value = {member.value: member for member in kind}
        return by_value.__getitem__
    if _is_part(kind):
        return structure_function(kind)
    message = f"cannot read {kind!r}"
    raise TypeError(message)


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


class _Source:
    """The source of one reader as it is written: its lines and names."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {
            "Invalid": _Invalid,
            "ABSENT": _ABSENT,
            "new": object.__new__,
            "isascii": str.isascii,
            "_utf8": _utf8,
        }

    def name(self, prefix: str, value: object) -> str:
        """Return a new name for *value* in the reader's namespace."""
        key = f"{prefix}_{len(self.names)}"
        self.names[key] = value
        return key

    def add(self, pad: str, *lines: str) -> None:
        """Add lines, indented by *pad*."""
        self.lines.extend(pad + line for line in lines)


# The reader of a class is one function with every nested class written
# inline, at its depth: the dict ``o<depth>`` becomes the object
# ``r<depth>``, and each field's value goes through ``v<depth>``.


def _object_lines(
    src: _Source, cls: type, depth: int, pad: str, extra: frozenset[str]
) -> None:
    """Write the lines that read the dict ``o<depth>`` into ``r<depth>``."""
    fields = _fields(cls)
    _refuse_unfit(cls, fields)
    made = src.name(cls.__name__, cls)
    o, r, absent = f"o{depth}", f"r{depth}", f"absent{depth}"
    src.add(
        pad,
        f"if type({o}) is not dict: raise Invalid",
        f"{r} = new({src.name('Twin', _twin(cls))})",
        f"{absent} = 0",
    )
    for field in fields:
        _field_lines(src, field, depth, pad)
    if extra:
        known = src.name("known", frozenset(f.name for f in fields) | extra)
        src.add(pad, f"if not {known}.issuperset({o}): raise Invalid")
    else:
        # Every field present was found by its key, so a dict holding
        # more keys than that holds one that is not a field. (A set test
        # of the keys costs more: it copies them into a new set first.)
        src.add(
            pad,
            f"if len({o}) + {absent} != {len(fields)}: raise Invalid",
        )
    src.add(pad, f"{r}.__class__ = {made}")
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:
        src.add(pad, f"{src.name('post_init', post_init)}({r})")


def _field_lines(
    src: _Source, field: attrs.Attribute[Any], depth: int, pad: str
) -> None:
    o, v, key = f"o{depth}", f"v{depth}", field.name
    if field.default is attrs.NOTHING:
        src.add(pad, f"{v} = {o}[{key!r}]")
        _value_lines(src, field.type, depth, pad)
    else:
        default = src.name(f"default_{key}", field.default)
        src.add(
            pad,
            f"{v} = {o}.get({key!r}, ABSENT)",
            f"if {v} is ABSENT:",
            f"    {v} = {default}",
            f"    absent{depth} += 1",
            "else:",
        )
        _value_lines(src, field.type, depth, pad + "    ")
    src.add(pad, f"r{depth}.{key} = {v}")


def _value_lines(src: _Source, kind: object, depth: int, pad: str) -> None:
    """Write the lines that read ``v<depth>``, a value of *kind*, in place."""
    v = f"v{depth}"
    inner = _optional_inner(kind)
    if inner is not None:
        src.add(pad, f"if {v} is not None:")
        _value_lines(src, inner, depth, pad + "    ")
    elif kind in _SCALAR_CHECKS:
        src.add(pad, *_SCALAR_CHECKS[kind].format(v=v).splitlines())
    elif _is_enum(kind):
        members = {member.value: member for member in kind}
        src.add(pad, f"{v} = {src.name('members', members)}[{v}]")
    elif _is_part(kind):
        src.add(pad, f"o{depth + 1} = {v}")
        _object_lines(src, kind, depth + 1, pad, frozenset())
        src.add(pad, f"{v} = r{depth + 1}")
    elif get_origin(kind) in (tuple, frozenset):
        _collection_lines(src, kind, depth, pad)
    elif kind is Timestamp:
        _timestamp_lines(src, depth, pad)
    elif kind is date:
        # A date kept from before is taken at once (dates are all true).
        kept = src.name("kept_dates", _DATES)
        src.add(
            pad,
            f"{v} = {kept}.get({v}) or {src.name('read', _read_date)}({v})",
        )
    else:
        src.add(pad, f"{v} = {src.name('read', _item_reader(kind))}({v})")


# The checks of scalars, written inline; *v* stands for the value.
_SCALAR_CHECKS = {
    # str.isascii refuses anything but text, with a TypeError.
    str: "if not (isascii({v}) or _utf8({v})): raise Invalid",
    int: (
        f"if type({{v}}) is not int or not {INT_MIN} <= {{v}} <= {INT_MAX}:\n"
        "    raise Invalid"
    ),
    bool: "if {v} is not True and {v} is not False: raise Invalid",
}


def _collection_lines(
    src: _Source, kind: object, depth: int, pad: str
) -> None:
    v, item = f"v{depth}", get_args(kind)[0]
    if get_origin(kind) is frozenset and _is_enum(item):
        # A set kept from before is taken at once; anything else, and the
        # empty set (which is false), goes through the reader.
        kept = src.name("kept_sets", _MEMBER_SETS.setdefault(item, {}))
        read = src.name("read", _member_set_reader(item))
        src.add(
            pad,
            f"{v} = (type({v}) is list and {kept}.get(tuple({v})))"
            f" or {read}({v})",
        )
        return
    src.add(pad, f"if type({v}) is not list: raise Invalid")
    if get_origin(kind) is tuple and _is_part(item):
        _part_list_lines(src, item, depth, pad)
        return
    if item in _SCALAR_CHECKS:
        # Scalars are checked where they are and kept as they are.
        check = _SCALAR_CHECKS[item].format(v=f"x{depth}").splitlines()
        src.add(pad, f"for x{depth} in {v}:")
        src.add(pad + "    ", *check)
        items = v
    else:
        items = f"map({src.name('read', _item_reader(item))}, {v})"
    if get_origin(kind) is tuple:
        src.add(pad, f"{v} = tuple({items})")
        return
    # A set is read whole, then compared in size with the list: a value
    # given twice would silently vanish into it.
    src.add(
        pad,
        f"s{depth} = frozenset({items})",
        f"if len(s{depth}) != len({v}): raise Invalid",
        f"{v} = s{depth}",
    )


def _part_list_lines(src: _Source, item: type, depth: int, pad: str) -> None:
    v, built, inner = f"v{depth}", f"l{depth}", depth + 1
    src.add(pad, f"{built} = []", f"for o{inner} in {v}:")
    _object_lines(src, item, inner, pad + "    ", frozenset())
    src.add(pad, f"    {built}.append(r{inner})", f"{v} = tuple({built})")


@functools.cache
def structure_function(
    cls: type, extra: frozenset[str] = frozenset()
) -> Callable[[Any], Any]:
    """Return the function reading a dict into an instance of *cls*.

    It raises an exception, of any type, at the first problem. A value
    of an unusual type that the walk accepts, such as a tuple for a list
    or a subclass of dict, is refused here too: the walk then reads it.

    Args:
        cls: A class of the model.
        extra: Keys allowed besides the fields, and ignored.
    """
    name = f"read_{cls.__name__}"
    src = _Source()
    src.add("", f"def {name}(o0):")
    _object_lines(src, cls, 0, "    ", extra)
    src.add("    ", "return r0")
    function: Callable[[Any], Any] = _compile(name, src.lines, src.names)
    return function

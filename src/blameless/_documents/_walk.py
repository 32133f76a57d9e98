"""The detailed walk: every problem of a document that failed to load.

Loading tries the fast converter first. Only when it fails does this walk
go through the whole document again, field by field, with the same
checks, and note every problem with its path instead of stopping at the
first. It is also the final judge: if it finds nothing wrong, its result
is the post-mortem.
"""

from __future__ import annotations

import difflib
import enum
import functools
import re
import types
from collections.abc import Callable
from datetime import date
from typing import Union, get_args, get_origin

import attrs

from blameless._documents._problems import Problem, problem, shown
from blameless._documents._values import (
    A_LIST,
    AN_OBJECT,
    EACH_ONCE,
    Mismatch,
    check_bool,
    check_date,
    check_int,
    check_str,
    check_timestamp,
    enum_check,
)
from blameless._errors import InvariantError
from blameless._model._post_mortem import PostMortem
from blameless._model._time import Timestamp

__all__ = ["SCHEMA_VERSION", "check_version", "walk"]

#: The version of the document format that this library writes and reads.
SCHEMA_VERSION = "blameless/1"

_VERSION = re.compile(r"blameless/([1-9][0-9]{0,8})", re.ASCII)
_KNOWN_VERSION = 1

_BAD = object()  # what a walk returns for a value it could not use

_Walk = Callable[["_Walker", object, str], object]

_SCALARS: dict[object, Callable[[object, object], object]] = {
    str: check_str,
    bool: check_bool,
    int: check_int,
    Timestamp: check_timestamp,
    date: check_date,
}


def check_version(value: object) -> tuple[Problem | None, bool]:
    """Return the problem with a document's ``schema`` key, if any.

    Args:
        value: The value of the key, or ``attrs.NOTHING`` when missing.

    Returns:
        The problem, or ``None``; and whether the version is newer than
        this library reads, in which case nothing else is worth checking.
    """
    if value == SCHEMA_VERSION:
        return None, False
    if value is attrs.NOTHING:
        missing = Problem(
            "$.schema",
            repr(SCHEMA_VERSION),
            "",
            f"missing key 'schema'; a document starts with "
            f'"schema": "{SCHEMA_VERSION}"',
        )
        return missing, False
    match = _VERSION.fullmatch(value) if isinstance(value, str) else None
    if match and int(match[1]) > _KNOWN_VERSION:
        newer = problem(
            "$.schema",
            repr(SCHEMA_VERSION),
            value,
            f"this document is of a newer format than this version of "
            f"blameless reads ({SCHEMA_VERSION}); upgrade blameless",
        )
        return newer, True
    return problem("$.schema", repr(SCHEMA_VERSION), value), False


def _child(path: str, key: object) -> str:
    if isinstance(key, str) and key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{shown(key)}]"


class _Walker:
    """Collects the problems of one document as the walk goes."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def mismatch(self, path: str, error: Mismatch, value: object) -> object:
        """Record a value that failed its check; return the bad mark."""
        self.problems.append(problem(path, error.expected, value, error.hint))
        return _BAD

    def expect(self, path: str, expected: str, value: object) -> object:
        """Record a value of the wrong shape; return the bad mark."""
        self.problems.append(problem(path, expected, value))
        return _BAD

    def unknown(self, path: str, key: object, known: tuple[str, ...]) -> None:
        """Record an unknown key, suggesting the nearest known one."""
        close = []
        if isinstance(key, str):
            close = difflib.get_close_matches(key, known, n=1)
        if close:
            hint = f"did you mean {close[0]!r}?"
        else:
            hint = "the keys here are " + ", ".join(known)
        found = shown(key)
        self.problems.append(
            Problem(
                _child(path, key),
                "a known key",
                found,
                f"unknown key {found}; {hint}",
            )
        )

    def missing(self, path: str, key: str) -> None:
        """Record a required key that is absent."""
        self.problems.append(
            Problem(
                _child(path, key),
                "a value",
                "",
                f"missing key {key!r}, which is required",
            )
        )

    def invariant(self, path: str, owner: type, error: InvariantError) -> None:
        """Record a model invariant refused at *path*."""
        cls_name, _, rest = error.where.partition(".")
        if cls_name == owner.__name__ and rest:
            separator = "" if rest.startswith("[") else "."
            path = f"{path}{separator}{rest}"
        found = ", ".join(f"{k}={shown(v)}" for k, v in error.values.items())
        message = error.problem
        if found:
            message += f" ({found})"
        if error.hint:
            message += f"; {error.hint}"
        self.problems.append(Problem(path, error.problem, found, message))


@functools.cache
def _walk_of(kind: object) -> _Walk:
    """Return the walk of one type of the model."""
    if kind in _SCALARS:
        return _scalar_walk(_SCALARS[kind])
    if isinstance(kind, type) and attrs.has(kind):
        return _class_walk(kind)
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        return _optional_walk(kind)
    if origin is frozenset:
        return _set_walk(_walk_of(get_args(kind)[0]))
    if origin is tuple:
        return _list_walk(_walk_of(get_args(kind)[0]))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _scalar_walk(enum_check(kind))
    message = f"no walk of {kind!r}"
    raise TypeError(message)


def _scalar_walk(check: Callable[[object, object], object]) -> _Walk:
    def walk_scalar(walker: _Walker, value: object, path: str) -> object:
        try:
            return check(value, None)
        except Mismatch as error:
            return walker.mismatch(path, error, value)

    return walk_scalar


def _optional_walk(kind: object) -> _Walk:
    (inner,) = (arg for arg in get_args(kind) if arg is not type(None))
    walk_inner = _walk_of(inner)

    def walk_optional(walker: _Walker, value: object, path: str) -> object:
        if value is None:
            return None
        return walk_inner(walker, value, path)

    return walk_optional


def _list_walk(walk_item: _Walk) -> _Walk:
    def walk_list(walker: _Walker, value: object, path: str) -> object:
        if not isinstance(value, list | tuple):
            return walker.expect(path, A_LIST, value)
        items = [
            walk_item(walker, item, f"{path}[{index}]")
            for index, item in enumerate(value)
        ]
        if any(item is _BAD for item in items):
            return _BAD
        return tuple(items)

    return walk_list


def _set_walk(walk_item: _Walk) -> _Walk:
    walk_items = _list_walk(walk_item)

    def walk_set(walker: _Walker, value: object, path: str) -> object:
        items = walk_items(walker, value, path)
        if not isinstance(items, tuple):
            return _BAD
        seen: set[object] = set()
        for index, item in enumerate(items):
            if item in seen:
                walker.problems.append(
                    problem(
                        f"{path}[{index}]",
                        EACH_ONCE,
                        value[index],  # type: ignore[index]
                        "remove the repeated value",
                    )
                )
            seen.add(item)
        return frozenset(items)

    return walk_set


def _class_walk(cls: type) -> _Walk:
    fields = attrs.fields(attrs.resolve_types(cls))
    known = tuple(field.name for field in fields)
    required = {
        field.name for field in fields if field.default is attrs.NOTHING
    }
    walks = [(field.name, _walk_of(field.type)) for field in fields]

    def walk_class(walker: _Walker, value: object, path: str) -> object:
        if not isinstance(value, dict):
            return walker.expect(path, AN_OBJECT, value)
        before = len(walker.problems)
        for key in value:
            if key not in known or not isinstance(key, str):
                walker.unknown(path, key, known)
        given: dict[str, object] = {}
        for name, walk_field in walks:
            if name in value:
                given[name] = walk_field(walker, value[name], f"{path}.{name}")
            elif name in required:
                walker.missing(path, name)
        if len(walker.problems) > before:
            return _BAD
        return _build(walker, cls, given, path)

    return walk_class


def _build(
    walker: _Walker, cls: type, given: dict[str, object], path: str
) -> object:
    try:
        return cls(**given)
    except InvariantError as error:
        walker.invariant(path, cls, error)
    except (ValueError, TypeError, OverflowError) as error:
        walker.expect(path, f"a valid {cls.__name__}: {error}", given)
    return _BAD


def walk(document: object) -> tuple[PostMortem | None, list[Problem]]:
    """Walk a whole document, noting every problem with its path.

    Args:
        document: The parsed document: a mapping with a ``schema`` key.

    Returns:
        The post-mortem, or ``None`` when the document has problems; and
        the problems, in document order.
    """
    walker = _Walker()
    if not isinstance(document, dict):
        walker.expect(
            "$", "a post-mortem document: an object at the top", document
        )
        return None, walker.problems
    version, newer = check_version(document.get("schema", attrs.NOTHING))
    if version is not None:
        walker.problems.append(version)
    if newer:
        return None, walker.problems
    body = {key: value for key, value in document.items() if key != "schema"}
    result = _walk_of(PostMortem)(walker, body, "$")
    if walker.problems or not isinstance(result, PostMortem):
        return None, walker.problems
    return result, walker.problems

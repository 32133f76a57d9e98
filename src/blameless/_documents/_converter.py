"""The cattrs converter of post-mortem documents, and plain dicts.

The converter is strict where cattrs is lenient: every scalar goes through
a check of :mod:`blameless._documents._values`. It is public, for apps to
extend. The module's own :func:`to_dict` and :func:`from_dict` take a
faster path written for the model (``_fast``) that writes and accepts
exactly the same documents; a failed document is walked again in detail
(``_walk``) to say everything that is wrong with it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from blameless._documents._fast import (
    structure_function,
    unstructure_function,
)
from blameless._documents._problems import DocumentError, problem
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
    write_date,
    write_timestamp,
)
from blameless._documents._walk import SCHEMA_VERSION, check_version, walk
from blameless._model._actions import ActionItem
from blameless._model._analysis import (
    CausalAnalysis,
    ContributingFactors,
    FactorChecklist,
    FiveWhys,
    Lessons,
    Resilience,
    Why,
)
from blameless._model._follow_up import ActionReview, FollowUp
from blameless._model._incident import Impact, IncidentReport, TimelineEvent
from blameless._model._post_mortem import LogEntry, PostMortem
from blameless._model._readiness import Participant, Readiness
from blameless._model._time import Timestamp

__all__ = [
    "SCHEMA_VERSION",
    "configure_converter",
    "from_dict",
    "make_converter",
    "read_quickly",
    "to_dict",
]

# Every class of a post-mortem document, innermost first.
_PARTS: tuple[type, ...] = (
    Impact,
    TimelineEvent,
    IncidentReport,
    Why,
    FiveWhys,
    FactorChecklist,
    ContributingFactors,
    Resilience,
    Lessons,
    CausalAnalysis,
    Participant,
    Readiness,
    ActionItem,
    ActionReview,
    FollowUp,
    LogEntry,
)


def _is_enum(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _is_frozenset(kind: object) -> bool:
    return get_origin(kind) is frozenset


def _is_tuple(kind: object) -> bool:
    return get_origin(kind) is tuple


def _is_optional(kind: object) -> bool:
    args = get_args(kind)
    return len(args) == 2 and type(None) in args  # noqa: PLR2004 - X | None


def _optional_hook(
    conv: cattrs.Converter, kind: object
) -> Callable[[object, object], object]:
    # cattrs' own hook looks the inner hook up again on every call.
    (inner,) = (arg for arg in get_args(kind) if arg is not type(None))
    structure_inner = conv.get_structure_hook(inner)

    def structure_optional(value: object, _: object) -> object:
        if value is None:
            return None
        return structure_inner(value, inner)

    return structure_optional


def _list_hook(
    conv: cattrs.Converter, kind: object
) -> Callable[[object, object], tuple[object, ...]]:
    item_type = get_args(kind)[0]
    structure_item = conv.get_structure_hook(item_type)

    def structure_list(value: object, _: object) -> tuple[object, ...]:
        if not isinstance(value, list | tuple):
            raise Mismatch(A_LIST)
        return tuple([structure_item(item, item_type) for item in value])

    return structure_list


def _set_hook(
    conv: cattrs.Converter, kind: object
) -> Callable[[object, object], frozenset[object]]:
    structure_items = _list_hook(conv, kind)

    def structure_set(value: object, _: object) -> frozenset[object]:
        listed = structure_items(value, kind)
        items = frozenset(listed)
        if len(items) != len(listed):
            raise Mismatch(EACH_ONCE)
        return items

    return structure_set


def _sorted_hook(kind: object) -> Callable[[frozenset[Any]], list[Any]]:
    if _is_enum(get_args(kind)[0]):
        return lambda items: sorted([item.value for item in items])
    return sorted


def _tuple_unstructure_hook(
    conv: cattrs.Converter, kind: object
) -> Callable[[tuple[object, ...]], list[object]]:
    unstructure_item = conv.get_unstructure_hook(get_args(kind)[0])
    return lambda items: [unstructure_item(item) for item in items]


def _configure_values(conv: cattrs.Converter) -> None:
    conv.register_structure_hook(str, check_str)
    conv.register_structure_hook(bool, check_bool)
    conv.register_structure_hook(int, check_int)
    conv.register_structure_hook(date, check_date)
    conv.register_structure_hook(Timestamp, check_timestamp)
    conv.register_structure_hook_factory(_is_enum, enum_check)
    conv.register_structure_hook_factory(
        _is_frozenset, lambda kind: _set_hook(conv, kind)
    )
    conv.register_structure_hook_factory(
        _is_tuple, lambda kind: _list_hook(conv, kind)
    )
    conv.register_structure_hook_factory(
        _is_optional, lambda kind: _optional_hook(conv, kind)
    )
    conv.register_unstructure_hook(date, write_date)
    conv.register_unstructure_hook(Timestamp, write_timestamp)
    conv.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    conv.register_unstructure_hook_factory(_is_frozenset, _sorted_hook)
    conv.register_unstructure_hook_factory(
        _is_tuple, lambda kind: _tuple_unstructure_hook(conv, kind)
    )


def _is_part(kind: object) -> bool:
    return kind in _PARTS


def _configure_parts(conv: cattrs.Converter) -> None:
    # Factories, not hooks: cattrs builds each class's code when it is
    # first needed, so hooks an app registers later for a value (an enum,
    # a date) are used by the classes that hold it.
    conv.register_structure_hook_factory(
        _is_part,
        lambda part: make_dict_structure_fn(
            part,
            conv,
            _cattrs_forbid_extra_keys=True,
            _cattrs_prefer_attrib_converters=False,
        ),
    )
    conv.register_unstructure_hook_factory(
        _is_part,
        lambda part: make_dict_unstructure_fn(
            part, conv, _cattrs_omit_if_default=True
        ),
    )
    conv.register_structure_hook_factory(
        lambda kind: kind is PostMortem,
        lambda _: _document_structure(conv),
    )
    conv.register_unstructure_hook_factory(
        lambda kind: kind is PostMortem,
        lambda _: _document_unstructure(conv),
    )


def _document_structure(
    conv: cattrs.Converter,
) -> Callable[[object, object], PostMortem]:
    structure_body = make_dict_structure_fn(
        PostMortem,
        conv,
        _cattrs_forbid_extra_keys=True,
        _cattrs_prefer_attrib_converters=False,
    )

    def structure_document(value: object, _: object) -> PostMortem:
        # The version is checked before anything else, so that a newer
        # document is refused for what it is.
        if not isinstance(value, dict):
            raise Mismatch(AN_OBJECT)
        if check_version(value.get("schema", attrs.NOTHING))[0]:
            raise Mismatch(repr(SCHEMA_VERSION))
        body = dict(value)
        del body["schema"]
        return structure_body(body, PostMortem)

    return structure_document


def _document_unstructure(
    conv: cattrs.Converter,
) -> Callable[[PostMortem], dict[str, Any]]:
    unstructure_body = make_dict_unstructure_fn(
        PostMortem, conv, _cattrs_omit_if_default=True
    )

    def unstructure_document(post_mortem: PostMortem) -> dict[str, Any]:
        document: dict[str, Any] = {"schema": SCHEMA_VERSION}
        document.update(unstructure_body(post_mortem))
        return document

    return unstructure_document


def configure_converter(conv: cattrs.Converter) -> None:
    """Configure a cattrs converter for post-mortem documents.

    After this, ``conv.unstructure(post_mortem)`` gives the document of
    :func:`to_dict` and ``conv.structure(document, PostMortem)`` reads
    one back, as strictly as :func:`from_dict` but stopping at the first
    problem with cattrs' own exception. Hooks registered afterwards for
    other classes (an app's own class holding a post-mortem) compose with
    these.

    Args:
        conv: The converter to configure, in place.
    """
    _configure_values(conv)
    _configure_parts(conv)


def make_converter() -> cattrs.Converter:
    """Return a new cattrs converter configured for post-mortem documents.

    Each call returns a new converter, so an app can register its own hooks
    without changing how blameless itself reads and writes documents.
    """
    conv = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=True,
        detailed_validation=False,
    )
    configure_converter(conv)
    return conv


# The module's own functions take the fast path written for the model;
# the converter above is for apps, and a test holds both to one format.
_write_body = unstructure_function(PostMortem)
_read_body = structure_function(PostMortem, frozenset({"schema"}))


def to_dict(post_mortem: PostMortem) -> dict[str, Any]:
    """Return the document of a post-mortem as plain Python values.

    The document holds only dicts, lists, strings, integers and booleans:
    ``"schema"`` first, then the model's fields in order, leaving out every
    value equal to its default.

    Args:
        post_mortem: The post-mortem to write.
    """
    document: dict[str, Any] = {"schema": SCHEMA_VERSION}
    document.update(_write_body(post_mortem))
    return document


def read_quickly(document: object) -> PostMortem | None:
    """Return the post-mortem of a valid document, or ``None``.

    ``None`` means only that the fast path did not accept the document:
    the detailed walk of :func:`from_dict` gives the verdict.
    """
    try:
        version = document.get("schema")  # type: ignore[attr-defined]
        if version == SCHEMA_VERSION:
            post_mortem: PostMortem = _read_body(document)
            return post_mortem
    except Exception:  # noqa: BLE001, S110 - any failure is explained later
        pass
    return None


def from_dict(document: object, *, source: str | None = None) -> PostMortem:
    """Return the post-mortem a document describes.

    Args:
        document: The document as plain Python values, such as the result
            of :func:`json.loads`.
        source: Where the document came from, named in the error.

    Raises:
        DocumentError: If anything in the document is wrong; it lists every
            problem with its path.
    """
    post_mortem = read_quickly(document)
    if post_mortem is None:
        return _explain(document, source)
    return post_mortem


def _explain(document: object, source: str | None) -> PostMortem:
    try:
        post_mortem, problems = walk(document)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        # Only a Python object built to misbehave gets here, such as a key
        # whose comparison raises; parsed text never does.
        problems = [problem("$", "a document of plain values", document)]
        problems[0] = attrs.evolve(
            problems[0], message=f"{problems[0].message} ({error!r})"
        )
        post_mortem = None
    if post_mortem is None:
        raise DocumentError(problems, source)
    return post_mortem

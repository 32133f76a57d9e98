"""The JSON Schema of the document format, built from the model.

The schema ships in the package as ``schema.json`` so that other apps can
validate documents without Python; :func:`json_schema` returns it. It is
generated from the attrs classes by :func:`build_schema`, and a test
checks that the shipped file is what the generator gives today. After a
change of the model, write it anew with::

    python -m blameless._documents._schema
"""

from __future__ import annotations

import enum
import functools
import importlib.resources
import json
import re
import types
from datetime import date
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import attrs

from blameless._documents._values import INT_MAX, INT_MIN, TIMESTAMP_PATTERN
from blameless._documents._walk import SCHEMA_VERSION
from blameless._model._analysis import MAX_WHY_LEVEL
from blameless._model._post_mortem import PostMortem
from blameless._model._time import Timestamp

__all__ = ["build_schema", "json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_FILE = "schema.json"

# What the model refuses beyond the type of a field, said in the schema
# too so that other apps refuse it before blameless would.
_REFINED: dict[tuple[str, str], dict[str, Any]] = {
    ("Why", "level"): {"minimum": 1, "maximum": MAX_WHY_LEVEL},
    ("LogEntry", "number"): {"minimum": 1},
    ("Readiness", "minutes_blocked"): {"minimum": 0},
    ("ActionItem", "id"): {"pattern": r"\S"},
    ("FiveWhys", "changeable_level"): {"minimum": 1, "maximum": MAX_WHY_LEVEL},
}
_REFINED_ITEMS: dict[tuple[str, str], dict[str, Any]] = {
    ("ActionItem", "addresses_whys"): {"minimum": 1, "maximum": MAX_WHY_LEVEL},
}


def _field_docs(cls: type) -> dict[str, str]:
    """Return each field's description from the Args of a docstring."""
    doc = cls.__doc__ or ""
    _, _, args = doc.partition("Args:\n")
    args = re.split(r"\n\s*\n\s*(?:Raises|Returns):", args)[0]
    found: dict[str, str] = {}
    for match in re.finditer(
        r"^\s{8}(\w+): (.*?)(?=^\s{8}\w+: |\Z)", args, re.MULTILINE | re.DOTALL
    ):
        found[match[1]] = " ".join(match[2].split())
    return found


def _summary(cls: type) -> str:
    return (cls.__doc__ or "").strip().split("\n")[0]


_SCALARS: dict[object, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer", "minimum": INT_MIN, "maximum": INT_MAX},
    date: {
        "type": "string",
        "format": "date",
        "pattern": r"^\d{4}-\d{2}-\d{2}$",
    },
    Timestamp: {
        "type": "string",
        "pattern": f"^(approx\\. )?{TIMESTAMP_PATTERN}$",
        "description": "ISO 8601 with offset; 'approx. ' marks a rough time",
    },
}


def _type_schema(kind: object, defs: dict[str, Any]) -> dict[str, Any]:
    if kind in _SCALARS:
        return dict(_SCALARS[kind])
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if isinstance(kind, type) and attrs.has(kind):
        _define(kind, defs)
        return {"$ref": f"#/$defs/{kind.__name__}"}
    return _generic_schema(kind, defs)


def _generic_schema(kind: object, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(kind)
    args = get_args(kind)
    if origin in (Union, types.UnionType):
        (inner,) = (arg for arg in args if arg is not type(None))
        return {"anyOf": [_type_schema(inner, defs), {"type": "null"}]}
    if origin is frozenset:
        items = _type_schema(args[0], defs)
        return {"type": "array", "items": items, "uniqueItems": True}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    message = f"no schema for {kind!r}"
    raise TypeError(message)


def _field_schema(
    cls: type, field: attrs.Attribute[Any], defs: dict[str, Any]
) -> dict[str, Any]:
    schema = _type_schema(field.type, defs)
    key = (cls.__name__, field.name)
    refined = _REFINED.get(key, {})
    items = _REFINED_ITEMS.get(key, {})
    if refined and "anyOf" in schema:
        schema["anyOf"][0] = {**schema["anyOf"][0], **refined}
    elif refined:
        schema = {**schema, **refined}
    if items:
        schema["items"] = {**schema["items"], **items}
    return schema


def _properties(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    fields = attrs.fields(attrs.resolve_types(cls))
    docs = _field_docs(cls)
    properties: dict[str, Any] = {}
    for field in fields:
        schema = _field_schema(cls, field, defs)
        if field.name in docs:
            schema = {"description": docs[field.name], **schema}
        properties[field.name] = schema
    required = [f.name for f in fields if f.default is attrs.NOTHING]
    body: dict[str, Any] = {
        "type": "object",
        "description": _summary(cls),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        body["required"] = required
    return body


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ not in defs:
        defs[cls.__name__] = {}  # claimed first: a class may refer back
        defs[cls.__name__] = _properties(cls, defs)


def build_schema() -> dict[str, Any]:
    """Return the JSON Schema of the document format, built from the model."""
    defs: dict[str, Any] = {}
    body = _properties(PostMortem, defs)
    version = {
        "description": "The version of the document format.",
        "const": SCHEMA_VERSION,
    }
    return {
        "$schema": _DIALECT,
        "title": f"blameless post-mortem document, {SCHEMA_VERSION}",
        "description": body["description"],
        "type": "object",
        "properties": {"schema": version, **body["properties"]},
        "required": ["schema"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


@functools.cache
def _shipped() -> str:
    files = importlib.resources.files("blameless._documents")
    return files.joinpath(_FILE).read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of post-mortem documents.

    It is the schema shipped inside the package. Every document that
    :func:`dumps` writes as JSON validates against it, so apps in any
    language can check documents before they reach blameless.
    """
    schema: dict[str, Any] = json.loads(_shipped())
    return schema


def schema_text() -> str:
    """Return the text of the schema file, as the generator writes it."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    Path(__file__).with_name(_FILE).write_text(schema_text(), encoding="utf-8")

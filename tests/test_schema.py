"""Tests of the JSON Schema of the document format."""

import json
from typing import Any

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

import blameless
from blameless import PostMortem
from blameless._documents._schema import build_schema, schema_text
from blameless.strategies import post_mortems


def _validator() -> Draft202012Validator:
    schema = blameless.json_schema()
    return Draft202012Validator(
        schema, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def test_shipped_schema_is_the_generated_one() -> None:
    """The shipped file is what the generator gives from today's model.

    After a change of the model, regenerate it with
    ``python -m blameless._documents._schema``.
    """
    assert blameless.json_schema() == build_schema()
    shipped = blameless.json_schema()
    assert json.dumps(shipped, indent=2, ensure_ascii=False) + "\n" == (
        schema_text()
    )


def test_schema_is_valid_draft_2020_12() -> None:
    """The schema itself is a valid JSON Schema of draft 2020-12."""
    schema = blameless.json_schema()
    assert schema["$schema"] == (
        "https://json-schema.org/draft/2020-12/schema"
    )
    Draft202012Validator.check_schema(schema)


def test_json_schema_returns_a_fresh_copy() -> None:
    """Changing the returned schema does not change the next one."""
    schema = blameless.json_schema()
    schema["title"] = "changed"
    assert blameless.json_schema()["title"] != "changed"


@given(post_mortem=post_mortems())
def test_every_document_validates(post_mortem: PostMortem) -> None:
    """Every document that blameless writes validates against the schema."""
    document = json.loads(blameless.dumps(post_mortem))
    _validator().validate(document)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"schema": "blameless/2"}, "schema"),
        ({"log": {"numbr": 1}}, "log"),
        ({"log": {"number": 0}}, "log"),
        ({"log": {"held_on": "2026-1-1"}}, "log"),
        ({"incident": {"detected": "2026-11-14T09:12:00"}}, "incident"),
        ({"actions": [{"id": "C1", "kind": "later"}]}, "actions"),
        ({"analysis": {"whys": {"whys": [{"level": 6}]}}}, "analysis"),
    ],
)
def test_schema_refuses_what_blameless_refuses(
    change: dict[str, Any], where: str
) -> None:
    """Wrong values that blameless refuses fail the schema too."""
    document = {"schema": "blameless/1", **change}
    errors = list(_validator().iter_errors(document))
    assert errors
    assert any(
        where in list(error.absolute_path) or where == "schema"
        for error in errors
    )
    with pytest.raises(blameless.DocumentError):
        blameless.from_dict(document)

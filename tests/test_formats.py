"""Tests of documents as JSON, TOML and YAML text and files."""

import pytest
from hypothesis import given

import blameless
from blameless import PostMortem
from blameless._documents._formats import Format
from blameless.strategies import post_mortems

FORMATS: tuple[Format, ...] = ("json", "toml", "yaml")


@pytest.mark.parametrize("form", FORMATS)
@given(post_mortem=post_mortems())
def test_round_trip(form: Format, post_mortem: PostMortem) -> None:
    """Loading a dumped post-mortem gives it back, and the text is stable."""
    text = blameless.dumps(post_mortem, form)
    loaded = blameless.loads(text, form)
    assert loaded == post_mortem
    assert blameless.dumps(loaded, form) == text

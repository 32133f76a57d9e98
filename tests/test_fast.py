"""Tests of the fast path: the same format as the converter and the walk."""

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import blameless
from blameless import PostMortem
from blameless._documents._fast import structure_function
from blameless._documents._walk import walk
from blameless.strategies import post_mortems

CONVERTER = blameless.make_converter()
READ = structure_function(PostMortem, frozenset({"schema"}))

_VALUES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from(["", "x", "low", "2026-11-14", "blameless/1"])
    | st.text(max_size=4)
)


def _verdict(read: Any, document: object) -> PostMortem | None:  # noqa: ANN401 - any reader
    try:
        result: PostMortem = read(document)
    except Exception:  # noqa: BLE001 - only the verdict matters here
        return None
    return result


@st.composite
def _changed_documents(draw: st.DrawFn) -> dict[str, Any]:
    document = blameless.to_dict(draw(post_mortems()))
    holders: list[dict[str, Any] | list[Any]] = []
    stack: list[Any] = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list) and item:
            holders.append(item)
            stack.extend(item.values() if isinstance(item, dict) else item)
    holder = draw(st.sampled_from(holders))
    value = draw(_VALUES | st.lists(_VALUES, max_size=2))
    if isinstance(holder, dict):
        holder[draw(st.sampled_from(sorted(holder)))] = value
    else:
        holder[draw(st.integers(0, len(holder) - 1))] = value
    return document


@given(post_mortem=post_mortems())
def test_writing_agrees_with_the_converter(post_mortem: PostMortem) -> None:
    """to_dict writes exactly what the public converter writes."""
    assert blameless.to_dict(post_mortem) == CONVERTER.unstructure(post_mortem)


@given(post_mortem=post_mortems())
def test_reading_agrees_with_the_converter(post_mortem: PostMortem) -> None:
    """Valid documents read the same through every reader."""
    document = blameless.to_dict(post_mortem)
    assert READ(document) == post_mortem
    assert CONVERTER.structure(document, PostMortem) == post_mortem


@given(document=_changed_documents())
def test_every_reader_gives_one_verdict(document: dict[str, Any]) -> None:
    """The fast path, the converter and the walk accept the same documents."""
    fast = _verdict(READ, document)
    converted = _verdict(
        lambda d: CONVERTER.structure(d, PostMortem), document
    )
    walked, problems = walk(document)
    assert fast == converted == walked
    assert (walked is None) == bool(problems)

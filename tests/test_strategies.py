"""Tests of blameless.strategies: valid, varied and registered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from blameless import PostMortem
from blameless import strategies as bst
from blameless.strategies import _hypothesis_setup_hook


@given(bst.post_mortems(complete=True))
def test_complete_post_mortems_are_ready(post_mortem: PostMortem) -> None:
    """A complete post-mortem passes the readiness quick check."""
    assert post_mortem.readiness.ready


def test_from_type_draws_post_mortems() -> None:
    """After the setup hook, from_type(PostMortem) draws post-mortems."""
    _hypothesis_setup_hook()

    @given(st.from_type(PostMortem))
    def check(post_mortem: PostMortem) -> None:
        assert isinstance(post_mortem, PostMortem)

    check()

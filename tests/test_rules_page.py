"""Tests for the generated rules page (blameless._checks._rules_page)."""

from __future__ import annotations

from pathlib import Path

from blameless import RULES
from blameless._checks._rules_page import render

PAGE = Path(__file__).parents[1] / "docs" / "rules.md"


def test_rules_page_is_up_to_date() -> None:
    """docs/rules.md is what the rules say; regenerate it if this fails.

    Run ``python -m blameless._checks._rules_page docs/rules.md``.
    """
    assert PAGE.read_text(encoding="utf-8") == render()


def test_every_rule_has_an_entry() -> None:
    """One heading per rule, with its code and name."""
    text = render()

    for described in RULES:
        assert f"### {described.code} {described.name}\n" in text

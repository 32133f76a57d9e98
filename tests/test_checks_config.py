"""Tests for the configuration of the checks (blameless.CheckConfig)."""

from __future__ import annotations

import pickle
from datetime import timedelta

import pytest

from blameless import BlamelessError, CheckConfig, ConfigError
from blameless._checks._config import TEAM_WORDS, VAGUE_VERBS


def test_defaults_follow_the_worksheet() -> None:
    """Why #3, two weeks, and the library's vocabularies by default."""
    config = CheckConfig()

    assert config.min_why_depth == 3
    assert config.follow_up_days == 14
    assert config.vague_verbs == VAGUE_VERBS
    assert config.selects("A002")


def test_selects_by_code_and_prefix() -> None:
    """Select and ignore match whole codes and prefixes, ignore winning."""
    config = CheckConfig(select=["a", "X003"], ignore=["A01"])

    assert config.select == ("A", "X003")
    assert config.selects("A002")
    assert not config.selects("A011")
    assert config.selects("X003")
    assert not config.selects("X004")


def test_extended_adds_to_the_vocabularies() -> None:
    """extended() keeps the library's words and adds the team's."""
    config = CheckConfig().extended(team_words=["Guild"])

    assert config.team_words == TEAM_WORDS | {"guild"}


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ({"select": ("Q",)}, r"select: expected rule codes .* found 'Q'"),
        ({"ignore": ("",)}, r"ignore: expected rule codes"),
        ({"min_why_depth": 6}, r"min-why-depth: expected 1 to 5, found 6"),
        ({"follow_up_days": -1}, r"follow-up-days: expected 0 to 3650"),
        ({"timeline_gap": timedelta(0)}, r"timeline-gap: expected a positive"),
        ({"date_order": "YMD"}, r"date-order: expected 'DMY', 'MDY'"),
    ],
)
def test_bad_settings_are_refused(
    fields: dict[str, object], match: str
) -> None:
    """A setting out of range is a ConfigError naming the key and value."""
    with pytest.raises(ConfigError, match=match):
        CheckConfig(**fields)  # type: ignore[arg-type]


def test_from_mapping_reads_a_pyproject_table() -> None:
    """Kebab-case keys, minutes for the gap, extend- keys add words."""
    config = CheckConfig.from_mapping(
        {
            "select": ["A", "X"],
            "ignore": ["X009"],
            "min-why-depth": 4,
            "follow-up-days": 10,
            "timeline-gap-minutes": 30,
            "date-order": "DMY",
            "vague-verbs": ["improve"],
            "extend-vague-verbs": ["socialize"],
            "extend-team-words": ["guild"],
        }
    )

    assert config.select == ("A", "X")
    assert config.timeline_gap == timedelta(minutes=30)
    assert config.vague_verbs == {"improve", "socialize"}
    assert "guild" in config.team_words
    assert config.date_order == "DMY"


@pytest.mark.parametrize(
    ("table", "match"),
    [
        ({"min-depth": 3}, r"min-depth: unknown setting"),
        ({"select": "A"}, r"select: expected a list of strings, found 'A'"),
        ({"extend-team-words": [1]}, r"expected a list of strings"),
        ({"timeline-gap-minutes": "2h"}, r"expected a whole number"),
        ({"min-why-depth": True}, r"expected a whole number, found True"),
    ],
)
def test_from_mapping_refuses_bad_tables(
    table: dict[str, object], match: str
) -> None:
    """Unknown keys and wrong types name the key and the value found."""
    with pytest.raises(ConfigError, match=match):
        CheckConfig.from_mapping(table)


def test_config_error_is_a_blameless_error_that_pickles() -> None:
    """ConfigError is caught as BlamelessError and survives pickling."""
    error = ConfigError("select", "expected codes", "Q")

    copy = pickle.loads(pickle.dumps(error))  # noqa: S301  # our own data

    assert isinstance(copy, BlamelessError)
    assert isinstance(copy, ConfigError)
    assert (copy.key, copy.problem, copy.value) == (
        "select",
        "expected codes",
        "Q",
    )
    assert str(copy) == "select: expected codes, found 'Q'"

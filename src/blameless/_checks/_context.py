"""What every rule reads: the post-mortem, the day, the configuration."""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property, lru_cache

from blameless._checks._config import CheckConfig
from blameless._checks._quality import (
    ActionQuality,
    check_action_item,
    is_one_person,
)
from blameless._model._post_mortem import PostMortem
from blameless._model._readiness import Prerequisite

__all__ = ["Context"]


class Context:
    """A post-mortem under check, with what several rules derive from it.

    Derived values are computed once, on first use, so a rule that is not
    selected costs nothing.

    Args:
        post_mortem: The post-mortem being checked.
        today: The day to judge due dates by.
        config: The configuration of the checks.
    """

    def __init__(
        self, post_mortem: PostMortem, today: date, config: CheckConfig
    ) -> None:
        self.post_mortem = post_mortem
        self.today = today
        self.config = config

    @cached_property
    def qualities(self) -> tuple[ActionQuality, ...]:
        """The action quality check of every action item, in order."""
        return tuple(
            check_action_item(item, config=self.config)
            for item in self.post_mortem.actions
        )

    @cached_property
    def unmet(self) -> dict[Prerequisite, str]:
        """The reason of each unmet prerequisite of the meeting."""
        unmet = self.post_mortem.readiness.unmet()
        return {item.prerequisite: item.reason for item in unmet}

    @cached_property
    def blaming(self) -> re.Pattern[str] | None:
        """A pattern that finds the configured blaming phrases."""
        return _phrases(self.config.blaming_phrases)

    @cached_property
    def people(self) -> re.Pattern[str] | None:
        """A pattern that finds the names of the people in the post-mortem.

        The names are those of the participants, the action items' owners
        and the follow-up's facilitator, whole and by first name.
        """
        pm = self.post_mortem
        names = {p.name for p in pm.readiness.participants}
        names |= {item.owner for item in pm.actions}
        names.add(pm.follow_up.facilitator)
        people = (n for n in names if is_one_person(n, self.config))
        return _names(frozenset(people))


@lru_cache(maxsize=64)
def _phrases(phrases: frozenset[str]) -> re.Pattern[str] | None:
    found = sorted((p for p in phrases if p.strip()), key=len, reverse=True)
    if not found:
        return None
    pattern = "|".join(re.escape(p) for p in found)
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)


# A first name this short or this common is not evidence of a person.
_SHORTEST = 2
_NOT_NAMES = frozenset({"the", "a", "an", "on", "call", "team", "tbd", "n/a"})


@lru_cache(maxsize=64)
def _names(names: frozenset[str]) -> re.Pattern[str] | None:
    words: set[str] = set()
    for name in names:
        plain = " ".join(re.sub(r"\([^)]*\)", " ", name).split())
        if not plain or "@" in plain:
            continue
        words.add(plain)
        first = plain.split()[0]
        if len(first) > _SHORTEST and first.lower() not in _NOT_NAMES:
            words.add(first)
    if not words:
        return None
    found = sorted(words, key=len, reverse=True)
    pattern = "|".join(re.escape(word) for word in found)
    # Case matters: "Dana" is a person, "dana" is more likely a word.
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")

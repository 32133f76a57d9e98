"""Configuration of the checks: which rules run, thresholds, vocabularies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

import attrs

from blameless._errors import ConfigError

__all__ = [
    "BLAMING_PHRASES",
    "DATE_ORDERS",
    "ROLE_WORDS",
    "TEAM_WORDS",
    "VAGUE_VERBS",
    "CheckConfig",
]

#: Verbs that name an activity rather than a change ("improve",
#: "look into"); an action item led by one says nothing checkable.
VAGUE_VERBS: frozenset[str] = frozenset(
    {
        "address",
        "align on",
        "align with",
        "analyse",
        "analyze",
        "assess",
        "be",
        "check",
        "circle back",
        "consider",
        "continue",
        "coordinate",
        "determine",
        "discuss",
        "enhance",
        "ensure",
        "evaluate",
        "examine",
        "explore",
        "figure out",
        "follow up",
        "handle",
        "identify",
        "improve",
        "increase",
        "investigate",
        "keep",
        "keep an eye",
        "look",
        "look at",
        "look into",
        "make sure",
        "minimise",
        "minimize",
        "own",
        "prioritise",
        "prioritize",
        "reach out",
        "reduce",
        "research",
        "revisit",
        "rethink",
        "shore up",
        "step up",
        "review",
        "study",
        "sync up",
        "tackle",
        "take a look",
        "talk",
        "think",
        "think about",
        "tighten up",
        "try",
        "understand",
        "work on",
    }
)

#: Words and phrases that put the cause in a person rather than in the
#: system; Rule 2 of the ground rules asks for neither.
BLAMING_PHRASES: frozenset[str] = frozenset(
    {
        "blame",
        "careless",
        "carelessness",
        "clumsy",
        "didn't bother",
        "didn't pay attention",
        "fault of",
        "human error",
        "idiot",
        "incompetence",
        "incompetent",
        "lazy",
        "negligence",
        "negligent",
        "operator error",
        "should have",
        "should've",
        "sloppy",
        "stupid",
        "user error",
    }
)

#: Words that mark a group rather than one person, for the Owned check:
#: kinds of team and the departments that own action items. A plural
#: ("Payments") is read as its singular too.
TEAM_WORDS: frozenset[str] = frozenset(
    {
        "accounting",
        "analytics",
        "backend",
        "billing",
        "chapter",
        "committee",
        "comms",
        "communications",
        "compliance",
        "crew",
        "customer",
        "data",
        "department",
        "dept",
        "devops",
        "devs",
        "division",
        "eng",
        "engineering",
        "engineers",
        "everyone",
        "everybody",
        "facilities",
        "finance",
        "folks",
        "frontend",
        "group",
        "guild",
        "helpdesk",
        "infra",
        "infrastructure",
        "integrations",
        "it",
        "leadership",
        "legal",
        "logistics",
        "maintenance",
        "management",
        "manufacturing",
        "marketing",
        "mobile",
        "ops",
        "operations",
        "org",
        "payment",
        "people",
        "platform",
        "procurement",
        "purchasing",
        "product",
        "qa",
        "risk",
        "sales",
        "security",
        "sre",
        "squad",
        "staff",
        "support",
        "team",
        "teams",
        "treasury",
        "tribe",
        "unit",
    }
)

#: Words that mark a role rather than a named person; a plural
#: ("supervisors") is read as its singular too.
ROLE_WORDS: frozenset[str] = frozenset(
    {
        "admin",
        "administrator",
        "agent",
        "analyst",
        "architect",
        "clerk",
        "commander",
        "controller",
        "coordinator",
        "developer",
        "director",
        "engineer",
        "facilitator",
        "lead",
        "manager",
        "note-taker",
        "officer",
        "on-call",
        "oncall",
        "operator",
        "owner",
        "responder",
        "supervisor",
        "whoever",
    }
)

#: How an all-numeric due date such as ``03/04/2025`` may be read.
DATE_ORDERS = frozenset({"DMY", "MDY"})

_DEFAULT_GAP = timedelta(hours=2)


def _codes(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    return tuple(code.strip().upper() for code in value)


def _words(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        value = (value,)
    return frozenset(word.strip().lower() for word in value)


@attrs.frozen(kw_only=True)
class CheckConfig:
    """Which rules run, their thresholds and their vocabularies.

    Codes in ``select`` and ``ignore`` may be whole codes (``"A002"``) or
    prefixes (``"A"`` for every rule of the causal analysis). A rule runs
    when it matches ``select`` (or ``select`` is empty) and does not match
    ``ignore``.

    The vocabularies start from the library's own lists; use
    :meth:`extended` to add a team's words to them.

    Args:
        select: Codes or prefixes of the rules to run; empty for all.
        ignore: Codes or prefixes of the rules to skip.
        min_why_depth: The 5 Whys level a drill-down must reach.
        follow_up_days: The most days between the post-mortem and its
            follow-up review.
        timeline_gap: The longest silence between two timeline events.
        date_order: How to read an all-numeric due date such as
            ``03/04/2025``: ``"DMY"``, ``"MDY"``, or ``None`` to call it
            ambiguous.
        vague_verbs: Verbs that name an activity, not a change.
        blaming_phrases: Words and phrases that blame a person.
        team_words: Words that mark a group, not one person; they also
            mark who will act in a description such as "QA to test ...".
        role_words: Words that mark a role, not a named person; read in
            descriptions the same way.

    Raises:
        ConfigError: If a threshold is out of range or the date order is
            not one of the known orders.
    """

    select: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    min_why_depth: int = 3
    follow_up_days: int = 14
    timeline_gap: timedelta = _DEFAULT_GAP
    date_order: str | None = None
    vague_verbs: frozenset[str] = attrs.field(
        default=VAGUE_VERBS, converter=_words
    )
    blaming_phrases: frozenset[str] = attrs.field(
        default=BLAMING_PHRASES, converter=_words
    )
    team_words: frozenset[str] = attrs.field(
        default=TEAM_WORDS, converter=_words
    )
    role_words: frozenset[str] = attrs.field(
        default=ROLE_WORDS, converter=_words
    )

    def __attrs_post_init__(self) -> None:
        _known_codes("select", self.select)
        _known_codes("ignore", self.ignore)
        _whole_in("min-why-depth", self.min_why_depth, 1, 5)
        _whole_in("follow-up-days", self.follow_up_days, 0, 3650)
        gap: object = self.timeline_gap
        if not isinstance(gap, timedelta) or gap <= timedelta(0):
            key = "timeline-gap"
            raise ConfigError(key, "expected a positive duration", gap)
        order = self.date_order
        if order is not None and order not in DATE_ORDERS:
            key = "date-order"
            raise ConfigError(key, "expected 'DMY', 'MDY' or nothing", order)

    def extended(
        self,
        *,
        vague_verbs: Iterable[str] = (),
        blaming_phrases: Iterable[str] = (),
        team_words: Iterable[str] = (),
        role_words: Iterable[str] = (),
    ) -> CheckConfig:
        """Return a copy with words added to the vocabularies.

        Args:
            vague_verbs: More verbs that name an activity, not a change.
            blaming_phrases: More words and phrases that blame a person.
            team_words: More names of teams and groups.
            role_words: More names of roles.
        """
        return attrs.evolve(
            self,
            vague_verbs=self.vague_verbs | _words(vague_verbs),
            blaming_phrases=self.blaming_phrases | _words(blaming_phrases),
            team_words=self.team_words | _words(team_words),
            role_words=self.role_words | _words(role_words),
        )

    def selects(self, code: str) -> bool:
        """Whether the rule with this code runs under this configuration.

        Args:
            code: A rule's code, such as ``"X003"``.
        """
        chosen = not self.select or code.startswith(self.select)
        return chosen and not code.startswith(self.ignore)

    @classmethod
    def from_mapping(cls, table: Mapping[str, Any]) -> CheckConfig:
        """Build a configuration from a ``[tool.blameless]`` table.

        Keys are written in kebab case, as in ``pyproject.toml``:
        ``select``, ``ignore``, ``min-why-depth``, ``follow-up-days``,
        ``timeline-gap-minutes``, ``date-order``, and for each vocabulary
        (``vague-verbs``, ``blaming-phrases``, ``team-words``,
        ``role-words``) the key itself, which replaces the library's list,
        and the key with ``extend-`` before it, which adds to it.

        Args:
            table: The parsed table.

        Raises:
            ConfigError: If a key is unknown or a value has the wrong type.
        """
        return _from_mapping(table)


def _known_codes(key: str, codes: tuple[str, ...]) -> None:
    """Refuse a code or prefix that matches no rule, as a typo would."""
    if not codes:
        return
    # Imported here: the rules import this module.
    from blameless._checks._check import RULES

    for code in codes:
        if not code or not any(r.code.startswith(code) for r in RULES):
            raise ConfigError(
                key,
                "expected rule codes or prefixes such as 'A002' or 'X'",
                code,
            )


def _whole_in(key: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(key, "expected a whole number", value)
    if not low <= value <= high:
        raise ConfigError(key, f"expected {low} to {high}", value)


_VOCABULARIES = {
    "vague-verbs": "vague_verbs",
    "blaming-phrases": "blaming_phrases",
    "team-words": "team_words",
    "role-words": "role_words",
}
_PLAIN = {
    "min-why-depth": "min_why_depth",
    "follow-up-days": "follow_up_days",
    "date-order": "date_order",
}
_KNOWN = frozenset(
    {"select", "ignore", "timeline-gap-minutes"}
    | set(_PLAIN)
    | set(_VOCABULARIES)
    | {f"extend-{key}" for key in _VOCABULARIES}
)


def _from_mapping(table: Mapping[str, Any]) -> CheckConfig:
    unknown = sorted(str(key) for key in table if key not in _KNOWN)
    if unknown:
        raise ConfigError(
            unknown[0],
            "unknown setting; expected one of " + ", ".join(sorted(_KNOWN)),
            table[unknown[0]],
        )

    fields: dict[str, Any] = {}
    for key in ("select", "ignore"):
        if key in table:
            fields[key] = _strings(key, table[key])
    for key, name in _PLAIN.items():
        if key in table:
            fields[name] = table[key]
    if "timeline-gap-minutes" in table:
        minutes = table["timeline-gap-minutes"]
        _whole_in("timeline-gap-minutes", minutes, 1, 60 * 24 * 365)
        fields["timeline_gap"] = timedelta(minutes=minutes)
    for key, name in _VOCABULARIES.items():
        if key in table:
            fields[name] = _strings(key, table[key])

    config = CheckConfig(**fields)
    extra = {
        name: _strings(f"extend-{key}", table[f"extend-{key}"])
        for key, name in _VOCABULARIES.items()
        if f"extend-{key}" in table
    }
    return config.extended(**extra)


def _strings(key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(
        isinstance(item, str) for item in value
    ):
        raise ConfigError(key, "expected a list of strings", value)
    return tuple(value)

"""Section 2 of the worksheet: the causal analysis."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from blameless._errors import InvariantError
from blameless._model._collections import refuse_text

__all__ = [
    "MAX_WHY_LEVEL",
    "CausalAnalysis",
    "ContributingFactors",
    "EarlierDetection",
    "Factor",
    "FactorCategory",
    "FactorChecklist",
    "FiveWhys",
    "Lessons",
    "Resilience",
    "SmallerBlastRadius",
    "Why",
]

#: The deepest level of the 5 Whys drill-down.
MAX_WHY_LEVEL = 5

_WHY_QUESTIONS = {
    1: "Why did [the trigger] cause a failure?",
    2: "Why was that condition possible?",
    3: "Why did that underlying condition exist?",
    4: "Why had that not been addressed?",
    5: "Why does the system or process allow this?",
}


@attrs.frozen
class Why:
    """One level of the 5 Whys drill-down and the team's answer.

    Args:
        level: 1 to 5; the level decides the worksheet's question.
        answer: The team's answer; blank while it is still discussed.

    Raises:
        InvariantError: If the level is not between 1 and 5.
    """

    level: int
    answer: str = ""

    def __attrs_post_init__(self) -> None:
        if isinstance(self.level, bool) or self.level not in _WHY_QUESTIONS:
            raise InvariantError(
                "Why.level",
                f"a why-level is a whole number from 1 to {MAX_WHY_LEVEL}",
                {"level": self.level},
            )

    @property
    def question(self) -> str:
        """The worksheet's question for this level."""
        return _WHY_QUESTIONS[self.level]


def _whys(value: Iterable[Why]) -> tuple[Why, ...]:
    refuse_text("FiveWhys.whys", value)
    return tuple(value)


@attrs.frozen(kw_only=True)
class FiveWhys:
    """The 5 Whys drill-down, from the trigger toward a systemic cause.

    Levels run 1, 2, 3 and so on without a gap; not every incident needs
    all five. The worksheet asks the team to stop at a factor it can
    actually change, and :attr:`changeable_level` marks that level.

    Args:
        whys: The levels answered so far, level 1 first.
        changeable_level: The level where the team reached a factor it can
            change, or ``None`` while it has not.

    Raises:
        InvariantError: If levels skip a number or do not start at 1, or
            if :attr:`changeable_level` names a level that is not there.
    """

    whys: tuple[Why, ...] = attrs.field(default=(), converter=_whys)
    changeable_level: int | None = None

    def __attrs_post_init__(self) -> None:
        for index, why in enumerate(self.whys):
            if why.level != index + 1:
                raise InvariantError(
                    f"FiveWhys.whys[{index}]",
                    "why-levels must run 1, 2, 3 ... without skipping",
                    {"expected_level": index + 1, "level": why.level},
                )
        levels = range(1, len(self.whys) + 1)
        changeable = self.changeable_level
        if changeable is not None and changeable not in levels:
            raise InvariantError(
                "FiveWhys.changeable_level",
                "the changeable level must be one of the levels answered",
                {"changeable_level": changeable, "depth": len(self.whys)},
            )

    @property
    def depth(self) -> int:
        """How far the drill-down got, in answered levels from level 1 on.

        A blank answer ends the count, so a chain whose third answer is
        still blank has a depth of 2 whatever follows it.
        """
        depth = 0
        for why in self.whys:
            if not why.answer.strip():
                break
            depth += 1
        return depth


class FactorCategory(enum.Enum):
    """The three categories of contributing factors."""

    #: The technology and architecture.
    SYSTEM = "system"
    #: How work is organized and communicated.
    PROCESS = "process"
    #: Things the team believed true that turned out not to be.
    ASSUMPTION = "assumption"


class Factor(enum.Enum):
    """Every box of the worksheet's contributing-factor checklists.

    The value is ``"<category>.<factor>"``, stable across releases; the
    "other" box of each category has its text on the checklist.
    """

    #: Missing or insufficient error handling.
    ERROR_HANDLING = "system.error_handling"
    #: No monitoring or alerting.
    NO_MONITORING = "system.no_monitoring"
    #: Third-party dependency with no fallback.
    NO_FALLBACK = "system.no_fallback"
    #: Performance or capacity limits exceeded.
    CAPACITY = "system.capacity"
    #: Missing circuit breaker.
    NO_CIRCUIT_BREAKER = "system.no_circuit_breaker"
    #: No data validation at input boundaries.
    NO_INPUT_VALIDATION = "system.no_input_validation"
    #: Other system factor.
    OTHER_SYSTEM = "system.other"
    #: No pre-launch testing checklist or protocol.
    NO_TEST_CHECKLIST = "process.no_test_checklist"
    #: Inadequate testing, such as only the happy path.
    INADEQUATE_TESTING = "process.inadequate_testing"
    #: Poor communication between teams or systems.
    POOR_COMMUNICATION = "process.poor_communication"
    #: Missing or outdated documentation.
    DOCUMENTATION = "process.documentation"
    #: No defined escalation path.
    NO_ESCALATION_PATH = "process.no_escalation_path"
    #: Change management gap.
    CHANGE_MANAGEMENT = "process.change_management"
    #: Other process factor.
    OTHER_PROCESS = "process.other"
    #: Assumed a third-party service would stay stable or compatible.
    ASSUMED_STABLE_THIRD_PARTY = "assumption.stable_third_party"
    #: Assumed input data would be clean and correctly formatted.
    ASSUMED_CLEAN_INPUT = "assumption.clean_input"
    #: Assumed a manual step would always be performed correctly.
    ASSUMED_MANUAL_STEP = "assumption.manual_step"
    #: Assumed the system could handle the actual volume or load.
    ASSUMED_CAPACITY = "assumption.capacity"
    #: Assumed someone else was monitoring or responsible.
    ASSUMED_SOMEONE_ELSE = "assumption.someone_else"
    #: Other assumption.
    OTHER_ASSUMPTION = "assumption.other"

    @property
    def category(self) -> FactorCategory:
        """The category whose checklist holds this box."""
        return _FACTOR_CATEGORIES[self]

    @property
    def is_other(self) -> bool:
        """Whether this is the "other" box of its category."""
        return self.value.endswith(".other")

    @property
    def label(self) -> str:
        """The box's wording on the worksheet."""
        return _FACTOR_LABELS[self]

    @classmethod
    def of(cls, category: FactorCategory) -> tuple[Factor, ...]:
        """Return the boxes of one category, in the worksheet's order.

        Args:
            category: The category whose checklist is wanted.
        """
        return tuple(f for f in cls if f.category is category)


# Looked up rather than worked out: every post-mortem built asks for the
# category of each box checked.
_FACTOR_CATEGORIES = {
    factor: FactorCategory(factor.value.partition(".")[0]) for factor in Factor
}
# Each category with the name of its checklist in ContributingFactors.
_CHECKLISTS = tuple((category, category.value) for category in FactorCategory)

_FACTOR_LABELS = {
    Factor.ERROR_HANDLING: "Missing or insufficient error handling",
    Factor.NO_MONITORING: "No monitoring or alerting",
    Factor.NO_FALLBACK: "Third-party dependency with no fallback",
    Factor.CAPACITY: "Performance or capacity limits exceeded",
    Factor.NO_CIRCUIT_BREAKER: "Missing circuit breaker",
    Factor.NO_INPUT_VALIDATION: "No data validation at input boundaries",
    Factor.OTHER_SYSTEM: "Other system factor",
    Factor.NO_TEST_CHECKLIST: "No pre-launch testing checklist or protocol",
    Factor.INADEQUATE_TESTING: "Inadequate testing",
    Factor.POOR_COMMUNICATION: "Poor communication between teams or systems",
    Factor.DOCUMENTATION: "Missing or outdated documentation",
    Factor.NO_ESCALATION_PATH: "No defined escalation path",
    Factor.CHANGE_MANAGEMENT: "Change management gap",
    Factor.OTHER_PROCESS: "Other process factor",
    Factor.ASSUMED_STABLE_THIRD_PARTY: (
        "Assumed a third-party service would remain stable or "
        "backward-compatible"
    ),
    Factor.ASSUMED_CLEAN_INPUT: (
        "Assumed input data would be clean and correctly formatted"
    ),
    Factor.ASSUMED_MANUAL_STEP: (
        "Assumed a manual step would always be performed correctly"
    ),
    Factor.ASSUMED_CAPACITY: (
        "Assumed the system could handle the actual volume or load"
    ),
    Factor.ASSUMED_SOMEONE_ELSE: (
        "Assumed someone else was monitoring or responsible"
    ),
    Factor.OTHER_ASSUMPTION: "Other assumption",
}


def _factors(value: Iterable[Factor]) -> frozenset[Factor]:
    refuse_text("FactorChecklist.checked", value)
    return frozenset(value)


@attrs.frozen(kw_only=True)
class FactorChecklist:
    """The checklist of one factor category, with its notes.

    Args:
        checked: The boxes checked; each must belong to the category.
        other: The text of the "other" box of the category.
        notes: The category's notes.
    """

    checked: frozenset[Factor] = attrs.field(
        default=frozenset(), converter=_factors
    )
    other: str = ""
    notes: str = ""


@attrs.frozen(kw_only=True)
class ContributingFactors:
    """The contributing factors, in the worksheet's three categories.

    Args:
        system: The system factors: technology and architecture.
        process: The process factors: how work is organized.
        assumption: The assumption factors: beliefs that proved wrong.

    Raises:
        InvariantError: If a checklist holds a box of another category.
    """

    system: FactorChecklist = FactorChecklist()
    process: FactorChecklist = FactorChecklist()
    assumption: FactorChecklist = FactorChecklist()

    def __attrs_post_init__(self) -> None:
        for category, name in _CHECKLISTS:
            for factor in getattr(self, name).checked:
                if _FACTOR_CATEGORIES[factor] is not category:
                    raise InvariantError(
                        f"ContributingFactors.{category.value}",
                        f"the {category.value} checklist holds a box of "
                        f"another category",
                        {"factor": factor.value},
                    )

    def checklist(self, category: FactorCategory) -> FactorChecklist:
        """Return the checklist of one category.

        Args:
            category: System, process or assumption.
        """
        checklist: FactorChecklist = getattr(self, category.value)
        return checklist

    @property
    def checked(self) -> frozenset[Factor]:
        """Every box checked, across the three categories."""
        return (
            self.system.checked
            | self.process.checked
            | self.assumption.checked
        )

    @property
    def categories(self) -> frozenset[FactorCategory]:
        """The categories with at least one box checked."""
        return frozenset(factor.category for factor in self.checked)


class EarlierDetection(enum.Enum):
    """Answers to "Could this failure have been detected earlier?".

    The two "yes" answers may be given together; "no" and "partially"
    stand alone.
    """

    #: Yes — monitoring or alerting would have caught it.
    MONITORING = "yes_monitoring"
    #: Yes — a manual check or review step would have caught it.
    MANUAL_CHECK = "yes_manual_check"
    #: No — it was genuinely unforeseeable.
    UNFORESEEABLE = "no_unforeseeable"
    #: Partially — the trigger was unforeseeable, the severity was not.
    PARTIALLY = "partially"


class SmallerBlastRadius(enum.Enum):
    """Answers to "Could the blast radius have been smaller?".

    The three "yes" answers may be given together; "no" stands alone.
    """

    #: Yes — a circuit breaker or automatic pause would have limited it.
    CIRCUIT_BREAKER = "yes_circuit_breaker"
    #: Yes — better isolation between components would have contained it.
    ISOLATION = "yes_isolation"
    #: Yes — a rollback mechanism would have allowed faster recovery.
    ROLLBACK = "yes_rollback"
    #: No — the failure was inherently system-wide.
    SYSTEM_WIDE = "no_system_wide"


_LONE_ANSWERS: frozenset[EarlierDetection | SmallerBlastRadius] = frozenset(
    {
        EarlierDetection.UNFORESEEABLE,
        EarlierDetection.PARTIALLY,
        SmallerBlastRadius.SYSTEM_WIDE,
    }
)


def _detection(
    value: Iterable[EarlierDetection],
) -> frozenset[EarlierDetection]:
    refuse_text("Resilience.earlier_detection", value)
    return frozenset(value)


def _blast(
    value: Iterable[SmallerBlastRadius],
) -> frozenset[SmallerBlastRadius]:
    refuse_text("Resilience.smaller_blast_radius", value)
    return frozenset(value)


def _refuse_mixed_answers(
    where: str, answers: frozenset[EarlierDetection | SmallerBlastRadius]
) -> None:
    lone = answers & _LONE_ANSWERS
    if lone and len(answers) > 1:
        raise InvariantError(
            where,
            "this answer excludes every other answer to the question",
            {"answers": sorted(answer.value for answer in answers)},
        )


@attrs.frozen(kw_only=True)
class Resilience:
    """The resilience question, the worksheet's most important one.

    Args:
        earlier_detection: Answers to "could it have been detected
            earlier?"; empty while unanswered.
        missing_detection: For a "yes" or "partially", the specific
            mechanism that was missing.
        smaller_blast_radius: Answers to "could the blast radius have been
            smaller?"; empty while unanswered.
        missing_containment: For a "yes", the specific containment
            mechanism that was missing.

    Raises:
        InvariantError: If "no" or "partially" is combined with another
            answer to the same question.
    """

    earlier_detection: frozenset[EarlierDetection] = attrs.field(
        default=frozenset(), converter=_detection
    )
    missing_detection: str = ""
    smaller_blast_radius: frozenset[SmallerBlastRadius] = attrs.field(
        default=frozenset(), converter=_blast
    )
    missing_containment: str = ""

    def __attrs_post_init__(self) -> None:
        _refuse_mixed_answers(
            "Resilience.earlier_detection", frozenset(self.earlier_detection)
        )
        _refuse_mixed_answers(
            "Resilience.smaller_blast_radius",
            frozenset(self.smaller_blast_radius),
        )

    @property
    def could_detect_earlier(self) -> bool | None:
        """True for a "yes" or "partially", False for "no", else None."""
        if not self.earlier_detection:
            return None
        return EarlierDetection.UNFORESEEABLE not in self.earlier_detection

    @property
    def could_limit_blast_radius(self) -> bool | None:
        """True for any "yes", False for "no", None while unanswered."""
        if not self.smaller_blast_radius:
            return None
        return SmallerBlastRadius.SYSTEM_WIDE not in self.smaller_blast_radius


def _lines(value: Iterable[str]) -> tuple[str, ...]:
    refuse_text("Lessons", value)
    return tuple(value)


@attrs.frozen(kw_only=True)
class Lessons:
    """Lessons learned, in the three lists of the Google SRE template.

    Args:
        went_well: What went well in the detection and response.
        went_wrong: What went wrong.
        got_lucky: Where the team got lucky: the near misses inside the
            incident.
    """

    went_well: tuple[str, ...] = attrs.field(default=(), converter=_lines)
    went_wrong: tuple[str, ...] = attrs.field(default=(), converter=_lines)
    got_lucky: tuple[str, ...] = attrs.field(default=(), converter=_lines)


@attrs.frozen(kw_only=True)
class CausalAnalysis:
    """Section 2 of the worksheet: why it happened.

    Args:
        trigger: The direct, immediate event that initiated the failure.
        whys: The 5 Whys drill-down from the trigger.
        factors: The contributing factors in three categories.
        resilience: The answers to the resilience question.
        lessons: What went well, what went wrong, where the team got lucky.
    """

    trigger: str = ""
    whys: FiveWhys = FiveWhys()
    factors: ContributingFactors = ContributingFactors()
    resilience: Resilience = Resilience()
    lessons: Lessons = Lessons()

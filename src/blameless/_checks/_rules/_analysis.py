"""Rules for Section 2 of the worksheet: the causal analysis."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blameless._checks._context import Context
from blameless._checks._rules._registry import INFO, WARNING, rule
from blameless._model._analysis import (
    EarlierDetection,
    Factor,
    FactorCategory,
    FiveWhys,
    SmallerBlastRadius,
    Why,
)
from blameless._model._post_mortem import PostMortem

_WHYS = "$.analysis.whys.whys"
_FACTORS = "$.analysis.factors"
_RESILIENCE = "$.analysis.resilience"

_DEEP = FiveWhys(
    whys=(
        Why(1, "The sync wrote whatever the API returned."),
        Why(2, "Incoming records were not validated."),
        Why(3, "The integration assumed the API would never change."),
    )
)


@rule(
    "A001",
    "no-trigger",
    WARNING,
    summary="The trigger is not recorded.",
    why=(
        "The trigger is the direct, immediate event that initiated the "
        "failure; the 5 Whys start from it."
    ),
    failing=(("$.analysis.trigger", ""),),
    passing=(
        (
            "$.analysis.trigger",
            "A third-party API changed its field schema without notice.",
        ),
    ),
)
def _no_trigger(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.analysis.trigger.strip():
        yield (
            "$.analysis.trigger",
            (
                "The trigger is not recorded; name the direct, immediate "
                "event that initiated the failure."
            ),
        )


@rule(
    "A002",
    "shallow-whys",
    WARNING,
    summary=("The 5 Whys stop before the minimum depth (Why #3 by default)."),
    why=(
        "Most teams stop at Why #1 or #2, at the trigger; the worksheet "
        "asks to push to at least Why #3 to reach a systemic cause."
    ),
    failing=(
        (
            "$.analysis.whys",
            FiveWhys(whys=(Why(1, "The sync wrote whatever it received."),)),
        ),
    ),
    passing=(("$.analysis.whys", _DEEP),),
)
def _shallow(ctx: Context) -> Iterator[tuple[str, str]]:
    whys = ctx.post_mortem.analysis.whys
    wanted = ctx.config.min_why_depth
    if whys.depth < wanted:
        level = whys.depth + 1
        stop = (
            f"stop at level {whys.depth}" if whys.depth else "are not started"
        )
        yield (
            f"{_WHYS}[{whys.depth}].answer"
            if whys.depth < len(whys.whys)
            else _WHYS,
            (
                f"The 5 Whys {stop}; push on to at least Why #{wanted}, "
                f"starting with Why #{level}: {Why(level).question!r}"
            ),
        )


def _plain(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


@rule(
    "A003",
    "repeated-why",
    WARNING,
    summary="A why answers with what an earlier level already said.",
    why=(
        "Each why moves one step past the previous answer, toward a "
        "systemic cause; restating it goes round in a circle."
    ),
    failing=(
        (
            "$.analysis.whys.whys[2].answer",
            "Incoming records were not validated against a schema.",
        ),
    ),
    passing=(
        (
            "$.analysis.whys.whys[2].answer",
            "The integration assumed the API would never change.",
        ),
    ),
)
def _repeated(ctx: Context) -> Iterator[tuple[str, str]]:
    seen: list[tuple[int, frozenset[str]]] = []
    for index, why in enumerate(ctx.post_mortem.analysis.whys.whys):
        words = _plain(why.answer)
        if not words:
            continue
        level = _echoed(words, seen)
        if level is not None:
            yield (
                f"{_WHYS}[{index}].answer",
                (
                    f"Why #{index + 1} repeats the answer of Why #{level}; "
                    "ask why that condition existed and answer that."
                ),
            )
        seen.append((index + 1, words))


def _echoed(
    words: frozenset[str], seen: list[tuple[int, frozenset[str]]]
) -> int | None:
    """The first earlier level whose answer has nearly the same words."""
    for level, earlier in seen:
        overlap = len(words & earlier) / len(words | earlier)
        if overlap >= 0.8:  # noqa: PLR2004  # all but a word or two
            return level
    return None


def analysis_texts(pm: PostMortem) -> Iterator[tuple[str, str]]:
    """The free texts of the causal analysis, with their paths."""
    analysis = pm.analysis
    yield "$.analysis.trigger", analysis.trigger
    for index, why in enumerate(analysis.whys.whys):
        yield f"{_WHYS}[{index}].answer", why.answer
    for category in FactorCategory:
        checklist = analysis.factors.checklist(category)
        yield f"{_FACTORS}.{category.value}.other", checklist.other
        yield f"{_FACTORS}.{category.value}.notes", checklist.notes


def _all_texts(pm: PostMortem) -> Iterator[tuple[str, str]]:
    yield "$.incident.summary", pm.incident.summary
    for index, event in enumerate(pm.incident.timeline):
        yield f"$.incident.timeline[{index}].description", event.description
    yield from analysis_texts(pm)
    resilience = pm.analysis.resilience
    yield f"{_RESILIENCE}.missing_detection", resilience.missing_detection
    yield f"{_RESILIENCE}.missing_containment", resilience.missing_containment
    lessons = pm.analysis.lessons
    for name in ("went_well", "went_wrong", "got_lucky"):
        for index, line in enumerate(getattr(lessons, name)):
            yield f"$.analysis.lessons.{name}[{index}]", line
    for index, item in enumerate(pm.actions):
        yield f"$.actions[{index}].description", item.description


# Verbs that put a person, rather than a condition, at the cause.
_PERSON_AS_CAUSE = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?|@[\w.-]+) (?:forgot|neglected|ignored|"
    r"overlooked|messed up|screwed up|was careless|"
    r"made (?:a|an) (?:mistake|error)|should have)\b"
)
_NOT_PEOPLE = frozenset(
    {"The", "This", "That", "It", "Nobody", "No", "Someone", "We", "They"}
)


@rule(
    "A004",
    "person-as-cause",
    WARNING,
    summary=(
        "The trigger, a why or a contributing factor names a person as "
        "the cause."
    ),
    why=(
        "Ground rule 2: we investigate the system and process, not the "
        "people. Name the condition that made the action possible."
    ),
    failing=(
        (
            "$.analysis.whys.whys[0].answer",
            "Dana forgot to check the sync output.",
        ),
    ),
    passing=(
        (
            "$.analysis.whys.whys[0].answer",
            "Nothing checked the sync output before it was written.",
        ),
    ),
)
def _person(ctx: Context) -> Iterator[tuple[str, str]]:
    names = ctx.people
    for path, text in analysis_texts(ctx.post_mortem):
        found = names.search(text) if names else None
        subject = _PERSON_AS_CAUSE.search(text)
        if subject and subject.group(1) not in _NOT_PEOPLE:
            name = subject.group(1)
        elif found:
            name = found.group()
        else:
            continue
        yield (
            path,
            (
                f"It names {name} as the cause; describe the condition in the "
                "system or process that made the failure possible instead."
            ),
        )


@rule(
    "A005",
    "blaming-language",
    WARNING,
    summary=(
        'The post-mortem uses blaming language such as "human error", '
        '"careless" or "should have".'
    ),
    why=(
        "Ground rule 1: everyone did the best they could with the "
        "information they had. Ask what information was missing or "
        "misleading, not whether someone was careless."
    ),
    failing=(
        (
            "$.analysis.trigger",
            "Human error: an engineer pushed a bad config.",
        ),
    ),
    passing=(
        (
            "$.analysis.trigger",
            "A config with an invalid value was deployed without review.",
        ),
    ),
)
def _blaming(ctx: Context) -> Iterator[tuple[str, str]]:
    pattern = ctx.blaming
    if pattern is None:
        return
    for path, text in _all_texts(ctx.post_mortem):
        found = pattern.search(text)
        if found:
            yield (
                path,
                (
                    f"{found.group()!r} is blaming language; describe what "
                    "information was missing or misleading, and which "
                    "condition of the system allowed it."
                ),
            )


@rule(
    "A006",
    "no-factors",
    WARNING,
    summary="No contributing factor is checked.",
    why=(
        "The contributing factors are why the trigger was possible and why "
        "the system could not handle it gracefully; you need them as well "
        "as the trigger."
    ),
    failing=(("$.analysis.factors.system.checked", frozenset()),
             ("$.analysis.factors.assumption.checked", frozenset())),
    passing=(("$.analysis.factors.system.checked", {Factor.NO_MONITORING}),
             ("$.analysis.factors.assumption.checked", frozenset())),
)  # fmt: skip
def _no_factors(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.analysis.factors.checked:
        yield (
            _FACTORS,
            (
                "No contributing factor is checked; check every system, "
                "process and assumption factor that contributed, with notes."
            ),
        )


@rule(
    "A007",
    "one-factor-category",
    INFO,
    summary="The contributing factors come from one category only.",
    why=(
        "Most significant failures have contributing factors in several "
        "categories: system, process and assumption."
    ),
    failing=(("$.analysis.factors.assumption.checked", frozenset()),),
    passing=(
        (
            "$.analysis.factors.assumption.checked",
            {Factor.ASSUMED_STABLE_THIRD_PARTY},
        ),
    ),
)
def _one_category(ctx: Context) -> Iterator[tuple[str, str]]:
    categories = ctx.post_mortem.analysis.factors.categories
    if len(categories) == 1:
        (only,) = categories
        yield (
            _FACTORS,
            (
                f"Every contributing factor is a {only.value} factor; most "
                "significant failures also have factors in other categories."
            ),
        )


@rule(
    "A008",
    "other-without-text",
    WARNING,
    summary='An "other" factor is checked without saying what it is.',
    why=(
        'Each category\'s "other" box has a blank to fill: an unnamed '
        "factor cannot be addressed."
    ),
    failing=(
        (
            "$.analysis.factors.process.checked",
            {Factor.OTHER_PROCESS},
        ),
    ),
    passing=(
        (
            "$.analysis.factors.process.checked",
            {Factor.OTHER_PROCESS},
        ),
        (
            "$.analysis.factors.process.other",
            "The vendor's change notices went to an unread inbox.",
        ),
    ),
)
def _other(ctx: Context) -> Iterator[tuple[str, str]]:
    factors = ctx.post_mortem.analysis.factors
    for category, other in _OTHER.items():
        checklist = factors.checklist(category)
        if other in checklist.checked and not checklist.other.strip():
            yield (
                f"{_FACTORS}.{category.value}.other",
                (
                    f"{other.label!r} is checked but not described; say what "
                    "the factor was."
                ),
            )


_OTHER = {
    category: next(f for f in Factor.of(category) if f.is_other)
    for category in FactorCategory
}


@rule(
    "A009",
    "missing-detection-mechanism",
    WARNING,
    summary=(
        'The failure could have been detected earlier ("yes" or '
        '"partially"), but the missing mechanism is not named.'
    ),
    why=(
        "If the answer is yes or partially, the worksheet asks what "
        "specific mechanism was missing: that is the action to take."
    ),
    failing=(("$.analysis.resilience.missing_detection", ""),),
    passing=(
        (
            "$.analysis.resilience.missing_detection",
            "An alert on the rate of rejected records.",
        ),
    ),
)
def _detection_mechanism(ctx: Context) -> Iterator[tuple[str, str]]:
    resilience = ctx.post_mortem.analysis.resilience
    if resilience.could_detect_earlier and not (
        resilience.missing_detection.strip()
    ):
        yield (
            f"{_RESILIENCE}.missing_detection",
            (
                "The failure could have been detected earlier, but the "
                "missing mechanism is not named; say what specific mechanism "
                "was missing."
            ),
        )


@rule(
    "A010",
    "missing-containment-mechanism",
    WARNING,
    summary=(
        'The blast radius could have been smaller ("yes"), but the missing '
        "containment mechanism is not named."
    ),
    why=(
        "If the answer is yes, the worksheet asks what specific "
        "containment mechanism was missing."
    ),
    failing=(("$.analysis.resilience.missing_containment", ""),),
    passing=(
        (
            "$.analysis.resilience.missing_containment",
            "A circuit breaker on the sync.",
        ),
    ),
)
def _containment_mechanism(ctx: Context) -> Iterator[tuple[str, str]]:
    resilience = ctx.post_mortem.analysis.resilience
    if resilience.could_limit_blast_radius and not (
        resilience.missing_containment.strip()
    ):
        yield (
            f"{_RESILIENCE}.missing_containment",
            (
                "The blast radius could have been smaller, but the missing "
                "containment mechanism is not named; say which one was "
                "missing."
            ),
        )


@rule(
    "A011",
    "earlier-detection-unanswered",
    WARNING,
    summary='"Could this failure have been detected earlier?" is unanswered.',
    why=(
        "The resilience question is the most important question in the "
        "entire worksheet; answer it honestly."
    ),
    failing=(("$.analysis.resilience.earlier_detection", frozenset()),),
    passing=(
        (
            "$.analysis.resilience.earlier_detection",
            {EarlierDetection.MONITORING},
        ),
    ),
)
def _detection_unanswered(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.analysis.resilience.earlier_detection:
        yield (
            f"{_RESILIENCE}.earlier_detection",
            (
                "Could this failure have been detected earlier? Answer yes, "
                "no or partially."
            ),
        )


@rule(
    "A012",
    "blast-radius-unanswered",
    WARNING,
    summary='"Could the blast radius have been smaller?" is unanswered.',
    why=(
        "The resilience question is the most important question in the "
        "entire worksheet; answer it honestly."
    ),
    failing=(("$.analysis.resilience.smaller_blast_radius", frozenset()),),
    passing=(
        (
            "$.analysis.resilience.smaller_blast_radius",
            {SmallerBlastRadius.CIRCUIT_BREAKER},
        ),
    ),
)
def _blast_unanswered(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.analysis.resilience.smaller_blast_radius:
        yield (
            f"{_RESILIENCE}.smaller_blast_radius",
            "Could the blast radius have been smaller? Answer yes or no.",
        )

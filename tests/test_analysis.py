"""Tests of Section 2, the causal analysis."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given

from blameless import (
    MAX_WHY_LEVEL,
    CausalAnalysis,
    ContributingFactors,
    EarlierDetection,
    Factor,
    FactorCategory,
    FactorChecklist,
    FiveWhys,
    InvariantError,
    Lessons,
    Resilience,
    SmallerBlastRadius,
    Why,
)
from blameless import strategies as bst

LONE_DETECTION = (EarlierDetection.UNFORESEEABLE, EarlierDetection.PARTIALLY)


@given(bst.five_whys())
def test_why_levels_run_from_one_without_a_gap(whys: FiveWhys) -> None:
    """Generated drill-downs number their levels 1, 2, 3 ... in order."""
    levels = [why.level for why in whys.whys]

    assert levels == list(range(1, len(levels) + 1))
    assert len(levels) <= MAX_WHY_LEVEL
    assert whys.changeable_level in (None, *levels)
    assert 0 <= whys.depth <= len(levels)


@pytest.mark.parametrize("level", [0, 6, -1, True])
def test_a_level_outside_one_to_five_is_refused(level: int) -> None:
    """A why-level is a whole number from 1 to 5; a bool is not one."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            "Why.level: a why-level is a whole number from 1 to 5 "
            f"(level={level!r})"
        ),
    ):
        Why(level)


def test_each_level_asks_the_worksheets_question() -> None:
    """The question follows from the level, as on the worksheet."""
    assert Why(1).question == "Why did [the trigger] cause a failure?"
    assert Why(5).question == "Why does the system or process allow this?"
    assert len({Why(n).question for n in range(1, 6)}) == 5


def test_levels_that_skip_a_number_are_refused() -> None:
    """Levels 1 then 3 are refused at the position of the gap."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            "FiveWhys.whys[1]: why-levels must run 1, 2, 3 ... without "
            "skipping (expected_level=2, level=3)"
        ),
    ):
        FiveWhys(whys=[Why(1, "a"), Why(3, "b")])


def test_levels_must_start_at_one() -> None:
    """A drill-down that starts at level 2 is refused."""
    with pytest.raises(InvariantError, match=r"FiveWhys\.whys\[0\]"):
        FiveWhys(whys=[Why(2, "b")])


@pytest.mark.parametrize("changeable", [0, 3])
def test_the_changeable_level_must_be_answered(changeable: int) -> None:
    """The level marked changeable must be one of the levels present."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            "FiveWhys.changeable_level: the changeable level must be one of "
            f"the levels answered (changeable_level={changeable}, depth=2)"
        ),
    ):
        FiveWhys(whys=[Why(1), Why(2)], changeable_level=changeable)


@given(bst.five_whys(complete=False))
def test_evolving_into_a_gap_is_refused(whys: FiveWhys) -> None:
    """Appending a level that skips one is refused by evolve too."""
    skipped = len(whys.whys) + 2
    if skipped > MAX_WHY_LEVEL:
        return

    with pytest.raises(InvariantError, match="without skipping"):
        attrs.evolve(whys, whys=(*whys.whys, Why(skipped)))


def test_depth_stops_at_the_first_blank_answer() -> None:
    """A blank answer ends the depth, whatever follows it."""
    whys = FiveWhys(whys=[Why(1, "a"), Why(2, " "), Why(3, "c")])

    assert whys.depth == 1
    assert FiveWhys().depth == 0


def test_each_category_has_its_boxes_and_one_other() -> None:
    """The worksheet's boxes: 6, 6 and 5 of their own, plus "other"."""
    sizes = {"system": 7, "process": 7, "assumption": 6}
    for category in FactorCategory:
        boxes = Factor.of(category)

        assert len(boxes) == sizes[category.value]
        assert all(box.category is category for box in boxes)
        assert [box.is_other for box in boxes].count(True) == 1
    assert Factor.NO_CIRCUIT_BREAKER.label == "Missing circuit breaker"


@given(bst.contributing_factors())
def test_each_checklist_holds_only_its_own_boxes(
    factors: ContributingFactors,
) -> None:
    """Generated checklists hold boxes of their own category only."""
    for category in FactorCategory:
        checked = factors.checklist(category).checked

        assert all(box.category is category for box in checked)
    assert factors.categories == {box.category for box in factors.checked}


def test_a_box_of_another_category_is_refused() -> None:
    """A process box on the system checklist is refused."""
    wrong = FactorChecklist(checked={Factor.CHANGE_MANAGEMENT})

    with pytest.raises(
        InvariantError,
        match=re.escape(
            "ContributingFactors.system: the system checklist holds a box "
            "of another category (factor='process.change_management')"
        ),
    ):
        ContributingFactors(system=wrong)


@given(bst.resiliences())
def test_resilience_answers_combine_as_the_worksheet_allows(
    resilience: Resilience,
) -> None:
    """A lone answer ("no", "partially") is never given with another."""
    for answers in (
        resilience.earlier_detection,
        resilience.smaller_blast_radius,
    ):
        lone = answers & {*LONE_DETECTION, SmallerBlastRadius.SYSTEM_WIDE}
        assert not lone or len(answers) == 1


@pytest.mark.parametrize(
    "answers",
    [
        {EarlierDetection.UNFORESEEABLE, EarlierDetection.MONITORING},
        {EarlierDetection.PARTIALLY, EarlierDetection.MANUAL_CHECK},
        {EarlierDetection.UNFORESEEABLE, EarlierDetection.PARTIALLY},
    ],
)
def test_a_lone_detection_answer_combined_is_refused(
    answers: set[EarlierDetection],
) -> None:
    """The lone answers exclude every other answer, each other too."""
    values = sorted(answer.value for answer in answers)

    with pytest.raises(
        InvariantError,
        match=re.escape(
            "Resilience.earlier_detection: this answer excludes every other "
            f"answer to the question (answers={values!r})"
        ),
    ):
        Resilience(earlier_detection=answers)


def test_no_smaller_blast_radius_combined_is_refused() -> None:
    """The answer that it was system-wide excludes the "yes" answers."""
    with pytest.raises(
        InvariantError, match=r"^Resilience\.smaller_blast_radius: "
    ):
        Resilience(
            smaller_blast_radius={
                SmallerBlastRadius.SYSTEM_WIDE,
                SmallerBlastRadius.ROLLBACK,
            }
        )


@given(bst.resiliences(complete=True))
def test_evolving_into_mixed_answers_is_refused(
    resilience: Resilience,
) -> None:
    """Adding an answer to a lone one through evolve is refused."""
    mixed = {EarlierDetection.PARTIALLY, EarlierDetection.MONITORING}

    with pytest.raises(InvariantError, match="excludes every other answer"):
        attrs.evolve(resilience, earlier_detection=mixed)


def test_the_yes_answers_combine() -> None:
    """The "yes" answers of a question may be given together."""
    resilience = Resilience(
        earlier_detection={
            EarlierDetection.MONITORING,
            EarlierDetection.MANUAL_CHECK,
        },
        smaller_blast_radius=set(SmallerBlastRadius)
        - {SmallerBlastRadius.SYSTEM_WIDE},
    )

    assert resilience.could_detect_earlier is True
    assert resilience.could_limit_blast_radius is True


def test_the_answers_read_as_yes_no_or_unanswered() -> None:
    """Partially counts as yes; no answer reads as None."""
    assert Resilience().could_detect_earlier is None
    assert Resilience().could_limit_blast_radius is None
    partially = Resilience(earlier_detection={EarlierDetection.PARTIALLY})
    assert partially.could_detect_earlier is True
    no = Resilience(
        earlier_detection={EarlierDetection.UNFORESEEABLE},
        smaller_blast_radius={SmallerBlastRadius.SYSTEM_WIDE},
    )
    assert no.could_detect_earlier is False
    assert no.could_limit_blast_radius is False


@pytest.mark.parametrize(
    ("kind", "field", "where"),
    [
        (FiveWhys, "whys", "FiveWhys.whys"),
        (FactorChecklist, "checked", "FactorChecklist.checked"),
        (Resilience, "earlier_detection", "Resilience.earlier_detection"),
        (
            Resilience,
            "smaller_blast_radius",
            "Resilience.smaller_blast_radius",
        ),
        (Lessons, "went_well", "Lessons"),
        (Lessons, "got_lucky", "Lessons"),
    ],
)
def test_a_string_for_a_collection_is_refused(
    kind: Callable[..., object], field: str, where: str
) -> None:
    """A string is not split into characters where a set is expected."""
    with pytest.raises(
        InvariantError,
        match=re.escape(
            f"{where}: expected a collection of items, not a single string "
            "(value='partially')"
        ),
    ):
        kind(**{field: "partially"})


@given(bst.causal_analyses(complete=True))
def test_complete_analyses_fill_every_part(analysis: CausalAnalysis) -> None:
    """A complete analysis: trigger, 3+ whys, factors, answers, lessons."""
    resilience = analysis.resilience

    assert analysis.trigger.strip()
    assert analysis.whys.depth >= 3
    assert analysis.whys.changeable_level == len(analysis.whys.whys)
    assert analysis.factors.checked
    assert resilience.could_detect_earlier is not None
    assert resilience.could_limit_blast_radius is not None
    assert (
        bool(resilience.missing_detection) == resilience.could_detect_earlier
    )
    assert bool(resilience.missing_containment) == (
        resilience.could_limit_blast_radius
    )
    assert analysis.lessons.went_well
    assert analysis.lessons.went_wrong


@given(bst.causal_analyses())
def test_equal_analyses_hash_equal(analysis: CausalAnalysis) -> None:
    """An unchanged copy is equal and hashes equal; sets do not matter."""
    copy = attrs.evolve(analysis)

    assert copy == analysis
    assert hash(copy) == hash(analysis)

"""Agreement of the action quality check with labelled action items.

Two labelled sets are scored, each line an action item's ``description``,
``owner`` and ``due`` as written, and a label per criterion: ``true``,
``false``, or ``null`` where careful readers disagree (not scored).

- ``../shared/data/action-items.jsonl`` beside the repository (or the file
  named by ``BLAMELESS_ACTION_ITEMS``), when it exists. The checker's word
  lists were written with these items in view, so its figures are
  optimistic.
- ``bench/data/dev-action-items.jsonl``, written for this project by
  someone who saw neither the checker nor the first set. It was measured
  blind once (see ``bench/data/README.md``), then used to improve the
  checker's general rules.
- ``bench/data/held-out-action-items.jsonl``, written the same way after
  that, and never used to tune anything: the honest measure of how the
  checker does on action items it has never seen.

The target is 90% agreement on every criterion of every set.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from blameless import Criterion, check_action

HERE = Path(__file__).resolve().parent
SETS = {
    "tuning": Path(
        os.environ.get(
            "BLAMELESS_ACTION_ITEMS",
            HERE.parents[1] / "shared/data/action-items.jsonl",
        )
    ),
    "development": HERE / "data" / "dev-action-items.jsonl",
    "held out": HERE / "data" / "held-out-action-items.jsonl",
}
TARGET = 0.90

# (agreed, scored) per criterion
Score = dict[Criterion, list[int]]


def main() -> int:
    """Print agreement per criterion and set, then every disagreement."""
    scores: dict[str, Score] = {}
    wrong: list[str] = []
    for name, path in SETS.items():
        if not path.exists():
            print(f"{name}: skipped, no labelled items at {path}")
            continue
        scores[name] = _score(_read(path), wrong)

    _print_table(scores)
    print(f"\n{len(wrong)} disagreements:")
    for line in wrong:
        print(line)
    below = [
        (name, criterion.label)
        for name, score in scores.items()
        for criterion, (agreed, scored) in score.items()
        if scored and agreed / scored < TARGET
    ]
    if below:
        print(f"\nbelow the {TARGET:.0%} target: {below}")
    return 1 if below else 0


def _read(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _score(items: list[dict[str, Any]], wrong: list[str]) -> Score:
    score: Score = {criterion: [0, 0] for criterion in Criterion}
    for item in items:
        quality = check_action(
            item["description"], owner=item["owner"], due=item["due"]
        )
        for criterion in Criterion:
            expected = item["labels"].get(criterion.value)
            if expected is None:
                continue
            verdict = quality.verdict(criterion)
            score[criterion][0] += verdict.passed == expected
            score[criterion][1] += 1
            if verdict.passed != expected:
                wrong.append(_wrong(item, criterion, verdict.reason))
    return score


def _wrong(item: dict[str, Any], criterion: Criterion, reason: str) -> str:
    expected = "pass" if item["labels"][criterion.value] else "fail"
    said = "fail" if expected == "pass" else "pass"
    return (
        f"  {item['id']} {criterion.label}: labelled {expected}, "
        f"checker says {said}"
        f"\n      description={item['description']!r} "
        f"owner={item['owner']!r} due={item['due']!r}"
        f"\n      reason: {reason}"
    )


def _print_table(scores: dict[str, Score]) -> None:
    names = list(scores)
    print("action quality check: agreement with labelled items")
    print(f"{'criterion':<12}" + "".join(f"{n:>16}" for n in names))
    for criterion in Criterion:
        cells = [_cell(scores[name][criterion]) for name in names]
        print(f"{criterion.label:<12}" + "".join(f"{c:>16}" for c in cells))


def _cell(cell: list[int]) -> str:
    agreed, scored = cell
    if not scored:
        return "-"
    return f"{agreed}/{scored} {agreed / scored:.0%}"


if __name__ == "__main__":
    sys.exit(main())

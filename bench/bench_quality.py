"""Agreement of the action quality check with labelled action items.

Reads ``../shared/data/action-items.jsonl`` beside the repository (or the
file named by ``BLAMELESS_ACTION_ITEMS``) when it exists. Each line holds
an action item's ``description``, ``owner`` and ``due`` as written, and a
label per criterion: ``true``, ``false``, or ``null`` where careful
readers disagree; ``null`` is not scored.

The items are split in two halves by a hash of their id, so the figures
of each half can be compared: a checker tuned to one half and much worse
on the other would be overfitted. The checker itself never sees the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from blameless import Criterion, check_action

DATA = Path(
    os.environ.get(
        "BLAMELESS_ACTION_ITEMS",
        Path(__file__).resolve().parents[2] / "shared/data/action-items.jsonl",
    )
)
TARGET = 0.90


def main() -> int:
    """Print the agreement per criterion and the items judged wrongly."""
    if not DATA.exists():
        print(f"skipped: no labelled action items at {DATA}")
        return 0

    items = [json.loads(line) for line in DATA.read_text().splitlines()]
    items = [item for item in items if item]
    wrong: list[str] = []
    table: dict[str, dict[str, list[int]]] = {}
    for item in items:
        quality = check_action(
            item["description"], owner=item["owner"], due=item["due"]
        )
        half = _half(item["id"])
        for criterion in Criterion:
            expected = item["labels"].get(criterion.value)
            if expected is None:
                continue
            verdict = quality.verdict(criterion)
            agree = verdict.passed == expected
            for key in (half, "all"):
                cell = table.setdefault(criterion.value, {}).setdefault(
                    key, [0, 0]
                )
                cell[0] += agree
                cell[1] += 1
            if not agree:
                wrong.append(_wrong(item, criterion, verdict.reason))

    _print_table(table, len(items))
    print(f"\n{len(wrong)} disagreements:")
    for line in wrong:
        print(line)
    below = [
        name
        for name, cells in table.items()
        if cells["all"][0] / cells["all"][1] < TARGET
    ]
    return 1 if below else 0


def _half(item_id: str) -> str:
    digest = hashlib.sha256(item_id.encode()).digest()
    return "A" if digest[0] % 2 == 0 else "B"


def _wrong(item: dict[str, Any], criterion: Criterion, reason: str) -> str:
    expected = item["labels"][criterion.value]
    said = "fail" if expected else "pass"
    return (
        f"  {item['id']} {criterion.label}: labelled "
        f"{'pass' if expected else 'fail'}, checker says {said}"
        f"\n      description={item['description']!r} "
        f"owner={item['owner']!r} due={item['due']!r}"
        f"\n      reason: {reason}"
    )


def _print_table(table: dict[str, dict[str, list[int]]], count: int) -> None:
    print(f"action quality check vs {count} labelled items ({DATA.name})")
    print(f"{'criterion':<12} {'all':>14} {'half A':>14} {'half B':>14}")
    for criterion in Criterion:
        cells = table.get(criterion.value, {})
        shown = [_cell(cells.get(key)) for key in ("all", "A", "B")]
        print(
            f"{criterion.label:<12} {shown[0]:>14} {shown[1]:>14} "
            f"{shown[2]:>14}"
        )


def _cell(cell: list[int] | None) -> str:
    if not cell:
        return "-"
    right, scored = cell
    return f"{right}/{scored} {right / scored:.0%}"


if __name__ == "__main__":
    sys.exit(main())

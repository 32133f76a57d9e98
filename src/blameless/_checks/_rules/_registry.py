"""The registry of rules, and the decorator that fills it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from blameless._checks._context import Context
from blameless._checks._findings import FindingSeverity, Rule

__all__ = ["ERROR", "INFO", "REGISTERED", "WARNING", "Run", "rule"]

#: A rule's check: the pairs of field path and message it finds.
Run = Callable[[Context], Iterable[tuple[str, str]]]

ERROR = FindingSeverity.ERROR
WARNING = FindingSeverity.WARNING
INFO = FindingSeverity.INFO

#: The sections of the worksheet, by the letter that starts a code.
SECTIONS = {
    "R": "Before the meeting: readiness and ground rules",
    "I": "Section 1: the incident report",
    "A": "Section 2: the causal analysis",
    "X": "Section 3: lessons and actions",
    "F": "Section 4: follow-up and accountability",
    "L": "The post-mortem log",
}

#: Every rule with its check, in the worksheet's order.
REGISTERED: list[tuple[Rule, Run]] = []

Change = tuple[str, object]


def rule(  # noqa: PLR0913  # a rule is described by all of these
    code: str,
    name: str,
    severity: FindingSeverity,
    *,
    summary: str,
    why: str,
    failing: tuple[Change, ...],
    passing: tuple[Change, ...],
) -> Callable[[Run], Run]:
    """Register a rule's check under its code and description.

    Args:
        code: The stable code; its letter names the section.
        name: A short name in kebab case.
        severity: The severity of its findings.
        summary: What it checks, in one sentence.
        why: Why the worksheet asks for it.
        failing: Changes to the reference post-mortem that trigger it.
        passing: Changes that do not.
    """
    described = Rule(
        code=code,
        name=name,
        severity=severity,
        section=SECTIONS[code[0]],
        summary=summary,
        why=why,
        failing=failing,
        passing=passing,
    )

    def register(run: Run) -> Run:
        """Add *run* to the registry under this description, unchanged."""
        REGISTERED.append((described, run))
        return run

    return register

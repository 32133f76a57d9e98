"""Findings, their severities, and the rules that report them."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Finding", "FindingSeverity", "Rule"]


class FindingSeverity(enum.Enum):
    """How much a finding matters.

    Severities order from info to error, so ``max()`` gives the worst.
    """

    #: Worth knowing; the worksheet mentions it without asking for it.
    INFO = "info"
    #: The worksheet asks for it; fix it before the post-mortem is filed.
    WARNING = "warning"
    #: The worksheet says to stop, or the data contradicts itself.
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Its rank on the scale, from 1 for info to 3 for error."""
        return _RANK[self]

    def __lt__(self, other: FindingSeverity) -> bool:
        if not isinstance(other, FindingSeverity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: FindingSeverity) -> bool:
        if not isinstance(other, FindingSeverity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: FindingSeverity) -> bool:
        if not isinstance(other, FindingSeverity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: FindingSeverity) -> bool:
        if not isinstance(other, FindingSeverity):
            return NotImplemented
        return self.rank >= other.rank


_RANK = {
    FindingSeverity.INFO: 1,
    FindingSeverity.WARNING: 2,
    FindingSeverity.ERROR: 3,
}


@attrs.frozen
class Finding:
    """One piece of the worksheet's guidance that a post-mortem misses.

    Args:
        code: The stable code of the rule, such as ``"A002"``.
        severity: Error, warning or info.
        path: The field it is about, such as
            ``"$.analysis.whys.whys[2].answer"``.
        message: What is wrong and what to do, in the worksheet's words.
    """

    code: str
    severity: FindingSeverity
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.code} {self.message}"


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the worksheet, as the checks apply it.

    The examples are changes to the reference post-mortem, which passes
    every rule: ``failing`` sets fields so that the rule reports a
    finding, ``passing`` sets the same fields so that it does not. Each
    change is a pair of a field path and the value it gets.

    Args:
        code: The stable code, a letter for the section and three digits.
        name: A short name in kebab case, such as ``"shallow-whys"``.
        severity: The severity of its findings.
        section: The part of the worksheet it belongs to.
        summary: What it checks, in one sentence.
        why: Why the worksheet asks for it.
        failing: Changes that make the reference post-mortem fail.
        passing: Changes that keep it passing.
    """

    code: str
    name: str
    severity: FindingSeverity
    section: str
    summary: str
    why: str
    failing: tuple[tuple[str, object], ...]
    passing: tuple[tuple[str, object], ...]

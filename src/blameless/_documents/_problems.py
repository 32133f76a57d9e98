"""What is wrong with a document, and the one error that lists it all."""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from blameless._errors import BlamelessError

__all__ = ["DocumentError", "Problem", "shown"]

# Values are shown with repr, but a bad value may be a megabyte of text or
# a list nested a thousand deep: both would drown the message (or overflow
# the stack), so the repr is bounded.
_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = 80
_REPR.maxother = 80
_REPR.maxlist = 6
_REPR.maxdict = 6


def shown(value: object) -> str:
    """Return a short, safe ``repr`` of a value found in a document."""
    try:
        return _REPR.repr(value)
    except Exception:  # noqa: BLE001 - a hostile __repr__ must not escape
        return f"<{type(value).__name__} object>"


@attrs.frozen
class Problem:
    """One thing wrong with a document, and where it is.

    Args:
        path: Where in the document, such as ``"$.actions[2].due"``; ``$``
            is the whole document.
        expected: What belongs there, in words.
        found: What was there, as a short ``repr``; empty when the key is
            missing altogether.
        message: The whole sentence a person reads, with a fix when there
            is an obvious one.
    """

    path: str
    expected: str
    found: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _describe(problems: tuple[Problem, ...], source: str | None) -> str:
    where = f" in {source}" if source else ""
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [f"{count} {noun}{where}:"]
    lines.extend(f"  {problem}" for problem in problems)
    return "\n".join(lines)


class DocumentError(BlamelessError):
    """A document is not a valid post-mortem; every problem is listed.

    It is raised by every function that reads a document, for any bad
    input: broken syntax, wrong types, missing or unknown keys, impossible
    data. It is a :class:`ValueError` too.

    Args:
        problems: Everything found wrong, in document order; never empty.
        source: The file the document came from, if it came from one.
    """

    problems: tuple[Problem, ...]
    source: str | None

    def __init__(
        self,
        problems: Iterable[Problem],
        source: str | Path | None = None,
    ) -> None:
        self.problems = tuple(problems)
        self.source = None if source is None else str(source)
        super().__init__(_describe(self.problems, self.source))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickling must rebuild from the parts, not from the message.
        return (type(self), (self.problems, self.source))


def problem(
    path: str, expected: str, value: object, hint: str = ""
) -> Problem:
    """Build the problem of a value that is not what was expected.

    Args:
        path: Where the value is.
        expected: What belongs there.
        value: The value found there.
        hint: How to fix it, when there is an obvious fix.
    """
    found = shown(value)
    message = f"expected {expected}, found {found}"
    if hint:
        message += f"; {hint}"
    return Problem(path, expected, found, message)

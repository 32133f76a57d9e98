"""Run the Python examples in Markdown files as tests.

Every ```` ```python ```` block in the Markdown files that pytest collects
(``README.md`` and every page under ``docs/``) runs as a test. The blocks
of one file share one namespace and run in the order they appear, so a
page can build on what it defined earlier. A block that starts with
``>>>`` is checked as a doctest, output included.

Fences that look like Python but would not run (``pycon``, ``py``) fail
instead of being skipped without a word.
"""

import doctest

from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser

_NOT_RUN = ("pycon", "py")


def _refuse(example: Example) -> str:
    return (
        f"a ```{example.region.lexemes['arguments']} block is never run;"
        " write ```python instead (start it with >>> for a doctest)"
    )


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=doctest.ELLIPSIS),
        *(CodeBlockParser(language, _refuse) for language in _NOT_RUN),
    ],
    patterns=["*.md"],
).pytest()

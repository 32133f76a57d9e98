"""Run the Python examples in Markdown files as tests.

Every ```` ```python ```` block in the Markdown files that pytest collects
(``README.md`` and every page under ``docs/``) runs as a test. The blocks
of one file share one namespace and run in the order they appear, so a
page can build on what it defined earlier. A block that starts with
``>>>`` is checked as a doctest, output included.

Fences that look like Python but would not run (``pycon``, ``py``) fail
instead of being skipped without a word. Each file runs in a fresh
temporary working folder, so that a block may write a file (a chart, a
post-mortem) without leaving it in the checkout.

The Hypothesis profiles are set here, at the root, so that the property
examples in the docs run under the same profile as the tests. The profile
comes from the ``HYPOTHESIS_PROFILE`` environment variable; without it,
``ci`` is used where ``CI`` is set and ``dev`` elsewhere.
"""

import doctest
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser

_NOT_RUN = ("pycon", "py")


def _refuse(example: Example) -> str:
    return (
        f"a ```{example.region.lexemes['arguments']} block is never run;"
        " write ```python instead (start it with >>> for a doctest)"
    )


_FOLDER = "__working_folder__"
_RETURN_TO = "__return_to__"


def _enter_folder(namespace: dict[str, Any]) -> None:
    namespace[_RETURN_TO] = Path.cwd()
    namespace[_FOLDER] = tempfile.mkdtemp(prefix="blameless-docs-")
    os.chdir(namespace[_FOLDER])


def _leave_folder(namespace: dict[str, Any]) -> None:
    os.chdir(namespace[_RETURN_TO])
    shutil.rmtree(namespace[_FOLDER])


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=doctest.ELLIPSIS),
        *(CodeBlockParser(language, _refuse) for language in _NOT_RUN),
    ],
    patterns=["*.md"],
    setup=_enter_folder,
    teardown=_leave_folder,
).pytest()

# Each profile starts from Hypothesis's own defaults. Without a parent it
# would start from whatever profile is active, and Hypothesis activates its
# built-in "ci" profile by itself when CI is set.
_DEFAULT = settings.get_profile("default")

# Derandomized and without an example database, so that a CI failure
# reproduces on any machine and the run leaves no files behind. About 60
# examples a property keeps the whole suite within minutes on two cores.
settings.register_profile(
    "ci",
    _DEFAULT,
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# No deadline anywhere: timings on a shared two-core machine vary too much
# for a per-example deadline to mean anything.
settings.register_profile("dev", _DEFAULT, deadline=None)
settings.register_profile(
    "thorough", _DEFAULT, max_examples=2000, deadline=None
)

settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI") else "dev")
)

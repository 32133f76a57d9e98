"""Development sessions: tests, type checks, lint, docs and benchmarks.

Run ``nox -l`` to list them and ``nox -s NAME`` to run one.
"""

from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["tests", "typecheck", "lint", "docs"]

ROOT = Path(__file__).parent


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite under coverage with the quick CI profile."""
    _run_tests(session, profile="ci")


@nox.session
def thorough(session: nox.Session) -> None:
    """Run the test suite with many more Hypothesis examples per property."""
    _run_tests(session, profile="thorough")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Check the package, tests, examples and this file with strict mypy."""
    session.install("-e", ".[test]", "nox")
    session.run("mypy", "--strict")
    session.run("mypy", "--strict", "noxfile.py")


@nox.session
def lint(session: nox.Session) -> None:
    """Check lint rules and formatting without changing any file."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the HTML docs, failing on any warning, then run their code."""
    session.install("-e", ".[docs,test]")
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-n",
        "-b",
        "html",
        "docs",
        "docs/_build/html",
    )
    session.run("python", "-m", "pytest", "docs", "README.md")


@nox.session
def bench(session: nox.Session) -> None:
    """Run every benchmark script in bench/ and print its table."""
    scripts = sorted(ROOT.glob("bench/bench_*.py"))
    if not scripts:
        session.skip("bench/ holds no bench_*.py script yet")

    session.install("-e", ".[bench]")
    for script in scripts:
        session.run("python", str(script.relative_to(ROOT)))


def _run_tests(session: nox.Session, *, profile: str) -> None:
    session.install("-e", ".[test]", "coverage")
    session.run(
        "coverage",
        "run",
        "-m",
        "pytest",
        *session.posargs,
        env={"HYPOTHESIS_PROFILE": profile},
    )
    session.run("coverage", "report")

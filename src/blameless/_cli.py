"""The ``blameless`` command: the one place that talks to a person.

Each subcommand is a pair of functions, one that adds its arguments to
its parser and one that runs it and returns the exit status; they are
listed in ``_COMMANDS``, so a new subcommand is one more entry there.

Exit statuses follow linters: 0 when all is well, 1 when there are
findings, 2 for bad usage or input that cannot be read. Bad input is
reported on one line per problem, with the path, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

import attrs

import blameless
from blameless._checks._check import RULES, check
from blameless._checks._config import CheckConfig
from blameless._checks._findings import Finding, FindingSeverity
from blameless._errors import ConfigError

__all__ = ["main"]

OK = 0
FINDINGS = 1
USAGE = 2

_RULE_NAMES = {described.code: described.name for described in RULES}

#: Each document checked, with its findings.
_Results = list[tuple[Path, tuple[Finding, ...]]]


class _Output:
    """Where the command writes, and whether it may use colour."""

    def __init__(self, out: TextIO, err: TextIO, *, colour: bool) -> None:
        self.out = out
        self.err = err
        self.colour = colour

    def paint(self, text: str, style: str) -> str:
        """Wrap *text* in an ANSI style when colour is on."""
        if not self.colour:
            return text
        return f"\033[{_STYLES[style]}m{text}\033[0m"

    def problem(self, where: str, text: str) -> None:
        """Report input that cannot be used, on one line of stderr."""
        print(f"blameless: error: {where}: {text}", file=self.err)


_STYLES = {
    "bold": "1",
    "error": "1;31",
    "warning": "1;33",
    "info": "1;36",
    "dim": "2",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``blameless`` command line.

    Args:
        argv: The arguments after the program's name; ``sys.argv[1:]``
            when ``None``.

    Returns:
        The exit status: 0 when all is well, 1 when there are findings,
        2 for bad usage or unreadable input.
    """
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as stop:
        # argparse has printed the usage and the problem already.
        return stop.code if isinstance(stop.code, int) else USAGE
    if arguments.command is None:
        parser.print_help(sys.stderr)
        return USAGE
    output = _Output(
        sys.stdout, sys.stderr, colour=_wants_colour(arguments.color)
    )
    run: Callable[[argparse.Namespace, _Output], int] = arguments.run
    return run(arguments, output)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blameless",
        description="Blameless post-mortems as typed, checked data.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add, run) in _COMMANDS.items():
        command = commands.add_parser(
            name, help=help_text, description=help_text
        )
        add(command)
        command.add_argument(
            "--color",
            choices=("auto", "always", "never"),
            default="auto",
            help="colour the output: on a terminal only (auto), always or "
            "never; NO_COLOR turns auto off",
        )
        command.set_defaults(run=run)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"blameless {version('blameless')}"
    except PackageNotFoundError:
        return "blameless (not installed)"


def _wants_colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


# check --------------------------------------------------------------------


def _add_check(parser: argparse.ArgumentParser) -> None:
    _add_input_output(parser)
    _add_rules(parser)
    _add_configuration(parser)
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit with status 0 even when there are findings (unreadable "
        "input still exits with 2)",
    )


def _add_input_output(parser: argparse.ArgumentParser) -> None:
    """The documents to check, and the form the findings are written in."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="post-mortem documents (.json, .toml, .yaml), or folders of them",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text for people, json for tools, github for annotations in "
        "GitHub Actions",
    )


def _add_rules(parser: argparse.ArgumentParser) -> None:
    """Which rules run, and the day they judge overdue items by."""
    parser.add_argument(
        "--select",
        type=_codes,
        metavar="CODES",
        help="run only these rules: codes or prefixes, comma-separated "
        "(such as A,X003); replaces the configured selection",
    )
    parser.add_argument(
        "--ignore",
        type=_codes,
        metavar="CODES",
        default=(),
        help="skip these rules: codes or prefixes, comma-separated; adds "
        "to the configured ones",
    )
    parser.add_argument(
        "--today",
        type=_day,
        metavar="YYYY-MM-DD",
        help="the day to judge overdue action items by (default: today)",
    )


def _add_configuration(parser: argparse.ArgumentParser) -> None:
    """Where the ``[tool.blameless]`` settings come from, if anywhere."""
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PYPROJECT",
        help="read [tool.blameless] from this file instead of the nearest "
        "pyproject.toml",
    )
    parser.add_argument(
        "--no-config",
        action="store_true",
        help="ignore any pyproject.toml and use the defaults",
    )


def _codes(text: str) -> tuple[str, ...]:
    codes = tuple(code.strip() for code in text.split(",") if code.strip())
    try:
        CheckConfig(select=codes)
    except ConfigError as error:
        message = f"{error.value!r}: {error.problem}"
        raise argparse.ArgumentTypeError(message) from None
    return codes


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = f"expected a date as YYYY-MM-DD, found {text!r}"
        raise argparse.ArgumentTypeError(message) from None


def _run_check(arguments: argparse.Namespace, output: _Output) -> int:
    try:
        config = _config(arguments)
    except _ConfigProblem as problem:
        output.problem(problem.where, problem.text)
        return USAGE

    unreadable = False
    results: _Results = []
    for path in _documents(arguments.paths, output):
        if path is None:
            unreadable = True
            continue
        post_mortem = _load(path, output)
        if post_mortem is None:
            unreadable = True
            continue
        found = check(post_mortem, today=arguments.today, config=config)
        results.append((path, found))

    _REPORTERS[arguments.format](results, output)
    if unreadable:
        return USAGE
    if arguments.exit_zero:
        return OK
    return FINDINGS if any(found for _, found in results) else OK


def _documents(paths: Iterable[str], output: _Output) -> Iterable[Path | None]:
    """Each document to check; None for a path with nothing to check."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = blameless.find_documents([path])
            if not found:
                output.problem(str(path), "the folder holds no documents")
                yield None
            yield from found
        elif not path.exists():
            output.problem(str(path), "no such file or folder")
            yield None
        else:
            yield path


def _load(path: Path, output: _Output) -> blameless.PostMortem | None:
    try:
        return blameless.load(path)
    except blameless.DocumentError as error:
        for problem in error.problems:
            output.problem(f"{path}:{problem.path}", problem.message)
    except OSError as error:
        output.problem(str(path), error.strerror or _one_line(error))
    return None


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _config(arguments: argparse.Namespace) -> CheckConfig:
    config = CheckConfig()
    if not arguments.no_config:
        source = arguments.config or _nearest_pyproject(Path.cwd())
        if source is not None:
            config = _read_config(source)
    if arguments.select is not None:
        config = attrs.evolve(config, select=arguments.select)
    if arguments.ignore:
        ignore = (*config.ignore, *arguments.ignore)
        config = attrs.evolve(config, ignore=ignore)
    return config


def _nearest_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


class _ConfigProblem(Exception):  # noqa: N818  # never leaves this module
    """A configuration file that cannot be used, and where it is."""

    def __init__(self, where: Path, text: str) -> None:
        super().__init__(text)
        self.where = str(where)
        self.text = text


def _read_config(source: Path) -> CheckConfig:
    try:
        with source.open("rb") as file:
            document = tomllib.load(file)
    except OSError as error:
        raise _ConfigProblem(source, error.strerror or "unreadable") from None
    except tomllib.TOMLDecodeError as error:
        raise _ConfigProblem(source, f"not valid TOML: {error}") from None
    table = document.get("tool", {}).get("blameless", {})
    try:
        return CheckConfig.from_mapping(table)
    except ConfigError as error:
        raise _ConfigProblem(
            source, f"[tool.blameless] {_one_line(error)}"
        ) from None


# Reporters ------------------------------------------------------------------


def _report_text(results: _Results, output: _Output) -> None:
    counts = dict.fromkeys(FindingSeverity, 0)
    for path, found in results:
        for finding in found:
            counts[finding.severity] += 1
            where = output.paint(f"{path}:{finding.path}:", "bold")
            code = output.paint(finding.code, finding.severity.value)
            print(f"{where} {code} {finding.message}", file=output.out)
    print(_summary(counts, len(results)), file=output.out)


def _summary(counts: dict[FindingSeverity, int], documents: int) -> str:
    total = sum(counts.values())
    checked = _counted(documents, "document")
    if not total:
        return f"All checks passed ({checked})."
    parts = [
        _counted(counts[severity], severity.value)
        for severity in sorted(FindingSeverity, reverse=True)
        if counts[severity]
    ]
    found = _counted(total, "finding")
    return f"Found {found} ({', '.join(parts)}) in {checked}."


def _counted(count: int, noun: str) -> str:
    # "info" has no plural: "3 info", as linters print it.
    plural = count != 1 and noun != "info"
    return f"{count} {noun}{'s' if plural else ''}"


def _report_json(results: _Results, output: _Output) -> None:
    rows = [
        {
            "file": str(path),
            "code": finding.code,
            "rule": _RULE_NAMES[finding.code],
            "severity": finding.severity.value,
            "path": finding.path,
            "message": finding.message,
        }
        for path, found in results
        for finding in found
    ]
    print(json.dumps(rows, indent=2, ensure_ascii=False), file=output.out)


_GITHUB_LEVEL = {
    FindingSeverity.ERROR: "error",
    FindingSeverity.WARNING: "warning",
    FindingSeverity.INFO: "notice",
}


def _report_github(results: _Results, output: _Output) -> None:
    for path, found in results:
        for finding in found:
            level = _GITHUB_LEVEL[finding.severity]
            title = f"{finding.code} {_RULE_NAMES[finding.code]}"
            properties = (
                f"file={_property(str(path))},title={_property(title)}"
            )
            message = _data(f"{finding.path}: {finding.message}")
            print(f"::{level} {properties}::{message}", file=output.out)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


_REPORTERS: dict[str, Callable[[_Results, _Output], None]] = {
    "text": _report_text,
    "json": _report_json,
    "github": _report_github,
}

_Command = tuple[
    str,
    Callable[[argparse.ArgumentParser], None],
    Callable[[argparse.Namespace, _Output], int],
]

#: The subcommands: name, one-line help, arguments, and how to run it.
_COMMANDS: dict[str, _Command] = {
    "check": (
        "Check post-mortems against the worksheet's guidance.",
        _add_check,
        _run_check,
    ),
}

"""Tests for the command line (blameless._cli)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from blameless import PostMortem, dump
from blameless._checks._changes import apply_changes
from blameless._checks._reference import REFERENCE, REFERENCE_TODAY
from blameless._cli import main

TODAY = ["--today", REFERENCE_TODAY.isoformat(), "--no-config"]


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    """A document that passes every rule."""
    path = tmp_path / "clean.json"
    dump(REFERENCE, path)
    return path


@pytest.fixture
def unnamed(tmp_path: Path) -> Path:
    """A document whose incident has no name (I001) nor summary (I002)."""
    path = tmp_path / "unnamed.json"
    post_mortem = apply_changes(
        REFERENCE, [("$.incident.name", ""), ("$.incident.summary", "")]
    )
    dump(post_mortem, path)
    return path


def test_clean_document_exits_zero(
    clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No finding: exit 0 and a one-line summary."""
    status = main(["check", str(clean), *TODAY])

    assert status == 0
    assert capsys.readouterr().out == "All checks passed (1 document).\n"


def test_findings_print_like_a_linter(
    unnamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Findings: exit 1, one line each with file, field path and code."""
    status = main(["check", str(unnamed), *TODAY])

    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines[0].startswith(f"{unnamed}:$.incident.name: I001 ")
    assert lines[1].startswith(f"{unnamed}:$.incident.summary: I002 ")
    assert lines[-1] == "Found 2 findings (2 warnings) in 1 document."
    assert "\033[" not in lines[0]


def test_folders_are_opened(
    clean: Path, unnamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder stands for the documents in it."""
    assert clean.parent == unnamed.parent

    status = main(["check", str(clean.parent), *TODAY])

    assert status == 1
    assert "in 2 documents." in capsys.readouterr().out


def test_select_and_ignore(
    unnamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--ignore skips rules; --select keeps only the ones named."""
    assert main(["check", str(unnamed), "--ignore", "I00", *TODAY]) == 0
    assert main(["check", str(unnamed), "--select", "I002", *TODAY]) == 1
    assert "I001" not in capsys.readouterr().out


def test_json_format(
    unnamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json prints one object per finding."""
    main(["check", str(unnamed), "--format", "json", *TODAY])

    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {
        "file": str(unnamed),
        "code": "I001",
        "rule": "no-incident-name",
        "severity": "warning",
        "path": "$.incident.name",
        "message": rows[0]["message"],
    }


def test_github_format(
    unnamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format github prints workflow commands, properties escaped."""
    main(["check", str(unnamed), "--format", "github", *TODAY])

    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(
        f"::warning file={unnamed},title=I001 no-incident-name::"
        "$.incident.name: The incident has no name"
    )


def test_colour_only_when_asked_or_on_a_terminal(
    unnamed: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--color always paints; NO_COLOR turns the automatic choice off."""
    main(["check", str(unnamed), "--color", "always", *TODAY])
    assert "\033[1;33mI001\033[0m" in capsys.readouterr().out

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    main(["check", str(unnamed), *TODAY])
    assert "\033[" not in capsys.readouterr().out


def test_exit_zero_keeps_the_findings_and_drops_the_status(
    unnamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--exit-zero: the same findings are printed, and the status is 0."""
    status = main(["check", "--exit-zero", str(unnamed), *TODAY])

    assert status == 0
    assert "I001" in capsys.readouterr().out


def test_exit_zero_still_reports_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--exit-zero does not hide a document that cannot be read."""
    broken = tmp_path / "broken.json"
    broken.write_text("[]", encoding="utf-8")

    status = main(["check", "--exit-zero", str(broken), *TODAY])

    assert status == 2
    assert str(broken) in capsys.readouterr().err


def test_unreadable_input_is_one_line_per_problem(
    tmp_path: Path, clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad documents and missing paths: exit 2, one line each, no traceback."""
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    missing = tmp_path / "missing.json"

    status = main(["check", str(broken), str(missing), str(clean), *TODAY])

    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.splitlines() == [
        f"blameless: error: {broken}:$: "
        + captured.err.split(":$: ")[1].splitlines()[0],
        f"blameless: error: {missing}: no such file or folder",
    ]
    assert "Traceback" not in captured.err
    assert "All checks passed (1 document)." in captured.out


def test_empty_folder_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder with no documents is reported, not silently passed."""
    status = main(["check", str(tmp_path), *TODAY])

    assert status == 2
    assert "the folder holds no documents" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "match"),
    [
        (["check"], "the following arguments are required: PATH"),
        (["check", "x", "--select", "Q1"], "'Q1': expected rule codes"),
        (["check", "x", "--today", "soon"], "expected a date as YYYY-MM-DD"),
        (["check", "x", "--format", "xml"], "invalid choice: 'xml'"),
        (["nothing"], "invalid choice: 'nothing'"),
    ],
)
def test_bad_usage_exits_two(
    arguments: list[str], match: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Usage errors come back as exit status 2, not SystemExit."""
    assert main(arguments) == 2
    assert match in capsys.readouterr().err


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command, the help goes to stderr with status 2."""
    assert main([]) == 2
    assert "check" in capsys.readouterr().err


def test_config_from_the_nearest_pyproject(
    tmp_path: Path,
    unnamed: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """[tool.blameless] of the nearest pyproject.toml is applied."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.blameless]\nignore = ["I001"]\n', encoding="utf-8"
    )
    inner = tmp_path / "inner"
    inner.mkdir()
    monkeypatch.chdir(inner)

    main(["check", str(unnamed), "--today", REFERENCE_TODAY.isoformat()])

    out = capsys.readouterr().out
    assert "I001" not in out
    assert "I002" in out


def test_bad_config_is_reported_with_its_file(
    tmp_path: Path, unnamed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad setting or bad TOML: exit 2, one line naming the file."""
    bad = tmp_path / "bad.toml"
    bad.write_text("[tool.blameless]\nmin-why-depth = 9\n", encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text("[tool", encoding="utf-8")

    assert main(["check", str(unnamed), "--config", str(bad)]) == 2
    assert main(["check", str(unnamed), "--config", str(broken)]) == 2

    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == (
        f"blameless: error: {bad}: [tool.blameless] min-why-depth: "
        "expected 1 to 5, found 9"
    )
    assert lines[1].startswith(f"blameless: error: {broken}: not valid TOML")


def test_python_dash_m(clean: Path) -> None:
    """Running ``python -m blameless`` is the same command line."""
    done = subprocess.run(
        [sys.executable, "-m", "blameless", "check", str(clean), *TODAY],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0
    assert done.stdout == "All checks passed (1 document).\n"


def test_a_draft_is_checked_not_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A blank draft loads and gets findings, never a traceback."""
    path = tmp_path / "draft.json"
    dump(PostMortem(), path)

    assert main(["check", str(path), *TODAY]) == 1
    assert "R001" in capsys.readouterr().out

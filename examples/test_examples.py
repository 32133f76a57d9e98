"""Every example script runs to the end without an error."""

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).parent


def _scripts() -> list[Path]:
    return sorted(
        path
        for path in EXAMPLES.glob("*.py")
        if not path.name.startswith(("test_", "conftest"))
    )


def test_example_scripts_exit_cleanly(tmp_path: Path) -> None:
    """Each script in examples/ exits with status 0 and warns of nothing.

    Scripts run one after another from an empty folder, so one that needs
    its own files must find them next to itself, and one that writes files
    leaves nothing behind in the repository.
    """
    failures = []
    for script in _scripts():
        result = subprocess.run(
            [sys.executable, "-W", "error", str(script)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            failures.append(
                f"{script.name} exited with {result.returncode}:\n"
                f"{result.stderr}"
            )

    assert not failures, "\n\n".join(failures)

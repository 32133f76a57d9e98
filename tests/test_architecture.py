"""The layering of docs/architecture.md, checked against the source."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).parent.parent / "src" / "blameless"

# The packages of each layer, bottom up, and what each layer may import
# from the package besides its own packages.
LAYERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "model": (("_errors", "_model"), ()),
    "checks": (("_checks",), ("_errors", "_model")),
    "metrics": (("_metrics", "metrics"), ("_errors", "_model")),
    "documents": (("_documents",), ("_errors", "_model")),
    "strategies": (("strategies",), ("_errors", "_model")),
}

OPTIONAL = (
    "hypothesis",
    "jsonschema",
    "msgspec",
    "numpy",
    "orjson",
    "pandas",
    "polars",
    "pyarrow",
    "pydantic",
    "tomli_w",
    "yaml",
)


def _layer(module: str) -> str | None:
    """Return the layer of a module path relative to the package."""
    top = module.partition(".")[0]
    for layer, (own, _) in LAYERS.items():
        if top in own:
            return layer
    return None


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        parts = path.relative_to(SOURCE).with_suffix("").parts
        found.append((".".join(parts), path))
    return found


def _package_imports(path: Path) -> set[str]:
    """Return the blameless modules that a source file imports."""
    imported: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        imported.update(
            name.removeprefix("blameless.")
            for name in names
            if name.startswith("blameless.")
        )
    return imported


@pytest.mark.parametrize(
    ("module", "path"),
    [m for m in _modules() if _layer(m[0])],
    ids=[m[0] for m in _modules() if _layer(m[0])],
)
def test_imports_point_down(module: str, path: Path) -> None:
    """A module imports only from its own layer and the layers below."""
    layer = _layer(module)
    assert layer is not None
    own, below = LAYERS[layer]
    allowed = own + below
    upward = sorted(
        name
        for name in _package_imports(path)
        if name.partition(".")[0] not in allowed
    )
    assert not upward, f"{module} ({layer}) imports {upward}"


def test_import_loads_no_optional_dependency() -> None:
    """``import blameless`` pulls in no optional extra."""
    code = (
        "import sys, blameless, blameless.metrics\n"
        f"print(sorted(m for m in {OPTIONAL!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_every_public_module_is_known() -> None:
    """Every module is in a layer, private, or the package's face."""
    faces = {"__init__", "__main__", "_cli"}
    unplaced = [
        module
        for module, _ in _modules()
        if _layer(module) is None and module not in faces
    ]
    assert not unplaced, f"modules outside the layering: {unplaced}"

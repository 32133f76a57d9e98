"""The chart embedded in the metrics page is the one its code draws.

The page's blocks save the figure as ``trend-chart.png`` in their working
folder, and ``docs/_static/trend-chart.png`` is a copy of it kept in the
repository, since Sphinx does not run the page. This test draws the chart
again and compares the two images, so that a change to the chart's code
or to the example log cannot leave a stale picture behind.

Run this file as a script to redraw the committed image after such a
change: ``python tests/test_docs_chart.py``.
"""

import doctest
import os
import shutil
import tempfile
from pathlib import Path

from matplotlib.testing.compare import compare_images
from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser

DOCS = Path(__file__).parents[1] / "docs"
PAGE = DOCS / "metrics.md"
CHART = "trend-chart.png"
COMMITTED = DOCS / "_static" / CHART
# The mean difference per pixel channel, out of 255, that a change of
# matplotlib or FreeType version may cause without any bar moving; a
# changed bar or point moves it well above this.
TOLERANCE = 2.0


def draw(folder: Path) -> Path:
    """Run the page's blocks in *folder* until the chart is saved there."""
    page = Sybil(
        parsers=[PythonCodeBlockParser(doctest_optionflags=doctest.ELLIPSIS)],
        path=str(DOCS),
    ).parse(PAGE)
    chart = folder / CHART
    start = Path.cwd()
    os.chdir(folder)
    try:
        for example in page:
            example.evaluate()
            if chart.exists():
                return chart
    finally:
        os.chdir(start)
    msg = f"{PAGE.name}: no block saved {CHART}"
    raise AssertionError(msg)


def test_committed_chart_is_the_drawn_one(tmp_path: Path) -> None:
    """The image in docs/_static matches a fresh drawing of the chart."""
    drawn = draw(tmp_path)

    difference = compare_images(str(COMMITTED), str(drawn), tol=TOLERANCE)

    assert difference is None, (
        f"{COMMITTED} differs from the chart that {PAGE.name} draws: "
        f"{difference}; redraw it with python tests/test_docs_chart.py"
    )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        shutil.copyfile(draw(Path(folder)), COMMITTED)

"""Sphinx configuration for the blameless documentation."""

from importlib.metadata import version as _version

project = "blameless"
author = "the blameless contributors"
copyright = f"2026, {author}"
release = _version("blameless")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
]
exclude_patterns = ["_build", "_inventories"]

# A reference that does not resolve is a broken link for the reader, so it
# fails the build (sphinx-build -W) instead of rendering as plain text.
nitpicky = True
# Hypothesis and pandas publish no inventory that the offline build could
# use, so the types their functions return are named without a link (pandas
# is imported as pd for type checking only, so autodoc sees that name).
nitpick_ignore = [
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    ("py:class", "pd.DataFrame"),
]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Each project's inventory is fetched from its site first; the copies in
# _inventories/ stand in when the site cannot be reached, as on machines
# without network access, so that offline builds still resolve references.
# The Python one comes from Debian's python3.11-doc; the attrs and cattrs
# ones were built from the docs in those releases' source archives.
intersphinx_mapping = {
    "python": (
        "https://docs.python.org/3",
        (None, "_inventories/python.inv"),
    ),
    "attrs": (
        "https://www.attrs.org/en/stable",
        (None, "_inventories/attrs.inv"),
    ),
    "cattrs": (
        "https://catt.rs/en/stable",
        (None, "_inventories/cattrs.inv"),
    ),
}
intersphinx_timeout = 5

html_theme = "furo"
html_title = "blameless"

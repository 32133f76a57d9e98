"""Every rule of the worksheet, one module per part of it.

Importing this package registers the rules in the worksheet's order.
"""

from blameless._checks._rules import (  # noqa: F401  # registers the rules
    _actions,
    _analysis,
    _follow_up,
    _incident,
    _log,
    _readiness,
)
from blameless._checks._rules._registry import REGISTERED

__all__ = ["REGISTERED"]

"""Run the command line as ``python -m blameless``."""

import sys

from blameless._cli import main

sys.exit(main())

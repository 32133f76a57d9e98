"""Shared test set-up: the Hypothesis profiles.

The profile comes from the ``HYPOTHESIS_PROFILE`` environment variable.
Without it, ``ci`` is used where ``CI`` is set and ``dev`` elsewhere.
"""

import os

from hypothesis import HealthCheck, settings

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

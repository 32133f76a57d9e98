"""The builders of the example post-mortems, one module each.

Each module's ``build()`` returns its post-mortem, assembled from one
short function per worksheet section: the log entry, the readiness check,
the incident report with its impacts and timeline, the causal analysis
with its whys, factors, resilience answers and lessons, the containment
and prevention items, and the follow-up. :mod:`log_builders.common` holds
what they share. ``example_log.build_log`` puts them in number order.
"""

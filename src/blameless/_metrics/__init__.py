"""Metrics of one post-mortem and trends across a post-mortem log.

This package imports the model only; its public names are re-exported by
:mod:`blameless.metrics` and :mod:`blameless`.
"""

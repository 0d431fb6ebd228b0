"""Analyses over the events: trends, novelty alerts, footprints, relations, foreign presence, attribution.

Each module is a set of pure functions over the events frame (:mod:`harmattan.analysis.frame`)
returning dataclasses that list their evidence event ids; :mod:`harmattan.analysis.service` runs
them on a database with caching, for the CLI and the API. See ``docs/analysis.md``.
"""

"""Pipeline components. Importing this package registers every built-in component."""

from harmattan.extraction.components import (
    classify,
    consolidate,
    events,
    mentions,
    places,
    slogans,
    temporal,
    text,
)

__all__ = ["classify", "consolidate", "events", "mentions", "places", "slogans", "temporal", "text"]

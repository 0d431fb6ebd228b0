"""Pipeline components. Importing this package registers every built-in component."""

from harmattan.extraction.components import consolidate, events, mentions, places, temporal, text

__all__ = ["consolidate", "events", "mentions", "places", "temporal", "text"]

"""harmattan: an open conflict observatory for the Sahel."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from harmattan.events.observatory import Observatory

__version__ = "0.1.0"


def open(db: str | None = None) -> Observatory:
    """Open an event database (URL or SQLite path; default: ``HARMATTAN_DB``) for queries in Python.

    ``harmattan.open(db).events(country="ML", since="2024-01-01")`` returns a pandas
    DataFrame (a GeoDataFrame when geopandas is installed). Nothing is imported until called.
    """
    from harmattan.events.observatory import Observatory

    return Observatory.open(db)

"""The Python face of the event store: ``harmattan.open(db).events(...)`` -> a DataFrame.

>>> import harmattan
>>> obs = harmattan.open("var/harmattan.sqlite")          # doctest: +SKIP
>>> obs.events(country="ML", since="2024-01-01", tactic="armed drone")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import TracebackType
from typing import Any

from harmattan.events import export, query
from harmattan.settings import Settings, get_settings
from harmattan.store.database import Database

Many = str | Sequence[str] | None


def _many(value: Many) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


class Observatory:
    """One event database, opened by URL or SQLite path (default: the configured one)."""

    def __init__(self, database: Database, settings: Settings) -> None:
        self.database = database
        self.settings = settings

    @classmethod
    def open(cls, db: str | None = None, upgrade: bool = True) -> Observatory:
        settings = get_settings(**({"db": db} if db else {}))
        database = Database(settings.database_url)
        if upgrade:
            database.upgrade()
        return cls(database, settings)

    def __repr__(self) -> str:
        return f"Observatory({self.database!r})"

    def __enter__(self) -> Observatory:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.database.close()

    def find(
        self,
        country: Many = None,
        admin1: Many = None,
        actor: Many = None,
        type: Many = None,
        tactic: Many = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        near: tuple[float, float, float] | str | None = None,
        limit: int | None = None,
        sources: bool = False,
    ) -> list[dict[str, Any]]:
        """Matching events as dicts (with member reports and claims when ``sources``)."""
        filters = query.EventFilter(
            country=_many(country),
            admin1=_many(admin1),
            actor=_many(actor),
            type=_many(type),
            tactic=_many(tactic),
            since=_date(since),
            until=_date(until),
            near=query.parse_near(near) if isinstance(near, str) else near,
            limit=limit,
        )
        rows = query.find_events(self.database, filters, self.settings.region_pack)
        return query.with_sources(self.database, rows) if sources else rows

    def events(self, *, geo: bool | None = None, **filters: Any) -> Any:
        """Matching events as a pandas DataFrame; a GeoDataFrame when geopandas is installed (or ``geo``)."""
        frame = export.to_frame(self.find(**filters))
        if geo is False:
            return frame
        try:
            import geopandas
        except ImportError:
            if geo:
                raise
            return frame
        points = geopandas.points_from_xy(frame["longitude"], frame["latitude"])
        return geopandas.GeoDataFrame(frame, geometry=points, crs="EPSG:4326")

    def event(self, key: str) -> dict[str, Any] | None:
        """One event with its member reports and claims, by ``event_key``."""
        rows = query.find_events(self.database, query.EventFilter(keys=[key], include_rejected=True))
        return query.with_sources(self.database, rows)[0] if rows else None

    def claims(self, key: str) -> Any:
        """Every source's value of every field of one event, as a DataFrame."""
        import pandas as pd

        event = self.event(key)
        return pd.DataFrame(event["claims"] if event else [])

"""Canonical forms for comparing field values: actor ids, admin names, distances.

Actors are compared by region-pack id: a value given only as a name is resolved with the
pack's time-aware registry (``regions.load(...).actors.resolve``) when the pack is present,
else compared by folded name. Admin names lose their "Province du"/"region" affixes.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from harmattan.evaluation.gold import load_yaml, mapping_path
from harmattan.regions.geo import haversine_km
from harmattan.regions.text import fold


@functools.lru_cache(maxsize=1)
def _admin_affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load_yaml(mapping_path("admin_names.yaml"))
    prefixes = tuple(sorted((fold(p) for p in data["prefixes"]), key=len, reverse=True))
    suffixes = tuple(sorted((fold(s) for s in data["suffixes"]), key=len, reverse=True))
    return prefixes, suffixes


def admin_key(name: str | None) -> str | None:
    """Fold an admin-area name and strip its "province"/"region" affixes."""
    if not name:
        return None
    key = fold(name)
    prefixes, suffixes = _admin_affixes()
    for prefix in prefixes:
        if key.startswith(prefix + " "):
            key = key[len(prefix) + 1 :]
            break
    for suffix in suffixes:
        if key.endswith(" " + suffix):
            key = key[: -len(suffix) - 1]
            break
    return key or None


@functools.lru_cache(maxsize=1)
def region_pack() -> Any:
    """The region pack, or None while it is not available (the evaluator then compares names)."""
    try:
        from harmattan import regions

        return regions.load("sahel")  # type: ignore[attr-defined]
    except Exception:  # the pack is optional for scoring: any failure means "compare names"
        return None


class Canon:
    """Resolves actor names and place names for comparison; caches lookups."""

    def __init__(self, use_pack: bool = True) -> None:
        self._pack: Any = region_pack() if use_pack else None
        self._actor_cache: dict[tuple[str, dt.date | None], str] = {}
        self._place_cache: dict[tuple[str, str | None], tuple[float, float] | None] = {}
        self._admin_cache: dict[tuple[str, str | None, int], str | None] = {}
        self._current_cache: dict[tuple[str, str | None, float, float], tuple[str | None, str | None]] = {}

    @property
    def has_pack(self) -> bool:
        """Whether names are resolved through a region pack (else compared folded)."""
        return self._pack is not None

    def actor_id(self, actor_id: str | None, name: str | None, date: dt.date | None) -> str | None:
        """The canonical id of an actor given as an id, a name, or both."""
        if actor_id:
            return actor_id
        if not name:
            return None
        key = (name, date)
        if key not in self._actor_cache:
            self._actor_cache[key] = self._resolve_actor(name, date)
        return self._actor_cache[key]

    def _resolve_actor(self, name: str, date: dt.date | None) -> str:
        if self._pack is not None:
            try:
                actor = self._pack.actors.resolve(name, date)
            except Exception:
                actor = None
            if actor is not None:
                return str(actor.id)
        return "name:" + fold(name)

    def same_admin(self, gold: str | None, predicted: str | None, country: str | None, level: int) -> bool:
        """Whether two admin-area names name the same area: equal once folded, or one pack entry.

        The pack knows former names as aliases (Burkina Faso's "Sahel" region is "Liptako" since
        2025), so gold written with either name matches an extractor that writes the other.
        """
        if admin_key(gold) is None or admin_key(predicted) is None:
            return admin_key(gold) == admin_key(predicted)
        if admin_key(gold) == admin_key(predicted):
            return True
        gold_id = self._admin_id(str(gold), country, level)
        return gold_id is not None and gold_id == self._admin_id(str(predicted), country, level)

    def _admin_id(self, name: str, country: str | None, level: int) -> str | None:
        key = (name, country, level)
        if key not in self._admin_cache:
            place = None
            if self._pack is not None:
                try:
                    place = self._pack.places.admin_area(name, country=country, level=level)
                except Exception:
                    place = None
            self._admin_cache[key] = str(place.id) if place is not None else None
        return self._admin_cache[key]

    def current_admins(
        self, location: str | None, country: str | None, lat: float | None, lon: float | None
    ) -> tuple[str | None, str | None]:
        """(admin1, admin2) the pack gives today for gold's place (the named place within 10 km of it).

        Gold written with the names of its time (Burkina Faso's "Sahel" region before the 2025 reform)
        and an extractor writing the pack's current names (Djibo is in "Soum" region now) both name
        the event's area; the scorer accepts either.
        """
        if self._pack is None or not location or lat is None or lon is None:
            return None, None
        key = (location, country, round(lat, 4), round(lon, 4))
        if key not in self._current_cache:
            self._current_cache[key] = self._nearest_admins(location, country, lat, lon)
        return self._current_cache[key]

    def _nearest_admins(
        self, location: str, country: str | None, lat: float, lon: float
    ) -> tuple[str | None, str | None]:
        try:
            found = self._pack.places.search(location, country=country, limit=10)
        except Exception:
            return None, None
        near = [
            (haversine_km(lat, lon, float(p.latitude), float(p.longitude)), p)
            for p in found
            if p.latitude is not None and p.longitude is not None
        ]
        near = [item for item in near if item[0] <= 10.0]
        if not near:
            return None, None
        place = min(near, key=lambda item: item[0])[1]
        return place.admin1, place.admin2

    def coordinates(self, name: str, country: str | None) -> tuple[float, float] | None:
        """Coordinates of a named place from the pack gazetteer (best match), if any."""
        key = (name, country)
        if key not in self._place_cache:
            self._place_cache[key] = self._search_place(name, country)
        return self._place_cache[key]

    def _search_place(self, name: str, country: str | None) -> tuple[float, float] | None:
        if self._pack is None:
            return None
        places = self._pack.places
        # the name itself (or its loose spelling) in gold's country, else the area it names; never a fuzzy
        # neighbour ("Koulogon" is not "Koulogo"), which would give gold a point hundreds of km away
        found = [p for p in places.named(name) if country is None or p.country == country]
        area = None if found else places.admin_area(name, country)
        best = found[0] if found else area
        if best is None or best.latitude is None or (country and best.country != country):
            return None
        return float(best.latitude), float(best.longitude)


_WORD = re.compile(r"\w+")


def mentions(text: str, phrases: list[str] | tuple[str, ...]) -> bool:
    """Whether ``text`` names a phrase (whole words, folded; short all-caps phrases: case-sensitive)."""
    folded = " " + " ".join(_WORD.findall(fold(text))) + " "
    for phrase in phrases:
        if phrase.isupper() and len(phrase) <= 5:
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
                return True
        elif " " + " ".join(_WORD.findall(fold(phrase))) + " " in folded:
            return True
    return False

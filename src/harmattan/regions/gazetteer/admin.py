"""The table of administrative changes (``admin_changes.yaml``) and how it re-labels places.

GeoNames' admin tables predate Mali's new regions and Burkina Faso's 2025
reform. Each place keeps the division GeoNames gives it (admin1 code and
admin2 unit); this module turns that into the *current* admin1/admin2 names,
and lists the former names that admin areas keep as aliases.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from harmattan.regions.text import fold

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Words GeoNames puts around admin2 names ("Cercle de Bourem", "Kati Cercle", "Province du Soum").
_LEVEL_WORDS = (
    r"cercle|province|provinces|department|departement|commune|circonscription|subdivision"
    r"|prefecture|ville|district|region|state|lga|local government area|wilaya|sha biyat|municipality"
)
_PREFIX = re.compile(rf"^(?:{_LEVEL_WORDS})(?: of| de la| de l| des| du| de| d)? (?=\S)")
_SUFFIX = re.compile(rf"(?<=\S) (?:{_LEVEL_WORDS})$")


def bare(name: str) -> str:
    """Folded admin name without its level word: ``"Cercle de Yélimané"`` -> ``"yelimane"``."""
    key = fold(name)
    stripped = _SUFFIX.sub("", _PREFIX.sub("", key))
    return stripped or key


def display_name(name: str) -> str:
    """Admin name as shown in records: ``"Province de l’Oudalan"`` -> ``"Oudalan"``."""
    key = fold(name)
    prefix = _PREFIX.match(key)
    suffix = _SUFFIX.search(key)
    if not prefix and not suffix:
        return name
    # fold() keeps character classes, so cut the original at the same word boundaries.
    words = re.split(r"[\s'’\-]+", name.strip())
    keep = bare(name).split()
    folded_words = [fold(w) for w in words]
    for start in range(len(words)):
        if folded_words[start : start + len(keep)] == keep:
            return " ".join(words[start : start + len(keep)])
    return name


@dataclass(frozen=True, slots=True)
class RegionChange:
    name: str
    country: str
    id: str
    seat: str
    from_admin1: tuple[str, ...]
    admin2: tuple[str, ...] | None  # None = all of from_admin1's units not claimed elsewhere
    former_names: tuple[str, ...]
    confirmed: bool
    source: str
    #: the day the change took effect (``None``: always applied, the gold tables already have it)
    since: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Admin2Change:
    name: str
    country: str
    former_names: tuple[str, ...]
    seat: str | None
    admin1: str | None
    new: bool
    source: str
    since: dt.date | None = None


@dataclass(slots=True)
class AdminChanges:
    """The parsed table, with lookups keyed on folded names."""

    regions: list[RegionChange] = field(default_factory=list)
    admin2: list[Admin2Change] = field(default_factory=list)
    designators: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: (country, level, folded area name) -> seat name, for areas GeoNames cannot place.
    seats: dict[tuple[str, int, str], str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    _earlier: dict[tuple[str, int, str], tuple[dt.date, str]] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, path: Path) -> AdminChanges:
        data: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        sources = {str(k): " ".join(str(v).split()) for k, v in (data.get("sources") or {}).items()}
        table = cls(sources=sources)
        effective = {str(k): _as_date(v) for k, v in (data.get("effective") or {}).items()}
        for entry in data.get("regions") or []:
            units = entry.get("admin2", "all")
            table.regions.append(
                RegionChange(
                    name=str(entry["name"]),
                    country=str(entry["country"]),
                    id=str(entry["id"]),
                    seat=str(entry["seat"]),
                    from_admin1=tuple(str(x) for x in entry.get("from_admin1") or ()),
                    admin2=None if units == "all" else tuple(str(x) for x in units or ()),
                    former_names=tuple(str(x) for x in entry.get("former_names") or ()),
                    confirmed=bool(entry.get("confirmed", False)),
                    source=sources.get(str(entry.get("source", "")), str(entry.get("source", ""))),
                    since=effective.get(str(entry.get("source", ""))),
                )
            )
        for entry in data.get("admin2") or []:
            table.admin2.append(
                Admin2Change(
                    name=str(entry["name"]),
                    country=str(entry["country"]),
                    former_names=tuple(str(x) for x in entry.get("former_names") or ()),
                    seat=entry.get("seat"),
                    admin1=entry.get("admin1"),
                    new=bool(entry.get("new", False)),
                    source=sources.get(str(entry.get("source", "")), str(entry.get("source", ""))),
                    since=effective.get(str(entry.get("source", ""))),
                )
            )
        for entry in data.get("seats") or []:
            key = (str(entry["country"]), int(entry["level"]), fold(str(entry["area"])))
            table.seats[key] = str(entry["seat"])
        for group in data.get("designators") or []:
            levels = tuple(int(x) for x in group.get("levels") or ())
            for word in group.get("words") or ():
                table.designators[fold(str(word))] = levels
        return table

    def current_admin1(self, country: str, admin1: str | None, admin2: str | None) -> tuple[str | None, bool]:
        """Current admin1 name for a place GeoNames files under ``admin1``/``admin2``.

        Returns the name and whether the mapping is confirmed (unchanged names are).
        """
        if admin1 is None:
            return None, True
        old, unit = fold(admin1), bare(admin2) if admin2 else None
        rename: RegionChange | None = None
        for change in self.regions:
            if change.country != country or old not in {fold(a) for a in change.from_admin1}:
                continue
            if change.admin2 is None:
                rename = change
            elif unit is not None and unit in {bare(a) for a in change.admin2}:
                return change.name, change.confirmed
        if rename is not None:
            return rename.name, rename.confirmed
        return admin1, True

    def current_admin2(self, country: str, admin2: str | None) -> str | None:
        if admin2 is None:
            return None
        unit = bare(admin2)
        for change in self.admin2:
            if change.country == country and unit in {bare(a) for a in change.former_names}:
                return change.name
        return admin2

    def names_on(
        self, country: str, admin1: str | None, admin2: str | None, date: dt.date | None
    ) -> tuple[str | None, str | None]:
        """The admin1/admin2 names in force on ``date`` for a place filed today under ``admin1``/``admin2``
        (Djibo: "Sahel"/"Soum" in 2023, "Soum"/"Djelgodji" after Burkina Faso's 2025 reform)."""
        if date is None:
            return admin1, admin2
        earlier = self._earlier_names()
        old1 = old2 = None
        if admin1 is not None:
            found = earlier.get((country, 1, admin1))
            old1 = found[1] if found is not None and date < found[0] else None
        if admin2 is not None:
            found = earlier.get((country, 2, admin2))
            old2 = found[1] if found is not None and date < found[0] else None
        return old1 or admin1, old2 or admin2

    def _earlier_names(self) -> dict[tuple[str, int, str], tuple[dt.date, str]]:
        """(country, level, current name) -> (day of the change, former name); built once (hot path)."""
        table: dict[tuple[str, int, str], tuple[dt.date, str]] | None = getattr(self, "_earlier", None)
        if table is None:
            table = {}
            for change in self.regions:
                if change.since is not None and change.from_admin1:
                    table.setdefault((change.country, 1, change.name), (change.since, change.from_admin1[0]))
            for unit in self.admin2:
                if unit.since is not None and unit.former_names:
                    table.setdefault((unit.country, 2, unit.name), (unit.since, unit.former_names[0]))
            self._earlier = table
        return table

    def region_changes(self, country: str | None = None) -> Iterable[RegionChange]:
        return (c for c in self.regions if country is None or c.country == country)

    def former_admin1_names(self, country: str, name: str) -> tuple[str, ...]:
        """Every earlier name the current region ``name`` is known by."""
        out: list[str] = []
        for change in self.regions:
            if change.country == country and fold(change.name) == fold(name):
                out.extend(n for n in change.former_names if n not in out)
        return tuple(out)

    def former_admin2_names(self, country: str, name: str) -> tuple[str, ...]:
        for change in self.admin2:
            if change.country == country and fold(change.name) == fold(name):
                return change.former_names
        return ()


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))

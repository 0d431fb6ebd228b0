"""The region pack's gazetteer: places, their spellings, and ranked lookup.

>>> gaz = Gazetteer.load(Path("src/harmattan/regions/sahel"))     # doctest: +SKIP
>>> gaz.search("Tinzawatene")[0].name                             # doctest: +SKIP
'Tinzaouatene'

Lookup goes exact folded name first (accent-, case- and hyphen-insensitive),
then the loose transliteration key of ``spelling.yaml``, then a fuzzy match
for near misses. Candidates are ranked by the country hint, then the kind of
feature (capitals and admin seats first), then population.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harmattan.regions.gazetteer.admin import AdminChanges
from harmattan.regions.gazetteer.index import Index, RowTuple, importance, load_index, positions
from harmattan.regions.gazetteer.spelling import Spelling
from harmattan.regions.gazetteer.validate import validate_index
from harmattan.regions.text import fold

#: Smallest rapidfuzz ratio (0-100) a near-miss spelling needs to be offered.
FUZZY_CUTOFF = 88.0
FUZZY_CUTOFF_SHORT = 92.0
_ADMIN_KINDS = {1: ("admin1",), 2: ("admin2",), 3: ("area",)}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry (a GeoNames row, a cities1000 town or a curated entry)."""

    id: str
    name: str
    country: str
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    feature: str
    population: int
    kind: str
    names: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``harmattan pack place --json``."""
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "feature": self.feature,
            "population": self.population,
        }

    @classmethod
    def from_row(cls, row: RowTuple) -> Place:
        return cls(*row)


class Gazetteer:
    """Places of a region pack with fast, ranked lookup by name."""

    def __init__(self, index: Index, spelling: Spelling, changes: AdminChanges, pack_dir: Path) -> None:
        self._index = index
        self._spelling = spelling
        self._changes = changes
        self._pack_dir = pack_dir
        self._fuzzy_keys: list[str] | None = None
        self._positions: dict[str, int] | None = None

    @classmethod
    def load(cls, pack_dir: Path, cache_dir: Path | None = None, supplements: bool = True) -> Gazetteer:
        """Load ``pack_dir/places`` (e.g. ``src/harmattan/regions/sahel``), using the compiled cache.

        ``supplements=False`` leaves out the places taken from other datasets (``ucdp_places.yaml``).
        """
        places_dir = Path(pack_dir) / "places"
        spelling = Spelling.load(places_dir / "spelling.yaml")
        changes_path = places_dir / "admin_changes.yaml"
        changes = AdminChanges.load(changes_path) if changes_path.exists() else AdminChanges()
        index = load_index(places_dir, spelling, cache_dir, supplements)
        return cls(index, spelling, changes, Path(pack_dir))

    def __len__(self) -> int:
        return len(self._index)

    def get(self, place_id: str) -> Place | None:
        if self._positions is None:  # built on first use: most callers only search
            self._positions = {pid: i for i, pid in enumerate(self._index.ids)}
        pos = self._positions.get(place_id)
        return None if pos is None else Place.from_row(self._index.row(pos))

    def search(self, name: str, country: str | None = None, limit: int = 10) -> list[Place]:
        """Places called ``name``, best first (see the module docstring for the order)."""
        key = fold(name)
        if not key:
            return []
        found = self._lookup(key)
        if not found:
            area = self.admin_area(name, country)
            return [area] if area is not None else self._fuzzy(key, country, limit)
        return [Place.from_row(r) for r in self._ranked(found, country)[:limit]]

    def named(self, name: str) -> list[Place]:
        """Places with exactly this name or its loose spelling, best first (no fuzzy match, no area)."""
        key = fold(name)
        return [Place.from_row(self._index.row(i)) for i in self._lookup(key)] if key else []

    def loose_key(self, name: str) -> str:
        """The loose transliteration key of a name (``spelling.yaml``): "Tinzawatene" -> "tinzauaten"."""
        return self._spelling.loose(fold(name))

    def _lookup(self, key: str) -> tuple[int, ...]:
        """Row positions for a folded name: exact first, then the loose transliteration key."""
        index = self._index
        return positions(index.exact.get(key)) or positions(index.loose.get(self._spelling.loose(key)))

    def _ranked(self, found: tuple[int, ...], country: str | None) -> list[RowTuple]:
        rows = [self._index.row(i) for i in found]
        if country:
            hint = country.upper()
            rows.sort(key=lambda r: r[2] != hint)  # stable: keeps importance order within each group
        return rows

    def _fuzzy(self, key: str, country: str | None, limit: int) -> list[Place]:
        from rapidfuzz import fuzz, process

        if self._fuzzy_keys is None:
            self._fuzzy_keys = list(self._index.exact)
        # One letter off is a large share of a short name ("mbera" vs "mera"): ask more of those.
        cutoff = FUZZY_CUTOFF if len(key) > 6 else FUZZY_CUTOFF_SHORT
        hits = process.extract(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8)
        scored: list[tuple[float, RowTuple]] = []
        for matched, score, _ in hits:
            scored.extend((score, self._index.row(i)) for i in positions(self._index.exact[matched]))
        hint = (country or "").upper()
        seats = self._index.seats
        scored.sort(
            key=lambda sr: (bool(hint) and sr[1][2] != hint, -sr[0], importance(sr[1], sr[1][0] in seats))
        )
        seen: dict[str, Place] = {}
        for _, row in scored:
            seen.setdefault(row[0], Place.from_row(row))
        return list(seen.values())[:limit]

    def names(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """``(folded name, place ids best first)`` for every matchable name (stop-names left out)."""
        stop = self._spelling.stopnames
        ids = self._index.ids
        for key, bucket in self._index.exact.items():
            if key not in stop and len(key) > 1:
                yield key, (ids[bucket],) if isinstance(bucket, int) else tuple(ids[i] for i in bucket)

    @property
    def capitalised_only(self) -> frozenset[str]:
        """Folded names a matcher should accept only when capitalised in the text ("Diré" vs "dire")."""
        return self._spelling.capitalised_only

    def admin_names_on(self, place: Place, date: dt.date | None) -> tuple[str | None, str | None]:
        """``place``'s admin1/admin2 names as they were on ``date`` (the pack files places under today's)."""
        return self.names_on(place.country, place.admin1, place.admin2, date)

    def names_on(
        self, country: str, admin1: str | None, admin2: str | None, date: dt.date | None
    ) -> tuple[str | None, str | None]:
        """Today's admin1/admin2 names of an area turned into those in force on ``date``."""
        return self._changes.names_on(country, admin1, admin2, date)

    def admin_area(self, name: str, country: str | None = None, level: int | None = None) -> Place | None:
        """The admin area a phrase names: ``"Ménaka region"``, ``"province du Soum"``, ``"cercle de Bourem"``.

        ``level`` (1 region, 2 cercle/province/département, 3 commune) narrows the answer; without
        it the words around the name ("cercle de", "région de") say which level is meant.
        """
        key, hinted = self._strip_designators(fold(name))
        if not key:
            return None
        found = self._lookup(key)
        wanted = (level,) if level else hinted
        kinds = {k for lv in (wanted or (1, 2, 3)) for k in _ADMIN_KINDS.get(lv, ())}
        rows = [r for r in self._ranked(found, country) if r[9] in kinds and r[7].startswith("A.")]
        if not rows and wanted and level is None:
            kinds = {"admin1", "admin2", "area"}
            rows = [r for r in self._ranked(found, country) if r[9] in kinds and r[7].startswith("A.")]
        if country:
            rows = [r for r in rows if r[2] == country.upper()]
        if not rows:
            return None
        order = {lv: i for i, lv in enumerate(wanted or (1, 2, 3))}
        level_of = {"admin1": 1, "admin2": 2, "area": 3}
        rows.sort(key=lambda r: order.get(level_of[r[9]], 9))  # stable: importance order within a level
        return Place.from_row(rows[0])

    def _strip_designators(self, key: str) -> tuple[str, tuple[int, ...]]:
        """Drop level words ("region", "cercle de", "province du") around a folded admin name."""
        words = key.split()
        levels: list[int] = []
        designators = self._changes.designators
        changed = True
        while changed and len(words) > 1:
            changed = False
            for size in (3, 2, 1):
                head, tail = " ".join(words[:size]), " ".join(words[-size:])
                if len(words) > size and head in designators:
                    levels.extend(designators[head])
                    words, changed = words[size:], True
                    break
                if len(words) > size and tail in designators:
                    levels.extend(designators[tail])
                    words, changed = words[:-size], True
                    break
        return " ".join(words), tuple(dict.fromkeys(levels))

    def validate(self) -> list[str]:
        """Human-readable problems: unsourced curated entries, bad coordinates, dangling admin names..."""
        return validate_index(self._index, self._changes)

    def stats(self) -> dict[str, int]:
        counts: dict[str, int] = {
            "places": len(self._index),
            "names": 0,
            "distinct_names": len(self._index.exact),
            "curated": len(self._index.curated_ids),
            "ucdp": len(self._index.supplement_ids),
        }
        for row in self._index.rows():
            counts["names"] += len(row[10])
            counts[f"country:{row[2]}"] = counts.get(f"country:{row[2]}", 0) + 1
            counts[f"kind:{row[9]}"] = counts.get(f"kind:{row[9]}", 0) + 1
        return dict(sorted(counts.items()))

    def __iter__(self) -> Iterator[Place]:
        return (Place.from_row(r) for r in self._index.rows())

"""The fusion rule: do two event reports describe the same occurrence, how sure, and why.

Parameters live in ``data/fusion.yaml``; this module only applies them. A pair
is compared on date, place, type and actors: any hard limit failing keeps the
pair apart (with the reason), otherwise a weighted score decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from harmattan.regions.geo import haversine_km
from harmattan.regions.text import fold as _fold

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class FusionRules:
    date_window_days: dict[int, int]
    distance_km: dict[int, float]
    weights: dict[str, float]
    min_score: float
    compatible_types: frozenset[frozenset[str]]
    generic_actor_ids: frozenset[str]
    generic_actor_prefixes: tuple[str, ...]
    near_miss_score: float

    @property
    def widest_window(self) -> int:
        return max(self.date_window_days.values())


#: Place and actor names repeat across reports: fold each spelling once.
fold = lru_cache(maxsize=1 << 16)(_fold)


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> FusionRules:
    raw = yaml.safe_load(Path(path or DATA_DIR / "fusion.yaml").read_text(encoding="utf-8"))
    return FusionRules(
        date_window_days={int(k): int(v) for k, v in raw["date_window_days"].items()},
        distance_km={int(k): float(v) for k, v in raw["distance_km"].items()},
        weights={str(k): float(v) for k, v in raw["weights"].items()},
        min_score=float(raw["min_score"]),
        compatible_types=frozenset(frozenset(pair) for pair in raw["compatible_types"]),
        generic_actor_ids=frozenset(raw["generic_actor_ids"]),
        generic_actor_prefixes=tuple(fold(p) for p in raw["generic_actor_prefixes"]),
        near_miss_score=float(raw["near_miss_score"]),
    )


@dataclass(slots=True)
class Report:
    """A stored event report as fusion sees it."""

    id: int
    key: str
    document_id: int
    content_hash: str
    ordinal: int
    source_unit: int
    source_name: str | None
    published_at: dt.date | None
    fields: dict[str, Any]
    extras: dict[str, Any] = field(default_factory=dict)
    actor_keys: frozenset[str] = frozenset()
    # Precomputed once per report: fusion compares each report with many others.
    day: int | None = None
    window: int = 1
    geo: int = 3
    folds: tuple[str | None, str | None, str | None] = (None, None, None)  # admin1, admin2, location

    @property
    def date(self) -> dt.date | None:
        value = self.fields.get("event_date")
        return value if isinstance(value, dt.date) else None

    @property
    def stable_key(self) -> str:
        """The report's identity without the pipeline version (survives re-processing)."""
        return f"{self.content_hash[:16]}:{self.ordinal}"

    @classmethod
    def from_row(cls, row: dict[str, Any], rules: FusionRules) -> Report:
        fields = {k: row.get(k) for k in _FIELD_NAMES}
        report = cls(
            id=int(row["id"]),
            key=str(row["report_key"]),
            document_id=int(row["document_id"]),
            content_hash=str(row["content_hash"]),
            ordinal=int(row["ordinal"]),
            source_unit=int(row["source_unit"]),
            source_name=row.get("source_name"),
            published_at=row.get("published_at"),
            fields=fields,
            extras=dict(row.get("extras") or {}),
        )
        report.actor_keys = actor_keys(fields, rules)
        date = report.date
        report.day = date.toordinal() if date is not None else None
        precision = int(fields.get("date_precision") or 1)
        report.window = rules.date_window_days.get(precision, rules.widest_window)
        report.geo = int(fields.get("geo_precision") or 3)
        admin1, admin2, location = fields.get("admin1"), fields.get("admin2"), fields.get("location")
        report.folds = (
            fold(admin1) if admin1 else None,
            fold(admin2) if admin2 else None,
            fold(location) if location else None,
        )
        return report


_FIELD_NAMES = (
    "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor1_id", "assoc_actor_1",
    "inter1", "actor2", "actor2_id", "assoc_actor_2", "inter2", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "fatalities", "tactics", "plover_type", "historical",
    "confidence",
)  # fmt: skip


def actor_keys(fields: dict[str, Any], rules: FusionRules) -> frozenset[str]:
    """The specific actors a report names (ids when resolved, folded names otherwise)."""
    keys: set[str] = set()
    for n in ("1", "2"):
        ident, name = fields.get(f"actor{n}_id"), fields.get(f"actor{n}")
        if ident and ident not in rules.generic_actor_ids and not ident.startswith("civilians"):
            keys.add(str(ident))
        elif name and not ident:
            folded = fold(str(name))
            if folded and not folded.startswith(rules.generic_actor_prefixes):
                keys.add(folded)
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class Verdict:
    same: bool
    score: float
    reason: str
    #: The score of the criteria that passed (for near-miss logging when ``same`` is false).
    partial: float = 0.0


def window(report: Report, rules: FusionRules) -> int:
    return report.window


def compare(a: Report, b: Report, rules: FusionRules) -> Verdict:
    """Apply the fusion rule to a pair of reports."""
    if a.document_id == b.document_id:
        return Verdict(False, 0.0, "same document (the extractor told them apart)")
    fa, fb = a.fields, b.fields
    if fa.get("country") and fb.get("country") and fa["country"] != fb["country"]:
        return Verdict(False, 0.0, f"country {fa['country']}≠{fb['country']}")
    limit = max(a.window, b.window)
    if a.source_unit == b.source_unit and _same_story(a, b, limit):
        return Verdict(True, 1.0, "syndicated copies of one story: same type and place", 1.0)
    if a.day is None or b.day is None:
        return Verdict(False, 0.0, "undated report")
    delta = abs(a.day - b.day)
    date_score = 1.0 - delta / (limit + 1)
    parts = {"date": date_score}
    fails: list[str] = []
    notes = [f"Δ{delta}d"]
    if delta > limit:
        fails.append(f"dates {delta} days apart (window {limit})")
    for name, check in (("place", _place), ("type", _type), ("actors", _actors)):
        ok, score, note = check(a, b, rules)
        parts[name] = score
        (notes if ok else fails).append(note)
    weights = rules.weights
    total = sum([weights[k] * v for k, v in parts.items()])
    if fails:
        partial = sum([weights[k] * v for k, v in parts.items() if v > 0])
        return Verdict(False, round(total, 4), "; ".join(fails), round(partial, 4))
    if total < rules.min_score:
        return Verdict(False, round(total, 4), f"score {total:.2f} < {rules.min_score}", round(total, 4))
    return Verdict(True, round(total, 4), "; ".join(notes), round(total, 4))


def _same_story(a: Report, b: Report, limit: int) -> bool:
    """Copies of one story (near-duplicates) report the same event when type and place agree, even if
    only one copy carries the date (and when both do, the dates are within the window)."""
    if a.day is not None and b.day is not None and abs(a.day - b.day) > limit:
        return False
    fa, fb = a.fields, b.fields
    if (fa.get("event_type"), fa.get("plover_type")) != (fb.get("event_type"), fb.get("plover_type")):
        return False
    place_a, place_b = a.folds[2] or a.folds[0], b.folds[2] or b.folds[0]
    return place_a is not None and place_a == place_b


def _place(a: Report, b: Report, rules: FusionRules) -> tuple[bool, float, str]:
    fa, fb = a.fields, b.fields
    coarse = max(a.geo, b.geo)
    lat_a, lon_a = fa.get("latitude"), fa.get("longitude")
    lat_b, lon_b = fb.get("latitude"), fb.get("longitude")
    if (
        coarse in rules.distance_km
        and lat_a is not None
        and lon_a is not None
        and lat_b is not None
        and lon_b is not None
    ):
        km = haversine_km(lat_a, lon_a, lat_b, lon_b)
        limit = rules.distance_km[coarse]
        if km > limit:
            return False, 0.0, f"places {km:.0f} km apart (limit {limit:.0f})"
        return True, 1.0 - km / (limit * 2), f"{km:.0f} km"
    (a1, a2, al), (b1, b2, bl) = a.folds, b.folds
    if a2 and b2:
        if a2 == b2:
            return True, 0.8, f"same admin2 {fa['admin2']}"
        if coarse < 3:
            return False, 0.0, f"admin2 {fa['admin2']}≠{fb['admin2']}"
    if a1 and b1:
        if a1 == b1:
            return True, 0.6, f"same admin1 {fa['admin1']}"
        return False, 0.0, f"admin1 {fa['admin1']}≠{fb['admin1']}"
    if al and bl and al == bl:
        return True, 0.8, f"same place name {fa['location']}"
    return True, 0.3, "place unknown on one side"


def _type(a: Report, b: Report, rules: FusionRules) -> tuple[bool, float, str]:
    ta, tb = a.fields.get("event_type"), b.fields.get("event_type")
    if ta and tb:
        if ta == tb:
            same_sub = a.fields.get("sub_event_type") == b.fields.get("sub_event_type")
            return True, 1.0 if same_sub else 0.8, "same type" if same_sub else "same type, other sub-type"
        if frozenset((ta, tb)) in rules.compatible_types:
            return True, 0.5, f"compatible types {ta}/{tb}"
        return False, 0.0, f"types {ta}≠{tb}"
    if ta or tb:
        return False, 0.0, "violent event vs political interaction"
    pa, pb = a.fields.get("plover_type"), b.fields.get("plover_type")
    if pa and pb and pa != pb:
        return False, 0.0, f"PLOVER {pa}≠{pb}"
    return True, 0.8 if pa == pb else 0.4, "same interaction" if pa == pb else "type unknown"


def _actors(a: Report, b: Report, rules: FusionRules) -> tuple[bool, float, str]:
    ka, kb = a.actor_keys, b.actor_keys
    if not ka or not kb:
        return True, 0.5, "actors unnamed on one side"
    shared = ka & kb
    if not shared:
        return False, 0.0, "no actor in common"
    return True, len(shared) / min(len(ka), len(kb)), "actors share " + ", ".join(sorted(shared))

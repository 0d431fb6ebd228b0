"""Conflicting claims: every independent source's value of each field, and the fused value chosen from them.

Syndicated copies of one story (documents linked by ``near_dup_of``) form one
*source unit* and speak once. The rule for each field (docs/events.md):

- fatalities: ACLED's most conservative credible figure, the lowest figure any
  independent source gives; the others stay as claims with their source;
- place: the most precise place reported (lowest geo_precision), ties by vote;
- date: the most precise date, ties by vote then the earliest;
- type, actors, PLOVER type: vote of the source units (weighted by confidence);
- tactics: the union; confidence: 1 - prod(1 - c) over source units.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from harmattan.events.rules import Report

DATA_DIR = Path(__file__).parent / "data"
PLACE_FIELDS = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")
SINGLE_FIELDS = (
    "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor1_id", "inter1",
    "assoc_actor_1", "actor2", "actor2_id", "inter2", "assoc_actor_2", *PLACE_FIELDS, "plover_type",
    "fatalities", "tactics", "historical", "confidence",
)  # fmt: skip


@dataclass(frozen=True)
class ClaimRules:
    claim_fields: tuple[str, ...]
    extra_claims: tuple[str, ...]
    claimant_key: str


@lru_cache(maxsize=2)
def load_claim_rules() -> ClaimRules:
    raw = yaml.safe_load((DATA_DIR / "claims.yaml").read_text(encoding="utf-8"))
    return ClaimRules(tuple(raw["claim_fields"]), tuple(raw["extra_claims"]), str(raw["claimant_key"]))


def source_units(members: Sequence[Report]) -> list[Report]:
    """One report per independent source: a dated one first (a copy may carry the date its original
    lacks), then the original of a syndicated group, then the first by key."""
    units: dict[int, Report] = {}
    for report in sorted(members, key=lambda r: (r.day is None, r.document_id != r.source_unit, r.key)):
        units.setdefault(report.source_unit, report)
    return [units[u] for u in sorted(units, key=lambda u: units[u].key)]


def _vote(reps: Sequence[Report], value: Any) -> Any:
    """The value most (confidence-weighted) source units give; ties go to the smallest repr."""
    weights: dict[str, float] = {}
    by_repr: dict[str, Any] = {}
    for rep in reps:
        v = value(rep)
        if v is None or (isinstance(v, tuple) and all(x is None for x in v)):
            continue
        key = repr(v)
        by_repr[key] = v
        weights[key] = weights.get(key, 0.0) + 1.0 + float(rep.fields.get("confidence") or 0.0)
    if not weights:
        return None
    best = max(weights.values())
    return by_repr[min(k for k, w in weights.items() if w == best)]


def fuse_fields(members: Sequence[Report]) -> dict[str, Any]:
    """The fused event fields of a cluster of reports."""
    reps = source_units(members)
    out: dict[str, Any] = {}
    if len(reps) == 1:  # one source (about half the events): its values are the event's, nothing to weigh
        out.update({k: reps[0].fields.get(k) for k in SINGLE_FIELDS})
        out["date_precision"] = out["date_precision"] or 1
        out["historical"] = bool(out["historical"])
        out["confidence"] = round(min(max(float(out["confidence"] or 0.0), 0.0), 1.0), 4)
        out["tactics"] = "; ".join(sorted(set(split_list(out["tactics"])))) or None
        return _counts(out, members, reps)
    dated = [r for r in reps if r.date is not None]
    if dated:
        best_prec = min(int(r.fields.get("date_precision") or 1) for r in dated)
        precise = [r for r in dated if int(r.fields.get("date_precision") or 1) == best_prec]
        counts = Counter(r.date for r in precise if r.date is not None)
        top = max(counts.values())
        out["event_date"] = min(d for d, c in counts.items() if c == top)
        out["date_precision"] = best_prec
    else:
        out["event_date"], out["date_precision"] = None, 1
    placed = [r for r in reps if any(r.fields.get(f) for f in ("location", "admin1", "country"))]
    if placed:
        best_geo = min(int(r.fields.get("geo_precision") or 3) for r in placed)
        pool = [r for r in placed if int(r.fields.get("geo_precision") or 3) == best_geo]
        place = _vote(pool, lambda r: tuple(r.fields.get(f) for f in PLACE_FIELDS))
        out.update(zip(PLACE_FIELDS, place, strict=True))
    else:
        out.update(dict.fromkeys(PLACE_FIELDS))
    for group in (("event_type", "sub_event_type"), ("actor1", "actor1_id", "inter1", "assoc_actor_1"),
                  ("actor2", "actor2_id", "inter2", "assoc_actor_2")):  # fmt: skip
        chosen = _vote(reps, lambda r, g=group: tuple(r.fields.get(f) for f in g))
        out.update(zip(group, chosen or (None,) * len(group), strict=True))
    out["plover_type"] = _vote(reps, lambda r: r.fields.get("plover_type"))
    figures = [int(r.fields["fatalities"]) for r in reps if r.fields.get("fatalities") is not None]
    out["fatalities"] = min(figures) if figures else None
    tactics = sorted({t for r in reps for t in split_list(r.fields.get("tactics"))})
    out["tactics"] = "; ".join(tactics) or None
    out["historical"] = all(bool(r.fields.get("historical")) for r in reps)
    miss = 1.0
    for r in reps:
        miss *= 1.0 - min(max(float(r.fields.get("confidence") or 0.0), 0.0), 1.0)
    out["confidence"] = round(1.0 - miss, 4)
    return _counts(out, members, reps)


def _counts(out: dict[str, Any], members: Sequence[Report], reps: Sequence[Report]) -> dict[str, Any]:
    out["n_reports"] = len(members)
    out["n_sources"] = len(reps)
    out["sources"] = "; ".join(sorted({r.source_name for r in members if r.source_name})) or None
    out["notes"] = conflict_note(reps, out) if len(reps) > 1 else None
    return out


def split_list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def conflict_note(reps: Sequence[Report], fused: dict[str, Any]) -> str | None:
    """A one-line account of disagreeing fatality figures (ACLED puts such remarks in notes)."""
    figures = [(r.fields["fatalities"], r.source_name or f"document {r.document_id}")
               for r in reps if r.fields.get("fatalities") is not None]  # fmt: skip
    if len({f for f, _ in figures}) < 2:
        return None
    listed = ", ".join(f"{f} ({s})" for f, s in sorted(figures, key=lambda x: (x[0], x[1])))
    return f"fatalities reported: {listed}; coded {fused['fatalities']} (most conservative)"


def claim_rows(event_id: int, members: Sequence[Report], fused: dict[str, Any]) -> list[dict[str, Any]]:
    """One claim per field per independent source that states it; ``chosen`` marks the fused value."""
    rules = load_claim_rules()
    rows: list[dict[str, Any]] = []
    for rep in source_units(members):
        claimant = rep.extras.get(rules.claimant_key)
        for name in rules.claim_fields:
            value = rep.fields.get(name)
            if value is None or value == "":
                continue
            rows.append(_claim(event_id, rep, name, value, _same(fused.get(name), value), None))
        for name in rules.extra_claims:
            if rep.extras.get(name) is not None:
                rows.append(_claim(event_id, rep, name, rep.extras[name], False, claimant))
    return rows


def _same(fused: Any, value: Any) -> bool:
    return fused == value or (isinstance(fused, str) and str(value) == fused)


def _claim(event_id: int, rep: Report, name: str, value: Any, chosen: bool, claimant: Any) -> dict[str, Any]:
    number = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, str):
        text = value
    elif number is not None:
        text = str(value)
    elif isinstance(value, list | tuple):
        text = "; ".join(str(v) for v in value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return {
        "event_id": event_id,
        "field": name,
        "value": text,
        "value_num": number,
        "report_id": rep.id,
        "document_id": rep.document_id,
        "source_name": rep.source_name,
        "claimant": str(claimant) if claimant is not None else None,
        "chosen": chosen,
    }

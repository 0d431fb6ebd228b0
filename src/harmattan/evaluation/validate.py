"""Check a project gold JSONL file against the codebook labels (``evaluation/data/ontology.yaml``).

Errors make a gold file unusable for scoring (bad JSON, unknown labels, impossible values);
warnings flag what is probably a slip (an event dated after publication, a place name the
text never mentions, an actor id the region pack does not know).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harmattan.evaluation.canon import admin_key
from harmattan.evaluation.gold import ontology
from harmattan.regions.text import fold

PASSAGE_KEYS = ("id", "language", "published_at", "text", "events")


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    passage: str | None
    level: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        return f"line {self.line} [{self.passage or '?'}] {self.level}: {self.message}"


def validate_gold_file(path: Path, known_actor: Any = None) -> list[Problem]:
    """All problems of a gold JSONL file; ``known_actor(id) -> bool`` checks actor ids when given."""
    problems: list[Problem] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(Problem(number, None, "error", f"not JSON: {exc}"))
                continue
            pid = str(obj.get("id")) if obj.get("id") is not None else None
            if pid in seen:
                problems.append(Problem(number, pid, "error", "duplicate id"))
            seen.add(pid or "")
            for level, message in check_passage(obj, known_actor):
                problems.append(Problem(number, pid, level, message))
    return problems


def check_passage(obj: dict[str, Any], known_actor: Any = None) -> list[tuple[str, str]]:
    onto = ontology()
    out = [("error", f"missing key {key!r}") for key in PASSAGE_KEYS if key not in obj]
    if obj.get("split") not in (None, *onto["splits"]):
        out.append(("error", f"split {obj.get('split')!r} not in {onto['splits']}"))
    if obj.get("language") not in onto["languages"]:
        out.append(("error", f"language {obj.get('language')!r} not in {onto['languages']}"))
    published = _date(obj.get("published_at"), "published_at", out)
    text = str(obj.get("text") or "")
    for index, event in enumerate(obj.get("events") or []):
        for level, message in check_event(event, published, text, known_actor):
            out.append((level, f"event {index}: {message}"))
    return out


def check_event(
    event: dict[str, Any], published: dt.date | None, text: str, known_actor: Any = None
) -> list[tuple[str, str]]:
    onto = ontology()
    out: list[tuple[str, str]] = []
    types: dict[str, list[str]] = onto["event_types"]
    etype, sub = event.get("event_type"), event.get("sub_event_type")
    if etype is not None and etype not in types:
        out.append(("error", f"event_type {etype!r} unknown"))
    elif sub is not None and (etype is None or sub not in types[etype]):
        out.append(("error", f"sub_event_type {sub!r} is not a sub-type of {etype!r}"))
    if etype is None and event.get("plover_type") is None:
        out.append(("error", "neither event_type nor plover_type"))
    out += _check_codes(event, onto)
    date = _date(event.get("event_date"), "event_date", out)
    if date and published and date > published:
        out.append(("warning", f"event_date {date} after published_at {published}"))
    out += _check_place(event, text)
    if known_actor is not None:
        for key in ("actor1_id", "actor2_id"):
            if event.get(key) and not known_actor(event[key]):
                out.append(("warning", f"{key} {event[key]!r} not in the region pack"))
    return out


def _check_codes(event: dict[str, Any], onto: dict[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, allowed in (
        ("inter1", onto["inter_codes"]),
        ("inter2", onto["inter_codes"]),
        ("geo_precision", onto["geo_precision"]),
        ("date_precision", onto["date_precision"]),
        ("plover_type", onto["plover_types"]),
    ):
        if event.get(key) is not None and event[key] not in allowed:
            out.append(("error", f"{key} {event[key]!r} not in {allowed}"))
    bad = [t for t in event.get("tactics") or [] if t not in onto["tactics"]]
    if bad:
        out.append(("error", f"unknown tactics {bad}"))
    fatalities = event.get("fatalities")
    if fatalities is not None and (not isinstance(fatalities, int) or fatalities < 0):
        out.append(("error", f"fatalities {fatalities!r} is not a count"))
    country = event.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isupper()):
        out.append(("error", f"country {country!r} is not ISO 3166-1 alpha-2"))
    return out


def _check_place(event: dict[str, Any], text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    lat, lon = event.get("latitude"), event.get("longitude")
    if (lat is None) != (lon is None):
        out.append(("error", "latitude and longitude must be given together"))
    elif lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        out.append(("error", f"coordinates out of range ({lat}, {lon})"))
    location = event.get("location")
    if (
        location
        and admin_key(location)
        and f" {admin_key(location)} " not in f" {' '.join(fold(text).split())} "
    ):
        out.append(("warning", f"location {location!r} does not occur in the text"))
    return out


def _date(value: Any, key: str, out: list[tuple[str, str]]) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        out.append(("error", f"{key} {value!r} is not an ISO date"))
        return None

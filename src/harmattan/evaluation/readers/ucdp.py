"""UCDP GED CSV exports as weak gold (see docs/evaluation.md, "UCDP GED").

Text = the ``source_headline`` headlines (one per line) plus ``source_original`` (the named
sources) where present. ``published`` = the day after ``date_start``: the export gives no
publication date, and a report is most often published the day after the event it tells, which is
also what an extractor assumes of a report that dates nothing (so a relative date in a headline,
"yesterday", "on Sunday", resolves against it; the date score is lenient and only scored where
``date_prec`` is 1). Rows sharing one text become one passage with
several gold events (a monthly digest reports many events). Each field is scored only where
the text mentions it, per the mapping in ``regions/sahel/mappings/ucdp_ged.yaml``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from harmattan.evaluation.canon import admin_key, mentions
from harmattan.evaluation.gold import GoldEvent, GoldPassage, data_path, load_yaml, mapping_path
from harmattan.evaluation.readers.jsonl import GoldFormatError
from harmattan.records import Event
from harmattan.regions.text import fold

_DIGITS = re.compile(r"\d")
_WORDS = re.compile(r"[^\W\d_]{2,}|\d+")
_COUNTRIES = {"Burkina Faso": "BF", "Mali": "ML", "Niger": "NE", "Benin": "BJ", "Togo": "TG"}


@functools.lru_cache(maxsize=1)
def _mapping() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(mapping_path("ucdp_ged.yaml"))
    return data


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(data_path("text_cues.yaml"))
    return data


def read_ucdp(path: Path) -> Iterator[GoldPassage]:
    """Read a UCDP GED CSV (API/CSV export columns) into passages grouped by text."""
    grouped: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = ucdp_text(row)
            if len(_WORDS.findall(text)) >= int(_mapping()["min_words"]):
                grouped.setdefault(text, []).append(row)
    for text, rows in grouped.items():
        rows.sort(key=lambda r: (r.get("date_start") or "", r.get("id") or ""))
        events = []
        for row in rows:
            try:
                events.append(ucdp_event(row, text))
            except (KeyError, ValueError, TypeError) as exc:
                raise GoldFormatError(f"{path}: UCDP row id {row.get('id')!r}: bad or missing {exc}") from exc
        yield GoldPassage(
            id="ucdp-" + "+".join(r["id"] for r in rows[:3]) + ("+..." if len(rows) > 3 else ""),
            text=text,
            published=_day_after(events[0].event.event_date),
            language=guess_language(text),
            events=events,
            split=None,
            exhaustive=False,
            format="ucdp",
            meta={"ucdp_ids": [r["id"] for r in rows]},
        )


def ucdp_text(row: dict[str, str]) -> str:
    lines = [part.strip() for part in (row.get("source_headline") or "").split(";") if part.strip()]
    original = (row.get("source_original") or "").strip()
    if original:
        lines.append(" ".join(original.split()))
    return "\n".join(lines)


def ucdp_event(row: dict[str, str], text: str) -> GoldEvent:
    mapping = _mapping()
    country = _COUNTRIES.get(row.get("country", ""))
    types = tuple(mapping["type_of_violence"][int(row["type_of_violence"])])
    side_a, side_b = mapping["actors"].get(row["side_a"]), mapping["actors"].get(row["side_b"])
    geo = mapping["where_prec"].get(int(row["where_prec"]))
    event = Event(
        event_date=dt.date.fromisoformat(row["date_start"][:10]),
        date_precision=mapping["date_prec"].get(int(row["date_prec"])) or 3,
        event_type=types[0],
        actor1=row["side_a"],
        actor1_id=side_a["ids"][0] if side_a else None,
        inter1=_inters(side_a)[0] if side_a else None,
        actor2=row["side_b"],
        actor2_id=side_b["ids"][0] if side_b else None,
        inter2=_inters(side_b)[0] if side_b else None,
        country=country,
        admin1=_strip_feature(row.get("adm_1")),
        admin2=_strip_feature(row.get("adm_2")),
        location=_strip_feature(row.get("where_coordinates")),
        latitude=float(row["latitude"]) if row.get("latitude") else None,
        longitude=float(row["longitude"]) if row.get("longitude") else None,
        geo_precision=geo,
        fatalities=int(row["best"]) if row.get("best") else None,
    )
    return GoldEvent(
        event=event,
        fields=frozenset(_scorable_fields(event, row, text, side_a, side_b)),
        event_types=types,
        actor1_ids=tuple(side_a["ids"]) if side_a else (),
        actor2_ids=tuple(side_b["ids"]) if side_b else (),
        unordered_actors=int(row["type_of_violence"]) in (1, 2),
        inter1_options=_inters(side_a),
        inter2_options=_inters(side_b),
        fatalities_range=(int(row["low"]), int(row["high"])) if row.get("low") and row.get("high") else None,
    )


def _inters(side: dict[str, Any] | None) -> tuple[int, ...]:
    if side is None:
        return ()
    value = side["inter"]
    return tuple(int(v) for v in value) if isinstance(value, list) else (int(value),)


def _scorable_fields(
    event: Event, row: dict[str, str], text: str, side_a: dict[str, Any] | None, side_b: dict[str, Any] | None
) -> set[str]:
    fields = {"event_type"}
    if side_a and mentions(text, side_a["mentions"]):
        fields |= {"actor1", "inter1"}
    if side_b and mentions(text, side_b["mentions"]):
        fields |= {"actor2", "inter2"}
    place_named = _named(text, event.location)
    admin2_named = _named(text, event.admin2)
    admin1_named = _named(text, event.admin1)
    if place_named or admin2_named or admin1_named or mentions(text, ["Burkina"]):
        fields.add("country")
    if place_named or admin2_named or admin1_named:
        fields.add("admin1")
    if place_named or admin2_named:
        fields.add("admin2")
    if place_named and event.geo_precision is not None:
        fields.add("geo_precision")
    # Coordinates of where_prec 4+ are admin-area centroids, not the event's place: no 10 km test.
    if place_named and event.geo_precision in (1, 2) and event.latitude is not None:
        fields.add("location")
    if row.get("date_prec") == "1":
        fields.add("event_date")
    if event.fatalities is not None and toll_mentioned(text):
        fields.add("fatalities")
    return fields


def _strip_feature(name: str | None) -> str | None:
    if not name or not name.strip():
        return None
    name = name.strip()
    for suffix in sorted(_mapping()["place_suffixes"], key=len, reverse=True):
        if name.lower().endswith(" " + suffix):
            return name[: -len(suffix) - 1].strip()
    return name


def _named(text: str, name: str | None) -> bool:
    key = admin_key(name)
    if not key:
        return False
    folded = f" {' '.join(fold(text).split())} "
    if key not in {fold(n) for n in _mapping()["generic_admin_names"]}:
        return f" {key} " in folded
    words = [fold(w) for w in _mapping()["admin_words"]]
    return any(f" {key} {w} " in folded or f" {w} {key} " in folded for w in words)


def toll_mentioned(text: str) -> bool:
    """Whether the text gives a death toll: a number or number word next to a death word."""
    cues = _cues()
    words = fold(text).split()
    numbers = {fold(w) for lang in cues["number_words"].values() for w in lang}
    deaths = {fold(w) for w in cues["death_words"]}
    for i, word in enumerate(words):
        if word in numbers or _DIGITS.search(word):
            window = words[max(0, i - 4) : i + 5]
            if any(w in deaths or w.startswith(("kill", "tue", "mort")) for w in window):
                return True
    return False


def guess_language(text: str) -> str | None:
    """``en``/``fr`` by stop-word counts, None when too few cues (hashtags, names)."""
    cues = _cues()["stop_words"]
    words = fold(text).split()
    counts = {lang: sum(w in set(cues[lang]) for w in words) for lang in ("en", "fr")}
    best = max(counts, key=lambda lang: counts[lang])
    other = "fr" if best == "en" else "en"
    if counts[best] >= 2 and counts[best] > counts[other]:
        return best
    return None


def _day_after(day: dt.date | None) -> dt.date | None:
    return None if day is None else day + dt.timedelta(days=1)

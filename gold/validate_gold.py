#!/usr/bin/env python3
"""Validate the project gold files (``gold/passages_*.jsonl``) against the codebook.

Usage::

    python gold/validate_gold.py gold/passages_en.jsonl gold/passages_fr.jsonl [--stats]
        [--gazetteer DIR] [--strict]

Checks every line parses, the passage fields are present and typed, the split is the one the
deterministic rule gives (see ``assign_splits``), labels are exactly those of the codebook
(``shared/ONTOLOGY.md``), dates are ISO and not after publication, coordinates are in range and
in the region, and annotated place names occur in the text. With ``--gazetteer`` (a folder
holding GeoNames' ``admin1CodesASCII.txt`` and ``admin2Codes.txt``) admin names are checked too.
Prints errors and warnings (``--strict`` makes warnings fail) and, with ``--stats``, counts.

Standard library only, so it runs anywhere the gold files are read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

#: event_type -> its sub-event types (ONTOLOGY.md, after ACLED's public codebook).
SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
TACTICS = frozenset(
    [
        "armed drone",
        "manned airstrike",
        "IED",
        "VBIED",
        "suicide attack",
        "ambush",
        "artillery/mortar",
        "landmine",
        "abduction",
        "arson",
        "siege/blockade",
        "assassination",
        "looting",
        "mass killing",
    ]
)
PLOVER_TYPES = frozenset(
    [
        "AGREE",
        "AID",
        "ASSAULT",
        "COERCE",
        "CONCEDE",
        "CONSULT",
        "COOPERATE",
        "DEMAND",
        "DISAPPROVE",
        "FIGHT",
        "INVESTIGATE",
        "MOBILIZE",
        "PROTEST",
        "REJECT",
        "RETREAT",
        "SANCTION",
        "SUPPORT",
        "THREATEN",
    ]
)
#: Countries a gold event may be placed in (West Africa, the Sahel and its neighbours).
COUNTRIES = frozenset(
    [
        "BF",
        "ML",
        "NE",
        "BJ",
        "TG",
        "GH",
        "CI",
        "SN",
        "MR",
        "GN",
        "NG",
        "TD",
        "DZ",
        "LY",
        "CM",
        "GM",
        "GW",
        "SL",
        "LR",
        "SD",
    ]
)
#: A generous box around that area: a coordinate outside it is a swapped or mistyped value.
LAT_RANGE, LON_RANGE = (0.0, 38.0), (-20.0, 25.0)
#: Fixed actor ids (the registry of ``regions/sahel/actors``); ``{cc}-...`` ids match ID_PATTERNS.
ACTOR_IDS = frozenset(
    [
        "bf-vdp",
        "dan-na-ambassagou",
        "dozo",
        "koglweogo",
        "jnim",
        "ansarul-islam",
        "katiba-macina",
        "aqim",
        "is-sahel",
        "iswap",
        "jas-boko-haram",
        "fla",
        "csp-dpa",
        "hcua",
        "maa",
        "serval",
        "csp-psd",
        "cma",
        "mnla",
        "gatia",
        "wagner-group",
        "africa-corps",
        "barkhane",
        "minusma",
        "ecowas",
        "aes",
        "unidentified-armed-group",
    ]
)
#: Filled by :func:`main` from the pack's registry when it is there.
REGISTRY_IDS: frozenset[str] = frozenset()
ID_PATTERNS = re.compile(
    r"^[a-z]{2}-(military|police|gendarmerie|government|state)$|^(civilians|protesters|rioters)-[a-z]{2}$"
)
EVENT_KEYS = (
    "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor1_id", "assoc_actor_1",
    "inter1", "actor2", "actor2_id", "assoc_actor_2", "inter2", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "fatalities", "tactics", "plover_type", "historical",
)  # fmt: skip
PASSAGE_KEYS = ("id", "split", "language", "published_at", "text", "source", "events")
SOURCE_KINDS = frozenset({"ucdp-derived", "public-report"})
UCDP_ATTRIBUTION = "UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program, CC BY 4.0"
#: Within each stratum, positions (in id order) whose index modulo 5 is one of these are ``test``: 40 %.
TEST_POSITIONS = (1, 3)


def stratum(passage: dict[str, Any]) -> str:
    """The stratum a passage is balanced in: its language and the event type of its first event."""
    events = passage.get("events") or []
    first = events[0].get("event_type") if events and isinstance(events[0], dict) else "no-event"
    return f"{passage.get('language')}/{first}"


def assign_splits(passages: list[dict[str, Any]]) -> dict[str, str]:
    """The split of every passage by a fixed rule: systematic 2-in-5 sampling within each stratum.

    Passages are taken in id order within their stratum (language + first event type); positions
    1 and 3 of every 5 are held out as ``test``. The rule is fixed before annotation, balances event
    types across splits, and never moves an existing passage when new ones are appended with
    higher ids, so nobody can choose (or tune on) which passages are held out. A passage marked
    ``"seen_in_tuning": true`` (read while tuning before it was filed) is always ``dev``, and so is a
    passage with ``"twin_of"`` (another passage reporting the same incident), so that one incident never
    sits on both sides.
    """
    counters: dict[str, int] = {}
    splits: dict[str, str] = {}
    for passage in sorted(passages, key=lambda p: str(p.get("id"))):
        if passage.get("seen_in_tuning") or passage.get("twin_of"):
            # read while tuning the extractor before it was filed: dev, and no place in the rotation
            splits[str(passage.get("id"))] = "dev"
            continue
        key = stratum(passage)
        index = counters.get(key, 0)
        counters[key] = index + 1
        splits[str(passage.get("id"))] = "test" if index % 5 in TEST_POSITIONS else "dev"
    return splits


def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form used to look place names up in the text."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^\w]+", " ", stripped).split())


#: The actor registry of the Sahel pack, read (without a YAML parser) for its ``id:`` entries.
REGISTRY = Path(__file__).resolve().parent.parent / "src/harmattan/regions/sahel/actors"
_REGISTRY_ID = re.compile(r"""(?:^\s*-\s*|\{)id:\s*["']?([a-z0-9{}\-]+)""", re.MULTILINE)


def load_registry_ids(folder: Path) -> frozenset[str]:
    """Actor ids declared in the pack's YAML files; ``{cc}`` templates are kept as written."""
    ids: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        ids.update(_REGISTRY_ID.findall(path.read_text(encoding="utf-8")))
    return frozenset(ids)


def known_actor(actor_id: str, registry: frozenset[str]) -> bool:
    """Whether ``actor_id`` is a fixed id, a ``{cc}`` pattern id, or declared in the registry."""
    if actor_id in ACTOR_IDS or actor_id in registry or ID_PATTERNS.match(actor_id):
        return True
    return any(
        "{cc}" in template and re.fullmatch(template.replace("{cc}", "[a-z]{2}"), actor_id)
        for template in registry
    )


def load_admin_names(folder: Path) -> dict[str, set[str]]:
    """``{"BF/1": {"Sahel", ...}, "BF/2": {"Province du Soum", ...}}`` from GeoNames' admin tables."""
    names: dict[str, set[str]] = {}
    for level, filename in ((1, "admin1CodesASCII.txt"), (2, "admin2Codes.txt")):
        path = folder / filename
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 3:
                key = f"{cols[0][:2]}/{level}"
                names.setdefault(key, set()).update({cols[1], cols[2]})
    return names


class Report:
    """Collects messages, each naming the file, line and passage it is about."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: {message}")


def _iso_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_passage(obj: dict[str, Any], where: str, report: Report, admin: dict[str, set[str]]) -> None:
    """Check one passage and its events."""
    for key in PASSAGE_KEYS:
        if key not in obj:
            report.error(where, f"missing key {key!r}")
    pid = obj.get("id")
    if not isinstance(pid, str) or not re.fullmatch(r"(en|fr)-\d{4}", pid):
        report.error(where, f"id {pid!r} is not like 'en-0001'")
        return
    if obj.get("language") != pid[:2]:
        report.error(where, f"language {obj.get('language')!r} does not match id prefix")
    if obj.get("split") not in ("dev", "test"):
        report.error(where, f"split {obj.get('split')!r} is not 'dev' or 'test'")
    published = _iso_date(obj.get("published_at"))
    if published is None:
        report.error(where, "published_at is not an ISO date")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        report.error(where, "text is empty")
        return
    _check_source(obj.get("source"), where, report)
    events = obj.get("events")
    if not isinstance(events, list):
        report.error(where, "events is not a list")
        return
    haystack = fold(f"{obj.get('title') or ''} {text}")
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            report.error(f"{where} event {index}", "not an object")
            continue
        check_event(event, f"{where} event {index}", report, published, haystack, admin)


def _check_source(source: Any, where: str, report: Report) -> None:
    if not isinstance(source, dict):
        report.error(where, "source is not an object")
        return
    if source.get("kind") not in SOURCE_KINDS:
        report.error(where, f"source.kind {source.get('kind')!r} not in {sorted(SOURCE_KINDS)}")
    if not source.get("ref"):
        report.error(where, "source.ref is empty")
    if source.get("kind") == "ucdp-derived":
        if source.get("attribution") != UCDP_ATTRIBUTION:
            report.error(where, "UCDP-derived passage without the UCDP CC BY 4.0 attribution")
        if not re.fullmatch(r"UCDP GED id \d+", str(source.get("ref"))):
            report.error(where, "UCDP-derived passage: ref must be 'UCDP GED id N'")
    if source.get("kind") == "public-report" and not source.get("url"):
        report.error(where, "public-report passage without a url")


def check_event(
    event: dict[str, Any],
    where: str,
    report: Report,
    published: dt.date | None,
    haystack: str,
    admin: dict[str, set[str]],
) -> None:
    """Check one gold event's labels, dates, actors and place."""
    for key in EVENT_KEYS:
        if key not in event:
            report.error(where, f"missing key {key!r}")
    extra = set(event) - set(EVENT_KEYS) - {"notes"}
    if extra:
        report.error(where, f"unknown keys {sorted(extra)}")
    _check_labels(event, where, report)
    _check_when(event, where, report, published)
    _check_actors(event, where, report)
    _check_place(event, where, report, haystack, admin)
    fatalities = event.get("fatalities")
    if fatalities is not None and (
        not isinstance(fatalities, int) or isinstance(fatalities, bool) or fatalities < 0
    ):
        report.error(where, f"fatalities {fatalities!r} is not a non-negative integer or null")


def _check_labels(event: dict[str, Any], where: str, report: Report) -> None:
    etype, sub = event.get("event_type"), event.get("sub_event_type")
    if etype not in SUB_EVENT_TYPES:
        report.error(where, f"event_type {etype!r} not in the codebook")
    elif sub not in SUB_EVENT_TYPES[etype]:
        report.error(where, f"sub_event_type {sub!r} is not a sub-type of {etype!r}")
    tactics = event.get("tactics")
    if not isinstance(tactics, list) or not set(tactics) <= TACTICS:
        report.error(where, f"tactics {tactics!r} not a list of codebook tactics")
    elif len(set(tactics)) != len(tactics):
        report.error(where, "tactics repeated")
    plover = event.get("plover_type")
    if plover is not None and plover not in PLOVER_TYPES:
        report.error(where, f"plover_type {plover!r} not a PLOVER type")
    if not isinstance(event.get("historical"), bool):
        report.error(where, "historical must be true or false")


def _check_when(event: dict[str, Any], where: str, report: Report, published: dt.date | None) -> None:
    date = _iso_date(event.get("event_date"))
    if date is None:
        report.error(where, f"event_date {event.get('event_date')!r} is not an ISO date")
    elif published is not None and date > published:
        report.error(where, f"event_date {date} is after published_at {published}")
    elif published is not None and not event.get("historical") and (published - date).days > 120:
        report.warn(where, f"event {(published - date).days} days before publication but not historical")
    if event.get("date_precision") not in (1, 2, 3):
        report.error(where, "date_precision must be 1, 2 or 3")


def _check_actors(event: dict[str, Any], where: str, report: Report) -> None:
    for side in ("1", "2"):
        name, actor_id, inter = (
            event.get(f"actor{side}"),
            event.get(f"actor{side}_id"),
            event.get(f"inter{side}"),
        )
        if not isinstance(inter, int) or isinstance(inter, bool) or not 0 <= inter <= 8:
            report.error(where, f"inter{side} {inter!r} is not an interaction code 0-8")
        if name is None:
            if side == "1":
                report.error(where, "actor1 is empty")
            elif inter != 0 or actor_id is not None:
                report.error(where, "no actor2 but inter2 != 0 or actor2_id set")
            continue
        if inter == 0:
            report.error(where, f"actor{side} given but inter{side} is 0")
        if not isinstance(actor_id, str) or not known_actor(actor_id, REGISTRY_IDS):
            report.warn(where, f"actor{side}_id {actor_id!r} is not a registry id")
        if isinstance(actor_id, str) and actor_id.startswith("civilians-") and inter != 7:
            report.error(where, f"civilian actor{side} with inter{side} {inter}")


def _check_place(
    event: dict[str, Any], where: str, report: Report, haystack: str, admin: dict[str, set[str]]
) -> None:
    country = event.get("country")
    if country not in COUNTRIES:
        report.error(where, f"country {country!r} is not an ISO2 code of the region")
    if event.get("geo_precision") not in (1, 2, 3):
        report.error(where, "geo_precision must be 1, 2 or 3")
    lat, lon = event.get("latitude"), event.get("longitude")
    if (lat is None) != (lon is None):
        report.error(where, "latitude and longitude must be both set or both null")
    elif lat is not None:
        if not (isinstance(lat, int | float) and isinstance(lon, int | float)):
            report.error(where, "coordinates are not numbers")
        elif not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
            report.error(where, f"coordinates {lat},{lon} outside the region")
    location = event.get("location")
    # A region-only event names the region, not its main town whose coordinates it carries.
    if isinstance(location, str) and event.get("geo_precision") != 3 and fold(location) not in haystack:
        report.warn(where, f"location {location!r} not found in the text")
    if isinstance(country, str):
        for level in (1, 2):
            value, known = event.get(f"admin{level}"), admin.get(f"{country}/{level}")
            if value is not None and known and value not in known:
                report.error(
                    where, f"admin{level} {value!r} is not a GeoNames admin{level} name of {country}"
                )


def stats(passages: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    """Counts by split, language, event type, country, and passage shape."""
    out: dict[str, Counter[str]] = {
        k: Counter() for k in ("split", "language", "event_type", "country", "shape")
    }
    for passage in passages:
        events = passage.get("events") or []
        out["split"][str(passage.get("split"))] += 1
        out["language"][str(passage.get("language"))] += 1
        shape = "no-event" if not events else "multi-event" if len(events) > 1 else "one-event"
        out["shape"][shape] += 1
        for event in events:
            out["event_type"][f"{event.get('event_type')} [{passage.get('split')}]"] += 1
            out["country"][str(event.get("country"))] += 1
            if event.get("historical"):
                out["shape"]["historical events"] += 1
            if event.get("plover_type"):
                out["shape"]["events with plover_type"] += 1
    return out


def validate_files(paths: list[Path], admin: dict[str, set[str]]) -> tuple[Report, list[dict[str, Any]]]:
    """Validate every line of ``paths``; ids must be unique across all of them."""
    report, passages, seen = Report(), [], set()
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{path.name}:{number}"
            if not line.strip():
                report.error(where, "blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                report.error(where, f"not JSON: {exc}")
                continue
            if not isinstance(obj, dict):
                report.error(where, "not a JSON object")
                continue
            where = f"{where} {obj.get('id')}"
            if obj.get("id") in seen:
                report.error(where, "duplicate id")
            seen.add(obj.get("id"))
            check_passage(obj, where, report, admin)
            passages.append(obj)
    expected = assign_splits(passages)
    for passage in passages:
        want = expected[str(passage.get("id"))]
        if passage.get("split") in ("dev", "test") and passage.get("split") != want:
            report.error(
                f"{passage.get('id')}", f"split {passage.get('split')!r} but the rule gives {want!r}"
            )
    return report, passages


def write_splits(path: Path) -> int:
    """Set every passage's ``split`` in ``path`` by :func:`assign_splits`; returns how many changed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    passages = [json.loads(line) for line in lines if line.strip()]
    expected = assign_splits(passages)
    changed = 0
    with path.open("w", encoding="utf-8") as out:
        for passage in passages:
            want = expected[str(passage.get("id"))]
            changed += passage.get("split") != want
            passage["split"] = want
            out.write(json.dumps(passage, ensure_ascii=False) + "\n")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--gazetteer", type=Path, default=Path("/work/shared/data/gazetteer/geonames"))
    parser.add_argument("--stats", action="store_true", help="print counts")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument(
        "--write-splits", action="store_true", help="set each passage's split by the rule first"
    )
    args = parser.parse_args(argv)
    if args.write_splits:
        for path in args.files:
            print(f"{path}: {write_splits(path)} splits changed")
    admin = load_admin_names(args.gazetteer) if args.gazetteer.is_dir() else {}
    global REGISTRY_IDS
    REGISTRY_IDS = load_registry_ids(REGISTRY) if REGISTRY.is_dir() else frozenset()
    report, passages = validate_files(args.files, admin)
    for message in report.errors:
        print(f"ERROR {message}")
    for message in report.warnings:
        print(f"WARN  {message}")
    if args.stats:
        for name, counter in stats(passages).items():
            print(f"{name}: " + ", ".join(f"{k}={v}" for k, v in sorted(counter.items())))
    print(
        f"{len(passages)} passages, {len(report.errors)} errors, {len(report.warnings)} warnings"
        + ("" if admin else " (admin names not checked: no gazetteer)")
    )
    failed = report.errors or (args.strict and report.warnings)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

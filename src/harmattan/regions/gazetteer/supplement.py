"""Places taken from UCDP GED (``ucdp_places.yaml``): villages the GeoNames extracts lack.

The file is written by ``scripts/build_ucdp_places.py`` (never by hand) and merged into the
index after the curated entries. :func:`check_entry` says what is wrong with an entry, so
``harmattan pack validate`` catches a hand edit that breaks the schema or loses its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from harmattan.regions.gazetteer.curated import point_problems

FILE = "ucdp_places.yaml"
ATTRIBUTION = "UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program, CC BY 4.0"

REQUIRED = ("id", "name", "original", "country", "latitude", "longitude", "feature", "precision", "source")
OPTIONAL = ("names", "admin1", "admin2", "rows", "spread_km", "admin_from")
_ID = re.compile(r"^ucdp:[a-z]{2}-[a-z0-9-]+$")
_FEATURE = re.compile(r"^[PS]\.[A-Z0-9]{2,6}$")
_SOURCE = re.compile(r"^UCDP GED ids? \d+(?:, \d+)*$")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(path: Path) -> dict[str, Any]:
    """The file's mapping (empty when there is no file: a pack need not have a supplement)."""
    if not path.exists():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping with 'attribution' and 'places'")
    return data


def file_problems(data: dict[str, Any], sources_md: Path) -> list[str]:
    """Problems with the file as a whole: the attribution CC BY 4.0 requires, here and in SOURCES.md."""
    if not data:
        return []
    problems = []
    if data.get("attribution") != ATTRIBUTION:
        problems.append(f"{FILE}: 'attribution' must read {ATTRIBUTION!r} (CC BY 4.0 requires it)")
    text = sources_md.read_text(encoding="utf-8") if sources_md.exists() else ""
    if ATTRIBUTION not in text or FILE not in text:
        problems.append(f"{sources_md.name}: must name {FILE} and its attribution {ATTRIBUTION!r}")
    return problems


def places(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, entry)`` for each place; ``where`` names it in messages."""
    for i, entry in enumerate(data.get("places") or [], 1):
        label = entry.get("id") if isinstance(entry, dict) else None
        yield f"{FILE} places[{i}] {label or '(no id)'}", entry if isinstance(entry, dict) else {}


def check_entry(where: str, entry: dict[str, Any]) -> list[str]:
    """Problems with one entry (empty when it is fine)."""
    problems = [f"{where}: missing '{key}'" for key in REQUIRED if entry.get(key) in (None, "")]
    unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    problems += [f"{where}: unknown field '{key}'" for key in unknown]
    if problems:
        return problems
    pid, country = str(entry["id"]), str(entry["country"])
    if not _ID.match(pid):
        problems.append(f"{where}: id must look like 'ucdp:bf-tiemboulo' (ucdp:, country code, slug)")
    elif pid[5:7] != country.lower():
        problems.append(f"{where}: id country part does not match country {country}")
    point, broken = point_problems(where, entry, _FEATURE, "S.CMP")
    problems += point
    if broken:
        return problems
    if entry["precision"] != 1:
        problems.append(f"{where}: precision must be 1 (UCDP where_prec 1, the exact place)")
    if not _SOURCE.match(str(entry["source"])):
        problems.append(f"{where}: source must list the UCDP GED rows, e.g. 'UCDP GED ids 123, 456'")
    if not isinstance(entry.get("names") or [], list):
        problems.append(f"{where}: names must be a list")
    return problems

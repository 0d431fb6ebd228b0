"""Hand-curated gazetteer entries (``curated.yaml``): new places and extra spellings of GeoNames ones.

Every entry must carry a ``source`` (URL or citation). :func:`check_entry`
says what is wrong with an entry in words an analyst can act on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

REQUIRED = ("id", "name", "country", "latitude", "longitude", "feature", "source")
_ID = re.compile(r"^cur:[a-z]{2}-[a-z0-9-]+$")
_FEATURE = re.compile(r"^[AHLPRSTUV]\.[A-Z0-9]{2,6}$")


@dataclass(frozen=True, slots=True)
class CuratedAlias:
    """Extra spellings (and optionally an admin correction) for a place that already exists."""

    id: str
    names: tuple[str, ...]
    source: str
    where: str
    admin1: str | None = None
    admin2: str | None = None
    #: a correction of a row whose extract lacks them (cities1000 has no feature codes or populations:
    #: "Algiers" is a national capital of 2 million, not a village of 1,000)
    feature: str | None = None
    population: int | None = None


def read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping with 'places' and 'aliases'")
    return data


def places(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, entry)`` for each curated place; ``where`` names it in messages."""
    for i, entry in enumerate(data.get("places") or [], 1):
        label = entry.get("id") if isinstance(entry, dict) else None
        yield f"curated.yaml places[{i}] {label or '(no id)'}", entry if isinstance(entry, dict) else {}


def aliases(data: dict[str, Any]) -> Iterator[CuratedAlias]:
    for i, entry in enumerate(data.get("aliases") or [], 1):
        if not isinstance(entry, dict):
            continue
        yield CuratedAlias(
            id=str(entry.get("id", "")),
            names=tuple(str(n) for n in entry.get("names") or ()),
            source=str(entry.get("source") or ""),
            where=f"curated.yaml aliases[{i}] {entry.get('id', '(no id)')}",
            admin1=entry.get("admin1"),
            admin2=entry.get("admin2"),
            feature=entry.get("feature"),
            population=entry.get("population"),
        )


def alias_problems(alias: CuratedAlias) -> list[str]:
    """What is wrong with an alias's corrections (the feature code's shape, the population's type)."""
    problems = []
    if alias.feature is not None and not _FEATURE.match(str(alias.feature)):
        problems.append(f"{alias.where}: feature {alias.feature!r} is not a GeoNames class.code")
    if alias.population is not None and (not isinstance(alias.population, int) or alias.population < 0):
        problems.append(f"{alias.where}: population must be a whole number")
    return problems


def point_problems(
    where: str, entry: dict[str, Any], feature: re.Pattern[str], example: str
) -> tuple[list[str], bool]:
    """A place entry's coordinates (numbers, on Earth) and GeoNames feature code, as problems; the flag
    says the coordinates are not numbers, after which nothing else is worth checking."""
    try:
        lat, lon = float(entry["latitude"]), float(entry["longitude"])
    except (TypeError, ValueError):
        return [f"{where}: latitude/longitude must be numbers"], True
    problems = []
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        problems.append(f"{where}: coordinates ({lat}, {lon}) are not on Earth")
    if not feature.match(str(entry["feature"])):
        problems.append(f"{where}: feature must be a GeoNames class.code like 'P.PPL' or '{example}'")
    return problems, False


def check_entry(where: str, entry: dict[str, Any]) -> list[str]:
    """Problems with one curated place entry (empty when it is fine)."""
    problems = [f"{where}: missing '{key}'" for key in REQUIRED if entry.get(key) in (None, "")]
    if problems:
        return problems
    if not _ID.match(str(entry["id"])):
        problems.append(f"{where}: id must look like 'cur:bj-karimama' (cur:, country code, slug)")
    elif str(entry["id"])[4:6] != str(entry["country"]).lower():
        problems.append(f"{where}: id country part does not match country {entry['country']}")
    if not re.fullmatch(r"[A-Z]{2}", str(entry["country"])):
        problems.append(f"{where}: country must be an ISO2 code like 'BJ'")
    point, broken = point_problems(where, entry, _FEATURE, "L.PRK")
    problems += point
    if broken:
        return problems
    source = str(entry["source"])
    if not (source.startswith(("http://", "https://", "gn:")) or len(source) >= 12):
        problems.append(f"{where}: source must be a URL, a GeoNames id (gn:...) or a full citation")
    return problems

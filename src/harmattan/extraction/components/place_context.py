"""What tells a place's homonyms apart: the countries a report names (the one beside a place first), the
part of a country it names ("northern Burkina Faso"), how near a named country a place lies, and the
ranking of homonyms these hints make."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from harmattan.extraction.components.mentions import beside_border, heading_to
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import load_taxonomy
from harmattan.regions.text import fold

#: GeoNames feature codes ranked: a capital, then the seats of ever smaller areas, then any populated place
FEATURE_RANK = {"P.PPLC": 5, "P.PPLA": 4, "P.PPLA2": 3, "P.PPLA3": 2, "P.PPL": 1}


#: a town this populous ranks with the region seats, however GeoNames codes it (Touba, Senegal: 529,000)
BIG_CITY = 200_000


def _rank(place: Any) -> int:
    if place.feature == "P.PPL" and int(place.population or 0) >= BIG_CITY:
        return FEATURE_RANK["P.PPLA"]
    return FEATURE_RANK.get(place.feature, 0)


def homonym_score(
    place: Any,
    countries: list[str],
    areas: set[str],
    directions: dict[str, list[str]] | None = None,
    name: str | None = None,
) -> tuple[int, int, int, int, int, int, int]:
    """Homonyms ranked: in the report's countries, in an area it named, in the part of the country it
    named, a town, its rank, named by its own name rather than a variant, its population."""
    in_country = 0
    if place.country in countries:
        in_country = len(countries) - countries.index(place.country)
    in_area = 1 if place.admin2 in areas or place.admin1 in areas else 0
    populated = 1 if place.kind == "populated" else 0
    return (
        in_country,
        in_area,
        _in_direction(place, (directions or {}).get(str(place.country), [])),
        populated,
        _rank(place),
        int(name is not None and fold(str(place.name)) == name),
        int(place.population or 0),
    )


# "northern Burkina Faso", "dans le nord-est du Burkina", "in the east of the country": the part of a
# country a report names. French "est" only after "l'" or another point, never the verb.
_POINT = (
    r"(?:north|south|nord|sud)(?:\s*(?:east|west|est|ouest))?(?:ern)?|(?:east|west)(?:ern)?|ouest|l\s+est"
)
_DIRECTION_BEFORE = re.compile(rf"\b({_POINT})\s+(?:of\s+|du\s+|de\s+la\s+|de\s+l\s+|de\s+)?(?:the\s+)?$")
_DIRECTION_COUNTRY = re.compile(rf"\b({_POINT})\s+(?:of\s+the\s+country|du\s+pays)\b")
_AXES = {
    "north": "N",
    "nord": "N",
    "south": "S",
    "sud": "S",
    "east": "E",
    "est": "E",
    "west": "W",
    "ouest": "W",
}


def named_directions(doc: Doc) -> dict[str, list[str]]:
    """Each country's parts the report names, as axis strings ("N", "NE"...)."""
    out: dict[str, list[str]] = {}
    for m in doc.of_kind("country"):
        found = _DIRECTION_BEFORE.search(doc.folded[max(0, m.start - 30) : m.start])
        if found:
            out.setdefault(str(m.value), []).append(_axes(found.group(1)))
    if doc.country:
        for found in _DIRECTION_COUNTRY.finditer(doc.folded):
            out.setdefault(doc.country, []).append(_axes(found.group(1)))
    return out


def _axes(point: str) -> str:
    return "".join(_AXES[w] for w in re.findall(r"north|nord|south|sud|east|est|west|ouest", point))


def _in_direction(place: Any, axes: list[str]) -> int:
    """1 when the place lies in a part of its country the report names (populated-place extents)."""
    box = _extents().get(str(place.country))
    if not axes or box is None or place.latitude is None:
        return 0
    lat = (float(place.latitude) - box[0]) / ((box[1] - box[0]) or 1.0)
    lon = (float(place.longitude) - box[2]) / ((box[3] - box[2]) or 1.0)
    side = {"N": lat >= 0.5, "S": lat < 0.5, "E": lon >= 0.5, "W": lon < 0.5}
    return int(any(all(side[a] for a in ax) for ax in axes if ax))


def near_countries(place: Any, countries: list[str], margin: float = 5.0) -> bool:
    """Whether the place lies within five degrees (about 550 km) of the extent of most of a named country's
    towns (a far homonym, such as a Senegalese Sèmè in a report on Benin, does not)."""
    if place.latitude is None or place.longitude is None:
        return False
    lat, lon = float(place.latitude), float(place.longitude)
    for country in countries:
        box = _extents().get(country)
        if box is None:
            return True  # a country without an extent: nothing to rule the place out
        if box[0] - margin <= lat <= box[1] + margin and box[2] - margin <= lon <= box[3] + margin:
            return True
    return False


@lru_cache(maxsize=1)
def _extents() -> dict[str, list[float]]:
    return {str(k): [float(x) for x in v] for k, v in load_taxonomy("countries").get("extents", {}).items()}


def countries_hint(doc: Doc) -> list[str]:
    """The report's country first, then the countries it names, save one named only as a border or a
    destination."""
    seen: list[str] = []
    if doc.country:
        seen.append(doc.country)
    for m in doc.mentions:
        if (
            m.kind == "country"
            and m.value not in seen
            and not beside_border(doc, m)
            and not heading_to(doc, m)
        ):
            seen.append(str(m.value))
    return seen


_APPOSITION = re.compile(
    r"^\s*(?:,|\()\s*(?:(?:in|au|en|dans)\s+)?"
    # "Koro, near the border with Burkina Faso" says where it is not
    r"(?!.*\b(?:near|close|border|borders|frontier|from|towards?|road|route|km|pres|proche|frontiere|vers|"
    r"de la)\b)"
    r"(?:[a-z]+\s+){0,4}$"
)


def country_after(doc: Doc, end: int, countries: list[str], named: list[Mention]) -> list[str]:
    """ "Kaya, in Burkina Faso", "Sèmè (Bénin)": the country named beside a place outranks the report's."""
    for m in named:
        if 0 < m.start - end <= 40 and _APPOSITION.match(doc.clean[end : m.start].lower()):
            local = str(m.value)
            return [local, *(c for c in countries if c != local)]
    return countries

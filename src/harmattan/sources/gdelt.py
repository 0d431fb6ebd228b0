"""GDELT 2.0 event and mention export files, filtered to the Sahel, as *leads*.

GDELT codes events by machine from worldwide news; its rows are pointers to
reports worth reading (their ``SOURCEURL``), not facts, so they go to ``leads``,
never to events. Files are read locally (``*.export.CSV``, ``*.mentions.CSV``,
plain, ``.zip`` or ``.gz``): nothing is downloaded.

Column layouts are those of the GDELT 2.0 Event and Mentions codebooks
(61 and 16 tab-separated columns, no header).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from harmattan.documents.readers import ReadError
from harmattan.sources.countries import countries
from harmattan.sources.ucdp import ImportReport
from harmattan.store import sources as store
from harmattan.store.database import Database, utcnow
from harmattan.store.schema import leads

DATASET = "gdelt"
EVENT_COLUMNS = 61
MENTION_COLUMNS = 16
BATCH = 1000
# Indexes in the GDELT 2.0 event export.
E_ID, E_DATE, E_A1NAME, E_A1COUNTRY, E_A2NAME, E_A2COUNTRY = 0, 1, 6, 7, 16, 17
E_CODE, E_ROOT, E_QUAD, E_GOLDSTEIN, E_MENTIONS, E_SOURCES, E_ARTICLES, E_TONE = (
    26,
    28,
    29,
    30,
    31,
    32,
    33,
    34,
)
E_GEO_TYPE, E_GEO_NAME, E_GEO_COUNTRY, E_GEO_LAT, E_GEO_LON, E_URL = 51, 52, 53, 56, 57, 60
# Indexes in the GDELT 2.0 mentions export.
M_ID, M_TIME, M_TYPE, M_SOURCE, M_URL, M_CONFIDENCE = 0, 2, 3, 4, 5, 11


def _lines(path: Path) -> Iterator[str]:
    """Text lines of a plain, gzipped or zipped (one member) export file."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                with archive.open(member) as handle:
                    yield from io.TextIOWrapper(handle, encoding="utf-8", errors="replace")
        return
    opener: Any = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        yield from handle


def _rows(path: Path, width: int) -> Iterator[tuple[int, list[str]] | ReadError]:
    name = str(path)
    try:
        for number, line in enumerate(_lines(path), start=1):
            if not line.strip():
                continue
            fields = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if len(fields) != width:
                yield ReadError(name, f"expected {width} tab-separated columns, found {len(fields)}", number)
                continue
            yield number, fields
    except (OSError, zipfile.BadZipFile, EOFError, gzip.BadGzipFile) as exc:
        yield ReadError(name, f"cannot read: {exc}")


def _num(value: str, kind: type[int] | type[float]) -> Any:
    value = value.strip()
    if not value:
        return None
    try:
        return kind(float(value)) if kind is int else kind(value)
    except ValueError:
        return None


def lead_row(fields: list[str], origin: str, region: frozenset[str]) -> dict[str, Any] | None:
    """An event row as a ``leads`` row, or None when it is not about the region."""
    by_fips, by_iso3 = countries().by_fips, countries().by_iso3
    geo = by_fips.get(fields[E_GEO_COUNTRY].strip())
    actors = {by_iso3.get(fields[i].strip()) for i in (E_A1COUNTRY, E_A2COUNTRY)}
    if geo is not None:
        if geo.iso2 not in region:
            return None
    elif not any(a is not None and a.iso2 in region for a in actors):
        return None
    try:
        date = dt.datetime.strptime(fields[E_DATE].strip(), "%Y%m%d").date()
    except ValueError:
        date = None
    return {
        "dataset": DATASET,
        "dataset_id": fields[E_ID].strip(),
        "event_date": date,
        "event_code": fields[E_CODE].strip() or None,
        "event_root_code": fields[E_ROOT].strip() or None,
        "quad_class": _num(fields[E_QUAD], int),
        "goldstein": _num(fields[E_GOLDSTEIN], float),
        "actor1": fields[E_A1NAME].strip() or None,
        "actor1_country": fields[E_A1COUNTRY].strip() or None,
        "actor2": fields[E_A2NAME].strip() or None,
        "actor2_country": fields[E_A2COUNTRY].strip() or None,
        "country": geo.iso2 if geo else None,
        "location": fields[E_GEO_NAME].strip() or None,
        "latitude": _num(fields[E_GEO_LAT], float),
        "longitude": _num(fields[E_GEO_LON], float),
        "geo_type": _num(fields[E_GEO_TYPE], int),
        "num_mentions": _num(fields[E_MENTIONS], int),
        "num_sources": _num(fields[E_SOURCES], int),
        "num_articles": _num(fields[E_ARTICLES], int),
        "avg_tone": _num(fields[E_TONE], float),
        "source_url": fields[E_URL].strip() or None,
        "origin": origin,
        "imported_at": utcnow(),
    }


def import_events(db: Database, path: Path, region: Iterable[str] = ()) -> ImportReport:
    """Import one GDELT 2.0 event export, keeping events in (or involving) the region's countries."""
    wanted = frozenset(region) or frozenset(countries().sahel())
    report = ImportReport(str(path))
    batch: list[dict[str, Any]] = []
    for item in _rows(path, EVENT_COLUMNS):
        if isinstance(item, ReadError):
            report.errors.append(item)
            continue
        number, fields = item
        report.rows += 1
        row = lead_row(fields, f"{path}:{number}", wanted)
        if row is None or not row["dataset_id"]:
            report.skipped += 1
            continue
        batch.append(row)
        if len(batch) >= BATCH:
            _save_leads(db, batch, report)
            batch = []
    _save_leads(db, batch, report)
    return report


def _save_leads(db: Database, batch: list[dict[str, Any]], report: ImportReport) -> None:
    if not batch:
        return
    unique = {row["dataset_id"]: row for row in batch}
    with db.engine.begin() as conn:
        known = store.existing_dataset_ids(conn, leads, DATASET, list(unique))
        store.save_leads(conn, [row for key, row in unique.items() if key not in known])
    report.new += len(unique) - len(known)
    report.skipped += len(batch) - len(unique) + len(known)


def import_mentions(db: Database, path: Path) -> ImportReport:
    """Import mentions of leads already imported (mentions of other events are skipped)."""
    report = ImportReport(str(path))
    batch: list[list[str]] = []
    for item in _rows(path, MENTION_COLUMNS):
        if isinstance(item, ReadError):
            report.errors.append(item)
            continue
        report.rows += 1
        batch.append(item[1])
        if len(batch) >= BATCH:
            _save_mentions(db, batch, report)
            batch = []
    _save_mentions(db, batch, report)
    return report


def _save_mentions(db: Database, batch: list[list[str]], report: ImportReport) -> None:
    if not batch:
        return
    with db.engine.begin() as conn:
        ids = store.lead_ids(conn, DATASET, sorted({f[M_ID].strip() for f in batch}))
        rows = {}
        for fields in batch:
            lead_id, url = ids.get(fields[M_ID].strip()), fields[M_URL].strip()
            if lead_id is None or not url:
                report.skipped += 1
                continue
            rows[(lead_id, url)] = {
                "lead_id": lead_id,
                "url": url,
                "source_name": fields[M_SOURCE].strip() or None,
                "mention_time": _timestamp(fields[M_TIME]),
                "confidence": _num(fields[M_CONFIDENCE], int),
            }
        store.save_lead_mentions(conn, list(rows.values()))
    report.new += len(rows)


def _timestamp(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(value.strip(), "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def import_gdelt(db: Database, paths: Iterable[Path], region: Iterable[str] = ()) -> list[ImportReport]:
    """Import event files first, then mention files (which only attach to known leads)."""
    ordered = sorted(paths, key=lambda p: (".mentions." in p.name.lower(), str(p)))
    return [
        import_mentions(db, p) if ".mentions." in p.name.lower() else import_events(db, p, region)
        for p in ordered
    ]

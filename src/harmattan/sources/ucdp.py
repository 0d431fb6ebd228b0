"""UCDP GED CSV as *reference events*: events coded by UCDP, kept apart from ours, for comparison.

Each row keeps its own provenance (dataset ``ucdp-ged``, its GED id and release,
the file and line it came from, and the raw row), so the dashboard and
``harmattan eval`` can set our events beside UCDP's without mixing them up.
Re-importing a file (or a newer release) updates rows in place.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harmattan.documents.readers import ReadError
from harmattan.sources.countries import countries
from harmattan.store import sources as store
from harmattan.store.database import Database, utcnow
from harmattan.store.schema import reference_events

DATASET = "ucdp-ged"
REQUIRED = ("id", "country", "date_start", "type_of_violence", "side_a", "side_b", "best")
BATCH = 500


@dataclass
class ImportReport:
    path: str
    rows: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[ReadError] = field(default_factory=list)

    def summary(self, what: str = "reference events") -> str:
        return (
            f"{self.path}: {self.rows} rows, {self.new} new {what}, {self.updated} updated, "
            f"{self.skipped} skipped, {len(self.errors)} errors"
        )


class RowError(ValueError):
    pass


def _int(row: dict[str, str], name: str, required: bool = False) -> int | None:
    value = (row.get(name) or "").strip()
    if not value:
        if required:
            raise RowError(f"missing {name}")
        return None
    try:
        return int(float(value))
    except ValueError:
        raise RowError(f"{name} is not a number: {value[:30]!r}") from None


def _float(row: dict[str, str], name: str) -> float | None:
    value = (row.get(name) or "").strip()
    try:
        return float(value) if value else None
    except ValueError:
        raise RowError(f"{name} is not a number: {value[:30]!r}") from None


def _date(row: dict[str, str], name: str, required: bool = False) -> dt.date | None:
    value = (row.get(name) or "").strip()[:10]
    if not value:
        if required:
            raise RowError(f"missing {name}")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RowError(f"{name} is not a YYYY-MM-DD date: {value!r}") from None


def _text(row: dict[str, str], name: str) -> str | None:
    return (row.get(name) or "").strip() or None


def reference_row(row: dict[str, str], origin: str) -> dict[str, Any]:
    """One GED CSV row as a ``reference_events`` row; raises :class:`RowError` on bad values."""
    ged_id = _text(row, "id")
    if not ged_id:
        raise RowError("missing id")
    country = countries().from_name(row.get("country"))
    return {
        "dataset": DATASET,
        "dataset_id": ged_id,
        "release": _text(row, "ged_release"),
        "event_date": _date(row, "date_start", required=True),
        "date_end": _date(row, "date_end"),
        "date_precision": _int(row, "date_prec"),
        "violence_type": _int(row, "type_of_violence", required=True),
        "side_a": _text(row, "side_a"),
        "side_b": _text(row, "side_b"),
        "dyad": _text(row, "dyad_name"),
        "country": country.iso2 if country else None,
        "country_name": _text(row, "country"),
        "admin1": _text(row, "adm_1"),
        "admin2": _text(row, "adm_2"),
        "location": _text(row, "where_coordinates"),
        "latitude": _float(row, "latitude"),
        "longitude": _float(row, "longitude"),
        "geo_precision": _int(row, "where_prec"),
        "fatalities": _int(row, "best", required=True),
        "fatalities_low": _int(row, "low"),
        "fatalities_high": _int(row, "high"),
        "headline": _text(row, "source_headline"),
        "source_article": _text(row, "source_article"),
        "origin": origin,
        "raw": {k: v for k, v in row.items() if k is not None},
        "imported_at": utcnow(),
    }


def read_ged(path: Path) -> Iterator[dict[str, Any] | ReadError]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        yield ReadError(name, f"cannot read: {exc}")
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        yield ReadError(name, f"not a UCDP GED CSV: missing columns {', '.join(missing)}")
        return
    try:
        for row in reader:
            try:
                yield reference_row(row, f"{name}:{reader.line_num}")
            except RowError as exc:
                yield ReadError(name, str(exc), reader.line_num)
    except csv.Error as exc:
        yield ReadError(name, f"malformed CSV: {exc}", reader.line_num)


def import_ucdp(db: Database, path: Path) -> ImportReport:
    """Import a UCDP GED CSV into ``reference_events`` (idempotent; newer values replace older)."""
    report = ImportReport(str(path))
    batch: list[dict[str, Any]] = []
    for item in read_ged(path):
        if isinstance(item, ReadError):
            report.errors.append(item)
            continue
        report.rows += 1
        batch.append(item)
        if len(batch) >= BATCH:
            _save(db, batch, report)
            batch = []
    _save(db, batch, report)
    return report


def _save(db: Database, batch: list[dict[str, Any]], report: ImportReport) -> None:
    if not batch:
        return
    unique = {row["dataset_id"]: row for row in batch}  # a file listing an id twice: the last row wins
    report.skipped += len(batch) - len(unique)
    with db.engine.begin() as conn:
        known = store.existing_dataset_ids(conn, reference_events, DATASET, list(unique))
        store.save_reference_events(conn, list(unique.values()))
    report.new += len(unique) - len(known)
    report.updated += len(known)

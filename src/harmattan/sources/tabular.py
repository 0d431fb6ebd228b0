"""Generic CSV and JSON Lines datasets of articles, with any column names, into the ingest path.

``harmattan ingest`` reads files whose columns are already called ``text``,
``title``, ``url``...; this importer maps a dataset's own names onto those
(``--text body --title headline --date pubdate``) and keeps the other columns
as document metadata.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harmattan.documents.ingest import Ingester, IngestReport
from harmattan.documents.readers import BadInput, RawDocument, ReadError, decode, parse_date
from harmattan.settings import Settings
from harmattan.store.database import Database

#: Article bodies exceed the csv module's 128 KiB default field limit.
FIELD_LIMIT = 16 * 1024 * 1024


@dataclass(frozen=True)
class ColumnMap:
    text: str = "text"
    title: str | None = "title"
    url: str | None = "url"
    date: str | None = "published_at"
    language: str | None = "language"
    source: str | None = "source"

    def used(self) -> set[str]:
        return {c for c in (self.text, self.title, self.url, self.date, self.language, self.source) if c}


def _records(path: Path, text: str) -> Iterator[tuple[int, Any] | ReadError]:
    name = str(path)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        for number, line in enumerate(io.StringIO(text), start=1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    yield ReadError(name, f"malformed JSON line: {exc.msg}", number)
        return
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        yield ReadError(name, f"malformed CSV: {exc}", reader.line_num)


def _document(record: Any, columns: ColumnMap, origin: str, source: str | None) -> RawDocument:
    if not isinstance(record, dict):
        raise BadInput(f"expected an object, got {type(record).__name__}")
    text = record.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        raise BadInput(f"no text in column {columns.text!r}")

    def get(column: str | None) -> str | None:
        value = record.get(column) if column else None
        return str(value).strip() or None if value not in (None, "") else None

    return RawDocument(
        text=text,
        origin=origin,
        title=get(columns.title),
        url=get(columns.url),
        published_at=parse_date(get(columns.date)),
        language=get(columns.language),
        source=get(columns.source) or source,
        meta={
            k: v for k, v in record.items() if k not in columns.used() and isinstance(v, str | int | float)
        },
    )


def read_table(
    path: Path, columns: ColumnMap, source: str | None = None
) -> Iterator[RawDocument | ReadError]:
    name = str(path)
    try:
        text = decode(path.read_bytes())
    except (OSError, BadInput) as exc:
        yield ReadError(name, str(exc))
        return
    for item in _records(path, text):
        if isinstance(item, ReadError):
            yield item
            continue
        number, record = item
        try:
            yield _document(record, columns, f"{name}:{number}", source)
        except BadInput as exc:
            yield ReadError(name, str(exc), number)


def import_table(
    db: Database, settings: Settings, path: Path, columns: ColumnMap, source: str = "dataset"
) -> IngestReport:
    """Ingest a CSV/JSONL dataset with mapped columns; bad rows are recorded, the rest stored."""
    report = IngestReport(run_id=db.start_run([str(path)]), files_seen=1)
    errors: list[ReadError] = []

    def documents() -> Iterator[RawDocument]:
        for item in read_table(path, columns, source):
            if isinstance(item, ReadError):
                errors.append(item)  # recorded after the batches: one writer at a time on SQLite
            else:
                yield item

    status = "failed"
    try:
        Ingester(db, settings, source=source).ingest_documents(documents(), report)
        with db.engine.begin() as conn:
            for error in errors:
                db.record_error(conn, report.run_id, error.path, error.message, error.line)
        report.errors.extend(errors)
        status = "completed" if report.ok else "completed_with_errors"
    finally:
        db.finish_run(report.run_id, report.counts(), status)
    return report

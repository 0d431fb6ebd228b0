"""``harmattan process``: extract every document the current pipeline has not seen, store reports, fuse.

Incremental (only documents without a ``processed_documents`` row for this
pipeline version), parallel (a process pool of extractors), resumable (each
batch of documents is committed with its "processed" markers in one
transaction, so after ``kill -9`` a re-run redoes only unfinished documents and
ends in the same state as an uninterrupted run).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from harmattan.events.fusion import FusionReport, fuse
from harmattan.records import Event
from harmattan.settings import Settings
from harmattan.store import bulk, reports
from harmattan.store.database import Database

DEFAULT_EXTRACTOR = "harmattan.extraction:Extractor"
BATCH_DOCUMENTS = 50
Progress = Callable[[int, int], None]


class ExtractorLike(Protocol):
    def extract(
        self, text: str, published: dt.date | None = ..., lang: str = ..., document_id: str | None = ...
    ) -> list[Event]: ...


@dataclass
class ProcessReport:
    run_id: int
    pipeline_version: str
    pending: int = 0
    documents: int = 0
    reports: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    fusion: FusionReport | None = None


def load_extractor(spec: str = DEFAULT_EXTRACTOR) -> ExtractorLike:
    """Build the extractor named ``module:callable`` (the project's own by default)."""
    module_name, _, attr = spec.partition(":")
    factory = getattr(importlib.import_module(module_name), attr or "Extractor")
    return factory()  # type: ignore[no-any-return]


def pipeline_version(extractor: object | None = None) -> str:
    """The extractor's ``version``, else a hash of harmattan's version and of the files that make its output:
    the extraction code, configuration, taxonomies and model, and the region pack's data."""
    declared = getattr(extractor, "version", None)
    if declared:
        return str(declared)[:64]
    import harmattan

    root = Path(harmattan.__file__).parent
    digest = hashlib.sha256(harmattan.__version__.encode())
    for path in extraction_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return "h" + digest.hexdigest()[:15]


def extraction_files(root: Path) -> list[Path]:
    """The files whose change changes what the extractor outputs: a new rule in code re-extracts too
    (documentation and caches do not)."""
    folders = (root / "extraction", root / "regions" / "sahel")
    return [
        path
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix not in (".pyc", ".md") and "__pycache__" not in path.parts
    ]


def pending_documents(db: Database, pipeline_version: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Documents (id, content_hash, text, published_at, language) not yet processed by this version."""
    with db.engine.connect() as conn:
        return reports.pending_documents(conn, pipeline_version, limit)


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def report_rows(
    document_id: int, content_hash: str, events: Sequence[Event], version: str
) -> tuple[list[tuple[Any, ...]], list[list[tuple[Any, ...]]]]:
    """Event records as ``event_reports`` tuples (``reports.REPORT_COLUMNS`` order) and their evidence tuples.

    Built as plain SQL values (ISO dates, JSON text) by one explicit tuple per record: at a
    million reports, per-row dicts and per-column conversion loops cost as much as the database.
    """
    rows, evidence = [], []
    prefix = content_hash[:16]
    for ordinal, e in enumerate(events):
        date = e.event_date
        rows.append((
            f"{prefix}:{ordinal}/{version}", document_id, version, ordinal,
            date.isoformat() if date is not None else None, e.date_precision, e.event_type,
            e.sub_event_type, e.actor1, e.actor1_id, e.assoc_actor_1, e.inter1, e.actor2, e.actor2_id,
            e.assoc_actor_2, e.inter2, e.country, e.admin1, e.admin2, e.location, e.latitude, e.longitude,
            e.geo_precision, e.fatalities, "; ".join(e.tactics) or None, e.plover_type, bool(e.historical),
            float(e.confidence or 0.0), json.dumps(e.extras, default=_jsonable) if e.extras else None,
        ))  # fmt: skip
        evidence.append(
            [
                (ev.field, document_id, ev.sentence, ev.start, ev.end, ev.text, ev.rule or "")
                for ev in e.evidence
            ]
        )
    return rows, evidence


def store_reports(db: Database, document_id: int, events: Sequence[Event], pipeline_version: str) -> int:
    """Store one document's reports for a version, replacing any stored before; returns how many."""
    with db.engine.begin() as conn:
        content_hash = reports.content_hashes(conn, [document_id])[document_id]
        rows, evidence = report_rows(document_id, content_hash, events, pipeline_version)
        return reports.replace_reports(conn, [(document_id, pipeline_version, rows, evidence)])


# -- workers -------------------------------------------------------------------------
_WORKER: ExtractorLike | None = None


def _init_worker(spec: str) -> None:
    global _WORKER
    _WORKER = load_extractor(spec)


def _extract(doc: dict[str, Any]) -> tuple[int, list[Event] | None, str | None]:
    assert _WORKER is not None
    return extract_one(_WORKER, doc)


def extract_one(extractor: ExtractorLike, doc: dict[str, Any]) -> tuple[int, list[Event] | None, str | None]:
    """Extract one document; a failure is returned, never raised: one bad text stops nothing."""
    try:
        events = extractor.extract(
            doc["text"], published=doc.get("published_at"), lang=doc.get("language") or "auto",
            document_id=str(doc["id"]),
        )  # fmt: skip
        return int(doc["id"]), list(events), None
    except Exception as exc:
        return int(doc["id"]), None, f"{type(exc).__name__}: {exc}"


def _results(
    docs: Iterator[dict[str, Any]], workers: int, spec: str, extractor: ExtractorLike
) -> Iterator[tuple[int, list[Event] | None, str | None]]:
    if workers <= 1:
        for doc in docs:
            yield extract_one(extractor, doc)
        return
    # A bounded window of futures, yielded in submission order: memory stays flat on a large backlog
    # (Executor.map would read and submit every pending document at once).
    window: deque[Future[tuple[int, list[Event] | None, str | None]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(spec,)) as pool:
        for doc in docs:
            window.append(pool.submit(_extract, doc))
            if len(window) >= workers * 8:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _documents(db: Database, version: str, limit: int | None) -> Iterator[dict[str, Any]]:
    after, left = 0, limit
    while left is None or left > 0:
        page = 500 if left is None else min(500, left)
        with db.engine.connect() as conn:
            rows = reports.pending_documents(conn, version, page, after_id=after)
        if not rows:
            return
        yield from rows
        after = int(rows[-1]["id"])
        left = None if left is None else left - len(rows)


def process(
    db: Database,
    settings: Settings,
    workers: int = 1,
    progress: Progress | None = None,
    limit: int | None = None,
    *,
    extractor: ExtractorLike | None = None,
    extractor_spec: str = DEFAULT_EXTRACTOR,
    fusion: bool = True,
) -> ProcessReport:
    """Extract pending documents, store their reports, then fuse (see the module docstring)."""
    del settings  # the extractor reads its own configuration; kept for a stable signature
    # Loaded here even with workers, to learn the pipeline version before anything is read.
    extractor = extractor if extractor is not None else load_extractor(extractor_spec)
    version = pipeline_version(extractor)
    with db.engine.begin() as conn:
        reports.close_stale_runs(conn)
        run_id = reports.start_extraction_run(conn, version, workers)
        pending = reports.count_pending(conn, version)
    report = ProcessReport(run_id=run_id, pipeline_version=version, pending=pending)
    total = pending if limit is None else min(pending, limit)
    status = "failed"
    try:
        docs = _documents(db, version, limit)
        hashes: dict[int, str] = {}

        def remember(stream: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
            for doc in stream:
                hashes[int(doc["id"])] = str(doc["content_hash"])
                yield doc

        batch: list[tuple[int, list[Event] | None, str | None]] = []
        for result in _results(remember(docs), workers, extractor_spec, extractor):
            batch.append(result)
            if len(batch) >= BATCH_DOCUMENTS:
                _commit(db, batch, hashes, version, report)
                batch = []
                if progress:
                    progress(report.documents + len(report.errors), total)
        _commit(db, batch, hashes, version, report)
        if progress:
            progress(report.documents + len(report.errors), total)
        if fusion:
            report.fusion = fuse(db)
        status = "completed" if not report.errors else "completed_with_errors"
    finally:
        with db.engine.begin() as conn:
            reports.finish_extraction_run(
                conn, run_id, status, report.documents, report.reports, len(report.errors)
            )
    return report


def _commit(
    db: Database,
    batch: Sequence[tuple[int, list[Event] | None, str | None]],
    hashes: dict[int, str],
    version: str,
    report: ProcessReport,
) -> None:
    if not batch:
        return
    # Rows are many small containers, none cyclic: built and written with the collector paused,
    # and freed before it resumes (see bulk.paused_gc).
    with bulk.paused_gc():
        stored = []
        for doc_id, events, error in batch:
            if events is None:
                report.errors.append((doc_id, error or "failed"))
                continue
            rows, evidence = report_rows(doc_id, hashes.pop(doc_id), events, version)
            stored.append((doc_id, version, rows, evidence))
        with db.engine.begin() as conn:
            report.reports += reports.replace_reports(conn, stored)
            for doc_id, events, error in batch:
                if events is None:
                    reports.record_extraction_error(conn, report.run_id, doc_id, error or "failed")
        report.documents += len(stored)
        del stored

"""The ingest path: files in, documents stored once each, every failure recorded.

Idempotent and resumable by construction:
- a document's identity is the hash of its normalised text, unique in the
  database, so inserting it again is a no-op;
- documents are committed in batches, and a file is marked done (by the hash
  of its bytes) in the same transaction as its last batch, so a re-run after
  a crash re-reads only unfinished files and skips what is already stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, update

from harmattan.documents.language import detect_language
from harmattan.documents.neardup import NearDuplicateLinker
from harmattan.documents.normalise import content_hash, normalise_text
from harmattan.documents.readers import RawDocument, ReadError, expand_paths, read_bytes
from harmattan.settings import Settings
from harmattan.store.database import Database, RunCounts, utcnow
from harmattan.store.schema import documents, ingest_runs

BATCH_SIZE = 200
DEFAULT_SOURCE = "files"

Progress = Callable[[str, int], None]
#: A stage the documents of a file pass through before they are stored, e.g. language
#: identification on worker processes (see ``harmattan.runners.backfill``); it must yield
#: every document it receives.
Prepare = Callable[[Iterator[RawDocument]], Iterator[RawDocument]]


@dataclass
class IngestReport:
    run_id: int
    files_seen: int = 0
    files_skipped: int = 0
    documents_new: int = 0
    documents_duplicate: int = 0
    near_duplicates: int = 0
    errors: list[ReadError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> RunCounts:
        return RunCounts(
            files_seen=self.files_seen,
            files_skipped=self.files_skipped,
            documents_new=self.documents_new,
            documents_duplicate=self.documents_duplicate,
            errors=len(self.errors),
        )


class Ingester:
    """Stores documents from files (and from any iterable of raw documents, for other sources)."""

    def __init__(
        self, db: Database, settings: Settings, source: str = DEFAULT_SOURCE, prepare: Prepare | None = None
    ) -> None:
        self.db = db
        self.settings = settings
        self.source = source
        self.prepare = prepare
        self._source_ids: dict[str, int] = {}
        self._near_duplicates: NearDuplicateLinker | None = None

    def ingest_paths(self, paths: Iterable[Path], progress: Progress | None = None) -> IngestReport:
        paths = list(paths)
        self._close_stale_runs()
        report = IngestReport(run_id=self.db.start_run(str(p) for p in paths))
        status = "failed"
        try:
            for file in expand_paths(paths):
                report.files_seen += 1
                self._ingest_file(file, report)
                if progress:
                    progress(str(file), report.documents_new)
            status = "completed" if report.ok else "completed_with_errors"
        finally:
            self.db.finish_run(report.run_id, report.counts(), status)
        return report

    def ingest_documents(
        self, docs: Iterable[RawDocument], report: IngestReport, original: str | None = None
    ) -> None:
        """Store raw documents from any origin (feeds and importers reuse this)."""
        for batch in _batches(iter(docs), BATCH_SIZE):
            with self.db.engine.begin() as conn:
                self._store_batch(conn, batch, report, original)

    def _ingest_file(self, file: Path, report: IngestReport) -> None:
        name = str(file)
        try:
            size = file.stat().st_size
            if size > self.settings.max_document_bytes:
                limit_mb = self.settings.max_document_bytes / 1e6
                raise OSError(f"file is {size / 1e6:.1f} MB, over the {limit_mb:g} MB limit")
            data = file.read_bytes()
        except OSError as exc:
            self._fail(report, ReadError(name, exc.strerror or str(exc)))
            return
        sha = hashlib.sha256(data).hexdigest()
        with self.db.engine.connect() as conn:
            if self.db.file_done(conn, sha):
                report.files_skipped += 1
                return
        original = self._keep_original(sha, data)
        items = read_bytes(name, data)
        docs = _collect_errors(items, lambda err: self._fail(report, err))
        if self.prepare is not None:
            docs = self.prepare(docs)
        batches = _batches(docs, BATCH_SIZE)
        stored, errors_before = 0, len(report.errors)
        batch = next(batches, [])
        while True:
            following = next(batches, None)
            with self.db.engine.begin() as conn:
                stored += self._store_batch(conn, batch, report, original)
                if following is None:
                    # A file with errors is read again next time, so its errors are reported again.
                    if len(report.errors) == errors_before:
                        self.db.mark_file_done(conn, sha, name, len(data), stored, report.run_id)
                    return
            batch = following

    def _store_batch(
        self, conn: Connection, batch: list[RawDocument], report: IngestReport, original: str | None
    ) -> int:
        rows: dict[str, dict[str, Any]] = {}
        for raw in batch:
            row = self._row(conn, raw, report.run_id, original)
            if row is None:
                self._fail(report, ReadError(raw.origin, "document is empty after normalisation"), conn)
            elif row["content_hash"] in rows:
                report.documents_duplicate += 1
            else:
                rows[row["content_hash"]] = row
        known = self.db.existing_hashes(conn, list(rows))
        new = [row for digest, row in rows.items() if digest not in known]
        self.db.insert_ignoring(conn, documents, new, key="content_hash")
        report.near_duplicates += self._link_near_duplicates(conn, new)
        report.documents_new += len(new)
        report.documents_duplicate += len(known)
        return len(rows)

    def _link_near_duplicates(self, conn: Connection, new: list[dict[str, Any]]) -> int:
        if self._near_duplicates is None:
            self._near_duplicates = NearDuplicateLinker(self.db)
        return self._near_duplicates.link(conn, {row["content_hash"]: row["text"] for row in new})

    def _row(
        self, conn: Connection, raw: RawDocument, run_id: int, original: str | None
    ) -> dict[str, Any] | None:
        text = normalise_text(raw.text)
        if not text:
            return None
        source = raw.source or self.source
        # Fetched documents carry their provenance (fetch time, HTTP status) in meta; it gets its own columns.
        meta = dict(raw.meta)
        fetched_at, http_status = meta.pop("fetched_at", None), meta.pop("http_status", None)
        if source not in self._source_ids:
            self._source_ids[source] = self.db.ensure_source(conn, source)
        return {
            "content_hash": content_hash(text),
            "source_id": self._source_ids[source],
            "url": raw.url,
            "title": normalise_text(raw.title) if raw.title else None,
            "published_at": raw.published_at,
            "fetched_at": fetched_at or utcnow(),
            "http_status": http_status,
            "language": raw.language or detect_language(text),
            "text": text,
            "original_sha256": original and Path(original).name,
            "original_path": original,
            "origin": raw.origin,
            "meta": meta or None,
            "ingest_run_id": run_id,
        }

    def _keep_original(self, sha: str, data: bytes) -> str | None:
        if not self.settings.keep_originals:
            return None
        target = self.settings.originals_dir / sha[:2] / sha
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".part")
            tmp.write_bytes(data)
            tmp.replace(target)  # atomic: a crash never leaves a half-written original
        return str(target)

    def _fail(self, report: IngestReport, error: ReadError, conn: Connection | None = None) -> None:
        report.errors.append(error)
        if conn is not None:  # inside a write transaction: SQLite allows one writer at a time
            self.db.record_error(conn, report.run_id, error.path, error.message, error.line)
            return
        with self.db.engine.begin() as own:
            self.db.record_error(own, report.run_id, error.path, error.message, error.line)

    def _close_stale_runs(self) -> None:
        """Runs left 'running' by a killed process are marked 'interrupted' (single-writer assumption)."""
        with self.db.engine.begin() as conn:
            conn.execute(
                update(ingest_runs)
                .where(ingest_runs.c.status == "running")
                .values(status="interrupted", finished_at=utcnow())
            )


def _collect_errors(
    items: Iterator[RawDocument | ReadError], on_error: Callable[[ReadError], None]
) -> Iterator[RawDocument]:
    for item in items:
        if isinstance(item, ReadError):
            on_error(item)
        else:
            yield item


def _batches(items: Iterator[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    batch: list[RawDocument] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    paths: Iterable[Path],
    db: Database,
    settings: Settings,
    source: str = DEFAULT_SOURCE,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders into ``db``; see :class:`Ingester`."""
    return Ingester(db, settings, source).ingest_paths(paths, progress)

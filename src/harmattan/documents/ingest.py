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
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Connection, update

from harmattan.documents.neardup import NearDuplicateLinker
from harmattan.documents.normalise import normalise_text
from harmattan.documents.prepare import (
    Derived,
    Prepare,
    Source,
    UnparsedFile,
    parsed_where_prepared,
    prepare_here,
)
from harmattan.documents.readers import RawDocument, ReadError, expand_paths, read_bytes
from harmattan.settings import Settings
from harmattan.store.database import Database, RunCounts, utcnow
from harmattan.store.schema import documents, ingest_runs

T = TypeVar("T")
BATCH_SIZE = 200
DEFAULT_SOURCE = "files"

Progress = Callable[[str, int], None]


@dataclass(eq=False)
class _File:
    name: str
    sha: str
    size: int
    original: str | None
    sources: int = 0  # documents or unparsed files read so far, each prepared into a list of items
    stored: int = 0  # distinct documents stored (new or already known)
    errors: int = 0


class _Item(NamedTuple):
    raw: RawDocument
    derived: Derived
    file: _File | None


class _FileQueue:
    """Which file each prepared source comes from, and which files are complete.

    Sources come out of the prepare stage in the order they were read, so each belongs
    to the oldest file that still has sources not handed out.
    """

    def __init__(self) -> None:
        self._files: deque[_File] = deque()
        self._handed: int = 0  # sources of the oldest file handed out so far
        self._read: set[int] = set()  # ids of files read to their end
        self._complete: list[_File] = []

    def opened(self, file: _File) -> None:
        self._files.append(file)

    def read_to_end(self, file: _File) -> None:
        self._read.add(id(file))

    def owner(self) -> _File:
        """The file of the next prepared source."""
        self._retire()
        self._handed += 1
        return self._files[0]

    def complete(self, final: bool = False) -> list[_File]:
        """Files all of whose documents have been handed out since the last call (all, if ``final``)."""
        self._retire()
        if final:
            self._complete.extend(self._files)
            self._files.clear()
        done, self._complete = self._complete, []
        return done

    def _retire(self) -> None:
        while self._files and id(self._files[0]) in self._read and self._handed >= self._files[0].sources:
            self._read.discard(id(self._files[0]))
            self._complete.append(self._files.popleft())
            self._handed = 0


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
        self.prepare = prepare or prepare_here
        self._source_ids: dict[str, int] = {}
        self._near_duplicates: NearDuplicateLinker | None = None

    def ingest_paths(self, paths: Iterable[Path], progress: Progress | None = None) -> IngestReport:
        """Ingest files: one stream of documents across all the files, prepared in order, stored in batches.

        One stream, not one per file: an archive of many one-article files keeps the prepare
        stage (possibly worker processes) as busy as one large file does. A file is marked done
        in the transaction that stores its last document (or a later one), if it had no errors.
        """
        paths = list(paths)
        self._close_stale_runs()
        report = IngestReport(run_id=self.db.start_run(str(p) for p in paths))
        status = "failed"
        try:
            files = _FileQueue()
            batch: list[_Item] = []
            for prepared in self.prepare(self._read_files(paths, files, report, progress)):
                file = files.owner()
                for item in prepared:
                    if isinstance(item, ReadError):
                        file.errors += 1
                        self._fail(report, item)
                    else:
                        batch.append(_Item(item[0], item[1], file))
                if len(batch) >= BATCH_SIZE:
                    self._store_items(batch, files.complete(), report, progress)
                    batch = []
            self._store_items(batch, files.complete(final=True), report, progress)
            status = "completed" if report.ok else "completed_with_errors"
        finally:
            self.db.finish_run(report.run_id, report.counts(), status)
        return report

    def ingest_documents(
        self, docs: Iterable[RawDocument], report: IngestReport, original: str | None = None
    ) -> None:
        """Store raw documents from any origin (feeds and importers reuse this)."""
        # A raw document prepares into itself with its derived values, never into a read error.
        prepared = (
            _Item(item[0], item[1], None)
            for items in self.prepare(iter(docs))
            for item in items
            if not isinstance(item, ReadError)
        )
        for items in _batches(prepared, BATCH_SIZE):
            with self.db.engine.begin() as conn:
                self._store_batch(conn, items, report, original)

    def _read_files(
        self, paths: list[Path], files: _FileQueue, report: IngestReport, progress: Progress | None
    ) -> Iterator[Source]:
        """The sources of every file not ingested before, in order (``files`` learns where each is from)."""
        for path in expand_paths(paths):
            report.files_seen += 1
            opened = self._open(path, report)
            if opened is None:
                if progress:
                    progress(str(path), report.documents_new)
                continue
            file, data = opened
            files.opened(file)
            if parsed_where_prepared(path):
                file.sources += 1
                yield UnparsedFile(file.name, data)
            else:
                for item in read_bytes(file.name, data):
                    if isinstance(item, ReadError):
                        file.errors += 1
                        self._fail(report, item)
                    else:
                        file.sources += 1
                        yield item
            files.read_to_end(file)

    def _open(self, path: Path, report: IngestReport) -> tuple[_File, bytes] | None:
        """The file's bytes and hash; None if it cannot be read or was ingested before."""
        name = str(path)
        try:
            size = path.stat().st_size
            if size > self.settings.max_document_bytes:
                limit_mb = self.settings.max_document_bytes / 1e6
                raise OSError(f"file is {size / 1e6:.1f} MB, over the {limit_mb:g} MB limit")
            data = path.read_bytes()
        except OSError as exc:
            self._fail(report, ReadError(name, exc.strerror or str(exc)))
            return None
        sha = hashlib.sha256(data).hexdigest()
        with self.db.engine.connect() as conn:
            if self.db.file_done(conn, sha):
                report.files_skipped += 1
                return None
        return _File(name, sha, len(data), self._keep_original(sha, data)), data

    def _store_items(
        self, batch: list[_Item], done: list[_File], report: IngestReport, progress: Progress | None
    ) -> None:
        with self.db.engine.begin() as conn:
            self._store_batch(conn, batch, report)
            for file in done:
                # A file with errors is read again next time, so its errors are reported again.
                if not file.errors:
                    self.db.mark_file_done(conn, file.sha, file.name, file.size, file.stored, report.run_id)
        for file in done:
            if progress:
                progress(file.name, report.documents_new)

    def _store_batch(
        self, conn: Connection, batch: list[_Item], report: IngestReport, original: str | None = None
    ) -> int:
        rows: dict[str, dict[str, Any]] = {}
        signed: dict[str, bytes | None] = {}
        counted: set[tuple[str, int]] = set()  # (hash, file): a file counts each distinct text once
        for raw, derived, file in batch:
            row = self._row(conn, raw, derived, report.run_id, file.original if file else original)
            if row is None:
                if file is not None:
                    file.errors += 1
                self._fail(report, ReadError(raw.origin, "document is empty after normalisation"), conn)
                continue
            digest = row["content_hash"]
            if file is not None and (digest, id(file)) not in counted:
                counted.add((digest, id(file)))
                file.stored += 1
            if digest in rows:
                report.documents_duplicate += 1
            else:
                rows[digest] = row
                signed[digest] = derived.signature
        known = self.db.existing_hashes(conn, list(rows))
        new = [row for digest, row in rows.items() if digest not in known]
        self.db.insert_ignoring(conn, documents, new, key="content_hash")
        report.near_duplicates += self._link_near_duplicates(conn, new, signed)
        report.documents_new += len(new)
        report.documents_duplicate += len(known)
        return len(rows)

    def _link_near_duplicates(
        self, conn: Connection, new: list[dict[str, Any]], signed: dict[str, bytes | None]
    ) -> int:
        if self._near_duplicates is None:
            self._near_duplicates = NearDuplicateLinker(self.db)
        return self._near_duplicates.link(conn, {row["content_hash"]: row["text"] for row in new}, signed)

    def _row(
        self, conn: Connection, raw: RawDocument, derived: Derived, run_id: int, original: str | None
    ) -> dict[str, Any] | None:
        text = derived.text
        if not text:
            return None
        source = raw.source or self.source
        # Fetched documents carry their provenance (fetch time, HTTP status) in meta; it gets its own columns.
        meta = dict(raw.meta)
        fetched_at, http_status = meta.pop("fetched_at", None), meta.pop("http_status", None)
        if source not in self._source_ids:
            self._source_ids[source] = self.db.ensure_source(conn, source)
        return {
            "content_hash": derived.content_hash,
            "source_id": self._source_ids[source],
            "url": raw.url,
            "title": normalise_text(raw.title) if raw.title else None,
            "published_at": raw.published_at,
            "fetched_at": fetched_at or utcnow(),
            "http_status": http_status,
            "language": derived.language,
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


def _batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
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

"""Backfill: ingest large archives, extract every pending document on many workers, store, fuse.

This process is the pipeline's one serial stage (it reads the files and is the only database
writer), so everything else is kept off it:

- setup: everything the stages load (extractor, language detector, datasketch) is loaded
  before the workers start, and every worker is checked to have this process's pipeline version;
- ingest reads all the files as one stream; the workers do each document's pure work
  (normalise, hash, language, near-duplicate signature, see :func:`derive_chunk`); this
  process stores (resumable by file hash);
- extraction runs in chunks on a :mod:`~harmattan.runners.pool` runner (this process, a local
  process pool, or Dask workers on other machines), which also turn events into rows; the
  rows are stored here, batch after batch while the workers go on, with the same rows and
  markers as ``harmattan process``, so the two are interchangeable: a backfill stopped at any
  point resumes with the documents not yet processed by the current pipeline version.

:class:`~harmattan.runners.timing.PhaseClock` records where the time went.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from harmattan.documents.ingest import Ingester, IngestReport
from harmattan.documents.prepare import Prepare, Prepared, Source
from harmattan.events.fusion import FusionReport, fuse
from harmattan.events.process import DEFAULT_EXTRACTOR
from harmattan.runners.pool import Runner, make_runner
from harmattan.runners.tasks import (
    ExtractTask,
    Outcome,
    derive_chunk,
    extract_chunk,
    warm_worker,
)
from harmattan.runners.timing import PhaseClock
from harmattan.settings import Settings
from harmattan.store import reports
from harmattan.store.database import Database

log = logging.getLogger(__name__)
T = TypeVar("T")

COMMIT_DOCUMENTS = 100
PAGE_DOCUMENTS = 1000
Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class BackfillReport:
    pipeline_version: str = ""
    ingest: IngestReport | None = None
    pending: int = 0
    documents: int = 0
    reports: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    fusion: FusionReport | None = None
    workers: int = 1
    setup_s: float = 0.0
    ingest_s: float = 0.0
    extract_s: float = 0.0
    #: Where the time went: this process's phases (setup, ingest, ingest wait, read, store, wait)
    #: and the workers' CPU seconds inside their tasks (ingest, extract).
    clock: PhaseClock = field(default_factory=PhaseClock)

    @property
    def articles_per_s(self) -> float:
        """Extraction throughput (documents extracted and stored per second)."""
        done = self.documents + len(self.errors)
        return done / self.extract_s if self.extract_s > 0 else 0.0


def backfill(
    db: Database,
    settings: Settings,
    paths: Iterable[Path] = (),
    workers: int = 1,
    scheduler: str = "local",
    address: str | None = None,
    progress: Progress | None = None,
    *,
    limit: int | None = None,
    extractor_spec: str = DEFAULT_EXTRACTOR,
    fusion: bool = True,
    runner: Runner | None = None,
) -> BackfillReport:
    """Ingest ``paths`` (if any), then extract, store and fuse every pending document."""
    report = BackfillReport()
    paths = list(paths)
    own_runner = runner is None
    runner = _start(report, runner or make_runner(workers, scheduler, address), own_runner, extractor_spec)
    try:
        if paths:
            _ingest(db, settings, paths, runner, report, progress)
        _extract_all(db, runner, extractor_spec, report, progress, limit)
    finally:
        if own_runner:
            runner.close()
    if fusion:
        report.fusion = fuse(db)
    return report


def _start(report: BackfillReport, runner: Runner, own_runner: bool, spec: str) -> Runner:
    started = time.perf_counter()
    with report.clock.phase("setup"):
        try:
            report.pipeline_version = _warm_up(spec)
            _check_versions(report.pipeline_version, runner.start(partial(warm_worker, spec)))
        except BaseException:
            if own_runner:
                runner.close()
            raise
    report.setup_s = time.perf_counter() - started
    report.workers = runner.workers
    return runner


def _ingest(
    db: Database,
    settings: Settings,
    paths: list[Path],
    runner: Runner,
    report: BackfillReport,
    progress: Progress | None,
) -> None:
    started = time.perf_counter()
    with report.clock.phase("ingest"):
        ingest_progress = (lambda path, _new: progress("ingest", 0, 0)) if progress else None
        ingester = Ingester(db, settings, prepare=_derive_stage(runner, report.clock))
        report.ingest = ingester.ingest_paths(paths, ingest_progress)
    report.ingest_s = time.perf_counter() - started


def _warm_up(spec: str) -> str:
    """Load here what every stage needs, once (local workers are forked after it and inherit it all).

    The extractor also names the version, as ``harmattan process`` does.
    """
    return warm_worker(spec)  # datasketch in particular, which the first near-duplicate link would import


def _check_versions(version: str, workers: dict[str, str]) -> None:
    """Every worker must extract with the pipeline version recorded here (same harmattan, same pack)."""
    others = {worker: theirs for worker, theirs in workers.items() if theirs != version}
    if others:
        found = ", ".join(f"{worker}: {theirs}" for worker, theirs in sorted(others.items()))
        raise RuntimeError(
            f"workers with another pipeline version than this process ({version}): {found}; "
            "install the same harmattan version and region pack on every worker"
        )


def _derive_stage(runner: Runner, clock: PhaseClock) -> Prepare:
    """Ingest's per-document work on the workers (see :func:`derive_chunk`), sources kept in order."""

    def prepare(sources: Iterator[Source]) -> Iterator[list[Prepared]]:
        chunks = enumerate(_chunked(clock.timed("ingest", sources), runner.chunk_documents))
        waiting: dict[int, list[list[Prepared]]] = {}
        following = 0
        for index, prepared, cpu in clock.timed("ingest wait", runner.imap(derive_chunk, chunks)):
            clock.add_worker_cpu("ingest", cpu)
            waiting[index] = prepared
            while following in waiting:
                yield from waiting.pop(following)
                following += 1

    return prepare


def _chunked(items: Iterator[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_all(
    db: Database,
    runner: Runner,
    spec: str,
    report: BackfillReport,
    progress: Progress | None,
    limit: int | None,
) -> None:
    version, clock = report.pipeline_version, report.clock
    with db.engine.begin() as conn:
        reports.close_stale_runs(conn)
        run_id = reports.start_extraction_run(conn, version, runner.workers)
        report.pending = reports.count_pending(conn, version)
    total = report.pending if limit is None else min(limit, report.pending)
    status = "failed"
    started = time.perf_counter()
    try:
        batch: list[Outcome] = []
        tasks = clock.timed("read", _tasks(db, version, spec, limit, runner.chunk_documents))
        for outcomes, cpu in clock.timed("wait", runner.imap(extract_chunk, tasks)):
            clock.add_worker_cpu("extract", cpu)
            batch.extend(outcomes)
            # Near the end, each chunk is stored as it comes: what is stored after the last result
            # arrives is time no worker can help with.
            still_out = total - report.documents - len(report.errors) - len(batch)
            if len(batch) >= COMMIT_DOCUMENTS or still_out <= runner.workers * runner.chunk_documents:
                with clock.phase("store"):
                    _commit(db, run_id, version, batch, report)
                batch = []
                if progress:
                    progress("extract", report.documents + len(report.errors), total)
        with clock.phase("store"):
            _commit(db, run_id, version, batch, report)
        if progress:
            progress("extract", report.documents + len(report.errors), total)
        status = "completed" if not report.errors else "completed_with_errors"
    finally:
        report.extract_s = time.perf_counter() - started
        with db.engine.begin() as conn:
            reports.finish_extraction_run(
                conn, run_id, status, report.documents, report.reports, len(report.errors)
            )


def _tasks(db: Database, version: str, spec: str, limit: int | None, chunk: int) -> Iterator[ExtractTask]:
    """Pending documents, page by page (by id, so stored results never shift the pages), in chunks."""
    after, left = 0, limit
    while left is None or left > 0:
        size = PAGE_DOCUMENTS if left is None else min(PAGE_DOCUMENTS, left)
        with db.engine.connect() as conn:
            page = reports.pending_documents(conn, version, size, after_id=after)
        if not page:
            return
        for start in range(0, len(page), chunk):
            yield ExtractTask(spec, version, page[start : start + chunk])
        after = int(page[-1]["id"])
        left = None if left is None else left - len(page)


def _commit(
    db: Database, run_id: int, version: str, batch: Sequence[Outcome], report: BackfillReport
) -> None:
    if not batch:
        return
    stored: list[tuple[int, str, Any, Any]] = []
    failed = []
    for outcome in batch:
        if outcome.rows is None:
            failed.append((outcome.document_id, outcome.error or "failed"))
        else:
            stored.append((outcome.document_id, version, outcome.rows, outcome.evidence))
    with db.engine.begin() as conn:
        report.reports += reports.replace_reports(conn, stored)
        for doc_id, message in failed:
            log.error("document %d: extraction failed: %s", doc_id, message)
            reports.record_extraction_error(conn, run_id, doc_id, message)
    report.documents += len(stored)
    report.errors.extend(failed)

"""Functions that run on workers (local processes or Dask workers on other machines).

They take plain data (document dicts) and return plain data, never touch the
database, and keep one extractor per worker process, built on first use.

Each returns, with its results, the CPU seconds it spent: the coordinating process
adds them up per phase, which is how a run shows where the workers' time went even
when they are on other machines.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, NamedTuple

from harmattan.documents.language import detect_language
from harmattan.documents.neardup import signature_bytes
from harmattan.documents.prepare import Prepared, Source, prepare_source
from harmattan.events.process import (
    DEFAULT_EXTRACTOR,
    ExtractorLike,
    extract_one,
    load_extractor,
    pipeline_version,
    report_rows,
)

_EXTRACTORS: dict[str, ExtractorLike] = {}
#: A text long enough to have a near-duplicate signature.
_WARM_UP_TEXT = " ".join(f"mot{n}" for n in range(40))


class Outcome(NamedTuple):
    """One document's extraction, ready to store: its report rows and their evidence rows, or an error.

    The rows are whatever :func:`~harmattan.events.process.report_rows` builds for
    :func:`~harmattan.store.events.replace_reports`; this module only carries them.
    """

    document_id: int
    rows: Sequence[Any] | None
    evidence: Sequence[Sequence[Any]] | None
    error: str | None


class ExtractTask(NamedTuple):
    spec: str
    version: str
    documents: list[dict[str, Any]]


def worker_extractor(spec: str = DEFAULT_EXTRACTOR) -> ExtractorLike:
    if spec not in _EXTRACTORS:
        _EXTRACTORS[spec] = load_extractor(spec)
    return _EXTRACTORS[spec]


def warm_worker(spec: str = DEFAULT_EXTRACTOR) -> str:
    """Load now, rather than inside the first tasks, what they use: the extractor, the language
    detector, and datasketch for near-duplicate signatures (its import alone is ~0.4 s).

    Returns the pipeline version the worker's extractor has: on a cluster, every worker must
    have the one the backfill records, or stored reports would not be what it says they are.
    """
    extractor = worker_extractor(spec)
    warm_up = getattr(extractor, "warm_up", None)
    if callable(warm_up):
        warm_up()
    detect_language("Le détecteur de langue est chargé avant le premier document.")
    signature_bytes(_WARM_UP_TEXT)
    return pipeline_version(extractor)


def extract_chunk(task: ExtractTask) -> tuple[list[Outcome], float]:
    """Extract a chunk of documents and turn the events into rows here, on the worker.

    Rows rather than event objects come back: building them is work the single storing
    process then need not do, and plain rows pickle several times faster than events.
    """
    started = time.process_time()
    extractor = worker_extractor(task.spec)
    outcomes = []
    for doc in task.documents:
        doc_id, events, error = extract_one(extractor, doc)
        if events is None:
            outcomes.append(Outcome(doc_id, None, None, error or "failed"))
            continue
        rows, evidence = report_rows(doc_id, str(doc["content_hash"]), events, task.version)
        outcomes.append(Outcome(doc_id, rows, evidence, None))
    return outcomes, time.process_time() - started


def derive_chunk(task: tuple[int, list[Source]]) -> tuple[int, list[list[Prepared]], float]:
    """Ingest's per-document work for a chunk of sources (see :mod:`harmattan.documents.prepare`).

    All of it that needs no database (parsing one-document files, normalising, hashing,
    language, near-duplicate signature), so that the one storing process only stores.
    """
    started = time.process_time()
    index, sources = task
    prepared = [prepare_source(source, sign=True) for source in sources]
    return index, prepared, time.process_time() - started

"""Run an extractor over gold passages, time it, score it, and build the report.

Any object with ``extract(text, published=..., lang=..., document_id=...) -> list[Event]``
can be evaluated (the project's :class:`harmattan.extraction.Extractor`, a trained variant,
or a small hand-written predictor in tests). With ``workers > 1`` a picklable ``factory``
builds one extractor per worker process.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from harmattan.evaluation.canon import Canon
from harmattan.evaluation.gold import GoldPassage
from harmattan.evaluation.scoring import GroupStats, score_passage
from harmattan.records import Event


class ExtractorLike(Protocol):
    def extract(
        self, text: str, published: dt.date | None = None, lang: str = "auto", document_id: str | None = None
    ) -> list[Event]: ...


@dataclass
class Predictions:
    events: list[list[Event]]
    failures: dict[int, str]
    seconds: float
    workers: int


@dataclass
class EvalReport:
    groups: dict[str, GroupStats]
    predictions: Predictions
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from harmattan.evaluation.report import report_dict

        return report_dict(self)


_WORKER: ExtractorLike | None = None
Job = tuple[str, dt.date | None, str | None]


def _init_worker(factory: Callable[[], ExtractorLike], warm_up: Job | None) -> None:
    global _WORKER
    _WORKER = factory()
    if warm_up is not None:
        _extract(_WORKER, warm_up)


def _ready(_: int) -> int:
    time.sleep(0.1)  # long enough for every worker to be started (and warmed up) before timing
    return os.getpid()


def _run_one(job: Job) -> tuple[list[Event], str | None]:
    assert _WORKER is not None
    return _extract(_WORKER, job)


def _extract(extractor: ExtractorLike, job: Job) -> tuple[list[Event], str | None]:
    text, published, doc_id = job
    try:
        return list(extractor.extract(text, published=published, lang="auto", document_id=doc_id)), None
    except Exception as exc:  # one bad passage must not stop the run; it is reported by id
        return [], f"{type(exc).__name__}: {exc}"


def predict(
    passages: Sequence[GoldPassage],
    extractor: ExtractorLike | None = None,
    factory: Callable[[], ExtractorLike] | None = None,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Predictions:
    """Extract events from every passage; ``lang`` is always "auto" (gold languages are not hints).

    Building the extractor and one warm-up call (on the first passage: lazy loads happen
    there) are not timed, so ``seconds`` is the steady-state extraction time.
    """
    jobs: list[Job] = [(p.text, p.published, p.id) for p in passages]
    if extractor is None and factory is None:
        raise ValueError("predict needs an extractor or a factory")
    warm_up = jobs[0] if jobs else None
    if workers > 1 and factory is not None:
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(factory, warm_up)) as pool:
            list(pool.map(_ready, range(workers)))
            start = time.perf_counter()
            results = _collect(pool.map(_run_one, jobs, chunksize=4), progress)
            seconds = time.perf_counter() - start
    else:
        local = extractor if extractor is not None else factory()  # type: ignore[misc]
        if warm_up is not None:
            _extract(local, warm_up)
        start = time.perf_counter()
        results = _collect((_extract(local, job) for job in jobs), progress)
        seconds = time.perf_counter() - start
        workers = 1
    failures = {i: error for i, (_, error) in enumerate(results) if error}
    return Predictions([events for events, _ in results], failures, seconds, workers)


def read_predictions(path: Path, passages: Sequence[GoldPassage]) -> Predictions:
    """Predictions made elsewhere: JSON lines of events (``harmattan extract`` output), by ``document_id``.

    Events whose ``document_id`` names no gold passage are ignored; no speed is measured.
    """
    by_id: dict[str, list[Event]] = {p.id: [] for p in passages}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                event = Event.from_dict(json.loads(line))
            except (ValueError, TypeError, KeyError) as exc:
                raise ValueError(f"{path}:{number}: not an event record: {exc}") from exc
            if event.document_id in by_id:
                by_id[event.document_id].append(event)
    return Predictions([by_id[p.id] for p in passages], {}, 0.0, 0)


def _collect(
    results: Iterable[tuple[list[Event], str | None]], progress: Callable[[int], None] | None
) -> list[tuple[list[Event], str | None]]:
    out = []
    for result in results:
        out.append(result)
        if progress:
            progress(1)
    return out


def score(
    passages: Sequence[GoldPassage],
    predictions: Predictions,
    errors_path: Path | None = None,
    canon: Canon | None = None,
) -> EvalReport:
    """Score predictions against gold, overall, per language and (if mixed) per gold format.

    Optionally writes one error record per passage with a mistake (JSON lines).
    """
    canon = canon or Canon()
    groups: dict[str, GroupStats] = {"all": GroupStats()}
    several_formats = len({p.format for p in passages}) > 1
    errors: list[dict[str, Any]] = []
    for index, (passage, events) in enumerate(zip(passages, predictions.events, strict=True)):
        stats = GroupStats()
        record = score_passage(passage, events, canon, stats)
        if index in predictions.failures:
            record = record or {"id": passage.id, "mismatches": [], "missed": [], "spurious": []}
            record["failure"] = predictions.failures[index]
        if record:
            errors.append(record)
        groups["all"].merge(stats)
        groups.setdefault(passage.language or "unknown", GroupStats()).merge(stats)
        if several_formats:
            groups.setdefault(f"format:{passage.format}", GroupStats()).merge(stats)
    if errors_path is not None:
        with errors_path.open("w", encoding="utf-8") as handle:
            for record in errors:
                handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    formats = sorted({p.format for p in passages})
    return EvalReport(groups, predictions, {"formats": formats, "error_passages": len(errors)})


def evaluate(
    passages: Sequence[GoldPassage],
    extractor: ExtractorLike | None = None,
    factory: Callable[[], ExtractorLike] | None = None,
    workers: int = 1,
    errors_path: Path | None = None,
    canon: Canon | None = None,
    progress: Callable[[int], None] | None = None,
) -> EvalReport:
    """Predict and score in one call (see :func:`predict` and :func:`score`)."""
    predictions = predict(passages, extractor=extractor, factory=factory, workers=workers, progress=progress)
    return score(passages, predictions, errors_path=errors_path, canon=canon)

"""Functions that run on workers (local processes or Dask workers on other machines).

They take plain data (document dicts) and return plain data, never touch the
database, and keep one extractor per worker process, built on first use.
"""

from __future__ import annotations

from typing import Any

from harmattan.documents.language import detect_language
from harmattan.documents.normalise import normalise_text
from harmattan.documents.readers import RawDocument
from harmattan.events.process import DEFAULT_EXTRACTOR, ExtractorLike, extract_one, load_extractor
from harmattan.records import Event

Result = tuple[int, list[Event] | None, str | None]

_EXTRACTORS: dict[str, ExtractorLike] = {}


def worker_extractor(spec: str = DEFAULT_EXTRACTOR) -> ExtractorLike:
    if spec not in _EXTRACTORS:
        _EXTRACTORS[spec] = load_extractor(spec)
    return _EXTRACTORS[spec]


def extract_chunk(task: tuple[str, list[dict[str, Any]]]) -> list[Result]:
    """Extract a chunk of documents: ``(document id, events or None, error or None)`` for each."""
    spec, docs = task
    extractor = worker_extractor(spec)
    return [extract_one(extractor, doc) for doc in docs]


def identify_languages(task: tuple[int, list[RawDocument]]) -> tuple[int, list[RawDocument]]:
    """Language of each raw document that has none (on the normalised text, as the ingest path does)."""
    index, docs = task
    for doc in docs:
        if not doc.language:
            doc.language = detect_language(normalise_text(doc.text))
    return index, docs

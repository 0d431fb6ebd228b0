"""The public face of extraction: ``Extractor(pack, config).extract(text, published=date)``."""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harmattan.extraction.doc import Doc
from harmattan.extraction.pipeline import Pipeline, make_doc, read_config
from harmattan.extraction.resources import load_default_pack, resources_for
from harmattan.records import Document, Event

_DEFAULT_PACK: list[Any] = []


@dataclass
class Result:
    """What extraction made of one document: its events and any notes (bad input, language...)."""

    document_id: str | None
    events: list[Event]
    notes: list[str] = field(default_factory=list)
    lang: str | None = None


class Extractor:
    """Turn report text into events. Build once and reuse: matchers are built on first use.

    ``pack`` is a region pack (``harmattan.regions.load("sahel")``); ``None`` loads the
    configured one (without a pack, only generic actors are found and no place is resolved).
    ``config`` is a pipeline config (mapping or YAML path); ``None`` is the packaged default.
    """

    def __init__(self, pack: Any = None, config: str | Path | dict[str, Any] | None = None) -> None:
        if pack is None:
            if not _DEFAULT_PACK:
                _DEFAULT_PACK.append(load_default_pack())
            pack = _DEFAULT_PACK[0]
        self.pack = pack
        self.config = read_config(config)
        self.resources = resources_for(pack)
        self._pipelines: dict[str, Pipeline] = {}

    def pipeline(self, lang: str = "auto") -> Pipeline:
        if lang not in self._pipelines:
            self.resources.warm()
            # the pack and the matchers are millions of long-lived objects: keep the cyclic garbage
            # collector from rescanning them on every collection (it cost more than the extraction)
            gc.freeze()
            self._pipelines[lang] = Pipeline.from_config(
                self.config, self.resources, {"language": {"lang": lang}}
            )
        return self._pipelines[lang]

    def process(
        self, text: str, published: dt.date | None = None, lang: str = "auto", document_id: str | None = None
    ) -> Doc:
        """Run the pipeline and return the whole :class:`Doc` (mentions, notes, events)."""
        return self.pipeline(lang)(make_doc(text, published, document_id))

    def extract(
        self, text: str, published: dt.date | None = None, lang: str = "auto", document_id: str | None = None
    ) -> list[Event]:
        return self.process(text, published, lang, document_id).events

    def run(self, document: Document, lang: str = "auto") -> Result:
        doc = self.process(document.text, document.published_at, lang, document.id)
        return Result(document.id, doc.events, doc.notes, doc.lang)

    def extract_many(
        self, docs: Iterable[Document | dict[str, Any]], workers: int = 1, lang: str = "auto"
    ) -> Iterator[Result]:
        """Extract from many documents, in order, with ``workers`` processes (fork shares the matchers)."""
        items = (as_document(d) for d in docs)
        if workers <= 1:
            for item in items:
                yield self.run(item, lang)
            return
        self.warm_up()
        _WORKER[:] = [self, lang]
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            yield from pool.map(_run_in_worker, items, chunksize=16)

    def warm_up(self) -> None:
        """Build every matcher now (before forking workers, so they share the memory)."""
        self.extract("Warm-up: soldiers were killed in an attack.", dt.date(2024, 1, 1))
        _ = self.resources.place_scanner, self.resources.actor_scanner


_WORKER: list[Any] = []


def _run_in_worker(document: Document) -> Result:
    extractor, lang = _WORKER
    result: Result = extractor.run(document, lang)
    return result


def as_document(item: Document | dict[str, Any]) -> Document:
    """A :class:`Document` from a record or a JSON-lines mapping ``{"text", "published_at", "id"}``."""
    if isinstance(item, Document):
        return item
    published = item.get("published_at") or item.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    return Document(
        text=str(item.get("text") or ""),
        id=None if item.get("id") is None else str(item["id"]),
        published_at=published,
        title=item.get("title"),
    )

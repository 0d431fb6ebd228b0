"""What ingest computes from each document before storing it: pure work, which can run anywhere.

Normalising, hashing, identifying the language, the near-duplicate signature, and for a
file that is one document (text, Markdown, HTML) parsing it too (its title, the date in its
dateline, HTML to text): none of it needs the database, so a backfill runs it on worker
processes while the one process that writes the database only stores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from harmattan.documents.language import detect_language
from harmattan.documents.neardup import signature_bytes
from harmattan.documents.normalise import content_hash, normalise_text
from harmattan.documents.readers import RawDocument, ReadError, read_bytes

#: Files that hold one document: parsed where they are prepared. Files of many documents
#: (JSON Lines, JSON, CSV) are parsed where they are read, so that their documents can be
#: prepared in parallel.
ONE_DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})


@dataclass(slots=True, frozen=True)
class Derived:
    """What storing a raw document needs computed from it."""

    text: str  # normalised; empty when nothing is left
    content_hash: str
    language: str | None
    #: The near-duplicate signature (:func:`~harmattan.documents.neardup.signature_bytes`);
    #: None when not computed (it then is, for new documents only, when they are stored).
    signature: bytes | None = None


@dataclass(slots=True, frozen=True)
class UnparsedFile:
    """The bytes of a one-document file, to be parsed where it is prepared."""

    name: str
    data: bytes


Source = RawDocument | UnparsedFile
Prepared = ReadError | tuple[RawDocument, Derived]
#: A stage that prepares sources, e.g. on worker processes (see ``harmattan.runners.backfill``):
#: for every source it receives, in order, the list :func:`prepare_source` gives.
Prepare = Callable[[Iterator[Source]], Iterator[list[Prepared]]]


def derive(raw: RawDocument, sign: bool = False) -> Derived:
    text = normalise_text(raw.text)
    if not text:
        return Derived("", "", None)
    language = raw.language or detect_language(text)
    return Derived(text, content_hash(text), language, signature_bytes(text) if sign else None)


def prepare_source(source: Source, sign: bool = False) -> list[Prepared]:
    """A document with its derived values; for an unparsed file, its documents and read errors."""
    if isinstance(source, RawDocument):
        return [(source, derive(source, sign))]
    items = read_bytes(source.name, source.data)
    return [item if isinstance(item, ReadError) else (item, derive(item, sign)) for item in items]


def prepare_here(sources: Iterator[Source]) -> Iterator[list[Prepared]]:
    """The default stage: in this process, signatures left to the near-duplicate linker."""
    for source in sources:
        yield prepare_source(source)


def parsed_where_prepared(path: Path) -> bool:
    return path.suffix.lower() in ONE_DOCUMENT_SUFFIXES

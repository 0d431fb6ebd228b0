"""Gold readers: every supported gold format in, :class:`GoldPassage` objects out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from harmattan.evaluation.gold import GoldPassage
from harmattan.evaluation.readers.case2021 import read_case2021
from harmattan.evaluation.readers.jsonl import GoldFormatError, read_jsonl
from harmattan.evaluation.readers.plover import cameo_to_plover, read_petrarch, read_plover
from harmattan.evaluation.readers.snippets import is_snippet_row, read_snippets
from harmattan.evaluation.readers.ucdp import read_ucdp

READERS: dict[str, Callable[[Path], Iterator[GoldPassage]]] = {
    "jsonl": read_jsonl,
    "ucdp": read_ucdp,
    "plover": read_plover,
    "petrarch": read_petrarch,
    "case2021": read_case2021,
    "snippets": read_snippets,
}

__all__ = ["READERS", "GoldFormatError", "cameo_to_plover", "detect_format", "filter_passages", "read_gold"]


def detect_format(path: Path) -> str:
    """Guess a gold file's format from its name and first bytes."""
    head = path.read_bytes()[:4096].decode("utf-8", errors="replace").lstrip("\ufeff").lstrip()
    suffix = path.suffix.lower()
    if head.startswith("<?xml") or "<Validation" in head or "<Sentence" in head:
        return "petrarch"
    if head.startswith("["):
        return "plover"
    if head.startswith("{") or suffix == ".jsonl":
        return "snippets" if is_snippet_row(head.split("\n", 1)[0]) else "jsonl"
    first_line = head.split("\n", 1)[0]
    if "type_of_violence" in first_line and "source_headline" in first_line:
        return "ucdp"
    if suffix in (".tsv", ".txt") and first_line.count("\t") >= 2:
        return "case2021"
    raise GoldFormatError(f"{path}: cannot tell the gold format; pass --format ({', '.join(READERS)})")


def read_gold(
    path: Path | str,
    format: str | None = None,
    split: str = "all",
    lang: str | None = None,
    limit: int | None = None,
) -> list[GoldPassage]:
    """Read a gold file (format auto-detected unless given), filtered by split and language."""
    path = Path(path)
    name = format or detect_format(path)
    if name not in READERS:
        raise GoldFormatError(f"unknown gold format {name!r}; known: {', '.join(READERS)}")
    passages = filter_passages(READERS[name](path), split=split, lang=lang)
    return list(islice(passages, limit) if limit else passages)


def filter_passages(
    passages: Iterable[GoldPassage], split: str = "all", lang: str | None = None
) -> Iterator[GoldPassage]:
    """Keep passages of one split (``dev``/``test``; formats without splits pass) and language."""
    for passage in passages:
        if split != "all" and passage.split is not None and passage.split != split:
            continue
        if lang and lang != "all" and passage.language != lang:
            continue
        yield passage

"""Reading files into raw documents: one reader per format, every failure named with its file and line.

Readers never raise on bad input: they yield :class:`ReadError` items so the
ingest path can record them and carry on with the other files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateutil import parser as dateparser

from harmattan.documents.html import html_to_text

SUPPORTED = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")
TEXT_FIELDS = ("text", "title", "url", "published_at", "language", "source")


class BadInput(Exception):
    """A file or record that cannot be read; the message is shown to the user as is."""


@dataclass(slots=True)
class RawDocument:
    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    published_at: dt.date | None = None
    language: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class ReadError:
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


ReadItem = RawDocument | ReadError


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, then charset-normalizer's best guess."""
    if not data.strip():
        raise BadInput("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise BadInput("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BadInput("cannot decode: not UTF-8 and no other text encoding fits (binary?)")
    text = str(best)
    if _looks_binary(text):
        raise BadInput("binary file (mostly non-printable characters), not text")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    odd = sum(1 for ch in sample if not (ch.isprintable() or ch.isspace()))
    return odd > len(sample) * 0.1


def parse_date(value: Any) -> dt.date | None:
    """Accept ISO dates, datetimes and common written dates; None when absent or unreadable."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dateparser.parse(str(value), dayfirst=False, fuzzy=False).date()
    except (ValueError, OverflowError, TypeError):
        raise BadInput(f"unreadable published_at {str(value)[:40]!r}") from None


def _from_record(record: Any, origin: str) -> RawDocument:
    if not isinstance(record, dict):
        raise BadInput(f"expected a JSON object with a 'text' field, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadInput("record has no non-empty 'text' field")
    return RawDocument(
        text=text,
        origin=origin,
        title=_str_or_none(record.get("title")),
        url=_str_or_none(record.get("url")),
        published_at=parse_date(record.get("published_at")),
        language=_str_or_none(record.get("language")),
        source=_str_or_none(record.get("source")),
        meta={k: v for k, v in record.items() if k not in TEXT_FIELDS and _jsonable(v)},
    )


def _str_or_none(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _jsonable(value: Any) -> bool:
    return isinstance(value, str | int | float | bool | list | dict) or value is None


def _records(path: str, rows: Iterator[tuple[int | None, Any]]) -> Iterator[ReadItem]:
    for line, record in rows:
        origin = f"{path}:{line}" if line else path
        try:
            yield _from_record(record, origin)
        except BadInput as exc:
            yield ReadError(path, str(exc), line)


def read_jsonl(path: str, text: str) -> Iterator[ReadItem]:
    for number, line in enumerate(io.StringIO(text), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(path, f"malformed JSON line: {exc.msg} (column {exc.colno})", number)
            continue
        yield from _records(path, iter([(number, record)]))


def read_json(path: str, text: str) -> Iterator[ReadItem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadError(path, f"malformed JSON: {exc.msg}", exc.lineno)
        return
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    items = data if isinstance(data, list) else [data]
    yield from _records(path, ((index + 1 if len(items) > 1 else None, r) for index, r in enumerate(items)))


def read_csv(path: str, text: str) -> Iterator[ReadItem]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield ReadError(path, f"CSV has no 'text' column (columns: {', '.join(reader.fieldnames or [])})")
        return
    try:
        # Line numbers count the header as line 1, as a spreadsheet shows them.
        yield from _records(path, ((reader.line_num, row) for row in reader))
    except csv.Error as exc:
        yield ReadError(path, f"malformed CSV: {exc}", reader.line_num)


#: A dateline near the top of a plain-text article: "Published: 2024-07-30", "Publié le 27 août 2024".
_DATELINE = re.compile(
    r"^\s*(?:published|updated|date|publié le|publie le|mis à jour le)\s*:?\s*(\S.{4,38}?)\s*$", re.I
)


def read_plain(path: str, text: str) -> Iterator[ReadItem]:
    title, body = _split_title(text, markdown=path.endswith(".md"))
    yield RawDocument(text=body, title=title, origin=path, published_at=_dateline(body))


def _dateline(text: str) -> dt.date | None:
    """The publication date stated in the first lines, if any (the text itself is kept unchanged)."""
    for line in text.split("\n", 4)[:4]:
        found = _DATELINE.match(line)
        if found and any(ch.isdigit() for ch in found.group(1)):
            return _written_date(found.group(1))
    return None


def _written_date(value: str) -> dt.date | None:
    try:
        return parse_date(value)
    except BadInput:
        pass
    import dateparser  # slow to import; only French or spelled-out datelines get here

    parsed = dateparser.parse(value, languages=["fr", "en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _split_title(text: str, markdown: bool) -> tuple[str | None, str]:
    """A short first line followed by more text is the title (``# Title`` in Markdown)."""
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    if markdown:
        first = first.lstrip("#").strip()
    if rest.strip() and 0 < len(first) <= 200:
        return first, stripped
    return None, stripped


def read_html(path: str, text: str) -> Iterator[ReadItem]:
    title, body = html_to_text(text)
    if not body.strip():
        yield ReadError(path, "HTML page has no readable text")
        return
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    yield RawDocument(text=body, title=title, origin=path)


READERS: dict[str, Callable[[str, str], Iterator[ReadItem]]] = {
    ".txt": read_plain,
    ".md": read_plain,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
}


def read_bytes(path: str, data: bytes) -> Iterator[ReadItem]:
    """Parse the bytes of one file (by its extension) into documents and errors."""
    suffix = Path(path).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        yield ReadError(
            path, f"unsupported file type {suffix or '(none)'} (accepted: {', '.join(SUPPORTED)})"
        )
        return
    try:
        text = decode(data)
    except BadInput as exc:
        yield ReadError(path, str(exc))
        return
    yield from reader(path, text)


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files given directly, and every supported file under the folders given (sorted, hidden skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in SUPPORTED:
                    yield child
        else:
            yield path

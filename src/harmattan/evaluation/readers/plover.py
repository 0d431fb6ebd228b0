"""PLOVER gold-standard records (JSON array) and PETRARCH-2 validation records (XML).

Both are generic English sentences (not Sahel) coded for political interactions; only the
PLOVER event type is scored. PLOVER's ``date`` is a placeholder (2000-01-01) and is passed as
the publication date only so that extractors that need one get one. PETRARCH-2 CAMEO codes are
mapped to PLOVER types with ``regions/sahel/mappings/cameo_plover.yaml`` (longest prefix);
reciprocal codings (A->B and B->A with one type) count as one event.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from harmattan.evaluation.gold import GoldEvent, GoldPassage, load_yaml, mapping_path
from harmattan.records import Event

_PLOVER_FIELDS = frozenset({"plover_type"})
_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*)/>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def read_plover(path: Path) -> Iterator[GoldPassage]:
    """Read the PLOVER GSR JSON array; the DOCUMENT record is skipped."""
    with path.open(encoding="utf-8") as handle:
        records = json.load(handle)
    for record in records:
        if record.get("event") in (None, "DOCUMENT") or not record.get("text"):
            continue
        event = Event(plover_type=str(record["event"]), fatalities=_int(record.get("dead")))
        fields = set(_PLOVER_FIELDS)
        if event.fatalities is not None:
            fields.add("fatalities")
        yield GoldPassage(
            id=str(record["id"]),
            text=" ".join(str(record["text"]).split()),
            published=_date(record.get("date")),
            language=record.get("language") or "en",
            events=[GoldEvent(event=event, fields=frozenset(fields))],
            exhaustive=False,
            format="plover",
            scope="plover",
            meta={"mode": record.get("mode"), "context": record.get("context")},
        )


@functools.lru_cache(maxsize=1)
def _cameo_codes() -> dict[str, str | None]:
    data: dict[str, Any] = load_yaml(mapping_path("cameo_plover.yaml"))
    return {str(code): value for code, value in data["codes"].items()}


def cameo_to_plover(code: str) -> str | None:
    """The PLOVER type of a CAMEO event code (longest listed prefix), None if PLOVER has none."""
    codes = _cameo_codes()
    for length in range(len(code), 1, -1):
        if code[:length] in codes:
            return codes[code[:length]]
    return None


def read_petrarch(path: Path) -> Iterator[GoldPassage]:
    """Read PETRARCH-2 validation XML (not well-formed XML: parsed by pattern, as its tools do)."""
    raw = path.read_text(encoding="utf-8")
    for match in _SENTENCE.finditer(raw):
        attrs = dict(_ATTR.findall(match.group(1)))
        body = match.group(2)
        text_match = _TEXT.search(body)
        if not text_match:
            continue
        events, unmapped = _petrarch_events(body)
        yield GoldPassage(
            id=attrs.get("id", f"petrarch-{match.start()}"),
            text=" ".join(text_match.group(1).split()),
            published=_date(attrs.get("date")),
            language="en",
            events=events,
            exhaustive=not unmapped,
            format="petrarch",
            scope="plover",
            meta={"category": attrs.get("category"), "unmapped_codes": unmapped},
        )


def _petrarch_events(body: str) -> tuple[list[GoldEvent], list[str]]:
    events: list[GoldEvent] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    unmapped: list[str] = []
    for coding in _CODING.finditer(body):
        attrs = dict(_ATTR.findall(coding.group(1)))
        code = attrs.get("eventcode")
        if not code:
            continue
        plover = cameo_to_plover(code)
        if plover is None:
            unmapped.append(code)
            continue
        key = (plover, frozenset({attrs.get("sourcecode", ""), attrs.get("targetcode", "")}))
        if key in seen:
            continue
        seen.add(key)
        events.append(GoldEvent(event=Event(plover_type=plover), fields=_PLOVER_FIELDS))
    return events, unmapped


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    digits = value.replace("-", "")
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None

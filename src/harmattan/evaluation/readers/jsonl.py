"""The project's own gold format: one passage per line, with its expected events.

Format (see docs/evaluation.md): ``{"id", "split", "language", "published_at", "title",
"text", "source", "events": [{event fields of the extraction contract}], "notes"}``.
A field is scored when gold gives it a value (``null`` means "not stated"; ``tactics`` is
scored whenever the key is present, since ``[]`` says "no tactic").
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from harmattan.evaluation.gold import SCORED_FIELDS, GoldEvent, GoldPassage
from harmattan.records import EVENT_FIELDS, Event

#: Fields always scored when the key is present, because their "empty" value is a statement.
_ALWAYS = frozenset({"tactics"})


class GoldFormatError(ValueError):
    """A gold file line that cannot be read; the message names the file and line."""


def read_jsonl(path: Path) -> Iterator[GoldPassage]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield passage_from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{path}:{number}: {exc}") from exc


def passage_from_dict(obj: dict[str, Any]) -> GoldPassage:
    published = obj.get("published_at")
    events = [gold_event_from_dict(raw) for raw in obj.get("events") or []]
    return GoldPassage(
        id=str(obj["id"]),
        text=str(obj["text"]),
        published=dt.date.fromisoformat(published[:10]) if published else None,
        language=obj.get("language"),
        events=events,
        split=obj.get("split"),
        exhaustive=True,
        format="jsonl",
        meta={"title": obj.get("title"), "source": obj.get("source")},
    )


def gold_event_from_dict(raw: dict[str, Any]) -> GoldEvent:
    data = {key: value for key, value in raw.items() if key in EVENT_FIELDS and key != "evidence"}
    data["tactics"] = list(data.get("tactics") or [])
    event = Event.from_dict(data)
    fields = {name for name in SCORED_FIELDS if _stated(name, raw)}
    low, high = raw.get("fatalities_low"), raw.get("fatalities_high")
    return GoldEvent(
        event=event,
        fields=frozenset(fields),
        fatalities_range=(int(low), int(high)) if low is not None and high is not None else None,
    )


def _stated(name: str, raw: dict[str, Any]) -> bool:
    if name == "actor1":
        return bool(raw.get("actor1") or raw.get("actor1_id"))
    if name == "actor2":
        return bool(raw.get("actor2") or raw.get("actor2_id"))
    if name == "location":
        return raw.get("latitude") is not None or bool(raw.get("location"))
    if name in _ALWAYS:
        return name in raw
    return raw.get(name) is not None

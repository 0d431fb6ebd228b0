"""Labelled snippets (``gold/subevent_*.jsonl``, ``extraction/training/``): one short text per line with
its sub-event type, or null when it reports no event. Only event_type and sub_event_type are scored; a
snippet labelled "no event" counts any prediction as a false alarm.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from harmattan.evaluation.gold import GoldEvent, GoldPassage, event_type_of
from harmattan.evaluation.readers.jsonl import GoldFormatError
from harmattan.records import Event

_FIELDS = frozenset({"event_type", "sub_event_type"})


def is_snippet_row(first_line: str) -> bool:
    """Whether a JSON line is a labelled snippet rather than a project gold passage."""
    try:
        row = json.loads(first_line)
    except ValueError:
        return False
    return isinstance(row, dict) and "sub_event_type" in row and "events" not in row


def read_snippets(path: Path) -> Iterator[GoldPassage]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                sub = row["sub_event_type"]
                text = str(row["text"])
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{path}:{number}: {exc}") from exc
            if sub is not None and event_type_of(sub) is None:
                raise GoldFormatError(f"{path}:{number}: unknown sub_event_type {sub!r}")
            events = (
                []
                if sub is None
                else [GoldEvent(Event(event_type=event_type_of(sub), sub_event_type=sub), _FIELDS)]
            )
            yield GoldPassage(
                id=str(row.get("id") or f"{path.stem}-{number}"),
                text=text,
                published=None,
                language=row.get("language"),
                events=events,
                format="snippets",
                scope="acled",
                meta={"style": row.get("style")},
            )

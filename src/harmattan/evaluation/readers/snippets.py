"""Labelled snippets (``gold/subevent_*.jsonl``, ``extraction/training/``): one short text per line with
its sub-event type, or null when it reports no event. Only event_type and sub_event_type are scored; a
snippet labelled "no event" counts any prediction as a false alarm.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from harmattan.evaluation.gold import GoldEvent, GoldPassage, event_type_of, ontology
from harmattan.evaluation.readers.jsonl import GoldFormatError
from harmattan.extraction.models.training import TrainingDataError
from harmattan.extraction.models.training import read_snippets as read_training_snippets
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
    """The snippets as gold passages, read and checked by the trainer's own reader (exact keys, known
    labels, no duplicate text), so a gold file and a training file are one format."""
    labels = {sub for subs in ontology()["event_types"].values() for sub in subs}
    try:
        rows = read_training_snippets([path], labels)
    except TrainingDataError as exc:
        raise GoldFormatError(f"{path.parent}/{exc}") from exc
    for number, row in enumerate(rows, 1):
        sub = row["sub_event_type"]
        events = (
            []
            if sub is None
            else [GoldEvent(Event(event_type=event_type_of(sub), sub_event_type=sub), _FIELDS)]
        )
        yield GoldPassage(
            id=str(row.get("id") or f"{path.stem}-{number}"),
            text=str(row["text"]),
            published=None,
            language=row.get("language"),
            events=events,
            format="snippets",
            scope="acled",
            meta={"style": row.get("style")},
        )

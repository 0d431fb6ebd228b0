"""CASE 2021 shared task 2 (fine-grained event classification) snippets, when a copy is at hand.

The labelled file is not shipped (no licence in its repository). Supported layout: a
tab-separated file, one snippet per line, ``id<TAB>text<TAB>label`` (a header line whose
first cell is ``id`` is skipped); labels are the task's codes (``ARMED_CLASH``...) or ACLED
sub-event names, mapped with ``regions/sahel/mappings/case2021.yaml``. Snippets carry no
date, actors or place: only event_type and sub_event_type are scored.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from harmattan.evaluation.gold import GoldEvent, GoldPassage, event_type_of, load_yaml, mapping_path
from harmattan.records import Event

_FIELDS = frozenset({"event_type", "sub_event_type"})


@functools.lru_cache(maxsize=1)
def _labels() -> dict[str, str | None]:
    data: dict[str, Any] = load_yaml(mapping_path("case2021.yaml"))
    return dict(data["labels"])


def read_case2021(path: Path) -> Iterator[GoldPassage]:
    with path.open(encoding="utf-8", newline="") as handle:
        for number, cells in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if len(cells) < 3 or (number == 1 and cells[0].strip().lower() == "id"):
                continue
            snippet_id, text, label = cells[0].strip(), cells[1].strip(), cells[-1].strip()
            sub = _labels().get(label, label if event_type_of(label) else None)
            events = []
            if sub is not None:
                event = Event(event_type=event_type_of(sub), sub_event_type=sub)
                events.append(GoldEvent(event=event, fields=_FIELDS))
            yield GoldPassage(
                id=f"case2021-{snippet_id}",
                text=text,
                published=None,
                language=None,
                events=events,
                exhaustive=sub is not None,
                format="case2021",
                scope="acled",
                meta={"label": label},
            )

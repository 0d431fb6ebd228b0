"""A hand-written predictor for testing the scorer: fixed events for fixed passages.

It reads ``fixtures/predictions_small.jsonl`` (events keyed by passage id) and answers by
``document_id``; unknown passages get no events. It tests the scorer, not any extractor.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from harmattan.records import Event

PREDICTIONS = Path(__file__).parent / "fixtures" / "predictions_small.jsonl"


class FixedPredictor:
    def __init__(self, path: Path = PREDICTIONS) -> None:
        self.calls = 0
        self.by_id: dict[str, list[dict[str, object]]] = {}
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                self.by_id[row["id"]] = row["events"]

    def extract(
        self, text: str, published: dt.date | None = None, lang: str = "auto", document_id: str | None = None
    ) -> list[Event]:
        self.calls += 1
        if text == "boom":
            raise RuntimeError("predictor failure on purpose")
        return [Event.from_dict(dict(raw)) for raw in self.by_id.get(document_id or "", [])]

"""A replay extractor for tests: a document's events are written in it, one ``@event {json}`` line each.

It lets process/fusion/corrections be tested with event records built by hand (so those
tests do not change when the extraction rules do), through the same
``extract(text, published=, lang=, document_id=)`` interface and the same
``module:callable`` plug-in path as ``harmattan.extraction.Extractor``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from typing import Any

from harmattan.records import Event, Evidence

MARK = "@event "


class ReplayExtractor:
    def __init__(self) -> None:
        self.version = os.environ.get("REPLAY_VERSION", "replay-1")
        # Seconds per document, so that tests can kill a run in the middle.
        self.delay = float(os.environ.get("REPLAY_DELAY", "0"))

    def extract(
        self, text: str, published: dt.date | None = None, lang: str = "auto", document_id: str | None = None
    ) -> list[Event]:
        if self.delay:
            time.sleep(self.delay)
        if "@fail" in text:
            raise ValueError("this document asks to fail")
        events = []
        offset = 0
        for line in text.splitlines(keepends=True):
            start = text.index(line, offset)
            offset = start + len(line)
            if not line.startswith(MARK):
                continue
            data: dict[str, Any] = json.loads(line[len(MARK) :])
            event = Event.from_dict(data)
            body = line.rstrip("\n")
            event.evidence = [
                Evidence("event_type", document_id, 0, start, start + len(body), body, "replay")
            ]
            event.document_id = document_id
            events.append(event)
        return events


def event_line(**fields: Any) -> str:
    return MARK + json.dumps(fields, sort_keys=True)

"""An extractor for tests: the project's own, except that it fails on texts containing BOOM."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor
from harmattan.records import Event


class FlakyExtractor:
    version = "flaky-test-1"

    def __init__(self) -> None:
        self.inner = Extractor()

    def extract(
        self, text: str, published: dt.date | None = None, lang: str = "auto", document_id: str | None = None
    ) -> list[Event]:
        if "BOOM" in text:
            raise RuntimeError("cannot read this one")
        return self.inner.extract(text, published=published, lang=lang, document_id=document_id)

"""The watcher: poll due sources, process what is new, log what was done, keep going.

A failing source is backed off on its own (see :mod:`harmattan.sources.fetch`);
a failing processing step is logged and retried on the next cycle. Nothing a
source sends can stop the loop.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from harmattan.settings import Settings
from harmattan.sources.fetch import FetchReport, SourceFetcher
from harmattan.store.database import Database, utcnow

log = logging.getLogger(__name__)

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``"15m"``, ``"1h"``, ``"30s"``, ``"2d"`` or plain seconds, as seconds."""
    found = _INTERVAL.match(text)
    if not found or float(found.group(1)) <= 0:
        raise ValueError(f"not an interval: {text!r} (use e.g. 30s, 15m, 1h)")
    return float(found.group(1)) * _UNITS[found.group(2).lower()]


@dataclass
class Cycle:
    started: dt.datetime
    fetches: list[FetchReport] = field(default_factory=list)
    processed: int = 0
    process_error: str | None = None

    @property
    def documents_new(self) -> int:
        return sum(r.documents_new for r in self.fetches)

    @property
    def failed(self) -> int:
        return sum(r.outcome == "error" for r in self.fetches)

    def summary(self) -> str:
        text = (
            f"{len(self.fetches)} sources polled, {self.failed} failed, "
            f"{self.documents_new} new documents, {self.processed} processed"
        )
        return text + (f", processing failed: {self.process_error}" if self.process_error else "")


class Watcher:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        interval_s: float = 900,
        process: bool = True,
        workers: int = 1,
        fetcher: Callable[[], SourceFetcher] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.db = db
        self.settings = settings
        self.interval_s = interval_s
        self.process = process
        self.workers = workers
        self.make_fetcher = fetcher or (lambda: SourceFetcher(db, settings))
        self.sleep = sleep

    def cycle(self) -> Cycle:
        """One polling round: fetch due sources, then process the new documents."""
        cycle = Cycle(started=utcnow())
        try:
            with self.make_fetcher() as fetcher:
                cycle.fetches = fetcher.fetch_due()
        except Exception as exc:  # e.g. the database is briefly unreachable: try again next cycle
            log.exception("watch: fetching failed")
            cycle.process_error = f"fetch round failed: {exc}"
            return cycle
        for report in cycle.fetches:
            level = logging.WARNING if report.outcome == "error" else logging.INFO
            log.log(level, "watch: %s", report.summary())
        if self.process and cycle.documents_new:
            self._process(cycle)
        log.log(logging.WARNING if cycle.failed else logging.INFO, "watch: %s", cycle.summary())
        return cycle

    def _process(self, cycle: Cycle) -> None:
        from harmattan.events.process import process

        try:
            cycle.processed = process(self.db, self.settings, workers=self.workers).documents
        except Exception as exc:
            log.exception("watch: processing failed; the documents stay pending for the next cycle")
            cycle.process_error = str(exc)

    def run(self, cycles: int | None = None, on_cycle: Callable[[Cycle], None] | None = None) -> None:
        """Poll every ``interval_s`` seconds, ``cycles`` times (forever when None)."""
        done = 0
        while cycles is None or done < cycles:
            started = time.monotonic()
            cycle = self.cycle()
            if on_cycle:
                on_cycle(cycle)
            done += 1
            if cycles is None or done < cycles:
                self.sleep(max(0.0, self.interval_s - (time.monotonic() - started)))

"""Fetching registered sources into the store, through the same ingest path as files.

One source failing never stops the others: its error is logged, recorded in
``source_fetches`` and ``fetch_state``, and its next attempt is pushed back
(exponential back-off per source). Feed items whose article could not be
fetched are not marked seen, so they are tried again next time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from harmattan.documents.ingest import Ingester, IngestReport
from harmattan.documents.normalise import content_hash, normalise_text
from harmattan.documents.readers import RawDocument
from harmattan.settings import Settings
from harmattan.sources.feeds import FeedError, FeedItem, parse_feed
from harmattan.sources.guard import Guard
from harmattan.sources.http import Fetcher, FetchError, FetchPolicy, Response
from harmattan.sources.web import PageError, decode_body, extract_page
from harmattan.store import sources as store
from harmattan.store.database import Database, utcnow

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 15 * 60
MAX_BACKOFF_S = 24 * 3600
#: A feed item carrying this much text is stored as is; shorter ones (teasers) send us to the article page.
FULL_TEXT_CHARS = 600


@dataclass
class FetchReport:
    source: str
    url: str
    outcome: str = "ok"  # ok | not_modified | error
    http_status: int | None = None
    items_seen: int = 0
    documents_new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    problems: list[str] = field(default_factory=list)
    error: str | None = None

    def summary(self) -> str:
        if self.outcome == "error":
            return f"{self.source}: failed: {self.error}"
        if self.outcome == "not_modified":
            return f"{self.source}: not modified"
        return (
            f"{self.source}: {self.items_seen} items, {self.documents_new} new documents, "
            f"{self.duplicates} duplicates, {self.near_duplicates} near-duplicates, "
            f"{len(self.problems)} problems"
        )


def backoff_s(interval_s: int, failures: int) -> int:
    """Delay before retrying a source that failed ``failures`` times in a row."""
    return int(min(interval_s * 2 ** max(failures - 1, 0), MAX_BACKOFF_S))


class SourceFetcher:
    """Fetches sources into the store; one instance per run (it holds the HTTP client)."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        policy: FetchPolicy | None = None,
        guard: Guard | None = None,
        now: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.db = db
        self.settings = settings
        policy = policy or FetchPolicy(max_bytes=settings.max_document_bytes)
        self.fetcher = Fetcher(guard or Guard.from_setting(settings.fetch_allow), policy)
        self.now = now

    def __enter__(self) -> SourceFetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.fetcher.close()

    def fetch_due(self, names: Iterable[str] = ()) -> list[FetchReport]:
        """Fetch every due source (or the named ones, due or not), whatever happens to each."""
        reports = []
        for source in store.due_sources(self.db, self.now(), names):
            try:
                report = self.fetch_source(source)
            except Exception as exc:  # a bug or store failure on one source must not stop the others
                log.exception("source %s: unexpected failure", source["name"])
                report = FetchReport(source["name"], source["url"], "error", error=f"unexpected: {exc!r}")
                self._failed(source, report)
            reports.append(report)
        return reports

    def fetch_source(self, source: dict[str, Any]) -> FetchReport:
        url = source["url"]
        report = FetchReport(source["name"], url)
        state = store.get_fetch_state(self.db, source["id"], url)
        started = self.now()
        try:
            response = self.fetcher.get(url, state.get("etag"), state.get("last_modified"))
            report.http_status = response.status
            if response.not_modified:
                report.outcome = "not_modified"
            elif source["kind"] == "rss":
                self._ingest_feed(source, response, report)
            else:
                self._ingest_page(source, response, report)
        except (FetchError, FeedError, PageError) as exc:
            report.outcome, report.error = "error", str(exc)
            log.error("source %s: %s", source["name"], exc)
            self._failed(source, report, started)
            return report
        for problem in report.problems:
            log.warning("source %s: %s", source["name"], problem)
        self._succeeded(source, response, report, started)
        return report

    def fetch_leads(self, limit: int = 100) -> FetchReport:
        """Fetch the article pages that new GDELT leads point at (most-mentioned first) into the store.

        Each page is stored under its web site's name as source; the lead is marked
        ``fetched`` or ``failed`` so it is not tried again.
        """
        report = FetchReport("gdelt-leads", "")
        for lead in store.leads_to_fetch(self.db, limit):
            url = str(lead["source_url"])
            report.items_seen += 1
            try:
                response = self.fetcher.get(url)
                page = extract_page(response.url, decode_body(response.body, response.charset))
            except (FetchError, PageError) as exc:
                report.problems.append(f"lead {lead['dataset_id']}: {exc}")
                store.set_lead_status(self.db, int(lead["id"]), "failed")
                continue
            host = urlsplit(response.url).hostname or "web"
            if store.get_source(self.db, host) is None:  # a site known only through leads: not polled
                store.save_source(self.db, host, kind="web", enabled=False, homepage=response.url)
            site: dict[str, Any] = {"name": host, "language": None}
            item = FeedItem(url, response.url, page.title, page.text, page.published, page.author)
            document = self._document(site, response.url, page.text, response, item)
            document.meta["lead"] = f"gdelt:{lead['dataset_id']}"
            self._ingest(site, [document], report, url)
            store.set_lead_status(self.db, int(lead["id"]), "fetched")
        for problem in report.problems:
            log.warning("leads: %s", problem)
        return report

    # -- feeds and pages ----------------------------------------------------------

    def _ingest_feed(self, source: dict[str, Any], response: Response, report: FetchReport) -> None:
        feed = parse_feed(response.body, response.url, self.now(), response.headers.get("content-type"))
        report.problems.extend(feed.problems)
        report.items_seen = len(feed.items)
        unseen = store.unseen_guids(self.db, source["id"], [item.guid for item in feed.items])
        documents, done = [], []
        for item in feed.items:
            if item.guid not in unseen:
                continue
            raw = self._item_document(source, item, response, report)
            if raw is None:
                continue
            documents.append(raw)
            text_hash = content_hash(normalise_text(raw.text))
            done.append({"guid": item.guid, "url": item.url, "content_hash": text_hash})
        self._ingest(source, documents, report, response.url)
        store.mark_items_seen(self.db, source["id"], done)

    def _item_document(
        self, source: dict[str, Any], item: FeedItem, feed: Response, report: FetchReport
    ) -> RawDocument | None:
        if len(item.text) >= FULL_TEXT_CHARS or not item.url:
            if not item.text.strip() and not item.title:
                return None
            return self._document(source, item.url or feed.url, item.text or item.title or "", feed, item)
        try:
            page_response = self.fetcher.get(item.url)
            page = extract_page(page_response.url, decode_body(page_response.body, page_response.charset))
        except (FetchError, PageError) as exc:
            report.problems.append(f"item {item.guid!r}: article not fetched ({exc}); will retry")
            return None
        item.title = item.title or page.title
        item.published = item.published or page.published
        item.author = item.author or page.author
        return self._document(source, page.url, page.text, page_response, item)

    def _ingest_page(self, source: dict[str, Any], response: Response, report: FetchReport) -> None:
        page = extract_page(response.url, decode_body(response.body, response.charset))
        report.items_seen = 1
        item = FeedItem(response.url, response.url, page.title, page.text, page.published, page.author)
        self._ingest(
            source, [self._document(source, page.url, page.text, response, item)], report, response.url
        )

    def _document(
        self, source: dict[str, Any], url: str, text: str, response: Response, item: FeedItem
    ) -> RawDocument:
        title = item.title
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        meta: dict[str, Any] = {
            "fetched_at": response.fetched_at,
            "http_status": response.status,
            "guid": item.guid,
            # The bytes as served (page or feed), beside the hash of the normalised text that identifies it.
            "body_sha256": hashlib.sha256(response.body).hexdigest(),
        }
        if item.author:
            meta["author"] = item.author
        if response.redirects:
            meta["redirects"] = response.redirects
        return RawDocument(
            text=text,
            origin=url,
            title=title,
            url=url,
            published_at=item.published,
            language=source.get("language") if source.get("language") not in (None, "auto") else None,
            source=source["name"],
            meta=meta,
        )

    def _ingest(self, source: dict[str, Any], docs: list[RawDocument], report: FetchReport, url: str) -> None:
        if not docs:
            return
        ingest = IngestReport(run_id=self.db.start_run([url]))
        status = "failed"
        try:
            Ingester(self.db, self.settings, source=source["name"]).ingest_documents(docs, ingest)
            status = "completed" if ingest.ok else "completed_with_errors"
        finally:
            self.db.finish_run(ingest.run_id, ingest.counts(), status)
        report.documents_new += ingest.documents_new
        report.duplicates += ingest.documents_duplicate
        report.near_duplicates += ingest.near_duplicates
        report.problems.extend(str(error) for error in ingest.errors)

    # -- state ---------------------------------------------------------------------

    def _interval(self, source: dict[str, Any]) -> int:
        return int(source.get("interval_s") or DEFAULT_INTERVAL_S)

    def _succeeded(
        self, source: dict[str, Any], response: Response, report: FetchReport, started: dt.datetime
    ) -> None:
        now = self.now()
        values: dict[str, Any] = {
            "last_fetch_at": now,
            "last_success_at": now,
            "last_status": response.status,
            "failures": 0,
            "next_due_at": now + dt.timedelta(seconds=self._interval(source)),
            "last_error": None,
        }
        if not response.not_modified:
            values.update(etag=response.etag, last_modified=response.last_modified)
        store.save_fetch_state(self.db, source["id"], source["url"], **values)
        self._record(source, report, started, len(response.body))
        if not source.get("verified") and report.outcome == "ok":
            store.save_source(self.db, source["name"], verified=True)  # a live fetch confirmed the URL

    def _failed(
        self, source: dict[str, Any], report: FetchReport, started: dt.datetime | None = None
    ) -> None:
        now = self.now()
        failures = int(store.get_fetch_state(self.db, source["id"], source["url"]).get("failures") or 0) + 1
        delay = backoff_s(self._interval(source), failures)
        store.save_fetch_state(
            self.db,
            source["id"],
            source["url"],
            last_fetch_at=now,
            last_status=report.http_status,
            failures=failures,
            next_due_at=now + dt.timedelta(seconds=delay),
            last_error=(report.error or "")[:2000],
        )
        self._record(source, report, started or now, 0)

    def _record(self, source: dict[str, Any], report: FetchReport, started: dt.datetime, size: int) -> None:
        store.record_fetch(
            self.db,
            source_id=source["id"],
            url=source["url"],
            started_at=started,
            finished_at=self.now(),
            http_status=report.http_status,
            outcome=report.outcome,
            items_seen=report.items_seen,
            documents_new=report.documents_new,
            bytes=size,
            error=report.error,
        )


def fetch_sources(db: Database, settings: Settings, names: Iterable[str] = ()) -> list[FetchReport]:
    """Fetch due sources (or the named ones) once; see :class:`SourceFetcher`."""
    with SourceFetcher(db, settings) as fetcher:
        return fetcher.fetch_due(names)

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from http.server import BaseHTTPRequestHandler

import pytest
from httpfixtures import LocalServer
from sqlalchemy import select

from harmattan.settings import Settings
from harmattan.sources.fetch import SourceFetcher, backoff_s
from harmattan.sources.guard import Guard
from harmattan.sources.http import FetchPolicy
from harmattan.store import sources as store
from harmattan.store.database import Database
from harmattan.store.schema import documents, feed_items, source_fetches

ARTICLE_FR = (
    "Des hommes armés ont attaqué lundi un poste de l'armée malienne près de Ménaka, "
    "dans le nord-est du pays. Selon des sources locales, les assaillants sont arrivés "
    "à moto à l'aube et les combats ont duré plusieurs heures avant que les renforts "
    "n'arrivent. L'état-major n'a pas encore communiqué de bilan officiel. "
)
LONG_EN = (
    "Gunmen attacked a convoy of the Burkinabe army near Djibo on Sunday, security sources "
    "said. The convoy was escorting supply trucks to the besieged town when it was ambushed, "
    "and the fighting lasted several hours. "
) * 4
RSS_HEAD = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'


def rss(items: str) -> str:
    return f"{RSS_HEAD}{items}</channel></rss>"


def rss_item(guid: str, link: str, body: str = "", date: str = "Mon, 26 May 2025 08:00:00 GMT") -> str:
    return (
        f"<item><guid>{guid}</guid><link>{link}</link><title>Titre {guid}</title><pubDate>{date}</pubDate>"
        f"<description><![CDATA[{body}]]></description></item>"
    )


def article_html(text: str, charset_meta: str = "") -> str:
    return (
        f"<html><head>{charset_meta}<title>Attaque près de Ménaka</title>"
        "<script>var tracker = 1;</script></head>"
        f"<body><nav>Accueil | Politique</nav><script>alert('x')</script><article><p>{text}</p>"
        f"<p>{text}</p></article><footer>© Journal</footer></body></html>"
    )


@pytest.fixture
def fetcher(database: Database, settings: Settings, guard: Guard, policy: FetchPolicy) -> SourceFetcher:
    return SourceFetcher(database, settings, policy=policy, guard=guard)


def etag_route(body: str, etag: str = '"v1"'):  # type: ignore[no-untyped-def]
    def route(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        data = body.encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("ETag", etag)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return route


def test_a_feed_is_fetched_into_the_store_with_provenance_then_not_refetched(
    server: LocalServer, database: Database, fetcher: SourceFetcher
) -> None:
    feed = rss(
        rss_item("full", server.url("/full"), LONG_EN)
        + rss_item("teaser", server.url("/article"), "Attaque près de Ménaka...")
        + rss_item("teaser", server.url("/article"), "duplicate guid")
        + rss_item(
            "future",
            server.url("/future"),
            LONG_EN.replace("Djibo", "Arbinda"),
            "Tue, 1 Jan 2036 08:00:00 GMT",
        )
    )
    server.routes["/feed.xml"] = etag_route(feed)
    server.add("/article", article_html(ARTICLE_FR))
    store.save_source(database, "wire", kind="rss", url=server.url("/feed.xml"), interval_s=600)

    [report] = fetcher.fetch_due()
    assert (report.outcome, report.items_seen, report.documents_new) == ("ok", 3, 3), report
    assert any("duplicate item id" in p for p in report.problems)
    with database.engine.connect() as conn:
        rows = {r.url.rsplit("/", 1)[1]: r for r in conn.execute(select(documents))}
        seen = conn.scalar(select(feed_items.c.id).where(feed_items.c.url == server.url("/article")))
        assert seen is not None
    article = rows["article"]
    assert article.http_status == 200 and article.language == "fr" and article.title == "Titre teaser"
    assert "alert" not in article.text and "tracker" not in article.text and "Ménaka" in article.text
    assert article.fetched_at is not None and article.published_at == dt.date(2025, 5, 26)
    assert article.meta["body_sha256"] == hashlib.sha256(article_html(ARTICLE_FR).encode()).hexdigest()
    assert rows["future"].published_at is None and rows["full"].language == "en"
    assert store.get_source(database, "wire")["verified"] is True  # a live fetch confirmed the URL

    # Due again later: the server answers 304 to our ETag and nothing new is stored.
    again = SourceFetcher(
        database,
        fetcher.settings,
        fetcher.fetcher.policy,
        fetcher.fetcher.guard,
        now=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(hours=1),
    )
    [second] = again.fetch_due()
    assert second.outcome == "not_modified" and second.documents_new == 0
    assert [p for p, _ in server.hits].count("/article") == 1


def test_one_failing_source_does_not_stop_the_others_and_backs_off(
    server: LocalServer, database: Database, fetcher: SourceFetcher, caplog: pytest.LogCaptureFixture
) -> None:
    server.add("/broken.xml", "", status=500)
    server.add(
        "/good.xml", rss(rss_item("g", server.url("/g"), LONG_EN)), headers={"Content-Type": "text/xml"}
    )
    server.redirect("/evil.xml", "http://169.254.169.254/latest/meta-data/")
    for name, path in (("a-broken", "/broken.xml"), ("b-good", "/good.xml"), ("c-evil", "/evil.xml")):
        store.save_source(database, name, kind="rss", url=server.url(path), interval_s=600)
    with caplog.at_level(logging.ERROR):
        reports = {r.source: r for r in fetcher.fetch_due()}
    assert reports["b-good"].documents_new == 1
    assert reports["a-broken"].outcome == "error" and "HTTP 500" in (reports["a-broken"].error or "")
    assert "cloud metadata" in (reports["c-evil"].error or "")
    assert "a-broken" in caplog.text and "c-evil" in caplog.text
    state = store.get_fetch_state(
        database, store.get_source(database, "a-broken")["id"], server.url("/broken.xml")
    )
    assert state["failures"] == 1 and "HTTP 500" in state["last_error"]
    assert [s["name"] for s in store.due_sources(database, dt.datetime.now(dt.UTC))] == []
    with database.engine.connect() as conn:
        outcomes = sorted(r.outcome for r in conn.execute(select(source_fetches)))
    assert outcomes == ["error", "error", "ok"]


def test_backoff_doubles_per_failure_up_to_a_day() -> None:
    assert [backoff_s(900, n) for n in (1, 2, 3)] == [900, 1800, 3600]
    assert backoff_s(900, 30) == 24 * 3600


def test_an_article_that_cannot_be_fetched_is_retried_next_time(
    server: LocalServer, database: Database, fetcher: SourceFetcher
) -> None:
    server.add(
        "/f.xml",
        rss(rss_item("x", server.url("/missing"), "teaser") + rss_item("y", server.url("/y"), LONG_EN)),
    )
    store.save_source(database, "s", kind="rss", url=server.url("/f.xml"))
    [report] = fetcher.fetch_due()
    assert report.documents_new == 1 and any("article not fetched" in p for p in report.problems)
    server.add("/missing", article_html(ARTICLE_FR))
    [retry] = fetcher.fetch_due(["s"])
    assert retry.documents_new == 1


def test_web_pages_with_wrong_or_missing_charset_decode_correctly(
    server: LocalServer, database: Database, fetcher: SourceFetcher
) -> None:
    latin = article_html(ARTICLE_FR).encode("cp1252")
    server.add("/lying", latin, headers={"Content-Type": "text/html; charset=utf-8"})
    server.add("/silent", latin, headers={"Content-Type": "text/html"})
    server.add("/meta", article_html(ARTICLE_FR, '<meta charset="windows-1252">').encode("cp1252"))
    for path in ("/lying", "/silent", "/meta"):
        store.save_source(database, path.strip("/"), kind="web", url=server.url(path))
    reports = fetcher.fetch_due()
    assert [r.outcome for r in reports] == ["ok", "ok", "ok"]
    with database.engine.connect() as conn:
        texts = [r.text for r in conn.execute(select(documents.c.text))]
    assert len(texts) == 1  # the same article three times: stored once
    assert "Ménaka" in texts[0] and "l'armée malienne" in texts[0]


def test_gdelt_leads_pages_are_fetched_and_marked(
    server: LocalServer, database: Database, fetcher: SourceFetcher
) -> None:
    from pathlib import Path

    from sqlalchemy import update

    from harmattan.sources.gdelt import import_gdelt
    from harmattan.store.schema import leads

    import_gdelt(database, [Path(__file__).parent / "fixtures" / "20250526120000.export.CSV"])
    server.add("/menaka", article_html(ARTICLE_FR))
    with database.engine.begin() as conn:
        conn.execute(update(leads).values(source_url=server.url("/gone")))
        conn.execute(
            update(leads).where(leads.c.dataset_id == "1200000001").values(source_url=server.url("/menaka"))
        )
    report = fetcher.fetch_leads(limit=10)
    assert (report.items_seen, report.documents_new, len(report.problems)) == (4, 1, 3)
    with database.engine.connect() as conn:
        statuses = sorted(r.status for r in conn.execute(select(leads)))
        [doc] = conn.execute(select(documents)).all()
    assert statuses == ["failed", "failed", "failed", "fetched"]
    assert doc.meta["lead"] == "gdelt:1200000001" and doc.url == server.url("/menaka")
    assert fetcher.fetch_leads(limit=10).items_seen == 0  # each lead is tried once

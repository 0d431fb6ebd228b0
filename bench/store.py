"""Benchmark of the events store: load rate, fusion time, filtered-query latency (SQLite and PostgreSQL).

    python bench/store.py --n 1000000 --fusion-n 100000            # SQLite in a temp folder
    python bench/store.py --n 200000 --pg postgresql://postgres@127.0.0.1/postgres

- load: event reports stored with their provenance (2 evidence rows each, the processed
  marker of their document) through the path ``harmattan process`` uses; documents are
  inserted before and not timed;
- fusion: ``fuse()`` of ``--fusion-n`` reports (about 2.4 reports per occurrence);
- queries: ``harmattan events`` filters (country, admin1, actor, type, tactic, dates, near)
  with a page of 100 rows, over N fused events (the load's reports, one event each).
Goals (issue 6): load >= 50k events/s on SQLite; p95 < 50 ms; fusion of 100k < 60 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, text
from synth import ARMED, KINDS, PLACES, Document, generate  # bench/ is on sys.path when run as a script

from harmattan.events.fusion import actor_rows, fuse, vocabulary
from harmattan.events.process import report_rows
from harmattan.events.query import EventFilter, find_events
from harmattan.regions.text import fold
from harmattan.store import events as store
from harmattan.store.database import Database, utcnow
from harmattan.store.schema import documents

VERSION = "bench-1"


def documents_for(n_reports: int, seed: int) -> list[Document]:
    return list(islice(generate(n_reports, seed), n_reports))


def insert_documents(db: Database, docs: list[Document]) -> list[int]:
    """Documents first (not timed): ids in order, syndicated copies linked like the near-dup detector does."""
    with db.engine.begin() as conn:
        source_id = db.ensure_source(conn, "bench")
        now = utcnow()
        for start in range(0, len(docs), 20_000):
            chunk = docs[start : start + 20_000]
            rows = [
                {
                    "content_hash": d.content_hash,
                    "text": d.text,
                    "published_at": d.published,
                    "fetched_at": now,
                    "origin": "bench",
                    "source_id": source_id,
                    "title": d.key,
                }
                for d in chunk
            ]
            conn.execute(insert(documents), rows)
        ids = [int(r[0]) for r in conn.execute(text("SELECT id FROM documents ORDER BY id"))]
        links = [(ids[i], ids[d.syndicated_of]) for i, d in enumerate(docs) if d.syndicated_of is not None]
        for start in range(0, len(links), 20_000):
            conn.execute(
                text("UPDATE documents SET near_dup_of = :orig WHERE id = :copy"),
                [{"copy": c, "orig": o} for c, o in links[start : start + 20_000]],
            )
    return ids


def load(db: Database, docs: list[Document], ids: list[int], batch: int = 2000) -> tuple[float, float]:
    """Store every document's reports; returns reports per second of wall-clock and of CPU time."""
    started, cpu = time.perf_counter(), time.process_time()
    n = 0
    for start in range(0, len(docs), batch):
        work = []
        for doc, doc_id in zip(docs[start : start + batch], ids[start : start + batch], strict=True):
            rows, evidence = report_rows(doc_id, doc.content_hash, doc.reports, VERSION)
            work.append((doc_id, VERSION, rows, evidence))
        with db.engine.begin() as conn:
            n += store.replace_reports(conn, work)
    return n / (time.perf_counter() - started), n / (time.process_time() - cpu)


def fusion_quality(db: Database) -> dict[str, Any]:
    """Pairwise precision/recall of fusion against the generator's truth (titles: s<seed>-<truth>-<j>)."""
    from collections import Counter

    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT event_key, title FROM v_event_sources")).all()
    truth_of = {title: title.rsplit("-", 1)[0] for _, title in rows}
    pairs = lambda groups: sum(n * (n - 1) // 2 for n in groups.values())  # noqa: E731
    fused = Counter(key for key, _ in rows)
    true = Counter(truth_of.values())
    both = Counter((key, truth_of[title]) for key, title in rows)
    tp = pairs(both)
    return {"true_events": len(true), "pair_precision": round(tp / max(1, pairs(fused)), 3),
            "pair_recall": round(tp / max(1, pairs(true)), 3)}  # fmt: skip


def singleton_events(db: Database) -> int:
    """One fused event per stored report, through the fusion writer (for query timing at scale)."""
    batch = store.FusedBatch()
    with db.engine.connect() as conn:
        for i, r in enumerate(store.current_reports(conn), start=1):
            fields = {k: r[k] for k in store.EVENT_COLUMNS if k in r}
            batch.events.append(
                {
                    **fields,
                    "id": i,
                    "event_key": f"B{i:011d}",
                    "status": "active",
                    "n_reports": 1,
                    "n_sources": 1,
                    "sources": r["source_name"],
                }
            )
            batch.actors.extend(actor_rows(i, fields))
            for tactic in (r["tactics"] or "").split("; "):
                if tactic:
                    batch.tactics.append({"event_id": i, "tactic": tactic, "event_date": r["event_date"]})
    batch.vocab = vocabulary(batch)
    with db.engine.begin() as conn:
        run_id = store.start_fusion_run(conn, "bench")
        store.replace_fused(conn, run_id, batch, {"events": len(batch.events)})
    return len(batch.events)


def filters(rng: random.Random) -> Iterator[tuple[str, EventFilter]]:
    start = dt.date(2020, 1, 1)
    while True:
        since = start + dt.timedelta(days=rng.randrange(5 * 365 - 90))
        window = {"since": since, "until": since + dt.timedelta(days=90)}
        place = rng.choice(PLACES)
        yield from [
            ("country", EventFilter(country=[place[0]], limit=100)),
            ("country+dates", EventFilter(country=[place[0]], limit=100, **window)),
            ("admin1", EventFilter(admin1=[fold(place[1])], limit=100)),
            ("actor", EventFilter(actor=[rng.choice(ARMED)[1]], limit=100)),
            ("type", EventFilter(type=[rng.choice(KINDS)[2]], limit=100)),
            ("tactic", EventFilter(tactic=["armed drone"], limit=100)),
            ("near", EventFilter(near=(place[4], place[5], 50.0), limit=100, **window)),
            (
                "actor+country+dates",
                EventFilter(actor=[rng.choice(ARMED)[1]], country=[place[0]], limit=100, **window),
            ),
        ]


def time_queries(db: Database, count: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    times: dict[str, list[float]] = {}
    for name, f in islice(filters(rng), count):
        started = time.perf_counter()
        find_events(db, f)
        times.setdefault(name, []).append((time.perf_counter() - started) * 1000)
    every = sorted(t for ts in times.values() for t in ts)
    p95 = every[int(0.95 * (len(every) - 1))]
    per_kind = {k: round(statistics.median(v), 1) for k, v in times.items()}
    return {
        "queries": len(every),
        "p50_ms": round(statistics.median(every), 1),
        "p95_ms": round(p95, 1),
        "median_ms_by_filter": per_kind,
    }


def run(url: str, n: int, fusion_n: int, queries: int, seed: int) -> dict[str, Any]:
    out: dict[str, Any] = {"backend": url.split(":", 1)[0], "n": n, "fusion_n": fusion_n}
    fusion_db = Database(
        url + "_fusion" if url.startswith("postgresql") else url.replace(".sqlite", "_fusion.sqlite")
    )
    if fusion_n:
        fusion_db.upgrade()
        docs = documents_for(fusion_n, seed + 1)
        load(fusion_db, docs, insert_documents(fusion_db, docs))
        cpu = time.process_time()
        report = fuse(fusion_db)
        out["fusion"] = {
            "reports": report.reports,
            "events": report.events,
            "seconds": report.seconds,
            "cpu_seconds": round(time.process_time() - cpu, 1),
            **fusion_quality(fusion_db),
        }
    fusion_db.close()
    db = Database(url)
    db.upgrade()
    docs = documents_for(n, seed)
    started = time.perf_counter()
    ids = insert_documents(db, docs)
    out["documents_per_s"] = round(len(docs) / (time.perf_counter() - started))
    wall, cpu = load(db, docs, ids)
    out["load_reports_per_s"] = round(wall)
    out["load_reports_per_cpu_s"] = round(cpu)
    del docs
    started = time.perf_counter()
    out["events"] = singleton_events(db)
    out["fused_write_events_per_s"] = round(out["events"] / (time.perf_counter() - started))
    out.update(time_queries(db, queries, seed))
    db.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="events store benchmark")
    parser.add_argument("--n", type=int, default=1_000_000, help="event reports to load and query")
    parser.add_argument("--fusion-n", type=int, default=100_000, help="reports to fuse (0: skip)")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--pg", help="PostgreSQL admin URL: run there (in throw-away databases) instead of SQLite"
    )
    args = parser.parse_args()
    if args.pg:
        admin = create_engine(
            args.pg.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
        )
        name = f"harmattan_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            for db in (name, name + "_fusion"):
                conn.execute(text(f'CREATE DATABASE "{db}"'))
        base = args.pg.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
        try:
            result = run(f"{base}/{name}", args.n, args.fusion_n, args.queries, args.seed)
        finally:
            with admin.connect() as conn:
                for db in (name, name + "_fusion"):
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = run(
                f"sqlite:///{Path(tmp) / 'bench.sqlite'}", args.n, args.fusion_n, args.queries, args.seed
            )
    for key, value in result.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()

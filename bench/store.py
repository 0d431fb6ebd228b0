"""Benchmark of the events store: load rate, fusion time, filtered-query latency (SQLite and PostgreSQL).

    python bench/store.py --n 1000000 --fusion-n 100000            # SQLite in a temp folder
    python bench/store.py --n 1000000 --db postgresql://postgres@127.0.0.1:5432/harmattan_bench

- load: event reports stored with their provenance (2 evidence rows each, the processed
  marker of their document) through the path ``harmattan process`` uses, in transactions
  of ``--batch`` documents; documents are generated and inserted in chunks before each
  chunk's load, which alone is timed (wall and CPU);
- fusion: ``fuse()`` of ``--fusion-n`` reports (about 2.4 reports per occurrence), in a
  second database; then an incremental fusion after ``--fusion-new`` more reports;
- queries: ``harmattan events`` filters (country, admin1, actor, type, tactic, dates, near)
  with a page of 100 rows, over N fused events (the load's reports, one event each).
``--db postgresql://.../NAME`` creates NAME and NAME_fusion (refusing if they exist) and
drops them afterwards. Goals (issue 6): load >= 50k events/s on SQLite; p95 < 50 ms;
fusion of 100k < 60 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from synth import ARMED, KINDS, PLACES, Document, generate  # bench/ is on sys.path when run as a script

from harmattan.events.fusion import fuse, vocabulary
from harmattan.events.process import report_rows
from harmattan.events.query import EventFilter, find_events
from harmattan.regions.text import fold
from harmattan.store import bulk, reports, schema_events
from harmattan.store import events as store
from harmattan.store.database import Database, utcnow
from harmattan.store.schema import documents

VERSION = "bench-1"
CHUNK = 50_000  # documents generated, inserted and loaded at a time: memory stays flat at 1M
#: documents per load transaction
BATCH = 20_000
DOC_COLUMNS = ("id", "content_hash", "source_id", "published_at", "fetched_at", "origin", "title", "text",
               "near_dup_of")  # fmt: skip


@dataclass
class Clock:
    """Wall and CPU seconds of the timed parts only."""

    wall: float = 0.0
    cpu: float = 0.0


def chunks(n: int, seed: int, **dates: Any) -> Iterator[list[Document]]:
    """The generator's first ``n`` documents, CHUNK at a time (``dates``: its start and days)."""
    stream = islice(generate(n, seed, **dates), n)
    while chunk := list(islice(stream, CHUNK)):
        yield chunk


def insert_documents(db: Database, docs: list[Document], ids: list[int]) -> None:
    """Documents of a chunk (not timed), with syndicated copies linked like the near-dup detector does.

    ``ids`` holds the ids of every document of this generator inserted so far (extended here):
    a copy names the generator index of its original, which may sit in an earlier chunk.
    """
    with db.engine.begin() as conn:
        source_id = db.ensure_source(conn, "bench")
        now = bulk.timestamp(conn, utcnow())
        new = list(bulk.reserve_ids(conn, documents, len(docs)))
        ids.extend(new)
        rows = [
            (new[i], d.content_hash, source_id, d.published.isoformat(), now, "bench", d.key, d.text,
             ids[d.syndicated_of] if d.syndicated_of is not None else None)
            for i, d in enumerate(docs)
        ]  # fmt: skip
        bulk.insert_tuples(conn, documents, DOC_COLUMNS, rows)


def load(db: Database, docs: list[Document], ids: list[int], clock: Clock, batch: int) -> int:
    """Store every document's reports as ``harmattan process`` does (timed into ``clock``)."""
    started, cpu = time.perf_counter(), time.process_time()
    n = 0
    for start in range(0, len(docs), batch):
        with bulk.paused_gc():  # as harmattan process does: a batch is built and written with no collection
            work = []
            for doc, doc_id in zip(docs[start : start + batch], ids[start : start + batch], strict=True):
                rows, evidence = report_rows(doc_id, doc.content_hash, doc.reports, VERSION)
                work.append((doc_id, VERSION, rows, evidence))
            with db.engine.begin() as conn:
                n += reports.replace_reports(conn, work)
            del work, rows, evidence  # freed while the collector is paused: nothing left for it to walk
    clock.wall += time.perf_counter() - started
    clock.cpu += time.process_time() - cpu
    return n


def fill(db: Database, n: int, seed: int, batch: int, **dates: Any) -> tuple[int, Clock]:
    """Generate, insert and load ``n`` documents; returns reports stored and the load's clock."""
    clock, ids, stored = Clock(), [], 0
    for docs in chunks(n, seed, **dates):
        first = len(ids)
        insert_documents(db, docs, ids)
        stored += load(db, docs, ids[first:], clock, batch)
    return stored, clock


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
    """One fused event per current report, written by INSERT ... SELECT (for query timing at scale).

    Only the rows queries read: events, their actors (synth gives every actor an id, which is
    its key), tactics and the vocabulary; no members or claims. SQL rather than the fusion
    writer because a million Python rows would cost minutes the benchmark does not measure.
    """
    cols = ", ".join(f for f in reports.REPORT_FIELDS if f not in ("pipeline_version", "extras"))
    picked = ", ".join(f"r.{c}" for c in cols.split(", "))
    with db.engine.begin() as conn:
        run_id = store.start_fusion_run(conn, "bench")
        sql = (
            f"INSERT INTO events (id, event_key, status, {cols}, n_reports, n_sources, sources, corrected, "
            f"fusion_run_id) SELECT r.id, 'B' || CAST(r.id AS VARCHAR(20)), 'active', {picked}, 1, 1, "
            "s.name, :no, :run FROM event_reports r "
            "JOIN processed_documents p ON p.document_id = r.document_id "
            "AND p.pipeline_version = r.pipeline_version AND p.is_current = :yes "
            "JOIN documents d ON d.id = r.document_id LEFT JOIN sources s ON s.id = d.source_id"
        )
        conn.execute(text(sql), {"no": False, "yes": True, "run": run_id})
        for role, other in (("actor1", None), ("actor2", "actor1")):
            distinct = f" AND ({other}_id IS NULL OR {other}_id <> {role}_id)" if other else ""
            conn.execute(
                text(
                    "INSERT INTO event_actors (event_id, role, actor, actor_key, actor_id, event_date) "
                    f"SELECT id, '{role}', {role}, {role}_id, {role}_id, event_date FROM events "
                    f"WHERE {role} IS NOT NULL AND {role}_id IS NOT NULL{distinct}"
                )
            )
        combos = [str(r[0]) for r in conn.execute(text("SELECT DISTINCT tactics FROM events")) if r[0]]
        for combo in combos:
            for tactic in combo.split("; "):
                conn.execute(
                    text(
                        "INSERT INTO event_tactics (event_id, tactic, event_date) "
                        "SELECT id, :tactic, event_date FROM events WHERE tactics = :combo"
                    ),
                    {"tactic": tactic, "combo": combo},
                )
        seen = store.FusedBatch()
        for kind in ("admin1", "event_type", "sub_event_type"):
            for (value,) in conn.execute(text(f"SELECT DISTINCT {kind} FROM events")):
                seen.events.append({kind: value})
        for key, name in conn.execute(text("SELECT DISTINCT actor_key, actor FROM event_actors")):
            seen.actors.append({"actor_key": key, "actor": name})
        for (tactic,) in conn.execute(text("SELECT DISTINCT tactic FROM event_tactics")):
            seen.tactics.append({"tactic": tactic})
        store.insert_fused(conn, store.FusedBatch(vocab=vocabulary(seen)))
        n = int(conn.scalar(text("SELECT COUNT(*) FROM events")) or 0)
        store.finish_fusion_run(conn, run_id, {"events": n})
        # As a full fusion does (and autovacuum would, a minute later).
        bulk.refresh_statistics(conn, [schema_events.events, schema_events.event_actors,
                                       schema_events.event_tactics, schema_events.event_vocab])  # fmt: skip
    return n


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


def run(url: str, fusion_url: str, args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {"backend": url.split(":", 1)[0], "n": args.n, "fusion_n": args.fusion_n}
    if args.fusion_n:
        out["fusion"] = run_fusion(Database(fusion_url), args)
    db = Database(url)
    db.upgrade()
    started, cpu = time.perf_counter(), time.process_time()
    stored, clock = fill(db, args.n, args.seed, args.batch)
    out["reports_loaded"] = stored
    out["load_reports_per_s"] = round(stored / clock.wall)
    out["load_reports_per_cpu_s"] = round(stored / clock.cpu)
    out["load_seconds"] = {"wall": round(clock.wall, 1), "cpu": round(clock.cpu, 1)}
    out["generate_insert_load_seconds"] = _since(started, cpu)
    started, cpu = time.perf_counter(), time.process_time()
    out["events"] = singleton_events(db)
    out["singleton_events_seconds"] = _since(started, cpu)
    out.update(time_queries(db, args.queries, args.seed))
    db.close()
    return out


def run_fusion(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    """Full fusion of ``--fusion-n`` reports, then the incremental one after ``--fusion-new`` more."""
    db.upgrade()
    fill(db, args.fusion_n, args.seed + 1, args.batch)
    cpu = time.process_time()
    report = fuse(db)
    out: dict[str, Any] = {
        "reports": report.reports,
        "events": report.events,
        "seconds": report.seconds,
        "cpu_seconds": round(time.process_time() - cpu, 1),
        **fusion_quality(db),
    }
    if args.fusion_new:  # the news of the last week of the five years
        fill(db, args.fusion_new, args.seed + 2, args.batch, start=dt.date(2024, 12, 22), days=7)
        cpu = time.process_time()
        again = fuse(db)
        out["incremental"] = {
            "new_reports": args.fusion_new,
            "incremental": again.incremental,
            "placed_again": again.replayed,
            "events": again.events,
            "seconds": again.seconds,
            "cpu_seconds": round(time.process_time() - cpu, 1),
        }
    db.close()
    return out


def _since(started: float, cpu: float) -> dict[str, float]:
    return {"wall": round(time.perf_counter() - started, 1), "cpu": round(time.process_time() - cpu, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description="events store benchmark")
    parser.add_argument("--n", type=int, default=1_000_000, help="event reports to load and query")
    parser.add_argument("--fusion-n", type=int, default=100_000, help="reports to fuse (0: skip)")
    parser.add_argument("--fusion-new", type=int, default=1_000, help="reports added for incremental fusion")
    parser.add_argument("--batch", type=int, default=BATCH, help="documents per load transaction")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--db", help="postgresql://USER@HOST:PORT/NAME: run there in databases NAME and NAME_fusion, "
        "created and dropped here (default: SQLite in a temporary folder)"
    )  # fmt: skip
    args = parser.parse_args()
    started, cpu = time.perf_counter(), time.process_time()
    if args.db:
        result = run_postgresql(args.db, args)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = run(
                f"sqlite:///{Path(tmp) / 'bench.sqlite'}", f"sqlite:///{Path(tmp) / 'fusion.sqlite'}", args
            )
    result["total_seconds"] = _since(started, cpu)
    for key, value in result.items():
        print(f"{key}: {value}")


def run_postgresql(url: str, args: argparse.Namespace) -> dict[str, Any]:
    url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    base, name = url.rsplit("/", 1)
    if not name:
        raise SystemExit("--db wants a database name: postgresql://USER@HOST:PORT/NAME")
    admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    names = (name, name + "_fusion")
    with admin.connect() as conn:
        taken = [
            n for n in names if conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": n})
        ]
        if taken:
            raise SystemExit(f"database {', '.join(taken)} already exists: not touching it")
        for db in names:
            conn.execute(text(f'CREATE DATABASE "{db}"'))
    try:
        return run(f"{base}/{name}", f"{base}/{name}_fusion", args)
    finally:
        with admin.connect() as conn:
            for db in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()

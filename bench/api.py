"""Benchmark of the REST API: a database of N synthetic events, a real server, bounded loopback load.

    python bench/api.py                      # 1,000,000 events (SQLite in a temp folder)
    python bench/api.py --n 100000 --keep var/bench-api.sqlite   # build once, reuse on the next run

The database is built with the events store benchmark's path (``bench/store.py``: synthetic
reports over real Sahel places and actors, stored as ``harmattan process`` stores them, one
fused event each). The server is ``uvicorn`` in its own process (one worker, like
``harmattan serve``); ``--clients`` threads send requests back to back (at most that many in
flight: bounded load) and every latency is measured at the client. Printed: p50/p95/p99 and
requests per second per endpoint. Goals (issue 9): p95 < 50 ms for event lists, < 150 ms for
aggregates.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import httpx
from synth import ARMED, KINDS, PLACES

from harmattan.store.database import Database
from store import documents_for, insert_documents, load, singleton_events  # bench/ is on sys.path

ROOT = Path(__file__).resolve().parent.parent
Request = Callable[[random.Random], str]


def build(path: Path, n: int, seed: int) -> None:
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    started = time.perf_counter()
    docs = documents_for(n, seed)
    load(db, docs, insert_documents(db, docs))
    del docs
    events = singleton_events(db)
    db.close()
    print(f"built {events:,} events in {time.perf_counter() - started:.0f} s ({path})", flush=True)


def requests(keys: list[str]) -> dict[str, tuple[str, Request]]:
    """Endpoint name -> (kind, function drawing one request path)."""

    def events(**params: str) -> str:
        return "/api/events?" + urlencode({"limit": "100", **params})

    def window(rng: random.Random) -> dict[str, str]:
        year = rng.randrange(2020, 2025)
        month = rng.randrange(1, 12)
        return {"since": f"{year}-{month:02d}-01", "until": f"{year}-{month + 1:02d}-01"}

    return {
        "events (first page)": ("list", lambda rng: events()),
        "events country+month": ("list", lambda rng: events(country=rng.choice(PLACES)[0], **window(rng))),
        "events admin1": ("list", lambda rng: events(admin1=rng.choice(PLACES)[1])),
        "events actor": ("list", lambda rng: events(actor=rng.choice(ARMED)[1])),
        "events type+month": ("list", lambda rng: events(type=rng.choice(KINDS)[2], **window(rng))),
        "events tactic": ("list", lambda rng: events(tactic="armed drone")),
        "event detail": ("list", lambda rng: f"/api/events/{rng.choice(keys)}"),
        "summary admin1+month": ("aggregate", lambda rng: "/api/events/summary?"
                                 + urlencode({"admin1": rng.choice(PLACES)[1], **window(rng)})),
        "summary country": ("aggregate", lambda rng: "/api/events/summary?country=" + rng.choice(PLACES)[0]),
        "actors country+month": ("aggregate", lambda rng: "/api/actors?"
                                 + urlencode({"country": rng.choice(PLACES)[0], **window(rng)})),
    }  # fmt: skip


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(path: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HARMATTAN_DB": str(path), "HARMATTAN_PUBLIC": "1"}
    command = [sys.executable, "-m", "uvicorn", "--factory", "harmattan.views.api.app:app_factory",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]  # fmt: skip
    proc = subprocess.Popen(command, env=env)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def hammer(base: str, draw: Request, total: int, clients: int, seed: int) -> tuple[list[float], float]:
    """``total`` requests from ``clients`` threads, each waiting for its answer before the next."""
    times: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    per_client = max(1, total // clients)

    def worker(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(per_client):
                path = draw(rng)
                started = time.perf_counter()
                response = client.get(path)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    failures.append(f"{path}: HTTP {response.status_code} {response.text[:200]}")
                    return
                with lock:
                    times.append(elapsed)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise SystemExit(failures[0])
    return times, len(times) / (time.perf_counter() - started)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description="REST API benchmark")
    parser.add_argument("--n", type=int, default=1_000_000, help="events in the database")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--clients", type=int, default=2, help="concurrent clients (bounded load)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="SQLite file to build once and reuse")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "api.sqlite"
        if not path.exists():
            build(path, args.n, args.seed)
        db = Database(f"sqlite:///{path}")
        with db.engine.connect() as conn:
            sample = "SELECT event_key FROM events ORDER BY random() LIMIT 2000"
            keys = [r[0] for r in conn.exec_driver_sql(sample)]
            count = conn.exec_driver_sql("SELECT count(*) FROM events").scalar()
        db.close()
        port = _port()
        proc = serve(path, port)
        base = f"http://127.0.0.1:{port}"
        print(f"{count:,} events; {args.clients} clients; {args.requests} requests per endpoint")
        print(f"{'endpoint':<24} {'kind':<9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>7}  goal")
        try:
            for name, (kind, draw) in requests(keys).items():
                hammer(base, draw, args.clients * 2, args.clients, args.seed + 99)  # warm caches
                times, rate = hammer(base, draw, args.requests, args.clients, args.seed)
                goal = 50 if kind == "list" else 150
                p95 = percentile(times, 0.95)
                print(f"{name:<24} {kind:<9} {statistics.median(times):>8.1f} {p95:>8.1f} "
                      f"{percentile(times, 0.99):>8.1f} {rate:>7.1f}  {'ok' if p95 < goal else 'MISSED'} "
                      f"(p95 < {goal})", flush=True)  # fmt: skip
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()

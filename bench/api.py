"""Benchmark of the REST API: a database of N synthetic events, a real server, bounded loopback load.

    python bench/api.py                      # 1,000,000 events (SQLite in a temp folder)
    python bench/api.py --keep var/bench-api-1m.sqlite       # build once (about 5 min), reuse after
    python bench/api.py --n 100000 --keep var/bench-api-100k.sqlite --clients 1,4 --requests 200

The database is built with the events store benchmark's path (``bench/store.py``: synthetic
reports over real Sahel places and actors, stored as ``harmattan process`` stores them, one
fused event each). The server is ``uvicorn`` in its own process (one worker, like
``harmattan serve``). Load is bounded: for each concurrency level (``--clients``, default 1
and 4) that many client threads each send a request, wait for its answer, then send the next,
``--requests`` in all per endpoint (never more than ``clients`` in flight; a run also stops
after ``--max-seconds``). Every endpoint is warmed first, so none pays for a cold start.
Latency is measured at the client; the server's CPU seconds are read from its process
(``psutil``), so CPU ms per request is a figure that a busy machine barely moves.
Printed: p50/p95/p99, requests per second and server CPU per endpoint and level. Goals
(issue 9): p95 < 50 ms for event lists, < 150 ms for aggregates.
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
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import psutil
from synth import ARMED, KINDS, PLACES

from harmattan.store.database import Database
from store import BATCH, fill, singleton_events  # bench/ is on sys.path

ROOT = Path(__file__).resolve().parent.parent
Request = Callable[[random.Random], str]


def build(path: Path, n: int, seed: int) -> None:
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    started = time.perf_counter()
    fill(db, n, seed, BATCH)
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


@dataclass
class Run:
    """One endpoint at one concurrency level: client-side latencies and the server's CPU."""

    times: list[float]
    wall_s: float
    server_cpu_s: float

    def p(self, q: float) -> float:
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def rate(self) -> float:
        return len(self.times) / self.wall_s

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.server_cpu_s / max(1, len(self.times))


def server_cpu(server: psutil.Process) -> float:
    t = server.cpu_times()
    return float(t.user + t.system)


def hammer(base: str, draw: Request, total: int, clients: int, seed: int, server: psutil.Process,
           max_seconds: float = 60.0) -> Run:  # fmt: skip
    """``total`` requests from ``clients`` threads, each waiting for its answer before the next.

    Bounded twice: at most ``clients`` requests in flight, and no new request after
    ``max_seconds`` (the load stops by itself however slow the server is).
    """
    times: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    per_client = max(1, total // clients)
    deadline = time.perf_counter() + max_seconds

    def worker(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(per_client):
                if time.perf_counter() > deadline:
                    return
                path = draw(rng)
                started = time.perf_counter()
                response = client.get(path)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    failures.append(f"{path}: HTTP {response.status_code} {response.text[:200]}")
                    return
                with lock:
                    times.append(elapsed)

    cpu, started = server_cpu(server), time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise SystemExit(failures[0])
    return Run(times, time.perf_counter() - started, server_cpu(server) - cpu)


def sample_keys(path: Path) -> tuple[list[str], int]:
    db = Database(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        sample = "SELECT event_key FROM events ORDER BY random() LIMIT 2000"
        keys = [r[0] for r in conn.exec_driver_sql(sample)]
        count = int(conn.exec_driver_sql("SELECT count(*) FROM events").scalar() or 0)
    db.close()
    return keys, count


def main() -> None:
    parser = argparse.ArgumentParser(description="REST API benchmark")
    parser.add_argument("--n", type=int, default=1_000_000, help="events in the database")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint and level")
    parser.add_argument("--clients", default="1,4", help="concurrency levels (bounded load), e.g. 1,4")
    parser.add_argument("--warmup", type=int, default=10, help="untimed requests per endpoint first")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="time cap of one endpoint's run")
    parser.add_argument("--only", help="only endpoints whose name contains this")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="SQLite file to build once and reuse")
    args = parser.parse_args()
    levels = [int(c) for c in args.clients.split(",")]
    started, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "api.sqlite"
        if not path.exists():
            build(path, args.n, args.seed)
        keys, count = sample_keys(path)
        endpoints = {k: v for k, v in requests(keys).items() if not args.only or args.only in k}
        port = _port()
        proc = serve(path, port)
        server = psutil.Process(proc.pid)
        base = f"http://127.0.0.1:{port}"
        print(f"{count:,} events; clients {levels}; {args.requests} requests per endpoint and level")
        print(f"{'endpoint':<24} {'kind':<9} {'clients':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'req/s':>7} {'srv CPU s':>9} {'CPU ms/req':>10}  goal")  # fmt: skip
        try:
            for _kind, draw in endpoints.values():  # every endpoint warm before any is timed
                hammer(base, draw, args.warmup, 1, args.seed + 99, server)
            total_cpu = server_cpu(server)
            for clients in levels:
                for name, (kind, draw) in endpoints.items():
                    run = hammer(base, draw, args.requests, clients, args.seed, server, args.max_seconds)
                    report(name, kind, clients, run)
            total_cpu = server_cpu(server) - total_cpu
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"timed runs: server CPU {total_cpu:.1f} s; bench wall {time.perf_counter() - started:.0f} s, "
          f"bench process CPU {time.process_time() - cpu:.1f} s (clients and build)")  # fmt: skip


def report(name: str, kind: str, clients: int, run: Run) -> None:
    goal = 50 if kind == "list" else 150
    p95 = run.p(0.95)
    print(f"{name:<24} {kind:<9} {clients:>7} {statistics.median(run.times):>8.1f} {p95:>8.1f} "
          f"{run.p(0.99):>8.1f} {run.rate:>7.1f} {run.server_cpu_s:>9.2f} {run.cpu_ms:>10.2f}  "
          f"{'ok' if p95 < goal else 'MISSED'} (p95 < {goal})", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()

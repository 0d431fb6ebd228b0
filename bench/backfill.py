"""Backfill throughput: articles/s with 1 and 2 workers, and their ratio (goal: >= 1.7).

    python bench/backfill.py [--documents 600] [--workers 1 2] [--repeat 3] [--scheduler local|dask]

Builds an archive of distinct articles from the bundled sample (each sample article
with a numbered dateline, so every text is a new document), ingests it into a fresh
SQLite database per run, and times the backfill (no fusion): ingest (language
identification on the workers, storing here) and extraction (on the workers, storing here).
Each run is a fresh interpreter (no run inherits another's warm caches); runs are
interleaved and the median is reported.
Figures depend on the machine and on what else runs on it: run it on an idle one.
Articles per CPU-second (this process and its workers) shows the cost of parallelism
itself, independently of how many idle cores the machine happened to have.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from harmattan.runners.backfill import backfill  # noqa: E402
from harmattan.runners.tasks import warm_worker  # noqa: E402
from harmattan.settings import Settings  # noqa: E402
from harmattan.store.database import Database  # noqa: E402

PLACES = ("Gao", "Ménaka", "Djibo", "Tillabéri", "Mopti", "Kaya", "Dori", "Ansongo")


def build_archive(folder: Path, count: int) -> None:
    sources = sorted(p for p in (ROOT / "samples" / "news").glob("*") if p.suffix in (".txt", ".md"))
    lines = []
    for n in range(count):
        text = sources[n % len(sources)].read_text(encoding="utf-8")
        dateline = f"{PLACES[n % len(PLACES)].upper()}, dépêche n° {n + 1}."
        lines.append(json.dumps({"text": f"{dateline}\n\n{text}", "url": f"https://bench.example/{n}"}))
    (folder / "archive.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def cpu_seconds() -> tuple[float, float]:
    """CPU time of this process, and of its finished children (the workers, once the pool is shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def run(workers: int, archive: Path, scheduler: str) -> dict[str, float]:
    home = Path(tempfile.mkdtemp(prefix=f"bench-{workers}-"))
    try:
        settings = Settings(home=home, db=f"sqlite:///{home / 'bench.sqlite'}", keep_originals=False)
        db = Database(settings.database_url)
        db.upgrade()
        # Loaded before timing, as backfill does before starting its workers (its setup phase).
        warm_worker()
        own, children = cpu_seconds()
        report = backfill(db, settings, [archive], workers=workers, scheduler=scheduler, fusion=False)
        own, children = cpu_seconds()[0] - own, cpu_seconds()[1] - children
        cpu = own + children
        db.close()
        done = report.documents + len(report.errors)
        timings = {"setup_s": report.setup_s, "ingest_s": report.ingest_s, "extract_s": report.extract_s,
                   "parent_cpu_s": own, "workers_cpu_s": children}  # fmt: skip
        clock = report.clock
        phases = {f"wall {name}": seconds for name, seconds in clock.wall.items()}
        phases |= {f"cpu {name}": seconds for name, seconds in clock.cpu.items()}
        phases |= {f"worker cpu {name}": seconds for name, seconds in clock.worker_cpu.items()}
        speeds = {
            "articles_per_s": report.articles_per_s,
            "ingest_per_s": done / report.ingest_s if report.ingest_s else 0.0,
            "overall_per_s": done / (report.ingest_s + report.extract_s),
            "articles_per_cpu_s": done / cpu if cpu else 0.0,
        }
        return {"workers": workers, "documents": done, **timings, **speeds, **phases}
    finally:
        shutil.rmtree(home, ignore_errors=True)


def spin(_: int) -> int:
    total = 0
    for i in range(300_000):
        total += i * i % 7
    return total


def control_ratio(workers: int) -> float:
    """Speed-up of a pure CPU loop on ``workers`` processes: what the machine itself allows right now."""
    from harmattan.runners.pool import InlineRunner, LocalRunner

    speeds = []
    for runner in (InlineRunner(), LocalRunner(workers)):
        started = time.perf_counter()
        list(runner.imap(spin, range(40)))
        speeds.append(40 / (time.perf_counter() - started))
        runner.close()
    return speeds[1] / speeds[0]


def measure(workers: int, archive: Path, scheduler: str) -> dict[str, float]:
    """One configuration in a fresh interpreter, so that no run inherits another's warm caches."""
    command = [sys.executable, __file__, "--single", str(workers), "--archive", str(archive),
               "--scheduler", scheduler]  # fmt: skip
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=600)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3, help="Runs per configuration (median reported).")
    parser.add_argument("--scheduler", default="local", choices=("local", "dask"))
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--archive", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:
        print(json.dumps(run(args.single, args.archive, args.scheduler)))
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    try:
        build_archive(folder, args.documents)
        print(f"{args.documents} articles, scheduler {args.scheduler}, {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
        runs: dict[int, list[dict[str, float]]] = {w: [] for w in args.workers}
        for _ in range(args.repeat):  # interleaved, so a burst of load elsewhere hits every configuration
            for workers in args.workers:
                runs[workers].append(measure(workers, folder / "archive.jsonl", args.scheduler))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    results = [statistics_median(runs[w]) for w in args.workers]
    for r in results:
        print(
            f"workers={r['workers']:.0f}: extraction {r['articles_per_s']:.1f} articles/s "
            f"({r['extract_s']:.1f}s for {r['documents']:.0f}); ingest {r['ingest_per_s']:.1f} articles/s "
            f"({r['ingest_s']:.1f}s); end to end {r['overall_per_s']:.1f} articles/s; "
            f"{r['articles_per_cpu_s']:.1f} articles per CPU-second (median of {args.repeat})"
        )
        print_phases(r)
    if len(results) >= 2 and results[0]["articles_per_s"] > 0:
        pair = f"{results[1]['workers']:.0f}/{results[0]['workers']:.0f}"
        for key, name in (("articles_per_s", "extraction"), ("overall_per_s", "end to end")):
            ratio = results[1][key] / results[0][key]
            print(f"ratio {pair} workers, {name}: {ratio:.2f} (goal >= 1.7)")
        control = control_ratio(int(results[1]["workers"]))
        print(f"control, a pure CPU loop, {pair} processes: {control:.2f}x on this machine now")
        print(
            "(a control far below the worker count means no idle cores: the ratios then measure the machine)"
        )
    print(f"measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


PHASES = ("setup", "ingest", "ingest wait", "read", "wait", "store")


def print_phases(r: dict[str, float]) -> None:
    """Where one run's time went: this process's phases, wall and CPU, and the workers' CPU."""
    mine = ", ".join(
        f"{name} {r.get('wall ' + name, 0.0):.2f}/{r.get('cpu ' + name, 0.0):.2f}" for name in PHASES
    )
    print(f"  this process, wall/CPU s per phase: {mine}")
    prefix = "worker cpu "
    tasks = ", ".join(f"{key[len(prefix) :]} {r[key]:.2f}" for key in r if key.startswith(prefix))
    print(
        f"  CPU s: this process {r['parent_cpu_s']:.2f}, worker processes {r['workers_cpu_s']:.2f} "
        f"(inside tasks: {tasks or 'none, the work ran in this process'})"
    )


def statistics_median(runs: list[dict[str, float]]) -> dict[str, float]:
    ordered = sorted(runs, key=lambda r: r["articles_per_s"])
    return ordered[len(ordered) // 2]


if __name__ == "__main__":
    main()

"""Backfill throughput: articles/s with 1 and 2 workers, and their ratio (goal: >= 1.7).

    python bench/backfill.py [--documents 600] [--workers 1 2] [--repeat 3] [--scheduler local|dask]
                             [--layout jsonl files]

Builds an archive of distinct articles from the bundled sample (each sample article
with a numbered dateline, so every text is a new document) in two layouts: one JSON Lines
file, and a folder of one-article .txt files (the two ways archives come). It ingests it
into a fresh SQLite database per run and times the backfill (no fusion): ingest (reading
and storing here, normalising, hashing, language and near-duplicate signatures on the
workers) and extraction (on the workers, storing here). Each run is a fresh interpreter
(no run inherits another's warm caches); runs are interleaved and medians are reported.
Each run also prints where its time went: this process's phases (wall/CPU seconds; "wait"
is this process idle, waiting for workers) and the CPU seconds of the worker processes.
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
import statistics
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


def articles(count: int) -> list[str]:
    sources = sorted(p for p in (ROOT / "samples" / "news").glob("*") if p.suffix in (".txt", ".md"))
    texts = []
    for n in range(count):
        text = sources[n % len(sources)].read_text(encoding="utf-8")
        dateline = f"{PLACES[n % len(PLACES)].upper()}, dépêche n° {n + 1}."
        texts.append(f"{dateline}\n\n{text}")
    return texts


def build_archive(folder: Path, count: int, layout: str = "jsonl") -> Path:
    """The archive to backfill: one JSON Lines file, or a folder of one-article files."""
    texts = articles(count)
    if layout == "files":
        target = folder / "files"
        target.mkdir()
        for n, text in enumerate(texts):
            (target / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        return target
    lines = [json.dumps({"text": text, "url": f"https://bench.example/{n}"}) for n, text in enumerate(texts)]
    (folder / "archive.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "archive.jsonl"


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
    parser.add_argument("--layout", nargs="+", default=["jsonl", "files"], choices=("jsonl", "files"))
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--archive", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:
        print(json.dumps(run(args.single, args.archive, args.scheduler)))
        return
    print(f"{args.documents} articles, scheduler {args.scheduler}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    folder = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    try:
        archives = {layout: build_archive(folder, args.documents, layout) for layout in args.layout}
        runs: dict[tuple[str, int], list[dict[str, float]]] = {}
        controls = []
        for _ in range(args.repeat):  # interleaved, so a burst of load elsewhere hits every configuration
            for layout, archive in archives.items():
                for workers in args.workers:
                    result = measure(workers, archive, args.scheduler)
                    runs.setdefault((layout, workers), []).append(result)
            if len(args.workers) >= 2:
                controls.append(control_ratio(args.workers[1]))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for layout in args.layout:
        report(layout, [runs[layout, w] for w in args.workers], args.repeat)
    if controls:
        print(
            f"control, a pure CPU loop, {args.workers[1]}/1 processes, between the runs: "
            f"{statistics.median(controls):.2f}x (median; {', '.join(f'{c:.2f}' for c in controls)})"
        )
        print(
            "(a control far below the worker count means no idle cores: the ratios then measure the machine)"
        )
    print(f"measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


def report(layout: str, configurations: list[list[dict[str, float]]], repeat: int) -> None:
    """Medians per configuration (each figure on its own), the phases of its median run, and the ratios."""
    print(f"\n{layout}:")
    results = []
    for runs in configurations:
        median = {key: statistics.median(r[key] for r in runs) for key in SPEEDS}
        typical = sorted(runs, key=lambda r: r["overall_per_s"])[len(runs) // 2]
        results.append(median)
        print(
            f"workers={typical['workers']:.0f}: extraction {median['articles_per_s']:.1f} articles/s; "
            f"ingest {median['ingest_per_s']:.1f} articles/s; end to end {median['overall_per_s']:.1f} "
            f"articles/s; {median['articles_per_cpu_s']:.1f} articles per CPU-second (medians of {repeat}); "
            f"median run: ingest {typical['ingest_s']:.2f}s, extraction {typical['extract_s']:.2f}s"
        )
        print_phases(typical)
    if len(results) >= 2 and results[0]["articles_per_s"] > 0:
        pair = f"{configurations[1][0]['workers']:.0f}/{configurations[0][0]['workers']:.0f}"
        for key, name in (
            ("articles_per_s", "extraction"),
            ("ingest_per_s", "ingest"),
            ("overall_per_s", "end to end"),
        ):
            print(f"ratio {pair} workers, {name}: {results[1][key] / results[0][key]:.2f} (goal >= 1.7)")


SPEEDS = ("articles_per_s", "ingest_per_s", "overall_per_s", "articles_per_cpu_s")
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


if __name__ == "__main__":
    main()

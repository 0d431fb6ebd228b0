"""Backfill throughput: articles/s with 1 and 2 workers, and their ratio (goal: >= 1.7).

    python bench/backfill.py [--documents 240] [--workers 1 2] [--scheduler local|dask]

Builds an archive of distinct articles from the bundled sample (each sample article
with a numbered dateline, so every text is a new document), ingests it into a fresh
SQLite database per run, then times the extraction stage (extract on the workers,
store, no fusion) - the part that runs in parallel. Ingest time is printed too.
Figures depend on the machine and on what else runs on it: run it on an idle one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from harmattan.runners.backfill import backfill  # noqa: E402
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


def run(workers: int, archive: Path, scheduler: str) -> dict[str, float]:
    home = Path(tempfile.mkdtemp(prefix=f"bench-{workers}-"))
    try:
        settings = Settings(home=home, db=f"sqlite:///{home / 'bench.sqlite'}", keep_originals=False)
        db = Database(settings.database_url)
        db.upgrade()
        report = backfill(db, settings, [archive], workers=workers, scheduler=scheduler, fusion=False)
        db.close()
        done = report.documents + len(report.errors)
        return {"workers": workers, "documents": done, "ingest_s": report.ingest_s,
                "extract_s": report.extract_s, "articles_per_s": report.articles_per_s}  # fmt: skip
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=240)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--scheduler", default="local", choices=("local", "dask"))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    try:
        build_archive(folder, args.documents)
        print(f"{args.documents} articles, scheduler {args.scheduler}, {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
        results = [run(w, folder, args.scheduler) for w in args.workers]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for r in results:
        timing = f"extract {r['extract_s']:.1f}s for {r['documents']:.0f}; ingest {r['ingest_s']:.1f}s"
        print(f"workers={r['workers']:.0f}: {r['articles_per_s']:.2f} articles/s ({timing})")
    if len(results) >= 2 and results[0]["articles_per_s"] > 0:
        ratio = results[1]["articles_per_s"] / results[0]["articles_per_s"]
        pair = f"{results[1]['workers']:.0f}/{results[0]['workers']:.0f}"
        print(f"ratio {pair} workers: {ratio:.2f} (goal >= 1.7)")
    print(f"measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Extraction speed and memory: articles/s, sentences/s, peak RSS per worker, vs a bare spaCy tokenizer.

Builds ~600-word articles (deterministic seed) by concatenating paragraphs of the bundled sample
news (``samples/news/*.txt|md``, English and French, one language per article), runs the extractor
over them with ``--workers 1`` and ``2`` (one process per worker; each worker builds its extractor
and warms up on one article before the clock starts), and prints the figures. The baseline is
``spacy.blank("en")``'s tokenizer over the same articles in one process.

Besides wall-clock rates it prints each worker's CPU milliseconds per article (``time.process_time``
over the timed loop): on a shared, loaded machine wall time also counts other processes' turns on the
cores, so compare before/after changes by CPU time.

    python bench/extract.py                 # default: 600 articles, workers 1 and 2 (< 60 s on 2 cores)
    python bench/extract.py --articles 1000 --workers 1 2 --json
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import multiprocessing as mp
import random
import re
import resource
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SENTENCE_END = re.compile(r"[.!?…]+[\"»”’)]*\s+|\n{2,}")
PUBLISHED = dt.date(2024, 6, 1)


def paragraphs(folder: Path) -> dict[str, list[str]]:
    """Paragraphs of the sample news by language (file names end in _en / _fr)."""
    by_lang: dict[str, list[str]] = {"en": [], "fr": []}
    for path in sorted([*folder.glob("*.txt"), *folder.glob("*.md")]):
        lang = path.stem.rsplit("_", 1)[-1]
        if lang not in by_lang:
            continue
        body = path.read_text(encoding="utf-8").split("\n", 2)[-1]  # drop title and date lines
        for para in re.split(r"\n\s*\n", body):
            # Skip the sample's attribution lines ("Source : ..."): they are not news prose.
            if len(para.split()) >= 12 and not para.lstrip().startswith("Source"):
                by_lang[lang].append(" ".join(para.split()))
    return by_lang


def build_articles(count: int, words: int, seed: int, folder: Path) -> list[tuple[str, str]]:
    """``count`` (language, text) articles of about ``words`` words each, alternating en/fr."""
    rng = random.Random(seed)
    pool = paragraphs(folder)
    langs = [lang for lang in ("en", "fr") if pool[lang]]
    if not langs:
        raise SystemExit(f"no sample paragraphs under {folder}")
    articles = []
    for index in range(count):
        lang = langs[index % len(langs)]
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(rng.choice(pool[lang]))
        articles.append((lang, "\n\n".join(parts)))
    return articles


def count_sentences(text: str) -> int:
    return len([s for s in SENTENCE_END.split(text) if s.strip()])


def load_factory(spec: str) -> Any:
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr or "Extractor")


def _worker(spec: str, articles: list[tuple[str, str]], barrier: Any, out: Any) -> None:
    try:
        extractor = load_factory(spec)()
        if articles:
            extractor.extract(articles[0][1], published=PUBLISHED, lang="auto")  # warm-up: lazy loads
    except BaseException:
        # Break the barrier so the parent stops waiting, and say why.
        out.put(("error", traceback.format_exc()))
        barrier.abort()
        return
    barrier.wait()
    events = 0
    # CPU time of this process only: on a shared, loaded machine it is the figure that compares
    # before/after (wall time also counts the other processes' turns on the cores).
    cpu_start = time.process_time()
    try:
        for _, text in articles:
            events += len(extractor.extract(text, published=PUBLISHED, lang="auto"))
    except BaseException:
        out.put(("error", traceback.format_exc()))
        return
    cpu_ms = (time.process_time() - cpu_start) * 1000 / max(1, len(articles))
    out.put((events, (peak_rss_mb(), cpu_ms)))


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would carry the parent's peak over exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_extractor(spec: str, articles: list[tuple[str, str]], workers: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")  # a fresh interpreter per worker: its RSS is its own
    barrier, out = ctx.Barrier(workers + 1), ctx.Queue()
    slices = [articles[i::workers] for i in range(workers)]
    procs = [ctx.Process(target=_worker, args=(spec, part, barrier, out)) for part in slices]
    load_start = time.perf_counter()
    for proc in procs:
        proc.start()
    try:
        barrier.wait(timeout=600)
    except threading.BrokenBarrierError:
        for proc in procs:
            proc.terminate()
        reason = out.get(timeout=5)[1] if not out.empty() else "a worker did not start in 600 s"
        raise SystemExit(f"extractor {spec!r} failed to start:\n{reason}") from None
    start = time.perf_counter()
    results = [out.get(timeout=3600) for _ in procs]
    seconds = time.perf_counter() - start
    for proc in procs:
        proc.join()
    failed = [detail for status, detail in results if status == "error"]
    if failed:
        raise SystemExit(f"extractor {spec!r} failed during the run:\n{failed[0]}")
    sentences = sum(count_sentences(text) for _, text in articles)
    return {
        "workers": workers,
        "articles": len(articles),
        "seconds": round(seconds, 3),
        "startup_and_warmup_s": round(start - load_start, 3),
        "articles_per_s": round(len(articles) / seconds, 1),
        "sentences_per_s": round(sentences / seconds, 1),
        "events": sum(events for events, _ in results),
        "peak_rss_mb_per_worker": [round(rss, 1) for _, (rss, _) in results],
        "cpu_ms_per_article_per_worker": [round(cpu, 2) for _, (_, cpu) in results],
    }


def run_tokenizer(articles: list[tuple[str, str]]) -> dict[str, Any]:
    import spacy

    nlp = spacy.blank("en")
    nlp.tokenizer(articles[0][1])  # warm-up, as for the extractor
    start, cpu_start = time.perf_counter(), time.process_time()
    tokens = sum(len(nlp.tokenizer(text)) for _, text in articles)
    seconds = time.perf_counter() - start
    cpu_ms = (time.process_time() - cpu_start) * 1000 / len(articles)
    rate = round(len(articles) / seconds, 1)
    return {
        "seconds": round(seconds, 3),
        "articles_per_s": rate,
        "tokens": tokens,
        "cpu_ms_per_article": round(cpu_ms, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=600, help="articles per run (default 600)")
    parser.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--samples", type=Path, default=ROOT / "samples" / "news")
    parser.add_argument("--extractor", default="harmattan.extraction:Extractor", help="module:callable")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    articles = build_articles(args.articles, args.words, args.seed, args.samples)
    words = sum(len(text.split()) for _, text in articles) / len(articles)
    baseline = run_tokenizer(articles)
    runs = [run_extractor(args.extractor, articles, n) for n in args.workers]
    for run in runs:
        # How many times slower than one bare tokenizer pass over the same text (wall clock).
        run["times_tokenizer"] = round(baseline["articles_per_s"] / run["articles_per_s"], 2)
    result = {"mean_words": round(words, 1), "tokenizer": baseline, "runs": runs, "extractor": args.extractor}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{len(articles)} articles, {words:.0f} words on average, seed {args.seed}, {args.extractor}")
    print(
        f"spaCy blank('en') tokenizer, 1 process: {baseline['articles_per_s']} articles/s, "
        f"CPU {baseline['cpu_ms_per_article']} ms/article"
    )
    for run in runs:
        print(
            f"workers={run['workers']}: {run['articles_per_s']} articles/s, "
            f"{run['sentences_per_s']} sentences/s, {run['events']} events, "
            f"peak RSS per worker {run['peak_rss_mb_per_worker']} MB, "
            f"CPU ms/article per worker {run['cpu_ms_per_article_per_worker']}, "
            f"{run['times_tokenizer']}x slower than the tokenizer pass "
            f"(startup + warm-up {run['startup_and_warmup_s']} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

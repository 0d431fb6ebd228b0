"""Near-duplicates on a constructed set: the bundled sample's articles and edited copies of them."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from sqlalchemy import select

from harmattan.documents.ingest import ingest
from harmattan.documents.neardup import NearDuplicateIndex, precision_recall
from harmattan.settings import Settings
from harmattan.store import sources as store
from harmattan.store.database import Database
from harmattan.store.schema import documents

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
#: The pair the sample README documents as one wire story run by two outlets.
WIRE_PAIR = ("news/2024-09-18_bamako_attaque_fr.txt", "feeds/sahel_2024.jsonl:3")
BYLINES = ("(AFP) —", "NIAMEY (Reuters) -", "Par notre correspondant —", "Avec agences.")


def sample_articles() -> dict[str, str]:
    """Every sample article of 80 words or more, by name."""
    texts = {
        f"news/{p.name}": p.read_text() for p in sorted((SAMPLES / "news").glob("*")) if p.suffix != ".html"
    }
    for number, line in enumerate((SAMPLES / "feeds" / "sahel_2024.jsonl").read_text().splitlines(), start=1):
        texts[f"feeds/sahel_2024.jsonl:{number}"] = json.loads(line)["text"]
    return {name: text for name, text in texts.items() if len(text.split()) >= 80}


def edited_copy(text: str, rng: random.Random, kind: int) -> str:
    """What republishing does to a story: new headline and byline, trimmed end, a few words changed."""
    words = text.split()
    if kind == 0:  # syndicated: byline, kept body, "read also" furniture
        return f"{rng.choice(BYLINES)} {text}\n\nLire aussi : nos autres articles sur le Sahel."
    if kind == 1:  # lightly edited: about one word in twelve dropped or replaced
        out = [w for i, w in enumerate(words) if i % 12 != 5]
        return " ".join(
            re.sub(r"\d+", lambda m: str(int(m.group()) + 1), w) if rng.random() < 0.05 else w for w in out
        )
    cut = words[: int(len(words) * 0.7)]  # shortened, with its own intro sentence
    return "Selon les informations recueillies par notre rédaction, " + " ".join(cut)


def constructed_set(seed: int = 7) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    """Documents (id, text) and their true group (id, group id): each article with two edited copies."""
    rng = random.Random(seed)
    articles = sample_articles()
    docs: list[tuple[int, str]] = []
    truth: list[tuple[int, int]] = []
    group_of: dict[str, int] = {}
    for name, text in articles.items():
        base = len(docs) + 1
        group = group_of.get(WIRE_PAIR[0], base) if name == WIRE_PAIR[1] else base
        group_of[name] = group
        docs.append((base, text))
        truth.append((base, group))
        for kind in rng.sample(range(3), 2):
            docs.append((len(docs) + 1, edited_copy(text, rng, kind)))
            truth.append((len(docs), group))
    return docs, truth


def test_constructed_set_precision_and_recall() -> None:
    docs, truth = constructed_set()
    assert len(docs) >= 90
    links = NearDuplicateIndex().group(docs)
    precision, recall = precision_recall(links, truth, [doc_id for doc_id, _ in docs])
    assert precision >= 0.95, precision
    assert recall >= 0.9, recall


def test_unrelated_reports_on_the_same_topic_are_not_linked() -> None:
    articles = sample_articles()
    docs = [(n, text) for n, (name, text) in enumerate(sorted(articles.items()), 1) if name != WIRE_PAIR[1]]
    assert NearDuplicateIndex().group(docs) == {}


def test_short_texts_differing_by_a_number_are_not_linked() -> None:
    docs = [(i, f"Report {i}: clashes reported near Gao, {i} people displaced.") for i in range(1, 30)]
    assert NearDuplicateIndex().group(docs) == {}


def test_ingest_links_near_copies_across_runs_and_keeps_both(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    original = (SAMPLES / WIRE_PAIR[0]).read_text()
    (first / "wire.txt").write_text(original)
    (first / "other.txt").write_text((SAMPLES / "news" / "2021-06-06_solhan_fr.md").read_text())
    (second / "copy.txt").write_text(edited_copy(original, random.Random(1), 1))
    ingest([first], database, settings)
    report = ingest([second], database, settings)  # a new run: the earlier signature comes from the store
    assert (report.documents_new, report.near_duplicates) == (1, 1)
    with database.engine.connect() as conn:
        rows = {Path(r.origin).name: r for r in conn.execute(select(documents))}
    assert rows["copy.txt"].near_dup_of == rows["wire.txt"].id
    assert rows["copy.txt"].near_dup_similarity >= 0.3
    assert rows["wire.txt"].near_dup_of is None and rows["other.txt"].near_dup_of is None
    assert store.near_duplicate_groups(database) == {rows["wire.txt"].id: [rows["copy.txt"].id]}

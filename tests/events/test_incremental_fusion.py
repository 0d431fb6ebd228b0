"""Incremental fusion places again only the window after the earliest change, and ends as a full fusion.

A seeded corpus of occurrences around three towns over four months, each reported 1-3 times with
the usual disagreements (a day off, another toll, an unnamed actor, a place "near" a town), some
undated, some syndicated copies. Part of it is processed and fused, then the rest (late news, a
few late-arriving reports of earlier days, copies of earlier stories) or a re-processed document;
the incremental result is compared with a full re-fusion of the same reports, row by row.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from events_replay import event_line
from sqlalchemy import func, select, update

from conftest import run, write_corpus
from harmattan.documents.ingest import ingest
from harmattan.events.fusion import fuse
from harmattan.events.process import store_reports
from harmattan.records import Event
from harmattan.settings import Settings
from harmattan.store.database import Database
from harmattan.store.schema import documents
from harmattan.store.schema_events import (
    claims,
    event_actors,
    event_members,
    event_reports,
    event_tactics,
    event_vocab,
    events,
    merge_log,
)

TOWNS = [("ML", "Ménaka", 15.918, 2.402), ("ML", "Gao", 16.272, -0.044), ("BF", "Sahel", 14.102, -1.630)]
KINDS = [("Battles", "Armed clash", ["ambush"]), ("Violence against civilians", "Attack", [])]
START = dt.date(2024, 3, 1)


def occurrence_reports(rng: random.Random, n: int) -> list[tuple[int, dict[str, Any], int | None]]:
    """(day of the occurrence, @event fields, index of the document it copies) per document."""
    out: list[tuple[int, dict[str, Any], int | None]] = []
    for _ in range(n):
        day = rng.randrange(120)
        country, admin1, lat, lon = rng.choice(TOWNS)
        etype, sub, tactics = rng.choice(KINDS)
        for j in range(rng.choice((1, 1, 2, 3))):
            near = rng.random() < 0.3
            date = START + dt.timedelta(days=day + rng.choice((0, 0, 0, 1, -1)))
            fields = {
                "event_date": None if rng.random() < 0.08 else date.isoformat(),
                "event_type": etype, "sub_event_type": sub, "country": country, "admin1": admin1,
                "location": admin1, "latitude": round(lat + rng.uniform(-0.1, 0.1), 4),
                "longitude": round(lon + rng.uniform(-0.1, 0.1), 4), "geo_precision": 2 if near else 1,
                "actor1": "JNIM" if rng.random() < 0.7 else "Unidentified Armed Group",
                "actor1_id": "jnim" if rng.random() < 0.7 else "unidentified-armed-group",
                "actor2": "Military Forces of Mali", "actor2_id": "ml-military",
                "fatalities": rng.randrange(30), "tactics": tactics, "confidence": 0.6,
            }  # fmt: skip
            copy_of = len(out) - 1 if j and rng.random() < 0.3 else None
            out.append((day, fields, copy_of))
    return out


def corpus_files(folder: Path, seed: int) -> tuple[Path, Path, list[int | None]]:
    """Two files: the first 80 days, then the rest with some late reports of days 70-80.

    The widest fusion window is 31 days (month-precise dates): the early story is beyond it.
    """
    rng = random.Random(seed)
    docs = occurrence_reports(rng, 120)
    late = {i for i, (day, _, _) in enumerate(docs) if day >= 80 or (day >= 70 and rng.random() < 0.3)}
    order = [i for i in range(len(docs)) if i not in late] + sorted(late)
    records = [
        {"title": f"doc-{i}", "source": f"outlet-{i % 7}", "language": "en", "published_at": "2024-05-01",
         "text": f"Report {i} of an occurrence.\n" + event_line(**docs[i][1])}
        for i in order
    ]  # fmt: skip
    # A late, undated copy of an early story: only its syndication ties it to events long before.
    early = min((i for i in order[:10] if docs[i][1]["event_date"]), key=lambda i: docs[i][0])
    for date in (None,):
        docs.append((docs[early][0], {**docs[early][1], "event_date": date, "fatalities": 99}, early))
        text = f"Copy {len(docs)} of report {early}.\n" + event_line(**docs[-1][1])
        records.append({"title": f"doc-{len(docs) - 1}", "source": "copier", "language": "en",
                        "published_at": "2024-05-01", "text": text})  # fmt: skip
    n_first = len(order) - len(late)
    first = write_corpus(folder / "first", records[:n_first])
    rest = write_corpus(folder / "rest", records[n_first:])
    return first, rest, [docs[i][2] for i in range(len(docs))]


def ingest_file(db: Database, settings: Settings, path: Path, copies: list[int | None]) -> None:
    """Ingest a file and link its copies as the detector would (the newer document to the older)."""
    with db.engine.connect() as conn:
        before = conn.scalar(select(func.coalesce(func.max(documents.c.id), 0)))
    ingest([path], db, settings, "test")
    with db.engine.begin() as conn:
        conn.execute(update(documents).where(documents.c.id > before).values(near_dup_of=None))
        ids = {row.title: row.id for row in conn.execute(select(documents.c.id, documents.c.title))}
        for i, original in enumerate(copies):
            pair = (ids.get(f"doc-{i}"), ids.get(f"doc-{original}"))
            if original is None or None in pair or max(pair) <= before:  # type: ignore[operator]
                continue
            copy, of = sorted(pair, reverse=True) if min(pair) <= before else pair  # type: ignore[type-var]
            conn.execute(update(documents).where(documents.c.id == copy).values(near_dup_of=of))


def ingest_all(db: Database, settings: Settings, tmp_path: Path, seed: int) -> None:
    first, rest, copies = corpus_files(tmp_path, seed)
    ingest_file(db, settings, first, copies)
    ingest_file(db, settings, rest, copies)


def fused_state(db: Database) -> dict[str, Any]:
    """Everything fusion wrote, named by event and report keys instead of row ids."""
    with db.engine.connect() as conn:
        report = dict(conn.execute(select(event_reports.c.id, event_reports.c.report_key)).all())
        event = dict(conn.execute(select(events.c.id, events.c.event_key)).all())
        rows = lambda table: conn.execute(select(table)).all()  # noqa: E731
        return {
            "events": sorted(
                tuple((k, v) for k, v in r._mapping.items() if k not in ("id", "fusion_run_id"))
                for r in rows(events)
            ),
            "members": sorted(
                (
                    event[r.event_id],
                    report[r.report_id],
                    r.source_unit,
                    r.how,
                    r.score,
                    r.reason,
                    report.get(r.matched_report_id),
                )
                for r in rows(event_members)
            ),
            "claims": sorted(
                (event[r.event_id], report[r.report_id], r.field, r.value, r.value_num, bool(r.chosen))
                for r in rows(claims)
            ),
            "actors": sorted((event[r.event_id], r.role, r.actor, r.actor_key) for r in rows(event_actors)),
            "tactics": sorted((event[r.event_id], r.tactic, r.event_date) for r in rows(event_tactics)),
            "misses": sorted(
                (report[r.report_id], report[r.other_report_id], r.score, r.reason) for r in rows(merge_log)
            ),
        }


def vocabulary_of(db: Database) -> set[tuple[str, str, str]]:
    with db.engine.connect() as conn:
        return {tuple(r) for r in conn.execute(select(event_vocab))}  # type: ignore[misc]


def test_new_reports_fuse_incrementally_into_what_a_full_fusion_gives(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    first, rest, copies = corpus_files(tmp_path, seed=11)
    ingest_file(database, settings, first, copies)
    assert run(database, settings).fusion is not None  # the first fusion is a full one
    ingest_file(database, settings, rest, copies)  # news, with copies of earlier stories among it
    later = run(database, settings).fusion
    assert later is not None and later.incremental
    assert 0 < later.replayed < later.reports  # only the window after the earliest new report
    incremental, words = fused_state(database), vocabulary_of(database)
    assert len(incremental["events"]) == later.events and len(incremental["members"]) == later.reports
    assert any(m[3] == "auto" for m in incremental["members"])  # merges happened, so the test means something
    full = fuse(database, force=True)
    assert not full.incremental and (full.events, full.merges) == (later.events, later.merges)
    assert fused_state(database) == incremental
    assert vocabulary_of(database) == words


def test_a_reprocessed_document_refuses_its_window_like_a_full_fusion(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    ingest_all(database, settings, tmp_path, seed=5)
    run(database, settings)
    with database.engine.connect() as conn:
        doc_id, version = conn.execute(
            select(event_reports.c.document_id, event_reports.c.pipeline_version)
            .where(event_reports.c.event_date >= START + dt.timedelta(days=70))
            .order_by(event_reports.c.report_key)
            .limit(1)
        ).one()
    moved = Event(
        event_date=START + dt.timedelta(days=100), event_type="Battles", sub_event_type="Armed clash",
        country="ML", admin1="Gao", location="Gao", latitude=16.27, longitude=-0.04, geo_precision=1,
        actor1="JNIM", actor1_id="jnim", confidence=0.5,
    )  # fmt: skip
    store_reports(database, doc_id, [moved], version)  # same version: the old report row is deleted
    again = fuse(database)
    assert again.incremental and 0 < again.replayed < again.reports
    incremental = fused_state(database)
    fuse(database, force=True)
    assert fused_state(database) == incremental


def test_an_old_document_linked_as_a_copy_makes_the_fusion_full(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    ingest_all(database, settings, tmp_path, seed=5)
    run(database, settings)
    with database.engine.begin() as conn:  # what the detector does when it links two old documents
        a, b = conn.execute(select(documents.c.id).order_by(documents.c.id).limit(2)).scalars()
        conn.execute(update(documents).where(documents.c.id == b).values(near_dup_of=a))
    again = fuse(database)
    assert not again.skipped and not again.incremental


def test_incremental_fusion_drops_spellings_no_event_uses(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    """A report processed again twice: its first names leave the vocabulary, as in a full fusion."""
    ingest_all(database, settings, tmp_path, seed=5)
    run(database, settings)
    with database.engine.connect() as conn:
        doc_id, version = conn.execute(
            select(event_reports.c.document_id, event_reports.c.pipeline_version)
            .where(event_reports.c.event_date >= START + dt.timedelta(days=70))
            .order_by(event_reports.c.report_key)
            .limit(1)
        ).one()

    def report(admin1: str, actor: str) -> Event:
        return Event(
            event_date=START + dt.timedelta(days=100), event_type="Battles", sub_event_type="Armed clash",
            country="ML", admin1=admin1, location=admin1, latitude=16.27, longitude=-0.04, geo_precision=1,
            actor1=actor, actor1_id=actor.lower(), confidence=0.5,
        )  # fmt: skip

    store_reports(database, doc_id, [report("Zzyzxland", "Zzyzx Brigade")], version)
    assert fuse(database).incremental
    assert ("admin1", "zzyzxland", "Zzyzxland") in vocabulary_of(database)
    store_reports(database, doc_id, [report("Gao", "JNIM")], version)
    assert fuse(database).incremental
    words = vocabulary_of(database)
    assert not {w for w in words if "zzyzx" in w[1]}
    fuse(database, force=True)
    assert vocabulary_of(database) == words

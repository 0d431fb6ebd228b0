"""A small, realistic corpus for the events store: one ambush reported four ways, and its neighbours.

Documents carry their events as ``@event {json}`` lines read by ``events_replay.ReplayExtractor``
(events built by hand, through the real ingest -> process -> fuse path). The fixtures run on
SQLite and PostgreSQL through ``database``/``settings`` from tests/conftest.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from events_replay import ReplayExtractor, event_line
from sqlalchemy import select, update

from harmattan.documents.ingest import ingest
from harmattan.events.process import ProcessReport, process
from harmattan.settings import Settings
from harmattan.store.database import Database
from harmattan.store.schema import documents
from harmattan.store.schema_events import (
    claims,
    event_members,
    event_reports,
    events,
    processed_documents,
    report_evidence,
)

HERE = Path(__file__).parent
MENAKA = {"country": "ML", "admin1": "Ménaka", "admin2": "Ménaka", "location": "Ménaka"}
MALI_ARMY = {"actor2": "Military Forces of Mali", "actor2_id": "ml-military", "inter2": 1}
CLASH = {"event_type": "Battles", "sub_event_type": "Armed clash"}


def ev(**fields: Any) -> str:
    return event_line(**fields)


def corpus() -> list[dict[str, Any]]:
    """The documents (jsonl records) of the scenario; see the module docstring."""
    menaka_day = "2024-05-12"
    return [
        {
            "title": "Attaque à Ménaka",
            "source": "Studio Tamani",
            "published_at": "2024-05-13",
            "text": "Des hommes armés de l'EIGS ont tendu une embuscade à l'armée près de Ménaka, 12 morts.\n"
            + ev(
                event_date=menaka_day,
                **CLASH,
                actor1="Islamic State Sahel Province",
                actor1_id="is-sahel",
                inter1=2,
                **MALI_ARMY,
                **MENAKA,
                latitude=15.918,
                longitude=2.402,
                geo_precision=1,
                fatalities=12,
                tactics=["ambush"],
                confidence=0.7,
            ),
        },
        {
            "title": "Mali: deadly ambush near Menaka",
            "source": "RFI",
            "published_at": "2024-05-13",
            "text": "Gunmen ambushed a Malian army convoy near Menaka on Sunday, killing 20 soldiers, "
            "and a drone was used.\n"
            + ev(
                event_date=menaka_day,
                **CLASH,
                actor1="Unidentified Armed Group",
                actor1_id="unidentified-armed-group",
                inter1=3,
                **MALI_ARMY,
                **MENAKA,
                latitude=15.92,
                longitude=2.40,
                geo_precision=1,
                fatalities=20,
                tactics=["ambush", "armed drone"],
                confidence=0.6,
            ),
        },
        {
            "title": "Mali : embuscade meurtrière près de Ménaka",
            "source": "Malijet",
            "published_at": "2024-05-14",
            "text": "Repris de RFI. Gunmen ambushed a Malian army convoy near Menaka on Sunday, "
            "killing 20 soldiers.\n"
            + ev(
                event_date=menaka_day,
                **CLASH,
                actor1="Unidentified Armed Group",
                actor1_id="unidentified-armed-group",
                inter1=3,
                **MALI_ARMY,
                **MENAKA,
                latitude=15.92,
                longitude=2.40,
                geo_precision=1,
                fatalities=20,
                tactics=["ambush"],
                confidence=0.6,
            ),
        },
        {
            "title": "Communiqué des FAMa",
            "source": "FAMa",
            "published_at": "2024-05-13",
            "text": "Les FAMa ont neutralisé des dizaines de terroristes dans le secteur de Ménaka.\n"
            + ev(
                event_date=menaka_day,
                **CLASH,
                actor1="Military Forces of Mali",
                actor1_id="ml-military",
                inter1=1,
                actor2="Islamic State Sahel Province",
                actor2_id="is-sahel",
                inter2=2,
                **MENAKA,
                latitude=15.95,
                longitude=2.45,
                geo_precision=2,
                confidence=0.5,
                extras={"neutralised": 12, "claimant": "Malian army"},
            ),
        },
        {
            "title": "Clash in Gao",
            "source": "RFI",
            "published_at": "2024-05-13",
            "text": "JNIM fighters clashed with the army in Gao on Sunday; five were killed.\n"
            + ev(
                event_date=menaka_day,
                **CLASH,
                actor1="JNIM",
                actor1_id="jnim",
                inter1=2,
                **MALI_ARMY,
                country="ML",
                admin1="Gao",
                admin2="Gao",
                location="Gao",
                latitude=16.27,
                longitude=-0.04,
                geo_precision=1,
                fatalities=5,
                confidence=0.6,
            ),
        },
        {
            "title": "Nouvelle attaque à Ménaka",
            "source": "Studio Tamani",
            "published_at": "2024-05-21",
            "text": "Une semaine plus tard, nouvelle attaque de l'EIGS près de Ménaka.\n"
            + ev(
                event_date="2024-05-20",
                **CLASH,
                actor1="Islamic State Sahel Province",
                actor1_id="is-sahel",
                inter1=2,
                **MALI_ARMY,
                **MENAKA,
                latitude=15.918,
                longitude=2.402,
                geo_precision=1,
                fatalities=3,
                confidence=0.7,
            ),
        },
        {
            "title": "Alger rappelle son ambassadeur",
            "source": "APS",
            "published_at": "2024-05-15",
            "text": "L'Algérie a rappelé son ambassadeur à Bamako.\n"
            + ev(
                event_date="2024-05-15",
                plover_type="SANCTION",
                actor1="Government of Algeria",
                actor1_id="dz-state",
                actor2="Government of Mali",
                actor2_id="ml-state",
                country="DZ",
                location="Algiers",
                latitude=36.75,
                longitude=3.06,
                geo_precision=1,
                confidence=0.8,
            ),
        },
        {
            "title": "Algeria recalls ambassador",
            "source": "Reuters",
            "published_at": "2024-05-15",
            "text": "Algeria recalled its ambassador to Mali on Wednesday.\n"
            + ev(
                event_date="2024-05-15",
                plover_type="SANCTION",
                actor1="Government of Algeria",
                actor1_id="dz-state",
                actor2="Government of Mali",
                actor2_id="ml-state",
                country="DZ",
                location="Algiers",
                latitude=36.75,
                longitude=3.06,
                geo_precision=1,
                confidence=0.8,
            ),
        },
        {
            "title": "Garbled feed item",
            "source": "Feed",
            "published_at": "2024-05-16",
            "text": "@fail this text makes the extractor raise.",
        },
        {
            "title": "Market prices",
            "source": "Feed",
            "published_at": "2024-05-16",
            "text": "Millet prices rose in Mopti this week.",
        },
        {
            "title": "Massacre near Djibo",
            "source": "Lefaso.net",
            "published_at": "2024-05-13",
            "text": "Des dizaines de civils tués près de Djibo par le JNIM.\n"
            + ev(
                event_date=menaka_day,
                event_type="Violence against civilians",
                sub_event_type="Attack",
                actor1="JNIM",
                actor1_id="jnim",
                inter1=2,
                actor2="Civilians (Burkina Faso)",
                actor2_id="civilians-bf",
                inter2=7,
                country="BF",
                admin1="Sahel",
                admin2="Soum",
                location="Djibo",
                latitude=14.10,
                longitude=-1.63,
                geo_precision=1,
                fatalities=12,
                tactics=["mass killing"],
                confidence=0.7,
            ),
        },
    ]


# Given, so ingest does not spend its time detecting languages.
LANGUAGES = ("fr", "en", "fr", "fr", "en", "fr", "fr", "en", "en", "en", "fr")


def write_corpus(folder: Path, docs: list[dict[str, Any]] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if docs is None:
        docs = [{**d, "language": lang} for d, lang in zip(corpus(), LANGUAGES, strict=True)]
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def link_syndicated(db: Database, copy_title: str, original_title: str) -> None:
    """What the near-duplicate detector records for a syndicated copy (documents.near_dup_of)."""
    with db.engine.begin() as conn:
        original = conn.scalar(select(documents.c.id).where(documents.c.title == original_title))
        conn.execute(update(documents).where(documents.c.title == copy_title).values(near_dup_of=original))


@pytest.fixture
def loaded(database: Database, settings: Settings, tmp_path: Path) -> Database:
    """The corpus ingested, with the Malijet copy linked to its RFI original."""
    report = ingest([write_corpus(tmp_path / "in")], database, settings, "test")
    assert report.documents_new == len(corpus())
    # The links are set here, not left to the detector's thresholds (the @event lines look alike).
    with database.engine.begin() as conn:
        conn.execute(update(documents).values(near_dup_of=None))
    link_syndicated(database, "Mali : embuscade meurtrière près de Ménaka", "Mali: deadly ambush near Menaka")
    return database


def run(db: Database, settings: Settings, **kw: Any) -> ProcessReport:
    return process(db, settings, extractor=kw.pop("extractor", ReplayExtractor()), **kw)


@pytest.fixture
def processed(loaded: Database, settings: Settings) -> Database:
    run(loaded, settings)
    return loaded


def state_of(db: Database) -> dict[str, Any]:
    """The content of everything process/fuse wrote, without row ids or times (for 'same state' checks)."""
    with db.engine.connect() as conn:
        key_of_report = dict(conn.execute(select(event_reports.c.id, event_reports.c.report_key)).all())
        key_of_event = dict(conn.execute(select(events.c.id, events.c.event_key)).all())
        hash_of_doc = dict(conn.execute(select(documents.c.id, documents.c.content_hash)).all())
        skip = {"id", "fusion_run_id"}
        return {
            "reports": sorted(
                tuple(v for k, v in r._mapping.items() if k not in ("id", "extras"))
                for r in conn.execute(select(event_reports))
            ),
            "evidence": sorted(
                (key_of_report[r.report_id], r.field, r.start_char, r.end_char)
                for r in conn.execute(select(report_evidence))
            ),
            "processed": sorted(
                (hash_of_doc[r.document_id], r.pipeline_version, bool(r.is_current), r.reports)
                for r in conn.execute(select(processed_documents))
            ),
            "events": sorted(
                tuple((k, v) for k, v in r._mapping.items() if k not in skip)
                for r in conn.execute(select(events))
            ),
            "members": sorted(
                (key_of_event[r.event_id], key_of_report[r.report_id], r.how, r.score, r.reason)
                for r in conn.execute(select(event_members))
            ),
            "claims": sorted(
                (key_of_event[r.event_id], key_of_report[r.report_id], r.field, r.value, bool(r.chosen))
                for r in conn.execute(select(claims))
            ),
        }

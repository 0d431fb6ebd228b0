"""The API's test world: a small corpus (with hostile text), processed through ingest -> process -> fuse,
and three accounts. Events are written into the documents as ``@event`` lines and read back by the
replay extractor of ``tests/events`` (the real path, with hand-made event records).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import update

from harmattan.documents.ingest import ingest
from harmattan.events.process import process
from harmattan.settings import Settings
from harmattan.store import users
from harmattan.store.database import Database
from harmattan.store.schema import documents
from harmattan.views.api import security

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "events"))
from events_replay import ReplayExtractor, event_line

XSS_TITLE = "<script>alert('title')</script> Raid"
XSS_TEXT = 'Attack at <img src=x onerror="alert(1)"> Gao: <script>alert(2)</script> five killed.'
PASSWORDS = {"vera": "viewer-pass-1", "anna": "analyst-pass-1", "adam": "admin-pass-01"}
ROLES = {"vera": "viewer", "anna": "analyst", "adam": "admin"}
MENAKA = {"country": "ML", "admin1": "Ménaka", "admin2": "Ménaka", "location": "Ménaka"}
ARMY = {"actor2": "Military Forces of Mali", "actor2_id": "ml-military", "inter2": 1}
CLASH = {"event_type": "Battles", "sub_event_type": "Armed clash"}


def doc(title: str, source: str, published: str, lang: str, text: str, **event: Any) -> dict[str, Any]:
    """A document whose text ends with the ``@event`` line of the one event it reports."""
    return {"title": title, "source": source, "published_at": published, "language": lang,
            "text": text + "\n" + event_line(**event)}  # fmt: skip


def corpus() -> list[dict[str, Any]]:
    isp = {"actor1": "Islamic State Sahel Province", "actor1_id": "is-sahel", "inter1": 2}
    jnim = {"actor1": "JNIM", "actor1_id": "jnim", "inter1": 2}
    hostile = doc(
        XSS_TITLE, "Feed <b>bold</b>", "2024-05-14", "en", XSS_TEXT, event_date="2024-05-13", **CLASH, **jnim,
        **ARMY, country="ML", admin1="Gao", admin2="Gao", location="Gao <svg onload=alert(3)>",
        latitude=16.27, longitude=-0.04, geo_precision=1, fatalities=5, confidence=0.4,
    )  # fmt: skip
    hostile["url"] = "javascript:alert('url')"
    return [
        doc("Embuscade à Ménaka", "Studio Tamani", "2024-05-13", "fr",
            "Des hommes armés de l'EIGS ont tendu une embuscade près de Ménaka, faisant 12 morts.",
            event_date="2024-05-12", **CLASH, **isp, **ARMY, **MENAKA, latitude=15.918, longitude=2.402,
            geo_precision=1, fatalities=12, tactics=["ambush"], confidence=0.7),
        doc("Deadly ambush near Menaka", "RFI", "2024-05-13", "en",
            "Islamic State fighters ambushed an army convoy near Menaka on Sunday, killing 20 soldiers.",
            event_date="2024-05-12", **CLASH, **isp, **ARMY, **MENAKA, latitude=15.92, longitude=2.40,
            geo_precision=1, fatalities=20, tactics=["ambush", "armed drone"], confidence=0.8),
        hostile,
        doc("Massacre près de Djibo", "Lefaso.net", "2024-04-03", "fr",
            "Des dizaines de civils tués près de Djibo par le JNIM.",
            event_date="2024-04-02", event_type="Violence against civilians", sub_event_type="Attack",
            **jnim, actor2="Civilians (Burkina Faso)", inter2=7, country="BF", admin1="Sahel",
            admin2="Soum", location="Djibo", latitude=14.10, longitude=-1.63, geo_precision=1,
            fatalities=12, confidence=0.75),
        doc("Alger rappelle son ambassadeur", "APS", "2024-03-15", "fr",
            "L'Algérie a rappelé son ambassadeur à Bamako.",
            event_date="2024-03-15", plover_type="SANCTION", actor1="Government of Algeria",
            actor1_id="dz-state",
            actor2="Government of Mali", actor2_id="ml-state", country="DZ", location="Algiers",
            latitude=36.75, longitude=3.06, geo_precision=1, confidence=0.9),
        doc("Frappe de drone à Kidal", "Studio Tamani", "2024-02-02", "fr",
            "Une frappe de drone a visé Kidal.",
            event_date="2024-02-01", event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike", actor1="Military Forces of Mali", actor1_id="ml-military",
            inter1=1, country="ML", admin1="Kidal",
            location="Kidal", latitude=18.44, longitude=1.41, geo_precision=1, fatalities=3,
            tactics=["armed drone"], confidence=0.85),
    ]  # fmt: skip


_HASHES: dict[str, str] = {}


def build(database: Database, settings: Settings, folder: Path) -> Database:
    """Ingest and process the corpus into ``database`` and add the three accounts."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in corpus()), encoding="utf-8")
    ingest([path], database, settings, "test")
    with database.engine.begin() as conn:  # the two Ménaka reports are different outlets, not copies
        conn.execute(update(documents).values(near_dup_of=None))
    process(database, settings, extractor=ReplayExtractor())
    with database.engine.begin() as conn:
        for name, password in PASSWORDS.items():
            # Hashing is deliberately slow: once per password per test session is enough.
            hashed = _HASHES.setdefault(name, security.hash_password(password))
            users.add_user(conn, name, hashed, ROLES[name])
    return database


def token_for(database: Database, username: str) -> str:
    secret = security.new_secret()
    with database.engine.begin() as conn:
        user = users.get_user(conn, username)
        assert user is not None
        users.add_token(conn, user["id"], "test", security.digest(secret))
    return secret

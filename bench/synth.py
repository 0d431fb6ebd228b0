"""Synthetic, realistic event reports for benchmarks (deterministic for a seed).

True occurrences are drawn over real Sahel places, actors and the ACLED/PLOVER
labels; each is then reported by 1-5 outlets the way news reports differ: a day
off, a different death toll, "unidentified gunmen" instead of a named group,
a place "near" a town, a syndicated copy. Nothing here comes from ACLED data.

    python bench/synth.py --events 1000 --out reports.jsonl   # one document per line
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Any

from harmattan.records import Event, Evidence

# (country, admin1, admin2, location, lat, lon): public gazetteer coordinates, rounded.
PLACES = [
    ("ML", "Ménaka", "Ménaka", "Ménaka", 15.918, 2.402),
    ("ML", "Gao", "Gao", "Gao", 16.272, -0.044),
    ("ML", "Gao", "Ansongo", "Ansongo", 15.659, 0.502),
    ("ML", "Kidal", "Kidal", "Kidal", 18.441, 1.407),
    ("ML", "Kidal", "Tinzaouatene", "Tinzaouatene", 19.950, 2.950),
    ("ML", "Mopti", "Djenné", "Djenné", 13.906, -4.553),
    ("ML", "Mopti", "Bandiagara", "Bandiagara", 14.350, -3.610),
    ("ML", "Ségou", "Niono", "Niono", 14.252, -5.993),
    ("ML", "Tombouctou", "Tombouctou", "Timbuktu", 16.773, -3.007),
    ("ML", "Bamako", "Bamako", "Bamako", 12.639, -8.003),
    ("BF", "Sahel", "Soum", "Djibo", 14.102, -1.630),
    ("BF", "Sahel", "Oudalan", "Gorom-Gorom", 14.443, -0.236),
    ("BF", "Est", "Gourma", "Fada N'Gourma", 12.062, 0.358),
    ("BF", "Centre-Nord", "Sanmatenga", "Kaya", 13.092, -1.084),
    ("BF", "Boucle du Mouhoun", "Kossi", "Nouna", 12.729, -3.864),
    ("BF", "Nord", "Loroum", "Titao", 13.767, -2.074),
    ("NE", "Tillabéri", "Tillabéri", "Tillabéri", 14.211, 1.453),
    ("NE", "Tillabéri", "Ouallam", "Ouallam", 14.318, 2.086),
    ("NE", "Tahoua", "Tahoua", "Tahoua", 14.889, 5.265),
    ("NE", "Diffa", "Diffa", "Diffa", 13.315, 12.611),
    ("NE", "Niamey", "Niamey", "Niamey", 13.512, 2.112),
    ("BJ", "Alibori", "Karimama", "Karimama", 12.067, 3.183),
    ("BJ", "Atacora", "Tanguiéta", "Tanguiéta", 10.621, 1.265),
    ("TG", "Savanes", "Kpendjal", "Mandouri", 10.850, 0.817),
]
# (id, name, inter)
ARMED = [
    ("jnim", "JNIM", 2),
    ("is-sahel", "Islamic State Sahel Province", 2),
    ("fla", "FLA", 2),
    ("dozo", "Dozo Militia", 4),
    ("koglweogo", "Koglweogo", 4),
]
STATE = {
    "ML": ("ml-military", "Military Forces of Mali"),
    "BF": ("bf-military", "Military Forces of Burkina Faso"),
    "NE": ("ne-military", "Military Forces of Niger"),
    "BJ": ("bj-military", "Military Forces of Benin"),
    "TG": ("tg-military", "Military Forces of Togo"),
}
FOREIGN = ("africa-corps", "Africa Corps", 8)
UNIDENTIFIED = ("unidentified-armed-group", "Unidentified Armed Group", 3)
KINDS = [  # (weight, event_type, sub_event_type, tactics, target)
    (40, "Battles", "Armed clash", ["ambush"], "state"),
    (20, "Violence against civilians", "Attack", ["mass killing"], "civilians"),
    (8, "Violence against civilians", "Abduction/forced disappearance", ["abduction"], "civilians"),
    (10, "Explosions/Remote violence", "Air/drone strike", ["armed drone"], "armed"),
    (7, "Explosions/Remote violence", "Remote explosive/landmine/IED", ["IED"], "state"),
    (5, "Protests", "Peaceful protest", [], "none"),
    (5, "Strategic developments", "Looting/property destruction", ["looting", "arson"], "civilians"),
    (5, "Battles", "Non-state actor overtakes territory", ["siege/blockade"], "state"),
]
# Cumulative weights, computed once: the generator draws from them a million times.
KIND_WEIGHTS = list(accumulate(k[0] for k in KINDS))
OUTLET_COUNT_WEIGHTS = list(accumulate((30, 25, 20, 15, 10)))
OUTLETS = [
    "RFI",
    "Studio Tamani",
    "Le Monde Afrique",
    "AFP",
    "Reuters",
    "Lefaso.net",
    "ActuNiger",
    "Malijet",
    "Jeune Afrique",
    "Sahel Intelligence",
    "Burkina24",
    "Aïr Info",
    "APS",
    "BBC Afrique",
]


@dataclass
class Document:
    """A synthetic article: text, outlet, and the event reports an extractor would find in it."""

    key: str
    text: str
    source: str
    published: dt.date
    reports: list[Event] = field(default_factory=list)
    syndicated_of: int | None = None  # index of the document it copies

    @cached_property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


def _truth(rng: random.Random, start: dt.date, days: int) -> dict[str, Any]:
    country, admin1, admin2, location, lat, lon = rng.choice(PLACES)
    _, etype, sub, tactics, target = rng.choices(KINDS, cum_weights=KIND_WEIGHTS)[0]
    armed = rng.choice(ARMED)
    state = (*STATE[country], 1)
    if target == "civilians":
        second = (f"civilians-{country.lower()}", f"Civilians ({country})", 7)
    elif target == "armed":
        state, second = (FOREIGN if rng.random() < 0.2 else state), armed
    elif target == "none":
        armed, second = (f"protesters-{country.lower()}", f"Protesters ({country})", 6), (None, None, 0)
    else:
        second = state
    first = state if target == "armed" else armed
    deaths = 0 if target == "none" else int(rng.expovariate(1 / 8))
    return {
        "event_date": start + dt.timedelta(days=rng.randrange(days)),
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": first,
        "actor2": second,
        "country": country,
        "admin1": admin1,
        "admin2": admin2,
        "location": location,
        # Occurrences happen in the villages around a town (up to ~30 km), reported "near" the town.
        "latitude": lat + rng.uniform(-0.3, 0.3),
        "longitude": lon + rng.uniform(-0.3, 0.3),
        "fatalities": deaths,
        "tactics": tactics,
    }


def _report(rng: random.Random, truth: dict[str, Any], doc_key: str) -> Event:
    """How one outlet reports the occurrence (with the usual disagreements)."""
    date = truth["event_date"] + dt.timedelta(days=rng.choice((0, 0, 0, 0, 0, 0, 0, 0, 1, -1)))
    actor1 = UNIDENTIFIED if rng.random() < 0.2 and truth["actor1"][2] != 1 else truth["actor1"]
    near = rng.random() < 0.25
    jitter = 0.08 if near else 0.01
    deaths = truth["fatalities"]
    if deaths and rng.random() < 0.4:
        deaths = max(0, deaths + rng.randint(-deaths // 2 - 1, deaths))
    event = Event(
        event_date=date,
        date_precision=1,
        event_type=truth["event_type"],
        sub_event_type=truth["sub_event_type"],
        actor1=actor1[1],
        actor1_id=actor1[0],
        inter1=actor1[2],
        actor2=truth["actor2"][1],
        actor2_id=truth["actor2"][0],
        inter2=truth["actor2"][2],
        country=truth["country"],
        admin1=truth["admin1"],
        admin2=truth["admin2"],
        location=truth["location"],
        latitude=round(truth["latitude"] + rng.uniform(-jitter, jitter), 4),
        longitude=round(truth["longitude"] + rng.uniform(-jitter, jitter), 4),
        geo_precision=2 if near else 1,
        fatalities=deaths if rng.random() > 0.1 else None,
        tactics=list(truth["tactics"]),
        confidence=round(rng.uniform(0.4, 0.9), 2),
        document_id=doc_key,
    )
    sentence = f"{event.actor1} attacked near {event.location} on {date:%d %B %Y}, {deaths} killed."
    event.evidence = [
        Evidence("event_type", doc_key, 0, 0, len(sentence), sentence, "synth"),
        Evidence(
            "location",
            doc_key,
            0,
            sentence.index(str(event.location)),
            sentence.index(str(event.location)) + len(str(event.location)),
            str(event.location),
            "synth",
        ),
    ]
    return event


def generate(
    n_events: int, seed: int = 0, start: dt.date = dt.date(2020, 1, 1), days: int = 5 * 365
) -> Iterator[Document]:
    """Documents reporting ``n_events`` occurrences (1-5 reports each, about 2.4 on average)."""
    rng = random.Random(seed)
    n = 0
    for i in range(n_events):
        truth = _truth(rng, start, days)
        for j in range(rng.choices((1, 2, 3, 4, 5), cum_weights=OUTLET_COUNT_WEIGHTS)[0]):
            key = f"s{seed}-{i}-{j}"
            event = _report(rng, truth, key)
            text = event.evidence[0].text + f" ({key})"
            outlet = rng.choice(OUTLETS)
            published = event.event_date + dt.timedelta(days=1) if event.event_date else start
            copy_of = n - 1 if j and rng.random() < 0.15 else None
            yield Document(key, text, outlet, published, [event], copy_of)
            n += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    with out:
        for doc in generate(args.events, args.seed):
            record = {
                "id": doc.key,
                "text": doc.text,
                "source": doc.source,
                "published_at": doc.published.isoformat(),
                "events": [e.to_dict() for e in doc.reports],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

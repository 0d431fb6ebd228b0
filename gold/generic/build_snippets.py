"""Write gold/generic/snippets_{en,fr}.jsonl from the hand-written table in snippets_data.py.

Run from the repository root: ``python gold/generic/build_snippets.py``. Output is deterministic;
ids follow the table's order, and the split rule is validate_gold.py's (positions 1 and 3 of every
5 in a stratum are ``test``) with the stratum refined to language + *sub*-event type, so that each
of the 25 sub-types has both dev and test snippets.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from snippets_data import MORE, SNIPPETS  # noqa: E402

PUBLISHED = "2024-06-15"
TEST_POSITIONS = (1, 3)
EVENT_TYPE = {
    "Government regains territory": "Battles", "Non-state actor overtakes territory": "Battles",
    "Armed clash": "Battles", "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests", "Peaceful protest": "Protests",
    "Violent demonstration": "Riots", "Mob violence": "Riots",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
}  # fmt: skip
COUNTRY = {
    "AF": "Afghanistan", "AR": "Argentina", "BD": "Bangladesh", "BF": "Burkina Faso", "BI": "Burundi",
    "CD": "Democratic Republic of Congo", "CF": "Central African Republic", "CI": "Ivory Coast",
    "CL": "Chile", "CM": "Cameroon", "CO": "Colombia", "DE": "Germany", "DZ": "Algeria", "EG": "Egypt",
    "ET": "Ethiopia", "FR": "France", "GA": "Gabon", "GH": "Ghana", "GN": "Guinea", "HN": "Honduras",
    "HT": "Haiti", "IL": "Israel", "IR": "Iran", "PS": "Palestine", "SL": "Sierra Leone", "TZ": "Tanzania", "ZM": "Zambia", "IN": "India", "IQ": "Iraq", "KE": "Kenya", "LY": "Libya", "MA": "Morocco",
    "ML": "Mali", "MM": "Myanmar", "MX": "Mexico", "MZ": "Mozambique", "NE": "Niger", "NG": "Nigeria",
    "PE": "Peru", "PH": "Philippines", "PK": "Pakistan", "RU": "Russia", "SA": "Saudi Arabia",
    "SD": "Sudan", "SN": "Senegal", "SO": "Somalia", "SS": "South Sudan", "SY": "Syria", "TD": "Chad",
    "TG": "Togo", "TR": "Turkey", "UA": "Ukraine", "UG": "Uganda", "UN": "United Nations",
    "US": "United States", "YE": "Yemen", "ZA": "South Africa", "ZW": "Zimbabwe",
}  # fmt: skip
TEMPLATES = {  # id suffix or prefix -> (display name, inter code)
    "military": ("Military Forces of {c}", 1), "police": ("Police Forces of {c}", 1),
    "gendarmerie": ("Gendarmerie of {c}", 1), "government": ("Government of {c}", 1), "state": ("{c}", 1),
    "civilians": ("Civilians ({c})", 7), "protesters": ("Protesters ({c})", 6), "rioters": ("Rioters ({c})", 5),
    "self-defence-militia": ("Militia ({c})", 4),
}  # fmt: skip
FIXED = {
    "unidentified-armed-group": ("Unidentified Armed Group", 2),
    "minusma": ("MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali", 8),
}


def actor(actor_id: str | None, country: str) -> tuple[str | None, int]:
    """Display name and inter code of an actor id (foreign state forces are inter 8)."""
    if actor_id is None:
        return None, 0
    if actor_id in FIXED:
        return FIXED[actor_id]
    head, _, tail = actor_id.partition("-")
    if head in TEMPLATES:  # civilians-ke, protesters-fr, ...
        name, inter = TEMPLATES[head]
        return name.format(c=COUNTRY[tail.upper()]), inter
    prefix, _, kind = actor_id.rpartition("-")
    if actor_id.startswith("self-defence-militia-"):
        name, inter = TEMPLATES["self-defence-militia"]
        return name.format(c=COUNTRY[kind.upper()]), inter
    name, inter = TEMPLATES[kind]
    foreign = kind == "military" and prefix.upper() != country
    return name.format(c=COUNTRY[prefix.upper()]), 8 if foreign else inter


def event(sub: str, row: tuple[Any, ...]) -> dict[str, Any]:
    _, _, a1, a2, cc, location, deaths, tactics, plover = row
    name1, inter1 = actor(a1, cc)
    name2, inter2 = actor(a2, cc)
    return {
        "event_date": PUBLISHED, "date_precision": 1,
        "event_type": EVENT_TYPE.get(sub, "Strategic developments"), "sub_event_type": sub,
        "actor1": name1, "actor1_id": a1, "assoc_actor_1": None, "inter1": inter1,
        "actor2": name2, "actor2_id": a2, "assoc_actor_2": None, "inter2": inter2,
        "country": cc, "admin1": None, "admin2": None, "location": location,
        "latitude": None, "longitude": None, "geo_precision": 1 if location else 3,
        "fatalities": deaths, "tactics": tactics, "plover_type": plover, "historical": False,
    }  # fmt: skip


def records(lang: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = defaultdict(int)
    # batches in the order written: a later batch appends ids and split positions, never moves earlier ones
    batches = [(sub, row) for batch in (SNIPPETS, MORE) for sub, rows in batch.items() for row in rows]
    for sub, row in batches:
        if row[0] != lang:
            continue
        position = seen[sub]
        seen[sub] += 1
        out.append({
            "id": f"{lang}-{len(out) + 1:04d}",
            "split": "test" if position % 5 in TEST_POSITIONS else "dev",
            "language": lang, "published_at": PUBLISHED, "text": row[1],
            "source": {"kind": "invented", "ref": "written for harmattan (gold/generic/README.md)",
                       "url": None, "attribution": None},
            "events": [event(sub, row)],
        })  # fmt: skip
    return out


def main() -> None:
    here = Path(__file__).resolve().parent
    for lang in ("en", "fr"):
        rows = records(lang)
        with open(here / f"snippets_{lang}.jsonl", "w", encoding="utf-8") as handle:
            for record in rows:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        dev = sum(r["split"] == "dev" for r in rows)
        print(f"snippets_{lang}.jsonl: {len(rows)} snippets ({dev} dev, {len(rows) - dev} test)")


if __name__ == "__main__":
    main()

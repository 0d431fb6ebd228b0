"""Hand-built event scenarios whose answers are known (shared by the analysis tests).

Dates, places and actors follow public reporting; the events themselves are
written by hand for the tests (no ACLED data).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D = dt.date


def ev(
    event_id: str, day: dt.date, actor1: str | None, actor2: str | None = None, **fields: Any
) -> dict[str, Any]:
    """An event dict; actor names double as ids unless ``actor1_id``/``actor2_id`` are given."""
    row: dict[str, Any] = {
        "event_id": event_id,
        "event_date": day,
        "actor1": actor1,
        "actor1_id": actor1,
        "actor2": actor2,
        "actor2_id": actor2,
    }
    row.update(fields)
    return row


def algeria_mali() -> list[dict[str, Any]]:
    """Algeria–Mali, 2023–2025: cooperation, then accusations, recalls, the end of the Algiers accord,
    the Tinzaouaten drone shot down, ambassadors recalled again and airspace closed."""
    gov = {"inter1": 1, "inter2": 1, "event_type": "Strategic developments"}
    return [
        ev("dzml-01", D(2023, 3, 14), "dz-government", "ml-government", plover_type="CONSULT", **gov),
        ev("dzml-02", D(2023, 9, 20), "dz-government", "ml-government", plover_type="COOPERATE", **gov),
        # Mali summons Algeria's ambassador over meetings with northern rebels; both recall ambassadors.
        ev("dzml-03", D(2023, 12, 20), "ml-government", "dz-government", plover_type="DISAPPROVE", **gov),
        ev("dzml-04", D(2023, 12, 22), "ml-government", "dz-government", plover_type="SANCTION", **gov),
        ev("dzml-05", D(2023, 12, 22), "dz-government", "ml-government", plover_type="SANCTION", **gov),
        # Mali's junta ends the 2015 Algiers peace agreement.
        ev("dzml-06", D(2024, 1, 25), "ml-government", "dz-government", plover_type="REJECT", **gov),
        # Algeria's air defence shoots down a Malian drone near Tinzaouaten.
        ev(
            "dzml-07",
            D(2025, 4, 1),
            "dz-military",
            "ml-air-force",
            inter1=1,
            inter2=1,
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            country="ML",
            admin1="Kidal",
            location="Tinzaouaten",
            tactics=["armed drone"],
        ),
        ev("dzml-08", D(2025, 4, 6), "ml-government", "dz-government", plover_type="SANCTION", **gov),
        ev("dzml-09", D(2025, 4, 7), "dz-government", "ml-government", plover_type="SANCTION", **gov),
    ]


def burkina_groups() -> list[dict[str, Any]]:
    """Two armed groups with separate home areas and habits, plus unidentified-armed-group events.

    JNIM: Est region (Fada N'Gourma area), ambushes and IEDs against the army. IS Sahel: Oudalan in the
    Sahel region, attacks on civilians. 60 known events each over 2019–2021.
    """
    rows = []
    for i in range(60):
        day = D(2019, 1, 5) + dt.timedelta(days=12 * i)
        rows.append(
            ev(
                f"j{i:02d}",
                day,
                "jnim",
                "bf-military",
                inter1=2,
                inter2=1,
                country="BF",
                admin1="Est",
                admin2="Gourma",
                location="Fada N'Gourma",
                latitude=12.06 + (i % 5) * 0.02,
                longitude=0.36,
                event_type="Battles",
                sub_event_type="Armed clash",
                tactics=["ambush" if i % 2 else "IED"],
                fatalities=3,
            )
        )
        rows.append(
            ev(
                f"s{i:02d}",
                day + dt.timedelta(days=3),
                "is-sahel",
                "civilians-bf",
                inter1=2,
                inter2=7,
                country="BF",
                admin1="Sahel",
                admin2="Oudalan",
                location="Gorom-Gorom",
                latitude=14.44 + (i % 5) * 0.02,
                longitude=-0.23,
                event_type="Violence against civilians",
                sub_event_type="Attack",
                tactics=["mass killing"] if i % 3 == 0 else [],
                fatalities=5,
            )
        )
    return rows

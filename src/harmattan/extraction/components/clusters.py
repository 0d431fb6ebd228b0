"""The cluster (candidate sentences that report one occurrence) and what tells whether two clusters may be
one occurrence: their kind and their places."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from harmattan.extraction.components.events import Candidate
from harmattan.extraction.doc import Mention
from harmattan.regions.geo import haversine_km

_VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


@dataclass
class Cluster:
    """Candidates (sentences) that report one occurrence."""

    members: list[Candidate]
    date: tuple[dt.date, int, Mention | None] | None = None
    place: tuple[Any, Mention] | None = None
    historical: Mention | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def head(self) -> Candidate:
        return self.members[0]


def occurrence_kind(cand: Candidate) -> str:
    """What merging compares: a companion act by its sub-event type, all violence as one kind, else the
    event type."""
    if cand.companion:
        return f"companion:{cand.rule['sub_event_type']}"
    etype = str(cand.rule["event_type"])
    return "violent" if etype in _VIOLENT_TYPES else etype


def near(p: Any, q: Any, km: float) -> bool:
    """Whether two places lie within ``km`` of each other (never when one has no coordinates)."""
    if None in (p.latitude, q.latitude, p.longitude, q.longitude):
        return False
    return haversine_km(float(p.latitude), float(p.longitude), float(q.latitude), float(q.longitude)) <= km


def same_place(p: Any, q: Any) -> bool:
    """Whether two places are one for merging: the same place, or an area and a place inside it."""
    if p.id == q.id or str(p.id).split("/")[0] == q.id or str(q.id).split("/")[0] == p.id:
        return True  # ... or an unlisted village and the place whose point it takes (unlisted_places)
    if None in (p.latitude, q.latitude) and p.country == q.country and None in (p.admin1, q.admin1):
        return True  # a village with no point and no area, in the other's country: nothing tells them apart
    # a region and a town inside it, or a district and a town inside it, are one place for merging
    areas = {p.kind, q.kind} & {"admin1", "admin2"}
    if not areas:
        return False
    if p.name in (q.admin1, q.admin2) or q.name in (p.admin1, p.admin2):
        return True
    # a headline's area under a former name ("Boucle du Mouhoun :", "Loroum :") and a town of it: the
    # gazetteer files towns under today's areas, so the area's seat being near the town has to do
    reach = AREA_REACH_KM["admin1" if "admin1" in areas else "admin2"]
    return p.country == q.country and near(p, q, reach)


#: How far from its seat a town may lie and still be inside a region or a province (Sahel countries).
AREA_REACH_KM = {"admin1": 150.0, "admin2": 70.0}

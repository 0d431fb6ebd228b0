"""Gold records: what a person says a passage reports, and which of its fields can be scored.

Every reader (project JSONL, UCDP GED, PLOVER, PETRARCH-2, CASE 2021) turns its format into
:class:`GoldPassage` objects holding :class:`GoldEvent` objects, so the scorer never knows
where gold came from. A weak-gold format says, per event, which fields its text supports
(``fields``) and which alternative labels are acceptable.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from harmattan.records import Event

#: Fields the scorer knows, in report order.
SCORED_FIELDS: tuple[str, ...] = (
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "inter1",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "location",
    "geo_precision",
    "event_date",
    "fatalities",
    "tactics",
    "plover_type",
    "historical",
)


@dataclass(slots=True)
class GoldEvent:
    """One expected event, with the fields it may be scored on.

    ``event_types``/``actor1_ids``/``actor2_ids`` list accepted alternatives when the gold
    format is coarser than ours (UCDP's "state-based conflict" may be a battle or a drone
    strike); when empty, the value on ``event`` is the only right answer.
    """

    event: Event
    fields: frozenset[str]
    event_types: tuple[str, ...] = ()
    actor1_ids: tuple[str, ...] = ()
    actor2_ids: tuple[str, ...] = ()
    unordered_actors: bool = False
    #: accepted inter codes besides the event's own (UCDP's government side includes the VDP, inter 3)
    inter1_options: tuple[int, ...] = ()
    inter2_options: tuple[int, ...] = ()
    fatalities_range: tuple[int, int] | None = None

    def accepted_types(self) -> tuple[str, ...]:
        if self.event_types:
            return self.event_types
        return (self.event.event_type,) if self.event.event_type else ()


@dataclass(slots=True)
class GoldPassage:
    """A text and the events gold says it reports.

    ``exhaustive`` is true when gold lists every event the text reports (project gold,
    PETRARCH's "no events" sentences); only then is a prediction on a passage without gold
    events counted as a false alarm. ``scope`` says which predictions the gold speaks about:
    ``"all"``, ``"plover"`` (only predictions with a PLOVER type: PLOVER/PETRARCH code
    political interactions only) or ``"acled"`` (only predictions with an ACLED event type).
    """

    id: str
    text: str
    published: dt.date | None
    language: str | None
    events: list[GoldEvent] = field(default_factory=list)
    split: str | None = None
    exhaustive: bool = True
    format: str = "jsonl"
    scope: str = "all"
    meta: dict[str, Any] = field(default_factory=dict)


def in_scope(event: Event, scope: str) -> bool:
    """Whether a predicted event is one the gold of this scope speaks about."""
    if scope == "plover":
        return event.plover_type is not None
    if scope == "acled":
        return event.event_type is not None
    return True


def data_path(name: str) -> Path:
    """Path of a data file shipped with :mod:`harmattan.evaluation`."""
    return Path(str(resources.files("harmattan.evaluation") / "data" / name))


def mapping_path(name: str, pack: str = "sahel") -> Path:
    """Path of a mapping file of a region pack (``regions/<pack>/mappings/<name>``)."""
    return Path(str(resources.files("harmattan.regions") / pack / "mappings" / name))


@functools.lru_cache(maxsize=32)
def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def ontology() -> dict[str, Any]:
    """The codebook labels (``evaluation/data/ontology.yaml``, from shared/ONTOLOGY.md)."""
    data: dict[str, Any] = load_yaml(data_path("ontology.yaml"))
    return data


def event_type_of(sub_event_type: str) -> str | None:
    """The event type a sub-event type belongs to, or None for an unknown label."""
    for event_type, subs in ontology()["event_types"].items():
        if sub_event_type in subs:
            return str(event_type)
    return None

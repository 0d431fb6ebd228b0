"""The records every stage shares: documents, evidence and events.

These are plain dataclasses (cheap to build in hot loops, easy to pickle for
worker processes). Field names follow ACLED's export columns so that a
researcher's tools read our output unchanged; see ``shared/ONTOLOGY.md`` for
the exact labels that go into them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

#: The event fields of the extraction contract, in output order.
EVENT_FIELDS: tuple[str, ...] = (
    "event_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor1_id",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "actor2_id",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "tactics",
    "plover_type",
    "historical",
    "evidence",
    "confidence",
)


@dataclass(slots=True)
class Document:
    """A text as it enters extraction (and as the store keeps it)."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published_at: dt.date | None = None
    language: str | None = None
    source: str | None = None


@dataclass(slots=True, frozen=True)
class Evidence:
    """Where a field value came from: a character span of a document.

    ``start``/``end`` are offsets into the document text (not the sentence), so
    ``document_text[start:end] == text`` always holds.
    """

    field: str
    document: str | None
    sentence: int
    start: int
    end: int
    text: str
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One occurrence as reported by one document (an *event report*).

    Fusion across documents (``harmattan.events``) turns several of these
    into one fused event; this record is the per-document unit.
    """

    event_date: dt.date | None = None
    date_precision: int = 1
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor1_id: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    actor2_id: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    tactics: list[str] = field(default_factory=list)
    plover_type: str | None = None
    historical: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0
    document_id: str | None = None
    #: Further facts that are not part of the ACLED-shaped contract
    #: (claims of "neutralised" enemies, wounded, claimant, notes...).
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form of the extraction contract."""
        out: dict[str, Any] = {}
        for name in EVENT_FIELDS:
            value = getattr(self, name)
            if name == "event_date":
                value = value.isoformat() if value else None
            elif name == "evidence":
                value = [ev.to_dict() for ev in value]
            elif name == "tactics":
                value = list(value)
            out[name] = value
        if self.document_id is not None:
            out["document_id"] = self.document_id
        if self.extras:
            out["extras"] = dict(self.extras)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Rebuild an event from :meth:`to_dict` output (unknown keys go to extras)."""
        kwargs: dict[str, Any] = {}
        extras = dict(data.get("extras") or {})
        for key, value in data.items():
            if key == "extras":
                continue
            if key == "event_date" and isinstance(value, str):
                value = dt.date.fromisoformat(value)
            elif key == "evidence":
                value = [Evidence(**ev) for ev in value or []]
            if key in EVENT_FIELDS or key == "document_id":
                kwargs[key] = value
            else:
                extras[key] = value
        kwargs["extras"] = extras
        return cls(**kwargs)

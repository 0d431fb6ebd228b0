"""The source catalogue: outlets a region pack knows about, as validated data.

The catalogue lives in the region pack (``regions/<pack>/sources/catalogue.yaml``);
``register_catalogue`` copies its entries into the store's source registry, where
``harmattan fetch`` and the watcher find them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from harmattan.store import sources as store
from harmattan.store.database import Database

SOURCE_TYPES = (
    "wire",
    "national_press",
    "international_press",
    "radio",
    "think_tank",
    "government",
    "armed_group_claims",
    "monitor",
)
KINDS = ("rss", "web", "none")

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "sources"],
    "properties": {
        "version": {"const": 1},
        "sources": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "title", "homepage", "feed", "kind", "language", "countries", "type"],
                "properties": {
                    "name": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
                    "title": {"type": "string", "minLength": 1},
                    "homepage": {"type": ["string", "null"], "pattern": "^https?://"},
                    "feed": {"type": ["string", "null"], "pattern": "^https?://"},
                    "kind": {"enum": list(KINDS)},
                    "language": {"type": "string", "pattern": "^[a-z]{2}$"},
                    "countries": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"type": "string", "pattern": "^[A-Z]{2}$"},
                    },
                    "type": {"enum": list(SOURCE_TYPES)},
                    "verified": {"type": "boolean"},
                    "note": {"type": "string"},
                },
            },
        },
    },
}


class CatalogueError(ValueError):
    """A catalogue file that does not validate; the message lists every problem."""


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    title: str
    homepage: str | None
    feed: str | None
    kind: str
    language: str
    countries: tuple[str, ...]
    type: str
    verified: bool = False
    note: str = ""

    @property
    def fetchable(self) -> bool:
        return self.kind in ("rss", "web") and self.type != "armed_group_claims"


def catalogue_path(pack: str = "sahel") -> Path:
    import harmattan.regions

    return Path(harmattan.regions.__file__).parent / pack / "sources" / "catalogue.yaml"


def load_catalogue(path: Path | None = None) -> list[CatalogueEntry]:
    """Read and validate a catalogue; raises :class:`CatalogueError` naming every problem."""
    import jsonschema

    path = path or catalogue_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"{path}: {exc}") from None
    validator = jsonschema.Draft202012Validator(SCHEMA)
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in validator.iter_errors(data)
    ]
    if problems:
        raise CatalogueError(f"{path}: " + "; ".join(problems))
    entries = [CatalogueEntry(**{**item, "countries": tuple(item["countries"])}) for item in data["sources"]]
    problems = _consistency(entries)
    if problems:
        raise CatalogueError(f"{path}: " + "; ".join(problems))
    return entries


def _consistency(entries: list[CatalogueEntry]) -> list[str]:
    problems, names = [], set()
    for entry in entries:
        if entry.name in names:
            problems.append(f"{entry.name}: duplicate name")
        names.add(entry.name)
        if entry.kind in ("rss", "web") and not entry.feed:
            problems.append(f"{entry.name}: kind {entry.kind} needs a feed URL")
        if entry.kind == "none" and entry.feed:
            problems.append(f"{entry.name}: kind none must not have a feed URL")
        if entry.type == "armed_group_claims" and (entry.feed or entry.homepage):
            problems.append(f"{entry.name}: armed-group claims channels are catalogued without URLs")
    return problems


def register_catalogue(db: Database, entries: list[CatalogueEntry], types: tuple[str, ...] = ()) -> list[str]:
    """Add catalogue entries to the source registry (updating those already there); returns their names."""
    added = []
    for entry in entries:
        if types and entry.type not in types:
            continue
        existing = store.get_source(db, entry.name)
        store.save_source(
            db,
            entry.name,
            kind=entry.kind,
            url=entry.feed or entry.homepage,
            language=entry.language,
            country=entry.countries[0] if entry.countries[0] != "XX" else None,
            homepage=entry.homepage,
            source_type=entry.type,
            # A live fetch may already have verified it; the catalogue never un-verifies.
            verified=bool(existing and existing["verified"]) or entry.verified,
            enabled=entry.fetchable,
            meta={"title": entry.title, "countries": list(entry.countries), "note": entry.note},
        )
        added.append(entry.name)
    return added

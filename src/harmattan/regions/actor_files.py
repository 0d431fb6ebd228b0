"""Reading a pack's actor files into plain entries, before any record is built.

Both the loader and the validator start here, so they see exactly the same
data. YAML is read without implicit timestamps (dates stay strings, which the
JSON schema can check and :func:`parse_date` turns into dates, partial ones
included), and ``templates`` are expanded into one actor per country.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from harmattan.regions.actors import (
    Actor,
    ActorRegistry,
    Affiliation,
    Alias,
    Ambiguity,
    GenericTerm,
    PresenceFact,
    case_key,
    looks_like_abbreviation,
)
from harmattan.regions.text import fold

T = TypeVar("T")

#: The top-level keys an actor file may hold; files are merged key by key.
SECTIONS: tuple[str, ...] = ("countries", "actors", "templates", "generic_terms", "ambiguous", "presence")


class PackError(ValueError):
    """A region pack cannot be read; the message names the file and the entry."""


class _Loader(yaml.CSafeLoader):
    """Safe YAML without the timestamp resolver: '2024-11' and '2024-11-30' both stay strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> Any:
    """Parse one YAML file (no dates, no custom tags)."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)


def parse_date(value: str | None, *, end: bool = False) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial date means its first day, or last with ``end``."""
    if value is None or value == "":
        return None
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        day = calendar.monthrange(parts[0], parts[1])[1] if end else 1
        return dt.date(parts[0], parts[1], day)
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    raise ValueError(f"not a date: {value!r}")


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of one section, with the file it came from (for error messages)."""

    file: str
    section: str
    data: dict[str, Any]
    template: str | None = None

    @property
    def label(self) -> str:
        for key in ("id", "code", "alias", "actor"):
            if key in self.data:
                return str(self.data[key])
        return "?"


@dataclass(slots=True)
class ActorFiles:
    """Every entry of every actor file, by section, plus what could not be read."""

    sections: dict[str, list[Entry]] = field(default_factory=lambda: {key: [] for key in SECTIONS})
    problems: list[tuple[str, str]] = field(default_factory=list)

    def entries(self, section: str) -> list[Entry]:
        return self.sections[section]

    def actor_entries(self) -> Iterator[Entry]:
        """Actors as written plus actors expanded from templates."""
        yield from self.sections["actors"]
        for entry in self.sections["templates"]:
            yield from expand_template(entry, self.country_table())

    def country_table(self) -> dict[str, dict[str, Any]]:
        return {str(e.data.get("code")): e.data for e in self.sections["countries"]}


def read_actor_files(pack_dir: Path) -> ActorFiles:
    """Read ``pack_dir/actors/**/*.yaml`` (sorted, so the result never depends on the file system)."""
    out = ActorFiles()
    actors_dir = pack_dir / "actors"
    if not actors_dir.is_dir():
        out.problems.append(("actors/", "the pack has no actors/ folder"))
        return out
    for path in sorted(actors_dir.rglob("*.yaml")):
        rel = path.relative_to(pack_dir).as_posix()
        try:
            doc = read_yaml(path)
        except yaml.YAMLError as exc:
            out.problems.append((rel, f"is not valid YAML: {exc}".replace("\n", " ")))
            continue
        if doc is None:
            continue
        if not isinstance(doc, dict):
            out.problems.append((rel, f"must be a mapping with keys among {', '.join(SECTIONS)}"))
            continue
        for key, items in doc.items():
            if key not in SECTIONS:
                out.problems.append((rel, f"unknown section {key!r}; expected one of {', '.join(SECTIONS)}"))
            elif not isinstance(items, list):
                out.problems.append((rel, f"section {key!r} must be a list"))
            else:
                for item in items:
                    if not isinstance(item, dict):
                        out.problems.append((rel, f"an item of {key!r} is not a mapping: {item!r}"))
                    else:
                        out.sections[key].append(Entry(rel, key, item))
    return out


def expand_template(entry: Entry, countries: dict[str, dict[str, Any]]) -> Iterator[Entry]:
    """One actor per country the template lists, filling ``{cc}``, ``{CC}``, ``{country}``, ``{country_fr}``,
    ``{wiki}``.

    Strings are substituted literally (not ``str.format``), so other braces in the data are left alone.
    """
    data = dict(entry.data)
    codes = data.pop("countries", None) or []
    for code in codes:
        info = countries.get(str(code), {})
        values = {
            "{cc}": str(code).lower(),
            "{CC}": str(code).upper(),
            "{country}": str(info.get("name", code)),
            "{country_fr}": str(info.get("name_fr", info.get("name", code))),
            "{wiki}": str(info.get("wiki", info.get("name", code))).replace(" ", "_"),
        }
        actor = _substitute(data, values)
        actor["countries"] = [str(code).upper()]
        yield Entry(entry.file, "actors", actor, template=str(entry.data.get("id")))


def _substitute(value: Any, values: dict[str, str]) -> Any:
    if isinstance(value, str):
        for key, replacement in values.items():
            value = value.replace(key, replacement)
        return value
    if isinstance(value, list):
        return [_substitute(v, values) for v in value]
    if isinstance(value, dict):
        return {k: _substitute(v, values) for k, v in value.items()}
    return value


def build_registry(files: ActorFiles) -> ActorRegistry:
    """Turn read entries into an :class:`ActorRegistry`; a malformed entry raises :class:`PackError`."""
    if files.problems:
        rel, message = files.problems[0]
        raise PackError(f"{rel}: {message}")
    actors = [_guard(entry, build_actor) for entry in files.actor_entries()]
    terms = [t for e in files.entries("generic_terms") for t in _guard(e, build_generic_terms)]
    ambiguities = [_guard(e, build_ambiguity) for e in files.entries("ambiguous")]
    presence = [_guard(e, build_presence) for e in files.entries("presence")]
    demonyms = {
        str(word): str(e.data["code"])
        for e in files.entries("countries")
        for word in [*e.data.get("demonyms_en", []), *e.data.get("demonyms_fr", [])]
    }
    return ActorRegistry(actors, terms, ambiguities, presence, demonyms)


def _guard(entry: Entry, build: Callable[[Entry], T]) -> T:
    try:
        return build(entry)
    except (KeyError, TypeError, ValueError) as exc:
        raise PackError(
            f"{entry.file}: {entry.section} entry {entry.label!r} is malformed ({exc!r}); "
            "run `harmattan pack validate` for details"
        ) from exc


def build_alias(raw: str | dict[str, Any], actor_id: str, default_lang: str | None = None) -> Alias:
    """An alias is a plain string or ``{text, lang, case_sensitive, valid_from, valid_to}``."""
    data = {"text": raw} if isinstance(raw, str) else raw
    text = str(data["text"])
    sensitive = data.get("case_sensitive")
    return Alias(
        text=text,
        folded=fold(text),
        actor_id=actor_id,
        lang=data.get("lang", default_lang),
        case_sensitive=looks_like_abbreviation(text) if sensitive is None else bool(sensitive),
        valid_from=parse_date(data.get("valid_from")),
        valid_to=parse_date(data.get("valid_to"), end=True),
    )


def build_actor(entry: Entry) -> Actor:
    d = entry.data
    actor_id = str(d["id"])
    names = [build_alias(d["name"], actor_id, "en"), build_alias(d["name_fr"], actor_id, "fr")]
    aliases = names + [build_alias(a, actor_id) for a in d.get("aliases") or []]
    seen: set[tuple[str, bool, str]] = set()
    unique = []
    for alias in aliases:
        key = (alias.folded, alias.case_sensitive, case_key(alias.text) if alias.case_sensitive else "")
        if key not in seen:
            seen.add(key)
            unique.append(alias)
    return Actor(
        id=actor_id,
        name=str(d["name"]),
        name_fr=str(d["name_fr"]),
        kind=str(d["kind"]),
        inter=int(d["inter"]),
        countries=tuple(str(c).upper() for c in d.get("countries") or ()),
        source=str(d["source"]),
        valid_from=parse_date(d.get("valid_from")),
        valid_to=parse_date(d.get("valid_to"), end=True),
        aliases=tuple(unique),
        affiliations=tuple(build_affiliation(a) for a in d.get("affiliations") or ()),
        predecessor=d.get("predecessor"),
        successor=d.get("successor"),
        note=d.get("note"),
        origin=entry.file,
    )


def build_affiliation(d: dict[str, Any]) -> Affiliation:
    return Affiliation(
        type=str(d["type"]),
        target=str(d["target"]),
        start=parse_date(d.get("from")),
        end=parse_date(d.get("to"), end=True),
        source=d.get("source"),
    )


def build_generic_terms(entry: Entry) -> list[GenericTerm]:
    """``{actor: '{cc}-military', en: [soldiers, ...], fr: [soldats, ...], source}`` → one term per word."""
    d = entry.data
    out = []
    for lang in ("en", "fr"):
        for word in d.get(lang) or ():
            text = str(word)
            out.append(
                GenericTerm(
                    text, fold(text), str(d["actor"]), lang, looks_like_abbreviation(text), d.get("source")
                )
            )
    return out


def build_ambiguity(entry: Entry) -> Ambiguity:
    d = entry.data
    return Ambiguity(
        alias=str(d["alias"]),
        candidates=tuple(str(c) for c in d["candidates"]),
        rule=str(d["rule"]),
        prefer=d.get("prefer"),
        by_country={str(k).upper(): _id_list(v) for k, v in (d.get("by_country") or {}).items()},
        note=d.get("note"),
    )


def _id_list(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(str(v) for v in value)


def build_presence(entry: Entry) -> PresenceFact:
    d = entry.data
    date = parse_date(d["date"])
    if date is None:
        raise ValueError("a presence fact needs a date")
    return PresenceFact(
        str(d["actor"]), str(d["country"]).upper(), str(d["status"]), date, str(d["source"]), d.get("note")
    )

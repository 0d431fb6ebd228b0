"""Checking a region pack before anyone relies on it.

Every problem names the file, the entry, what is wrong and how to fix it, so
an analyst editing YAML in a pull request can act on the message alone.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from harmattan.regions.actor_files import ActorFiles, Entry, PackError, build_registry, read_actor_files
from harmattan.regions.actors import KIND_INTER, Actor, ActorRegistry, Alias, case_key
from harmattan.regions.pack import has_places, pack_dir, places_module, read_manifest
from harmattan.regions.text import fold

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "actor.schema.json"
_SECTION_DEF = {
    "countries": "country",
    "actors": "actor",
    "templates": "template",
    "generic_terms": "generic_term",
    "ambiguous": "ambiguity",
    "presence": "presence",
}


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    entry: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        fix = f" — fix: {self.fix}" if self.fix else ""
        return f"{self.file}: {self.entry}: {self.message}{fix}"


@dataclass(slots=True)
class ValidationReport:
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_pack(name_or_path: str | Path, *, places: bool = True) -> ValidationReport:
    """Check the pack's manifest, actor files and (with ``places``) its gazetteer."""
    report = ValidationReport()
    try:
        path = pack_dir(name_or_path)
        read_manifest(path)
    except PackError as exc:
        report.problems.append(
            Problem("pack.yaml", "-", str(exc), "add pack.yaml with name, version, description and licence")
        )
        return report
    files = read_actor_files(path)
    report.problems += [Problem(f, "-", m, "fix the file so it parses") for f, m in files.problems]
    report.problems += list(check_schema(files))
    if not report.problems:
        report.problems += check_registry(files, report.counts)
    if places:
        report.problems += check_places(path, report.counts)
    return report


@cache
def _validators() -> dict[str, jsonschema.protocols.Validator]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return {
        section: cls({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})
        for section, name in _SECTION_DEF.items()
    }


def check_schema(files: ActorFiles) -> Iterator[Problem]:
    validators = _validators()
    for section, entries in files.sections.items():
        for entry in entries:
            for error in validators[section].iter_errors(entry.data):
                where = "/".join(str(p) for p in error.absolute_path) or "(entry)"
                yield Problem(
                    entry.file,
                    f"{section} {entry.label}",
                    f"at {where}: {error.message}",
                    "see docs/region-pack.md for the fields and their formats",
                )


def check_registry(files: ActorFiles, counts: dict[str, int]) -> list[Problem]:
    problems: list[Problem] = []
    entries = list(files.actor_entries())
    problems += _unique_ids(entries)
    try:
        registry = build_registry(files)
    except (PackError, ValueError) as exc:
        return [*problems, Problem("actors/", "-", str(exc), "use real calendar dates")]
    origin = {a.id: a.origin for a in registry}
    countries = set(files.country_table())
    for actor in registry:
        problems += [
            Problem(actor.origin, actor.id, m, f) for m, f in _actor_problems(actor, registry, countries)
        ]
    problems += _generic_problems(files, registry)
    problems += _ambiguity_problems(files, registry)
    problems += _presence_problems(files, registry)
    problems += [Problem(origin.get(a, "actors/"), a, m, f) for a, m, f in alias_collisions(registry)]
    counts.update({k: v for k, v in registry.stats().items() if isinstance(v, int)})
    return problems


def _unique_ids(entries: list[Entry]) -> Iterator[Problem]:
    first: dict[str, Entry] = {}
    for entry in entries:
        actor_id = str(entry.data.get("id"))
        if actor_id in first:
            where = first[actor_id].file
            yield Problem(
                entry.file,
                actor_id,
                f"duplicate id (also in {where})",
                "give each actor its own id, or merge the two entries",
            )
        else:
            first[actor_id] = entry


def _actor_problems(actor: Actor, reg: ActorRegistry, countries: set[str]) -> Iterator[tuple[str, str]]:
    if actor.inter not in KIND_INTER[actor.kind]:
        allowed = sorted(KIND_INTER[actor.kind])
        yield f"inter {actor.inter} does not fit kind {actor.kind}", f"use inter {allowed} or change the kind"
    if actor.valid_from and actor.valid_to and actor.valid_from > actor.valid_to:
        yield "valid_from is after valid_to", "swap or correct the dates"
    for code in actor.countries:
        if countries and code not in countries:
            yield f"country {code} is not in the pack's countries table", "add it to actors/countries.yaml"
    for aff in actor.affiliations:
        if aff.target not in reg:
            yield (
                f"affiliation {aff.type} → {aff.target!r}: no such actor",
                "use an existing id or add the actor",
            )
        if aff.start and aff.end and aff.start > aff.end:
            yield f"affiliation {aff.type} → {aff.target}: 'from' is after 'to'", "correct the dates"
    for link in ("predecessor", "successor"):
        target = getattr(actor, link)
        if target is not None and target not in reg:
            yield f"{link} {target!r}: no such actor", "use an existing id or add the actor"
    yield from _chain_problems(actor, reg)
    for alias in actor.aliases:
        if alias.valid_from and alias.valid_to and alias.valid_from > alias.valid_to:
            yield f"alias {alias.text!r}: valid_from is after valid_to", "correct the dates"


def _chain_problems(actor: Actor, reg: ActorRegistry) -> Iterator[tuple[str, str]]:
    nxt = reg.get(actor.successor) if actor.successor else None
    if nxt is None:
        return
    back = nxt.predecessor == actor.id or any(
        a.type == "successor_of" and a.target == actor.id for a in nxt.affiliations
    )
    if not back:
        yield (
            f"successor {nxt.id} does not point back",
            f"set predecessor: {actor.id} on {nxt.id}, or add an affiliation successor_of → {actor.id}",
        )
    if actor.valid_to is None:
        yield f"has successor {nxt.id} but no valid_to", "give the date the entity ended"
    seen = {actor.id}
    while nxt is not None:
        if nxt.id in seen:
            yield "the successor chain loops", "break the cycle of successor links"
            return
        seen.add(nxt.id)
        nxt = reg.get(nxt.successor) if nxt.successor else None


def _generic_problems(files: ActorFiles, reg: ActorRegistry) -> Iterator[Problem]:
    codes = sorted(files.country_table())
    seen: dict[tuple[str, str], str] = {}
    for entry in files.entries("generic_terms"):
        template = str(entry.data["actor"])
        ids = [template.replace("{cc}", c.lower()) for c in codes] if "{cc}" in template else [template]
        if not any(i in reg for i in ids):
            yield Problem(
                entry.file,
                template,
                "no actor matches this template for any country",
                "fix the template or add the actors it names",
            )
        for lang in ("en", "fr"):
            for word in entry.data.get(lang) or ():
                key = (lang, case_key(str(word)).lower())
                if key in seen and seen[key] != template:
                    yield Problem(
                        entry.file,
                        template,
                        f"term {word!r} ({lang}) also maps to {seen[key]}",
                        "keep one meaning per term",
                    )
                seen.setdefault(key, template)


def _ambiguity_problems(files: ActorFiles, reg: ActorRegistry) -> Iterator[Problem]:
    for entry in files.entries("ambiguous"):
        d = entry.data
        label = f"ambiguous {d['alias']!r}"
        named = {str(c) for c in d["candidates"]}
        for actor_id in sorted(named):
            actor = reg.get(actor_id)
            if actor is None:
                yield Problem(entry.file, label, f"candidate {actor_id!r}: no such actor", "use existing ids")
            elif not _has_alias(actor, str(d["alias"])):
                yield Problem(
                    entry.file,
                    label,
                    f"{actor_id} has no alias {d['alias']!r}",
                    f"add the alias to {actor_id} or drop it from the candidates",
                )
        if d["rule"] == "date" and _overlapping(reg, str(d["alias"]), named):
            yield Problem(
                entry.file,
                label,
                "rule 'date' but the candidates overlap in time",
                "give the aliases or actors disjoint dates, or use rule prefer/country",
            )
        by_country = (d.get("by_country") or {}).values()
        chosen: list[str | None] = [d.get("prefer")]
        chosen += [i for v in by_country for i in ([v] if isinstance(v, str) else v)]
        for chosen_id in chosen:
            if chosen_id is not None and chosen_id not in named:
                yield Problem(
                    entry.file,
                    label,
                    f"{chosen_id!r} is chosen but not a candidate",
                    "list it under candidates",
                )


def _overlapping(reg: ActorRegistry, text: str, ids: set[str]) -> bool:
    aliases = [a for a in reg.aliases() if a.actor_id in ids and a.folded == fold(text) and a.matches(text)]
    return any(True for _ in _clashing_pairs(aliases, reg))


def _has_alias(actor: Actor, text: str) -> bool:
    return any(a.folded == fold(text) and a.matches(text) for a in actor.aliases)


def _presence_problems(files: ActorFiles, reg: ActorRegistry) -> Iterator[Problem]:
    for entry in files.entries("presence"):
        if str(entry.data["actor"]) not in reg:
            yield Problem(
                entry.file,
                f"presence {entry.data['actor']}",
                "no such actor",
                "use an existing id or add the actor",
            )


def _window(alias: Alias, actor: Actor) -> tuple[dt.date, dt.date]:
    starts = [d for d in (alias.valid_from, actor.valid_from) if d]
    ends = [d for d in (alias.valid_to, actor.valid_to) if d]
    return max(starts, default=dt.date.min), min(ends, default=dt.date.max)


def alias_collisions(reg: ActorRegistry) -> Iterator[tuple[str, str, str]]:
    """Names that resolve to two actors on one date with no rule declared in an ``ambiguous`` section."""
    declared = {fold(a.alias): set(a.candidates) for a in reg.ambiguities()}
    by_name: dict[str, list[Alias]] = defaultdict(list)
    for alias in reg.aliases():
        by_name[alias.folded].append(alias)
    for aliases in by_name.values():
        for a, b in _clashing_pairs(aliases, reg):
            rule = declared.get(a.folded, set())
            if {a.actor_id, b.actor_id} <= rule:
                continue
            yield (
                a.actor_id,
                f"alias {a.text!r} also names {b.actor_id} on overlapping dates",
                "remove it from one actor, give them disjoint dates, or declare it in ambiguous.yaml",
            )


def _clashing_pairs(aliases: Iterable[Alias], reg: ActorRegistry) -> Iterator[tuple[Alias, Alias]]:
    for a, b in itertools.combinations(aliases, 2):
        if a.actor_id == b.actor_id:
            continue
        if a.case_sensitive and b.case_sensitive and case_key(a.text) != case_key(b.text):
            continue
        (s1, e1), (s2, e2) = _window(a, _actor(reg, a)), _window(b, _actor(reg, b))
        if max(s1, s2) <= min(e1, e2):
            yield a, b


def _actor(reg: ActorRegistry, alias: Alias) -> Actor:
    actor = reg.get(alias.actor_id)
    assert actor is not None  # aliases come from the registry's own actors
    return actor


def check_places(path: Path, counts: dict[str, int]) -> list[Problem]:
    if not has_places():
        return [
            Problem(
                "places/",
                "-",
                "harmattan.regions.places is missing, so places cannot be checked",
                "install the full package",
            )
        ]
    try:
        gazetteer: Any = places_module().Gazetteer.load(path)
    except (PackError, OSError, ValueError) as exc:
        return [
            Problem("places/", "-", f"the gazetteer does not load: {exc}", "rebuild or fix the places files")
        ]
    counts.update({f"places_{k}" if k != "places" else k: v for k, v in gazetteer.stats().items()})
    return [Problem("places/", "-", str(message)) for message in gazetteer.validate()]

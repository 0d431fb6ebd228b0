"""The time-aware actor registry: who is who, under which names, and when.

Names change and groups merge (Wagner Group → Africa Corps, CSP-DPA → FLA,
ISGS → Islamic State Sahel Province), so an alias resolves to the entity that
was valid on the date of the report. Where a name stays ambiguous on a date,
the pack declares it (section ``ambiguous``) with a rule; without a rule the
registry answers ``None`` rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from harmattan.regions.text import _SEPARATORS, fold

#: Kinds of actor and the ACLED inter codes each may carry (see ONTOLOGY.md).
KIND_INTER: dict[str, frozenset[int]] = {
    "state_force": frozenset({1}),
    "government": frozenset({1}),
    "state": frozenset({1}),
    "rebel_group": frozenset({2}),
    "islamist_group": frozenset({2}),
    "militia": frozenset({3}),
    "identity_militia": frozenset({4}),
    "rioters": frozenset({5}),
    "protesters": frozenset({6}),
    "civilian_group": frozenset({7}),
    "foreign_force": frozenset({8}),
    "multilateral_mission": frozenset({8}),
    "intergovernmental_body": frozenset({8}),
    "unidentified": frozenset({2, 3}),
    "other": frozenset(range(0, 9)),
}
#: "Volunteers for the Defence of the Homeland (VDP)", "Military Forces of Mali (2021-)": name and aside.
_PARENTHESIS = re.compile(r"\s*([^()]*?)\s*\(([^()]*)\)\s*")
#: Presence statuses under which a force counts as on the ground.
PRESENT_STATUSES = frozenset({"arrived", "present", "drawing_down", "announced_withdrawal"})


def case_key(text: str) -> str:
    """Like :func:`fold` but keeping case: the key for case-sensitive aliases."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", stripped).strip()


def looks_like_abbreviation(text: str) -> bool:
    """Short mostly-capital tokens (FAMa, EIGS, CSP-PSD): words like 'aes' or 'msa' must not match them."""
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return " " not in text.strip() and len(text) <= 9 and upper >= 2 and upper * 2 > len(letters)


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


@dataclass(frozen=True, slots=True)
class Alias:
    """One name of one actor, as the extraction matchers see it."""

    text: str
    folded: str
    actor_id: str
    lang: str | None = None
    case_sensitive: bool = False
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def matches(self, text: str) -> bool:
        """Whether ``text`` is this alias (its folded form must already be equal)."""
        return not self.case_sensitive or case_key(text) == case_key(self.text)

    def valid_on(self, day: dt.date) -> bool:
        return _within(day, self.valid_from, self.valid_to)


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A dated link between two actors: parent, member_of, ally, contractor_of, component_of, successor_of."""

    type: str
    target: str
    start: dt.date | None = None
    end: dt.date | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "target": self.target,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """One entity of the registry."""

    id: str
    name: str
    name_fr: str
    kind: str
    inter: int
    countries: tuple[str, ...]
    source: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    aliases: tuple[Alias, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    predecessor: str | None = None
    successor: str | None = None
    note: str | None = None
    origin: str = ""

    def valid_on(self, day: dt.date) -> bool:
        return _within(day, self.valid_from, self.valid_to)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``harmattan pack actor --json`` (a contract other tools read)."""
        return {
            "id": self.id,
            "name": self.name,
            "name_fr": self.name_fr,
            "inter": self.inter,
            "kind": self.kind,
            "countries": list(self.countries),
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "affiliations": [a.to_dict() for a in self.affiliations],
        }


@dataclass(frozen=True, slots=True)
class GenericTerm:
    """A generic noun ('soldiers', 'hommes armés') standing for an actor, often per country."""

    text: str
    folded: str
    template: str
    lang: str
    case_sensitive: bool = False
    source: str | None = None

    def actor_id(self, country: str | None) -> str | None:
        if "{cc}" not in self.template:
            return self.template
        return self.template.replace("{cc}", country.lower()) if country else None


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A name the pack declares ambiguous, and how to choose: by country, else the preferred candidate."""

    alias: str
    candidates: tuple[str, ...]
    rule: str
    prefer: str | None = None
    #: per country, the candidates in order of preference; the first one valid on the date wins
    #: ("al-Qaeda" in a Mali report is AQIM before JNIM was founded, JNIM after)
    by_country: dict[str, tuple[str, ...]] = field(default_factory=dict)
    note: str | None = None

    def choose(self, actors: list[Actor], country: str | None) -> Actor | None:
        by_id = {a.id: a for a in actors}
        for actor_id in self.by_country.get((country or "").upper(), ()):
            if actor_id in by_id:
                return by_id[actor_id]
        if self.prefer in by_id:
            return by_id[self.prefer]
        return None


@dataclass(frozen=True, slots=True)
class PresenceFact:
    """A dated fact on a foreign or multilateral force in a country (arrived, present, left...)."""

    actor_id: str
    country: str
    status: str
    date: dt.date
    source: str
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor_id,
            "country": self.country,
            "status": self.status,
            "date": self.date.isoformat(),
            "note": self.note,
            "source": self.source,
        }


def _unique(actors: Iterable[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.id, actor)
    return list(seen.values())


class ActorRegistry:
    """Lookups over a pack's actors: by id, by alias (time-aware), by generic term."""

    def __init__(
        self,
        actors: Iterable[Actor],
        generic_terms: Iterable[GenericTerm] = (),
        ambiguities: Iterable[Ambiguity] = (),
        presence: Iterable[PresenceFact] = (),
        demonyms: dict[str, str] | None = None,
    ) -> None:
        self._by_id: dict[str, Actor] = {}
        self._by_name: dict[str, list[Alias]] = defaultdict(list)
        for actor in actors:
            self._by_id[actor.id] = actor
            for alias in actor.aliases:
                self._by_name[alias.folded].append(alias)
        self._generic: dict[str, list[GenericTerm]] = defaultdict(list)
        for term in generic_terms:
            self._generic[term.folded].append(term)
        self._ambiguous = {fold(a.alias): a for a in ambiguities}
        self._presence = sorted(presence, key=lambda f: (f.date, f.actor_id, f.country))
        self._demonyms = {fold(k): v for k, v in (demonyms or {}).items()}

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._by_id.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id

    def get(self, actor_id: str) -> Actor | None:
        return self._by_id.get(actor_id)

    def aliases(self) -> Iterator[Alias]:
        """Every name of every actor (canonical names included), for the extraction matchers."""
        for aliases in self._by_name.values():
            yield from aliases

    def generic_terms(self) -> Iterator[GenericTerm]:
        for terms in self._generic.values():
            yield from terms

    def ambiguities(self) -> list[Ambiguity]:
        return list(self._ambiguous.values())

    def candidates(self, name: str, date: dt.date | None = None, country: str | None = None) -> list[Actor]:
        """Every actor ``name`` may mean, narrowed to the date and the country when they tell them apart."""
        hits = self._match(name)[1]
        if not hits:
            return []
        actors = self._on_date(hits, date) if date else _unique(self._by_id[a.actor_id] for a in hits)
        if country and len(actors) > 1:
            local = [a for a in actors if country.upper() in a.countries]
            actors = local or actors
        return actors

    def resolve(self, name: str, date: dt.date | None = None, country: str | None = None) -> Actor | None:
        """The one actor ``name`` means on ``date``; ``None`` if unknown or ambiguous without a rule."""
        found = self.candidates(name, date, country)
        if len(found) <= 1:
            return found[0] if found else None
        rule = self._ambiguous.get(fold(self._match(name)[0]))
        return rule.choose(found, country) if rule else None

    def generic(self, term: str, country: str | None = None, date: dt.date | None = None) -> Actor | None:
        """The actor a generic noun stands for in ``country`` ('soldats' in ML → ml-military)."""
        for entry in self._generic.get(fold(term), ()):
            if entry.case_sensitive and case_key(term) != case_key(entry.text):
                continue
            actor_id = entry.actor_id(country)
            actor = self._by_id.get(actor_id) if actor_id else None
            if actor is not None:
                return self._successor_on(actor, date) if date else actor
        return None

    def operation_of(self, actor_id: str, country: str, day: dt.date) -> Actor | None:
        """The one operation of a national force present in ``country`` on ``day`` ("French troops" in
        Mali in 2016 are Barkhane); ``None`` where none or several are (Barkhane and Sabre in Burkina), and
        for an operation itself (Takuba, a part of Barkhane, does not stand for it)."""
        parent = self._by_id.get(actor_id)
        if parent is None or any(a.type == "component_of" for a in parent.affiliations):
            return None
        found = [
            self._by_id[force]
            for force in self.present_on(country, day)
            if force in self._by_id
            and any(
                a.type == "component_of" and a.target == actor_id and _within(day, a.start, a.end)
                for a in self._by_id[force].affiliations
            )
        ]
        return found[0] if len(found) == 1 else None

    def country_of_demonym(self, word: str) -> str | None:
        """'maliens' → 'ML', 'Burkinabe' → 'BF' (ISO2), from the pack's country table."""
        return self._demonyms.get(fold(word))

    def presence(self, country: str | None = None, actor_id: str | None = None) -> list[PresenceFact]:
        """Dated presence facts, oldest first, filtered by country and/or actor."""
        return [
            f
            for f in self._presence
            if (country is None or f.country == country.upper())
            and (actor_id is None or f.actor_id == actor_id)
        ]

    def present_on(self, country: str, day: dt.date) -> list[str]:
        """Ids of the forces whose latest presence fact in ``country`` up to ``day`` says they are there."""
        latest: dict[str, PresenceFact] = {}
        for fact in self.presence(country):
            if fact.date <= day:
                latest[fact.actor_id] = fact
        return sorted(a for a, f in latest.items() if f.status in PRESENT_STATUSES)

    def stats(self) -> dict[str, Any]:
        kinds: dict[str, int] = defaultdict(int)
        for actor in self:
            kinds[actor.kind] += 1
        dated = sum(1 for a in self for f in a.affiliations if f.start or f.end) + len(self._presence)
        return {
            "actors": len(self),
            "aliases": sum(len(v) for v in self._by_name.values()),
            "generic_terms": sum(len(v) for v in self._generic.values()),
            "ambiguous_names": len(self._ambiguous),
            "affiliations": sum(len(a.affiliations) for a in self),
            "presence_facts": len(self._presence),
            "dated_facts": dated,
            "by_kind": dict(sorted(kinds.items())),
        }

    def _match(self, name: str) -> tuple[str, list[Alias]]:
        """The aliases ``name`` matches, trying 'Name (ABBR)' as 'Name' then 'ABBR' when whole it does not."""
        forms = [name]
        paren = _PARENTHESIS.fullmatch(name)
        if paren:
            forms += [paren.group(1), paren.group(2)]
        for form in forms:
            hits = [a for a in self._by_name.get(fold(form), ()) if a.matches(form)]
            if hits:
                return form, hits
        return name, []

    def _on_date(self, hits: list[Alias], day: dt.date) -> list[Actor]:
        current = [self._by_id[a.actor_id] for a in hits if a.valid_on(day)]
        valid = _unique(a for a in current if a.valid_on(day))
        if valid:
            return valid
        # The name is out of use or the entity has ended: follow each successor chain to the date.
        followed = _unique(self._successor_on(self._by_id[a.actor_id], day) for a in hits)
        still_valid = [a for a in followed if a.valid_on(day)]
        # Nothing fits the date (a report on the distant past or future): keep every candidate.
        return still_valid or followed

    def _successor_on(self, actor: Actor, day: dt.date | None) -> Actor:
        seen = {actor.id}
        while day and actor.valid_to and day > actor.valid_to and actor.successor:
            nxt = self._by_id.get(actor.successor)
            if nxt is None or nxt.id in seen:
                break
            seen.add(nxt.id)
            actor = nxt
        return actor

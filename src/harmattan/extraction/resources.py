"""Per-process shared resources: the region pack and the matchers built from it and the taxonomies.

Building the automata (tens of thousands of place names) costs a second; it happens once
per process and pack, on first use, never at import time.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

from harmattan.extraction.doc import Mention
from harmattan.extraction.lexicon import Entry, Scanner, entry, fold_term, lang_terms, load_taxonomy

_BY_PACK: dict[int, Resources] = {}


def resources_for(pack: Any) -> Resources:
    """The shared :class:`Resources` of a pack (``None``: no region knowledge, lexicons only)."""
    key = id(pack)
    res = _BY_PACK.get(key)
    if res is None or res.pack is not pack:
        res = _BY_PACK[key] = Resources(pack)
    return res


def load_default_pack() -> Any:
    """The region pack named in settings, or ``None`` when no pack can be loaded (say so loudly elsewhere)."""
    try:
        from harmattan import regions
        from harmattan.settings import get_settings

        loader = getattr(regions, "load", None)
        return loader(get_settings().region_pack) if loader else None
    except (ImportError, FileNotFoundError, ValueError, KeyError):
        return None


class Resources:
    def __init__(self, pack: Any) -> None:
        self.pack = pack

    @functools.cached_property
    def lexicon(self) -> Scanner:
        # an introducing word only matters before a capitalised name (or a figure)
        return Scanner(_taxonomy_entries(), before_capital=frozenset({"ctx_before", "ctx_near"}))

    @functools.cached_property
    def actor_scanner(self) -> Scanner:
        entries: list[Entry] = []
        if self.pack is not None:
            for alias in self.pack.actors.aliases():
                text = str(alias.text)
                case = "exact" if alias.case_sensitive else "any"
                entries.append(Entry("actor", (text, alias.actor_id), alias.lang, text, case, False))
        return Scanner(entries)

    @functools.cached_property
    def place_scanner(self) -> Scanner:
        entries: list[Entry] = []
        if self.pack is not None:
            for folded, ids in self.pack.places.names():
                # "le parc du W", "le lac Tchad": French writes a park's or a lake's common noun in lower case
                words = str(folded).split()
                case = "any" if len(words) > 1 and words[0] in _FEATURE_NOUNS else "initial"
                entries.append(Entry("place", tuple(ids), None, str(folded), case, False))
        return Scanner(entries)

    @functools.cached_property
    def alliances(self) -> tuple[Any, ...]:
        """Bodies of a few member states (AES, G5 Sahel): the states listed together act as the body."""
        if self.pack is None:
            return ()
        return tuple(
            a for a in self.pack.actors if a.kind == "intergovernmental_body" and 2 <= len(a.countries) <= 5
        )

    @functools.cached_property
    def non_person_units(self) -> frozenset[str]:
        return frozenset(fold_term(w) for _, w in lang_terms(load_taxonomy("quantities")["non_person"]))

    @functools.cached_property
    def common_place_words(self) -> frozenset[str]:
        data = load_taxonomy("places")
        words = {fold_term(w) for _, w in lang_terms(data["common_words"])}
        stop = load_taxonomy("language")["stopwords"]
        words.update(w for lang in ("en", "fr") for w in stop[lang])
        return frozenset(words)

    def warm(self) -> None:
        """Build every matcher now, so that no document's time limit pays for it."""
        _ = (
            self.lexicon,
            self.actor_scanner,
            self.place_scanner,
            self.common_place_words,
            self.non_person_units,
        )

    @functools.lru_cache(maxsize=16384)  # noqa: B019  (one Resources per pack and process)
    def place(self, place_id: str) -> Any:
        """A gazetteer place by id. Cached: the gazetteer parses the place's row on every ``get``, the
        same places recur in every report, and a place is a frozen record."""
        return self.pack.places.get(place_id) if self.pack is not None else None

    @functools.lru_cache(maxsize=4096)  # noqa: B019
    def admin_area(self, name: str, country: str | None, level: int | None = None) -> Any:
        """The admin area a name stands for (:meth:`Gazetteer.admin_area`), cached: each lookup ranks
        rows and the same few areas are asked for in report after report."""
        return self.pack.places.admin_area(name, country, level) if self.pack is not None else None

    def actor(self, actor_id: str) -> Any:
        return self.pack.actors.get(actor_id) if self.pack is not None else None

    @functools.lru_cache(maxsize=4096)  # noqa: B019  (one Resources per pack and process)
    def resolve_alias(
        self, text: str, actor_id: str, date: dt.date | None, country: str | None = None
    ) -> str:
        """The id an alias names on a date and in a country (Wagner in 2025 is Africa Corps; "Islamic
        State" in a Burkina Faso report is its Sahel province)."""
        if self.pack is None:
            return actor_id
        found = self.pack.actors.resolve(text, date, country)
        if found is not None and date is not None and country:
            found = self.pack.actors.operation_of(found.id, country, date) or found
        return str(found.id) if found is not None else actor_id

    def forces_of(self, cc: str, country: str | None, date: dt.date | None) -> str:
        """The id of country ``cc``'s armed forces acting in ``country`` on ``date``: the operation alone on
        the ground then, where there is one ("French troops" in Mali in 2016 are Barkhane)."""
        forces = f"{cc.lower()}-military"
        if self.pack is None or country is None or date is None:
            return forces
        operation = self.pack.actors.operation_of(forces, country, date)
        return str(operation.id) if operation is not None else forces

    def resolve_mention(self, m: Mention, actor_id: str, date: dt.date | None, country: str | None) -> str:
        """What an actor mention names on ``date`` in ``country``: its alias resolved again (the rule
        records the alias it was read by); ``actor_id`` when it was not read by an alias."""
        if not m.rule.startswith(ALIAS_RULE):
            return actor_id
        return self.resolve_alias(m.rule.removeprefix(ALIAS_RULE), actor_id, date, country)

    @functools.lru_cache(maxsize=4096)  # noqa: B019
    def generic(self, term: str, template: str, country: str | None, date: dt.date | None) -> str | None:
        """The actor id of a generic noun ("soldiers" in Mali -> ml-military)."""
        if self.pack is not None:
            hook = getattr(self.pack.actors, "generic", None)
            found = hook(term, country, date) if hook is not None else None
            if found is not None:
                return str(found.id)
        if "{cc}" in template:
            if not country:
                return None
            return template.replace("{cc}", country.lower())
        return template


#: the rule of an actor mention read by one of the pack's aliases ("actor-alias:<the alias>")
ALIAS_RULE = "actor-alias:"


def _with_inserted_word(term: str, words: list[str]) -> Iterator[str]:
    """ "rappelé son ambassadeur" -> "rappelé dimanche son ambassadeur": a multi-word cue with a day
    between its first word and the rest."""
    first, _, rest = term.partition(" ")
    if rest and not term.endswith("*"):
        for word in words:
            yield f"{first} {word} {rest}"


def _taxonomy_entries() -> Iterator[Entry]:
    triggers = load_taxonomy("triggers")
    inserted = triggers.get("inserted_words", {})
    for cue, section in triggers["cues"].items():
        for lang, term in lang_terms(section):
            yield entry("cue", cue, lang, term)
            for variant in _with_inserted_word(term, inserted.get(lang, [])):
                yield entry("cue", cue, lang, variant)
    for lang, term in lang_terms(triggers.get("non_violent_causes", {})):
        yield entry("disaster", None, lang, term)
    for source, section in triggers.get("sources", {}).items():
        for lang, term in lang_terms(section):
            yield entry("source", source, lang, term)
    for lang, term in lang_terms(triggers.get("sports_words", {})):
        yield entry("sport", fold_term(term), lang, term)
    for spec in load_taxonomy("actor_terms")["terms"]:
        value = (spec["role"], spec["id"], int(spec["inter"]), spec.get("country"))
        for lang in ("en", "fr"):
            for term in spec.get(lang, []):
                yield entry("term", value, lang, str(term))
    for cc, section in load_taxonomy("countries")["countries"].items():
        for lang, term in lang_terms(section):
            yield entry("country", cc, lang, term)
    quant = load_taxonomy("quantities")
    for kind in ("vague", "units"):
        for lang, table in quant[kind].items():
            for term, value in table.items():
                yield entry("vague" if kind == "vague" else "numword", int(value), lang, str(term))
    for lang, term in lang_terms(quant["no_casualties"]):
        yield entry("nocas", 0, lang, term)
    yield from _date_entries()
    places = load_taxonomy("places")
    for kind in ("before", "near", "admin1", "admin2", "site_after", "near_after"):
        for lang, term in lang_terms(places[kind]):
            yield entry(f"ctx_{kind}", None, lang, term)


def _date_entries() -> Iterator[Entry]:
    dates = load_taxonomy("dates")
    for kind in ("weekdays", "months", "month_parts"):
        for lang, table in dates[kind].items():
            for term, value in table.items():
                yield entry(kind.rstrip("s"), int(value), lang, str(term))
    for lang, table in dates["relative"].items():
        for term, spec in table.items():
            yield entry("relative", dict(spec), lang, str(term))
    for lang, term in lang_terms(dates["historical_cues"]):
        yield entry("hist", None, lang, term.rstrip())


#: the first words of place names that French and English reports may write in lower case
_FEATURE_NOUNS = frozenset(
    {"parc", "lac", "foret", "massif", "fleuve", "reserve", "plateau", "vallee", "lake", "forest", "river"}
)

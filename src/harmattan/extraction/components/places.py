"""Place mentions: gazetteer names found in the folded text, kept only with evidence that they
are places here (a capital letter, an introducing word, a populous or administrative place),
and disambiguated by the document's country (the hints that tell homonyms apart are place_context.py's)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from harmattan.extraction.components.clusters import AREA_REACH_KM, near
from harmattan.extraction.components.mentions import in_accord_name
from harmattan.extraction.components.place_context import (
    FEATURE_RANK,
    countries_hint,
    country_after,
    homonym_score,
    named_directions,
    near_countries,
)
from harmattan.extraction.components.place_words import (
    COMPOUND_BEFORE,
    PART_OF_COMPOUND,
    ROAD_AFTER,
    article_before,
    between_pair,
    context_after,
    context_before,
    dateline,
    designated_name,
    headline_place,
    inside_proper_name,
    listed_after,
    names_a_thing,
    person_name,
    site_named,
)
from harmattan.extraction.components.unlisted_places import most_named, unlisted_villages, village_at
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import load_taxonomy, resolve_overlaps
from harmattan.extraction.pipeline import Component, register


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A resolved place mention: the place and the geo precision the wording gives it."""

    place: Any
    precision: int
    context: str


@register
class PlaceMentions(Component):
    name = "places"
    requires = ("folded", "sentences", "context_words", "actors")
    provides = ("places",)

    def __call__(self, doc: Doc) -> Doc:
        if self.resources.pack is None:
            return doc
        blocked = doc.mask(("actor", "country", "term", "name_part"))
        hits = [
            h
            for h in self.resources.place_scanner.scan(doc.clean, doc.folded, None)
            if blocked.find(1, h.start, h.end) < 0  # no character inside an actor, country or term
            and not in_accord_name(doc, h.start, h.end)  # "the 2015 Algiers peace agreement"
        ]
        order = {"ctx_before": 0, "ctx_near": 1, "ctx_admin1": 2, "ctx_admin2": 2}
        ctx_mentions = sorted((m for m in doc.mentions if m.kind in order), key=lambda m: order[m.kind])
        ctx = {m.end: m.kind for m in ctx_mentions}  # a stronger context word overrides a weaker one
        after = {m.start: m.kind for m in doc.mentions if m.kind in ("ctx_admin1", "ctx_admin2")}
        # "the Thiou military detachment": the name before a site noun is introduced as by "in"
        after.update({m.start: "ctx_before" for m in doc.mentions if m.kind == "ctx_site_after"})
        after.update({m.start: "ctx_near" for m in doc.mentions if m.kind == "ctx_near_after"})  # "X area"
        min_pop = int(load_taxonomy("places")["min_population_bare"])
        countries = countries_hint(doc)
        directions = named_directions(doc)
        pending: list[tuple[Any, str | None]] = []
        kept = resolve_overlaps(hits)
        persons = {doc.folded[h.start : h.end] for h in kept if person_name(doc, h.start)}
        datelines = []
        starts, ends = {h.start for h in kept}, {h.end for h in kept}
        for hit in kept:
            # "Palal-Sambo": "Palal" is only part of a name the gazetteer lacks; but "l'axe Djibo-Namssiguia"
            # joins two places it knows
            if (PART_OF_COMPOUND.match(doc.text, hit.end) and hit.end + 1 not in starts) or (
                COMPOUND_BEFORE.search(doc.text, max(0, hit.start - 2), hit.start)
                and hit.start - 1 not in ends
            ):
                continue
            headline = headline_place(doc, hit.start, hit.end)
            if not headline and dateline(doc, hit.start, hit.end):
                datelines.append((hit, "ctx_before"))  # kept aside: where the report was filed from
                continue
            if doc.folded[hit.start : hit.end] in persons and (
                person_name(doc, hit.start) or context_before(doc, hit.start, ctx) is None
            ):
                continue  # "President Keïta", then "Keïta announced": a person named like a town
            context = context_after(doc, hit.end, after) or context_before(doc, hit.start, ctx)
            context = context or ("ctx_before" if headline else None) or site_named(doc, hit.start, hit.end)
            if context is None and pending and listed_after(doc, pending[-1], hit):
                context = pending[-1][1]  # "à Kayes, Diboli et Sandaré": a list shares its first place's word
            if context == "ctx_before" and between_pair(doc, hit.start):
                context = "ctx_near"  # "between Titabé and Ouro Sabou": neither is the exact spot
            elif (
                context in ("ctx_before", None)
                and self._area(hit)
                and ((headline and not self._town(hit)) or article_before(doc, hit.start))
            ):
                context = "ctx_area"
            pending.append((hit, context))
        # areas first ("in Yatenga province"): a village of the same name elsewhere loses to the one in it
        if len(pending) > 1:
            pending.sort(key=lambda hc: hc[1] not in ("ctx_admin1", "ctx_admin2") and not self._area(hc[0]))
        areas: set[str] = set()
        found: list[Mention] = []
        country_mentions = doc.of_kind("country")
        for hit, context in [*pending, *datelines]:
            ref = self._resolve(
                doc,
                hit.entry.value,
                doc.folded[hit.start : hit.end],
                context,
                (country_after(doc, hit.end, countries, country_mentions), areas, directions),
                min_pop,
                hit.start,
                hit.end,
            )
            if ref is not None and ref.precision == 1 and ROAD_AFTER.match(doc.folded, hit.end):
                ref = PlaceRef(ref.place, 2, "ctx_near")  # "on the Gao road": somewhere along it, not in Gao
            if ref is not None and (hit, context) in datelines:
                text = doc.text[hit.start : hit.end]
                line = doc.sentence_of(hit.start)
                doc.user_data["dateline"] = Mention(
                    "place", hit.start, hit.end, text, ref, line, "gazetteer:dateline"
                )
            elif ref is not None:
                if ref.place.kind in ("admin1", "admin2"):
                    areas.add(ref.place.name)
                    if ref.place.country not in countries:  # "dans la région de Kidal": Mali, unnamed
                        countries.append(str(ref.place.country))
                found.append(
                    Mention(
                        "place",
                        hit.start,
                        hit.end,
                        doc.text[hit.start : hit.end],
                        ref,
                        doc.sentence_of(hit.start),
                        f"gazetteer:{context or 'bare'}",
                    )
                )
        found.extend(self._designated_areas(doc, found, countries))
        found = _village_of_far_place(doc, _outside_named_area(doc, found))
        found.extend(unlisted_villages(doc, found, self.resources.common_place_words, self._known))
        doc.mentions.extend(sorted(found, key=lambda m: m.start))
        if doc.country is None:
            named = [str(m.value.place.country) for m in doc.mentions if m.kind == "place"]
            doc.country = most_named(named) or _dateline_country(doc)
        return doc

    def _designated_areas(self, doc: Doc, found: list[Mention], countries: list[str]) -> list[Mention]:
        """ "Sahel region", "la région du Centre-Nord", "région de l'Est": an area the gazetteer scan skips
        because its name is a common word is still that area when a designator names it so."""
        out: list[Mention] = []
        for m in doc.mentions:
            if m.kind not in ("ctx_admin1", "ctx_admin2"):
                continue
            span = designated_name(doc, m)
            if span is None or any(f.start < span[1] and span[0] < f.end for f in found):
                continue
            start, end = span
            generic = doc.folded[max(0, start - 4) : start] == "the " and (
                doc.folded[start:end] in self.resources.common_place_words
            )
            # "the Bono East Region": a word of a longer name the gazetteer does not know, not Cameroon's East
            generic = generic or bool(_NAME_BEFORE.search(doc.text, max(0, start - 30), start))
            level = 1 if m.kind == "ctx_admin1" else 2
            area = (
                None
                if generic
                else self.resources.admin_area(
                    doc.folded[start:end], countries[0] if countries else None, level
                )
            )
            if area is not None:
                ref = PlaceRef(area, _area_precision(area), m.kind)
                text, sentence = doc.text[start:end], doc.sentence_of(start)
                out.append(Mention("place", start, end, text, ref, sentence, "gazetteer:designated"))
        return out

    def _area(self, hit: Any) -> bool:
        """Whether a name may be an admin area (cached: the same names recur in every report)."""
        cache: dict[tuple[str, ...], bool] = self.__dict__.setdefault("_area_cache", {})
        ids = hit.entry.value
        found = cache.get(ids)
        if found is None:
            place = self.resources.place
            found = cache[ids] = any(getattr(place(i), "kind", "") in ("admin1", "admin2") for i in ids)
        return found

    def _known(self, name: str, country: str | None) -> bool:
        """Whether the gazetteer knows a name in a country (its own rules then decided whether it is a place
        here)."""
        return any(p.country == country for p in self.resources.pack.places.named(name))

    def _town(self, hit: Any) -> bool:
        """Whether a name is also a real town ("Bamako :" is the city; "Soum :" the province)."""
        place = self.resources.place
        return any(
            getattr(p, "kind", "") == "populated"
            and (int(p.population or 0) >= 1000 or FEATURE_RANK.get(p.feature, 0) >= 2)
            for p in (place(i) for i in hit.entry.value)
        )

    def _resolve(
        self,
        doc: Doc,
        ids: tuple[str, ...],
        folded: str,
        context: str | None,
        hints: tuple[list[str], set[str], dict[str, list[str]]],
        min_pop: int,
        start: int,
        end: int,
    ) -> PlaceRef | None:
        countries, areas, directions = hints
        if names_a_thing(doc, start, end):
            return None
        if context == "ctx_area":
            country = countries[0] if countries else None
            # "le Soum", "l'Oudalan": the province (second level) first, then the region
            area = self.resources.admin_area(folded, country, 2) or self.resources.admin_area(folded, country)
            if area is not None and area.kind in ("admin1", "admin2"):
                return PlaceRef(area, _area_precision(area), context)
            context = "ctx_before"
        admin = context in ("ctx_admin1", "ctx_admin2")
        if folded in self.resources.common_place_words and not admin:
            return None
        if admin:
            level = 1 if context == "ctx_admin1" else 2
            area = self.resources.admin_area(folded, countries[0] if countries else None, level)
            if area is not None:
                return PlaceRef(area, _area_precision(area), context or "")  # only an area is known
        place = self.resources.place
        candidates = [p for p in (place(i) for i in ids) if p is not None]
        if admin:
            # "Soum province": never the village called Soum
            areas_named = [p for p in candidates if p.kind in ("admin1", "admin2")]
            if not areas_named:
                # "Madjoari department", "commune de Tin-Akoff": a district the gazetteer lacks is named
                # after its seat; the event is somewhere in it
                seat = max(
                    candidates,
                    key=lambda p: homonym_score(p, countries, areas, directions, folded),
                    default=None,
                )
                ok = seat is not None and (not countries or seat.country in countries)
                return PlaceRef(seat, 2, context or "") if ok else None
            candidates = areas_named
            area = max(candidates, key=lambda p: homonym_score(p, countries, areas, directions, folded))
            return PlaceRef(area, _area_precision(area), context or "")
        if not candidates:
            return None
        best = max(candidates, key=lambda p: homonym_score(p, countries, areas, directions, folded))
        populous = int(best.population or 0) >= min_pop or best.feature in ("P.PPLA", "P.PPLC", "P.PPLA2")
        capital = next((p for p in candidates if p.feature == "P.PPLC"), None)
        if capital is not None and not populous:
            # "arrêté à Bamako" in a report that names Burkina Faso: the capital, not a Burkinabe hamlet
            best, populous = capital, True
        # "au terminal de Sèmè" in a report on Benin: not a Senegalese hamlet of that name; a village in the
        # region of a country the report names may be the place
        # a capital is its country's whatever other country the report names ("Ouagadougou expulse trois
        # diplomates français")
        outside = bool(countries) and best.country not in countries and best.feature != "P.PPLC"
        if outside and (not context or not (populous or near_countries(best, countries))):
            return None
        if context is None and not populous and " " not in folded:
            return None
        area = best.kind in ("admin1", "admin2")
        named_in = context in (None, "ctx_before") and (area or not populous)
        if named_in and inside_proper_name(doc, start, end):
            return None  # "President Ibrahim Boubacar Keïta": part of a person's or an organisation's name
        if area:
            return PlaceRef(best, _area_precision(best), context or "")
        precision = 2 if context == "ctx_near" else 1
        return PlaceRef(best, precision, context or "")


# on the folded text, where commas and brackets are spaces already
_APPOSED_AREA = re.compile(r"\s*(?:in|dans|au|en)\b")


def _outside_named_area(doc: Doc, found: list[Mention]) -> list[Mention]:
    """ "Oulfaré, dans la province du Namentenga" when no Oulfaré the gazetteer knows lies there: the
    report knows better; the village keeps its name, in that area, at the area's point (precision 2)."""
    areas = [m for m in found if m.value.place.kind in ("admin1", "admin2")]
    if not areas:
        return found
    out: list[Mention] = []
    for m in found:
        ref = m.value
        place = ref.place
        if (
            place.kind in ("admin1", "admin2")
            or ref.precision != 1
            or not _APPOSED_AREA.match(doc.folded, m.end)
        ):
            out.append(m)
            continue
        area = next(
            (
                a
                for a in areas
                if a.sentence == m.sentence
                and 0 < a.start - m.end <= 45
                and a.value.place.country == place.country
            ),
            None,
        )
        if area is None:
            out.append(m)
            continue
        where = area.value.place
        if where.name in (place.admin1, place.admin2):
            out.append(m)
            continue
        if where.kind == "admin2" and not place.admin2 and place.admin1 == where.admin1:
            # "Sidéradougou, dans la province de la Comoé": the gazetteer's town lacks its province, and
            # lies in the province's region; the report supplies the province
            twin = dataclasses.replace(place, admin2=where.name)
            out.append(dataclasses.replace(m, value=dataclasses.replace(ref, place=twin)))
            continue
        if near(place, where, AREA_REACH_KM[where.kind]):
            # a town near the area's seat: the area's borders moved since the gazetteer's admin codes
            # ("Anefis, dans la région de Kidal", filed under Gao), not the town
            out.append(m)
            continue
        out.append(_placed_at(m, where, "in-named-area", f"in-{where.id}"))
    return out


def _placed_at(m: Mention, where: Any, context: str, tag: str) -> Mention:
    """The mention as a village of its own name at ``where``'s point (precision 2)."""
    return dataclasses.replace(
        m, value=PlaceRef(village_at(where, m.text), 2, context), rule=f"{m.rule}:{tag}"
    )


# on the folded text: "Guidé, village de la commune de Gorgadji", "Kuka, a village of Ménaka district"
_VILLAGE_OF = re.compile(
    r"\s*(?:(?:un|le|a|the)\s+)?(?:village|localite|hameau|hamlet)\s+(?:(?:de la|of the|in the)\s+"
    r"(?:commune|rurale|departement|department|district|sous prefecture)\s+)?(?:(?:rurale|rural)\s+)?"
    r"(?:de|d|du|of|in)\s+"
)


def _village_of_far_place(doc: Doc, found: list[Mention]) -> list[Mention]:
    """ "Guidé, village de la commune de Gorgadji" when the only Guidé the gazetteer knows lies 300 km away:
    a namesake; the village keeps its name, at its commune's point (precision 2)."""
    starts = {m.start: m for m in found}
    out: list[Mention] = []
    for m in found:
        hit = _VILLAGE_OF.match(doc.folded, m.end)
        host = starts.get(hit.end()) if hit else None
        # a commune of the Sahel spans tens of kilometres: only a namesake far beyond it is replaced
        if (
            host is None
            or host.value.place.kind != "populated"
            or m.value.place.kind != "populated"
            or near(m.value.place, host.value.place, 75)
        ):
            out.append(m)
            continue
        where = host.value.place
        out.append(_placed_at(m, where, "village-of", f"of-{where.id}"))
    # the headline's "Guidé" is the same village
    twins = {m.value.place.id: n for m, n in zip(found, out, strict=True) if n is not m}
    return [
        dataclasses.replace(n, value=twins[n.value.place.id].value, rule=twins[n.value.place.id].rule)
        if n.value.place.id in twins
        else n
        for n in out
    ]


_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:The|La|Le|Les|L)\b)[A-ZÀ-Ý][a-zà-ÿ]+\s$")


def _area_precision(place: Any) -> int:
    """3 for a region or a province; 2 for a small district (a cercle, a department): the gold guide."""
    if place.kind == "admin1":
        return 3
    small = load_taxonomy("places").get("small_admin2_countries", [])
    return 2 if place.country in small else 3


#: the name the tests read the named directions under (tests/extraction/test_places_context.py)
_directions = named_directions


def _dateline_country(doc: Doc) -> str | None:
    """ "NIAMEY — Des militaires ont renversé le président": a report that names no country and no other
    place is about the region's country it was filed from (a Paris or Washington dateline says nothing)."""
    line = doc.user_data.get("dateline")
    if line is None:
        return None
    country = str(line.value.place.country)
    return country if country in load_taxonomy("countries")["focus"] else None

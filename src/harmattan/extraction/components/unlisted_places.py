"""Villages the gazetteer lacks: "the villages of Intazayene, Bakorat and Wistane, in the Tillia
department", "near Tabatol, in the Tillabéri region", "le village de Djahoye, dans la province de
l'Oudalan". A capitalised name that a village word introduces, or a locative word introduces and a named
area right after it places, is a place of its own name at the point of the area or town the sentence
names (precision 2). The words are `unlisted_village` and
`unlisted_locative` in ``taxonomies/places.yaml``."""

from __future__ import annotations

import dataclasses
import functools
import re
from functools import lru_cache
from typing import Any

from harmattan.extraction.components.place_words import person_name
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import lang_terms, load_taxonomy
from harmattan.regions.text import fold

# a village's name: up to three capitalised words ("Tchoma Bangou", "Sèmè-Kpodji", "Goni Usmanti")
_NAME = r"[A-ZÀ-Ý][\w’']*(?:[- ][A-ZÀ-Ý][\w’']*){0,2}"
# "Kpinkankandi, in the northern Savanes region", "Mafa, a farming village in Tarmuwa", "Djahoye, dans
# la province de l'Oudalan": an apposition that sets the name in an area; the area must follow soon
# "Papiri, Agwara local government area of Niger State", "Birnin Yauri, Kebbi State": a few words, or none,
# between the comma and the area
# ("Auno, a town on the highway about 25 km west of Maiduguri": the kind of place, then a few words)
_APPOSED = re.compile(
    r",\s*(?:(?:(?:a|an|un|une)\s+(?:[\w-]+\s+){0,2}?(?:village|town|hamlet|locality|localité|hameau|"
    r"island|île|peninsula|presqu'île|settlement|camp)\s+(?:[\w'-]+\s+){0,8}?)?|(?:[\w'-]+\s+){1,4}?)"
    r"(?:in|of|near|dans|de|du|des|au|en|près)\b"
)
_APPOSED_AREA = re.compile(r",\s*(?:(?:the|la|le|l')\s*)?")
_HOST_REACH = 60  # characters from the name's end to the area that places it
_LIST_ITEM = re.compile(r"\s*(?:,\s*(?:and\s+|et\s+)?|\s+and\s+|\s+et\s+)(" + _NAME + ")")


@lru_cache(maxsize=1)
def _sites() -> re.Pattern[str]:
    """ "on the Bohoma peninsula", "near the Nohao customs post": a name (not a sentence's first word)
    before a site noun (English)."""
    words = sorted({t for _, t in lang_terms(load_taxonomy("places")["unlisted_site_after"])}, key=len)
    nouns = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in reversed(words))
    # "on the Bohoma peninsula", "in Kwallajiya village", "stormed Sabiyo village"
    return re.compile(r"(?<=[a-z,]\s)(?P<name>" + _NAME + r")\s+(?i:" + nouns + r")\b")


@lru_cache(maxsize=1)
def _introducers() -> re.Pattern[str]:
    data = load_taxonomy("places")
    village = sorted({t for _, t in lang_terms(data["unlisted_village"])}, key=len, reverse=True)
    locative = sorted({t for _, t in lang_terms(data["unlisted_locative"])}, key=len, reverse=True)

    def alternatives(terms: list[str]) -> str:
        return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)

    # the introducer is matched case-blind, the name with its capital ("near Tabatol", not "near them")
    return re.compile(
        r"(?<![\w'’])(?i:(?P<village>" + alternatives(village) + r")|(?P<locative>" + alternatives(locative)
        + r"))(?:\s+|(?<=['’]))(?P<name>" + _NAME + ")"
    )  # fmt: skip


def unlisted_villages(doc: Doc, found: list[Mention], common: frozenset[str], known: Any) -> list[Mention]:
    """Mentions of the unlisted villages a sentence places, and the same names elsewhere in the report.

    ``found`` are the gazetteer's places (the hosts), ``common`` the capitalised words that are no places,
    ``known(name, country)`` whether the gazetteer knows a name in a country (then its rules decided
    already; a namesake abroad is no reason to doubt the report: "Maga, ... of Kebbi State")."""
    taken = _taken(doc, found)
    out: list[Mention] = []
    # only where an event may be told: sentences without a cue never reach the rules
    told = [s for s in doc.sentences if s.has_cue]
    matches = [
        (m, m.group("village") is not None)
        for s in told
        for m in _introducers().finditer(doc.text, s.start, s.end)
    ] + [(m, True) for s in told for m in _sites().finditer(doc.text, s.start, s.end)]
    for match, strong in matches:
        start, end = match.span("name")
        name = _trim(match.group("name"))
        end = start + len(name)
        if not _candidate(doc, name, start, end, taken, common):
            continue
        sentence = doc.sentence_of(start)
        host = _host(doc, found, sentence, end, strong=strong)
        if host is None and _NAMES_A_VILLAGE.match(fold(match.groupdict().get("village") or "")):
            # "the village of Blamonga, in the far north of Togo": named, in a country, at no point we know
            country = _country_told(doc, found, sentence)
            if country is not None and not known(name, country):
                out.append(_unplaced(doc, start, end, country, _area_of(found, country)))
                _take(taken, start, end)
            continue
        country = host.value.place.country if host is not None else None
        if host is None or known(name, country):
            continue
        items = [(start, end)]
        if "village" in match.groupdict() and match.group("village"):  # "the villages of A, B and C"
            items += _listed(doc, end, taken, common, functools.partial(known, country=country))
        for s, e in items:
            out.append(_placed(doc, s, e, host))
            _take(taken, s, e)
    return out + _recalled(doc, out, taken)


def _taken(doc: Doc, found: list[Mention]) -> bytearray:
    """One byte per character, 1 where an actor, a country, a date, a number or a found place lies."""
    taken = doc.mask(("actor", "country", "place", "date", "term", "number", "name_part"))
    for m in found:
        _take(taken, m.start, m.end)
    return taken


def _take(taken: bytearray, start: int, end: int) -> None:
    taken[start:end] = b"\x01" * (end - start)


def _trim(name: str) -> str:
    """ "Kaduna's" is Kaduna; a trailing apostrophe is the text's."""
    for tail in ("'s", "’s", "'", "’"):
        if name.endswith(tail):
            return name[: -len(tail)]
    return name


def _candidate(doc: Doc, name: str, start: int, end: int, taken: bytearray, common: frozenset[str]) -> bool:
    if taken.find(1, start, end) >= 0:
        return False  # an actor, a country, a date or a place the gazetteer found
    words = fold(name).split()
    if not words or any(w in common for w in words) or (name.isupper() and len(name) <= 5):
        return False  # "in January", "at The", "in AFP"
    return not person_name(doc, start)


def _host(doc: Doc, found: list[Mention], sentence: int, end: int, strong: bool) -> Mention | None:
    """The area or town that places the village: right after it in an apposition ("Tabatol, in the
    Tillabéri region"); after a village word, also the nearest place the sentence names."""
    same = [m for m in found if m.sentence == sentence and m.value.place.latitude is not None]
    after = [m for m in same if 0 < m.start - end <= _HOST_REACH]
    direct = [m for m in after if m.value.place.kind in ("admin1", "admin2")]
    if direct and _APPOSED_AREA.fullmatch(doc.text, end, min(m.start for m in direct)):
        return min(direct, key=lambda m: m.start)  # "Birnin Yauri, Kebbi State"
    if after and _APPOSED.match(doc.text, end):
        # "Zabarmari, in Jere local government area of Borno state": not a namesake town abroad of the area
        areas = {m.value.place.country for m in after if m.value.place.kind in ("admin1", "admin2")}
        return min(after, key=lambda m: (bool(areas) and m.value.place.country not in areas, m.start))
    if not strong or not same:
        return None
    later = [m for m in same if m.start > end]
    return min(later, key=lambda m: m.start) if later else max(same, key=lambda m: m.start)


def _listed(
    doc: Doc, end: int, taken: bytearray, common: frozenset[str], known: Any
) -> list[tuple[int, int]]:
    items: list[tuple[int, int]] = []
    while (item := _LIST_ITEM.match(doc.text, end)) is not None:
        start = item.start(1)
        end = start + len(_trim(item.group(1)))
        if not _candidate(doc, doc.text[start:end], start, end, taken, common) or known(doc.text[start:end]):
            break
        items.append((start, end))
    return items


def village_at(where: Any, name: str) -> Any:
    """A village of its own name at ``where``'s point, filed in ``where``'s areas (an area's own name when
    ``where`` is an area): the report knows a village the gazetteer places elsewhere or not at all."""
    if where.kind == "admin2":
        admin1, admin2 = where.admin1, where.name
    elif where.kind == "admin1":
        admin1, admin2 = where.name, None
    else:
        admin1, admin2 = where.admin1, where.admin2
    return dataclasses.replace(
        where, id=f"{where.id}/{fold(name)}", name=name, kind="populated", feature="P.PPL",
        population=0, names=(name,), admin1=admin1, admin2=admin2,
    )  # fmt: skip


def _placed(doc: Doc, start: int, end: int, host: Mention) -> Mention:
    text = doc.text[start:end]
    where = host.value.place
    # precision 2 as for any village placed at another place's point: the report names the exact spot, the
    # gazetteer only the area around it
    ref = dataclasses.replace(host.value, place=village_at(where, text), precision=2, context="unlisted")
    return Mention("place", start, end, text, ref, doc.sentence_of(start), f"unlisted:in-{where.id}")


@dataclasses.dataclass(frozen=True)
class UnplacedVillage:
    """A village a report names that no gazetteer places: a gazetteer entry's fields, no coordinates."""

    id: str
    name: str
    country: str
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    feature: str
    population: int
    kind: str
    names: tuple[str, ...]


# a village word, not a market, forest, post or district, may name a place no gazetteer lists without an area
# to place it ("la forêt de Sambisa", "le quartier de Cadjèhoun" lie in places named elsewhere)
_NAMES_A_VILLAGE = re.compile(r"(?:village|hamlet|hameau|localit|island|ile|settlement)")


def most_named(countries: list[str]) -> str | None:
    """The country named most often; a tie goes to the one named first (a set's order changes with the
    hash seed)."""
    return max(dict.fromkeys(countries), key=countries.count) if countries else None


def _country_told(doc: Doc, found: list[Mention], sentence: int) -> str | None:
    """The country most places of the report lie in, else the first one the sentence names."""
    named = [str(m.value) for m in doc.of_kind("country", sentence)]
    return most_named([str(m.value.place.country) for m in found]) or (named[0] if named else None)


def _area_of(found: list[Mention], country: str) -> tuple[str | None, str | None]:
    """The region (and district) the report's places of that country lie in, when they agree."""
    places = [m.value.place for m in found if m.value.place.country == country]
    admin1 = {p.name if p.kind == "admin1" else p.admin1 for p in places} - {None}
    if len(admin1) != 1:
        return None, None
    admin2 = {p.name if p.kind == "admin2" else p.admin2 for p in places if p.kind != "admin1"} - {None}
    return next(iter(admin1)), next(iter(admin2)) if len(admin2) == 1 else None


def _unplaced(doc: Doc, start: int, end: int, country: str, area: tuple[str | None, str | None]) -> Mention:
    """A village the report names that no gazetteer places: its name, country and area, no coordinates."""
    from harmattan.extraction.components.places import PlaceRef  # places.py imports this module

    text = doc.text[start:end]
    place = UnplacedVillage(
        id=f"unplaced:{country.lower()}/{fold(text)}", name=text, country=country,
        admin1=area[0], admin2=area[1], latitude=None, longitude=None, feature="P.PPL", population=0,
        kind="populated", names=(text,),
    )  # fmt: skip
    ref = PlaceRef(place=place, precision=1, context="unlisted")
    return Mention("place", start, end, text, ref, doc.sentence_of(start), f"unlisted:{country}")


def _recalled(doc: Doc, placed: list[Mention], taken: bytearray) -> list[Mention]:
    """The headline's "Tabatol" is the village the body placed."""
    out: list[Mention] = []
    for first in {m.text: m for m in placed}.values():
        for match in re.finditer(r"(?<![\w-])" + re.escape(first.text) + r"(?![\w-])", doc.text):
            start, end = match.span()
            if taken.find(1, start, end) >= 0:
                continue
            out.append(dataclasses.replace(first, start=start, end=end, sentence=doc.sentence_of(start)))
            _take(taken, start, end)
    return out

"""Build one :class:`~harmattan.records.Event` from a cluster of candidates, with evidence for every field."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from harmattan.extraction.components.event_actors import foreign_detainees, set_actors
from harmattan.extraction.components.events import Candidate
from harmattan.extraction.components.role_clues import generic_people
from harmattan.extraction.components.suicide_tolls import bombers_dead
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import lang_terms, load_taxonomy
from harmattan.records import Event, Evidence
from harmattan.regions.text import fold


def build_event(
    doc: Doc, cl: Any, res: Any, count_neutralised: bool, mass_killing: int = 20, undated_days_before: int = 0
) -> Event:
    head: Candidate = _best_typed(doc, cl.members)
    ev = Event(document_id=doc.document_id)
    evidence: list[Evidence] = []
    ev.event_type, ev.sub_event_type = head.rule["event_type"], head.rule["sub_event_type"]
    rule = f"rule:{head.rule['name']}"
    for f in ("event_type", "sub_event_type"):
        evidence.append(_ev(doc, f, head.trigger, rule))
    _date(doc, cl, head, ev, evidence, undated_days_before)
    country = _place(doc, cl, ev, evidence, res)
    set_actors(doc, cl, head, ev, evidence, res, country)
    if any(c.plover for c in cl.members):
        _at_home_of_government(doc, cl, ev, evidence, res)
    _fatalities(doc, cl, ev, evidence, count_neutralised)
    seen: set[str] = set()
    for cand in cl.members:
        for tactic, m in cand.tactics:
            if tactic not in seen:
                seen.add(tactic)
                ev.tactics.append(tactic)
                evidence.append(_ev(doc, "tactics", m, f"tactic:{m.value}"))
    if (
        ev.event_type == "Violence against civilians"
        and (ev.fatalities or 0) >= mass_killing
        and "mass killing" not in ev.tactics
    ):
        # the gold convention: twenty or more civilians killed in one attack is a mass killing
        ev.tactics.append("mass killing")
        fat = next((e for e in evidence if e.field == "fatalities"), None)
        if fat is not None:
            evidence.append(
                Evidence(
                    "tactics",
                    fat.document,
                    fat.sentence,
                    fat.start,
                    fat.end,
                    fat.text,
                    f"tactic:mass-killing(>={mass_killing})",
                )
            )
    plover = next((c.plover for c in cl.members if c.plover), None)
    if plover is not None:
        ev.plover_type = plover[0]
        evidence.append(_ev(doc, "plover_type", plover[1], f"plover:{plover[1].value}"))
    foreign_detainees(ev, evidence)
    if cl.historical is not None:
        ev.historical = True
        evidence.append(_ev(doc, "historical", cl.historical, "background-cue"))
    ev.confidence = _confidence(ev, cl)
    evidence.append(doc.sentence_evidence("confidence", head.sentence, "confidence:field-coverage"))
    ev.evidence = evidence
    return ev


_GENERIC_RULES = frozenset({"attack-unknown-target", "attack-armed", "attack-civilians", "army-claim"})


_PROTEST_ESCALATION = (
    "protest",
    "protest-intervention",
    "protest-deaths-dispersed",
    "violent-demonstration",
    "excessive-force",
)
_EXPLOSIVE_RULES = frozenset({"suicide-bomb", "remote-explosive"})
_THE_SAME = re.compile(r"\b(?:cette|cet|ce|l|la|le|un|une|this|that|the|a|an)\s+$")


def _best_typed(doc: Doc, members: list[Candidate]) -> Candidate:
    # the first report (the headline) decides, unless a later sentence names a more specific kind
    first = members[0]
    if first.rule["name"] == "attack-civilians" and first.actor2 and generic_people(doc, first.actor2):
        # "11 personnes tuées à Dablo", then "des hommes armés ont attaqué des membres du groupe
        # d'autodéfense Koglweogo": the sentence that names the militia hit tells who the people were (not
        # one naming forces: "the buses, escorted by soldiers, came under attack" killed the passengers)
        named = next(
            (
                c
                for c in members[1:]
                if c.rule["name"] in _ARMED_TARGET_RULES
                and c.actor2
                and c.actor2.role in ("militia", "vdp")
                # told as an attack on them ("ont attaqué des membres"), not only as their deaths
                and {"attack", "ambush", "clash"} & set(c.cue_names)
            ),
            None,
        )
        if named is not None:
            return named
    if first.rule["name"] in _PROTEST_ESCALATION:
        # "protesters blocked a convoy", then "warning shots wounded four": how it ended types the protest
        best = max(
            (c for c in members if c.rule["name"] in _PROTEST_ESCALATION),
            key=lambda c: _PROTEST_ESCALATION.index(c.rule["name"]),
        )
        dispersed = next((c for c in members if c.rule["name"] == "protest-deaths-dispersed"), None)
        if best.rule["name"] == "excessive-force" and "attack" not in best.cue_names and dispersed:
            # "seven dead after protests", then "security forces fired tear gas to disperse crowds": the
            # deaths are told with no shooting, the dispersal is: an intervention (rules.yaml)
            return dispersed
        return best
    if first.rule["name"] in _THREAT_RULES and "plover_threaten" in first.cue_names:
        # "des hommes armés ont sillonné les localités, menaçant les habitants. Un civil a été tué au cours de
        # ces incursions": what the threats came to types the occurrence
        violent = next((c for c in members[1:] if c.rule["event_type"] in _VIOLENT_TYPES), None)
        if violent is not None:
            return violent
    if first.rule["name"] == "coup":
        # a coup in which leaders are detained is an arrest event (gold/GUIDE.md)
        return next((c for c in members[1:] if c.rule["sub_event_type"] == "Arrests"), first)
    if first.rule["name"] == "remote-explosive":
        # "un véhicule piégé a explosé", then "le GSIM a revendiqué cette attaque-suicide": it had a driver
        suicide = next(
            (
                c
                for c in members[1:]
                if c.rule["name"] == "suicide-bomb"
                # "cette attaque-suicide", "un attentat-suicide": that blast (not "des opérations kamikazes")
                and _THE_SAME.search(doc.folded, max(0, c.trigger.start - 12), c.trigger.start)
            ),
            None,
        )
        if suicide is not None:
            return suicide
    if first.rule["name"] in _EXPLOSIVE_RULES:
        # "le camp visé par des kamikazes", then "avant un échange de tirs": a ground assault with suicide
        # vehicles or IEDs is an armed clash (gold/GUIDE.md)
        return next((c for c in members[1:] if c.rule["name"] == "ambush-or-clash"), first)
    if first.rule["name"] != "attack-unknown-target":
        return first
    lethal = "kill" in first.cue_names or "massacre" in first.cue_names
    specific = [
        c
        for c in members[1:]
        if c.rule["name"] not in _GENERIC_RULES
        and c.rule.get("_order", 0) < first.rule.get("_order", 0)
        # "Gunmen kill schoolgirl, kidnap teacher": the killing, not the abduction, types the event
        and not (lethal and c.rule["event_type"] == "Violence against civilians")
        and c.rule["event_type"] != "Strategic developments"  # looting told with an attack is part of it
    ]
    # "Attack kills 53" then "gunmen attacked the gendarmerie post": the sentence that names a target
    targeted = [c for c in members[1:] if c.rule["name"] in ("attack-armed", "attack-civilians")]
    return (specific or targeted or [first])[0]


_ARMED_TARGET_RULES = frozenset({"attack-armed", "ambush-or-clash"})
_THREAT_RULES = frozenset({"political-other"})
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _ev(doc: Doc, field_name: str, m: Mention, rule: str) -> Evidence:
    return doc.evidence(field_name, m, rule)  # one frozen record, not one and a copy (they are slow to build)


def _date(
    doc: Doc, cl: Any, head: Candidate, ev: Event, evidence: list[Evidence], undated_days_before: int
) -> None:
    if cl.date is not None:
        ev.event_date, ev.date_precision, m = cl.date
        if m is not None:
            for f in ("event_date", "date_precision"):
                evidence.append(_ev(doc, f, m, m.rule))
            return
    if doc.published is not None:
        # a report that dates nothing most often tells the day before it (dev gold: 52 such events, 12 on the
        # publication day); a guess, so its precision is the week's
        ev.event_date = doc.published - dt.timedelta(days=undated_days_before)
        ev.date_precision = 2 if undated_days_before else 1
        rule = "default:day-before-publication" if undated_days_before else "default:publication-date"
        for f in ("event_date", "date_precision"):
            evidence.append(doc.sentence_evidence(f, head.sentence, rule))


def _place(doc: Doc, cl: Any, ev: Event, evidence: list[Evidence], res: Any) -> str | None:
    if cl.place is None:
        country = doc.country
        if country:
            ev.country = country
            m = next((m for m in doc.mentions if m.kind == "country" and m.value == country), None)
            if m is not None:
                evidence.append(_ev(doc, "country", m, m.rule))
                if ev.event_type == "Strategic developments":
                    _at_capital(doc, ev, evidence, res, country, m)
        return country
    ref, m = cl.place
    p = ref.place
    ev.country, ev.admin1, ev.admin2 = p.country, p.admin1, p.admin2
    ev.location = _as_written(p, m.text) if p.kind not in ("admin1", "admin2") else (p.admin2 or p.name)
    if p.latitude is not None:  # a village no gazetteer places keeps its name, with no point
        ev.latitude, ev.longitude = float(p.latitude), float(p.longitude)
    ev.geo_precision = ref.precision
    if p.kind == "admin1":
        ev.admin1 = p.name
    elif p.kind == "admin2":
        ev.admin2 = p.name
    places = getattr(getattr(res, "pack", None), "places", None)
    if places is not None and ev.country:
        # names in force on the event date (Djibo is in "Sahel" region before Burkina Faso's 2025 reform)
        ev.admin1, ev.admin2 = places.names_on(ev.country, ev.admin1, ev.admin2, ev.event_date)
        if p.kind in ("admin1", "admin2"):
            ev.location = ev.admin2 if p.kind == "admin2" else ev.admin1
    for f in ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"):
        if getattr(ev, f) is not None:
            evidence.append(_ev(doc, f, m, f"{m.rule}:{p.id}"))
    return str(p.country)


def _as_written(place: Any, text: str) -> str:
    """The place's name as the report spells it when the gazetteer lists that spelling ("Arbinda" for
    GeoNames' "Aribinda"); the gazetteer's name otherwise (a fuzzy or all-capitals match)."""
    if text == place.name or text.isupper():
        return str(place.name)
    return _spelled(text, str(place.name), tuple(place.names))


@functools.lru_cache(maxsize=4096)
def _spelled(text: str, name: str, names: tuple[str, ...]) -> str:
    key = fold(text)
    return " ".join(text.split()) if any(fold(n) == key for n in (name, *names)) else name


def _at_capital(doc: Doc, ev: Event, evidence: list[Evidence], res: Any, country: str, m: Mention) -> None:
    """A decision with no place named is placed at the capital of the country it concerns, precision 3."""
    places = getattr(getattr(res, "pack", None), "places", None)
    p = _capital_of(places, country)
    if p is None or places is None:
        return
    ev.admin1 = places.names_on(country, p.admin1, None, ev.event_date)[0]
    ev.latitude, ev.longitude, ev.geo_precision = float(p.latitude), float(p.longitude), 3
    for f in ("admin1", "latitude", "longitude", "geo_precision"):
        evidence.append(_ev(doc, f, m, f"default:capital:{p.id}"))


def _capital_of(places: Any, country: str) -> Any:
    """The gazetteer's place for a country's capital (``capitals`` in taxonomies/countries.yaml), or None."""
    capital = load_taxonomy("countries").get("capitals", {}).get(country)
    found = places.search(capital, country)[:1] if capital and places is not None else []
    return found[0] if found else None


def _at_home_of_government(doc: Doc, cl: Any, ev: Event, evidence: list[Evidence], res: Any) -> None:
    """ "Nigeria cut off the electricity it supplies to Niger... Blackouts hit Niamey": a government's
    political act is placed in its own country (dev gold: 258 such events, 16 elsewhere), at a place of it
    the report names, else at its capital (precision 3)."""
    found = _GOVERNMENT.match(ev.actor1_id or "")
    places = getattr(getattr(res, "pack", None), "places", None)
    if found is None or places is None or ev.country == found.group(1).upper():
        return
    if ev.sub_event_type == "Agreement":
        return  # "Niamey : le Mali, le Burkina Faso et le Niger signent le traité": where the parties met
    cc = found.group(1).upper()
    own = {c.sentence for c in cl.members}
    named = sorted(
        (m for m in doc.of_kind("place") if (m.value.place.country, m.value.place.kind) == (cc, "populated")),
        key=lambda m: (m.sentence not in own, m.start),
    )
    if named:
        m = named[0]
        p, precision, rule = m.value.place, m.value.precision, f"{m.rule}:{m.value.place.id}:home-of-actor1"
    else:
        capital = _capital_of(places, cc)
        if capital is None:
            return
        p, precision, rule = capital, 3, f"default:capital:{capital.id}:home-of-actor1"
        m = cl.head.trigger  # the act itself is the evidence for where its government sits
    ev.country, ev.location = cc, str(p.name)
    ev.admin1, ev.admin2 = places.names_on(cc, p.admin1, p.admin2, ev.event_date)
    ev.latitude, ev.longitude, ev.geo_precision = float(p.latitude), float(p.longitude), precision
    fields = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")
    evidence[:] = [e for e in evidence if e.field not in fields]
    for f in fields:
        if getattr(ev, f) is not None:
            evidence.append(_ev(doc, f, m, rule))


_GOVERNMENT = re.compile(r"^([a-z]{2})-government$")


def _fatalities(doc: Doc, cl: Any, ev: Event, evidence: list[Evidence], count_neutralised: bool) -> None:
    totals: dict[str, int | None] = {}
    used: dict[str, list[Mention]] = {}
    for kind in ("killed", "wounded", "neutralised", "abducted"):
        per_sentence: dict[int, dict[str, int]] = {}
        figures = [f for cand in cl.members for f in cand.counts.get(kind, [])]
        # a precise figure ("seventy-one") beats a vague one ("dozens") for the same dead; "seven soldiers
        # were killed ... the army killed dozens of terrorists" counts two groups
        precise = {victim for _, victim, m in figures if m.kind == "number"}
        # "une dizaine d'enfants et quatre autres personnes": more dead: the vague figure counts
        others = {
            m.sentence for _, _, m in figures if m.kind == "number" and _OTHERS.match(doc.folded, m.end)
        }
        for cand in cl.members:
            for n, victim, m in cand.counts.get(kind, []):
                if (
                    m.kind == "vague"
                    and precise
                    and m.sentence not in others
                    and (victim in precise or "any" in {victim, *precise} or _sole_figure(m))
                ):
                    continue
                per_sentence.setdefault(cand.sentence, {}).setdefault(victim, 0)
                per_sentence[cand.sentence][victim] += n
                used.setdefault(kind, []).append(m)
        totals[kind] = _conservative(list(per_sentence.values())) if per_sentence else None
    killed, neutralised = totals["killed"], totals["neutralised"]
    extras: dict[str, Any] = {}
    for kind in ("wounded", "neutralised", "abducted"):
        if totals[kind] is not None:
            extras[kind] = totals[kind]
    if neutralised is not None:
        claimant = next((c.claimant for c in cl.members if c.claimant and c.counts.get("neutralised")), None)
        claimant = claimant or next(
            (c.actor1.actor_id for c in cl.members if c.actor1 and c.actor1.role == "state"), None
        )
        extras["neutralised_claimant"] = claimant
    if killed is not None or (count_neutralised and neutralised is not None):
        ev.fatalities = (killed or 0) + ((neutralised or 0) if count_neutralised else 0)
        kinds = ["killed"] + (["neutralised"] if count_neutralised else [])
        for kind in kinds:
            for m in used.get(kind, []):
                evidence.append(_ev(doc, "fatalities", m, f"casualties:{kind}:{m.rule}"))
    lethal = {"kill", "massacre", "assassinate"} & {str(c.value) for cand in cl.members for c in cand.cues}
    if ev.fatalities is None and not lethal:
        ev.fatalities = 0  # no death is reported: a protest, an arrest, a wounding
        first = cl.members[0].sentence
        evidence.append(doc.sentence_evidence("fatalities", first, "default:no-death-reported"))
    for kind in ("wounded", "abducted"):
        for m in used.get(kind, []):
            evidence.append(_ev(doc, f"extras.{kind}", m, f"casualties:{kind}"))
    ev.extras.update(extras)
    if ev.sub_event_type == "Suicide bomb":
        bombers, told = bombers_dead(doc, [c.sentence for c in cl.members], ev.fatalities)
        if bombers and told is not None:
            ev.fatalities = (ev.fatalities or 0) + bombers
            evidence[:] = [e for e in evidence if e.rule != "default:no-death-reported"]
            evidence.append(_ev(doc, "fatalities", told, "casualties:bombers"))


_OTHERS = re.compile(r"\s+(?:autres|other|others|more)\b")


@functools.lru_cache(maxsize=1)
def _sole_figure_words() -> frozenset[str]:
    return frozenset(fold(w) for _, w in lang_terms(load_taxonomy("quantities")["sole_figure"]))


def _sole_figure(m: Mention) -> bool:
    """ "several assailants": a vague word that counts only when the report has no precise figure."""
    return fold(m.text) in _sole_figure_words()


def _conservative(sentences: list[dict[str, int]]) -> int:
    """Within a sentence, victim groups add up; across sentences, the smallest figure per group wins, and
    a bare toll told apart from the groups ("Five dead" / "five soldiers were killed", "first put the toll
    at 95" / "35 people were killed") is another count of the same dead: the smaller one."""
    if any(set(per) - {"earlier"} for per in sentences):  # a superseded first toll gives way
        sentences = [{r: n for r, n in per.items() if r != "earlier"} for per in sentences]
        sentences = [per for per in sentences if per]
    updates = [per["update"] for per in sentences if "update" in per]
    if updates:
        return max(updates)  # "the toll has risen to 15": the latest toll replaces the others
    alts = [per["alt"] for per in sentences if "alt" in per]
    if alts:
        # another party's figure for the same dead: the smaller of the two tolls
        rest = [{r: n for r, n in per.items() if r != "alt"} for per in sentences]
        rest = [per for per in rest if per]
        return min(min(alts), _conservative(rest)) if rest else min(alts)
    roles: dict[str, int] = {}
    for per in sentences:
        for role, n in per.items():
            roles[role] = min(roles.get(role, n), n)
    specific = sum(n for role, n in roles.items() if role != "any")
    if "any" not in roles or not specific:
        return max(specific, roles.get("any", 0))
    together = any("any" in per and len(per) > 1 for per in sentences)
    if together:
        return max(specific, roles["any"])
    if roles["any"] < specific and roles["any"] in {n for role, n in roles.items() if role != "any"}:
        # "four customs officers and a priest were killed ... The missionary was shot by the attackers": a
        # bare figure that retells one of the groups counts no fewer dead than the groups together
        return specific
    return min(specific, roles["any"])


def _confidence(ev: Event, cl: Any) -> float:
    score = 0.45
    score += 0.15 if ev.location else 0.0
    score += 0.1 if ev.actor1_id else 0.0
    score += 0.05 if ev.actor2_id else 0.0
    score += 0.1 if len(cl.members) > 1 or len(cl.head.cues) > 1 else 0.0
    score += 0.05 if ev.fatalities is not None else 0.0
    score -= 0.2 if ev.historical else 0.0
    return round(max(0.05, min(0.95, score)), 2)

"""Build one :class:`~harmattan.records.Event` from a cluster of candidates, with evidence for every field."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

from harmattan.extraction.components.events import Candidate, Participant
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import load_taxonomy
from harmattan.records import Event, Evidence
from harmattan.regions.text import fold


def build_event(doc: Doc, cl: Any, res: Any, count_neutralised: bool, mass_killing: int = 20) -> Event:
    head: Candidate = _best_typed(cl.members)
    ev = Event(document_id=doc.document_id)
    evidence: list[Evidence] = []
    ev.event_type, ev.sub_event_type = head.rule["event_type"], head.rule["sub_event_type"]
    rule = f"rule:{head.rule['name']}"
    for f in ("event_type", "sub_event_type"):
        evidence.append(_ev(doc, f, head.trigger, rule))
    _date(doc, cl, head, ev, evidence)
    country = _place(doc, cl, ev, evidence, res)
    _actors(doc, cl, head, ev, evidence, res, country)
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
    if cl.historical is not None:
        ev.historical = True
        evidence.append(_ev(doc, "historical", cl.historical, "background-cue"))
    ev.confidence = _confidence(ev, cl)
    evidence.append(doc.sentence_evidence("confidence", head.sentence, "confidence:field-coverage"))
    ev.evidence = evidence
    return ev


_GENERIC_RULES = frozenset({"attack-unknown-target", "attack-armed", "attack-civilians", "army-claim"})


_PROTEST_ESCALATION = ("protest", "protest-intervention", "protest-deaths-dispersed", "excessive-force")
_EXPLOSIVE_RULES = frozenset({"suicide-bomb", "remote-explosive"})


def _best_typed(members: list[Candidate]) -> Candidate:
    # the first report (the headline) decides, unless a later sentence names a more specific kind
    first = members[0]
    if first.rule["name"] in _PROTEST_ESCALATION:
        # "protesters blocked a convoy", then "warning shots wounded four": how it ended types the protest
        return max(
            (c for c in members if c.rule["name"] in _PROTEST_ESCALATION),
            key=lambda c: _PROTEST_ESCALATION.index(c.rule["name"]),
        )
    if first.rule["name"] == "coup":
        # a coup in which leaders are detained is an arrest event (gold/GUIDE.md)
        return next((c for c in members[1:] if c.rule["sub_event_type"] == "Arrests"), first)
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


def _ev(doc: Doc, field_name: str, m: Mention, rule: str) -> Evidence:
    return doc.evidence(field_name, m, rule)  # one frozen record, not one and a copy (they are slow to build)


def _date(doc: Doc, cl: Any, head: Candidate, ev: Event, evidence: list[Evidence]) -> None:
    if cl.date is not None:
        ev.event_date, ev.date_precision, m = cl.date
        if m is not None:
            for f in ("event_date", "date_precision"):
                evidence.append(_ev(doc, f, m, m.rule))
            return
    if doc.published is not None:
        ev.event_date, ev.date_precision = doc.published, 1
        for f in ("event_date", "date_precision"):
            evidence.append(doc.sentence_evidence(f, head.sentence, "default:publication-date"))


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
    capital = load_taxonomy("countries").get("capitals", {}).get(country)
    places = getattr(getattr(res, "pack", None), "places", None)
    found = places.search(capital, country)[:1] if capital and places is not None else []
    if not found or places is None:
        return
    p = found[0]
    ev.admin1 = places.names_on(country, p.admin1, None, ev.event_date)[0]
    ev.latitude, ev.longitude, ev.geo_precision = float(p.latitude), float(p.longitude), 3
    for f in ("admin1", "latitude", "longitude", "geo_precision"):
        evidence.append(_ev(doc, f, m, f"default:capital:{p.id}"))


def _actors(
    doc: Doc, cl: Any, head: Candidate, ev: Event, evidence: list[Evidence], res: Any, country: str | None
) -> None:
    # the first report of the occurrence says who did it (the typed head may be a later detail), unless it
    # only guesses and a later sentence's wording names the doer ("des affrontements ont opposé l'armée à")
    src = next((c for c in cl.members if c.actor1 is not None or c.default_actor1), head)
    if src.actor1 is None:
        src = next((c for c in cl.members if c.actor1 is not None and c.agent_told), src)
    src = _acting_body(cl, src)
    a1 = src.actor1
    if a1 is not None:
        _set_actor(doc, ev, evidence, 1, a1, res)
        ev.assoc_actor_1 = _assoc(src.assoc1)
    elif src.default_actor1:
        actor_id = src.default_actor1.replace("{cc}", (country or "").lower())
        if "{cc}" not in src.default_actor1 or country:
            _set_default(
                doc,
                ev,
                evidence,
                1,
                actor_id,
                1 if "{cc}" in src.default_actor1 else 2,
                res,
                src.sentence,
                f"default:{'state-claim' if '{cc}' in src.default_actor1 else 'unidentified-perpetrator'}",
            )
    _crowd_default(doc, head, ev, evidence, res, country)
    src2 = next(
        (
            c
            for c in [head, *cl.members]
            if c.actor2 is not None and (a1 is None or c.actor2.actor_id != a1.actor_id)
        ),
        None,
    )
    if src2 is not None and src2.actor2 is not None:
        _set_actor(doc, ev, evidence, 2, src2.actor2, res)
        ev.assoc_actor_2 = _assoc(src2.assoc2)
    elif ev.event_type == "Violence against civilians" and country:
        _set_default(
            doc,
            ev,
            evidence,
            2,
            f"civilians-{country.lower()}",
            7,
            res,
            head.sentence,
            "default:civilian-victims",
        )
    _attribute(doc, cl, ev, evidence, res)
    _government_acts(doc, head, ev, res)
    _civilians_with_group(ev, res, country)
    excessive = ev.sub_event_type == "Excessive force against protesters"
    if excessive and (ev.actor1_id or "").startswith("protesters") and ev.inter2 == 1:
        _swap_actors(ev, evidence)  # "soldiers opened fire on protesters": the force is actor1 (the guide)
    if ev.actor2 is None:
        ev.inter2 = 0 if ev.actor1 is not None else None


def _government_acts(doc: Doc, head: Candidate, ev: Event, res: Any) -> None:
    """ "Mali cut ties with Ukraine", "Le Burkina Faso a expulsé trois diplomates": a country acting on its
    own is its government (ACLED codes governments, not countries), and one handing a base over its army; a
    country stays a state as a party to a pact it signs with others, and as the target of another's act."""
    actor_id = ev.actor1_id or ""
    if not actor_id.endswith("-state") or ev.sub_event_type == "Agreement" or res is None:
        return
    cc = actor_id.removesuffix("-state")
    sentence = doc.sentences[head.sentence]
    if ev.sub_event_type == "Non-violent transfer of territory" and _BASE_WORD.search(
        doc.folded, sentence.start, sentence.end
    ):
        # "France handed over its last military base": the army hands a base over
        forces = res.resolve_alias(f"{cc} military", f"{cc}-military", ev.event_date, ev.country)
        body = res.actor(forces)
    else:
        body = res.actor(f"{cc}-government")
    if body is not None:
        ev.actor1, ev.actor1_id, ev.inter1 = str(body.name), str(body.id), int(body.inter)


_BASE_WORD = re.compile(r"\b(?:bases?|camps?|military sites?|emprises?|garrisons?)\b")


def _acting_body(cl: Any, src: Candidate) -> Candidate:
    """ "Mali and Algeria trade protests. Mali's foreign ministry summoned...": the body a later sentence
    names (a government, ministry, junta, its forces) says more than the country a headline names as a
    state."""
    a1 = src.actor1
    if a1 is None or not str(a1.actor_id or "").endswith("-state"):
        return src
    cc = str(a1.actor_id)[:3]
    # "Les États-Unis ont remis la base... les derniers militaires américains ont quitté": the forces too
    return next(
        (
            c
            for c in cl.members
            if c.actor1 is not None
            and str(c.actor1.actor_id or "").startswith(cc)
            and not str(c.actor1.actor_id).endswith("-state")
        ),
        src,
    )


_PARENT_AFTER = re.compile(r"^\s?(?:linked|affiliated|affiliate|allied|backed|aligned|lie|liee|affilie)\b")
_CLAIM = re.compile(r"\b(?:claim\w*|revendiqu\w*)\b")
_BLAMED_ON = re.compile(
    # "les autorités attribuent ce massacre à la katiba Macina": a few words may stand between
    r"\b(?:imput\w*|attribu\w*|blamed on|blamed|blames?|mis en cause|mettent en cause|met en cause|"
    r"accus\w*)\s+(?:(?:ce|cette|ces|the|this|these|massacre|attaque|attack|killings?|tuerie|attentat)\s+)*"
    r"(?:(?:a|aux|au|to|on|des|de|du|d|les|la|le|l|the|membres|members|of|groupes?|group|d autodefense)"
    r"\s+){0,5}$"
)
# militias named in a report are mostly its victims ("VDP post attacked"); when they act, the roles
# engine finds them as agents ("tuées par des membres d'un groupe d'autodéfense")
_CLAIMING_KINDS = frozenset({"rebel_group", "islamist_group"})
_NEW_GROUP = "Change to group/activity"
_INTO = re.compile(
    r"\b(?:fusion|fusionn\w*|merger|merged|nouvelle organisation|new organi[sz]ation|sous le nom|"
    r"under the name|baptise\w*|named|renamed|rebaptise\w*)\b[^.;]{0,50}$"
)
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _attribute(doc: Doc, cl: Any, ev: Event, evidence: list[Evidence], res: Any) -> None:
    """A named armed group in the report ("gunmen from AQIM", "claimed by JNIM") replaces "unidentified";
    never a group the report counts among the victims, nor a parent that only qualifies another group."""
    acts = ev.event_type in _VIOLENT or ev.sub_event_type in ("Looting/property destruction", _NEW_GROUP)
    if not acts or ev.actor1_id not in (None, "unidentified-armed-group"):
        return
    named = [m for m in _claimable(doc, res) if m.value != ev.actor2_id]
    if not named:
        return
    victims = _victims(doc)
    # a group the report blames stays the doer even where the blaming sentence reads it as a target
    named = [m for m in named if m.value not in victims or _blamed(doc, m)]
    if not named:
        return
    own = {c.sentence for c in cl.members}
    claims = _claim_sentences(doc)
    # a claim names the group best; then the group named where the event is told; a merger is the group
    # it makes ("ont annoncé leur fusion au sein d'une nouvelle organisation, le GSIM")
    found = min(named, key=lambda m: (m.sentence not in claims, m.sentence not in own, m.start))
    if ev.sub_event_type == _NEW_GROUP:
        found = next((m for m in named if _INTO.search(doc.folded[max(0, m.start - 60) : m.start])), found)
    actor = res.actor(str(found.value))
    part = Participant(found, str(found.value), str(actor.name), int(actor.inter), "armed")
    evidence[:] = [e for e in evidence if e.field not in ("actor1", "actor1_id", "inter1")]
    _set_actor(doc, ev, evidence, 1, part, res)


def _blamed(doc: Doc, m: Mention) -> bool:
    return bool(_BLAMED_ON.search(doc.folded[max(0, m.start - 60) : m.start]))


def _claimable(doc: Doc, res: Any) -> list[Mention]:
    """Armed groups the report names, but not as the parent of another ("al-Qaeda-linked JNIM")."""
    found: list[Mention] | None = doc.user_data.get("_claimable")
    if found is None:
        found = [
            m
            for m in doc.of_kind("actor")
            if (
                getattr(res.actor(str(m.value)), "kind", None) in _CLAIMING_KINDS
                # "violences imputées à des Koglweogo": a militia the report blames
                or _blamed(doc, m)
            )
            and not _PARENT_AFTER.match(doc.folded[m.end : m.end + 16])
        ]
        doc.user_data["_claimable"] = found
    return found


def _victims(doc: Doc) -> set[str | None]:
    found: set[str | None] | None = doc.user_data.get("_victims")
    if found is None:
        found = set()
        for cand in doc.user_data.get("candidates", []):
            found.update(p.actor_id for p in [cand.actor2, *cand.assoc2] if p is not None)
        doc.user_data["_victims"] = found
    return found


def _claim_sentences(doc: Doc) -> set[int]:
    found: set[int] | None = doc.user_data.get("_claims")
    if found is None:
        found = {s.index for s in doc.sentences if _CLAIM.search(doc.folded[s.start : s.end])}
        doc.user_data["_claims"] = found
    return found


def _swap_actors(ev: Event, evidence: list[Evidence]) -> None:
    ev.actor1, ev.actor2 = ev.actor2, ev.actor1
    ev.actor1_id, ev.actor2_id = ev.actor2_id, ev.actor1_id
    ev.inter1, ev.inter2 = ev.inter2, ev.inter1
    for i, e in enumerate(evidence):
        if e.field[:-1] in ("actor", "inter") or e.field in ("actor1_id", "actor2_id"):
            swapped = e.field.replace("1", "#").replace("2", "1").replace("#", "2")
            evidence[i] = Evidence(swapped, e.document, e.sentence, e.start, e.end, e.text, e.rule)


def _crowd_default(
    doc: Doc, head: Candidate, ev: Event, evidence: list[Evidence], res: Any, country: str | None
) -> None:
    """Protests are by protesters and riots by rioters, even when the report says "people"."""
    crowd = {"Protests": "protesters", "Riots": "rioters"}.get(str(ev.event_type))
    excessive = ev.sub_event_type == "Excessive force against protesters"
    if crowd is None or not country:
        return
    if (ev.actor1_id or "").startswith(crowd):
        return
    if crowd == "rioters" and (ev.actor1_id or "").startswith("protesters"):
        ev.actor1_id = None  # "demonstrators looted shops": the protesters rioted, and are rioters
    if ev.inter1 == 1 and (ev.actor2_id or "").startswith(crowd) and not excessive:
        # "police dispersed protesters": the protest is the event, the police intervened in it
        _swap_actors(ev, evidence)
        return
    if ev.inter1 == 1 and ev.actor2_id is None:
        ev.actor2, ev.actor2_id, ev.inter2 = ev.actor1, ev.actor1_id, ev.inter1
        evidence[:] = [
            Evidence(e.field.replace("1", "2"), e.document, e.sentence, e.start, e.end, e.text, e.rule)
            if e.field in ("actor1", "actor1_id", "inter1")
            else e
            for e in evidence
        ]
        ev.actor1 = ev.actor1_id = None
        ev.inter1 = None
    guessed = any(e.field == "actor1_id" and e.rule == "default:unidentified-perpetrator" for e in evidence)
    # a protest is by the crowd, whoever it protests against ("contre les sanctions imposées par la CEDEAO")
    outsider = ev.actor1_id is not None and ev.inter1 not in (1, 5, 6, 7, None)
    if ev.actor1_id is not None and ev.inter1 not in (7, None) and not guessed and not outsider:
        return
    if excessive and (guessed or ev.inter1 == 1):
        return  # the force that fired is actor1 (gold/GUIDE.md)
    evidence[:] = [e for e in evidence if e.field not in ("actor1", "actor1_id", "inter1")]
    _set_default(
        doc,
        ev,
        evidence,
        1,
        f"{crowd}-{country.lower()}",
        6 if crowd == "protesters" else 5,
        res,
        head.sentence,
        f"default:{crowd}",
    )


def _set_actor(
    doc: Doc, ev: Event, evidence: list[Evidence], n: int, p: Participant, res: Any = None
) -> None:
    p = _on_event_date(doc, ev, p, res)
    setattr(ev, f"actor{n}", p.name)
    setattr(ev, f"actor{n}_id", p.actor_id)
    setattr(ev, f"inter{n}", p.inter)
    for f in (f"actor{n}", f"actor{n}_id", f"inter{n}"):
        evidence.append(_ev(doc, f, p.mention, p.mention.rule))


def _on_event_date(doc: Doc, ev: Event, p: Participant, res: Any) -> Participant:
    """A name read on the publication date means, for an event of an earlier day, what it meant then
    ("The Wagner Group said on Friday it was leaving", published on Saturday, the day Wagner became the
    Africa Corps)."""
    if res is None or ev.event_date in (None, doc.published):
        return p
    actor_id = res.resolve_mention(p.mention, str(p.actor_id), ev.event_date, doc.country)
    actor = res.actor(actor_id) if actor_id != p.actor_id else None
    if actor is None:
        return p
    inter = getattr(actor, "inter", None)
    return replace(
        p, actor_id=actor_id, name=str(actor.name), inter=int(inter) if inter is not None else p.inter
    )


def _set_default(
    doc: Doc,
    ev: Event,
    evidence: list[Evidence],
    n: int,
    actor_id: str,
    inter: int,
    res: Any,
    sentence: int,
    rule: str,
) -> None:
    actor = res.actor(actor_id)
    setattr(ev, f"actor{n}", str(actor.name) if actor is not None else actor_id)
    setattr(ev, f"actor{n}_id", actor_id)
    setattr(ev, f"inter{n}", int(actor.inter) if actor is not None and actor.inter is not None else inter)
    for f in (f"actor{n}", f"actor{n}_id", f"inter{n}"):
        evidence.append(doc.sentence_evidence(f, sentence, rule))


def _civilians_with_group(ev: Event, res: Any, country: str | None) -> None:
    """Miners, journalists, aid workers attacked are the civilians of the country, the group associated
    (ACLED's convention and the gold guide's: "Civilians (Niger)" with "Aid Workers")."""
    actor = res.actor(ev.actor2_id) if ev.actor2_id else None
    if actor is None or getattr(actor, "kind", None) != "civilian_group" or not country:
        return
    if str(ev.actor2_id).startswith("civilians-"):
        return
    civilians = res.actor(f"civilians-{country.lower()}")
    if civilians is None:
        return
    group = ev.actor2
    ev.actor2, ev.actor2_id, ev.inter2 = str(civilians.name), str(civilians.id), int(civilians.inter or 7)
    ev.assoc_actor_2 = "; ".join(n for n in (group, ev.assoc_actor_2) if n)


def _assoc(parts: list[Participant]) -> str | None:
    names = [p.name for p in parts if p.name]
    return "; ".join(dict.fromkeys(names)) or None


def _fatalities(doc: Doc, cl: Any, ev: Event, evidence: list[Evidence], count_neutralised: bool) -> None:
    totals: dict[str, int | None] = {}
    used: dict[str, list[Mention]] = {}
    for kind in ("killed", "wounded", "neutralised", "abducted"):
        per_sentence: dict[int, dict[str, int]] = {}
        figures = [f for cand in cl.members for f in cand.counts.get(kind, [])]
        # a precise figure ("seventy-one") beats a vague one ("dozens") for the same event
        precise = any(m.kind == "number" for _, _, m in figures)
        for cand in cl.members:
            for n, victim, m in cand.counts.get(kind, []):
                if precise and m.kind == "vague":
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


def _conservative(sentences: list[dict[str, int]]) -> int:
    """Within a sentence, victim groups add up; across sentences, the smallest figure per group wins, and
    a bare toll told apart from the groups ("Five dead" / "five soldiers were killed", "first put the toll
    at 95" / "35 people were killed") is another count of the same dead: the smaller one."""
    updates = [per["update"] for per in sentences if "update" in per]
    if updates:
        return max(updates)  # "the toll has risen to 15": the latest toll replaces the others
    roles: dict[str, int] = {}
    for per in sentences:
        for role, n in per.items():
            roles[role] = min(roles.get(role, n), n)
    specific = sum(n for role, n in roles.items() if role != "any")
    if "any" not in roles or not specific:
        return max(specific, roles.get("any", 0))
    together = any("any" in per and len(per) > 1 for per in sentences)
    return max(specific, roles["any"]) if together else min(specific, roles["any"])


def _confidence(ev: Event, cl: Any) -> float:
    score = 0.45
    score += 0.15 if ev.location else 0.0
    score += 0.1 if ev.actor1_id else 0.0
    score += 0.05 if ev.actor2_id else 0.0
    score += 0.1 if len(cl.members) > 1 or len(cl.head.cues) > 1 else 0.0
    score += 0.05 if ev.fatalities is not None else 0.0
    score -= 0.2 if ev.historical else 0.0
    return round(max(0.05, min(0.95, score)), 2)

"""Who acted and who was acted on: an event's actors, from the cluster's participants, a named group the
report blames or a claim names, a crowd for a protest, and the defaults (an unidentified group, the state,
civilians) when the report names no one."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from harmattan.extraction.components.actor_fields import named_component, set_actor, set_default, swap_actors
from harmattan.extraction.components.attribution import attribute, claimed_against_forces
from harmattan.extraction.components.events import Candidate, Participant
from harmattan.extraction.components.interstate import state_country
from harmattan.extraction.doc import Doc
from harmattan.extraction.lexicon import lang_terms, load_taxonomy
from harmattan.records import Event, Evidence
from harmattan.regions.text import fold

_NO_BOMBERS = frozenset({3, 4, 5, 6, 7})


def set_actors(
    doc: Doc, cl: Any, head: Candidate, ev: Event, evidence: list[Evidence], res: Any, country: str | None
) -> None:
    """Set both actors, their inter codes and associated actors on ``ev``, with evidence for each."""
    # the first report of the occurrence says who did it (the typed head may be a later detail), unless it
    # only guesses and a later sentence's wording names the doer ("des affrontements ont opposé l'armée à")
    src = next((c for c in cl.members if c.actor1 is not None or c.default_actor1), head)
    if src.actor1 is None:
        src = next((c for c in cl.members if c.actor1 is not None and c.agent_told), src)
    if (
        src.actor1 is None
        and "{cc}" in (src.default_actor1 or "")
        and _forces_attacked(doc, cl, src, res, country)
    ):
        # "a soldier was killed in an exchange of fire ... an army detachment came under fire in an ambush":
        # the forces were the target, not the claimants of the fighting
        src = next((c for c in cl.members if c is not src and c.default_actor1 and c.actor1 is None), src)
    src = _acting_body(cl, src)
    a1 = src.actor1
    if a1 is not None and ev.sub_event_type == "Suicide bomb" and a1.inter in _NO_BOMBERS:
        # "spotted by members of the vigilance committee, he detonated his charge": only an armed group sends
        # a suicide bomber (dev gold: 33 of 33); a militia or civilians the sentence names faced him (forces
        # named first are the target a claim later reverses: claimed_against_forces)
        a1 = None
        set_default(doc, ev, evidence, 1, "unidentified-armed-group", 2, res, src.sentence, "default:bomber")
    if a1 is not None:
        set_actor(doc, ev, evidence, 1, a1, res)
        ev.assoc_actor_1 = _assoc(src.assoc1)
    elif src.default_actor1 and ev.actor1_id is None:
        actor_id = src.default_actor1.replace("{cc}", (country or "").lower())
        if "{cc}" in src.default_actor1:
            actor_id = _foreign_claim(doc, src, res, country) or actor_id
        if "{cc}" not in src.default_actor1 or country:
            set_default(
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
            if c.actor2 is not None
            and (a1 is None or c.actor2.actor_id != a1.actor_id)
            # "police fired tear gas at protesters": not the protesters the crowd default made actor1
            and c.actor2.actor_id != ev.actor1_id
        ),
        None,
    )
    # the force that intervened in a protest stays its target, where the crowd default put it
    intervened = ev.event_type == "Protests" and ev.inter2 == 1 and not str(ev.actor2_id).endswith("-state")
    if src2 is not None and src2.actor2 is not None and not intervened:
        set_actor(doc, ev, evidence, 2, src2.actor2, res)
        ev.assoc_actor_2 = _assoc(src2.assoc2)
    elif ev.event_type == "Violence against civilians" and country:
        set_default(
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
    attribute(doc, cl, ev, evidence, res)
    claimed_against_forces(doc, cl, ev, evidence, res)
    _government_acts(doc, head, ev, res)
    _government_targeted(doc, cl, ev, evidence, res, country)
    if ev.sub_event_type == "Arrests" and ev.actor2_id is None and ev.inter1 == 1 and country:
        # "Malian authorities detained the chief executive of Resolute Mining": a person the state holds,
        # named by no party word, is a civilian of the country (dev: 13 such events better, none worse)
        target = f"civilians-{country.lower()}"
        set_default(doc, ev, evidence, 2, target, 7, res, head.sentence, "default:civilians-arrested")
    _mission_targeted(doc, cl, ev, evidence, res)
    _pact_between_states(ev, res)
    _operation_named(doc, ev, evidence, res)
    _host_forces_take_over(doc, head, ev, evidence, res)
    lone_government = ev.actor1_id is None and str(ev.actor2_id).endswith("-government")
    if lone_government and any(c.plover for c in cl.members):
        # "Mali's junta said it was ending the 2015 Algiers agreement": a political act with one government
        # named is that government's act
        swap_actors(ev, evidence)
    _civilians_with_group(ev, res, country)
    excessive = ev.sub_event_type == "Excessive force against protesters"
    if excessive and (ev.actor1_id or "").startswith("protesters") and ev.inter2 == 1:
        swap_actors(ev, evidence)  # "soldiers opened fire on protesters": the force is actor1 (the guide)
    _taker_tells_the_kind(ev)
    _crowd_police(ev, evidence, res)
    if ev.actor2 is None:
        ev.inter2 = 0 if ev.actor1 is not None else None


def _forces_attacked(doc: Doc, cl: Any, src: Candidate, res: Any, country: str | None) -> bool:
    """Another sentence of the occurrence names the forces the claim would name as the ones attacked."""
    if country is None or _foreign_claim(doc, src, res, country) is not None:
        return False
    claimed = str(src.default_actor1).replace("{cc}", country.lower())
    return any(
        c is not src and c.actor2 is not None and c.actor2.actor_id == claimed and c.actor1 is None
        for c in cl.members
    )


def _foreign_claim(doc: Doc, cand: Candidate, res: Any, country: str | None) -> str | None:
    """ "France says it killed about 20 jihadists in Mali": a claim another country announces is its forces'
    (in Mali in 2018 the French operation alone there, Barkhane)."""
    claimant = next(
        (
            cc
            for cc in [*_countries_announcing(doc, cand.sentence), *_capitals_announcing(doc, cand.sentence)]
            if cc != country
        ),
        None,
    )
    if claimant is None:
        return None
    if res is None:
        return f"{claimant.lower()}-military"
    return str(res.forces_of(claimant, country, doc.published))


def _countries_announcing(doc: Doc, sentence: int) -> list[str]:
    """Countries (a name, a demonym or a capital the gazetteer has) named right before a claim verb."""
    return [
        str(m.value if m.kind == "country" else m.value.place.country)
        for m in doc.of_kind("country", sentence) + doc.of_kind("place", sentence)
        if (m.kind == "country" or getattr(m.value.place, "feature", "") == "P.PPLC")
        and _ANNOUNCES.match(doc.folded, m.end)
    ]


def _capitals_announcing(doc: Doc, sentence: int) -> list[str]:
    """Countries whose capital beyond the gazetteer is named right before a claim ("Paris annonce avoir")."""
    pattern, country_of = _capital_claims()
    sent = doc.sentences[sentence]
    named = {country_of[found.group(1)] for found in pattern.finditer(doc.folded, sent.start, sent.end)}
    return [cc for cc in dict.fromkeys(country_of.values()) if cc in named]  # in the taxonomy's order


@lru_cache(maxsize=1)
def _capital_claims() -> tuple[re.Pattern[str], dict[str, str]]:
    """``capital_metonyms`` of taxonomies/countries.yaml: one pattern for a capital right before a claim,
    and the country of each folded name."""
    spec = load_taxonomy("countries").get("capital_metonyms", {})
    country_of = {fold(name): cc for cc, names in spec.items() for name in names}
    names = "|".join(re.escape(n) for n in sorted(country_of, key=len, reverse=True))
    return re.compile(rf"\b({names})(?={_ANNOUNCES.pattern})"), country_of


_ANNOUNCES = re.compile(
    r"\s+(?:says?|said|claims?|claimed|announces|announced|annonce|a annonce|affirme|a affirme|dit|"
    r"revendique)\s+"
    r"(?:(?:it|its forces|its troops|avoir|that)\b|qu)"
    # "..., the French army said.": the army of that country tells its own operation
    r"|\s+(?:army|military|armed forces|general staff|defence ministry|defense ministry)\s+(?:says?|said)\b"
)


@lru_cache(maxsize=1)
def _crowd_police_spec() -> tuple[frozenset[str], frozenset[str]]:
    """(sub-event types, folded words) of ``crowd_police``, read once."""
    spec = load_taxonomy("actor_terms")["crowd_police"]
    words = frozenset(fold(w) for _, w in lang_terms({k: spec[k] for k in ("en", "fr")}))
    return frozenset(spec["sub_event_types"]), words


def _crowd_police(ev: Event, evidence: list[Evidence], res: Any) -> None:
    """ "Security forces fired live rounds at demonstrators": forces named only in general that face a crowd
    are its police (``crowd_police`` in taxonomies/actor_terms.yaml)."""
    kinds, words = _crowd_police_spec()
    if ev.sub_event_type not in kinds:
        return
    for n in (1, 2):
        actor_id = str(getattr(ev, f"actor{n}_id") or "")
        told = next((e for e in evidence if e.field == f"actor{n}_id"), None)
        if not actor_id.endswith("-military") or told is None or fold(told.text) not in words:
            continue
        police = res.actor(actor_id.replace("-military", "-police")) if res is not None else None
        if police is not None:
            setattr(ev, f"actor{n}", str(police.name))
            setattr(ev, f"actor{n}_id", str(police.id))


def foreign_detainees(ev: Event, evidence: list[Evidence]) -> None:
    """ "49 soldats ivoiriens interpellés à l'aéroport de Bamako", "quatre agents français arrêtés à
    Ouagadougou": a state detaining another state's soldiers or agents coerces that state (gold/GUIDE.md:
    PLOVER COERCE)."""
    target = state_country(ev.actor2_id)
    if ev.sub_event_type != "Arrests" or not ev.country or target in (None, ev.country):
        return
    if state_country(ev.actor1_id) != ev.country:
        return  # a coup's soldiers or a foreign force: not a state holding foreigners
    ev.plover_type = "COERCE"  # kept as Arrests: most gold annotators code it so (8 dev cases to 4)
    told = next((e for e in evidence if e.field == "sub_event_type"), None)
    evidence[:] = [e for e in evidence if e.field != "plover_type"]
    if told is not None:
        evidence.append(replace(told, field="plover_type", rule="plover:foreign-detainees"))


_TAKINGS = {"Non-state actor overtakes territory": "Government regains territory"}


def _taker_tells_the_kind(ev: Event) -> None:
    """ "Les FAMa ont pris le contrôle d'Anefis": a town taken by state forces is regained, one taken by
    a group is overtaken, whichever the wording (or a model) said."""
    if ev.sub_event_type in _TAKINGS and ev.inter1 in (1, 8):
        ev.sub_event_type = _TAKINGS[ev.sub_event_type]
    elif ev.sub_event_type == "Government regains territory" and ev.inter1 in (2, 3, 4):
        ev.sub_event_type = "Non-state actor overtakes territory"


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


def _government_targeted(
    doc: Doc, cl: Any, ev: Event, evidence: list[Evidence], res: Any, country: str | None
) -> None:
    """ "detained President Mohamed Bazoum", "ont arrêté le président Keïta", "the army said it had deposed
    President Kaboré": the head of state or of government held, or a government overthrown, is the
    government (not a former leader: "l'ancien Premier ministre" is a civilian)."""
    if ev.sub_event_type not in ("Arrests", "Other") or ev.actor2_id is not None or not country:
        return
    if res is None:
        return
    for c in cl.members:
        sent = doc.sentences[c.sentence]
        coup = "coup" in c.cue_names and (ev.actor1_id or "").endswith("-military")
        if coup or (ev.sub_event_type == "Arrests" and _LEADER_HELD.search(doc.folded, sent.start, sent.end)):
            target = f"{country.lower()}-government"
            if ev.actor1_id == target:
                # "mutinous soldiers detained him and Prime Minister Boubou Cissé": a government does not
                # hold its own head; the soldiers the report names, or the army, did
                forces = f"{country.lower()}-military"
                set_default(doc, ev, evidence, 1, forces, 1, res, c.sentence, "leader-held-by-forces")
            set_default(doc, ev, evidence, 2, target, 1, res, c.sentence, "government-targeted")
            return


def _mission_targeted(doc: Doc, cl: Any, ev: Event, evidence: list[Evidence], res: Any) -> None:
    """ "Protesters attacked the French embassy", "l'Institut français de Bobo-Dioulasso a été pris pour
    cible": a country's embassy or institute targeted stands for its state (gold/GUIDE.md)."""
    if ev.actor2_id is not None or ev.event_type not in ("Riots", "Protests") or res is None:
        return
    for c in cl.members:
        for m in doc.of_kind("country", c.sentence):
            window = doc.folded[max(0, m.start - 30) : m.end + 30]
            target = f"{str(m.value).lower()}-state"
            if _MISSION.search(window) and m.value != ev.country and res.actor(target) is not None:
                set_default(doc, ev, evidence, 2, target, 1, res, c.sentence, "mission-targeted")
                return


_MISSION = re.compile(
    r"\b(?:embassy|consulate|institute|cultural cent(?:re|er)|ambassade|consulat|institut|centre culturel)\b"
)
_LEADER_HELD = re.compile(
    r"\b(?:detained|arrested|arrest of|detention of|held|placed under house arrest|seized|arrete|arretes|"
    r"detenu|detenus|interpelle|sequestre|arrestation du|arrestation de|arreter)\s+"
    r"(?:(?:him|them|her)\s+and\s+)?(?:the\s+|le\s+|du\s+)?"
    r"(?:country s\s+|niger s\s+|mali s\s+)?(?:president|prime minister|premier ministre|chef de l etat|"
    r"head of state|chef du gouvernement)\b"
)


def _pact_between_states(ev: Event, res: Any) -> None:
    """ "Les chefs de la junte du Mali, du Burkina Faso et du Niger ont signé la charte": the parties to a
    pact between countries are the states (the gold guide), whichever body the report names as signing."""
    if ev.sub_event_type != "Agreement" or res is None:
        return
    ids = [ev.actor1_id or "", ev.actor2_id or ""]
    bodies = [i.rsplit("-", 1) for i in ids if i.endswith(("-state", "-government"))]
    if len(bodies) != 2 or bodies[0][0] == bodies[1][0]:
        return
    for n, (cc, _) in enumerate(bodies, start=1):
        state = res.actor(f"{cc}-state")
        if state is not None:
            setattr(ev, f"actor{n}", str(state.name))
            setattr(ev, f"actor{n}_id", str(state.id))
            setattr(ev, f"inter{n}", int(state.inter))


def _operation_named(doc: Doc, ev: Event, evidence: list[Evidence], res: Any) -> None:
    """An army the report also names by its operation ("the Sabre task force", "Barkhane troops") is that
    operation; named twice, it is one party."""
    m = named_component(doc, ev, ev.actor1_id, res)
    if m is None:
        return
    actor = res.actor(str(m.value))
    ev.actor1, ev.actor1_id, ev.inter1 = str(actor.name), str(actor.id), int(actor.inter)
    evidence[:] = [e for e in evidence if e.field not in ("actor1", "actor1_id", "inter1")]
    evidence.extend(doc.evidence(f, m, m.rule) for f in ("actor1", "actor1_id", "inter1"))
    if ev.actor2_id == ev.actor1_id:
        ev.actor2, ev.actor2_id, ev.inter2 = None, None, 0
        evidence[:] = [e for e in evidence if e.field not in ("actor2", "actor2_id", "inter2")]


def _host_forces_take_over(doc: Doc, head: Candidate, ev: Event, evidence: list[Evidence], res: Any) -> None:
    """ "The last French soldiers of Barkhane left Mali": a foreign force leaving or handing over a base
    leaves it to the host country's forces, whichever body the report names (the gold guide; dev: 68 such
    events coded to the host's military, none to its state)."""
    if ev.sub_event_type != "Non-violent transfer of territory" or res is None:
        return
    if ev.inter2 == 8 and ev.inter1 != 8:
        # "l'état-major burkinabè a annoncé la fin des opérations de la force française Sabre": the foreign
        # force is the one that leaves, whoever announced it
        swap_actors(ev, evidence)
    found = _HOST_BODY.match(ev.actor2_id or "")
    if found is not None:
        host = found.group(1)  # the host named as a state or a government
    elif ev.actor2_id is None:
        host = (ev.country or "").lower()  # no recipient named: the country it happened in
    else:
        return
    if not host or not (ev.inter1 == 8 or not str(ev.actor1_id).startswith(f"{host}-")):
        return  # a force of the host country itself
    forces = res.actor(f"{host}-military")
    if forces is not None and ev.actor2_id is None:
        # "US forces completed their withdrawal from Niger": the host's forces take over what is left
        rule = "default:host-forces"
        set_default(doc, ev, evidence, 2, str(forces.id), int(forces.inter), res, head.sentence, rule)
    elif forces is not None:
        ev.actor2, ev.actor2_id, ev.inter2 = str(forces.name), str(forces.id), int(forces.inter)
        evidence[:] = [
            replace(e, rule=f"{e.rule}+host-forces") if e.field in ("actor2", "actor2_id", "inter2") else e
            for e in evidence
        ]


_HOST_BODY = re.compile(r"^([a-z]{2})-(?:state|government)$")
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
        swap_actors(ev, evidence)
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
    police = f"{country.lower()}-police"
    if excessive and guessed and res.actor(police) is not None:
        # no force named: the police answer protests (an armed group is never the gold's guess here)
        evidence[:] = [e for e in evidence if e.field not in ("actor1", "actor1_id", "inter1")]
        set_default(doc, ev, evidence, 1, police, 1, res, head.sentence, "default:protest-police")
        return
    if excessive and ev.inter1 == 1:
        return  # the force that fired is actor1 (gold/GUIDE.md)
    evidence[:] = [e for e in evidence if e.field not in ("actor1", "actor1_id", "inter1")]
    set_default(
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

"""Who acted and who was acted on: an event's actors, from the cluster's participants, a named group the
report blames or a claim names, a crowd for a protest, and the defaults (an unidentified group, the state,
civilians) when the report names no one."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from harmattan.extraction.components.events import Candidate, Participant
from harmattan.extraction.components.interstate import state_country
from harmattan.extraction.components.wording import claim_sentences
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import lang_terms, load_taxonomy
from harmattan.records import Event, Evidence
from harmattan.regions.text import fold


def set_actors(
    doc: Doc, cl: Any, head: Candidate, ev: Event, evidence: list[Evidence], res: Any, country: str | None
) -> None:
    """Set both actors, their inter codes and associated actors on ``ev``, with evidence for each."""
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
    _claimed_against_forces(doc, ev, evidence, res)
    _government_acts(doc, head, ev, res)
    _government_targeted(doc, cl, ev, evidence, res, country)
    _mission_targeted(doc, cl, ev, evidence, res)
    _pact_between_states(ev, res)
    _civilians_with_group(ev, res, country)
    excessive = ev.sub_event_type == "Excessive force against protesters"
    if excessive and (ev.actor1_id or "").startswith("protesters") and ev.inter2 == 1:
        _swap_actors(ev, evidence)  # "soldiers opened fire on protesters": the force is actor1 (the guide)
    _taker_tells_the_kind(ev)
    _crowd_police(ev, evidence, res)
    if ev.actor2 is None:
        ev.inter2 = 0 if ev.actor1 is not None else None


def _crowd_police(ev: Event, evidence: list[Evidence], res: Any) -> None:
    """ "Security forces fired live rounds at demonstrators": forces named only in general that face a crowd
    are its police (``crowd_police`` in taxonomies/actor_terms.yaml)."""
    spec = load_taxonomy("actor_terms")["crowd_police"]
    if ev.sub_event_type not in spec["sub_event_types"]:
        return
    words = {fold(w) for _, w in lang_terms({k: spec[k] for k in ("en", "fr")})}
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
                _set_default(doc, ev, evidence, 1, forces, 1, res, c.sentence, "leader-held-by-forces")
            _set_default(doc, ev, evidence, 2, target, 1, res, c.sentence, "government-targeted")
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
                _set_default(doc, ev, evidence, 2, target, 1, res, c.sentence, "mission-targeted")
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
    own = {c.sentence for c in cl.members}
    # a group named where the report tells an event of another day did that one ("five days after three
    # soldiers were killed near Hombori, an attack claimed by JNIM"), and one only said to roam the area
    # ("a stronghold of IS Sahel, which has not commented") is not named as the doer
    also = any(_ALSO_CLAIMED.search(doc.folded, *_bounds(doc, i)) for i in own)
    elsewhere = set() if also else _told_elsewhere(doc, cl)
    unclaimed = _said_unclaimed(doc, cl)
    named = [
        m
        for m in named
        if (m.sentence in own or m.sentence not in elsewhere or _refers_back(doc, m))
        and (_blamed(doc, m) or not _NOT_NAMED.search(doc.folded, *_bounds(doc, m.sentence)))
        # "No group has claimed responsibility": a group the report names elsewhere is not this one's doer
        and (m.sentence in own or not unclaimed or _blamed(doc, m))
    ]
    if not named:
        return
    claims = claim_sentences(doc)
    # a claim names the group best; then the group named where the event is told; a merger is the group
    # it makes ("ont annoncé leur fusion au sein d'une nouvelle organisation, le GSIM")
    found = min(named, key=lambda m: (m.sentence not in claims, m.sentence not in own, m.start))
    if ev.sub_event_type == _NEW_GROUP:
        found = next((m for m in named if _INTO.search(doc.folded[max(0, m.start - 60) : m.start])), found)
    actor = res.actor(str(found.value))
    part = Participant(found, str(found.value), str(actor.name), int(actor.inter), "armed")
    evidence[:] = [e for e in evidence if e.field not in ("actor1", "actor1_id", "inter1")]
    _set_actor(doc, ev, evidence, 1, part, res)


def _claimed_against_forces(doc: Doc, ev: Event, evidence: list[Evidence], res: Any) -> None:
    """ "Huit militaires ont été tués dans les attaques... Le GSIM a revendiqué le double attentat": forces
    a report tells as hit, in an attack a group claims, are its target and the group its doer, however
    the sentences told the fighting (the forces' riposte, the soldiers killed)."""
    if ev.sub_event_type not in _CLAIMABLE_ATTACKS or ev.inter1 not in (1, 8):
        return
    if ev.actor2_id not in (None, "unidentified-armed-group") and ev.inter2 not in (1, 7, 8):
        return
    victims = _victims(doc)
    # only the claim sentences (cached per document) are read for the attack they claim
    claims = {
        i
        for i in claim_sentences(doc)
        if _CLAIMED_ATTACK.search(doc.folded, doc.sentences[i].start, doc.sentences[i].end)
    }
    claimant = next(
        (
            m
            for m in _claimable(doc, res)
            if m.sentence in claims
            and m.value != ev.actor1_id
            and (m.value not in victims or _blamed(doc, m))
        ),
        None,
    )
    if claimant is None:
        return
    # the forces become the target, with the evidence that named them; the old target gives way
    _swap_actors(ev, evidence)
    ev.assoc_actor_2, ev.assoc_actor_1 = ev.assoc_actor_1, None
    evidence[:] = [e for e in evidence if e.field not in ("actor1", "actor1_id", "inter1")]
    actor = res.actor(str(claimant.value))
    part = Participant(claimant, str(claimant.value), str(actor.name), int(actor.inter), "armed")
    _set_actor(doc, ev, evidence, 1, part, res)


# "No group has claimed the attack", "L'attaque n'a pas été revendiquée"
_NO_CLAIM = (
    r"did not name|has not commented|have not commented|not been claimed|"
    r"(?:no group|no one|nobody) (?:has |had )?(?:\w+ )?claimed|no (?:immediate )?claim|"
    r"pas ete revendiquee?s?|aucune revendication|aucun groupe n a (?:\w+ )?revendique|n a pas nomme"
)
# a group said to roam the area is not named as the doer: "ISWAP fighters are active around Baga", "the area
# is largely under the influence of JNIM", "la zone est le théâtre d'opérations de l'EIGS"
_ROAMS = (
    r"(?:is|are|was|were) (?:\w+ )?active|est actif|est active|sont actifs|sont actives|"
    r"operat\w* (?:in|around)|"
    r"under the (?:\w+ )?(?:influence|sway) of|sous l influence|zone d influence|theatre d operations|"
    r"stronghold|fief|bastion"
)
_NOT_NAMED = re.compile(rf"\b(?:{_NO_CLAIM}|{_ROAMS})\b")
_NO_CLAIM_RE = re.compile(rf"\b(?:{_NO_CLAIM})\b")
_CLAIMABLE_ATTACKS = frozenset(
    {"Armed clash", "Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Attack"}
)
_CLAIMED_ATTACK = re.compile(r"\b(?:attack|attaque|attentat|assault|assaut|bombing|ambush|embuscade|raid)")


def _said_unclaimed(doc: Doc, cl: Any) -> bool:
    """The report says nobody claimed this occurrence: a no-claim sentence among its own, or after them with
    no other occurrence told in between ("... were abducted by armed men. There was no immediate claim.")."""
    found: list[int] | None = doc.user_data.get("_no_claim")
    if found is None:
        found = [i for i, s in enumerate(doc.sentences) if _NO_CLAIM_RE.search(doc.folded, s.start, s.end)]
        doc.user_data["_no_claim"] = found
    if not found:
        return False
    own = {c.sentence for c in cl.members}
    told = {c.sentence: other for other in doc.user_data.get("merged", []) for c in other.members}
    for index in found:
        if index in own:
            return True
        last = max((i for i in told if i <= index), default=None)
        if last is not None and told[last] is cl:
            return True
    return False


def _told_elsewhere(doc: Doc, cl: Any) -> set[int]:
    """Sentences that tell events of another day than ``cl``'s, or background to its news (an undated
    detail may be of the same day)."""

    def apart(other: Any) -> bool:
        if (other.historical is None) != (cl.historical is None):
            return True
        return cl.date is not None and other.date is not None and cl.date[0] != other.date[0]

    return {
        c.sentence
        for other in doc.user_data.get("merged", [])
        if other is not cl and apart(other)
        for c in other.members
    }


def _refers_back(doc: Doc, m: Mention) -> bool:
    """ "Security sources blamed both attacks on Boko Haram", "les autorités l'attribuent à AQMI": a claim or
    blame of the attacks just told, not of the one its sentence tells."""
    return bool(_BACK.search(doc.folded, max(doc.sentences[m.sentence].start, m.start - 60), m.start))


_BACK = re.compile(
    r"\b(?:(?:claimed|blamed|attribu\w*|imput\w*|revendiqu\w*)\s+(?:both|the|these|those|l|les|ces|cette)"
    r"(?:\s+\w+){0,3}|l\s+(?:attribu\w*|imput\w*))\s+(?:on|to|a|au|aux)\s+$"
)
# "an assault also claimed by the group": the group a claim names elsewhere in the report
_ALSO_CLAIMED = re.compile(
    r"\b(?:also claimed|(?:aussi|egalement) revendiquee?s?|"
    r"claimed by the (?:same )?(?:group|jihadists|militants)|"
    r"revendiquee?s? par (?:le meme groupe|les jihadistes|le groupe))\b"
)


def _bounds(doc: Doc, index: int) -> tuple[int, int]:
    return doc.sentences[index].start, doc.sentences[index].end


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
    police = f"{country.lower()}-police"
    if excessive and guessed and res.actor(police) is not None:
        # no force named: the police answer protests (an armed group is never the gold's guess here)
        evidence[:] = [e for e in evidence if e.field not in ("actor1", "actor1_id", "inter1")]
        _set_default(doc, ev, evidence, 1, police, 1, res, head.sentence, "default:protest-police")
        return
    if excessive and ev.inter1 == 1:
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
        evidence.append(doc.evidence(f, p.mention, p.mention.rule))


def _on_event_date(doc: Doc, ev: Event, p: Participant, res: Any) -> Participant:
    """A name read on the publication date means, for an event of an earlier day, what it meant then
    ("The Wagner Group said on Friday it was leaving", published on Saturday, the day Wagner became the
    Africa Corps)."""
    if res is None or ev.event_date in (None, doc.published):
        return p
    if p.mention.kind == "actor" and str(p.mention.value) != p.actor_id:
        return p  # the party is not what its words name alone ("Mali, Burkina Faso and Niger": the AES)
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

"""Who did it when the report names a group: a claim, a blame or a group named where the event is told
replaces "unidentified"; never a victim group, a parent that only qualifies another, a group said to roam
the area, or any group elsewhere when the report says nobody claimed the occurrence. A claimed attack on
forces makes them the target and the group its doer."""

from __future__ import annotations

import re
from typing import Any

from harmattan.extraction.components.actor_fields import set_actor, swap_actors
from harmattan.extraction.components.candidates import Participant
from harmattan.extraction.components.wording import claim_sentences
from harmattan.extraction.doc import Doc, Mention
from harmattan.records import Event, Evidence

_PARENT_AFTER = re.compile(r"^\s?(?:linked|affiliated|affiliate|allied|backed|aligned|lie|liee|affilie)\b")
_BLAMED_ON = re.compile(
    # "les autorités attribuent ce massacre à la katiba Macina": a few words may stand between
    r"\b(?:imput\w*|attribu\w*|blamed on|blamed|blames?|mis en cause|mettent en cause|met en cause|"
    # "pour les autorités, l'attaque est l'œuvre de Boko Haram", "the work of"
    r"l (?:oe|œ)uvre|the work|accus\w*|"
    # "gunmen suspected to be members of the Lakurawa group", "des hommes présumés membres du JNIM"
    r"suspected to be|believed to be|thought to be|soupconnes d etre|presumes|presume)\s+"
    r"(?:(?:ce|cette|ces|the|this|these|massacre|attaque|attack|killings?|tuerie|attentat|l|assaut|assault|"
    r"raid|embuscade|ambush)\s+)*"
    r"(?:(?:a|aux|au|to|on|des|de|du|d|les|la|le|l|the|membres|members|of|groupes?|group|d autodefense)"
    r"\s+){0,5}$"
)
# militias named in a report are mostly its victims ("VDP post attacked"); when they act, the roles
# engine finds them as agents ("tuées par des membres d'un groupe d'autodéfense")
_CLAIMING_KINDS = frozenset({"rebel_group", "islamist_group"})
# ... so a communal militia names the doer only where the report tells it acting ("des Koglweogo ont tué
# un civil"); state auxiliaries such as the VDP are told acting in the riposte to the attack that hit them
_MILITIA_KINDS = frozenset({"identity_militia"})
_NEW_GROUP = "Change to group/activity"
_INTO = re.compile(
    r"\b(?:fusion|fusionn\w*|merger|merged|nouvelle organisation|new organi[sz]ation|sous le nom|"
    r"under the name|baptise\w*|named|renamed|rebaptise\w*)\b[^.;]{0,50}$"
)
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def attribute(doc: Doc, cl: Any, ev: Event, evidence: list[Evidence], res: Any) -> None:
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
    set_actor(doc, ev, evidence, 1, part, res)


def claimed_against_forces(doc: Doc, cl: Any, ev: Event, evidence: list[Evidence], res: Any) -> None:
    """ "Huit militaires ont été tués dans les attaques... Le GSIM a revendiqué le double attentat": forces
    a report tells as hit, in an attack a group claims, are its target and the group its doer, however
    the sentences told the fighting (the forces' riposte, the soldiers killed)."""
    if ev.sub_event_type not in _CLAIMABLE_ATTACKS or ev.inter1 not in (1, 8):
        return
    if ev.actor2_id not in (None, "unidentified-armed-group") and ev.inter2 not in (1, 7, 8):
        return
    victims = _victims(doc)
    own = {c.sentence for c in cl.members}
    # a claim told with an occurrence of another day claims that one ("On 16 December 2016, an attack ...
    # killed 12 soldiers; Ansarul Islam later claimed it")
    elsewhere = _told_elsewhere(doc, cl) - own
    # only the claim sentences (cached per document) are read for the attack they claim
    claims = {
        i
        for i in claim_sentences(doc)
        if i not in elsewhere
        and _CLAIMED_ATTACK.search(doc.folded, doc.sentences[i].start, doc.sentences[i].end)
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
    swap_actors(ev, evidence)
    ev.assoc_actor_2, ev.assoc_actor_1 = ev.assoc_actor_1, None
    evidence[:] = [e for e in evidence if e.field not in ("actor1", "actor1_id", "inter1")]
    actor = res.actor(str(claimant.value))
    part = Participant(claimant, str(claimant.value), str(actor.name), int(actor.inter), "armed")
    set_actor(doc, ev, evidence, 1, part, res)


# "No group has claimed the attack", "L'attaque n'a pas été revendiquée"
_NO_CLAIM = (
    r"did not name|has not commented|have not commented|not been claimed|"
    r"(?:no group|no one|nobody) (?:has |had )?(?:\w+ )?claimed|no (?:immediate )?claim|"
    r"pas ete revendiquee?s?|aucune revendication|aucun groupe n a (?:\w+ )?revendique|n a pas nomme|"
    # "the spokesman ruled out any link with Boko Haram": a group denied
    r"ruled out (?:any |a )?(?:link|involvement)|no link with|aucun lien avec|"
    r"ecarte (?:toute|la) (?:piste|implication)"
)
# a group said to roam the area is not named as the doer: "ISWAP fighters are active around Baga", "the area
# is largely under the influence of JNIM", "la zone est le théâtre d'opérations de l'EIGS"
_ROAMS = (
    r"(?:is|are|was|were) (?:\w+ )?active|est actif|est active|sont actifs|sont actives|"
    r"operat\w* (?:in|around)|"
    r"under the (?:\w+ )?(?:influence|sway) of|sous l influence|zone d influence|theatre d operations|"
    # "l'un des terrains d'action de la katiba Macina", "des groupes liés à Al-Qaïda sont implantés"
    r"terrains? d action|zones? d action|area of operations|implantee?s?|(?:sont|est) presente?s?|"
    r"stronghold|fief|bastion|"
    # "the prison holds many convicted jihadists, including members of Boko Haram": inmates, not doers
    r"convicted|inmates"
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
    r"revendiquee?s? par (?:le meme groupe|les jihadistes|le groupe)|"
    # "une attaque du même groupe à Bosso", "la dernière attaque d'envergure du groupe": the group named
    r"(?:attaque|attack|assaut|assault|raid|embuscade|ambush)s?(?: \w+){0,2} (?:du|by the|of the) (?:meme )?"
    r"(?:groupe|group)|the same group|le meme groupe|"
    # "Le groupe avait déjà frappé vendredi : l'attaque d'un poste de l'armée": the group named before
    r"(?:le|the) (?:groupe|group) (?:a|avait|had|has) (?:deja |already |also |aussi )?"
    r"(?:frappe|attaque|struck|attacked|tue|killed))\b"
)


def _bounds(doc: Doc, index: int) -> tuple[int, int]:
    return doc.sentences[index].start, doc.sentences[index].end


def _blamed(doc: Doc, m: Mention) -> bool:
    return bool(
        _BLAMED_ON.search(doc.folded[max(0, m.start - 60) : m.start])
        or _BLAMED_AFTER.match(doc.folded, m.end, m.end + 90)
    )


# "Boko Haram, qui frappe la région depuis 2015, est pointé du doigt", "JNIM is suspected"
_BLAMED_AFTER = re.compile(
    r"\s*(?:[^.;]{0,60}?\s)?(?:est|sont|is|are|was|were)\s+"
    r"(?:pointee?s? du doigt|soupconnee?s?|suspected|blamed)\b"
)


def _claimable(doc: Doc, res: Any) -> list[Mention]:
    """Armed groups the report names, but not as the parent of another ("al-Qaeda-linked JNIM")."""
    found: list[Mention] | None = doc.user_data.get("_claimable")
    if found is None:
        found = [
            m
            for m in doc.of_kind("actor")
            if (
                _kind(res, m) in _CLAIMING_KINDS
                # "violences imputées à des Koglweogo": a militia the report blames, or one it tells acting
                or _blamed(doc, m)
                or (_kind(res, m) in _MILITIA_KINDS and m.value in _agents(doc))
            )
            and not _PARENT_AFTER.match(doc.folded[m.end : m.end + 16])
        ]
        doc.user_data["_claimable"] = found
    return found


def _kind(res: Any, m: Mention) -> str | None:
    return getattr(res.actor(str(m.value)), "kind", None)


def _agents(doc: Doc) -> set[str | None]:
    found: set[str | None] | None = doc.user_data.get("_agents")
    if found is None:
        found = {cand.actor1.actor_id for cand in doc.user_data.get("candidates", []) if cand.actor1}
        found -= _victims(doc)
        doc.user_data["_agents"] = found
    return found


def _victims(doc: Doc) -> set[str | None]:
    found: set[str | None] | None = doc.user_data.get("_victims")
    if found is None:
        found = set()
        for cand in doc.user_data.get("candidates", []):
            found.update(p.actor_id for p in [cand.actor2, *cand.assoc2] if p is not None)
        doc.user_data["_victims"] = found
    return found

"""The parties a sentence names, read before their roles: the reporting party ("selon l'armée", "..., the
army said") is no party to the event, a parent group only qualifies another ("al-Qaeda-linked JNIM"), a
name wins over the generic noun beside it, a named force over its soldiers' country, a government over its
country's name, and each actor is one participant."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from harmattan.extraction.components.candidates import Participant
from harmattan.extraction.doc import Doc, Mention

PARENT_AFTER = re.compile(r"^\s?(?:linked|affiliated|affiliate|allied|backed|aligned)\b")


def named_over_generic(parts: list[Participant]) -> list[Participant]:
    """ "un groupe d'autodéfense koglweogo", "Koglweogo self-defence group": the name, at the noun's place."""
    named = [p for p in parts if p.mention.kind == "actor"]
    out: list[Participant] = []
    taken: set[int] = set()
    for p in parts:
        if p.mention.kind == "term" and p.role in ("militia", "armed"):
            twin = next(
                (q for q in named if q.role == p.role and _adjacent(p.mention, q.mention)),
                None,
            )
            if twin is not None:
                if id(twin) not in taken:
                    taken.add(id(twin))
                    out.append(twin)
                continue
        elif id(p) in taken:
            continue
        else:
            taken.add(id(p))
        out.append(p)
    return out


def described_as(doc: Doc, parts: list[Participant]) -> list[Participant]:
    """ "des hommes armés habillés en chasseurs traditionnels dozos", "gunmen dressed as Dozo hunters": the
    group the attackers are described as, in their place."""
    out = list(parts)
    for p in parts:
        if p.role != "armed" or p.actor_id != "unidentified-armed-group":
            continue
        named = next(
            (
                q
                for q in parts
                if q.role in ("militia", "armed")
                and q.actor_id not in (None, "unidentified-armed-group")
                and 0 < q.mention.start - p.mention.end <= 40
                and _DESCRIBED_AS.fullmatch(doc.folded, p.mention.end, q.mention.start)
            ),
            None,
        )
        if named is not None and p in out and named in out:
            out.remove(named)
            out[out.index(p)] = named
    return out


_DESCRIBED_AS = re.compile(
    r"\s*(?:habilles|vetus|deguises|presentes|decrits|identifies|dressed|disguised|presented|described|"
    r"identified|posing)\s+(?:en|comme|as)\s+(?:(?:des|de|d|les|the|a|an)\s+)?"
)


def member_of(doc: Doc, parts: list[Participant]) -> list[Participant]:
    """ "jihadists from the al-Qaeda-linked JNIM", "des combattants de l'EIGS": the group they belong to."""
    out = list(parts)
    for p in parts:
        if p.mention.kind != "term" or p.actor_id != "unidentified-armed-group":
            continue
        group = next(
            (
                q
                for q in parts
                if q.mention.kind == "actor"
                and q.role in ("armed", "militia")
                and 0 < q.mention.start - p.mention.end <= 45
                and _MEMBER_OF.fullmatch(doc.folded, p.mention.end, q.mention.start)
            ),
            None,
        )
        if group is not None and p in out and group in out:
            out.remove(group)
            # the group, told by the whole phrase at the noun's place (its role in the sentence)
            start, end = p.mention.start, group.mention.end
            phrase = replace(group.mention, start=start, text=doc.text[start:end])
            out[out.index(p)] = replace(group, mention=phrase)
    return out


_MEMBER_OF = re.compile(
    r"\s+(?:from|of|de|du|des|d)\s+(?:(?:the|la|le|l|les)\s+)?"
    r"(?:(?:al qaeda|al qaida|islamic state|etat islamique)\s+(?:linked|affiliated|backed|allied)\s+|"
    r"(?:jihadist|islamist|armed|terrorist|jihadiste|terroriste|arme)\s+(?:group|groupe)\s+)?"
)


def place_apposition(doc: Doc, p: Participant, mentions: list[Mention]) -> bool:
    """ "in Sikiré, a farming village about ten kilometres from Arbinda": the noun describes the place named
    before it; the village is no party to the event."""
    if p.mention.kind != "term" or p.role != "civilian" or p.mention.text.lower() not in _PLACE_NOUNS:
        return False
    return any(
        m.kind == "place"
        and 0 < p.mention.start - m.end <= 30
        and _APPOSITION.fullmatch(doc.text, m.end, p.mention.start)
        for m in mentions
    )


_PLACE_NOUNS = frozenset({"village", "villages", "hamlet", "hameau", "le village"})
_APPOSITION = re.compile(r"\s*,\s+(?:a|an|the|un|une|le|ce|cette)\s+(?:[\w-]+\s+){0,2}", re.IGNORECASE)


def _adjacent(a: Mention, b: Mention) -> bool:
    return 0 <= b.start - a.end <= 3 or 0 <= a.start - b.end <= 3


# "les soldats de la force française Barkhane": one word may qualify the force
_OF_UNIT = re.compile(
    r"\s+(?:of|de|du|des)\s+(?:(?:the|la|l)\s+)?(?:(?:[a-z]+\s+)?(?:operation|force|mission)(?:\s+[a-z]+)?)?\s*"
)


def unit_of(doc: Doc, parts: list[Participant]) -> list[Participant]:
    """ "French soldiers of Operation Barkhane", "les soldats de la force Barkhane": the named force, not
    the soldiers' country."""
    named = [
        q
        for q in parts
        if q.mention.kind == "actor"
        and q.role == "state"
        and not (q.actor_id or "").endswith(("-state", "-government"))
    ]
    if not named:
        return parts
    out = []
    for p in parts:
        unit = next(
            (
                q
                for q in named
                if q is not p
                and p.role == "state"
                and 0 < q.mention.start - p.mention.end <= 32
                and _OF_UNIT.fullmatch(doc.folded, p.mention.end, q.mention.start)
            ),
            None,
        )
        if unit is None:
            out.append(p)
    return out


def country_beside_body(p: Participant, bodies: list[Participant]) -> bool:
    """ "Mali's junta", "the junta in Bamako... Mali": the country named beside its own government (not
    "Le Mali a annoncé son retrait..., a indiqué le gouvernement" far along the sentence)."""
    actor_id = p.actor_id or ""
    return actor_id.endswith("-state") and any(
        (b.actor_id or "")[:3] == actor_id[:3]
        and min(abs(b.mention.start - p.mention.end), abs(p.mention.start - b.mention.end)) <= 30
        for b in bodies
    )


def dedupe(parts: list[Participant]) -> list[Participant]:
    """One participant per actor, its counted mention if any ("a terrorist cell ... six jihadists were
    killed"), else its first."""
    first: dict[str, Participant] = {}
    for p in parts:
        key = p.actor_id or p.mention.text.lower()
        if key not in first:
            first[key] = p
        elif p.numbered and not first[key].numbered:
            first[key] = p  # the counted mention speaks for the actor, in the first one's place
    return list(first.values())


def adjacent_country(mentions: list[Mention], m: Mention, text: str) -> str | None:
    """ "Malian army", "armée malienne", "Algeria's army": the country named right beside the noun."""
    for c in mentions:
        if c.kind == "country" and (
            0 <= c.start - m.end <= 2
            or 0 <= m.start - c.end <= 2
            or (m.start - c.end == 3 and text[c.end : m.start] in ("'s ", "’s "))
        ):
            return str(c.value)
    return None


_SOURCE_AFTER = re.compile(
    # "the government had first reported around 100 deaths": an earlier report is still a report
    r"^\s*(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?"
    # "militia members and residents said": the party's members, and a second reporting party joined to it
    r"(?:(?:members?|leaders?|officials?|sources?|spokesm[ae]n|membres?|responsables?)\s+)?"
    # "Le ministère camerounais de la Défense a confirmé", "the Ministry of Defence said"
    r"(?:(?:de la|de l|du|des|of the|of)\s+(?:defense|defence|interieur|interior|securite|security|"
    r"communication|armees|justice)\s+)?"
    r"(?:(?:and|et)\s+(?:local\s+)?(?:residents|witnesses|officials|sources|habitants|temoins|elus)\s+)?"
    r"(?:(?:had|has|have)\s+)?(?:(?:first|initially|earlier|previously)\s+)?"
    r"(?:said|says|say|announced|reported|claimed|told|a annonce|annonce|affirme|indique|a indique|"
    r"a affirme|precise|rapporte|a fait etat|faisait etat|fait etat|confirmed|a confirme|confirme|"
    # "the government on Saturday raised the toll from the attack", "a porté dimanche le bilan à 132"
    r"(?:raised|lowered|revised|updated)\s+(?:the|its)\s+(?:death\s+)?toll|"
    r"a\s+(?:porte|revu|revise)\s+(?:\w+\s+)?(?:le|son)\s+bilan)\b"
)
_ARTICLES_TO_END = r"\s+(?:(?:l|la|le|les|the|des|du)\s+)*$"
_SOURCE_PREPOSITION = re.compile(
    r"\b(?:selon|according to|d apres)"
    # "selon le porte-parole du gouvernement", "according to a spokesman for the army"
    r"(?:\s+(?:(?:l|la|le|les|the|des|du|un|une|a|an|de|d|of|for)\s+)*"
    r"(?:porte parole|spokesm[ae]n|spokesperson|spokeswoman|responsables?|officials?|sources?|communique|"
    r"statement|ministre|minister|ministere|ministry|gouverneur|governor|representant|representative|"
    r"officiers?|officers?|commandant|commander|chef|chief|membres?|members?)"
    r"(?:\s+(?:de|d|of|for))?)?" + _ARTICLES_TO_END
)
# "..., said the army" reports; "HRW said soldiers executed them" does not: the verb must follow a clause
_REPORTING_VERB = re.compile(
    # "..., a annoncé vendredi le gouvernement": the day may stand between the verb and its subject
    r"\b(?:annonce|indique|precise|affirme|rapporte|said|says)"
    r"(?:\s+(?:on\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday))?" + _ARTICLES_TO_END + "|"
    # "..., said Gremah Bukar of the anti-jihadist militia": a named member speaks for the party
    r"\b(?:said|says|a declare|a indique|a affirme)\s+(?:\w+\s+){1,3}(?:of|from|de|du)\s+(?:the|la|le|l)\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
_GIVEN_BY = re.compile(
    r"\b(?:bilan|toll|figures?|chiffres?|communique|statement|rapport|report)\s+(?:\w+\s+){0,3}?"
    r"(?:communique|donne|publie|fourni|released|given|issued|published|provided)\w*\s+(?:\w+\s+)?(?:par|by)\s+"
    r"(?:(?:l|la|le|les|the)\s+)?$"
)
_HELPER_BEFORE = re.compile(
    r"\b(?:evacues?|evacuees?|evacuated|airlifted|flown|soignes?|treated|rescued|secourus?|transportes?)"
    r"\s+(?:\w+\s+){0,2}?(?:par|by)\s+(?:(?:the|l|la|le|les|des)\s+)?$"
)
_BRACKET = re.compile(r"\s*\([^()\n]{1,40}\)")
_CLAUSE_END = re.compile(r"[,»\"”]\s*(?:a\s+|ont\s+)?$")


# the reporting party tells its own act: "said (on Friday) (that) it had killed", "a annoncé avoir tué"
_OWN_ACT = re.compile(
    r"\s+(?:on\s+\w+\s+|\w+\s+)?(?:that\s+)?(?:(?:it|they)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:killed|neutrali[sz]ed|destroyed|repelled|shot down|bombed|struck|carried out)|"
    r"(?:avoir|qu\s+(?:elle|il|ils|elles)\s+(?:a|avait|ont|avaient))\s+(?:\w+\s+)?"
    r"(?:tue|neutralise|abattu|detruit|repousse|bombarde|frappe|mene))\b"
)


def is_source(doc: Doc, m: Mention) -> bool:
    """ "..., the army said" / "selon l'armée": the party reporting, not a party to the event."""
    # "Le gouvernement malien a fait état de 53 morts": the nationality is part of the party's name
    end = next((c.end for c in doc.of_kind("country", m.sentence) if 0 <= c.start - m.end <= 1), m.end)
    # "the UN mission in Mali (MINUSMA) said": its acronym in brackets stands between
    bracket = _BRACKET.match(doc.clean, end)
    end = bracket.end() if bracket else end
    said = _SOURCE_AFTER.match(doc.folded[end : end + 45])
    if said:
        if _OWN_ACT.match(doc.folded[end + said.end() : end + said.end() + 60]):
            return False  # "the army said on Friday it had killed seven", "a annoncé avoir neutralisé"
        # "..., lors d'une opération des forces françaises, a annoncé la ministre": after a comma the
        # verb's subject follows it (an inversion), so the party before the comma does not report
        return not doc.clean[end : end + 2].lstrip().startswith(",")
    before = doc.folded[max(0, m.start - 40) : m.start]
    if _HELPER_BEFORE.search(before):
        return True  # "sept blessés, évacués par l'aviation malienne": who carried the wounded fought no one
    if _SOURCE_PREPOSITION.search(doc.folded[max(0, m.start - 60) : m.start]):
        return True  # "selon l'armée", "according to the army"
    if _GIVEN_BY.search(before):
        return True  # "selon un bilan communiqué jeudi par le gouvernement", "a toll released by the army"
    verb = _REPORTING_VERB.search(before)
    if verb is None:
        return False
    start = m.start - len(before) + verb.start()
    return bool(_CLAUSE_END.search(doc.clean[max(0, start - 6) : start]))


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|et))\s*(?:(?:le|la|les|the)\s+|l')?", re.IGNORECASE)


def listed_members(doc: Doc, parts: list[Participant], countries: tuple[str, ...]) -> list[Participant]:
    """ "Mali, Burkina Faso and Niger announced...": the states (or governments) of all of a body's
    member countries, named one after the other in a list; [] when they are not."""
    members = [
        p
        for p in parts
        if p.role == "state"
        and (p.actor_id or "").endswith(("-state", "-government"))
        and (p.actor_id or "")[:2].upper() in countries
    ]
    if {(p.actor_id or "")[:2].upper() for p in members} != set(countries):
        return []
    members.sort(key=lambda p: p.mention.start)
    run = [members[0]]
    for p in members[1:]:
        if _LIST_GAP.fullmatch(doc.clean, run[-1].mention.end, p.mention.start):
            run.append(p)
        elif len(run) < len(countries):
            run = [p]
    return run if len(run) >= len(countries) else []


# on the folded text: "a French air strike", "Nigerian military jets", "une frappe aérienne française"
_STRIKE_AFTER = re.compile(
    r"\s+(?:(?:military|army|air force)\s+)?(?:air\s*strikes?|drone\s+strikes?|drones?|jets?|warplanes?|"
    r"aircraft|helicopters?|gunships?|bombing|bombardment)\b"
)
_STRIKE_BEFORE = re.compile(
    r"\b(?:frappes?|raids?|bombardements?)\s+(?:aeriens?|aeriennes?|de drones?)\s+$|"
    r"\b(?:drones?|avions?|helicopteres?|aviation|chasseurs?)(?:\s+militaires?)?\s+$"
)


def striking_forces(
    doc: Doc, mentions: list[Mention], parts: list[Participant], res: Any, role_of: Callable[[Any], str]
) -> list[Participant]:
    """ "A French air strike killed 22 people", "une frappe de drone malienne": the country's adjective on a
    strike or an aircraft names its forces as the party that struck (in Mali in 2021 the operation then
    alone on the ground: Barkhane)."""
    have = {p.actor_id for p in parts}
    out: list[Participant] = []
    for m in mentions:
        if m.kind != "country" or not (
            _STRIKE_AFTER.match(doc.folded, m.end)
            or _STRIKE_BEFORE.search(doc.folded, max(0, m.start - 30), m.start)
        ):
            continue
        actor_id = res.forces_of(str(m.value), doc.country, doc.published)
        actor = res.actor(actor_id)
        if actor is not None and actor_id not in have:
            out.append(Participant(m, actor_id, str(actor.name), int(actor.inter), role_of(actor)))
    return out


# "fighting between the two groups", "des combats entre les deux groupes": the rivals the report just named
_THE_TWO = re.compile(
    r"\b(?:between|entre)\s+(?:the|les|ces)\s+(?:same\s+|memes\s+)?(?:two|deux|rival|rivaux)\s+"
    r"(?:\w+\s+)?(?:groups|groupes|factions|movements|mouvements|organisations|organizations)\b"
)


def the_two_groups(
    doc: Doc, index: int, participants: Callable[[Doc, list[Mention], bool], list[Participant]]
) -> list[Participant]:
    """The two armed groups the nearest sentence before names, for a sentence that fights "between the two
    groups" and names neither (their mentions, in that sentence, are the evidence)."""
    sent = doc.sentences[index]
    if not _THE_TWO.search(doc.folded, sent.start, sent.end):
        return []
    for before in range(index - 1, max(-1, index - 4), -1):
        named = [p for p in participants(doc, doc.of_kind("actor", before), False) if p.role == "armed"]
        distinct = list({p.actor_id: p for p in named}.values())
        if len(distinct) >= 2:
            return distinct[:2]
    return []


# "one of its units came under fire", "une de ses unités a été attaquée": the reporting party's own forces
_OWN_UNIT = re.compile(
    r"\b(?:its|their|ses|leurs?)\s+(?:own\s+)?(?:units?|positions?|troops|soldiers|men|patrols?|posts?|"
    r"convoys?|bases?|camps?|unites?|hommes|elements|soldats|patrouilles?|postes?|convois?)\b"
)


def own_forces(doc: Doc, mentions: list[Mention]) -> bool:
    """Whether the sentence of ``mentions`` names the reporting party's own forces ("its units")."""
    if not mentions:
        return False
    sent = doc.sentences[mentions[0].sentence]
    return bool(_OWN_UNIT.search(doc.folded, sent.start, sent.end))

"""Who did what to whom: the parties of an event candidate's sentence in the roles of actor1 (who acted)
and actor2 (the target), read from the wording ("killed by X", "between X and Y", "X accused of"), from
the counted dead and, failing those, from the parties' places and sides."""

from __future__ import annotations

import re
from collections.abc import Callable

from harmattan.extraction.components.candidates import Candidate, Participant
from harmattan.extraction.components.counting import PASSIVE, is_toll
from harmattan.extraction.components.role_clues import (
    OBJECT_BEFORE,
    accused,
    among_dead,
    attributed,
    generic_people,
    in_target,
    named_victim,
    object_of_act,
)
from harmattan.extraction.components.wording import passive_after
from harmattan.extraction.doc import Doc, Mention

_SIDE = {
    "state": "gov",
    "vdp": "gov",
    "armed": "armed",
    "militia": "militia",
    "civilian": "civ",
    "protester": "civ",
    "rioter": "riot",
}
_AGENT_BEFORE = re.compile(
    r"\b(?:by|par|de la part)\s+(?:(?:the|des|les|la|le|l|d|de|du|un|une|suspected|presumed|"
    r"presumes|alleged|unidentified|unknown|several|some|plusieurs|a|an|elements|members|membres|of)\s+)*$"
)
_REPEL = re.compile(
    r"\b(?:repel\w*|repuls\w*|repouss\w*|fought off|beat back|driven off|drove off|driven back|"
    r"came under|ont ete attaque\w*|a ete attaque\w*|"
    r"were attacked|was attacked|tombee?s? dans une embuscade|pris\w* dans une embuscade|"
    # "killed 32 assailants after attacks on its positions": the forces answered an attack
    r"(?:after|following) (?:an? |the |two |several )?(?:\w+ )?attacks? (?:on|against)\b|"
    r"(?:apres|suite a) (?:une|l|des|deux|plusieurs) ?(?:\w+ )?attaques? (?:contre|de|du|d)\b|"
    r"a la suite d une attaque|riposte\w*|in response to an attack|"
    r"opened fire on (?:a|an|the|their|its) (?:patrol|post|convoy|position|unit)s?\b)"
)
# "ambushed an anti-poaching patrol", "une embuscade contre une patrouille mixte"
_AMBUSH_OBJECT = re.compile(r"\s+(?:(?:against|on|contre|a|à|d|de|du|des)\s+)?(?:[\w'-]+\s+){0,3}")


# the party that "suffered" a loss, "subi" an attack or "lost" men is its target, not its doer
_SUFFERED = re.compile(
    r"\s*(?:\w+\s+)?(?:suffered|suffers|sustained|endured|subi|essuye|a perdu|ont perdu|lost)\b"
)


def _ambushed(doc: Doc, p: Participant, cues: list[Mention]) -> bool:
    """The party is what the ambush fell on: its object ("ambushed an anti-poaching patrol"), or its subject
    in the passive ("the patrol ... was ambushed", "la patrouille a été prise en embuscade"). Not an
    attack's: "attacked the gendarmerie detachment" names a unit the counted gendarmes tell better."""
    for c in cues:
        if c.value != "ambush":
            continue
        if 0 <= p.mention.start - c.end <= 40 and _AMBUSH_OBJECT.fullmatch(
            doc.folded, c.end, p.mention.start
        ):
            return True
        if 0 <= c.start - p.mention.end <= 60 and PASSIVE.search(doc.folded, p.mention.end, c.start):
            return True
    return False


_PREP_AFTER = re.compile(
    r"^\s*(?:in|on|during|when|as|at|near|after|while|by|dans|lors|pendant|par|a|au|en|pres)\b"
)
# acts whose object right after the verb is their target, never their doer
_CLAIMED_ACTS = frozenset({"neutralise", "kill", "airstrike", "drone_strike"})
_ACTIVE_STATE_CUES = frozenset(
    {"airstrike", "drone", "drone_strike", "neutralise", "regain", "arrest", "intervention"}
)


def assign_roles(
    doc: Doc,
    cand: Candidate,
    parts: list[Participant],
    names: set[str],
    *,
    violent: frozenset[str],
    countries_as_states: Callable[[Doc, list[Mention]], list[Participant]],
    named_armed: Callable[[Doc], bool],
) -> None:
    """Sets the candidate's actor1 (who acted), actor2 (the target), their associates and, with no
    named doer, its default actor1; ``violent`` are the cues of violence (rules.yaml), the callables
    give a country's name as its state and tell whether the report names an armed group."""
    sent = doc.sentences[cand.sentence]
    # "the army repelled an attack", "soldiers were ambushed", "51 soldiers killed": the state was the
    # target even when it then "neutralised" attackers
    repelled = bool(names & {"clash", "attack", "ambush"}) and bool(
        _REPEL.search(doc.folded[sent.start : sent.end])
    )
    state_hit = repelled or "ambush" in names or any(p.role == "state" and p.numbered for p in parts)
    active = names & (_ACTIVE_STATE_CUES - ({"neutralise"} if state_hit else set()))
    state_act = bool(active - {"arrest", "intervention"})
    if not parts:
        if names & violent:
            cand.default_actor1 = "{cc}-military" if state_act else "unidentified-armed-group"
        return
    agent = next((p for p in parts if _agent_by(doc, p, cand.cues)), None)
    by_agent = agent is not None  # "abattus lundi par des militaires": the report says who did it
    if names & violent:
        # "accuse l'armée d'avoir abattu des civils": the accused did the killing; but "la junte ... accuse
        # l'Algérie d'actes inamicaux" is the junta's act, Algeria its target
        agent = agent or next((p for p in parts if accused(doc, p)), None)
    if agent is None and names & violent:
        agent = next((p for p in parts if attributed(doc, p)), None)
    if agent is not None:
        agent = _lead_of_auxiliaries(doc, agent, parts)
    cand.agent_told = agent is not None
    pair = (_opposed(doc, parts) or _recalled_pair(cand, parts)) if agent is None else None
    opposed = pair[0] if pair else None
    if opposed is not None:
        # "fighting between the army and armed men", "des affrontements ont opposé l'armée à des
        # hommes armés": the report names the sides in order; the first is actor1
        agent, cand.agent_told = opposed, True
    if agent is None:
        first = parts[0]
        next_cue = next((c for c in cand.cues if c.start >= first.mention.end), None)
        gap = doc.folded[first.mention.end : next_cue.start] if next_cue else ""
        obj = OBJECT_BEFORE.search(doc.folded[max(0, first.mention.start - 30) : first.mention.start])
        if (
            next_cue is not None
            and not first.numbered
            and first.role != "civilian"
            and not among_dead(doc, first)
            and not PASSIVE.search(gap)
            and not _SUFFERED.match(gap)  # "Chad's army suffered its heaviest loss when fighters overran"
            # "le camp militaire visé par des kamikazes"; but "les forces maliennes, appuyées par"
            and not (_PARTICIPLE_BY.search(gap) and not _SUPPORT_BY.search(gap))
            and not (str(next_cue.value) in violent and _bare_participle(doc, next_cue))
            and not is_toll(doc, next_cue)  # "Police death toll": the police are counted
            and not _LATER_ACT.search(gap)  # "le gouvernement a décrété un deuil après l'embuscade"
            and not obj
            # "qui auraient neutralisé des terroristes et détruit une base": the object of the claimed act
            and not object_of_act(doc, first, cand.cues, _CLAIMED_ACTS)
        ):
            agent = first
        elif next_cue is not None and names & violent and _LATER_ACT.search(gap):
            parts = parts[1:]  # the party acted after the event (mourning decreed): no party to it
            if not parts:
                cand.default_actor1 = "unidentified-armed-group"
                return
    if agent is None and names & violent and not names & {"protest", "riot", "mob"}:
        # "residents said soldiers executed 20 men": the party right before the violent verb did it
        agent = next((p for p in parts[1:] if _right_before_act(doc, p, cand.cues, violent)), None)
    if (
        agent is None
        and not names & violent
        and _subject(doc, sent.start, parts[0])
        and not passive_after(doc, parts[0], cand.cues)
    ):
        # "Les derniers soldats de la force Barkhane ont quitté le Mali"; but "49 militaires ivoiriens
        # ont été arrêtés" were the ones arrested
        agent = parts[0]
    if agent is not None and agent.role == "state" and repelled and agent is not opposed:
        agent = None
    if agent is not None and "disrupt" in names and _owns_weapon(agent, cand.cues):
        # "Algeria says its air defences downed the Malian army drone": the drone's army lost it
        agent = next((p for p in parts if p is not agent and not _owns_weapon(p, cand.cues)), None)
    if agent is None and active:
        agent = next(
            (
                p
                for p in parts
                if p.role == "state" and not p.numbered and not passive_after(doc, p, cand.cues)
            ),
            None,
        )
    counted = {p.actor_id for p in parts if p.numbered}
    for role in ("armed", "militia"):  # gunmen before a self-defence group that may be the target
        if agent is None:
            # "a terrorist cell ... six jihadists were killed": the same kind as the dead is no agent
            agent = next(
                (
                    p
                    for p in parts
                    if p.role == role
                    and not p.numbered
                    and not (p.mention.kind == "term" and p.actor_id in counted)
                    and not among_dead(doc, p)  # "dix morts, dont sept VDP"
                    and not in_target(doc, p, cand.cues)  # "contre un convoi mixte de civils et de VDP"
                    # "ont neutralisé des terroristes": the object of the claimed act
                    and not object_of_act(doc, p, cand.cues, _CLAIMED_ACTS)
                    and not passive_after(doc, p, cand.cues)  # "soldiers and VDP were ambushed"
                ),
                None,
            )
    if agent is None and names & {"protest", "riot", "mob"}:
        agent = next((p for p in parts if p.role in ("protester", "rioter")), None)
    if (
        agent is not None
        and agent.role == "state"
        and len(parts) == 1
        and names & violent
        and not active
        and not by_agent
        and not _acts_on_object(doc, agent, cand.cues)
    ):
        agent = None  # "soldiers killed in an attack": the lone state party is the target
    side = _SIDE.get(agent.role) if agent else None
    others = [p for p in parts if p is not agent and (_SIDE.get(p.role) != side or (pair and p is pair[1]))]
    if agent is not None and "disrupt" in names:
        # "Algeria shot down a Malian army drone": the drone's army is the other side, state or not
        others = [
            *others,
            *(p for p in parts if p is not agent and p not in others and _owns_weapon(p, cand.cues)),
        ]
    if not names & violent and agent is not None and agent.role == "state":
        # diplomacy: another country's state is the counterpart ("Mali expelled France's ambassador")
        home = (agent.actor_id or "")[:3]
        others = [p for p in parts if p.role == "state" and (p.actor_id or "")[:3] != home]
        others = others or [
            p
            for p in countries_as_states(doc, doc.of_kind("country", cand.sentence))
            if (p.actor_id or "")[:3] != home
        ]
    # the counted dead are the target ("Fourteen civilians were killed when gunmen attacked...")
    home = f"{doc.country.lower()}-" if doc.country else "-"
    victims = sorted(
        others,
        key=lambda p: (
            not (pair is not None and p is pair[1]),  # the other side the report sets against actor1
            # "dix morts, dont sept VDP", "six personnes tuées dans une attaque contre un poste des forces
            # de sécurité": the party named among the dead or as the attack's object, not "people"
            generic_people(doc, p)
            and (
                any(named_victim(doc, q, cand.counts) for q in others)
                # "four people were killed when militants clashed with a Koglweogo group": the toll of a fight
                or (
                    bool(names & {"clash", "ambush"})
                    and any(q.role != "civilian" for q in others if q is not p)
                )
            ),
            # "l'armée a repoussé une attaque : dix assaillants tués": dead attackers are not the target
            not (repelled and p.role == "state"),
            # "gunmen ambushed an army patrol, killing two journalists": the forces ambushed are the
            # target, whoever died (gold/GUIDE.md: an ambush on soldiers is an armed clash)
            not (p.role == "state" and _ambushed(doc, p, cand.cues)),
            not p.killed,
            not p.numbered,
            # "killing 16 civilians and three special forces soldiers": the civilians were targeted (dead
            # attackers are no target, however many)
            -p.dead if _SIDE.get(p.role) in ("gov", "civ") else 0,
            {"gov": 0, "civ": 1, "armed": 2}.get(_SIDE.get(p.role, ""), 3),
            not (p.actor_id or "").startswith(home),  # the country's own forces before foreign ones
        ),
    )
    cand.actor1 = agent
    cand.actor2 = victims[0] if victims else None
    if cand.actor2 is not None:
        cand.assoc2 = [
            p
            for p in others
            if p is not cand.actor2
            and _SIDE.get(p.role) == _SIDE.get(cand.actor2.role)
            and p.actor_id != cand.actor2.actor_id
        ]
    if agent is not None:
        cand.assoc1 = [
            p for p in parts if p is not agent and _SIDE.get(p.role) == side and p.actor_id != agent.actor_id
        ]
    elif names & violent:
        armed_victim = cand.actor2 is not None and _SIDE.get(cand.actor2.role) == "armed"
        # militants counted dead with no one else named: reports of that are the forces' own claims
        army_claim = (
            armed_victim
            and cand.actor2 is not None
            and not state_hit
            and (
                (_counted_militants(doc, cand.actor2, cand) and not named_armed(doc))
                # "onze assaillants ont été tués lors d'une opération": an operation is the forces'
                or bool(_DURING_OPERATION.search(doc.folded, sent.start, sent.end))
            )
        )
        cand.default_actor1 = (
            "{cc}-military"
            if (state_act and armed_victim) or (cand.actor2 is None and state_act) or army_claim
            else "unidentified-armed-group"
        )


def _owns_weapon(p: Participant, cues: list[Mention]) -> bool:
    """ "the Malian army drone", "un drone de l'armée malienne": the party names the weapon's owner."""
    return any(
        (c.value == "drone" or (c.value == "disrupt" and "drone" in c.text.lower()))
        and (0 <= c.start - p.mention.end <= 2 or 0 <= p.mention.start - c.end <= 8)
        for c in cues
    )


_DURING_OPERATION = re.compile(
    r"\b(?:during|in)\s+(?:an?|the)\s+(?:military\s+|security\s+|army\s+)?(?:operation|sweep|offensive)\b|"
    r"\blors\s+d\s+(?:une|un)\s+(?:operation|ratissage|offensive)\b"
)
_PARTICIPLE_BY = re.compile(
    r"^\s*\w+(?:e|es|ee|ees|ed)\s+(?:par|by)(?:\s+(?:des|les|le|la|l|the|a|an|un|une))?\s*$"
)
_SUPPORT_BY = re.compile(
    r"\b(?:backed|supported|assisted|accompanied|helped|aided|appuye\w*|soutenu\w*|accompagne\w*|aide\w*|"
    r"epaule\w*|abandonne\w*|abandoned|escorted|escorte\w*|protected|protege\w*|guarded|garde\w*|"
    # "attribuée par les autorités à l'EIGS": the authorities blame, the group acted
    r"attribu\w*|imput\w*|blamed|claimed|revendiqu\w*|reported|rapporte\w*|signale\w*|"
    # "l'attaque la plus meurtrière jamais subie par l'armée": the one that suffered it
    r"subie?s?|suffered|sustained|endured)\s+(?:by|par)\b"
)


def _right_before_act(doc: Doc, p: Participant, cues: list[Mention], violent: frozenset[str]) -> bool:
    """ "soldiers executed", "des hommes armés ont tué": an uncounted party, not civilians, followed at
    most by an auxiliary or an adverb and then a violent verb in the active voice."""
    if p.numbered or p.role == "civilian" or among_dead(doc, p):
        return False
    cue = next((c for c in cues if c.start >= p.mention.end), None)
    if cue is None or str(cue.value) not in violent or _bare_participle(doc, cue):
        return False
    return bool(_ACTIVE_GAP.fullmatch(doc.folded[p.mention.end : cue.start]))


_ACTIVE_GAP = re.compile(
    r"\s*(?:(?:have|has|had|reportedly|allegedly|ont|a|avaient|auraient|auraient)\s+){0,2}"
)


def _agent_by(doc: Doc, p: Participant, cues: list[Mention]) -> bool:
    """ "killed on Monday by suspected jihadists": the party after "by" is the agent when the "by" belongs
    to the event's verb, not to "backed by" or "abandoned by"."""
    before = doc.folded[max(0, p.mention.start - 40) : p.mention.start]
    if _FIRE_FROM.search(before):
        return True  # "des tirs de sommation du détachement militaire", "gunfire from soldiers"
    if not _AGENT_BEFORE.search(before) or _SUPPORT_BY.search(before):
        return False
    if PASSIVE.search(doc.folded[max(0, p.mention.start - 60) : p.mention.start]):
        return True  # "was blocked for several days in Kaya by protesters"
    if any(c.end <= p.mention.start and p.mention.start - c.end <= 45 for c in cues):
        return True
    # "ont été tués vendredi à la sortie du village de Sidogo, dans la province du Sanmatenga, par des
    # éléments des FDS": a by-phrase set off by a comma still names the agent of the passive verb before
    by = _AGENT_BEFORE.search(before)
    by_at = p.mention.start - len(before) + by.start() if by else 0
    return doc.clean[max(0, by_at - 2) : by_at].strip() == "," and any(
        c.end <= by_at
        and by_at - c.end <= 160
        and PASSIVE.search(doc.folded[max(0, c.start - 12) : c.start])
        and not any(c.end <= o.start < by_at for o in cues)
        for c in cues
    )


_FIRE_FROM = re.compile(
    r"\b(?:tirs?|coups de feu|rafales?)\s+(?:\w+\s+){0,2}(?:du|des|de la|de l)\s+$|"
    r"\b(?:fire|gunfire|shots|shooting)\s+(?:from|by)\s+(?:the\s+)?$|"
    # "lors d'une opération des forces françaises", "in a raid by Barkhane": the operation's force acts
    r"\b(?:operations?|raids?|offensives?|assauts?|assaults?)\s+(?:militaires?\s+|military\s+)?"
    r"(?:des|de la|de l|du|by|of)\s+(?:the\s+)?$"
)
_FR_PARTICIPLE = re.compile(r"(?:é|és|ée|ées|u|us|ue|ues)$")
_FR_AUXILIARY = re.compile(
    r"\b(?:a|ont|avait|avaient|aurait|auraient|aura|auront|ayant|avoir|as|ai|avons|avez)\s+(?:\w+\s+)?$"
)


def _bare_participle(doc: Doc, cue: Mention) -> bool:
    """ "un militaire et 7 jihadistes tués", "Tamou police post attacked": a past participle with no auxiliary
    (in English, one that ends a headline) is passive, so the party before it is the one it happened to."""
    surface = doc.text[cue.start : cue.end].lower()
    if cue.lang == "en":
        # a headline that ends on its participle: "Tillabéri: Tamou police post attacked"
        sent = doc.sentences[cue.sentence]
        return surface.endswith("ed") and not doc.text[cue.end : sent.end].strip(" .!\n")
    # on the accented text: "exécutés" is a participle, the English "Execute" is not
    if cue.lang != "fr" or " " in surface or not _FR_PARTICIPLE.search(surface):
        return False
    return not _FR_AUXILIARY.search(doc.folded[max(0, cue.start - 30) : cue.start])


def _acts_on_object(doc: Doc, agent: Participant, cues: list[Mention]) -> bool:
    """ "Barkhane troops killed them" (an object follows) against "soldiers killed in an attack"."""
    cue = next((c for c in cues if c.start >= agent.mention.end), None)
    if cue is None or PASSIVE.search(doc.folded[agent.mention.end : cue.start]):
        return False
    return not _PREP_AFTER.match(doc.folded[cue.end : cue.end + 12]) and cue.end < len(doc.folded) - 2


_ATTACKER_WORDS = ("assail", "attack", "agress", "raider")


def _counted_militants(doc: Doc, p: Participant, cand: Candidate) -> bool:
    """ "32 terrorists killed", "neutralised 10 jihadists": a figure right before militants who are not
    described as the attackers."""
    if p.mention.kind != "term" or doc.folded[p.mention.start : p.mention.end].startswith(_ATTACKER_WORDS):
        return False
    figures = [m for lst in cand.counts.values() for _, _, m in lst]
    return any(0 <= p.mention.start - m.end <= 12 for m in figures)


def _subject(doc: Doc, sentence_start: int, p: Participant) -> bool:
    """The party opens the sentence: a few words at most before it, no clause break."""
    lead = doc.clean[sentence_start : p.mention.start]
    return len(lead.split()) <= 8 and not any(ch in lead for ch in ',;:«"')


def _lead_of_auxiliaries(doc: Doc, agent: Participant, parts: list[Participant]) -> Participant:
    """ "L'armée malienne et ses supplétifs, les chasseurs dozos, sont accusés d'avoir tué": the force the
    auxiliaries back is the doer (they are its associates)."""
    before = doc.folded[max(0, agent.mention.start - 60) : agent.mention.start]
    if not _AUXILIARIES_OF.search(before):
        return agent
    lead = [p for p in parts if p.mention.end <= agent.mention.start and p.role == "state"]
    return lead[-1] if lead else agent


_AUXILIARIES_OF = re.compile(
    r"\b(?:et|and)\s+(?:ses|leurs|its|their)\s+(?:\w+\s+)?(?:suppletifs|auxiliaires|auxiliaries|allies|"
    r"partenaires|partners|proxies)\b(?:\s+\w+){0,6}\s*$"
)


def _recalled_pair(cand: Candidate, parts: list[Participant]) -> tuple[Participant, Participant] | None:
    """ "Fighting between the two groups" with the two named in an earlier sentence: in their order there."""
    recalled = [p for p in parts if p.mention.sentence != cand.sentence and p.role == "armed"]
    return (recalled[0], recalled[1]) if len(recalled) >= 2 else None


def _opposed(doc: Doc, parts: list[Participant]) -> tuple[Participant, Participant] | None:
    """The two sides a sentence sets against each other, in its order ("between X and Y", "entre X et Y",
    "opposé X à Y"): on opposite sides, or two different named groups ("between JNIM and IS Sahel")."""
    for i, p in enumerate(parts[:-1]):
        lead = _OPPOSED_BEFORE.search(doc.folded[max(0, p.mention.start - 60) : p.mention.start])
        if lead is None:
            q = parts[i + 1]
            # "when suspected militants and soldiers clashed": the two subjects of a mutual act, in order
            if (
                _SIDE.get(q.role) != _SIDE.get(p.role)
                and _COORDINATED.fullmatch(doc.folded[p.mention.end : q.mention.start])
                and _MUTUAL_ACT.match(doc.folded, q.mention.end)
            ):
                return p, q
            continue
        for q in parts[i + 1 :]:
            link = doc.folded[p.mention.end : q.mention.start]
            joiner = _OPPOSED_AND if lead.group(1) else _OPPOSED_TO
            rivals = _SIDE.get(q.role) != _SIDE.get(p.role) or (
                p.mention.kind == q.mention.kind == "actor" and p.actor_id != q.actor_id
            )
            told = (len(link) <= 40 and joiner.match(link)) or (
                joiner is _OPPOSED_TO and len(link) <= 90 and _TO_THOSE.match(link)
            )
            if told and rivals:
                return p, q
    return None


_OPPOSED_BEFORE = re.compile(
    # "between Burkinabe forces and", "entre une unité de l'armée et": a few words may qualify the first side
    # "a opposé le 31 janvier 2020 une unité des forces armées à": a date may stand after the verb
    r"(?:\b(between|entre)\s+|\boppos\w*\s+(?:\w+\s+)?(?:(?:le|on)\s+)?(?:\d{1,2}\s+\w+\s+(?:\d{4}\s+)?)?)"
    r"(?:(?:the|les|des|d|de|du|la|le|l|unites|elements)\s+)*(?:\w+\s+){0,6}$"
)
_OPPOSED_AND = re.compile(r"^(?:\s+\w+){0,3}?\s+(?:and|et)\s+")
_COORDINATED = re.compile(r"\s+(?:and|et)\s+(?:(?:the|some|les|des|de|d|du|la|le|l)\s+)?")
# a verb of a mutual act right after the second of two coordinated subjects ("X and Y clashed",
# "des hommes armés et des soldats se sont affrontés")
_MUTUAL_ACT = re.compile(
    r"\s+(?:have\s+|had\s+)?(?:clashed|fought|exchanged\s+fire|traded\s+fire|exchanged\s+gunfire"
    r"|se\s+sont\s+(?:violemment\s+)?(?:affrontes|accroches)|ont\s+echange\s+des\s+tirs)\b"
)
_OPPOSED_TO = re.compile(r"^(?:\s+\w+){0,3}?\s+(?:a|aux|au|with|avec)\s+")
# "opposé les combattants du Gatia, membre de la Plateforme, à ceux de la CMA": the first side's apposition
# stands between (on the folded text, where the comma is a space)
_TO_THOSE = re.compile(r"^[^.;]{0,70}?\s(?:a|with)\s+(?:ceux|celles|those)\s+(?:de|du|des|d|of)\s")


# a party followed by another act before the event's cue: "Le gouvernement a décrété un deuil national
# de 48 heures après l'embuscade"
_LATER_ACT = re.compile(
    r"\b(?:a|ont|avait|avaient|has|have|had|decided|declared|decreed|announced|extended|ordered)\b[^.]*"
    r"\b(?:apres|after|following|suite a|a la suite de|au lendemain de)\b"
)

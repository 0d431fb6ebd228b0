"""Clues to a party's part in an event, read from the words around it: the party accused or blamed, the
object of an attack, the party counted among the dead, a generic "people"."""

from __future__ import annotations

import re

from harmattan.extraction.components.candidates import Participant
from harmattan.extraction.doc import Doc, Mention

# "on the army", "contre les FDS", "targeting the convoy": the object of an attack
OBJECT_BEFORE = re.compile(
    r"\b(?:on|against|targeting|targeted|contre|visant|sur)\s+(?:(?:the|a|an|les|la|le|l|des|un|une|du|de|their|leurs|une)\s+)*"
    # "said on Monday that soldiers...": a day, or a clause that ends, is no object
    r"(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+)\b)"
    r"(?:(?!that\b|que\b|qu\b)\w+\s+){0,2}$"
    # "deux attentats-suicides ont visé lundi matin le commissariat": what was aimed at, past a day
    r"|\bvise(?:e|s|es|nt|ait|aient)?\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|"
    r"nuit|dans|la|tot)\s+)*(?:(?:les|la|le|l|des|un|une|du|de)\s+)+$"
)


def generic_people(doc: Doc, p: Participant) -> bool:
    return doc.folded[p.mention.start : p.mention.end] in _PEOPLE


_PEOPLE = frozenset({"people", "persons", "personnes", "individus", "individuals"})


def accused(doc: Doc, p: Participant) -> bool:
    """ "accuse l'armée d'avoir abattu des civils", "accuse security forces of killing", "l'armée accusée
    d'avoir abattu": the accused party is the one said to have done it."""
    before = doc.folded[max(0, p.mention.start - 45) : p.mention.start]
    after = doc.folded[p.mention.end : p.mention.end + 30]
    return bool((_ACCUSE_BEFORE.search(before) and _OF_DOING.match(after)) or _ACCUSED_AFTER.match(after))


def attributed(doc: Doc, p: Participant) -> bool:
    """ "who attributed the killings to elements of the security forces": the party an act is put down to."""
    return bool(_ATTRIBUTED_TO.search(doc.folded, max(0, p.mention.start - 60), p.mention.start))


# "who attributed the killings to elements of the defence and security forces", "imputent l'attaque aux VDP"
_ATTRIBUTED_TO = re.compile(
    r"\b(?:attribu\w*|imput\w*|blamed|blames?)\s+(?:\w+\s+){0,3}?(?:to|on|a|aux|au)\s+"
    r"(?:(?:the|les|des|l|la|le|elements|of|de|du|d|members|membres)\s+)*$"
)


_ACCUSE_BEFORE = re.compile(
    r"\b(?:accuse|accuses|accused|accusent|accusant|blame|blamed|blames|mettent en cause|met en cause|"
    r"mis en cause|pointent du doigt)\s+(?:(?:the|l|la|le|les|des|du|elements|members|membres|of|de|d)\s+)*$"
)
# "accuse X of killing", "accuse X d'avoir tué", "mettent en cause des VDP, qui auraient ouvert le feu"
_OF_DOING = re.compile(
    r"^\s+(?:\w+\s+){0,2}?(?:of|d avoir|de|d)\s|^\s*(?:\w+\s+){0,3}?qui\s+(?:auraient|aurait|ont|a|avaient)\b"
)
_ACCUSED_AFTER = re.compile(
    r"^\s+(?:est\s+|sont\s+|was\s+|were\s+|is\s+|are\s+)?accuse\w*\s+(?:d avoir|of)\b"
)


def in_target(doc: Doc, p: Participant, cues: list[Mention]) -> bool:
    """The party is named inside the attack's object ("l'attaque contre un convoi mixte de civils, de
    militaires et de VDP"): after "contre"/"against", with no act told in between."""
    lo = max(0, p.mention.start - 70)
    ends = [m.end() for m in _AGAINST.finditer(doc.folded, lo, p.mention.start)]
    if not ends:
        return False
    return not any(ends[-1] <= c.start < p.mention.start for c in cues)


_AGAINST = re.compile(r"\b(?:contre|against|visant|targeting)\b")


def object_of_act(doc: Doc, p: Participant, cues: list[Mention], acts: frozenset[str]) -> bool:
    """The party is what a claimed act was done to, right after its verb: "qui auraient neutralisé des
    terroristes", "neutralised several militants"."""
    return any(
        str(c.value) in acts
        and 0 <= p.mention.start - c.end <= 25
        and _OBJECT_GAP.fullmatch(doc.folded, c.end, p.mention.start) is not None
        for c in cues
    )


# a determiner or a figure between a verb and its object, no punctuation
_OBJECT_GAP = re.compile(
    r"\s*(?:(?:des|les|de|d|the|some|several|plusieurs|quelques|[0-9]+|une?|an?)\s*){0,2}"
)


def among_dead(doc: Doc, p: Participant) -> bool:
    """ "dix morts, dont sept VDP", "20 people, most of them soldiers": the party is among the dead."""
    return bool(_AMONG_DEAD.search(doc.folded[max(0, p.mention.start - 40) : p.mention.start]))


def named_victim(doc: Doc, p: Participant, counts: dict[str, list[tuple[int, str, Mention]]]) -> bool:
    """The party most of the dead belong to ("dont sept VDP" of ten, "en majorité des VDP"; not "dont un
    VDP" of fourteen), or the one object of the attack ("attaque contre un poste des forces de sécurité";
    not "targeted the VDP post, homes and the market")."""
    if generic_people(doc, p):
        return False
    before = doc.folded[max(0, p.mention.start - 40) : p.mention.start]
    among = _AMONG_DEAD.search(before)
    if among is not None:
        if among.group(1) in ("en majorite", "mostly", "majoritairement", "most of them", "la plupart"):
            return True
        total = max((n for n, _, _ in counts.get("killed", [])), default=0)
        at = p.mention.start - len(before) + among.start()
        part = next((n for n, _, m in counts.get("killed", []) if m.start >= at), None)
        if part is None:  # the part figure is not counted ("dont sept VDP"): read it here
            digits = re.search(r"\d+", before[among.start() :])
            part = int(digits.group(0)) if digits else None
        return part is not None and total > 0 and 2 * part >= total
    if _ESCORTING.search(before):
        return True  # "un convoi escorté par l'armée": the escort is the armed object of the attack
    listed = _LIST_AFTER.match(doc.folded, p.mention.end)
    # a bare "convoy" may be a civilian one: only an armed party named as such is the attack's object
    vague = doc.folded[p.mention.start : p.mention.end] in ("convoy", "convoi", "convois", "convoys")
    # "attacked a convoy escorted by the security forces": an escorted convoy is an armed object
    vague = vague and not _ESCORTED.match(doc.folded, p.mention.end)
    object_ = OBJECT_BEFORE.search(before) or _ATTACKED_OBJECT.search(before)
    return bool(object_) and not listed and not vague


# "armed men attacked the army detachment", "ont attaqué le poste de gendarmerie": the verb's object
_ATTACKED_OBJECT = re.compile(
    r"\b(?:attacked|stormed|raided|ambushed|overran|attaqu\w*|pris d assaut)\s+"
    r"(?:(?:the|a|an|its|their|le|la|l|les|un|une|des|du|members|membres|of|de|d)\s+)*(?:\w+\s+){0,2}$"
)


_ESCORTED = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:escorted by|escorte\w* par|under the escort of|sous (?:l )?escorte)\b"
)
_ESCORTING = re.compile(
    r"\b(?:convoy|convoys|convoi|convois)\s+(?:\w+\s+){0,3}?"
    r"(?:escorted by|escorte\w* par|under the escort of|sous (?:l )?escorte (?:de|des|du|d))\s+"
    r"(?:(?:the|les|la|le|l|des|du|de|d)\s+)*$"
)
_AMONG_DEAD = re.compile(
    r"\b(dont|including|among them|of whom|parmi eux|parmi lesquels|parmi lesquelles|en majorite|"
    r"mostly|majoritairement|most of them|la plupart)\s+(?:\w+\s+){0,2}$"
)
_LIST_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}(?:and|et)\s|\s*[,;]?\s+(?:homes|houses|habitations|maisons)\b")

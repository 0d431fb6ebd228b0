"""How a sentence's wording changes what its cues say: a place captured is taken, a flood kills with no
one to blame, an event "in similar circumstances" is of the kind told before, a passive marks the party
acted upon, a headline's "Country :" only says where the news is from."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from harmattan.extraction.components.counting import is_toll
from harmattan.extraction.doc import Doc, Mention
from harmattan.regions.text import fold

if TYPE_CHECKING:  # the event detector's records; imported by it, so only for the annotations
    from harmattan.extraction.components.events import Candidate, Participant

# cues that tell what happened to people or things, not who did it
OUTCOMES = frozenset({"kill", "wound", "destroy", "burn", "massacre"})

_TAKEN_OBJECT = re.compile(
    r"\s+(?:(?:the|la|le|l|les)\s+)?(?:(?:town|city|village|locality|ville|localite|commune)\s+(?:of|de|d)\s+)?$"
)


def captured_place(doc: Doc, cue: Mention, mentions: list[Mention]) -> Mention:
    """ "captured Boulkessi", "a capturé la ville de Ménaka": a place captured is taken, not arrested."""
    if cue.value != "arrest" or not doc.folded[cue.start : cue.end].startswith("captur"):
        return cue
    place = next((m for m in mentions if m.kind == "place" and m.start >= cue.end), None)
    taken = place is not None and _TAKEN_OBJECT.fullmatch(" " + doc.folded[cue.end : place.start])
    if not (taken or _town_taken(doc, cue, mentions)):
        return cue
    return replace(cue, value="overtake", rule=f"{cue.rule}:place-taken")


def post_overrun(doc: Doc, cue: Mention) -> Mention:
    """ "militants overran an army base", "se sont emparés du camp militaire": a post taken is a battle
    (gold/GUIDE.md: only a town captured is territory overtaken)."""
    if cue.value != "overtake" or not _POST_AFTER.match(doc.folded, cue.end):
        return cue
    return replace(cue, value="clash", rule=f"{cue.rule}:post-overrun")


_POST_AFTER = re.compile(
    r"\s+(?:(?:an|a|the|its|their|le|la|l|du|de|des|d|un|une)\s+){0,2}(?:\w+\s+)?"
    r"(?:base|camp|post|outpost|position|positions|garrison|checkpoint|barracks|poste|caserne|avant poste)\b"
)


def _town_taken(doc: Doc, cue: Mention, mentions: list[Mention]) -> bool:
    """A town the gazetteer does not know: "captured Nyabibwe", "the capital... was captured by"."""
    after = _PROPER_AFTER.match(doc.text, cue.end)
    if after is not None:
        start = after.start(1)
        return not any(m.start <= start < m.end for m in mentions if m.kind in ("actor", "term", "country"))
    before = doc.folded[max(0, cue.start - 80) : cue.start]
    return bool(_TOWN_PASSIVE.search(before))


# a capitalised name, then a bracket, a comma, a full stop or a time or cause word (not "Koufa's deputy")
_PROPER_AFTER = re.compile(
    r"\s+(?:the\s+(?:town|city|village|locality|capital)\s+of\s+)?([A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?)"
    r"(?=\s*[(,.;]|\s+(?:after|on|from|following|late|early|last|this|in|near)\b)"
)
_TOWN_PASSIVE = re.compile(
    r"\b(?:town|city|village|capital|locality|ville|localite|cite|chef lieu)\b[^.]{0,60}"
    r"\b(?:was|were|a ete|ont ete)\s+$"
)


# "trois autres militaires avaient péri dans des circonstances similaires": the kind told before
SIMILAR = re.compile(
    r"\b(?:(?:in|under)\s+(?:similar|the\s+same)\s+(?:circumstances|conditions|way|manner)|(?:a|an)\s+similar\s+"
    r"(?:attack|incident|blast|explosion|ambush)|dans\s+des\s+circonstances\s+(?:similaires|identiques|analogues)|"
    r"de\s+la\s+meme\s+(?:maniere|facon)|(?:une?|d\s+une?)\s+(?:attaque|explosion|embuscade|incident)\s+similaire)\b"
)
_CATCH_ALL = frozenset(
    {"attack-unknown-target", "attack-armed", "attack-civilians", "state-attack-unknown-target"}
)


def like_before(cand: Candidate, before: Candidate) -> None:
    """An event told as "similar" to the one before takes its kind when its own cues only say "killed"."""
    if cand.rule.get("name") in _CATCH_ALL and before.rule.get("name") not in _CATCH_ALL:
        cand.rule = before.rule
        cand.tactics = cand.tactics or list(before.tactics)


HEADLINE_LABEL = re.compile(r"\s*:")


# "ont été arrêtés", "had been detained"; not "sont arrivés" (a French past of motion) nor "was ending"
_STRICT_PASSIVE = re.compile(r"\b(?:ete|been)\s*$|\b(?:was|were|is|are)\s+(?:\w+ly\s+)?$")


def passive_after(doc: Doc, p: Participant, cues: list[Mention]) -> bool:
    """Whether the party is the subject of a passive verb (the next cue): the one acted upon."""
    nxt = next((c for c in cues if c.start >= p.mention.end), None)
    if nxt is None or doc.folded[nxt.start : nxt.end].split()[0].endswith("ing"):
        return False  # "it was ending its accords": a progressive, not a passive
    return bool(_STRICT_PASSIVE.search(doc.folded[p.mention.end : nxt.start]))


def natural_cause(names: set[str], parts: list[Participant], mentions: list[Mention]) -> bool:
    """Deaths or damage from a flood, a fire, a crash: a cause is named, no armed party, and the cues
    only tell the outcome (or "hit", "strike", which floods do too, or "blamed", as a heatwave is)."""
    # "two military helicopters": a word inside a neutral phrase names no party
    neutral = [m for m in mentions if m.kind == "cue" and m.value == "descriptor"]
    # "an explosion and fire at the main fuel depot": a bare explosion has the cause the sentence names
    allowed = (
        OUTCOMES
        | {"attack", "plover_disapprove", "descriptor"}
        | ({"ied"} if "ied" in names and _bare_blasts(mentions) else set())
    )
    return (
        names <= allowed  # "mine d'or": a mine, no bomb
        and any(m.kind == "disaster" for m in mentions)
        # "Thirteen French soldiers were killed when two helicopters collided": the dead are no doers
        and not any(
            p.role in ("armed", "militia", "state", "vdp")
            and not _authority(p)
            and not (p.numbered and p.role == "state")
            and not any(d.start <= p.mention.start and p.mention.end <= d.end for d in neutral)
            for p in parts
        )
    )


_BARE_BLASTS = frozenset({"explosion", "explosions", "blast", "a explose", "exploded"})


def _bare_blasts(mentions: list[Mention]) -> bool:
    """Whether every explosive word is a bare blast ("explosion", "blast"), no bomb or mine named."""
    return all(fold(m.text) in _BARE_BLASTS for m in mentions if m.kind == "cue" and m.value == "ied")


def _authority(p: Participant) -> bool:
    """ "sans que les autorités aient publié de bilan": the authorities report a disaster, they fight none."""
    return (p.actor_id or "").endswith(("-government", "-state"))


def disaster_report(doc: Doc, names: set[str], parts: list[Participant]) -> bool:
    """ "A fire broke out in a warehouse... Six fatalities.", "a cholera outbreak... 17 deaths recorded": a
    toll told apart from the disaster that caused it, in a report where no one attacks anyone."""
    # an "ied" among the names passes only when every explosive word of the report is a bare blast (below):
    # a bomb or a mine named was set by someone
    if not names <= OUTCOMES | {"ied"} or any(p.role in ("armed", "militia", "vdp") for p in parts):
        return False
    found = doc.user_data.get("_disaster_report")
    if found is None:
        kinds = {m.kind for m in doc.mentions}
        # "the floods that have hit Niger", "les pluies qui frappent le Niger": what a disaster strikes is no
        # assault
        struck = {m.sentence for m in doc.mentions if m.kind == "disaster"}
        cues = {
            str(m.value)
            for m in doc.mentions
            if m.kind == "cue"
            and not (m.value == "attack" and m.sentence in struck)
            and not object_says_otherwise(doc, m)  # "selon un décompte arrêté au 23 septembre"
        }
        blasts = {"ied"} if _bare_blasts(doc.of_kind("cue")) else set()
        # "investigators blamed", "an investigation into the cause"
        found = "disaster" in kinds and cues <= OUTCOMES | blasts | {
            "plover_disapprove",
            "plover_investigate",
            "plover_consult",  # "a meeting on flood management chaired by the prime minister"
            "plover_aid",  # "the Red Cross launched an emergency appeal"
            "descriptor",  # "le mécanisme de riposte" of an aid plan
            "notable",  # "Maradi's governor visited the worst-hit districts"
            "plover_threaten",  # "rivers expected to reach critical levels, threatening the capital"
        }
        doc.user_data["_disaster_report"] = found
    return bool(found)


def aggregate_toll(doc: Doc, index: int, mentions: list[Mention]) -> bool:
    """ "près de 2 000 morts recensés en 2023", "deaths from terrorism worldwide last year", "13 terroristes
    neutralisés en une semaine": a count over a year, a week or the world, told with no day and no town, is
    a statistic, not an event."""
    sent = doc.sentences[index]
    if not _AGGREGATE.search(doc.folded, sent.start, sent.end):
        return False
    day = any(m.kind == "date" and m.value[1] == 1 for m in mentions)
    town = any(m.kind == "place" and m.value.place.kind == "populated" for m in mentions)
    return not day and not town


_AGGREGATE = re.compile(
    r"\b(?:(?:in|en|during|durant|over|pour)\s+(?:19|20)\d\d|last year|this year|l an dernier|l an passe|"
    r"l annee derniere|l annee passee|cette annee|depuis le debut de l annee|since the start of the year|"
    r"so far this year|since january|depuis janvier|per year|par an|worldwide|dans le monde|au monde|"
    r"terrorism index|for a (?:\w+ )?(?:consecutive )?year|most affected|le plus touche|"
    # "ont neutralisé 13 terroristes en une semaine, selon le point de situation hebdomadaire"
    r"en une semaine|in (?:a|one) week|(?:over|in) the (?:past|last) (?:week|month)|"
    r"au cours de la semaine ecoulee|au cours des \w+ derniers jours|hebdomadaire|en un mois|in a month|"
    r"weekly (?:report|review|update|bulletin|briefing|summary)|"
    # "a fait plus de 36 000 morts depuis 2009", "has killed thousands since the insurgency began"
    r"(?:since|depuis)\s+(?:19|20)\d\d|ces dernieres annees|in recent years|over the years|au fil des ans|"
    r"since the (?:start|beginning|outbreak) of the (?:conflict|insurgency|crisis|war)|"
    r"since the (?:conflict|insurgency|crisis|war) (?:began|started|broke out)|"
    r"depuis le debut (?:du conflit|de la crise|de l insurrection|de la guerre))\b"
)


def protest_habit(doc: Doc, cue: Mention) -> bool:
    """ "des manifestants réclament régulièrement le départ des soldats", "protesters regularly gather": a
    habit of protest, no one protest told."""
    if cue.value != "protest":
        return False
    sent = doc.sentences[cue.sentence]
    if _CALL_TO.search(doc.folded, max(sent.start, cue.start - 25), cue.start):
        return True  # "les appels à manifester se multiplient", "called for protests": none held yet
    return bool(_HABIT_WORD.search(doc.folded, max(sent.start, cue.start - 40), min(sent.end, cue.end + 40)))


_CALL_TO = re.compile(
    r"\b(?:appels?\s+a|appele\w*\s+(?:\w+\s+)?a|call(?:s|ed|ing)?\s+(?:\w+\s+)?(?:for|to)|urged?\s+\w+\s+to|"
    # "refused opposition parties permission to hold protests", "l'autorisation d'organiser une marche"
    r"(?:permission|authori[sz]ation|permit|request|autorisation|demande)\s+(?:\w+\s+)?(?:to|d|de)\s+"
    r"(?:hold|stage|organi[sz]e|organiser|tenir)(?:\s+(?:a|an|the|their|une|un|des|leur|leurs))?)\s+$"
)
#: words of habit shared by the protest check and told_as_act's _HABITUAL
_HABIT = r"regularly|routinely|frequently|often|regulierement|souvent|frequemment"
_HABIT_WORD = re.compile(
    rf"\b(?:{_HABIT}|every (?:week|friday|month)|chaque (?:semaine|vendredi|mois)|de temps en temps)\b"
)


def object_says_otherwise(doc: Doc, cue: Mention) -> bool:
    """The word's object says it is not the act: "had withdrawn its operating permit" (no troops leave),
    "des individus armés ont arrêté le véhicule" (stopped a vehicle: no one arrested); or its neighbours make
    it a general account: "drivers have been killed or kidnapped", "tankers have been burned since then"."""
    either = _EITHER_ACT.search(doc.folded, max(0, cue.start - 30), cue.start) or _OR_ACT_AFTER.match(
        doc.folded, cue.end
    )
    described = _DESCRIBED.search(doc.folded, max(0, cue.start - 40), cue.start)
    if either or described or _SINCE_THEN.match(doc.folded, cue.end):
        return True  # ... and "who describe killings and looting by armed men"
    if cue.value in ("regain", "overtake") and _PURPOSE_BEFORE.search(
        doc.folded, max(0, cue.start - 20), cue.start
    ):
        return True  # "an African force to retake the north", "pour reprendre le contrôle": an aim, no taking
    if cue.value in ("plover_retreat", "plover_future_retreat"):
        if _DOCUMENT_AFTER.match(doc.folded, cue.end) or _TOWARDS_AFTER.match(doc.folded, cue.end):
            return True  # "as they withdrew towards Mali": fighters moving off, no force leaving a country
        if _RAIDERS_BEFORE.search(doc.folded, max(0, cue.start - 40), cue.start):
            return True  # "a sweep after the attackers withdrew": raiders leaving, no territory handed over
        # "après le départ des forces spéciales", "le départ annoncé de Barkhane", "Barkhane poursuit son
        # retrait", "demandé le départ des soldats": a departure named as background, asked or under way
        noun = doc.folded[cue.start : cue.end] in _DEPARTURE_NOUNS
        if noun and doc.folded.endswith(("point de ", "point of "), 0, cue.start):
            return True  # "le principal point de départ" of migrants' boats
        return noun and bool(
            _DEPARTURE_CONTEXT.search(doc.folded, max(0, cue.start - 40), cue.start)
            or _ANNOUNCED_AFTER.match(doc.folded, cue.end)
        )
    political = str(cue.value).startswith("plover_") or cue.value == "coup"
    if political and _WHICH_HAD.search(doc.clean, max(0, cue.start - 40), cue.start):
        return True  # "The junta, which expelled the French ambassador earlier this year, ...": background
    if cue.value == "plover_disapprove" and doc.folded.startswith(("condamn", "sentenc"), cue.start):
        # "ont condamné l'ancien président à la réclusion à perpétuité": a court's sentence, not a rebuke
        return bool(_SENTENCE_AFTER.match(doc.folded, cue.end))
    if cue.value == "protest" and _PLANNED_AFTER.match(doc.folded, cue.end):
        return True  # "Further protests are planned in Zinder and Maradi": not yet held
    if cue.value == "protest" and _IN_PROTEST.search(doc.folded, max(0, cue.start - 30), cue.start):
        return True  # "recalled its ambassadors from Algiers in protest": a state's purpose, no crowd
    if cue.value == "kill" and doc.folded[cue.start : cue.end].endswith(("lost", "perdu")):
        # "Chad's army lost 92 soldiers": men lost are dead; "lost control", "a perdu le contrôle" are not
        return not _LOST_MEN.match(doc.folded, cue.end)
    if cue.value == "arrest":
        # "ont arrêté le véhicule" (stopped it), "l'arrestation prochaine des auteurs" (promised, not made),
        # "Niger's detained president", "Bazoum, still detained with his wife" (a state, not an act), "have
        # been arrested several times this year" (repeated acts, none told)
        return bool(
            _VEHICLE_AFTER.match(doc.folded, cue.end)
            or _SOON_AFTER.match(doc.folded, cue.end)
            or _AS_OF_AFTER.match(doc.folded, cue.end)  # "le rapport, arrêté au 7 septembre": figures as of
            # "malgré l'arrêté d'interdiction", "par arrêté préfectoral": a decree, no one arrested
            or (
                doc.folded.startswith("arrete ", cue.start)
                and _DECREE_BEFORE.search(doc.folded, max(0, cue.start - 8), cue.start)
            )
            or (
                doc.folded[cue.start : cue.end].endswith(("ed", "held", "tenu", "tenus", "tenue", "tenues"))
                and _HELD_STATE_BEFORE.search(doc.folded, max(0, cue.start - 12), cue.start)
            )
            or _TIMES_AFTER.match(doc.folded, cue.end)
        )
    if cue.value in ("airstrike", "drone") and (
        _EVACUATED_AFTER.match(doc.folded, cue.end)
        or _ABOARD.search(doc.folded, max(0, cue.start - 20), cue.start)
    ):
        return True  # "helicopters had evacuated the wounded", "exfiltré à bord d'hélicoptères": no strike
    if cue.value == "clash" and doc.folded.startswith("repouss", cue.start):
        return bool(_POSTPONED_AFTER.match(doc.folded, cue.end))  # "ont été repoussées de quelques jours"
    if cue.value == "loot" and doc.folded.startswith("emport", cue.start):
        # "le « oui » l'a emporté": won, nothing taken
        return bool(_WON_BEFORE.search(doc.folded, max(0, cue.start - 8), cue.start))
    return False


_HELD_STATE_BEFORE = re.compile(r"\b(?:s|still|toujours|remains|remain|reste|restent|the|le|la|les)\s+$")
# "arrested several times this year" (but "arrested several officers" tells an arrest)
_TIMES_AFTER = re.compile(
    r"\s+(?:(?:several|many|multiple|numerous)\s+(?:times|occasions)|repeatedly|a plusieurs reprises|"
    r"plusieurs fois|a maintes reprises)\b"
)
_IN_PROTEST = re.compile(
    r"\b(?:ambassadors?|envoys?|recalled|suspended|withdrew|cancelled)\b[^.]{0,25}\bin\s+$"
)
_LOST_MEN = re.compile(
    r"\s+(?:at least\s+|au moins\s+|some\s+|about\s+|près de\s+|pres de\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:of its\s+|de ses\s+)?(?:\w+\s+)?(?:soldiers|men|troops|servicemen|fighters|officers|policemen|"
    r"gendarmes|soldats|militaires|hommes|elements|combattants|policiers)\b"
)
_PLANNED_AFTER = re.compile(
    r"\s+(?:(?:are|is|were|was|have been|has been|sont|est|ont ete|a ete)\s+)?(?:\w+\s+)?"
    r"(?:planned|scheduled|expected|due|prevue?s?|programmee?s?|envisagee?s?)\b"
)
_SENTENCE_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,8}?(?:a|to)\s+(?:la\s+|une\s+|des\s+|life\s+|death\b|mort\b|\d+\s+)?"
    r"(?:reclusion|prison|perpetuite|peine|ans|annees|mois|imprisonment|years|months|death|mort)\b"
)
_DEPARTURE_NOUNS = frozenset({"depart", "departure", "retrait", "withdrawal"})
_DEPARTURE_CONTEXT = re.compile(
    r"\b(?:apres|depuis|since|after|following|demande\w*|reclam\w*|exig\w*|call\w* for|demand\w*|"
    r"poursuit|poursuivent|continues?|continuing|ahead of|avant)\s+(?:\w+\s+)?"
    r"(?:le|la|l|the|son|sa|its|their|leur)\s+$"
)
_ANNOUNCED_AFTER = re.compile(r"\s+(?:annoncee?|prevue?|announced|planned)\b")
_ABOARD = re.compile(r"\b(?:a bord d|a bord de|aboard|on board)\s+(?:\w+\s+)?$")
_EVACUATED_AFTER = re.compile(
    r"\s+(?:had\s+|have\s+|ont\s+|a\s+)?(?:evacuated|evacue\w*|airlifted|transported)"
)
_POSTPONED_AFTER = re.compile(
    r"\s+(?:de\s+(?:\w+\s+){1,2}(?:jours?|semaines?|mois)|au\s+|a\s+(?:une\s+date|plus\s+tard|la\s+semaine)|"
    r"sine die|jusqu)"
)
_SOON_AFTER = re.compile(r"\s+(?:prochaine?s?|imminente?s?|a venir)\b")
_WON_BEFORE = re.compile(r"\bl\s+(?:a\s+|ont\s+|avait\s+)?$")
_OBJECT_DET = r"\s+(?:(?:its|the|their|his|her|a|an|le|la|l|les|son|sa|ses|leur|leurs|un|une)\s+)?(?:\w+\s+)?"
_DOCUMENT_AFTER = re.compile(
    _OBJECT_DET
    + r"(?:permit|permits|licence|license|licences|accreditation|approval|visa|candidacy|complaint|"
    r"bill|offer|proposal|permis|agrement|candidature|plainte|projet de loi|offre)\b"
)
_RAIDERS_BEFORE = re.compile(
    r"\b(?:attackers|assailants|gunmen|raiders|militants|jihadists|insurgents|terrorists|assaillants|"
    r"jihadistes|terroristes|hommes armes|individus armes|ravisseurs|kidnappers)\s+(?:had\s+|have\s+|then\s+|"
    r"se sont\s+|s etaient\s+|ont\s+)?$"
)
_TOWARDS_AFTER = re.compile(r"\s+(?:towards?|vers|en direction d\w*)\b")
_DECREE_BEFORE = re.compile(r"\b(?:l|un|cet|par|son|leur|d un|de l)\s*$")
_AS_OF_AFTER = re.compile(r"\s+(?:au|a la date du)\s+(?:\d|1er\b)")
_VEHICLE_AFTER = re.compile(
    _OBJECT_DET
    + r"(?:vehicule|vehicules|car|bus|camion|camions|voiture|convoi|minibus|vehicle|truck|lorry)\b"
)


def figure_fell(doc: Doc, cue: Mention) -> bool:
    """ "Output fell to about 66.5 tonnes", "the naira fell to a record low": a figure fell, no town."""
    return bool(_FELL_TO_AMOUNT.match(doc.folded, cue.start, cue.end + 20))


def told_as_act(doc: Doc, cue: Mention) -> bool:
    """Whether a cue tells an act that happened: not "an attack on one will be considered an attack on
    all", "en cas d'attaque", "failing to stop attacks", nor "after a decade of fighting" (a span)."""
    before = doc.folded[max(0, cue.start - 40) : cue.start]
    if _HYPOTHETICAL.search(before) or _SPAN_OF.search(before) or _HABITUAL.search(before):
        return False
    if doc.folded.startswith("fighting", cue.start) and _ONGOING.search(before):
        return False  # "Mali's army is again fighting in the centre": a state of war, no one clash
    if _FITTED_WITH.search(before):
        return False  # "quadcopters fitted with small bombs or mortar rounds": a weapon described, no strike
    if _CHARGED_WITH.search(before):
        return False  # "pour répondre à une accusation de viol", "charged with murder": a charge, no act told
    if _AFTERMATH.search(before):
        return False  # "les obsèques des militaires tués", "a tribute to the soldiers killed": told before
    if _PROTESTED.search(doc.folded, max(0, cue.start - 60), cue.start):
        return False  # "marched to vent their anger at the insecurity and the killings": protested against
    if _ALREADY_HIT.search(before) or (_ALREADY.search(before) and _BY_ATTACKS.match(doc.folded, cue.end)):
        return False  # "la région de Tillabéri, déjà frappée par les attaques de groupes armés": its past
    if cue.value == "attack" and _HIT_BY_THINGS.match(doc.folded, cue.end):
        return False  # "the port has been hit by the closure of the border": no assault
    if cue.value == "attack" and _CLAIMED_LABEL.match(doc.folded, cue.end):
        return False  # "killed by a roadside bomb..., an attack claimed by JNIM": a label, no assault
    if is_toll(doc, cue) and _NO_TOLL_BEFORE.search(before):
        return False  # "Lomé n'avait publié ni communiqué ni bilan officiel": no toll, no dead told
    if _RELATIVE_BEFORE.search(before) and _SINCE_YEARS.match(doc.folded, cue.end):
        return False  # "Boko Haram, qui frappe la région depuis février 2015": the group's years of attacks
    if _MUST_END.match(doc.folded, cue.end):
        return False  # "The mass killings must stop", "les tueries doivent cesser": a demand, no act told
    return not _DEEMED.match(doc.folded, cue.end, cue.end + 60)


# an infinitive of purpose or attempt ("to retake", "pour reprendre", "tenter de reprendre"; not "vient de")
_PURPOSE_BEFORE = re.compile(
    r"(?:\bto|\bpour|(?<!viennent )(?<!vient )(?<!venaient )(?<!venait )\bde|\bd)\s+$"
)
_RELATIVE_BEFORE = re.compile(r"\b(?:qui|who|which|that)\s+(?:\w+\s+)?$")
_SINCE_YEARS = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:depuis|since)\s+(?:(?:le mois de\s+)?[a-z]+\s+)?(?:19|20)\d\d\b"
    r"|\s+(?:\w+\s+){0,3}?(?:depuis des|depuis plusieurs|for several|for)\s+(?:annees|mois|years|months)\b"
)
_NO_TOLL_BEFORE = re.compile(
    r"\b(?:ni|aucun|pas de|pas d|sans|no|without giving a|without a|gave no|did not give a)\s+$"
)
_MUST_END = re.compile(
    r"\s+(?:must|have to|has to|need to|doivent|doit|devront|doivent absolument)\s+(?:stop|end|cease|cesser|"
    r"s arreter|prendre fin)\b"
)


# what a crowd is angry at or asks action against: "to vent their anger at the killings" (not "marched against
# the killing of ...", which may be the only telling of that killing)
_PROTESTED = re.compile(
    r"\b(?:anger (?:at|over)|outrage (?:at|over)|to act against|colere (?:face a|contre))"
    r"\s+(?:[\w-]+\s+){0,6}$"
)
_ALREADY_HIT = re.compile(
    r"\b(?:deja|already|long|longtemps)\s+(?:\w+\s+)?(?:frappee?s?|touchee?s?|hit|affected|plagued|targeted|"
    r"visee?s?|meurtrie?s?|endeuillee?s?|en proie)\s+(?:par|by|a|aux)\s+(?:des|les|de|d|the|repeated|many|"
    r"several|nombreuses)?\s*(?:\w+\s+)?$"
)
# on the clean text (the folded one has no commas): a relative clause describing the party named before it
_WHICH_HAD = re.compile(r",\s*(?:which|who|whose|qui|dont)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
_ALREADY = re.compile(r"\b(?:deja|already|long|longtemps)\s+$")
_BY_ATTACKS = re.compile(
    r"\s+(?:par|by)\s+(?:des|les|de|d|the|repeated|many|several|nombreuses)?\s*(?:\w+\s+)?"
    r"(?:attaques|attacks|violences|violence|raids|incursions|exactions)\b"
)
_HYPOTHETICAL = re.compile(
    # "attacks that could target the capital", "pourraient être attaqués"; but "shot at anyone they could see,
    # killing 37": a modal governs the act only through an auxiliary
    r"\b(?:would|could|pourrai\w*)\s+(?:(?:be|have|been|also|still|ever|not|etre|avoir|ete|aussi|encore)\s+){0,2}$|"
    r"\b(?:any|toute?|en cas d|in case of|in the event of|prevoi\w*|provides? for|"
    # "accusing France of failing to stop jihadist attacks": attacks not stopped are no act told here
    r"stop|prevent|halt|empecher|eviter|prevenir|enrayer|"
    r"avoided|avoid|avoiding|refrained from|evite|evitaient|"
    # "families who fled attacks on their villages years ago", "fear further raids", "exposes returnees to
    # attacks": violence feared, fled or risked in general is no act told here
    r"fled|fleeing|flee|fuyant|fui|fuir|fear|fears|feared|craignent|craint|redoutent|exposes?|exposed|expose|"
    r"exposent|vulnerable|face aux|face a|in the face of|to counter|pour contrer|pour faire face aux)"
    r"\s+(?:\w+\s+){0,2}$"
)
# "the group's fighters have repeatedly ambushed tanker convoys": a habit, no one act
_HABITUAL = re.compile(
    rf"\b(?:repeatedly|{_HABIT}|a plusieurs reprises|"
    r"a maintes reprises|began|begun|started|commence a|commencent a|ont commence a)"
    r"\s+(?:\w+\s+)?$"
)
_ONGOING = re.compile(r"\b(?:is|are|has been|have been)\s+(?:again\s+|still\s+|now\s+|also\s+)?$")
_DESCRIBED = re.compile(
    r"\b(?:describe|describes|described|recount|recounted|racontent|decrivent|evoquent)\s+"
    r"(?:\w+\s+(?:\w+\s+)?(?:and|et)\s+)?$"
)
# "killed or kidnapped", "burned or occupied": one act or another, in general (not "killed or wounded")
_EITHER_ACT = re.compile(r"\b\w+(?:ed|e|es|ees)\s+(?:\w+\s+)?(?:or|ou)\s+$")
# "have been burned since then", "ont été attaqués depuis lors": a span of acts, none told
_SINCE_THEN = re.compile(r"\s+(?:since (?:then|that|the start)|depuis lors|depuis le debut)\b")
_OR_ACT_AFTER = re.compile(r"\s+(?:or|ou)\s+(?!wounded|injured|hurt|blesse)(?:\w+\s+)?\w+(?:ed|e|es|ees)\b")
_FITTED_WITH = re.compile(
    r"\b(?:fitted with|armed with|equipped with|loaded with|capable of carrying|equipee?s? d\w*|"
    r"munie?s? d\w*|dotee?s? d\w*|chargee?s? d\w*)\s+(?:\w+\s+){0,3}$"
)
_CHARGED_WITH = re.compile(
    r"\b(?:accusations? de|accuse d|accuses? de|accused of|charged with|charges? of|inculpee?s? (?:de|pour)|"
    r"convicted (?:\w+ )?of|found guilty of|crimes including|reconnue?s? coupables? d\w*|condamnee?s? pour|"
    r"poursuivie?s? pour|allegations? of)\s+(?:\w+\s+(?:and\s+|et\s+)?){0,3}$|"
    # "condamné pour crimes contre l'humanité, crimes de guerre et tortures": a list of crimes judged
    r"\b(?:crimes? de guerre|crimes? contre l humanite|war crimes|crimes against humanity)\s+(?:and|et)\s+$"
)
_AFTERMATH = re.compile(
    r"\b(?:obseques|funerailles|enterrement|inhumation|funeral|funerals|burial|hommage|tribute|memorial|"
    r"ceremonie|ceremony)\s+(?:\w+\s+){0,4}$"
)
_HIT_BY_THINGS = re.compile(
    r"(?:\s+by)?\s+(?:the\s+|a\s+|an\s+|la\s+|le\s+|les\s+|l\s+|une?\s+|par\s+(?:la\s+|le\s+|les\s+|l\s+)?)?"
    r"(?:\w+\s+)?(?:closure|crisis|sanctions|drought|floods?|inflation|shortages?|prices?|fall|decline|strike|"
    r"slump|pandemic|epidemic|fermeture|crise|secheresse|inondations?|penurie|hausse|baisse|greve|pandemie|"
    # "oil prices struck a new high", "struck a deal"
    r"high|low|record|deal|agreement|chord|balance)\b"
)
_CLAIMED_LABEL = re.compile(r"\s+(?:claimed by|revendiquee? par|attributed to|attribuee? a|blamed on)\b")
_FELL_TO_AMOUNT = re.compile(r"fell to\s+(?:about\s+|around\s+|a\s+|an\s+|its\s+|their\s+|\d)")
_SPAN_OF = re.compile(
    r"\b(?:decades?|years?|months?|weeks?|decennies?|annees?|ans|mois|semaines?)\s+(?:of|d|de)\s+$"
)
# "An attack on one will be considered an aggression against all"
_DEEMED = re.compile(
    r"[^.;]{0,40}?\b(?:will be|would be|sera|serait)\s+(?:considered|considere\w*|regarded|deemed|treated)"
)


def claim_sentences(doc: Doc) -> set[int]:
    """The sentences that speak of a claim ("claimed", "revendiqué"), read once per document."""
    found: set[int] | None = doc.user_data.get("_claims")
    if found is None:
        found = {s.index for s in doc.sentences if _CLAIM.search(doc.folded[s.start : s.end])}
        doc.user_data["_claims"] = found
    return found


_CLAIM = re.compile(r"\b(?:claim\w*|revendiqu\w*)\b")


# "..., after Algeria's army shot down a Malian drone in the night of March 31": a political act and the
# dated act it answers, told in one sentence
_AFTER_CLAUSE = re.compile(r",\s+(?:after|following|après que|après qu|après l|après avoir)\b", re.IGNORECASE)


def clauses(
    doc: Doc, start: int, end: int, mentions: list[Mention], violent: frozenset[str]
) -> list[list[Mention]]:
    """A sentence's mentions, cut in two where a political cue comes before ", after ..." and an act of
    force with a date of its own after it (an undated one is the background the act answers, not an
    event); otherwise the sentence's mentions whole."""
    found = _AFTER_CLAUSE.search(doc.clean, start, end)  # the comma: folded text has none
    if found is None:
        return [mentions]
    cut = found.start()
    before = [m for m in mentions if m.end <= cut]
    after = [m for m in mentions if m.start >= cut]
    political = any(m.kind == "cue" and str(m.value).startswith("plover_") for m in before)
    forceful = any(m.kind == "cue" and (str(m.value) in violent or m.value == "disrupt") for m in after)
    dated = any(m.kind == "date" for m in after)
    return [before, after] if political and forceful and dated else [mentions]

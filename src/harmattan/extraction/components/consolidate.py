"""From candidates to events: date and place per candidate, merging the sentences that report the
same occurrence, background detection, fatalities, confidence and evidence for every field.

The cluster and its place tests are clusters.py's, the date helpers event_dates.py's, the folds applied
after merging folding.py's, and the event itself is built by build.py."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from harmattan.extraction.components.clusters import Cluster, near, occurrence_kind, same_place
from harmattan.extraction.components.event_dates import days_covered, nearest_date, past_year, reported
from harmattan.extraction.components.events import Candidate, Participant
from harmattan.extraction.components.folding import (
    fold_coup_arrests,
    fold_emergency_measures,
    fold_protest_damage,
    fold_protest_deaths,
    fold_protest_unrest,
    fold_side_acts,
    outcome_only,
    taken_after_withdrawal,
    takes_outcome,
)
from harmattan.extraction.components.interstate import domestic_verbal, partyless_verbal, verbal_only
from harmattan.extraction.components.place_words import headline_place
from harmattan.extraction.components.wording import claim_sentences
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.pipeline import Component, register
from harmattan.records import Evidence
from harmattan.regions.text import fold

__all__ = ["Cluster", "Consolidate", "Resolve", "participant_evidence"]


@register
class Resolve(Component):
    """Give each candidate the date and place its sentence names (nearest to the trigger)."""

    name = "resolve"
    requires = ("candidates",)
    provides = ("clusters",)
    defaults = {"max_history_days": 60}

    def __call__(self, doc: Doc) -> Doc:
        clusters: list[Cluster] = []
        for cand in doc.user_data.get("candidates", []):
            cl = Cluster([cand])
            cl.date = nearest_date(doc, cand)
            cl.place = _nearest_place(doc, cand)
            # a background cue counts when it leads the sentence's trigger ("Depuis 2015, ... ont fait"),
            # not when it trails a new event ("..., the worst since 2019")
            cl.historical = next(
                (
                    m
                    for m in doc.of_kind("hist", cand.sentence)
                    # "..., un mois après celles de Boulkessi": the cue leads the place it recalls
                    if (m.start < cand.trigger.start or cl.place is None or m.end <= cl.place[1].start)
                    # "Sixty-two people have been killed since Sunday": a span of days is this news
                    and not _RECENT_AFTER.match(doc.folded, m.end)
                    # "French forces have killed Droukdel" is news; "the insurgency has killed thousands
                    # since 2009" background
                    and (m.rule not in _PERFECT_CUES or _background_span(doc, cand.sentence))
                ),
                None,
            )
            old = (
                cl.date is not None
                and doc.published is not None
                and cl.date[2] is not None
                and ((doc.published - cl.date[0]).days > int(self.settings["max_history_days"]))
            )
            if cl.historical is None and old and cl.date is not None:
                cl.historical = cl.date[2]
            year = None if cl.historical else past_year(doc, cand)
            if year is not None:  # dated by its year, not by the report's "mercredi"
                cl.historical = year
                cl.date = (dt.date(int(year.value), 1, 1), 3, year)
            # "Le même jour, à Gorebale, ...": dated before merging, to stay apart from the next day's
            before = next((b for b in reversed(clusters) if b.head.sentence < cand.sentence), None)
            _date_after_previous(doc, cl, before)
            clusters.append(cl)
        doc.user_data["clusters"] = clusters
        return doc


_PERFECT_CUES = frozenset({"lexicon:has killed", "lexicon:have killed"})
_SPAN_WORDS = re.compile(
    r"\b(?:since|this year|decades?|years|hundreds|thousands|many|more than \d{3,}|\d{1,3} \d{3}|"
    r"insurgency|conflict|began)\b"
)


def _background_span(doc: Doc, index: int) -> bool:
    sent = doc.sentences[index]
    return bool(_SPAN_WORDS.search(doc.folded, sent.start, sent.end))


_RECENT_AFTER = re.compile(
    r"\s+(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the weekend|yesterday|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|le week end)\b"
)
_DESTINATION = re.compile(
    r"\b(?:vers|towards?|bound for|headed for|heading for|heading to|en route (?:to|for)|en direction de|"
    r"a destination de|fled to|fleeing to|evacuated to|pris la route de|fui vers|fuient vers|refugiee?s? a|"
    r"took refuge in|sought refuge in|displaced to|left for|leaving for|moved to|relocated to|"
    r"left the country for|left the capital for|quitte le pays pour|"
    r"partis pour|partis a|refugies dans|refugiees dans|se sont replies sur|"
    # "on the road leading to Oula": the road's end, not where it happened
    r"leading to|that leads to|menant a|qui mene a)\s+(?:(?:the|la|le|l)\s+)?$"
)


_RULERS_OF = re.compile(
    r"\b(?:regime|junte|junta|autorites|authorities|pouvoir|rulers|dirigeants|leaders)\s+(?:de|d|in|of)\s+$"
)


def _nearest_place(doc: Doc, cand: Candidate) -> tuple[Any, Mention] | None:
    if cand.place is not None:
        return cand.place.value, cand.place
    # where people were heading ("des familles ont pris la route de Gorom-Gorom") is no place of the event
    places = [
        m
        for m in doc.of_kind("place", cand.sentence)
        if not _DESTINATION.search(doc.folded[max(0, m.start - 30) : m.start])
    ]
    if not places:
        return None
    # "the village of Ouzal in Koza": a village the gazetteer lacks, placed at Koza's point, is where it was
    hosts = {str(m.value.place.id).split("/")[0] for m in places if m.rule.startswith("unlisted:")}
    places = [m for m in places if str(m.value.place.id) not in hosts] or places
    # a town beats a region; then the one nearest the trigger
    best = min(
        places,
        key=lambda m: (
            # "le retrait exigé par le régime de Niamey": a capital that stands for its rulers
            bool(_RULERS_OF.search(doc.folded[max(0, m.start - 30) : m.start])),
            # "around Kain, Banh and Bomboro": a list's homonym abroad loses to the report's country
            doc.country is not None and m.value.place.country != doc.country,
            # "in Skikda province, about 350 km east of Algiers": a far town only gives the direction
            _far_anchor(doc, m),
            m.value.place.kind in ("admin1", "admin2"),
            # "Diffa : 26 soldats tués dans l'attaque de Bosso": of two towns, the headline's label names
            # the area
            headline_place(doc, m.start, m.end),
            # "entre Fada N'Gourma et Pama, près de Natiaboani": the road's ends locate less than the village
            _road_end(doc, m),
            m.value.precision,
            abs(m.start - cand.trigger.start),
        ),
    )
    return best.value, best


def _far_anchor(doc: Doc, m: Mention) -> bool:
    """The town of "N km east of X" when N is 100 km or more."""
    found = _KM_BEFORE.search(doc.folded, max(0, m.start - 45), m.start)
    return found is not None and int(found.group(1).replace(" ", "")) >= _FAR_KM


_FAR_KM = 100
_KM_BEFORE = re.compile(
    r"\b(\d[\d ]*)\s*(?:km|kilometres|kilometers|kilometre)\s+(?:[a-z-]+\s+){0,2}(?:of|from|de|d)\s*$"
)


def _road_end(doc: Doc, m: Mention) -> bool:
    """An end of "entre X et Y", "between X and Y" (the span a road or an area covers)."""
    before = doc.folded[max(0, m.start - 50) : m.start]
    return bool(_BETWEEN_FIRST.search(before) or _BETWEEN_SECOND.search(before))


_BETWEEN_FIRST = re.compile(
    r"\b(?:entre|between)\s+(?:the\s+|les\s+|la\s+|le\s+)?"
    r"(?:(?:town|village|localites?|villes?|villages?|towns)\s+(?:of\s+|de\s+|d\s+)?)?$"
)
_BETWEEN_SECOND = re.compile(r"\b(?:entre|between)\s+[\w ]{2,40}?\s+(?:et|and)\s+$")


@register
class Consolidate(Component):
    """Merge clusters that report the same occurrence and build the output events."""

    name = "consolidate"
    requires = ("clusters",)
    provides = ("events",)
    defaults = {
        "emit_historical": True,
        "count_neutralised": True,
        "mass_killing_min": 20,
        "interstate_only": [],  # PLOVER types coded only between states (interstate.py)
        "never_alone": [],  # PLOVER types never an event of their own, between states or not (interstate.py)
        "undated_days_before": 0,  # an event the report dates nowhere: this many days before publication
    }

    def __call__(self, doc: Doc) -> Doc:
        merged: list[Cluster] = []
        for cl in doc.user_data.get("clusters", []):
            # only recent clusters: one occurrence is told in neighbouring sentences (and this stays linear)
            target = None
            if not _told_apart(doc, cl):
                target = next((m for m in reversed(merged[-4:]) if _compatible(m, cl, doc)), None)
                if target is None and merged and cl.head.refers_back and merged[-1].historical is None:
                    target = merged[-1]  # "No group had claimed the assault by Saturday": the one just told
                if target is None and merged and outcome_only(cl) and takes_outcome(merged[-1], cl):
                    target = merged[-1]  # "More than 300 people were wounded": the toll of what was told
                if target is None and merged and _names_the_attack_told(doc, cl):
                    target = merged[-1]  # "Paris a condamné l'attaque": the attack just told
                if target is None and merged and _comments_on_it(doc, cl) and merged[-1].historical is None:
                    target = merged[-1]  # "Cette attaque survient le jour même du sommet du G5 Sahel"
                if target is None and merged and _that_day(doc, cl, merged[-1]):
                    target = merged[-1]  # "Ce jour-là, des combattants avaient pris d'assaut la position"
            if target is None:
                merged.append(cl)
            else:
                _absorb(doc, target, cl)
        merged = fold_side_acts(merged)
        merged = fold_emergency_measures(merged)
        merged = fold_coup_arrests(merged)
        merged = fold_protest_deaths(doc, merged)
        merged = fold_protest_damage(merged)
        merged = fold_protest_unrest(merged)
        merged = taken_after_withdrawal(doc, merged)
        _inherit(doc, merged)
        doc.user_data["merged"] = merged
        from harmattan.extraction.components.build import build_event

        for cl in merged:
            if cl.historical is not None and not self.settings["emit_historical"]:
                continue
            if _allusion(cl) or _undated_in_analysis(doc, cl):
                continue
            ev = build_event(
                doc,
                cl,
                self.resources,
                bool(self.settings["count_neutralised"]),
                int(self.settings["mass_killing_min"]),
                int(self.settings["undated_days_before"]),
            )
            if domestic_verbal(ev, self.settings["interstate_only"], self._kind_of):
                continue
            if partyless_verbal(doc, ev):
                continue
            if not verbal_only(ev, self.settings["never_alone"]):
                doc.events.append(ev)
        return doc

    def _kind_of(self, actor_id: str) -> str | None:
        actor = self.resources.actor(actor_id)
        return None if actor is None else str(actor.kind)


# "Analysis: the jihadist frontier creeps south", "ANALYSE — ...", "EXPLAINER": a piece that explains
_ANALYSIS = re.compile(
    r"^\W*(?:analysis|analyse|explainer|decryptage|eclairage|factbox|backgrounder|commentary|opinion|tribune)"
    r"\s*(?::|-|\u2014|\u2013|\|)"
)


def _undated_in_analysis(doc: Doc, cl: Cluster) -> bool:
    """In an analysis, what no date of its own anchors is the analyst's general picture ("recruiting among
    herders who feel targeted", "ces accords locaux"), not an occurrence: news pieces date what they tell."""
    if cl.date is not None and cl.date[2] is not None:
        return False
    found = doc.user_data.get("_analysis")
    if found is None:
        found = bool(_ANALYSIS.match(doc.clean[:40].lower()))
        doc.user_data["_analysis"] = found
    return bool(found)


def _allusion(cl: Cluster) -> bool:
    """ "un mois après celles de Boulkessi et de Mondoro": past violence recalled with no day and no toll of
    its own is an allusion, not an event that can be dated ("France says it has killed 20 jihadists" has
    its toll)."""
    return (
        cl.historical is not None
        and cl.historical.kind == "hist"
        and (cl.date is None or cl.date[2] is None)
        and not any(c.counts for c in cl.members)
    )


def _told_apart(doc: Doc, cl: Cluster) -> bool:
    """ "In a separate attack the same day...", "Dans une autre attaque...": the report says this is
    another occurrence, even with no place to tell the two apart."""
    sent = doc.sentences[cl.head.sentence]
    return bool(
        _ANOTHER.search(doc.folded, sent.start, sent.end) or _OPENS_ANOTHER.match(doc.folded, sent.start)
    )


_ANOTHER = re.compile(
    r"\b(?:in|during)\s+(?:a|an)\s+(?:separate|second|other|another|different)\s+(?:attack|incident|raid|ambush)|"
    r"\banother\s+(?:attack|incident|raid|ambush)\b|"
    # "On Sunday, another group of bandits attacked a procession": other doers, another occurrence
    r"\banother\s+(?:group|gang|band)\s+of\b|\bun\s+autre\s+groupe\s+d|"
    r"\b(?:dans|lors d)\s+une\s+(?:autre|seconde|deuxieme)\s+(?:attaque|embuscade|incursion)|"
    r"\bune\s+attaque\s+distincte\b|\bdans\s+une\s+attaque\s+separee\b|"
    # "Quelques heures plus tôt, ... 14 personnes avaient été tuées à Tadaryat": an earlier occurrence
    r"\b(?:quelques|plusieurs|deux|trois)\s+heures\s+plus\s+tot\b|"
    r"\b(?:a few|several|two|three)\s+hours\s+earlier\b|"
    r"\bearlier\s+(?:that|the same)\s+day\b|\bplus\s+tot\s+dans\s+la\s+journee\b"
)
# the eve of the day just told, in the words that open a sentence or date it ("La veille, ...")
_EVE_WORDS = ("la veille", "the day before", "the previous day")
# "Separately, ...", "Par ailleurs, ...": a sentence that opens on another matter
_OPENS_ANOTHER = re.compile(
    r"\s*(?:separately|par ailleurs|in another development|in a separate development|"
    # "Later the same day, armed men ambushed a convoy" (not "we found their bodies later that day")
    r"later (?:that|the same) day|plus tard (?:dans la journee|le meme jour)|"
    # "Le même soir, un couple de médecins a été enlevé à Djibo": something else, at the same time
    r"(?:on )?(?:that|the) same (?:evening|night)|le meme soir|la meme nuit|dans la meme nuit|"
    # "La veille, des éléments de Boko Haram avaient enlevé puis tué deux commerçants": an earlier occurrence
    + "|".join(_EVE_WORDS)
    + r"|(?:deux|trois) jours (?:plus tot|auparavant)|(?:two|three) days earlier)\b"
)


def _compatible(a: Cluster, b: Cluster, doc: Doc) -> bool:
    if occurrence_kind(a.head) != occurrence_kind(b.head) or (a.historical is None) != (b.historical is None):
        return False
    # "six civils tués à Dambatao. Des hommes armés ont fait irruption samedi dans ce village de la commune de
    # Banh": an undated headline and the body telling it name nearby places
    if (
        a.place
        and b.place
        and not same_place(a.place[0].place, b.place[0].place)
        and not (_undated_headline(a, doc) and near(a.place[0].place, b.place[0].place, _HEADLINE_REACH_KM))
    ):
        return False
    if a.date is None or b.date is None or a.date[2] is None or b.date[2] is None:
        return True
    if reported(doc, a.date[2]) != reported(doc, b.date[2]) and _pair_of_its_kind(doc, a):
        # "Two people were killed in two days of unrest, the minister said on Thursday": the day of the
        # saying does not tell this occurrence from the one the next sentence dates, when the report tells
        # no third of its kind (a lead summing up several occurrences stays apart)
        return True
    if max(a.date[1], b.date[1]) >= 3:
        return True  # a month says too little to tell two occurrences apart
    if _calendar_day(a.date[2]) and _calendar_day(b.date[2]) and a.date[0] != b.date[0] and _tolls(doc, a, b):
        return False  # "killed two on October 18 ... a woman was killed on October 19": two days, two tolls
    # days apart by more than a day beyond what each date covers ("les 10 et 11 septembre" and "dimanche" 13)
    (a0, a1), (b0, b1) = days_covered(a.date), days_covered(b.date)
    return (b0 - a1).days <= 1 and (a0 - b1).days <= 1


_HEADLINE_REACH_KM = 40.0
_CALENDAR_RULES = ("date:month-day", "date:day-month")


def _tolls(doc: Doc, a: Cluster, b: Cluster) -> bool:
    """Both tell violence, and one of them its dead (a claim or a statement of the next day tells none)."""
    claims = claim_sentences(doc)
    violent = all(
        any(c.cue_names & _VIOLENT_CUES and c.sentence not in claims for c in cl.members) for cl in (a, b)
    )
    return violent and any(c.counts.get("killed") for cl in (a, b) for c in cl.members)


_VIOLENT_CUES = frozenset({"attack", "kill", "clash", "ambush", "massacre"})


def _calendar_day(m: Mention) -> bool:
    """A date written as a day of a month ("October 18", "le 18 octobre"), not a weekday or a relative one."""
    return m.rule in _CALENDAR_RULES


def _pair_of_its_kind(doc: Doc, cl: Cluster) -> bool:
    """Whether the report tells exactly two occurrences of this cluster's kind (counted once per report)."""
    kinds = doc.user_data.get("_kinds_told")
    if kinds is None:
        kinds = Counter(occurrence_kind(c.head) for c in doc.user_data.get("clusters", []))
        doc.user_data["_kinds_told"] = kinds
    return bool(kinds[occurrence_kind(cl.head)] == 2)


def _undated_headline(cl: Cluster, doc: Doc | None = None) -> bool:
    """The report's undated first line, unless it sums up several occurrences ("13 civils tués dans deux
    villages", "25 killed in two attacks")."""
    if cl.head.sentence != 0 or not (cl.date is None or cl.date[2] is None):
        return False
    if doc is None:
        return True
    sent = doc.sentences[0]
    return not _SEVERAL.search(doc.folded, sent.start, sent.end)


_SEVERAL = re.compile(
    r"\b(?:deux|two|trois|three|quatre|four|plusieurs|several|multiple|series of|serie d)\s+(?:\w+\s+)?"
    r"(?:attaques|attacks|villages|localites|raids|incidents|embuscades|ambushes)\b"
)


def _absorb(doc: Doc, target: Cluster, cl: Cluster) -> None:
    target.members.extend(cl.members)
    if cl.place and (target.place is None or target.place[0].precision > cl.place[0].precision):
        target.place = cl.place
    if cl.date and (
        target.date is None
        or target.date[2] is None
        or target.date[1] > cl.date[1]
        # the occurrence's own date beats the date the report was made
        or (
            target.date[1] == cl.date[1]
            and cl.date[2] is not None
            and reported(doc, target.date[2])
            and not reported(doc, cl.date[2])
        )
    ):
        target.date = cl.date


def _inherit(doc: Doc, clusters: list[Cluster]) -> None:
    """Clusters without a place or date take the document's (the headline usually names them)."""
    first_place = next(
        (m for m in doc.mentions if m.kind == "place" and m.value.precision < 3), None
    ) or next((m for m in doc.mentions if m.kind == "place"), None)
    # a month named elsewhere ("Mali – Sahel: November 2017 violent incidents", a digest's title) does not
    # date an event its own sentence leaves undated: the publication date is the closer guess
    first_date = next((m for m in sorted(doc.of_kind("date"), key=lambda m: m.start) if m.value[1] < 3), None)
    dateline = doc.user_data.get("dateline")
    for before, cl in zip([None, *clusters], clusters, strict=False):
        _date_after_previous(doc, cl, before)
        if cl.place is None and before is not None and before.place is not None:
            sent = doc.sentences[cl.head.sentence]
            if _SAME_PLACE.search(doc.folded, sent.start, sent.end):  # "dans ce même village"
                cl.place = before.place
        own = {c.sentence for c in cl.members}
        if (
            cl.place is None
            and dateline is not None
            and occurrence_kind(cl.head) != "violent"
            and (first_place is None or first_place.sentence not in own)
        ):
            # "BAMAKO — La junte a annoncé la fin de l'accord signé en 2015 à Alger": a statement that names
            # no place of its own was made where the report was filed, not at a place another sentence names
            cl.place = (dateline.value, dateline)
        if cl.place is None and first_place is not None and (len(clusters) == 1 or first_place.sentence == 0):
            cl.place = (first_place.value, first_place)
        if cl.place is None and dateline is not None and _dateline_tells_place(doc, cl):
            cl.place = (dateline.value, dateline)
        if cl.date is None and first_date is not None and len(clusters) == 1:
            date, precision = first_date.value
            cl.date = (date, int(precision), first_date)
        if cl.date is None and before is not None and _goes_on(doc, cl, before):
            cl.date = before.date  # "Others were killed elsewhere in Gorgadji department": the same days


def _date_after_previous(doc: Doc, cl: Cluster, before: Cluster | None) -> None:
    """ "In a separate attack the same day", "le lendemain", "la veille": an undated sentence dated by the one
    before."""
    undated = cl.date is None or cl.date[2] is None
    # "La veille, ..." opening a sentence: the eve of the day just told, not of the report's
    eve = cl.date is not None and cl.date[2] is not None and fold(cl.date[2].text) in _EVE_WORDS
    if not (undated or eve) or before is None or before.date is None or before.date[2] is None:
        return
    sent = doc.sentences[cl.head.sentence]
    told = _SAME_DAY.search(doc.folded, sent.start, sent.end)
    if told is None:
        return
    date, precision, _ = before.date
    day = date + dt.timedelta(days=int(told.group(2) is not None) - int(told.group(3) is not None))
    text = doc.text[told.start() : told.end()]
    rule = "date:after-previous-event"
    mention = Mention("date", told.start(), told.end(), text, (day, precision), sent.index, rule)
    cl.date = (day, precision, mention)


def _goes_on(doc: Doc, cl: Cluster, before: Cluster) -> bool:
    """An undated sentence that tells more of the same spree ("Others were killed elsewhere", "D'autres
    villages ont également été attaqués") after a dated occurrence of the same kind."""
    if before.date is None or before.date[2] is None or before.historical is not None:
        return False
    sent = doc.sentences[cl.head.sentence]
    return occurrence_kind(cl.head) == occurrence_kind(before.head) and bool(
        _MORE_OF_IT.search(doc.folded, sent.start, sent.end)
    )


_MORE_OF_IT = re.compile(
    r"\b(?:others? were|elsewhere|also (?:killed|attacked)|were also|was also|d autres|ailleurs|"
    r"egalement (?:ete )?(?:tue|attaque)|ont egalement|a egalement)\b"
)


def _names_the_attack_told(doc: Doc, cl: Cluster) -> bool:
    """ "Paris a condamné l'attaque", "No group has claimed the attack", "said the killings were part of a
    pattern of executions": a sentence with no date, place or doer of its own whose first violent word is
    "the attack" or "the killings" speaks of what was just told."""
    if cl.historical is not None or (cl.date is not None and cl.date[2] is not None) or cl.place is not None:
        return False
    cues = [c for cand in cl.members for c in cand.cues if str(c.value) in ("attack", "kill", "clash")]
    if not cues or any(cand.actor1 is not None for cand in cl.members):
        return False
    first = min(cues, key=lambda c: c.start)
    opening = (doc.folded, max(0, first.start - 12), first.end)
    if _THE_KILLINGS.fullmatch(*opening):
        return True  # the other violent words describe them
    return len(cues) == 1 and _THE_ATTACK.fullmatch(*opening) is not None


def _comments_on_it(doc: Doc, cl: Cluster) -> bool:
    """ "Cette attaque survient le jour même du sommet...", "The attack came two days after...": a sentence
    that opens on the attack just told to set it in time or context, whatever places and days it names."""
    sent = doc.sentences[cl.head.sentence]
    return (
        len(cl.members) == 1
        and not cl.head.counts  # "The ambush came days after ...: three police officers were killed"
        and _COMMENT.match(doc.folded, sent.start) is not None
        and not _ANOTHER_TOLD.search(doc.folded, sent.start, sent.end)
    )


_ANOTHER_TOLD = re.compile(
    r"\b(?:another|other|previous|earlier|the one|autre|autres|precedente?|derniere?|celle|celles|celui)\b"
)


_COMMENT = re.compile(
    r"\s*(?:cette|l|this|the|that)\s*(?:attaque|attack|assaut|assault|embuscade|ambush|attentat|raid|tuerie|massacre)"
    r"\s+(?:survient|intervient|arrive|comes|came|follows|followed|marks|marked|is the|was the|est la|est le|"
    r"constitue|took place|happened)\b"
)


_THE_ATTACK = re.compile(r".*\b(?:l|cette|the|this|that)\s*(?:attaque|attack|assaut|assault)")
_THE_KILLINGS = re.compile(r".*\b(?:the|these|those|ces|les)\s+(?:killings|meurtres|tueries|executions)")


def _that_day(doc: Doc, cl: Cluster, before: Cluster) -> bool:
    """ "Ce jour-là", "on that day": an undated sentence that goes back to the day just told tells more of
    the same occurrence (not "that same day", which introduces another)."""
    sent = doc.sentences[cl.head.sentence]
    return (
        (cl.date is None or cl.date[2] is None)
        and before.date is not None
        and _THAT_DAY.search(doc.folded, sent.start, sent.end) is not None
        and occurrence_kind(cl.head) == occurrence_kind(before.head)
    )


_THAT_DAY = re.compile(
    r"\b(?:ce jour la|ce jour-la|(?:on )?that day(?! too)|that night|cette nuit la|at the time|a l epoque)\b"
)


def _dateline_tells_place(doc: Doc, cl: Cluster) -> bool:
    """ "NIAMEY — Des militaires ont annoncé avoir renversé le président", "BAMAKO — unrest in the capital":
    a statement, protest or coup told with no place happened where the report was filed; fighting told
    with no place did not."""
    return occurrence_kind(cl.head) != "violent" or bool(_CAPITAL.search(doc.folded))


_CAPITAL = re.compile(r"\b(?:in the capital|dans la capitale|a la capitale|the capital s)\b")
_SAME_PLACE = re.compile(
    r"\b(?:(?:ce|cette)\s+meme\s+(?:village|localite|ville|commune|zone|secteur)|"
    r"(?:the\s+)?same\s+(?:village|town|locality|area|place))\b"
)
_SAME_DAY = re.compile(
    r"\b(?:(the same day|that same day|le meme jour|ce meme jour|le jour meme|earlier that day|"
    r"(?:that|the) same (?:evening|night)|le meme soir|la meme nuit|ce meme soir|"
    r"(?:a few|several) hours earlier|(?:quelques|plusieurs) heures plus tot|plus tot dans la journee)|"
    r"(the next day|the following day|le lendemain|le jour suivant)|"
    r"(" + "|".join(_EVE_WORDS) + r"))\b"
)


def participant_evidence(doc: Doc, field_name: str, p: Participant) -> Evidence:
    return doc.evidence(field_name, p.mention)

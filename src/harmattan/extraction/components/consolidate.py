"""From candidates to events: date and place per candidate, merging the sentences that report the
same occurrence, background detection, fatalities, confidence and evidence for every field."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from harmattan.extraction.components.events import Candidate, Participant
from harmattan.extraction.components.places import headline_place
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import load_taxonomy
from harmattan.extraction.pipeline import Component, register
from harmattan.records import Evidence
from harmattan.regions.geo import haversine_km
from harmattan.regions.text import fold

_VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


@dataclass
class Cluster:
    """Candidates (sentences) that report one occurrence."""

    members: list[Candidate]
    date: tuple[dt.date, int, Mention | None] | None = None
    place: tuple[Any, Mention] | None = None
    historical: Mention | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def head(self) -> Candidate:
        return self.members[0]


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
            cl.date = _nearest_date(doc, cand)
            cl.place = _nearest_place(doc, cand)
            # a background cue counts when it leads the sentence's trigger ("Depuis 2015, ... ont fait"),
            # not when it trails a new event ("..., the worst since 2019")
            cl.historical = next(
                (
                    m
                    for m in doc.of_kind("hist", cand.sentence)
                    if m.start < cand.trigger.start or cl.place is None
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
            year = None if cl.historical else _past_year(doc, cand)
            if year is not None:  # dated by its year, not by the report's "mercredi"
                cl.historical = year
                cl.date = (dt.date(int(year.value), 1, 1), 3, year)
            clusters.append(cl)
        doc.user_data["clusters"] = clusters
        return doc


def _past_year(doc: Doc, cand: Candidate) -> Mention | None:
    """ "pour complicité dans l'assassinat de Thomas Sankara en 1987", "the 2012 massacre": the act is
    dated by a year at least two years before the report, so it is background."""
    if doc.published is None:
        return None
    sent = doc.sentences[cand.sentence]
    end = min(sent.end, cand.trigger.end + 60)
    for found in _YEAR_OF_ACT.finditer(doc.folded, max(sent.start, cand.trigger.start - 12), end):
        year = int(found.group(1) or found.group(2))
        if year <= doc.published.year - 2:
            start, stop = found.span(1) if found.group(1) else found.span(2)
            return Mention("hist", start, stop, doc.text[start:stop], year, cand.sentence, "hist:past-year")
    return None


_YEAR_OF_ACT = re.compile(r"\b(?:en|in)\s+((?:19|20)\d\d)\b|\bthe\s+((?:19|20)\d\d)\s+\w+$")


def _nearest_date(doc: Doc, cand: Candidate) -> tuple[dt.date, int, Mention | None] | None:
    dates = [cand.date] if cand.date is not None else doc.of_kind("date", cand.sentence)
    if not dates:
        return None
    # a day beats a month the sentence names in passing ("lifted on Saturday the sanctions imposed after the
    # July coup"), unless the day only dates the report
    best = min(dates, key=lambda m: (_reported(doc, m), m.value[1] >= 3, abs(m.start - cand.trigger.start)))
    best = _range_start(doc, best, dates)
    date, precision = best.value
    if _dateline_date(doc, best) or _toll_date(doc, best):
        # "OUAGADOUGOU, April 2 -", "the toll rose to 160 dead on Sunday": the report's day, as if undated
        return date, int(precision), None
    return date, int(precision), best


_RANGE_GAP = re.compile(r"\s*(?:to|a|au|and|et|-)\s*(?:the\s+)?")


def _range_start(doc: Doc, best: Mention, dates: list[Mention]) -> Mention:
    """ "overnight from Friday to Saturday", "dans la nuit de dimanche à lundi": a span is dated by the
    day it began (ACLED's convention)."""
    for m in dates:
        spans = m.end <= best.start and _RANGE_GAP.fullmatch(doc.folded, m.end, best.start)
        if spans and m.value[0] < best.value[0]:
            return m
    return best


def _dateline_date(doc: Doc, m: Mention) -> bool:
    """ "OUAGADOUGOU, Jan 16 (AFP) —": the date of the report, not of what it tells."""
    line_start = doc.text.rfind("\n", 0, m.start) + 1
    return bool(
        _DATELINE_BEFORE.fullmatch(doc.text, line_start, m.start) and _DATELINE_AFTER.match(doc.text, m.end)
    )


def _toll_date(doc: Doc, m: Mention) -> bool:
    """ "the toll rose to 160 dead on Sunday": the day of the count, not of the killing."""
    return bool(_TOLL_ROSE.search(doc.folded, max(0, m.start - 40), m.start))


def _reported(doc: Doc, m: Mention) -> bool:
    """A date just after a verb of saying ("said on Monday", "a annoncé lundi"), or in a dateline
    ("OUAGADOUGOU, Jan 16 (AFP) —"), dates the report."""
    if _dateline_date(doc, m):
        return True
    if _toll_date(doc, m):
        return True
    words = doc.folded[max(0, m.start - 25) : m.start].split()
    if words and words[-1] in ("on", "le"):
        words = words[:-1]
    return bool(words) and words[-1].strip(",") in _reporting_verbs()


_TOLL_ROSE = re.compile(
    r"\b(?:rose|risen|climbed|raised|reached|passe|grimpe|atteint|porte)\s+(?:to\s+|a\s+)?\d+\s+"
    r"(?:dead|deaths|killed|morts|tues)\s+(?:on\s+|le\s+)?$"
)
_DATELINE_BEFORE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý' .-]{2,30},\s*")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,30}\))?\s*[—–-]")


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    data = load_taxonomy("dates")["reporting_verbs"]
    return frozenset(fold(w) for lang in ("en", "fr") for w in data[lang])


_DESTINATION = re.compile(
    r"\b(?:vers|towards?|bound for|headed for|heading for|heading to|en route (?:to|for)|en direction de|"
    r"a destination de|fled to|fleeing to|evacuated to|pris la route de|fui vers|fuient vers|refugies a|"
    r"took refuge in|sought refuge in|displaced to)\s+(?:(?:the|la|le|l)\s+)?$"
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
    # a town beats a region; then the one nearest the trigger
    best = min(
        places,
        key=lambda m: (
            # "le retrait exigé par le régime de Niamey": a capital that stands for its rulers
            bool(_RULERS_OF.search(doc.folded[max(0, m.start - 30) : m.start])),
            # "around Kain, Banh and Bomboro": a list's homonym abroad loses to the report's country
            doc.country is not None and m.value.place.country != doc.country,
            m.value.place.kind in ("admin1", "admin2"),
            # "Diffa : 26 soldats tués dans l'attaque de Bosso": of two towns, the headline's label names
            # the area
            headline_place(doc, m.start, m.end),
            m.value.precision,
            abs(m.start - cand.trigger.start),
        ),
    )
    return best.value, best


@register
class Consolidate(Component):
    """Merge clusters that report the same occurrence and build the output events."""

    name = "consolidate"
    requires = ("clusters",)
    provides = ("events",)
    defaults = {"emit_historical": True, "count_neutralised": True, "mass_killing_min": 20}

    def __call__(self, doc: Doc) -> Doc:
        merged: list[Cluster] = []
        for cl in doc.user_data.get("clusters", []):
            # only recent clusters: one occurrence is told in neighbouring sentences (and this stays linear)
            target = None
            if not _told_apart(doc, cl):
                target = next((m for m in reversed(merged[-4:]) if _compatible(m, cl, doc)), None)
                if target is None and merged and _outcome_only(cl) and _takes_outcome(merged[-1], cl):
                    target = merged[-1]  # "More than 300 people were wounded": the toll of what was told
            if target is None:
                merged.append(cl)
            else:
                _absorb(doc, target, cl)
        merged = _fold_side_acts(merged)
        merged = _fold_coup_arrests(merged)
        merged = _fold_protest_deaths(doc, merged)
        _inherit(doc, merged)
        from harmattan.extraction.components.build import build_event

        for cl in merged:
            if cl.historical is not None and not self.settings["emit_historical"]:
                continue
            doc.events.append(
                build_event(
                    doc,
                    cl,
                    self.resources,
                    bool(self.settings["count_neutralised"]),
                    int(self.settings["mass_killing_min"]),
                )
            )
        return doc


#: cues that tell only what an occurrence did to people, not an act of its own
_OUTCOME_CUES = frozenset({"kill", "wound"})


def _outcome_only(cl: Cluster) -> bool:
    """ "More than 300 people were wounded, according to officials", "La France a condamné ces violences":
    a sentence with no date, place or named doer of its own that only tells an outcome."""
    return (
        cl.historical is None
        and (cl.date is None or cl.date[2] is None)
        and cl.place is None
        and all(
            c.actor1 is None
            and c.rule.get("name") in ("attack-unknown-target", "attack-civilians")
            and c.cue_names <= _OUTCOME_CUES | {"attack"}
            for c in cl.members
        )
    )


def _takes_outcome(before: Cluster, cl: Cluster) -> bool:
    """The occurrence told just before takes an outcome sentence, except a protest's deaths, which
    :func:`_fold_protest_deaths` turns into an excessive use of force."""
    protest = before.head.rule.get("name") in _PROTEST_RULES
    return before.historical is None and not (protest and _lethal(cl))


def _told_apart(doc: Doc, cl: Cluster) -> bool:
    """ "In a separate attack the same day...", "Dans une autre attaque...": the report says this is
    another occurrence, even with no place to tell the two apart."""
    sent = doc.sentences[cl.head.sentence]
    return bool(_ANOTHER.search(doc.folded, sent.start, sent.end))


_ANOTHER = re.compile(
    r"\b(?:in|during)\s+(?:a|an)\s+(?:separate|second|other|another|different)\s+(?:attack|incident|raid|ambush)|"
    r"\banother\s+(?:attack|incident|raid|ambush)\b|"
    r"\b(?:dans|lors d)\s+une\s+(?:autre|seconde|deuxieme)\s+(?:attaque|embuscade|incursion)|"
    r"\bune\s+attaque\s+distincte\b|\bdans\s+une\s+attaque\s+separee\b"
)


def _fold_side_acts(clusters: list[Cluster]) -> list[Cluster]:
    """ "Huit civils ont été tués... Les assaillants ont également emporté du bétail", "près de 800
    habitations incendiées": looting and burning told around an attack are part of it (its tactics), not a
    strategic development of their own."""
    violent = [c for c in clusters if _kind(c.head) == "violent" and c.historical is None and _lethal(c)]
    out: list[Cluster] = []
    for cl in clusters:
        side = cl.head.rule.get("sub_event_type") == _SIDE_ACT and cl.historical is None
        target = next((v for v in violent if _same_occurrence(v, cl)), None) if side and violent else None
        if target is None:
            out.append(cl)
        else:
            target.members.extend(cl.members)
    return out


_SIDE_ACT = "Looting/property destruction"


def _fold_coup_arrests(clusters: list[Cluster]) -> list[Cluster]:
    """ "Des militaires mutins ont pris le pouvoir... Plusieurs ministres ont été arrêtés à Bamako": the
    detentions are the coup's (gold/GUIDE.md: a coup in which leaders are detained is an arrest event)."""
    coups = [c for c in clusters if c.head.rule.get("name") == "coup" and c.historical is None]
    if not coups:
        return clusters
    out: list[Cluster] = []
    for cl in clusters:
        arrest = cl.head.rule.get("sub_event_type") == "Arrests" and cl.historical is None
        target = next((c for c in coups if c is not cl and _same_days(c, cl)), None) if arrest else None
        if target is None:
            out.append(cl)
        else:
            target.members.extend(cl.members)
    return out


_LIVE_FIRE = re.compile(r"\b(?:live (?:rounds|ammunition|fire)|balles reelles|fired on|fired at|tire sur)\b")
_PROTEST_RULES = ("protest", "protest-intervention", "protest-deaths-dispersed", "excessive-force")
_DEATHS_ONLY = ("attack-unknown-target", "attack-civilians")


def _fold_protest_deaths(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """ "Security forces fired tear gas at protesters... The government said six people were killed": deaths
    told beside a protest, with no one else named as their killer, are the protest's, and lethal force
    makes it an excessive use of force (gold/GUIDE.md)."""
    protests = [c for c in clusters if c.head.rule.get("name") in _PROTEST_RULES and c.historical is None]
    if not protests:
        return clusters
    out: list[Cluster] = []
    for cl in clusters:
        target = None
        if _unattributed_deaths(cl):
            target = next((p for p in protests if _same_occurrence(p, cl)), None)
        if target is None:
            out.append(cl)
            continue
        # the deaths' sentence names no party ("six people were killed"): the protest's parties are theirs;
        # shooting told makes it excessive force, a crowd only dispersed an intervention with deaths
        shot = any("attack" in c.cue_names for c in [*target.members, *cl.members]) or bool(
            _LIVE_FIRE.search(doc.folded)
        )
        head, force = target.head, _protest_rule("excessive-force" if shot else "protest-intervention")
        target.members.extend(
            replace(
                c, rule=force, actor1=head.actor1, actor2=head.actor2, assoc1=head.assoc1, assoc2=head.assoc2
            )
            for c in cl.members
        )
    return out


def _unattributed_deaths(cl: Cluster) -> bool:
    return (
        cl.historical is None
        and _lethal(cl)
        and all(c.rule.get("name") in _DEATHS_ONLY and c.actor1 is None for c in cl.members)
    )


@lru_cache(maxsize=4)
def _protest_rule(name: str) -> dict[str, Any]:
    rules = load_taxonomy("rules")["rules"]
    return next({**r, "_order": i} for i, r in enumerate(rules) if r["name"] == name)


def _same_days(a: Cluster, b: Cluster) -> bool:
    dated = a.date is not None and b.date is not None and a.date[2] is not None and b.date[2] is not None
    return not (dated and a.date is not None and b.date is not None and abs((a.date[0] - b.date[0]).days) > 1)


def _lethal(cl: Cluster) -> bool:
    return any(n > 0 for c in cl.members for n, _, _ in c.counts.get("killed", []))


def _same_occurrence(a: Cluster, b: Cluster) -> bool:
    if a.place and b.place and not _same_place(a.place[0].place, b.place[0].place):
        return False
    return _same_days(a, b)


def _kind(cand: Candidate) -> str:
    if cand.companion:
        return f"companion:{cand.rule['sub_event_type']}"
    etype = str(cand.rule["event_type"])
    return "violent" if etype in _VIOLENT_TYPES else etype


def _compatible(a: Cluster, b: Cluster, doc: Doc) -> bool:
    if _kind(a.head) != _kind(b.head) or (a.historical is None) != (b.historical is None):
        return False
    # "six civils tués à Dambatao. Des hommes armés ont fait irruption samedi dans ce village de la commune de
    # Banh": an undated headline and the body telling it name nearby places
    if (
        a.place
        and b.place
        and not _same_place(a.place[0].place, b.place[0].place)
        and not (_undated_headline(a, doc) and _near(a.place[0].place, b.place[0].place, _HEADLINE_REACH_KM))
    ):
        return False
    both_dated = a.date is not None and b.date is not None and a.date[2] is not None and b.date[2] is not None
    if not both_dated or a.date is None or b.date is None:
        return True
    if max(a.date[1], b.date[1]) >= 3:
        return True  # a month says too little to tell two occurrences apart
    # days apart by more than a day beyond what each date covers ("les 10 et 11 septembre" and "dimanche" 13)
    (a0, a1), (b0, b1) = _days(a.date), _days(b.date)
    return (b0 - a1).days <= 1 and (a0 - b1).days <= 1


_DAY_SPAN = re.compile(r"(\d{1,2})\D+?(\d{1,2})")


def _days(date: tuple[dt.date, int, Mention | None]) -> tuple[dt.date, dt.date]:
    """The first and last day a date may mean: one day; a span's days ("du 18 au 24 octobre"); a week."""
    day, precision, mention = date
    if precision == 1:
        return day, day
    span = _DAY_SPAN.search(mention.text) if mention is not None else None
    if span is not None and 0 < int(span.group(2)) - int(span.group(1)) <= 7:
        return day, day + dt.timedelta(days=int(span.group(2)) - int(span.group(1)))
    return day, day + dt.timedelta(days=6)


_HEADLINE_REACH_KM = 40.0


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


def _near(p: Any, q: Any, km: float) -> bool:
    if None in (p.latitude, q.latitude, p.longitude, q.longitude):
        return False
    return haversine_km(float(p.latitude), float(p.longitude), float(q.latitude), float(q.longitude)) <= km


def _same_place(p: Any, q: Any) -> bool:
    if p.id == q.id:
        return True
    # a region and a town inside it, or a district and a town inside it, are one place for merging
    areas = {p.kind, q.kind} & {"admin1", "admin2"}
    if not areas:
        return False
    if p.name in (q.admin1, q.admin2) or q.name in (p.admin1, p.admin2):
        return True
    # a headline's area under a former name ("Boucle du Mouhoun :", "Loroum :") and a town of it: the
    # gazetteer files towns under today's areas, so the area's seat being near the town has to do
    reach = _AREA_REACH_KM["admin1" if "admin1" in areas else "admin2"]
    return p.country == q.country and _near(p, q, reach)


#: How far from its seat a town may lie and still be inside a region or a province (Sahel countries).
_AREA_REACH_KM = {"admin1": 150.0, "admin2": 70.0}


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
            and _reported(doc, target.date[2])
            and not _reported(doc, cl.date[2])
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
        undated = cl.date is None or cl.date[2] is None
        if undated and before is not None and before.date is not None and before.date[2] is not None:
            sent = doc.sentences[cl.head.sentence]
            told = _SAME_DAY.search(doc.folded, sent.start, sent.end)
            if told is not None:  # "In a separate attack the same day", "le lendemain"
                date, precision, _ = before.date
                day = date + dt.timedelta(days=int(told.group(2) is not None))
                text = doc.text[told.start() : told.end()]
                rule = "date:after-previous-event"
                cl.date = (
                    day,
                    precision,
                    Mention("date", told.start(), told.end(), text, (day, precision), cl.head.sentence, rule),
                )
        if cl.place is None and before is not None and before.place is not None:
            sent = doc.sentences[cl.head.sentence]
            if _SAME_PLACE.search(doc.folded, sent.start, sent.end):  # "dans ce même village"
                cl.place = before.place
        if cl.place is None and first_place is not None and (len(clusters) == 1 or first_place.sentence == 0):
            cl.place = (first_place.value, first_place)
        if cl.place is None and dateline is not None and _dateline_tells_place(doc, cl):
            cl.place = (dateline.value, dateline)
        if cl.date is None and first_date is not None and len(clusters) == 1:
            date, precision = first_date.value
            cl.date = (date, int(precision), first_date)


def _dateline_tells_place(doc: Doc, cl: Cluster) -> bool:
    """ "NIAMEY — Des militaires ont annoncé avoir renversé le président", "BAMAKO — unrest in the capital":
    a statement, protest or coup told with no place happened where the report was filed; fighting told
    with no place did not."""
    return _kind(cl.head) != "violent" or bool(_CAPITAL.search(doc.folded))


_CAPITAL = re.compile(r"\b(?:in the capital|dans la capitale|a la capitale|the capital s)\b")
_SAME_PLACE = re.compile(
    r"\b(?:(?:ce|cette)\s+meme\s+(?:village|localite|ville|commune|zone|secteur)|"
    r"(?:the\s+)?same\s+(?:village|town|locality|area|place))\b"
)
_SAME_DAY = re.compile(
    r"\b(?:(the same day|that same day|le meme jour|ce meme jour|le jour meme)|"
    r"(the next day|the following day|le lendemain|le jour suivant))\b"
)


def participant_evidence(doc: Doc, field_name: str, p: Participant) -> Evidence:
    return doc.evidence(field_name, p.mention)

"""Which day a sentence tells: the date nearest its trigger, a span by the day it began, and what only
dates the report (a dateline, a verb of saying, a toll's update); a past year that makes an act
background; the days a date may cover when two sentences are compared."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from harmattan.extraction.components.events import Candidate
from harmattan.extraction.components.place_words import line_start
from harmattan.extraction.components.wording import claim_sentences
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import load_taxonomy
from harmattan.regions.text import fold


def past_year(doc: Doc, cand: Candidate) -> Mention | None:
    """ "pour complicité dans l'assassinat de Thomas Sankara en 1987", "the 2012 massacre": the act is
    dated by a year at least two years before the report, so it is background."""
    if doc.published is None:
        return None
    sent = doc.sentences[cand.sentence]
    end = min(sent.end, cand.trigger.end + 60)
    # "in 2012, when fighting broke out": the year may lead the clause that tells the act
    for found in _YEAR_OF_ACT.finditer(doc.folded, max(sent.start, cand.trigger.start - 20), end):
        year = int(found.group(1) or found.group(2))
        if year <= doc.published.year - 2:
            start, stop = found.span(1) if found.group(1) else found.span(2)
            return Mention("hist", start, stop, doc.text[start:stop], year, cand.sentence, "hist:past-year")
    return None


# "en 1987", "in December 1944", "the 2012 massacre"
_YEAR_OF_ACT = re.compile(r"\b(?:en|in)\s+(?:[a-z]+\s+)?((?:19|20)\d\d)\b|\bthe\s+((?:19|20)\d\d)\s+\w+$")


def nearest_date(doc: Doc, cand: Candidate) -> tuple[dt.date, int, Mention | None] | None:
    """The date the candidate's sentence names nearest its trigger, with no mention when it only dates the
    report."""
    dates = [cand.date] if cand.date is not None else doc.of_kind("date", cand.sentence)
    if not dates:
        return None
    # a day beats a month the sentence names in passing ("lifted on Saturday the sanctions imposed after the
    # July coup"), unless the day only dates the report
    best = min(
        dates,
        key=lambda m: (
            _of_another_act(doc, m, cand),
            reported(doc, m),
            m.value[1] >= 3,
            abs(m.start - cand.trigger.start),
        ),
    )
    best = _range_start(doc, best, dates)
    date, precision = best.value
    if _dateline_date(doc, best) or _toll_date(doc, best):
        # "OUAGADOUGOU, April 2 -", "the toll rose to 160 dead on Sunday": the report's day, as if undated
        return date, int(precision), None
    return date, int(precision), best


def _of_another_act(doc: Doc, m: Mention, cand: Candidate) -> bool:
    """ "following last month's military takeover", "after Sunday's attack": the day of what the act
    answers, not of the act."""
    signing = cand.rule.get("sub_event_type") == "Agreement"
    if not signing and _SIGNED_ON.search(doc.folded, max(0, m.start - 25), m.start):
        return True  # "suspend le traité ... conclu le 8 octobre 2002": the day the suspended one was signed
    return bool(
        _POSSESSIVE_AFTER.match(doc.text, m.end)
        and _ANSWERS_BEFORE.search(doc.folded, max(0, m.start - 25), m.start)
    )


_SIGNED_ON = re.compile(
    r"\b(?:conclue?s?|signee?s?|signed|concluded|adoptee?s?|adopted|ratifiee?s?|ratified)\s+(?:le\s+|on\s+|in\s+|en\s+)?$"
)
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_ANSWERS_BEFORE = re.compile(r"\b(?:following|after|since|in the wake of|in response to|over)\s+(?:the\s+)?$")
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
    start = line_start(doc.text, m.start)  # a dateline's place is a few words long: no need to look far back
    return bool(
        _DATELINE_BEFORE.fullmatch(doc.text, start, m.start) and _DATELINE_AFTER.match(doc.text, m.end)
    )


def _toll_date(doc: Doc, m: Mention) -> bool:
    """ "the toll rose to 160 dead on Sunday", "the government on Saturday raised the toll", "a porté
    dimanche le bilan à 132", "declared three days of mourning on Friday", "IS claimed the attack on
    Wednesday": the day of the count, of the mourning or of the claim, not of the killing."""
    sent = doc.sentences[m.sentence]
    return bool(
        _TOLL_ROSE.search(doc.folded, max(0, m.start - 40), m.start)
        or _CLAIMED_ON.search(doc.folded, max(sent.start, m.start - 50), m.start)
        or (
            _RELEASED_ON.search(doc.folded, max(sent.start, m.start - 20), m.start)
            and m.sentence in claim_sentences(doc)
        )
        or _TOLL_AFTER.match(doc.folded, m.end)
        or (_LEADS.fullmatch(doc.folded, sent.start, m.start) and _CLAIMED_AFTER.match(doc.folded, m.end))
        or _MOURNING.search(doc.folded[max(sent.start, m.start - 40) : min(sent.end, m.end + 25)])
    )


def reported(doc: Doc, m: Mention) -> bool:
    """A date just after a verb of saying ("said on Monday", "a annoncé lundi", "said in a statement on
    Sunday"), or in a dateline ("OUAGADOUGOU, Jan 16 (AFP) —"), dates the report."""
    if _dateline_date(doc, m):
        return True
    if _toll_date(doc, m):
        return True
    statement = _IN_A_STATEMENT.search(doc.folded, max(0, m.start - 60), m.start)
    # "the ministry said in a statement on Sunday": the verb of saying before the statement
    end = statement.start() if statement else m.start
    words = doc.folded[max(0, end - 25) : end].split()
    if words and words[-1] in ("on", "le"):
        words = words[:-1]
    if bool(words) and words[-1].strip(",") in _reporting_verbs():
        return True
    # "Security monitors on Wednesday reported an incursion ... on Tuesday": the subject's day of saying
    after = doc.folded[m.end : m.end + 25].split()
    return bool(after) and after[0].strip(",") in _reporting_verbs()


_IN_A_STATEMENT = re.compile(
    r"\s(?:in|dans)\s+(?:a|an|un|une|its|his|her|their|son|sa|leur)\s+(?:[\w-]+\s+)?"
    # not "in an interview", where a leader announces what the report is about
    r"(?:statement|communique|press release)\s+(?:on\s+|le\s+)?$"
)
_TOLL_ROSE = re.compile(
    r"\b(?:rose|risen|climbed|raised|reached|passe|grimpe|atteint|porte)\s+(?:to\s+|a\s+)?\d+\s+"
    r"(?:dead|deaths|killed|morts|tues)\s+(?:on\s+|le\s+)?$"
)
_TOLL_AFTER = re.compile(
    r"\s*,?\s*(?:(?:raised|lowered|revised|updated|put)\s+(?:the|its|a)\s+(?:\w+\s+)?toll\b"
    r"|(?:le|son)\s+bilan\b)"
)
_CLAIMED_ON = re.compile(
    r"\b(?:claimed|claims|revendique|revendiquee?s?|blamed|attribue|impute)(?:\s+(?:responsibility|responsabilite|the|this|"
    r"these|that|l|la|les|ces|cette|attack|attacks|attaque|attaques|assault|assaut|ambush|embuscade|raid|"
    r"bombing|attentat|killing|killings|abduction|kidnapping|enlevement|operation))*\s+(?:on\s+|le\s+)?$"
)
# "in an audio message released on Tuesday", "dans une vidéo diffusée mardi": the day of the message
_RELEASED_ON = re.compile(
    r"\b(?:released|issued|posted|published|diffusee?s?|publiee?s?)\s+(?:on\s+|le\s+)?$"
)
_LEADS = re.compile(r"\s*(?:on|le)?\s*")
_CLAIMED_AFTER = re.compile(r"\s*,?\s*(?:[\w-]+\s+){0,5}(?:claimed|a revendique|ont revendique)\b")
_MOURNING = re.compile(r"\b(?:mourning|deuil)\b")
_DATELINE_BEFORE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý' .-]{2,30},\s*")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,30}\))?\s*[—–-]")


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    data = load_taxonomy("dates")["reporting_verbs"]
    return frozenset(fold(w) for lang in ("en", "fr") for w in data[lang])


_DAY_SPAN = re.compile(r"(\d{1,2})\D+?(\d{1,2})")


def days_covered(date: tuple[dt.date, int, Mention | None]) -> tuple[dt.date, dt.date]:
    """The first and last day a date may mean: one day; a span's days ("du 18 au 24 octobre"); a week."""
    day, precision, mention = date
    if precision == 1:
        return day, day
    span = _DAY_SPAN.search(mention.text) if mention is not None else None
    if span is not None and 0 < int(span.group(2)) - int(span.group(1)) <= 7:
        return day, day + dt.timedelta(days=int(span.group(2)) - int(span.group(1)))
    return day, day + dt.timedelta(days=6)

"""One victim named by a singular noun ("shot dead a pupil", "killing the pastor and five other people",
"the prefect of Oursi was shot dead"): a count of one that no digit or number word states."""

from __future__ import annotations

import re
from functools import lru_cache

from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import lang_terms, load_taxonomy
from harmattan.regions.text import fold

_DET = r"(?:the|a|an|one|its|his|their|le|la|l|un|une|son|sa|leur|du|de la|de l)"  # "la mort du sergent"


@lru_cache(maxsize=1)
def _nouns() -> str:
    words = sorted({fold(w) for _, w in lang_terms(load_taxonomy("quantities")["one_person"])}, key=len)
    return "|".join(re.escape(w) for w in reversed(words))


@lru_cache(maxsize=1)
def _after() -> re.Pattern[str]:
    # right after the verb: "shot dead a pupil", "killing the village chief"
    return re.compile(rf"\s+{_DET}\s+(?:\w+\s+)?({_nouns()})\b(?!\s+(?:of|de|du|des)\s+(?:the\s+)?\w+s\b)")


@lru_cache(maxsize=1)
def _subject() -> re.Pattern[str]:
    # the sentence's subject, then a passive verb: "The prefect of Oursi ... was shot dead"
    return re.compile(rf"\W*{_DET}\s+(?:[\w-]+\s+){{0,2}}?({_nouns()})\b")


@lru_cache(maxsize=2)
def _noun_next(modifiers: int) -> re.Pattern[str]:
    return re.compile(rf"\s+(?:[\w-]+\s+){{0,{modifiers}}}(?:{_nouns()})\b")


def one_person_noun_at(doc: Doc, at: int, modifiers: int = 0) -> bool:
    """Whether a noun for one person starts right at ``at`` ("one person"), or after up to ``modifiers``
    words ("an Irish conservationist")."""
    return _noun_next(modifiers).match(doc.folded, at, min(len(doc.folded), at + 60)) is not None


def _subject_start(doc: Doc, start: int, end: int) -> int:
    """Where the subject starts: after a headline label ("Bam : un volontaire ... a été tué")."""
    label = _LABEL.match(doc.text, start, end)  # matches the empty string at worst
    return start + (label.end() - label.start() if label else 0)


@lru_cache(maxsize=1)
def _right_before() -> re.Pattern[str]:
    return re.compile(rf"\b({_nouns()})\s+$")


# "Father Rodrigue Sanon, who disappeared ..., was found dead": a person named as the subject
_NAMED_SUBJECT = re.compile(
    r"(?:(?:Father|Fr\.|Mr\.?|Mrs\.?|Dr\.?|Sheikh|Imam|Pastor|Abbé|Le père|Le pasteur|L'imam|M\.|Mme)\s+)?"
    r"((?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}[A-ZÀ-Ý][\w'’-]+)"
    r"(?=\s*,|\s+(?:was|has been|had been|died|a été|est mort|est décédé))"
)
# "died", "est mort", "a succombé": a death told with no passive
_INTRANSITIVE = frozenset(
    {
        "died",
        "dies",
        "mort",
        "morte",
        "est mort",
        "est morte",
        "decede",
        "est decede",
        "succombe",
        "a succombe",
    }
)
_NAME_THEN_COMMA = re.compile(r"\s+((?:[A-ZÀ-Ý][\w'’-]+\s+){0,3}[A-ZÀ-Ý][\w'’-]+)\s*,\s+")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|has been|had been|a ete|avait ete|aurait ete)\s+(?:\w+\s+){0,2}$")
# "... and one of his bodyguards was killed", "l'un des gardes a été tué": one of a group, told alone
_ONE_OF = re.compile(
    r"\b(?P<one>one|l un|l une)\s+(?:of|des|d)\s+(?:(?:the|his|her|their|its|ses|leurs|ces)\s+)?"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:was|has been|had been|a ete|avait ete)\s+(?:\w+\s+)?$"
)


_NOUN_CUES = frozenset(
    {
        "casualties",
        "casualty",
        "deaths",
        "death",
        "fatalities",
        "victims",
        "victimes",
        "pertes",
        "toll",
        "bilan",
    }
)


def one_victim(doc: Doc, cue: Mention) -> Mention | None:
    """The singular noun the killing verb applies to, as a count of one; ``None`` if there is none."""
    after = _after().match(doc.folded, cue.end, min(len(doc.folded), cue.end + 40))
    if after:
        return _mention(doc, cue, after.start(1), after.end(1))
    named = _NAME_THEN_COMMA.match(doc.text, cue.end, min(len(doc.text), cue.end + 50))
    if named and _subject().match(doc.folded, named.end(), min(len(doc.folded), named.end() + 40)):
        # "killed Bah Ag Moussa, the military commander of JNIM": a person named, then who they were
        return _mention(doc, cue, named.start(1), named.end(1))
    sent = doc.sentences[cue.sentence]
    intransitive = doc.folded[cue.start : cue.end] in _INTRANSITIVE
    if not intransitive and not _PASSIVE_BEFORE.search(
        doc.folded, max(sent.start, cue.start - 30), cue.start
    ):
        if doc.folded[cue.start : cue.end] in _NOUN_CUES:
            return None  # "without mentioning civilian casualties": the noun before is an adjective
        # a headline's bare participle: "Police commissioner killed in ...", "un commissaire de police tué"
        right_before = _right_before().search(doc.folded, max(sent.start, cue.start - 40), cue.start)
        return _mention(doc, cue, right_before.start(1), right_before.end(1)) if right_before else None
    one_of = _ONE_OF.search(doc.folded, max(sent.start, cue.start - 70), cue.start)
    if one_of:
        return _mention(doc, cue, one_of.start("one"), one_of.end("one"))
    start = _subject_start(doc, sent.start, cue.start)
    subject = _subject().match(doc.folded, start, cue.start) or _NAMED_SUBJECT.match(
        doc.text, start, cue.start
    )
    return _mention(doc, cue, subject.start(1), subject.end(1)) if subject else None


def listed_victims(doc: Doc, cue: Mention) -> list[Mention]:
    """ "Le chef du village, l'imam, un fils de l'imam et un VDP ont été tués": a subject listing single
    persons before a plural passive counts one each (empty when the subject is not such a list)."""
    sent = doc.sentences[cue.sentence]
    aux = _PLURAL_PASSIVE_BEFORE.search(doc.folded, max(sent.start, cue.start - 30), cue.start)
    if aux is None:
        return []
    start = _subject_start(doc, sent.start, aux.start())
    subject = doc.text[start : aux.start()]
    items = [i.strip() for i in _LIST_SPLIT.split(subject) if i.strip()]
    if len(items) < 2 or any(not _SINGLE.fullmatch(fold(i)) for i in items):
        return []
    out, at = [], start
    for item in items:
        pos = doc.text.find(item, at)
        at = pos + len(item)
        out.append(_mention(doc, cue, pos, pos + len(item)))
    return out


_PLURAL_PASSIVE_BEFORE = re.compile(r"\b(?:were|have been|had been|ont ete|avaient ete|auraient ete)\s+$")
# "Bam : ", "BURKINA: ", and a dateline before them: "PARIS, Sept 25 - ", "NIAMEY (AFP) — "
_LABEL = re.compile(
    r"(?:[A-ZÀ-Ý][A-ZÀ-Ý'’. -]{1,40}(?:,\s*(?:[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[a-zéû]{3,9}\.?))?"
    r"\s*(?:\([^)]{1,20}\))?\s*[-—–]\s+)?"
    r"(?:[^\W\d][\w' -]{0,30}\s?:\s+)?"
    r"(?:(?:In|At|À|Au|A)\s+[A-ZÀ-Ý][\w' -]{1,30},\s+)?"  # "In Saint-Louis, a student ... died"
)
_LIST_SPLIT = re.compile(r",\s*|\s+(?:et|and)\s+")
# one person per item: a determiner as a word of its own ("sa", not "saying"), a short phrase, no figure
_SINGLE = re.compile(
    r"(?:le|la|l |l'|un|une|son|sa|the|a|an|one|his|her|their)\b\s*[^\W\d]+(?:\s+[^\W\d]+){0,8}"
)


def one_before(doc: Doc, cue: Mention, number: Mention) -> Mention | None:
    """ "killing the pastor and five other people": the pastor, before the figure after the verb."""
    found = _after().match(doc.folded, cue.end, number.start)
    # "killing its owner, who had sheltered displaced people, and seven others": a clause about them between
    if found and re.match(
        r"(?:\s+(?:who|which|whose|qui|dont)\b.*)?\s+(?:and|et)\s+$", doc.folded[found.end(1) : number.start]
    ):
        return _mention(doc, cue, found.start(1), found.end(1))
    return None


def _mention(doc: Doc, cue: Mention, start: int, end: int) -> Mention:
    return Mention("number", start, end, doc.text[start:end], 1, cue.sentence, "number:singular-victim")


_POSSESSIVE_ITEM = re.compile(
    # "leur chauffeur nigérien et leur guide": an adjective may follow the noun before the next item
    r"(?i)(?:\s+[^\s,;.]+)?\s*(?:,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+)"
    r"(?P<det>their|his|her|its|leur|son|sa|an|a|une|un)\s+"
)
_POSSESSIVE = frozenset({"their", "his", "her", "its", "leur", "son", "sa"})


def possessive_singles(doc: Doc, cue: Mention, after: int) -> list[tuple[Mention, int]]:
    """ "Six French aid workers, their Nigerien driver and a local guide were shot dead": each person named
    in the list after the figure, from a possessive on, is one more dead (and where its determiner starts)."""
    out: list[tuple[Mention, int]] = []
    first = _POSSESSIVE_ITEM.search(doc.text, after, cue.start)
    if (
        first is None
        or first.group("det").lower() not in _POSSESSIVE
        or not re.fullmatch(r"[\w'’ -]*", doc.text[after : first.start()])
    ):
        return out  # the figure's own noun, then a possessive, with no other clause between
    pos = first.start()
    while (item := _POSSESSIVE_ITEM.match(doc.text, pos, cue.start)) is not None:
        noun = _noun_next(1).match(doc.folded, item.end() - 1, cue.start)
        if noun is None:
            break
        out.append((_mention(doc, cue, item.end(), noun.end()), item.start("det")))
        pos = noun.end()
    return out

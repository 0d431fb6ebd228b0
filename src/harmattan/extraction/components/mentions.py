"""Mention components: the lexicon scan (cues, generic actors, countries, date and number words),
named actors from the region pack (time-aware), and numbers."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import replace
from typing import Any

from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import Hit, capital_follows, load_taxonomy, resolve_overlaps
from harmattan.extraction.pipeline import Component, register
from harmattan.extraction.resources import ALIAS_RULE
from harmattan.regions.text import fold

# Kinds that compete for the same words: within a group the longest match wins.
_GROUPS = {
    "cue": "cue",
    "term": "actor",
    "country": "actor",
    "actor": "actor",
    "numword": "number",
    "vague": "number",
    "modifier": "modifier",
    "weekday": "date",
    "month": "date",
    "month_part": "date",
    "relative": "date",
    "past": "past",
    "hist": "hist",
    "ctx_before": "ctx",
    "ctx_near": "ctx_near",
    "ctx_admin1": "ctx_admin",
    "ctx_admin2": "ctx_admin",
    "ctx_site_after": "ctx_site",
    "ctx_near_after": "ctx_site",
}


def _add_hits(doc: Doc, hits: list[Hit], rule: str) -> None:
    grouped: dict[str, list[Hit]] = {}
    clean = doc.clean
    group_of = _GROUPS.get
    for hit in hits:
        kind = hit.entry.kind
        if (kind == "ctx_before" or kind == "ctx_near") and not capital_follows(clean, hit.end):
            continue  # an introducing word only matters before a capitalised name (resources.lexicon's
            # scanner drops the others already; this keeps any other scanner's hits to the same rule)
        if kind == "cue" and _MONTH_DATE.match(clean, hit.start, hit.end + 5):
            continue  # "the March 2022 killings", "a March 27 raid": a month, no march
        if kind == "cue" and _NEGATED.search(doc.folded, max(0, hit.start - 16), hit.start):
            continue  # "no arrest had been announced", "aucune attaque n'a été signalée"
        if kind == "cue" and hit.entry.value in _needs_object() and not _object_told(doc, hit):
            continue  # "ont repris le chemin de l'école": no town retaken (triggers.yaml needs_object)
        group = group_of(kind, kind)
        bucket = grouped.get(group)
        if bucket is None:
            grouped[group] = [hit]
        else:
            bucket.append(hit)
    kept = [h for group in grouped.values() for h in resolve_overlaps(group)]
    kept.sort(key=_hit_start)  # stable, as the groups' order breaks ties
    sentences = doc.sentences
    last = len(sentences) - 1
    text, add = doc.text, doc.mentions.append
    index = 0
    for hit in kept:
        start = hit.start
        # hits come in text order: walk the sentences alongside instead of searching for each
        while index < last and start >= sentences[index].end:
            index += 1
        entry = hit.entry
        if entry.value == "protest" and text[start].isupper() and _in_a_name(text, sentences[index], start):
            continue
        if (
            entry.kind == "term"
            and entry.value[0] == "civilian"
            and _ESCORTED_CONVOY.match(doc.folded, start)
        ):
            continue  # "un convoi de camions escorté par les FAMa": the escort is the armed object
        if (
            entry.kind == "term"
            and text[start].isupper()
            and _NAME_GOES_ON.match(text, hit.end)
            and _in_a_name(text, sentences[index], start)
        ):
            continue  # "the Government Girls Science and Technical College": a name, no government
        add(
            Mention(
                entry.kind,
                start,
                hit.end,
                text[start : hit.end],
                entry.value,
                index if sentences else -1,
                f"{rule}:{entry.term}",
                entry.lang,
            )
        )


def _in_a_name(text: str, sentence: Any, start: int) -> bool:
    """ "le Mouvement du 5 juin-Rassemblement des forces patriotiques", "the Rally for the Republic": a
    capitalised protest word inside a sentence that is not a title-case headline names a party."""
    before = text[sentence.start : start].strip()
    if not before or before[-1] in '.!?:«"“—–':
        return False
    words = [w for w in text[sentence.start : sentence.end].split() if w[:1].isalpha()]
    return sum(w[0].isupper() for w in words) * 2 < len(words)


# a capitalised word after a capitalised term, not a country's name or demonym: the term starts a name
_NAME_GOES_ON = re.compile(r" (?!(?:of|de|du|des)\b)[A-Z][a-z]+ [A-Z][a-z]+")
_ESCORTED_CONVOY = re.compile(
    r"(?:convoy|convoi)\w*\s+(?:\w+\s+){0,5}?"
    r"(?:escorted by|escorte\w* par|under the escort of|sous (?:l )?escorte)\b"
)
_NEGATED = re.compile(r"\b(?:no|aucune?|not a single|pas une? seule?|no new|aucune nouvelle)\s+$")
_MONTH_DATE = re.compile(r"(?:the |a |la |une )?(?:March|Marche?)\s+\d")


@functools.cache
def _needs_object() -> dict[str, dict[str, Any]]:
    """triggers.yaml ``needs_object``, folded: per cue, its words that need an object, the objects and what
    may never follow."""
    table = load_taxonomy("triggers").get("needs_object", {})
    return {
        cue: {
            "words": frozenset(fold(w) for w in spec.get("words", [])),
            "objects": frozenset(fold(w) for w in spec.get("objects", [])),
            "objects_before": frozenset(fold(w) for w in spec.get("objects_before", [])),
            "never_after": tuple(fold(w) for w in spec.get("never_after", [])),
        }
        for cue, spec in table.items()
    }


def _object_told(doc: Doc, hit: Hit) -> bool:
    """Whether a cue of ``needs_object`` acts on something: an object word or a name after "de"/"of"."""
    spec = _needs_object()[hit.entry.value]
    after = doc.folded[hit.end : hit.end + 60].split()
    if any(phrase in " ".join(after[:6]) for phrase in spec["never_after"]):
        return False
    if fold(hit.entry.term) not in spec["words"]:
        return True
    before = doc.folded[max(0, hit.start - 60) : hit.start].split()[-4:]
    if any(word.strip(".,;:") in spec["objects"] for word in after[:4]):
        return True
    if any(word.strip(".,;:") in spec["objects_before"] for word in before):
        return True
    return bool(_NAME_AFTER_OF.match(doc.text, hit.end))


# "la reprise d'Anefis", "la reprise de Kidal", "the recapture of Gao"
_NAME_AFTER_OF = re.compile(r"[ ,]*(?:\S+ ){0,3}?(?:de |d'|d’|of )[A-ZÀ-Ý]")


def _hit_start(hit: Hit) -> int:
    return hit.start


@register
class LexiconMentions(Component):
    """One Aho-Corasick pass over the folded text for every taxonomy word list."""

    name = "lexicon"
    requires = ("folded", "sentences", "lang")
    provides = ("cues", "terms", "countries", "date_words", "number_words", "context_words")

    def __call__(self, doc: Doc) -> Doc:
        hits = list(self.resources.lexicon.scan(doc.clean, doc.folded, doc.langs))
        _add_hits(doc, hits, "lexicon")
        _drop_lone_terms(doc)
        _drop_stances(doc)
        _drop_terms_in_names(doc)
        _cities_named_for_countries(doc)
        _country_words_naming_no_country(doc)
        _names_of_accords(doc)
        _areas_named_like_countries(doc)
        for m in doc.mentions:
            if m.kind == "cue" and 0 <= m.sentence < len(doc.sentences):
                doc.sentences[m.sentence].has_cue = True
        doc.country = _document_country(doc)
        return doc


#: a generic term's country field meaning "only with a country word beside it" ("forces maliennes")
BESIDE = "beside"


def _country_words_naming_no_country(doc: Doc) -> None:
    """ "village chief Youssouf Togo told AFP": a country's name right after a given name, within a
    sentence, is a surname; "le fleuve Niger" is a river."""
    doc.mentions = [
        m for m in doc.mentions if not (m.kind == "country" and (_surname(doc, m) or _river(doc, m)))
    ]


def _river(doc: Doc, m: Mention) -> bool:
    """ "au bord du fleuve Niger", "the River Niger", "the Niger Delta": the river, not the country ("Lake
    Chad" stays: fresh French reports of the lac Tchad area are Chad's more often than not)."""
    return bool(
        _RIVER_BEFORE.search(doc.folded, max(0, m.start - 12), m.start)
        or _RIVER_AFTER.match(doc.folded, m.end)
    )


_RIVER_BEFORE = re.compile(r"\b(?:fleuve|river|riviere)\s+$")
_RIVER_AFTER = re.compile(r"\s+(?:river|delta|basin)\b")


def _surname(doc: Doc, m: Mention) -> bool:
    before = _WORD_BEFORE.search(doc.clean, max(0, m.start - 30), m.start)
    if before is None or before.group(1).lower() in _NOT_GIVEN_NAMES:
        return False
    # a person: the name speaks ("Youssouf Togo told AFP") or a role comes before it ("village chief ...")
    speaks = _SPEAKS_AFTER.match(doc.folded, m.end) is not None
    role = _ROLE_BEFORE.search(doc.folded, max(0, before.start(1) - 40), before.start(1)) is not None
    return speaks or role


_WORD_BEFORE = re.compile(r"(?<![\w.])([A-ZÀ-Ý][a-zà-ÿ]{2,})\s+$")
# capitalised words before a country that name no person: directions, places, bodies
_NOT_GIVEN_NAMES = frozenset(
    {"the", "and", "lake", "north", "south", "east", "west", "central", "french", "republic", "government"}
)
_SPEAKS_AFTER = re.compile(
    r"\s*,?\s+(?:told|said|says|added|explained|confirmed|recalled|a declare|a dit|a affirme|a explique|"
    r"a raconte|a indique|affirme|explique|raconte|indique|a confie|confie)\b"
)
_ROLE_BEFORE = re.compile(
    r"\b(?:chief|mayor|official|spokesman|spokesperson|resident|teacher|imam|farmer|trader|witness|"
    r"chef|maire|porte parole|habitant|notable|elu|responsable|temoin|enseignant|commercant)\s+$"
)


def _cities_named_for_countries(doc: Doc) -> None:
    """ "à Alger": French puts "à" before a town, "en"/"au" before a country, so a country word ("Alger"
    standing for Algeria) after "à" is the city, left to the place scan; but "ses ambassadeurs à Alger" are
    posted to the country."""
    doc.mentions = [
        m
        for m in doc.mentions
        if not (
            m.kind == "country"
            and m.lang == "fr"
            and _A_BEFORE.search(doc.clean, max(0, m.start - 3), m.start)
            and not _POSTED_TO.search(doc.folded, max(0, m.start - 30), m.start)
        )
    ]


_A_BEFORE = re.compile(r"(?:^|\s)[àÀ]\s$")
_POSTED_TO = re.compile(r"\b(?:ambassade\w*|ambassadeurs?|diplomates?|representation)\s+(?:\w+\s+)?a\s+$")


def in_accord_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a name stands in the name of an agreement ("the 2015 Algiers peace agreement")."""
    return bool(
        ACCORD_BEFORE.search(doc.folded, max(0, start - 40), start) or ACCORD_AFTER.match(doc.folded, end)
    )


def _names_of_accords(doc: Doc) -> None:
    """ "l'accord d'Alger", "the Algiers accord", "les accords de Ouagadougou": a country word or a capital
    in the name of an agreement names no party and no place; the mention becomes a ``name_part``."""
    for i, m in enumerate(doc.mentions):
        if m.kind == "country" and in_accord_name(doc, m.start, m.end):
            doc.mentions[i] = replace(m, kind="name_part", value=None)


def _areas_named_like_countries(doc: Doc) -> None:
    """ "Papiri, in Niger State", "dans l'État du Niger": Nigeria's state, not the country Niger; the country
    word is dropped, and the place scan reads the state (``area_named_like`` in countries.yaml)."""
    named = load_taxonomy("countries").get("area_named_like", {})
    if not named:
        return
    dropped = [m for m in doc.mentions if m.kind == "country" and _area_word(doc, m, named)]
    if dropped:
        doc.mentions = [m for m in doc.mentions if m not in dropped]
        doc.user_data["area_words"] = {(m.start, m.end) for m in dropped}  # no actor either


def _area_word(doc: Doc, m: Mention, named: dict[str, Any]) -> bool:
    words = named.get(str(m.value))
    if not words:
        return False
    after = doc.folded[m.end : m.end + 12].split()
    before = " ".join(doc.folded[max(0, m.start - 12) : m.start].split()[-2:])
    return bool(after and after[0] in words["after"]) or before in words["before"]


# on the folded text (apostrophes and hyphens are spaces): "accord pour la paix ... issu du processus d'Alger"
ACCORD_BEFORE = re.compile(
    r"\b(?:accords?|processus|agreements?|pacte|plateforme|platform)(?:\s+(?:de|pour)\s+(?:la\s+)?paix)?"
    r"\s+(?:d|de|of)\s+$"
)
ACCORD_AFTER = re.compile(r"\s+(?:peace\s+)?(?:accords?|agreements?|deal|process|talks)\b")


def _drop_lone_terms(doc: Doc) -> None:
    """Terms that name a party only beside a country word ("Malian forces") are dropped elsewhere
    ("the forces of evil")."""
    lone = [m for m in doc.mentions if m.kind == "term" and m.value[3] == BESIDE]
    if not lone:
        return
    countries = [m for m in doc.mentions if m.kind == "country"]
    drop = {
        id(m)
        for m in lone
        if not any(0 <= c.start - m.end <= 2 or 0 <= m.start - c.end <= 2 for c in countries)
    }
    if drop:  # one pass: removing one by one is quadratic in a long report
        doc.mentions[:] = [m for m in doc.mentions if id(m) not in drop]


def _drop_stances(doc: Doc) -> None:
    """ "the pro-government GATIA militia", "anti-French protesters": a party word after "pro-"/"anti-" tells
    which side someone takes, not a party of its own."""
    doc.mentions[:] = [
        m
        for m in doc.mentions
        if m.kind not in ("term", "country") or not _STANCE.search(doc.text, max(0, m.start - 6), m.start)
    ]


_STANCE = re.compile(r"(?i)\b(?:pro|anti)[-‑]$")


@functools.lru_cache(maxsize=1)
def _not_a_party() -> re.Pattern[str] | None:
    """``not_a_party`` of taxonomies/actor_terms.yaml as one pattern over the folded text."""
    spec = load_taxonomy("actor_terms").get("not_a_party") or {}
    words = sorted({fold(w) for lang in ("en", "fr") for w in spec.get(lang, [])}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b") if words else None


def _drop_terms_in_names(doc: Doc) -> None:
    """ "Danko-Wasagu local government area", "Government Girls Secondary School": a party word inside
    such a name names no party."""
    pattern = _not_a_party()
    if pattern is None or not any(m.kind == "term" for m in doc.mentions):
        return
    spans = [(f.start(), f.end()) for f in pattern.finditer(doc.folded)]
    if spans:
        doc.mentions[:] = [
            m for m in doc.mentions if m.kind != "term" or not any(a <= m.start < b for a, b in spans)
        ]


_TOWARDS = re.compile(
    r"\b(?:headed|heading|bound|en route|on its way|on their way|destined)\s+(?:for|to)?\s*(?:the\s+)?$|"
    # "as they withdrew towards Mali", "en se repliant vers le Mali": where the attackers went
    r"\b(?:withdrew|withdrawing|retreated|retreating|fled|fleeing|repliant|replies|replie)\s+(?:towards?|vers)\s+"
    r"(?:the\s+|le\s+|la\s+|l\s+)?$|"
    r"\b(?:vers|a destination de|en direction de|en route pour)\s+(?:le\s+|la\s+|l\s+)?$"
)


def beside_border(doc: Doc, m: Mention) -> bool:
    """ "near the Malian border", "près de la frontière nigérienne": the country is the other side."""
    near = doc.folded[max(0, m.start - 20) : m.end + 20]
    return "border" in near or "frontiere" in near


def heading_to(doc: Doc, m: Mention) -> bool:
    """ "a convoy headed for Niger", "en route vers le Mali": where it was going, not where it is."""
    return bool(_TOWARDS.search(doc.folded[max(0, m.start - 25) : m.start]))


_HEAD_BEFORE = re.compile(r"\b(?:president|chef de l etat)\s+$")
_HEAD_AFTER = re.compile(r"\s+(?:president|head of state)\b")


def _document_country(doc: Doc) -> str | None:
    focus = set(load_taxonomy("countries")["focus"])
    counts: Counter[str] = Counter()
    for m in doc.mentions:
        if m.kind == "country" and m.value in focus:
            if beside_border(doc, m):
                continue  # "near the Malian border" says where it is not
            if heading_to(doc, m):
                continue
            if _HEAD_BEFORE.search(doc.folded, max(0, m.start - 30), m.start) or _HEAD_AFTER.match(
                doc.folded, m.end
            ):
                continue  # "l'ancien président nigérian Goodluck Jonathan" mediates: a person, not the place
            # the headline (first sentence) says what the report is about: weigh it more
            counts[str(m.value)] += 3 if m.sentence == 0 else 1
    return counts.most_common(1)[0][0] if counts else None


@register
class ActorMentions(Component):
    """Named actors from the region pack's aliases, resolved to the entity valid on the report's date."""

    name = "actors"
    requires = ("folded", "sentences", "countries")
    provides = ("actors",)

    def __call__(self, doc: Doc) -> Doc:
        scanner = self.resources.actor_scanner
        hits = resolve_overlaps(list(scanner.scan(doc.clean, doc.folded, None)))
        areas = doc.user_data.get("area_words")
        if areas:
            hits = [h for h in hits if (h.start, h.end) not in areas]
        for hit in hits:
            text, actor_id = hit.entry.value
            if (
                doc.text[hit.start : hit.end].isupper()
                and _RANK_BEFORE_NAME.match(doc.text, hit.end)
                and _SPOKESMAN_BEFORE.search(doc.folded, max(0, hit.start - 30), hit.start)
            ):
                continue  # "police spokesman CSP Nafiu Abubakar": a rank before a name, not the coalition
            resolved = self.resources.resolve_alias(text, actor_id, doc.published, doc.country)
            doc.mentions.append(
                Mention(
                    "actor",
                    hit.start,
                    hit.end,
                    doc.text[hit.start : hit.end],
                    resolved,
                    doc.sentence_of(hit.start),
                    f"{ALIAS_RULE}{text}",
                )
            )
        _drop_shadowed(doc)
        if doc.country is None:
            doc.country = self._forces_country(doc)
        return doc

    def _forces_country(self, doc: Doc) -> str | None:
        """ "Les FAMa ont repoussé une attaque à Boni": a report that names no country but one country's
        own forces or militias is about that country (Boni in Mali, not its namesake in Burkina Faso)."""
        focus = set(load_taxonomy("countries")["focus"])
        counts: Counter[str] = Counter()
        for m in doc.mentions:
            actor = self.resources.actor(str(m.value)) if m.kind == "actor" else None
            if actor is None or str(actor.kind) not in ("state_force", "militia"):
                continue
            countries = list(getattr(actor, "countries", None) or [])
            if len(countries) == 1 and countries[0] in focus:
                counts[countries[0]] += 1
        if len(counts) != 1:
            return None  # forces of two countries: the places must tell
        return next(iter(counts))


# an acronym followed by a person's first name and surname: a rank or title ("CSP Nafiu Abubakar")
_RANK_BEFORE_NAME = re.compile(
    r" [A-ZÀ-Ý][a-zà-ÿ]+ [A-ZÀ-Ý][a-zà-ÿ]+(?: [A-ZÀ-Ý][a-zà-ÿ]+)?\b(?! (?:and|et)\b)"
)


_SPOKESMAN_BEFORE = re.compile(
    r"\b(?:spokesman|spokesperson|spokeswoman|porte parole|commissioner|commissaire|police|officer|officier)"
    r"\s+$"
)


def _drop_shadowed(doc: Doc) -> None:
    """A named actor outranks generic words inside it ("Katiba Macina", "Burkinabe soldiers")."""
    if not any(m.kind == "actor" for m in doc.mentions):
        return
    mask = doc.mask(("actor",))
    # a 0 in the span: some character of it lies outside every named actor
    words = ("term", "cue", "numword")
    doc.mentions = [m for m in doc.mentions if m.kind not in words or mask.find(0, m.start, m.end) >= 0]


_NON_DIGIT = re.compile(r"\D")
# (?=\d) first: the regex engine skips to digits instead of testing the look-behind at every character
_DIGITS = re.compile(
    r"(?=\d)(?<![\w/.,:])(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d+)(?![\w/:]|[.,]\d|\s?%|\s?h\d)"
)


@register
class NumberMentions(Component):
    """Numbers in digits and in words ("vingt et un", "twenty-five"), years kept apart."""

    name = "numbers"
    requires = ("clean", "sentences", "number_words")
    provides = ("numbers",)

    def __call__(self, doc: Doc) -> Doc:
        for match in _DIGITS.finditer(doc.clean):
            raw = _NON_DIGIT.sub("", match.group(1))
            value = int(raw[:12])
            kind = "year" if len(raw) == 4 and 1900 <= value <= 2100 else "number"
            doc.mentions.append(
                Mention(
                    kind,
                    match.start(1),
                    match.end(1),
                    doc.text[match.start(1) : match.end(1)],
                    value,
                    doc.sentence_of(match.start(1)),
                    "number:digits",
                )
            )
        _combine_number_words(doc)
        _scale_numbers(doc)
        return doc


# "deux millions de déplacés", "2.5 million people", "three thousand": the figure is scaled, not 2 or 3
_SCALE = re.compile(r"\s+(millions?|milliards?|billions?|thousands?|mille|milliers)\b")
_SCALES = {"million": 1_000_000, "milliard": 1_000_000_000, "billion": 1_000_000_000, "thousand": 1000}


def _scale_numbers(doc: Doc) -> None:
    for i, m in enumerate(doc.mentions):
        if m.kind != "number":
            continue
        scale = _SCALE.match(doc.folded, m.end)
        if scale is None:
            continue
        word = scale.group(1).rstrip("s")
        factor = _SCALES.get(word, 1000)
        text = doc.text[m.start : scale.end()]
        scaled = replace(m, end=scale.end(), text=text, value=int(m.value) * factor)
        doc.replace_mention(i, scaled)


def _combine_number_words(doc: Doc) -> None:
    words = sorted((m for m in doc.mentions if m.kind == "numword"), key=lambda m: m.start)
    if not words:
        return
    others = [m for m in doc.mentions if m.kind != "numword"]
    groups: list[list[Mention]] = []
    for m in words:
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None
            and _joinable(doc.folded[prev.end : m.start], int(prev.value), int(m.value))
            # "put the toll at three. A doctor said...": punctuation between two words ends the number
            and not _PUNCTUATION.search(doc.text, prev.end, m.start)
            # "All four - two young girls and a teacher": a dash set apart by spaces opens an aside
            and not _DASH_ASIDE.search(doc.text, prev.end, m.start)
        ):
            groups[-1].append(m)
        else:
            groups.append([m])
    for group in groups:
        value = 0
        for m in group:
            v = int(m.value)
            if v == 100:
                value = max(value, 1) * 100
            elif v == 20 and 1 < value < 20:
                value *= 20  # quatre-vingt(s)
            else:
                value += v
        first, last = group[0], group[-1]
        weak = len(group) == 1 and first.text.lower() in ("a", "an", "un", "une", "one")
        others.append(
            Mention(
                "number",
                first.start,
                last.end,
                doc.text[first.start : last.end],
                value,
                first.sentence,
                "number:words-weak" if weak else "number:words",
            )
        )
    doc.mentions = others


_DASH_ASIDE = re.compile(r"\s[-–—]|[-–—]\s")
_PUNCTUATION = re.compile(r"[^\w\s'’-]")


def _joinable(gap: str, before: int, after: int) -> bool:
    """ "twenty-five", "vingt et un", "a hundred and six" are one number; "seven and six" are two."""
    gap = gap.strip()
    return gap == "" or (gap in ("et", "and") and before >= 20 and after < before)

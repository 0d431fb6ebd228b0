"""The words around a gazetteer name that say whether it is a place here, and how: an introducing word
before it or an area word after it, a list it belongs to, "between X and Y", a dateline or a headline label,
a road named after a town, a person or an organisation whose name it is part of."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import load_taxonomy
from harmattan.regions.text import fold

_FR_ARTICLE = re.compile(r"\b(?:dans|de|a|vers|pour)\s+(?:le|la|l)\s*$|\b(?:du|au)\s+$")


def article_before(doc: Doc, start: int) -> bool:
    """French puts an article before a province or a region, never before a town: "dans le Soum"."""
    return bool(_FR_ARTICLE.search(doc.folded[max(0, start - 12) : start]))


# "between Titabé and Ouro Sabou", "sur la route reliant Fada N'Gourma à Pama": the second end of a pair
_BETWEEN = re.compile(
    r"\b(?:between|entre|around|near|autour de|pres de|aux environs de)\s+\S+(?:\s+\S+){0,2}"
    r"\s+(?:and|et)\s*$|"
    r"\b(?:reliant|relie|linking|connecting|links|connects)\s+\S+(?:\s+\S+){0,2}\s+(?:and|et|a|to|with)\s*$"
)


def listed_after(doc: Doc, before: tuple[Any, str | None], hit: Any) -> bool:
    """The hit is the next item of a list of places that an introducing word opened: "the villages of
    Ouatagouna, Karou and Daoutegeft" (a comma then more of the list, or the list's last "and"/"et")."""
    prev, context = before
    if context not in ("ctx_before", "ctx_near") or not _LIST_SEP.fullmatch(doc.text, prev.end, hit.start):
        return False
    if not doc.text[prev.end : hit.start].strip().startswith(","):
        return True  # "Kayes et Sandaré": the last item
    return _LIST_NEXT.match(doc.text, hit.end) is not None  # "Kayes, Diboli et ...", "Kayes, Diboli, ..."


_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|et\s+)?|and\s+|et\s+)")
_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|et\s+)?|and\s+|et\s+)[A-ZÀ-Ý]")


def between_pair(doc: Doc, start: int) -> bool:
    return bool(_BETWEEN.search(doc.folded[max(0, start - 50) : start]))


def context_before(doc: Doc, start: int, ctx: dict[int, str]) -> str | None:
    # the introducing word ends right before the name (one space, or an apostrophe: "d'Arbinda")
    for gap in (1, 2, 0):
        kind = ctx.get(start - gap)
        if kind is not None and doc.folded[start - gap : start].strip() == "":
            if kind == "ctx_before" and _NEAR_THE_VILLAGE.search(doc.folded, max(0, start - 40), start):
                return "ctx_near"  # "near the village of Tongo Tongo", "près du village de Yatako"
            return kind
    return None


_NEAR_THE_VILLAGE = re.compile(
    r"\b(?:near|around|close to|pres|proche|non loin|aux environs)\s+(?:de\s+|du\s+|d\s+|of\s+)?"
    r"(?:(?:the|la|le|l)\s+)?(?:village|town|locality|localite|hameau|camp|site)\s+(?:of|de|d)\s*$"
)


def context_after(doc: Doc, end: int, after: dict[int, str]) -> str | None:
    for gap in (1, 2):
        kind = after.get(end + gap)
        if kind is not None:
            return kind
    return None


PART_OF_COMPOUND = re.compile(r"-[A-ZÀ-Ý]")
COMPOUND_BEFORE = re.compile(r"[A-Za-zÀ-ÿ]-$")


#: how far back a line's start is looked for: a dateline or a headline label opens its line within it (and
#: a report of 300,000 characters is not scanned from its start for every name in it)
_LOOK_BACK = 200


def line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts, looked for at most :data:`_LOOK_BACK` characters back."""
    lo = max(0, pos - _LOOK_BACK)
    found = text.rfind("\n", lo, pos)
    return found + 1 if found >= 0 else lo


def dateline(doc: Doc, start: int, end: int) -> bool:
    """ "NIAMEY — ..." or "OUAGADOUGOU (AFP) -": where the reporter filed from, not where it happened."""
    begin = line_start(doc.clean, start)
    if doc.clean[begin:start].strip():
        return False
    # "NIAMEY, 12 mars" anywhere (a digest's items), "Niamey, 12 mars" only on the report's first line: a
    # paragraph that opens "Traoré, 34, said" names a person
    if not doc.clean[start:end].isupper() and doc.clean[:begin].strip():
        return False
    rest = doc.clean[end : end + 12].lstrip()
    return rest[:1] in ("—", "–", "-", ",") or rest.startswith("(")


_HEADLINE_PLACE = re.compile(r"^\s*(?:\([^()\n]{1,40}\)\s*)?:")


def headline_place(doc: Doc, start: int, end: int) -> bool:
    """ "Touronata (North Burkina): three people shot dead", "Loroum : neuf personnes tuées": a headline
    that opens with the place it is about."""
    lo = max(0, start - _LOOK_BACK)
    begin = max(line_start(doc.clean, start), doc.clean.rfind(". ", lo, start) + 2)
    if doc.clean[begin:start].strip(" #"):
        return False
    return bool(_HEADLINE_PLACE.match(doc.clean[end : end + 48]))


ROAD_AFTER = re.compile(r"(?:[ -]+[a-z]+)?[ ]+(?:road|highway|axis)\b")
_NAME_AFTER = re.compile(r"[ ']?([A-ZÀ-Ý][\w]*(?:-[A-ZÀ-Ý][\w]*)?)")
_NAME_BEFORE = re.compile(r"([A-ZÀ-Ý][\w]*(?:-[A-ZÀ-Ý][\w]*)?) $")


def designated_name(doc: Doc, m: Mention) -> tuple[int, int] | None:
    """The capitalised name a designator introduces: after "région du"/"region of", before "region"."""
    if " " in m.text.strip() or m.text.endswith("'"):
        found = _NAME_AFTER.match(doc.clean, m.end)
        return (found.start(1), found.end(1)) if found else None
    found = _NAME_BEFORE.search(doc.clean, max(0, m.start - 30), m.start)
    return (found.start(1), found.end(1)) if found and m.lang != "fr" else None


def person_name(doc: Doc, start: int) -> bool:
    """A title ("President", "Général") or two capitalised given names just before: a person's name."""
    before = doc.clean[max(0, start - 40) : start]
    if not before.endswith(" ") or before.rstrip(" ").endswith(("\n", ".", ":", ",", ";")):
        return False
    words = before.split()
    if not words:
        return False
    if _fold_word(words[-1]).strip(".") in _titles():
        return True
    given = words[-2:]
    return (
        len(given) == 2
        and all(w[:1].isupper() and w.isalpha() for w in given)
        and (len(words) < 3 or not words[-3][:1].isupper() or _fold_word(words[-3]).strip(".") in _titles())
    )


#: words before a name recur from report to report: fold each once (Unicode normalisation is slow)
_fold_word = lru_cache(maxsize=8192)(fold)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(fold(t) for t in load_taxonomy("places")["person_titles"])


def inside_proper_name(doc: Doc, start: int, end: int) -> bool:
    before = doc.clean[max(0, start - 30) : start].rstrip(" ")
    after = doc.clean[end : end + 30].lstrip(" ")
    prev_word = before.split(" ")[-1] if before and not before.endswith(("\n", ".", ":", ",")) else ""
    # "Mohamed Bazoum, toujours détenu", "Mohamed Bazoum's victory": the name goes on past the punctuation
    found = _WORD.match(after) if after else None
    next_word = found.group(0) if found else ""
    return (prev_word[:1].isupper() and prev_word.isalpha()) or next_word[:1].isupper()


_WORD = re.compile(r"[^\W\d_]+")


def names_a_thing(doc: Doc, start: int, end: int) -> bool:
    """ "the passenger boat "Tombouctou"", "the Tombouctou, a passenger boat": a place's name given to a boat
    (or quoted as a name) names no place."""
    before = doc.clean[max(0, start - 40) : start]
    after = doc.clean[end : end + 60]
    quoted = bool(_OPEN_QUOTE.search(before)) and bool(_CLOSE_QUOTE.match(after))
    # "l'agence nationale de gestion des urgences (NEMA)", "le porte-parole de la NEMA": a name in capitals
    # amid lower-case words is an acronym of a body, not Néma (a dateline's "NIAMEY, March 3" starts a line)
    words_before = _WORD.findall(before[-30:].rsplit("\n", 1)[-1])
    acronym = (
        len(doc.clean[start:end]) >= 3
        and doc.clean[start:end].isupper()
        and bool(words_before)
        and words_before[-1].islower()
    )
    return (
        quoted
        or acronym
        or bool(_VESSEL_BEFORE.search(before))
        or bool(_VESSEL_AFTER.match(after))
        # "Selon Niamey, les forces ont riposté": the capital stands for the government that told it
        or bool(_SOURCE_BEFORE.search(before) and after.startswith(","))
        # "a Bamako news site close to GATIA": the town qualifies the outlet that reported it
        or bool(_A_BEFORE.search(before) and _OUTLET_AFTER.match(after))
        # "the wounded were taken to hospital in Dori", "évacués vers Maroua": where the wounded went
        or bool(_EVACUATED_TO.search(before))
        # "an official from the nearby town of Bankass": where a witness came from, beside the event's place
        or bool(_FROM_NEARBY.search(before))
    )


_FROM_NEARBY = re.compile(
    r"(?i)\b(?:from|of)\s+the\s+(?:nearby|neighbouring|neighboring)\s+(?:town|city|village)\s+of\s+$"
    r"|\bde\s+la\s+(?:ville|localité|localite)\s+voisine\s+de\s+$"
)


_SOURCE_BEFORE = re.compile(r"(?i)(?:^|[.;,]\s*|\n)(?:selon|d'après|according to)\s+$")
_EVACUATED_TO = re.compile(
    r"(?i)\b(?:(?:taken|rushed|flown|airlifted|transferred|admitted)\s+to\s+(?:a\s+|the\s+)?hospital\s+in"
    r"|(?:evacuated|airlifted|flown)\s+to|(?:évacués?|évacuées?|transférés?|transportés?)\s+(?:vers|sur|à)"
    r"|(?:l'|à l')h[ôo]pital\s+(?:régional\s+|de district\s+)?(?:de|d')|hospital\s+in)\s*$"
)
_A_BEFORE = re.compile(r"(?i)\b(?:a|an)\s+$")
_OUTLET_AFTER = re.compile(
    r"(?i)(?:-based)?\s+(?:news\s+(?:site|website|agency|outlet)|newspaper|daily|weekly|radio|television|"
    r"broadcaster|outlet|media\s+outlet)\b"
)
_OPEN_QUOTE = re.compile(r"[\"«“]\s*$")
_CLOSE_QUOTE = re.compile(r"\s*[\"»”]")
_VESSEL = r"(?:boat|vessel|ship|ferry|barge|bateau|navire|baleiniere|baleinière|pinasse|chaland)"
_VESSEL_BEFORE = re.compile(rf"(?i)\b{_VESSEL}\s+(?:de\s+\w+\s+)?[\"«“]?\s*$")
_VESSEL_AFTER = re.compile(rf"(?i)\s*,\s*(?:a|an|un|une|le|la|the)\s+(?:[\w-]+\s+){{0,3}}?{_VESSEL}\b")


def site_named(doc: Doc, start: int, end: int) -> str | None:
    """ "in the Kouré giraffe reserve", "dans la forêt de Kodjoga" is introduced by its site: a place's name
    between an article after a preposition and a site noun is the place."""
    if _IN_THE.search(doc.folded, max(0, start - 14), start) and _SITE_AFTER.match(doc.folded, end):
        return "ctx_before"
    return None


_IN_THE = re.compile(r"\b(?:in|at|near|into|from)\s+the\s+$")
_SITE_AFTER = re.compile(
    # (not "village", "town": "the Dogon village of Sobane-Da" names a people)
    r"\s+(?:[a-z]+\s+)?(?:reserve|forest|park|camp|mine|market|valley|base|airport|prison|district|commune|"
    r"department)\b"
)

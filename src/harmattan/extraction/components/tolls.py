"""One sentence, several occurrences: tolls at several places ("Gunmen killed eight people in Sagho and seven
in Toékodogo", "attacked Pétéguersé and Bombofa, killing seven and six people respectively") and places on
several days ("entered Kidal on Friday, Gao on Saturday and Timbuktu on Sunday") are several events."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from harmattan.extraction.doc import Doc, Mention

if TYPE_CHECKING:
    from harmattan.extraction.components.events import Candidate

_RESPECTIVELY = re.compile(r"\b(?:respectively|respectivement)\b")
# a figure, its noun, then where: "eight people in Sagho", "sept à Toékodogo"
_FIGURE_AT = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:in|at|near|a|au|dans|pres de)\s+$")


def split_tolls(doc: Doc, cand: Candidate) -> list[Candidate]:
    """One candidate per (figure, place) pair the sentence states; the candidate itself otherwise."""
    places = [
        m for m in doc.of_kind("place", cand.sentence) if m.value.place.kind not in ("admin1", "admin2")
    ]
    if len(places) < 2:
        return [cand]
    killed = sorted(cand.counts.get("killed", []), key=lambda f: f[2].start)
    pairs = _respective(doc, cand, killed, places) or _each_at(doc, killed, places) if len(killed) > 1 else []
    if not pairs:
        by_day = _by_day(doc, cand, places)
        return by_day if len(by_day) > 1 else _by_place_list(doc, cand, places)
    out = []
    for i, (figure, place) in enumerate(pairs):
        counts = {**cand.counts, "killed": [figure]} if i == 0 else {"killed": [figure]}
        out.append(replace(cand, counts=counts, place=place))
    return out


def _respective(
    doc: Doc, cand: Candidate, killed: list[tuple[int, str, Mention]], places: list[Mention]
) -> list[tuple[tuple[int, str, Mention], Mention]]:
    sent = doc.sentences[cand.sentence]
    if len(killed) != len(places) or not _RESPECTIVELY.search(doc.folded, sent.start, sent.end):
        return []
    return list(zip(killed, sorted(places, key=lambda m: m.start), strict=True))


def _figure_at(doc: Doc, n: Mention, place: Mention) -> bool:
    return 0 < place.start - n.end <= 30 and bool(_FIGURE_AT.fullmatch(doc.folded, n.end, place.start))


def _each_at(
    doc: Doc, killed: list[tuple[int, str, Mention]], places: list[Mention]
) -> list[tuple[tuple[int, str, Mention], Mention]]:
    pairs = []
    for figure in killed:
        n = figure[2]
        place = next((p for p in places if _figure_at(doc, n, p)), None)
        if place is None:
            return []
        pairs.append((figure, place))
    return pairs if len({id(p) for _, p in pairs}) == len(pairs) else []


_PARALLEL = re.compile(
    r"\s*(?:(?:and|et|puis|then)\s+)?(?:(?:in|at|near|on|a|au|aux|dans|pres de|le|la|the)\s+)*"
)


def _by_day(doc: Doc, cand: Candidate, places: list[Mention]) -> list[Candidate]:
    """Places and days that alternate ("vendredi dans Kidal, samedi dans Gao", "near Yorsala on Friday and
    near Bourzanga on Saturday"): one event per place on its day. A figure for all of them is a total, not
    any one event's toll, so the split events carry none."""
    dates = [m for m in doc.of_kind("date", cand.sentence) if m.value[1] == 1]
    if len(dates) != len(places) or len({m.value[0] for m in dates}) != len(dates):
        return [cand]
    told = sorted([*places, *dates], key=lambda m: m.start)
    if any(a.kind == b.kind for a, b in pairwise(told)):
        return [cand]
    pairs = [(told[i], told[i + 1]) for i in range(0, len(told), 2)]
    # only a parallel list ("vendredi dans Kidal, samedi dans Gao et dimanche dans Tombouctou"), not an
    # itinerary ("left Kaya on Monday and was ambushed near Dori on Tuesday")
    if not all(_PARALLEL.fullmatch(doc.folded, a[1].end, b[0].start) for a, b in pairwise(pairs)):
        return [cand]
    kept = {k: v for k, v in cand.counts.items() if k != "killed"}
    days = _in_order([_of(pair, "date") for pair in pairs])
    return [
        replace(cand, counts=kept if i == 0 else {}, place=_of(pair, "place"), date=day)
        for i, (pair, day) in enumerate(zip(pairs, days, strict=True))
    ]


_SEVERAL_ATTACKS = re.compile(
    r"\b(?:attaques|attacks|raids|simultan\w*|coordonn\w*|coordinated|series of|serie d)\b"
)
_LIST_GAP = re.compile(r"\s*(?:,|et|and|ainsi que)?\s*(?:(?:de|d|a|in|at)\s+)?")


def _by_place_list(doc: Doc, cand: Candidate, places: list[Mention]) -> list[Candidate]:
    """ "attaques coordonnées contre des camps à Kayes, Niono et Nioro du Sahel", "attacked simultaneously
    the villages of Karou, Ouatagouna and Daoutegeft": several attacks on a list of towns are one event per
    town; a toll for all of them is a total, so the split events carry none."""
    sent = doc.sentences[cand.sentence]
    if not _SEVERAL_ATTACKS.search(doc.folded, sent.start, sent.end):
        return [cand]
    towns = sorted(places, key=lambda m: m.start)
    run = [towns[0]]
    for a, b in pairwise(towns):
        if _LIST_GAP.fullmatch(doc.clean, a.end, b.start):
            run.append(b)
        elif len(run) < 2:
            run = [b]
        else:
            break
    if len(run) < 2:
        return [cand]
    kept = {k: v for k, v in cand.counts.items() if k != "killed"}
    return [replace(cand, counts=kept if i == 0 else {}, place=town) for i, town in enumerate(run)]


def _in_order(days: list[Mention]) -> list[Mention]:
    """Weekdays told in sequence follow each other: "vendredi ..., samedi ..., dimanche" published on a
    Friday is the week before's Friday, then Saturday and Sunday, not today then the past weekend."""
    out = list(days)
    for i in range(len(out) - 2, -1, -1):
        later = out[i + 1].value[0]
        while out[i].value[0] > later:
            date, precision = out[i].value
            out[i] = replace(out[i], value=(date - dt.timedelta(days=7), precision))
    return out


def _of(pair: tuple[Mention, Mention], kind: str) -> Mention:
    return pair[0] if pair[0].kind == kind else pair[1]

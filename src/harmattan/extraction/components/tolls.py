"""Several tolls in one sentence at several places are several events: "Gunmen killed eight people in Sagho
and seven in Toékodogo", "attacked Pétéguersé and Bombofa, killing seven and six people respectively"."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from harmattan.extraction.doc import Doc, Mention

if TYPE_CHECKING:
    from harmattan.extraction.components.events import Candidate

_RESPECTIVELY = re.compile(r"\b(?:respectively|respectivement)\b")
# a figure, its noun, then where: "eight people in Sagho", "sept à Toékodogo"
_FIGURE_AT = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:in|at|near|a|au|dans|pres de)\s+$")


def split_tolls(doc: Doc, cand: Candidate) -> list[Candidate]:
    """One candidate per (figure, place) pair the sentence states; the candidate itself otherwise."""
    killed = sorted(cand.counts.get("killed", []), key=lambda f: f[2].start)
    if len(killed) < 2:
        return [cand]
    places = [
        m for m in doc.of_kind("place", cand.sentence) if m.value.place.kind not in ("admin1", "admin2")
    ]
    if len(places) < 2:
        return [cand]
    pairs = _respective(doc, cand, killed, places) or _each_at(doc, killed, places)
    if not pairs:
        return [cand]
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
